/* The report's content (kik/content.h): the records, and what their files share. */
#ifndef KIK_CONTENT_INTERNAL_H
#define KIK_CONTENT_INTERNAL_H

#include "internal.h"

/* Every record is an allocation of its own, with its strings and lists: putting an
 * object again frees the old one, so memory does not grow with edits. */

struct kik_note {
	kik_goal *goal;
	kik_measure *measure; /* NULL for a goal's note */
	char *current_state, *outlook;
};

struct kik_field_note {
	kik_field *field; /* NULL: plan-wide */
	kik_field_note_kind kind;
	char *title, *text;
};

struct kik_project {
	char *name, *description, *start, *end;
	kik_field *field;
	kik__vec organisations; /* char * */
	kik__vec measures;      /* kik_measure * */
	kik__vec goals;         /* kik_goal * */
};

struct kik_timeline_entry {
	char *date, *until, *text;
	int open;
	kik__vec fields; /* kik_field * */
};

struct kik_round {
	char *name, *from, *until;
	int open;
	kik__vec fields;   /* kik_field * */
	kik__vec measures; /* kik_measure * */
};

struct kik_figure {
	char *name, *date, *source, *share_of;
	kik_figure_unit unit;
	int64_t scaled; /* the value times 10^decimals */
	unsigned decimals;
};

/* The most a figure's scaled value may be: doubles hold every whole number below it. */
#define KIK__FIGURE_MAX 1000000000000000LL

/* ---- where a description comes from, for errors ---------------------------------
 * The API describes objects with structs; an importer fills the same structs from a
 * row. Building an object reports a bad value at its cell (and at the item of a list)
 * when it comes from a row: KIK_EPARSE with the position. From the API, the error is
 * the code the call documents, without a position. */
typedef struct kik__origin {
	/* the position of value `what` (a column of the kind's contract), item `item` of a list */
	kik__pos (*at)(const struct kik__origin *o, int what, size_t item);
	void *ctx;
} kik__origin;

