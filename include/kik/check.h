/**
 * @file kik/check.h
 * @brief Published figures, and the checks of a plan against itself and them.
 *
 * Two checks: (1) measures whose recorded status disagrees with the status
 * derived from their tasks; (2) the published per-field figures against the
 * figures computed from the measures, field by field and status by status.
 */
#ifndef KIK_CHECK_H
#define KIK_CHECK_H

#include "kik/rules.h"

KIK_BEGIN_DECL

/**
 * Records the figures published for a field: measures per kik_status and the
 * published total (0 when none was published). Replaces earlier figures of the
 * field. 0, KIK_EINVAL or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_plan_set_published(kik_plan *plan, const kik_field *field, const size_t counts[KIK_STATUS_COUNT], size_t total);

/**
 * The figures published for a field: 1 with `counts` and `*total` filled when
 * there are some, 0 when none were published for it.
 */
KIK_EXTERN(int) kik_field_published(const kik_field *field, size_t counts[KIK_STATUS_COUNT], size_t *total);

typedef enum kik_finding_kind {
	/** a measure's recorded status differs from the one derived from its tasks */
	KIK_FINDING_STATUS_DISAGREES = 0,
	/** a field's published count of one status differs from the computed count */
	KIK_FINDING_PUBLISHED_COUNT = 1,
	/** a field's published total differs from its number of measures */
	KIK_FINDING_PUBLISHED_TOTAL = 2
} kik_finding_kind;

/** One finding. Pointers live as long as the findings and their plan. */
typedef struct kik_finding {
	kik_finding_kind kind;
	const kik_field *field;     /**< the field concerned */
	const kik_measure *measure; /**< the measure, for STATUS_DISAGREES; else NULL */
	kik_status status;          /**< STATUS_DISAGREES: the derived status; PUBLISHED_COUNT: the status counted */
	size_t expected;            /**< recorded status / published figure */
	size_t actual;              /**< derived status / computed figure */
	const char *message_de;
	const char *message_en;
} kik_finding;

typedef struct kik_findings kik_findings;

/** Which checks to run; 0 means all. */
enum { KIK_CHECK_STATUS = 1, KIK_CHECK_PUBLISHED = 2 };

/**
 * Runs the checks named in `which` (KIK_CHECK_* or 0 for all) and returns the
 * findings in document order (field by field; measures, then published figures).
 * Free them with kik_findings_free(). 0, KIK_EINVAL or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_check(const kik_plan *plan, unsigned which, kik_findings **out);
KIK_EXTERN(void) kik_findings_free(kik_findings *findings);
KIK_EXTERN(size_t) kik_findings_count(const kik_findings *findings);
KIK_EXTERN(const kik_finding *) kik_findings_get(const kik_findings *findings, size_t i);
/** The key of a finding kind: "status_disagrees", "published_count", "published_total". */
KIK_EXTERN(const char *) kik_finding_kind_key(kik_finding_kind kind);

KIK_END_DECL

#endif
