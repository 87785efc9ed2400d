/* The whole report's sections in HTML: title block, contents, timeline, rounds, the
 * current situation with the context figures, per field its notes, projects and changes,
 * each goal's notes, and the plan-wide outlook. Every text goes through kik__out_html. */
#include "content.h"
#include "report.h"

#include <string.h>

/* ---- texts ------------------------------------------------------------------------- */

static void html_block(kik__report *r, kik__block block, const char *s, size_t len, int first)
{
	kik__out *o = r->o;
	const char *line;
	switch (block) {
	case KIK__PARAGRAPH_BEGIN: kik__out_str(o, "<p>"); break;
	case KIK__PARAGRAPH_END: kik__out_str(o, "</p>"); break;
	case KIK__LIST_BEGIN: kik__out_str(o, "<ul>"); break;
	case KIK__LIST_END: kik__out_str(o, "</ul>"); break;
	case KIK__LINE:
	case KIK__ITEM:
		if (!(line = kik__report_line(r, s, len)))
			return;
		kik__out_str(o, block == KIK__ITEM ? "<li>" : first ? "" : "<br/>");
		kik__out_html(o, line);
		if (block == KIK__ITEM)
			kik__out_str(o, "</li>");
		break;
	}
}

void kik__html_text(kik__report *r, const char *text)
{
	kik__report_blocks(r, text, html_block);
}

/* A field's code and name, linked to its section when the report has one. */
static void field_ref(kik__report *r, const kik_field *f)
{
	kik__out_printf(r->o, "<a href=\"#field-%s\">", kik_field_code(f));
	kik__out_html(r->o, kik_field_code(f));
	kik__out_str(r->o, "</a>");
}

static int field_sections(const kik__report *r)
{
	return (r->sections & (KIK_REPORT_CHARTS | KIK_REPORT_FIELD_NOTES | KIK_REPORT_PROJECTS | KIK_REPORT_GOALS)) !=
	       0;
}

/* A measure's id, linked to its row when the goal tables are shown, and its text. */
static void measure_ref(kik__report *r, const kik_measure *m)
{
	if (KIK__SHOWS(r, KIK_REPORT_GOALS))
		kik__out_printf(r->o, "<a href=\"#%s\">%s</a> ", kik_measure_id(m), kik_measure_id(m));
	else
		kik__out_printf(r->o, "%s ", kik_measure_id(m));
	kik__out_html(r->o, kik_measure_text(m));
}

/* ---- title block, contents ------------------------------------------------------------- */

void kik__html_title(kik__report *r)
{
	const kik_plan *plan = r->plan;
	char date[64];
	kik__out *o = r->o;
	kik__out_str(o, "<header class=\"title\"><h1>");
	kik__out_html(o, *kik_plan_name(plan) ? kik_plan_name(plan) : r->l->title);
	kik__out_str(o, "</h1>");
	if (*kik_plan_title(plan)) {
		kik__out_str(o, "<p class=\"report-title\">");
		kik__out_html(o, kik_plan_title(plan));
		kik__out_str(o, "</p>");
	}
	if (*kik_plan_as_of(plan)) {
		kik__report_date(r, date, sizeof(date), kik_plan_as_of(plan));
		kik__out_printf(o, "<p class=\"as-of\">%s: %s</p>", r->l->as_of, date);
	}
	if (*kik_plan_office(plan)) {
		kik__out_str(o, "<p class=\"office\">");
		kik__out_html(o, kik_plan_office(plan));
		kik__out_str(o, "</p>");
	}
	if (r->diff && *kik_plan_as_of(r->since)) {
		kik__report_date(r, date, sizeof(date), kik_plan_as_of(r->since));
		kik__out_printf(o, "<p class=\"since\">%s %s</p>", r->w->changes, date);
	}
	kik__out_str(o, "</header>");
}

