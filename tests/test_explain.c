/* Explanations: every status has reasons, with the task concerned and both languages. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <string.h>

static kik_plan *plan;

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
}

TestSuite(explain, .init = setup, .fini = teardown);

static const kik_task *add(const char *measure, kik_task_kind kind, kik_task_state state, const char *title)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	const kik_task *t;
	d.measure = measure;
	d.kind = kind;
	d.state = state;
	d.title = title;
	cr_assert(eq(int, kik_plan_add_task(plan, &d, &t), 0));
	return t;
}

static kik_explanation *explain(const char *id)
{
	kik_explanation *e;
	cr_assert(eq(int, kik_plan_explain(plan, kik_plan_find_measure(plan, id), &e), 0));
	return e;
}

Test(explain, without_tasks_the_recorded_status_holds)
{
	kik_explanation *e = explain("SB-4.6");
	const kik_reason *r;
	cr_assert(eq(sz, kik_explanation_count(e), 1));
	r = kik_explanation_reason(e, 0);
	cr_assert(eq(int, kik_reason_code_of(r), KIK_REASON_NO_TASKS));
	cr_assert(ne(ptr, strstr(kik_reason_message(r, KIK_LANG_DE), "wartend"), NULL));
	cr_assert(ne(ptr, strstr(kik_reason_message(r, KIK_LANG_EN), "waiting"), NULL));
	cr_assert(eq(int, kik_explanation_status(e), KIK_STATUS_WAITING));
	kik_explanation_free(e);
}

Test(explain, names_the_open_task_the_missing_kind_and_the_disagreement)
{
	const kik_task *fachtag;
	kik_explanation *e;
	const kik_reason *r;
	add("SB-4.6", KIK_TASK_CONCEPT, KIK_TASK_DONE, "Konzept");
	fachtag = add("SB-4.6", KIK_TASK_AG, KIK_TASK_OPEN, "Fachtag durchführen");
	e = explain("SB-4.6");
	cr_assert(eq(int, kik_explanation_status(e), KIK_STATUS_IN_PROGRESS));
	cr_assert(eq(sz, kik_explanation_count(e), 4));
	r = kik_explanation_reason(e, 0);
	cr_assert(eq(int, kik_reason_code_of(r), KIK_REASON_KIND_DONE));
	cr_assert(eq(int, kik_reason_kind(r), KIK_TASK_CONCEPT));
	r = kik_explanation_reason(e, 1);
	cr_assert(eq(int, kik_reason_code_of(r), KIK_REASON_TASK_OPEN));
	cr_assert(eq(ptr, (void *)kik_reason_task(r), (void *)fachtag));
	cr_assert(eq(str, (char *)kik_reason_message(r, KIK_LANG_EN), "AG task 'Fachtag durchführen' is open."));
	cr_assert(eq(str, (char *)kik_reason_message(r, KIK_LANG_DE), "AG-Auftrag „Fachtag durchführen“ ist offen."));
	r = kik_explanation_reason(e, 2);
	cr_assert(eq(int, kik_reason_code_of(r), KIK_REASON_KIND_MISSING));
	cr_assert(eq(int, kik_reason_kind(r), KIK_TASK_WORK_PACKAGE));
	cr_assert(eq(str, (char *)kik_reason_message(r, KIK_LANG_EN), "No work package recorded."));
	cr_assert(eq(str, (char *)kik_reason_message(r, KIK_LANG_DE), "Kein Arbeitspaket erfasst."));
	r = kik_explanation_reason(e, 3);
	cr_assert(eq(int, kik_reason_code_of(r), KIK_REASON_STATUS_DISAGREES));
	cr_assert(ne(ptr, strstr(kik_reason_message(r, KIK_LANG_EN), "'waiting'"), NULL));
	kik_explanation_free(e);
}

Test(explain, the_looser_rule_says_a_missing_kind_counts_as_satisfied)
{
	kik_explanation *e;
	add("AA-1.1", KIK_TASK_CONCEPT, KIK_TASK_DONE, "a");
	add("AA-1.1", KIK_TASK_AG, KIK_TASK_NOT_APPLICABLE, "b");
	cr_assert(eq(int, kik_plan_set_rule(plan, KIK_RULE_MISSING_KIND_SATISFIED), 0));
	e = explain("AA-1.1");
	cr_assert(eq(int, kik_explanation_status(e), KIK_STATUS_IMPLEMENTED));
	cr_assert(eq(int, kik_reason_code_of(kik_explanation_reason(e, 1)), KIK_REASON_KIND_NOT_APPLICABLE));
	cr_assert(eq(int, kik_reason_code_of(kik_explanation_reason(e, 2)), KIK_REASON_KIND_NOT_TRACKED));
	/* AA-1.1 is recorded as implemented: no disagreement */
	cr_assert(eq(sz, kik_explanation_count(e), 3));
	kik_explanation_free(e);
}

Test(explain, every_measure_of_the_bundled_plan_can_be_explained)
{
	size_t i;
	for (i = 0; i < kik_plan_measure_count(plan); i++) {
		kik_explanation *e;
		const kik_measure *m = kik_plan_measure(plan, i);
		cr_assert(eq(int, kik_plan_explain(plan, m, &e), 0));
		cr_assert(lt(sz, 0, kik_explanation_count(e)));
		cr_assert(eq(int, kik_explanation_status(e), kik_measure_status(m)));
		kik_explanation_free(e);
	}
}
