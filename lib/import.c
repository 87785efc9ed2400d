/* Imports: a file or buffer is read into a staging copy of the plan, which replaces the
 * plan only when the whole input was valid, so a failed import changes nothing. */
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct memory_source {
	const char *data;
	size_t size, pos;
} memory_source;

static size_t read_memory(void *ctx, char *buf, size_t cap, int *failed)
{
	memory_source *m = ctx;
	size_t n = m->size - m->pos < cap ? m->size - m->pos : cap;
	(void)failed;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return n;
}

static size_t read_file(void *ctx, char *buf, size_t cap, int *failed)
{
	size_t n = fread(buf, 1, cap, (FILE *)ctx);
	if (n == 0 && ferror((FILE *)ctx))
		*failed = 1;
	return n;
}

int kik__import_row(kik__import *im, const kik__csv_cell **cells, size_t *count)
{
	for (;;) {
		size_t i;
		int got = kik__csv_next(&im->csv, cells, count);
		if (got < 0) {
			kik__pos pos = { im->file, im->csv.error_line, im->csv.error_column };
			return kik__error_set(im->plan, got, &pos, "%s", im->csv.error);
		}
		if (got == 0)
			return 0;
		int blank = 1;
		for (i = 0; i < *count; i++) {
			/* the cells live in the reader's row buffer, which is ours to change */
			kik__csv_cell *cell = (kik__csv_cell *)&(*cells)[i];
			cell->text = kik__trim(cell->text, &cell->len);
			((char *)cell->text)[cell->len] = '\0';
			if (cell->text[0] == '\'' && kik__needs_defusing(cell->text + 1)) {
				cell->text++; /* the apostrophe an export put before a formula-like text */
				cell->len--;
			}
			blank &= cell->len == 0;
		}
		if (!blank)
			return 1;
		/* a row of empty cells (";;;") counts as blank */
	}
}

