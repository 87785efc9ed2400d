/* Buffered text output through a kik_write_fn, with a sticky error, for reports. */
#ifndef KIK_OUTPUT_H
#define KIK_OUTPUT_H

#include "internal.h"

typedef struct kik__out {
	const kik_plan *plan;
	kik_write_fn write;
	void *ctx;
	kik__buf buf;
	int err; /* the first failure; later calls do nothing */
} kik__out;

void kik__out_init(kik__out *o, const kik_plan *plan, kik_write_fn write, void *ctx);
void kik__out_str(kik__out *o, const char *s);
void kik__out_printf(kik__out *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Text with & < > " ' escaped for HTML and XML. */
void kik__out_html(kik__out *o, const char *s);
/* Text for a Markdown table cell: | and \ escaped, line breaks as spaces. */
void kik__out_md(kik__out *o, const char *s);
/* Writes what is buffered and frees the buffer; returns the first error (set on the plan). */
int kik__out_finish(kik__out *o);

/* Writes a file through `produce`, atomically: a temporary file beside `path`, renamed
 * when complete, removed on failure. */
typedef int (*kik__producer)(const kik_plan *plan, kik_write_fn write, void *ctx, const void *options);
int kik__write_file(const kik_plan *plan, const char *path, kik__producer produce, const void *options);

#endif
