/* RFC 4180 reading: quoted delimiters, "" and line breaks; CRLF, LF and lone CR; the
 * delimiter detected among ';', ',' and TAB from the first line.
 *
 * Blocks of input are read into one buffer and rows are split where they lie: each cell
 * gets a NUL written after it, so the common row costs one scan and no copy. Positions
 * are counted only where a message needs one. */
#include "csv.h"

#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int kik__csv_open(kik__csv *r, const kik_allocator *a, const kik_import_options *options, const kik__source *src,
		  uint64_t start, uint64_t end)
{
	uint64_t rest = src->size > start ? src->size - start : 0;
	memset(r, 0, sizeof(*r));
	r->alloc = a;
	r->src = src;
	r->decoder.mode = options ? options->encoding : KIK_ENCODING_AUTO;
	r->decoder.strict = start > 0;
	r->delimiter = options ? options->delimiter : 0;
	r->max_field = options && options->max_field_bytes ? options->max_field_bytes : 1024 * 1024;
	r->max_columns = options && options->max_columns ? options->max_columns : 1024;
	r->max_rows = options && options->max_rows ? options->max_rows : (size_t)-1;
	r->end = end;
	r->block = KIK__CSV_BLOCK;
	r->base = r->next_read = start;
	r->line = 1;
	/* a small input gets a small buffer; it grows when a row needs more */
	r->cap = rest < 2 * KIK__CSV_BLOCK ? (size_t)rest + 64 : 2 * KIK__CSV_BLOCK;
	r->buf = kik__malloc(a, r->cap + 1);
	return r->buf ? 0 : KIK_ENOMEM;
}

void kik__csv_close(kik__csv *r)
{
	kik__free(r->alloc, r->buf);
	kik__free(r->alloc, r->raw);
	kik__free(r->alloc, r->cells);
	r->buf = r->raw = NULL;
	r->cells = NULL;
}

#if defined(__SSE2__)
/* The number of bits set in x < 2^16, without the call that __builtin_popcount becomes
 * on x86-64 without POPCNT. */
static unsigned bits_set16(unsigned x)
{
	x = x - ((x >> 1) & 0x5555u);
	x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
	x = (x + (x >> 4)) & 0x0F0Fu;
	return (x + (x >> 8)) & 0x1Fu;
}
#endif

/* Whether `ch` after `prev` ends a line, with the file's line end `kind` ('\n', '\r', or 0
 * before it is known: then LF, CR and CRLF all do). */
static int ends_line(char kind, unsigned char prev, unsigned char ch)
{
	if (ch == '\n')
		return kind == '\n' || (kind == 0 && prev != '\r');
	return ch == '\r' && kind != '\n';
}

/* Counts lines and columns over b[*i, to) from *line and *column: lines end at the file's
 * line ends (any of LF, CR or CRLF before the first row's is known); columns count code
 * points. */
static void count_over(const kik__csv *r, size_t *i, size_t to, unsigned long *line, unsigned long *column)
{
	while (*i < to) {
		size_t stop = to; /* bytes before this are counted one by one */
#if defined(__SSE2__)
		/* sixteen bytes at a time (fewer at `to`, while the text has sixteen) while they
		 * hold no line end: columns are the bytes that start a character; at a line end,
		 * one by one up to it, then sixteen again (a quoted cell may hold several lines) */
		const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), xc0 = _mm_set1_epi8((char)0xC0),
			      x80 = _mm_set1_epi8((char)0x80);
		while (*i < to && *i + 16 <= r->len) {
			size_t n = to - *i < 16 ? to - *i : 16;
			unsigned keep = (1u << n) - 1; /* the bytes before `to` */
			__m128i v = _mm_loadu_si128((const __m128i *)(r->buf + *i));
			unsigned ends = keep & (unsigned)_mm_movemask_epi8(
						   _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
			unsigned cont = keep & (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, xc0), x80));
			if (ends) {
				stop = *i + (size_t)__builtin_ctz(ends) + 1;
				break;
			}
			*column += n - bits_set16(cont);
			*i += n;
		}
