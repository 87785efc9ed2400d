/**
 * @file kik/diff.h
 * @brief Differences between two snapshots of a plan (e.g. the 2023 and 2025 reports).
 *
 * Fields are matched by code, groups by field and name, goals by field and
 * number, measures by id and tasks by their id; of the report's content
 * (kik/content.h), notes by their goal or measure, projects and rounds by name,
 * figures by name and date (field notes and the timeline have no identity and are
 * not compared). Statuses compared are those of
 * kik_measure_status(): derived from tasks where there are some. A diff is a
 * value the caller owns: its strings are copies, valid until kik_diff_free().
 */
#ifndef KIK_DIFF_H
#define KIK_DIFF_H

#include "kik/task.h"

KIK_BEGIN_DECL

/** What kind of object a change is about. */
typedef enum kik_object_kind {
	KIK_OBJECT_INVALID = -1, /**< none: what getters return for NULL */
	KIK_OBJECT_FIELD = 0,    /**< a field of action */
	KIK_OBJECT_GROUP = 1,    /**< a group of a field */
	KIK_OBJECT_GOAL = 2,     /**< a goal */
	KIK_OBJECT_MEASURE = 3,  /**< a measure */
	KIK_OBJECT_TASK = 4,     /**< a task */
	KIK_OBJECT_NOTE = 5,     /**< the note of a goal or measure (kik/content.h) */
	KIK_OBJECT_PROJECT = 6,  /**< a project */
	KIK_OBJECT_ROUND = 7,    /**< a prioritisation round */
	KIK_OBJECT_FIGURE = 8    /**< a context figure */
} kik_object_kind;

/** Whether an object was added, removed or changed. */
typedef enum kik_change_kind {
	KIK_CHANGE_INVALID = -1, /**< none: what getters return for NULL */
	KIK_CHANGE_ADDED = 0,    /**< only in the new plan */
	KIK_CHANGE_REMOVED = 1,  /**< only in the old plan */
	KIK_CHANGE_CHANGED = 2   /**< in both, with different values (see kik_change_what()) */
} kik_change_kind;

/** The values a change may concern: bits of kik_change_what(), and the `what` of kik_change_old(). */
enum kik_change_value {
	KIK_VALUE_STATUS = 1 << 0,         /**< measure: the status that counts (key, e.g. "implemented") */
	KIK_VALUE_RECORDED = 1 << 1,       /**< measure: the recorded status (key) */
	KIK_VALUE_TEXT = 1 << 2,           /**< measure or goal: the text */
	KIK_VALUE_NAME = 1 << 3,           /**< field: the name */
	KIK_VALUE_GROUP = 1 << 4,          /**< goal: the group's name ("" for none) */
	KIK_VALUE_MEASURE = 1 << 5,        /**< task: the measure's id */
	KIK_VALUE_KIND = 1 << 6,           /**< task: the kind (key) */
	KIK_VALUE_STATE = 1 << 7,          /**< task: the state (key) */
	KIK_VALUE_TITLE = 1 << 8,          /**< task: the title */
	KIK_VALUE_DUE = 1 << 9,            /**< task: the due date ("" for none) */
	KIK_VALUE_OWNER = 1 << 10,         /**< task: the owner ("" for none) */
	KIK_VALUE_CURRENT_STATE = 1 << 11, /**< note: the current state */
	KIK_VALUE_OUTLOOK = 1 << 12,       /**< note: the outlook */
	KIK_VALUE_DESCRIPTION = 1 << 13,   /**< project: the description */
	KIK_VALUE_ORGANISATIONS = 1 << 14, /**< project: the organisations, "|"-separated */
	KIK_VALUE_START = 1 << 15,         /**< project: the start; round: when it began */
	KIK_VALUE_END = 1 << 16,           /**< project: the end; round: its end ("open" for an open one) */
	KIK_VALUE_MEASURES = 1 << 17,      /**< project, round: the measures' ids, "|"-separated */
	KIK_VALUE_GOALS = 1 << 18,         /**< project: the goals' ids ("IO-6"), "|"-separated */
	KIK_VALUE_FIELDS = 1 << 19,        /**< project: its field's code; round: the fields' codes */
	KIK_VALUE_VALUE = 1 << 20,         /**< figure: the value as exported ("70787", "38.2") */
	KIK_VALUE_UNIT = 1 << 21,          /**< figure: the unit (key) */
	KIK_VALUE_SOURCE = 1 << 22,        /**< figure: the source */
	KIK_VALUE_SHARE_OF = 1 << 23       /**< figure: what it is a share of */
};

/** The differences between two plans. Free with kik_diff_free(). */
typedef struct kik_diff kik_diff;
/** One change of a diff, owned by it. */
typedef struct kik_change kik_change;

/**
 * Compares two plans. The changes come in the document order of the new plan
 * (each field, then its groups, then each goal with its measures and their
 * tasks), then what only the old plan has, in its document order; then the
 * content: notes, projects, rounds and figures, each in the new plan's order and
 * then those only the old plan has. The
 * per-field counts come in the new plan's field order, then the fields only
 * the old one has. Returns 0, KIK_EINVAL or KIK_ENOMEM (allocated through the
 * new plan's allocator).
 */
