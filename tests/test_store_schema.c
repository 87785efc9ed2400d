/* Opening stores: the schema's upgrade from version 1, files that are not stores (each left
 * byte for byte as it was), and read-only opening. */
#include "store_util.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>

TestSuite(store_schema, .fini = remove_scratch);

static void copy_file(const char *from, const char *to)
{
	size_t n;
	char *data = slurp(from, &n);
	FILE *f = fopen(to, "wb");
	cr_assert(ne(ptr, (void *)f, NULL));
	cr_assert(eq(sz, fwrite(data, 1, n, f), n));
	fclose(f);
	free(data);
}

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	cr_assert(ne(ptr, (void *)f, NULL));
	cr_assert(eq(sz, fwrite(data, 1, n, f), n));
	fclose(f);
}

/* The bundled plan as it was before it had the report's content (issue 22). */
static void strip_content(kik_plan *p)
{
	OK(kik_plan_set_title(p, ""));
	OK(kik_plan_set_office(p, ""));
	while (kik_plan_note_count(p)) {
		const kik_note *note = kik_plan_note(p, 0);
		const kik_goal *goal = kik_note_goal(note);
		if (kik_note_measure(note))
			OK(kik_plan_remove_measure_note(p, kik_measure_id(kik_note_measure(note))));
		else
			OK(kik_plan_remove_goal_note(p, kik_field_code(kik_goal_field(goal)), kik_goal_number(goal)));
	}
	while (kik_plan_field_note_count(p)) {
		const kik_field_note *note = kik_plan_field_note(p, 0);
		const kik_field *field = kik_field_note_field(note);
		OK(kik_plan_remove_field_note(p, field ? kik_field_code(field) : NULL, kik_field_note_kind_of(note),
					      0));
	}
	while (kik_plan_project_count(p))
		OK(kik_plan_remove_project(p, kik_project_name(kik_plan_project(p, 0))));
	while (kik_plan_timeline_count(p))
		OK(kik_plan_remove_timeline_entry(p, 0));
	while (kik_plan_round_count(p))
		OK(kik_plan_remove_round(p, kik_round_name(kik_plan_round(p, 0))));
	while (kik_plan_figure_count(p)) { /* shares first: a figure's base goes after it */
		size_t i = kik_plan_figure_count(p);
		while (i-- > 0) {
			const kik_figure *f = kik_plan_figure(p, i);
			if (kik_plan_remove_figure(p, kik_figure_name(f), kik_figure_date(f)) == 0)
				break;
		}
	}
}

/* The plans of tests/fixtures/store/v1.kikdb, as make-v1.c made them. */
static kik_plan *v1_kik(int step)
{
	kik_plan *p = bundled_with_tasks();
	strip_content(p);
	kik_task_desc t = KIK_TASK_DESC_INIT;
	const kik_task *task;
	if (step >= 1) {
		task = kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 1);
		t.kind = kik_task_kind_of(task);
		t.title = kik_task_title(task);
		t.due = kik_task_due(task);
		t.owner = kik_task_owner(task);
		t.state = KIK_TASK_DONE;
		OK(kik_plan_update_task(p, kik_task_id(task), &t));
	}
	if (step >= 2) {
		put_measure(p, "IO", NULL, "7.1", "Eine neue Maßnahme", KIK_STATUS_WAITING);
		OK(kik_plan_remove_task(p, kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 0))));
	}
	return p;
}

Test(store_schema, a_store_of_version_1_is_upgraded_and_keeps_its_plans)
{
	const char *path = scratch("v1.kikdb");
	kik_plan *want, *second;
	kik_store *s;
	kik_history *log;
	char *version;
	int step;
	copy_file(KIK_TEST_FIXTURES "/store/v1.kikdb", path);
	s = open_store(path);
	version = shell_query(path, "PRAGMA user_version");
	cr_assert(eq(int, atoi(version), KIK_STORE_SCHEMA_VERSION));
	free(version);
	for (step = 0; step < 3; step++) {
		want = v1_kik(step);
		if (step == 1) /* a snapshot loads as of its date */
			OK(kik_plan_set_as_of(want, "2024-06-30"));
		assert_loads(s, "KIK", step == 0 ? "2023-10-05" : step == 1 ? "2024-06-30" : NULL, want);
		kik_plan_free(want);
	}
	cr_assert(eq(int, kik_plan_new_default(&second), 0));
	strip_content(second);
	assert_loads(s, "Zweite", NULL, second);
	kik_plan_free(second);
	/* what version 2 adds works on it */
	OK(kik_store_set_recorded_status(s, "KIK", "AA-1.1", KIK_STATUS_WAITING, NULL, NULL));
	OK(kik_store_log(s, "KIK", &log));
	cr_assert(eq(sz, kik_history_count(log), 1));
	kik_history_free(log);
	/* and what version 3 adds: the report's content */
	cr_assert(eq(int, kik_plan_new_default(&second), 0));
	cr_assert(gt(sz, kik_plan_project_count(second), 0));
	OK(kik_store_save(s, "Zweite", second, NULL));
	assert_loads(s, "Zweite", NULL, second);
	kik_plan_free(second);
	kik_store_free(s);
	version = shell_query(path, "SELECT count(*) FROM snapshots");
	cr_assert(eq(str, version, "2\n"));
	free(version);
}

