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
/* A summary as a tuple, freed; NULL with the error raised when making it failed. */
static PyObject *kik_py_summary_value(int err, kik_summary *s)
{
	PyObject *value;
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	value = Py_BuildValue("nn(nnn)(III)(ddd)", (Py_ssize_t)kik_summary_goals(s), (Py_ssize_t)kik_summary_measures(s),
			      (Py_ssize_t)kik_summary_count(s, 0), (Py_ssize_t)kik_summary_count(s, 1),
			      (Py_ssize_t)kik_summary_count(s, 2), kik_summary_percent(s, 0), kik_summary_percent(s, 1),
			      kik_summary_percent(s, 2), kik_summary_share(s, 0), kik_summary_share(s, 1),
			      kik_summary_share(s, 2));
	kik_summary_free(s);
	return value;
}

static PyObject *kik_py_str(const char *s)
{
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* kik_py_str for short ASCII texts such as ids and numbers: a copy without decoding, which
 * matters at a million rows. Others are decoded. */
static PyObject *kik_py_ascii(const char *s)
{
	size_t len = 0;
	PyObject *str;
	while (s[len] && (unsigned char)s[len] < 0x80)
		len++;
	if (s[len])
		return kik_py_str(s);
	if ((str = PyUnicode_New((Py_ssize_t)len, 127)))
		memcpy(PyUnicode_1BYTE_DATA(str), s, len);
	return str;
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
	kik_summary *s = NULL;
	int err = kik_summary_of_plan(plan, &s);
	return kik_py_summary_value(err, s);
}
/** Counts of one field, as kik_py_summary_plan. */
PyObject *kik_py_summary_field(const kik_field *field)
{
	kik_summary *s = NULL;
	int err = kik_summary_of_field(field, &s);
	return kik_py_summary_value(err, s);
}
/** Counts of one group, as kik_py_summary_plan. */
PyObject *kik_py_summary_group(const kik_group *group)
{
	kik_summary *s = NULL;
	int err = kik_summary_of_group(group, &s);
	return kik_py_summary_value(err, s);
}
/** Counts of one goal, as kik_py_summary_plan. */
PyObject *kik_py_summary_goal(const kik_goal *goal)
{
	kik_summary *s = NULL;
	int err = kik_summary_of_goal(goal, &s);
	return kik_py_summary_value(err, s);
}

/** The published figures of a field: (waiting, in_progress, implemented, total), or None. */
PyObject *kik_py_published(const kik_field *field)
{
	if (!kik_field_has_published(field))
		Py_RETURN_NONE;
	return Py_BuildValue("nnnn", (Py_ssize_t)kik_field_published_count(field, 0),
			     (Py_ssize_t)kik_field_published_count(field, 1), (Py_ssize_t)kik_field_published_count(field, 2),
			     (Py_ssize_t)kik_field_published_total(field));
}

/** The reasons of an explanation: a list of (code, kind, task id or None, German, English). */
PyObject *kik_py_reasons(const kik_explanation *e)
{
	size_t i, n = kik_explanation_count(e);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_reason *r = kik_explanation_reason(e, i);
		const kik_task *t = kik_reason_task(r);
		PyObject *task = t ? PyLong_FromUnsignedLong(kik_task_id(t)) : (Py_INCREF(Py_None), Py_None);
		PyObject *item = Py_BuildValue("iiNNN", (int)kik_reason_code_of(r), (int)kik_reason_kind(r), task,
					       kik_py_str(kik_reason_message(r, KIK_LANG_DE)),
					       kik_py_str(kik_reason_message(r, KIK_LANG_EN)));
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
		const kik_measure *m = kik_finding_measure(f);
		int disagrees = kik_finding_kind_of(f) == KIK_FINDING_STATUS_DISAGREES;
		PyObject *measure = m ? kik_py_str(kik_measure_id(m)) : (Py_INCREF(Py_None), Py_None);
		PyObject *item = Py_BuildValue(
		    "iNNinnNN", (int)kik_finding_kind_of(f), kik_py_str(kik_field_code(kik_finding_field(f))), measure,
		    (int)kik_finding_status(f),
		    (Py_ssize_t)(disagrees ? (size_t)kik_finding_recorded_status(f) : kik_finding_published(f)),
		    (Py_ssize_t)(disagrees ? (size_t)kik_finding_status(f) : kik_finding_computed(f)),
		    kik_py_str(kik_finding_message(f, KIK_LANG_DE)), kik_py_str(kik_finding_message(f, KIK_LANG_EN)));
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
		kik_py_raise(err, kik_error_last());
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
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	bytes = PyBytes_FromStringAndSize(sink.data ? sink.data : "", (Py_ssize_t)sink.len);
	free(sink.data);
	return bytes;
}

/* Groups of a field by address, to find a goal's group index without a scan per goal. */
typedef struct kik_py_group_slot {
	const kik_group *group;
	int32_t index;
} kik_py_group_slot;

static int kik_py_compare_groups(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const kik_py_group_slot *)a)->group, y = (uintptr_t)((const kik_py_group_slot *)b)->group;
	return x < y ? -1 : x > y;
}

/** The measures as columns, for data frames: a dict with lists of strings (id, number,
 * text), raw little arrays as bytes (goal uint32, tasks uint32, status and recorded_status
 * int8 codes), and (codes as int32 bytes, categories) pairs for field, group, goal_text. */
