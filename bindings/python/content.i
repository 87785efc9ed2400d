/* The report's content (kik/content.h) and the whole report (kik/report.h) for Python:
 * the getters of the header as they are, and helpers that return each part as a list of
 * tuples, put parts from Python lists, and write a report into a string. The Python
 * side is kik/content.py. Errors raise through errors.i's kik_py_raise. */

%{
#include <kik/content.h>
%}

/* the descriptions are filled by the helpers below */
%ignore kik_project_desc;
%ignore kik_timeline_desc;
%ignore kik_round_desc;
%ignore kik_figure_desc;
%ignore kik_plan_put_project;
%ignore kik_plan_add_timeline_entry;
%ignore kik_plan_put_round;
%ignore kik_plan_put_figure;
%ignore kik_plan_add_field_note;
%ignore kik_figure_value_parse;
%ignore kik_field_note_kind_parse;
%ignore kik_figure_unit_parse;

%apply kik_plan_rc { int kik_plan_set_title, int kik_plan_set_office, int kik_plan_put_goal_note,
		     int kik_plan_put_measure_note, int kik_plan_remove_goal_note, int kik_plan_remove_measure_note,
		     int kik_plan_set_field_note, int kik_plan_remove_field_note, int kik_plan_remove_project,
		     int kik_plan_remove_timeline_entry, int kik_plan_remove_round, int kik_plan_remove_figure };

%include "kik/content.h"

%{
/* A Python list of str as C strings (borrowed from the list's items, which the caller
 * keeps alive); NULL with an exception set when it is not one. */
static const char **kik_py_strings(PyObject *list, size_t *count)
{
	Py_ssize_t i, n;
	const char **out;
	if (!PyList_Check(list)) {
		PyErr_SetString(PyExc_TypeError, "expected a list of str");
		return NULL;
	}
	n = PyList_Size(list);
	if (!(out = malloc(((size_t)n + 1) * sizeof(*out))))
		return (const char **)PyErr_NoMemory();
	for (i = 0; i < n; i++) {
		PyObject *item = PyList_GetItem(list, i);
		if (!PyUnicode_Check(item) || !(out[i] = PyUnicode_AsUTF8(item))) {
			if (!PyErr_Occurred())
				PyErr_SetString(PyExc_TypeError, "expected a list of str");
			free(out);
			return NULL;
		}
	}
	*count = (size_t)n;
	return out;
}

static PyObject *kik_py_text_or_none(const char *s)
{
	if (!s || !*s)
		Py_RETURN_NONE;
	return kik_py_str(s);
}

/* A list of the texts `name(item(i))` for i below count. */
static PyObject *kik_py_list(size_t count, const void *of, const void *(*item)(const void *, size_t),
			     const char *(*name)(const void *))
{
	PyObject *list = PyList_New((Py_ssize_t)count);
	size_t i;
	for (i = 0; list && i < count; i++)
		PyList_SET_ITEM(list, (Py_ssize_t)i, kik_py_str(name(item(of, i))));
	return list;
}

static const void *kik_py_project_measure(const void *p, size_t i) { return kik_project_measure(p, i); }
static const void *kik_py_project_org(const void *p, size_t i) { return kik_project_organisation(p, i); }
static const void *kik_py_entry_field(const void *e, size_t i) { return kik_timeline_entry_field(e, i); }
static const void *kik_py_round_field(const void *r, size_t i) { return kik_round_field(r, i); }
static const void *kik_py_round_measure(const void *r, size_t i) { return kik_round_measure(r, i); }
static const char *kik_py_measure_id(const void *m) { return kik_measure_id(m); }
static const char *kik_py_field_code(const void *f) { return kik_field_code(f); }
static const char *kik_py_as_text(const void *s) { return s; }

/* A project's goals by their ids ("IO-6"). */
static PyObject *kik_py_goal_ids(const kik_project *p)
{
	size_t i, n = kik_project_goal_count(p);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_goal *g = kik_project_goal(p, i);
		PyList_SET_ITEM(list, (Py_ssize_t)i,
				PyUnicode_FromFormat("%s-%u", kik_field_code(kik_goal_field(g)), kik_goal_number(g)));
	}
	return list;
}

/* A field's code, or None. */
static PyObject *kik_py_code_or_none(const kik_field *field)
{
	if (!field)
		Py_RETURN_NONE;
	return kik_py_str(kik_field_code(field));
}
%}

%inline %{
/** The notes: (field code, goal number, measure id or None, current state, outlook) each. */
PyObject *kik_py_notes(const kik_plan *plan)
{
	size_t i, n = kik_plan_note_count(plan);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_note *note = kik_plan_note(plan, i);
		const kik_goal *goal = kik_note_goal(note);
		const kik_measure *m = kik_note_measure(note);
		PyList_SET_ITEM(list, (Py_ssize_t)i,
				Py_BuildValue("(NINNN)", kik_py_str(kik_field_code(kik_goal_field(goal))),
					      kik_goal_number(goal), kik_py_text_or_none(m ? kik_measure_id(m) : NULL),
					      kik_py_str(kik_note_current_state(note)), kik_py_str(kik_note_outlook(note))));
	}
	return list;
}

