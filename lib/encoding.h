/* Input decoding, used by the CSV reader. */
#ifndef KIK_ENCODING_H
#define KIK_ENCODING_H

#include "internal.h"

typedef struct kik__decoder {
	kik_encoding mode;  /* AUTO until the input settles it */
	int seen_multibyte; /* a UTF-8 character beyond ASCII was read */
	int strict;         /* never switch to Windows-1252 (a part read ahead of the one before it) */
	int bad;            /* stopped at a byte that cannot be decoded; see problem */
	char problem[160];
} kik__decoder;

/* Checks UTF-8 in s[0..len) where it lies. Returns the bytes checked: all of them, or
 * fewer when a sequence is cut by the end (unless `final`), at a byte that cannot be read
 * (d->bad set), or where AUTO finds that the input is Windows-1252 (d->mode is then
 * KIK_ENCODING_CP1252 and the rest must be converted). */
size_t kik__check_utf8(kik__decoder *d, const unsigned char *s, size_t len, int final);

/* Converts Windows-1252 in[0..len) to UTF-8 in out (room for 3 * len bytes). Returns the
 * bytes consumed: all, or fewer at a byte that cannot be read (d->bad set). */
size_t kik__from_cp1252(kik__decoder *d, const unsigned char *in, size_t len, char *out, size_t *out_len);

/* The length of the UTF-8 sequence of a character beyond ASCII at in[0..len): > 0 when
 * valid, 0 when cut by the end, -1 when invalid (overlong forms and surrogates included). */
int kik__utf8_sequence(const unsigned char *in, size_t len);

/* The Windows-1252 byte of a code point, or -1 when it has none. */
int kik__cp1252_byte(unsigned cp);

#endif
