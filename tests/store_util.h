/* Shared by the store's suites: scratch directories, plans with every kind of content, and
 * the checks that a stored plan comes back equal. */
#ifndef KIK_TEST_STORE_UTIL_H
#define KIK_TEST_STORE_UTIL_H

#include "plan_equal.h"
#include "sink.h"

#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fresh directory for one test (each test runs in a process of its own). */
static inline const char *scratch_dir(void)
{
	static char dir[64];
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/kik-store-test-XXXXXX");
		cr_assert(ne(ptr, (void *)mkdtemp(dir), NULL));
	}
	return dir;
}

/* A path in the scratch directory (a static buffer per call site's slot). */
static inline const char *scratch(const char *name)
{
	static char paths[8][128];
	static int next;
	char *p = paths[next++ % 8];
	snprintf(p, 128, "%s/%s", scratch_dir(), name);
	return p;
}

static inline void remove_scratch(void)
{
	char cmd[128];
	if (!scratch_dir()[0])
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", scratch_dir());
	(void)!system(cmd);
}

/* Asserts a call succeeded, showing the error details when it did not. */
#define OK(call)                                                                                                       \
	do {                                                                                                           \
		int ok_err_ = (call);                                                                                  \
		const kik_error *ok_e_ = kik_error_last();                                                             \
		cr_assert(eq(int, ok_err_, 0), "%s: %s", #call, ok_e_ ? ok_e_->message : "(no details)");              \
	} while (0)

/* Asserts a call failed with `code` and left details with that code. */
#define FAILS(want, call)                                                                                              \
	do {                                                                                                           \
		int f_err_ = (call);                                                                                   \
		const kik_error *f_e_ = kik_error_last();                                                              \
		cr_assert(eq(int, f_err_, (want)), "%s gave %d (%s)", #call, f_err_, f_e_ ? f_e_->message : "");       \
		cr_assert(ne(ptr, (void *)f_e_, NULL));                                                                \
		cr_assert(eq(int, f_e_->code, (want)));                                                                \
	} while (0)

static inline kik_store *open_store(const char *path)
{
	kik_store *s = NULL;
	OK(kik_store_open(&s, path, NULL));
	return s;
}

/* The bundled plan with the sample tasks, under the looser rule. */
static inline kik_plan *bundled_with_tasks(void)
{
	kik_plan *p;
	cr_assert(eq(int, kik_plan_new_default(&p), 0));
	cr_assert(eq(
	    int, kik_plan_import_file(p, KIK_IMPORT_TASKS, KIK_TEST_SOURCE "/../examples/sample-tasks.csv", NULL), 0));
	cr_assert(eq(int, kik_plan_set_rule(p, KIK_RULE_MISSING_KIND_SATISFIED), 0));
	return p;
}

static inline void put_measure(kik_plan *p, const char *field, const char *group, const char *number, const char *text,
			       kik_status status)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = field;
	d.group = group;
	d.number = number;
	d.text = text;
	d.status = status;
	cr_assert(eq(int, kik_plan_put_measure(p, &d, NULL), 0), "%s", number);
}

static inline unsigned long add_task(kik_plan *p, const char *measure, kik_task_kind kind, const char *title,
				     kik_task_state state, const char *due, const char *owner)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	const kik_task *t;
	d.measure = measure;
	d.kind = kind;
	d.title = title;
	d.state = state;
	d.due = due;
	d.owner = owner;
	cr_assert(eq(int, kik_plan_add_task(p, &d, &t), 0), "%s", title);
	return kik_task_id(t);
}

/* A plan whose content is in no convenient order: goals and measures added out of number
 * order, a goal without a group after grouped ones, aliases, published figures, removed
 * tasks (holes in the ids), texts with quotes, line breaks, umlauts and formula starts. */
