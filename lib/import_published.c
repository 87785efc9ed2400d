/* The published figures CSV: field, waiting, in_progress, implemented, total. */
#include "import.h"

#include <string.h>

static int parse_count(const char *s, size_t *out)
{
	size_t v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (SIZE_MAX - 9) / 10)
			return -1;
		v = v * 10 + (size_t)(*s - '0');
	}
	*out = v;
	return 0;
}

static const kik__column columns[] = {
	{ "field", "Handlungsfeld|Feld", 1 },
	{ "waiting", "wartend", 1 },
	{ "in_progress", "in Bearbeitung|in progress", 1 },
	{ "implemented", "implementiert|umgesetzt", 1 },
	{ "total", "gesamt|Maßnahmen|measures|Summe", 0 },
};

static int published_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	const int *col = ctx;
	kik_plan *plan = im->plan;
	size_t counts[KIK_STATUS_COUNT], total = 0;
	const char *name = kik__import_cell(cells, n, col[0]);
	kik_field *field = kik__import_field(im, name);
	kik__pos pos = kik__import_pos(im, cells, n, col[0]);
	int k;
	if (!field)
		return kik__error_set(plan, KIK_EPARSE, &pos, "unknown field '%s': expected a field of the plan", name);
	if (field->published_line) /* the second would silently replace the first */
		return kik__error_set(plan, KIK_EPARSE, &pos, "field %s ('%s') appears twice: first on line %lu",
				      field->code, name, field->published_line);
	for (k = 0; k < KIK_STATUS_COUNT; k++) {
		pos = kik__import_pos(im, cells, n, col[1 + k]);
		if (parse_count(kik__import_cell(cells, n, col[1 + k]), &counts[k]) < 0)
			return kik__error_set(plan, KIK_EPARSE, &pos,
					      "'%s' is not a count: expected a whole number of measures",
					      kik__import_cell(cells, n, col[1 + k]));
	}
	pos = kik__import_pos(im, cells, n, col[4]);
	if (*kik__import_cell(cells, n, col[4]) && parse_count(kik__import_cell(cells, n, col[4]), &total) < 0)
		return kik__error_set(plan, KIK_EPARSE, &pos, "'%s' is not a count: expected a whole number",
				      kik__import_cell(cells, n, col[4]));
	/* a total is the count of the field's measures: published figures that contradict
	 * themselves cannot be held against the computed ones */
	if (total && (counts[0] + counts[1] < counts[0] || counts[0] + counts[1] + counts[2] < counts[2] ||
		      counts[0] + counts[1] + counts[2] != total))
		return kik__error_set(plan, KIK_EPARSE, &pos,
				      "the total %zu is not %zu + %zu + %zu: expected the sum of the three counts",
				      total, counts[0], counts[1], counts[2]);
	field->published_line = pos.line;
	return kik_plan_set_published(plan, field, counts, total);
}

int kik__import_published(kik__import *im)
{
	int col[5];
	int err = kik__import_header(im, columns, 5, col);
	return err < 0 ? err : kik__import_rows(im, published_row, col);
}
