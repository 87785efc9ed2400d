/* Tasks and the success-criteria rules: the full truth table, both rules, task changes. */
#include <criterion/criterion.h>

#include "counts.h"
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <string.h>

static kik_plan *plan;

static void setup(void)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_add_field(plan, "SB", "Sprache und Bildung", NULL), 0));
	d.field = "SB";
	d.number = "1.1";
	d.text = "Eine Maßnahme";
	d.status = KIK_STATUS_IMPLEMENTED; /* recorded: distinct from what most task sets derive */
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
}

TestSuite(rules, .init = setup, .fini = teardown);

static unsigned long add_task(const char *measure, kik_task_kind kind, kik_task_state state, const char *title)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	const kik_task *t;
	d.measure = measure;
	d.kind = kind;
	d.state = state;
	d.title = title;
	cr_assert(eq(int, kik_plan_add_task(plan, &d, &t), 0));
	return kik_task_id(t);
}

/* What one kind of task looks like on a measure. */
enum config { NONE, OPEN, IN_PROGRESS, DONE, NOT_APPLICABLE, DONE_AND_OPEN, CONFIGS };

static void add_config(kik_task_kind kind, enum config c)
{
	switch (c) {
	case NONE: break;
	case OPEN: add_task("SB-1.1", kind, KIK_TASK_OPEN, "a"); break;
	case IN_PROGRESS: add_task("SB-1.1", kind, KIK_TASK_IN_PROGRESS, "a"); break;
	case DONE: add_task("SB-1.1", kind, KIK_TASK_DONE, "a"); break;
	case NOT_APPLICABLE: add_task("SB-1.1", kind, KIK_TASK_NOT_APPLICABLE, "a"); break;
	case DONE_AND_OPEN:
		add_task("SB-1.1", kind, KIK_TASK_DONE, "a");
		add_task("SB-1.1", kind, KIK_TASK_OPEN, "b");
		break;
	case CONFIGS: break;
	}
}

/* The rule as the report states it, per kind configuration. */
static kik_status expected(const enum config c[3], kik_rule rule)
{
	int satisfied = 1, started = 0, any = 0, k;
	for (k = 0; k < 3; k++) {
		any |= c[k] != NONE;
		started |= c[k] == IN_PROGRESS || c[k] == DONE || c[k] == DONE_AND_OPEN;
		satisfied &=
		    c[k] == DONE || c[k] == NOT_APPLICABLE || (c[k] == NONE && rule == KIK_RULE_MISSING_KIND_SATISFIED);
	}
	if (!any)
		return KIK_STATUS_IMPLEMENTED; /* no tasks: the recorded status */
	if (satisfied)
		return KIK_STATUS_IMPLEMENTED;
	return started ? KIK_STATUS_IN_PROGRESS : KIK_STATUS_WAITING;
}

Test(rules, full_truth_table_over_kinds_and_states_for_both_rules)
{
	enum config c[3];
	size_t rows = 0;
	for (c[0] = NONE; c[0] < CONFIGS; c[0]++)
		for (c[1] = NONE; c[1] < CONFIGS; c[1]++)
			for (c[2] = NONE; c[2] < CONFIGS; c[2]++) {
				const kik_measure *m;
				size_t n;
				teardown();
				setup();
				add_config(KIK_TASK_CONCEPT, c[0]);
				add_config(KIK_TASK_AG, c[1]);
				add_config(KIK_TASK_WORK_PACKAGE, c[2]);
				m = kik_plan_find_measure(plan, "SB-1.1");
				n = kik_measure_task_count(m);
				cr_assert(eq(int, kik_measure_has_tasks(m), n > 0));
				cr_assert(eq(int, kik_measure_status(m), expected(c, KIK_RULE_STRICT)),
					  "strict %d %d %d", c[0], c[1], c[2]);
				cr_assert(eq(int, kik_plan_set_rule(plan, KIK_RULE_MISSING_KIND_SATISFIED), 0));
				cr_assert(eq(int, kik_measure_status(m), expected(c, KIK_RULE_MISSING_KIND_SATISFIED)),
					  "loose %d %d %d", c[0], c[1], c[2]);
				cr_assert(eq(int, kik_measure_recorded_status(m), KIK_STATUS_IMPLEMENTED));
				rows++;
			}
	cr_assert(eq(sz, rows, 216));
}

Test(rules, examples_from_the_report)
{
	const kik_measure *m = kik_plan_find_measure(plan, "SB-1.1");
	add_task("SB-1.1", KIK_TASK_CONCEPT, KIK_TASK_DONE, "Konzept umsetzen");
	add_task("SB-1.1", KIK_TASK_AG, KIK_TASK_OPEN, "Fachtag durchführen");
	cr_assert(eq(int, kik_measure_status(m), KIK_STATUS_IN_PROGRESS));
	add_task("SB-1.1", KIK_TASK_WORK_PACKAGE, KIK_TASK_DONE, "Flyer drucken");
	cr_assert(eq(int, kik_measure_status(m), KIK_STATUS_IN_PROGRESS)); /* the AG task is still open */
}

Test(rules, summaries_count_derived_statuses)
{
	plan_counts s;
	add_task("SB-1.1", KIK_TASK_CONCEPT, KIK_TASK_OPEN, "x");
	s = count_plan(plan);
	cr_assert(eq(sz, s.count[KIK_STATUS_WAITING], 1));
	cr_assert(eq(sz, s.count[KIK_STATUS_IMPLEMENTED], 0));
}