#endif
		for (; *i < stop; ++*i) {
			unsigned char ch = (unsigned char)r->buf[*i],
				      prev = *i > r->pos ? (unsigned char)r->buf[*i - 1] : 0;
			if (ends_line(r->line_end, prev, ch)) {
				++*line;
				*column = 1;
			} else if (!(ch == '\n' && prev == '\r') && (ch & 0xC0) != 0x80) {
				++*column;
			}
		}
	}
}

/* The line and column of buf[at], counted from the next row's start. */
static void position_of(const kik__csv *r, size_t at, unsigned long *line, unsigned long *column)
{
	size_t i = r->pos;
	*line = r->line;
	*column = 1;
	count_over(r, &i, at, line, column);
}

/* The error path: cold, so that the compiler keeps it out of the row loop. */
static int fail_at(kik__csv *r, size_t at, int code, const char *what)
#if defined(__GNUC__)
    __attribute__((cold))
#endif
    ;

static int fail_at(kik__csv *r, size_t at, int code, const char *what)
{
	position_of(r, at, &r->error_line, &r->error_column);
	snprintf(r->error, sizeof(r->error), "%s", what);
	return code;
}

static int reserve(kik__csv *r, size_t need)
{
	size_t cap = r->cap * 2 > need ? r->cap * 2 : need;
	char *bigger;
	if (need <= r->cap)
		return 0;
	if (cap == SIZE_MAX || !(bigger = kik__realloc(r->alloc, r->buf, cap + 1)))
		return KIK_ENOMEM;
	r->buf = bigger;
	r->cap = cap;
	return 0;
}

/* Converts buf[at, len), Windows-1252 bytes, to UTF-8 in place. */
static int convert_tail(kik__csv *r, size_t at)
{
	size_t n = r->len - at, used, out_len;
	char *raw;
	if (reserve(r, at + 3 * n) < 0 || !(raw = kik__malloc(r->alloc, n + 1)))
		return fail_at(r, at, KIK_ENOMEM, "out of memory");
	memcpy(raw, r->buf + at, n);
	used = kik__from_cp1252(&r->decoder, (const unsigned char *)raw, n, r->buf + at, &out_len);
	kik__free(r->alloc, raw);
	(void)used;
	r->len = r->checked = at + out_len;
	r->converted = 1;
	return r->decoder.bad ? fail_at(r, r->len, KIK_EPARSE, r->decoder.problem) : 1;
}

static int wrong_encoding(kik__csv *r, const char *name)
{
	r->error_line = r->error_column = 1;
	snprintf(r->error, sizeof(r->error),
		 "the file is %s; expected UTF-8 or Windows-1252 (save it as \"CSV UTF-8\")", name);
	return KIK_EPARSE;
}

/* Skips a byte order mark at the very start; UTF-16 and UTF-32 are errors. */
static int start_of_input(kik__csv *r, const unsigned char *s, size_t n, size_t *skip)
{
	*skip = 0;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		*skip = 3;
		if (r->decoder.mode == KIK_ENCODING_AUTO)
			r->decoder.mode = KIK_ENCODING_UTF8; /* a BOM settles it */
	} else if ((n >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0) ||
		   (n >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)) {
		return wrong_encoding(r, "UTF-32"); /* before UTF-16: FF FE starts both */
	} else if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		return wrong_encoding(r, "UTF-16");
	}
	return 0;
}

/* Whether the input after buf[at] holds a character of UTF-8 beyond ASCII: 1 with its line
 * in *line (counted on from the line of buf[at]), 0 if none, or < 0 when reading failed.
 * The rest of the file is read once, only when choosing Windows-1252 hangs on it. */
