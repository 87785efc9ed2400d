/* What the importers share: reading rows with positions, header matching, diagnostics,
 * the all-or-nothing apply, and reading a large input in parts at once. */
#ifndef KIK_IMPORT_H
#define KIK_IMPORT_H

#include "csv.h"

/* One problem of a validation: the details with their strings allocated. */
typedef struct kik__diag_item {
	kik_error pub;
} kik__diag_item;

struct kik_diagnostics {
	kik_allocator alloc;
	kik__diag_item *items;
	size_t count, cap, max;
	int truncated;
};

struct kik__part;

typedef struct kik__import {
	kik_plan *plan; /* the plan written: a staging copy, or the plan itself for tasks */
	const kik_import_options *options;
	const kik__source *src;
	kik__csv csv;          /* the reader from the start: the header, then the rows */
	const char *file;      /* name for messages, or NULL */
	kik_diagnostics *diag; /* when validating: where problems go, and rows go on */
	unsigned long rows;    /* data rows handed to the importer */
	/* Tasks are written to the plan itself rather than to a copy (copying a large plan
	 * costs more than the tasks); the importer undoes its changes when it fails. */
	int direct;
	int parts;   /* how many parts the rows may be read in; 1: row by row */
	int threads; /* how many threads read the parts (0: one each) */
	/* Phase two of a part, when the importer's phase one reads nothing that phase two
	 * writes: called in file order on the importing thread as soon as the parts before
	 * are done, while later parts are still being read. NULL: the importer applies the
	 * parts after all are read. */
	int (*apply_part)(struct kik__import *im, struct kik__part *part, void *ctx);
	void *apply_ctx;
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

/* Reads the next row that is not empty from `r`, with every cell trimmed of surrounding
 * white space and a defused formula's apostrophe removed: 1, 0 at the end, or < 0 with
 * the reader's error. */
int kik__read_row(kik__csv *r, const kik__csv_cell **cells, size_t *count);
/* As kik__read_row from the import's reader, with the plan's error set on failure. */
int kik__import_row(kik__import *im, const kik__csv_cell **cells, size_t *count);
/* Reads the header row and finds each column: index[k] is its cell, or -1. */
int kik__import_header(kik__import *im, const kik__column *columns, size_t n, int *index);
/* The text of cell `index` of the row ("" when the row is shorter or index < 0). */
static inline const char *kik__import_cell(const kik__csv_cell *cells, size_t count, int index)
{
	return index >= 0 && (size_t)index < count ? cells[index].text : "";
}
/* The length of that text. */
static inline size_t kik__import_cell_len(const kik__csv_cell *cells, size_t count, int index)
{
	return index >= 0 && (size_t)index < count ? cells[index].len : 0;
}
/* The position of a cell of the current row, for errors (the row's start when the cell
 * is missing). */
kik__pos kik__import_pos(const kik__import *im, const kik__csv_cell *cells, size_t count, int index);

/* The field a cell names (code, name or alias), or NULL. */
kik_field *kik__import_field(kik__import *im, const char *cell);

/* Handles one row; returns 0 or an error set on im->plan. */
typedef int (*kik__row_fn)(kik__import *im, const kik__csv_cell *cells, size_t count, void *ctx);
/* Calls `row` for every remaining row. When validating, a row's error is recorded and
 * the next row read; otherwise the first error ends the import. */
int kik__import_rows(kik__import *im, kik__row_fn row, void *ctx);
/* Records the plan's error as a problem when validating: 0 to go on, < 0 to stop. */
int kik__import_problem(kik__import *im, int err);

/* Checks import options and copies them by their version (defaults for NULL); errors set. */
int kik__import_options_read(const kik_import_options *in, kik_import_kind kind, kik_import_options *out);

/* Fails when a file of measures held none (`measures` is how many it held). */
int kik__import_expect_measures(kik__import *im, unsigned long measures);

/* Whether a folded header cell names `column` (its key or one of its aliases). */
int kik__names_column(const char *folded, const kik__column *column);

/* ---- the report's content (import_content.c) ---- */
/* Imports a file of one of the content kinds (KIK_IMPORT_NOTES ... KIK_IMPORT_FIGURES). */
int kik__import_content(kik__import *im, kik_import_kind kind);
/* Whether a kind is one of the content kinds. */
#define KIK__CONTENT_KIND(kind) ((kind) >= KIK_IMPORT_NOTES && (kind) <= KIK_IMPORT_FIGURES)
/* The columns of a content kind (`*n` of them). */
const kik__column *kik__content_columns(kik_import_kind kind, size_t *n);
/* The content kind a header row has the columns of, or -1. */
int kik__content_kind(const kik__csv_cell *cells, size_t count);
/* The content kind of a source by its header row in *kind (-1 for none); 0 or KIK_ENOMEM. */
int kik__detect_content(const kik_plan *plan, const kik__source *src, const kik_import_options *options, int *kind);

/* An internal flag in an import's own copy of its options: KIK_IMPORT_AUTO found no kind
 * whose header fits and reads the closest one. */
#define KIK__IMPORT_GUESSED (1u << 31)

/* The columns of each kind's header (`*n` of them), for telling the kinds apart. */
const kik__column *kik__measures_columns(size_t *n);
const kik__column *kik__tasks_columns(size_t *n);
const kik__column *kik__fields_columns(size_t *n);
const kik__column *kik__plan_info_columns(size_t *n);
const kik__column *kik__published_columns(size_t *n);

int kik__import_measures(kik__import *im);
int kik__import_fields(kik__import *im);
int kik__import_plan_info(kik__import *im);
int kik__import_tasks(kik__import *im);
int kik__import_published(kik__import *im);
int kik__import_matrix(kik__import *im);

/* Whether a cell's text would need an apostrophe in front to be safe in a spreadsheet. */
int kik__needs_defusing(const char *s);

/* ---- parts (parts.c) ------------------------------------------------------
 * A large input is read in parts on several threads: every part turns its rows into
 * records of the importer's (phase one, which may read the plan but not change it), and
 * the importer applies the records of the parts in file order (phase two): after all are
 * read, or, with im->apply_part, each as soon as the parts before it are applied. There
 * are more parts than threads, each thread taking the next part when done, so that a
 * thread the system slows down does not hold up the others. A part starts at a guessed
 * row start; the guess holds when the part before it ends exactly there. Anything
 * unexpected (a wrong guess, an error, Windows-1252) makes the import start over row by
 * row, which finds the first problem and reports it exactly. */
enum { KIK__MOST_PARTS = 16 }; /* an import's parts, and so its threads, at most */
typedef struct kik__part kik__part;
typedef int (*kik__part_row_fn)(kik__part *part, const kik__csv_cell *cells, size_t count);
struct kik__part {
	kik__import *im;
	kik__csv *csv;    /* its reader: the import's own for the first part */
	kik__arena *text; /* where its texts go: its own, or the plan's when row by row */
	kik__table records;
	void *state; /* the importer's, per part */
	kik__part_row_fn row;
	unsigned long rows;
	int err;
	kik__arena own_records; /* where the chunks of `records` come from */
	/* private to parts.c */
	kik__csv own_csv;
	kik__arena own_text;
	uint64_t start, end, reached; /* reached: where its reader stopped */
};
/* Reads the rest of the input in im->parts parts with `row`; parts[k].state is set by the
 * caller. Returns 0 when every part read all of its rows; < 0 when the input must be
 * read row by row. The parts are released by kik__parts_free either way. */
int kik__read_parts(kik__import *im, kik__part *parts, kik__part_row_fn row, size_t record_size);
/* As kik__read_parts, with the parts after the first starting at starts[1], ... (for tests). */
int kik__read_parts_at(kik__import *im, kik__part *parts, kik__part_row_fn row, size_t record_size,
		       const uint64_t *starts);
/* Moves the parts' texts into the plan (after phase two succeeded). */
void kik__parts_keep_texts(kik__import *im, kik__part *parts);
void kik__parts_free(kik__import *im, kik__part *parts);
/* Sets up the single part of a row-by-row import: the import's reader, the plan's texts. */
void kik__part_of_import(kik__import *im, kik__part *part, kik__part_row_fn row, size_t record_size);
/* An error of a row in phase one: set on the plan with the cell's position when reading
 * row by row; only the code otherwise (the import will start over). */
int kik__part_error(kik__part *part, int code, const kik__csv_cell *cells, size_t count, int index, const char *fmt,
		    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

#endif
