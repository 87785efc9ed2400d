/* Large inputs read in parts on several threads: the plan is exactly the one read row by
 * row, the first problem is reported at the same place with the same words, and a failed
 * import leaves the plan as it was. */
#include "import.h"
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <stdarg.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- generated plans ---------------------------------------------------------- */

typedef struct text {
	char *data;
	size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...)
{
	va_list ap;
	int n;
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(t->data + t->len, t->cap - t->len, fmt, ap);
		va_end(ap);
		if ((size_t)n < t->cap - t->len)
			break;
		t->cap = t->cap * 2 + (size_t)n + 1;
		t->data = realloc(t->data, t->cap);
	}
	t->len += (size_t)n;
}

typedef struct generator {
	uint64_t state;
	int tricky; /* of every 8 texts, how many are quoted with a delimiter, "" and a line break */
	int nasty;  /* the line after a quoted line break starts with "" (it looks like a row start) */
} generator;

static unsigned next(generator *g)
{
	g->state ^= g->state >> 12;
	g->state ^= g->state << 25;
	g->state ^= g->state >> 27;
	return (unsigned)((g->state * 0x2545F4914F6CDD1DULL) >> 33);
}

static void sentence(generator *g, text *t, const char *prefix, unsigned words)
{
	static const char *const w[] = { "Angebote",  "für",      "Familien",   "Sprachförderung",
					 "Übergänge", "werden",   "regelmäßig", "überprüft",
					 "Öffnung",   "Beratung", "Quartier" };
	int tricky = (int)(next(g) % 8) < g->tricky;
	unsigned i;
	if (tricky)
		put(t, "\"");
	put(t, "%s", prefix);
	for (i = 0; i < words; i++) {
		put(t, " %s", w[next(g) % 11]);
		if (tricky && i == 1)
			put(t, g->nasty ? "; a\n\"\"so\"\" genannt" : "; \"\"so genannt\"\"\nzweite Zeile");
	}
	put(t, tricky ? ".\"" : ".");
}

static const char *const codes[] = { "SB", "AA", "GP" };
static const char *const statuses[] = { "waiting", "in_progress", "implemented" };

/* A measures file of n measures in three fields, goals of 1 to 7 measures. */
static text measures_file(generator *g, size_t n)
{
	text t = { NULL, 0, 0 };
	size_t made = 0, f;
	put(&t, "field;group;goal;goal_text;measure;text;status\n");
	for (f = 0; f < 3; f++) {
		unsigned goal = 0;
		while (made < n * (f + 1) / 3) {
			unsigned size = 1 + next(g) % 7, m;
			goal++;
			for (m = 1; m <= size && made < n * (f + 1) / 3; m++, made++) {
				put(&t, "%s;%s;%u;", codes[f], m == 1 ? "Gruppe" : "", goal);
				if (m == 1)
					sentence(g, &t, "Ziel", 5);
				put(&t, ";%u.%u;", goal, m);
				sentence(g, &t, "Maßnahme", 12 + next(g) % 10);
				put(&t, ";%s\n", statuses[next(g) % 3]);
			}
		}
	}
	return t;
}

/* A tasks file for the measures of `measures`: 0 to 6 tasks each, in the same order. */
static text tasks_file(generator *g, const text *measures)
{
	static const char *const kinds[] = { "concept", "ag", "work_package" };
	static const char *const states[] = { "open", "in_progress", "done", "not_applicable" };
	kik_plan *plan;
	text t = { NULL, 0, 0 };
	size_t i;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(
	    eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, measures->data, measures->len, "m", NULL), 0));
	put(&t, "field;measure;kind;title;state;due;owner\n");
	for (i = 0; i < kik_plan_measure_count(plan); i++) {
		const kik_measure *m = kik_plan_measure(plan, i);
		unsigned k, count = next(g) % 7;
		for (k = 0; k < count; k++) {
			char prefix[32];
			put(&t, "%s;%s;%s;", kik_field_code(kik_measure_field(m)), kik_measure_number(m),
			    kinds[next(g) % 3]);
			snprintf(prefix, sizeof(prefix), "Aufgabe %u", k + 1);
			sentence(g, &t, prefix, 2 + next(g) % 4);
			put(&t, ";%s;", states[next(g) % 4]);
			if (next(g) % 3 == 0)
				put(&t, "2024-%02u-%02u", 1 + next(g) % 12, 1 + next(g) % 28);
			put(&t, ";%s\n", next(g) % 2 ? "Amt für Integration" : "");
		}
	}
	kik_plan_free(plan);
	return t;
}

