/* The donut chart of a field, as inline SVG. Lengths are written from integer
 * thousandths, so that the output does not depend on the C locale's decimal point. */
#include "report.h"

const char *const kik__status_colour[KIK_STATUS_COUNT] = { "#b8b8b8", "#f2a900", "#2e8b57" };

enum { RADIUS = 60, WIDTH = 28, CIRCUMFERENCE_MILLI = 376991 }; /* 2 * pi * 60, in thousandths */

static void milli(kik__out *o, long v)
{
	kik__out_printf(o, "%s%ld.%03ld", v < 0 ? "-" : "", (v < 0 ? -v : v) / 1000, (v < 0 ? -v : v) % 1000);
}

void kik__svg_donut(kik__out *o, const kik_summary *s, const kik__labels *l)
{
	long offset = 0;
	int st;
	kik__out_printf(o,
			"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 160 160\" width=\"160\" "
			"height=\"160\" role=\"img\" aria-label=\"%zu %s\">",
			s->measures, l->measures);
	kik__out_printf(o,
			"<circle cx=\"80\" cy=\"80\" r=\"%d\" fill=\"none\" stroke=\"#eeeeee\" "
			"stroke-width=\"%d\"/>",
			RADIUS, WIDTH);
	/* arcs clockwise from twelve o'clock: the dash is the arc, the gap the rest */
	for (st = 0; st < KIK_STATUS_COUNT && s->measures; st++) {
		long length = (long)((CIRCUMFERENCE_MILLI * (long long)s->count[st] + (long long)s->measures / 2) /
				     (long long)s->measures);
		if (!s->count[st])
			continue;
		kik__out_printf(o,
				"<circle class=\"arc %s\" cx=\"80\" cy=\"80\" r=\"%d\" fill=\"none\" stroke=\"%s\" "
				"stroke-width=\"%d\" transform=\"rotate(-90 80 80)\" stroke-dasharray=\"",
				kik_status_key((kik_status)st), RADIUS, kik__status_colour[st], WIDTH);
		milli(o, length);
		kik__out_str(o, " ");
		milli(o, CIRCUMFERENCE_MILLI - length);
		kik__out_str(o, "\" stroke-dashoffset=\"");
		milli(o, -offset);
		kik__out_printf(o, "\"><title>%s: %zu (%u %%)</title></circle>", l->status[st], s->count[st],
				s->percent[st]);
		offset += length;
	}
	kik__out_printf(o,
			"<text x=\"80\" y=\"78\" text-anchor=\"middle\" font-size=\"26\" "
			"font-weight=\"bold\">%zu</text>",
			s->measures);
	kik__out_printf(o, "<text x=\"80\" y=\"98\" text-anchor=\"middle\" font-size=\"12\">%s</text></svg>",
			l->measures);
}
