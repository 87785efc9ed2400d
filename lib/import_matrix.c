/* The report's status matrix: Gruppe, Nummer, Ziel/Maßnahme, wartend, in Bearbeitung,
 * implementiert, with an "x" marking a measure's status and goal rows without a mark.
 * Real tables shift cells by a column now and then, so a row is read by its content:
 * the first cell that is a number, the group before it, the text after it, and the
 * mark's place counted from the text. */
#include "import.h"

#include <stdio.h>
#include <string.h>

typedef struct matrix {
	kik_field *field;
	int field_col;   /* the header's field column, or -1 for "## Handlungsfeld" sections */
	int header_seen; /* a header row came before: rows are data from here on */
	kik__buf group;  /* the current group: named on its first row only */
	kik__buf goal_text;
	unsigned goal; /* the current goal, 0 before the first goal row of the field */
	unsigned long goal_line;
	unsigned long measures; /* measure rows read */
} matrix;

/* Removes HTML tags such as <b> and </b>, in place and in one pass: a tag is "<", a letter
 * or "/", and everything up to the next ">". A "<" just before a removed tag goes with it,
 * so that removing cannot join a "<" and the text after the tag into a new tag
 * ("<<b>script>" becomes "script>", not "<script>"). */
static void strip_tags(char *s)
{
	char *out = s, *start = s;
	const char *close = NULL; /* the first '>' at or after s, once looked for */
	int no_close = 0;         /* no '>' is left: nothing more is a tag */
	while (*s) {
		if (*s == '<' && !no_close && (((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z') || s[1] == '/')) {
			/* each '>' is looked for once: a search per '<' made a cell of "<a<a<a..." quadratic */
			if (!close || close < s)
				no_close = !(close = strchr(s, '>'));
			if (close) {
				s = (char *)close + 1;
				while (out > start && out[-1] == '<')
					out--;
				continue;
			}
		}
		*out++ = *s++;
	}
	*out = '\0';
}

/* Drops a footnote number stuck to a group name ("Dolmetscher-Pool Kempten 9"). */
static void strip_footnote(char *s)
{
	size_t n = strlen(s), digits = 0;
	while (digits < n && digits < 3 && s[n - 1 - digits] >= '0' && s[n - 1 - digits] <= '9')
		digits++;
	if (digits >= 1 && digits <= 2 && n > digits + 1 && s[n - 1 - digits] == ' ')
		s[n - 1 - digits] = '\0';
}

static int is_number(const char *s)
{
	unsigned goal, sub;
	return kik__parse_goal_number(s, &goal) == 0 || kik__parse_measure_number(s, &goal, &sub) == 0;
}

static int is_mark(const char *s)
{
	return (s[0] == 'x' || s[0] == 'X') && s[1] == '\0';
}

static int set_buf(kik__import *im, kik__buf *b, const char *s)
{
	b->len = 0;
	if (kik__buf_append(&im->plan->alloc, b, s, strlen(s) + 1) < 0)
		return kik__error_set(im->plan, KIK_ENOMEM, NULL, "out of memory");
	return 0;
}

static int enter_field(kik__import *im, matrix *mx, const char *name, const kik__pos *pos)
{
	kik_field *field = kik__plan_find_field(im->plan, name);
	int err;
	if (!field && (err = kik__plan_define_field(im->plan, name, &field)) < 0)
		return kik__error_set(im->plan, err == KIK_ENOMEM ? err : KIK_EPARSE, pos, "%s",
				      kik_error_last()->message);
	if (field != mx->field) {
		mx->field = field;
		mx->goal = 0;
		mx->group.len = 0;
	}
	return 0;
}

/* A line "## Handlungsfeld NAME" opens the section of a field. */
static const char *section_heading(const char *s)
{
	static const char word[] = "Handlungsfeld ";
	while (*s == '#' || *s == ' ')
		s++;
	return strncmp(s, word, sizeof(word) - 1) == 0 ? s + sizeof(word) - 1 : NULL;
}

static int is_header(const kik__csv_cell *cells, size_t n, int *field_col)
{
	int seen = 0;
	size_t i;
	*field_col = -1;
	for (i = 0; i < n; i++) {
		char folded[64];
		kik__fold_name(cells[i].text, folded, sizeof(folded));
		if (!strcmp(folded, "wartend") || !strcmp(folded, "inbearbeitung") || !strcmp(folded, "implementiert"))
			seen++;
		else if (!strcmp(folded, "handlungsfeld") || !strcmp(folded, "field"))
			*field_col = (int)i;
	}
	return seen == 3;
}

static int put(kik__import *im, matrix *mx, const char *number, const char *text, kik_status status,
	       const kik__pos *pos)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	unsigned goal, sub;
	kik__parse_measure_number(number, &goal, &sub);
	if (!mx->goal)
		return kik__error_set(im->plan, KIK_EPARSE, pos, "measure %s comes before any goal row of field %s",
				      number, mx->field->code);
	if (goal != mx->goal)
		return kik__error_set(im->plan, KIK_EPARSE, pos, "measure %s does not belong to goal %u (line %lu)",
				      number, mx->goal, mx->goal_line);

	d.field = mx->field->code;
	d.group = mx->group.len ? mx->group.data : "";
	d.goal = goal;
	d.goal_text = mx->goal_text.data;
	d.number = number;
	d.text = text;
	d.status = status;
	return kik__plan_put_measure(im->plan, &d, 0, pos, KIK__PUT_COPY, NULL);
}

static int matrix_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	matrix *mx = ctx;
	kik_plan *plan = im->plan;
	int number_at = -1, text_at = -1, marks = 0, mark_at = -1, err, field_col;
	unsigned goal;
	size_t i, filled = 0, last_filled = 0;
	const char *name;
	kik__pos pos;

	for (i = 0; i < n; i++) {
		strip_tags((char *)cells[i].text);
		if (*cells[i].text) {
			filled++;
			last_filled = i;
		}
	}
	pos = kik__import_pos(im, cells, n, (int)last_filled);
	if (filled == 1 && (name = section_heading(cells[last_filled].text))) {
		mx->header_seen = 0;
		return enter_field(im, mx, name, &pos);
	}
	if (is_header(cells, n, &field_col)) {
		mx->header_seen = 1;
		mx->field_col = field_col;
		return 0;
	}
	if (!mx->header_seen)
		return 0; /* prose around the tables */

	for (i = 0; i < n; i++) {
		const char *c = cells[i].text;
		if ((int)i == mx->field_col || !*c)
			continue;
		if (number_at < 0 && is_number(c))
			number_at = (int)i;
		else if (number_at >= 0 && text_at < 0 && !is_mark(c))
			text_at = (int)i;
		else if (text_at >= 0 && is_mark(c) && ++marks == 1)
			mark_at = (int)i - text_at - 1;
	}
	if (number_at < 0) {
		for (i = 0; i < n; i++) {
			if (is_mark(cells[i].text)) {
				pos = kik__import_pos(im, cells, n, (int)i);
				return kik__error_set(plan, KIK_EPARSE, &pos,
						      "a status mark in a row without a goal or measure number");
			}
		}
		return 0;
	}
	pos = kik__import_pos(im, cells, n, number_at);
	if (mx->field_col >= 0 && *kik__import_cell(cells, n, mx->field_col) &&
	    (err = enter_field(im, mx, kik__import_cell(cells, n, mx->field_col), &pos)) < 0)
		return err;
	if (!mx->field)
		return kik__error_set(plan, KIK_EPARSE, &pos,
				      "row '%s' comes before any field: expected a line '## Handlungsfeld NAME' or a "
				      "field column before it",
				      cells[number_at].text);
	for (i = (size_t)number_at; i-- > 0;) {
		if ((int)i != mx->field_col && *cells[i].text) {
			strip_footnote((char *)cells[i].text);
			if ((err = set_buf(im, &mx->group, cells[i].text)) < 0)
				return err;
			break;
		}
	}
	if (text_at < 0)
		return kik__error_set(plan, KIK_EPARSE, &pos, "expected a text after the number '%s'",
				      cells[number_at].text);
	if (kik__parse_goal_number(cells[number_at].text, &goal) == 0) {
		/* a goal row: "4." and the goal's text */
		if (marks)
			return kik__error_set(plan, KIK_EPARSE, &pos, "goal %s carries a status mark: expected none",
					      cells[number_at].text);
		mx->goal = goal;
		mx->goal_line = pos.line;
		return set_buf(im, &mx->goal_text, cells[text_at].text);
	}
	if (marks != 1 || mark_at > 2)
		return kik__error_set(plan, KIK_EPARSE, &pos,
				      "measure %s has %s: expected one 'x' under wartend, in Bearbeitung or "
				      "implementiert",
				      cells[number_at].text,
				      marks == 0  ? "no status mark"
				      : marks > 1 ? "several status marks"
						  : "a mark outside the status columns");
	mx->measures++;
	return put(im, mx, cells[number_at].text, cells[text_at].text, (kik_status)mark_at, &pos);
}

int kik__import_matrix(kik__import *im)
{
	matrix mx;
	int err;
	memset(&mx, 0, sizeof(mx));
	mx.field_col = -1;
	err = kik__import_rows(im, matrix_row, &mx);
	kik__buf_free(&im->plan->alloc, &mx.group);
	kik__buf_free(&im->plan->alloc, &mx.goal_text);
	return err < 0 ? err : kik__import_expect_measures(im, mx.measures);
}
