/* The report content's CSV contracts: notes, field notes, projects, timeline, rounds and
 * figures. Each importer turns its rows into records (a small staging: the file's own
 * records, not a copy of the plan) and puts them into the plan only when the whole file
 * was good, so a failed import changes nothing. */
#include "content.h"
#include "import.h"

#include <stdio.h>
#include <string.h>

/* ---- the contracts' columns ------------------------------------------------------ */

static const kik__column note_columns[] = {
	{ "field", "Handlungsfeld|Feld", 1 },
	{ "goal", "Ziel|Ziel-Nr|Zielnummer", 1 },
	{ "measure", "Maßnahme|Nummer|Maßnahme-Nr|Maßnahmennummer|number", 0 },
	{ "current_state", "Aktueller Stand|current state|Sachstand", 0 },
	{ "outlook", "Ausblick", 0 },
};

static const kik__column field_note_columns[] = {
	{ "field", "Handlungsfeld|Feld", 0 },
	{ "section", "Abschnitt|Rubrik", 1 },
	{ "title", "Titel|Überschrift", 0 },
	{ "text", "Text", 1 },
};

static const kik__column project_columns[] = {
	{ "project", "Projekt|Projektname", 1 },
	{ "field", "Handlungsfeld|Feld", 0 },
	{ "organisation", "Träger|Organisation|Organisationen|organisations|organization", 0 },
	{ "description", "Beschreibung", 0 },
	{ "start", "Beginn|Start|seit", 0 },
	{ "end", "Ende", 0 },
	{ "measures", "Maßnahmen", 0 },
	{ "goals", "Ziele", 0 },
};

static const kik__column timeline_columns[] = {
	{ "date", "Datum|von|from", 1 },
	{ "until", "bis", 0 },
	{ "text", "Text|Ereignis", 1 },
	{ "fields", "Handlungsfelder|Handlungsfeld|field", 0 },
};

static const kik__column round_columns[] = {
	{ "round", "Runde|Priorisierungsrunde", 1 },      { "from", "von|Beginn", 1 },    { "until", "bis|Ende", 0 },
	{ "fields", "Handlungsfelder|Handlungsfeld", 0 }, { "measures", "Maßnahmen", 0 },
};

