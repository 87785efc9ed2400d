/* Progress notes of goals and measures: the current state and the outlook. */
#include "content.h"

#include <string.h>

void kik__note_free(const kik_allocator *a, void *record)
{
	struct kik_note *n = record;
	if (!n)
		return;
	kik__free(a, n->current_state);
	kik__free(a, n->outlook);
	kik__free(a, n);
}

int kik__note_same(const void *x, const void *y)
{
	const struct kik_note *a = x, *b = y;
	return a->goal == b->goal && a->measure == b->measure;
}

int kik__note_build(kik_plan *plan, kik_goal *goal, kik_measure *measure, const char *current_state,
		    const char *outlook, const kik__origin *from, struct kik_note **out)
{
	struct kik_note *n = kik__malloc(&plan->alloc, sizeof(*n));
	if (!n)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	memset(n, 0, sizeof(*n));
	n->goal = goal;
	n->measure = measure;
	if (!(n->current_state = kik__content_text(&plan->alloc, current_state)) ||
	    !(n->outlook = kik__content_text(&plan->alloc, outlook))) {
		kik__note_free(&plan->alloc, n);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	if (!*n->current_state && !*n->outlook) {
		kik__note_free(&plan->alloc, n);
		return kik__content_fail(from, NOTE_CURRENT_STATE, 0, KIK_EINVAL,
					 "a note needs a current state or an outlook: both are empty");
	}
	*out = n;
	return 0;
}

/* ---- getters --------------------------------------------------------------------- */

size_t kik_plan_note_count(const kik_plan *plan)
{
	return plan ? plan->content.notes.len : 0;
}

const kik_note *kik_plan_note(const kik_plan *plan, size_t i)
{
	return plan && i < plan->content.notes.len ? plan->content.notes.items[i] : NULL;
}

static const kik_note *note_of(const kik_plan *plan, const kik_goal *goal, const kik_measure *measure)
{
	size_t i;
	for (i = 0; i < plan->content.notes.len; i++) {
		const struct kik_note *n = plan->content.notes.items[i];
		if (n->goal == goal && n->measure == measure)
			return n;
	}
	return NULL;
}

const kik_note *kik_goal_note(const kik_goal *goal)
{
	return goal ? note_of(goal->field->plan, goal, NULL) : NULL;
}

const kik_note *kik_measure_note(const kik_measure *measure)
{
	return measure && measure->goal ? note_of(measure->goal->field->plan, measure->goal, measure) : NULL;
}

const kik_goal *kik_note_goal(const kik_note *note)
{
	return note ? note->goal : NULL;
}

const kik_measure *kik_note_measure(const kik_note *note)
{
	return note ? note->measure : NULL;
}

const char *kik_note_current_state(const kik_note *note)
{
	return note ? note->current_state : NULL;
}

const char *kik_note_outlook(const kik_note *note)
{
	return note ? note->outlook : NULL;
}

/* ---- changes ----------------------------------------------------------------------- */

static kik_measure *measure_of(kik_plan *plan, const char *id)
{
	kik_measure *m;
	if (kik__check_text(id, "the measure id") < 0)
		return NULL;
	if (!(m = (kik_measure *)kik_plan_find_measure(plan, id)))
		kik__error_set(plan, KIK_ENOTFOUND, NULL, "no measure with id '%s'", id);
	return m;
}

static int put(kik_plan *plan, kik_goal *goal, kik_measure *measure, const char *current_state, const char *outlook)
{
	struct kik_note *n;
	int err;
	if ((current_state && kik__check_text(current_state, "the current state") < 0) ||
	    (outlook && kik__check_text(outlook, "the outlook") < 0))
		return KIK_EINVAL;
	if ((err = kik__note_build(plan, goal, measure, current_state, outlook, NULL, &n)) < 0)
		return err;
	return kik__content_put_one(plan, &plan->content.notes, n, kik__note_same, kik__note_free);
}

int kik_plan_put_goal_note(kik_plan *plan, const char *field, unsigned goal, const char *current_state,
			   const char *outlook)
{
	kik_goal *g;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(g = kik__plan_goal_of(plan, field, goal)))
		return kik_error_last()->code;
	return put(plan, g, NULL, current_state, outlook);
}

int kik_plan_put_measure_note(kik_plan *plan, const char *measure, const char *current_state, const char *outlook)
{
	kik_measure *m;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(m = measure_of(plan, measure)))
		return kik_error_last()->code;
	return put(plan, m->goal, m, current_state, outlook);
}

static int remove_note(kik_plan *plan, const kik_goal *goal, const kik_measure *measure, const char *what)
{
	kik__vec *notes = &plan->content.notes;
	size_t i;
	for (i = 0; i < notes->len; i++) {
		struct kik_note *n = notes->items[i];
		if (n->goal == goal && n->measure == measure) {
			kik__content_remove_at(&plan->alloc, notes, i, kik__note_free);
			return 0;
		}
	}
	return kik__error_set(plan, KIK_ENOTFOUND, NULL, "%s has no note", what);
}

int kik_plan_remove_goal_note(kik_plan *plan, const char *field, unsigned goal)
{
	kik_goal *g;
	char id[64];
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(g = kik__plan_goal_of(plan, field, goal)))
		return kik_error_last()->code;
	kik__format_id(id, sizeof(id), g->field->code, '-', g->number, 0);
	return remove_note(plan, g, NULL, id);
}

int kik_plan_remove_measure_note(kik_plan *plan, const char *measure)
{
	kik_measure *m;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(m = measure_of(plan, measure)))
		return kik_error_last()->code;
	return remove_note(plan, m->goal, m, m->id);
}
