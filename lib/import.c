/* Imports: a file or buffer is read into a staging copy of the plan, which replaces the
 * plan only when the whole input was valid, so a failed import changes nothing. */
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int kik__read_row(kik__csv *r, const kik__csv_cell **cells, size_t *count)
{
	for (;;) {
		size_t i;
		int got = kik__csv_next(r, cells, count);
		if (got <= 0)
			return got;
		for (i = 0; i < *count; i++) {
			/* the cells live in the reader's buffer, which is ours to change */
			kik__csv_cell *cell = (kik__csv_cell *)&(*cells)[i];
			const unsigned char *t = (const unsigned char *)cell->text;
			/* white space or a no-break space (C2 A0) at an end: the usual cell has none */
			if (cell->len &&
			    (t[0] <= ' ' || t[0] == 0xC2 || t[cell->len - 1] <= ' ' || t[cell->len - 1] == 0xA0)) {
				cell->text = kik__trim(cell->text, &cell->len);
				((char *)cell->text)[cell->len] = '\0';
			}
			if (cell->text[0] == '\'' && kik__needs_defusing(cell->text + 1)) {
				cell->text++; /* the apostrophe an export put before a formula-like text */
				cell->len--;
			}
		}
		for (i = 0; i < *count && (*cells)[i].len == 0; i++)
			;
		if (i < *count)
			return 1;
		/* a row of empty cells (";;;") counts as blank */
	}
}

int kik__import_row(kik__import *im, const kik__csv_cell **cells, size_t *count)
{
	int got = kik__read_row(&im->csv, cells, count);
	if (got < 0) {
		kik__pos pos = { im->file, im->csv.error_line, im->csv.error_column };
		return kik__error_set(im->plan, got, &pos, "%s", im->csv.error);
	}
	return got;
}

kik_field *kik__import_field(kik__import *im, const char *cell)
{
	kik_field *field;
	if (im->field_hit && strcmp(cell, im->field_cell) == 0)
		return im->field_hit; /* fields do not move during an import */
	field = kik__plan_find_field(im->plan, cell);
	if (field && strlen(cell) < sizeof(im->field_cell)) {
		strcpy(im->field_cell, cell);
		im->field_hit = field;
	}
	return field;
}

kik__pos kik__import_pos(const kik__import *im, const kik__csv_cell *cells, size_t count, int index)
{
	kik__pos pos = { im->file, 0, 0 };
	if (count) {
		const kik__csv_cell *cell = index >= 0 && (size_t)index < count ? &cells[index] : &cells[0];
		pos.line = cell->line;
		pos.column = kik__csv_column(&im->csv, cell);
	}
	return pos;
}

static int header_is(const char *folded_cell, const char *name)
{
	char want[128];
	kik__fold_name(name, want, sizeof(want));
	return strcmp(folded_cell, want) == 0;
}

int kik__names_column(const char *folded, const kik__column *column)
{
	char names[256], *name, *save = NULL;
	int match = *folded && header_is(folded, column->key);
	snprintf(names, sizeof(names), "%s", column->aliases);
	for (name = strtok_r(names, "|", &save); name && !match && *folded; name = strtok_r(NULL, "|", &save))
		match = header_is(folded, name);
	return match;
}

/* ---- the kinds of file, told apart by their header ----------------------- */

static const struct {
	kik_import_kind kind;
	const char *name; /* in "this looks like a ... file" */
	const kik__column *(*columns)(size_t *n);
} kinds[] = {
	{ KIK_IMPORT_MEASURES, "measures", kik__measures_columns },
	{ KIK_IMPORT_TASKS, "tasks", kik__tasks_columns },
	{ KIK_IMPORT_FIELDS, "field table", kik__fields_columns },
	{ KIK_IMPORT_PLAN_INFO, "plan information", kik__plan_info_columns },
	{ KIK_IMPORT_PUBLISHED, "published figures", kik__published_columns },
};
enum { KINDS = sizeof(kinds) / sizeof(kinds[0]) };

