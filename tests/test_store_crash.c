/* Processes at once, killed processes and full disks: several readers while one writes, a
 * writer that waits too long for the lock, a writer killed at random moments of a large
 * save, and a save that runs out of room. */
#define _GNU_SOURCE /* unshare() */
#include "store_util.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

TestSuite(store_crash, .fini = remove_scratch, .timeout = 600);

/* A plan of `measures` measures with five tasks each, in generation g: every task's state
 * and the plan's name depend on g, so that saving the next generation rewrites every task. */
static kik_plan *generation(int measures, int g)
{
	sink m = { NULL, 0, 0 }, t = { NULL, 0, 0 };
	static const char *const states[] = { "open", "in_progress", "done", "not_applicable" };
	static const char *const kinds[] = { "concept", "ag", "work_package" };
	kik_plan *p;
	char line[256], name[32];
	int i, k;
	to_sink(&m, "field;group;goal;goal_text;measure;text;status\n", 47);
	to_sink(&t, "measure;kind;title;state;owner\n", 31);
	for (i = 0; i < measures; i++) {
		const char *field = i % 2 ? "AB" : "CD";
		int goal = i / 20 + 1, sub = i % 20 / 2 + 1;
		to_sink(&m, line,
			(size_t)snprintf(line, sizeof(line),
					 "%s;Gruppe %d;%d;Ziel %d;%d.%d;Maßnahme %d mit etwas Text;%s\n", field,
					 goal % 7, goal, goal, goal, sub, i, i % 3 ? "waiting" : "in_progress"));
		for (k = 0; k < 5; k++)
			to_sink(&t, line,
				(size_t)snprintf(line, sizeof(line), "%s-%d.%d;%s;Aufgabe %d von %d;%s;Amt %d\n", field,
						 goal, sub, kinds[k % 3], k, i, states[(i + k + g) % 4], k));
	}
	cr_assert(eq(int, kik_plan_new(&p), 0));
	OK(kik_plan_import_buffer(p, KIK_IMPORT_MEASURES, m.data, m.len, "m.csv", NULL));
	OK(kik_plan_import_buffer(p, KIK_IMPORT_TASKS, t.data, t.len, "t.csv", NULL));
	snprintf(name, sizeof(name), "Generation %d", g);
	OK(kik_plan_set_name(p, name));
	free(m.data);
	free(t.data);
	return p;
}

/* The generation of the store's working state modulo 3 (the plans there are), read with
 * SQLite: -1 when the store has none. */
static int stored_generation(const char *path)
{
	char *out = shell_query(path, "SELECT value FROM kik_info WHERE key = 'name' AND valid_to IS NULL");
	int g = strncmp(out, "Generation ", 11) == 0 ? atoi(out + 11) : -1;
	free(out);
	return g;
}

