/* The measures CSV: field, group, goal, goal_text, measure, text, status.
 *
 * Phase one checks a row on its own (goal, number, text, status); phase two resolves its
 * field, continues the group of the row above and puts the measure. Row by row, the field
 * is resolved first, so that a row's problems are reported in the order of its columns. */
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

const kik__column *kik__measures_columns(size_t *n)
{
	*n = COLUMNS;
	return columns;
}

/* A row as phase one leaves it. In a part the strings are the part's copies; row by row
 * they are the cells. */
typedef struct row {
	const char *field, *field_name, *group, *goal_text, *text;
	const char *coded; /* the measure cell when it starts with a field code ("SB-4.6"), else NULL */
	size_t code_len;
	unsigned goal, sub;
	unsigned long line;
	kik_status status;
} row;

/* Phase one of a part: the columns, and the last strings kept (rows repeat them). */
typedef struct part_state {
	const int *col;
	const char *last[3]; /* field, field_name, group */
	size_t last_len[3];
} part_state;

/* What carries from one row to the next in phase two. */
typedef struct state {
	int col[COLUMNS];
	const char *group; /* the group of the row above, continued by an empty group cell */
	kik_field *group_field;
	const char *field_cell; /* in parts: the (kept) field cell resolved last, and its field */
	kik_field *field;
} state;

/* A part's copy of a short cell that rows repeat: the one kept last when equal. */
static const char *keep_short(kik__part *part, const char **last, size_t *last_len, const char *cell, size_t len)
{
	if (!*last || *last_len != len || !kik__same_bytes(*last, cell, len)) {
		*last = kik__arena_strndup(&part->im->plan->alloc, part->text, cell, len);
		*last_len = len;
	}
	return *last;
}

static const char *keep_text(kik__part *part, const char *cell, size_t len)
{
	return kik__arena_strndup(&part->im->plan->alloc, part->text, cell, len);
}

/* The row's field; a field the plan does not know is defined (named by the field_name
 * column when the field cell holds a code). */
static int resolve_field(kik__import *im, const char *cell, const char *name, const kik__pos *pos, kik_field **out)
{
	kik_plan *plan = im->plan;
	int err;
	if ((*out = kik__import_field(im, cell)))
		return 0;
	if (*name && !kik__plan_find_field(plan, name))
		err = kik__plan_add_field(plan, cell, name, out);
	else
		err = kik__plan_define_field(plan, cell, out);
	if (err < 0)
		return kik__error_set(plan, err == KIK_ENOMEM ? err : KIK_EPARSE, pos, "%s", kik_error_last()->message);
	return 0;
}

/* Phase one: the checks a row needs nothing else for. Row by row `field` is the row's
 * field already resolved (for messages); in a part it is NULL. */
