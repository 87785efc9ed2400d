/* Per-plan error details: the side channel behind kik_plan_last_error(). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

const char *kik_error_code_name(int code)
{
	switch (code) {
	case KIK_OK: return "success";
	case KIK_ENOMEM: return "out of memory";
	case KIK_EINVAL: return "invalid argument";
	case KIK_EPARSE: return "invalid input";
	case KIK_EIO: return "input/output error";
	case KIK_ENOTFOUND: return "not found";
	case KIK_ELIMIT: return "limit exceeded";
	default: return "unknown error";
	}
}

void kik__error_clear(kik_plan *plan)
{
	plan->error.set = 0;
}

int kik__error_set(kik_plan *plan, int code, const kik__pos *pos, const char *fmt, ...)
{
	kik__error_slot *e = &plan->error;
	char message[sizeof(e->message)];
	va_list ap;
	/* Into a buffer of its own first: an argument may be the plan's own message (an error
	 * passed on with a position), and formatting a buffer into itself lost it. */
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	/* messages quote cells of files: none may retitle or clear the terminal they reach */
	kik__visible(e->message, sizeof(e->message), message);
	e->set = 1;
	e->pub.code = code;
	e->pub.message = e->message;
	e->pub.file = NULL;
	e->pub.line = e->pub.column = 0;
	if (pos) {
		if (pos->file) {
			if (pos->file != e->file)
				snprintf(e->file, sizeof(e->file), "%s", pos->file);
			e->pub.file = e->file;
		}
		e->pub.line = pos->line;
		e->pub.column = pos->column;
	}
	return code;
}

void kik__error_copy(kik_plan *to, const kik_plan *from)
{
	to->error = from->error;
	to->error.pub.message = to->error.message;
	if (to->error.pub.file)
		to->error.pub.file = to->error.file;
}

const kik_error *kik_plan_last_error(const kik_plan *plan)
{
	if (!plan || !plan->error.set)
		return NULL;
	return &plan->error.pub;
}