void kik__html_contents(kik__report *r)
{
	kik__out *o = r->o;
	size_t i;
	if (!(r->sections & ~KIK_REPORT_STATUS_PAGES))
		return; /* the status pages alone need none */
	kik__out_printf(o, "<nav class=\"contents\"><h2>%s</h2><ol>", r->w->contents);
	if (KIK__SHOWS(r, KIK_REPORT_TIMELINE) && kik_plan_timeline_count(r->plan))
		kik__out_printf(o, "<li><a href=\"#timeline\">%s</a></li>", r->w->timeline);
	if (KIK__SHOWS(r, KIK_REPORT_ROUNDS) && kik_plan_round_count(r->plan))
		kik__out_printf(o, "<li><a href=\"#rounds\">%s</a></li>", r->w->rounds);
	if (KIK__SHOWS(r, KIK_REPORT_CONTEXT) &&
	    (kik_plan_figure_count(r->plan) || kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_CONTEXT)))
		kik__out_printf(o, "<li><a href=\"#context\">%s</a></li>", r->w->context);
	if (KIK__SHOWS(r, KIK_REPORT_SUMMARY))
		kik__out_printf(o, "<li><a href=\"#summary\">%s</a></li>", r->l->overall);
	for (i = 0; field_sections(r) && i < kik_plan_field_count(r->plan); i++) {
		const kik_field *f = kik_plan_field(r->plan, i);
		kik__out_printf(o, "<li><a href=\"#field-%s\">%s ", kik_field_code(f), r->l->field);
		kik__out_html(o, kik_field_name(f));
		kik__out_str(o, "</a></li>");
	}
	if (KIK__SHOWS(r, KIK_REPORT_OUTLOOK) && kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_OUTLOOK))
		kik__out_printf(o, "<li><a href=\"#outlook\">%s</a></li>", r->w->outlook);
	kik__out_str(o, "</ol></nav>");
}

/* ---- timeline and rounds -------------------------------------------------------------- */

static void field_list(kik__report *r, size_t count, const kik_field *(*at)(const void *, size_t), const void *of)
{
	size_t i;
	for (i = 0; i < count; i++) {
		if (i)
			kik__out_str(r->o, ", ");
		if (field_sections(r))
			field_ref(r, at(of, i));
		else
			kik__out_html(r->o, kik_field_code(at(of, i)));
	}
}

static const kik_field *entry_field(const void *e, size_t i)
{
	return kik_timeline_entry_field(e, i);
}

static const kik_field *round_field(const void *round, size_t i)
{
	return kik_round_field(round, i);
}

void kik__html_timeline(kik__report *r)
{
	kik__out *o = r->o;
	size_t i;
	if (!kik_plan_timeline_count(r->plan))
		return;
	kik__out_printf(o, "<section class=\"timeline\" id=\"timeline\"><h2>%s</h2><table><tbody>", r->w->timeline);
	for (i = 0; i < kik_plan_timeline_count(r->plan); i++) {
		const kik_timeline_entry *e = kik_plan_timeline_entry(r->plan, i);
		char when[160];
		kik__report_range(r, when, sizeof(when), kik_timeline_entry_date(e), kik_timeline_entry_until(e),
				  kik_timeline_entry_is_open(e));
		kik__out_printf(o, "<tr><th scope=\"row\">%s</th><td>", when);
		kik__out_html(o, kik_timeline_entry_text(e));
		if (kik_timeline_entry_field_count(e)) {
			kik__out_printf(o, " <span class=\"fields\">(%s: ", r->w->fields);
			field_list(r, kik_timeline_entry_field_count(e), entry_field, e);
			kik__out_str(o, ")</span>");
		}
		kik__out_str(o, "</td></tr>");
	}
	kik__out_str(o, "</tbody></table></section>");
}

void kik__html_rounds(kik__report *r)
{
	kik__out *o = r->o;
	size_t i, k;
	if (!kik_plan_round_count(r->plan))
		return;
	kik__out_printf(o,
			"<section class=\"rounds\" id=\"rounds\"><h2>%s</h2><table><thead><tr><th>%s</th><th>%s</th>"
			"<th>%s</th><th>%s</th></tr></thead><tbody>",
			r->w->rounds, r->w->round, r->w->period, r->w->fields, r->l->measures);
	for (i = 0; i < kik_plan_round_count(r->plan); i++) {
		const kik_round *round = kik_plan_round(r->plan, i);
		char when[160];
		kik__report_range(r, when, sizeof(when), kik_round_from(round), kik_round_until(round),
				  kik_round_is_open(round));
		kik__out_str(o, "<tr><td>");
		kik__out_html(o, kik_round_name(round));
		kik__out_printf(o, "</td><td>%s</td><td>", when);
		field_list(r, kik_round_field_count(round), round_field, round);
		kik__out_str(o, "</td><td>");
		for (k = 0; k < kik_round_measure_count(round); k++) {
			const kik_measure *m = kik_round_measure(round, k);
			if (KIK__SHOWS(r, KIK_REPORT_GOALS))
				kik__out_printf(o, "%s<a href=\"#%s\">%s</a>", k ? ", " : "", kik_measure_id(m),
						kik_measure_id(m));
			else
				kik__out_printf(o, "%s%s", k ? ", " : "", kik_measure_id(m));
		}
		kik__out_str(o, "</td></tr>");
	}
	kik__out_str(o, "</tbody></table></section>");
}

