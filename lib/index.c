/* An open-addressing hash table from string keys to pointers, for look-up by id. Keys
 * compare without regard to ASCII case. Each slot keeps its key's hash, so that a probe
 * touches the key itself only when the hashes agree. */
#include "internal.h"

#include <string.h>

static unsigned char fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static size_t hash_key(const kik__index *ix, const char *key)
{
	return (size_t)kik__hash_folded(&ix->key, key) | 1; /* never 0: 0 marks an empty slot */
}

static int same_key(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b && fold((unsigned char)*a) != fold((unsigned char)*b))
			return 0;
	return *a == *b;
}

static size_t slot_of(const kik__index *ix, const char *key, size_t hash)
{
	size_t mask = ix->cap - 1, i = hash & mask;
	while (ix->hashes[i] && (ix->hashes[i] != hash || !same_key(ix->keys[i], key)))
		i = (i + 1) & mask;
	return i;
}

void *kik__index_get(const kik__index *ix, const char *key)
{
	size_t i;
	if (!ix->cap)
		return NULL;
	i = slot_of(ix, key, hash_key(ix, key));
	return ix->hashes[i] ? ix->values[i] : NULL;
}

static int grow(const kik_allocator *a, kik__index *ix)
{
	size_t cap = ix->cap ? ix->cap * 2 : 64, i;
	kik__index bigger;
	memset(&bigger, 0, sizeof(bigger));
	bigger.cap = cap;
	if (cap > SIZE_MAX / sizeof(void *))
		return KIK_ENOMEM;
	bigger.keys = kik__malloc(a, cap * sizeof(char *));
	bigger.values = kik__malloc(a, cap * sizeof(void *));
	bigger.hashes = kik__malloc(a, cap * sizeof(size_t));
	if (!bigger.keys || !bigger.values || !bigger.hashes) {
		kik__index_free(a, &bigger);
		return KIK_ENOMEM;
	}
	memset(bigger.hashes, 0, cap * sizeof(size_t));
	bigger.key = ix->key;
	if (!ix->cap)
		kik__hash_key_new(&bigger.key, ix);
	for (i = 0; i < ix->cap; i++) {
		if (ix->hashes[i]) {
			size_t j = ix->hashes[i] & (cap - 1);
			while (bigger.hashes[j])
				j = (j + 1) & (cap - 1);
			bigger.keys[j] = ix->keys[i];
			bigger.values[j] = ix->values[i];
			bigger.hashes[j] = ix->hashes[i];
		}
	}
	bigger.len = ix->len;
	kik__index_free(a, ix);
	*ix = bigger;
	return 0;
}

int kik__index_reserve(const kik_allocator *a, kik__index *ix, size_t extra)
{
	/* keep the load factor under 1/2 so probes stay short */
	while ((ix->len + extra) * 2 > ix->cap)
		if (grow(a, ix) < 0)
			return KIK_ENOMEM;
	return 0;
}

int kik__index_put(const kik_allocator *a, kik__index *ix, const char *key, void *value)
{
	size_t i, hash;
	if (kik__index_reserve(a, ix, 1) < 0)
		return KIK_ENOMEM;
	hash = hash_key(ix, key);
	i = slot_of(ix, key, hash);
	if (!ix->hashes[i])
		ix->len++;
	ix->keys[i] = key;
	ix->values[i] = value;
	ix->hashes[i] = hash;
	return 0;
}

void kik__index_remove(kik__index *ix, const char *key)
{
	size_t mask = ix->cap - 1, i, j;
	if (!ix->cap)
		return;
	i = slot_of(ix, key, hash_key(ix, key));
	if (!ix->hashes[i])
		return;
	/* shift back the entries after it that would not be found past the gap */
	for (j = (i + 1) & mask; ix->hashes[j]; j = (j + 1) & mask) {
		size_t home = ix->hashes[j] & mask;
		if (((j - home) & mask) >= ((j - i) & mask)) {
			ix->keys[i] = ix->keys[j];
			ix->values[i] = ix->values[j];
			ix->hashes[i] = ix->hashes[j];
			i = j;
		}
	}
	ix->hashes[i] = 0;
	ix->len--;
}

void kik__index_free(const kik_allocator *a, kik__index *ix)
{
	kik__free(a, (void *)ix->keys);
	kik__free(a, ix->values);
	kik__free(a, ix->hashes);
	memset(ix, 0, sizeof(*ix));
}

/* ---- (parent, number) -> pointer ------------------------------------------------- */

static size_t number_slot(const kik__numbers *t, const void *parent, uint32_t number)
{
	uint64_t words[2] = { (uint64_t)(uintptr_t)parent, number };
	size_t mask = t->cap - 1, i = (size_t)kik__hash(&t->key, words, sizeof(words)) & mask;
	while (t->slots[i].parent && (t->slots[i].parent != parent || t->slots[i].number != number))
		i = (i + 1) & mask;
	return i;
}

void *kik__numbers_get(const kik__numbers *t, const void *parent, uint32_t number)
{
	size_t i;
	if (!t->cap)
		return NULL;
	i = number_slot(t, parent, number);
	return t->slots[i].parent ? t->slots[i].value : NULL;
}

int kik__numbers_reserve(const kik_allocator *a, kik__numbers *t, size_t extra)
{
	kik__numbers bigger = *t;
	size_t i;
	if ((t->len + extra) * 2 <= t->cap)
		return 0;
	for (bigger.cap = t->cap ? t->cap : 64; (t->len + extra) * 2 > bigger.cap; bigger.cap *= 2)
		if (bigger.cap > SIZE_MAX / 4 / sizeof(*bigger.slots))
			return KIK_ENOMEM;
	if (!(bigger.slots = kik__malloc(a, bigger.cap * sizeof(*bigger.slots))))
		return KIK_ENOMEM;
	memset(bigger.slots, 0, bigger.cap * sizeof(*bigger.slots));
	if (!t->cap)
		kik__hash_key_new(&bigger.key, t);
	for (i = 0; i < t->cap; i++)
		if (t->slots[i].parent)
			bigger.slots[number_slot(&bigger, t->slots[i].parent, t->slots[i].number)] = t->slots[i];
	kik__free(a, t->slots);
	*t = bigger;
	return 0;
}

void kik__numbers_put(kik__numbers *t, const void *parent, uint32_t number, void *value)
{
	size_t i = number_slot(t, parent, number);
	t->len += !t->slots[i].parent;
	t->slots[i].parent = parent;
	t->slots[i].number = number;
	t->slots[i].value = value;
}

void kik__numbers_remove(kik__numbers *t, const void *parent, uint32_t number)
{
	size_t mask = t->cap - 1, i, j;
	if (!t->cap || !t->slots[i = number_slot(t, parent, number)].parent)
		return;
	/* shift back the entries after it that would not be found past the gap */
	for (j = (i + 1) & mask; t->slots[j].parent; j = (j + 1) & mask) {
		uint64_t words[2] = { (uint64_t)(uintptr_t)t->slots[j].parent, t->slots[j].number };
		size_t home = (size_t)kik__hash(&t->key, words, sizeof(words)) & mask;
		if (((j - home) & mask) >= ((j - i) & mask)) {
			t->slots[i] = t->slots[j];
			i = j;
		}
	}
	t->slots[i].parent = NULL;
	t->len--;
}

void kik__numbers_free(const kik_allocator *a, kik__numbers *t)
{
	kik__free(a, t->slots);
	memset(t, 0, sizeof(*t));
}
