/**
 * @file kik/summary.h
 * @brief Counts of measures per status, with shares and published percentages.
 *
 * Summaries count each measure by kik_measure_status(): the derived status
 * where tasks are tracked, the recorded one otherwise.
 */
#ifndef KIK_SUMMARY_H
#define KIK_SUMMARY_H

#include "kik/plan.h"

KIK_BEGIN_DECL

/** Counts of one part of a plan. A plain value; the caller owns it. */
typedef struct kik_summary {
	size_t goals;                       /**< goals in this part */
	size_t measures;                    /**< measures in this part */
	size_t count[KIK_STATUS_COUNT];     /**< measures per kik_status */
	double share[KIK_STATUS_COUNT];     /**< count / measures (0 when empty) */
	unsigned percent[KIK_STATUS_COUNT]; /**< whole percentages adding up to 100 (all 0 when empty) */
} kik_summary;

KIK_EXTERN(void) kik_summary_plan(const kik_plan *plan, kik_summary *out);
KIK_EXTERN(void) kik_summary_field(const kik_field *field, kik_summary *out);
KIK_EXTERN(void) kik_summary_group(const kik_group *group, kik_summary *out);
KIK_EXTERN(void) kik_summary_goal(const kik_goal *goal, kik_summary *out);

/**
 * Whole-number percentages of `n` counts that add up to exactly 100, by the
 * largest-remainder (Hamilton) method, as the city publishes them: each
 * share is rounded down, then the points still missing go one each to the
 * largest remainders. Ties between equal remainders go to the larger count,
 * then to the earlier position. With a total of 0 every percentage is 0.
 * Returns 0, or KIK_EINVAL for NULL arrays or n == 0.
 */
KIK_EXTERN(int) kik_percentages(const size_t *counts, size_t n, unsigned *out);

KIK_END_DECL

#endif
