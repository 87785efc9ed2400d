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

const kik__column *kik__published_columns(size_t *n)
{
	*n = sizeof(columns) / sizeof(columns[0]);
	return columns;
}

/* An import's columns, and the line of each field's row so far (a field given twice is an
 * error: the second would silently replace the first). */
typedef struct published {
	int col[5];
	kik__numbers lines; /* field -> its line */
} published;

static int published_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	published *st = ctx;
	const int *col = st->col;
	kik_plan *plan = im->plan;
	size_t counts[KIK_STATUS_COUNT], total = 0;
	const char *name = kik__import_cell(cells, n, col[0]);
	kik_field *field = kik__import_field(im, name);
	kik__pos pos = kik__import_pos(im, cells, n, col[0]);
	void *first;
	int k;
	if (!field)
		return kik__error_set(plan, KIK_EPARSE, &pos, "unknown field '%s': expected a field of the plan", name);
	if ((first = kik__numbers_get(&st->lines, field, 0)))
		return kik__error_set(plan, KIK_EPARSE, &pos, "field %s ('%s') appears twice: first on line %lu",
				      field->code, name, (unsigned long)(uintptr_t)first);
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
	if (total && !kik__published_adds_up(counts, KIK_STATUS_COUNT, total))
		return kik__error_set(plan, KIK_EPARSE, &pos,
				      "the total %zu is not %zu + %zu + %zu: expected the sum of the three counts",
				      total, counts[0], counts[1], counts[2]);
	if (kik__numbers_reserve(&plan->alloc, &st->lines, 1) < 0)
		return kik__error_set(plan, KIK_ENOMEM, &pos, "out of memory");
	kik__numbers_put(&st->lines, field, 0, (void *)(uintptr_t)pos.line);
	for (k = 0; k < KIK_STATUS_COUNT; k++)
		field->published[k] = counts[k];
	field->published_total = total;
	field->has_published = 1;
	return 0;
}

int kik__import_published(kik__import *im)
{
	published st;
	int err;
	memset(&st, 0, sizeof(st));
	if ((err = kik__import_header(im, columns, 5, st.col)) == 0)
		err = kik__import_rows(im, published_row, &st);
	kik__numbers_free(&im->plan->alloc, &st.lines);
	return err;
}
