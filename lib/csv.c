/* RFC 4180 reading, streaming in chunks: quoted delimiters, "" and line breaks; CRLF, LF
 * and lone CR; delimiter detected among ';', ',' and TAB from the first line. */
#include "csv.h"

#include <stdio.h>
#include <string.h>

int kik__csv_open(kik__csv *r, const kik_allocator *a, const kik_import_options *options, kik__read_fn read, void *ctx)
{
	memset(r, 0, sizeof(*r));
	r->alloc = a;
	r->read = read;
	r->ctx = ctx;
	r->decoder.mode = options ? options->encoding : KIK_ENCODING_AUTO;
	r->decoder.at_start = 1;
	r->delimiter = options ? options->delimiter : 0;
	r->max_field = options && options->max_field_bytes ? options->max_field_bytes : 1024 * 1024;
	r->max_columns = options && options->max_columns ? options->max_columns : 1024;
	r->max_rows = options && options->max_rows ? options->max_rows : (size_t)-1;
	r->line = r->column = 1;
	r->text = kik__malloc(a, KIK__CSV_CHUNK * KIK__DECODE_GROWTH + 8);
	return r->text ? 0 : KIK_ENOMEM;
}

void kik__csv_close(kik__csv *r)
{
	kik__free(r->alloc, r->text);
	kik__free(r->alloc, r->cells);
	kik__buf_free(r->alloc, &r->row);
	r->text = NULL;
	r->cells = NULL;
}

static int fail(kik__csv *r, int code, unsigned long line, unsigned long column, const char *what)
{
	r->error_line = line;
	r->error_column = column;
	snprintf(r->error, sizeof(r->error), "%s", what);
	return code;
}

/* Moves a position over text the way the parser counts: lines end at LF, CR or CRLF,
 * columns count code points. */
static void advance(kik__csv *r, const char *s, size_t len)
{
	size_t i;
	int after_cr = r->after_cr;
	for (i = 0; i < len; i++) {
		if (after_cr && s[i] == '\n') {
			after_cr = 0;
			continue;
		}
		after_cr = s[i] == '\r';
		if (s[i] == '\n' || s[i] == '\r') {
			r->line++;
			r->column = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			r->column++;
		}
	}
}

/* Decodes the next piece of input. Returns 1 with new text, 0 at the end, <0 on failure.
 * A byte that cannot be decoded fails at once, at its position, before the rows of its
 * piece are parsed: binary data is reported as such, not as a bad header. */
static int refill(kik__csv *r)
{
	for (;;) {
		size_t used, out_len;
		if (!r->raw_eof && r->raw_len < sizeof(r->raw)) {
			int failed = 0;
			size_t n = r->read(r->ctx, (char *)r->raw + r->raw_len, sizeof(r->raw) - r->raw_len, &failed);
			if (failed)
				return fail(r, KIK_EIO, r->line, r->column, "the file could not be read");
			r->raw_len += n;
			r->raw_eof = n == 0;
		}
		used = kik__decode(&r->decoder, r->raw, r->raw_len, r->raw_eof, r->text, &out_len);
		memmove(r->raw, r->raw + used, r->raw_len - used);
		r->raw_len -= used;
		r->text_len = out_len;
		r->text_pos = 0;
		r->text[out_len] = '\0'; /* lets the scanner use the string functions */
		if (r->decoder.bad) {
			advance(r, r->text, out_len);
			return fail(r, KIK_EPARSE, r->line, r->column, r->decoder.problem);
		}
		if (out_len)
			return 1;
		if (r->raw_eof && r->raw_len == 0)
			return 0;
		if (r->raw_eof && used == 0)
			return 0; /* an incomplete sequence at the very end: decode() flagged it as final */
	}
}

/* Picks the delimiter that occurs most often, outside quotes, in the first line. */
static char detect_delimiter(const char *s, size_t len)
{
	static const char candidates[] = { ';', ',', '\t' };
	size_t counts[3] = { 0, 0, 0 }, i;
	int quoted = 0, best = 0, k;
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted)
			for (k = 0; k < 3; k++)
				counts[k] += s[i] == candidates[k];
	}
	for (k = 1; k < 3; k++)
		if (counts[k] > counts[best])
			best = k;
	return counts[best] ? candidates[best] : ',';
}

