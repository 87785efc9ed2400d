/**
 * @file kik/content.h
 * @brief The report's own content: progress notes, field notes, projects, the
 * timeline, prioritisation rounds, context figures, and the report's title and office.
 *
 * A plan is a snapshot at its as-of date (kik_plan_as_of()); its content is what the
 * interim report of that date says beyond the statuses:
 * - **notes**: per goal (and optionally per measure) the current state ("Aktueller
 *   Stand") and the outlook ("Ausblick");
 * - **field notes**: per field, or for the plan as a whole, short ordered texts of four
 *   kinds: focus points, highlights, outlook and context;
 * - **projects** with the organisations behind them, a description, start and end, and
 *   the measures (or goals) they cover;
 * - the **timeline** (a date or a range with month precision, a text, the fields concerned);
 * - **prioritisation rounds** (a name, a range, fields and the measures prioritised);
 * - **context figures** (a name, a unit, a date, a value, a source, what a percentage is
 *   a share of). They describe the city, not the success of the plan.
 *
 * Texts may hold several paragraphs (separated by an empty line) and bulleted lists
 * (lines starting with "- "); nothing else is markup. Line ends are stored as LF.
 *
 * Dates are ISO: "YYYY-MM-DD", "YYYY-MM" where a month is precise enough, and "YYYY"
 * for a project's start and end.
 *
 * Ownership and lifetime: every handle here (kik_note, kik_field_note, kik_project,
 * kik_timeline_entry, kik_round, kik_figure) and every string a getter returns belongs
 * to the plan. It stays valid until the plan is freed, the object is put again or
 * removed, an import of its kind succeeds, or an import of measures or of a status
 * matrix succeeds (which builds the plan anew, see kik/plan.h). Removing a measure,
 * goal or field removes its notes and field notes and takes it out of the projects,
 * rounds and timeline entries that name it (see kik_plan_remove_measure()).
 *
 * Mutators follow the conventions of kik/common.h: 0 on success, a negative KIK_E*
 * code with kik_error_last() set on failure, and a failed call changes nothing.
 */
#ifndef KIK_CONTENT_H
#define KIK_CONTENT_H

#include "kik/plan.h"

KIK_BEGIN_DECL

/* ---- the report's title block ------------------------------------------- */

/** The title of the report ("Zwischenbericht"); "" if unset, NULL for NULL. Valid until set again. */
KIK_EXTERN(const char *) kik_plan_title(const kik_plan *plan);
/** The office that reports ("Amt für Integration, ..."); "" if unset, NULL for NULL. Valid until set again. */
KIK_EXTERN(const char *) kik_plan_office(const kik_plan *plan);
/**
 * Sets the report's title ("" unsets it). The old string is freed. Returns 0,
 * KIK_EINVAL (NULL or not UTF-8) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_set_title(kik_plan *plan, const char *title);
/** Sets the reporting office, as kik_plan_set_title(). */
KIK_EXTERN(int) kik_plan_set_office(kik_plan *plan, const char *office);

/* ---- notes on goals and measures ----------------------------------------- */

/** The progress note of a goal or of a measure: its current state and its outlook. */
typedef struct kik_note kik_note;

/** The number of notes of the plan (0 for NULL). */
KIK_EXTERN(size_t) kik_plan_note_count(const kik_plan *plan);
/** The i-th note in the order they were first put (an import puts in file order); NULL if out of range. */
KIK_EXTERN(const kik_note *) kik_plan_note(const kik_plan *plan, size_t i);
/** The note of a goal, or NULL when it has none (or `goal` is NULL). */
KIK_EXTERN(const kik_note *) kik_goal_note(const kik_goal *goal);
/** The note of a measure, or NULL when it has none (or `measure` is NULL). */
KIK_EXTERN(const kik_note *) kik_measure_note(const kik_measure *measure);
/** The goal of a note (a measure's note: the measure's goal); NULL for NULL. */
KIK_EXTERN(const kik_goal *) kik_note_goal(const kik_note *note);
/** The measure of a measure's note; NULL for a goal's note or NULL. */
KIK_EXTERN(const kik_measure *) kik_note_measure(const kik_note *note);
/** The current state ("Aktueller Stand"); "" when the note has none, NULL for NULL. */
KIK_EXTERN(const char *) kik_note_current_state(const kik_note *note);
/** The outlook ("Ausblick"); "" when the note has none, NULL for NULL. */
KIK_EXTERN(const char *) kik_note_outlook(const kik_note *note);