/* ---- the current situation: context texts and figures --------------------------------- */

static void field_note(kik__report *r, const kik_field_note *n, const char *heading)
{
	if (*kik_field_note_title(n)) {
		kik__out_printf(r->o, "<%s>", heading);
		kik__out_html(r->o, kik_field_note_title(n));
		kik__out_printf(r->o, "</%s>", heading);
	}
	kik__html_text(r, kik_field_note_text(n));
}

static void figures(kik__report *r)
{
	kik__out *o = r->o;
	kik__figure_table t;
	size_t i, k;
	if (kik__figure_table_make(r, &t) < 0)
		return;
	kik__out_printf(o, "<table class=\"figures\"><caption class=\"caption\">%s</caption><thead><tr><th>%s</th>",
			r->w->figures_caption, r->w->figure);
	for (k = 0; k < t.date_count; k++) {
		char date[64];
		kik__report_date(r, date, sizeof(date), t.dates[k]);
		kik__out_printf(o, "<th>%s</th>", date);
	}
	if (t.date_count > 1)
		kik__out_printf(o, "<th>%s</th>", r->w->change);
	kik__out_str(o, "</tr></thead><tbody>");
	for (i = 0; i < t.name_count; i++) {
		const kik_figure *first = NULL, *last = NULL;
		for (k = 0; k < t.date_count; k++)
			if (t.cell[i * t.date_count + k])
				first = first ? first : t.cell[i * t.date_count + k],
				last = t.cell[i * t.date_count + k];
		kik__out_str(o, "<tr><td>");
		kik__out_html(o, t.names[i]);
		if (*kik_figure_share_of(last)) {
			kik__out_printf(o, " <span class=\"share\">(%s ", r->w->share_of);
			kik__out_html(o, kik_figure_share_of(last));
			kik__out_str(o, ")</span>");
		}
		kik__out_str(o, "</td>");
		for (k = 0; k < t.date_count; k++) {
			const kik_figure *f = t.cell[i * t.date_count + k];
			char value[64] = "–";
			if (f)
				kik__report_value(r, value, sizeof(value), f);
			kik__out_printf(o, "<td class=\"num\">%s</td>", value);
		}
		if (t.date_count > 1) {
			char change[96] = "–";
			if (first && last && first != last)
				kik__report_change(r, change, sizeof(change), first, last);
			kik__out_printf(o, "<td class=\"num change\">%s</td>", change);
		}
		kik__out_str(o, "</tr>");
	}
	kik__out_str(o, "</tbody></table>");
	if (t.source_count) {
		kik__out_printf(o, "<p class=\"source\">%s: ", r->w->sources);
		for (k = 0; k < t.source_count; k++) {
			kik__out_str(o, k ? "; " : "");
			kik__out_html(o, t.sources[k]);
		}
		kik__out_str(o, "</p>");
	}
	kik__figure_table_free(r, &t);
}

static void context_text(kik__report *r, const kik_field_note *n)
{
	field_note(r, n, "h3");
}

void kik__html_context(kik__report *r)
{
	if (!kik_plan_figure_count(r->plan) && !kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_CONTEXT))
		return;
	kik__out_printf(r->o, "<section class=\"context\" id=\"context\"><h2>%s</h2>", r->w->context);
	kik__report_context(r, context_text, figures);
	kik__out_str(r->o, "</section>");
}

/* ---- per field: introduction, focus points, highlights, outlook ------------------------ */

