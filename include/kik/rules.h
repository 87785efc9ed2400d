/**
 * @file kik/rules.h
 * @brief Tasks of measures, the success-criteria rules, and explanations of statuses.
 *
 * A measure counts as implemented when (1) the assignments listed for it in the
 * concept, (2) the assignments concretised in the working groups (AGs) and (3)
 * the work packages set by the integration office have all been carried out.
 * libkik tracks these as tasks of three kinds and derives a status from them:
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

#include "kik/plan.h"

KIK_BEGIN_DECL

typedef struct kik_task kik_task;

/** The three kinds of success criteria. */
typedef enum kik_task_kind {
	KIK_TASK_CONCEPT = 0,     /**< "Einzelauftrag": listed for the measure in the concept */
	KIK_TASK_AG = 1,          /**< "AG-Auftrag": concretised in a working group */
	KIK_TASK_WORK_PACKAGE = 2 /**< "Arbeitspaket": set by the integration office */
} kik_task_kind;
#define KIK_TASK_KIND_COUNT 3

typedef enum kik_task_state {
	KIK_TASK_OPEN = 0,          /**< "offen" */
	KIK_TASK_IN_PROGRESS = 1,   /**< "in Arbeit" */
	KIK_TASK_DONE = 2,          /**< "erledigt" */
	KIK_TASK_NOT_APPLICABLE = 3 /**< "entfällt": this kind does not exist for the measure */
} kik_task_state;
#define KIK_TASK_STATE_COUNT 4

/** The rule that derives a measure's status from its tasks. */
typedef enum kik_rule {
	KIK_RULE_STRICT = 0,                /**< every kind needs its tasks (the default) */
	KIK_RULE_MISSING_KIND_SATISFIED = 1 /**< a kind without tasks counts as satisfied */
} kik_rule;
#define KIK_RULE_COUNT 2

/** Keys: "concept", "ag", "work_package"; NULL if out of range. */
KIK_EXTERN(const char *) kik_task_kind_key(kik_task_kind kind);
/** Labels: "Einzelauftrag", "AG-Auftrag", "Arbeitspaket" / "concept task", "AG task", "work package". */
KIK_EXTERN(const char *) kik_task_kind_label(kik_task_kind kind, kik_lang lang);
/** Parses a kind from its key or a German or English name. 0 or KIK_EPARSE. */
KIK_EXTERN(int) kik_task_kind_parse(const char *text, kik_task_kind *out);

/** Keys: "open", "in_progress", "done", "not_applicable"; NULL if out of range. */
KIK_EXTERN(const char *) kik_task_state_key(kik_task_state state);
/** Labels: "offen", "in Arbeit", "erledigt", "entfällt" / "open", "in progress", "done", "not applicable". */
KIK_EXTERN(const char *) kik_task_state_label(kik_task_state state, kik_lang lang);
/** Parses a state from its key or a German or English name. 0 or KIK_EPARSE. */
KIK_EXTERN(int) kik_task_state_parse(const char *text, kik_task_state *out);

/** Keys: "strict", "missing_kind_satisfied"; NULL if out of range. */
KIK_EXTERN(const char *) kik_rule_key(kik_rule rule);
/** Parses a rule key. 0 or KIK_EPARSE. */
KIK_EXTERN(int) kik_rule_parse(const char *text, kik_rule *out);

/** The plan's rule (KIK_RULE_STRICT unless set). */
KIK_EXTERN(kik_rule) kik_plan_rule(const kik_plan *plan);
/** Chooses the rule; derived statuses follow at once. 0 or KIK_EINVAL. */
KIK_EXTERN(int) kik_plan_set_rule(kik_plan *plan, kik_rule rule);

/* ---- tasks ------------------------------------------------------------- */

/** A task to add or the new values of one. Initialise with KIK_TASK_DESC_INIT. */
typedef struct kik_task_desc {
	unsigned version;    /**< KIK_TASK_DESC_VERSION */
	const char *measure; /**< the measure's id ("SB-4.6"); ignored by update */
	kik_task_kind kind;
	kik_task_state state;
	const char *title; /**< required, not empty */
	const char *due;   /**< ISO date "YYYY-MM-DD", or NULL / "" for none */
	const char *owner; /**< NULL / "" for none */
} kik_task_desc;

#define KIK_TASK_DESC_VERSION 1
#define KIK_TASK_DESC_INIT                                                                                             \
	{                                                                                                              \
		KIK_TASK_DESC_VERSION, NULL, KIK_TASK_CONCEPT, KIK_TASK_OPEN, NULL, NULL, NULL                         \
	}

