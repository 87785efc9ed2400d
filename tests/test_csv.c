/* The CSV reader against the peers' conformance corpora (tests/fixtures/peer-csv):
 * csv-spectrum's expected JSON and tsv-utils csv2tsv's gold output. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"

#define PEER KIK_TEST_FIXTURES "/peer-csv"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long size;
	cr_assert(ne(ptr, (void *)f, NULL), "%s", path);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	data = malloc((size_t)size + 1);
	cr_assert(eq(sz, fread(data, 1, (size_t)size, f), (size_t)size));
	data[size] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)size;
	return data;
}

/* All rows of a file, each cell NUL-terminated, cells of a row separated by \x1F, rows by
 * \x1E, so that a whole table compares as one string. Returns the reader's error or 0. */
static int read_blocks(const kik__source *src, char delimiter, size_t block, char *out, size_t cap,
		       unsigned long *error_line)
{
	static const kik_allocator a = KIK_ALLOCATOR_INIT;
	kik_import_options options = KIK_IMPORT_OPTIONS_INIT;
	const kik__csv_cell *cells;
	kik__csv r;
	size_t n, i, used = 0;
	int got;
	options.delimiter = delimiter;
	cr_assert(eq(int, kik__csv_open(&r, &a, &options, src, 0, UINT64_MAX), 0));
	if (block)
		r.block = block;
	out[0] = '\0';
	while ((got = kik__csv_next(&r, &cells, &n)) > 0) {
		for (i = 0; i < n; i++) {
			used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? "\x1F" : "", cells[i].text);
			cr_assert(lt(sz, used, cap));
		}
		used += (size_t)snprintf(out + used, cap - used, "\x1E");
	}
	if (got < 0 && error_line)
		*error_line = r.error_line;
	kik__csv_close(&r);
	return got;
}

static int read_source(const kik__source *src, char delimiter, char *out, size_t cap, unsigned long *error_line)
{
	return read_blocks(src, delimiter, 0, out, cap, error_line);
}

static int read_table(const char *path, char delimiter, char *out, size_t cap, unsigned long *error_line)
{
	static const kik_allocator a = KIK_ALLOCATOR_INIT;
	kik__source src;
	int got;
	cr_assert(eq(int, kik__source_file(&src, &a, path, UINT64_MAX), 0), "%s", path);
	got = read_source(&src, delimiter, out, cap, error_line);
	kik__source_close(&src, &a);
	return got;
}

/* Each "" of a quoted cell is one quote, wherever the pairs lie: at either end, side by
 * side, or with long text between them. */
Test(csv, doubled_quotes_are_one_quote_wherever_they_lie)
{
	static const char input[] = "\"\"\"\"\n"
				    "\"\"\"\"\"\"\n"
				    "\"\"\"a\"\"\"\n"
				    "\"a\"\"b\"\"\"\"c\"\n"
				    "\"ein Ziel; \"\"so genannt\"\"\nzweite Zeile, lang genug für mehr als sechzehn\"\n"
				    "\"x\"\n";
	static const char want[] = "\"\x1E"
				   "\"\"\x1E"
				   "\"a\"\x1E"
				   "a\"b\"\"c\x1E"
				   "ein Ziel; \"so genannt\"\nzweite Zeile, lang genug für mehr als sechzehn\x1E"
				   "x\x1E";
	char got[1024];
	kik__source src;
	kik__source_memory(&src, input, sizeof(input) - 1);
	cr_assert(eq(int, read_source(&src, ';', got, sizeof(got), NULL), 0));
	cr_assert(eq(str, got, (char *)want));
}

/* The input is read in blocks, and the text moves in the buffer when a row goes past a
 * block's end: rows read the same whatever the block size, short rows and long ones. */