void kik__html_field_intro(kik__report *r, const kik_field *f)
{
	size_t i;
	for (i = 0; i < kik_plan_field_note_count(r->plan); i++) {
		const kik_field_note *n = kik_plan_field_note(r->plan, i);
		if (kik_field_note_field(n) == f && kik_field_note_kind_of(n) == KIK_FIELD_NOTE_CONTEXT) {
			kik__out_str(r->o, "<div class=\"intro\">");
			field_note(r, n, "h3");
			kik__out_str(r->o, "</div>");
		}
	}
}

/* The notes of one kind as a list (under a heading, unless the section has it); a
 * highlight's title links to the project it names. */
static void notes_of_kind(kik__report *r, const kik_field *f, kik_field_note_kind kind, int heading)
{
	kik__out *o = r->o;
	size_t i;
	if (!kik__report_has_field_notes(r->plan, f, kind))
		return;
	if (heading)
		kik__out_printf(o, "<h3>%s</h3>", r->w->field_notes[kind]);
	kik__out_printf(o, "<ul class=\"%s\">", kik_field_note_kind_key(kind));
	for (i = 0; i < kik_plan_field_note_count(r->plan); i++) {
		const kik_field_note *n = kik_plan_field_note(r->plan, i);
		size_t project;
		if (kik_field_note_field(n) != f || kik_field_note_kind_of(n) != kind)
			continue;
		kik__out_str(o, "<li>");
		if (*kik_field_note_title(n)) {
			int linked = KIK__SHOWS(r, KIK_REPORT_PROJECTS) &&
				     kik__report_project_named(r->plan, kik_field_note_title(n), &project);
			kik__out_str(o, "<strong>");
			if (linked)
				kik__out_printf(o, "<a href=\"#project-%zu\">", project + 1);
			kik__out_html(o, kik_field_note_title(n));
			kik__out_str(o, linked ? "</a></strong> " : "</strong> ");
		}
		kik__html_text(r, kik_field_note_text(n));
		kik__out_str(o, "</li>");
	}
	kik__out_str(o, "</ul>");
}

void kik__html_field_notes(kik__report *r, const kik_field *f)
{
	kik__out_str(r->o, "<div class=\"field-notes\">");
	notes_of_kind(r, f, KIK_FIELD_NOTE_FOCUS, 1);
	notes_of_kind(r, f, KIK_FIELD_NOTE_HIGHLIGHT, 1);
	notes_of_kind(r, f, KIK_FIELD_NOTE_OUTLOOK, f != NULL); /* the plan's is the outlook section */
	kik__out_str(r->o, "</div>");
}

/* ---- projects --------------------------------------------------------------------------- */

static void project(kik__report *r, const kik_project *p, size_t index)
{
	kik__out *o = r->o;
	size_t k;
	char date[64];
	kik__out_printf(o, "<article class=\"project\" id=\"project-%zu\"><h4>", index + 1);
	kik__out_html(o, kik_project_name(p));
	kik__out_str(o, "</h4>");
	if (kik_project_organisation_count(p) || *kik_project_start(p) || *kik_project_end(p)) {
		kik__out_str(o, "<p class=\"meta\">");
		if (kik_project_organisation_count(p))
			kik__out_printf(o, "%s: ", r->w->organisations);
		for (k = 0; k < kik_project_organisation_count(p); k++) {
			kik__out_str(o, k ? ", " : "");
			kik__out_html(o, kik_project_organisation(p, k));
		}
		if (*kik_project_start(p)) {
			kik__report_date(r, date, sizeof(date), kik_project_start(p));
			kik__out_printf(o, "%s%s: %s", kik_project_organisation_count(p) ? "; " : "", r->w->start,
					date);
		}
		if (*kik_project_end(p)) {
			kik__report_date(r, date, sizeof(date), kik_project_end(p));
			kik__out_printf(o, "; %s: %s", r->w->end, date);
		}
		kik__out_str(o, "</p>");
	}
	kik__html_text(r, kik_project_description(p));
	if (kik_project_measure_count(p)) {
		kik__out_printf(o, "<p>%s</p><ul class=\"covers\">", r->w->covers);
		for (k = 0; k < kik_project_measure_count(p); k++) {
			kik__out_str(o, "<li>");
			measure_ref(r, kik_project_measure(p, k));
			kik__out_str(o, "</li>");
		}
		kik__out_str(o, "</ul>");
	}
	if (kik_project_goal_count(p)) {
		kik__out_printf(o, "<p>%s</p><ul class=\"covers\">", r->w->covers_goals);
		for (k = 0; k < kik_project_goal_count(p); k++) {
			const kik_goal *g = kik_project_goal(p, k);
			const char *code = kik_field_code(kik_goal_field(g));
			if (KIK__SHOWS(r, KIK_REPORT_GOALS))
				kik__out_printf(o, "<li><a href=\"#goal-%s-%u\">%s %s-%u</a> ", code,
						kik_goal_number(g), r->w->goal, code, kik_goal_number(g));
			else
				kik__out_printf(o, "<li>%s %s-%u ", r->w->goal, code, kik_goal_number(g));
			kik__out_html(o, kik_goal_text(g));
			kik__out_str(o, "</li>");
		}
		kik__out_str(o, "</ul>");
	}
	kik__out_str(o, "</article>");
}