/* How many of kind k's required columns the header row names (of `*required`). */
static size_t required_found(size_t k, const kik__csv_cell *cells, size_t count, size_t *required)
{
	size_t n, c, i, found = 0;
	const kik__column *columns = kinds[k].columns(&n);
	*required = 0;
	for (c = 0; c < n; c++) {
		if (!columns[c].required)
			continue;
		++*required;
		for (i = 0; i < count; i++) {
			char folded[128];
			kik__fold_name(cells[i].text, folded, sizeof(folded));
			if (kik__names_column(folded, &columns[c])) {
				found++;
				break;
			}
		}
	}
	return found;
}

/* Whether the header row has every required column of kind k. Published figures have
 * no measure column: a status matrix with a field column names the statuses too. */
static int header_fits(size_t k, const kik__csv_cell *cells, size_t count)
{
	size_t required, n, i, c;
	const kik__column *measures = kik__measures_columns(&n);
	size_t found = required_found(k, cells, count, &required);
	if (found < required)
		return 0;
	for (c = 0; kinds[k].kind == KIK_IMPORT_PUBLISHED && c < n; c++) {
		if (strcmp(measures[c].key, "measure") != 0)
			continue;
		for (i = 0; i < count; i++) {
			char folded[128];
			kik__fold_name(cells[i].text, folded, sizeof(folded));
			if (kik__names_column(folded, &measures[c]))
				return 0;
		}
	}
	return 1;
}

/* The kind whose required columns the header row names the greatest share of (the
 * first such kind on a tie). */
static size_t closest_kind(const kik__csv_cell *cells, size_t count)
{
	size_t k, best = 0, most = 0, required;
	for (k = 0; k < KINDS; k++) {
		size_t found = required_found(k, cells, count, &required), share = found * 100 / required;
		if (share > most) {
			most = share;
			best = k;
		}
	}
	return best;
}

/* "; this looks like a tasks file" when the header row fits a kind other than the one
 * read with `columns` (the report's content kinds included), or when it fits none and
 * comes closest to another (or to this one when KIK_IMPORT_AUTO chose it for that); else "". */
static void looks_like(const kik__import *im, const kik__column *columns, const kik__csv_cell *cells, size_t count,
		       char *out, size_t cap)
{
	size_t k, n;
	int content = kik__content_kind(cells, count);
	*out = '\0';
	if (content >= 0 && kik__content_columns((kik_import_kind)content, &n) != columns) {
		snprintf(out, cap, "; this looks like a %s file", kik_import_kind_key((kik_import_kind)content));
		return;
	}
	for (k = 0; k < KINDS; k++) {
		if (kinds[k].columns(&n) != columns && header_fits(k, cells, count)) {
			snprintf(out, cap, "; this looks like a %s file", kinds[k].name);
			return;
		}
	}
	k = closest_kind(cells, count);
	if (kinds[k].columns(&n) != columns || (im->options && (im->options->flags & KIK__IMPORT_GUESSED)))
		snprintf(out, cap, "; the header fits no kind of file and comes closest to a %s file", kinds[k].name);
}

int kik__import_header(kik__import *im, const kik__column *columns, size_t n, int *index)
{
	const kik__csv_cell *cells;
	size_t count, i, k;
	int got = kik__import_row(im, &cells, &count);
	if (got < 0)
		return got;
	if (got == 0) {
		kik__pos pos = { im->file, 1, 1 };
		return kik__error_set(im->plan, KIK_EPARSE, &pos, "the file is empty: expected a header row");
	}
	for (k = 0; k < n; k++)
		index[k] = -1;
	for (i = 0; i < count; i++) {
		char folded[128];
		kik__fold_name(cells[i].text, folded, sizeof(folded));
		for (k = 0; k < n; k++)
			if (index[k] < 0 && kik__names_column(folded, &columns[k]))
				index[k] = (int)i;
	}
	for (k = 0; k < n; k++) {
		if (columns[k].required && index[k] < 0) {
			kik__pos pos = kik__import_pos(im, cells, count, 0);
			char hint[96];
			looks_like(im, columns, cells, count, hint, sizeof(hint));
			return kik__error_set(im->plan, KIK_EPARSE, &pos,
					      "missing column '%s': expected a header named %s or %s%s", columns[k].key,
					      columns[k].key, columns[k].aliases, hint);
		}
	}
	return 0;
}

