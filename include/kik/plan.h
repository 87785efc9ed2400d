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
 * Everything is kept in document order: fields in the order added, goals and
 * measures as they were added to their field and goal.
 *
 * Handles (kik_field, kik_group, kik_goal, kik_measure) belong to the plan.
 * They stay valid until the plan is freed, the object is removed, or an
 * import of measures or of a status matrix succeeds (such an import builds
 * the plan anew, so handles obtained before it are invalid after it; imports
 * of other kinds keep them). Strings returned by getters live as long
 * as their object unless the getter says otherwise.
 */
#ifndef KIK_PLAN_H
#define KIK_PLAN_H

#include "kik/common.h"

KIK_BEGIN_DECL

/** A plan: the root of the model. Create with kik_plan_new(), free with kik_plan_free(). */
typedef struct kik_plan kik_plan;
/** A field of action (Handlungsfeld), owned by its plan. */
typedef struct kik_field kik_field;
/** A group (Gruppe): an optional heading over goals inside a field, owned by its plan. */
typedef struct kik_group kik_group;
/** A goal (Ziel), numbered within its field, owned by its plan. */
typedef struct kik_goal kik_goal;
/** A measure (Maßnahme), numbered within its goal, owned by its plan. */
typedef struct kik_measure kik_measure;

/** The status of a measure. */
typedef enum kik_status {
	KIK_STATUS_INVALID = -1,    /**< no status: what getters return for NULL */
	KIK_STATUS_WAITING = 0,     /**< nothing started ("wartend") */
	KIK_STATUS_IN_PROGRESS = 1, /**< started, not all done ("in Bearbeitung") */
	KIK_STATUS_IMPLEMENTED = 2  /**< every success criterion met ("implementiert") */
} kik_status;

/** The number of statuses; valid kik_status values are 0 .. KIK_STATUS_COUNT - 1. */
#define KIK_STATUS_COUNT 3

/** Languages of labels and messages. */
typedef enum kik_lang {
	KIK_LANG_DE = 0, /**< German, as the city publishes */
	KIK_LANG_EN = 1  /**< English */
} kik_lang;

/** The key of a status: "waiting", "in_progress", "implemented"; NULL if out of range. */
KIK_EXTERN(const char *) kik_status_key(kik_status status);

/**
 * The published label of a status: German "wartend", "in Bearbeitung",
 * "implementiert"; English "waiting", "in progress", "implemented".
 * NULL if `status` or `lang` is out of range.
 */
KIK_EXTERN(const char *) kik_status_label(kik_status status, kik_lang lang);

/**
 * Parses a status from its key or its German or English label, ignoring
 * case, spacing and punctuation ("in Bearbeitung", "IN_PROGRESS"; "erledigt"
 * is not a status). Returns 0 with `*out` set, KIK_EINVAL (NULL argument or
 * not UTF-8) or KIK_EPARSE (`text` names no status).
 */
KIK_EXTERN(int) kik_status_parse(const char *text, kik_status *out);

/* ---- plans ---------------------------------------------------------- */

/** Creates an empty plan. Returns 0, KIK_EINVAL (`out` NULL) or KIK_ENOMEM. Free with kik_plan_free(). */
KIK_EXTERN(int) kik_plan_new(kik_plan **out);

/**
 * Creates an empty plan that allocates through `allocator` (copied by its
 * version; its context must outlive the plan). NULL means the C library's
 * allocator. Returns 0, KIK_EINVAL (`out` NULL, a version newer than the
 * library's or 0, or only some of the functions set) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_new_with_allocator(kik_plan **out, const kik_allocator *allocator);

/**
 * Creates the bundled plan: Kempten's integration concept (KIK) as of
 * 2023-10-05, compiled into the library (no file is read). Returns 0,
 * KIK_EINVAL or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_new_default(kik_plan **out);

/** As kik_plan_new_default(), allocating through `allocator` (see kik_plan_new_with_allocator()). */
KIK_EXTERN(int) kik_plan_new_default_with_allocator(kik_plan **out, const kik_allocator *allocator);