/* The start of the first line that holds `word` (ASCII, any case), or NULL. */
static const char *line_with(const char *s, size_t len, const char *word)
{
	const char *at = kik__find_word(s, len, word);
	while (at && at > s && at[-1] != '\n' && at[-1] != '\r')
		at--;
	return at;
}

static int start_cell(kik__csv *r)
{
	if (r->cell_count == r->max_columns)
		return fail(r, KIK_ELIMIT, r->line, r->column, "too many cells in this row");
	if (r->cell_count == r->cell_cap) {
		size_t cap = r->cell_cap ? r->cell_cap * 2 : 16;
		kik__csv_cell *cells = kik__realloc(r->alloc, r->cells, cap * sizeof(*cells));
		if (!cells)
			return fail(r, KIK_ENOMEM, r->line, r->column, "out of memory");
		r->cells = cells;
		r->cell_cap = cap;
	}
	r->cells[r->cell_count].text = NULL;
	r->cells[r->cell_count].len = r->row.len; /* start offset until the row is done */
	r->cells[r->cell_count].line = r->line;
	r->cells[r->cell_count].column = r->column;
	r->cell_count++;
	return 0;
}

static int end_cell(kik__csv *r)
{
	kik__csv_cell *cell = &r->cells[r->cell_count - 1];
	size_t start = cell->len;
	cell->len = r->row.len - start;
	cell->text = (const char *)(uintptr_t)start; /* made a pointer once the row's buffer is final */
	if (r->row.len + 2 <= r->row.cap) {          /* the usual case: room for the NUL, without a call */
		r->row.data[r->row.len++] = '\0';
		return 0;
	}
	return kik__buf_append(r->alloc, &r->row, "", 1) < 0 ? fail(r, KIK_ENOMEM, r->line, r->column, "out of memory")
							     : 0;
}

static int add_bytes(kik__csv *r, const char *s, size_t n)
{
	kik__csv_cell *cell = &r->cells[r->cell_count - 1];
	if (r->row.len - cell->len + n > r->max_field)
		return fail(r, KIK_ELIMIT, cell->line, cell->column, "cell longer than the limit on cell size");
	if (r->row.len + n + 1 <= r->row.cap) { /* the usual case, without a call */
		memcpy(r->row.data + r->row.len, s, n);
		r->row.len += n;
		r->row.data[r->row.len] = '\0';
		return 0;
	}
	if (kik__buf_append(r->alloc, &r->row, s, n) < 0)
		return fail(r, KIK_ENOMEM, r->line, r->column, "out of memory");
	return 0;
}

enum state { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED };

int kik__csv_next(kik__csv *r, const kik__csv_cell **cells, size_t *count)
{
	enum state st = CELL_START;
	int quoted_cell = 0, err;
	size_t i;

	r->row.len = 0;
	r->cell_count = 0;
	for (;;) {
		if (r->text_pos == r->text_len) {
			int got = refill(r);
			if (got < 0)
				return got;
			if (got == 0)
				break;
		}
		if (!r->delimiter) {
			const char *from = r->text + r->text_pos, *end = r->text + r->text_len, *line;
			if (r->delimiter_line && (line = line_with(from, (size_t)(end - from), r->delimiter_line)))
				from = line;
			r->delimiter = detect_delimiter(from, (size_t)(end - from));
		}
		if (!r->classes['"']) {
			/* 1: ends any run (quote, line ends, the NUL at the end); 2: ends an unquoted one */
			r->classes['"'] = r->classes['\n'] = r->classes['\r'] = r->classes[0] = 1;
			r->classes[(unsigned char)r->delimiter] |= 2;
		}
		while (r->text_pos < r->text_len) {
			const char *s = r->text + r->text_pos;
			char c = *s;
			int line_end = c == '\n' || c == '\r';
			if ((st == UNQUOTED || st == QUOTED) && !r->after_cr) {
				/* the bulk of a cell: take the run up to the next character that matters
				 * (quote, line end, or in an unquoted cell the delimiter; the decoded
				 * text ends in a NUL and holds no other, which also stops the run) */
				const unsigned char *p = (const unsigned char *)s;
				unsigned char stop = st == UNQUOTED ? 3 : 1;
				unsigned long continuation = 0;
				size_t run;
				while (!(r->classes[*p] & stop)) {
					continuation += (*p & 0xC0) == 0x80;
					p++;
				}
				run = (size_t)(p - (const unsigned char *)s);
				if (run) {
					if ((err = add_bytes(r, s, run)) < 0)
						return err;
					r->text_pos += run;
					r->column += run - continuation;
					continue;
				}
			}
			if (r->after_cr && c == '\n') { /* the LF of a CRLF was counted with its CR */
				r->after_cr = 0;
				r->text_pos++;
				if (st == QUOTED && (err = add_bytes(r, s, 1)) < 0)
					return err;
				continue;
			}
			r->after_cr = c == '\r';
			if (st == CELL_START) {
				if ((err = start_cell(r)) < 0)
					return err;
				if (c == '"') {
					st = QUOTED;
					quoted_cell = 1;
				} else if (c == r->delimiter || line_end) {
					if ((err = end_cell(r)) < 0)
						return err;
				} else {
					st = UNQUOTED;
					continue; /* the run scanner above takes the cell's text */
				}
			} else if (st == QUOTED) {
				if (c == '"')
					st = QUOTE_IN_QUOTED;
				else if ((err = add_bytes(r, s, 1)) < 0)
					return err;
			} else if (st == QUOTE_IN_QUOTED && c == '"') {
				st = QUOTED;
				if ((err = add_bytes(r, s, 1)) < 0)
					return err;
			} else if (c == r->delimiter || line_end) {
				st = CELL_START;
				if ((err = end_cell(r)) < 0)
					return err;
			} else if (st == QUOTE_IN_QUOTED) {
				char what[96];
				snprintf(what, sizeof(what),
					 "expected '%s' or the end of the line after a closing quote",
					 r->delimiter == '\t' ? "TAB" : (char[]){ r->delimiter, 0 });
				return fail(r, KIK_EPARSE, r->line, r->column, what);
			} else if ((err = add_bytes(r, s, 1)) < 0) {
				return err;
			}
			/* positions: lines end at LF, CR or CRLF; columns count code points */
			r->text_pos++;
			if (line_end) {
				r->line++;
				r->column = 1;
			} else if (((unsigned char)c & 0xC0) != 0x80) {
				r->column++;
			}
			if (line_end && st == CELL_START && r->cell_count) {
				if (r->cell_count == 1 && r->cells[0].len == 0 && !quoted_cell) {
					r->cell_count = 0; /* a blank line */
					r->row.len = 0;
					continue;
				}
				goto row_done;
			}
		}
	}
	/* end of input */
	if (st == QUOTED) {
		const kik__csv_cell *cell = &r->cells[r->cell_count - 1];
		return fail(r, KIK_EPARSE, cell->line, cell->column,
			    "quoted cell is never closed: expected a closing quote");
	}
	if (st == CELL_START && r->cell_count && ((err = start_cell(r)) < 0 || (err = end_cell(r)) < 0))
		return err; /* the input ended right after a delimiter: one more, empty cell */
	if (st != CELL_START && (err = end_cell(r)) < 0)
		return err;
	if (r->cell_count == 0 || (r->cell_count == 1 && r->cells[0].len == 0 && !quoted_cell))
		return 0;
row_done:
	if (r->rows == r->max_rows)
		return fail(r, KIK_ELIMIT, r->cells[0].line, r->cells[0].column, "more rows than the limit");
	r->rows++;
	for (i = 0; i < r->cell_count; i++)
		r->cells[i].text = r->row.data + (uintptr_t)r->cells[i].text;
	*cells = r->cells;
	*count = r->cell_count;
	return 1;
}
