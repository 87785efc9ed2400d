/* The UTF-8 check against a plain byte-by-byte reading of RFC 3629, on generated text:
 * the check reads sixteen and sixty-four bytes at a time, and a sequence may lie across
 * any of those blocks. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdint.h>
#include <string.h>

#include "encoding.h"

/* The length of the well-formed sequence at s[0..len) (RFC 3629, table 3-7), or 0. */
static size_t well_formed(const unsigned char *s, size_t len)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n, k;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4;
	else
		return 0;
	if (s[0] == 0xE0)
		lo = 0xA0;
	else if (s[0] == 0xED)
		hi = 0x9F;
	else if (s[0] == 0xF0)
		lo = 0x90;
	else if (s[0] == 0xF4)
		hi = 0x8F;
	if (len < n)
		return 0;
	for (k = 1; k < n; k++) {
		if (s[k] < (k == 1 ? lo : 0x80) || s[k] > (k == 1 ? hi : 0xBF))
			return 0;
	}
	return n;
}

/* Where a whole input stops being readable UTF-8 (a NUL and a byte order mark count as
 * unreadable), or len. */
static size_t reference_stop(const unsigned char *s, size_t len)
{
	size_t i = 0, n;
	while (i < len) {
		if (s[i] == 0 || !(n = well_formed(s + i, len - i)) ||
		    (n == 3 && s[i] == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF))
			return i;
		i += n;
	}
	return len;
}

/* Checks s[0..len) as a whole UTF-8 input and compares with the reference. */
static void check_like_reference(const unsigned char *s, size_t len)
{
	kik__decoder d;
	size_t want = reference_stop(s, len), got, i;
	int beyond_ascii = 0;
	memset(&d, 0, sizeof(d));
	d.mode = KIK_ENCODING_UTF8;
	got = kik__check_utf8(&d, s, len, 1);
	for (i = 0; i < want; i++)
		beyond_ascii |= s[i] >= 0x80;
	cr_assert(eq(sz, got, want), "length %zu", len);
	cr_assert(eq(int, d.bad, want < len));
	cr_assert(eq(int, d.seen_multibyte, beyond_ascii), "length %zu", len);
}

/* A sequence at every place from 0 to 140 in a run of ASCII, so across every block end. */
Test(encoding, a_sequence_across_any_block_end)
{
	static const char *const inserts[] = {
		"\xC3\xA4",         /* ä: well formed */
		"\xE2\x80\x93",     /* en dash */
		"\xF0\x9F\x98\x80", /* a four-byte sequence */
		"\xC3\x41",         /* a lead without its continuation */
		"\x80",             /* a continuation without its lead */
		"\xC0\xAF",         /* an overlong form */
		"\xED\xA0\x80",     /* a surrogate */
		"\xEF\xBB\xBF",     /* a byte order mark */
		"\xFF",
	};
	unsigned char buf[200];
	size_t at, k, len;
	for (k = 0; k < sizeof(inserts) / sizeof(inserts[0]); k++) {
		for (at = 0; at <= 140; at++) {
			len = strlen(inserts[k]);
			memset(buf, 'a', sizeof(buf));
			memcpy(buf + at, inserts[k], len);
			check_like_reference(buf, sizeof(buf));
			/* and with umlauts around it, whose own sequences lie across block ends too */
			memcpy(buf, "\xC3\xBC\xC3\xBC", 4);
			if (at + len + 2 < sizeof(buf))
				memcpy(buf + at + len, "\xC3\x9F", 2);
			check_like_reference(buf, sizeof(buf));
		}
	}
}

/* A small deterministic generator, so that a failure can be found again. */
static uint32_t next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

/* German text as the files hold it, and now and then a byte sequence that is not UTF-8. */
Test(encoding, generated_text_reads_as_the_reference_reads_it)
{
	static const char *const tokens[] = {
		"Teilhabe ",        "Stadt;",   "\"",       "\n",       "\r\n",         "\xC3\xA4",
		"\xC3\xB6",         "\xC3\xBC", "\xC3\x9F", "\xC3\x9C", "\xE2\x80\x9E", "\xE2\x82\xAC",
		"\xF0\x9F\x98\x80", "\xC2\xA0", "x",
	};
	static const char *const bad[] = { "\x80", "\xC3", "\xC1\xBF",     "\xE0\x9F\xBF", "\xF4\x90\x80\x80",
					   "\xF8", "\xFE", "\xEF\xBB\xBF", "\x00" };
	unsigned char buf[600];
	uint32_t state = 20231001;
	int round;
	for (round = 0; round < 20000; round++) {
		size_t len = 0, want = next_random(&state) % 500;
		while (len < want) {
			uint32_t r = next_random(&state);
			const char *t = r % 97 == 0 ? bad[(r >> 8) % 9] : tokens[(r >> 8) % 15];
			size_t n = *t ? strlen(t) : 1; /* the NUL token is one byte */
			memcpy(buf + len, t, n);
			len += n;
		}
		check_like_reference(buf, len);
	}
}

/* Not at the end of the input, a sequence cut by the end of the piece is left for the
 * next piece rather than reported. */
Test(encoding, a_sequence_cut_by_the_end_of_a_piece_waits_for_the_next)
{
	unsigned char buf[130];
	size_t len;
	for (len = 1; len <= sizeof(buf); len++) {
		kik__decoder d;
		memset(&d, 0, sizeof(d));
		d.mode = KIK_ENCODING_UTF8;
		memset(buf, 'a', sizeof(buf));
		buf[len - 1] = 0xC3; /* the lead of ä, its continuation in the next piece */
		cr_assert(eq(sz, kik__check_utf8(&d, buf, len, 0), len - 1), "length %zu", len);
		cr_assert(eq(int, d.bad, 0));
	}
}
