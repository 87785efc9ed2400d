/* The whole report's sections in Markdown, with the same content as the HTML page. Every
 * text goes through kik__out_md. */
#include "content.h"
#include "report.h"

#include <stdio.h>
#include <string.h>

/* ---- texts ------------------------------------------------------------------------- */

static void md_block(kik__report *r, kik__block block, const char *s, size_t len, int first)
{
	const char *line;
	(void)first;
	switch (block) {
	case KIK__PARAGRAPH_BEGIN:
	case KIK__LIST_BEGIN: break;
	case KIK__PARAGRAPH_END:
	case KIK__LIST_END: kik__out_str(r->o, "\n"); break;
	case KIK__LINE:
	case KIK__ITEM:
		if (!(line = kik__report_line(r, s, len)))
			return;
		if (r->md_indent && !r->md_first)
			kik__out_str(r->o, "  ");
		r->md_first = 0;
		kik__out_str(r->o, block == KIK__ITEM ? "- " : "");
		kik__out_md(r->o, line);
		kik__out_str(r->o, "\n");
		break;
	}
}

void kik__md_text(kik__report *r, const char *text)
{
	kik__report_blocks(r, text, md_block);
}

/* A text as an item of a list: "- ", then its lines, the later ones indented. */
static void md_item_text(kik__report *r, const char *text)
{
	kik__out_str(r->o, "- ");
	r->md_indent = r->md_first = 1;
	kik__md_text(r, text);
	r->md_indent = 0;
}

/* ---- title block -------------------------------------------------------------------- */

void kik__md_title(kik__report *r)
{
	const kik_plan *plan = r->plan;
	char date[64];
	kik__out_str(r->o, "# ");
	kik__out_md(r->o, *kik_plan_name(plan) ? kik_plan_name(plan) : r->l->title);
	kik__out_str(r->o, "\n\n");
	if (*kik_plan_title(plan)) {
		kik__out_str(r->o, "**");
		kik__out_md(r->o, kik_plan_title(plan));
		kik__out_str(r->o, "**\n\n");
	}
	if (*kik_plan_as_of(plan)) {
		kik__report_date(r, date, sizeof(date), kik_plan_as_of(plan));
		kik__out_printf(r->o, "%s: %s\n\n", r->l->as_of, date);
	}
	if (*kik_plan_office(plan)) {
		kik__out_md(r->o, kik_plan_office(plan));
		kik__out_str(r->o, "\n\n");
	}
	if (r->diff && *kik_plan_as_of(r->since)) {
		kik__report_date(r, date, sizeof(date), kik_plan_as_of(r->since));
		kik__out_printf(r->o, "%s %s\n\n", r->w->changes, date);
	}
}

/* ---- timeline and rounds ----------------------------------------------------------------- */

void kik__md_timeline(kik__report *r)
{
	size_t i, k;
	if (!kik_plan_timeline_count(r->plan))
		return;
	kik__out_printf(r->o, "## %s\n\n", r->w->timeline);
	for (i = 0; i < kik_plan_timeline_count(r->plan); i++) {
		const kik_timeline_entry *e = kik_plan_timeline_entry(r->plan, i);
		char when[160];
		kik__report_range(r, when, sizeof(when), kik_timeline_entry_date(e), kik_timeline_entry_until(e),
				  kik_timeline_entry_is_open(e));
		kik__out_printf(r->o, "- **%s**: ", when);
		kik__out_md(r->o, kik_timeline_entry_text(e));
		for (k = 0; k < kik_timeline_entry_field_count(e); k++)
			kik__out_printf(r->o, "%s%s", k ? ", " : " (", kik_field_code(kik_timeline_entry_field(e, k)));
		kik__out_str(r->o, k ? ")\n" : "\n");
	}
	kik__out_str(r->o, "\n");
}

void kik__md_rounds(kik__report *r)
{
	size_t i, k;
	if (!kik_plan_round_count(r->plan))
		return;
	kik__out_printf(r->o, "## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", r->w->rounds, r->w->round,
			r->w->period, r->w->fields, r->l->measures);
	for (i = 0; i < kik_plan_round_count(r->plan); i++) {
		const kik_round *round = kik_plan_round(r->plan, i);
		char when[160];
		kik__report_range(r, when, sizeof(when), kik_round_from(round), kik_round_until(round),
				  kik_round_is_open(round));
		kik__out_str(r->o, "| ");
		kik__out_md(r->o, kik_round_name(round));
		kik__out_printf(r->o, " | %s | ", when);
		for (k = 0; k < kik_round_field_count(round); k++)
			kik__out_printf(r->o, "%s%s", k ? ", " : "", kik_field_code(kik_round_field(round, k)));
		kik__out_str(r->o, " | ");
		for (k = 0; k < kik_round_measure_count(round); k++)
			kik__out_printf(r->o, "%s%s", k ? ", " : "", kik_measure_id(kik_round_measure(round, k)));
		kik__out_str(r->o, " |\n");
	}
	kik__out_str(r->o, "\n");
}

