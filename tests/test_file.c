/* Writing files (exports and reports): a regular file replaced atomically, with nothing left
 * behind even by a killed process; FIFOs and devices written in place, never replaced;
 * symbolic links followed; new files with 0666 less the umask; names up to NAME_MAX. */
#define _GNU_SOURCE /* mknod's makedev */
#include "output.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

static kik_plan *plan;
static char dir[64];

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	strcpy(dir, "/tmp/kik-file-XXXXXX");
	cr_assert(ne(ptr, mkdtemp(dir), NULL));
}

static void teardown(void)
{
	char command[128];
	kik_plan_free(plan);
	snprintf(command, sizeof(command), "rm -rf %s", dir);
	cr_assert(eq(int, system(command), 0));
}

TestSuite(file, .init = setup, .fini = teardown);

static const char *in_dir(const char *name)
{
	static char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* The names in the scratch directory, sorted, separated by spaces. */
static const char *listing(void)
{
	static char names[4096];
	struct dirent **entries;
	int n = scandir(dir, &entries, NULL, alphasort), i;
	names[0] = '\0';
	for (i = 0; i < n; i++) {
		if (strcmp(entries[i]->d_name, ".") && strcmp(entries[i]->d_name, ".."))
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s", *names ? " " : "",
				 entries[i]->d_name);
		free(entries[i]);
	}
	free(entries);
	return names;
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	cr_assert(eq(int, lstat(path, &st), 0), "%s", path);
	return st.st_mode;
}

static int export_to(const char *path)
{
	return kik_plan_export_file(plan, KIK_IMPORT_FIELDS, path, NULL);
}

Test(file, a_new_file_gets_0666_less_the_umask)
{
	umask(027);
	cr_assert(eq(int, export_to(in_dir("new.csv")), 0));
	cr_assert(eq(int, mode_of(in_dir("new.csv")) & 07777, 0640));
	umask(077); /* task exports name owners: a private umask keeps them private */
	cr_assert(eq(int, kik_plan_report_file(plan, in_dir("r.html"), NULL), 0));
	cr_assert(eq(int, mode_of(in_dir("r.html")) & 07777, 0600));
	cr_assert(eq(str, (char *)listing(), "new.csv r.html"));
}

Test(file, a_replaced_file_keeps_its_permissions_but_not_setuid)
{
	int fd = open(in_dir("old.csv"), O_WRONLY | O_CREAT, 0600);
	cr_assert(ge(int, fd, 0));
	cr_assert(eq(long, (long)write(fd, "old", 3), 3));
	close(fd);
	cr_assert(eq(int, chmod(in_dir("old.csv"), 04751), 0));
	cr_assert(eq(int, export_to(in_dir("old.csv")), 0));
	cr_assert(eq(int, mode_of(in_dir("old.csv")) & 07777, 0751));
	cr_assert(eq(str, (char *)listing(), "old.csv"));
}

static void *drain(void *arg)
{
	FILE *f = fopen(arg, "rb");
	size_t total = 0, n;
	char buf[4096];
	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		total += n;
	if (f)
		fclose(f);
	return (void *)total;
}

Test(file, a_fifo_is_written_in_place_and_stays_a_fifo)
{
	pthread_t reader;
	void *got;
	cr_assert(eq(int, mkfifo(in_dir("pipe"), 0600), 0));
	cr_assert(eq(int, pthread_create(&reader, NULL, drain, (void *)in_dir("pipe")), 0));
	cr_assert(eq(int, kik_plan_report_file(plan, in_dir("pipe"), NULL), 0));
	cr_assert(eq(int, pthread_join(reader, &got), 0));
	cr_assert(gt(sz, (size_t)got, 10000));
	cr_assert(eq(int, !!S_ISFIFO(mode_of(in_dir("pipe"))), 1));
	cr_assert(eq(str, (char *)listing(), "pipe"));
}

Test(file, a_device_is_written_in_place_and_stays_a_device)
{
	/* a null device of the test's own (as root), never the system's */
	if (mknod(in_dir("null"), S_IFCHR | 0666, makedev(1, 3)) != 0)
		cr_skip_test("cannot make a device node here (%s)", strerror(errno));
	cr_assert(eq(int, export_to(in_dir("null")), 0));
	cr_assert(eq(int, !!S_ISCHR(mode_of(in_dir("null"))), 1));
	cr_assert(eq(str, (char *)listing(), "null"));
}

Test(file, a_full_device_is_an_io_error_that_says_why)
{
	const kik_error *e;
	cr_assert(eq(int, kik_plan_report_file(plan, "/dev/full", NULL), KIK_EIO));
	e = kik_error_last();
	cr_assert(eq(str, (char *)e->file, "/dev/full"));
	cr_assert(ne(ptr, strstr(e->message, strerror(ENOSPC)), NULL), "%s", e->message);
	cr_assert(eq(int, !!S_ISCHR(mode_of("/dev/full")), 1));
}

Test(file, a_symbolic_link_is_followed_and_stays_a_link)
{
	int fd = open(in_dir("target.csv"), O_WRONLY | O_CREAT, 0640);
	cr_assert(ge(int, fd, 0));
	close(fd);
	cr_assert(eq(int, symlink("target.csv", in_dir("link.csv")), 0));
	cr_assert(eq(int, export_to(in_dir("link.csv")), 0));
	cr_assert(eq(int, !!S_ISLNK(mode_of(in_dir("link.csv"))), 1));
	cr_assert(eq(int, mode_of(in_dir("target.csv")) & 07777, 0640));
	cr_assert(gt(long, (long)(intptr_t)drain((void *)in_dir("target.csv")), 10));
	cr_assert(eq(str, (char *)listing(), "link.csv target.csv"));
	/* a link to nothing is refused, and nothing is made */
	cr_assert(eq(int, symlink("nowhere.csv", in_dir("dangling.csv")), 0));
	cr_assert(eq(int, export_to(in_dir("dangling.csv")), KIK_EIO));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "symbolic link"), NULL));
	cr_assert(eq(str, (char *)listing(), "dangling.csv link.csv target.csv"));
}

