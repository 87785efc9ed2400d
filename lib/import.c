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
		for (k = 0; k < n && *folded; k++) {
			char names[256], *name, *save = NULL;
			int match = header_is(folded, columns[k].key);
			snprintf(names, sizeof(names), "%s", columns[k].aliases);
			for (name = strtok_r(names, "|", &save); name && !match; name = strtok_r(NULL, "|", &save))
				match = header_is(folded, name);
			if (match && index[k] < 0)
				index[k] = (int)i;
		}
	}
	for (k = 0; k < n; k++) {
		if (columns[k].required && index[k] < 0) {
			kik__pos pos = kik__import_pos(im, cells, count, 0);
			return kik__error_set(im->plan, KIK_EPARSE, &pos,
					      "missing column '%s': expected a header named %s or %s", columns[k].key,
					      columns[k].key, columns[k].aliases);
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

static int diag_add(kik_diagnostics *d, const kik_plan *plan)
{
	kik__error_slot *slot;
	if (d->count == d->max) {
		d->truncated = 1;
		return 0;
	}
	if (d->count == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		kik__error_slot *items = kik__realloc(&d->alloc, d->items, cap * sizeof(*items));
		if (!items)
			return KIK_ENOMEM;
		d->items = items;
		d->cap = cap;
	}
	slot = &d->items[d->count++];
	*slot = plan->error;
	slot->pub.message = slot->message;
	if (slot->pub.file)
		slot->pub.file = slot->file;
	return 0;
}

void kik_diagnostics_free(kik_diagnostics *d)
{
	kik_allocator a;
	if (!d)
		return;
	a = d->alloc;
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
	if ((err = diag_add(im->diag, im->plan)) < 0)
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
	if (got < 0 && im->diag && (err = diag_add(im->diag, im->plan)) < 0)
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

/* ---- telling a measures file from a status matrix ------------------------- */

/* A matrix has one line naming all three statuses as column heads. */
static kik_import_kind detect_kind(const char *head, size_t len)
{
	size_t start = 0, i;
	for (i = 0; i <= len; i++) {
		if (i == len || head[i] == '\n' || head[i] == '\r') {
			const char *line = head + start;
			size_t n = i - start;
			if (kik__find_word(line, n, "wartend") && kik__find_word(line, n, "in Bearbeitung") &&
			    kik__find_word(line, n, "implementiert"))
				return KIK_IMPORT_MATRIX;
			start = i + 1;
		}
	}
	return KIK_IMPORT_MEASURES;
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
	unsigned threads = options && options->version >= 2 ? options->threads : 0;
	uint64_t most = src->size / PART_BYTES;
	if (diag || (kind != KIK_IMPORT_MEASURES && kind != KIK_IMPORT_TASKS) || most < 2)
		return 1;
	if (options && options->encoding == KIK_ENCODING_CP1252)
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

typedef int (*importer)(kik__import *im);

static int run(kik_plan *plan, kik_import_kind kind, const kik__source *src, const char *name,
	       const kik_import_options *options, kik_diagnostics *diag)
{
	static const importer importers[] = { kik__import_measures, kik__import_fields,    kik__import_plan_info,
					      kik__import_tasks,    kik__import_published, kik__import_matrix };
	kik__import im;
	kik_plan *staging;
	int err, parts, threads;
	if ((unsigned)kind > KIK_IMPORT_AUTO)
		return kik__error_set(plan, KIK_EINVAL, NULL, "unknown import kind %d", (int)kind);
	if (options && options->version < 1)
		return kik__error_set(plan, KIK_EINVAL, NULL, "import options without a version");
	if (kind == KIK_IMPORT_AUTO) {
		char head[4096];
		long n = kik__source_read(src, head, sizeof(head), 0);
		kind = detect_kind(head, n > 0 ? (size_t)n : 0);
	}
	threads = threads_for(plan, kind, src, options, diag);
	parts = parts_for(src, threads);
	for (;;) {
		memset(&im, 0, sizeof(im));
		im.direct = kind == KIK_IMPORT_TASKS && !diag;
		if (im.direct)
			staging = plan;
		else if ((err = kik__plan_clone(plan, &staging)) < 0)
			return kik__error_set(plan, err, NULL, "out of memory");
		im.plan = staging;
		im.options = options;
		im.src = src;
		im.file = name;
		im.diag = diag;
		im.parts = parts;
		im.threads = threads;
		if ((err = kik__csv_open(&im.csv, &plan->alloc, options, src, 0, UINT64_MAX)) < 0) {
			kik__error_set(staging, err, NULL, "out of memory");
		} else {
			if (kind == KIK_IMPORT_MATRIX)
				im.csv.delimiter_line = "wartend";
			err = importers[kind](&im);
			kik__plan_reorder(staging);
		}
		kik__csv_close(&im.csv);
		if (err == 0 || parts == 1)
			break;
		/* reading in parts did not work out: start over, row by row */
		if (!im.direct)
			kik_plan_free(staging);
		parts = 1;
	}
	if (im.direct) {
		if (err == 0)
			kik__error_clear(plan);
		return err;
	}
	if (err < 0) {
		kik__error_copy(plan, staging);
	} else if (!diag) {
		kik__plan_swap(plan, staging);
		kik__error_clear(plan);
	}
	kik_plan_free(staging);
	return err;
}

static int import_or_validate(kik_plan *plan, kik_import_kind kind, const char *path, const char *data, size_t size,
			      const char *name, const kik_import_options *options, size_t max_problems,
			      kik_diagnostics **out)
{
	kik_diagnostics *diag = NULL;
	kik__source src;
	/* what a pipe or device may hand over: far beyond any plan, short of filling memory */
	uint64_t most =
	    options && options->version >= 3 && options->max_input_bytes ? options->max_input_bytes : (uint64_t)4 << 30;
	int err = 0;
	kik__error_clear(plan);
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
			kik__error_set(plan, err, &pos, "cannot open the file: %s", strerror(errno));
		if (diag && err != KIK_ENOMEM && diag_add(diag, plan) < 0)
			err = KIK_ENOMEM;
	}
	if (err == 0)
		err = run(plan, kind, &src, path ? path : name, options, diag);
	kik__source_close(&src, &plan->alloc);
	if (diag && err == KIK_ENOMEM) {
		kik_diagnostics_free(diag);
		*out = NULL;
	}
	if (diag && err < 0 && err != KIK_ENOMEM && diag->count == 0 && diag_add(diag, plan) < 0) {
		kik_diagnostics_free(diag); /* an error outside the rows, such as a bad kind */
		*out = NULL;
		return KIK_ENOMEM;
	}
	return err;
}

int kik_plan_import_buffer(kik_plan *plan, kik_import_kind kind, const char *data, size_t size, const char *name,
			   const kik_import_options *options)
{
	if (!plan || (!data && size))
		return KIK_EINVAL;
	return import_or_validate(plan, kind, NULL, data ? data : "", size, name, options, 0, NULL);
}

int kik_plan_import_file(kik_plan *plan, kik_import_kind kind, const char *path, const kik_import_options *options)
{
	if (!plan || !path)
		return KIK_EINVAL;
	return import_or_validate(plan, kind, path, NULL, 0, path, options, 0, NULL);
}

int kik_plan_validate_file(kik_plan *plan, kik_import_kind kind, const char *path, const kik_import_options *options,
			   size_t max_problems, kik_diagnostics **out)
{
	if (!plan || !path || !out)
		return KIK_EINVAL;
	return import_or_validate(plan, kind, path, NULL, 0, path, options, max_problems, out);
}

int kik_plan_validate_buffer(kik_plan *plan, kik_import_kind kind, const char *data, size_t size, const char *name,
			     const kik_import_options *options, size_t max_problems, kik_diagnostics **out)
{
	if (!plan || (!data && size) || !out)
		return KIK_EINVAL;
	return import_or_validate(plan, kind, NULL, data ? data : "", size, name, options, max_problems, out);
}
