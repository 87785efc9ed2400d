/* What the importers share: reading rows with positions, header matching, diagnostics,
 * and the all-or-nothing apply. */
#ifndef KIK_IMPORT_H
#define KIK_IMPORT_H

#include "csv.h"

struct kik_diagnostics {
	kik_allocator alloc;
	kik__error_slot *items;
	size_t count, cap, max;
	int truncated;
};

typedef struct kik__import {
	kik_plan *plan;     /* the staging copy the importer writes into */
	unsigned long rows; /* data rows handed to the importer */
	kik__csv csv;
	const char *file;      /* name for messages, or NULL */
	kik_diagnostics *diag; /* when validating: where problems go, and rows go on */
	/* Tasks are applied to the plan itself rather than to a copy (copying a large plan
	 * costs more than the tasks): the changes are logged to be undone on failure.
	 * undo_new[i] is a task added or updated; undo_old[i] its previous block or NULL. */
	int direct;
	kik__vec undo_new, undo_old;
	/* the last field cell looked up and its field: rows mostly repeat the one above */
	char field_cell[64];
	kik_field *field_hit;
} kik__import;

/* A column an importer reads: its key, other accepted names ("|"-separated), required. */
typedef struct kik__column {
	const char *key;
	const char *aliases;
	int required;
} kik__column;

/* Reads the next row that is not empty, with every cell trimmed of surrounding white space
 * and a defused formula's apostrophe removed: 1, 0 at the end, <0 with the plan's error set. */
int kik__import_row(kik__import *im, const kik__csv_cell **cells, size_t *count);
/* Reads the header row and finds each column: index[k] is its cell, or -1. */
int kik__import_header(kik__import *im, const kik__column *columns, size_t n, int *index);
/* The text of cell `index` of the row ("" when the row is shorter or index < 0). */
const char *kik__import_cell(const kik__csv_cell *cells, size_t count, int index);
/* The position of a cell, for errors (the row's start when the cell is missing). */
kik__pos kik__import_pos(const kik__import *im, const kik__csv_cell *cells, size_t count, int index);

/* The field a cell names (code, name or alias), or NULL. */
kik_field *kik__import_field(kik__import *im, const char *cell);

/* Handles one row; returns 0 or an error set on im->plan. */
typedef int (*kik__row_fn)(kik__import *im, const kik__csv_cell *cells, size_t count, void *ctx);
/* Calls `row` for every remaining row. When validating, a row's error is recorded and
 * the next row read; otherwise the first error ends the import. */
int kik__import_rows(kik__import *im, kik__row_fn row, void *ctx);

/* Fails when a file of measures held none (`measures` is how many it held). */
int kik__import_expect_measures(kik__import *im, unsigned long measures);

int kik__import_measures(kik__import *im);
int kik__import_fields(kik__import *im);
int kik__import_plan_info(kik__import *im);
int kik__import_tasks(kik__import *im);
int kik__import_published(kik__import *im);
int kik__import_matrix(kik__import *im);

/* Whether a cell's text would need an apostrophe in front to be safe in a spreadsheet. */
int kik__needs_defusing(const char *s);

#endif