/* ---- helpers ------------------------------------------------------------------ */

static kik_import_options threads(unsigned n)
{
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	o.threads = n;
	return o;
}

/* Imports measures then tasks with `n` threads; returns the plan's content. */
static char *load(const text *measures, const text *tasks, unsigned n)
{
	kik_import_options o = threads(n);
	kik_plan *plan;
	char *content;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, measures->data, measures->len, "m", &o), 0),
		  "%s", kik_error_last()->message);
	if (tasks)
		cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, tasks->data, tasks->len, "t", &o), 0),
			  "%s", kik_error_last()->message);
	content = fingerprint(plan);
	kik_plan_free(plan);
	return content;
}

typedef struct outcome {
	int code;
	unsigned long line, column;
	char message[512];
	char *content; /* the plan afterwards */
} outcome;

/* Imports `bad` of `kind` with `n` threads into a plan holding `measures` (when given). */
static outcome try_import(const text *measures, kik_import_kind kind, const text *bad, unsigned n)
{
	kik_import_options o = threads(n);
	kik_plan *plan;
	outcome out;
	char *before;
	memset(&out, 0, sizeof(out));
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	if (measures)
		cr_assert(
		    eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, measures->data, measures->len, "m", NULL),
		       0));
	before = fingerprint(plan);
	out.code = kik_plan_import_buffer(plan, kind, bad->data, bad->len, "bad.csv", &o);
	if (out.code < 0) {
		const kik_error *e = kik_error_last();
		out.line = e->line;
		out.column = e->column;
		snprintf(out.message, sizeof(out.message), "%s", e->message);
	}
	out.content = fingerprint(plan);
	if (out.code < 0)
		assert_same_content(out.content, before, "a failed import changed the plan");
	free(before);
	kik_plan_free(plan);
	return out;
}

/* Imports `bad` row by row and with `n` threads, asserts both end alike, and returns the
 * row by row outcome (its content is the caller's to free). */
static outcome same_as_row_by_row(const text *measures, kik_import_kind kind, const text *bad, unsigned n)
{
	outcome one = try_import(measures, kind, bad, 1), more = try_import(measures, kind, bad, n);
	cr_assert(eq(int, more.code, one.code));
	cr_assert(eq(ulong, more.line, one.line));
	cr_assert(eq(ulong, more.column, one.column));
	cr_assert(eq(str, (char *)more.message, (char *)one.message));
	assert_same_content(more.content, one.content, "in parts, then row by row");
	free(more.content);
	return one;
}

/* Replaces the first `what` at or after `from` in t with `with` (same length or not). */
static void replace_after(text *t, size_t from, const char *what, const char *with)
{
	char *at = strstr(t->data + from, what);
	size_t a = strlen(what), b = strlen(with);
	cr_assert(ne(ptr, at, NULL), "'%s' not found", what);
	if (t->len + b > t->cap) {
		size_t off = (size_t)(at - t->data);
		t->cap = t->len + b + 1;
		t->data = realloc(t->data, t->cap);
		at = t->data + off;
	}
	memmove(at + b, at + a, t->len - (size_t)(at - t->data) - a + 1);
	memcpy(at, with, b);
	t->len = t->len - a + b;
}

/* ---- the parts themselves ------------------------------------------------------------ */

static int count_row(kik__part *part, const kik__csv_cell *cells, size_t n)
{
	(void)part;
	return n == 7 && strchr(cells[4].text, '.') ? 0 : KIK_EPARSE;
}

static int any_row(kik__part *part, const kik__csv_cell *cells, size_t n)
{
	(void)part;
	(void)cells;
	(void)n;
	return 0;
}

/* An import of `data` positioned after its header, to read in `n` parts. */
static void open_import(kik__import *im, kik__source *src, kik_plan *plan, const text *data, int n)
{
	const kik__csv_cell *cells;
	size_t count;
	kik__source_memory(src, data->data, data->len);
	memset(im, 0, sizeof(*im));
	im->plan = plan;
	im->src = src;
	im->parts = n;
	cr_assert(eq(int, kik__csv_open(&im->csv, &plan->alloc, NULL, src, 0, UINT64_MAX), 0));
	cr_assert(eq(int, kik__read_row(&im->csv, &cells, &count), 1)); /* the header */
}