/* ---- the current situation ---------------------------------------------------------------- */

static void field_note(kik__report *r, const kik_field_note *n, const char *heading)
{
	if (*kik_field_note_title(n)) {
		kik__out_str(r->o, heading);
		kik__out_md(r->o, kik_field_note_title(n));
		kik__out_str(r->o, "\n\n");
	}
	kik__md_text(r, kik_field_note_text(n));
	kik__out_str(r->o, "\n");
}

static void figures(kik__report *r)
{
	kik__figure_table t;
	size_t i, k;
	if (kik__figure_table_make(r, &t) < 0)
		return;
	kik__out_printf(r->o, "*%s*\n\n| %s |", r->w->figures_caption, r->w->figure);
	for (k = 0; k < t.date_count; k++) {
		char date[64];
		kik__report_date(r, date, sizeof(date), t.dates[k]);
		kik__out_printf(r->o, " %s |", date);
	}
	if (t.date_count > 1)
		kik__out_printf(r->o, " %s |", r->w->change);
	kik__out_str(r->o, "\n|---|");
	for (k = 0; k < t.date_count + (t.date_count > 1); k++)
		kik__out_str(r->o, "---:|");
	kik__out_str(r->o, "\n");
	for (i = 0; i < t.name_count; i++) {
		const kik_figure *first = NULL, *last = NULL;
		for (k = 0; k < t.date_count; k++)
			if (t.cell[i * t.date_count + k])
				first = first ? first : t.cell[i * t.date_count + k],
				last = t.cell[i * t.date_count + k];
		kik__out_str(r->o, "| ");
		kik__out_md(r->o, t.names[i]);
		if (*kik_figure_share_of(last)) {
			kik__out_printf(r->o, " (%s ", r->w->share_of);
			kik__out_md(r->o, kik_figure_share_of(last));
			kik__out_str(r->o, ")");
		}
		kik__out_str(r->o, " |");
		for (k = 0; k < t.date_count; k++) {
			char value[64] = "–";
			if (t.cell[i * t.date_count + k])
				kik__report_value(r, value, sizeof(value), t.cell[i * t.date_count + k]);
			kik__out_printf(r->o, " %s |", value);
		}
		if (t.date_count > 1) {
			char change[96] = "–";
			if (first != last)
				kik__report_change(r, change, sizeof(change), first, last);
			kik__out_printf(r->o, " %s |", change);
		}
		kik__out_str(r->o, "\n");
	}
	if (t.source_count) {
		kik__out_printf(r->o, "\n%s: ", r->w->sources);
		for (k = 0; k < t.source_count; k++) {
			kik__out_str(r->o, k ? "; " : "");
			kik__out_md(r->o, t.sources[k]);
		}
		kik__out_str(r->o, "\n");
	}
	kik__out_str(r->o, "\n");
	kik__figure_table_free(r, &t);
}

static void context_text(kik__report *r, const kik_field_note *n)
{
	field_note(r, n, "### ");
}

void kik__md_context(kik__report *r)
{
	if (!kik_plan_figure_count(r->plan) && !kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_CONTEXT))
		return;
	kik__out_printf(r->o, "## %s\n\n", r->w->context);
	kik__report_context(r, context_text, figures);
}

/* ---- per field --------------------------------------------------------------------------- */

void kik__md_field_intro(kik__report *r, const kik_field *f)
{
	size_t i;
	for (i = 0; i < kik_plan_field_note_count(r->plan); i++) {
		const kik_field_note *n = kik_plan_field_note(r->plan, i);
		if (kik_field_note_field(n) == f && kik_field_note_kind_of(n) == KIK_FIELD_NOTE_CONTEXT)
			field_note(r, n, "### ");
	}
}

