/* An open-addressing hash table from string keys to pointers, for look-up by id. */
#include "internal.h"

#include <string.h>

static unsigned char fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static size_t hash_key(const char *key)
{
	size_t h = 1469598103934665603ULL & SIZE_MAX; /* FNV-1a */
	for (; *key; key++)
		h = (h ^ fold((unsigned char)*key)) * (1099511628211ULL & SIZE_MAX);
	return h;
}

static int same_key(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (fold((unsigned char)*a) != fold((unsigned char)*b))
			return 0;
	return *a == *b;
}

static size_t slot_of(const kik__index *ix, const char *key)
{
	size_t mask = ix->cap - 1, i = hash_key(key) & mask;
	while (ix->keys[i] && !same_key(ix->keys[i], key))
		i = (i + 1) & mask;
	return i;
}

void *kik__index_get(const kik__index *ix, const char *key)
{
	size_t i;
	if (!ix->cap)
		return NULL;
	i = slot_of(ix, key);
	return ix->keys[i] ? ix->values[i] : NULL;
}

static int grow(const kik_allocator *a, kik__index *ix)
{
	size_t cap = ix->cap ? ix->cap * 2 : 64, i;
	kik__index bigger = { NULL, NULL, 0, cap };
	if (cap > SIZE_MAX / sizeof(void *))
		return KIK_ENOMEM;
	bigger.keys = kik__malloc(a, cap * sizeof(char *));
	bigger.values = kik__malloc(a, cap * sizeof(void *));
	if (!bigger.keys || !bigger.values) {
		kik__free(a, bigger.keys);
		kik__free(a, bigger.values);
		return KIK_ENOMEM;
	}
	memset(bigger.keys, 0, cap * sizeof(char *));
	for (i = 0; i < ix->cap; i++) {
		if (ix->keys[i]) {
			size_t j = slot_of(&bigger, ix->keys[i]);
			bigger.keys[j] = ix->keys[i];
			bigger.values[j] = ix->values[i];
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
	size_t i;
	if (kik__index_reserve(a, ix, 1) < 0)
		return KIK_ENOMEM;
	i = slot_of(ix, key);
	if (!ix->keys[i])
		ix->len++;
	ix->keys[i] = key;
	ix->values[i] = value;
	return 0;
}

void kik__index_remove(kik__index *ix, const char *key)
{
	size_t mask, i, j;
	if (!ix->cap)
		return;
	mask = ix->cap - 1;
	i = slot_of(ix, key);
	if (!ix->keys[i])
		return;
	ix->keys[i] = NULL;
	ix->len--;
	/* re-place the rest of the probe run, so that no look-up stops at the hole */
	for (j = (i + 1) & mask; ix->keys[j]; j = (j + 1) & mask) {
		const char *k = ix->keys[j];
		void *v = ix->values[j];
		size_t s;
		ix->keys[j] = NULL;
		s = slot_of(ix, k);
		ix->keys[s] = k;
		ix->values[s] = v;
	}
}

void kik__index_free(const kik_allocator *a, kik__index *ix)
{
	kik__free(a, (void *)ix->keys);
	kik__free(a, ix->values);
	ix->keys = NULL;
	ix->values = NULL;
	ix->len = ix->cap = 0;
}
