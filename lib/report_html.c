/* The report as one self-contained HTML page (XHTML syntax, so XML tools can read it):
 * the page, the summary, the charts and the goal tables; the other sections are in
 * report_content_html.c. */
#include "report.h"

static const char style[] =
    "body{font-family:sans-serif;margin:2em auto;max-width:60em;color:#222}"
    "h1{margin-bottom:0}table{border-collapse:collapse;width:100%;margin:1em 0}"
    "th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}"
    "th{background:#f4f4f4}td.num{text-align:right}td.mark{text-align:center;font-weight:bold;width:7em}"
    "tr.goal td{background:#fafafa;font-weight:bold}.chart{display:flex;align-items:center;gap:2em}"
    ".legend{list-style:none;padding:0}.legend li{margin:.3em 0}"
    ".swatch{display:inline-block;width:1em;height:1em;margin-right:.5em;vertical-align:middle}"
    "td.waiting{color:#666}td.in_progress{color:#a37200}td.implemented{color:#2e8b57}"
    /* the whole report's sections */
    "header.title p{margin:.2em 0}.report-title{font-size:1.4em}.office,.as-of{color:#555}"
    "tr.notes td{background:#fff}.note h4{margin:.4em 0 .2em;font-size:1em}.note p{margin:.2em 0 .5em}"
    ".notes-pair{display:flex;gap:1.5em}.notes-pair>div{flex:1}.earlier{color:#555}"
    ".project{border-left:3px solid #ccc;padding-left:1em;margin:1em 0}.project h4{margin:.2em 0}"
    ".meta{color:#555}.caption{font-style:italic}td.change{white-space:nowrap}.share{color:#555}"
    "nav.contents ol{columns:2}"
    /* print on A4: a field per page, rows whole, page numbers where the browser draws them */
    "@page{size:A4;margin:16mm 14mm 18mm 14mm;"
    "@bottom-right{content:counter(page) \" / \" counter(pages);font-size:9pt;color:#555}}"
    "@media print{body{margin:0;max-width:none;font-size:10pt}"
    "section.field,section.outlook,section.projects-other{break-before:page}"
    "tr,li,.project,.note,figure,.chart{break-inside:avoid}thead{display:table-header-group}"
    "h2,h3,h4{break-after:avoid}a{color:inherit;text-decoration:none}"
    "td.mark{width:5em}}";

static void counts_cells(kik__out *o, const kik_summary *s)
{
	int st;
	kik__out_printf(o, "<td class=\"num\">%zu</td><td class=\"num\">%zu</td>", s->goals, s->measures);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		kik__out_printf(o, "<td class=\"num\">%zu (%u %%)</td>", s->count[st], s->percent[st]);
}

void kik__html_summary_table(kik__out *o, const kik_plan *plan, const kik__labels *l)
{
	kik_summary s;
	size_t i;
	int st;
	kik__out_printf(
	    o,
	    "<section class=\"summary\" id=\"summary\"><h2>%s</h2><table><thead><tr><th>%s</th><th>%s</th><th>%s</th>",
	    l->overall, l->field, l->goals, l->measures);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		kik__out_printf(o, "<th>%s</th>", l->status[st]);
	kik__out_str(o, "</tr></thead><tbody>");
	for (i = 0; i < kik_plan_field_count(plan); i++) {
		const kik_field *f = kik_plan_field(plan, i);
		kik__summary_field(f, &s);
		kik__out_printf(o, "<tr><td><a href=\"#field-%s\">", kik_field_code(f));
		kik__out_html(o, kik_field_name(f));
		kik__out_str(o, "</a></td>");
		counts_cells(o, &s);
		kik__out_str(o, "</tr>");
	}
	kik__summary_plan(plan, &s);
	kik__out_printf(o, "<tr class=\"total\"><td><strong>%s</strong></td>", l->total);
	counts_cells(o, &s);
	kik__out_str(o, "</tr></tbody></table></section>");
}

/* The summary with the donut of the whole plan, as the report opens its status part. */
static void summary(kik__report *r)
{
	kik_summary s;
	kik__html_summary_table(r->o, r->plan, r->l);
	kik__summary_plan(r->plan, &s);
	kik__html_chart(r->o, &s, r->l);
}

void kik__html_chart(kik__out *o, const kik_summary *s, const kik__labels *l)
{
	int st;
	kik__out_str(o, "<div class=\"chart\">");
	kik__svg_donut(o, s, l);
	kik__out_str(o, "<ul class=\"legend\">");
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		kik__out_printf(o,
				"<li class=\"%s\"><span class=\"swatch\" style=\"background:%s\"></span>%s: "
				"<strong>%zu</strong> (%u %%)</li>",
				kik_status_key((kik_status)st), kik__status_colour[st], l->status[st], s->count[st],
				s->percent[st]);
	kik__out_printf(o, "<li>= %zu %s</li></ul></div>", s->measures, l->measures);
}