int kik__needs_defusing(const char *s)
{
	while (*s == '\'')
		s++;
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

/* ---- diagnostics --------------------------------------------------------- */

static int diag_add(kik_diagnostics *d)
{
	const kik__error_slot *last = kik__error_slot_last();
	kik__diag_item *slot;
	char *message, *file = NULL;
	if (d->count == d->max) {
		d->truncated = 1;
		return 0;
	}
	if (d->count == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		kik__diag_item *items = kik__realloc(&d->alloc, d->items, cap * sizeof(*items));
		if (!items)
			return KIK_ENOMEM;
		d->items = items;
		d->cap = cap;
	}
	if (!(message = kik__strndup(&d->alloc, last->message, strlen(last->message))) ||
	    (last->pub.file && !(file = kik__strndup(&d->alloc, last->file, strlen(last->file))))) {
		kik__free(&d->alloc, message);
		return KIK_ENOMEM;
	}
	slot = &d->items[d->count++];
	slot->pub = last->pub;
	slot->pub.message = message;
	slot->pub.file = file;
	return 0;
}

void kik_diagnostics_free(kik_diagnostics *d)
{
	kik_allocator a;
	size_t i;
	if (!d)
		return;
	a = d->alloc;
	for (i = 0; i < d->count; i++) {
		kik__free(&a, (char *)d->items[i].pub.message);
		kik__free(&a, (char *)d->items[i].pub.file);
	}
	kik__free(&a, d->items);
	kik__free(&a, d);
}

size_t kik_diagnostics_count(const kik_diagnostics *d)
{
	return d ? d->count : 0;
}

const kik_error *kik_diagnostics_get(const kik_diagnostics *d, size_t i)
{
	return d && i < d->count ? &d->items[i].pub : NULL;
}

int kik_diagnostics_truncated(const kik_diagnostics *d)
{
	return d ? d->truncated : 0;
}

int kik__import_problem(kik__import *im, int err)
{
	if (!im->diag || err == KIK_ENOMEM)
		return err;
	if ((err = diag_add(im->diag)) < 0)
		return err;
	return im->diag->truncated ? KIK_EPARSE : 0;
}

int kik__import_rows(kik__import *im, kik__row_fn row, void *ctx)
{
	const kik__csv_cell *cells;
	size_t n;
	int got, err;
	while ((got = kik__import_row(im, &cells, &n)) > 0) {
		im->rows++;
		if ((err = row(im, cells, n, ctx)) < 0 && (err = kik__import_problem(im, err)) < 0)
			return err;
	}
	if (got < 0 && im->diag && (err = diag_add(im->diag)) < 0)
		return err;
	if (got < 0)
		return got;
	return im->diag && im->diag->count ? KIK_EPARSE : 0;
}

int kik__import_expect_measures(kik__import *im, unsigned long measures)
{
	kik__pos pos = { im->file, im->csv.line, 1 };
	if (measures)
		return 0;
	return kik__error_set(im->plan, KIK_EPARSE, &pos, "no measures in the file: expected rows after the header");
}

/* ---- running an import --------------------------------------------------- */

/* Inputs smaller than this per part are read row by row: threads would cost more. */
#define PART_BYTES (2u * 1024 * 1024)

/* Parts per thread: a thread that finishes early takes another part, and the importing
 * thread, which also applies the parts in order, is left with less to apply at the end. */
#define PARTS_PER_THREAD 4

/* How many threads an import may read with. Only measures and tasks have a phase one,
 * and a caller's own allocator is used from several threads only when asked for. */
static int threads_for(const kik_plan *plan, kik_import_kind kind, const kik__source *src,
		       const kik_import_options *options, const kik_diagnostics *diag)
{
	unsigned threads = options->threads;
	uint64_t most = src->size / PART_BYTES;
	if (diag || (kind != KIK_IMPORT_MEASURES && kind != KIK_IMPORT_TASKS) || most < 2)
		return 1;
	if (options->encoding == KIK_ENCODING_CP1252)
		return 1;
	if (threads == 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		if (!kik__allocator_is_default(&plan->alloc) || cores < 2)
			return 1;
		threads = (unsigned)cores;
	}
	if (threads > KIK__MOST_PARTS)
		threads = KIK__MOST_PARTS;
	return (int)(most < threads ? most : threads);
}

/* How many parts `threads` threads read a source in: a few each, each part large enough. */
static int parts_for(const kik__source *src, int threads)
{
	uint64_t most = src->size / PART_BYTES, parts = (uint64_t)threads * PARTS_PER_THREAD;
	if (threads < 2)
		return 1;
	if (parts > KIK__MOST_PARTS)
		parts = KIK__MOST_PARTS;
	return (int)(most < parts ? most : parts);
}

/* ---- options ------------------------------------------------------------------- */

int kik__import_options_read(const kik_import_options *in, kik_import_kind kind, kik_import_options *out)
{
	static const kik_import_options defaults = KIK_IMPORT_OPTIONS_INIT;
	*out = defaults;
	if (!in)
		return 0;
	if (in->version < 1 || in->version > KIK_IMPORT_OPTIONS_VERSION)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "import options of version %u: expected 1 to %u",
				      in->version, KIK_IMPORT_OPTIONS_VERSION);
	*out = *in; /* every member is in version 1 */
	out->version = KIK_IMPORT_OPTIONS_VERSION;
	if ((unsigned)out->encoding > KIK_ENCODING_CP1252)
		return kik__error_set(
		    NULL, KIK_EINVAL, NULL,
		    "encoding %d: expected KIK_ENCODING_AUTO, KIK_ENCODING_UTF8 or KIK_ENCODING_CP1252",
		    (int)out->encoding);
	if (out->delimiter && out->delimiter != ';' && out->delimiter != ',' && out->delimiter != '\t')
		return kik__error_set(NULL, KIK_EINVAL, NULL, "delimiter '%c': expected ';', ',', TAB or 0 to detect",
				      out->delimiter);
	if (out->flags & ~(unsigned)KIK_IMPORT_COMPLETE)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "unknown import flags 0x%x", out->flags);
	if ((out->flags & KIK_IMPORT_COMPLETE) && kind != KIK_IMPORT_TASKS && kind != KIK_IMPORT_AUTO &&
	    !KIK__CONTENT_KIND(kind))
		return kik__error_set(NULL, KIK_EINVAL, NULL,
				      "KIK_IMPORT_COMPLETE is for files of tasks and of the report's content only");
	return 0;
}