static int utf8_after(kik__csv *r, size_t at, unsigned long *line)
{
	enum { CHUNK = 64 * 1024 };
	unsigned char *chunk = kik__malloc(r->alloc, CHUNK), prev = 0;
	uint64_t offset = r->base + at + 1; /* the text is still the file's bytes */
	size_t carry = 0;
	int found = 0;
	if (!chunk)
		return KIK_ENOMEM;
	for (;;) {
		long n = kik__source_read(r->src, (char *)chunk + carry, CHUNK - carry, offset);
		size_t total, i;
		int final;
		if (n < 0) {
			found = KIK_EIO;
			break;
		}
		offset += (uint64_t)n;
		total = carry + (size_t)n;
		final = (size_t)n < CHUNK - carry;
		for (i = 0; i < total; i++) {
			int seq = chunk[i] >= 0xC2 ? kik__utf8_sequence(chunk + i, total - i) : -1;
			if (seq > 0 || (seq == 0 && !final))
				break; /* found; or cut by the chunk's end, to be read again with the next */
			*line += (unsigned long)ends_line(r->line_end, prev, chunk[i]);
			prev = chunk[i];
		}
		if (i < total && kik__utf8_sequence(chunk + i, total - i) > 0) {
			found = 1;
			break;
		}
		if (final)
			break;
		carry = total - i;
		memmove(chunk, chunk + i, carry);
	}
	kik__free(r->alloc, chunk);
	return found;
}

/* The automatic choice met a byte that is not UTF-8 before any UTF-8 beyond ASCII: the
 * file is Windows-1252, unless UTF-8 follows further on. Then it mixes the two, and
 * reading it as Windows-1252 would turn every later "ü" into "Ã¼" without a word. */
static int refuse_mixed(kik__csv *r)
{
	unsigned long line, column;
	char what[200];
	int found;
	position_of(r, r->checked, &line, &column);
	if ((found = utf8_after(r, r->checked, &line)) <= 0)
		return found == 0 ? 0
				  : fail_at(r, r->checked, found,
					    found == KIK_ENOMEM ? "out of memory" : "the file could not be read");
	snprintf(what, sizeof(what),
		 "byte 0x%02X is not valid UTF-8, but line %lu holds UTF-8: expected one encoding (the file "
		 "mixes UTF-8 with another)",
		 (unsigned char)r->buf[r->checked], line);
	return fail_at(r, r->checked, KIK_EPARSE, what);
}

/* Drops the rows before pos and reads, then decodes, the next block. Returns 1 with more
 * text, 0 at the end of the input, or < 0 on failure. */
static int refill(kik__csv *r)
{
	size_t want, skip = 0, k;
	int converting = r->decoder.mode == KIK_ENCODING_CP1252, first = r->next_read == 0, err;
	long n;
	if (r->pos) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->checked -= r->pos;
		r->base += r->pos;
		r->pos = 0;
	}
	if (r->eof)
		return 0;
	/* up to the next block boundary, and no further than the input: a small input gets a
	 * small buffer (a block of 1 MiB for every import held fuzzing to 100 runs a second) */
	want = r->block - (size_t)(r->next_read % r->block);
	if (r->src->size - r->next_read < want)
		want = (size_t)(r->src->size - r->next_read);
	/* the bytes to convert: room for a whole block, or the rest of the input if less */
	if (reserve(r, r->len + (converting ? 3 : 1) * want) < 0 ||
	    (converting && !r->raw &&
	     !(r->raw =
		   kik__malloc(r->alloc, r->src->size - r->next_read < r->block ? (size_t)(r->src->size - r->next_read)
										: r->block))))
		return fail_at(r, r->len, KIK_ENOMEM, "out of memory");
	n = kik__source_read(r->src, converting ? r->raw : r->buf + r->len, want, r->next_read);
	if (n < 0)
		return fail_at(r, r->len, KIK_EIO, "the file could not be read");
	r->next_read += (uint64_t)n;
	r->eof = (size_t)n < want || r->next_read >= r->src->size;
	if (first &&
	    (err = start_of_input(r, (const unsigned char *)(converting ? r->raw : r->buf), (size_t)n, &skip)) < 0)
		return err;
	if (converting) {
		size_t out_len;
		k = kik__from_cp1252(&r->decoder, (const unsigned char *)r->raw + skip, (size_t)n - skip,
				     r->buf + r->len, &out_len);
		(void)k;
		r->len = r->checked = r->len + out_len;
		r->converted = 1;
		return r->decoder.bad ? fail_at(r, r->len, KIK_EPARSE, r->decoder.problem) : 1;
	}
	r->len += (size_t)n;
	if (first) {
		r->pos = r->checked = skip;
		r->base = 0;
	}
	k = kik__check_utf8(&r->decoder, (const unsigned char *)r->buf + r->checked, r->len - r->checked, r->eof);
	r->checked += k;
	r->saw_nonascii = r->decoder.seen_multibyte;
	if (r->decoder.bad)
		return fail_at(r, r->checked, KIK_EPARSE, r->decoder.problem);
	if (r->decoder.mode == KIK_ENCODING_CP1252) {
		if (r->end != UINT64_MAX)
			return KIK__CSV_NOT_ALONE;
		if ((err = refuse_mixed(r)) < 0)
			return err;
		return convert_tail(r, r->checked);
	}
	return 1;
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