Test(parts, every_row_is_read_by_exactly_one_part)
{
	generator g = { 7, 2, 0 };
	text m = measures_file(&g, 60000);
	kik__source src;
	kik__import im;
	kik__part parts[3];
	kik_plan *plan;
	size_t k;
	unsigned long rows = 0;
	cr_assert(lt(sz, 3 * 2 * 1024 * 1024, m.len), "the input must be large enough for three parts");
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	memset(parts, 0, sizeof(parts));
	open_import(&im, &src, plan, &m, 3);
	cr_assert(eq(int, kik__read_parts(&im, parts, count_row, 8), 0));
	for (k = 0; k < 3; k++) {
		cr_assert(lt(ulong, 10000, parts[k].rows), "part %zu read only %lu rows", k, parts[k].rows);
		rows += parts[k].rows;
	}
	cr_assert(eq(ulong, rows, 60000));
	kik__parts_free(&im, parts);
	kik__csv_close(&im.csv);
	kik_plan_free(plan);
	free(m.data);
}

Test(parts, parts_that_do_not_meet_where_the_next_begins_are_not_used)
{
	generator g = { 7, 0, 0 };
	text m = measures_file(&g, 30000);
	uint64_t middle = m.len / 2, row = (uint64_t)(strchr(m.data + middle, '\n') + 1 - m.data), starts[2];
	kik__source src;
	kik__import im;
	kik__part parts[2];
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	/* the second part starting at a row: the parts meet */
	memset(parts, 0, sizeof(parts));
	open_import(&im, &src, plan, &m, 2);
	starts[1] = row;
	cr_assert(eq(int, kik__read_parts_at(&im, parts, any_row, 8, starts), 0));
	cr_assert(eq(ulong, parts[0].rows + parts[1].rows, 30000));
	kik__parts_free(&im, parts);
	kik__csv_close(&im.csv);
	/* starting inside a row, which reads as a row of its own: the first part ends past it */
	memset(parts, 0, sizeof(parts));
	open_import(&im, &src, plan, &m, 2);
	starts[1] = row + 3;
	cr_assert(lt(int, kik__read_parts_at(&im, parts, any_row, 8, starts), 0));
	kik__parts_free(&im, parts);
	kik__csv_close(&im.csv);
	kik_plan_free(plan);
	free(m.data);
}

Test(parts, a_quote_that_looks_like_a_row_start_only_costs_a_second_reading)
{
	generator g = { 11, 8, 1 }; /* every text quoted, each line break followed by "" */
	text m = measures_file(&g, 40000);
	char *one = load(&m, NULL, 1), *three = load(&m, NULL, 3);
	assert_same_content(three, one, "3 threads, then 1");
	free(one);
	free(three);
	free(m.data);
}

/* ---- the same plan, however many threads ------------------------------------------- */

typedef struct mix {
	int tricky;
	unsigned threads;
} mix;

ParameterizedTestParameters(parts, the_plan_does_not_depend_on_the_threads)
{
	static mix mixes[] = { { 0, 2 }, { 1, 2 }, { 1, 3 }, { 4, 4 }, { 8, 3 } };
	return cr_make_param_array(mix, mixes, sizeof(mixes) / sizeof(mixes[0]));
}

ParameterizedTest(mix *x, parts, the_plan_does_not_depend_on_the_threads)
{
	generator g = { 99u + (unsigned)x->tricky, x->tricky, 0 };
	text m = measures_file(&g, 40000), t = tasks_file(&g, &m);
	char *one = load(&m, &t, 1), *many = load(&m, &t, x->threads);
	cr_assert(lt(sz, 6 * 1024 * 1024, t.len));
	assert_same_content(many, one, "more threads, then 1");
	free(one);
	free(many);
	free(m.data);
	free(t.data);
}