static void assert_intact(const char *path)
{
	char *out = shell_query(path, "PRAGMA integrity_check");
	cr_assert(eq(str, out, "ok\n"));
	free(out);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

Test(store_crash, a_writer_killed_at_any_moment_leaves_the_last_committed_state)
{
	const char *path = scratch("kill.kikdb");
	enum { MEASURES = 10000, KILLS = 60 };
	kik_plan *plans[3];
	double started, save_time;
	kik_store *s;
	int round, g, committed = -1, kills = 0, done_before_kill = 0, ok;
	for (g = 0; g < 3; g++)
		plans[g] = generation(MEASURES, g);
	/* how long one save of a whole generation takes here */
	s = open_store(scratch("probe.kikdb"));
	started = now();
	OK(kik_store_save(s, NULL, plans[0], NULL));
	OK(kik_store_save(s, NULL, plans[1], NULL));
	save_time = (now() - started) / 2;
	kik_store_free(s);
	srand(20261127);
	for (round = 0; round < KILLS; round++) {
		int pipe_fd[2], status;
		char c;
		pid_t pid;
		cr_assert(eq(int, pipe(pipe_fd), 0));
		/* the writer: saves generation after generation, telling each commit */
		if ((pid = fork()) == 0) {
			close(pipe_fd[0]);
			s = open_store(path);
			for (g = committed + 1;; g++) {
				if (kik_store_save(s, NULL, plans[g % 3], NULL) < 0)
					_exit(3);
				c = (char)g;
				if (write(pipe_fd[1], &c, 1) != 1)
					_exit(4);
			}
		}
		close(pipe_fd[1]);
		/* kill it after a moment anywhere within two saves */
		usleep((useconds_t)((double)rand() / RAND_MAX * save_time * 2e6));
		kill(pid, SIGKILL);
		cr_assert(eq(int, waitpid(pid, &status, 0), pid));
		cr_assert(eq(int, status & 0x7F, SIGKILL), "the writer ended by itself: %d", status); /* killed */
		while (read(pipe_fd[0], &c, 1) == 1)
			committed = (unsigned char)c;
		close(pipe_fd[0]);
		kills++;
		/* after it: the file is whole, and holds the last generation told or the one after
		 * (committed before it could tell) */
		s = open_store(path);
		kik_store_free(s);
		assert_intact(path);
		g = stored_generation(path);
		ok = committed < 0 ? g == -1 : g == committed % 3;
		cr_assert(ok || g == (committed + 1) % 3, "round %d: stored %d, told %d", round, g, committed);
		if (g >= 0 && g == (committed + 1) % 3) {
			done_before_kill++;
			committed++;
		}
		if (g >= 0) {
			s = open_store(path);
			assert_loads(s, NULL, NULL, plans[g]);
			kik_store_free(s);
		}
		if (round % 20 == 19) { /* now and then from an empty store: the first save is special */
			char side[200];
			remove(path);
			snprintf(side, sizeof(side), "%s-wal", path);
			remove(side);
			snprintf(side, sizeof(side), "%s-shm", path);
			remove(side);
			committed = -1;
		}
	}
	cr_assert(eq(int, kills, KILLS));
	cr_log_info("%d kills, %.3f s a save; %d times the save had committed unseen", kills, save_time,
		    done_before_kill);
	for (g = 0; g < 3; g++)
		kik_plan_free(plans[g]);
}

Test(store_crash, readers_see_whole_states_while_a_writer_writes)
{
	const char *path = scratch("readers.kikdb");
	enum { READERS = 3, MEASURES = 400, WRITES = 12 };
	kik_plan *plans[3];
	kik_store *s;
	pid_t readers[READERS];
	int r, g, status;
	for (g = 0; g < 3; g++)
		plans[g] = generation(MEASURES, g);
	s = open_store(path);
	OK(kik_store_save(s, NULL, plans[0], NULL));
	for (r = 0; r < READERS; r++) {
		if ((readers[r] = fork()) == 0) {
			/* every load is one of the generations, whole; the reader stops when the
			 * writer's last generation shows */
			kik_store *mine = open_store(path);
			char *want[3];
			int loads = 0, last = 0;
			for (g = 0; g < 3; g++)
				want[g] = fingerprint(plans[g]);
			while (!last) {
				kik_plan *got;
				char *have;
				int match = -1;
				if (kik_store_load(mine, NULL, NULL, &got) < 0)
					_exit(2);
				last = strcmp(kik_plan_name(got), "Ende") == 0;
				if (last && kik_plan_set_name(got, kik_plan_name(plans[WRITES % 3])) < 0)
					_exit(5);
				have = fingerprint(got);
				for (g = 0; g < 3 && match < 0; g++)
					match = strcmp(have, want[g]) == 0 ? g : -1;
				if (match < 0)
					_exit(3); /* a state no writer saved */
				free(have);
				kik_plan_free(got);
				loads++;
			}
			_exit(loads > 1 ? 0 : 4);
		}
	}
	for (g = 1; g <= WRITES; g++)
		OK(kik_store_save(s, NULL, plans[g % 3], NULL));
	OK(kik_plan_set_name(plans[WRITES % 3], "Ende")); /* every reader's last load */
	OK(kik_store_save(s, NULL, plans[WRITES % 3], NULL));
	OK(kik_plan_set_name(plans[WRITES % 3], "x"));
	for (r = 0; r < READERS; r++) {
		cr_assert(eq(int, waitpid(readers[r], &status, 0), readers[r]));
		cr_assert(eq(int, status, 0), "reader %d ended with %d", r, status);
	}
	kik_store_free(s);
	for (g = 0; g < 3; g++)
		kik_plan_free(plans[g]);
}

Test(store_crash, a_writer_that_cannot_get_the_lock_in_time_is_told_busy)
{
	const char *path = scratch("busy.kikdb");
	kik_store_options o = KIK_STORE_OPTIONS_INIT;
	kik_plan *p = bundled_with_tasks();
	kik_store *s = open_store(path);
	int ready[2], release[2], status;
	double started, waited;
	pid_t pid;
	char c = 0;
	OK(kik_store_save(s, NULL, p, NULL));
	kik_store_free(s);
	cr_assert(eq(int, pipe(ready), 0));
	cr_assert(eq(int, pipe(release), 0));
	/* another process takes the write lock and holds it until told */
	if ((pid = fork()) == 0) {
		sqlite3 *db;
		if (sqlite3_open(path, &db) != SQLITE_OK ||
		    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			_exit(2);
		if (write(ready[1], &c, 1) != 1 || read(release[0], &c, 1) != 1)
			_exit(3);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db);
		_exit(0);
	}
	cr_assert(eq(int, (int)read(ready[0], &c, 1), 1));
	o.busy_timeout_ms = 300;
	OK(kik_store_open(&s, path, &o));
	OK(kik_plan_set_recorded_status(p, "AA-1.1", KIK_STATUS_WAITING, NULL));
	started = now();
	FAILS(KIK_EBUSY, kik_store_save(s, NULL, p, NULL));
	waited = now() - started;
	cr_assert(waited >= 0.29 && waited < 5, "waited %.3f s", waited);
	FAILS(KIK_EBUSY, kik_store_set_recorded_status(s, NULL, "AA-1.2", KIK_STATUS_WAITING, NULL, NULL));
	/* reading does not wait for a writer */
	{
		kik_plan *got;
		OK(kik_store_load(s, NULL, NULL, &got));
		kik_plan_free(got);
	}
	cr_assert(eq(int, (int)write(release[1], &c, 1), 1));
	cr_assert(eq(int, waitpid(pid, &status, 0), pid));
	cr_assert(eq(int, status, 0));
	OK(kik_store_save(s, NULL, p, NULL)); /* the lock is free: it goes through */
	assert_loads(s, NULL, NULL, p);
	kik_store_free(s);
	kik_plan_free(p);
}

/* A save into a store where the file may not grow: it fails, and the store is as before. */
static int save_without_room(const char *path, kik_plan *big, int *os_error)
{
	kik_store *s;
	int err;
	if (kik_store_open(&s, path, NULL) < 0)
		return 100;
	err = kik_store_save(s, NULL, big, NULL);
	*os_error = kik_error_last() ? kik_error_last()->os_error : 0;
	kik_store_free(s);
	return err;
}

Test(store_crash, a_save_that_runs_out_of_room_fails_and_leaves_the_store_as_it_was)
{
	const char *path = scratch("full.kikdb");
	kik_plan *small = generation(50, 0), *big = generation(3000, 1);
	kik_store *s = open_store(path);
	int status;
	pid_t pid;
	OK(kik_store_save(s, NULL, small, NULL));
	kik_store_free(s);
	/* the file size limit of the process: writes beyond it fail (EFBIG, or a write cut short,
	 * which SQLite does not tell apart from a full disk) */
	if ((pid = fork()) == 0) {
		struct rlimit limit = { 1 << 20, 1 << 20 };
		int os_error = 0, err;
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
			_exit(2);
		err = save_without_room(path, big, &os_error);
		_exit(err == KIK_EIO ? 0 : 10 + (-err & 0x3F));
	}
	cr_assert(eq(int, waitpid(pid, &status, 0), pid));
	cr_assert(eq(int, status, 0), "the save without room ended with %d", status);
	assert_intact(path);
	s = open_store(path);
	assert_loads(s, NULL, NULL, small);
	kik_store_free(s);
	kik_plan_free(small);
	kik_plan_free(big);
}

/* The same on a file system that is really full: a small tmpfs (4 MB: an empty store of
 * 16 KiB pages takes one) in a mount namespace of the child's own (where the system allows it; else the test says so
 * and is skipped). */
Test(store_crash, a_save_onto_a_full_disk_fails_and_leaves_the_store_as_it_was)
{
	kik_plan *small = generation(50, 0), *big = generation(20000, 1);
	int channel[2], status;
	pid_t pid;
	char verdict[128] = "";
	cr_assert(eq(int, pipe(channel), 0));
	if ((pid = fork()) == 0) {
		const char *dir = scratch("tmpfs");
		char path[160], *before = NULL;
		int os_error = 0, err;
		kik_plan *after;
		kik_store *s;
		close(channel[0]);
		mkdir(dir, 0700);
		if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
		    mount("tmpfs", dir, "tmpfs", 0, "size=4m") != 0) {
			dprintf(channel[1], "skip: no mount namespace here (%s)", strerror(errno));
			_exit(0);
		}
		snprintf(path, sizeof(path), "%s/full.kikdb", dir);
		if (kik_store_open(&s, path, NULL) < 0 || kik_store_save(s, NULL, small, NULL) < 0)
			_exit(2);
		kik_store_free(s);
		err = save_without_room(path, big, &os_error);
		if (kik_store_open(&s, path, NULL) < 0 || kik_store_load(s, NULL, NULL, &after) < 0)
			_exit(3);
		before = fingerprint(small);
		dprintf(channel[1], "%d %d %d", err, os_error, strcmp(before, fingerprint(after)) == 0);
		_exit(0);
	}
	close(channel[1]);
	if (read(channel[0], verdict, sizeof(verdict) - 1) < 0)
		verdict[0] = '\0';
	cr_assert(eq(int, waitpid(pid, &status, 0), pid));
	cr_assert(eq(int, status, 0), "the child ended with %d", status);
	if (strncmp(verdict, "skip", 4) == 0) {
		kik_plan_free(small);
		kik_plan_free(big);
		cr_skip_test("%s", verdict);
	}
	{
		int err = 0, os_error = 0, same = 0;
		cr_assert(eq(int, sscanf(verdict, "%d %d %d", &err, &os_error, &same), 3), "%s", verdict);
		cr_assert(eq(int, err, KIK_EIO));
		cr_assert(eq(int, os_error, ENOSPC));
		cr_assert(eq(int, same, 1), "the store changed");
	}
	kik_plan_free(small);
	kik_plan_free(big);
}