/** The field notes: (field code or None, kind key, title or None, text) each. */
PyObject *kik_py_field_notes(const kik_plan *plan)
{
	size_t i, n = kik_plan_field_note_count(plan);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_field_note *note = kik_plan_field_note(plan, i);
		PyList_SET_ITEM(list, (Py_ssize_t)i,
				Py_BuildValue("(NsNN)", kik_py_code_or_none(kik_field_note_field(note)),
					      kik_field_note_kind_key(kik_field_note_kind_of(note)),
					      kik_py_text_or_none(kik_field_note_title(note)), kik_py_str(kik_field_note_text(note))));
	}
	return list;
}

/** The projects: (name, field code or None, [organisations], description or None, start or
 * None, end or None, [measure ids], [goal ids]) each. */
PyObject *kik_py_projects(const kik_plan *plan)
{
	size_t i, n = kik_plan_project_count(plan);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_project *p = kik_plan_project(plan, i);
		PyList_SET_ITEM(
		    list, (Py_ssize_t)i,
		    Py_BuildValue("(NNNNNNNN)", kik_py_str(kik_project_name(p)), kik_py_code_or_none(kik_project_field(p)),
				  kik_py_list(kik_project_organisation_count(p), p, kik_py_project_org, kik_py_as_text),
				  kik_py_text_or_none(kik_project_description(p)), kik_py_text_or_none(kik_project_start(p)),
				  kik_py_text_or_none(kik_project_end(p)),
				  kik_py_list(kik_project_measure_count(p), p, kik_py_project_measure, kik_py_measure_id),
				  kik_py_goal_ids(p)));
	}
	return list;
}

/** The timeline: (date, until or None, open, text, [field codes]) each, in date order. */
PyObject *kik_py_timeline(const kik_plan *plan)
{
	size_t i, n = kik_plan_timeline_count(plan);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_timeline_entry *e = kik_plan_timeline_entry(plan, i);
		PyList_SET_ITEM(list, (Py_ssize_t)i,
				Py_BuildValue("(sNNNN)", kik_timeline_entry_date(e),
					      kik_py_text_or_none(kik_timeline_entry_until(e)),
					      PyBool_FromLong(kik_timeline_entry_is_open(e)), kik_py_str(kik_timeline_entry_text(e)),
					      kik_py_list(kik_timeline_entry_field_count(e), e, kik_py_entry_field,
							  kik_py_field_code)));
	}
	return list;
}

/** The prioritisation rounds: (name, from, until or None, open, [field codes], [measure ids]) each. */
PyObject *kik_py_rounds(const kik_plan *plan)
{
	size_t i, n = kik_plan_round_count(plan);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_round *r = kik_plan_round(plan, i);
		PyList_SET_ITEM(list, (Py_ssize_t)i,
				Py_BuildValue("(NsNNNN)", kik_py_str(kik_round_name(r)), kik_round_from(r),
					      kik_py_text_or_none(kik_round_until(r)), PyBool_FromLong(kik_round_is_open(r)),
					      kik_py_list(kik_round_field_count(r), r, kik_py_round_field, kik_py_field_code),
					      kik_py_list(kik_round_measure_count(r), r, kik_py_round_measure, kik_py_measure_id)));
	}
	return list;
}

/** The figures: (name, unit key, date, value, decimals, source or None, share_of or None) each. */
PyObject *kik_py_figures(const kik_plan *plan)
{
	size_t i, n = kik_plan_figure_count(plan);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_figure *f = kik_plan_figure(plan, i);
		PyList_SET_ITEM(list, (Py_ssize_t)i,
				Py_BuildValue("(NssdINN)", kik_py_str(kik_figure_name(f)),
					      kik_figure_unit_key(kik_figure_unit_of(f)), kik_figure_date(f), kik_figure_value(f),
					      kik_figure_decimals(f), kik_py_text_or_none(kik_figure_source(f)),
					      kik_py_text_or_none(kik_figure_share_of(f))));
	}
	return list;
}

/** Adds a field note (see kik_plan_add_field_note); kind by its key or label. */
kik_plan_rc kik_py_add_field_note(kik_plan *plan, const char *field, const char *kind, const char *title,
				  const char *text)
{
	kik_field_note_kind k;
	int err = kik_field_note_kind_parse(kind, &k);
	return err < 0 ? err : kik_plan_add_field_note(plan, field, k, title, text, NULL);
}