const char *kik_import_kind_key(kik_import_kind kind)
{
	static const char *const keys[] = { "measures", "fields",     "plan_info", "tasks",       "published",
					    "matrix",   "auto",       "notes",     "field_notes", "projects",
					    "timeline", "priorities", "figures" };
	return (unsigned)kind < sizeof(keys) / sizeof(keys[0]) ? keys[kind] : NULL;
}

/* ---- the small imports: in place, with what they can change kept aside ---------------- */

/* What an import of fields, plan information or published figures can change: the
 * fields (added at the end), their aliases (added at the end) and published figures. The
 * plan's name and date are set only after the whole file was read (see import_fields.c). */
typedef struct field_state {
	size_t aliases;
	int has_published;
	size_t published[KIK_STATUS_COUNT], published_total;
	const char *name;
} field_state;

typedef struct small_undo {
	size_t fields;
	field_state *saved;
} small_undo;

static int small_begin(kik_plan *plan, small_undo *u)
{
	size_t i;
	u->fields = plan->fields.len;
	u->saved = kik__malloc(&plan->alloc, (u->fields ? u->fields : 1) * sizeof(*u->saved));
	if (!u->saved)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	for (i = 0; i < u->fields; i++) {
		const kik_field *f = plan->fields.items[i];
		field_state *s = &u->saved[i];
		s->aliases = f->aliases.len;
		s->has_published = f->has_published;
		memcpy(s->published, f->published, sizeof(s->published));
		s->published_total = f->published_total;
		s->name = f->name;
	}
	return 0;
}

