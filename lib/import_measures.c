/* The measures CSV: field, group, goal, goal_text, measure, text, status. */
#include "import.h"

#include <stdio.h>
#include <string.h>

enum { FIELD, GROUP, GOAL, GOAL_TEXT, MEASURE, TEXT, STATUS, FIELD_NAME, COLUMNS };

static const kik__column columns[COLUMNS] = {
	{ "field", "Handlungsfeld|Feld", 1 },
	{ "group", "Gruppe", 0 },
	{ "goal", "Ziel|Ziel-Nr|Zielnummer", 1 },
	{ "goal_text", "Zieltext|Ziel-Text", 0 },
	{ "measure", "Nummer|Maßnahme-Nr|Maßnahmennummer|number", 1 },
	{ "text", "Maßnahme|Ziel/Maßnahme|Maßnahmentext|Beschreibung", 1 },
	{ "status", "Status|Umsetzungsstand", 1 },
	{ "field_name", "Name des Handlungsfelds|Handlungsfeldname", 0 },
};

/* What carries from one row to the next. */
typedef struct state {
	int col[COLUMNS];
	const char *group;
	kik_field *group_field;
} state;

/* A measure cell holds "4.6" or a whole id "SB-4.6"; returns the number part. */
static const char *number_part(const char *cell, const kik_field *field)
{
	const char *dash = strrchr(cell, '-');
	size_t code_len = strlen(field->code);
	if (dash && (size_t)(dash - cell) == code_len && strncmp(cell, field->code, code_len) == 0)
		return dash + 1;
	return cell;
}

/* The row's field; a field the plan does not know is defined (named by the field_name
 * column when the field cell holds a code). */
static int row_field(kik__import *im, const kik__csv_cell *cells, size_t n, const int *col, kik_field **out)
{
	kik_plan *plan = im->plan;
	kik__pos pos = kik__import_pos(im, cells, n, col[FIELD]);
	const char *cell = kik__import_cell(cells, n, col[FIELD]);
	const char *name = kik__import_cell(cells, n, col[FIELD_NAME]);
	int err;
	if (!*cell)
		return kik__error_set(plan, KIK_EPARSE, &pos, "expected a field of action (code or name)");
	if ((*out = kik__import_field(im, cell)))
		return 0;
	if (*name && !kik__plan_find_field(plan, name))
		err = kik_plan_add_field(plan, cell, name, (const kik_field **)out);
	else
		err = kik__plan_define_field(plan, cell, out);
	if (err < 0)
		return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
				      kik_plan_last_error(plan)->message);
	return 0;
}

static int measure_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	state *st = ctx;
	const int *col = st->col;
	kik_plan *plan = im->plan;
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	kik_field *field;
	kik_measure *m;
	unsigned goal, sub;
	char id[128];
	kik__pos pos;
	const char *cell;
	int err;

	if ((err = row_field(im, cells, n, col, &field)) < 0)
		return err;
	/* An empty group cell continues the group of the row above, as merged cells do.
	 * The name is kept by the plan once the first measure of the group is in. */
	cell = kik__import_cell(cells, n, col[GROUP]);
	if (*cell || field != st->group_field)
		st->group = cell;
	st->group_field = field;

	cell = kik__import_cell(cells, n, col[GOAL]);
	pos = kik__import_pos(im, cells, n, col[GOAL]);
	if (kik__parse_goal_number(cell, &d.goal) < 0)
		return kik__error_set(plan, KIK_EPARSE, &pos, "'%s' is not a goal number: expected 1, 2, ...", cell);

	cell = kik__import_cell(cells, n, col[MEASURE]);
	pos = kik__import_pos(im, cells, n, col[MEASURE]);
	d.number = number_part(cell, field);
	if (kik__parse_measure_number(d.number, &goal, &sub) < 0)
		return kik__error_set(plan, KIK_EPARSE, &pos, "'%s' is not a measure number: expected GOAL.N, e.g. 4.6",
				      cell);
	if (goal != d.goal)
		return kik__error_set(plan, KIK_EPARSE, &pos, "measure %s does not belong to goal %u of this row", cell,
				      d.goal);

	d.text = kik__import_cell(cells, n, col[TEXT]);
	if (!*d.text) {
		pos = kik__import_pos(im, cells, n, col[TEXT]);
		kik__format_id(id, sizeof(id), field->code, '-', goal, sub);
		return kik__error_set(plan, KIK_EPARSE, &pos, "expected the text of measure %s", id);
	}
	cell = kik__import_cell(cells, n, col[STATUS]);
	if (kik_status_parse(cell, &d.status) < 0) {
		pos = kik__import_pos(im, cells, n, col[STATUS]);
		return kik__error_set(plan, KIK_EPARSE, &pos,
				      "'%s' is not a status: expected wartend, in Bearbeitung or implementiert "
				      "(or waiting, in_progress, implemented)",
				      cell);
	}
	d.field = field->code;
	d.group = st->group;
	d.goal_text = kik__import_cell(cells, n, col[GOAL_TEXT]);
	pos = kik__import_pos(im, cells, n, col[MEASURE]);
	if ((err = kik__plan_put_measure(plan, &d, &pos, &m)) < 0)
		return err;
	if (*st->group) /* the row buffer is reused: keep the plan's copy of the name */
		st->group = m->goal->group->name;
	return 0;
}

int kik__import_measures(kik__import *im)
{
	state st = { { 0 }, "", NULL };
	int err = kik__import_header(im, columns, COLUMNS, st.col);
	if (err < 0 || (err = kik__import_rows(im, measure_row, &st)) < 0)
		return err;
	return kik__import_expect_measures(im, im->rows);
}