/* Bit k set when b[from + k] is a delimiter, a quote or a line end, for the (up to) 64
 * bytes of b[from, end): rows are split by walking these bits. */
static uint64_t specials(const char *b, size_t from, size_t end, char delimiter)
{
	uint64_t mask = 0;
	size_t k, n = end - from < 64 ? end - from : 64;
#if defined(__SSE2__)
	if (n == 64) {
		const __m128i d = _mm_set1_epi8(delimiter), q = _mm_set1_epi8('"'), lf = _mm_set1_epi8('\n'),
			      cr = _mm_set1_epi8('\r');
		for (k = 0; k < 64; k += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(b + from + k));
			__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, q)),
						   _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
			mask |= (uint64_t)(unsigned)_mm_movemask_epi8(hit) << k;
		}
		return mask;
	}
#endif
	for (k = 0; k < n; k++) {
		char c = b[from + k];
		if (c == delimiter || c == '"' || c == '\n' || c == '\r')
			mask |= 1ULL << k;
	}
	return mask;
}

/* Room for one more cell, starting at buf[at], or an error: the row has as many cells as allowed,
 * or memory ran out. Checked only when the cells are full, not for every cell. */
static int more_cells(kik__csv *r, size_t at)
{
	size_t cap = r->cell_cap ? r->cell_cap * 2 : 16;
	kik__csv_cell *cells;
	if (r->cell_count == r->max_columns)
		return fail_at(r, at, KIK_ELIMIT, "too many cells in this row");
	if (cap > r->max_columns)
		cap = r->max_columns;
	if (!(cells = kik__realloc(r->alloc, r->cells, cap * sizeof(*cells))))
		return fail_at(r, at, KIK_ENOMEM, "out of memory");
	r->cells = cells;
	r->cell_cap = cap;
	return 0;
}

/* The length of quoted content once each "" is one quote. */
static size_t unquoted_length(const char *s, size_t len)
{
	size_t n = len;
	const char *q, *end = s + len;
	while ((q = memchr(s, '"', (size_t)(end - s)))) {
		n--;
		s = q + 2;
	}
	return n;
}

/* The closing quote of the quoted cell at b[start]: 1 with *close, 0 when the text ends
 * first (more input is needed), < 0 on an error. */
