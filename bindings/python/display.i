/* Notebook display: the report's own donut charts and tables (lib/svg.c, lib/report_html.c)
 * as HTML fragments. These are internal functions of the library: the module links it
 * statically (bindings/python/CMakeLists.txt). */

%{
#include "report.h" /* lib/report.h: kik__svg_donut, kik__html_*, the labels */

/* Writes what `write_part` produces into a str; a scratch plan holds the output's memory
 * and errors when the part needs no plan of its own. */
typedef void (*kik_py_html_fn)(kik__out *o, const void *what, const void *extra, const kik__labels *l);

static PyObject *kik_py_html(const kik_plan *plan, kik_py_html_fn write_part, const void *what, const void *extra,
			     int lang)
{
	kik_py_sink sink = { NULL, 0, 0 };
	kik_plan *scratch = NULL;
	PyObject *text = NULL;
	kik__out o;
	int err;
	if (!plan && (err = kik_plan_new(&scratch)) < 0) {
		kik_py_raise(err, NULL);
		return NULL;
	}
	kik__out_init(&o, (kik_plan *)(plan ? plan : scratch), kik_py_write, &sink);
	write_part(&o, what, extra, kik__report_labels(lang == KIK_LANG_EN ? KIK_LANG_EN : KIK_LANG_DE));
	if ((err = kik__out_finish(&o)) < 0)
		kik_py_raise(err, kik_error_last());
	else
		text = PyUnicode_DecodeUTF8(sink.data ? sink.data : "", (Py_ssize_t)sink.len, "replace");
	free(sink.data);
	kik_plan_free(scratch);
	return text;
}

/* A summary of given counts, as the library computes one. */
static int kik_py_summary_of(kik_summary *s, size_t goals, size_t waiting, size_t in_progress, size_t implemented)
{
	size_t st;
	memset(s, 0, sizeof(*s));
	s->goals = goals;
	s->count[0] = waiting;
	s->count[1] = in_progress;
	s->count[2] = implemented;
	s->measures = waiting + in_progress + implemented;
	for (st = 0; st < 3; st++)
		s->share[st] = s->measures ? (double)s->count[st] / (double)s->measures : 0;
	return kik_percentages(s->count, 3, s->percent);
}

static void kik_py_write_donut(kik__out *o, const void *what, const void *extra, const kik__labels *l)
{
	(void)extra;
	kik__svg_donut(o, what, l);
}

static void kik_py_write_chart(kik__out *o, const void *what, const void *extra, const kik__labels *l)
{
	(void)extra;
	kik__html_chart(o, what, l);
}

/* The goal table as the report's status pages write it, with the goals' and measures'
 * progress notes under them (a report run of those two sections). */
static void kik_py_write_goal_table(kik__out *o, const void *what, const void *extra, const kik__labels *l)
{
	kik__report r;
	memset(&r, 0, sizeof(r));
	r.o = o;
	r.plan = o->plan;
	r.l = l;
	r.lang = l == kik__report_labels(KIK_LANG_EN) ? KIK_LANG_EN : KIK_LANG_DE;
	r.w = kik__report_words(r.lang);
	r.sections = KIK_REPORT_GOALS | KIK_REPORT_NOTES;
	kik__html_goal_table(&r, what, extra);
	kik__buf_free(&o->plan->alloc, &r.scratch);
}

static void kik_py_write_summary_table(kik__out *o, const void *what, const void *extra, const kik__labels *l)
{
	(void)extra;
	kik__html_summary_table(o, what, l);
}
%}

%inline %{
/** The report's donut of these counts as SVG (`chart` 0), or the donut with its legend as
 * HTML (`chart` 1); `lang` a kik_lang. */
PyObject *kik_py_html_chart(size_t goals, size_t waiting, size_t in_progress, size_t implemented, int chart, int lang)
{
	kik_summary s;
	int err = kik_py_summary_of(&s, goals, waiting, in_progress, implemented);
	if (err < 0) {
		kik_py_raise(err, NULL);
		return NULL;
	}
	return kik_py_html(NULL, chart ? kik_py_write_chart : kik_py_write_donut, &s, NULL, lang);
}

/** The report's table of a field's goals and measures (of one goal when `goal` is not
 * None) as HTML. */
PyObject *kik_py_html_goal_table(const kik_plan *plan, const kik_field *field, const kik_goal *goal, int lang)
{
	return kik_py_html(plan, kik_py_write_goal_table, field, goal, lang);
}

/** The report's table of every field's counts with the plan's total, as HTML. */
PyObject *kik_py_html_summary_table(const kik_plan *plan, int lang)
{
	return kik_py_html(plan, kik_py_write_summary_table, plan, NULL, lang);
}
%}
