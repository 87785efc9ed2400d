/* What the HTML and Markdown reports share: their labels, the donut chart, dispatch. */
#ifndef KIK_REPORT_INTERNAL_H
#define KIK_REPORT_INTERNAL_H

#include "output.h"

typedef struct kik__labels {
	const char *lang;    /* "de" / "en" */
	const char *title;   /* of the page */
	const char *as_of;   /* "Stand" */
	const char *overall; /* the summary's heading */
	const char *field;   /* "Handlungsfeld" */
	const char *group, *number, *goal_measure, *goals, *measures, *total, *count, *share;
	const char *status[KIK_STATUS_COUNT];
} kik__labels;

const kik__labels *kik__report_labels(kik_lang lang);

/* The status colours of the report's charts. */
extern const char *const kik__status_colour[KIK_STATUS_COUNT];

/* An inline SVG donut of a summary: one arc per status, the number of measures inside. */
void kik__svg_donut(kik__out *o, const kik_summary *s, const kik__labels *l);

void kik__report_html(kik__out *o, const kik_plan *plan, const kik__labels *l);
void kik__report_md(kik__out *o, const kik_plan *plan, const kik__labels *l);

#endif