static int closing_quote(kik__csv *r, size_t start, size_t end, int final, size_t *close)
{
	const char *b = r->buf;
	size_t j = start + 1;
	for (;;) {
		const char *q = j < end ? memchr(b + j, '"', end - j) : NULL;
		if (!q) {
			if (final)
				return fail_at(r, start, KIK_EPARSE,
					       "quoted cell is never closed: expected a closing quote");
			if (end - start > 2 * r->max_field + 2)
				return fail_at(r, start, KIK_ELIMIT, "cell longer than the limit on cell size");
			return 0;
		}
		j = (size_t)(q - b);
		if (j + 1 < end && b[j + 1] == '"') {
			j += 2;
			continue;
		}
		if (j + 1 == end && !final)
			return 0; /* a "" may be cut by the end of the text */
		*close = j;
		if (j - start - 1 > r->max_field && unquoted_length(b + start + 1, j - start - 1) > r->max_field)
			return fail_at(r, start, KIK_ELIMIT, "cell longer than the limit on cell size");
		return 1;
	}
}

/* Finds the cells of the row at pos (as pointers into the text, not yet NUL-terminated).
 * Returns 1 with *next after the row, 0 when the row runs past the decoded text (more
 * input is needed), or < 0 on an error. */
static int split(kik__csv *r, size_t *next)
{
	const char *b = r->buf, d = r->delimiter;
	size_t end = r->checked, start = r->pos, at = start, j;
	int final = r->eof && r->checked == r->len, got;
	uint64_t mask = specials(b, at, end, d);
	r->cell_count = 0;
	r->quoted = 0;
	for (;;) {
		kik__csv_cell *c;
		size_t close = 0;
		while (!mask && at + 64 < end)
			mask = specials(b, at += 64, end, d);
		j = mask ? at + (size_t)__builtin_ctzll(mask) : end;
		mask &= mask - 1;
		if (j < end && b[j] == '"' && j != start)
			continue; /* a quote inside an unquoted cell is text */
		if (r->cell_count == r->cell_cap && (got = more_cells(r, start)) < 0)
			return got;
		c = &r->cells[r->cell_count++];
		c->raw = b + start;
		c->line = r->line;
		c->column = 0;
		c->quoted = 0;
		if (j < end && b[j] == '"') {
			if ((got = closing_quote(r, start, end, final, &close)) <= 0)
				return got;
			c->text = b + start + 1;
			c->len = close - start - 1;
			c->quoted = 1; /* unescaped once the row is whole */
			r->quoted = 1;
			j = close + 1;
			mask = j < end ? specials(b, at = j, end, d) : 0;
			mask &= ~1ULL; /* b[j] itself is handled here */
			if (j < end && b[j] != d && b[j] != '\n' && b[j] != '\r') {
				char what[96];
				snprintf(what, sizeof(what),
					 "expected '%s' or the end of the line after a closing quote",
					 d == '\t' ? "TAB" : (char[]){ d, 0 });
				return fail_at(r, j, KIK_EPARSE, what);
			}
		} else {
			if (j - start > r->max_field)
				return fail_at(r, start, KIK_ELIMIT, "cell longer than the limit on cell size");
			if (j == end && !final)
				return 0;
			c->text = b + start;
			c->len = j - start;
		}
		if (j < end && b[j] == d) {
			start = j + 1;
			continue;
		}
		break; /* a line end, or the end of the input */
	}
	if (j < end && b[j] == '\r') {
		if (j + 1 == end && !final)
			return 0; /* an LF may follow */
		j += j + 1 < end && b[j + 1] == '\n' ? 2 : 1;
	} else if (j < end) {
		j++;
	}
	*next = j;
	return 1;
}

/* Replaces each "" of quoted content with one quote, in place; returns the new length.
 * The text between quotes moves as a whole: a byte at a time took a fifth of the
 * reader's cycles on a file where one row in twenty quotes a word. */
static size_t unescape(char *s, size_t len)
{
	char *end = s + len, *q = memchr(s, '"', len), *out, *from;
	if (!q)
		return len;
	out = q + 1; /* the first quote of a pair stays, the second goes */
	from = q + 2 < end ? q + 2 : end;
	while ((q = memchr(from, '"', (size_t)(end - from)))) {
		memmove(out, from, (size_t)(q + 1 - from));
		out += q + 1 - from;
		from = q + 2 < end ? q + 2 : end;
	}
	memmove(out, from, (size_t)(end - from));
	return (size_t)(out + (end - from) - s);
}

