/* Writing the plan as CSV in the import contracts, so that export then import is lossless. */
#include "encoding.h"
#include "export.h"
#include "import.h"
#include "output.h"

#include <stdio.h>
#include <string.h>

typedef struct writer {
	const kik_plan *plan;
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
			size_t n;
			int byte;
			char b;
			n = cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : cp >= 0xC0 ? 2 : 1;
			if (n > len - i) /* the plan's strings are checked UTF-8: only a bug gets here */
				return kik__error_set(w->plan, KIK_EINVAL, NULL, "a text is not valid UTF-8");
			if (n == 4)
				cp = ((cp & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
				     (p[3] & 0x3Fu);
			else if (n == 3)
				cp = ((cp & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
			else if (n == 2)
				cp = ((cp & 0x1Fu) << 6) | (p[1] & 0x3Fu);
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

/* The name of a status, kind or state as the options ask for. */
static const char *status_name(const writer *w, kik_status s)
{
	return w->o.labels == KIK_EXPORT_GERMAN ? kik_status_label(s, KIK_LANG_DE) : kik_status_key(s);
}

static const char *kind_name(const writer *w, kik_task_kind k)
{
	return w->o.labels == KIK_EXPORT_GERMAN ? kik_task_kind_label(k, KIK_LANG_DE) : kik_task_kind_key(k);
}

static const char *state_name(const writer *w, kik_task_state s)
{
	return w->o.labels == KIK_EXPORT_GERMAN ? kik_task_state_label(s, KIK_LANG_DE) : kik_task_state_key(s);
}

/* A header in English keys or German names (both of which the importers accept). */
static int header(writer *w, const char *const *keys, const char *const *german)
{
	return row(w, w->o.labels == KIK_EXPORT_GERMAN ? german : keys);
}

static int export_measures(writer *w)
{
	static const char *const head[] = { "field",   "field_name", "group",  "goal", "goal_text",
					    "measure", "text",       "status", NULL };
	static const char *const head_de[] = { "Handlungsfeld",
					       "Name des Handlungsfelds",
					       "Gruppe",
					       "Ziel",
					       "Zieltext",
					       "Nummer",
					       "Maßnahme",
					       "Status",
					       NULL };
	const kik_group *above = NULL; /* the group of the row above in the same field */
	const kik_field *field = NULL;
	const kik_goal *previous = NULL; /* the goal of the row above */
	size_t i;
	int err = header(w, head, head_de);
	for (i = 0; err == 0 && i < w->plan->measure_count; i++) {
		const kik_measure *m = kik__plan_measure(w->plan, i);
		const kik_goal *g = m->goal;
		kik_status status = w->o.status == KIK_EXPORT_DERIVED ? kik_measure_status(m) : (kik_status)m->recorded;
		/* An empty group cell continues the group above (as office files have it): a goal of
		 * no group after one of a group says so with "-". */
		const char *group = g->group ? g->group->name : above && g->field == field ? "-" : "";
		/* A goal's text on its first measure's row only (the importer keeps it for the rows
		 * after): on every row, one long text shared by many measures made the export
		 * hundreds of times the plan's size. */
		const char *cells[9] = { g->field->code,
					 g->field->name,
					 group,
					 NULL,
					 g != previous ? g->text : "",
					 kik_measure_number(m),
					 m->text,
					 status_name(w, status),
					 NULL };
		previous = g;
		char goal[16];
		snprintf(goal, sizeof(goal), "%u", g->number);
		cells[3] = goal;
		above = g->group;
		field = g->field;
		err = row(w, cells);
	}
	return err;
}

static int export_tasks(writer *w)
{
	static const char *const head[] = { "task_id", "field", "measure", "kind", "title",
					    "state",   "due",   "owner",   NULL };
	static const char *const head_de[] = { "Auftrags-Nr", "Handlungsfeld", "Nummer",         "Art", "Titel",
					       "Stand",       "fällig",        "verantwortlich", NULL };
	size_t i, j;
	int err = header(w, head, head_de);
	for (i = 0; err == 0 && i < w->plan->measure_count; i++) {
		const kik_measure *m = kik__plan_measure(w->plan, i);
		for (j = 0; err == 0 && j < m->tasks.count; j++) {
			const kik_task *t = kik__measure_task(m, j);
			char id[16];
			const char *cells[] = { id,
						m->goal->field->code,
						kik_measure_number(m),
						kind_name(w, KIK__TASK_KIND(t)),
						t->title,
						state_name(w, KIK__TASK_STATE(t)),
						kik__attrs_due(w->plan, KIK__TASK_ATTRS(t)),
						kik__attrs_owner(w->plan, KIK__TASK_ATTRS(t)),
						NULL };
			snprintf(id, sizeof(id), "%lu", (unsigned long)t->id);
			err = row(w, cells);
		}
	}
	return err;
}

static int export_fields(writer *w)
{
	static const char *const head[] = { "code", "name", "aliases", NULL };
	static const char *const head_de[] = { "Kürzel", "Handlungsfeld", "Aliasse", NULL };
	size_t i, j;
	int err = header(w, head, head_de);
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
	static const char *const head_de[] = { "Handlungsfeld", "wartend", "in Bearbeitung",
					       "implementiert", "gesamt",  NULL };
	size_t i;
	int k, err = header(w, head, head_de);
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
	static const char *const head_de[] = { "Schlüssel", "Wert", NULL };
	char last[16];
	const char *name[] = { "name", kik_plan_name(w->plan), NULL },
		   *as_of[] = { "as_of", kik_plan_as_of(w->plan), NULL },
		   *rule[] = { "rule", kik_rule_key(w->plan->rule), NULL }, *last_id[] = { "last_task_id", last, NULL },
		   *title[] = { "title", kik_plan_title(w->plan), NULL },
		   *office[] = { "office", kik_plan_office(w->plan), NULL };
	int err = header(w, head, head_de);
	/* the id given last: a reloaded plan does not give the ids of removed tasks again */
	snprintf(last, sizeof(last), "%lu", (unsigned long)w->plan->last_task_id);
	if (err == 0)
		err = row(w, name);
	if (err == 0)
		err = row(w, as_of);
	if (err == 0)
		err = row(w, rule);
	if (err == 0)
		err = row(w, last_id);
	/* the report's (kik/content.h), when set */
	if (err == 0 && *title[1])
		err = row(w, title);
	return err || !*office[1] ? err : row(w, office);
}

/* ---- for the exporters of the report's content (export_content.c) ---------------- */

int kik__export_cell(writer *w, const char *text)
{
	return cell(w, text, 1);
}

int kik__export_number(writer *w, const char *number)
{
	return cell(w, number, 0);
}

int kik__export_end_row(writer *w)
{
	return end_row(w);
}

int kik__export_header(writer *w, const char *const *keys, const char *const *german)
{
	return header(w, keys, german);
}

int kik__export_german(const writer *w)
{
	return w->o.labels == KIK_EXPORT_GERMAN;
}

const kik_plan *kik__export_plan(const writer *w)
{
	return w->plan;
}

int kik__export_oom(writer *w)
{
	return oom(w);
}

/* Checks export options and copies them by their version (defaults for NULL); errors set. */
static int read_options(const kik_export_options *in, kik_export_options *out)
{
	static const kik_export_options defaults = KIK_EXPORT_OPTIONS_INIT;
	*out = defaults;
	if (!in)
		return 0;
	if (in->version < 1 || in->version > KIK_EXPORT_OPTIONS_VERSION)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "export options of version %u: expected 1 to %u",
				      in->version, KIK_EXPORT_OPTIONS_VERSION);
	*out = *in; /* every member is in version 1 */
	if (out->delimiter != ';' && out->delimiter != ',' && out->delimiter != '\t')
		return kik__error_set(NULL, KIK_EINVAL, NULL, "delimiter '%c': expected ';', ',' or TAB",
				      out->delimiter > ' ' && out->delimiter < 127 ? out->delimiter : '?');
	if (out->encoding != KIK_ENCODING_UTF8 && out->encoding != KIK_ENCODING_CP1252)
		return kik__error_set(NULL, KIK_EINVAL, NULL,
				      "encoding %d: expected KIK_ENCODING_UTF8 or KIK_ENCODING_CP1252",
				      (int)out->encoding);
	if (out->bom && out->encoding != KIK_ENCODING_UTF8)
		return kik__error_arg("a byte order mark is for UTF-8 only");
	if ((unsigned)out->bom > 1 || (unsigned)out->crlf > 1 || (unsigned)out->defuse_formulas > 1)
		return kik__error_arg("bom, crlf and defuse_formulas are 0 or 1");
	if ((unsigned)out->status > KIK_EXPORT_DERIVED || (unsigned)out->labels > KIK_EXPORT_GERMAN)
		return kik__error_arg("status is KIK_EXPORT_RECORDED or _DERIVED, labels KIK_EXPORT_KEYS or _GERMAN");
	return 0;
}

int kik_plan_export(const kik_plan *plan, kik_import_kind kind, kik_write_fn write, void *ctx,
		    const kik_export_options *options)
{
	writer w;
	int err;
	kik__error_clear(plan);
	if (!plan || !write)
		return kik__error_arg(plan ? "write is NULL" : "the plan is NULL");
	memset(&w, 0, sizeof(w));
	w.plan = plan;
	w.write = write;
	w.ctx = ctx;
	if (read_options(options, &w.o) < 0)
		return KIK_EINVAL;
	if (w.o.bom && write(ctx, "\xEF\xBB\xBF", 3) < 0)
		return kik__error_set(plan, KIK_EIO, NULL, "the export could not be written");
	switch (kind) {
	case KIK_IMPORT_MEASURES: err = export_measures(&w); break;
	case KIK_IMPORT_TASKS: err = export_tasks(&w); break;
	case KIK_IMPORT_FIELDS: err = export_fields(&w); break;
	case KIK_IMPORT_PUBLISHED: err = export_published(&w); break;
	case KIK_IMPORT_PLAN_INFO: err = export_plan_info(&w); break;
	default:
		err = KIK__CONTENT_KIND(kind)
			  ? kik__export_content(&w, kind)
			  : kik__error_set(plan, KIK_EINVAL, NULL, "nothing to export for import kind %d", (int)kind);
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

static int produce(const kik_plan *plan, kik_write_fn write, void *ctx, const void *job)
{
	const export_job *j = job;
	return kik_plan_export(plan, j->kind, write, ctx, j->options);
}

int kik_plan_export_file(const kik_plan *plan, kik_import_kind kind, const char *path,
			 const kik_export_options *options)
{
	kik_export_options o;
	export_job job = { kind, &o };
	kik__error_clear(plan);
	if (!plan || !path)
		return kik__error_arg(plan ? "the path is NULL" : "the plan is NULL");
	if (read_options(options, &o) < 0)
		return KIK_EINVAL;
	return kik__write_file(plan, path, produce, &job);
}
