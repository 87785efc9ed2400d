/* Allocation failure in the store: every entry point, with the n-th allocation failing for
 * every n until it succeeds, returns KIK_ENOMEM and leaves the store's file as it was (and
 * a handle that goes on working), or succeeds.
 *
 * Two kinds of allocations fail, in two sweeps:
 * - libkik's own for the store (lists, plans it loads, what a save gathers), through the
 *   allocator of kik_store_options, which counts its blocks: none may be left;
 * - every allocation of the process while the call runs, SQLite's among them: this file
 *   puts malloc(), calloc() and realloc() in front of the C library's (SQLite allocates
 *   with them; libkik never changes SQLite's process-wide configuration). Not in builds
 *   with sanitizers, whose run-time owns malloc(). */
#include "budget.h"
#include "store_util.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdint.h>

TestSuite(store_alloc, .fini = remove_scratch, .timeout = 1200);

/* ---- every allocation of the process (not with sanitizers) ---------------------------- */

#ifdef KIK_TEST_INTERPOSE_MALLOC
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void __libc_free(void *ptr);
static long process_calls, process_fail_at = -1;
static int process_armed;

static int process_fails(void)
{
	return process_armed && process_calls++ == process_fail_at;
}
void *malloc(size_t size)
{
	return process_fails() ? NULL : __libc_malloc(size);
}
void *calloc(size_t n, size_t size)
{
	return process_fails() ? NULL : __libc_calloc(n, size);
}
void *realloc(void *ptr, size_t size)
{
	return process_fails() ? NULL : __libc_realloc(ptr, size);
}
void free(void *ptr)
{
	__libc_free(ptr);
}
#endif

/* ---- what the file holds: every table's rows, times left out (they differ by the second) */

static uint64_t mix(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	while (n--)
		h = (h ^ *p++) * 1099511628211ULL;
	return h;
}

static uint64_t digest(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *tables, *rows;
	uint64_t h = 1469598103934665603ULL;
	cr_assert(eq(int, sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK));
	cr_assert(eq(int,
		     sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
					&tables, NULL),
		     SQLITE_OK));
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[256];
		int c;
		snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\" ORDER BY rowid",
			 (const char *)sqlite3_column_text(tables, 0));
		cr_assert(eq(int, sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK), "%s", sql);
		h = mix(h, sql, strlen(sql));
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(rows); c++) {
				const char *name = sqlite3_column_name(rows, c);
				if (strcmp(name, "at") == 0 || strcmp(name, "taken") == 0 ||
				    strcmp(name, "created") == 0)
					continue;
				h = mix(h, sqlite3_column_blob(rows, c), (size_t)sqlite3_column_bytes(rows, c));
				h = mix(h, "|", 1);
			}
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	return h;
}

/* ---- the entry points ------------------------------------------------------------------- */

typedef struct fixture {
	kik_store *store;
	kik_plan *plan; /* the working state as the store holds it */
	const char *tasks_file;
} fixture;

