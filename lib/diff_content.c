/* Differences of the report's content between two snapshots: notes (by goal or measure),
 * projects and rounds (by name), figures (by name and date). Field notes and timeline
 * entries have no identity to match, and are not compared. */
#include "content.h"

#include <stdio.h>
#include <string.h>

/* Lists joined for comparing: one buffer per side, reused. */
typedef struct joined {
	kik__buf old_side, new_side;
} joined;

/* Sets a list value of both sides (NULL where the object is missing). */
static int list_value(kik_diff *d, kik_change *c, unsigned value, joined *j, const kik__vec *was, const kik__vec *now,
		      kik__item_name name)
{
	const kik_allocator *a = &kik__diff_plan(d, 1)->alloc;
	if ((was && kik__content_join(a, &j->old_side, was, name) < 0) ||
	    (now && kik__content_join(a, &j->new_side, now, name) < 0))
		return KIK_ENOMEM;
	return kik__diff_value(d, c, value, was ? j->old_side.data : NULL, now ? j->new_side.data : NULL);
}

/* ---- notes --------------------------------------------------------------------------- */

/* The note of `plan` on the same goal or measure as `n`, or NULL. */
static const kik_note *note_in(const kik_plan *plan, const kik_note *n)
{
	if (n->measure)
		return kik_measure_note(kik_plan_find_measure(plan, n->measure->id));
	return kik_goal_note(kik_field_find_goal(kik_plan_find_field(plan, n->goal->field->code), n->goal->number));
}

static int diff_note(kik_diff *d, const kik_note *was, const kik_note *now)
{
	const kik_note *n = now ? now : was;
	kik_change *c = kik__diff_change(d, KIK_OBJECT_NOTE, was != NULL, now != NULL);
	char id[64];
	if (n->measure)
		snprintf(id, sizeof(id), "%s", n->measure->id);
	else
		kik__format_id(id, sizeof(id), n->goal->field->code, '-', n->goal->number, 0);
	if (!c ||
	    kik__diff_name(d, c, id, n->goal->field->code, n->measure ? n->measure->id : NULL,
			   *n->current_state ? n->current_state : n->outlook) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_CURRENT_STATE, was ? was->current_state : NULL,
			    now ? now->current_state : NULL) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_OUTLOOK, was ? was->outlook : NULL, now ? now->outlook : NULL) < 0)
		return KIK_ENOMEM;
	kik__diff_keep(d, c);
	return 0;
}

static int diff_notes(kik_diff *d, const kik_plan *old_plan, const kik_plan *new_plan)
{
	size_t i;
	int err = 0;
	for (i = 0; err == 0 && i < kik_plan_note_count(new_plan); i++) {
		const kik_note *now = kik_plan_note(new_plan, i);
		err = diff_note(d, note_in(old_plan, now), now);
	}
	for (i = 0; err == 0 && i < kik_plan_note_count(old_plan); i++) {
		const kik_note *was = kik_plan_note(old_plan, i);
		if (!note_in(new_plan, was))
			err = diff_note(d, was, NULL);
	}
	return err;
}

/* ---- projects ------------------------------------------------------------------------- */

static int diff_project(kik_diff *d, const kik_project *was, const kik_project *now, joined *j)
{
	const kik_project *p = now ? now : was;
	kik_change *c = kik__diff_change(d, KIK_OBJECT_PROJECT, was != NULL, now != NULL);
	if (!c || kik__diff_name(d, c, p->name, p->field ? p->field->code : "", NULL, p->name) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_FIELDS, was ? (was->field ? was->field->code : "") : NULL,
			    now ? (now->field ? now->field->code : "") : NULL) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_DESCRIPTION, was ? was->description : NULL, now ? now->description : NULL) <
		0 ||
	    list_value(d, c, KIK_VALUE_ORGANISATIONS, j, was ? &was->organisations : NULL,
		       now ? &now->organisations : NULL, kik__name_text) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_START, was ? was->start : NULL, now ? now->start : NULL) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_END, was ? was->end : NULL, now ? now->end : NULL) < 0 ||
	    list_value(d, c, KIK_VALUE_MEASURES, j, was ? &was->measures : NULL, now ? &now->measures : NULL,
		       kik__name_measure) < 0 ||
	    list_value(d, c, KIK_VALUE_GOALS, j, was ? &was->goals : NULL, now ? &now->goals : NULL, kik__name_goal) <
		0)
		return KIK_ENOMEM;
	kik__diff_keep(d, c);
	return 0;
}

static int diff_projects(kik_diff *d, const kik_plan *old_plan, const kik_plan *new_plan, joined *j)
{
	size_t i;
	int err = 0;
	for (i = 0; err == 0 && i < kik_plan_project_count(new_plan); i++) {
		const kik_project *now = kik_plan_project(new_plan, i);
		err = diff_project(d, kik_plan_find_project(old_plan, now->name), now, j);
	}
	for (i = 0; err == 0 && i < kik_plan_project_count(old_plan); i++) {
		const kik_project *was = kik_plan_project(old_plan, i);
		if (!kik_plan_find_project(new_plan, was->name))
			err = diff_project(d, was, NULL, j);
	}
	return err;
}

