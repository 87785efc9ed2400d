/* The report in Markdown: the summary, per field its counts and its goal/measure table;
 * the other sections are in report_content_md.c. */
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

/* The table of a field's goals and measures; with notes, one table per goal, each
 * followed by its notes (a table cell cannot hold paragraphs). */
static void goal_table(kik__report *r, const kik_field *f)
{
	kik__out *o = r->o;
	const kik__labels *l = r->l;
	/* a table per goal only where notes follow the goals; else one, as the status pages have */
	int notes = KIK__SHOWS(r, KIK_REPORT_NOTES) && kik_plan_note_count(r->plan);
	size_t g, m;
	int st;
	if (!notes)
		head(o, l->group, l->number, l->goal_measure, l);
	for (g = 0; g < kik_field_goal_count(f); g++) {
		const kik_goal *goal = kik_field_goal(f, g);
		const kik_group *group = kik_goal_group(goal);
		const kik_goal *prev = g ? kik_field_goal(f, g - 1) : NULL;
		if (notes) {
			kik__out_str(o, "\n");
			head(o, l->group, l->number, l->goal_measure, l);
		}
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
		for (m = 0; notes && m < kik_goal_measure_count(goal); m++)
			if (kik_measure_note(kik_goal_measure(goal, m)))
				kik__md_notes(r, kik_measure_note(kik_goal_measure(goal, m)));
		if (notes && kik_goal_note(goal))
			kik__md_notes(r, kik_goal_note(goal));
	}
}

static void summary(kik__report *r)
{
	kik__out *o = r->o;
	const kik__labels *l = r->l;
	kik_summary s;
	size_t i;
	kik__out_printf(o, "## %s\n\n", l->overall);
	head(o, l->field, l->goals, l->measures, l);
	for (i = 0; i < kik_plan_field_count(r->plan); i++) {
		const kik_field *f = kik_plan_field(r->plan, i);
		kik__summary_field(f, &s);
		kik__out_str(o, "| ");
		kik__out_md(o, kik_field_name(f));
		kik__out_str(o, " |");
		counts_row(o, &s);
	}
	kik__summary_plan(r->plan, &s);
	kik__out_printf(o, "| **%s** |", l->total);
	counts_row(o, &s);
}

static void chart(kik__report *r, const kik_summary *s)
{
	const kik__labels *l = r->l;
	int st;
	kik__out_printf(r->o, "| Status | %s | %s |\n|---|---|---|\n", l->count, l->share);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		kik__out_printf(r->o, "| %s | %zu | %u %% |\n", l->status[st], s->count[st], s->percent[st]);
	kik__out_printf(r->o, "| = | %zu %s | %s |\n\n", s->measures, l->measures, s->measures ? "100 %" : "0 %");
}

static void field_section(kik__report *r, const kik_field *f)
{
	kik_summary s;
	kik__summary_field(f, &s);
	kik__out_printf(r->o, "\n## %s ", r->l->field);
	kik__out_md(r->o, kik_field_name(f));
	kik__out_str(r->o, "\n\n");
	if (KIK__SHOWS(r, KIK_REPORT_FIELD_NOTES))
		kik__md_field_intro(r, f);
	if (KIK__SHOWS(r, KIK_REPORT_CHARTS))
		chart(r, &s);
	if (KIK__SHOWS(r, KIK_REPORT_CHANGES) && r->diff)
		kik__md_changes(r, f);
	if (KIK__SHOWS(r, KIK_REPORT_FIELD_NOTES))
		kik__md_field_notes(r, f);
	if (KIK__SHOWS(r, KIK_REPORT_PROJECTS))
		kik__md_projects(r, f);
	if (KIK__SHOWS(r, KIK_REPORT_GOALS))
		goal_table(r, f);
}

void kik__report_md(kik__report *r)
{
	size_t i;
	unsigned per_field = KIK_REPORT_CHARTS | KIK_REPORT_FIELD_NOTES | KIK_REPORT_PROJECTS | KIK_REPORT_GOALS |
			     (r->diff ? KIK_REPORT_CHANGES : 0);
	if (KIK__SHOWS(r, KIK_REPORT_TITLE))
		kik__md_title(r);
	if (KIK__SHOWS(r, KIK_REPORT_TIMELINE))
		kik__md_timeline(r);
	if (KIK__SHOWS(r, KIK_REPORT_ROUNDS))
		kik__md_rounds(r);
	if (KIK__SHOWS(r, KIK_REPORT_CONTEXT))
		kik__md_context(r);
	if (KIK__SHOWS(r, KIK_REPORT_SUMMARY))
		summary(r);
	for (i = 0; (r->sections & per_field) && i < kik_plan_field_count(r->plan); i++)
		field_section(r, kik_plan_field(r->plan, i));
	if (KIK__SHOWS(r, KIK_REPORT_PROJECTS))
		kik__md_projects(r, NULL);
	if (KIK__SHOWS(r, KIK_REPORT_OUTLOOK))
		kik__md_outlook(r);
}
