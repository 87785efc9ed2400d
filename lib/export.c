/* Writing the plan as CSV in the import contracts, so that export then import is lossless. */
#include "encoding.h"
#include "import.h"
#include "output.h"

#include <stdio.h>
#include <string.h>

typedef struct writer {
	kik_plan *plan;
	kik_write_fn write;
	void *ctx;
	kik_export_options o;
	kik__buf row, encoded;
	int cells; /* in the current row */
} writer;

static int oom(writer *w)
{
	return kik__error_set(w->plan, KIK_ENOMEM, NULL, "out of memory");
}

static int append(writer *w, const char *s, size_t n)
{
	return kik__buf_append(&w->plan->alloc, &w->row, s, n) < 0 ? oom(w) : 0;
}

/* One cell: defused if a spreadsheet would take it for a formula, quoted if needed. */
static int cell(writer *w, const char *s, int is_text)
{
	int quote = strchr(s, w->o.delimiter) || strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r');
	int err = 0;
	if (w->cells++ && (err = append(w, &w->o.delimiter, 1)) < 0)
		return err;
	if (quote && (err = append(w, "\"", 1)) < 0)
		return err;
	if (is_text && w->o.defuse_formulas && kik__needs_defusing(s) && (err = append(w, "'", 1)) < 0)
		return err;
	/* a quote inside a (then quoted) cell is doubled: the text up to and with each quote,
	 * then the quote again (a byte at a time was most of an export's time) */
	for (;;) {
		const char *q = strchr(s, '"');
		size_t n = q ? (size_t)(q - s) + 1 : strlen(s);
		if ((err = append(w, s, n)) < 0 || (q && (err = append(w, q, 1)) < 0))
			return err;
		if (!q)
			break;
		s = q + 1;
	}
	return quote ? append(w, "\"", 1) : 0;
}

static int number_cell(writer *w, size_t n)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%zu", n);
	return cell(w, buf, 0);
}