/* Where the line end that ends the row [pos, next) starts (next when there is none). */
static size_t row_end(const kik__csv *r, size_t next)
{
	if (next > r->pos && r->buf[next - 1] == '\n')
		return next - 1 - (next - 1 > r->pos && r->buf[next - 2] == '\r');
	return next > r->pos && r->buf[next - 1] == '\r' ? next - 1 : next;
}

/* Makes the cells of the row [pos, next) NUL-terminated strings. A row with a quoted cell
 * gets every position now, before unescaping moves bytes (and a quoted line break puts
 * later cells on later lines); other rows count columns on demand. */
static void finish_row(kik__csv *r, size_t next)
{
	kik__csv_cell *cells = r->cells; /* locals: the NUL stores below may alias *r */
	size_t k, count = r->cell_count;
	if (r->quoted) {
		unsigned long line = r->line, column = 1;
		size_t i = r->pos, end = row_end(r, next);
		for (k = 0; k < r->cell_count; k++) {
			kik__csv_cell *c = &r->cells[k];
			count_over(r, &i, (size_t)(c->raw - r->buf), &line, &column);
			c->line = line;
			c->column = column;
		}
		count_over(r, &i, end, &line, &column);
		r->line = line + (end < next);      /* the row's own end is a line end of any kind */
		for (k = 0; k < r->cell_count; k++) /* only now: unescaping moves bytes */
			if (r->cells[k].quoted)
				r->cells[k].len = unescape((char *)r->cells[k].text, r->cells[k].len);
	} else {
		r->line++;
	}
	for (k = 0; k < count; k++) /* on the delimiter or line end after it, at the latest */
		((char *)cells[k].text)[cells[k].len] = '\0';
	r->row = r->buf + r->pos;
}

unsigned long kik__csv_column(const kik__csv *r, const kik__csv_cell *cell)
{
	const unsigned char *p = (const unsigned char *)r->row;
	unsigned long column = 1;
	if (cell->column)
		return cell->column;
	for (; p < (const unsigned char *)cell->raw; p++)
		column += (*p & 0xC0) != 0x80;
	return column;
}

int kik__csv_next(kik__csv *r, const kik__csv_cell **cells, size_t *count)
{
	for (;;) {
		size_t next = 0;
		int got;
		if (!r->converted && r->base + r->pos >= r->end) {
			r->next_offset = r->base + r->pos;
			return 0;
		}
		if (r->eof && r->pos == r->len && r->checked == r->len) {
			r->next_offset = r->base + r->pos;
			return 0;
		}
		if (!r->delimiter && r->checked > r->pos) {
			const char *from = r->buf + r->pos, *end = r->buf + r->checked, *line;
			if (r->delimiter_line && (line = line_with(from, (size_t)(end - from), r->delimiter_line)))
				from = line;
			r->delimiter = detect_delimiter(from, (size_t)(end - from));
		}
		got = r->delimiter ? split(r, &next) : 0;
		if (got < 0)
			return got;
		if (got == 0) {
			if ((got = refill(r)) < 0)
				return got;
			continue;
		}
		if (!r->line_end && row_end(r, next) < next)
			r->line_end = r->buf[next - 1] == '\n' ? '\n' : '\r';
		if (r->cell_count == 1 && !r->quoted && r->cells[0].len == 0) {
			r->pos = next; /* a blank line */
			r->line++;
			continue;
		}
		if (r->rows == r->max_rows)
			return fail_at(r, r->pos, KIK_ELIMIT, "more rows than the limit");
		finish_row(r, next);
		r->pos = next;
		r->rows++;
		*cells = r->cells;
		*count = r->cell_count;
		return 1;
	}
}