Test(parts, re_importing_tasks_in_parts_updates_them_and_keeps_their_ids)
{
	generator g = { 5, 1, 0 };
	text m = measures_file(&g, 40000), t = tasks_file(&g, &m), again = { NULL, 0, 0 };
	kik_import_options o = threads(2);
	kik_plan *a, *b;
	char *content_a, *content_b;
	const kik_task *before;
	unsigned long id;
	char title[1024];
	put(&again, "%s", t.data);
	char *p;
	/* every open task is now done */
	for (p = again.data; p + 6 <= again.data + again.len; p++) /* no strstr: sanitizers make it quadratic */
		if (memcmp(p, ";open;", 6) == 0)
			memcpy(p, ";done;", 6);
	cr_assert(eq(int, kik_plan_new(&a), 0));
	cr_assert(eq(int, kik_plan_new(&b), 0));
	cr_assert(eq(int, kik_plan_import_buffer(a, KIK_IMPORT_MEASURES, m.data, m.len, "m", &o), 0));
	cr_assert(eq(int, kik_plan_import_buffer(b, KIK_IMPORT_MEASURES, m.data, m.len, "m", NULL), 0));
	cr_assert(eq(int, kik_plan_import_buffer(a, KIK_IMPORT_TASKS, t.data, t.len, "t", &o), 0));
	cr_assert(eq(int, kik_plan_import_buffer(b, KIK_IMPORT_TASKS, t.data, t.len, "t", NULL), 0));
	before = kik_plan_find_task(a, 1);
	id = kik_task_id(before);
	snprintf(title, sizeof(title), "%s", kik_task_title(before));
	cr_assert(eq(int, kik_plan_import_buffer(a, KIK_IMPORT_TASKS, again.data, again.len, "t2", &o), 0), "%s",
		  kik_error_last()->message);
	cr_assert(eq(int, kik_plan_import_buffer(b, KIK_IMPORT_TASKS, again.data, again.len, "t2", NULL), 0));
	cr_assert(eq(sz, kik_plan_task_count(a), kik_plan_task_count(b)));
	cr_assert(eq(str, (char *)kik_task_title(kik_plan_find_task(a, id)), title));
	cr_assert(ne(int, kik_task_state_of(kik_plan_find_task(a, id)), KIK_TASK_OPEN));
	content_a = fingerprint(a);
	content_b = fingerprint(b);
	assert_same_content(content_a, content_b, "in parts, then row by row");
	free(content_a);
	free(content_b);
	/* measures again: the plan is copied, with the positions the parts left empty */
	cr_assert(eq(int, kik_plan_import_buffer(a, KIK_IMPORT_MEASURES, m.data, m.len, "m", &o), 0));
	cr_assert(eq(int, kik_plan_import_buffer(b, KIK_IMPORT_MEASURES, m.data, m.len, "m", NULL), 0));
	content_a = fingerprint(a);
	content_b = fingerprint(b);
	assert_same_content(content_a, content_b, "measures again");
	free(content_a);
	free(content_b);
	kik_plan_free(a);
	kik_plan_free(b);
	free(m.data);
	free(t.data);
	free(again.data);
}

/* ---- problems in later parts ------------------------------------------------------------ */

Test(parts, a_bad_row_in_a_later_part_is_reported_as_row_by_row)
{
	generator g = { 3, 1, 0 };
	text m = measures_file(&g, 40000);
	outcome one;
	replace_after(&m, m.len * 4 / 5, ";implemented\n", ";fertig\n");
	one = same_as_row_by_row(NULL, KIK_IMPORT_MEASURES, &m, 3);
	cr_assert(eq(int, one.code, KIK_EPARSE));
	cr_assert(lt(ulong, 30000, one.line));
	free(one.content);
	free(m.data);
}

Test(parts, a_task_twice_in_different_parts_is_reported_as_row_by_row)
{
	generator g = { 4, 0, 0 };
	text m = measures_file(&g, 40000), t = tasks_file(&g, &m);
	char *first_row = strchr(t.data, '\n') + 1, *end = strchr(first_row, '\n') + 1;
	outcome one;
	/* the first task again, at the end */
	put(&t, "%.*s", (int)(end - first_row), first_row);
	one = same_as_row_by_row(&m, KIK_IMPORT_TASKS, &t, 2);
	cr_assert(eq(int, one.code, KIK_EPARSE));
	cr_assert(ne(ptr, strstr(one.message, "appears twice: first on line 2"), NULL), "%s", one.message);
	free(one.content);
	free(m.data);
	free(t.data);
}