int kik__content_fail(const kik__origin *from, int what, size_t item, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* ---- content.c ---------------------------------------------------------------- */
/* A copy of a text for the plan: surrounding white space dropped, line ends LF; "" for
 * NULL. NULL when out of memory. */
char *kik__content_text(const kik_allocator *a, const char *s);
/* Whether `s` is a date of the content: "YYYY-MM-DD", "YYYY-MM", or (year_ok) "YYYY". */
int kik__content_date(const char *s, int year_ok);
/* Whether a date range ends before it begins (compared to the coarser precision). */
int kik__content_date_before(const char *until, const char *from);
/* The fields `names` name (codes, names or aliases), each once, appended to `out`; an
 * unknown one is reported as value `what`, item i. Errors set. (timeline.c) */
int kik__content_fields(kik_plan *plan, const char *const *names, size_t count, const kik__origin *from, int what,
			kik__vec *out);
/* Checks a date with an optional end or an open end (date_what and until_what name the
 * values for errors). (timeline.c) */
int kik__content_range(const char *date, const char *until, int open, const kik__origin *from, int date_what,
		       int until_what);
/* The field a cell or argument names (code, name or alias), or NULL. */
kik_field *kik__content_field(const kik_plan *plan, const char *name);
/* The goal an id "SB-4" (or "SB-4.") names, or NULL. */
kik_goal *kik__content_goal(const kik_plan *plan, const char *id);

/* Frees the records (each kind's file has its own free). */
void kik__note_free(const kik_allocator *a, void *record);
void kik__field_note_free(const kik_allocator *a, void *record);
void kik__project_free(const kik_allocator *a, void *record);
void kik__timeline_entry_free(const kik_allocator *a, void *record);
void kik__round_free(const kik_allocator *a, void *record);
void kik__figure_free(const kik_allocator *a, void *record);
typedef void (*kik__record_free)(const kik_allocator *a, void *record);

/* Puts records that have an identity into a list, all or nothing: each of `staged`
 * replaces the record of `list` that `same` finds (in its place) or is appended; with
 * `complete`, the records of `list` that none of `staged` replaced are removed. The
 * records replaced or removed are freed; `staged` is emptied (its records now belong to
 * `list`). Returns 0 or KIK_ENOMEM (then nothing changed and `staged` is untouched). */
int kik__content_commit(const kik_allocator *a, kik__vec *list, kik__vec *staged,
			int (*same)(const void *x, const void *y), kik__record_free release, int complete);
/* Puts one record as kik__content_commit does; on failure frees it and sets the error. */
int kik__content_put_one(kik_plan *plan, kik__vec *list, void *record, int (*same)(const void *x, const void *y),
			 kik__record_free release);
/* Writes the items of a list into `out` (emptied first, NUL-terminated) separated by "|",
 * each as `name` gives it (which may use `buf`). 0 or KIK_ENOMEM. */
typedef const char *(*kik__item_name)(const void *item, char buf[64]);
int kik__content_join(const kik_allocator *a, kik__buf *out, const kik__vec *items, kik__item_name name);
/* Names of items: a string as it is, a field's code, a measure's id, a goal's id ("IO-6"). */
const char *kik__name_text(const void *item, char buf[64]);
const char *kik__name_field(const void *item, char buf[64]);
const char *kik__name_measure(const void *item, char buf[64]);
const char *kik__name_goal(const void *item, char buf[64]);
/* Removes the record at position i of a list, and frees it. */
void kik__content_remove_at(const kik_allocator *a, kik__vec *list, size_t i, kik__record_free release);
/* The position of the record called `name` in a list of records whose first member is
 * their name (projects, rounds), or -1. */
long kik__content_named(const kik__vec *list, const char *name);
/* Frees the records of a vector and the vector. */
void kik__content_free_all(const kik_allocator *a, kik__vec *v, kik__record_free release);

/* Copies a list of pointers to objects of `plan` into their counterparts in `copy`
 * (fields by code, goals by field and number, measures by id). */
int kik__content_map_fields(kik_plan *copy, const kik__vec *from, kik__vec *to);
int kik__content_map_measures(kik_plan *copy, const kik__vec *from, kik__vec *to);
int kik__content_map_goals(kik_plan *copy, const kik__vec *from, kik__vec *to);
kik_field *kik__content_map_field(kik_plan *copy, const kik_field *f);
kik_goal *kik__content_map_goal(kik_plan *copy, const kik_goal *g);
kik_measure *kik__content_map_measure(kik_plan *copy, const kik_measure *m);

/* ---- building records from descriptions (one file per kind) ------------------------
 * Each checks the description against the plan and allocates the record; errors set. */
enum { NOTE_FIELD, NOTE_GOAL, NOTE_MEASURE, NOTE_CURRENT_STATE, NOTE_OUTLOOK };
int kik__note_build(kik_plan *plan, kik_goal *goal, kik_measure *measure, const char *current_state,
		    const char *outlook, const kik__origin *from, struct kik_note **out);
int kik__note_same(const void *x, const void *y);

enum { FIELD_NOTE_FIELD, FIELD_NOTE_KIND, FIELD_NOTE_TITLE, FIELD_NOTE_TEXT };
int kik__field_note_build(kik_plan *plan, kik_field *field, kik_field_note_kind kind, const char *title,
			  const char *text, const kik__origin *from, struct kik_field_note **out);
/* Replaces the notes of every (field, kind) that `staged` has (all notes, with
 * `complete`) by those of `staged`, in their order; all or nothing as kik__content_commit. */
int kik__field_notes_commit(kik_plan *plan, kik__vec *staged, int complete);

enum {
	PROJECT_NAME,
	PROJECT_FIELD,
	PROJECT_ORGANISATIONS,
	PROJECT_DESCRIPTION,
	PROJECT_START,
	PROJECT_END,
	PROJECT_MEASURES,
	PROJECT_GOALS
};
int kik__project_build(kik_plan *plan, const kik_project_desc *d, const kik__origin *from, struct kik_project **out);
int kik__project_same(const void *x, const void *y);

enum { TIMELINE_DATE, TIMELINE_UNTIL, TIMELINE_TEXT, TIMELINE_FIELDS };
int kik__timeline_build(kik_plan *plan, const kik_timeline_desc *d, const kik__origin *from,
			struct kik_timeline_entry **out);
/* Replaces the timeline by `staged` (sorted), all or nothing. */
int kik__timeline_commit(kik_plan *plan, kik__vec *staged);

enum { ROUND_NAME, ROUND_FROM, ROUND_UNTIL, ROUND_FIELDS, ROUND_MEASURES };
int kik__round_build(kik_plan *plan, const kik_round_desc *d, const kik__origin *from, struct kik_round **out);
int kik__round_same(const void *x, const void *y);

enum { FIGURE_NAME, FIGURE_UNIT, FIGURE_DATE, FIGURE_VALUE, FIGURE_SOURCE, FIGURE_SHARE_OF };
/* `share_of` is checked by the caller: against the plan and, for an import, the file. */
int kik__figure_build(kik_plan *plan, const kik_figure_desc *d, const kik__origin *from, struct kik_figure **out);
int kik__figure_same(const void *x, const void *y);
/* Whether the plan, or the records of `more` (may be NULL), have a figure named `name`. */
int kik__figure_named(const kik_plan *plan, const kik__vec *more, const char *name);
/* Parses a value; on KIK_EPARSE, `why` (cap bytes) says what is wrong with it. */
int kik__figure_parse(const char *text, kik_figure_unit unit, int64_t *scaled, unsigned *decimals, char *why,
		      size_t cap);
/* Writes a value for people, German ("70.787", "38,2 %") or English ("70,787", "38.2 %"),
 * or (for_file) as the export writes it, which the importer reads back exactly: German
 * counts grouped ("70.787") and percentages with a comma ("38,2 %"), English without
 * grouping or sign ("70787", "38.2"). */
void kik__figure_format(char *out, size_t cap, int64_t scaled, unsigned decimals, kik_figure_unit unit, int german,
			int for_file);

#endif