/**
 * Copies a plan: everything it holds (fields, aliases, groups, goals, measures,
 * tasks with their ids, published figures, rule, name and date, and the report's
 * content of kik/content.h), with the same allocator. The copy is independent of the original. Returns 0, KIK_EINVAL or
 * KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_copy(const kik_plan *plan, kik_plan **out);

/** Frees a plan and everything that belongs to it. Accepts NULL. */
KIK_EXTERN(void) kik_plan_free(kik_plan *plan);

/** The plan's name ("" if unset; NULL for a NULL plan). Valid until the name is set again. */
KIK_EXTERN(const char *) kik_plan_name(const kik_plan *plan);

/**
 * The plan's as-of date, ISO "YYYY-MM-DD" ("" if unset; NULL for a NULL
 * plan). Valid until the date is set again.
 */
KIK_EXTERN(const char *) kik_plan_as_of(const kik_plan *plan);

/**
 * Sets the plan's name (the old string is freed; memory does not grow with
 * repeated calls). Returns 0, KIK_EINVAL (NULL or not UTF-8) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_set_name(kik_plan *plan, const char *name);

/**
 * Sets the as-of date; `date` must be an ISO date "YYYY-MM-DD" (or "" to
 * unset). Returns 0, KIK_EINVAL (NULL or another form) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_set_as_of(kik_plan *plan, const char *date);

/* ---- fields of action ------------------------------------------------ */

/** The number of fields (0 for NULL). */
KIK_EXTERN(size_t) kik_plan_field_count(const kik_plan *plan);

/** The i-th field in document order; NULL if `i` is out of range or `plan` is NULL. */
KIK_EXTERN(const kik_field *) kik_plan_field(const kik_plan *plan, size_t i);

/**
 * Finds a field by its code or by its name or one of its aliases. Names are
 * compared without regard to case, spacing, punctuation, umlauts' case or
 * "ß"/"ss". NULL if none matches or an argument is NULL.
 */
KIK_EXTERN(const kik_field *) kik_plan_find_field(const kik_plan *plan, const char *code_or_name);

/**
 * Adds a field of action. `code` is 1 to 16 ASCII letters and digits, unique
 * in the plan; `name` is not empty and names no other field. `out` may be NULL.
 * Returns 0, KIK_EINVAL (a bad code or name), KIK_EEXISTS (the code or name
 * is taken) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_add_field(kik_plan *plan, const char *code, const char *name, const kik_field **out);

/**
 * Adds another name under which the field with code `field` may be written.
 * Adding an alias the field has already is a success. Returns 0, KIK_EINVAL
 * (empty or not UTF-8), KIK_ENOTFOUND (no such field), KIK_EEXISTS (the alias
 * names another field) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_add_field_alias(kik_plan *plan, const char *field, const char *alias);

/**
 * Renames the field with code `field`. Returns 0, KIK_EINVAL, KIK_ENOTFOUND,
 * KIK_EEXISTS (the name belongs to another field) or KIK_ENOMEM. The old name
 * string is invalid afterwards.
 */
KIK_EXTERN(int) kik_plan_set_field_name(kik_plan *plan, const char *field, const char *name);

/**
 * Removes the field with code `field`, which must have no goals (remove its
 * measures first), with its aliases, published figures and field notes; projects,
 * rounds and timeline entries no longer name it. Returns 0, KIK_EINVAL,
 * KIK_ENOTFOUND or KIK_ENOTEMPTY. Its handle is invalid afterwards.
 */
KIK_EXTERN(int) kik_plan_remove_field(kik_plan *plan, const char *field);