static void notes_of_kind(kik__report *r, const kik_field *f, kik_field_note_kind kind, int heading)
{
	size_t i;
	if (!kik__report_has_field_notes(r->plan, f, kind))
		return;
	if (heading)
		kik__out_printf(r->o, "### %s\n\n", r->w->field_notes[kind]);
	for (i = 0; i < kik_plan_field_note_count(r->plan); i++) {
		const kik_field_note *n = kik_plan_field_note(r->plan, i);
		if (kik_field_note_field(n) != f || kik_field_note_kind_of(n) != kind)
			continue;
		if (*kik_field_note_title(n)) {
			kik__out_str(r->o, "- **");
			kik__out_md(r->o, kik_field_note_title(n));
			kik__out_str(r->o, "**\n\n");
			r->md_indent = 1;
			r->md_first = 0;
			kik__md_text(r, kik_field_note_text(n));
			r->md_indent = 0;
		} else {
			md_item_text(r, kik_field_note_text(n));
		}
	}
	kik__out_str(r->o, "\n");
}

void kik__md_field_notes(kik__report *r, const kik_field *f)
{
	notes_of_kind(r, f, KIK_FIELD_NOTE_FOCUS, 1);
	notes_of_kind(r, f, KIK_FIELD_NOTE_HIGHLIGHT, 1);
	notes_of_kind(r, f, KIK_FIELD_NOTE_OUTLOOK, f != NULL);
}

static void project(kik__report *r, const kik_project *p)
{
	size_t k;
	char date[64];
	kik__out_str(r->o, "#### ");
	kik__out_md(r->o, kik_project_name(p));
	kik__out_str(r->o, "\n\n");
	if (kik_project_organisation_count(p)) {
		kik__out_printf(r->o, "%s: ", r->w->organisations);
		for (k = 0; k < kik_project_organisation_count(p); k++) {
			kik__out_str(r->o, k ? ", " : "");
			kik__out_md(r->o, kik_project_organisation(p, k));
		}
		kik__out_str(r->o, "\n\n");
	}
	if (*kik_project_start(p)) {
		kik__report_date(r, date, sizeof(date), kik_project_start(p));
		kik__out_printf(r->o, "%s: %s\n\n", r->w->start, date);
	}
	if (*kik_project_end(p)) {
		kik__report_date(r, date, sizeof(date), kik_project_end(p));
		kik__out_printf(r->o, "%s: %s\n\n", r->w->end, date);
	}
	kik__md_text(r, kik_project_description(p));
	if (kik_project_measure_count(p)) {
		kik__out_printf(r->o, "\n%s\n\n", r->w->covers);
		for (k = 0; k < kik_project_measure_count(p); k++) {
			const kik_measure *m = kik_project_measure(p, k);
			kik__out_printf(r->o, "- %s ", kik_measure_id(m));
			kik__out_md(r->o, kik_measure_text(m));
			kik__out_str(r->o, "\n");
		}
	}
	if (kik_project_goal_count(p)) {
		kik__out_printf(r->o, "\n%s\n\n", r->w->covers_goals);
		for (k = 0; k < kik_project_goal_count(p); k++) {
			const kik_goal *g = kik_project_goal(p, k);
			kik__out_printf(r->o, "- %s %s-%u ", r->w->goal, kik_field_code(kik_goal_field(g)),
					kik_goal_number(g));
			kik__out_md(r->o, kik_goal_text(g));
			kik__out_str(r->o, "\n");
		}
	}
	kik__out_str(r->o, "\n");
}

void kik__md_projects(kik__report *r, const kik_field *f)
{
	size_t i, n = 0;
	for (i = 0; i < kik_plan_project_count(r->plan); i++)
		n += kik_project_field(kik_plan_project(r->plan, i)) == f;
	if (!n)
		return;
	kik__out_printf(r->o, f ? "### %s\n\n" : "## %s\n\n", f ? r->w->projects : r->w->other_projects);
	for (i = 0; i < kik_plan_project_count(r->plan); i++)
		if (kik_project_field(kik_plan_project(r->plan, i)) == f)
			project(r, kik_plan_project(r->plan, i));
}

/* ---- what changed since -------------------------------------------------------------------- */

static void md_reason(kik__report *r, const char *reason)
{
	kik__out_str(r->o, "  - ");
	kik__out_md(r->o, reason);
	kik__out_str(r->o, "\n");
}

static void count_change(kik__out *o, const char *label, size_t was, size_t now)
{
	char change[32];
	kik__report_count_change(change, sizeof(change), was, now);
	kik__out_printf(o, "| %s | %zu | %zu | %s |\n", label, was, now, change);
}

