/* Differences of the report's content: notes changed, added and removed; projects added,
 * removed and ended; rounds and figures changed; all after the model's changes. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <string.h>

static const kik_change *find(const kik_diff *d, kik_object_kind object, const char *id)
{
	size_t i;
	for (i = 0; i < kik_diff_count(d); i++) {
		const kik_change *c = kik_diff_get(d, i);
		if (kik_change_object(c) == object && !strcmp(kik_change_id(c), id))
			return c;
	}
	return NULL;
}

Test(diff_content, equal_plans_have_no_content_changes)
{
	kik_plan *a, *b;
	kik_diff *d;
	cr_assert(eq(int, kik_plan_new_default(&a), 0));
	cr_assert(eq(int, kik_plan_copy(a, &b), 0));
	cr_assert(eq(int, kik_plan_diff(a, b, &d), 0));
	cr_assert(eq(sz, kik_diff_count(d), 0));
	kik_diff_free(d);
	kik_plan_free(a);
	kik_plan_free(b);
}

Test(diff_content, notes_projects_rounds_and_figures_are_compared_by_identity)
{
	static const char *const ids[] = { "SB-4.6" };
	kik_project_desc p = KIK_PROJECT_DESC_INIT;
	kik_figure_desc f = KIK_FIGURE_DESC_INIT;
	kik_round_desc r = KIK_ROUND_DESC_INIT;
	const kik_project *taff;
	kik_plan *a, *b;
	kik_diff *d;
	const kik_change *c;
	size_t i, model = 0;
	cr_assert(eq(int, kik_plan_new_default(&a), 0));
	cr_assert(eq(int, kik_plan_copy(a, &b), 0));
	cr_assert(eq(int, kik_plan_put_goal_note(b, "SB", 1, "Begonnen", NULL), 0));
	cr_assert(eq(int, kik_plan_put_measure_note(b, "SB-4.6", "neu", NULL), 0));
	cr_assert(eq(int, kik_plan_remove_goal_note(b, "AA", 2), 0));
	cr_assert(eq(int, kik_plan_remove_project(b, "Chancenpatenschaften – Ikarus.thingers e.V."), 0));
	taff = kik_plan_find_project(b, "TAFF Allgäu: Therapeutische Angebote für Flüchtlinge");
	p.name = kik_project_name(taff);
	p.field = "GP";
	p.measures = (const char *const[]){ "GP-1.3", "GP-2.2", "GP-6.5" };
	p.measure_count = 3;
	p.start = "2015";
	p.end = "2025-06";
	cr_assert(eq(int, kik_plan_put_project(b, &p, NULL), 0));
	p.name = "Neues Projekt";
	p.measures = ids;
	p.measure_count = 1;
	p.end = NULL;
	cr_assert(eq(int, kik_plan_put_project(b, &p, NULL), 0));
	r.name = "Runde 2025";
	r.from = "2025-02";
	cr_assert(eq(int, kik_plan_put_round(b, &r, NULL), 0));
	f.name = "Einwohner*innen";
	f.date = "2022-12-31";
	f.value = 71919;
	cr_assert(eq(int, kik_plan_put_figure(b, &f, NULL), 0));
	cr_assert(eq(int, kik_plan_diff(a, b, &d), 0));
	c = find(d, KIK_OBJECT_NOTE, "SB-1");
	cr_assert(eq(int, kik_change_kind_of(c), KIK_CHANGE_CHANGED));
	cr_assert(eq(u32, kik_change_what(c), KIK_VALUE_CURRENT_STATE | KIK_VALUE_OUTLOOK));
	cr_assert(eq(str, (char *)kik_change_old(c, KIK_VALUE_CURRENT_STATE), "Wartend"));
	cr_assert(eq(str, (char *)kik_change_new(c, KIK_VALUE_CURRENT_STATE), "Begonnen"));
	c = find(d, KIK_OBJECT_NOTE, "SB-4.6");
	cr_assert(eq(int, kik_change_kind_of(c), KIK_CHANGE_ADDED));
	cr_assert(eq(str, (char *)kik_change_measure(c), "SB-4.6"));
	cr_assert(eq(int, kik_change_kind_of(find(d, KIK_OBJECT_NOTE, "AA-2")), KIK_CHANGE_REMOVED));
	c = find(d, KIK_OBJECT_PROJECT, "Chancenpatenschaften – Ikarus.thingers e.V.");
	cr_assert(eq(int, kik_change_kind_of(c), KIK_CHANGE_REMOVED));
	cr_assert(eq(str, (char *)kik_change_field(c), "BE"));
	c = find(d, KIK_OBJECT_PROJECT, "TAFF Allgäu: Therapeutische Angebote für Flüchtlinge");
	cr_assert(eq(int, kik_change_kind_of(c), KIK_CHANGE_CHANGED));
	cr_assert(eq(u32, kik_change_what(c), KIK_VALUE_END | KIK_VALUE_DESCRIPTION | KIK_VALUE_ORGANISATIONS));
	cr_assert(eq(str, (char *)kik_change_old(c, KIK_VALUE_END), ""));
	cr_assert(eq(str, (char *)kik_change_new(c, KIK_VALUE_END), "2025-06"));
	cr_assert(eq(str, (char *)kik_change_new(c, KIK_VALUE_MEASURES), "GP-1.3|GP-2.2|GP-6.5"));
	cr_assert(eq(int, kik_change_kind_of(find(d, KIK_OBJECT_PROJECT, "Neues Projekt")), KIK_CHANGE_ADDED));
	cr_assert(eq(int, kik_change_kind_of(find(d, KIK_OBJECT_ROUND, "Runde 2025")), KIK_CHANGE_ADDED));
	c = find(d, KIK_OBJECT_FIGURE, "Einwohner*innen@2022-12-31");
	cr_assert(eq(u32, kik_change_what(c), KIK_VALUE_VALUE | KIK_VALUE_SOURCE));
	cr_assert(eq(str, (char *)kik_change_old(c, KIK_VALUE_VALUE), "71918"));
	cr_assert(eq(str, (char *)kik_change_new(c, KIK_VALUE_VALUE), "71919"));
	cr_assert(eq(sz, kik_diff_count(d), 8), "nothing else");
	for (i = 0; i < kik_diff_count(d); i++)
		model += kik_change_object(kik_diff_get(d, i)) <= KIK_OBJECT_TASK;
	cr_assert(eq(sz, model, 0));
	cr_assert(eq(sz, kik_diff_count_of(d, KIK_OBJECT_NOTE), 3));
	cr_assert(eq(str, (char *)kik_object_kind_key(KIK_OBJECT_FIGURE), "figure"));
	cr_assert(eq(str, (char *)kik_change_value_key(KIK_VALUE_SHARE_OF), "share_of"));
	kik_diff_free(d);
	kik_plan_free(a);
	kik_plan_free(b);
}
