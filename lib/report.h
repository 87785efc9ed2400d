/* What the HTML and Markdown reports share: their labels, the donut chart, dispatch. */
#ifndef KIK_REPORT_INTERNAL_H
#define KIK_REPORT_INTERNAL_H

#include "output.h"

typedef struct kik__labels {
	const char *lang;    /* "de" / "en" */
	const char *title;   /* of the page */
	const char *as_of;   /* "Stand" */
	const char *overall; /* the summary's heading */
	const char *field;   /* "Handlungsfeld" */
	const char *group, *number, *goal_measure, *goals, *measures, *total, *count, *share;
	const char *status[KIK_STATUS_COUNT];
} kik__labels;

const kik__labels *kik__report_labels(kik_lang lang);

/* The status colours of the report's charts. */
extern const char *const kik__status_colour[KIK_STATUS_COUNT];

/* An inline SVG donut of a summary: one arc per status, the number of measures inside. */
void kik__svg_donut(kik__out *o, const kik_summary *s, const kik__labels *l);

/* ---- the whole report (issue 22): the words of its other sections, and what a report
 * run knows (report_words.c, report_text.c) ---- */
typedef struct kik__words {
	const char *contents, *timeline, *rounds, *round, *period, *fields, *context, *figures_caption, *figure,
	    *change, *share_of, *sources, *points, *projects, *other_projects, *organisations, *start, *end, *since,
	    *covers, *covers_goals, *goal, *current_state, *outlook, *earlier, *changes, *status_changed, *added,
	    *removed, *projects_added, *projects_ended, *no_change, *measure;
	const char *field_notes[KIK_FIELD_NOTE_KIND_COUNT]; /* headings: the plural of each kind */
	const char *months[12];
} kik__words;

const kik__words *kik__report_words(kik_lang lang);

typedef struct kik__report {
	kik__out *o;
	const kik_plan *plan, *since;
	const kik__labels *l;
	const kik__words *w;
	kik_lang lang;
	unsigned sections, flags;
	kik_diff *diff;   /* since -> plan, when since */
	kik__buf scratch; /* a line of a text, NUL-terminated for the escaping helpers */
	/* Markdown: a text inside a list item has its lines after the first indented */
	int md_indent, md_first;
} kik__report;

#define KIK__SHOWS(r, section) (((r)->sections & (section)) != 0)

/* Parts of the HTML page, also shown by the Python bindings in notebooks: the table of
 * every field's counts with the total, a donut with its legend, and the table of a
 * field's goals and measures (of the goal `only`, when not NULL), with notes as
 * r->sections says. */
void kik__html_summary_table(kik__out *o, const kik_plan *plan, const kik__labels *l);
void kik__html_chart(kik__out *o, const kik_summary *s, const kik__labels *l);
void kik__html_goal_table(kik__report *r, const kik_field *f, const kik_goal *only);

void kik__report_html(kik__report *r);
void kik__report_md(kik__report *r);

/* ---- report_text.c: what both formats write the same way ---- */
/* A date ("2021-11-18", "2022-02", "2018") as people read it: "18.11.2021", "Februar
 * 2022" / "18 November 2021", "February 2022". */
void kik__report_date(const kik__report *r, char *out, size_t cap, const char *iso);
/* A date or a range: "Februar 2022 – März 2022", "seit September 2022". */
void kik__report_range(const kik__report *r, char *out, size_t cap, const char *from, const char *until, int open);

/* The blocks of a text: paragraphs (separated by an empty line) of lines, and lists of
 * items (lines starting with "- "). */
typedef enum kik__block {
	KIK__PARAGRAPH_BEGIN,
	KIK__LINE, /* a line of a paragraph; `first` says whether it is its first */
	KIK__PARAGRAPH_END,
	KIK__LIST_BEGIN,
	KIK__ITEM, /* the item's text, without its "- " */
	KIK__LIST_END
} kik__block;
typedef void (*kik__block_fn)(kik__report *r, kik__block block, const char *s, size_t len, int first);
void kik__report_blocks(kik__report *r, const char *text, kik__block_fn emit);
/* Copies s[0..len) into r->scratch, NUL-terminated; NULL when out of memory (then the
 * output's error is set). */
const char *kik__report_line(kik__report *r, const char *s, size_t len);

