/* The differences between two plans as Python values (the diff is freed before returning). */

%{
/* {value key: (old, new)} for each KIK_VALUE_* bit of `what`, as text (None where none). */
static PyObject *kik_py_change_values(const kik_change *c, unsigned what)
{
	PyObject *values = PyDict_New();
	unsigned bit;
	for (bit = 1; values && bit && bit <= what; bit <<= 1) {
		PyObject *pair;
		if (!(what & bit) || !kik_change_value_key(bit))
			continue;
		pair = Py_BuildValue("(NN)", kik_py_str_or_none(kik_change_old(c, bit)),
				     kik_py_str_or_none(kik_change_new(c, bit)));
		if (!pair || PyDict_SetItemString(values, kik_change_value_key(bit), pair) < 0)
			Py_CLEAR(values);
		Py_XDECREF(pair);
	}
	return values;
}

/* The keys of the KIK_VALUE_* bits of `what`, as a tuple. */
static PyObject *kik_py_change_what(unsigned what)
{
	PyObject *keys = PyList_New(0), *tuple;
	unsigned bit;
	for (bit = 1; keys && bit && bit <= what; bit <<= 1)
		if ((what & bit) && kik_change_value_key(bit) &&
		    kik_py_append(keys, kik_py_str(kik_change_value_key(bit))) < 0)
			Py_CLEAR(keys);
	tuple = keys ? PyList_AsTuple(keys) : NULL;
	Py_XDECREF(keys);
	return tuple;
}

/* (changes, fields) of a diff, as kik_py_diff returns them (the diff stays the caller's). */
static PyObject *kik_py_diff_values(const kik_diff *d)
{
	PyObject *changes = NULL, *fields = NULL, *result = NULL;
	size_t i, n;

	n = kik_diff_count(d);
	changes = PyList_New((Py_ssize_t)n);
	for (i = 0; changes && i < n; i++) {
		const kik_change *c = kik_diff_get(d, i);
		unsigned what = kik_change_what(c);
		unsigned long task = kik_change_task_id(c);
		PyObject *task_id = task ? PyLong_FromUnsignedLong(task) : (Py_INCREF(Py_None), Py_None);
		if (kik_py_set_item(changes, i,
				    Py_BuildValue("iiNNNNNNNii", (int)kik_change_object(c), (int)kik_change_kind_of(c),
						  kik_py_change_what(what), kik_py_str(kik_change_id(c)),
						  kik_py_str_or_none(kik_change_field(c)),
						  kik_py_str_or_none(kik_change_measure(c)), task_id,
						  kik_py_str_or_none(kik_change_text(c)), kik_py_change_values(c, what),
						  (int)kik_change_old_status(c), (int)kik_change_new_status(c))) < 0)
			Py_CLEAR(changes);
	}
	n = kik_diff_field_count(d);
	fields = changes ? PyList_New((Py_ssize_t)n) : NULL;
	for (i = 0; fields && i < n; i++) {
		if (kik_py_set_item(
			fields, i,
			Py_BuildValue("NNnn(nnn)(nnn)", kik_py_str(kik_diff_field_code(d, i)),
				      kik_py_str(kik_diff_field_name(d, i)), (Py_ssize_t)kik_diff_field_old_measures(d, i),
				      (Py_ssize_t)kik_diff_field_new_measures(d, i),
				      (Py_ssize_t)kik_diff_field_old_count(d, i, KIK_STATUS_WAITING),
				      (Py_ssize_t)kik_diff_field_old_count(d, i, KIK_STATUS_IN_PROGRESS),
				      (Py_ssize_t)kik_diff_field_old_count(d, i, KIK_STATUS_IMPLEMENTED),
				      (Py_ssize_t)kik_diff_field_new_count(d, i, KIK_STATUS_WAITING),
				      (Py_ssize_t)kik_diff_field_new_count(d, i, KIK_STATUS_IN_PROGRESS),
				      (Py_ssize_t)kik_diff_field_new_count(d, i, KIK_STATUS_IMPLEMENTED))) < 0)
			Py_CLEAR(fields);
	}
	if (changes && fields)
		result = Py_BuildValue("OO", changes, fields);
	Py_XDECREF(changes);
	Py_XDECREF(fields);
	return result;
}
%}

%inline %{
/** Compares two plans (see kik_plan_diff): (changes, fields). A change is (object kind,
 * change kind, keys of the values that differ, id, field code, measure id or None, task
 * id or None, text, {value key: (old, new)}, old status or -1, new status or -1), with
 * the kinds as kik_object_kind / kik_change_kind numbers. A field is (code, name, old
 * measures, new measures, (old counts), (new counts)). */
PyObject *kik_py_diff(const kik_plan *old_plan, const kik_plan *new_plan)
{
	kik_diff *d = NULL;
	PyObject *result;
	int err;
	KIK_PY_UNLOCKED(err = kik_plan_diff(old_plan, new_plan, &d));
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	result = kik_py_diff_values(d);
	kik_diff_free(d);
	return result;
}
%}
