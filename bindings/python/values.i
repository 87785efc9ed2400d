/* Plain values built in C: names parsed, summaries, published figures, explanations and
 * findings as tuples (the library's result objects are freed before returning). */

%{
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

/* A string or None. */
static PyObject *kik_py_str_or_none(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return kik_py_str(s);
}

/* (goals, measures, counts, percents, shares), each of the last three per status, from a
 * summary made with result `err`, which is freed; NULL with the error raised. */
static PyObject *kik_py_summary_value(int err, kik_summary *s)
{
	PyObject *value;
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	value = Py_BuildValue("nn(nnn)(III)(ddd)", (Py_ssize_t)kik_summary_goals(s), (Py_ssize_t)kik_summary_measures(s),
			      (Py_ssize_t)kik_summary_count(s, KIK_STATUS_WAITING),
			      (Py_ssize_t)kik_summary_count(s, KIK_STATUS_IN_PROGRESS),
			      (Py_ssize_t)kik_summary_count(s, KIK_STATUS_IMPLEMENTED),
			      kik_summary_percent(s, KIK_STATUS_WAITING), kik_summary_percent(s, KIK_STATUS_IN_PROGRESS),
			      kik_summary_percent(s, KIK_STATUS_IMPLEMENTED), kik_summary_share(s, KIK_STATUS_WAITING),
			      kik_summary_share(s, KIK_STATUS_IN_PROGRESS), kik_summary_share(s, KIK_STATUS_IMPLEMENTED));
	kik_summary_free(s);
	return value;
}

/* Puts `item` (a new reference, or NULL after a failure) at `i`; 0, or -1 after a failure. */
static int kik_py_set_item(PyObject *list, size_t i, PyObject *item)
{
	if (!item)
		return -1;
	PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	return 0;
}

/* A count, or None when `have` is 0. */
static PyObject *kik_py_count_or_none(int have, size_t count)
{
	if (!have)
		Py_RETURN_NONE;
	return PyLong_FromSize_t(count);
}
%}

%inline %{
/** The code of a name: `which` 0 status, 1 task kind, 2 task state, 3 rule; the text is a
 * key or a German or English label. -1 when it names none. */
int kik_py_parse(int which, const char *text)
{
	int err, value = -1;
	switch (which) {
	case 0: {
		kik_status v;
		if ((err = kik_status_parse(text, &v)) == 0)
			value = (int)v;
		break;
	}
	case 1: {
		kik_task_kind v;
		if ((err = kik_task_kind_parse(text, &v)) == 0)
			value = (int)v;
		break;
	}
	case 2: {
		kik_task_state v;
		if ((err = kik_task_state_parse(text, &v)) == 0)
			value = (int)v;
		break;
	}
	case 3: {
		kik_rule v;
		if ((err = kik_rule_parse(text, &v)) == 0)
			value = (int)v;
		break;
	}
	}
	return value;
}

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

/** Whole percentages of three counts that add up to 100 (see kik_percentages). */
PyObject *kik_py_percentages(size_t waiting, size_t in_progress, size_t implemented)
{
	size_t counts[3] = { waiting, in_progress, implemented };
	unsigned percent[3];
	int err = kik_percentages(counts, 3, percent);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	return Py_BuildValue("(III)", percent[0], percent[1], percent[2]);
}

/** The published figures of a field: (waiting, in_progress, implemented, total), or None. */
PyObject *kik_py_published(const kik_field *field)
{
	if (!kik_field_has_published(field))
		Py_RETURN_NONE;
	return Py_BuildValue("nnnn", (Py_ssize_t)kik_field_published_count(field, KIK_STATUS_WAITING),
			     (Py_ssize_t)kik_field_published_count(field, KIK_STATUS_IN_PROGRESS),
			     (Py_ssize_t)kik_field_published_count(field, KIK_STATUS_IMPLEMENTED),
			     (Py_ssize_t)kik_field_published_total(field));
}

/** Why a measure has its status: (status, [(code, kind or -1, task id or None, German,
 * English), ...]). */
PyObject *kik_py_explain(const kik_plan *plan, const kik_measure *measure)
{
	kik_explanation *e = NULL;
	PyObject *list, *result = NULL;
	size_t i, n;
	int err = kik_plan_explain(plan, measure, &e);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	n = kik_explanation_count(e);
	list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_reason *r = kik_explanation_reason(e, i);
		const kik_task *task = kik_reason_task(r);
		PyObject *task_id = task ? PyLong_FromUnsignedLong(kik_task_id(task)) : (Py_INCREF(Py_None), Py_None);
		if (kik_py_set_item(list, i,
				    Py_BuildValue("iiNNN", (int)kik_reason_code_of(r), (int)kik_reason_kind(r), task_id,
						  kik_py_str(kik_reason_message(r, KIK_LANG_DE)),
						  kik_py_str(kik_reason_message(r, KIK_LANG_EN)))) < 0)
			Py_CLEAR(list);
	}
	if (list)
		result = Py_BuildValue("iN", (int)kik_explanation_status(e), list);
	kik_explanation_free(e);
	return result;
}

/** The findings of kik_plan_check (`which`: KIK_CHECK_* bits, 0 for all): a list of (kind,
 * field code, measure id or None, status or -1, recorded status or -1, published or None,
 * computed or None, German, English). */
PyObject *kik_py_check(const kik_plan *plan, unsigned which)
{
	kik_findings *fs = NULL;
	PyObject *list;
	size_t i, n;
	int err;
	KIK_PY_UNLOCKED(err = kik_plan_check(plan, which, &fs));
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	n = kik_findings_count(fs);
	list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_finding *f = kik_findings_get(fs, i);
		const kik_measure *m = kik_finding_measure(f);
		int counts = kik_finding_kind_of(f) != KIK_FINDING_STATUS_DISAGREES;
		PyObject *measure = m ? kik_py_str(kik_measure_id(m)) : (Py_INCREF(Py_None), Py_None);
		if (kik_py_set_item(list, i,
				    Py_BuildValue("iNNiiNNNN", (int)kik_finding_kind_of(f),
						  kik_py_str(kik_field_code(kik_finding_field(f))), measure,
						  (int)kik_finding_status(f), (int)kik_finding_recorded_status(f),
						  kik_py_count_or_none(counts, kik_finding_published(f)),
						  kik_py_count_or_none(counts, kik_finding_computed(f)),
						  kik_py_str(kik_finding_message(f, KIK_LANG_DE)),
						  kik_py_str(kik_finding_message(f, KIK_LANG_EN)))) < 0)
			Py_CLEAR(list);
	}
	kik_findings_free(fs);
	return list;
}
%}
