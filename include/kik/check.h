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
 * Records the figures published for the field with code `field`: `counts[s]`
 * measures of status `s` for the first `n` statuses (the rest count 0; pass
 * KIK_STATUS_COUNT), and the published total (0 when none was published).
 * Replaces earlier figures of the field. Returns 0, KIK_EINVAL (NULL, `n`
 * greater than the library's number of statuses, or a total other than 0 that is
 * not the sum of the counts), KIK_ENOTFOUND or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_plan_set_published(kik_plan *plan, const char *field, const size_t *counts, size_t n, size_t total);

/** Forgets the figures published for the field with code `field`. 0, KIK_EINVAL or KIK_ENOTFOUND. */
KIK_EXTERN(int) kik_plan_clear_published(kik_plan *plan, const char *field);

/** Whether figures were published for the field: 1 or 0 (0 for NULL). */
KIK_EXTERN(int) kik_field_has_published(const kik_field *field);
/** The published count of a status (0 when none was published, for NULL, or out of range). */
KIK_EXTERN(size_t) kik_field_published_count(const kik_field *field, kik_status status);
/** The published total (0 when none was published, or for NULL). */
KIK_EXTERN(size_t) kik_field_published_total(const kik_field *field);

/** What a finding is about. */
typedef enum kik_finding_kind {
	/** no kind: what getters return for NULL */
	KIK_FINDING_INVALID = -1,
	/** a measure's recorded status differs from the one derived from its tasks */
	KIK_FINDING_STATUS_DISAGREES = 0,
	/** a field's published count of one status differs from the computed count */
	KIK_FINDING_PUBLISHED_COUNT = 1,
	/** a field's published total differs from its number of measures */
	KIK_FINDING_PUBLISHED_TOTAL = 2
} kik_finding_kind;

/** Every finding of one check. Free with kik_findings_free(). */
typedef struct kik_findings kik_findings;
/** One finding, owned by its kik_findings. */
typedef struct kik_finding kik_finding;

/** Which checks to run: a combination of these, or 0 for all. */
enum kik_check_which {
	KIK_CHECK_STATUS = 1,   /**< recorded against derived statuses */
	KIK_CHECK_PUBLISHED = 2 /**< published against computed figures */
};

/**
 * Runs the checks named in `which` (KIK_CHECK_* or 0 for all) and returns the
 * findings in document order (field by field; measures, then published figures).
 * The findings refer to the plan's fields and measures: free them before those
 * change. Returns 0, KIK_EINVAL (including unknown bits in `which`) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_check(const kik_plan *plan, unsigned which, kik_findings **out);
/** Frees findings. Accepts NULL. */
KIK_EXTERN(void) kik_findings_free(kik_findings *findings);
/** The number of findings (0 for NULL). */
KIK_EXTERN(size_t) kik_findings_count(const kik_findings *findings);
/** The i-th finding; NULL if out of range. */
KIK_EXTERN(const kik_finding *) kik_findings_get(const kik_findings *findings, size_t i);

/** The key of a finding kind: "status_disagrees", "published_count", "published_total"; NULL if out of range. */
KIK_EXTERN(const char *) kik_finding_kind_key(kik_finding_kind kind);
/** What the finding is about; KIK_FINDING_INVALID for NULL. */
KIK_EXTERN(kik_finding_kind) kik_finding_kind_of(const kik_finding *finding);
/** The field concerned; NULL for NULL. */
KIK_EXTERN(const kik_field *) kik_finding_field(const kik_finding *finding);
/** The measure, for STATUS_DISAGREES; else NULL. */
KIK_EXTERN(const kik_measure *) kik_finding_measure(const kik_finding *finding);
/**
 * STATUS_DISAGREES: the derived status; PUBLISHED_COUNT: the status counted;
 * else KIK_STATUS_INVALID.
 */
KIK_EXTERN(kik_status) kik_finding_status(const kik_finding *finding);
/** STATUS_DISAGREES: the recorded status; else KIK_STATUS_INVALID. */
KIK_EXTERN(kik_status) kik_finding_recorded_status(const kik_finding *finding);
/** PUBLISHED_COUNT and PUBLISHED_TOTAL: the published figure; else 0. */
KIK_EXTERN(size_t) kik_finding_published(const kik_finding *finding);
/** PUBLISHED_COUNT and PUBLISHED_TOTAL: the figure computed from the measures; else 0. */
KIK_EXTERN(size_t) kik_finding_computed(const kik_finding *finding);
/** The finding as a sentence in `lang`; NULL for NULL or `lang` out of range. */
KIK_EXTERN(const char *) kik_finding_message(const kik_finding *finding, kik_lang lang);

KIK_END_DECL

#endif
