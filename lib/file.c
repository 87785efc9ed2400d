/* Writing a file (export, report): a regular file is replaced atomically, anything else
 * written in place.
 *
 * - A regular file, or a name not taken yet, is written into an unnamed file in the same
 *   directory (Linux O_TMPFILE) that is linked in under the name only once complete: a
 *   reader never sees half a file, and a process killed on the way (even by SIGKILL)
 *   leaves nothing behind. Where O_TMPFILE is not to be had, a named temporary file
 *   ".kik-XXXXXXXXXXXX" is used, with SIGINT, SIGTERM, SIGHUP and SIGQUIT held back in
 *   the calling thread while it exists, so that they end the process only once it is
 *   renamed or removed.
 * - A FIFO, a device or a socket is written in place, never replaced (-o /dev/null stays
 *   the device).
 * - A symbolic link is followed: its target is written as above and the link stays. A
 *   link that points to nothing is refused.
 * - A new file gets 0666 less the umask; a replaced file keeps its permission bits (not
 *   setuid, setgid or sticky) and, where allowed, its owner and group. */
#define _GNU_SOURCE /* O_TMPFILE, linkat() */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct stream {
	FILE *f;
	int error; /* errno of the first failed write, 0 if none */
} stream;

static int write_stream(void *ctx, const char *data, size_t size)
{
	stream *s = ctx;
	if (fwrite(data, 1, size, s->f) == size)
		return 0;
	s->error = errno;
	return -1;
}

static int io_error(const kik_plan *plan, const char *path, const char *what)
{
	kik__pos pos = { path, 0, 0 };
	(void)plan;
	return kik__error_os(KIK_EIO, &pos, errno, "%s: %s", what, strerror(errno));
}

/* Runs `produce` into fd (which it closes): 0, or the first error set on the plan. */
static int produce_into(const kik_plan *plan, const char *path, int fd, int sync, kik__producer produce,
			const void *options)
{
	stream s = { fdopen(fd, "wb"), 0 };
	int err;
	if (!s.f) {
		err = io_error(plan, path, "cannot write");
		close(fd);
		return err;
	}
	err = produce(plan, write_stream, &s, options);
	if (s.error) { /* say which file and why, not only that the output failed */
		errno = s.error;
		err = io_error(plan, path, "cannot write");
	}
	if ((fflush(s.f) != 0 || (sync && fsync(fileno(s.f)) != 0)) && err == 0)
		err = io_error(plan, path, "cannot write");
	if (fclose(s.f) != 0 && err == 0)
		err = io_error(plan, path, "cannot write");
	return err;
}

/* The directory part of path ("." for a bare name), into dir[PATH_MAX]. */
static int directory_of(const char *path, char *dir)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 1;
	if (n >= PATH_MAX)
		return -1;
	if (!slash)
		memcpy(dir, ".", 2);
	else if (n == 0)
		memcpy(dir, "/", 2);
	else {
		memcpy(dir, path, n);
		dir[n] = '\0';
	}
	return 0;
}

/* A name for a temporary file in dir: dir/.kik-XXXXXXXXXXXX. */
static int temporary_name(const char *dir, char *name, size_t cap)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	kik__hash_key random;
	char suffix[13];
	int k;
	kik__hash_key_new(&random, name);
	for (k = 0; k < 12; k++)
		suffix[k] = digits[((k < 6 ? random.k0 : random.k1) >> (10 * (k % 6))) % 36];
	suffix[12] = '\0';
	return snprintf(name, cap, "%s/.kik-%s", dir, suffix) < (int)cap ? 0 : -1;
}

/* A replaced file's permission bits (without setuid, setgid, sticky) and owner, on fd. */
static void keep_mode(int fd, const struct stat *old)
{
	if (!old)
		return; /* a new file: 0666 less the umask, from its creation */
	/* the owner and group where allowed (as root), else the group where allowed */
	if (fchown(fd, old->st_uid, old->st_gid) != 0 && fchown(fd, (uid_t)-1, old->st_gid) != 0)
		errno = 0; /* not allowed: the new file is the writer's */
	if (fchmod(fd, old->st_mode & 0777) != 0)
		errno = 0; /* then it has 0666 less the umask */
}

/* The signals that end a process from the terminal or by request, held back while a named
 * temporary file exists. */
static void hold_signals(sigset_t *before)
{
	sigset_t ending;
	sigemptyset(&ending);
	sigaddset(&ending, SIGINT);
	sigaddset(&ending, SIGTERM);
	sigaddset(&ending, SIGHUP);
	sigaddset(&ending, SIGQUIT);
	pthread_sigmask(SIG_BLOCK, &ending, before);
}