/**
 * Puts the note of goal `goal` of the field with code `field`: adds it, or replaces
 * both texts of the goal's note (it keeps its place in the order). NULL or "" means
 * no such text; at least one of `current_state` and `outlook` must be given. Returns
 * 0, KIK_EINVAL (a bad argument: not UTF-8, both texts empty), KIK_ENOTFOUND (no
 * such field or goal) or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_plan_put_goal_note(kik_plan *plan, const char *field, unsigned goal, const char *current_state,
		       const char *outlook);
/** Puts the note of the measure with id `measure` ("SB-4.6"), as kik_plan_put_goal_note(). */
KIK_EXTERN(int)
kik_plan_put_measure_note(kik_plan *plan, const char *measure, const char *current_state, const char *outlook);
/** Removes the note of a goal. Returns 0, KIK_EINVAL or KIK_ENOTFOUND (no such goal, or it has no note). */
KIK_EXTERN(int) kik_plan_remove_goal_note(kik_plan *plan, const char *field, unsigned goal);
/** Removes the note of a measure. Returns 0, KIK_EINVAL or KIK_ENOTFOUND. */
KIK_EXTERN(int) kik_plan_remove_measure_note(kik_plan *plan, const char *measure);

/* ---- field notes: focus points, highlights, outlook, context -------------- */

/** What a field note is. */
typedef enum kik_field_note_kind {
	KIK_FIELD_NOTE_INVALID = -1,  /**< none: what getters return for NULL */
	KIK_FIELD_NOTE_FOCUS = 0,     /**< a focus point ("Schwerpunkt") */
	KIK_FIELD_NOTE_HIGHLIGHT = 1, /**< a highlight, usually with a title */
	KIK_FIELD_NOTE_OUTLOOK = 2,   /**< the outlook ("Ausblick") */
	KIK_FIELD_NOTE_CONTEXT = 3    /**< context: a field's introduction; plan-wide, the text beside the figures */
} kik_field_note_kind;
/** The number of field note kinds. */
#define KIK_FIELD_NOTE_KIND_COUNT 4

/** The key of a kind: "focus", "highlight", "outlook", "context"; NULL if out of range. */
KIK_EXTERN(const char *) kik_field_note_kind_key(kik_field_note_kind kind);
/**
 * The label of a kind: German "Schwerpunkt", "Highlight", "Ausblick", "Kontext";
 * English "focus", "highlight", "outlook", "context". NULL if out of range.
 */
KIK_EXTERN(const char *) kik_field_note_kind_label(kik_field_note_kind kind, kik_lang lang);
/** Parses a kind from its key or label (as kik_status_parse()). 0, KIK_EINVAL or KIK_EPARSE. */
KIK_EXTERN(int) kik_field_note_kind_parse(const char *text, kik_field_note_kind *out);

/** One field note: a short text of a field (or of the plan as a whole), of one kind. */
typedef struct kik_field_note kik_field_note;

/**
 * The number of field notes of the plan, of every field and kind (0 for NULL). They
 * come in the order added; the notes of one field and kind keep their order.
 */
KIK_EXTERN(size_t) kik_plan_field_note_count(const kik_plan *plan);
/** The i-th field note; NULL if out of range. */
KIK_EXTERN(const kik_field_note *) kik_plan_field_note(const kik_plan *plan, size_t i);
/** The field of a note; NULL for a plan-wide note (or NULL). */
KIK_EXTERN(const kik_field *) kik_field_note_field(const kik_field_note *note);
/** The kind of a note; KIK_FIELD_NOTE_INVALID for NULL. */
KIK_EXTERN(kik_field_note_kind) kik_field_note_kind_of(const kik_field_note *note);
/** The note's title ("" if none; NULL for NULL). */
KIK_EXTERN(const char *) kik_field_note_title(const kik_field_note *note);
/** The note's text (NULL for NULL). */
KIK_EXTERN(const char *) kik_field_note_text(const kik_field_note *note);