const char *kik__import_cell(const kik__csv_cell *cells, size_t count, int index)
{
	return index >= 0 && (size_t)index < count ? cells[index].text : "";
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
		pos.column = cell->column;
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

int kik__import_rows(kik__import *im, kik__row_fn row, void *ctx)
{
	const kik__csv_cell *cells;
	size_t n;
	int got, err;
	while ((got = kik__import_row(im, &cells, &n)) > 0) {
		im->rows++;
		if ((err = row(im, cells, n, ctx)) == 0)
			continue;
		if (!im->diag || err == KIK_ENOMEM)
			return err;
		if ((err = diag_add(im->diag, im->plan)) < 0)
			return err;
		if (im->diag->truncated)
			return KIK_EPARSE;
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

/* The first bytes of the input, read ahead and then handed on before the rest. */
typedef struct peeked_source {
	kik__read_fn read;
	void *ctx;
	char head[4096];
	size_t len, pos;
	int failed;
} peeked_source;

static size_t read_peeked(void *ctx, char *buf, size_t cap, int *failed)
{
	peeked_source *p = ctx;
	if (p->pos < p->len) {
		size_t n = p->len - p->pos < cap ? p->len - p->pos : cap;
		memcpy(buf, p->head + p->pos, n);
		p->pos += n;
		return n;
	}
	if (p->failed) {
		*failed = 1;
		return 0;
	}
	return p->read(p->ctx, buf, cap, failed);
}

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

typedef int (*importer)(kik__import *im);

/* Ends an import applied to the plan itself: keeps its changes, or undoes them in reverse. */
static void finish_direct(kik__import *im, int err)
{
	kik_plan *plan = im->plan;
	size_t i = im->undo_new.len;
	while (i-- > 0) {
		kik_task *changed = im->undo_new.items[i], *old = im->undo_old.items[i];
		if (err == 0) {
			changed->import_line = 0;
			kik__free(&plan->alloc, old);
		} else if (old) {
			kik__plan_restore_task(plan, changed, old);
		} else {
			kik__plan_drop_task(plan, changed);
		}
	}
	kik__vec_free(&plan->alloc, &im->undo_new);
	kik__vec_free(&plan->alloc, &im->undo_old);
	if (err == 0)
		kik__error_clear(plan);
}

static int run(kik_plan *plan, kik_import_kind kind, kik__read_fn read, void *ctx, const char *name,
	       const kik_import_options *options, kik_diagnostics *diag)
{
	static const importer importers[] = { kik__import_measures, kik__import_fields,    kik__import_plan_info,
					      kik__import_tasks,    kik__import_published, kik__import_matrix };
	peeked_source peek;
	kik__import im;
	kik_plan *staging;
	int err;
	if ((unsigned)kind > KIK_IMPORT_AUTO)
		return kik__error_set(plan, KIK_EINVAL, NULL, "unknown import kind %d", (int)kind);
	if (options && options->version < 1)
		return kik__error_set(plan, KIK_EINVAL, NULL, "import options without a version");
	if (kind == KIK_IMPORT_AUTO) {
		memset(&peek, 0, sizeof(peek));
		peek.read = read;
		peek.ctx = ctx;
		while (peek.len < sizeof(peek.head) && !peek.failed) {
			size_t n = read(ctx, peek.head + peek.len, sizeof(peek.head) - peek.len, &peek.failed);
			if (n == 0)
				break;
			peek.len += n;
		}
		kind = detect_kind(peek.head, peek.len);
		read = read_peeked;
		ctx = &peek;
	}
	memset(&im, 0, sizeof(im));
	im.direct = kind == KIK_IMPORT_TASKS && !diag;
	if (im.direct)
		staging = plan;
	else if ((err = kik__plan_clone(plan, &staging)) < 0)
		return kik__error_set(plan, err, NULL, "out of memory");
	im.plan = staging;
	im.file = name;
	im.diag = diag;
	if ((err = kik__csv_open(&im.csv, &plan->alloc, options, read, ctx)) < 0) {
		kik__error_set(staging, err, NULL, "out of memory");
	} else {
		if (kind == KIK_IMPORT_MATRIX)
			im.csv.delimiter_line = "wartend";
		err = importers[kind](&im);
		kik__plan_reorder(staging);
	}
	kik__csv_close(&im.csv);
	if (im.direct) {
		finish_direct(&im, err);
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

typedef struct source {
	kik__read_fn read;
	void *ctx;
	memory_source memory;
	FILE *file;
} source;

static int open_source(kik_plan *plan, source *src, const char *path, const char *data, size_t size)
{
	memset(src, 0, sizeof(*src));
	if (!path) {
		src->memory.data = data;
		src->memory.size = size;
		src->read = read_memory;
		src->ctx = &src->memory;
		return 0;
	}
	if (!(src->file = fopen(path, "rb"))) {
		kik__pos pos = { path, 0, 0 };
		return kik__error_set(plan, KIK_EIO, &pos, "cannot open the file: %s", strerror(errno));
	}
	src->read = read_file;
	src->ctx = src->file;
	return 0;
}

static int import_or_validate(kik_plan *plan, kik_import_kind kind, const char *path, const char *data, size_t size,
			      const char *name, const kik_import_options *options, size_t max_problems,
			      kik_diagnostics **out)
{
	kik_diagnostics *diag = NULL;
	source src;
	int err;
	kik__error_clear(plan);
	if (out) {
		if (!(diag = kik__malloc(&plan->alloc, sizeof(*diag))))
			return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
		memset(diag, 0, sizeof(*diag));
		diag->alloc = plan->alloc;
		diag->max = max_problems ? max_problems : 100;
		*out = diag;
	}
	if ((err = open_source(plan, &src, path, data, size)) < 0) {
		if (diag && diag_add(diag, plan) < 0)
			err = KIK_ENOMEM;
	} else {
		err = run(plan, kind, src.read, src.ctx, path ? path : name, options, diag);
	}
	if (src.file)
		fclose(src.file);
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