KIK_EXTERN(int) kik_plan_diff(const kik_plan *old_plan, const kik_plan *new_plan, kik_diff **out);
/** Frees a diff. Accepts NULL. */
KIK_EXTERN(void) kik_diff_free(kik_diff *diff);
/** The number of changes (0 for NULL). */
KIK_EXTERN(size_t) kik_diff_count(const kik_diff *diff);
/** The i-th change; NULL if out of range. */
KIK_EXTERN(const kik_change *) kik_diff_get(const kik_diff *diff, size_t i);
/** The number of changes about objects of this kind (0 for NULL). */
KIK_EXTERN(size_t) kik_diff_count_of(const kik_diff *diff, kik_object_kind object);

/** The key of an object kind: "field", "group", "goal", "measure", "task", "note", "project",
 * "round", "figure"; NULL if out of range. */
KIK_EXTERN(const char *) kik_object_kind_key(kik_object_kind object);
/** The key of a change kind: "added", "removed", "changed"; NULL if out of range. */
KIK_EXTERN(const char *) kik_change_kind_key(kik_change_kind kind);
/** The key of one value bit: "status", "recorded", "text", ...; NULL if not exactly one known bit. */
KIK_EXTERN(const char *) kik_change_value_key(unsigned value);

/** What kind of object changed; KIK_OBJECT_INVALID for NULL. */
KIK_EXTERN(kik_object_kind) kik_change_object(const kik_change *change);
/** Added, removed or changed; KIK_CHANGE_INVALID for NULL. */
KIK_EXTERN(kik_change_kind) kik_change_kind_of(const kik_change *change);
/** For CHANGED: the KIK_VALUE_* bits of the values that differ; 0 otherwise. */
KIK_EXTERN(unsigned) kik_change_what(const kik_change *change);
/**
 * The object's identity as text: a field's code ("SB"), a group's field code and
 * name ("SB/Informelle Bildung"), a goal's field code and number ("SB-4"), a
 * measure's id ("SB-4.6"), a task's id ("17"), a note's goal or measure ("SB-4",
 * "SB-4.6"), a project's or round's name, a figure's name and date
 * ("Einwohner*innen@2022-12-31"). NULL for NULL.
 */
KIK_EXTERN(const char *) kik_change_id(const kik_change *change);
/** The code of the object's field (a task's: its measure's field, in the new plan if there; a
 * project's: the field it is presented under, "" for none; "" for rounds and figures). NULL for NULL. */
KIK_EXTERN(const char *) kik_change_field(const kik_change *change);
/** The id of the measure concerned (for measures and tasks), else NULL. */
KIK_EXTERN(const char *) kik_change_measure(const kik_change *change);
/** The task's id for task changes, else 0. */
KIK_EXTERN(unsigned long) kik_change_task_id(const kik_change *change);
/**
 * The object's text for display: a field's name, a group's name, a goal's or
 * measure's text, a task's title, a note's current state (or outlook when it has
 * none), a project's, round's or figure's name (the new one, or the old one when
 * removed). NULL for NULL.
 */
KIK_EXTERN(const char *) kik_change_text(const kik_change *change);
/**
 * The value `value` (one KIK_VALUE_* bit) had in the old plan, as text (statuses,
 * kinds and states as keys); NULL when the object was added or has no such value.
 */
KIK_EXTERN(const char *) kik_change_old(const kik_change *change, unsigned value);
/** The value in the new plan, as kik_change_old(); NULL when the object was removed. */
KIK_EXTERN(const char *) kik_change_new(const kik_change *change, unsigned value);
/** A measure's status in the old plan; KIK_STATUS_INVALID when added, not a measure, or NULL. */
KIK_EXTERN(kik_status) kik_change_old_status(const kik_change *change);
/** A measure's status in the new plan; KIK_STATUS_INVALID when removed, not a measure, or NULL. */
KIK_EXTERN(kik_status) kik_change_new_status(const kik_change *change);

/** The number of fields with counts in the diff: those of either plan (0 for NULL). */
KIK_EXTERN(size_t) kik_diff_field_count(const kik_diff *diff);
/** The code of the i-th field; NULL if out of range. */
KIK_EXTERN(const char *) kik_diff_field_code(const kik_diff *diff, size_t i);
/** The name of the i-th field (the new plan's where it has the field); NULL if out of range. */
KIK_EXTERN(const char *) kik_diff_field_name(const kik_diff *diff, size_t i);
/** The i-th field's number of measures in the old plan (0 where it has no such field). */
KIK_EXTERN(size_t) kik_diff_field_old_measures(const kik_diff *diff, size_t i);
/** The i-th field's number of measures in the new plan. */
KIK_EXTERN(size_t) kik_diff_field_new_measures(const kik_diff *diff, size_t i);
/** The i-th field's count of a status in the old plan (0 where it has no such field, or out of range). */
KIK_EXTERN(size_t) kik_diff_field_old_count(const kik_diff *diff, size_t i, kik_status status);
/** The i-th field's count of a status in the new plan. */
KIK_EXTERN(size_t) kik_diff_field_new_count(const kik_diff *diff, size_t i, kik_status status);

KIK_END_DECL

#endif