/* (a reader that loses its place in the moved text may never end: the timeout makes that a failure) */
Test(csv, rows_read_the_same_whatever_the_block_size, .timeout = 20)
{
	static const char input[] = "field;measure;kind;title\n"
				    "SB;1.1;ag;kurz\n"
				    "SB;1.2;concept;\"Teilhabe; \"\"so genannt\"\"\nzweite Zeile\"\r\n"
				    "SB;1.3;work_package;Öffnung der Verwaltung für Menschen mit Migrationsgeschichte, "
				    "Sprachförderung und Beratung\n"
				    "\n"
				    "AM;2.1;ag;a\rAM;2.2;ag;b\n"
				    "AM;2.3;;\"\"\n";
	char whole[4096], got[4096];
	size_t block;
	kik__source src;
	kik__source_memory(&src, input, sizeof(input) - 1);
	cr_assert(eq(int, read_source(&src, ';', whole, sizeof(whole), NULL), 0));
	cr_assert(ne(ptr, strstr(whole, "Teilhabe; \"so genannt\"\nzweite Zeile"), NULL));
	for (block = 1; block <= sizeof(input); block++) {
		cr_assert(eq(int, read_blocks(&src, ';', block, got, sizeof(got), NULL), 0), "block %zu", block);
		cr_assert(eq(str, got, whole), "block %zu", block);
	}
}

/* A row may have as many cells as the limit allows, and the one after fails where it
 * starts, whether the limit is below the reader's first room for cells or above it. */
Test(csv, the_limit_on_cells_is_exact)
{
	static const kik_allocator a = KIK_ALLOCATOR_INIT;
	static const size_t limits[] = { 1, 5, 16, 17, 40 };
	size_t k, cells_in_row;
	for (k = 0; k < sizeof(limits) / sizeof(limits[0]); k++) {
		for (cells_in_row = limits[k]; cells_in_row <= limits[k] + 1; cells_in_row++) {
			kik_import_options options = KIK_IMPORT_OPTIONS_INIT;
			const kik__csv_cell *cells;
			char input[256] = "";
			size_t n, i;
			kik__source src;
			kik__csv r;
			int got;
			for (i = 0; i < cells_in_row; i++)
				strcat(input, i ? ";ab" : "ab");
			strcat(input, "\n");
			kik__source_memory(&src, input, strlen(input));
			options.delimiter = ';';
			options.max_columns = limits[k];
			cr_assert(eq(int, kik__csv_open(&r, &a, &options, &src, 0, UINT64_MAX), 0));
			got = kik__csv_next(&r, &cells, &n);
			if (cells_in_row == limits[k]) {
				cr_assert(eq(int, got, 1), "limit %zu", limits[k]);
				cr_assert(eq(sz, n, cells_in_row));
				cr_assert(eq(str, (char *)cells[n - 1].text, "ab"));
			} else {
				cr_assert(eq(int, got, KIK_ELIMIT), "limit %zu", limits[k]);
				cr_assert(eq(ulong, r.error_column, (unsigned long)(3 * limits[k] + 1)));
			}
			kik__csv_close(&r);
		}
	}
}

/* ---- csv-spectrum ---------------------------------------------------------- */

/* Reads a JSON string at *p (after its opening quote), unescaping into out. */
static void json_string(const char **p, char *out)
{
	const char *s = *p;
	while (*s != '"') {
		if (*s == '\\') {
			s++;
			switch (*s) {
			case 'n': *out++ = '\n'; break;
			case 'r': *out++ = '\r'; break;
			case 't': *out++ = '\t'; break;
			case 'u': {
				unsigned cp = (unsigned)strtoul((char[]){ s[1], s[2], s[3], s[4], 0 }, NULL, 16);
				if (cp < 0x80) {
					*out++ = (char)cp;
				} else if (cp < 0x800) {
					*out++ = (char)(0xC0 | (cp >> 6));
					*out++ = (char)(0x80 | (cp & 0x3F));
				} else {
					*out++ = (char)(0xE0 | (cp >> 12));
					*out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
					*out++ = (char)(0x80 | (cp & 0x3F));
				}
				s += 4;
				break;
			}
			default: *out++ = *s;
			}
			s++;
		} else {
			*out++ = *s++;
		}
	}
	*out = '\0';
	*p = s + 1;
}

/* The table an array of flat objects stands for, in read_table's form: the keys of the
 * first object as the header row, then the values of each object. */