static int op_save_new_store(fixture *f)
{
	return kik_store_save(f->store, "neu", f->plan, NULL);
}
/* (before the call) the plan to save changes a measure and gains one */
static void change_plan(fixture *f)
{
	OK(kik_plan_set_recorded_status(f->plan, "WQ-1.2", KIK_STATUS_WAITING, NULL));
	put_measure(f->plan, "AB", NULL, "2.1", "Dazu", KIK_STATUS_WAITING);
}
static int op_save_changed(fixture *f)
{
	return kik_store_save(f->store, NULL, f->plan, NULL);
}
static int op_save_snapshot(fixture *f)
{
	kik_snapshot_desc d = KIK_SNAPSHOT_DESC_INIT;
	d.as_of = "2020-01-01";
	return kik_store_save_snapshot(f->store, NULL, f->plan, &d, NULL);
}
static int op_snapshot(fixture *f)
{
	kik_snapshot_desc d = KIK_SNAPSHOT_DESC_INIT;
	d.as_of = "2030-01-01";
	d.label = "später";
	return kik_store_snapshot(f->store, NULL, &d, NULL);
}
static int op_remove_snapshot(fixture *f)
{
	return kik_store_remove_snapshot(f->store, NULL, "2024-02-29", NULL);
}
static int op_load(fixture *f)
{
	kik_plan *p = NULL;
	int err = kik_store_load(f->store, NULL, "2024-02-29", &p);
	kik_plan_free(p);
	return err;
}
static int op_import(fixture *f)
{
	return kik_store_import_file(f->store, NULL, KIK_IMPORT_TASKS, f->tasks_file, NULL, NULL);
}
static int op_set_task_state(fixture *f)
{
	return kik_store_set_task_state(f->store, NULL, 1, KIK_TASK_OPEN, NULL);
}
static int op_add_task(fixture *f)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	unsigned long id = 0;
	int err;
	d.measure = "AB-1.1";
	d.title = "Noch ein Auftrag";
	err = kik_store_add_task(f->store, NULL, &d, NULL, &id);
	/* an id only for a task the store kept (review: it was set before the commit) */
	cr_assert(err == 0 ? id != 0 : id == 0, "add_task gave %d and the id %lu", err, id);
	return err;
}
static int op_update_task(fixture *f)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.measure = "WQ-1.10";
	d.kind = KIK_TASK_AG;
	d.title = "Fachtag, verlegt";
	d.state = KIK_TASK_IN_PROGRESS;
	return kik_store_update_task(f->store, NULL, 1, &d, NULL);
}
static int op_remove_task(fixture *f)
{
	return kik_store_remove_task(f->store, NULL, 1, NULL);
}
static int op_put_measure(fixture *f)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = "WQ";
	d.group = "Neue Gruppe";
	d.number = "4.1";
	d.goal_text = "Neues Ziel";
	d.text = "Neue Maßnahme";
	return kik_store_put_measure(f->store, NULL, &d, NULL);
}
static int op_remove_measure(fixture *f)
{
	return kik_store_remove_measure(f->store, NULL, "WQ-3.2", NULL);
}
static int op_set_recorded_status(fixture *f)
{
	kik_status counted = KIK_STATUS_INVALID;
	int err = kik_store_set_recorded_status(f->store, NULL, "AB-1.1", KIK_STATUS_IMPLEMENTED, &counted, NULL);
	cr_assert(err == 0 ? counted != KIK_STATUS_INVALID : counted == KIK_STATUS_INVALID,
		  "set_recorded_status gave %d and the status %d", err, counted);
	return err;
}
static int op_history(fixture *f)
{
	kik_history *h = NULL;
	int err = kik_store_history(f->store, NULL, "WQ-3.2", &h);
	kik_history_free(h);
	return err;
}
static int op_log(fixture *f)
{
	kik_history *h = NULL;
	int err = kik_store_log(f->store, NULL, &h);
	kik_history_free(h);
	return err;
}
static int op_trend(fixture *f)
{
	kik_trend *t = NULL;
	int err = kik_store_trend(f->store, NULL, &t);
	kik_trend_free(t);
	return err;
}
static int op_diff(fixture *f)
{
	kik_diff *d = NULL;
	int err = kik_store_diff(f->store, NULL, "2024-02-29", NULL, &d);
	kik_diff_free(d);
	return err;
}
static int op_lists(fixture *f)
{
	kik_string_list *names = NULL;
	kik_snapshot_list *snaps = NULL;
	int err = kik_store_list_plans(f->store, &names);
	if (err == 0)
		err = kik_store_list_snapshots(f->store, NULL, &snaps);
	kik_string_list_free(names);
	kik_snapshot_list_free(snaps);
	return err;
}
static int op_add_plan(fixture *f)
{
	return kik_store_add_plan(f->store, "zweiter");
}
static int op_remove_plan(fixture *f)
{
	return kik_store_remove_plan(f->store, "main");
}

typedef struct entry {
	const char *name;
	int (*op)(fixture *f);
	int edit;                    /* an edit: the handle keeps the working state (loaded before, by a first edit) */
	void (*prepare)(fixture *f); /* before the call, or NULL */
} entry;

