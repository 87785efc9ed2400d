/* The success-criteria rules: a measure's status derived from its tasks. */
#include "internal.h"

/* Whether a kind is satisfied: every task of it done or not applicable, and (strict rule)
 * at least one task of it. */
static int kind_satisfied(const kik_measure *m, kik_task_kind kind, kik_rule rule)
{
	size_t i, seen = 0;
	for (i = 0; i < m->tasks.len; i++) {
		const kik_task *t = m->tasks.items[i];
		if (t->kind != kind)
			continue;
		seen++;
		if (t->state != KIK_TASK_DONE && t->state != KIK_TASK_NOT_APPLICABLE)
			return 0;
	}
	return seen > 0 || rule == KIK_RULE_MISSING_KIND_SATISFIED;
}

kik_status kik__derive(const kik_measure *m, kik_rule rule)
{
	size_t i;
	int k, all = 1;
	if (!m->tasks.len)
		return m->recorded;
	for (k = 0; k < KIK_TASK_KIND_COUNT; k++)
		all &= kind_satisfied(m, (kik_task_kind)k, rule);
	if (all)
		return KIK_STATUS_IMPLEMENTED;
	for (i = 0; i < m->tasks.len; i++) {
		kik_task_state s = ((const kik_task *)m->tasks.items[i])->state;
		if (s == KIK_TASK_IN_PROGRESS || s == KIK_TASK_DONE)
			return KIK_STATUS_IN_PROGRESS;
	}
	return KIK_STATUS_WAITING;
}

kik_status kik_measure_derived_status(const kik_measure *m)
{
	return kik_measure_status(m);
}

kik_rule kik_plan_rule(const kik_plan *plan)
{
	return plan ? plan->rule : KIK_RULE_STRICT;
}

int kik_plan_set_rule(kik_plan *plan, kik_rule rule)
{
	size_t i;
	if (!plan || (unsigned)rule >= KIK_RULE_COUNT)
		return KIK_EINVAL;
	kik__error_clear(plan);
	plan->rule = rule;
	for (i = 0; i < plan->order.len; i++) {
		kik_measure *m = plan->order.items[i];
		m->derived = kik__derive(m, rule);
	}
	return 0;
}
