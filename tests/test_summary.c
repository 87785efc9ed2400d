/* Aggregation: largest-remainder percentages and counts per goal, group, field and plan. */
#include <criterion/criterion.h>

#include "counts.h"
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <kik/kik.h>

/* The per-field charts of the October 2023 report: counts and the percentages printed
 * beside them (waiting, in progress, implemented). */
struct published_row {
	size_t counts[3];
	unsigned percent[3];
};

ParameterizedTestParameters(summary, percentages_match_the_published_report)
{
	static struct published_row rows[] = {
		{ { 12, 11, 7 }, { 40, 37, 23 } }, /* Sprache und Bildung */
		{ { 7, 7, 13 }, { 26, 26, 48 } },  /* Arbeit und Ausbildung */
		{ { 4, 13, 2 }, { 21, 68, 11 } },  /* Gesundheit und Pflege */
		{ { 3, 6, 9 }, { 17, 33, 50 } },   /* Bürgerschaftliches Engagement */
		{ { 3, 14, 7 }, { 13, 58, 29 } },  /* Gesellschaftliche Teilhabe */
		{ { 10, 9, 7 }, { 38, 35, 27 } },  /* Interkulturelle Öffnung */
	};
	return cr_make_param_array(struct published_row, rows, sizeof(rows) / sizeof(rows[0]));
}

ParameterizedTest(struct published_row *row, summary, percentages_match_the_published_report)
{
	unsigned out[3];
	cr_assert(eq(int, kik_percentages(row->counts, 3, out), 0));
	cr_assert(eq(u32, out[0], row->percent[0]));
	cr_assert(eq(u32, out[1], row->percent[1]));
	cr_assert(eq(u32, out[2], row->percent[2]));
}

Test(summary, percentages_always_add_up_to_100)
{
	size_t a, b, c;
	for (a = 0; a <= 25; a++)
		for (b = 0; b <= 25; b++)
			for (c = 0; c <= 25; c++) {
				size_t counts[3] = { a, b, c };
				unsigned out[3], i;
				kik_percentages(counts, 3, out);
				if (a + b + c == 0) {
					cr_assert(out[0] == 0 && out[1] == 0 && out[2] == 0);
					continue;
				}
				cr_assert(eq(u32, out[0] + out[1] + out[2], 100), "%zu %zu %zu", a, b, c);
				for (i = 0; i < 3; i++) {
					/* each is its exact share rounded down or up, never further */
					double exact = 100.0 * (double)counts[i] / (double)(a + b + c);
					cr_assert(out[i] >= (unsigned)exact && out[i] <= (unsigned)exact + 1);
				}
			}
}

Test(summary, equal_remainders_go_to_the_larger_count_then_the_earlier)
{
	size_t thirds[3] = { 10, 13, 7 }, equal[3] = { 1, 1, 1 };
	unsigned out[3];
	kik_percentages(thirds, 3, out);
	cr_assert(eq(u32, out[0], 33));
	cr_assert(eq(u32, out[1], 44));
	cr_assert(eq(u32, out[2], 23));
	kik_percentages(equal, 3, out);
	cr_assert(eq(u32, out[0], 34));
	cr_assert(eq(u32, out[1], 33));
	cr_assert(eq(u32, out[2], 33));
}

Test(summary, percentages_reject_bad_arguments)
{
	size_t counts[1] = { 1 };
	unsigned out[1];
	cr_assert(eq(int, kik_percentages(NULL, 1, out), KIK_EINVAL));
	cr_assert(eq(int, kik_percentages(counts, 0, out), KIK_EINVAL));
}

static kik_plan *plan;

static void put(const char *field, const char *group, const char *number, kik_status status)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = field;
	d.group = group;
	d.number = number;
	d.text = "text";
	d.status = status;
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
}

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_add_field(plan, "A", "Alpha", NULL), 0));
	cr_assert(eq(int, kik_plan_add_field(plan, "B", "Beta", NULL), 0));
	put("A", "G1", "1.1", KIK_STATUS_WAITING);
	put("A", "G1", "1.2", KIK_STATUS_IMPLEMENTED);
	put("A", "G1", "2.1", KIK_STATUS_IN_PROGRESS);
	put("A", "G2", "3.1", KIK_STATUS_IMPLEMENTED);
	put("B", NULL, "1.1", KIK_STATUS_WAITING);
}

static void teardown(void)
{
	kik_plan_free(plan);
}

TestSuite(summary_counts, .init = setup, .fini = teardown);

Test(summary_counts, counts_each_level)
{
	plan_counts s;
	const kik_field *a = kik_plan_find_field(plan, "A");
	s = count_goal(kik_field_find_goal(a, 1));
	cr_assert(eq(sz, s.goals, 1));
	cr_assert(eq(sz, s.measures, 2));
	cr_assert(eq(sz, s.count[KIK_STATUS_WAITING], 1));
	cr_assert(eq(sz, s.count[KIK_STATUS_IMPLEMENTED], 1));
	cr_assert(eq(u32, s.percent[KIK_STATUS_WAITING], 50));

	s = count_group(kik_field_group(a, 0));
	cr_assert(eq(sz, s.goals, 2));
	cr_assert(eq(sz, s.measures, 3));

	s = count_field(a);
	cr_assert(eq(sz, s.goals, 3));
	cr_assert(eq(sz, s.measures, 4));
	cr_assert(eq(sz, s.count[KIK_STATUS_IMPLEMENTED], 2));
	cr_assert(eq(dbl, s.share[KIK_STATUS_IMPLEMENTED], 0.5));

	s = count_plan(plan);
	cr_assert(eq(sz, s.goals, 4));
	cr_assert(eq(sz, s.measures, 5));
	cr_assert(eq(sz, s.count[KIK_STATUS_WAITING], 2));
	cr_assert(eq(u32, s.percent[0] + s.percent[1] + s.percent[2], 100));
}

Test(summary_counts, an_empty_part_has_zero_shares)
{
	plan_counts s;
	kik_plan *empty;
	cr_assert(eq(int, kik_plan_new(&empty), 0));
	s = count_plan(empty);
	cr_assert(eq(sz, s.measures, 0));
	cr_assert(eq(u32, s.percent[0] + s.percent[1] + s.percent[2], 0));
	cr_assert(eq(dbl, s.share[0], 0.0));
	kik_plan_free(empty);
}

Test(summary_counts, follows_a_status_change)
{
	plan_counts s;
	cr_assert(eq(int, kik_plan_set_recorded_status(plan, "B-1.1", KIK_STATUS_IMPLEMENTED, NULL), 0));
	s = count_field(kik_plan_find_field(plan, "B"));
	cr_assert(eq(sz, s.count[KIK_STATUS_IMPLEMENTED], 1));
	cr_assert(eq(u32, s.percent[KIK_STATUS_IMPLEMENTED], 100));
}
