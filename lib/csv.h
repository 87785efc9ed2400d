/* The CSV reader: bytes in, rows of UTF-8 cells with their positions out. */
#ifndef KIK_CSV_H
#define KIK_CSV_H

#include "encoding.h"
#include "source.h"

typedef struct kik__csv_cell {
	const char *text; /* NUL-terminated UTF-8; valid until the next row */
	size_t len;
	const char *raw;            /* where the cell starts in the row (its opening quote, if quoted) */
	unsigned long line, column; /* where the cell starts; column 0: counted on demand */
	int quoted;
} kik__csv_cell;

/* Input is read in blocks at multiples of this offset; each block's bytes are decoded
 * whole before any row that starts in it is read, so that a byte that cannot be read is
 * reported before rows near it, wherever a reader started. */
enum { KIK__CSV_BLOCK = 1024 * 1024 };

/* A reader error (code < 0) that asks the caller to read the input in one part instead:
 * a part met Windows-1252, whose converted text no longer lines up with file offsets. */
enum { KIK__CSV_NOT_ALONE = -100 };

typedef struct kik__csv {
	const kik_allocator *alloc;
	const kik__source *src;
	kik__decoder decoder;
	char delimiter;
	const char *delimiter_line; /* detect the delimiter from the first line holding this word */
	size_t max_field, max_columns, max_rows;
	uint64_t end; /* rows starting at or after this file offset are left to the next part */
	size_t block; /* KIK__CSV_BLOCK (smaller only to test block ends) */

	char *buf;                     /* the text; one spare byte after it for a final NUL */
	size_t cap, len, checked, pos; /* text [0,len), decoded [0,checked), next row at pos */
	uint64_t base;                 /* file offset of buf[0], while the text is the file's bytes */
	uint64_t next_read;            /* file offset of the next block */
	int eof, converted;            /* all read; the text is converted from Windows-1252 */
	char *raw;                     /* Windows-1252 bytes before conversion */

	kik__csv_cell *cells;
	size_t cell_count, cell_cap;
	int quoted;           /* the row has a quoted cell */
	const char *row;      /* the current row, for columns counted on demand */
	unsigned long line;   /* line of the next row */
	unsigned long rows;   /* rows returned */
	uint64_t next_offset; /* file offset of the next row, once a part has ended */
	int saw_nonascii;     /* a byte beyond ASCII was read */
	/* The file's line end, from the first row's: '\n' (LF or CRLF) or '\r' (CR); 0 before.
	 * A line break inside a quoted cell counts as a line only when it is the file's kind,
	 * as an editor shows the file (a lone CR in an LF file shifted every later line). */
	char line_end;

	/* the failure, when next() returned < 0 */
	unsigned long error_line, error_column;
	char error[256];
} kik__csv;

/* Prepares a reader of the rows starting in [start, end) of the source (start 0 reads from
 * the beginning, with a BOM; others start at a row of a file in UTF-8). `options` may be
 * NULL. Returns 0 or KIK_ENOMEM. */
int kik__csv_open(kik__csv *r, const kik_allocator *a, const kik_import_options *options, const kik__source *src,
		  uint64_t start, uint64_t end);
/* Reads the next non-blank row: 1 with *cells and *count set, 0 at the end, or a negative
 * KIK_E* code with r->error and its position. */
int kik__csv_next(kik__csv *r, const kik__csv_cell **cells, size_t *count);
/* The character column of a cell of the current row. */
unsigned long kik__csv_column(const kik__csv *r, const kik__csv_cell *cell);
void kik__csv_close(kik__csv *r);

#endif
