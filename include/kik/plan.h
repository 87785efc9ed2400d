/**
 * @file kik/plan.h
 * @brief The measure model: plan -> fields -> groups -> goals -> measures.
 *
 * A plan is one action plan of one city at one date (its snapshot). Fields
 * of action have a short code ("SB"), a name and name aliases; groups are
 * optional thematic headings inside a field; goals are numbered per field
 * (1, 2, ...); measures are numbered per goal ("4.6" is measure 6 of goal 4)
 * and identified plan-wide as "<field code>-<number>" ("SB-4.6").
 *
 * Everything is kept in document order: the order in which it was added.
 * Objects returned by getters belong to the plan and stay valid until the
 * plan is freed or an import replaces the plan's contents (a successful
 * kik_plan_import_*() call). Strings are UTF-8 and never NULL unless stated.
 */
#ifndef KIK_PLAN_H
#define KIK_PLAN_H

#include "kik/common.h"

KIK_BEGIN_DECL

typedef struct kik_plan kik_plan;
typedef struct kik_field kik_field;
typedef struct kik_group kik_group;
typedef struct kik_goal kik_goal;
typedef struct kik_measure kik_measure;

/** The status of a measure. */
typedef enum kik_status {
	KIK_STATUS_WAITING = 0,     /**< nothing started ("wartend") */
	KIK_STATUS_IN_PROGRESS = 1, /**< started, not all done ("in Bearbeitung") */
	KIK_STATUS_IMPLEMENTED = 2  /**< every success criterion met ("implementiert") */
} kik_status;

/** The number of statuses; kik_status values are 0 .. KIK_STATUS_COUNT - 1. */
#define KIK_STATUS_COUNT 3

/** Languages of labels and messages. */
typedef enum kik_lang { KIK_LANG_DE = 0, KIK_LANG_EN = 1 } kik_lang;

/** The key of a status: "waiting", "in_progress", "implemented"; NULL if out of range. */
KIK_EXTERN(const char *) kik_status_key(kik_status status);

/**
 * The published label of a status: German "wartend", "in Bearbeitung",
 * "implementiert"; English "waiting", "in progress", "implemented".
 * NULL if out of range.
 */
KIK_EXTERN(const char *) kik_status_label(kik_status status, kik_lang lang);

/**
 * Parses a status from its key or its German or English label, ignoring
 * case and surrounding spaces ("in Bearbeitung", "IN_PROGRESS", "erledigt"
 * is not accepted). Returns 0, or KIK_EPARSE if `text` names no status.
 */
KIK_EXTERN(int) kik_status_parse(const char *text, kik_status *out);

/* ---- plans ---------------------------------------------------------- */

/** Creates an empty plan. Returns 0 or KIK_ENOMEM. Free with kik_plan_free(). */
KIK_EXTERN(int) kik_plan_new(kik_plan **out);

/**
 * Creates an empty plan that allocates through `allocator` (copied; its
 * context must outlive the plan). NULL means the C library's allocator.
 */
KIK_EXTERN(int) kik_plan_new_with_allocator(kik_plan **out, const kik_allocator *allocator);

/**
 * Creates the bundled plan: Kempten's integration concept (KIK) as of
 * 2023-10-05, compiled into the library (no file is read). Returns 0 or
 * KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_new_default(kik_plan **out);

/** As kik_plan_new_default(), allocating through `allocator`. */
KIK_EXTERN(int) kik_plan_new_default_with_allocator(kik_plan **out, const kik_allocator *allocator);

/** Frees a plan and everything that belongs to it. Accepts NULL. */
KIK_EXTERN(void) kik_plan_free(kik_plan *plan);

/**
 * Details of the last failure of a call on this plan, or NULL if the last
 * call that could fail succeeded. Valid until the next call on the plan.
 */
KIK_EXTERN(const kik_error *) kik_plan_last_error(const kik_plan *plan);

/** The plan's name ("" if unset). */
KIK_EXTERN(const char *) kik_plan_name(const kik_plan *plan);

/** The plan's as-of date, ISO "YYYY-MM-DD" ("" if unset). */
KIK_EXTERN(const char *) kik_plan_as_of(const kik_plan *plan);

/** Sets the plan's name. Returns 0, KIK_EINVAL or KIK_ENOMEM. */
KIK_EXTERN(int) kik_plan_set_name(kik_plan *plan, const char *name);

/**
 * Sets the as-of date; `date` must be an ISO date "YYYY-MM-DD" (or "" to
 * unset). Returns 0, KIK_EINVAL for another form, or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_set_as_of(kik_plan *plan, const char *date);

/* ---- fields of action ------------------------------------------------ */

KIK_EXTERN(size_t) kik_plan_field_count(const kik_plan *plan);
/** The i-th field in document order, NULL if `i` is out of range. */
KIK_EXTERN(const kik_field *) kik_plan_field(const kik_plan *plan, size_t i);

/**
 * Finds a field by its code or by its name or one of its aliases. Names
 * are compared without regard to case, spacing, or "ß"/"ss". NULL if none.
 */
KIK_EXTERN(const kik_field *) kik_plan_find_field(const kik_plan *plan, const char *code_or_name);

/**
 * Adds a field of action. `code` is a short code unique in the plan (letters
 * and digits); `name` its name. Fails with KIK_EINVAL (bad code, or a code
 * or name that is already taken) or KIK_ENOMEM. `out` may be NULL.
 */
KIK_EXTERN(int) kik_plan_add_field(kik_plan *plan, const char *code, const char *name, const kik_field **out);