/* ---- rounds ---------------------------------------------------------------------------- */

static int diff_round(kik_diff *d, const kik_round *was, const kik_round *now, joined *j)
{
	const kik_round *r = now ? now : was;
	kik_change *c = kik__diff_change(d, KIK_OBJECT_ROUND, was != NULL, now != NULL);
	if (!c || kik__diff_name(d, c, r->name, "", NULL, r->name) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_START, was ? was->from : NULL, now ? now->from : NULL) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_END, was ? (was->open ? "open" : was->until) : NULL,
			    now ? (now->open ? "open" : now->until) : NULL) < 0 ||
	    list_value(d, c, KIK_VALUE_FIELDS, j, was ? &was->fields : NULL, now ? &now->fields : NULL,
		       kik__name_field) < 0 ||
	    list_value(d, c, KIK_VALUE_MEASURES, j, was ? &was->measures : NULL, now ? &now->measures : NULL,
		       kik__name_measure) < 0)
		return KIK_ENOMEM;
	kik__diff_keep(d, c);
	return 0;
}

static int diff_rounds(kik_diff *d, const kik_plan *old_plan, const kik_plan *new_plan, joined *j)
{
	size_t i;
	int err = 0;
	for (i = 0; err == 0 && i < kik_plan_round_count(new_plan); i++) {
		const kik_round *now = kik_plan_round(new_plan, i);
		err = diff_round(d, kik_plan_find_round(old_plan, now->name), now, j);
	}
	for (i = 0; err == 0 && i < kik_plan_round_count(old_plan); i++) {
		const kik_round *was = kik_plan_round(old_plan, i);
		if (!kik_plan_find_round(new_plan, was->name))
			err = diff_round(d, was, NULL, j);
	}
	return err;
}

/* ---- figures ---------------------------------------------------------------------------- */

static int diff_figure(kik_diff *d, const kik_figure *was, const kik_figure *now)
{
	const kik_figure *f = now ? now : was;
	kik_change *c = kik__diff_change(d, KIK_OBJECT_FIGURE, was != NULL, now != NULL);
	char id[600], old_value[64], new_value[64];
	snprintf(id, sizeof(id), "%s@%s", f->name, f->date);
	kik__utf8_cut(id, strlen(id));
	if (was)
		kik__figure_format(old_value, sizeof(old_value), was->scaled, was->decimals, was->unit, 0, 1);
	if (now)
		kik__figure_format(new_value, sizeof(new_value), now->scaled, now->decimals, now->unit, 0, 1);
	if (!c || kik__diff_name(d, c, id, "", NULL, f->name) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_VALUE, was ? old_value : NULL, now ? new_value : NULL) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_UNIT, was ? kik_figure_unit_key(was->unit) : NULL,
			    now ? kik_figure_unit_key(now->unit) : NULL) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_SOURCE, was ? was->source : NULL, now ? now->source : NULL) < 0 ||
	    kik__diff_value(d, c, KIK_VALUE_SHARE_OF, was ? was->share_of : NULL, now ? now->share_of : NULL) < 0)
		return KIK_ENOMEM;
	kik__diff_keep(d, c);
	return 0;
}

static int diff_figures(kik_diff *d, const kik_plan *old_plan, const kik_plan *new_plan)
{
	size_t i;
	int err = 0;
	for (i = 0; err == 0 && i < kik_plan_figure_count(new_plan); i++) {
		const kik_figure *now = kik_plan_figure(new_plan, i);
		err = diff_figure(d, kik_plan_find_figure(old_plan, now->name, now->date), now);
	}
	for (i = 0; err == 0 && i < kik_plan_figure_count(old_plan); i++) {
		const kik_figure *was = kik_plan_figure(old_plan, i);
		if (!kik_plan_find_figure(new_plan, was->name, was->date))
			err = diff_figure(d, was, NULL);
	}
	return err;
}

int kik__diff_content(kik_diff *d)
{
	const kik_plan *old_plan = kik__diff_plan(d, 0), *new_plan = kik__diff_plan(d, 1);
	joined j = { { NULL, 0, 0 }, { NULL, 0, 0 } };
	int err = diff_notes(d, old_plan, new_plan);
	if (err == 0)
		err = diff_projects(d, old_plan, new_plan, &j);
	if (err == 0)
		err = diff_rounds(d, old_plan, new_plan, &j);
	if (err == 0)
		err = diff_figures(d, old_plan, new_plan);
	kik__buf_free(&new_plan->alloc, &j.old_side);
	kik__buf_free(&new_plan->alloc, &j.new_side);
	return err;
}
