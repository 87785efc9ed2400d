/* Buffered output with a sticky error, and atomic files. */
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { FLUSH_AT = 64 * 1024 };

void kik__out_init(kik__out *o, const kik_plan *plan, kik_write_fn write, void *ctx)
{
	memset(o, 0, sizeof(*o));
	o->plan = plan;
	o->write = write;
	o->ctx = ctx;
}

static void flush(kik__out *o)
{
	if (o->err || !o->buf.len)
		return;
	if (o->write(o->ctx, o->buf.data, o->buf.len) < 0)
		o->err = kik__error_set(o->plan, KIK_EIO, NULL, "the output could not be written");
	o->buf.len = 0;
}

static void put(kik__out *o, const char *s, size_t n)
{
	if (o->err)
		return;
	if (kik__buf_append(&o->plan->alloc, &o->buf, s, n) < 0)
		o->err = kik__error_set(o->plan, KIK_ENOMEM, NULL, "out of memory");
	else if (o->buf.len >= FLUSH_AT)
		flush(o);
}

void kik__out_str(kik__out *o, const char *s)
{
	put(o, s, strlen(s));
}

void kik__out_printf(kik__out *o, const char *fmt, ...)
{
	char small[512], *big;
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n < sizeof(small)) {
		if (n > 0)
			put(o, small, (size_t)n);
		return;
	}
	/* longer than the usual number or label: format again into a buffer of its size */
	if (!(big = kik__malloc(&o->plan->alloc, (size_t)n + 1))) {
		if (!o->err)
			o->err = kik__error_set(o->plan, KIK_ENOMEM, NULL, "out of memory");
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	put(o, big, (size_t)n);
	kik__free(&o->plan->alloc, big);
}

void kik__out_html(kik__out *o, const char *s)
{
	const char *start = s;
	for (; *s; s++) {
		const char *entity = *s == '&'    ? "&amp;"
				     : *s == '<'  ? "&lt;"
				     : *s == '>'  ? "&gt;"
				     : *s == '"'  ? "&quot;"
				     : *s == '\'' ? "&#39;"
						  : NULL;
		if (entity) {
			put(o, start, (size_t)(s - start));
			kik__out_str(o, entity);
			start = s + 1;
		}
	}
	put(o, start, (size_t)(s - start));
}

void kik__out_md(kik__out *o, const char *s)
{
	const char *start = s;
	for (; *s; s++) {
		const char *replacement = *s == '|'                  ? "\\|"
					  : *s == '\\'               ? "\\\\"
					  : *s == '\n' || *s == '\r' ? " "
					  : *s == '<'                ? "&lt;"
								     : NULL;
		if (replacement) {
			put(o, start, (size_t)(s - start));
			kik__out_str(o, replacement);
			start = s + 1;
		}
	}
	put(o, start, (size_t)(s - start));
}

int kik__out_finish(kik__out *o)
{
	flush(o);
	kik__buf_free(&o->plan->alloc, &o->buf);
	return o->err;
}

static int write_file(void *ctx, const char *data, size_t size)
{
	return fwrite(data, 1, size, (FILE *)ctx) == size ? 0 : -1;
}

int kik__write_file(const kik_plan *plan, const char *path, kik__producer produce, const void *options)
{
	static const char suffix[] = ".tmp-XXXXXX";
	kik__pos pos = { path, 0, 0 };
	struct stat st;
	char *tmp;
	FILE *f;
	int fd, err;
	if (!(tmp = kik__malloc(&plan->alloc, strlen(path) + sizeof(suffix))))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	strcpy(tmp, path);
	strcat(tmp, suffix);
	/* write beside the target, then rename: readers never see half a file */
	if ((fd = mkstemp(tmp)) < 0 || !(f = fdopen(fd, "wb"))) {
		err = kik__error_os(KIK_EIO, &pos, errno, "cannot create a file beside it: %s", strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		kik__free(&plan->alloc, tmp);
		return err;
	}
	/* mkstemp makes the file private; give it the target's mode, or the usual one */
	fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : 0644);
	err = produce(plan, write_file, f, options);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0)
		err = err ? err : kik__error_os(KIK_EIO, &pos, errno, "cannot write: %s", strerror(errno));
	if (fclose(f) != 0 && err == 0)
		err = kik__error_os(KIK_EIO, &pos, errno, "cannot write: %s", strerror(errno));
	if (err == 0 && rename(tmp, path) != 0)
		err = kik__error_os(KIK_EIO, &pos, errno, "cannot replace the file: %s", strerror(errno));
	if (err < 0)
		unlink(tmp);
	kik__free(&plan->alloc, tmp);
	return err;
}
