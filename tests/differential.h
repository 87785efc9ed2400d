/* Row by row against threads: generated large files, mutations of them, and the outcome of
 * an import to compare. Shared by the differential suite (test_differential.c) and the
 * differential fuzz target (fuzz/fuzz_differential.c); plain C, no test framework. */
#ifndef KIK_TEST_DIFFERENTIAL_H
#define KIK_TEST_DIFFERENTIAL_H

#include <kik/kik.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct diff_text {
	char *data;
	size_t len, cap;
} diff_text;

static void diff_reserve(diff_text *t, size_t more)
{
	if (t->len + more + 1 > t->cap) {
		t->cap = (t->len + more + 1) * 2;
		if (!(t->data = realloc(t->data, t->cap)))
			abort();
	}
}

static void diff_put(diff_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	diff_reserve(t, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(t->data + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

static uint32_t diff_next(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return (uint32_t)((*state * 0x2545F4914F6CDD1DULL) >> 32);
}

/* A text of a few words; one in eight quoted with a delimiter, a doubled quote and a line
 * break, which is where reading in parts has to guess right. */
static void diff_sentence(uint64_t *state, diff_text *t, const char *prefix, unsigned words)
{
	static const char *const w[] = { "Angebote", "für",        "Familien", "Sprachförderung", "Übergänge",
					 "werden",   "regelmäßig", "Öffnung",  "Beratung",        "Quartier" };
	int tricky = diff_next(state) % 8 == 0;
	unsigned i;
	diff_put(t, "%s%s", tricky ? "\"" : "", prefix);
	for (i = 0; i < words; i++) {
		diff_put(t, " %s", w[diff_next(state) % 10]);
		if (tricky && i == 1)
			diff_put(t, "; \"\"so\"\" genannt\nzweite Zeile");
	}
	diff_put(t, tricky ? ".\"" : ".");
}

/* A measures file (three fields, goals of 1 to 7 measures) and a tasks file of 0 to 6
 * tasks for each of its measures, in the same order, the one read in parts of at least
 * `bytes` bytes: the tasks when `short_measures` (then measures have a one-word text and
 * no goal text, to load quickly), else both. */
static void diff_generate(uint64_t seed, size_t bytes, int short_measures, diff_text *measures, diff_text *tasks)
{
	static const char *const codes[] = { "SB", "AA", "GP" };
	static const char *const statuses[] = { "waiting", "in_progress", "implemented" };
	static const char *const kinds[] = { "concept", "ag", "work_package" };
	static const char *const states[] = { "open", "in_progress", "done", "not_applicable" };
	uint64_t state = seed | 1;
	unsigned goal[3] = { 0, 0, 0 };
	memset(measures, 0, sizeof(*measures));
	memset(tasks, 0, sizeof(*tasks));
	diff_put(measures, "field;group;goal;goal_text;measure;text;status\n");
	diff_put(tasks, "field;measure;kind;title;state;due;owner\n");
	while ((!short_measures && measures->len < bytes) || tasks->len < bytes) {
		unsigned f = diff_next(&state) % 3, size = 1 + diff_next(&state) % 7, m, k;
		goal[f]++;
		for (m = 1; m <= size; m++) {
			unsigned count = diff_next(&state) % 7;
			diff_put(measures, "%s;%s;%u;", codes[f], m == 1 ? "Gruppe" : "", goal[f]);
			if (m == 1 && !short_measures)
				diff_sentence(&state, measures, "Ziel", 4);
			diff_put(measures, ";%u.%u;", goal[f], m);
			if (short_measures)
				diff_put(measures, "M");
			else
				diff_sentence(&state, measures, "Maßnahme", 8 + diff_next(&state) % 8);
			diff_put(measures, ";%s\n", statuses[diff_next(&state) % 3]);
			for (k = 0; k < count; k++) {
				char prefix[32];
				snprintf(prefix, sizeof(prefix), "Aufgabe %u", k + 1);
				diff_put(tasks, "%s;%u.%u;%s;", codes[f], goal[f], m, kinds[diff_next(&state) % 3]);
				diff_sentence(&state, tasks, prefix, 2 + diff_next(&state) % 3);
				diff_put(tasks, ";%s;", states[diff_next(&state) % 4]);
				if (diff_next(&state) % 3 == 0)
					diff_put(tasks, "2024-%02u-%02u", 1 + diff_next(&state) % 12,
						 1 + diff_next(&state) % 28);
				diff_put(tasks, ";%s\n", diff_next(&state) % 2 ? "Amt für Integration" : "");
			}
		}
	}
}

/* ---- mutations ------------------------------------------------------------------ */

/* Bytes and pieces that matter to a reader in parts: delimiters, quotes, line ends, bytes
 * that are not UTF-8 or not text, halves of a UTF-8 character, ids, numbers. */
static const char *const diff_pieces[] = { ";",    "\"",     "\"\"", "\n",   "\r",   "\r\n",     "\n\"",
					   "\"\n", "\t",     ",",    "\xFC", "\xC3", "\xC3\xBC", "\0",
					   "x",    "SB-1.1", "7.",   "9.9",  "",     "'=",       "\xEF\xBB\xBF" };

enum { DIFF_OVERWRITE, DIFF_INSERT, DIFF_DELETE, DIFF_COPY_LINE, DIFF_OPS };

/* The start of the line that holds t->data[at]. */
static size_t diff_line_start(const diff_text *t, size_t at)
{
	while (at > 0 && t->data[at - 1] != '\n')
		at--;
	return at;
}

/* Applies one edit at `at` (taken modulo the text's length; never in the header line):
 * overwrite or insert `piece`, delete `n` bytes, or copy the line at `at` to the line
 * start at `to`; with `rename`, a copied task gets a title of its own (no new duplicate). */
static void diff_mutate(diff_text *t, int op, size_t at, size_t to, const char *piece, size_t piece_len, size_t n,
			int rename)
{
	size_t header = (size_t)((char *)memchr(t->data, '\n', t->len) - t->data) + 1;
	if (t->len <= header + 1)
		return;
	at = header + at % (t->len - header);
	if (op == DIFF_OVERWRITE) {
		if (piece_len > t->len - at)
			piece_len = t->len - at;
		memcpy(t->data + at, piece, piece_len);
	} else if (op == DIFF_INSERT) {
		diff_reserve(t, piece_len);
		memmove(t->data + at + piece_len, t->data + at, t->len - at);
		memcpy(t->data + at, piece, piece_len);
		t->len += piece_len;
	} else if (op == DIFF_DELETE) {
		if (n > t->len - at)
			n = t->len - at;
		memmove(t->data + at, t->data + at + n, t->len - at - n);
		t->len -= n;
	} else {
		size_t start = diff_line_start(t, at), end = start, len, title, k;
		char *line;
		while (end < t->len && t->data[end] != '\n')
			end++;
		if (start < header || end == t->len)
			return;
		len = end + 1 - start;
		if (!(line = malloc(len + 16)))
			abort();
		memcpy(line, t->data + start, len);
		/* a task's title is its fourth cell: "Kopie " before it makes it one no other
		 * row has (a measure is its number: a copy is always a duplicate) */
		for (title = 0, k = 0; rename && title < len && k < 3; title++)
			k += line[title] == ';';
		if (rename && k == 3) {
			memmove(line + title + 6, line + title, len - title);
			memcpy(line + title, "Kopie ", 6);
			len += 6;
		}
		to = diff_line_start(t, header + to % (t->len - header));
		if (to < header)
			to = header;
		diff_reserve(t, len);
		memmove(t->data + to + len, t->data + to, t->len - to);
		memcpy(t->data + to, line, len);
		t->len += len;
		free(line);
	}
	t->data[t->len] = '\0';
}

/* ---- outcomes ------------------------------------------------------------------- */

typedef struct diff_outcome {
	int code;
	unsigned long line, column;
	char message[512];
	diff_text content; /* the plan afterwards: measures, tasks and task ids */
} diff_outcome;

static int diff_sink(void *ctx, const char *data, size_t size)
{
	diff_text *t = ctx;
	diff_reserve(t, size);
	memcpy(t->data + t->len, data, size);
	t->len += size;
	t->data[t->len] = '\0';
	return 0;
}

/* Everything the plan holds that an import changes, as text. */
static void diff_content(kik_plan *plan, diff_text *out)
{
	size_t i, k;
	memset(out, 0, sizeof(*out));
	kik_plan_export(plan, KIK_IMPORT_FIELDS, diff_sink, out, NULL);
	kik_plan_export(plan, KIK_IMPORT_MEASURES, diff_sink, out, NULL);
	kik_plan_export(plan, KIK_IMPORT_TASKS, diff_sink, out, NULL);
	for (i = 0; i < kik_plan_measure_count(plan); i++) {
		const kik_measure *m = kik_plan_measure(plan, i);
		for (k = 0; k < kik_measure_task_count(m); k++)
			diff_put(out, " %lu", kik_task_id(kik_measure_task(m, k)));
	}
}

/* Imports `data` of `kind` with `threads` threads into a plan holding `measures` (when
 * given, read row by row). */
static diff_outcome diff_import(const diff_text *measures, kik_import_kind kind, const diff_text *data,
				unsigned threads)
{
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	diff_outcome out;
	kik_plan *plan;
	memset(&out, 0, sizeof(out));
	if (kik_plan_new(&plan) < 0)
		abort();
	o.threads = 1;
	if (measures &&
	    kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, measures->data, measures->len, "m.csv", &o) < 0)
		abort();
	o.threads = threads;
	out.code = kik_plan_import_buffer(plan, kind, data->data, data->len, "d.csv", &o);
	if (out.code < 0) {
		const kik_error *e = kik_error_last();
		out.line = e->line;
		out.column = e->column;
		snprintf(out.message, sizeof(out.message), "%s", e->message);
	}
	diff_content(plan, &out.content);
	kik_plan_free(plan);
	return out;
}

/* NULL when both ended alike, else what differs. */
static const char *diff_compare(const diff_outcome *rows, const diff_outcome *threads)
{
	if (rows->code != threads->code)
		return "the result code";
	if (rows->line != threads->line || rows->column != threads->column)
		return "the error's position";
	if (strcmp(rows->message, threads->message) != 0)
		return "the error's message";
	if (rows->content.len != threads->content.len ||
	    memcmp(rows->content.data, threads->content.data, rows->content.len) != 0)
		return "the plan";
	return NULL;
}

#endif