/** Adds another name under which a field may be written. Same errors. */
KIK_EXTERN(int) kik_plan_add_field_alias(kik_plan *plan, const kik_field *field, const char *alias);

KIK_EXTERN(const char *) kik_field_code(const kik_field *field);
KIK_EXTERN(const char *) kik_field_name(const kik_field *field);
KIK_EXTERN(size_t) kik_field_alias_count(const kik_field *field);
KIK_EXTERN(const char *) kik_field_alias(const kik_field *field, size_t i);
KIK_EXTERN(size_t) kik_field_group_count(const kik_field *field);
KIK_EXTERN(const kik_group *) kik_field_group(const kik_field *field, size_t i);
KIK_EXTERN(size_t) kik_field_goal_count(const kik_field *field);
KIK_EXTERN(const kik_goal *) kik_field_goal(const kik_field *field, size_t i);
/** The number of measures in all goals of the field. */
KIK_EXTERN(size_t) kik_field_measure_count(const kik_field *field);
/** The goal with this number, NULL if none. */
KIK_EXTERN(const kik_goal *) kik_field_find_goal(const kik_field *field, unsigned number);

/* ---- groups ------------------------------------------------------------ */

KIK_EXTERN(const char *) kik_group_name(const kik_group *group);
KIK_EXTERN(const kik_field *) kik_group_field(const kik_group *group);
KIK_EXTERN(size_t) kik_group_goal_count(const kik_group *group);
KIK_EXTERN(const kik_goal *) kik_group_goal(const kik_group *group, size_t i);

/* ---- goals ------------------------------------------------------------- */

KIK_EXTERN(unsigned) kik_goal_number(const kik_goal *goal);
/** The goal's text ("" if none was given). */
KIK_EXTERN(const char *) kik_goal_text(const kik_goal *goal);
KIK_EXTERN(const kik_field *) kik_goal_field(const kik_goal *goal);
/** The goal's group, or NULL if it has none. */
KIK_EXTERN(const kik_group *) kik_goal_group(const kik_goal *goal);
KIK_EXTERN(size_t) kik_goal_measure_count(const kik_goal *goal);
KIK_EXTERN(const kik_measure *) kik_goal_measure(const kik_goal *goal, size_t i);

/* ---- measures ---------------------------------------------------------- */

KIK_EXTERN(size_t) kik_plan_measure_count(const kik_plan *plan);
/** The i-th measure in document order (field by field, goal by goal). */
KIK_EXTERN(const kik_measure *) kik_plan_measure(const kik_plan *plan, size_t i);
/** Finds a measure by id ("SB-4.6"); the code part is matched without regard to case. */
KIK_EXTERN(const kik_measure *) kik_plan_find_measure(const kik_plan *plan, const char *id);

/** The id, "<field code>-<goal>.<n>". */
KIK_EXTERN(const char *) kik_measure_id(const kik_measure *measure);
/** The number within the field, "<goal>.<n>" ("4.6"). */
KIK_EXTERN(const char *) kik_measure_number(const kik_measure *measure);
KIK_EXTERN(const char *) kik_measure_text(const kik_measure *measure);
KIK_EXTERN(const kik_goal *) kik_measure_goal(const kik_measure *measure);
KIK_EXTERN(const kik_field *) kik_measure_field(const kik_measure *measure);
/** The measure's group (its goal's), or NULL. */
KIK_EXTERN(const kik_group *) kik_measure_group(const kik_measure *measure);
/** The status as recorded in the data (the status column). */
KIK_EXTERN(kik_status) kik_measure_recorded_status(const kik_measure *measure);
/**
 * The status that counts: derived from the measure's tasks by the plan's
 * rule where tasks are tracked, otherwise the recorded status.
 */
KIK_EXTERN(kik_status) kik_measure_status(const kik_measure *measure);

/**
 * A measure to add, as plain strings. Initialise with KIK_MEASURE_DESC_INIT.
 * `field` is a field code, name or alias; an unknown one is an error here
 * (the importers define fields, see kik/io.h).
 */
typedef struct kik_measure_desc {
	unsigned version;      /**< KIK_MEASURE_DESC_VERSION */
	const char *field;     /**< field code or name; required */
	const char *group;     /**< group name; NULL or "" for none or the goal's */
	unsigned goal;         /**< goal number, >= 1 */
	const char *goal_text; /**< goal text; NULL or "" to keep the goal's */
	const char *number;    /**< "<goal>.<n>", e.g. "4.6"; required */
	const char *text;      /**< measure text; required */
	kik_status status;     /**< recorded status */
} kik_measure_desc;

#define KIK_MEASURE_DESC_VERSION 1
#define KIK_MEASURE_DESC_INIT                                                                                          \
	{                                                                                                              \
		KIK_MEASURE_DESC_VERSION, NULL, NULL, 0, NULL, NULL, NULL, KIK_STATUS_WAITING                          \
	}

/**
 * Adds a measure, creating its goal and group as needed, or updates the
 * measure with the same id. Fails, changing nothing, with KIK_EINVAL when
 * the field is unknown, the number does not belong to the goal, or the goal
 * or group contradicts what the plan has; details in kik_plan_last_error().
 * `out` may be NULL.
 */
KIK_EXTERN(int) kik_plan_put_measure(kik_plan *plan, const kik_measure_desc *desc, const kik_measure **out);

/** Sets a measure's recorded status. Returns 0, KIK_ENOTFOUND or KIK_EINVAL. */
KIK_EXTERN(int) kik_plan_set_recorded_status(kik_plan *plan, const char *id, kik_status status);

KIK_END_DECL

#endif