void kik__html_projects(kik__report *r, const kik_field *f)
{
	size_t i, n = 0;
	for (i = 0; i < kik_plan_project_count(r->plan); i++)
		n += kik_project_field(kik_plan_project(r->plan, i)) == f;
	if (!n)
		return;
	if (f)
		kik__out_printf(r->o, "<div class=\"projects\"><h3>%s</h3>", r->w->projects);
	else
		kik__out_printf(r->o, "<section class=\"projects-other\" id=\"projects\"><h2>%s</h2>",
				field_sections(r) ? r->w->other_projects : r->w->projects);
	for (i = 0; i < kik_plan_project_count(r->plan); i++)
		if (kik_project_field(kik_plan_project(r->plan, i)) == f)
			project(r, kik_plan_project(r->plan, i), i);
	kik__out_str(r->o, f ? "</div>" : "</section>");
}

/* ---- what changed since the earlier plan ---------------------------------------------------- */

static void html_reason(kik__report *r, const char *reason)
{
	kik__out_str(r->o, "<li>");
	kik__out_html(r->o, reason);
	kik__out_str(r->o, "</li>");
}

/* "old → new (+n)" of one count. */
static void count_change(kik__out *o, size_t was, size_t now)
{
	char change[32];
	kik__report_count_change(change, sizeof(change), was, now);
	kik__out_printf(o, "<td class=\"num\">%zu</td><td class=\"num\">%zu</td><td class=\"num change\">%s</td>", was,
			now, change);
}

static void changed_projects(kik__report *r, const char *heading, const kik_change **list, size_t n)
{
	char end[96];
	size_t i;
	if (!n)
		return;
	kik__out_printf(r->o, "<h4>%s</h4><ul class=\"projects-changed\">", heading);
	for (i = 0; i < n; i++) {
		kik__out_str(r->o, "<li>");
		kik__out_html(r->o, kik_change_text(list[i]));
		kik__report_project_end(r, end, sizeof(end), list[i]);
		kik__out_printf(r->o, "%s</li>", end);
	}
	kik__out_str(r->o, "</ul>");
}