/**
 * Adds a note at the end of the notes of field `field` (a code, name or alias; NULL or
 * "" for a plan-wide note) and kind `kind`. `title` may be NULL or ""; `text` must not
 * be empty. `out` may be NULL. Returns 0, KIK_EINVAL, KIK_ENOTFOUND (no such field)
 * or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_plan_add_field_note(kik_plan *plan, const char *field, kik_field_note_kind kind, const char *title,
			const char *text, const kik_field_note **out);
/**
 * Replaces the title and text of the `index`-th note (counted from 0) of field `field`
 * (NULL or "": plan-wide) and kind `kind`. Returns 0, KIK_EINVAL, KIK_ENOTFOUND (no
 * such field or note) or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_plan_set_field_note(kik_plan *plan, const char *field, kik_field_note_kind kind, size_t index, const char *title,
			const char *text);
/** Removes the `index`-th note of a field and kind, as kik_plan_set_field_note() names it. 0, KIK_EINVAL or
 * KIK_ENOTFOUND. */
KIK_EXTERN(int)
kik_plan_remove_field_note(kik_plan *plan, const char *field, kik_field_note_kind kind, size_t index);

/* ---- projects ------------------------------------------------------------ */

/** A project that covers measures (or goals) of the plan. */
typedef struct kik_project kik_project;

/** The number of projects (0 for NULL). */
KIK_EXTERN(size_t) kik_plan_project_count(const kik_plan *plan);
/** The i-th project in the order first put; NULL if out of range. */
KIK_EXTERN(const kik_project *) kik_plan_project(const kik_plan *plan, size_t i);
/** The project with exactly this name; NULL if none. */
KIK_EXTERN(const kik_project *) kik_plan_find_project(const kik_plan *plan, const char *name);
/** The project's name, unique in the plan; NULL for NULL. */
KIK_EXTERN(const char *) kik_project_name(const kik_project *project);
/** The field under which the report presents the project, or NULL. */
KIK_EXTERN(const kik_field *) kik_project_field(const kik_project *project);
/** The number of organisations behind the project (0 for NULL). */
KIK_EXTERN(size_t) kik_project_organisation_count(const kik_project *project);
/** The i-th organisation; NULL if out of range. */
KIK_EXTERN(const char *) kik_project_organisation(const kik_project *project, size_t i);
/** The description ("" if none; NULL for NULL). */
KIK_EXTERN(const char *) kik_project_description(const kik_project *project);
/** The start: "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" if not known (NULL for NULL). */
KIK_EXTERN(const char *) kik_project_start(const kik_project *project);
/** The end, as kik_project_start(); "" while the project runs or when not known. */
KIK_EXTERN(const char *) kik_project_end(const kik_project *project);
/** The number of measures the project covers (0 for NULL). */
KIK_EXTERN(size_t) kik_project_measure_count(const kik_project *project);
/** The i-th measure covered, in the order given; NULL if out of range. */
KIK_EXTERN(const kik_measure *) kik_project_measure(const kik_project *project, size_t i);
/** The number of goals the project is tied to as a whole (0 for NULL). */
KIK_EXTERN(size_t) kik_project_goal_count(const kik_project *project);
/** The i-th goal, in the order given; NULL if out of range. */
KIK_EXTERN(const kik_goal *) kik_project_goal(const kik_project *project, size_t i);

/** A project to put. Initialise with KIK_PROJECT_DESC_INIT. Strings and arrays are copied. */
typedef struct kik_project_desc {
	unsigned version;                 /**< KIK_PROJECT_DESC_VERSION */
	const char *name;                 /**< required, not empty; the project's identity */
	const char *field;                /**< field code, name or alias; NULL or "" for none */
	const char *const *organisations; /**< `organisation_count` names, none empty */
	size_t organisation_count;        /**< the number of organisations */
	const char *description;          /**< NULL or "" for none */
	const char *start;                /**< "YYYY-MM-DD", "YYYY-MM", "YYYY", or NULL/"" */
	const char *end;                  /**< as `start`; not before it */
	const char *const *measures;      /**< `measure_count` measure ids ("SB-6.1"), each once */
	size_t measure_count;             /**< the number of measure ids */
	const char *const *goals;         /**< `goal_count` goal ids ("IO-6": field code and number), each once */
	size_t goal_count;                /**< the number of goal ids */
} kik_project_desc;

/** The version of kik_project_desc this header describes. */
#define KIK_PROJECT_DESC_VERSION 1
/** A kik_project_desc with nothing set. */
#define KIK_PROJECT_DESC_INIT                                                                                          \
	{                                                                                                              \
		KIK_PROJECT_DESC_VERSION, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, 0, NULL, 0                      \
	}

