/* The success-criteria rules: a measure's status derived from its tasks. */
#include "internal.h"

kik_status kik__derive(const kik_measure *m, kik_rule rule)
{
	const kik_plan *plan = m->goal->field->plan;
	size_t seen[KIK_TASK_KIND_COUNT] = { 0 }, open[KIK_TASK_KIND_COUNT] = { 0 }, i;
	int started = 0, k, all = 1;
	if (!m->tasks.count)
		return (kik_status)m->recorded;
	for (i = 0; i < m->tasks.count; i++) {
		const kik_task *t = kik__task_at(plan, kik__ids_at(&m->tasks, i));
		kik_task_state s = KIK__TASK_STATE(t);
		seen[KIK__TASK_KIND(t)]++;
		open[KIK__TASK_KIND(t)] += s != KIK_TASK_DONE && s != KIK_TASK_NOT_APPLICABLE;
		started |= s == KIK_TASK_IN_PROGRESS || s == KIK_TASK_DONE;
	}
	/* a kind is satisfied when every task of it is done or not applicable, and (strict
	 * rule) there is at least one */
	for (k = 0; k < KIK_TASK_KIND_COUNT; k++)
		all &= !open[k] && (seen[k] > 0 || rule == KIK_RULE_MISSING_KIND_SATISFIED);
	if (all)
		return KIK_STATUS_IMPLEMENTED;
	return started ? KIK_STATUS_IN_PROGRESS : KIK_STATUS_WAITING;
}

kik_rule kik_plan_rule(const kik_plan *plan)
{
	return plan ? plan->rule : KIK_RULE_INVALID;
}

int kik_plan_set_rule(kik_plan *plan, kik_rule rule)
{
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if ((unsigned)rule >= KIK_RULE_COUNT)
		return kik__error_set(plan, KIK_EINVAL, NULL, "rule %d out of range", (int)rule);
	kik__plan_apply_rule(plan, rule);
	return 0;
}

void kik__plan_apply_rule(kik_plan *plan, kik_rule rule)
{
	size_t i;
	plan->rule = rule;
	for (i = 0; i < plan->measures.len; i++) {
		kik_measure *m = kik__measure_at(plan, i);
		if (m->goal) /* not a removed measure's place */
			m->derived = (uint8_t)kik__derive(m, rule);
	}
}