static const kik__column figure_columns[] = {
	{ "name", "Kennzahl|Bezeichnung", 1 },
	{ "unit", "Einheit", 1 },
	{ "date", "Stichtag|Datum", 1 },
	{ "value", "Wert", 1 },
	{ "source", "Quelle", 0 },
	{ "share_of", "Anteil an|Anteil von|share of", 0 },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
enum { MOST_COLUMNS = 8 };

/* Each kind: its columns, and the columns that tell it apart in KIK_IMPORT_AUTO (all of
 * `needs` and, when `either` is not 0, one of `either`, as bits of column indexes). */
static const struct {
	kik_import_kind kind;
	const kik__column *columns;
	size_t count;
	unsigned needs, either;
} kinds[] = {
	{ KIK_IMPORT_FIGURES, figure_columns, COUNT(figure_columns), 0xF, 0 },
	{ KIK_IMPORT_PRIORITIES, round_columns, COUNT(round_columns), 0x3, 0 },
	{ KIK_IMPORT_PROJECTS, project_columns, COUNT(project_columns), 0x1, 0xC0 },
	{ KIK_IMPORT_TIMELINE, timeline_columns, COUNT(timeline_columns), 0x5, 0 },
	{ KIK_IMPORT_FIELD_NOTES, field_note_columns, COUNT(field_note_columns), 0xA, 0 },
	{ KIK_IMPORT_NOTES, note_columns, COUNT(note_columns), 0x3, 0x18 },
};

static size_t kind_index(kik_import_kind kind)
{
	size_t k;
	for (k = 0; kinds[k].kind != kind; k++)
		;
	return k;
}

const kik__column *kik__content_columns(kik_import_kind kind, size_t *n)
{
	size_t k = kind_index(kind);
	*n = kinds[k].count;
	return kinds[k].columns;
}

/* Which columns of kind k a header row names, as bits. */
static unsigned named_columns(size_t k, const kik__csv_cell *cells, size_t count)
{
	unsigned found = 0;
	size_t i, c;
	for (i = 0; i < count; i++) {
		char folded[128];
		kik__fold_name(cells[i].text, folded, sizeof(folded));
		for (c = 0; c < kinds[k].count; c++)
			if (kik__names_column(folded, &kinds[k].columns[c]))
				found |= 1u << c;
	}
	return found;
}

int kik__content_kind(const kik__csv_cell *cells, size_t count)
{
	size_t k;
	for (k = 0; k < COUNT(kinds); k++) {
		unsigned found = named_columns(k, cells, count);
		if ((found & kinds[k].needs) == kinds[k].needs && (!kinds[k].either || (found & kinds[k].either)))
			return (int)kinds[k].kind;
	}
	return -1;
}

int kik__detect_content(const kik_plan *plan, const kik__source *src, const kik_import_options *options, int *kind)
{
	const kik__csv_cell *cells;
	size_t count;
	kik__csv csv;
	int got;
	*kind = -1;
	if (kik__csv_open(&csv, &plan->alloc, options, src, 0, UINT64_MAX) < 0)
		return KIK_ENOMEM;
	got = kik__read_row(&csv, &cells, &count);
	if (got > 0)
		*kind = kik__content_kind(cells, count);
	kik__csv_close(&csv);
	return got == KIK_ENOMEM ? KIK_ENOMEM : 0; /* other errors: the importer reports them */
}

/* ---- rows: cells, lists and where their values are --------------------------------- */

/* What an importer keeps while reading: the columns, the records so far, and the line
 * each came from (for "appears twice: first on line N"). */
typedef struct reading {
	kik__import *im;
	int col[MOST_COLUMNS];
	kik__vec staged;
	kik__vec lines;               /* (void *)(uintptr_t)line of each staged record */
	kik__vec lists[MOST_COLUMNS]; /* the items of the current row's list cells */
	kik__vec positions;           /* figures: where each staged record's share_of is */
} reading;

/* A row as an origin of values, for errors at their cells and list items. */
typedef struct row_origin {
	kik__origin base; /* first: the origin is the row */
	reading *r;
	const kik__csv_cell *cells;
	size_t count;
	int has_list[MOST_COLUMNS];
} row_origin;

/* Where `item` (a pointer into the cell's text) is: counted from the cell's start while
 * the bytes before it are as the file has them (no doubled quote before it). */
static kik__pos item_pos(kik__pos pos, const kik__csv_cell *cell, const char *item)
{
	const char *p = cell->raw + (cell->quoted ? 1 : 0);
	if (item < p || item > cell->text + cell->len || memchr(p, '"', (size_t)(item - p)))
		return pos;
	pos.column += (unsigned long)cell->quoted;
	for (; p < item; p++) {
		if (*p == '\n') {
			pos.line++;
			pos.column = 1;
		} else if ((*p & 0xC0) != 0x80 && *p != '\r') {
			pos.column++;
		}
	}
	return pos;
}

static kik__pos row_at(const kik__origin *o, int what, size_t item)
{
	const row_origin *ro = (const row_origin *)o;
	const reading *r = ro->r;
	int index = r->col[what];
	kik__pos pos = kik__import_pos(r->im, ro->cells, ro->count, index);
	if (ro->has_list[what] && item < r->lists[what].len && index >= 0 && (size_t)index < ro->count)
		pos = item_pos(pos, &ro->cells[index], r->lists[what].items[item]);
	return pos;
}

static void row_origin_init(row_origin *ro, reading *r, const kik__csv_cell *cells, size_t count)
{
	memset(ro, 0, sizeof(*ro));
	ro->base.at = row_at;
	ro->r = r;
	ro->cells = cells;
	ro->count = count;
}

/* The cell of value `what` ("" when the column is missing or the row short). */
static const char *cell_of(const reading *r, const kik__csv_cell *cells, size_t count, int what)
{
	return kik__import_cell(cells, count, r->col[what]);
}

/* Splits the list cell of value `what` at "|" into trimmed items (the cell is ours to cut
 * up: the reader's row buffer), kept in r->lists[what]. */
static int split_list(reading *r, row_origin *ro, int what)
{
	kik__vec *items = &r->lists[what];
	int index = r->col[what];
	char *p, *end;
	items->len = 0;
	ro->has_list[what] = 1;
	if (index < 0 || (size_t)index >= ro->count || !ro->cells[index].len)
		return 0;
	p = (char *)ro->cells[index].text;
	end = p + ro->cells[index].len;
	for (;;) {
		char *bar = memchr(p, '|', (size_t)(end - p)), *stop = bar ? bar : end;
		size_t len = (size_t)(stop - p);
		const char *item = kik__trim(p, &len);
		((char *)item)[len] = '\0';
		if (len && kik__vec_push(&r->im->plan->alloc, items, (void *)item) < 0)
			return kik__error_set(r->im->plan, KIK_ENOMEM, NULL, "out of memory");
		if (!bar)
			return 0;
		p = bar + 1;
	}
}

static const char *const *list_items(const reading *r, int what)
{
	return (const char *const *)r->lists[what].items;
}

/* Stages a record with the line it came from. */
static int stage(reading *r, void *record, unsigned long line, kik__record_free release)
{
	const kik_allocator *a = &r->im->plan->alloc;
	if (kik__vec_push(a, &r->staged, record) < 0) {
		release(a, record);
		return kik__error_set(r->im->plan, KIK_ENOMEM, NULL, "out of memory");
	}
	if (kik__vec_push(a, &r->lines, (void *)(uintptr_t)line) < 0) {
		r->staged.len--;
		release(a, record);
		return kik__error_set(r->im->plan, KIK_ENOMEM, NULL, "out of memory");
	}
	return 0;
}

/* The line of a staged record like `record`, or 0. */
static unsigned long first_line(const reading *r, const void *record, int (*same)(const void *x, const void *y))
{
	size_t i;
	for (i = 0; i < r->staged.len; i++)
		if (same(r->staged.items[i], record))
			return (unsigned long)(uintptr_t)r->lines.items[i];
	return 0;
}

/* Whether an until cell says the range is open ("open", "offen", "laufend", "jetzt"). */
static int says_open(const char *cell)
{
	char folded[32];
	kik__fold_name(cell, folded, sizeof(folded));
	return !strcmp(folded, "open") || !strcmp(folded, "offen") || !strcmp(folded, "laufend") ||
	       !strcmp(folded, "jetzt") || !strcmp(folded, "ongoing");
}

/* ---- the rows of each kind --------------------------------------------------------- */

static int note_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	reading *r = ctx;
	kik_plan *plan = im->plan;
	const char *field_cell = cell_of(r, cells, n, NOTE_FIELD), *goal_cell = cell_of(r, cells, n, NOTE_GOAL);
	const char *measure_cell = cell_of(r, cells, n, NOTE_MEASURE);
	row_origin ro;
	kik_field *field;
	kik_goal *goal;
	kik_measure *measure = NULL;
	struct kik_note *note;
	unsigned number, g, sub;
	unsigned long line;
	int err;
	row_origin_init(&ro, r, cells, n);
	if (!(field = kik__import_field(im, field_cell)))
		return kik__content_fail(&ro.base, NOTE_FIELD, 0, KIK_EPARSE,
					 "unknown field '%s': expected a field of the plan", field_cell);
	if (kik__parse_goal_number(goal_cell, &number) < 0)
		return kik__content_fail(&ro.base, NOTE_GOAL, 0, KIK_EPARSE,
					 "'%s' is not a goal number: expected a number such as 4", goal_cell);
	if (!(goal = kik__field_find_goal(field, number)))
		return kik__content_fail(&ro.base, NOTE_GOAL, 0, KIK_EPARSE, "field %s has no goal %u", field->code,
					 number);
	if (*measure_cell) {
		const char *dash = strchr(measure_cell, '-');
		measure = dash ? (kik_measure *)kik_plan_find_measure(plan, measure_cell) : NULL;
		if (!dash && kik__parse_measure_number(measure_cell, &g, &sub) == 0 && g == number)
			measure = kik__goal_find_measure(goal, sub);
		if (!measure)
			return kik__content_fail(&ro.base, NOTE_MEASURE, 0, KIK_EPARSE,
						 "no measure '%s' in goal %s-%u: expected a number such as %u.1",
						 measure_cell, field->code, number, number);
		if (measure->goal != goal)
			return kik__content_fail(&ro.base, NOTE_MEASURE, 0, KIK_EPARSE,
						 "measure %s does not belong to goal %s-%u", measure->id, field->code,
						 number);
	}
	if ((err = kik__note_build(plan, goal, measure, cell_of(r, cells, n, NOTE_CURRENT_STATE),
				   cell_of(r, cells, n, NOTE_OUTLOOK), &ro.base, &note)) < 0)
		return err;
	if ((line = first_line(r, note, kik__note_same))) {
		char id[64];
		kik__format_id(id, sizeof(id), field->code, '-', number, 0);
		kik__note_free(&plan->alloc, note);
		return kik__content_fail(&ro.base, measure ? NOTE_MEASURE : NOTE_GOAL, 0, KIK_EPARSE,
					 "the note of %s appears twice: first on line %lu", measure ? measure->id : id,
					 line);
	}
	return stage(r, note, cells[0].line, kik__note_free);
}

