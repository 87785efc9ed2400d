/**
 * @file kik/diff.h
 * @brief Differences between two snapshots of a plan (e.g. the 2023 and 2024 reports).
 *
 * Measures are matched by id and fields by code. Statuses compared are those of
 * kik_measure_status(): derived from tasks where there are some.
 */
#ifndef KIK_DIFF_H
#define KIK_DIFF_H

#include "kik/plan.h"

KIK_BEGIN_DECL

typedef enum kik_change_kind {
	KIK_CHANGE_ADDED = 0,   /**< the measure is only in the new plan */
	KIK_CHANGE_REMOVED = 1, /**< the measure is only in the old plan */
	KIK_CHANGE_STATUS = 2   /**< the measure's status changed */
} kik_change_kind;

/** One changed measure. Strings live as long as the diff. */
typedef struct kik_change {
	kik_change_kind kind;
	const char *id;        /**< the measure's id */
	const char *field;     /**< its field's code */
	const char *text;      /**< its text (the new one, or the old one when removed) */
	kik_status old_status; /**< meaningful unless ADDED */
	kik_status new_status; /**< meaningful unless REMOVED */
} kik_change;

/** The counts of one field in both plans (0 where the field is missing). */
typedef struct kik_field_change {
	const char *code;
	const char *name;
	size_t old_count[KIK_STATUS_COUNT];
	size_t new_count[KIK_STATUS_COUNT];
	size_t old_measures, new_measures;
} kik_field_change;

typedef struct kik_diff kik_diff;

/**
 * Compares two plans. The changes come in the document order of the new plan, then
 * the removed measures in that of the old one; the fields in the new plan's order,
 * then those only the old one has. Free with kik_diff_free(). 0, KIK_EINVAL or
 * KIK_ENOMEM (allocated through the new plan's allocator).
 */
KIK_EXTERN(int) kik_plan_diff(const kik_plan *old_plan, const kik_plan *new_plan, kik_diff **out);
KIK_EXTERN(void) kik_diff_free(kik_diff *diff);
KIK_EXTERN(size_t) kik_diff_change_count(const kik_diff *diff);
KIK_EXTERN(const kik_change *) kik_diff_change(const kik_diff *diff, size_t i);
KIK_EXTERN(size_t) kik_diff_field_count(const kik_diff *diff);
KIK_EXTERN(const kik_field_change *) kik_diff_field(const kik_diff *diff, size_t i);
/** The key of a change kind: "added", "removed", "status". */
KIK_EXTERN(const char *) kik_change_kind_key(kik_change_kind kind);

KIK_END_DECL

#endif
