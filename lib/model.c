/* Getters of groups, goals and measures, and the measures of a plan in document order. */
#include "internal.h"

#include <string.h>

const char *kik_group_name(const kik_group *group)
{
	return group ? group->name : NULL;
}
const kik_field *kik_group_field(const kik_group *group)
{
	return group ? group->field : NULL;
}
size_t kik_group_goal_count(const kik_group *group)
{
	return group ? group->goals.len : 0;
}

const kik_goal *kik_group_goal(const kik_group *group, size_t i)
{
	return group && i < group->goals.len ? group->goals.items[i] : NULL;
}

unsigned kik_goal_number(const kik_goal *goal)
{
	return goal ? goal->number : 0;
}
const char *kik_goal_text(const kik_goal *goal)
{
	return goal ? goal->text : NULL;
}
const kik_field *kik_goal_field(const kik_goal *goal)
{
	return goal ? goal->field : NULL;
}
const kik_group *kik_goal_group(const kik_goal *goal)
{
	return goal ? goal->group : NULL;
}
size_t kik_goal_measure_count(const kik_goal *goal)
{
	return goal ? goal->measures.count : 0;
}

const kik_measure *kik_goal_measure(const kik_goal *goal, size_t i)
{
	return goal && i < goal->measures.count ? kik__goal_measure(goal, i) : NULL;
}

const char *kik_measure_id(const kik_measure *m)
{
	return m ? m->id : NULL;
}
const char *kik_measure_number(const kik_measure *m)
{
	return m ? m->id + strlen(m->goal->field->code) + 1 : NULL;
}
const char *kik_measure_text(const kik_measure *m)
{
	return m ? m->text : NULL;
}
const kik_goal *kik_measure_goal(const kik_measure *m)
{
	return m ? m->goal : NULL;
}
const kik_field *kik_measure_field(const kik_measure *m)
{
	return m ? m->goal->field : NULL;
}
const kik_group *kik_measure_group(const kik_measure *m)
{
	return m ? m->goal->group : NULL;
}

kik_status kik_measure_recorded_status(const kik_measure *m)
{
	return m ? (kik_status)m->recorded : KIK_STATUS_INVALID;
}

kik_status kik_measure_status(const kik_measure *m)
{
	return m ? (kik_status)(m->tasks.count ? m->derived : m->recorded) : KIK_STATUS_INVALID;
}

size_t kik_plan_measure_count(const kik_plan *plan)
{
	return plan ? plan->measure_count : 0;
}

kik_measure *kik__plan_measure(const kik_plan *plan, size_t i)
{
	return kik__measure_at(plan, plan->order ? plan->order[i] : i);
}

const kik_measure *kik_plan_measure(const kik_plan *plan, size_t i)
{
	return plan && i < plan->measure_count ? kik__plan_measure(plan, i) : NULL;
}

void kik__plan_reorder(kik_plan *plan)
{
	size_t f, g, m, n = 0;
	int same = 1;
	if (!plan->order_dirty)
		return;
	for (f = 0; f < plan->fields.len; f++) {
		kik_field *field = plan->fields.items[f];
		for (g = 0; g < field->goals.len; g++) {
			kik_goal *goal = field->goals.items[g];
			for (m = 0; m < goal->measures.count; m++, n++) {
				plan->order[n] = kik__ids_at(&goal->measures, m);
				same &= plan->order[n] == n;
			}
		}
	}
	plan->order_dirty = 0;
	/* the order added is the document's again (and no removed measure left a place) */
	if (same && plan->measures.len == plan->measure_count) {
		kik__free(&plan->alloc, plan->order);
		plan->order = NULL;
		plan->order_cap = 0;
	}
}