/**
 * Adds a project, or replaces everything of the project with the same name (which
 * keeps its place). A project may cover no measure and no goal (yet, or no longer: see
 * kik_plan_remove_measure()). `out` may be NULL.
 * Returns 0, KIK_EINVAL (a bad description: no name, a bad date, an id twice, not
 * UTF-8), KIK_ENOTFOUND (an unknown field, measure or goal; the
 * error names it) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_put_project(kik_plan *plan, const kik_project_desc *desc, const kik_project **out);
/** Removes the project with this name. Returns 0, KIK_EINVAL or KIK_ENOTFOUND. */
KIK_EXTERN(int) kik_plan_remove_project(kik_plan *plan, const char *name);

/* ---- the timeline --------------------------------------------------------- */

/** An entry of the timeline (Zeittafel): a date or a range, and what happened. */
typedef struct kik_timeline_entry kik_timeline_entry;

/** The number of timeline entries (0 for NULL). */
KIK_EXTERN(size_t) kik_plan_timeline_count(const kik_plan *plan);
/**
 * The i-th entry: entries are kept in the order of their date (then of their end),
 * entries of the same date in the order added. NULL if out of range.
 */
KIK_EXTERN(const kik_timeline_entry *) kik_plan_timeline_entry(const kik_plan *plan, size_t i);
/** The date or the start of the range: "YYYY-MM-DD" or "YYYY-MM"; NULL for NULL. */
KIK_EXTERN(const char *) kik_timeline_entry_date(const kik_timeline_entry *entry);
/** The end of a range ("YYYY-MM-DD" or "YYYY-MM"); "" for a single date or an open range. */
KIK_EXTERN(const char *) kik_timeline_entry_until(const kik_timeline_entry *entry);
/** 1 for a range that runs on ("since September 2022"), else 0. */
KIK_EXTERN(int) kik_timeline_entry_is_open(const kik_timeline_entry *entry);
/** What happened; NULL for NULL. */
KIK_EXTERN(const char *) kik_timeline_entry_text(const kik_timeline_entry *entry);
/** The number of fields the entry concerns (0 for NULL). */
KIK_EXTERN(size_t) kik_timeline_entry_field_count(const kik_timeline_entry *entry);
/** The i-th field concerned; NULL if out of range. */
KIK_EXTERN(const kik_field *) kik_timeline_entry_field(const kik_timeline_entry *entry, size_t i);

/** A timeline entry to add. Initialise with KIK_TIMELINE_DESC_INIT. */
typedef struct kik_timeline_desc {
	unsigned version;          /**< KIK_TIMELINE_DESC_VERSION */
	const char *date;          /**< "YYYY-MM-DD" or "YYYY-MM"; required */
	const char *until;         /**< the end of a range, same forms, not before `date`; NULL or "" for none */
	int open;                  /**< 1: a range that runs on (then `until` must be empty) */
	const char *text;          /**< required, not empty */
	const char *const *fields; /**< `field_count` field codes, names or aliases, each once */
	size_t field_count;        /**< the number of fields */
} kik_timeline_desc;

/** The version of kik_timeline_desc this header describes. */
#define KIK_TIMELINE_DESC_VERSION 1
/** A kik_timeline_desc with nothing set. */
#define KIK_TIMELINE_DESC_INIT                                                                                         \
	{                                                                                                              \
		KIK_TIMELINE_DESC_VERSION, NULL, NULL, 0, NULL, NULL, 0                                                \
	}

/**
 * Adds an entry at its place in date order (after the entries of the same date and
 * end). `out` may be NULL. Returns 0, KIK_EINVAL (a bad date or range, an empty
 * text), KIK_ENOTFOUND (an unknown field) or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_plan_add_timeline_entry(kik_plan *plan, const kik_timeline_desc *desc, const kik_timeline_entry **out);
/** Removes the i-th entry. Returns 0, KIK_EINVAL or KIK_ENOTFOUND (out of range). */
KIK_EXTERN(int) kik_plan_remove_timeline_entry(kik_plan *plan, size_t i);

/* ---- prioritisation rounds ------------------------------------------------- */

/** A prioritisation round: when, in which fields, and which measures it prioritised. */
typedef struct kik_round kik_round;