/* Converts the row to the output encoding and hands it on. */
static int end_row(writer *w)
{
	const char *out = w->row.data;
	size_t len = w->row.len, i;
	int err = append(w, w->o.crlf ? "\r\n" : "\n", w->o.crlf ? 2 : 1);
	if (err < 0)
		return err;
	out = w->row.data;
	len = w->row.len;
	if (w->o.encoding == KIK_ENCODING_CP1252) {
		w->encoded.len = 0;
		for (i = 0; i < len;) {
			const unsigned char *p = (const unsigned char *)out + i;
			unsigned cp = p[0];
			size_t n = 1;
			int byte;
			char b;
			if (cp >= 0xF0)
				cp = ((cp & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
				     (p[3] & 0x3Fu),
				n = 4;
			else if (cp >= 0xE0)
				cp = ((cp & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), n = 3;
			else if (cp >= 0xC0)
				cp = ((cp & 0x1Fu) << 6) | (p[1] & 0x3Fu), n = 2;
			if ((byte = kik__cp1252_byte(cp)) < 0)
				return kik__error_set(w->plan, KIK_EINVAL, NULL,
						      "character U+%04X cannot be written in Windows-1252: "
						      "export as UTF-8 instead",
						      cp);
			b = (char)byte;
			if (kik__buf_append(&w->plan->alloc, &w->encoded, &b, 1) < 0)
				return oom(w);
			i += n;
		}
		out = w->encoded.data;
		len = w->encoded.len;
	}
	w->row.len = 0;
	w->cells = 0;
	if (w->write(w->ctx, out, len) < 0)
		return kik__error_set(w->plan, KIK_EIO, NULL, "the export could not be written");
	return 0;
}

/* A header or data row from a NULL-terminated list of texts. */
static int row(writer *w, const char *const *cells)
{
	int err = 0;
	for (; *cells && err == 0; cells++)
		err = cell(w, *cells, 1);
	return err ? err : end_row(w);
}

static int export_measures(writer *w)
{
	static const char *const head[] = { "field",   "field_name", "group",  "goal", "goal_text",
					    "measure", "text",       "status", NULL };
	const kik_goal *previous = NULL;
	size_t i;
	int err = row(w, head);
	for (i = 0; err == 0 && i < w->plan->measure_count; i++) {
		const kik_measure *m = kik__plan_measure(w->plan, i);
		const kik_goal *g = m->goal;
		/* A goal's text on its first measure's row only (the importer keeps it for the
		 * rows after): on every row, one long text shared by many measures made the
		 * export hundreds of times the plan's size. */
		const char *cells[9] = { g->field->code,
					 g->field->name,
					 g->group ? g->group->name : "",
					 NULL,
					 g != previous ? g->text : "",
					 kik_measure_number(m),
					 m->text,
					 kik_status_key((kik_status)m->recorded),
					 NULL };
		previous = g;
		char goal[16];
		snprintf(goal, sizeof(goal), "%u", g->number);
		cells[3] = goal;
		err = row(w, cells);
	}
	return err;
}

static int export_tasks(writer *w)
{
	static const char *const head[] = { "field", "measure", "kind", "title", "state", "due", "owner", NULL };
	size_t i, j;
	int err = row(w, head);
	for (i = 0; err == 0 && i < w->plan->measure_count; i++) {
		const kik_measure *m = kik__plan_measure(w->plan, i);
		for (j = 0; err == 0 && j < m->tasks.count; j++) {
			const kik_task *t = kik__measure_task(m, j);
			const char *cells[] = { m->goal->field->code,
						kik_measure_number(m),
						kik_task_kind_key(KIK__TASK_KIND(t)),
						t->title,
						kik_task_state_key(KIK__TASK_STATE(t)),
						kik__attrs_due(w->plan, KIK__TASK_ATTRS(t)),
						kik__attrs_owner(w->plan, KIK__TASK_ATTRS(t)),
						NULL };
			err = row(w, cells);
		}
	}
	return err;
}

static int export_fields(writer *w)
{
	static const char *const head[] = { "code", "name", "aliases", NULL };
	size_t i, j;
	int err = row(w, head);
	for (i = 0; err == 0 && i < w->plan->fields.len; i++) {
		const kik_field *f = w->plan->fields.items[i];
		kik__buf aliases = { NULL, 0, 0 };
		const char *cells[4] = { f->code, f->name, "", NULL };
		for (j = 0; err == 0 && j < f->aliases.len; j++)
			if ((j && kik__buf_append(&w->plan->alloc, &aliases, "|", 1) < 0) ||
			    kik__buf_append(&w->plan->alloc, &aliases, f->aliases.items[j],
					    strlen(f->aliases.items[j])) < 0)
				err = oom(w);
		if (aliases.len)
			cells[2] = aliases.data;
		if (err == 0)
			err = row(w, cells);
		kik__buf_free(&w->plan->alloc, &aliases);
	}
	return err;
}

static int export_published(writer *w)
{
	static const char *const head[] = { "field", "waiting", "in_progress", "implemented", "total", NULL };
	size_t i;
	int k, err = row(w, head);
	for (i = 0; err == 0 && i < w->plan->fields.len; i++) {
		const kik_field *f = w->plan->fields.items[i];
		if (!f->has_published)
			continue;
		err = cell(w, f->code, 1);
		for (k = 0; err == 0 && k < KIK_STATUS_COUNT; k++)
			err = number_cell(w, f->published[k]);
		if (err == 0)
			err = f->published_total ? number_cell(w, f->published_total) : cell(w, "", 0);
		if (err == 0)
			err = end_row(w);
	}
	return err;
}

static int export_plan_info(writer *w)
{
	static const char *const head[] = { "key", "value", NULL };
	const char *name[] = { "name", w->plan->name, NULL }, *as_of[] = { "as_of", w->plan->as_of, NULL };
	int err = row(w, head);
	if (err == 0)
		err = row(w, name);
	return err ? err : row(w, as_of);
}

int kik_plan_export(kik_plan *plan, kik_import_kind kind, kik_write_fn write, void *ctx,
		    const kik_export_options *options)
{
	static const kik_export_options defaults = KIK_EXPORT_OPTIONS_INIT;
	writer w;
	int err;
	if (!plan || !write)
		return KIK_EINVAL;
	kik__error_clear(plan);
	memset(&w, 0, sizeof(w));
	w.plan = plan;
	w.write = write;
	w.ctx = ctx;
	w.o = options ? *options : defaults;
	if (w.o.version < 1 || (w.o.delimiter != ';' && w.o.delimiter != ',' && w.o.delimiter != '\t') ||
	    (w.o.encoding != KIK_ENCODING_UTF8 && w.o.encoding != KIK_ENCODING_CP1252 &&
	     w.o.encoding != KIK_ENCODING_AUTO))
		return kik__error_set(plan, KIK_EINVAL, NULL,
				      "bad export options: expected a version, ';' ',' or TAB, "
				      "and UTF-8 or Windows-1252");
	if (w.o.bom && w.o.encoding != KIK_ENCODING_CP1252 && write(ctx, "\xEF\xBB\xBF", 3) < 0)
		return kik__error_set(plan, KIK_EIO, NULL, "the export could not be written");
	switch (kind) {
	case KIK_IMPORT_MEASURES: err = export_measures(&w); break;
	case KIK_IMPORT_TASKS: err = export_tasks(&w); break;
	case KIK_IMPORT_FIELDS: err = export_fields(&w); break;
	case KIK_IMPORT_PUBLISHED: err = export_published(&w); break;
	case KIK_IMPORT_PLAN_INFO: err = export_plan_info(&w); break;
	default: err = kik__error_set(plan, KIK_EINVAL, NULL, "nothing to export for import kind %d", (int)kind);
	}
	kik__buf_free(&plan->alloc, &w.row);
	kik__buf_free(&plan->alloc, &w.encoded);
	return err;
}

/* kik_plan_export() with the kind and options passed through kik__write_file(). */
typedef struct export_job {
	kik_import_kind kind;
	const kik_export_options *options;
} export_job;

static int produce(kik_plan *plan, kik_write_fn write, void *ctx, const void *job)
{
	const export_job *j = job;
	return kik_plan_export(plan, j->kind, write, ctx, j->options);
}

int kik_plan_export_file(kik_plan *plan, kik_import_kind kind, const char *path, const kik_export_options *options)
{
	export_job job = { kind, options };
	if (!plan || !path)
		return KIK_EINVAL;
	kik__error_clear(plan);
	return kik__write_file(plan, path, produce, &job);
}