Test(file, a_name_of_name_max_bytes_is_written)
{
	char name[NAME_MAX + 1];
	memset(name, 'n', NAME_MAX);
	name[NAME_MAX] = '\0';
	cr_assert(eq(int, export_to(in_dir(name)), 0), "%s", kik_error_last()->message);
	cr_assert(eq(int, export_to(in_dir(name)), 0), "%s", kik_error_last()->message);
	cr_assert(eq(str, (char *)listing(), name));
}

Test(file, a_directory_is_refused)
{
	cr_assert(eq(int, export_to(dir), KIK_EIO));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, strerror(EISDIR)), NULL));
	cr_assert(eq(str, (char *)listing(), ""));
}

/* A producer that writes 100,000 bytes and fails. */

static int failing(const kik_plan *p, kik_write_fn out, void *ctx, const void *options)
{
	static char block[1000];
	size_t i;
	(void)options;
	for (i = 0; i < 100000; i += sizeof(block))
		if (out(ctx, block, sizeof(block)) < 0)
			return KIK_EIO;
	return kik__error_set(p, KIK_EINVAL, NULL, "the producer failed");
}

Test(file, a_failed_write_leaves_the_old_file_and_nothing_else_either_way)
{
	int how;
	cr_assert(eq(int, export_to(in_dir("keep.csv")), 0));
	for (how = KIK__WRITE_UNNAMED; how <= KIK__WRITE_NAMED; how++) {
		cr_assert(eq(int, kik__write_file_by(plan, in_dir("keep.csv"), failing, NULL, how), KIK_EINVAL));
		cr_assert(eq(int, kik__write_file_by(plan, in_dir("new.csv"), failing, NULL, how), KIK_EINVAL));
		cr_assert(eq(str, (char *)listing(), "keep.csv"));
		cr_assert(gt(long, (long)(intptr_t)drain((void *)in_dir("keep.csv")), 10));
	}
}

/* A producer that writes a little, says so on the pipe `told`, and then waits for a signal
 * (`pause_after`) or raises one itself and finishes (`raise_signal`). */
static int told = -1, raise_signal = 0;

static int slow(const kik_plan *p, kik_write_fn out, void *ctx, const void *options)
{
	static const char row[] = "code;name\n";
	(void)p;
	(void)options;
	if (out(ctx, row, sizeof(row) - 1) < 0)
		return KIK_EIO;
	if (raise_signal) {
		kill(getpid(), raise_signal); /* held back until the file is in place */
		return out(ctx, row, sizeof(row) - 1) < 0 ? KIK_EIO : 0;
	}
	if (told >= 0 && write(told, "w", 1) != 1)
		return KIK_EIO;
	for (;;)
		pause();
}

/* Runs the slow producer in a child writing `name` the given way; returns its wait status. */
static int child_writes(const char *name, int how, int kill_with)
{
	int fds[2], status;
	pid_t child;
	char byte;
	cr_assert(eq(int, pipe(fds), 0));
	fflush(NULL);
	if ((child = fork()) == 0) {
		told = fds[1];
		kik__write_file_by(plan, in_dir(name), slow, NULL, how);
		_exit(0);
	}
	cr_assert(gt(int, child, 0));
	close(fds[1]);
	if (kill_with) {
		cr_assert(eq(long, (long)read(fds[0], &byte, 1), 1));
		kill(child, kill_with);
	}
	cr_assert(eq(int, waitpid(child, &status, 0), child));
	close(fds[0]);
	return status;
}

Test(file, a_write_killed_by_sigkill_leaves_nothing_behind)
{
	int status;
	cr_assert(eq(int, export_to(in_dir("old.csv")), 0));
	status = child_writes("old.csv", KIK__WRITE_UNNAMED, SIGKILL);
	cr_assert(eq(int, WIFSIGNALED(status) ? WTERMSIG(status) : 0, SIGKILL));
	status = child_writes("new.csv", KIK__WRITE_UNNAMED, SIGKILL);
	cr_assert(eq(int, WIFSIGNALED(status) ? WTERMSIG(status) : 0, SIGKILL));
	cr_assert(eq(str, (char *)listing(), "old.csv"));
	cr_assert(gt(long, (long)(intptr_t)drain((void *)in_dir("old.csv")), 10));
}

Test(file, sigint_and_sigterm_end_a_named_write_only_once_its_file_is_in_place)
{
	static const int signals[] = { SIGINT, SIGTERM };
	size_t k;
	for (k = 0; k < 2; k++) {
		int status;
		raise_signal = signals[k];
		status = child_writes("named.csv", KIK__WRITE_NAMED, 0);
		cr_assert(eq(int, WIFSIGNALED(status) ? WTERMSIG(status) : 0, signals[k]), "status %d", status);
		cr_assert(eq(str, (char *)listing(), "named.csv"));
		cr_assert(eq(long, (long)(intptr_t)drain((void *)in_dir("named.csv")), 20));
		cr_assert(eq(int, unlink(in_dir("named.csv")), 0));
	}
}