static const entry entries[] = {
	{ "save into a new plan", op_save_new_store, 0, NULL },
	{ "save a changed plan", op_save_changed, 0, change_plan },
	{ "save a snapshot", op_save_snapshot, 0, change_plan },
	{ "snapshot", op_snapshot, 0, NULL },
	{ "remove a snapshot", op_remove_snapshot, 0, NULL },
	{ "load", op_load, 0, NULL },
	{ "import", op_import, 0, NULL },
	{ "set a task's state", op_set_task_state, 1, NULL },
	{ "add a task", op_add_task, 1, NULL },
	{ "update a task", op_update_task, 1, NULL },
	{ "remove a task", op_remove_task, 1, NULL },
	{ "put a measure", op_put_measure, 1, NULL },
	{ "remove a measure", op_remove_measure, 1, NULL },
	{ "set a recorded status", op_set_recorded_status, 1, NULL },
	{ "history", op_history, 0, NULL },
	{ "log", op_log, 0, NULL },
	{ "trend", op_trend, 0, NULL },
	{ "diff", op_diff, 0, NULL },
	{ "lists", op_lists, 0, NULL },
	{ "add a plan", op_add_plan, 0, NULL },
	{ "remove a plan", op_remove_plan, 0, NULL },
};

/* The store every run starts from: the tricky plan with a snapshot, edited once. */
static void make_template(const char *path, const char *tasks_file)
{
	kik_store *s = open_store(path);
	kik_plan *p = tricky_plan();
	kik_snapshot_desc d = KIK_SNAPSHOT_DESC_INIT;
	FILE *f = fopen(tasks_file, "w");
	fputs("measure;kind;title;state\nWQ-3.2;ag;Fachtag;open\nAB-1.1;concept;Neu aus der Datei;done\n", f);
	fclose(f);
	OK(kik_store_save(s, NULL, p, NULL));
	OK(kik_store_snapshot(s, NULL, &d, NULL));
	OK(kik_store_set_recorded_status(s, NULL, "WQ-2.1", KIK_STATUS_IN_PROGRESS, NULL, NULL));
	kik_store_free(s);
	kik_plan_free(p);
}

static void copy_store(const char *from, const char *to)
{
	size_t n;
	char *data = slurp(from, &n);
	FILE *f = fopen(to, "wb");
	cr_assert(eq(sz, fwrite(data, 1, n, f), n));
	fclose(f);
	free(data);
}

/* Opens a fresh copy of the template, and makes ready what the entry needs. */
static void start(fixture *f, const char *path, const char *template_path, const kik_allocator *a, const entry *e)
{
	kik_store_options o = KIK_STORE_OPTIONS_INIT;
	o.allocator = a;
	copy_store(template_path, path);
	OK(kik_store_open(&f->store, path, &o));
	OK(kik_store_load(f->store, NULL, NULL, &f->plan));
	if (e->edit) /* an edit that changes nothing loads the working state into the handle */
		OK(kik_store_set_recorded_status(f->store, NULL, "WQ-2.1", KIK_STATUS_IN_PROGRESS, NULL, NULL));
	if (e->prepare)
		e->prepare(f);
}

static void stop(fixture *f)
{
	kik_store_free(f->store);
	kik_plan_free(f->plan);
	f->store = NULL;
	f->plan = NULL;
}

/* Runs every entry point with the n-th allocation failing, for every n below the number of
 * allocations a call that fails none makes (a failure SQLite works around may let the call
 * succeed). `arm` and `disarm` start and stop the counting and failing (n: the allocation to
 * fail, counted from the start of the call; -1 none); disarm gives the count. */
