/**
 * @file kik/summary.h
 * @brief Counts of measures per status, with shares and published percentages.
 *
 * Summaries count each measure by kik_measure_status(): the derived status
 * where tasks are tracked, the recorded one otherwise. A summary is a value
 * the caller owns: it does not change when the plan changes afterwards.
 */
#ifndef KIK_SUMMARY_H
#define KIK_SUMMARY_H

#include "kik/plan.h"

KIK_BEGIN_DECL

/** Counts of one part of a plan. Free with kik_summary_free(). */
typedef struct kik_summary kik_summary;

/** Counts the whole plan. Returns 0, KIK_EINVAL or KIK_ENOMEM (through the plan's allocator). */
KIK_EXTERN(int) kik_summary_of_plan(const kik_plan *plan, kik_summary **out);
/** Counts one field. Returns 0, KIK_EINVAL or KIK_ENOMEM. */
KIK_EXTERN(int) kik_summary_of_field(const kik_field *field, kik_summary **out);
/** Counts one group. Returns 0, KIK_EINVAL or KIK_ENOMEM. */
KIK_EXTERN(int) kik_summary_of_group(const kik_group *group, kik_summary **out);
/** Counts one goal. Returns 0, KIK_EINVAL or KIK_ENOMEM. */
KIK_EXTERN(int) kik_summary_of_goal(const kik_goal *goal, kik_summary **out);
/** Frees a summary. Accepts NULL. */
KIK_EXTERN(void) kik_summary_free(kik_summary *summary);

/** The number of goals counted (0 for NULL). */
KIK_EXTERN(size_t) kik_summary_goals(const kik_summary *summary);
/** The number of measures counted (0 for NULL). */
KIK_EXTERN(size_t) kik_summary_measures(const kik_summary *summary);
/** The number of measures with this status (0 for NULL or a status out of range). */
KIK_EXTERN(size_t) kik_summary_count(const kik_summary *summary, kik_status status);
/** count / measures (0 when there are no measures, for NULL or a status out of range). */
KIK_EXTERN(double) kik_summary_share(const kik_summary *summary, kik_status status);
/**
 * The whole percentage of this status: the percentages of all statuses add up to
 * exactly 100 (all 0 when there are no measures); see kik_percentages().
 * 0 for NULL or a status out of range.
 */
KIK_EXTERN(unsigned) kik_summary_percent(const kik_summary *summary, kik_status status);

/**
 * Whole-number percentages of `n` counts that add up to exactly 100, by the
 * largest-remainder (Hamilton) method, as the city publishes them: each
 * share is rounded down, then the points still missing go one each to the
 * largest remainders. Ties between equal remainders go to the larger count,
 * then to the earlier position. With a total of 0 every percentage is 0.
 * Returns 0, or KIK_EINVAL for NULL arrays, n == 0 or counts whose sum overflows.
 */
KIK_EXTERN(int) kik_percentages(const size_t *counts, size_t n, unsigned *out);

KIK_END_DECL

#endif
