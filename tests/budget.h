/* An allocator for the allocation-failure sweeps: it fails its n-th call and counts the
 * blocks it handed out that are still live (none may be left after a call). */
#ifndef KIK_TEST_BUDGET_H
#define KIK_TEST_BUDGET_H

#include <stdlib.h>

typedef struct budget {
	long calls, fail_at; /* fail_at < 0: never */
	long live;
} budget;

static inline void *b_malloc(size_t size, void *ctx)
{
	budget *b = ctx;
	void *p;
	if (b->calls++ == b->fail_at)
		return NULL;
	if ((p = malloc(size)))
		b->live++;
	return p;
}

static inline void *b_realloc(void *ptr, size_t size, void *ctx)
{
	budget *b = ctx;
	void *p;
	if (b->calls++ == b->fail_at)
		return NULL;
	if ((p = realloc(ptr, size)) && !ptr)
		b->live++;
	return p;
}

static inline void b_free(void *ptr, void *ctx)
{
	if (ptr) {
		((budget *)ctx)->live--;
		free(ptr);
	}
}

#endif