static int field_note_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	static const char *const keys[] = { "focus", "highlight", "outlook", "context" };
	static const char *const german[] = { "Schwerpunkt", "Highlight", "Ausblick", "Kontext" };
	static const char *const aliases[] = { "Schwerpunkte|focus point", "Highlights", "Ausblicke",
					       "Einführung|Einleitung|introduction" };
	reading *r = ctx;
	const char *field_cell = cell_of(r, cells, n, FIELD_NOTE_FIELD),
		   *kind_cell = cell_of(r, cells, n, FIELD_NOTE_KIND);
	row_origin ro;
	kik_field *field = NULL;
	struct kik_field_note *note;
	int kind, err;
	row_origin_init(&ro, r, cells, n);
	if (*field_cell && !(field = kik__import_field(im, field_cell)))
		return kik__content_fail(&ro.base, FIELD_NOTE_FIELD, 0, KIK_EPARSE,
					 "unknown field '%s': expected a field of the plan, or nothing for the plan "
					 "as a whole",
					 field_cell);
	if ((kind = kik__lookup_name(kind_cell, 4, keys, german, NULL, aliases)) < 0)
		return kik__content_fail(&ro.base, FIELD_NOTE_KIND, 0, KIK_EPARSE,
					 "'%s' is not a section: expected focus, highlight, outlook or context "
					 "(Schwerpunkt, Highlight, Ausblick, Kontext)",
					 kind_cell);
	if ((err = kik__field_note_build(im->plan, field, (kik_field_note_kind)kind,
					 cell_of(r, cells, n, FIELD_NOTE_TITLE), cell_of(r, cells, n, FIELD_NOTE_TEXT),
					 &ro.base, &note)) < 0)
		return err;
	return stage(r, note, cells[0].line, kik__field_note_free);
}