Test(parts, a_task_again_inside_a_later_run_of_its_measure_is_rejected_with_any_threads)
{
	/* the measure's tasks come again later, and the repeated one is not the first of them:
	 * reading in parts once compared only a run's first row with the measure's earlier tasks */
	generator g = { 4, 0, 0 };
	text m = measures_file(&g, 40000), t = tasks_file(&g, &m);
	char *first_row = strchr(t.data, '\n') + 1, *end = strchr(first_row, '\n') + 1;
	char *field_and_number = strndup(first_row, (size_t)(strchr(strchr(first_row, ';') + 1, ';') - first_row));
	outcome one;
	unsigned threads_each[] = { 2, 4, 8 };
	size_t k;
	cr_assert(lt(sz, 4 * 1024 * 1024, t.len), "a file read in parts");
	put(&t, "%s;ag;eine neue Aufgabe;open;;\n", field_and_number);
	put(&t, "%.*s", (int)(end - first_row), first_row);
	for (k = 0; k < sizeof(threads_each) / sizeof(threads_each[0]); k++) {
		one = same_as_row_by_row(&m, KIK_IMPORT_TASKS, &t, threads_each[k]);
		cr_assert(eq(int, one.code, KIK_EPARSE));
		cr_assert(ne(ptr, strstr(one.message, "appears twice: first on line 2"), NULL), "%s", one.message);
		free(one.content);
	}
	free(field_and_number);
	free(m.data);
	free(t.data);
}

Test(parts, windows_1252_in_a_later_part_reads_as_row_by_row)
{
	generator g = { 8, 1, 0 };
	text m = measures_file(&g, 40000);
	char *p;
	outcome one;
	/* ASCII up to near the end, then one Windows-1252 byte: the whole file is Windows-1252 */
	for (p = m.data; *p; p++)
		if ((unsigned char)*p >= 0x80)
			*p = 'e';
	replace_after(&m, m.len * 9 / 10, "Maeenahme", "Ma\xDFnahme");
	one = same_as_row_by_row(NULL, KIK_IMPORT_MEASURES, &m, 2);
	cr_assert(eq(int, one.code, 0));
	cr_assert(ne(ptr, strstr(one.content, "Maßnahme"), NULL));
	free(one.content);
	/* after UTF-8 beyond ASCII in the first part, such a byte is an error */
	replace_after(&m, 0, "Ziel", "Zi\xC3\xABl");
	one = same_as_row_by_row(NULL, KIK_IMPORT_MEASURES, &m, 2);
	cr_assert(eq(int, one.code, KIK_EPARSE));
	cr_assert(ne(ptr, strstr(one.message, "byte 0xDF is not valid UTF-8"), NULL), "%s", one.message);
	free(one.content);
	free(m.data);
}

Test(parts, the_row_limit_counts_the_rows_of_every_part)
{
	generator g = { 9, 1, 0 };
	text m = measures_file(&g, 40000);
	kik_import_options o = threads(1), p = threads(3);
	kik_plan *a, *b;
	o.max_rows = p.max_rows = 39999;
	cr_assert(eq(int, kik_plan_new(&a), 0));
	cr_assert(eq(int, kik_plan_new(&b), 0));
	cr_assert(eq(int, kik_plan_import_buffer(a, KIK_IMPORT_MEASURES, m.data, m.len, "m", &o), KIK_ELIMIT));
	cr_assert(eq(int, kik_plan_import_buffer(b, KIK_IMPORT_MEASURES, m.data, m.len, "m", &p), KIK_ELIMIT));
	cr_assert(eq(ulong, kik_error_last()->line, kik_error_last()->line));
	cr_assert(eq(sz, kik_plan_measure_count(b), 0));
	kik_plan_free(a);
	kik_plan_free(b);
	free(m.data);
}

/* ---- allocation failure, with threads ---------------------------------------------------- */

/* A thread-safe allocator that fails its n-th call (and, when persistent, every later
 * one) and counts live blocks. */
typedef struct budget {
	atomic_long calls, live;
	long fail_at;
	int persistent;
} budget;

static int fails(budget *b)
{
	long call = atomic_fetch_add(&b->calls, 1);
	return b->fail_at >= 0 && (call == b->fail_at || (b->persistent && call > b->fail_at));
}

static void *b_malloc(size_t size, void *ctx)
{
	budget *b = ctx;
	void *p;
	if (fails(b))
		return NULL;
	if ((p = malloc(size)))
		atomic_fetch_add(&b->live, 1);
	return p;
}

