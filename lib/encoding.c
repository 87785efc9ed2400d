/* Turns input bytes into UTF-8: validates UTF-8, skips a BOM, converts Windows-1252. */
#include "encoding.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

/* Length of the valid UTF-8 sequence at in[0..len): >0 valid, 0 incomplete at the end, -1 invalid. */
static int utf8_sequence(const unsigned char *in, size_t len)
{
	unsigned char c = in[0];
	int n, i;
	if (c < 0x80)
		return 1;
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

size_t kik__decode(kik__decoder *d, const unsigned char *in, size_t len, int final, char *out, size_t *out_len)
{
	size_t i = 0, o = 0;
	if (d->at_start) {
		if (len < 3 && !final)
			return (*out_len = 0);
		d->at_start = 0;
		if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) {
			i = 3;
			if (d->mode == KIK_ENCODING_AUTO)
				d->mode = KIK_ENCODING_UTF8; /* a BOM settles it */
		} else if (len >= 2 && ((in[0] == 0xFF && in[1] == 0xFE) || (in[0] == 0xFE && in[1] == 0xFF))) {
			snprintf(d->problem, sizeof(d->problem),
				 "the file is UTF-16; expected UTF-8 or Windows-1252 (save it as \"CSV UTF-8\")");
			d->bad = 1;
			return (*out_len = 0);
		}
	}
	while (i < len) {
		unsigned char c = in[i];
		if (c == 0) {
			snprintf(d->problem, sizeof(d->problem),
				 "NUL byte: expected text (is this a binary or UTF-16 file?)");
			d->bad = 1;
			break;
		}
		if (d->mode == KIK_ENCODING_CP1252) {
			unsigned cp = c;
			if (c >= 0x80 && c <= 0x9F && !(cp = cp1252_high[c - 0x80])) {
				snprintf(d->problem, sizeof(d->problem),
					 "byte 0x%02X is neither UTF-8 nor Windows-1252", c);
				d->bad = 1;
				break;
			}
			o += put_utf8(cp, out + o);
			i++;
			continue;
		}
		if (c < 0x80) {
			/* a run of ASCII, the common case, in one copy */
			size_t j = i + 1;
			/* eight bytes at a time while none has the high bit set or is zero */
			while (j + 8 <= len) {
				uint64_t w;
				memcpy(&w, in + j, 8);
				if ((w & 0x8080808080808080ULL) ||
				    ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
					break;
				j += 8;
			}
			while (j < len && in[j] < 0x80 && in[j] != 0)
				j++;
			memcpy(out + o, in + i, j - i);
			o += j - i;
			i = j;
			continue;
		}
		{
			int n = utf8_sequence(in + i, len - i);
			if (n == 0 && !final)
				break; /* the rest of the sequence comes with the next chunk */
			if (n == 3 && in[i] == 0xEF && in[i + 1] == 0xBB && in[i + 2] == 0xBF) {
				snprintf(d->problem, sizeof(d->problem),
					 "a byte order mark inside the file: expected one only at the start "
					 "(were two files joined?)");
				d->bad = 1;
				break;
			}
			if (n > 0) {
				memcpy(out + o, in + i, (size_t)n);
				o += (size_t)n;
				i += (size_t)n;
				d->seen_multibyte |= n > 1;
				continue;
			}
			/* Not UTF-8. Until the first non-ASCII character either encoding reads
			 * the same, so an automatic choice can still switch here. */
			if (d->mode == KIK_ENCODING_AUTO && !d->seen_multibyte) {
				d->mode = KIK_ENCODING_CP1252;
				continue;
			}
			snprintf(d->problem, sizeof(d->problem), "byte 0x%02X is not valid UTF-8%s", c,
				 d->mode == KIK_ENCODING_AUTO ? " (the file mixes UTF-8 with another encoding)" : "");
			d->bad = 1;
			break;
		}
	}
	if (d->mode == KIK_ENCODING_AUTO && d->seen_multibyte)
		d->mode = KIK_ENCODING_UTF8;
	*out_len = o;
	return i;
}
