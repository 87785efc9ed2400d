/**
 * @file kik/task.h
 * @brief Tasks of measures: the success criteria a measure's status is derived from.
 *
 * A measure counts as implemented when (1) the assignments listed for it in the
 * concept, (2) the assignments concretised in the working groups (AGs) and (3)
 * the work packages set by the integration office have all been carried out.
 * libkik tracks these as tasks of three kinds (see kik/rules.h for the rule).
 *
 * A task has two identities:
 * - its **id**, a number unique in the plan and never given twice, which the
 *   tasks export writes (column `task_id`) and the import keeps, so that an id
 *   names the same task after a save and reload;
 * - its **natural key**, (measure, kind, title), also unique in the plan: no
 *   call can make two tasks share one (KIK_EEXISTS).
 *
 * Handles (kik_task) belong to the plan; a task's handle and strings stay valid
 * until the task is changed or removed, the plan is freed, or an import of
 * measures succeeds.
 */
#ifndef KIK_TASK_H
#define KIK_TASK_H

#include "kik/plan.h"

KIK_BEGIN_DECL

/** A task of a measure, owned by its plan. */
typedef struct kik_task kik_task;

/** The three kinds of success criteria. */
typedef enum kik_task_kind {
	KIK_TASK_KIND_INVALID = -1, /**< no kind: what getters return for NULL */
	KIK_TASK_CONCEPT = 0,       /**< "Einzelauftrag": listed for the measure in the concept */
	KIK_TASK_AG = 1,            /**< "AG-Auftrag": concretised in a working group */
	KIK_TASK_WORK_PACKAGE = 2   /**< "Arbeitspaket": set by the integration office */
} kik_task_kind;
/** The number of task kinds. */
#define KIK_TASK_KIND_COUNT 3

/** The state of a task. */
typedef enum kik_task_state {
	KIK_TASK_STATE_INVALID = -1, /**< no state: what getters return for NULL */
	KIK_TASK_OPEN = 0,           /**< "offen" */
	KIK_TASK_IN_PROGRESS = 1,    /**< "in Arbeit" */
	KIK_TASK_DONE = 2,           /**< "erledigt" */
	KIK_TASK_NOT_APPLICABLE = 3  /**< "entfällt": this kind does not exist for the measure */
} kik_task_state;
/** The number of task states. */
#define KIK_TASK_STATE_COUNT 4

/** Keys: "concept", "ag", "work_package"; NULL if out of range. */
KIK_EXTERN(const char *) kik_task_kind_key(kik_task_kind kind);
/** Labels: "Einzelauftrag", "AG-Auftrag", "Arbeitspaket" / "concept task", "AG task", "work package"; NULL if out of
 * range. */
KIK_EXTERN(const char *) kik_task_kind_label(kik_task_kind kind, kik_lang lang);
/** Parses a kind from its key or a German or English name. 0, KIK_EINVAL or KIK_EPARSE. */
KIK_EXTERN(int) kik_task_kind_parse(const char *text, kik_task_kind *out);

/** Keys: "open", "in_progress", "done", "not_applicable"; NULL if out of range. */
KIK_EXTERN(const char *) kik_task_state_key(kik_task_state state);
/** Labels: "offen", "in Arbeit", "erledigt", "entfällt" / "open", "in progress", "done", "not applicable"; NULL if out
 * of range. */
KIK_EXTERN(const char *) kik_task_state_label(kik_task_state state, kik_lang lang);
/** Parses a state from its key or a German or English name. 0, KIK_EINVAL or KIK_EPARSE. */
KIK_EXTERN(int) kik_task_state_parse(const char *text, kik_task_state *out);

/**
 * A task to add, or the new values of one. Initialise with KIK_TASK_DESC_INIT.
 * Strings are copied; surrounding white space is dropped, as the importers do.
 */
typedef struct kik_task_desc {
	unsigned version;     /**< KIK_TASK_DESC_VERSION */
	const char *measure;  /**< the measure's id ("SB-4.6"); for an update, NULL keeps the task's */
	kik_task_kind kind;   /**< the kind */
	kik_task_state state; /**< the state */
	const char *title;    /**< required, not empty */
	const char *due;      /**< ISO date "YYYY-MM-DD", or NULL / "" for none */
	const char *owner;    /**< NULL / "" for none */
	unsigned long id;     /**< (add only) the id to give, or 0 for the next free one */
} kik_task_desc;

/** The version of kik_task_desc this header describes. */
#define KIK_TASK_DESC_VERSION 1
/** A kik_task_desc with nothing set, an open concept task. */
#define KIK_TASK_DESC_INIT                                                                                             \
	{                                                                                                              \
		KIK_TASK_DESC_VERSION, NULL, KIK_TASK_CONCEPT, KIK_TASK_OPEN, NULL, NULL, NULL, 0                      \
	}