Test(rules, updating_and_removing_tasks_changes_the_status)
{
	const kik_measure *m = kik_plan_find_measure(plan, "SB-1.1");
	kik_task_desc d = KIK_TASK_DESC_INIT;
	unsigned long a = add_task("SB-1.1", KIK_TASK_CONCEPT, KIK_TASK_OPEN, "a");
	unsigned long b = add_task("SB-1.1", KIK_TASK_AG, KIK_TASK_DONE, "b");
	add_task("SB-1.1", KIK_TASK_WORK_PACKAGE, KIK_TASK_NOT_APPLICABLE, "c");
	cr_assert(eq(int, kik_measure_status(m), KIK_STATUS_IN_PROGRESS));
	d.kind = KIK_TASK_CONCEPT;
	d.state = KIK_TASK_DONE;
	d.title = "a erledigt";
	d.due = "2024-03-31";
	d.owner = "Amt für Integration";
	cr_assert(eq(int, kik_plan_update_task(plan, a, &d), 0));
	cr_assert(eq(int, kik_measure_status(m), KIK_STATUS_IMPLEMENTED));
	cr_assert(eq(str, (char *)kik_task_title(kik_plan_find_task(plan, a)), "a erledigt"));
	cr_assert(eq(str, (char *)kik_task_due(kik_plan_find_task(plan, a)), "2024-03-31"));
	cr_assert(eq(str, (char *)kik_task_owner(kik_plan_find_task(plan, a)), "Amt für Integration"));
	cr_assert(eq(int, kik_plan_remove_task(plan, b), 0));
	cr_assert(eq(ptr, (void *)kik_plan_find_task(plan, b), NULL));
	cr_assert(eq(sz, kik_plan_task_count(plan), 2));
	cr_assert(eq(int, kik_measure_status(m), KIK_STATUS_IN_PROGRESS)); /* AG kind now missing */
	cr_assert(eq(int, kik_plan_remove_task(plan, b), KIK_ENOTFOUND));
	cr_assert(eq(int, kik_plan_update_task(plan, 999, &d), KIK_ENOTFOUND));
}

Test(rules, many_tasks_stay_findable_after_removals)
{
	unsigned long ids[200];
	char title[16];
	size_t i;
	for (i = 0; i < 200; i++) {
		snprintf(title, sizeof(title), "t%zu", i);
		ids[i] = add_task("SB-1.1", KIK_TASK_AG, KIK_TASK_OPEN, title);
	}
	for (i = 0; i < 200; i += 2)
		cr_assert(eq(int, kik_plan_remove_task(plan, ids[i]), 0));
	for (i = 0; i < 200; i++)
		cr_assert(eq(int, kik_plan_find_task(plan, ids[i]) != NULL, (int)(i % 2)), "task %lu", ids[i]);
	cr_assert(eq(sz, kik_measure_task_count(kik_plan_find_measure(plan, "SB-1.1")), 100));
	for (i = 0; i < 200; i++) { /* by natural key too: the measure's tasks are in its hash table */
		snprintf(title, sizeof(title), "t%zu", i);
		cr_assert(eq(int, kik_plan_find_task_by_key(plan, "SB-1.1", KIK_TASK_AG, title) != NULL, (int)(i % 2)),
			  "%s", title);
	}
}

Test(rules, bad_tasks_are_rejected)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.measure = "SB-9.9";
	d.title = "t";
	cr_assert(eq(int, kik_plan_add_task(plan, &d, NULL), KIK_ENOTFOUND));
	d.measure = "SB-1.1";
	d.title = "";
	cr_assert(eq(int, kik_plan_add_task(plan, &d, NULL), KIK_EINVAL));
	d.title = "t";
	d.due = "31.03.2024";
	cr_assert(eq(int, kik_plan_add_task(plan, &d, NULL), KIK_EINVAL));
	d.due = NULL;
	d.kind = (kik_task_kind)5;
	cr_assert(eq(int, kik_plan_add_task(plan, &d, NULL), KIK_EINVAL));
	cr_assert(eq(sz, kik_plan_task_count(plan), 0));
}

Test(rules, names_parse_in_both_languages)
{
	kik_task_kind k;
	kik_task_state s;
	kik_rule r;
	cr_assert(eq(int, kik_task_kind_parse("AG-Auftrag", &k), 0));
	cr_assert(eq(int, k, KIK_TASK_AG));
	cr_assert(eq(int, kik_task_kind_parse("Einzelauftrag (aus dem Konzept)", &k), 0));
	cr_assert(eq(int, k, KIK_TASK_CONCEPT));
	cr_assert(eq(int, kik_task_kind_parse("work_package", &k), 0));
	cr_assert(eq(int, k, KIK_TASK_WORK_PACKAGE));
	cr_assert(eq(int, kik_task_kind_parse("Projekt", &k), KIK_EPARSE));
	cr_assert(eq(int, kik_task_state_parse("entfällt", &s), 0));
	cr_assert(eq(int, s, KIK_TASK_NOT_APPLICABLE));
	cr_assert(eq(int, kik_task_state_parse("In Arbeit", &s), 0));
	cr_assert(eq(int, s, KIK_TASK_IN_PROGRESS));
	cr_assert(eq(int, kik_task_state_parse("erledigt", &s), 0));
	cr_assert(eq(int, s, KIK_TASK_DONE));
	cr_assert(eq(int, kik_task_state_parse("vielleicht", &s), KIK_EPARSE));
	cr_assert(eq(int, kik_rule_parse("missing_kind_satisfied", &r), 0));
	cr_assert(eq(int, r, KIK_RULE_MISSING_KIND_SATISFIED));
	cr_assert(eq(str, (char *)kik_rule_key(KIK_RULE_STRICT), "strict"));
	cr_assert(eq(str, (char *)kik_task_kind_label(KIK_TASK_WORK_PACKAGE, KIK_LANG_DE), "Arbeitspaket"));
	cr_assert(eq(int, kik_plan_set_rule(plan, (kik_rule)9), KIK_EINVAL));
}