void kik__html_goal_table(kik__report *r, const kik_field *f, const kik_goal *only)
{
	kik__out *o = r->o;
	const kik__labels *l = r->l;
	int notes = KIK__SHOWS(r, KIK_REPORT_NOTES);
	size_t g, m;
	int st;
	kik__out_printf(o, "<table class=\"measures\"><thead><tr><th>%s</th><th>%s</th><th>%s</th>", l->group,
			l->number, l->goal_measure);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		kik__out_printf(o, "<th>%s</th>", l->status[st]);
	kik__out_str(o, "</tr></thead><tbody>");
	for (g = 0; g < kik_field_goal_count(f); g++) {
		const kik_goal *goal = kik_field_goal(f, g);
		const kik_group *group = kik_goal_group(goal);
		/* the group is named on its first goal only, as in the report */
		const kik_goal *prev = g ? kik_field_goal(f, g - 1) : NULL;
		if (only && goal != only)
			continue;
		if (only)
			prev = NULL;
		kik__out_printf(o, "<tr class=\"goal\" id=\"goal-%s-%u\"><td>", kik_field_code(f),
				kik_goal_number(goal));
		if (group && (!prev || kik_goal_group(prev) != group))
			kik__out_html(o, kik_group_name(group));
		kik__out_printf(o, "</td><td>%u.</td><td colspan=\"4\">", kik_goal_number(goal));
		kik__out_html(o, kik_goal_text(goal));
		kik__out_str(o, "</td></tr>");
		for (m = 0; m < kik_goal_measure_count(goal); m++) {
			const kik_measure *measure = kik_goal_measure(goal, m);
			kik_status status = kik_measure_status(measure);
			kik__out_printf(o, "<tr class=\"measure\" id=\"%s\"><td></td><td>%s.</td><td>",
					kik_measure_id(measure), kik_measure_number(measure));
			kik__out_html(o, kik_measure_text(measure));
			kik__out_str(o, "</td>");
			for (st = 0; st < KIK_STATUS_COUNT; st++)
				kik__out_printf(o, "<td class=\"mark %s\">%s</td>", kik_status_key((kik_status)st),
						st == (int)status ? "x" : "");
			kik__out_str(o, "</tr>");
			if (notes && kik_measure_note(measure))
				kik__html_notes_row(r, kik_measure_note(measure));
		}
		if (notes && kik_goal_note(goal))
			kik__html_notes_row(r, kik_goal_note(goal));
	}
	kik__out_str(o, "</tbody></table>");
}

/* One field's section: what the sections ask for, in the report's order. */
static void field_section(kik__report *r, const kik_field *f)
{
	kik__out *o = r->o;
	kik_summary s;
	kik__summary_field(f, &s);
	kik__out_printf(o, "<section class=\"field\" id=\"field-%s\"><h2>%s ", kik_field_code(f), r->l->field);
	kik__out_html(o, kik_field_name(f));
	kik__out_str(o, "</h2>");
	if (KIK__SHOWS(r, KIK_REPORT_FIELD_NOTES))
		kik__html_field_intro(r, f);
	if (KIK__SHOWS(r, KIK_REPORT_CHARTS))
		kik__html_chart(o, &s, r->l);
	if (KIK__SHOWS(r, KIK_REPORT_CHANGES) && r->diff)
		kik__html_changes(r, f);
	if (KIK__SHOWS(r, KIK_REPORT_FIELD_NOTES))
		kik__html_field_notes(r, f);
	if (KIK__SHOWS(r, KIK_REPORT_PROJECTS))
		kik__html_projects(r, f);
	if (KIK__SHOWS(r, KIK_REPORT_GOALS))
		kik__html_goal_table(r, f, NULL);
	kik__out_str(o, "</section>");
}

void kik__report_html(kik__report *r)
{
	kik__out *o = r->o;
	const kik_plan *plan = r->plan;
	const char *name = *kik_plan_name(plan) ? kik_plan_name(plan) : r->l->title;
	size_t i;
	unsigned per_field = KIK_REPORT_CHARTS | KIK_REPORT_FIELD_NOTES | KIK_REPORT_PROJECTS | KIK_REPORT_GOALS |
			     (r->diff ? KIK_REPORT_CHANGES : 0);
	kik__out_printf(o,
			"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\"><head>"
			"<meta charset=\"utf-8\"/><title>",
			r->l->lang);
	kik__out_html(o, name);
	if (*kik_plan_title(plan)) {
		kik__out_str(o, " – ");
		kik__out_html(o, kik_plan_title(plan));
	}
	kik__out_str(o, "</title><style>");
	kik__out_str(o, style);
	kik__out_str(o, "</style></head><body>");
	if (KIK__SHOWS(r, KIK_REPORT_TITLE)) {
		kik__html_title(r);
		kik__html_contents(r);
	}
	if (KIK__SHOWS(r, KIK_REPORT_TIMELINE))
		kik__html_timeline(r);
	if (KIK__SHOWS(r, KIK_REPORT_ROUNDS))
		kik__html_rounds(r);
	if (KIK__SHOWS(r, KIK_REPORT_CONTEXT))
		kik__html_context(r);
	if (KIK__SHOWS(r, KIK_REPORT_SUMMARY))
		summary(r);
	for (i = 0; (r->sections & per_field) && i < kik_plan_field_count(plan); i++)
		field_section(r, kik_plan_field(plan, i));
	if (KIK__SHOWS(r, KIK_REPORT_PROJECTS))
		kik__html_projects(r, NULL);
	if (KIK__SHOWS(r, KIK_REPORT_OUTLOOK))
		kik__html_outlook(r);
	kik__out_str(o, "</body></html>\n");
}
