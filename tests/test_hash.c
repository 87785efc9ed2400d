/* The keyed hash of the tables of input data: each table draws its own key, so which keys of
 * a file collide cannot be worked out in advance (a fixed hash let 16,384 made-up owner names
 * fall into one slot). */
#include "internal.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <string.h>

static const kik_allocator a = KIK_ALLOCATOR_INIT;

Test(hash, the_same_key_gives_the_same_hash_and_another_key_another)
{
	kik__hash_key k1 = { 1, 2 }, k2 = { 1, 3 };
	cr_assert(eq(u64, kik__hash(&k1, "Amt für Integration", 20), kik__hash(&k1, "Amt für Integration", 20)));
	cr_assert(ne(u64, kik__hash(&k1, "Amt für Integration", 20), kik__hash(&k2, "Amt für Integration", 20)));
	cr_assert(ne(u64, kik__hash(&k1, "a", 1), kik__hash(&k1, "a\0", 2)), "the length counts");
	cr_assert(
	    eq(u64, kik__hash_folded(&k1, "Sprache UND Bildung 12"), kik__hash(&k1, "sprache und bildung 12", 22)));
}

Test(hash, fresh_keys_differ)
{
	kik__hash_key k1 = { 0, 0 }, k2 = { 0, 0 };
	kik__hash_key_new(&k1, &k1);
	kik__hash_key_new(&k2, &k2);
	cr_assert(k1.k0 != k2.k0 || k1.k1 != k2.k1);
}

/* The slot each of `n` strings ended in: strings[i] is "owner i". */
static void slots_of(kik__intern *in, kik__arena *arena, size_t n, uint32_t *slot_of)
{
	size_t i, s;
	for (i = 0; i < n; i++) {
		char owner[32];
		uint32_t number;
		int len = snprintf(owner, sizeof(owner), "owner %zu", i);
		cr_assert(eq(int, kik__intern_put(&a, in, arena, owner, (size_t)len, &number), 0));
		cr_assert(eq(u32, number, (uint32_t)i));
	}
	for (s = 0; s < in->slot_cap; s++)
		if (in->slots[s])
			slot_of[in->slots[s] - 1] = (uint32_t)s;
}

Test(hash, two_intern_tables_place_the_same_strings_differently)
{
	enum { N = 1000 };
	static uint32_t first[N], second[N];
	kik__intern in1, in2;
	kik__arena arena;
	size_t i, same = 0;
	memset(&in1, 0, sizeof(in1));
	memset(&in2, 0, sizeof(in2));
	memset(&arena, 0, sizeof(arena));
	slots_of(&in1, &arena, N, first);
	slots_of(&in2, &arena, N, second);
	cr_assert(eq(sz, in1.slot_cap, in2.slot_cap));
	for (i = 0; i < N; i++)
		same += first[i] == second[i];
	/* with one fixed hash every string sits in the same slot in both */
	cr_assert(lt(sz, same, N / 10), "%zu of %d strings in the same slot", same, N);
	/* and every string is still found by its number */
	for (i = 0; i < N; i++) {
		char owner[32];
		uint32_t number;
		int len = snprintf(owner, sizeof(owner), "owner %zu", i);
		cr_assert(eq(int, kik__intern_put(&a, &in2, &arena, owner, (size_t)len, &number), 0));
		cr_assert(eq(u32, number, (uint32_t)i));
	}
	kik__intern_free(&a, &in1);
	kik__intern_free(&a, &in2);
	kik__arena_free(&a, &arena);
}

Test(hash, an_index_finds_its_keys_in_any_case_across_growth)
{
	kik__index ix;
	static char keys[3000][16];
	size_t i;
	memset(&ix, 0, sizeof(ix));
	for (i = 0; i < 3000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "Key%zu", i);
		cr_assert(eq(int, kik__index_put(&a, &ix, keys[i], keys[i]), 0));
	}
	for (i = 0; i < 3000; i++) {
		char lower[16];
		snprintf(lower, sizeof(lower), "kEY%zu", i);
		cr_assert(eq(ptr, kik__index_get(&ix, lower), keys[i]));
	}
	cr_assert(eq(ptr, kik__index_get(&ix, "key3000"), NULL));
	kik__index_free(&a, &ix);
}