static int project_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	reading *r = ctx;
	kik_project_desc d = KIK_PROJECT_DESC_INIT;
	row_origin ro;
	struct kik_project *p;
	unsigned long line;
	int err;
	row_origin_init(&ro, r, cells, n);
	if ((err = split_list(r, &ro, PROJECT_ORGANISATIONS)) < 0 || (err = split_list(r, &ro, PROJECT_MEASURES)) < 0 ||
	    (err = split_list(r, &ro, PROJECT_GOALS)) < 0)
		return err;
	d.name = cell_of(r, cells, n, PROJECT_NAME);
	d.field = cell_of(r, cells, n, PROJECT_FIELD);
	d.organisations = list_items(r, PROJECT_ORGANISATIONS);
	d.organisation_count = r->lists[PROJECT_ORGANISATIONS].len;
	d.description = cell_of(r, cells, n, PROJECT_DESCRIPTION);
	d.start = cell_of(r, cells, n, PROJECT_START);
	d.end = cell_of(r, cells, n, PROJECT_END);
	d.measures = list_items(r, PROJECT_MEASURES);
	d.measure_count = r->lists[PROJECT_MEASURES].len;
	d.goals = list_items(r, PROJECT_GOALS);
	d.goal_count = r->lists[PROJECT_GOALS].len;
	if ((err = kik__project_build(im->plan, &d, &ro.base, &p)) < 0)
		return err;
	if ((line = first_line(r, p, kik__project_same))) {
		kik__project_free(&im->plan->alloc, p);
		return kik__content_fail(&ro.base, PROJECT_NAME, 0, KIK_EPARSE,
					 "project '%s' appears twice: first on line %lu", d.name, line);
	}
	return stage(r, p, cells[0].line, kik__project_free);
}