static void small_end(kik_plan *plan, small_undo *u, int failed)
{
	size_t i;
	for (i = 0; failed && i < plan->fields.len; i++) /* the names added find nothing again */
		if (i >= u->fields)
			kik__plan_unindex_field(plan, plan->fields.items[i]);
		else
			kik__plan_unindex_aliases(plan, plan->fields.items[i], u->saved[i].aliases);
	for (i = 0; failed && i < u->fields; i++) {
		kik_field *f = plan->fields.items[i];
		const field_state *s = &u->saved[i];
		f->aliases.len = s->aliases;
		f->has_published = s->has_published;
		memcpy(f->published, s->published, sizeof(s->published));
		f->published_total = s->published_total;
		f->name = s->name;
	}
	while (failed && plan->fields.len > u->fields)
		kik__field_free_lists(&plan->alloc, plan->fields.items[--plan->fields.len]);
	if (failed)
		plan->recent_field = NULL, plan->recent_goal = NULL, plan->recent_group = NULL;
	kik__free(&plan->alloc, u->saved);
}

/* ---- running an import --------------------------------------------------- */

typedef int (*importer)(kik__import *im);

/* Reads `src` into `plan` itself: row by row or in parts. */
static int run(kik_plan *plan, kik_import_kind kind, const kik__source *src, const char *name,
	       const kik_import_options *options, kik_diagnostics *diag, int parts, int threads)
{
	static const importer importers[] = { kik__import_measures, kik__import_fields,    kik__import_plan_info,
					      kik__import_tasks,    kik__import_published, kik__import_matrix };
	kik__import im;
	int err;
	memset(&im, 0, sizeof(im));
	im.direct = kind == KIK_IMPORT_TASKS && !diag;
	im.plan = plan;
	im.options = options;
	im.src = src;
	im.file = name;
	im.diag = diag;
	im.parts = parts;
	im.threads = threads;
	if ((err = kik__csv_open(&im.csv, &plan->alloc, options, src, 0, UINT64_MAX)) < 0) {
		kik__error_set(plan, err, NULL, "out of memory");
	} else {
		if (kind == KIK_IMPORT_MATRIX)
			im.csv.delimiter_line = "wartend";
		err = KIK__CONTENT_KIND(kind) ? kik__import_content(&im, kind) : importers[kind](&im);
		kik__plan_reorder(plan);
	}
	kik__csv_close(&im.csv);
	return err;
}

/* An import of measures or a matrix: into a copy that replaces the plan when the whole
 * file was good; read in parts where that pays, row by row when that did not work out. */
static int into_copy(kik_plan *plan, kik_import_kind kind, const kik__source *src, const char *name,
		     const kik_import_options *options)
{
	int threads = threads_for(plan, kind, src, options, NULL), parts = parts_for(src, threads), err;
	kik_plan *staging;
	for (;;) {
		if ((err = kik__plan_clone(plan, &staging)) < 0)
			return err;
		err = run(staging, kind, src, name, options, NULL, parts, threads);
		if (err == 0)
			kik__plan_swap(plan, staging);
		kik_plan_free(staging);
		if (err == 0 || parts == 1)
			return err;
		parts = 1; /* start over, row by row */
	}
}

/* An import of tasks: in place (the importer undoes its changes when it fails). */
static int tasks_in_place(kik_plan *plan, const kik__source *src, const char *name, const kik_import_options *options)
{
	int threads = threads_for(plan, KIK_IMPORT_TASKS, src, options, NULL), parts = parts_for(src, threads), err;
	err = run(plan, KIK_IMPORT_TASKS, src, name, options, NULL, parts, threads);
	if (err < 0 && parts > 1)
		err = run(plan, KIK_IMPORT_TASKS, src, name, options, NULL, 1, threads);
	return err;
}