/** The number of rounds (0 for NULL). */
KIK_EXTERN(size_t) kik_plan_round_count(const kik_plan *plan);
/** The i-th round in the order first put; NULL if out of range. */
KIK_EXTERN(const kik_round *) kik_plan_round(const kik_plan *plan, size_t i);
/** The round with exactly this name; NULL if none. */
KIK_EXTERN(const kik_round *) kik_plan_find_round(const kik_plan *plan, const char *name);
/** The round's name, unique in the plan; NULL for NULL. */
KIK_EXTERN(const char *) kik_round_name(const kik_round *round);
/** When it began: "YYYY-MM-DD" or "YYYY-MM"; NULL for NULL. */
KIK_EXTERN(const char *) kik_round_from(const kik_round *round);
/** When it ended, same forms; "" when not given or open. */
KIK_EXTERN(const char *) kik_round_until(const kik_round *round);
/** 1 for a round that runs on, else 0. */
KIK_EXTERN(int) kik_round_is_open(const kik_round *round);
/** The number of fields of the round (0 for NULL). */
KIK_EXTERN(size_t) kik_round_field_count(const kik_round *round);
/** The i-th field; NULL if out of range. */
KIK_EXTERN(const kik_field *) kik_round_field(const kik_round *round, size_t i);
/** The number of measures prioritised in the round (0 for NULL). */
KIK_EXTERN(size_t) kik_round_measure_count(const kik_round *round);
/** The i-th measure prioritised, in the order given; NULL if out of range. */
KIK_EXTERN(const kik_measure *) kik_round_measure(const kik_round *round, size_t i);

/** A round to put. Initialise with KIK_ROUND_DESC_INIT. */
typedef struct kik_round_desc {
	unsigned version;            /**< KIK_ROUND_DESC_VERSION */
	const char *name;            /**< required, not empty; the round's identity */
	const char *from;            /**< "YYYY-MM-DD" or "YYYY-MM"; required */
	const char *until;           /**< same forms, not before `from`; NULL or "" for none */
	int open;                    /**< 1: the round runs on (then `until` must be empty) */
	const char *const *fields;   /**< `field_count` field codes, names or aliases, each once */
	size_t field_count;          /**< the number of fields */
	const char *const *measures; /**< `measure_count` measure ids, each once */
	size_t measure_count;        /**< the number of measure ids */
} kik_round_desc;

/** The version of kik_round_desc this header describes. */
#define KIK_ROUND_DESC_VERSION 1
/** A kik_round_desc with nothing set. */
#define KIK_ROUND_DESC_INIT                                                                                            \
	{                                                                                                              \
		KIK_ROUND_DESC_VERSION, NULL, NULL, NULL, 0, NULL, 0, NULL, 0                                          \
	}

/**
 * Adds a round, or replaces everything of the round with the same name (which keeps
 * its place). `out` may be NULL. Returns 0, KIK_EINVAL, KIK_ENOTFOUND (an unknown
 * field or measure) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_put_round(kik_plan *plan, const kik_round_desc *desc, const kik_round **out);
/** Removes the round with this name. Returns 0, KIK_EINVAL or KIK_ENOTFOUND. */
KIK_EXTERN(int) kik_plan_remove_round(kik_plan *plan, const char *name);

/* ---- context figures ------------------------------------------------------ */

/** The unit of a figure. */
typedef enum kik_figure_unit {
	KIK_UNIT_INVALID = -1, /**< none: what getters return for NULL */
	KIK_UNIT_COUNT = 0,    /**< a whole number ("Anzahl") */
	KIK_UNIT_PERCENT = 1   /**< a percentage ("Prozent"), with at most two decimal places */
} kik_figure_unit;

/** The key of a unit: "count", "percent"; NULL if out of range. */
KIK_EXTERN(const char *) kik_figure_unit_key(kik_figure_unit unit);
/** The label of a unit: "Anzahl", "Prozent" / "count", "percent"; NULL if out of range. */
KIK_EXTERN(const char *) kik_figure_unit_label(kik_figure_unit unit, kik_lang lang);
/** Parses a unit from its key or label. 0, KIK_EINVAL or KIK_EPARSE. */
KIK_EXTERN(int) kik_figure_unit_parse(const char *text, kik_figure_unit *out);