/* Opening `path` fails with `code`, read-only or not, and leaves the file as it was. */
static void assert_refused(const char *path, int code)
{
	kik_store_options o = KIK_STORE_OPTIONS_INIT;
	kik_store *s = NULL;
	size_t n_before, n_after;
	char *before = slurp(path, &n_before), *after;
	int flags;
	for (flags = 0; flags <= KIK_STORE_READ_ONLY; flags += KIK_STORE_READ_ONLY) {
		o.flags = (unsigned)flags;
		FAILS(code, kik_store_open(&s, path, &o));
		cr_assert(eq(ptr, (void *)s, NULL));
		after = slurp(path, &n_after);
		cr_assert(n_before == n_after && memcmp(before, after, n_before) == 0, "opening changed %s", path);
		free(after);
	}
	free(before);
}

Test(store_schema, a_file_of_random_bytes_is_not_a_store)
{
	const char *path = scratch("random.kikdb");
	char data[65536];
	size_t i;
	unsigned x = 12345;
	for (i = 0; i < sizeof(data); i++) {
		x = x * 1103515245u + 12345u;
		data[i] = (char)(x >> 16);
	}
	write_file(path, data, sizeof(data));
	assert_refused(path, KIK_ECORRUPT);
	write_file(path, "field;goal;measure;text;status\nSB;1;1.1;a;waiting\n", 49); /* a CSV file */
	assert_refused(path, KIK_ECORRUPT);
}

Test(store_schema, another_programs_sqlite_database_is_not_a_store)
{
	const char *path = scratch("other.db");
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "sqlite3 '%s' 'CREATE TABLE t (x); INSERT INTO t VALUES (1)'", path);
	cr_assert(eq(int, system(cmd), 0));
	assert_refused(path, KIK_ECORRUPT);
}

Test(store_schema, a_truncated_store_is_refused)
{
	const char *path = scratch("cut.kikdb");
	size_t n;
	char *data;
	kik_store *s = open_store(path);
	kik_plan *p = bundled_with_tasks();
	OK(kik_store_save(s, NULL, p, NULL));
	kik_store_free(s);
	data = slurp(path, &n);
	write_file(path, data, n / 2);
	assert_refused(path, KIK_ECORRUPT);
	free(data);
	kik_plan_free(p);
}

Test(store_schema, a_store_of_a_newer_libkik_is_refused)
{
	const char *path = scratch("newer.kikdb");
	char cmd[256];
	kik_store *s = open_store(path);
	kik_store_free(s);
	snprintf(cmd, sizeof(cmd), "sqlite3 '%s' 'PRAGMA user_version = %d'", path, KIK_STORE_SCHEMA_VERSION + 1);
	cr_assert(eq(int, system(cmd), 0));
	assert_refused(path, KIK_EVERSION);
}

Test(store_schema, an_old_store_opened_read_only_asks_for_an_upgrade)
{
	const char *path = scratch("v1.kikdb");
	copy_file(KIK_TEST_FIXTURES "/store/v1.kikdb", path);
	{
		kik_store_options o = KIK_STORE_OPTIONS_INIT;
		kik_store *s = NULL;
		size_t n_before, n_after;
		char *before = slurp(path, &n_before), *after;
		o.flags = KIK_STORE_READ_ONLY;
		FAILS(KIK_EVERSION, kik_store_open(&s, path, &o));
		after = slurp(path, &n_after);
		cr_assert(n_before == n_after && memcmp(before, after, n_before) == 0);
		free(before);
		free(after);
	}
}

Test(store_schema, an_empty_file_becomes_a_store_and_a_missing_one_can_be_required)
{
	const char *path = scratch("empty.kikdb");
	kik_store_options o = KIK_STORE_OPTIONS_INIT;
	kik_store *s = NULL;
	const kik_error *e;
	write_file(path, "", 0);
	s = open_store(path);
	kik_store_free(s);
	s = NULL;
	o.flags = KIK_STORE_MUST_EXIST;
	FAILS(KIK_EIO, kik_store_open(&s, scratch("missing.kikdb"), &o));
	e = kik_error_last();
	cr_assert(eq(int, e->os_error, ENOENT));
	cr_assert(eq(int, access(scratch("missing.kikdb"), F_OK), -1));
	o.flags = KIK_STORE_READ_ONLY;
	FAILS(KIK_EIO, kik_store_open(&s, scratch("missing.kikdb"), &o));
	cr_assert(eq(ptr, (void *)s, NULL));
}

/* In a child that is not root (root may write any file): a store in a directory and file it
 * cannot write opens read-only and loads. */