static void sweep(const kik_allocator *a, void (*arm)(long n), long (*disarm)(void), budget *b, long most)
{
	const char *template_path = scratch("template.kikdb"), *path = scratch("run.kikdb");
	fixture f;
	size_t e;
	f.tasks_file = scratch("tasks.csv");
	make_template(template_path, f.tasks_file);
	for (e = 0; e < sizeof(entries) / sizeof(entries[0]); e++) {
		uint64_t before, after_success;
		long n, failures = 0, allocations;
		int err;
		/* what a run that succeeds leaves, and how many allocations it makes */
		start(&f, path, template_path, a, &entries[e]);
		before = digest(path);
		arm(-1);
		err = entries[e].op(&f);
		allocations = disarm();
		OK(err);
		stop(&f);
		after_success = digest(path);
		/* every allocation, or (beyond `most`) `most` of them spread evenly */
		for (n = 0; n<allocations; n += allocations> most ? allocations / most : 1) {
			start(&f, path, template_path, a, &entries[e]);
			arm(n);
			err = entries[e].op(&f);
			disarm();
			if (err == 0) { /* the failure was worked around */
				stop(&f);
				cr_assert(eq(u64, digest(path), after_success), "%s", entries[e].name);
				continue;
			}
			failures++;
			cr_assert(eq(int, err, KIK_ENOMEM), "%s: allocation %ld gave %d (%s)", entries[e].name, n, err,
				  kik_error_last() ? kik_error_last()->message : "");
			cr_assert(eq(u64, digest(path), before), "%s: allocation %ld changed the store",
				  entries[e].name, n);
			/* the handle goes on working: the call again, without failing, does what it does */
			OK(entries[e].op(&f));
			stop(&f);
			cr_assert(eq(u64, digest(path), after_success), "%s: allocation %ld, then again",
				  entries[e].name, n);
			if (b)
				cr_assert(eq(long, b->live, 0), "%s: allocation %ld leaked", entries[e].name, n);
		}
		cr_log_info("%s: %ld allocations, %ld of which failing made it fail", entries[e].name, allocations,
			    failures);
		if (!b) /* (libkik allocates nothing for some calls: a save into a new plan) */
			cr_assert(lt(long, 0, failures), "%s never met a failing allocation", entries[e].name);
	}
}

static budget the_budget = { 0, -1, 0 };
static long budget_start;
static void arm_budget(long n)
{
	budget_start = the_budget.calls;
	the_budget.fail_at = n < 0 ? -1 : the_budget.calls + n;
}
static long disarm_budget(void)
{
	the_budget.fail_at = -1;
	return the_budget.calls - budget_start;
}

Test(store_alloc, every_entry_point_survives_each_failed_allocation_of_its_own)
{
	kik_allocator a = KIK_ALLOCATOR_INIT;
	a.malloc = b_malloc;
	a.realloc = b_realloc;
	a.free = b_free;
	a.ctx = &the_budget;
	sweep(&a, arm_budget, disarm_budget, &the_budget, LONG_MAX);
}

#ifdef KIK_TEST_INTERPOSE_MALLOC
static void arm_process(long n)
{
	process_calls = 0;
	process_fail_at = n;
	process_armed = 1;
}
static long disarm_process(void)
{
	process_armed = 0;
	return process_calls;
}

Test(store_alloc, every_entry_point_survives_each_failed_allocation_of_sqlite)
{
	sweep(NULL, arm_process, disarm_process, NULL, 150);
}

Test(store_alloc, opening_survives_each_failed_allocation)
{
	const char *path = scratch("open.kikdb");
	kik_store *s;
	long n, failures = 0, allocations;
	int err;
	s = open_store(path);
	kik_store_free(s);
	arm_process(-1);
	OK(kik_store_open(&s, path, NULL));
	allocations = disarm_process();
	kik_store_free(s);
	for (n = 0; n < allocations; n++) {
		s = NULL;
		arm_process(n);
		err = kik_store_open(&s, path, NULL);
		disarm_process();
		if (err == 0) {
			kik_store_free(s);
			continue;
		}
		failures++;
		cr_assert(eq(int, err, KIK_ENOMEM), "allocation %ld gave %d (%s)", n, err,
			  kik_error_last() ? kik_error_last()->message : "");
		cr_assert(eq(ptr, (void *)s, NULL));
	}
	cr_log_info("open: %ld allocations, %ld of which failing made it fail", allocations, failures);
	cr_assert(lt(long, 0, failures));
}
#endif
