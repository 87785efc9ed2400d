/* A hash table of (key, value) pairs of 32-bit numbers, open addressing with linear
 * probing and backward-shift removal (no tombstones, so probes stay short however many
 * removals came before). Keys are never 0 (0 marks an empty slot); one key may hold
 * several values, told apart by the caller. Used for tasks by id and by natural key. */
#include "internal.h"

#include <string.h>

#define KEY(slot) ((uint32_t)((slot) >> 32))
#define VALUE(slot) ((uint32_t)(slot))

size_t kik__slots_home(const kik__slots *s, uint32_t key)
{
	/* Fibonacci hashing spreads ids that follow one another */
	return (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ULL) >> 32) & (s->cap - 1);
}

static void place(kik__slots *s, uint64_t slot)
{
	size_t i = kik__slots_home(s, KEY(slot));
	while (s->slots[i])
		i = (i + 1) & (s->cap - 1);
	s->slots[i] = slot;
}

int kik__slots_reserve(const kik_allocator *a, kik__slots *s, size_t extra)
{
	uint64_t *old = s->slots;
	size_t old_cap = s->cap, cap = s->cap ? s->cap : 64, i;
	while ((s->len + extra) * 2 > cap) { /* a load under 1/2 keeps probes short */
		if (cap > SIZE_MAX / 2 / sizeof(uint64_t))
			return KIK_ENOMEM;
		cap *= 2;
	}
	if (cap == old_cap)
		return 0;
	if (!(s->slots = kik__malloc(a, cap * sizeof(uint64_t)))) {
		s->slots = old;
		return KIK_ENOMEM;
	}
	memset(s->slots, 0, cap * sizeof(uint64_t));
	s->cap = cap;
	for (i = 0; i < old_cap; i++)
		if (old[i])
			place(s, old[i]);
	kik__free(a, old);
	return 0;
}

void kik__slots_insert(kik__slots *s, uint32_t key, uint32_t value)
{
	place(s, (uint64_t)key << 32 | value);
	s->len++;
}

void kik__slots_remove(kik__slots *s, uint32_t key, uint32_t value)
{
	uint64_t want = (uint64_t)key << 32 | value;
	size_t mask = s->cap - 1, i, j;
	if (!s->cap)
		return;
	for (i = kik__slots_home(s, key); s->slots[i] != want; i = (i + 1) & mask)
		if (!s->slots[i])
			return;
	/* shift back the entries after it that would not be found past the gap */
	for (j = (i + 1) & mask; s->slots[j]; j = (j + 1) & mask) {
		size_t home = kik__slots_home(s, KEY(s->slots[j]));
		if (((j - home) & mask) >= ((j - i) & mask)) {
			s->slots[i] = s->slots[j];
			i = j;
		}
	}
	s->slots[i] = 0;
	s->len--;
}

void kik__slots_clear(kik__slots *s)
{
	if (s->cap)
		memset(s->slots, 0, s->cap * sizeof(uint64_t));
	s->len = 0;
}

void kik__slots_free(const kik_allocator *a, kik__slots *s)
{
	kik__free(a, s->slots);
	memset(s, 0, sizeof(*s));
}

long kik__slots_find(const kik__slots *s, uint32_t key, int (*match)(uint32_t value, const void *ctx), const void *ctx)
{
	size_t i;
	if (!s->cap)
		return -1;
	for (i = kik__slots_home(s, key); s->slots[i]; i = (i + 1) & (s->cap - 1))
		if (KEY(s->slots[i]) == key && (!match || match(VALUE(s->slots[i]), ctx)))
			return (long)VALUE(s->slots[i]);
	return -1;
}