Test(store_schema, a_store_the_process_cannot_write_opens_read_only)
{
	char dir[128], path[160];
	kik_plan *p = bundled_with_tasks();
	kik_store *s;
	pid_t pid;
	int status;
	snprintf(dir, sizeof(dir), "%s/ro", scratch_dir());
	snprintf(path, sizeof(path), "%s/plan.kikdb", dir);
	cr_assert(eq(int, mkdir(dir, 0755), 0));
	chmod(scratch_dir(), 0755);
	s = open_store(path);
	OK(kik_store_save(s, NULL, p, NULL));
	kik_store_free(s); /* the last connection: the WAL and its shared memory are gone */
	cr_assert(eq(int, chmod(path, 0444), 0));
	pid = fork();
	if (pid == 0) {
		kik_store_options o = KIK_STORE_OPTIONS_INIT;
		kik_plan *got;
		int ok;
		if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(3);
		if (open(path, O_WRONLY) >= 0)
			_exit(4); /* still writable: the test would prove nothing */
		o.flags = KIK_STORE_READ_ONLY;
		ok = kik_store_open(&s, path, &o) == 0 && kik_store_load(s, NULL, NULL, &got) == 0 &&
		     kik_plan_measure_count(got) == 144 && kik_plan_task_count(got) == kik_plan_task_count(p) &&
		     kik_store_save(s, NULL, got, NULL) == KIK_EREADONLY;
		_exit(ok ? 0 : 1);
	}
	cr_assert(eq(int, waitpid(pid, &status, 0), pid));
	cr_assert(eq(int, status, 0), "the child ended with %d", status); /* exited, with 0 */
	kik_plan_free(p);
}

/* Found by review: a store read where its shared memory cannot be made is read as an
 * immutable file, without locks. A writer coming later made such a reader list stale
 * plans and then report the healthy store as damaged, and a writer killed half-way
 * through its first save (a hot journal) was read torn. Now each read checks that the
 * file is as it was when opened (KIK_EBUSY: open it again), and a file beside which a
 * writer is at work or stopped is not opened so. */
Test(store_schema, a_reader_without_shared_memory_is_told_when_a_writer_came)
{
	char dir[128], path[160], journal[176];
	kik_plan *p = bundled_with_tasks(), *q;
	kik_store *s;
	int to_child[2], to_parent[2], status;
	char c;
	pid_t pid;
	if (getuid() != 0)
		cr_skip_test("needs root to read as another user");
	snprintf(dir, sizeof(dir), "%s/ro2", scratch_dir());
	snprintf(path, sizeof(path), "%s/plan.kikdb", dir);
	snprintf(journal, sizeof(journal), "%s-journal", path);
	cr_assert(eq(int, mkdir(dir, 0755), 0));
	chmod(scratch_dir(), 0755);
	s = open_store(path);
	OK(kik_store_save(s, "city", p, NULL));
	kik_store_free(s);
	cr_assert(eq(int, chmod(path, 0444), 0));
	cr_assert(eq(int, pipe(to_child), 0));
	cr_assert(eq(int, pipe(to_parent), 0));
	if ((pid = fork()) == 0) {
		kik_store_options o = KIK_STORE_OPTIONS_INIT;
		kik_string_list *plans;
		kik_plan *got = NULL;
		int ok;
		close(to_child[1]);
		close(to_parent[0]);
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(3);
		o.flags = KIK_STORE_READ_ONLY;
		ok = kik_store_open(&s, path, &o) == 0 && kik_store_list_plans(s, &plans) == 0 &&
		     kik_string_list_count(plans) == 1;
		kik_string_list_free(plans);
		if (write(to_parent[1], "r", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(4);
		/* the writer has added a plan and checkpointed: every read says so */
		ok = ok && kik_store_list_plans(s, &plans) == KIK_EBUSY &&
		     strstr(kik_error_last()->message, "open it again") != NULL &&
		     kik_store_load(s, "city", NULL, &got) == KIK_EBUSY && got == NULL;
		kik_store_free(s);
		/* opened again, it reads the store as it is now */
		ok = ok && kik_store_open(&s, path, &o) == 0 && kik_store_list_plans(s, &plans) == 0 &&
		     kik_string_list_count(plans) == 2;
		kik_string_list_free(plans);
		kik_store_free(s);
		if (write(to_parent[1], "r", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(4);
		/* a writer stopped half-way (its journal left beside the file): not opened so */
		ok = ok && kik_store_open(&s, path, &o) == KIK_EBUSY;
		_exit(ok ? 0 : 1);
	}
	close(to_child[0]);
	close(to_parent[1]); /* a reader that dies ends the reads below */
	cr_assert(eq(int, read(to_parent[0], &c, 1), 1));
	s = open_store(path);
	cr_assert(eq(int, kik_plan_new_default(&q), 0));
	OK(kik_store_save(s, "town", q, NULL));
	kik_store_free(s); /* the last connection: checkpointed into the file */
	cr_assert(eq(int, write(to_child[1], "w", 1), 1));
	if (read(to_parent[0], &c, 1) == 1) {
		write_file(journal, "not empty", 9);
		cr_assert(eq(int, write(to_child[1], "w", 1), 1));
	}
	cr_assert(eq(int, waitpid(pid, &status, 0), pid));
	unlink(journal);
	cr_assert(eq(int, status, 0), "the reader ended with %d", status);
	kik_plan_free(q);
	kik_plan_free(p);
}