static int import_source(kik_plan *plan, kik_import_kind kind, const kik__source *src, const char *name,
			 const kik_import_options *options)
{
	small_undo u;
	int err;
	switch (kind) {
	case KIK_IMPORT_MEASURES:
	case KIK_IMPORT_MATRIX: return into_copy(plan, kind, src, name, options);
	case KIK_IMPORT_TASKS: return tasks_in_place(plan, src, name, options);
	case KIK_IMPORT_NOTES:
	case KIK_IMPORT_FIELD_NOTES:
	case KIK_IMPORT_PROJECTS:
	case KIK_IMPORT_TIMELINE:
	case KIK_IMPORT_PRIORITIES:
	case KIK_IMPORT_FIGURES: /* staged by the importer: the file's records, put when all are good */
		return run(plan, kind, src, name, options, NULL, 1, 1);
	default:
		if ((err = small_begin(plan, &u)) < 0)
			return err;
		err = run(plan, kind, src, name, options, NULL, 1, 1);
		small_end(plan, &u, err < 0);
		return err;
	}
}

/* A matrix has one line naming all three statuses as column heads. */
static int has_status_line(const char *head, size_t len)
{
	size_t start = 0, i;
	for (i = 0; i <= len; i++) {
		if (i == len || head[i] == '\n' || head[i] == '\r') {
			const char *line = head + start;
			size_t n = i - start;
			if (kik__find_word(line, n, "wartend") && kik__find_word(line, n, "in Bearbeitung") &&
			    kik__find_word(line, n, "implementiert"))
				return 1;
			start = i + 1;
		}
	}
	return 0;
}

/* The kind of an input, told when asked to by its first row: a kind of the report's
 * content, else the first kind whose columns it has, else a status matrix by its status
 * line, else the kind it comes closest to (whose importer then names what is missing;
 * KIK__IMPORT_GUESSED in the import's options says so). The kind, or KIK_ENOMEM. */
static int kind_of(const kik_plan *plan, kik_import_kind kind, const kik__source *src, kik_import_options *options)
{
	const kik__csv_cell *cells;
	size_t count = 0, k;
	char head[4096];
	long n;
	kik__csv csv;
	int got, found = -1, content, err;
	if (kind != KIK_IMPORT_AUTO)
		return (int)kind;
	if ((err = kik__detect_content(plan, src, options, &content)) < 0)
		return err;
	if (content >= 0)
		return content;
	n = kik__source_read(src, head, sizeof(head), 0);
	if (kik__csv_open(&csv, &plan->alloc, options, src, 0, UINT64_MAX) < 0)
		return KIK_ENOMEM;
	got = kik__read_row(&csv, &cells, &count);
	for (k = 0; got > 0 && found < 0 && k < KINDS; k++)
		if (header_fits(k, cells, count))
			found = (int)kinds[k].kind;
	if (found < 0 && n > 0 && has_status_line(head, (size_t)n))
		found = KIK_IMPORT_MATRIX;
	if (found < 0 && got > 0) {
		found = (int)kinds[closest_kind(cells, count)].kind;
		options->flags |= KIK__IMPORT_GUESSED;
	}
	kik__csv_close(&csv);
	if (got == KIK_ENOMEM)
		return KIK_ENOMEM;
	return found < 0 ? KIK_IMPORT_MEASURES : found; /* empty or unreadable: the importer says why */
}

