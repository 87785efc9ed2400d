/* Allocation through a plan's allocator, and the two growable containers built on it. */
#define _DEFAULT_SOURCE /* madvise() */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

void *kik__malloc(const kik_allocator *a, size_t size)
{
	if (size == 0)
		size = 1;
	return a->malloc ? a->malloc(size, a->ctx) : malloc(size);
}

void *kik__realloc(const kik_allocator *a, void *ptr, size_t size)
{
	if (size == 0)
		size = 1;
	return a->realloc ? a->realloc(ptr, size, a->ctx) : realloc(ptr, size);
}

void kik__free(const kik_allocator *a, void *ptr)
{
	if (!ptr)
		return;
	if (a->free)
		a->free(ptr, a->ctx);
	else
		free(ptr);
}

char *kik__strndup(const kik_allocator *a, const char *s, size_t len)
{
	char *copy = kik__malloc(a, len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

int kik__vec_reserve(const kik_allocator *a, kik__vec *v, size_t cap)
{
	void **items;
	if (cap <= v->cap)
		return 0;
	if (cap < v->cap * 2 && v->cap <= SIZE_MAX / 2)
		cap = v->cap * 2; /* grow geometrically: reserving one at a time stays linear */
	if (cap < 4)
		cap = 4; /* most arrays hold a few items: skip the smallest steps */
	if (cap > SIZE_MAX / sizeof(void *))
		return KIK_ENOMEM;
	items = kik__realloc(a, v->items, cap * sizeof(void *));
	if (!items)
		return KIK_ENOMEM;
	v->items = items;
	v->cap = cap;
	return 0;
}

int kik__vec_push(const kik_allocator *a, kik__vec *v, void *item)
{
	if (v->len == v->cap && kik__vec_reserve(a, v, v->len + 4) < 0)
		return KIK_ENOMEM;
	v->items[v->len++] = item;
	return 0;
}

void kik__vec_free(const kik_allocator *a, kik__vec *v)
{
	kik__free(a, v->items);
	v->items = NULL;
	v->len = v->cap = 0;
}

int kik__buf_append(const kik_allocator *a, kik__buf *b, const char *s, size_t len)
{
	if (len >= SIZE_MAX - b->len)
		return KIK_ENOMEM;
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *data;
		while (cap < b->len + len + 1)
			cap = cap > SIZE_MAX / 2 ? b->len + len + 1 : cap * 2;
		data = kik__realloc(a, b->data, cap);
		if (!data)
			return KIK_ENOMEM;
		b->data = data;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

void kik__buf_free(const kik_allocator *a, kik__buf *b)
{
	kik__free(a, b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int kik__allocator_is_default(const kik_allocator *a)
{
	return !a->malloc && !a->realloc && !a->free;
}

void kik__prefault(const kik_allocator *a, char *from, char *to)
{
#if defined(MADV_POPULATE_WRITE)
	static const uintptr_t page = 4096; /* where pages are larger, madvise() fails: no harm */
	uintptr_t start = (uintptr_t)from & ~(page - 1), end = ((uintptr_t)to + page - 1) & ~(page - 1);
	/* the memory keeps its contents: what the rounding takes in of a neighbour is unchanged */
	if (kik__allocator_is_default(a) && end > start)
		(void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
	(void)a;
	(void)from;
	(void)to;
#endif
}