void kik__html_changes(kik__report *r, const kik_field *f)
{
	kik__out *o = r->o;
	kik__field_changes c;
	char was[64], now[64];
	size_t i;
	int st;
	if (kik__field_changes_of(r, f, &c) < 0)
		return;
	kik__report_date(r, was, sizeof(was), kik_plan_as_of(r->since));
	kik__report_date(r, now, sizeof(now), kik_plan_as_of(r->plan));
	kik__out_printf(o, "<div class=\"changes\"><h3>%s %s</h3>", r->w->changes, was);
	if (c.field != (size_t)-1) {
		kik__out_printf(o,
				"<table class=\"counts-changed\"><thead><tr><th>Status</th><th>%s</th><th>%s</th>"
				"<th>%s</th></tr></thead><tbody>",
				was, now, r->w->change);
		for (st = 0; st < KIK_STATUS_COUNT; st++) {
			kik__out_printf(o, "<tr class=\"%s\"><td>%s</td>", kik_status_key((kik_status)st),
					r->l->status[st]);
			count_change(o, kik_diff_field_old_count(r->diff, c.field, (kik_status)st),
				     kik_diff_field_new_count(r->diff, c.field, (kik_status)st));
			kik__out_str(o, "</tr>");
		}
		kik__out_printf(o, "<tr class=\"total\"><td>%s</td>", r->l->measures);
		count_change(o, kik_diff_field_old_measures(r->diff, c.field),
			     kik_diff_field_new_measures(r->diff, c.field));
		kik__out_str(o, "</tr></tbody></table>");
	}
	if (c.measure_count) {
		kik__out_printf(o, "<h4>%s</h4><ul class=\"measures-changed\">", r->w->status_changed);
		for (i = 0; i < c.measure_count; i++) {
			const kik_change *m = c.measures[i];
			kik_status from = kik_change_old_status(m), to = kik_change_new_status(m);
			kik__out_printf(o, "<li class=\"measure-changed\" data-measure=\"%s\">", kik_change_id(m));
			if (to != KIK_STATUS_INVALID && KIK__SHOWS(r, KIK_REPORT_GOALS))
				kik__out_printf(o, "<a href=\"#%s\">%s</a> ", kik_change_id(m), kik_change_id(m));
			else
				kik__out_printf(o, "%s ", kik_change_id(m));
			kik__out_html(o, kik_change_text(m));
			kik__out_printf(o, ": <strong>%s%s%s</strong>",
					from == KIK_STATUS_INVALID ? r->w->added : r->l->status[from], " → ",
					to == KIK_STATUS_INVALID ? r->w->removed : r->l->status[to]);
			if (to != KIK_STATUS_INVALID &&
			    kik_measure_has_tasks(kik_plan_find_measure(r->plan, kik_change_id(m)))) {
				kik__out_str(o, "<ul class=\"reasons\">");
				kik__report_reasons(r, kik_change_id(m), html_reason);
				kik__out_str(o, "</ul>");
			}
			kik__out_str(o, "</li>");
		}
		kik__out_str(o, "</ul>");
	}
	changed_projects(r, r->w->projects_added, c.added, c.added_count);
	changed_projects(r, r->w->projects_ended, c.ended, c.ended_count);
	if (!c.measure_count && !c.added_count && !c.ended_count)
		kik__out_printf(o, "<p>%s</p>", r->w->no_change);
	kik__out_str(o, "</div>");
	kik__field_changes_free(r, &c);
}

/* ---- notes of goals and measures ----------------------------------------------------------- */

static void note_texts(kik__report *r, const kik_note *n)
{
	if (*kik_note_current_state(n)) {
		kik__out_printf(r->o, "<div class=\"note current-state\"><h4>%s</h4>", r->w->current_state);
		kik__html_text(r, kik_note_current_state(n));
		kik__out_str(r->o, "</div>");
	}
	if (*kik_note_outlook(n)) {
		kik__out_printf(r->o, "<div class=\"note outlook\"><h4>%s</h4>", r->w->outlook);
		kik__html_text(r, kik_note_outlook(n));
		kik__out_str(r->o, "</div>");
	}
}

void kik__html_notes_row(kik__report *r, const kik_note *n)
{
	const kik_note *earlier = r->flags & KIK_REPORT_EARLIER_NOTES ? kik__report_earlier_note(r, n) : NULL;
	char date[64];
	kik__out_str(r->o, "<tr class=\"notes\"><td></td><td></td><td colspan=\"4\">");
	if (!earlier) {
		note_texts(r, n);
	} else {
		kik__report_date(r, date, sizeof(date), kik_plan_as_of(r->since));
		kik__out_printf(r->o, "<div class=\"notes-pair\"><div class=\"earlier\"><p class=\"meta\">%s %s</p>",
				r->w->earlier, date);
		note_texts(r, earlier);
		kik__report_date(r, date, sizeof(date), kik_plan_as_of(r->plan));
		kik__out_printf(r->o, "</div><div class=\"now\"><p class=\"meta\">%s %s</p>", r->w->earlier, date);
		note_texts(r, n);
		kik__out_str(r->o, "</div></div>");
	}
	kik__out_str(r->o, "</td></tr>");
}

/* ---- plan-wide outlook ------------------------------------------------------------------------ */

void kik__html_outlook(kik__report *r)
{
	if (!kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_OUTLOOK) &&
	    !kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_FOCUS) &&
	    !kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_HIGHLIGHT))
		return;
	kik__out_printf(r->o, "<section class=\"outlook\" id=\"outlook\"><h2>%s</h2>", r->w->outlook);
	kik__html_field_notes(r, NULL);
	kik__out_str(r->o, "</section>");
}