static int timeline_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	reading *r = ctx;
	kik_timeline_desc d = KIK_TIMELINE_DESC_INIT;
	row_origin ro;
	struct kik_timeline_entry *e;
	int err;
	row_origin_init(&ro, r, cells, n);
	if ((err = split_list(r, &ro, TIMELINE_FIELDS)) < 0)
		return err;
	d.date = cell_of(r, cells, n, TIMELINE_DATE);
	d.until = cell_of(r, cells, n, TIMELINE_UNTIL);
	if (says_open(d.until))
		d.until = "", d.open = 1;
	d.text = cell_of(r, cells, n, TIMELINE_TEXT);
	d.fields = list_items(r, TIMELINE_FIELDS);
	d.field_count = r->lists[TIMELINE_FIELDS].len;
	if ((err = kik__timeline_build(im->plan, &d, &ro.base, &e)) < 0)
		return err;
	return stage(r, e, cells[0].line, kik__timeline_entry_free);
}

static int round_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	reading *r = ctx;
	kik_round_desc d = KIK_ROUND_DESC_INIT;
	row_origin ro;
	struct kik_round *round;
	unsigned long line;
	int err;
	row_origin_init(&ro, r, cells, n);
	if ((err = split_list(r, &ro, ROUND_FIELDS)) < 0 || (err = split_list(r, &ro, ROUND_MEASURES)) < 0)
		return err;
	d.name = cell_of(r, cells, n, ROUND_NAME);
	d.from = cell_of(r, cells, n, ROUND_FROM);
	d.until = cell_of(r, cells, n, ROUND_UNTIL);
	if (says_open(d.until))
		d.until = "", d.open = 1;
	d.fields = list_items(r, ROUND_FIELDS);
	d.field_count = r->lists[ROUND_FIELDS].len;
	d.measures = list_items(r, ROUND_MEASURES);
	d.measure_count = r->lists[ROUND_MEASURES].len;
	if ((err = kik__round_build(im->plan, &d, &ro.base, &round)) < 0)
		return err;
	if ((line = first_line(r, round, kik__round_same))) {
		kik__round_free(&im->plan->alloc, round);
		return kik__content_fail(&ro.base, ROUND_NAME, 0, KIK_EPARSE,
					 "round '%s' appears twice: first on line %lu", d.name, line);
	}
	return stage(r, round, cells[0].line, kik__round_free);
}