/** The field's code ("SB"); NULL for NULL. */
KIK_EXTERN(const char *) kik_field_code(const kik_field *field);
/** The field's name; NULL for NULL. Valid until the field is renamed. */
KIK_EXTERN(const char *) kik_field_name(const kik_field *field);
/** The number of aliases (0 for NULL). */
KIK_EXTERN(size_t) kik_field_alias_count(const kik_field *field);
/** The i-th alias in the order added; NULL if out of range. */
KIK_EXTERN(const char *) kik_field_alias(const kik_field *field, size_t i);
/** The number of groups of the field (0 for NULL). */
KIK_EXTERN(size_t) kik_field_group_count(const kik_field *field);
/** The i-th group of the field in document order; NULL if out of range. */
KIK_EXTERN(const kik_group *) kik_field_group(const kik_field *field, size_t i);
/** The number of goals of the field (0 for NULL). */
KIK_EXTERN(size_t) kik_field_goal_count(const kik_field *field);
/** The i-th goal of the field in document order; NULL if out of range. */
KIK_EXTERN(const kik_goal *) kik_field_goal(const kik_field *field, size_t i);
/** The number of measures in all goals of the field (0 for NULL). */
KIK_EXTERN(size_t) kik_field_measure_count(const kik_field *field);
/** The goal with this number; NULL if none. */
KIK_EXTERN(const kik_goal *) kik_field_find_goal(const kik_field *field, unsigned number);
/** The group with this name (compared exactly); NULL if none. */
KIK_EXTERN(const kik_group *) kik_field_find_group(const kik_field *field, const char *name);

/* ---- groups ------------------------------------------------------------ */

/** The group's name; NULL for NULL. */
KIK_EXTERN(const char *) kik_group_name(const kik_group *group);
/** The group's field; NULL for NULL. */
KIK_EXTERN(const kik_field *) kik_group_field(const kik_group *group);
/** The number of goals in the group (0 for NULL). */
KIK_EXTERN(size_t) kik_group_goal_count(const kik_group *group);
/** The i-th goal of the group in document order; NULL if out of range. */
KIK_EXTERN(const kik_goal *) kik_group_goal(const kik_group *group, size_t i);

/**
 * Removes the group `name` of the field with code `field`, which must hold no
 * goals. Returns 0, KIK_EINVAL, KIK_ENOTFOUND or KIK_ENOTEMPTY.
 */
KIK_EXTERN(int) kik_plan_remove_group(kik_plan *plan, const char *field, const char *name);

/* ---- goals ------------------------------------------------------------- */

/** The goal's number within its field (0 for NULL). */
KIK_EXTERN(unsigned) kik_goal_number(const kik_goal *goal);
/** The goal's text ("" if none was given; NULL for NULL). Valid until the text is set again. */
KIK_EXTERN(const char *) kik_goal_text(const kik_goal *goal);
/** The goal's field; NULL for NULL. */
KIK_EXTERN(const kik_field *) kik_goal_field(const kik_goal *goal);
/** The goal's group, or NULL if it has none (or `goal` is NULL). */
KIK_EXTERN(const kik_group *) kik_goal_group(const kik_goal *goal);
/** The number of measures of the goal (0 for NULL). */
KIK_EXTERN(size_t) kik_goal_measure_count(const kik_goal *goal);
/** The i-th measure of the goal in document order; NULL if out of range. */
KIK_EXTERN(const kik_measure *) kik_goal_measure(const kik_goal *goal, size_t i);

/**
 * Sets the text of goal `number` of the field with code `field`. Returns 0,
 * KIK_EINVAL, KIK_ENOTFOUND or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_set_goal_text(kik_plan *plan, const char *field, unsigned number, const char *text);

/**
 * Removes goal `number` of the field with code `field`, which must have no
 * measures, with its note and its place in projects. Returns 0, KIK_EINVAL,
 * KIK_ENOTFOUND or KIK_ENOTEMPTY (it still has measures).
 */
KIK_EXTERN(int) kik_plan_remove_goal(kik_plan *plan, const char *field, unsigned number);

/* ---- measures ---------------------------------------------------------- */

/** The number of measures of the plan (0 for NULL). */
KIK_EXTERN(size_t) kik_plan_measure_count(const kik_plan *plan);
/** The i-th measure in document order (field by field, goal by goal); NULL if out of range. */
KIK_EXTERN(const kik_measure *) kik_plan_measure(const kik_plan *plan, size_t i);
/** Finds a measure by id ("SB-4.6"); the code part is matched without regard to case. NULL if none. */
KIK_EXTERN(const kik_measure *) kik_plan_find_measure(const kik_plan *plan, const char *id);

