/* Writing the report's content as CSV in its contracts, which its importers read back. */
#include "content.h"
#include "export.h"
#include "import.h"

#include <stdio.h>
#include <string.h>

/* One row from a NULL-terminated list of texts. */
static int row(struct writer *w, const char *const *cells)
{
	int err = 0;
	for (; *cells && err == 0; cells++)
		err = kik__export_cell(w, *cells);
	return err ? err : kik__export_end_row(w);
}

/* The items of a list joined with "|". */
static int join(struct writer *w, const kik__vec *items, kik__item_name name, kik__buf *out)
{
	return kik__content_join(&kik__export_plan(w)->alloc, out, items, name) < 0 ? kik__export_oom(w) : 0;
}

static int export_notes(struct writer *w)
{
	static const char *const head[] = { "field", "goal", "measure", "current_state", "outlook", NULL };
	static const char *const head_de[] = {
		"Handlungsfeld", "Ziel", "Maßnahme", "Aktueller Stand", "Ausblick", NULL
	};
	const kik_plan *plan = kik__export_plan(w);
	size_t i;
	int err = kik__export_header(w, head, head_de);
	for (i = 0; err == 0 && i < plan->content.notes.len; i++) {
		const struct kik_note *n = plan->content.notes.items[i];
		char goal[16];
		const char *cells[] = {
			n->goal->field->code, goal,       n->measure ? kik_measure_number(n->measure) : "",
			n->current_state,     n->outlook, NULL
		};
		snprintf(goal, sizeof(goal), "%u", n->goal->number);
		err = row(w, cells);
	}
	return err;
}

static int export_field_notes(struct writer *w)
{
	static const char *const head[] = { "field", "section", "title", "text", NULL };
	static const char *const head_de[] = { "Handlungsfeld", "Abschnitt", "Titel", "Text", NULL };
	const kik_plan *plan = kik__export_plan(w);
	kik_lang lang = kik__export_german(w) ? KIK_LANG_DE : KIK_LANG_EN;
	size_t i;
	int err = kik__export_header(w, head, head_de);
	for (i = 0; err == 0 && i < plan->content.field_notes.len; i++) {
		const struct kik_field_note *n = plan->content.field_notes.items[i];
		const char *cells[] = { n->field ? n->field->code : "",
					lang == KIK_LANG_DE ? kik_field_note_kind_label(n->kind, lang)
							    : kik_field_note_kind_key(n->kind),
					n->title, n->text, NULL };
		err = row(w, cells);
	}
	return err;
}

static int export_projects(struct writer *w)
{
	static const char *const head[] = { "project", "field",    "organisation", "description", "start",
					    "end",     "measures", "goals",        NULL };
	static const char *const head_de[] = { "Projekt",   "Handlungsfeld", "Träger", "Beschreibung", "Beginn", "Ende",
					       "Maßnahmen", "Ziele",         NULL };
	const kik_plan *plan = kik__export_plan(w);
	kik__buf organisations = { NULL, 0, 0 }, measures = { NULL, 0, 0 }, goals = { NULL, 0, 0 };
	size_t i;
	int err = kik__export_header(w, head, head_de);
	for (i = 0; err == 0 && i < plan->content.projects.len; i++) {
		const struct kik_project *p = plan->content.projects.items[i];
		if ((err = join(w, &p->organisations, kik__name_text, &organisations)) == 0 &&
		    (err = join(w, &p->measures, kik__name_measure, &measures)) == 0 &&
		    (err = join(w, &p->goals, kik__name_goal, &goals)) == 0) {
			const char *cells[] = { p->name,
						p->field ? p->field->code : "",
						organisations.data,
						p->description,
						p->start,
						p->end,
						measures.data,
						goals.data,
						NULL };
			err = row(w, cells);
		}
	}
	kik__buf_free(&plan->alloc, &organisations);
	kik__buf_free(&plan->alloc, &measures);
	kik__buf_free(&plan->alloc, &goals);
	return err;
}

