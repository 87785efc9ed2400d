/* Changes to a plan that take structs or give values back; each names its objects by
 * identity (a field by its code, a measure by its id, a task by its number) and raises
 * on failure. The single edits (kik_plan_set_task_state, ...) are wrapped as they are. */

%inline %{
/** Adds a new measure (`replace` 0, see kik_plan_add_measure) or adds or replaces one
 * (`replace` 1, see kik_plan_put_measure). `status` is a kik_status. */
kik_plan_rc kik_py_put_measure(kik_plan *plan, const char *field, const char *group, unsigned goal,
			       const char *goal_text, const char *number, const char *text, int status, int replace)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = field;
	d.group = group;
	d.goal = goal;
	d.goal_text = goal_text;
	d.number = number;
	d.text = text;
	d.status = (kik_status)status;
	return replace ? kik_plan_put_measure(plan, &d, NULL) : kik_plan_add_measure(plan, &d, NULL);
}

/** Sets the recorded status of measure `id` and returns the status that counts afterwards
 * (the one derived from its tasks, where it has some); see kik_plan_set_recorded_status. */
PyObject *kik_py_set_recorded_status(kik_plan *plan, const char *id, int status)
{
	kik_status counted = KIK_STATUS_INVALID;
	int err = kik_plan_set_recorded_status(plan, id, (kik_status)status, &counted);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	return PyLong_FromLong((long)counted);
}

/** Adds a task to measure `measure` and returns its id (see kik_plan_add_task); `id` 0
 * gives the next free one. */
PyObject *kik_py_add_task(kik_plan *plan, const char *measure, int kind, int state, const char *title,
			  const char *due, const char *owner, unsigned long id)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	const kik_task *task = NULL;
	int err;
	d.measure = measure;
	d.kind = (kik_task_kind)kind;
	d.state = (kik_task_state)state;
	d.title = title;
	d.due = due;
	d.owner = owner;
	d.id = id;
	if ((err = kik_plan_add_task(plan, &d, &task)) < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	return PyLong_FromUnsignedLong(kik_task_id(task));
}

/** Replaces the kind, state, title, due date and owner of task `id`, and its measure unless
 * `measure` is None (see kik_plan_update_task). */
kik_plan_rc kik_py_update_task(kik_plan *plan, unsigned long id, const char *measure, int kind, int state,
			       const char *title, const char *due, const char *owner)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.measure = measure;
	d.kind = (kik_task_kind)kind;
	d.state = (kik_task_state)state;
	d.title = title;
	d.due = due;
	d.owner = owner;
	return kik_plan_update_task(plan, id, &d);
}

/** Records the figures published for the field with code `field` (see kik_plan_set_published). */
kik_plan_rc kik_py_set_published(kik_plan *plan, const char *field, size_t waiting, size_t in_progress,
				 size_t implemented, size_t total)
{
	size_t counts[3] = { waiting, in_progress, implemented };
	return kik_plan_set_published(plan, field, counts, 3, total);
}

/** An independent copy of a plan (see kik_plan_copy), made with the GIL released. */
PyObject *kik_py_copy(const kik_plan *plan)
{
	kik_plan *copy = NULL;
	int err;
	KIK_PY_UNLOCKED(err = kik_plan_copy(plan, &copy));
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	return SWIG_NewPointerObj(copy, SWIGTYPE_p_kik_plan, SWIG_POINTER_OWN);
}
%}