/* Writes path through a named temporary file beside it, renamed over it when complete. */
static int replace_by_name(const kik_plan *plan, const char *path, const char *dir, const struct stat *old,
			   kik__producer produce, const void *options)
{
	char tmp[PATH_MAX];
	sigset_t before;
	int fd = -1, tries, err;
	hold_signals(&before);
	for (tries = 0; fd < 0 && tries < 16; tries++) {
		if (temporary_name(dir, tmp, sizeof(tmp)) < 0) {
			errno = ENAMETOOLONG;
			break;
		}
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		err = io_error(plan, path, "cannot create a file beside it");
		pthread_sigmask(SIG_SETMASK, &before, NULL);
		return err;
	}
	keep_mode(fd, old);
	err = produce_into(plan, path, fd, 1, produce, options);
	if (err == 0 && rename(tmp, path) != 0)
		err = io_error(plan, path, "cannot replace the file");
	if (err < 0)
		unlink(tmp);
	pthread_sigmask(SIG_SETMASK, &before, NULL); /* a signal held back ends the process now */
	return err;
}

/* Links the complete unnamed file fd in under path: directly when the name is free (one
 * step), else under a temporary name renamed over path. 1 when linking is not possible
 * here (no /proc: the caller writes by name instead). */
static int link_in(const kik_plan *plan, const char *path, const char *dir, int fd)
{
	char proc[64], tmp[PATH_MAX];
	int tries;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != EEXIST)
		return errno == ENOENT && access(proc, F_OK) != 0 ? 1 : io_error(plan, path, "cannot create the file");
	for (tries = 0; tries < 16; tries++) {
		if (temporary_name(dir, tmp, sizeof(tmp)) < 0) {
			errno = ENAMETOOLONG;
			break;
		}
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0) {
			/* the only moment a name of ours exists: between these two calls */
			if (rename(tmp, path) == 0)
				return 0;
			tries = errno;
			unlink(tmp);
			errno = tries;
			break;
		}
		if (errno != EEXIST)
			break;
	}
	return io_error(plan, path, "cannot replace the file");
}

/* Writes a regular file (or a new one) atomically. */
static int replace(const kik_plan *plan, const char *path, const struct stat *old, kik__producer produce,
		   const void *options, int how)
{
	char dir[PATH_MAX];
	if (directory_of(path, dir) < 0) {
		errno = ENAMETOOLONG;
		return io_error(plan, path, "cannot create the file");
	}
#if defined(O_TMPFILE)
	if (how == KIK__WRITE_UNNAMED && access("/proc/self/fd", X_OK) == 0) {
		int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666), dup_fd, err;
		if (fd >= 0) {
			keep_mode(fd, old);
			/* a second descriptor to link by: producing closes the first */
			if ((dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0) {
				err = io_error(plan, path, "cannot write");
				close(fd);
				return err;
			}
			err = produce_into(plan, path, fd, 1, produce, options);
			if (err == 0 && (err = link_in(plan, path, dir, dup_fd)) == 1)
				err = replace_by_name(plan, path, dir, old, produce, options);
			close(dup_fd);
			return err;
		}
		/* file systems without unnamed files say so in one of these ways */
		if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOENT)
			return io_error(plan, path, "cannot create a file beside it");
	}
#else
	(void)how;
#endif
	return replace_by_name(plan, path, dir, old, produce, options);
}

int kik__write_file_by(const kik_plan *plan, const char *path, kik__producer produce, const void *options, int how)
{
	char target[PATH_MAX];
	struct stat st;
	int fd;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* follow the link: its target is written, the link stays */
		if (!realpath(path, target)) /* ENOENT: it points to nothing, which is refused */
			return io_error(plan, path, "cannot follow the symbolic link");
		path = target;
	}
	if (stat(path, &st) != 0) {
		if (errno != ENOENT)
			return io_error(plan, path, "cannot write");
		return replace(plan, path, NULL, produce, options, how);
	}
	if (S_ISREG(st.st_mode))
		return replace(plan, path, &st, produce, options, how);
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return io_error(plan, path, "cannot write");
	}
	/* a FIFO, a device, a socket: in place (opening a FIFO waits for its reader) */
	if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		return io_error(plan, path, "cannot open");
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) { /* it became a file meanwhile */
		close(fd);
		return replace(plan, path, &st, produce, options, how);
	}
	return produce_into(plan, path, fd, 0, produce, options);
}

int kik__write_file(const kik_plan *plan, const char *path, kik__producer produce, const void *options)
{
	return kik__write_file_by(plan, path, produce, options, KIK__WRITE_UNNAMED);
}