static void changed_projects(kik__report *r, const char *heading, const kik_change **list, size_t n)
{
	char end[96];
	size_t i;
	if (!n)
		return;
	kik__out_printf(r->o, "#### %s\n\n", heading);
	for (i = 0; i < n; i++) {
		kik__out_str(r->o, "- ");
		kik__out_md(r->o, kik_change_text(list[i]));
		kik__report_project_end(r, end, sizeof(end), list[i]);
		kik__out_printf(r->o, "%s\n", end);
	}
	kik__out_str(r->o, "\n");
}

void kik__md_changes(kik__report *r, const kik_field *f)
{
	kik__field_changes c;
	char was[64], now[64];
	size_t i;
	int st;
	if (kik__field_changes_of(r, f, &c) < 0)
		return;
	kik__report_date(r, was, sizeof(was), kik_plan_as_of(r->since));
	kik__report_date(r, now, sizeof(now), kik_plan_as_of(r->plan));
	kik__out_printf(r->o, "### %s %s\n\n", r->w->changes, was);
	if (c.field != (size_t)-1) {
		kik__out_printf(r->o, "| Status | %s | %s | %s |\n|---|---:|---:|---:|\n", was, now, r->w->change);
		for (st = 0; st < KIK_STATUS_COUNT; st++)
			count_change(r->o, r->l->status[st], kik_diff_field_old_count(r->diff, c.field, (kik_status)st),
				     kik_diff_field_new_count(r->diff, c.field, (kik_status)st));
		count_change(r->o, r->l->measures, kik_diff_field_old_measures(r->diff, c.field),
			     kik_diff_field_new_measures(r->diff, c.field));
		kik__out_str(r->o, "\n");
	}
	if (c.measure_count)
		kik__out_printf(r->o, "#### %s\n\n", r->w->status_changed);
	for (i = 0; i < c.measure_count; i++) {
		const kik_change *m = c.measures[i];
		kik_status from = kik_change_old_status(m), to = kik_change_new_status(m);
		kik__out_printf(r->o, "- %s ", kik_change_id(m));
		kik__out_md(r->o, kik_change_text(m));
		kik__out_printf(r->o, ": **%s → %s**\n", from == KIK_STATUS_INVALID ? r->w->added : r->l->status[from],
				to == KIK_STATUS_INVALID ? r->w->removed : r->l->status[to]);
		if (to != KIK_STATUS_INVALID)
			kik__report_reasons(r, kik_change_id(m), md_reason);
	}
	if (c.measure_count)
		kik__out_str(r->o, "\n");
	changed_projects(r, r->w->projects_added, c.added, c.added_count);
	changed_projects(r, r->w->projects_ended, c.ended, c.ended_count);
	if (!c.measure_count && !c.added_count && !c.ended_count)
		kik__out_printf(r->o, "%s\n\n", r->w->no_change);
	kik__field_changes_free(r, &c);
}

/* ---- notes --------------------------------------------------------------------------------- */

static void note_texts(kik__report *r, const kik_note *n, const char *when)
{
	if (*kik_note_current_state(n)) {
		kik__out_printf(r->o, "**%s%s**\n\n", r->w->current_state, when);
		kik__md_text(r, kik_note_current_state(n));
		kik__out_str(r->o, "\n");
	}
	if (*kik_note_outlook(n)) {
		kik__out_printf(r->o, "**%s%s**\n\n", r->w->outlook, when);
		kik__md_text(r, kik_note_outlook(n));
		kik__out_str(r->o, "\n");
	}
}

void kik__md_notes(kik__report *r, const kik_note *n)
{
	const kik_note *earlier = r->flags & KIK_REPORT_EARLIER_NOTES ? kik__report_earlier_note(r, n) : NULL;
	char date[64], when[96] = "";
	kik__out_str(r->o, "\n");
	if (n->measure)
		kik__out_printf(r->o, "*%s %s*\n\n", r->w->measure, kik_measure_id(n->measure));
	if (earlier) {
		kik__report_date(r, date, sizeof(date), kik_plan_as_of(r->since));
		snprintf(when, sizeof(when), " (%s %s)", r->w->earlier, date);
		note_texts(r, earlier, when);
		kik__report_date(r, date, sizeof(date), kik_plan_as_of(r->plan));
		snprintf(when, sizeof(when), " (%s %s)", r->w->earlier, date);
	}
	note_texts(r, n, when);
}

void kik__md_outlook(kik__report *r)
{
	if (!kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_OUTLOOK) &&
	    !kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_FOCUS) &&
	    !kik__report_has_field_notes(r->plan, NULL, KIK_FIELD_NOTE_HIGHLIGHT))
		return;
	kik__out_printf(r->o, "## %s\n\n", r->w->outlook);
	kik__md_field_notes(r, NULL);
}
