/* A bump allocator: a plan's objects and strings are freed all at once with the plan.
 * Blocks grow with the arena, so that a small plan stays small and a large one is held
 * in few large blocks. */
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

enum { FIRST_BLOCK = 16 * 1024, LARGEST_BLOCK = 64 * 1024 * 1024 };
/* A block this large is paged in ahead of use, this much at a time: one call for many
 * pages costs less than a fault for each, and little is paged in that is not used. */
enum { PREFAULT_FROM = 1024 * 1024, PREFAULT_STEP = 256 * 1024 };

/* Pages in the head's memory up to a step beyond what is used (the use just passed what
 * was paged in). */
static void prefault(const kik_allocator *a, kik__arena *arena)
{
	size_t to = arena->size - arena->used > PREFAULT_STEP ? arena->used + PREFAULT_STEP : arena->size;
	kik__prefault(a, arena->ready, (char *)arena->head->data + to);
	arena->ready = (char *)arena->head->data + to;
}

/* A new block for at least `need` bytes: as large as the arena so far (so blocks double),
 * within limits. A very large request gets a block of its own behind the head, so that the
 * head's free room is not wasted. */
static char *new_block(const kik_allocator *a, kik__arena *arena, size_t need)
{
	size_t payload = arena->total < FIRST_BLOCK ? FIRST_BLOCK : arena->total;
	kik__arena_block *block;
	int own = 0;
	if (payload > LARGEST_BLOCK)
		payload = LARGEST_BLOCK;
	if (need > LARGEST_BLOCK / 4 && arena->head) {
		payload = need;
		own = 1;
	} else if (need > payload) {
		payload = need;
	}
	if (payload > SIZE_MAX - sizeof(kik__arena_block))
		return NULL;
	block = kik__malloc(a, sizeof(kik__arena_block) + payload);
	if (!block)
		return NULL;
	arena->total += payload;
	if (own) {
		block->next = arena->head->next;
		arena->head->next = block;
		return (char *)block->data;
	}
	block->next = arena->head;
	arena->head = block;
	arena->used = need;
	arena->size = payload;
	/* a small block counts as paged in: only a large one is paged in ahead */
	arena->ready = (char *)block->data + (payload < PREFAULT_FROM ? payload : 0);
	if ((char *)block->data + arena->used > arena->ready)
		prefault(a, arena);
	return (char *)block->data;
}

static void *take(const kik_allocator *a, kik__arena *arena, size_t size, size_t align)
{
	size_t at = (arena->used + align - 1) & ~(align - 1);
	if (arena->head && at <= arena->size && arena->size - at >= size) {
		arena->used = at + size;
		if ((char *)arena->head->data + arena->used > arena->ready)
			prefault(a, arena);
		return (char *)arena->head->data + at;
	}
	return new_block(a, arena, size);
}

void *kik__arena_raw(const kik_allocator *a, kik__arena *arena, size_t size)
{
	if (size > SIZE_MAX - 8)
		return NULL;
	return take(a, arena, (size + 7) & ~(size_t)7, 8);
}

void *kik__arena_alloc(const kik_allocator *a, kik__arena *arena, size_t size)
{
	void *p;
	if (size > SIZE_MAX - 8)
		return NULL;
	size = (size + 7) & ~(size_t)7;
	if (!(p = take(a, arena, size, 8)))
		return NULL;
	memset(p, 0, size);
	return p;
}

char *kik__arena_strndup(const kik_allocator *a, kik__arena *arena, const char *s, size_t len)
{
	char *copy;
	if (len == SIZE_MAX || !(copy = take(a, arena, len + 1, 1)))
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

void kik__arena_adopt(kik__arena *to, kik__arena *from)
{
	kik__arena_block *last = from->head;
	if (!last)
		return;
	while (last->next)
		last = last->next;
	/* the adopted blocks go behind the head, which keeps filling */
	if (to->head) {
		last->next = to->head->next;
		to->head->next = from->head;
	} else {
		*to = *from;
		memset(from, 0, sizeof(*from));
		return;
	}
	to->total += from->total;
	memset(from, 0, sizeof(*from));
}

void kik__arena_free(const kik_allocator *a, kik__arena *arena)
{
	kik__arena_block *block = arena->head;
	while (block) {
		kik__arena_block *next = block->next;
		kik__free(a, block);
		block = next;
	}
	memset(arena, 0, sizeof(*arena));
}