/** Puts a project (see kik_plan_put_project); lists of str. */
PyObject *kik_py_put_project(kik_plan *plan, const char *name, const char *field, PyObject *organisations,
			     const char *description, const char *start, const char *end, PyObject *measures,
			     PyObject *goals)
{
	kik_project_desc d = KIK_PROJECT_DESC_INIT;
	int err;
	d.name = name;
	d.field = field;
	d.description = description;
	d.start = start;
	d.end = end;
	if (!(d.organisations = kik_py_strings(organisations, &d.organisation_count)))
		return NULL;
	if (!(d.measures = kik_py_strings(measures, &d.measure_count)) || !(d.goals = kik_py_strings(goals, &d.goal_count))) {
		free((void *)d.organisations);
		free((void *)d.measures);
		return NULL;
	}
	err = kik_plan_put_project(plan, &d, NULL);
	free((void *)d.organisations);
	free((void *)d.measures);
	free((void *)d.goals);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	Py_RETURN_NONE;
}

/** Adds a timeline entry (see kik_plan_add_timeline_entry). */
PyObject *kik_py_add_timeline_entry(kik_plan *plan, const char *date, const char *until, int open, const char *text,
				    PyObject *fields)
{
	kik_timeline_desc d = KIK_TIMELINE_DESC_INIT;
	int err;
	d.date = date;
	d.until = until;
	d.open = open;
	d.text = text;
	if (!(d.fields = kik_py_strings(fields, &d.field_count)))
		return NULL;
	err = kik_plan_add_timeline_entry(plan, &d, NULL);
	free((void *)d.fields);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	Py_RETURN_NONE;
}

/** Puts a prioritisation round (see kik_plan_put_round). */
PyObject *kik_py_put_round(kik_plan *plan, const char *name, const char *from, const char *until, int open,
			   PyObject *fields, PyObject *measures)
{
	kik_round_desc d = KIK_ROUND_DESC_INIT;
	int err;
	d.name = name;
	d.from = from;
	d.until = until;
	d.open = open;
	if (!(d.fields = kik_py_strings(fields, &d.field_count)))
		return NULL;
	if (!(d.measures = kik_py_strings(measures, &d.measure_count))) {
		free((void *)d.fields);
		return NULL;
	}
	err = kik_plan_put_round(plan, &d, NULL);
	free((void *)d.fields);
	free((void *)d.measures);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	Py_RETURN_NONE;
}

/** Puts a figure (see kik_plan_put_figure); the unit by its key or label. */
kik_plan_rc kik_py_put_figure(kik_plan *plan, const char *name, const char *unit, const char *date, double value,
			      unsigned decimals, const char *source, const char *share_of)
{
	kik_figure_desc d = KIK_FIGURE_DESC_INIT;
	int err = kik_figure_unit_parse(unit, &d.unit);
	if (err < 0)
		return err;
	d.name = name;
	d.date = date;
	d.value = value;
	d.decimals = decimals;
	d.source = source;
	d.share_of = share_of;
	return kik_plan_put_figure(plan, &d, NULL);
}

/** A figure's value as written in German or English notation: (value, decimals). */
PyObject *kik_py_figure_value(const char *text, const char *unit)
{
	kik_figure_unit u;
	double value;
	unsigned decimals;
	int err = kik_figure_unit_parse(unit, &u);
	if (err == 0)
		err = kik_figure_value_parse(text, u, &value, &decimals);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	return Py_BuildValue("(dI)", value, decimals);
}

/** Report sections from their keys (see kik_report_sections_parse). */
PyObject *kik_py_sections(const char *text)
{
	unsigned sections;
	int err = kik_report_sections_parse(text, &sections);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	return PyLong_FromUnsignedLong(sections);
}

/** The report as text (see kik_plan_report); `since` may be None. */
PyObject *kik_py_report(const kik_plan *plan, int format, int lang, unsigned sections, const kik_plan *since,
			unsigned flags)
{
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	kik_py_sink s = { NULL, 0, 0 };
	PyObject *text;
	int err;
	o.format = (kik_report_format)format;
	o.lang = (kik_lang)lang;
	o.sections = sections;
	o.since = since;
	o.flags = flags;
	KIK_PY_UNLOCKED(err = kik_plan_report(plan, kik_py_write, &s, &o));
	if (err < 0) {
		free(s.data);
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	text = PyUnicode_DecodeUTF8(s.data ? s.data : "", (Py_ssize_t)s.len, "strict");
	free(s.data);
	return text;
}

/** The report into a file, replaced only once complete (see kik_plan_report_file). */
kik_plan_rc kik_py_report_file(const kik_plan *plan, const char *path, int format, int lang, unsigned sections,
			       const kik_plan *since, unsigned flags)
{
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	int err;
	o.format = (kik_report_format)format;
	o.lang = (kik_lang)lang;
	o.sections = sections;
	o.since = since;
	o.flags = flags;
	KIK_PY_UNLOCKED(err = kik_plan_report_file(plan, path, &o));
	return err;
}
%}