static int figure_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	static const char *const keys[] = { "count", "percent" };
	static const char *const german[] = { "Anzahl", "Prozent" };
	static const char *const aliases[] = { "Zahl|number", "Prozentsatz|Anteil|share|pct" };
	reading *r = ctx;
	kik_figure_desc d = KIK_FIGURE_DESC_INIT;
	const char *unit_cell = cell_of(r, cells, n, FIGURE_UNIT), *value_cell = cell_of(r, cells, n, FIGURE_VALUE);
	row_origin ro;
	struct kik_figure *f;
	kik__pos *where;
	int64_t scaled;
	unsigned long line;
	unsigned k;
	char why[300];
	int unit, err;
	row_origin_init(&ro, r, cells, n);
	unit = strcmp(unit_cell, "%") == 0 ? KIK_UNIT_PERCENT
					   : kik__lookup_name(unit_cell, 2, keys, german, NULL, aliases);
	if (unit < 0)
		return kik__content_fail(&ro.base, FIGURE_UNIT, 0, KIK_EPARSE,
					 "'%s' is not a unit: expected count or percent (Anzahl or Prozent)",
					 unit_cell);
	if (kik__figure_parse(value_cell, (kik_figure_unit)unit, &scaled, &d.decimals, why, sizeof(why)) < 0)
		return kik__content_fail(&ro.base, FIGURE_VALUE, 0, KIK_EPARSE, "%s", why);
	d.name = cell_of(r, cells, n, FIGURE_NAME);
	d.unit = (kik_figure_unit)unit;
	d.date = cell_of(r, cells, n, FIGURE_DATE);
	d.value = (double)scaled;
	for (k = 0; k < d.decimals; k++)
		d.value /= 10;
	d.source = cell_of(r, cells, n, FIGURE_SOURCE);
	d.share_of = cell_of(r, cells, n, FIGURE_SHARE_OF);
	if ((err = kik__figure_build(im->plan, &d, &ro.base, &f)) < 0)
		return err;
	if ((line = first_line(r, f, kik__figure_same))) {
		kik__figure_free(&im->plan->alloc, f);
		return kik__content_fail(&ro.base, FIGURE_DATE, 0, KIK_EPARSE,
					 "figure '%s' of %s appears twice: first on line %lu", d.name, d.date, line);
	}
	/* where its share_of is, checked once every figure of the file is known */
	if (!(where = kik__malloc(&im->plan->alloc, sizeof(*where)))) {
		kik__figure_free(&im->plan->alloc, f);
		return kik__error_set(im->plan, KIK_ENOMEM, NULL, "out of memory");
	}
	*where = row_at(&ro.base, FIGURE_SHARE_OF, 0);
	if (kik__vec_push(&im->plan->alloc, &r->positions, where) < 0) {
		kik__free(&im->plan->alloc, where);
		kik__figure_free(&im->plan->alloc, f);
		return kik__error_set(im->plan, KIK_ENOMEM, NULL, "out of memory");
	}
	if ((err = stage(r, f, cells[0].line, kik__figure_free)) < 0) {
		kik__free(&im->plan->alloc, r->positions.items[--r->positions.len]);
		return err;
	}
	return 0;
}

/* Every share_of of the file names a figure of the plan or of the file. */
static int figures_shares(reading *r)
{
	size_t i;
	int err = 0;
	for (i = 0; i < r->staged.len; i++) {
		const struct kik_figure *f = r->staged.items[i];
		if (*f->share_of && !kik__figure_named(r->im->plan, &r->staged, f->share_of)) {
			err = kik__error_set(r->im->plan, KIK_EPARSE, r->positions.items[i],
					     "no figure '%s' for '%s' to be a share of: expected the name of a figure "
					     "of the plan or of this file",
					     f->share_of, f->name);
			if ((err = kik__import_problem(r->im, err)) < 0)
				return err;
		}
	}
	return r->im->diag && r->im->diag->count ? KIK_EPARSE : 0;
}

