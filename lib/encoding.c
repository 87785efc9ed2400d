/* Input decoding: UTF-8 is checked where it lies (the common case costs one pass and no
 * copy); Windows-1252 is converted to UTF-8. */
#include "encoding.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Windows-1252 0x80..0x9F; 0 marks the five bytes it leaves undefined. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

int kik__cp1252_byte(unsigned cp)
{
	unsigned i;
	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (i = 0; i < 32; i++)
		if (cp1252_high[i] && cp1252_high[i] == cp)
			return (int)(0x80 + i);
	return -1;
}

static size_t put_utf8(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

int kik__utf8_sequence(const unsigned char *in, size_t len)
{
	unsigned char c = in[0];
	int n, i;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4;
	else
		return -1;
	for (i = 1; i < n; i++) {
		if ((size_t)i >= len)
			return 0;
		if ((in[i] & 0xC0) != 0x80)
			return -1;
	}
	/* overlong forms, surrogates and code points past U+10FFFF */
	if ((c == 0xE0 && in[1] < 0xA0) || (c == 0xED && in[1] >= 0xA0) || (c == 0xF0 && in[1] < 0x90) ||
	    (c == 0xF4 && in[1] >= 0x90))
		return -1;
	return n;
}

#if defined(__SSE2__)
/* Bit masks of sixteen bytes: those beyond ASCII, continuation bytes 10xxxxxx, and leads
 * C2..DF of two-byte sequences. As signed bytes, 80..BF are -128..-65 and C2..DF are
 * -62..-33, so each is one or two compares. */
static void classify16(__m128i v, unsigned *high, unsigned *cont, unsigned *lead)
{
	*high = (unsigned)_mm_movemask_epi8(v);
	*cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
	*lead = (unsigned)_mm_movemask_epi8(
	    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)), _mm_cmplt_epi8(v, _mm_set1_epi8(-32))));
}
#endif

/* The length of the run at s[0..len) that is easy to check: ASCII other than NUL and
 * two-byte sequences (German umlauts and ß), sixty-four or sixteen bytes at a time.
 * Anything else is left to the byte-by-byte check. */
static size_t easy_run(const unsigned char *s, size_t len, int *multibyte)
{
	size_t i = 0;
#if defined(__SSE2__)
	const __m128i zero = _mm_setzero_si128();
	/* 1 when the block before ended with a lead: its continuation opens this block. A
	 * sequence across blocks is common in German text, and stopping at each sent the
	 * check byte by byte up to it. */
	uint64_t carry = 0;
	/* sixty-four bytes at a time first: one branch for the block, not one per sixteen */
	for (; i + 64 <= len; i += 64) {
		uint64_t high = 0, cont = 0, lead = 0;
		__m128i v[4], least;
		int k;
		for (k = 0; k < 4; k++)
			v[k] = _mm_loadu_si128((const __m128i *)(s + i + 16 * k));
		least = _mm_min_epu8(_mm_min_epu8(v[0], v[1]), _mm_min_epu8(v[2], v[3]));
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(least, zero)))
			break;
		for (k = 0; k < 4; k++) {
			unsigned h, c, l;
			classify16(v[k], &h, &c, &l);
			high |= (uint64_t)h << (16 * k);
			cont |= (uint64_t)c << (16 * k);
			lead |= (uint64_t)l << (16 * k);
		}
		/* every byte beyond ASCII a lead followed by one continuation */
		if (high != (lead | cont) || cont != ((lead << 1) | carry))
			break; /* the sixteen-byte loop below finds where */
		/* a continuation ends a whole sequence; a lead alone may still fail in the next block */
		*multibyte |= cont != 0;
		carry = lead >> 63;
	}
	i -= (size_t)carry; /* back to the lead of a sequence across blocks */
	carry = 0;
	for (; i + 16 <= len; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		unsigned high, cont, lead;
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)))
			break;
		classify16(v, &high, &cont, &lead);
		if (high != (lead | cont) || cont != (((lead << 1) & 0xFFFF) | (unsigned)carry))
			break;
		*multibyte |= cont != 0;
		carry = lead >> 15;
	}
	i -= (size_t)carry;
#endif
	(void)multibyte;
	while (i < len && s[i] && s[i] < 0x80)
		i++;
	return i;
}

static size_t stop(kik__decoder *d, size_t at, const char *fmt, unsigned char c)
{
	snprintf(d->problem, sizeof(d->problem), fmt, c);
	d->bad = 1;
	return at;
}

size_t kik__check_utf8(kik__decoder *d, const unsigned char *s, size_t len, int final)
{
	size_t i = 0;
	for (;;) {
		int n;
		i += easy_run(s + i, len - i, &d->seen_multibyte);
		if (i == len)
			return i;
		if (s[i] == 0)
			return stop(d, i, "NUL byte: expected text (is this a binary or UTF-16 file?)", 0);
		n = kik__utf8_sequence(s + i, len - i);
		if (n == 0 && !final)
			return i; /* the rest of the sequence comes with the next piece */
		if (n == 3 && s[i] == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF)
			return stop(d, i,
				    "a byte order mark inside the file: expected one only at the start "
				    "(were two files joined?)",
				    0);
		if (n > 0) {
			d->seen_multibyte = 1;
			i += (size_t)n;
			continue;
		}
		/* Not UTF-8. Until the first character beyond ASCII either encoding reads the
		 * same, so an automatic choice can still switch here. */
		if (d->mode == KIK_ENCODING_AUTO && !d->seen_multibyte && !d->strict) {
			d->mode = KIK_ENCODING_CP1252;
			return i;
		}
		return stop(d, i,
			    d->mode == KIK_ENCODING_AUTO
				? "byte 0x%02X is not valid UTF-8 (the file mixes UTF-8 with another encoding)"
				: "byte 0x%02X is not valid UTF-8",
			    s[i]);
	}
}

size_t kik__from_cp1252(kik__decoder *d, const unsigned char *in, size_t len, char *out, size_t *out_len)
{
	size_t i, o = 0;
	for (i = 0; i < len; i++) {
		unsigned cp = in[i];
		if (cp == 0) {
			stop(d, i, "NUL byte: expected text (is this a binary or UTF-16 file?)", 0);
			break;
		}
		if (cp >= 0x80 && cp <= 0x9F && !(cp = cp1252_high[in[i] - 0x80])) {
			stop(d, i, "byte 0x%02X is neither UTF-8 nor Windows-1252", in[i]);
			break;
		}
		o += put_utf8(cp, out + o);
	}
	*out_len = o;
	return i;
}