/** The id, "<field code>-<goal>.<n>"; NULL for NULL. */
KIK_EXTERN(const char *) kik_measure_id(const kik_measure *measure);
/** The number within the field, "<goal>.<n>" ("4.6"); NULL for NULL. */
KIK_EXTERN(const char *) kik_measure_number(const kik_measure *measure);
/** The measure's text; NULL for NULL. Valid until the measure is put again. */
KIK_EXTERN(const char *) kik_measure_text(const kik_measure *measure);
/** The measure's goal; NULL for NULL. */
KIK_EXTERN(const kik_goal *) kik_measure_goal(const kik_measure *measure);
/** The measure's field; NULL for NULL. */
KIK_EXTERN(const kik_field *) kik_measure_field(const kik_measure *measure);
/** The measure's group (its goal's), or NULL. */
KIK_EXTERN(const kik_group *) kik_measure_group(const kik_measure *measure);
/** The status as recorded in the data (the status column); KIK_STATUS_INVALID for NULL. */
KIK_EXTERN(kik_status) kik_measure_recorded_status(const kik_measure *measure);
/**
 * The status that counts: derived from the measure's tasks by the plan's rule
 * where it has tasks, otherwise the recorded status. KIK_STATUS_INVALID for NULL.
 */
KIK_EXTERN(kik_status) kik_measure_status(const kik_measure *measure);

/**
 * A measure to add or put, as plain strings. Initialise with
 * KIK_MEASURE_DESC_INIT. `field` is a field code, name or alias; an unknown
 * one is an error here (the importers define fields, see kik/io.h). Strings
 * are copied; surrounding white space is dropped, as the importers do.
 */
typedef struct kik_measure_desc {
	unsigned version;      /**< KIK_MEASURE_DESC_VERSION */
	const char *field;     /**< field code, name or alias; required */
	const char *group;     /**< group name; NULL or "" for none or the goal's; not "-" */
	unsigned goal;         /**< goal number, or 0 to take it from `number` */
	const char *goal_text; /**< goal text; NULL or "" to keep the goal's */
	const char *number;    /**< "<goal>.<n>", e.g. "4.6"; required */
	const char *text;      /**< measure text; required, not empty */
	kik_status status;     /**< recorded status */
} kik_measure_desc;

/** The version of kik_measure_desc this header describes. */
#define KIK_MEASURE_DESC_VERSION 1
/** A kik_measure_desc with nothing set and the status waiting. */
#define KIK_MEASURE_DESC_INIT                                                                                          \
	{                                                                                                              \
		KIK_MEASURE_DESC_VERSION, NULL, NULL, 0, NULL, NULL, NULL, KIK_STATUS_WAITING                          \
	}

/**
 * Adds a new measure, creating its goal and group as needed. `out` may be NULL.
 * Returns 0, KIK_EINVAL (a bad description: unknown field, a number that does
 * not belong to the goal, a group that contradicts the goal's, not UTF-8),
 * KIK_EEXISTS (the plan has a measure with this id) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_add_measure(kik_plan *plan, const kik_measure_desc *desc, const kik_measure **out);

/**
 * Adds a measure as kik_plan_add_measure() does, or replaces the text, status,
 * goal text and group of the measure with the same id (its tasks stay).
 * `out` may be NULL. Returns 0, KIK_EINVAL or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_put_measure(kik_plan *plan, const kik_measure_desc *desc, const kik_measure **out);

/**
 * Removes the measure with this id and all its tasks (their ids are not given
 * again), its note, and its place in projects and prioritisation rounds (see
 * kik/content.h). Its goal and group stay, even when empty (see
 * kik_plan_remove_goal()); a project it was all of covers nothing afterwards. Returns 0,
 * KIK_EINVAL or KIK_ENOTFOUND. Handles of the
 * measure and its tasks are invalid afterwards.
 */
KIK_EXTERN(int) kik_plan_remove_measure(kik_plan *plan, const char *id);

/**
 * Sets a measure's recorded status. When the measure has tasks, its status is
 * derived from them and the recorded status does not count: `*counted` (when
 * not NULL) receives the status that counts after the call, so a caller can
 * tell that a change had no effect on the figures (kik_measure_status()).
 * Returns 0, KIK_EINVAL or KIK_ENOTFOUND.
 */
KIK_EXTERN(int) kik_plan_set_recorded_status(kik_plan *plan, const char *id, kik_status status, kik_status *counted);

KIK_END_DECL

#endif