static int import_or_validate(const kik_plan *plan, kik_plan *target, kik_import_kind kind, const char *path,
			      const char *data, size_t size, const char *name, const kik_import_options *given,
			      size_t max_problems, kik_diagnostics **out)
{
	kik_diagnostics *diag = NULL;
	kik_import_options options;
	kik__source src;
	kik_plan *staging = NULL;
	uint64_t most; /* what a pipe or device may hand over */
	int err = 0;
	if ((unsigned)kind > KIK_IMPORT_FIGURES)
		return kik__error_set(plan, KIK_EINVAL, NULL, "unknown import kind %d", (int)kind);
	if (kik__import_options_read(given, kind, &options) < 0)
		return KIK_EINVAL;
	/* far beyond any plan, short of filling memory */
	most = options.max_input_bytes ? options.max_input_bytes : (uint64_t)4 << 30;
	if (out) {
		if (!(diag = kik__malloc(&plan->alloc, sizeof(*diag))))
			return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
		memset(diag, 0, sizeof(*diag));
		diag->alloc = plan->alloc;
		diag->max = max_problems ? max_problems : 100;
		*out = diag;
	}
	if (!path) {
		kik__source_memory(&src, data, size);
	} else if ((err = kik__source_file(&src, &plan->alloc, path, most)) < 0) {
		kik__pos pos = { path, 0, 0 };
		if (err == KIK_ENOMEM)
			kik__error_set(plan, err, &pos, "out of memory");
		else if (err == KIK_ELIMIT)
			kik__error_set(plan, err, &pos,
				       "more than %llu bytes from a pipe or device: expected at most the limit on "
				       "such inputs (max_input_bytes)",
				       (unsigned long long)most);
		else
			kik__error_os(err, &pos, errno, "cannot open the file: %s", strerror(errno));
		if (diag && err != KIK_ENOMEM && diag_add(diag) < 0)
			err = KIK_ENOMEM;
	}
	if (err == 0 && (err = kind_of(plan, kind, &src, &options)) < 0)
		kik__error_set(plan, err, NULL, "out of memory");
	if (err >= 0) {
		kind = (kik_import_kind)err;
		err = 0;
		if (!diag)
			err = import_source(target, kind, &src, path ? path : name, &options);
		else if ((err = kik__plan_clone(plan, &staging)) == 0)
			err = run(staging, kind, &src, path ? path : name, &options, diag, 1, 1);
		kik_plan_free(staging);
	}
	kik__source_close(&src, &plan->alloc);
	if (diag && err == KIK_ENOMEM) {
		kik_diagnostics_free(diag);
		*out = NULL;
	}
	if (diag && err < 0 && err != KIK_ENOMEM && diag->count == 0 && diag_add(diag) < 0) {
		kik_diagnostics_free(diag); /* an error outside the rows, such as a bad kind */
		*out = NULL;
		return KIK_ENOMEM;
	}
	if (err == 0)
		kik__error_clear(plan);
	else if (err == KIK_ENOMEM && (!kik_error_last() || kik_error_last()->code != KIK_ENOMEM))
		kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory"); /* collecting a problem failed */
	return err;
}

int kik_plan_import_buffer(kik_plan *plan, kik_import_kind kind, const char *data, size_t size, const char *name,
			   const kik_import_options *options)
{
	kik__error_clear(plan);
	if (!plan || (!data && size))
		return kik__error_arg(plan ? "data is NULL" : "the plan is NULL");
	if (name && kik__check_text(name, "the name") < 0)
		return KIK_EINVAL;
	return import_or_validate(plan, plan, kind, NULL, data ? data : "", size, name, options, 0, NULL);
}

int kik_plan_import_file(kik_plan *plan, kik_import_kind kind, const char *path, const kik_import_options *options)
{
	kik__error_clear(plan);
	if (!plan || !path)
		return kik__error_arg(plan ? "the path is NULL" : "the plan is NULL");
	return import_or_validate(plan, plan, kind, path, NULL, 0, path, options, 0, NULL);
}

int kik_plan_validate_file(const kik_plan *plan, kik_import_kind kind, const char *path,
			   const kik_import_options *options, size_t max_problems, kik_diagnostics **out)
{
	kik__error_clear(plan);
	if (!plan || !path || !out)
		return kik__error_arg(!plan ? "the plan is NULL" : !path ? "the path is NULL" : "out is NULL");
	return import_or_validate(plan, NULL, kind, path, NULL, 0, path, options, max_problems, out);
}

int kik_plan_validate_buffer(const kik_plan *plan, kik_import_kind kind, const char *data, size_t size,
			     const char *name, const kik_import_options *options, size_t max_problems,
			     kik_diagnostics **out)
{
	kik__error_clear(plan);
	if (!plan || (!data && size) || !out)
		return kik__error_arg(!plan ? "the plan is NULL" : !out ? "out is NULL" : "data is NULL");
	if (name && kik__check_text(name, "the name") < 0)
		return KIK_EINVAL;
	return import_or_validate(plan, NULL, kind, NULL, data ? data : "", size, name, options, max_problems, out);
}