static int parse(kik__part *part, const kik__csv_cell *cells, size_t n, const int *col, const kik_field *field, row *r)
{
	const char *goal = kik__import_cell(cells, n, col[GOAL]), *number = kik__import_cell(cells, n, col[MEASURE]);
	const char *dash = strrchr(number, '-'), *status = kik__import_cell(cells, n, col[STATUS]);
	unsigned goal_of_number;
	char id[128];
	if (kik__parse_goal_number(goal, &r->goal) < 0)
		return kik__part_error(part, KIK_EPARSE, cells, n, col[GOAL],
				       "'%s' is not a goal number: expected 1, 2, ...", goal);
	/* "SB-4.6": the code is checked against the field in phase two */
	r->coded = dash ? number : NULL;
	r->code_len = dash ? (size_t)(dash - number) : 0;
	if ((field && dash && (r->code_len != strlen(field->code) || strncmp(number, field->code, r->code_len) != 0)) ||
	    kik__parse_measure_number(dash ? dash + 1 : number, &goal_of_number, &r->sub) < 0)
		return kik__part_error(part, KIK_EPARSE, cells, n, col[MEASURE],
				       "'%s' is not a measure number: expected GOAL.N, e.g. 4.6", number);
	if (goal_of_number != r->goal)
		return kik__part_error(part, KIK_EPARSE, cells, n, col[MEASURE],
				       "measure %s does not belong to goal %u of this row", number, r->goal);
	r->text = kik__import_cell(cells, n, col[TEXT]);
	if (!*r->text) {
		kik__format_id(id, sizeof(id), field ? field->code : "", '-', r->goal, r->sub);
		return kik__part_error(part, KIK_EPARSE, cells, n, col[TEXT], "expected the text of measure %s", id);
	}
	if (kik_status_parse(status, &r->status) < 0)
		return kik__part_error(part, KIK_EPARSE, cells, n, col[STATUS],
				       "'%s' is not a status: expected wartend, in Bearbeitung or implementiert "
				       "(or waiting, in_progress, implemented)",
				       status);
	r->field = kik__import_cell(cells, n, col[FIELD]);
	r->field_name = kik__import_cell(cells, n, col[FIELD_NAME]);
	r->group = kik__import_cell(cells, n, col[GROUP]);
	r->goal_text = kik__import_cell(cells, n, col[GOAL_TEXT]);
	r->line = cells[0].line;
	return 0;
}

/* Phase two: the measure into the plan. `pos` is where errors are reported. */
static int apply(kik__import *im, state *st, const row *r, kik_field *field, const kik__pos *pos, int how)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	kik_measure *m;
	int err;
	/* An empty group cell continues the group of the row above, as merged cells do.
	 * The name is kept by the plan once the first measure of the group is in. */
	if (*r->group || field != st->group_field)
		st->group = r->group;
	if (strcmp(st->group, "-") == 0) /* a goal of no group after one of a group (see the export) */
		st->group = "";
	st->group_field = field;
	if (r->coded && (r->code_len != strlen(field->code) || strncmp(r->coded, field->code, r->code_len) != 0))
		return kik__error_set(im->plan, KIK_EPARSE, pos, "'%s' is not a measure number", r->coded);
	d.field = field->code;
	d.group = st->group;
	d.goal = r->goal;
	d.goal_text = r->goal_text;
	d.text = r->text;
	d.status = r->status;
	if ((err = kik__plan_put_measure(im->plan, &d, r->sub, pos, how, &m)) < 0)
		return err;
	if (*st->group) /* the row's cell is gone with the row: keep the plan's copy of the name */
		st->group = m->goal->group->name;
	return 0;
}

/* Row by row: both phases for each row. */
static int row_by_row(kik__import *im, state *st)
{
	const kik__csv_cell *cells;
	kik__part part;
	size_t n;
	int got, err;
	memset(&part, 0, sizeof(part));
	kik__part_of_import(im, &part, NULL, 0);
	while ((got = kik__import_row(im, &cells, &n)) > 0) {
		const char *cell = kik__import_cell(cells, n, st->col[FIELD]);
		kik__pos pos = kik__import_pos(im, cells, n, st->col[FIELD]);
		kik_field *field;
		row r;
		im->rows++;
		if (!*cell)
			err = kik__error_set(im->plan, KIK_EPARSE, &pos,
					     "the field cell is empty: expected a field of action (code or name)");
		else if ((err = resolve_field(im, cell, kik__import_cell(cells, n, st->col[FIELD_NAME]), &pos,
					      &field)) == 0 &&
			 (err = parse(&part, cells, n, st->col, field, &r)) == 0) {
			pos = kik__import_pos(im, cells, n, st->col[MEASURE]);
			err = apply(im, st, &r, field, &pos, KIK__PUT_COPY);
		}
		if (err < 0 && (err = kik__import_problem(im, err)) < 0)
			return err;
	}
	if (got < 0 && im->diag && got != KIK_ENOMEM && kik__import_problem(im, got) == KIK_ENOMEM)
		return KIK_ENOMEM;
	if (got < 0)
		return got;
	return im->diag && im->diag->count ? KIK_EPARSE : 0;
}