/* The figures as a table: the names in the order of first appearance, the dates in
 * order, the value of each (name, date), the change from the first to the last date. */
typedef struct kik__figure_table {
	const kik_figure **cell; /* names x dates, NULL where none */
	const char **names, **dates, **sources;
	size_t name_count, date_count, source_count;
} kik__figure_table;
int kik__figure_table_make(kik__report *r, kik__figure_table *t);
void kik__figure_table_free(kik__report *r, kik__figure_table *t);
/* The value of a figure, or its change from `first` to `last` ("+1.131", "+2,2 Prozentpunkte"). */
void kik__report_value(const kik__report *r, char *out, size_t cap, const kik_figure *f);
void kik__report_change(const kik__report *r, char *out, size_t cap, const kik_figure *first, const kik_figure *last);

/* What changed in one field since the earlier plan (from r->diff): the field's place among
 * the diff's counts, the measures added, removed or changed in status, and the projects
 * presented under it that were added or ended (removed, or given an end). */
typedef struct kik__field_changes {
	size_t field; /* index in the diff's counts; (size_t)-1 when it has none */
	const kik_change **measures, **added, **ended;
	size_t measure_count, added_count, ended_count;
} kik__field_changes;
int kik__field_changes_of(kik__report *r, const kik_field *f, kik__field_changes *out);
void kik__field_changes_free(kik__report *r, kik__field_changes *c);
/* The change of a count: "+1", "−2", "±0". */
void kik__report_count_change(char *out, size_t cap, size_t was, size_t now);
/* " (Ende: Juni 2025)" for a project's change that gives it an end, else "". */
void kik__report_project_end(const kik__report *r, char *out, size_t cap, const kik_change *c);
/* The reasons for a measure's status in the plan (where it has tasks), in the report's
 * language, one call of `emit` each; nothing when it has none. */
void kik__report_reasons(kik__report *r, const char *measure, void (*emit)(kik__report *r, const char *reason));

/* The plan-wide context texts in order, `text` for each, and `figures` once: after the
 * first text that ends with a colon (it introduces them), else after the last. Returns 0
 * when there is neither text nor figure (then nothing is called). */
int kik__report_context(kik__report *r, void (*text)(kik__report *r, const kik_field_note *note),
			void (*figures)(kik__report *r));
/* The project a highlight's title names, or NULL; its index in *index. */
const kik_project *kik__report_project_named(const kik_plan *plan, const char *title, size_t *index);
/* Whether the field (NULL: plan-wide) has notes of a kind. */
int kik__report_has_field_notes(const kik_plan *plan, const kik_field *field, kik_field_note_kind kind);
/* The note in `since` of the same goal (and measure), or NULL. */
const kik_note *kik__report_earlier_note(const kik__report *r, const kik_note *note);

/* ---- report_html.c / report_content_html.c: the parts of the HTML page ---- */
void kik__html_title(kik__report *r);
void kik__html_contents(kik__report *r);
void kik__html_timeline(kik__report *r);
void kik__html_rounds(kik__report *r);
void kik__html_context(kik__report *r);
void kik__html_field_intro(kik__report *r, const kik_field *f);
void kik__html_field_notes(kik__report *r, const kik_field *f);
void kik__html_projects(kik__report *r, const kik_field *f);
void kik__html_changes(kik__report *r, const kik_field *f);
void kik__html_notes_row(kik__report *r, const kik_note *note);
void kik__html_outlook(kik__report *r);
/* a text's paragraphs and lists, escaped */
void kik__html_text(kik__report *r, const char *text);

/* ---- report_md.c / report_content_md.c: the parts in Markdown ---- */
void kik__md_title(kik__report *r);
void kik__md_timeline(kik__report *r);
void kik__md_rounds(kik__report *r);
void kik__md_context(kik__report *r);
void kik__md_field_intro(kik__report *r, const kik_field *f);
void kik__md_field_notes(kik__report *r, const kik_field *f);
void kik__md_projects(kik__report *r, const kik_field *f);
void kik__md_changes(kik__report *r, const kik_field *f);
void kik__md_notes(kik__report *r, const kik_note *note);
void kik__md_outlook(kik__report *r);
void kik__md_text(kik__report *r, const char *text);

#endif
