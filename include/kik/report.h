/**
 * @file kik/report.h
 * @brief The interim report's status pages, generated from a plan.
 *
 * A report has an overall summary, and per field of action a donut chart of the
 * statuses (counts, whole percentages and a legend) and the table of every goal and
 * measure with its status marked, as the city publishes them. Statuses are those of
 * kik_measure_status(): derived from tasks where there are some.
 */
#ifndef KIK_REPORT_H
#define KIK_REPORT_H

#include "kik/io.h"

KIK_BEGIN_DECL

/** The output format of a report. */
typedef enum kik_report_format {
	/** One self-contained HTML page: inline CSS and SVG, no scripts, fonts or images
	 * from elsewhere; well-formed XML as well (XHTML syntax). */
	KIK_REPORT_HTML = 0,
	/** Markdown (GitHub-flavoured tables); the charts become tables of counts. */
	KIK_REPORT_MARKDOWN = 1
} kik_report_format;

/** Options of a report. Initialise with KIK_REPORT_OPTIONS_INIT. */
typedef struct kik_report_options {
	unsigned version;         /**< KIK_REPORT_OPTIONS_VERSION */
	kik_report_format format; /**< default KIK_REPORT_HTML */
	kik_lang lang;            /**< labels: KIK_LANG_DE (default) or KIK_LANG_EN */
} kik_report_options;

/** The version of kik_report_options this header describes. */
#define KIK_REPORT_OPTIONS_VERSION 1
/** The default report options: HTML, German labels. */
#define KIK_REPORT_OPTIONS_INIT                                                                                        \
	{                                                                                                              \
		KIK_REPORT_OPTIONS_VERSION, KIK_REPORT_HTML, KIK_LANG_DE                                               \
	}

/**
 * Writes the report of `plan` through `write`. `options` may be NULL. Returns 0,
 * KIK_EINVAL (bad options), KIK_EIO (`write` failed) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_report(const kik_plan *plan, kik_write_fn write, void *ctx, const kik_report_options *options);

/** As kik_plan_report(), into a file that is replaced only once complete (see kik_plan_export_file()). */
KIK_EXTERN(int) kik_plan_report_file(const kik_plan *plan, const char *path, const kik_report_options *options);

KIK_END_DECL

#endif