/**
 * Adds a task to a measure. Returns 0, KIK_ENOTFOUND (no such measure),
 * KIK_EINVAL (bad kind, state, title or date) or KIK_ENOMEM. `out` may be NULL.
 */
KIK_EXTERN(int) kik_plan_add_task(kik_plan *plan, const kik_task_desc *desc, const kik_task **out);
/** Replaces kind, state, title, due date and owner of the task with this id. Same errors. */
KIK_EXTERN(int) kik_plan_update_task(kik_plan *plan, unsigned long id, const kik_task_desc *desc);
/** Removes the task with this id. 0 or KIK_ENOTFOUND. */
KIK_EXTERN(int) kik_plan_remove_task(kik_plan *plan, unsigned long id);
/** The task with this id, or NULL. */
KIK_EXTERN(const kik_task *) kik_plan_find_task(const kik_plan *plan, unsigned long id);
/** The number of tasks in the plan. */
KIK_EXTERN(size_t) kik_plan_task_count(const kik_plan *plan);

KIK_EXTERN(size_t) kik_measure_task_count(const kik_measure *measure);
/** The i-th task of the measure, in the order added. Valid until the task is updated or removed. */
KIK_EXTERN(const kik_task *) kik_measure_task(const kik_measure *measure, size_t i);

/** The task's id: unique in its plan, never reused, kept by imports. Ids are given in the
 *  order tasks are added (an import: in the order of its rows, however many threads read
 *  it), so the same files give the same ids on any machine. */
KIK_EXTERN(unsigned long) kik_task_id(const kik_task *task);
KIK_EXTERN(const kik_measure *) kik_task_measure(const kik_task *task);
KIK_EXTERN(kik_task_kind) kik_task_kind_of(const kik_task *task);
KIK_EXTERN(kik_task_state) kik_task_state_of(const kik_task *task);
KIK_EXTERN(const char *) kik_task_title(const kik_task *task);
/** The due date ("" if none). */
KIK_EXTERN(const char *) kik_task_due(const kik_task *task);
/** The owner ("" if none). */
KIK_EXTERN(const char *) kik_task_owner(const kik_task *task);

/** Whether the measure has tasks (and so a derived status). */
KIK_EXTERN(int) kik_measure_has_tasks(const kik_measure *measure);
/** The status derived by the plan's rule; the recorded status when there are no tasks. */
KIK_EXTERN(kik_status) kik_measure_derived_status(const kik_measure *measure);

/* ---- explanations ------------------------------------------------------ */

/** Why a measure has its status: one reason each. */
typedef enum kik_reason_code {
	KIK_REASON_NO_TASKS = 0,            /**< no tasks are tracked: the recorded status holds */
	KIK_REASON_KIND_MISSING = 1,        /**< no task of this kind is recorded (strict rule) */
	KIK_REASON_KIND_NOT_TRACKED = 2,    /**< no task of this kind, counted as satisfied (looser rule) */
	KIK_REASON_KIND_NOT_APPLICABLE = 3, /**< the kind is marked not applicable */
	KIK_REASON_KIND_DONE = 4,           /**< every task of this kind is done */
	KIK_REASON_TASK_OPEN = 5,           /**< this task is open */
	KIK_REASON_TASK_IN_PROGRESS = 6,    /**< this task is in progress */
	KIK_REASON_STATUS_DISAGREES = 7     /**< the recorded status differs from the derived one */
} kik_reason_code;

/** One reason. The strings live as long as the explanation. */
typedef struct kik_reason {
	kik_reason_code code;
	kik_task_kind kind;     /**< the kind concerned (for the KIND_ and TASK_ codes) */
	const kik_task *task;   /**< the task concerned, or NULL */
	const char *message_de; /**< a sentence in German */
	const char *message_en; /**< the same in English */
} kik_reason;

typedef struct kik_explanation kik_explanation;

/**
 * Explains the status of `measure` under the plan's rule: the reasons, in the
 * order concept, AG, work package, then a disagreement with the recorded status.
 * The caller frees the result with kik_explanation_free(). 0, KIK_EINVAL or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_explain(const kik_plan *plan, const kik_measure *measure, kik_explanation **out);
KIK_EXTERN(void) kik_explanation_free(kik_explanation *explanation);
/** The status explained (the derived one). */
KIK_EXTERN(kik_status) kik_explanation_status(const kik_explanation *explanation);
KIK_EXTERN(size_t) kik_explanation_count(const kik_explanation *explanation);
KIK_EXTERN(const kik_reason *) kik_explanation_reason(const kik_explanation *explanation, size_t i);

KIK_END_DECL

#endif
