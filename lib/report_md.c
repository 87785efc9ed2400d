/* The report in Markdown: the summary, per field its counts and its goal/measure table. */
#include "report.h"

static void counts_row(kik__out *o, const kik_summary *s)
{
	int st;
	kik__out_printf(o, " %zu | %zu |", s->goals, s->measures);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		kik__out_printf(o, " %zu (%u %%) |", s->count[st], s->percent[st]);
	kik__out_str(o, "\n");
}

static void head(kik__out *o, const char *first, const char *second, const char *third, const kik__labels *l)
{
	int st;
	kik__out_printf(o, "| %s | %s | %s |", first, second, third);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		kik__out_printf(o, " %s |", l->status[st]);
	kik__out_str(o, "\n|---|---|---|---|---|---|\n");
}

static void goal_table(kik__out *o, const kik_field *f, const kik__labels *l)
{
	size_t g, m;
	int st;
	head(o, l->group, l->number, l->goal_measure, l);
	for (g = 0; g < kik_field_goal_count(f); g++) {
		const kik_goal *goal = kik_field_goal(f, g);
		const kik_group *group = kik_goal_group(goal);
		const kik_goal *prev = g ? kik_field_goal(f, g - 1) : NULL;
		kik__out_str(o, "| ");
		if (group && (!prev || kik_goal_group(prev) != group))
			kik__out_md(o, kik_group_name(group));
		kik__out_printf(o, " | **%u.** | **", kik_goal_number(goal));
		kik__out_md(o, kik_goal_text(goal));
		kik__out_str(o, "** | | | |\n");
		for (m = 0; m < kik_goal_measure_count(goal); m++) {
			const kik_measure *measure = kik_goal_measure(goal, m);
			kik__out_printf(o, "| | %s. | ", kik_measure_number(measure));
			kik__out_md(o, kik_measure_text(measure));
			kik__out_str(o, " |");
			for (st = 0; st < KIK_STATUS_COUNT; st++)
				kik__out_str(o, st == (int)kik_measure_status(measure) ? " x |" : " |");
			kik__out_str(o, "\n");
		}
	}
}

void kik__report_md(kik__out *o, const kik_plan *plan, const kik__labels *l)
{
	kik_summary s;
	size_t i;
	kik__out_str(o, "# ");
	kik__out_md(o, *kik_plan_name(plan) ? kik_plan_name(plan) : l->title);
	kik__out_str(o, "\n\n");
	if (*kik_plan_as_of(plan))
		kik__out_printf(o, "%s: %s\n\n", l->as_of, kik_plan_as_of(plan));
	kik__out_printf(o, "## %s\n\n", l->overall);
	head(o, l->field, l->goals, l->measures, l);
	for (i = 0; i < kik_plan_field_count(plan); i++) {
		const kik_field *f = kik_plan_field(plan, i);
		kik__summary_field(f, &s);
		kik__out_str(o, "| ");
		kik__out_md(o, kik_field_name(f));
		kik__out_str(o, " |");
		counts_row(o, &s);
	}
	kik__summary_plan(plan, &s);
	kik__out_printf(o, "| **%s** |", l->total);
	counts_row(o, &s);
	for (i = 0; i < kik_plan_field_count(plan); i++) {
		const kik_field *f = kik_plan_field(plan, i);
		int st;
		kik__summary_field(f, &s);
		kik__out_printf(o, "\n## %s ", l->field);
		kik__out_md(o, kik_field_name(f));
		kik__out_printf(o, "\n\n| Status | %s | %s |\n|---|---|---|\n", l->count, l->share);
		for (st = 0; st < KIK_STATUS_COUNT; st++)
			kik__out_printf(o, "| %s | %zu | %u %% |\n", l->status[st], s.count[st], s.percent[st]);
		kik__out_printf(o, "| = | %zu %s | %s |\n\n", s.measures, l->measures, s.measures ? "100 %" : "0 %");
		goal_table(o, f, l);
	}
}
