/* The tasks CSV: field, measure, kind, title, state, due, owner. */
#include "import.h"

#include <stdio.h>
#include <string.h>

enum { FIELD, MEASURE, KIND, TITLE, STATE, DUE, OWNER, COLUMNS };

static const kik__column columns[COLUMNS] = {
	{ "field", "Handlungsfeld|Feld", 0 },
	{ "measure", "Nummer|Maßnahme-Nr|Maßnahme|measure_id|id", 1 },
	{ "kind", "Art|Typ|Auftragsart", 1 },
	{ "title", "Titel|Aufgabe|Bezeichnung", 1 },
	{ "state", "Stand|Status|Zustand", 1 },
	{ "due", "fällig|Frist|Termin|due_date", 0 },
	{ "owner", "verantwortlich|Verantwortung|zuständig", 0 },
};

/* The measure's id from the measure cell ("SB-4.6") or the field and number cells. */
static int measure_id(kik__import *im, const kik__csv_cell *cells, size_t n, const int *col, char *id, size_t cap)
{
	const char *number = kik__import_cell(cells, n, col[MEASURE]);
	const char *field_cell = kik__import_cell(cells, n, col[FIELD]);
	const kik_field *field;
	kik__pos pos = kik__import_pos(im, cells, n, col[MEASURE]);
	unsigned goal, sub;
	if (strchr(number, '-')) {
		snprintf(id, cap, "%s", number);
		return 0;
	}
	if (kik__parse_measure_number(number, &goal, &sub) < 0)
		return kik__error_set(im->plan, KIK_EPARSE, &pos,
				      "'%s' is not a measure: expected an id such as SB-4.6, or a number such as 4.6 "
				      "with a field column",
				      number);
	field = kik__import_field(im, field_cell);
	if (!field) {
		pos = kik__import_pos(im, cells, n, col[FIELD]);
		return kik__error_set(im->plan, KIK_EPARSE, &pos, "unknown field '%s': expected a field of the plan",
				      field_cell);
	}
	kik__format_id(id, cap, field->code, '-', goal, sub);
	return 0;
}

static kik_task *find_same(const kik_measure *m, kik_task_kind kind, const char *title)
{
	size_t i;
	for (i = 0; i < m->tasks.len; i++) {
		kik_task *t = m->tasks.items[i];
		if (t->kind == kind && strcmp(t->title, title) == 0)
			return t;
	}
	return NULL;
}

/* The columns, and the measure of the row above: a measure's tasks mostly come together. */
typedef struct state {
	int col[COLUMNS];
	char field[64], number[64];
	kik_measure *measure;
} state;

/* The measure a row is about, found again without a look-up when it is the one above. */
static int row_measure(kik__import *im, const kik__csv_cell *cells, size_t n, state *st, kik_measure **out)
{
	const char *field = kik__import_cell(cells, n, st->col[FIELD]);
	const char *number = kik__import_cell(cells, n, st->col[MEASURE]);
	kik__pos pos = kik__import_pos(im, cells, n, st->col[MEASURE]);
	char id[160];
	int err;
	if (st->measure && strcmp(number, st->number) == 0 && strcmp(field, st->field) == 0) {
		*out = st->measure;
		return 0;
	}
	if ((err = measure_id(im, cells, n, st->col, id, sizeof(id))) < 0)
		return err;
	if (!(*out = kik__index_get(&im->plan->measures_by_id, id)))
		return kik__error_set(im->plan, KIK_EPARSE, &pos, "no measure '%s' in the plan: expected a measure id",
				      id);
	st->measure = NULL;
	if (strlen(field) < sizeof(st->field) && strlen(number) < sizeof(st->number)) {
		strcpy(st->field, field);
		strcpy(st->number, number);
		st->measure = *out;
	}
	return 0;
}

static int task_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	state *st = ctx;
	const int *col = st->col;
	kik_plan *plan = im->plan;
	kik_task_desc d = KIK_TASK_DESC_INIT;
	kik_measure *m;
	kik_task *same;
	const char *id;
	kik__pos pos;
	int err;
	if ((err = row_measure(im, cells, n, st, &m)) < 0)
		return err;
	id = m->id;
	d.measure = m->id;
	pos = kik__import_pos(im, cells, n, col[KIND]);
	if (kik_task_kind_parse(kik__import_cell(cells, n, col[KIND]), &d.kind) < 0)
		return kik__error_set(plan, KIK_EPARSE, &pos,
				      "'%s' is not a kind of task: expected Einzelauftrag, AG-Auftrag or "
				      "Arbeitspaket (or concept, ag, work_package)",
				      kik__import_cell(cells, n, col[KIND]));
	pos = kik__import_pos(im, cells, n, col[STATE]);
	if (kik_task_state_parse(kik__import_cell(cells, n, col[STATE]), &d.state) < 0)
		return kik__error_set(plan, KIK_EPARSE, &pos,
				      "'%s' is not a task state: expected offen, in Arbeit, erledigt or entfällt "
				      "(or open, in_progress, done, not_applicable)",
				      kik__import_cell(cells, n, col[STATE]));
	d.title = kik__import_cell(cells, n, col[TITLE]);
	d.due = kik__import_cell(cells, n, col[DUE]);
	d.owner = kik__import_cell(cells, n, col[OWNER]);
	pos = kik__import_pos(im, cells, n, !*d.title ? col[TITLE] : *d.due ? col[DUE] : col[TITLE]);
	same = find_same(m, d.kind, d.title);
	if (same && same->import_line)
		return kik__error_set(plan, KIK_EPARSE, &pos, "task '%s' of %s appears twice: first on line %lu",
				      d.title, id, same->import_line);
	if (!im->direct)
		return same ? kik__plan_update_task(plan, same, &d, &pos, NULL)
			    : kik__measure_add_task(plan, m, &d, 0, &pos, NULL);
	{
		kik_task *changed, *old = NULL;
		/* room in the log first, so that a change is never left unlogged */
		if (kik__vec_reserve(&plan->alloc, &im->undo_new, im->undo_new.len + 1) < 0 ||
		    kik__vec_reserve(&plan->alloc, &im->undo_old, im->undo_old.len + 1) < 0)
			return kik__error_set(plan, KIK_ENOMEM, &pos, "out of memory");
		err = same ? kik__plan_update_task(plan, same, &d, &pos, &old)
			   : kik__measure_add_task(plan, m, &d, 0, &pos, &changed);
		if (err < 0)
			return err;
		if (same)
			changed = plan->tasks_by_id.items[old->id]; /* the block that replaced it */
		im->undo_new.items[im->undo_new.len++] = changed;
		im->undo_old.items[im->undo_old.len++] = old;
		return 0;
	}
}

int kik__import_tasks(kik__import *im)
{
	state st;
	int err;
	memset(&st, 0, sizeof(st));
	err = kik__import_header(im, columns, COLUMNS, st.col);
	return err < 0 ? err : kik__import_rows(im, task_row, &st);
}