static inline kik_plan *tricky_plan(void)
{
	kik_plan *p;
	size_t counts[KIK_STATUS_COUNT] = { 1, 2, 0 };
	kik_task_desc d = KIK_TASK_DESC_INIT;
	unsigned long gone, moved;
	cr_assert(eq(int, kik_plan_new(&p), 0));
	cr_assert(eq(int, kik_plan_set_name(p, "Konzept \"Zwei\""), 0));
	cr_assert(eq(int, kik_plan_set_as_of(p, "2024-02-29"), 0));
	cr_assert(eq(int, kik_plan_add_field(p, "WQ", "Wohnen und Quartier", NULL), 0));
	cr_assert(eq(int, kik_plan_add_field_alias(p, "WQ", "Wohnen"), 0));
	cr_assert(eq(int, kik_plan_add_field_alias(p, "WQ", "Quartier"), 0));
	cr_assert(eq(int, kik_plan_add_field(p, "AB", "Arbeit; Beruf", NULL), 0));
	cr_assert(eq(int, kik_plan_set_published(p, "AB", counts, KIK_STATUS_COUNT, 3), 0));
	put_measure(p, "WQ", "Zweite Gruppe", "3.2", "Drei zwei", KIK_STATUS_IN_PROGRESS);
	put_measure(p, "WQ", "Erste Gruppe", "1.10", "Eins zehn \"zitiert\"", KIK_STATUS_WAITING);
	put_measure(p, "WQ", NULL, "1.2", "Eins zwei\nzweite Zeile", KIK_STATUS_IMPLEMENTED);
	put_measure(p, "WQ", "Zweite Gruppe", "3.1", "=Drei eins", KIK_STATUS_WAITING);
	put_measure(p, "WQ", NULL, "2.1", "Zwei eins ohne Gruppe", KIK_STATUS_WAITING);
	put_measure(p, "AB", "Übergänge", "1.1", "Äußerst wichtig", KIK_STATUS_IN_PROGRESS);
	add_task(p, "WQ-3.2", KIK_TASK_AG, "Fachtag", KIK_TASK_DONE, "2024-03-15", "AG Wohnen");
	gone = add_task(p, "WQ-3.2", KIK_TASK_CONCEPT, "Entfällt später", KIK_TASK_OPEN, NULL, NULL);
	moved = add_task(p, "AB-1.1", KIK_TASK_WORK_PACKAGE, "Paket; mit \"Zitat\"", KIK_TASK_IN_PROGRESS, NULL, "Amt");
	add_task(p, "WQ-3.2", KIK_TASK_CONCEPT, "Konzept", KIK_TASK_NOT_APPLICABLE, NULL, NULL);
	cr_assert(eq(int, kik_plan_remove_task(p, gone), 0));
	/* a task moved to another measure comes last in its list, before a task added earlier */
	d.measure = "WQ-3.2";
	d.kind = KIK_TASK_WORK_PACKAGE;
	d.state = KIK_TASK_IN_PROGRESS;
	d.title = "Paket; mit \"Zitat\"";
	d.owner = "Amt";
	cr_assert(eq(int, kik_plan_update_task(p, moved, &d), 0));
	add_task(p, "WQ-1.10", KIK_TASK_CONCEPT, "+49 anrufen", KIK_TASK_OPEN, "2025-01-01", "Amt");
	return p;
}

/* Asserts that every measure of `got`, and its goal, is found by its id and number. */
static inline void assert_found(const kik_plan *got)
{
	size_t i;
	for (i = 0; i < kik_plan_measure_count(got); i++) {
		const kik_measure *m = kik_plan_measure(got, i);
		const kik_goal *g = kik_measure_goal(m);
		cr_assert(eq(ptr, (void *)kik_plan_find_measure(got, kik_measure_id(m)), (void *)m), "%s",
			  kik_measure_id(m));
		cr_assert(eq(ptr, (void *)kik_field_find_goal(kik_goal_field(g), kik_goal_number(g)), (void *)g));
	}
}

/* Asserts that `got` holds what `want` holds, the next task id included. */
static inline void assert_same_plan(kik_plan *got, kik_plan *want)
{
	char *a = fingerprint(got), *b = fingerprint(want);
	assert_found(got);
	assert_same_content(a, b, "stored plan");
	free(a);
	free(b);
	assert_plans_equal(got, want, EQUAL_NAMES | EQUAL_PUBLISHED);
	cr_assert(eq(int, kik_plan_rule(got), kik_plan_rule(want)));
	cr_assert(eq(str, (char *)kik_plan_name(got), (char *)kik_plan_name(want)));
	cr_assert(eq(str, (char *)kik_plan_as_of(got), (char *)kik_plan_as_of(want)));
}

/* Asserts that `plan` of the store (snapshot NULL: the working state) loads as `want`. */
static inline void assert_loads(const kik_store *s, const char *plan, const char *snapshot, kik_plan *want)
{
	kik_plan *got = NULL;
	OK(kik_store_load(s, plan, snapshot, &got));
	assert_same_plan(got, want);
	kik_plan_free(got);
}

/* The next task id a plan gives. */
static inline unsigned long next_task_id(kik_plan *p)
{
	const kik_measure *m = kik_plan_measure(p, 0);
	return add_task(p, kik_measure_id(m), KIK_TASK_AG, "Probe für die nächste Nummer", KIK_TASK_OPEN, NULL, NULL);
}

/* What SQLite's shell prints for a query on a store file, without libkik (free it). */
static inline char *shell_query(const char *path, const char *sql)
{
	char cmd[4096];
	sink out = { NULL, 0, 0 };
	FILE *f;
	size_t n;
	snprintf(cmd, sizeof(cmd), "sqlite3 -readonly -separator '|' '%s' \"%s\"", path, sql);
	cr_assert(ne(ptr, (void *)(f = popen(cmd, "r")), NULL));
	to_sink(&out, "", 0);
	while ((n = fread(cmd, 1, sizeof(cmd), f)) > 0)
		to_sink(&out, cmd, n);
	cr_assert(eq(int, pclose(f), 0), "%s", sql);
	return out.data;
}

/* The number of rows of a table in a store file, read with SQLite's shell. */
static inline long count_rows(const char *path, const char *table)
{
	char sql[256], *out;
	long n;
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	out = shell_query(path, sql);
	n = atol(out);
	free(out);
	return n;
}

/* The whole content of a file (free it), and its size. */
static inline char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;
	cr_assert(ne(ptr, (void *)f, NULL), "%s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc((size_t)n + 1);
	cr_assert(eq(sz, fread(data, 1, (size_t)n, f), (size_t)n));
	fclose(f);
	*size = (size_t)n;
	return data;
}

#endif