/** The largest task id (ids are 1 .. KIK_TASK_ID_MAX). */
#define KIK_TASK_ID_MAX 4294967295UL

/**
 * Adds a task to a measure. The task gets `desc->id` when that is not 0 (an id
 * from a file or another plan), else the next id (one more than any given in
 * this plan). `out` may be NULL. Returns 0, KIK_EINVAL (bad kind, state, title,
 * date or id), KIK_ENOTFOUND (no such measure), KIK_EEXISTS (the id is taken,
 * or the measure has a task of this kind and title) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_add_task(kik_plan *plan, const kik_task_desc *desc, const kik_task **out);

/**
 * Replaces the measure (unless `desc->measure` is NULL), kind, state, title,
 * due date and owner of the task with this id; `desc->id` is not read. Returns
 * 0, KIK_EINVAL, KIK_ENOTFOUND (no such task or measure), KIK_EEXISTS (another
 * task has the new natural key) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_update_task(kik_plan *plan, unsigned long id, const kik_task_desc *desc);

/** Sets the state of the task with this id. Returns 0, KIK_EINVAL or KIK_ENOTFOUND. */
KIK_EXTERN(int) kik_plan_set_task_state(kik_plan *plan, unsigned long id, kik_task_state state);

/**
 * Sets the due date of the task with this id ("YYYY-MM-DD", or "" for none).
 * Returns 0, KIK_EINVAL, KIK_ENOTFOUND, KIK_ELIMIT or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_set_task_due(kik_plan *plan, unsigned long id, const char *due);

/** Sets the owner of the task with this id ("" for none). Same returns as kik_plan_set_task_due(). */
KIK_EXTERN(int) kik_plan_set_task_owner(kik_plan *plan, unsigned long id, const char *owner);

/**
 * Sets the title of the task with this id. Returns 0, KIK_EINVAL (empty or not
 * UTF-8), KIK_ENOTFOUND, KIK_EEXISTS (the measure has a task of this kind and
 * title) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_set_task_title(kik_plan *plan, unsigned long id, const char *title);

/** Removes the task with this id (the id is not given again). 0, KIK_EINVAL, KIK_ENOTFOUND or KIK_ENOMEM. */
KIK_EXTERN(int) kik_plan_remove_task(kik_plan *plan, unsigned long id);

/** The task with this id, or NULL. */
KIK_EXTERN(const kik_task *) kik_plan_find_task(const kik_plan *plan, unsigned long id);

/**
 * The task of measure `measure_id` with this kind and title (compared after
 * dropping surrounding white space), or NULL.
 */
KIK_EXTERN(const kik_task *)
kik_plan_find_task_by_key(const kik_plan *plan, const char *measure_id, kik_task_kind kind, const char *title);

/** The number of tasks in the plan (0 for NULL). */
KIK_EXTERN(size_t) kik_plan_task_count(const kik_plan *plan);

/**
 * Iterates over every task of the plan in the order they were added (an
 * import's in the order of its rows): the first task for `previous` NULL,
 * then the one after `previous`; NULL at the end.
 */
KIK_EXTERN(const kik_task *) kik_plan_next_task(const kik_plan *plan, const kik_task *previous);

/** The number of tasks of a measure (0 for NULL). */
KIK_EXTERN(size_t) kik_measure_task_count(const kik_measure *measure);
/** The i-th task of the measure, in the order added; NULL if out of range. */
KIK_EXTERN(const kik_task *) kik_measure_task(const kik_measure *measure, size_t i);
/** Whether the measure has tasks (and so a derived status): 1 or 0 (0 for NULL). */
KIK_EXTERN(int) kik_measure_has_tasks(const kik_measure *measure);

/** The task's id: unique in its plan, never given twice, kept by export and import; 0 for NULL. */
KIK_EXTERN(unsigned long) kik_task_id(const kik_task *task);
/** The task's measure; NULL for NULL. */
KIK_EXTERN(const kik_measure *) kik_task_measure(const kik_task *task);
/** The task's kind; KIK_TASK_KIND_INVALID for NULL. */
KIK_EXTERN(kik_task_kind) kik_task_kind_of(const kik_task *task);
/** The task's state; KIK_TASK_STATE_INVALID for NULL. */
KIK_EXTERN(kik_task_state) kik_task_state_of(const kik_task *task);
/** The task's title; NULL for NULL. */
KIK_EXTERN(const char *) kik_task_title(const kik_task *task);
/** The due date, "YYYY-MM-DD" or "" if none; NULL for NULL. */
KIK_EXTERN(const char *) kik_task_due(const kik_task *task);
/** The owner ("" if none); NULL for NULL. */
KIK_EXTERN(const char *) kik_task_owner(const kik_task *task);

KIK_END_DECL

#endif
