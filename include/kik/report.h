/**
 * @file kik/report.h
 * @brief The interim report, generated from a plan: the whole report or its status pages.
 *
 * The whole report has, as the city's interim report does: a title block (plan, report
 * title, date, office), the timeline and the prioritisation rounds, the current
 * situation (the plan-wide context texts and the context figures with their change,
 * shown as context and never as a measure of success), the overall summary, and per
 * field of action its introduction, a donut chart of the statuses with counts, whole
 * percentages and a legend, its focus points, highlights and outlook, its projects with
 * the measures they cover (linked to those measures' rows), and the table of every goal
 * and measure with its status marked and each goal's current state and outlook; then
 * the plan-wide outlook. Given an earlier snapshot (`since`), each field also shows
 * what changed: the change of every count, the measures whose status changed (with the
 * reasons where they have tasks), and the projects added or ended. Sections can be
 * chosen (KIK_REPORT_STATUS_PAGES gives the status pages alone). Statuses are those of
 * kik_measure_status(): derived from tasks where there are some. Labels are German or
 * English; the plan's texts are shown as written (see kik/content.h).
 */
#ifndef KIK_REPORT_H
#define KIK_REPORT_H

#include "kik/content.h"
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

/** The sections of a report (kik_report_options.sections), in the order they appear. */
enum kik_report_section {
	KIK_REPORT_TITLE = 1 << 0,       /**< the title block: plan, report title, date, office; the contents */
	KIK_REPORT_TIMELINE = 1 << 1,    /**< the timeline (Zeittafel) */
	KIK_REPORT_ROUNDS = 1 << 2,      /**< the prioritisation rounds */
	KIK_REPORT_CONTEXT = 1 << 3,     /**< the plan-wide context texts and the context figures with their change */
	KIK_REPORT_SUMMARY = 1 << 4,     /**< the overall summary: every field's counts, the total and its donut */
	KIK_REPORT_CHARTS = 1 << 5,      /**< per field: its donut chart with counts, percentages and legend */
	KIK_REPORT_FIELD_NOTES = 1 << 6, /**< per field: its introduction, focus points, highlights and outlook */
	KIK_REPORT_PROJECTS = 1 << 7,    /**< per field: its projects and the measures they cover; then the others */
	KIK_REPORT_GOALS = 1 << 8,       /**< per field: the table of every goal and measure with its status */
	KIK_REPORT_NOTES = 1 << 9,       /**< in that table: the current state and outlook of each goal and measure */
	KIK_REPORT_CHANGES = 1 << 10,    /**< per field: what changed since `since` (nothing without it) */
	KIK_REPORT_OUTLOOK = 1 << 11     /**< the plan-wide focus points, highlights and outlook at the end */
};
/** Every section: the whole report (what 0 means too). */
#define KIK_REPORT_ALL 0xFFFu
/** The status pages alone: title, summary, and per field its chart and its goal table. */
#define KIK_REPORT_STATUS_PAGES (KIK_REPORT_TITLE | KIK_REPORT_SUMMARY | KIK_REPORT_CHARTS | KIK_REPORT_GOALS)

/** Flags of a report (kik_report_options.flags). */
enum kik_report_flag {
	/** With `since`: beside each note, the note of the same goal or measure in `since`. */
	KIK_REPORT_EARLIER_NOTES = 1
};

/** The key of one section bit: "title", "timeline", "rounds", "context", "summary",
 * "charts", "field_notes", "projects", "goals", "notes", "changes", "outlook"; NULL if
 * not exactly one known bit. */
KIK_EXTERN(const char *) kik_report_section_key(unsigned section);
/**
 * Parses a list of section keys separated by commas ("summary,charts,goals"), or one of
 * the words "all" and "status" (the status pages), into section bits. Returns 0,
 * KIK_EINVAL (NULL or not UTF-8) or KIK_EPARSE (an unknown key, named in the error).
 */
KIK_EXTERN(int) kik_report_sections_parse(const char *text, unsigned *out);

/** Options of a report. Initialise with KIK_REPORT_OPTIONS_INIT. */
typedef struct kik_report_options {
	unsigned version;         /**< KIK_REPORT_OPTIONS_VERSION */
	kik_report_format format; /**< default KIK_REPORT_HTML */
	kik_lang lang;            /**< labels: KIK_LANG_DE (default) or KIK_LANG_EN */
	unsigned sections;        /**< KIK_REPORT_* section bits; 0 (default) for the whole report */
	/**
	 * An earlier snapshot of the plan, or NULL (default): what changed since it (fields
	 * matched by code, goals by number, measures by id, projects by name). It is only
	 * read, and must not change while the report is written.
	 */
	const kik_plan *since;
	unsigned flags; /**< KIK_REPORT_* flags (kik_report_flag), default 0 */
} kik_report_options;

/** The version of kik_report_options this header describes. */
#define KIK_REPORT_OPTIONS_VERSION 1
/** The default report options: the whole report in HTML with German labels. */
#define KIK_REPORT_OPTIONS_INIT                                                                                        \
	{                                                                                                              \
		KIK_REPORT_OPTIONS_VERSION, KIK_REPORT_HTML, KIK_LANG_DE, 0, NULL, 0                                   \
	}

/**
 * Writes the report of `plan` through `write`. `options` may be NULL. Returns 0,
 * KIK_EINVAL (bad options: an unknown format, language, section or flag), KIK_EIO
 * (`write` failed) or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_plan_report(const kik_plan *plan, kik_write_fn write, void *ctx, const kik_report_options *options);

/** As kik_plan_report(), into a file that is replaced only once complete (see kik_plan_export_file()). */
KIK_EXTERN(int) kik_plan_report_file(const kik_plan *plan, const char *path, const kik_report_options *options);

KIK_END_DECL

#endif
