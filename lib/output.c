/* Buffered output with a sticky error, for reports. */
#include "output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FLUSH_AT = 64 * 1024 };

void kik__out_init(kik__out *o, kik_plan *plan, kik_write_fn write, void *ctx)
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
