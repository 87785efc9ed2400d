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

typedef int (*importer)(kik__import *im);

static int run(kik_plan *plan, kik_import_kind kind, kik__read_fn read, void *ctx, const char *name,
	       const kik_import_options *options)
{
	static const importer importers[] = { kik__import_measures, kik__import_fields, kik__import_plan_info,
					      kik__import_tasks, kik__import_published };
	kik__import im;
	kik_plan *staging;
	int err;
	if ((unsigned)kind >= sizeof(importers) / sizeof(importers[0]))
		return kik__error_set(plan, KIK_EINVAL, NULL, "unknown import kind %d", (int)kind);
	if (options && options->version < 1)
		return kik__error_set(plan, KIK_EINVAL, NULL, "import options without a version");
	if ((err = kik__plan_clone(plan, &staging)) < 0)
		return kik__error_set(plan, err, NULL, "out of memory");
	im.plan = staging;
	im.file = name;
	if ((err = kik__csv_open(&im.csv, &plan->alloc, options, read, ctx)) < 0) {
		kik__error_set(staging, err, NULL, "out of memory");
	} else {
		err = importers[kind](&im);
		kik__plan_reorder(staging);
	}
	kik__csv_close(&im.csv);
	if (err < 0) {
		kik__error_copy(plan, staging);
	} else {
		kik__plan_swap(plan, staging);
		kik__error_clear(plan);
	}
	kik_plan_free(staging);
	return err;
}

int kik_plan_import_buffer(kik_plan *plan, kik_import_kind kind, const char *data, size_t size, const char *name,
			   const kik_import_options *options)
{
	memory_source m = { data, size, 0 };
	if (!plan || (!data && size))
		return KIK_EINVAL;
	kik__error_clear(plan);
	return run(plan, kind, read_memory, &m, name, options);
}

int kik_plan_import_file(kik_plan *plan, kik_import_kind kind, const char *path, const kik_import_options *options)
{
	FILE *f;
	int err;
	if (!plan || !path)
		return KIK_EINVAL;
	kik__error_clear(plan);
	f = fopen(path, "rb");
	if (!f) {
		kik__pos pos = { path, 0, 0 };
		return kik__error_set(plan, KIK_EIO, &pos, "cannot open the file: %s", strerror(errno));
	}
	err = run(plan, kind, read_file, f, path, options);
	fclose(f);
	return err;
}