/* ---- running an import ------------------------------------------------------------ */

/* The header of a kind with one of two columns needed (`a` or `b`); errors set. */
static int need_one_of(reading *r, int a, int b, const kik__column *columns)
{
	kik__pos pos = { r->im->file, 1, 1 };
	if (r->col[a] >= 0 || r->col[b] >= 0)
		return 0;
	return kik__error_set(r->im->plan, KIK_EPARSE, &pos, "missing column: expected a header named %s or %s",
			      columns[a].key, columns[b].key);
}

static void release_reading(reading *r, kik__record_free release)
{
	const kik_allocator *a = &r->im->plan->alloc;
	size_t i;
	kik__content_free_all(a, &r->staged, release);
	kik__vec_free(a, &r->lines);
	for (i = 0; i < MOST_COLUMNS; i++)
		kik__vec_free(a, &r->lists[i]);
	for (i = 0; i < r->positions.len; i++)
		kik__free(a, r->positions.items[i]);
	kik__vec_free(a, &r->positions);
}

int kik__import_content(kik__import *im, kik_import_kind kind)
{
	static const struct {
		kik__row_fn row;
		kik__record_free release;
		int (*same)(const void *x, const void *y);
	} how[] = {
		[KIK_IMPORT_NOTES] = { note_row, kik__note_free, kik__note_same },
		[KIK_IMPORT_FIELD_NOTES] = { field_note_row, kik__field_note_free, NULL },
		[KIK_IMPORT_PROJECTS] = { project_row, kik__project_free, kik__project_same },
		[KIK_IMPORT_TIMELINE] = { timeline_row, kik__timeline_entry_free, NULL },
		[KIK_IMPORT_PRIORITIES] = { round_row, kik__round_free, kik__round_same },
		[KIK_IMPORT_FIGURES] = { figure_row, kik__figure_free, kik__figure_same },
	};
	kik__content *c = &im->plan->content;
	kik__vec *lists[] = { [KIK_IMPORT_NOTES] = &c->notes,
			      [KIK_IMPORT_PROJECTS] = &c->projects,
			      [KIK_IMPORT_PRIORITIES] = &c->rounds,
			      [KIK_IMPORT_FIGURES] = &c->figures };
	size_t k = kind_index(kind);
	int complete = (im->options->flags & KIK_IMPORT_COMPLETE) != 0, err;
	reading r;
	memset(&r, 0, sizeof(r));
	r.im = im;
	if ((err = kik__import_header(im, kinds[k].columns, kinds[k].count, r.col)) < 0)
		return err;
	if (kind == KIK_IMPORT_NOTES)
		err = need_one_of(&r, NOTE_CURRENT_STATE, NOTE_OUTLOOK, note_columns);
	else if (kind == KIK_IMPORT_PROJECTS)
		err = need_one_of(&r, PROJECT_MEASURES, PROJECT_GOALS, project_columns);
	if (err == 0)
		err = kik__import_rows(im, how[kind].row, &r);
	if (err == 0 && kind == KIK_IMPORT_FIGURES)
		err = figures_shares(&r);
	if (err == 0 && !im->diag) { /* a validation only reads */
		if (kind == KIK_IMPORT_FIELD_NOTES)
			err = kik__field_notes_commit(im->plan, &r.staged, complete);
		else if (kind == KIK_IMPORT_TIMELINE)
			err = kik__timeline_commit(im->plan, &r.staged);
		else if (kik__content_commit(&im->plan->alloc, lists[kind], &r.staged, how[kind].same,
					     how[kind].release, complete) < 0)
			err = kik__error_set(im->plan, KIK_ENOMEM, NULL, "out of memory");
	}
	release_reading(&r, how[kind].release);
	return err;
}
