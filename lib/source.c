/* Sources of bytes: regular files through pread() (which threads may share), memory as
 * it is, and streams read whole first, since a pipe cannot be read at an offset. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void kik__source_memory(kik__source *s, const char *data, size_t size)
{
	memset(s, 0, sizeof(*s));
	s->fd = -1;
	s->data = data;
	s->size = size;
}

/* Reads a stream whole, up to `most` bytes. It stops early at a NUL byte, which no reading
 * accepts: the bytes read so far end with it, so the reader fails there as on the whole
 * stream, and an endless stream of zeros (/dev/zero) fails at once. */
static int slurp(kik__source *s, const kik_allocator *a, int fd, uint64_t most)
{
	size_t len = 0, cap = most < 64 * 1024 ? (size_t)most + 1 : 64 * 1024;
	char *buf = kik__malloc(a, cap);
	for (;;) {
		ssize_t n;
		if (!buf)
			return KIK_ENOMEM;
		if (len == cap) {
			/* grow up to one byte past the limit: reading that byte is exceeding it */
			size_t more = cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;
			char *bigger;
			if ((uint64_t)more > most + 1)
				more = (size_t)(most + 1);
			if (!(bigger = kik__realloc(a, buf, more))) {
				kik__free(a, buf);
				return KIK_ENOMEM;
			}
			buf = bigger;
			cap = more;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			kik__free(a, buf);
			return KIK_EIO;
		}
		if (n == 0 || memchr(buf + len, '\0', (size_t)n)) {
			len += (size_t)n;
			break;
		}
		len += (size_t)n;
		if (len > most) {
			kik__free(a, buf);
			return KIK_ELIMIT;
		}
	}
	s->owned = buf;
	s->data = buf;
	s->size = len;
	return 0;
}

int kik__source_file(kik__source *s, const kik_allocator *a, const char *path, uint64_t most)
{
	struct stat st;
	int fd, err, saved;
	kik__source_memory(s, NULL, 0);
	do
		fd = open(path, O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return KIK_EIO;
	if (fstat(fd, &st) < 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return KIK_EIO;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return KIK_EIO;
	}
	if (S_ISREG(st.st_mode)) {
		s->fd = fd;
		s->size = (uint64_t)st.st_size;
		return 0;
	}
	saved = errno;
	err = slurp(s, a, fd, most);
	if (err == KIK_EIO)
		saved = errno;
	close(fd);
	errno = saved;
	return err;
}

long kik__source_read(const kik__source *s, char *buf, size_t cap, uint64_t offset)
{
	size_t done = 0;
	if (s->fd < 0) {
		size_t n = offset >= s->size ? 0 : (size_t)(s->size - offset < cap ? s->size - offset : cap);
		memcpy(buf, s->data + offset, n);
		return (long)n;
	}
	while (done < cap) { /* a file may be shorter than it was at open: its end is the end */
		ssize_t n = pread(s->fd, buf + done, cap - done, (off_t)(offset + done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (long)done;
}

void kik__source_close(kik__source *s, const kik_allocator *a)
{
	if (s->fd >= 0)
		close(s->fd);
	kik__free(a, s->owned);
	kik__source_memory(s, NULL, 0);
}
