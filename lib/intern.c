/* Interning: each distinct byte string stored once and known by a number, for values that
 * repeat across millions of rows (owners and due dates of tasks). */
#include "internal.h"

#include <string.h>

static size_t probe(const kik__intern *in, const char *s, size_t len, uint32_t hash)
{
	size_t mask = in->slot_cap - 1, i = hash & mask;
	for (;; i = (i + 1) & mask) {
		uint32_t n = in->slots[i];
		if (!n || (in->hashes[n - 1] == hash && in->lens[n - 1] == len &&
			   kik__same_bytes(in->strings[n - 1], s, len)))
			return i;
	}
}

/* Puts every string's number into the slots again. */
static void fill_slots(kik__intern *in)
{
	size_t n, mask = in->slot_cap - 1;
	memset(in->slots, 0, in->slot_cap * sizeof(uint32_t));
	for (n = 0; n < in->count; n++) {
		size_t i = in->hashes[n] & mask;
		while (in->slots[i])
			i = (i + 1) & mask;
		in->slots[i] = (uint32_t)n + 1;
	}
}

static int grow_slots(const kik_allocator *a, kik__intern *in)
{
	size_t slot_cap = in->slot_cap ? in->slot_cap * 2 : 32;
	uint32_t *slots = kik__malloc(a, slot_cap * sizeof(uint32_t));
	if (!slots)
		return KIK_ENOMEM;
	if (!in->slot_cap)
		kik__hash_key_new(&in->key, in);
	kik__free(a, in->slots);
	in->slots = slots;
	in->slot_cap = slot_cap;
	fill_slots(in);
	return 0;
}

static int grow_arrays(const kik_allocator *a, kik__intern *in)
{
	size_t cap = in->cap ? in->cap * 2 : 16;
	const char **strings = kik__realloc(a, (void *)in->strings, cap * sizeof(*strings));
	uint32_t *lens, *hashes;
	if (!strings)
		return KIK_ENOMEM;
	in->strings = strings;
	if (!(lens = kik__realloc(a, in->lens, cap * sizeof(uint32_t))))
		return KIK_ENOMEM;
	in->lens = lens;
	if (!(hashes = kik__realloc(a, in->hashes, cap * sizeof(uint32_t))))
		return KIK_ENOMEM;
	in->hashes = hashes;
	in->cap = cap;
	return 0;
}

int kik__intern_put(const kik_allocator *a, kik__intern *in, kik__arena *arena, const char *s, size_t len,
		    uint32_t *number)
{
	uint32_t hash;
	size_t i;
	char *copy;
	if (len > UINT32_MAX || in->count >= UINT32_MAX - 1)
		return KIK_ELIMIT;
	if ((in->count + 1) * 2 > in->slot_cap && grow_slots(a, in) < 0)
		return KIK_ENOMEM;
	hash = (uint32_t)kik__hash(&in->key, s, len);
	i = probe(in, s, len, hash);
	if (in->slots[i]) {
		*number = in->slots[i] - 1;
		return 0;
	}
	if ((in->count == in->cap && grow_arrays(a, in) < 0) || !(copy = kik__arena_strndup(a, arena, s, len)))
		return KIK_ENOMEM;
	in->strings[in->count] = copy;
	in->lens[in->count] = (uint32_t)len;
	in->hashes[in->count] = hash;
	in->slots[i] = (uint32_t)in->count + 1;
	*number = (uint32_t)in->count++;
	return 0;
}

void kik__intern_truncate(kik__intern *in, size_t count)
{
	if (count >= in->count)
		return;
	in->count = count;
	fill_slots(in);
}

void kik__intern_free(const kik_allocator *a, kik__intern *in)
{
	kik__free(a, (void *)in->strings);
	kik__free(a, in->lens);
	kik__free(a, in->hashes);
	kik__free(a, in->slots);
	memset(in, 0, sizeof(*in));
}
