/* An open-addressing hash table from string keys to pointers, for look-up by id. Keys
 * compare without regard to ASCII case. Each slot keeps its key's hash, so that a probe
 * touches the key itself only when the hashes agree. */
#include "internal.h"

#include <string.h>

static unsigned char fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static size_t hash_key(const char *key)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (; *key; key++)
		h = (h ^ fold((unsigned char)*key)) * 1099511628211ULL;
	return (size_t)(h ^ (h >> 32)) | 1; /* never 0: 0 marks an empty slot */
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
	i = slot_of(ix, key, hash_key(key));
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
	size_t i, hash = hash_key(key);
	if (kik__index_reserve(a, ix, 1) < 0)
		return KIK_ENOMEM;
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
	i = slot_of(ix, key, hash_key(key));
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