/**
 * Parses a figure's value in German or English notation: "70.787", "70,787",
 * "70 787" and "70787" are counts; "38,2 %", "38.2", "1.234,5" and "1,234.5" are
 * percentages (the "%" is optional and only allowed for percentages). A count is a
 * whole number; a percentage has at most two decimal places. A form that German and
 * English read differently and that the unit cannot decide, such as the percentage
 * "1.234" (1234 or 1.234), is ambiguous: KIK_EPARSE with a message that says so.
 * `*value` receives the number, `*decimals` the decimal places as written (0 to 2).
 * Returns 0, KIK_EINVAL (NULL, not UTF-8, a bad unit) or KIK_EPARSE.
 */
KIK_EXTERN(int)
kik_figure_value_parse(const char *text, kik_figure_unit unit, double *value, unsigned *decimals);

/** A context figure: one value of one named statistic at one date. */
typedef struct kik_figure kik_figure;

/** The number of figures (0 for NULL). */
KIK_EXTERN(size_t) kik_plan_figure_count(const kik_plan *plan);
/** The i-th figure in the order first put; NULL if out of range. */
KIK_EXTERN(const kik_figure *) kik_plan_figure(const kik_plan *plan, size_t i);
/** The figure with this name (exactly) at this date; NULL if none. */
KIK_EXTERN(const kik_figure *) kik_plan_find_figure(const kik_plan *plan, const char *name, const char *date);
/** The figure's name ("Einwohner*innen"); NULL for NULL. */
KIK_EXTERN(const char *) kik_figure_name(const kik_figure *figure);
/** The figure's unit; KIK_UNIT_INVALID for NULL. */
KIK_EXTERN(kik_figure_unit) kik_figure_unit_of(const kik_figure *figure);
/** The date the value holds for, "YYYY-MM-DD"; NULL for NULL. */
KIK_EXTERN(const char *) kik_figure_date(const kik_figure *figure);
/** The value (0 for NULL). */
KIK_EXTERN(double) kik_figure_value(const kik_figure *figure);
/** The decimal places the value is given with (0 for counts and for NULL). */
KIK_EXTERN(unsigned) kik_figure_decimals(const kik_figure *figure);
/** The source ("" if none; NULL for NULL). */
KIK_EXTERN(const char *) kik_figure_source(const kik_figure *figure);
/** For a percentage: the name of the figure it is a share of ("" if none; NULL for NULL). */
KIK_EXTERN(const char *) kik_figure_share_of(const kik_figure *figure);

/** A figure to put. Initialise with KIK_FIGURE_DESC_INIT. */
typedef struct kik_figure_desc {
	unsigned version;     /**< KIK_FIGURE_DESC_VERSION */
	const char *name;     /**< required, not empty */
	kik_figure_unit unit; /**< KIK_UNIT_COUNT or KIK_UNIT_PERCENT */
	const char *date;     /**< "YYYY-MM-DD"; required. (name, date) is the figure's identity */
	double value;         /**< a whole number for a count; |value| below 10^15 */
	unsigned decimals;    /**< decimal places to show: 0 for a count, 0 to 2 for a percentage */
	const char *source;   /**< NULL or "" for none */
	const char *share_of; /**< a percentage's base: the name of a figure of the plan; NULL or "" for none */
} kik_figure_desc;

/** The version of kik_figure_desc this header describes. */
#define KIK_FIGURE_DESC_VERSION 1
/** A kik_figure_desc with nothing set. */
#define KIK_FIGURE_DESC_INIT                                                                                           \
	{                                                                                                              \
		KIK_FIGURE_DESC_VERSION, NULL, KIK_UNIT_COUNT, NULL, 0.0, 0, NULL, NULL                                \
	}

/**
 * Adds a figure, or replaces the figure with the same name and date (which keeps its
 * place). `value` is kept with `decimals` decimal places (rounded to them). `out` may
 * be NULL. Returns 0, KIK_EINVAL (a bad unit or date, a count that is not whole, too
 * many decimals, `share_of` on a count or naming the figure itself), KIK_ENOTFOUND
 * (`share_of` names no figure of the plan) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_put_figure(kik_plan *plan, const kik_figure_desc *desc, const kik_figure **out);
/**
 * Removes the figure with this name and date. Returns 0, KIK_EINVAL, KIK_ENOTFOUND or
 * KIK_ENOTEMPTY (it is the last figure of its name and another figure is a share of it).
 */
KIK_EXTERN(int) kik_plan_remove_figure(kik_plan *plan, const char *name, const char *date);

KIK_END_DECL

#endif