/* The until cell of a range: the end, "open" ("offen"), or "". */
static const char *until_cell(struct writer *w, const char *until, int open)
{
	return open ? (kik__export_german(w) ? "offen" : "open") : until;
}

static int export_timeline(struct writer *w)
{
	static const char *const head[] = { "date", "until", "text", "fields", NULL };
	static const char *const head_de[] = { "Datum", "bis", "Text", "Handlungsfelder", NULL };
	const kik_plan *plan = kik__export_plan(w);
	kik__buf fields = { NULL, 0, 0 };
	size_t i;
	int err = kik__export_header(w, head, head_de);
	for (i = 0; err == 0 && i < plan->content.timeline.len; i++) {
		const struct kik_timeline_entry *e = plan->content.timeline.items[i];
		if ((err = join(w, &e->fields, kik__name_field, &fields)) == 0) {
			const char *cells[] = { e->date, until_cell(w, e->until, e->open), e->text, fields.data, NULL };
			err = row(w, cells);
		}
	}
	kik__buf_free(&plan->alloc, &fields);
	return err;
}

static int export_rounds(struct writer *w)
{
	static const char *const head[] = { "round", "from", "until", "fields", "measures", NULL };
	static const char *const head_de[] = { "Runde", "von", "bis", "Handlungsfelder", "Maßnahmen", NULL };
	const kik_plan *plan = kik__export_plan(w);
	kik__buf fields = { NULL, 0, 0 }, measures = { NULL, 0, 0 };
	size_t i;
	int err = kik__export_header(w, head, head_de);
	for (i = 0; err == 0 && i < plan->content.rounds.len; i++) {
		const struct kik_round *r = plan->content.rounds.items[i];
		if ((err = join(w, &r->fields, kik__name_field, &fields)) == 0 &&
		    (err = join(w, &r->measures, kik__name_measure, &measures)) == 0) {
			const char *cells[] = { r->name,     r->from,       until_cell(w, r->until, r->open),
						fields.data, measures.data, NULL };
			err = row(w, cells);
		}
	}
	kik__buf_free(&plan->alloc, &fields);
	kik__buf_free(&plan->alloc, &measures);
	return err;
}

static int export_figures(struct writer *w)
{
	static const char *const head[] = { "name", "unit", "date", "value", "source", "share_of", NULL };
	static const char *const head_de[] = { "Kennzahl", "Einheit", "Stichtag", "Wert", "Quelle", "Anteil an", NULL };
	const kik_plan *plan = kik__export_plan(w);
	int german = kik__export_german(w);
	size_t i;
	int err = kik__export_header(w, head, head_de);
	for (i = 0; err == 0 && i < plan->content.figures.len; i++) {
		const struct kik_figure *f = plan->content.figures.items[i];
		char value[64];
		kik__figure_format(value, sizeof(value), f->scaled, f->decimals, f->unit, german, 1);
		if ((err = kik__export_cell(w, f->name)) == 0 &&
		    (err = kik__export_cell(w, german ? kik_figure_unit_label(f->unit, KIK_LANG_DE)
						      : kik_figure_unit_key(f->unit))) == 0 &&
		    (err = kik__export_cell(w, f->date)) == 0 && (err = kik__export_number(w, value)) == 0 &&
		    (err = kik__export_cell(w, f->source)) == 0 && (err = kik__export_cell(w, f->share_of)) == 0)
			err = kik__export_end_row(w);
	}
	return err;
}

int kik__export_content(struct writer *w, kik_import_kind kind)
{
	switch (kind) {
	case KIK_IMPORT_NOTES: return export_notes(w);
	case KIK_IMPORT_FIELD_NOTES: return export_field_notes(w);
	case KIK_IMPORT_PROJECTS: return export_projects(w);
	case KIK_IMPORT_TIMELINE: return export_timeline(w);
	case KIK_IMPORT_PRIORITIES: return export_rounds(w);
	default: return export_figures(w);
	}
}