/* Phase one of a part: a row into a record, its strings kept by the part. */
static int part_row(kik__part *part, const kik__csv_cell *cells, size_t n)
{
	part_state *ps = part->state;
	const kik__csv_cell *field = ps->col[FIELD] >= 0 && (size_t)ps->col[FIELD] < n ? &cells[ps->col[FIELD]] : NULL;
	row r, *out;
	int err;
	if (!field || !field->len)
		return KIK_EPARSE;
	if ((err = parse(part, cells, n, ps->col, NULL, &r)) < 0)
		return err;
	if (!(out = kik__table_push(&part->im->plan->alloc, &part->own_records, &part->records)))
		return KIK_ENOMEM;
	*out = r;
	out->field = keep_short(part, &ps->last[0], &ps->last_len[0], r.field, field->len);
	out->field_name = keep_short(part, &ps->last[1], &ps->last_len[1], r.field_name,
				     kik__import_cell_len(cells, n, ps->col[FIELD_NAME]));
	out->group =
	    keep_short(part, &ps->last[2], &ps->last_len[2], r.group, kik__import_cell_len(cells, n, ps->col[GROUP]));
	out->text = keep_text(part, r.text, kik__import_cell_len(cells, n, ps->col[TEXT]));
	out->goal_text =
	    *r.goal_text ? keep_text(part, r.goal_text, kik__import_cell_len(cells, n, ps->col[GOAL_TEXT])) : NULL;
	out->coded = r.coded ? keep_text(part, r.coded, kik__import_cell_len(cells, n, ps->col[MEASURE])) : NULL;
	if (!out->field || !out->field_name || !out->group || !out->text || (*r.goal_text && !out->goal_text) ||
	    (r.coded && !out->coded))
		return KIK_ENOMEM;
	return 0;
}

/* Phase two of a part: its records into the plan, in file order. */
static int apply_part(kik__import *im, kik__part *part, void *ctx)
{
	state *st = ctx;
	size_t i;
	int err = 0;
	for (i = 0; err == 0 && i < part->records.len; i++) {
		const row *r = kik__table_at(&part->records, i);
		kik__pos pos = { im->file, r->line, 0 };
		if (r->field != st->field_cell &&
		    (err = resolve_field(im, r->field, r->field_name, &pos, &st->field)) < 0)
			break;
		st->field_cell = r->field; /* a part keeps one copy of a cell that rows repeat */
		err = apply(im, st, r, st->field, &pos, KIK__PUT_OWNED);
	}
	im->rows += part->rows;
	return err;
}

/* In parts: phase one on every core, and phase two of the parts read so far, in file
 * order, on this thread between its parts (phase one reads nothing of the plan). */
static int in_parts(kik__import *im, state *st)
{
	kik__part parts[KIK__MOST_PARTS];
	part_state states[KIK__MOST_PARTS];
	int k, err;
	memset(parts, 0, sizeof(parts));
	memset(states, 0, sizeof(states));
	for (k = 0; k < im->parts; k++) {
		states[k].col = st->col;
		parts[k].state = &states[k];
	}
	im->apply_part = apply_part;
	im->apply_ctx = st;
	err = kik__read_parts(im, parts, part_row, sizeof(row));
	if (err == 0)
		kik__parts_keep_texts(im, parts);
	kik__parts_free(im, parts);
	return err;
}

int kik__import_measures(kik__import *im)
{
	state st;
	int err;
	memset(&st, 0, sizeof(st));
	st.group = "";
	if ((err = kik__import_header(im, columns, COLUMNS, st.col)) < 0)
		return err;
	err = im->parts > 1 ? in_parts(im, &st) : row_by_row(im, &st);
	return err < 0 ? err : kik__import_expect_measures(im, im->rows);
}
