/* Counts of a part of a plan as a plain struct, read through the public summary calls
 * (shared by the suites that compare figures). */
#ifndef KIK_TEST_COUNTS_H
#define KIK_TEST_COUNTS_H

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>

typedef struct plan_counts {
	size_t goals, measures;
	size_t count[KIK_STATUS_COUNT];
	unsigned percent[KIK_STATUS_COUNT];
	double share[KIK_STATUS_COUNT];
} plan_counts;

/* Reads and frees a summary made by one of the kik_summary_of_*() calls. */
static inline plan_counts counts_from(int err, kik_summary *s)
{
	plan_counts c;
	int st;
	cr_assert(eq(int, err, 0), "summary: %s", err ? kik_error_last()->message : "");
	c.goals = kik_summary_goals(s);
	c.measures = kik_summary_measures(s);
	for (st = 0; st < KIK_STATUS_COUNT; st++) {
		c.count[st] = kik_summary_count(s, (kik_status)st);
		c.percent[st] = kik_summary_percent(s, (kik_status)st);
		c.share[st] = kik_summary_share(s, (kik_status)st);
	}
	kik_summary_free(s);
	return c;
}

static inline plan_counts count_plan(const kik_plan *plan)
{
	kik_summary *s = NULL;
	int err = kik_summary_of_plan(plan, &s);
	return counts_from(err, s);
}

static inline plan_counts count_field(const kik_field *field)
{
	kik_summary *s = NULL;
	int err = kik_summary_of_field(field, &s);
	return counts_from(err, s);
}

static inline plan_counts count_group(const kik_group *group)
{
	kik_summary *s = NULL;
	int err = kik_summary_of_group(group, &s);
	return counts_from(err, s);
}

static inline plan_counts count_goal(const kik_goal *goal)
{
	kik_summary *s = NULL;
	int err = kik_summary_of_goal(goal, &s);
	return counts_from(err, s);
}

#endif