static void json_table(const char *json, char *out, size_t cap)
{
	char keys[4096] = "", values[8192] = "", str[4096];
	const char *p = json;
	size_t used = 0;
	int objects = 0, in_key = 1, first = 1;
	out[0] = '\0';
	for (; *p; p++) {
		if (*p == '{') {
			values[0] = '\0';
			first = 1;
			in_key = 1;
		} else if (*p == '"') {
			p++;
			json_string(&p, str);
			p--;
			if (in_key) {
				if (objects == 0)
					snprintf(keys + strlen(keys), sizeof(keys) - strlen(keys), "%s%s",
						 first ? "" : "\x1F", str);
			} else {
				snprintf(values + strlen(values), sizeof(values) - strlen(values), "%s%s",
					 first ? "" : "\x1F", str);
				first = 0;
			}
		} else if (*p == ':') {
			in_key = 0;
		} else if (*p == ',') {
			in_key = 1;
		} else if (*p == '}') {
			if (objects++ == 0)
				used += (size_t)snprintf(out + used, cap - used, "%s\x1E", keys);
			used += (size_t)snprintf(out + used, cap - used, "%s\x1E", values);
		}
	}
}

struct spectrum_case {
	char name[32];
};

ParameterizedTestParameters(csv, spectrum_cases_match_their_expected_json)
{
	static struct spectrum_case cases[] = {
		{ "comma_in_quotes" },
		{ "empty" },
		{ "empty_crlf" },
		{ "escaped_quotes" },
		{ "json" },
		{ "newlines" },
		{ "newlines_crlf" },
		{ "quotes_and_newlines" },
		{ "simple" },
		{ "simple_crlf" },
		{ "utf8" },
	};
	return cr_make_param_array(struct spectrum_case, cases, sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(struct spectrum_case *c, csv, spectrum_cases_match_their_expected_json)
{
	char path[512], got[16384], want[16384], *json;
	snprintf(path, sizeof(path), PEER "/csv-spectrum/csvs/%s.csv", c->name);
	cr_assert(eq(int, read_table(path, ',', got, sizeof(got), NULL), 0));
	snprintf(path, sizeof(path), PEER "/csv-spectrum/json/%s.json", c->name);
	json = slurp(path, NULL);
	json_table(json, want, sizeof(want));
	free(json);
	cr_assert(eq(str, got, want), "%s", c->name);
}

/* Upstream's expected JSON for this case is wrong (README: a bare object, and another phone
 * number than the CSV holds); the bare quotes inside an unquoted cell must be kept. */
Test(csv, bare_quotes_in_an_unquoted_cell_are_kept)
{
	char got[4096];
	cr_assert(
	    eq(int, read_table(PEER "/csv-spectrum/csvs/location_coordinates.csv", 0, got, sizeof(got), NULL), 0));
	cr_assert(ne(ptr,
		     strstr(got, "37\xEF\xBF\xBD"
				 "36'37.8\"N 121\xEF\xBF\xBD"
				 "2'17.9\"W\x1FModesto\x1FStanislaus"),
		     NULL),
		  "%s", got);
}

/* ---- tsv-utils csv2tsv ------------------------------------------------------- */

/* The gold output of `csv2tsv NAME` (default options) from basic_tests_1.txt. */
static char *gold_section(const char *gold, const char *name)
{
	char marker[128], *start, *end, *copy;
	snprintf(marker, sizeof(marker), "====[csv2tsv %s]====\n", name);
	start = strstr(gold, marker);
	cr_assert(ne(ptr, start, NULL), "%s", marker);
	start += strlen(marker);
	end = strstr(start, "\n\n====[");
	if (!end)
		end = start + strlen(start);
	copy = strndup(start, (size_t)(end - start));
	return copy;
}

/* Our rows as csv2tsv prints them: TAB between cells, a TAB or line break inside a cell as
 * one space, LF after each row. */
static void as_tsv(const char *table, char *out)
{
	for (; *table; table++) {
		if (*table == '\x1F') {
			*out++ = '\t';
		} else if (*table == '\x1E') {
			*out++ = '\n';
		} else if (*table == '\r' && table[1] == '\n') {
			*out++ = ' ';
			table++;
		} else if (*table == '\t' || *table == '\n' || *table == '\r') {
			*out++ = ' ';
		} else {
			*out++ = *table;
		}
	}
	if (out[-1] == '\n')
		out--; /* the section ends before the blank line */
	*out = '\0';
}

struct tsv_case {
	char name[32];
};

ParameterizedTestParameters(csv, csv2tsv_cases_match_the_gold_output)
{
	static struct tsv_case cases[] = { { "input1_format1.csv" }, { "input1_format2.csv" }, { "input1_format3.csv" },
					   { "input3.csv" },         { "input_unicode.csv" },  { "input_bom.csv" } };
	return cr_make_param_array(struct tsv_case, cases, sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(struct tsv_case *c, csv, csv2tsv_cases_match_the_gold_output)
{
	char path[512], table[16384], tsv[16384], *gold = slurp(PEER "/tsv-utils-csv2tsv/gold/basic_tests_1.txt", NULL);
	char *want = gold_section(gold, c->name);
	snprintf(path, sizeof(path), PEER "/tsv-utils-csv2tsv/%s", c->name);
	cr_assert(eq(int, read_table(path, ',', table, sizeof(table), NULL), 0));
	as_tsv(table, tsv);
	cr_assert(eq(str, tsv, want), "%s", c->name);
	free(want);
	free(gold);
}

Test(csv, unterminated_quotes_report_the_line_csv2tsv_reports)
{
	char table[4096];
	unsigned long line = 0;
	cr_assert(
	    eq(int, read_table(PEER "/tsv-utils-csv2tsv/invalid1.csv", ',', table, sizeof(table), &line), KIK_EPARSE));
	cr_assert(eq(ulong, line, 3));
	cr_assert(
	    eq(int, read_table(PEER "/tsv-utils-csv2tsv/invalid2.csv", ',', table, sizeof(table), &line), KIK_EPARSE));
	cr_assert(eq(ulong, line, 4));
}

Test(csv, an_empty_file_has_no_rows)
{
	char table[64];
	cr_assert(eq(int, read_table(PEER "/tsv-utils-csv2tsv/header4.csv", 0, table, sizeof(table), NULL), 0));
	cr_assert(eq(str, table, ""));
}

Test(csv, detects_the_delimiter_from_the_first_line)
{
	char table[256];
	FILE *f = fopen("detect.csv", "wb");
	fputs("a\tb;c\td\n1\t2;3\t4\n", f);
	fclose(f);
	cr_assert(eq(int, read_table("detect.csv", 0, table, sizeof(table), NULL), 0));
	cr_assert(eq(str, table,
		     "a\x1F"
		     "b;c\x1F"
		     "d\x1E"
		     "1\x1F"
		     "2;3\x1F"
		     "4\x1E"));
	remove("detect.csv");
}

Test(csv, memory_does_not_depend_on_how_the_input_is_split)
{
	/* a 300 KiB quoted cell across several 64 KiB chunks, then more rows */
	size_t n = 300 * 1024, i;
	char *big = malloc(n + 64), *table = malloc(n + 256);
	FILE *f = fopen("big.csv", "wb");
	fputs("h1,h2\n\"", f);
	for (i = 0; i < n; i++)
		big[i] = i % 100 == 99 ? '\n' : (char)('a' + i % 26);
	fwrite(big, 1, n, f);
	fputs("\",x\r\nlast,row\n", f);
	fclose(f);
	cr_assert(eq(int, read_table("big.csv", 0, table, n + 256, NULL), 0));
	cr_assert(eq(int, memcmp(table, "h1\x1Fh2\x1E", 6), 0));
	cr_assert(eq(int, memcmp(table + 6, big, n), 0));
	cr_assert(eq(str, table + 6 + n, "\x1Fx\x1Elast\x1Frow\x1E"));
	remove("big.csv");
	free(big);
	free(table);
}

/* The byte comparison the importers run on every row's short cells: against memcmp for
 * every length up to 40 and a difference at every position (its tail load overlaps). */
Test(csv, same_bytes_agrees_with_memcmp_at_every_length)
{
	char a[48], b[48];
	size_t len, at;
	for (len = 0; len <= 40; len++) {
		for (at = 0; at < len + 8; at++)
			a[at] = b[at] = (char)('a' + at % 26);
		cr_assert(kik__same_bytes(a, b, len), "equal, %zu bytes", len);
		for (at = 0; at < len; at++) {
			b[at] = 'X';
			cr_assert(not(kik__same_bytes(a, b, len)), "%zu bytes, differing at %zu", len, at);
			b[at] = a[at];
		}
		b[len] = 'X'; /* beyond the length: not compared */
		cr_assert(kik__same_bytes(a, b, len), "%zu bytes, a difference after them", len);
	}
}

/* The reader after reading all of `data` (as `block`-byte blocks when block > 0). */
static int read_all(const char *data, size_t len, size_t block, kik__csv *r)
{
	static const kik_allocator a = KIK_ALLOCATOR_INIT;
	const kik__csv_cell *cells;
	kik__source src;
	size_t n;
	int got;
	kik__source_memory(&src, data, len);
	cr_assert(eq(int, kik__csv_open(r, &a, NULL, &src, 0, UINT64_MAX), 0));
	if (block)
		r->block = block;
	while ((got = kik__csv_next(r, &cells, &n)) > 0)
		;
	return got;
}

Test(csv, a_small_input_gets_a_small_buffer)
{
	static const char small[] = "field;goal;measure;text;status\nSB;1;1.1;a;waiting\n";
	kik__csv r;
	cr_assert(eq(int, read_all(small, sizeof(small) - 1, 0, &r), 0));
	/* a block of 1 MiB for every import held the import fuzz targets to 100 runs a second */
	cr_assert(lt(sz, r.cap, 1024), "%zu bytes held for %zu of input", r.cap, sizeof(small) - 1);
	kik__csv_close(&r);
}

/* The line of the error in `data`, whose last row has a bad status. */
static unsigned long error_line(const char *data)
{
	kik_plan *plan;
	unsigned long line;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(
	    eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, data, strlen(data), "l.csv", NULL), KIK_EPARSE));
	line = kik_error_last()->line;
	kik_plan_free(plan);
	return line;
}

Test(csv, line_breaks_in_quoted_cells_count_as_the_file_ends_its_lines)
{
	/* as an editor shows the file: a lone CR in an LF or CRLF file is no line end */
	cr_assert(
	    eq(ulong, error_line("field;goal;measure;text;status\nSB;1;1.1;\"a\rb\";waiting\nSB;1;1.2;c;x\n"), 3));
	cr_assert(eq(ulong,
		     error_line("field;goal;measure;text;status\r\nSB;1;1.1;\"a\rb\";waiting\r\nSB;1;1.2;c;x\r\n"), 3));
	cr_assert(
	    eq(ulong, error_line("field;goal;measure;text;status\nSB;1;1.1;\"a\r\nb\";waiting\nSB;1;1.2;c;x\n"), 4));
	cr_assert(eq(ulong,
		     error_line("field;goal;measure;text;status\r\nSB;1;1.1;\"a\nb\";waiting\r\nSB;1;1.2;c;x\r\n"), 4));
	/* in a CR file, CR is the line end and a lone LF is not */
	cr_assert(
	    eq(ulong, error_line("field;goal;measure;text;status\rSB;1;1.1;\"a\rb\";waiting\rSB;1;1.2;c;x\r"), 4));
	cr_assert(
	    eq(ulong, error_line("field;goal;measure;text;status\rSB;1;1.1;\"a\nb\";waiting\rSB;1;1.2;c;x\r"), 3));
	/* a row's own end is a line end of any kind */
	cr_assert(eq(ulong, error_line("field;goal;measure;text;status\nSB;1;1.1;\"a\";waiting\rSB;1;1.2;c;x\n"), 3));
}

/* The reader's error for `data`. */
static const char *reader_error(const char *data, size_t len, unsigned long *line)
{
	static kik__csv r;
	int got = read_all(data, len, 0, &r);
	static char error[256];
	cr_assert(lt(int, got, 0));
	snprintf(error, sizeof(error), "%s", r.error);
	*line = r.error_line;
	kik__csv_close(&r);
	return error;
}

Test(csv, utf32_and_utf16_are_named_as_such)
{
	unsigned long line;
	cr_assert(ne(ptr, strstr(reader_error("\xFF\xFE\0\0a\0\0\0", 8, &line), "UTF-32"), NULL));
	cr_assert(ne(ptr, strstr(reader_error("\0\0\xFE\xFF\0\0\0a", 8, &line), "UTF-32"), NULL));
	cr_assert(ne(ptr,
		     strstr(reader_error("\xFF\xFE"
					 "a\0",
					 4, &line),
			    "UTF-16"),
		     NULL));
	cr_assert(ne(ptr, strstr(reader_error("\xFE\xFF\0a", 4, &line), "UTF-16"), NULL));
}

/* A file of `size` bytes: a header, a stray Windows-1252 byte on line 2, ASCII rows, and
 * "ü" in UTF-8 starting at byte `utf8_at` (0: none). */
static char *stray_byte_file(size_t size, size_t utf8_at)
{
	char *data = malloc(size + 1);
	size_t i;
	for (i = 0; i < size; i++)
		data[i] = i % 40 == 39 ? '\n' : 'a';
	memcpy(data, "h1;h2\nM\xFC", 8);
	if (utf8_at)
		memcpy(data + utf8_at, "\xC3\xBC", 2);
	data[size] = '\0';
	return data;
}

Test(csv, utf8_anywhere_after_a_stray_byte_is_mixed_input_not_windows_1252)
{
	kik__csv r;
	unsigned long line;
	size_t far[] = { 20, 64 * 1024 + 6, 64 * 1024 + 7, 64 * 1024 + 8, 3 * 1024 * 1024 + 1 }, k;
	for (k = 0; k < sizeof(far) / sizeof(far[0]); k++) {
		/* the scan reads 64 KiB at a time from after the stray byte (offset 7): "ü" at each
		 * side of a chunk's end and across it, and blocks later */
		char *data = stray_byte_file(4 * 1024 * 1024, far[k] + (far[k] % 40 == 39));
		const char *e = reader_error(data, 4 * 1024 * 1024, &line);
		char want[64];
		cr_assert(ne(ptr, strstr(e, "byte 0xFC is not valid UTF-8"), NULL), "%s", e);
		snprintf(want, sizeof(want), "line %zu holds UTF-8", 1 + (far[k] + (far[k] % 40 == 39)) / 40 + 1);
		cr_assert(ne(ptr, strstr(e, want), NULL), "at %zu: %s", far[k], e);
		cr_assert(eq(ulong, line, 2));
		free(data);
	}
	{
		/* with no UTF-8 after it, the file is Windows-1252 */
		char *data = stray_byte_file(4 * 1024 * 1024, 0);
		cr_assert(eq(int, read_all(data, 4 * 1024 * 1024, 0, &r), 0));
		cr_assert(eq(int, r.converted, 1));
		kik__csv_close(&r);
		free(data);
	}
}

Test(csv, a_stream_is_read_up_to_its_limit_and_stops_at_a_nul_byte)
{
	static const kik_allocator a = KIK_ALLOCATOR_INIT;
	kik__source src;
	int fds[2], most;
	char path[64];
	/* /dev/zero never ends: its first NUL byte is as far as any reading gets */
	cr_assert(eq(int, kik__source_file(&src, &a, "/dev/zero", UINT64_MAX), 0));
	cr_assert(le(u64, src.size, 64 * 1024));
	cr_assert(eq(int, src.data[0], 0));
	kik__source_close(&src, &a);
	for (most = 49; most <= 51; most++) {
		cr_assert(eq(int, pipe(fds), 0));
		cr_assert(
		    eq(long, (long)write(fds[1], "field;goal;measure;text;status\nSB;1;1.1;a;waiting\n", 50), 50));
		close(fds[1]);
		snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
		if (most < 50) {
			cr_assert(eq(int, kik__source_file(&src, &a, path, (uint64_t)most), KIK_ELIMIT));
		} else {
			cr_assert(eq(int, kik__source_file(&src, &a, path, (uint64_t)most), 0));
			cr_assert(eq(u64, src.size, 50));
			kik__source_close(&src, &a);
		}
		close(fds[0]);
	}
}
