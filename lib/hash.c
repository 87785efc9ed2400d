/* The hash of every table keyed by input data: SipHash-1-3 under a key drawn for each
 * table. With a fixed hash, a file can be made of names that all fall into one slot, and
 * each look-up then walks all of them (16,384 such owner names made a tasks import six
 * times slower); without the key, nobody can tell which names collide. */
#define _DEFAULT_SOURCE /* getrandom() */
#include "internal.h"

#include <string.h>
#include <time.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

void kik__hash_key_new(kik__hash_key *key, const void *salt)
{
	struct timespec now;
	uint64_t mix;
#if defined(__linux__)
	if (getrandom(key, sizeof(*key), GRND_NONBLOCK) == (ssize_t)sizeof(*key))
		return;
#endif
	/* no random bytes yet (early boot) or elsewhere: the clock and where the table lives */
	clock_gettime(CLOCK_MONOTONIC, &now);
	mix = (uint64_t)now.tv_nsec * 0x9E3779B97F4A7C15ULL ^ (uint64_t)now.tv_sec ^ (uint64_t)(uintptr_t)salt;
	key->k0 = mix ^ 0x736f6d6570736575ULL;
	key->k1 = (mix * 0xFF51AFD7ED558CCDULL) ^ (uint64_t)(uintptr_t)&now;
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                                       \
	do {                                                                                                           \
		v0 += v1;                                                                                              \
		v1 = ROTL(v1, 13);                                                                                     \
		v1 ^= v0;                                                                                              \
		v0 = ROTL(v0, 32);                                                                                     \
		v2 += v3;                                                                                              \
		v3 = ROTL(v3, 16);                                                                                     \
		v3 ^= v2;                                                                                              \
		v0 += v3;                                                                                              \
		v3 = ROTL(v3, 21);                                                                                     \
		v3 ^= v0;                                                                                              \
		v2 += v1;                                                                                              \
		v1 = ROTL(v1, 17);                                                                                     \
		v1 ^= v2;                                                                                              \
		v2 = ROTL(v2, 32);                                                                                     \
	} while (0)

/* Little-endian words of s, ASCII upper case folded to lower when `fold`. */
static uint64_t word(const unsigned char *s, size_t n, int fold)
{
	uint64_t w = 0;
	size_t i;
	for (i = n; i-- > 0;) {
		unsigned char c = s[i];
		w = w << 8 | (fold && c >= 'A' && c <= 'Z' ? c + 32u : c);
	}
	return w;
}

static uint64_t siphash13(const kik__hash_key *key, const unsigned char *s, size_t len, int fold)
{
	uint64_t v0 = key->k0 ^ 0x736f6d6570736575ULL, v1 = key->k1 ^ 0x646f72616e646f6dULL;
	uint64_t v2 = key->k0 ^ 0x6c7967656e657261ULL, v3 = key->k1 ^ 0x7465646279746573ULL, m;
	size_t i;
	for (i = 0; i + 8 <= len; i += 8) {
		if (fold) {
			m = word(s + i, 8, 1);
		} else {
			memcpy(&m, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			m = __builtin_bswap64(m);
#endif
		}
		v3 ^= m;
		SIPROUND;
		v0 ^= m;
	}
	m = (uint64_t)len << 56 | word(s + i, len - i, fold);
	v3 ^= m;
	SIPROUND;
	v0 ^= m;
	v2 ^= 0xFF;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t kik__hash(const kik__hash_key *key, const void *data, size_t len)
{
	return siphash13(key, data, len, 0);
}

uint64_t kik__hash_folded(const kik__hash_key *key, const char *s)
{
	return siphash13(key, (const unsigned char *)s, strlen(s), 1);
}
