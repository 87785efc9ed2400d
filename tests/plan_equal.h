/* Asserts that two plans hold the same fields, groups, goals, measures, tasks and
 * published figures, in the same order (shared by the import and export suites). */
#ifndef KIK_TEST_PLAN_EQUAL_H
#define KIK_TEST_PLAN_EQUAL_H

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <string.h>

static void assert_tasks_equal(const kik_measure *a, const kik_measure *b)
{
	size_t i;
	cr_assert(eq(sz, kik_measure_task_count(a), kik_measure_task_count(b)), "%s", kik_measure_id(a));
	for (i = 0; i < kik_measure_task_count(a); i++) {
		const kik_task *x = kik_measure_task(a, i), *y = kik_measure_task(b, i);
		cr_assert(eq(ulong, kik_task_id(x), kik_task_id(y)), "%s", kik_measure_id(a));
		cr_assert(eq(int, kik_task_kind_of(x), kik_task_kind_of(y)));
		cr_assert(eq(int, kik_task_state_of(x), kik_task_state_of(y)));
		cr_assert(eq(str, (char *)kik_task_title(x), (char *)kik_task_title(y)));
		cr_assert(eq(str, (char *)kik_task_due(x), (char *)kik_task_due(y)));
		cr_assert(eq(str, (char *)kik_task_owner(x), (char *)kik_task_owner(y)));
	}
}

enum { EQUAL_NAMES = 1, EQUAL_PUBLISHED = 2 };

/* `what`: EQUAL_NAMES also compares field names, EQUAL_PUBLISHED the published figures. */
static void assert_plans_equal(const kik_plan *a, const kik_plan *b, int what)
{
	size_t f, g, m;
	cr_assert(eq(sz, kik_plan_field_count(a), kik_plan_field_count(b)));
	cr_assert(eq(sz, kik_plan_measure_count(a), kik_plan_measure_count(b)));
	for (f = 0; f < kik_plan_field_count(a); f++) {
		const kik_field *fa = kik_plan_field(a, f), *fb = kik_plan_field(b, f);
		int st;
		cr_assert(eq(str, (char *)kik_field_code(fa), (char *)kik_field_code(fb)));
		if (what & EQUAL_NAMES)
			cr_assert(eq(str, (char *)kik_field_name(fa), (char *)kik_field_name(fb)));
		cr_assert(eq(sz, kik_field_group_count(fa), kik_field_group_count(fb)), "%s", kik_field_code(fa));
		for (g = 0; g < kik_field_group_count(fa); g++)
			cr_assert(eq(str, (char *)kik_group_name(kik_field_group(fa, g)),
				     (char *)kik_group_name(kik_field_group(fb, g))));
		cr_assert(eq(sz, kik_field_goal_count(fa), kik_field_goal_count(fb)));
		for (g = 0; g < kik_field_goal_count(fa); g++) {
			const kik_goal *ga = kik_field_goal(fa, g), *gb = kik_field_goal(fb, g);
			cr_assert(eq(u32, kik_goal_number(ga), kik_goal_number(gb)));
			cr_assert(eq(str, (char *)kik_goal_text(ga), (char *)kik_goal_text(gb)));
			cr_assert(eq(ptr, (void *)kik_goal_group(ga), (void *)kik_goal_group(ga)));
			if (kik_goal_group(ga) || kik_goal_group(gb))
				cr_assert(eq(str, (char *)kik_group_name(kik_goal_group(ga)),
					     (char *)kik_group_name(kik_goal_group(gb))));
			cr_assert(eq(sz, kik_goal_measure_count(ga), kik_goal_measure_count(gb)));
			for (m = 0; m < kik_goal_measure_count(ga); m++) {
				const kik_measure *ma = kik_goal_measure(ga, m), *mb = kik_goal_measure(gb, m);
				cr_assert(eq(str, (char *)kik_measure_id(ma), (char *)kik_measure_id(mb)));
				cr_assert(eq(str, (char *)kik_measure_text(ma), (char *)kik_measure_text(mb)), "%s",
					  kik_measure_id(ma));
				cr_assert(eq(int, kik_measure_recorded_status(ma), kik_measure_recorded_status(mb)),
					  "%s", kik_measure_id(ma));
				cr_assert(eq(int, kik_measure_status(ma), kik_measure_status(mb)));
				assert_tasks_equal(ma, mb);
			}
		}
		if (!(what & EQUAL_PUBLISHED))
			continue;
		cr_assert(eq(int, kik_field_has_published(fa), kik_field_has_published(fb)));
		cr_assert(eq(sz, kik_field_published_total(fa), kik_field_published_total(fb)));
		for (st = 0; st < KIK_STATUS_COUNT; st++)
			cr_assert(eq(sz, kik_field_published_count(fa, (kik_status)st),
				     kik_field_published_count(fb, (kik_status)st)));
	}
}

#endif
