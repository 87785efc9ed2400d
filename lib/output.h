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
/* Text with & < > " ' escaped for HTML and XML, and characters XML does not allow (and
 * terminal controls) as U+FFFD. */
void kik__out_html(kik__out *o, const char *s);
/* Text for a Markdown table cell that shows as written: | \ and the characters of links,
 * images, emphasis, code and HTML escaped, line breaks and TABs as spaces, controls as U+FFFD. */
void kik__out_md(kik__out *o, const char *s);
/* Writes what is buffered and frees the buffer; returns the first error (set on the plan). */
int kik__out_finish(kik__out *o);

/* ---- file.c: writing a file ---------------------------------------------------------
 * Writes `path` through `produce`: a regular file (or a new one) atomically, where nothing
 * is left behind even when the process is killed; a FIFO or device in place; a symbolic
 * link's target (see file.c). 0, or the first error set on the plan. */
typedef int (*kik__producer)(const kik_plan *plan, kik_write_fn write, void *ctx, const void *options);
int kik__write_file(const kik_plan *plan, const char *path, kik__producer produce, const void *options);
/* As kik__write_file with a way of replacing chosen (for tests): an unnamed file linked in
 * when complete (falling back to a named one where the system has none), or a named one. */
enum { KIK__WRITE_UNNAMED = 0, KIK__WRITE_NAMED = 1 };
int kik__write_file_by(const kik_plan *plan, const char *path, kik__producer produce, const void *options, int how);

#endif
