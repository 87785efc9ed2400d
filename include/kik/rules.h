/**
 * @file kik/rules.h
 * @brief The success-criteria rules, and explanations of statuses.
 *
 * A measure's status is derived from its tasks (kik/task.h):
 *
 * - A measure with no tasks keeps its recorded status.
 * - **KIK_RULE_STRICT** (the default): a kind is satisfied when the measure has at
 *   least one task of that kind and every one of them is done or not applicable.
 *   The measure is *implemented* when all three kinds are satisfied; otherwise
 *   *in progress* when at least one task is in progress or done; otherwise *waiting*.
 * - **KIK_RULE_MISSING_KIND_SATISFIED**: as strict, but a kind without any task
 *   counts as satisfied.
 *
 * Summaries and kik_measure_status() use the derived status; the recorded one
 * stays available through kik_measure_recorded_status().
 */
#ifndef KIK_RULES_H
#define KIK_RULES_H

#include "kik/task.h"

KIK_BEGIN_DECL

/** The rule that derives a measure's status from its tasks. */
typedef enum kik_rule {
	KIK_RULE_INVALID = -1,              /**< no rule: what getters return for NULL */
	KIK_RULE_STRICT = 0,                /**< every kind needs its tasks (the default) */
	KIK_RULE_MISSING_KIND_SATISFIED = 1 /**< a kind without tasks counts as satisfied */
} kik_rule;
/** The number of rules. */
#define KIK_RULE_COUNT 2

/** Keys: "strict", "missing_kind_satisfied"; NULL if out of range. */
KIK_EXTERN(const char *) kik_rule_key(kik_rule rule);
/** Parses a rule key. 0, KIK_EINVAL or KIK_EPARSE. */
KIK_EXTERN(int) kik_rule_parse(const char *text, kik_rule *out);

/** The plan's rule (KIK_RULE_STRICT unless set; KIK_RULE_INVALID for NULL). */
KIK_EXTERN(kik_rule) kik_plan_rule(const kik_plan *plan);
/** Chooses the rule; derived statuses follow at once. 0 or KIK_EINVAL. */
KIK_EXTERN(int) kik_plan_set_rule(kik_plan *plan, kik_rule rule);

/* ---- explanations ------------------------------------------------------ */

/** Why a measure has its status: one reason each. */
typedef enum kik_reason_code {
	KIK_REASON_INVALID = -1,            /**< no reason: what getters return for NULL */
	KIK_REASON_NO_TASKS = 0,            /**< no tasks are tracked: the recorded status holds */
	KIK_REASON_KIND_MISSING = 1,        /**< no task of this kind is recorded (strict rule) */
	KIK_REASON_KIND_NOT_TRACKED = 2,    /**< no task of this kind, counted as satisfied (looser rule) */
	KIK_REASON_KIND_NOT_APPLICABLE = 3, /**< the kind is marked not applicable */
	KIK_REASON_KIND_DONE = 4,           /**< every task of this kind is done */
	KIK_REASON_TASK_OPEN = 5,           /**< this task is open */
	KIK_REASON_TASK_IN_PROGRESS = 6,    /**< this task is in progress */
	KIK_REASON_STATUS_DISAGREES = 7     /**< the recorded status differs from the derived one */
} kik_reason_code;

/** The key of a reason code ("no_tasks", "kind_missing", ...); NULL if out of range. */
KIK_EXTERN(const char *) kik_reason_code_key(kik_reason_code code);

/** The reasons for one measure's status. Free with kik_explanation_free(). */
typedef struct kik_explanation kik_explanation;
/** One reason of an explanation, owned by it. */
typedef struct kik_reason kik_reason;

/**
 * Explains the status of `measure` (a measure of `plan`) under the plan's rule:
 * the reasons, in the order concept, AG, work package, then a disagreement with
 * the recorded status. The result refers to the plan's tasks: free it before
 * they change. Returns 0, KIK_EINVAL or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_explain(const kik_plan *plan, const kik_measure *measure, kik_explanation **out);
/** Frees an explanation. Accepts NULL. */
KIK_EXTERN(void) kik_explanation_free(kik_explanation *explanation);
/** The status explained (the derived one); KIK_STATUS_INVALID for NULL. */
KIK_EXTERN(kik_status) kik_explanation_status(const kik_explanation *explanation);
/** The number of reasons (0 for NULL). */
KIK_EXTERN(size_t) kik_explanation_count(const kik_explanation *explanation);
/** The i-th reason; NULL if out of range. Valid as long as the explanation. */
KIK_EXTERN(const kik_reason *) kik_explanation_reason(const kik_explanation *explanation, size_t i);

/** The reason's code; KIK_REASON_INVALID for NULL. */
KIK_EXTERN(kik_reason_code) kik_reason_code_of(const kik_reason *reason);
/** The task kind concerned (for the KIND_ and TASK_ codes), else KIK_TASK_KIND_INVALID. */
KIK_EXTERN(kik_task_kind) kik_reason_kind(const kik_reason *reason);
/** The task concerned (for the TASK_ codes), else NULL. */
KIK_EXTERN(const kik_task *) kik_reason_task(const kik_reason *reason);
/** The reason as a sentence in `lang`; NULL if `reason` is NULL or `lang` out of range. */
KIK_EXTERN(const char *) kik_reason_message(const kik_reason *reason, kik_lang lang);

KIK_END_DECL

#endif
