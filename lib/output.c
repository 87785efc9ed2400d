/* Buffered output with a sticky error, for reports. */
#include "encoding.h"
#include "output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Writes s with each ASCII character `replace` names replaced, and every character that
 * text must not carry (controls but TAB and line breaks, DEL, C1 controls, U+FFFE, U+FFFF,
 * bytes that are not UTF-8) as U+FFFD: it is not well-formed XML, and it can act on a
 * terminal that shows the page. */
static void put_text(kik__out *o, const char *s, const char *(*replace)(char c))
{
	static const char replacement[] = "\xEF\xBF\xBD";
	const unsigned char *p = (const unsigned char *)s, *start = p;
	size_t left = strlen(s);
	while (*p) {
		const char *with = *p < 0x80 ? replace((char)*p) : NULL;
		size_t n = 1;
		int bad = (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F;
		if (*p >= 0x80) {
			int seq = kik__utf8_sequence(p, left);
			bad = seq <= 0 || (p[0] == 0xC2 && p[1] < 0xA0) ||
			      (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF));
			n = seq > 0 ? (size_t)seq : 1;
		}
		if (with || bad) {
			put(o, (const char *)start, (size_t)(p - start));
			kik__out_str(o, with ? with : replacement);
			start = p + n;
		}
		p += n;
		left -= n;
	}
	put(o, (const char *)start, (size_t)(p - start));
}

static const char *html_entity(char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return NULL;
	}
}

void kik__out_html(kik__out *o, const char *s)
{
	put_text(o, s, html_entity);
}

/* Markdown: a table cell's | and line breaks; and every character that makes markup
 * (links and images [..](..), emphasis, code, HTML, entities) escaped, so that a text from
 * the data shows as written and cannot link or load anything. */
static const char *markdown_escape(char c)
{
	switch (c) {
	case '|': return "\\|";
	case '\\': return "\\\\";
	case '\n':
	case '\r':
	case '\t': return " ";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '&': return "&amp;";
	case '[': return "\\[";
	case ']': return "\\]";
	case '*': return "\\*";
	case '_': return "\\_";
	case '`': return "\\`";
	case '~': return "\\~";
	default: return NULL;
	}
}

void kik__out_md(kik__out *o, const char *s)
{
	put_text(o, s, markdown_escape);
}

int kik__out_finish(kik__out *o)
{
	flush(o);
	kik__buf_free(&o->plan->alloc, &o->buf);
	return o->err;
}
