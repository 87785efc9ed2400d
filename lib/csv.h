/* The CSV reader: bytes in, rows of UTF-8 cells with their positions out. */
#ifndef KIK_CSV_H
#define KIK_CSV_H

#include "encoding.h"

typedef struct kik__csv_cell {
	const char *text; /* NUL-terminated UTF-8; valid until the next row */
	size_t len;
	unsigned long line, column; /* where the cell starts (its opening quote, if quoted) */
} kik__csv_cell;

/* Reads up to `cap` bytes; returns 0 at the end. Sets *failed on a read error. */
typedef size_t (*kik__read_fn)(void *ctx, char *buf, size_t cap, int *failed);

enum { KIK__CSV_CHUNK = 64 * 1024 };

typedef struct kik__csv {
	const kik_allocator *alloc;
	kik__read_fn read;
	void *ctx;
	kik__decoder decoder;
	char delimiter;
	unsigned char classes[256]; /* what each byte means to the scanner, once the delimiter is known */
	const char *delimiter_line; /* detect the delimiter from the first line holding this word */
	size_t max_field, max_columns, max_rows;

	unsigned char raw[KIK__CSV_CHUNK];
	size_t raw_len;
	int raw_eof;
	char *text; /* decoded input */
	size_t text_len, text_pos;

	kik__buf row; /* the cells' bytes, each NUL-terminated */
	kik__csv_cell *cells;
	size_t cell_count, cell_cap;
	unsigned long line, column; /* of the next character */
	int after_cr;
	unsigned long rows;

	/* the failure, when next() returned < 0 */
	unsigned long error_line, error_column;
	char error[256];
} kik__csv;

/* Prepares a reader. `options` may be NULL. Returns 0 or KIK_ENOMEM. */
int kik__csv_open(kik__csv *r, const kik_allocator *a, const kik_import_options *options, kik__read_fn read, void *ctx);
/* Reads the next non-blank row: 1 with *cells and *count set, 0 at the end, or a negative
 * KIK_E* code with r->error and its position. */
int kik__csv_next(kik__csv *r, const kik__csv_cell **cells, size_t *count);
void kik__csv_close(kik__csv *r);

#endif
