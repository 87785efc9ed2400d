/* Plain values built in C for speed and simplicity: summaries, reasons, findings,
 * diagnostics, published figures, export bytes, and the plan as columns. */

/* bytes (or anything with a buffer) in, as pointer and length */
%typemap(in) (const char *data, size_t size) (Py_buffer view = { 0 }) {
	if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0)
		SWIG_fail;
	$1 = (const char *)view.buf;
	$2 = (size_t)view.len;
}
%typemap(freearg) (const char *data, size_t size) {
	if (view$argnum.obj)
		PyBuffer_Release(&view$argnum);
}

%{
static PyObject *kik_py_summary_value(const kik_summary *s)
{
	return Py_BuildValue("nn(nnn)(III)(ddd)", (Py_ssize_t)s->goals, (Py_ssize_t)s->measures,
			     (Py_ssize_t)s->count[0], (Py_ssize_t)s->count[1], (Py_ssize_t)s->count[2], s->percent[0],
			     s->percent[1], s->percent[2], s->share[0], s->share[1], s->share[2]);
}

static PyObject *kik_py_str(const char *s)
{
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

typedef struct kik_py_sink {
	char *data;
	size_t len, cap;
} kik_py_sink;

static int kik_py_write(void *ctx, const char *data, size_t size)
{
	kik_py_sink *s = ctx;
	if (s->len + size > s->cap) {
		size_t cap = (s->cap ? s->cap * 2 : 65536) + size;
		char *bigger = realloc(s->data, cap);
		if (!bigger)
			return -1;
		s->data = bigger;
		s->cap = cap;
	}
	memcpy(s->data + s->len, data, size);
	s->len += size;
	return 0;
}
%}

%inline %{
/** Counts of the whole plan: (goals, measures, counts, percents, shares), each per status. */
PyObject *kik_py_summary_plan(const kik_plan *plan)
{
	kik_summary s;
	kik_summary_plan(plan, &s);
	return kik_py_summary_value(&s);
}
/** Counts of one field, as kik_py_summary_plan. */
PyObject *kik_py_summary_field(const kik_field *field)
{
	kik_summary s;
	kik_summary_field(field, &s);
	return kik_py_summary_value(&s);
}
/** Counts of one group, as kik_py_summary_plan. */
PyObject *kik_py_summary_group(const kik_group *group)
{
	kik_summary s;
	kik_summary_group(group, &s);
	return kik_py_summary_value(&s);
}
/** Counts of one goal, as kik_py_summary_plan. */
PyObject *kik_py_summary_goal(const kik_goal *goal)
{
	kik_summary s;
	kik_summary_goal(goal, &s);
	return kik_py_summary_value(&s);
}

/** The published figures of a field: (waiting, in_progress, implemented, total), or None. */
PyObject *kik_py_published(const kik_field *field)
{
	size_t c[3], total;
	if (!kik_field_published(field, c, &total))
		Py_RETURN_NONE;
	return Py_BuildValue("nnnn", (Py_ssize_t)c[0], (Py_ssize_t)c[1], (Py_ssize_t)c[2], (Py_ssize_t)total);
}

/** The reasons of an explanation: a list of (code, kind, task id or None, German, English). */
PyObject *kik_py_reasons(const kik_explanation *e)
{
	size_t i, n = kik_explanation_count(e);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_reason *r = kik_explanation_reason(e, i);
		PyObject *task = r->task ? PyLong_FromUnsignedLong(kik_task_id(r->task)) : (Py_INCREF(Py_None), Py_None);
		PyObject *item = Py_BuildValue("iiNNN", (int)r->code, (int)r->kind, task, kik_py_str(r->message_de),
					       kik_py_str(r->message_en));
		if (!item) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	return list;
}

/** Findings: a list of (kind, field code, measure id or None, status, expected, actual, German, English). */
PyObject *kik_py_findings(const kik_findings *fs)
{
	size_t i, n = kik_findings_count(fs);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_finding *f = kik_findings_get(fs, i);
		PyObject *measure = f->measure ? kik_py_str(kik_measure_id(f->measure)) : (Py_INCREF(Py_None), Py_None);
		PyObject *item = Py_BuildValue("iNNinnNN", (int)f->kind, kik_py_str(kik_field_code(f->field)), measure,
					       (int)f->status, (Py_ssize_t)f->expected, (Py_ssize_t)f->actual,
					       kik_py_str(f->message_de), kik_py_str(f->message_en));
		if (!item) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	return list;
}

/** Validates a file: a list of (code, message, path, line, column); empty when clean. */
PyObject *kik_py_validate(kik_plan *plan, int kind, const char *path, size_t max_problems)
{
	kik_diagnostics *d = NULL;
	PyObject *list;
	size_t i, n;
	int err = kik_plan_validate_file(plan, (kik_import_kind)kind, path, NULL, max_problems, &d);
	if (!d) {
		kik_py_raise(err, kik_plan_last_error(plan));
		return NULL;
	}
	n = kik_diagnostics_count(d);
	list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_error *e = kik_diagnostics_get(d, i);
		PyObject *item = Py_BuildValue("iNzkk", e->code, kik_py_str(e->message), e->file, e->line, e->column);
		if (!item) {
			Py_CLEAR(list);
			break;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	kik_diagnostics_free(d);
	return list;
}

/** Exports one part of the plan and returns the bytes. */
PyObject *kik_py_export(kik_plan *plan, int kind, char delimiter, int encoding, int bom, int crlf, int defuse)
{
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	kik_py_sink sink = { NULL, 0, 0 };
	PyObject *bytes;
	int err;
	o.delimiter = delimiter;
	o.encoding = (kik_encoding)encoding;
	o.bom = bom;
	o.crlf = crlf;
	o.defuse_formulas = defuse;
	err = kik_plan_export(plan, (kik_import_kind)kind, kik_py_write, &sink, &o);
	if (err < 0) {
		free(sink.data);
		kik_py_raise(err, kik_plan_last_error(plan));
		return NULL;
	}
	bytes = PyBytes_FromStringAndSize(sink.data ? sink.data : "", (Py_ssize_t)sink.len);
	free(sink.data);
	return bytes;
}

/** The measures as columns, for data frames: a tuple of lists (id, field, field name, group,
 * goal, goal text, number, text, status, recorded status, tasks). */
PyObject *kik_py_columns(const kik_plan *plan)
{
	size_t i, n = kik_plan_measure_count(plan), k;
	PyObject *cols[11], *result;
	for (k = 0; k < 11; k++)
		cols[k] = PyList_New((Py_ssize_t)n);
	for (k = 0; k < 11; k++)
		if (!cols[k])
			goto fail;
	for (i = 0; i < n; i++) {
		const kik_measure *m = kik_plan_measure(plan, i);
		const kik_goal *g = kik_measure_goal(m);
		const kik_field *f = kik_measure_field(m);
		const kik_group *gr = kik_goal_group(g);
		PyObject *v[11];
		v[0] = kik_py_str(kik_measure_id(m));
		v[1] = kik_py_str(kik_field_code(f));
		v[2] = kik_py_str(kik_field_name(f));
		v[3] = gr ? kik_py_str(kik_group_name(gr)) : (Py_INCREF(Py_None), Py_None);
		v[4] = PyLong_FromUnsignedLong(kik_goal_number(g));
		v[5] = kik_py_str(kik_goal_text(g));
		v[6] = kik_py_str(kik_measure_number(m));
		v[7] = kik_py_str(kik_measure_text(m));
		v[8] = kik_py_str(kik_status_key(kik_measure_status(m)));
		v[9] = kik_py_str(kik_status_key(kik_measure_recorded_status(m)));
		v[10] = PyLong_FromSize_t(kik_measure_task_count(m));
		for (k = 0; k < 11; k++) {
			if (!v[k]) {
				while (++k < 11)
					Py_XDECREF(v[k]);
				goto fail;
			}
			PyList_SET_ITEM(cols[k], (Py_ssize_t)i, v[k]);
		}
	}
	result = PyTuple_New(11);
	if (!result)
		goto fail;
	for (k = 0; k < 11; k++)
		PyTuple_SET_ITEM(result, (Py_ssize_t)k, cols[k]);
	return result;
fail:
	for (k = 0; k < 11; k++)
		Py_XDECREF(cols[k]);
	return NULL;
}
%}