static void *b_realloc(void *ptr, size_t size, void *ctx)
{
	budget *b = ctx;
	void *p;
	if (fails(b))
		return NULL;
	if ((p = realloc(ptr, size)) && !ptr)
		atomic_fetch_add(&b->live, 1);
	return p;
}

static void b_free(void *ptr, void *ctx)
{
	if (ptr) {
		atomic_fetch_sub(&((budget *)ctx)->live, 1);
		free(ptr);
	}
}

/* Imports measures and tasks with two threads, the n-th allocation failing. Returns the
 * result, checks that nothing leaked, and that a failure left no half-change. */
static int import_failing(const text *m, const text *t, long n, int persistent, const char *expected,
			  const char *measures_only, long *calls)
{
	kik_import_options o = threads(2);
	budget b;
	kik_allocator a = { KIK_ALLOCATOR_VERSION, b_malloc, b_realloc, b_free, &b };
	kik_plan *plan;
	char *after, what[80];
	int err;
	atomic_init(&b.calls, 0);
	atomic_init(&b.live, 0);
	b.fail_at = -1;
	b.persistent = persistent;
	cr_assert(eq(int, kik_plan_new_with_allocator(&plan, &a), 0));
	b.fail_at = n + atomic_load(&b.calls);
	err = kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, m->data, m->len, "m", &o);
	if (err == 0)
		err = kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, t->data, t->len, "t", &o);
	b.fail_at = -1;
	*calls = atomic_load(&b.calls);
	after = fingerprint(plan);
	snprintf(what, sizeof(what), "the plan after a failure at allocation %ld", n);
	if (err == 0) {
		assert_same_content(after, expected, what);
	} else {
		/* the plan is empty (measures failed) or holds just the measures */
		kik_plan *empty;
		char *nothing;
		cr_assert(eq(int, err, KIK_ENOMEM), "allocation %ld", n);
		cr_assert(eq(int, kik_plan_new(&empty), 0));
		nothing = fingerprint(empty);
		if (strcmp(after, nothing) != 0)
			assert_same_content(after, measures_only, what);
		free(nothing);
		kik_plan_free(empty);
	}
	free(after);
	kik_plan_free(plan);
	cr_assert(eq(long, atomic_load(&b.live), 0), "allocation %ld leaked", n);
	return err;
}

Test(parts, a_failed_allocation_on_any_thread_fails_cleanly_or_is_recovered_from)
{
	generator g = { 12, 1, 0 };
	text m = measures_file(&g, 25000), t = tasks_file(&g, &m);
	char *expected = load(&m, &t, 1), *measures_only = load(&m, NULL, 1);
	long n, total, calls, tried = 0, recovered = 0;
	cr_assert(lt(sz, 4 * 1024 * 1024, m.len), "the input must be large enough for two parts");
	cr_assert(eq(int, import_failing(&m, &t, LONG_MAX / 2, 0, expected, measures_only, &total), 0));
	/* one failure: reading in parts gives up, and reading row by row may still succeed */
	for (n = 0; n < total; n += n < 40 ? 1 : 41, tried++)
		recovered += import_failing(&m, &t, n, 0, expected, measures_only, &calls) == 0;
	/* every allocation failing from the n-th on: always ENOMEM, cleanly */
	for (n = 0; n < total; n += n < 40 ? 1 : 41, tried++)
		cr_assert(eq(int, import_failing(&m, &t, n, 1, expected, measures_only, &calls), KIK_ENOMEM),
			  "allocation %ld", n);
	cr_assert(lt(long, 50, tried));
	cr_assert(lt(long, 10, recovered), "reading in parts should give up and start over");
	free(expected);
	free(measures_only);
	free(m.data);
	free(t.data);
}

Test(parts, more_threads_than_parts_can_be_are_fine)
{
	/* 64 threads asked for a file of more than 17 parts' worth: at most 16 parts are read */
	generator g = { 12, 1, 0 };
	text m = measures_file(&g, 160000);
	char *one, *many;
	cr_assert(lt(sz, 17u * 2 * 1024 * 1024, m.len), "%zu bytes", m.len);
	one = load(&m, NULL, 1);
	many = load(&m, NULL, 64);
	assert_same_content(many, one, "more threads, then 1");
	free(one);
	free(many);
	free(m.data);
}