PyObject *kik_py_columns(const kik_plan *plan)
{
	size_t i, n = kik_plan_measure_count(plan), f, g, goals = 0, groups = 0, k;
	PyObject *result = NULL, *ids = NULL, *numbers = NULL, *texts = NULL, *field_cats = NULL,
		 *group_cats = NULL, *goal_cats = NULL;
	int32_t *field_codes = NULL, *group_codes = NULL, *goal_codes = NULL;
	uint32_t *goal_numbers = NULL, *task_counts = NULL;
	int8_t *status = NULL, *recorded = NULL;
	kik_py_group_slot *slots = NULL;
	size_t row = 0;

	ids = PyList_New((Py_ssize_t)n);
	numbers = PyList_New((Py_ssize_t)n);
	texts = PyList_New((Py_ssize_t)n);
	field_cats = PyList_New(0);
	group_cats = PyList_New(0);
	goal_cats = PyList_New(0);
	field_codes = malloc(n * sizeof(int32_t) + 1);
	group_codes = malloc(n * sizeof(int32_t) + 1);
	goal_codes = malloc(n * sizeof(int32_t) + 1);
	goal_numbers = malloc(n * sizeof(uint32_t) + 1);
	task_counts = malloc(n * sizeof(uint32_t) + 1);
	status = malloc(n + 1);
	recorded = malloc(n + 1);
	if (!ids || !numbers || !texts || !field_cats || !group_cats || !goal_cats || !field_codes || !group_codes ||
	    !goal_codes || !goal_numbers || !task_counts || !status || !recorded) {
		PyErr_NoMemory();
		goto done;
	}
	/* walk fields, goals and measures in document order: the plan's own order */
	for (f = 0; f < kik_plan_field_count(plan); f++) {
		const kik_field *field = kik_plan_field(plan, f);
		size_t group_base = groups, group_count = kik_field_group_count(field);
		free(slots);
		slots = malloc(group_count * sizeof(*slots) + 1);
		if (!slots) {
			PyErr_NoMemory();
			goto done;
		}
		for (k = 0; k < group_count; k++) {
			slots[k].group = kik_field_group(field, k);
			slots[k].index = (int32_t)(group_base + k);
		}
		qsort(slots, group_count, sizeof(*slots), kik_py_compare_groups);
		PyObject *code = kik_py_str(kik_field_code(field));
		if (!code || PyList_Append(field_cats, code) < 0) {
			Py_XDECREF(code);
			goto done;
		}
		Py_DECREF(code);
		for (k = 0; k < kik_field_group_count(field); k++, groups++) {
			PyObject *name = kik_py_str(kik_group_name(kik_field_group(field, k)));
			if (!name || PyList_Append(group_cats, name) < 0) {
				Py_XDECREF(name);
				goto done;
			}
			Py_DECREF(name);
		}
		for (g = 0; g < kik_field_goal_count(field); g++, goals++) {
			const kik_goal *goal = kik_field_goal(field, g);
			const kik_group *group = kik_goal_group(goal);
			int32_t group_code = -1;
			PyObject *goal_text = kik_py_str(kik_goal_text(goal));
			if (!goal_text || PyList_Append(goal_cats, goal_text) < 0) {
				Py_XDECREF(goal_text);
				goto done;
			}
			Py_DECREF(goal_text);
			if (group) {
				kik_py_group_slot key = { group, 0 }, *hit;
				hit = bsearch(&key, slots, group_count, sizeof(*slots), kik_py_compare_groups);
				group_code = hit ? hit->index : -1;
			}
			for (i = 0; i < kik_goal_measure_count(goal); i++, row++) {
				const kik_measure *m = kik_goal_measure(goal, i);
				PyObject *id = kik_py_ascii(kik_measure_id(m)), *number = kik_py_ascii(kik_measure_number(m)),
					 *text = kik_py_str(kik_measure_text(m));
				if (!id || !number || !text) {
					Py_XDECREF(id);
					Py_XDECREF(number);
					Py_XDECREF(text);
					goto done;
				}
				PyList_SET_ITEM(ids, (Py_ssize_t)row, id);
				PyList_SET_ITEM(numbers, (Py_ssize_t)row, number);
				PyList_SET_ITEM(texts, (Py_ssize_t)row, text);
				field_codes[row] = (int32_t)f;
				group_codes[row] = group_code;
				goal_codes[row] = (int32_t)goals;
				goal_numbers[row] = kik_goal_number(goal);
				task_counts[row] = (uint32_t)kik_measure_task_count(m);
				status[row] = (int8_t)kik_measure_status(m);
				recorded[row] = (int8_t)kik_measure_recorded_status(m);
			}
		}
	}
	result = Py_BuildValue(
		"{s:O,s:O,s:O,s:(y#O),s:(y#O),s:(y#O),s:y#,s:y#,s:y#,s:y#}", "id", ids, "number", numbers, "text",
		texts, "field", (const char *)field_codes, (Py_ssize_t)(n * 4), field_cats, "group",
		(const char *)group_codes, (Py_ssize_t)(n * 4), group_cats, "goal_text", (const char *)goal_codes,
		(Py_ssize_t)(n * 4), goal_cats, "goal", (const char *)goal_numbers, (Py_ssize_t)(n * 4), "tasks",
		(const char *)task_counts, (Py_ssize_t)(n * 4), "status", (const char *)status, (Py_ssize_t)n,
		"recorded_status", (const char *)recorded, (Py_ssize_t)n);
done:
	free(slots);
	Py_XDECREF(ids);
	Py_XDECREF(numbers);
	Py_XDECREF(texts);
	Py_XDECREF(field_cats);
	Py_XDECREF(group_cats);
	Py_XDECREF(goal_cats);
	free(field_codes);
	free(group_codes);
	free(goal_codes);
	free(goal_numbers);
	free(task_counts);
	free(status);
	free(recorded);
	return result;
}
%}
