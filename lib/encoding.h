/* Input decoding, used by the CSV reader. */
#ifndef KIK_ENCODING_H
#define KIK_ENCODING_H

#include "internal.h"

typedef struct kik__decoder {
	kik_encoding mode; /* AUTO until the input settles it */
	int at_start;      /* a BOM may follow */
	int seen_multibyte;
	int bad; /* decoding stopped at an invalid byte; see problem */
	char problem[160];
} kik__decoder;

/* At most this many output bytes per input byte. */
#define KIK__DECODE_GROWTH 3

/* Decodes in[0..len) into out (room for KIK__DECODE_GROWTH * len bytes). Returns the bytes
 * consumed: fewer than len at an incomplete sequence at the end (unless `final`) or at an
 * invalid byte (then d->bad is set and the output stops just before it). */
size_t kik__decode(kik__decoder *d, const unsigned char *in, size_t len, int final, char *out, size_t *out_len);

/* The Windows-1252 byte of a code point, or -1 when it has none. */
int kik__cp1252_byte(unsigned cp);

#endif
