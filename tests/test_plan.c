/* The measure model: fields, groups, goals, measures, look-ups, order and errors. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <string.h>

static kik_plan *plan;

static int put(const char *field, const char *group, unsigned goal, const char *goal_text, const char *number,
	       const char *text, kik_status status)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = field;
	d.group = group;
	d.goal = goal;
	d.goal_text = goal_text;
	d.number = number;
	d.text = text;
	d.status = status;
	return kik_plan_put_measure(plan, &d, NULL);
}

static void setup(void)
{
	const kik_field *sb;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_add_field(plan, "SB", "Sprache und Bildung", &sb), 0));
	cr_assert(eq(int, kik_plan_add_field_alias(plan, "SB", "Bildung und Sprache"), 0));
	cr_assert(eq(int, kik_plan_add_field(plan, "AA", "Arbeit und Ausbildung", NULL), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
}

TestSuite(plan, .init = setup, .fini = teardown);

Test(plan, a_new_plan_is_empty)
{
	kik_plan *p;
	cr_assert(eq(int, kik_plan_new(&p), 0));
	cr_assert(eq(sz, kik_plan_field_count(p), 0));
	cr_assert(eq(sz, kik_plan_measure_count(p), 0));
	cr_assert(eq(str, (char *)kik_plan_name(p), ""));
	cr_assert(eq(ptr, (void *)kik_error_last(), NULL));
	kik_plan_free(p);
	kik_plan_free(NULL);
}

Test(plan, finds_fields_by_code_name_and_alias_ignoring_case_and_spacing)
{
	const kik_field *sb = kik_plan_find_field(plan, "SB");
	cr_assert(ne(ptr, (void *)sb, NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "sprache und bildung"), (void *)sb));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "  Bildung  und Sprache "), (void *)sb));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Gesundheit"), NULL));
	cr_assert(eq(sz, kik_field_alias_count(sb), 1));
	cr_assert(eq(str, (char *)kik_field_alias(sb, 0), "Bildung und Sprache"));
}

Test(plan, rejects_bad_and_taken_field_codes)
{
	cr_assert(eq(int, kik_plan_add_field(plan, "S B", "X", NULL), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_add_field(plan, "SB", "Other", NULL), KIK_EEXISTS));
	cr_assert(eq(int, kik_plan_add_field(plan, "XY", "Sprache und Bildung", NULL), KIK_EEXISTS));
	cr_assert(ne(ptr, (void *)kik_error_last(), NULL));
	cr_assert(eq(sz, kik_plan_field_count(plan), 2));
}

Test(plan, builds_goals_groups_and_measures)
{
	const kik_measure *m;
	const kik_goal *goal;
	cr_assert(eq(
	    int, put("SB", "Informelle Bildung", 4, "Hilfen an den Übergängen", "4.6", "Beworben", KIK_STATUS_WAITING),
	    0));
	cr_assert(eq(int, put("Bildung und Sprache", "", 4, NULL, "4.7", "Zweite", KIK_STATUS_IMPLEMENTED), 0));
	m = kik_plan_find_measure(plan, "SB-4.6");
	cr_assert(ne(ptr, (void *)m, NULL));
	cr_assert(eq(str, (char *)kik_measure_id(m), "SB-4.6"));
	cr_assert(eq(str, (char *)kik_measure_number(m), "4.6"));
	cr_assert(eq(str, (char *)kik_measure_text(m), "Beworben"));
	cr_assert(eq(int, kik_measure_recorded_status(m), KIK_STATUS_WAITING));
	goal = kik_measure_goal(m);
	cr_assert(eq(u32, kik_goal_number(goal), 4));
	cr_assert(eq(str, (char *)kik_goal_text(goal), "Hilfen an den Übergängen"));
	cr_assert(eq(sz, kik_goal_measure_count(goal), 2));
	cr_assert(eq(str, (char *)kik_group_name(kik_goal_group(goal)), "Informelle Bildung"));
	cr_assert(
	    eq(ptr, (void *)kik_measure_group(kik_plan_find_measure(plan, "SB-4.7")), (void *)kik_goal_group(goal)));
	cr_assert(eq(str, (char *)kik_field_code(kik_measure_field(m)), "SB"));
	cr_assert(eq(sz, kik_field_measure_count(kik_plan_find_field(plan, "SB")), 2));
	cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "sb-4.6"), (void *)m));
	cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "SB-4.8"), NULL));
}

Test(plan, keeps_document_order_when_measures_come_out_of_order)
{
	const char *expected[] = { "SB-1.1", "SB-1.2", "SB-2.1", "AA-1.1" };
	size_t i;
	cr_assert(eq(int, put("SB", NULL, 1, NULL, "1.1", "a", KIK_STATUS_WAITING), 0));
	cr_assert(eq(int, put("AA", NULL, 1, NULL, "1.1", "b", KIK_STATUS_WAITING), 0));
	cr_assert(eq(int, put("SB", NULL, 2, NULL, "2.1", "c", KIK_STATUS_WAITING), 0));
	cr_assert(eq(int, put("SB", NULL, 1, NULL, "1.2", "d", KIK_STATUS_WAITING), 0));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 4));
	for (i = 0; i < 4; i++)
		cr_assert(eq(str, (char *)kik_measure_id(kik_plan_measure(plan, i)), (char *)expected[i]));
	cr_assert(eq(ptr, (void *)kik_plan_measure(plan, 4), NULL));
}

Test(plan, putting_an_existing_id_updates_it)
{
	cr_assert(eq(int, put("SB", NULL, 1, "Ziel", "1.1", "alt", KIK_STATUS_WAITING), 0));
	cr_assert(eq(int, put("SB", NULL, 1, "Ziel neu", "1.1", "neu", KIK_STATUS_IN_PROGRESS), 0));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 1));
	cr_assert(eq(str, (char *)kik_measure_text(kik_plan_find_measure(plan, "SB-1.1")), "neu"));
	cr_assert(eq(str, (char *)kik_goal_text(kik_field_find_goal(kik_plan_find_field(plan, "SB"), 1)), "Ziel neu"));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "SB-1.1")), KIK_STATUS_IN_PROGRESS));
}

Test(plan, rejects_measures_that_do_not_fit)
{
	cr_assert(eq(int, put("XX", NULL, 1, NULL, "1.1", "t", KIK_STATUS_WAITING), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "unknown field"), NULL));
	cr_assert(eq(int, put("SB", NULL, 4, NULL, "5.1", "t", KIK_STATUS_WAITING), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "does not belong to goal 4"), NULL));
	cr_assert(eq(int, put("SB", NULL, 1, NULL, "1", "t", KIK_STATUS_WAITING), KIK_EINVAL));
	cr_assert(eq(int, put("SB", NULL, 1, NULL, "1.1", "", KIK_STATUS_WAITING), KIK_EINVAL));
	cr_assert(eq(int, put("SB", NULL, 1, NULL, "1.1", "t", (kik_status)7), KIK_EINVAL));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 0));
	cr_assert(eq(sz, kik_field_goal_count(kik_plan_find_field(plan, "SB")), 0));
}

Test(plan, a_successful_call_clears_the_last_error)
{
	cr_assert(eq(int, put("XX", NULL, 1, NULL, "1.1", "t", KIK_STATUS_WAITING), KIK_EINVAL));
	cr_assert(ne(ptr, (void *)kik_error_last(), NULL));
	cr_assert(eq(int, put("SB", NULL, 1, NULL, "1.1", "t", KIK_STATUS_WAITING), 0));
	cr_assert(eq(ptr, (void *)kik_error_last(), NULL));
}

Test(plan, status_change_of_an_unknown_id_is_not_found)
{
	cr_assert(eq(int, kik_plan_set_recorded_status(plan, "SB-9.9", KIK_STATUS_WAITING, NULL), KIK_ENOTFOUND));
}

Test(plan, as_of_must_be_an_iso_date)
{
	cr_assert(eq(int, kik_plan_set_as_of(plan, "2023-10-05"), 0));
	cr_assert(eq(str, (char *)kik_plan_as_of(plan), "2023-10-05"));
	cr_assert(eq(int, kik_plan_set_as_of(plan, "05.10.2023"), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_set_as_of(plan, "2023-02-29"), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_set_as_of(plan, "2024-02-29"), 0));
	cr_assert(eq(int, kik_plan_set_as_of(plan, "2023-13-01"), KIK_EINVAL));
}

Test(plan, statuses_have_keys_labels_and_parse_both_languages)
{
	kik_status s;
	cr_assert(eq(str, (char *)kik_status_key(KIK_STATUS_IN_PROGRESS), "in_progress"));
	cr_assert(eq(str, (char *)kik_status_label(KIK_STATUS_IN_PROGRESS, KIK_LANG_DE), "in Bearbeitung"));
	cr_assert(eq(str, (char *)kik_status_label(KIK_STATUS_IMPLEMENTED, KIK_LANG_EN), "implemented"));
	cr_assert(eq(ptr, (void *)kik_status_key((kik_status)3), NULL));
	cr_assert(eq(int, kik_status_parse(" In Bearbeitung ", &s), 0));
	cr_assert(eq(int, s, KIK_STATUS_IN_PROGRESS));
	cr_assert(eq(int, kik_status_parse("WARTEND", &s), 0));
	cr_assert(eq(int, s, KIK_STATUS_WAITING));
	cr_assert(eq(int, kik_status_parse("implemented", &s), 0));
	cr_assert(eq(int, s, KIK_STATUS_IMPLEMENTED));
	cr_assert(eq(int, kik_status_parse("erledigt", &s), KIK_EPARSE));
	cr_assert(eq(int, kik_status_parse("", &s), KIK_EPARSE));
}

Test(plan, reports_its_version)
{
	cr_assert(eq(str, (char *)kik_version(), KIK_VERSION));
	cr_assert(eq(int, kik_version_number(), KIK_VERSION_NUMBER));
	cr_assert(eq(int, KIK_VERSION_NUMBER, KIK_VERSION_MAJOR * 10000 + KIK_VERSION_MINOR * 100 + KIK_VERSION_PATCH));
}
