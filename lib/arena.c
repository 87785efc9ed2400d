/* A bump allocator: a plan's objects and strings are freed all at once with the plan. */
#include "internal.h"

#include <string.h>

struct kik__arena_block {
	kik__arena_block *next;
	/* payload follows, aligned for any object */
	union {
		max_align_t align;
		char bytes[1];
	} data[];
};

enum { ARENA_BLOCK = 16 * 1024 };

void *kik__arena_alloc(const kik_allocator *a, kik__arena *arena, size_t size)
{
	size_t align = sizeof(max_align_t);
	size_t rounded;
	void *p;
	if (size > SIZE_MAX - align)
		return NULL;
	rounded = (size + align - 1) / align * align;
	if (!arena->head || arena->size - arena->used < rounded) {
		size_t payload = rounded > ARENA_BLOCK ? rounded : ARENA_BLOCK;
		kik__arena_block *block;
		if (payload > SIZE_MAX - sizeof(kik__arena_block))
			return NULL;
		block = kik__malloc(a, sizeof(kik__arena_block) + payload);
		if (!block)
			return NULL;
		block->next = arena->head;
		arena->head = block;
		arena->used = 0;
		arena->size = payload;
	}
	p = (char *)arena->head->data + arena->used;
	arena->used += rounded;
	memset(p, 0, size);
	return p;
}

char *kik__arena_strndup(const kik_allocator *a, kik__arena *arena, const char *s, size_t len)
{
	char *copy;
	if (len == SIZE_MAX)
		return NULL;
	copy = kik__arena_alloc(a, arena, len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

void kik__arena_free(const kik_allocator *a, kik__arena *arena)
{
	kik__arena_block *block = arena->head;
	while (block) {
		kik__arena_block *next = block->next;
		kik__free(a, block);
		block = next;
	}
	arena->head = NULL;
	arena->used = arena->size = 0;
}
