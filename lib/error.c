/* Error details: one slot per thread behind kik_error_last(). Every call that returns a
 * code clears it on entry and fills it on failure, so it always speaks of the last such
 * call on the thread; a slot per thread lets read-only calls share a plan across threads. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static _Thread_local kik__error_slot last;

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
	case KIK_EEXISTS: return "already exists";
	case KIK_ENOTEMPTY: return "not empty";
	case KIK_EBUSY: return "busy";
	case KIK_ECORRUPT: return "damaged or not a libkik file";
	case KIK_EVERSION: return "written by a newer version";
	case KIK_EREADONLY: return "read-only";
	default: return "unknown error";
	}
}

const kik_error *kik_error_last(void)
{
	return last.set ? &last.pub : NULL;
}

void kik_error_clear(void)
{
	last.set = 0;
}

void kik__error_clear(const kik_plan *plan)
{
	(void)plan;
	last.set = 0;
}

int kik__error_vset(int code, const kik__pos *pos, int os_error, const char *fmt, va_list ap)
{
	/* formatted aside first: an argument may be the slot's own message or file */
	char message[sizeof(last.message)];
	int n = vsnprintf(message, sizeof(message), fmt, ap);
	if (n >= (int)sizeof(message)) /* cut short: not in the middle of a character */
		kik__utf8_cut(message, sizeof(message) - 1);
	if (pos && pos->file && pos->file != last.file) {
		size_t len = strlen(pos->file);
		if (len >= sizeof(last.file)) /* longer than any path the system opens */
			len = sizeof(last.file) - 1;
		memmove(last.file, pos->file, len);
		last.file[len] = '\0';
		kik__utf8_cut(last.file, len);
	}
	/* messages quote cells of files: none may retitle or clear the terminal they reach */
	kik__visible(last.message, sizeof(last.message), message);
	last.set = 1;
	last.pub.code = code;
	last.pub.message = last.message;
	last.pub.file = pos && pos->file ? last.file : NULL;
	last.pub.line = pos ? pos->line : 0;
	last.pub.column = pos ? pos->column : 0;
	last.pub.os_error = os_error;
	return code;
}

int kik__error_set(const kik_plan *plan, int code, const kik__pos *pos, const char *fmt, ...)
{
	va_list ap;
	(void)plan;
	va_start(ap, fmt);
	code = kik__error_vset(code, pos, 0, fmt, ap);
	va_end(ap);
	return code;
}

int kik__error_os(int code, const kik__pos *pos, int os_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	code = kik__error_vset(code, pos, os_error, fmt, ap);
	va_end(ap);
	return code;
}

int kik__error_arg(const char *what)
{
	return kik__error_set(NULL, KIK_EINVAL, NULL, "%s", what);
}

const kik__error_slot *kik__error_slot_last(void)
{
	return &last;
}

void kik__error_restore(const kik__error_slot *slot)
{
	last = *slot;
	last.pub.message = last.message;
	if (last.pub.file)
		last.pub.file = last.file;
}
