/* The store (kik/store.h, issue 20): plans that persist in an SQLite file, with snapshots,
 * a change log, histories, trends and differences. The store is an owned handle; every
 * call runs with the GIL released (each reads or writes the database), and the Python
 * layer (kik/store.py) holds the store's lock around it, so that close() never frees a
 * store in use. Lists come back as Python values, freed before returning.
 *
 * A library built without the store (-DKIK_STORE=OFF) has these functions too: the module
 * imports the same, kik_py_store_available() says 0 and every other call raises. */

%{
#if !KIK_HAS_STORE
typedef struct kik_store kik_store;
static void kik_store_free(kik_store *store)
{
	(void)store;
}
#endif
%}

OWNED(kik_store, kik_store_free)

%{
#if KIK_HAS_STORE
/* The change log's entry for an edit: who and why (NULL: not named). */
#define KIK_PY_EDIT_INFO(info, author, note)                                                                           \
	kik_edit_info info = KIK_EDIT_INFO_INIT;                                                                       \
	info.author = (author);                                                                                        \
	info.note = (note)

/* None, or the exception of `err`. */
static PyObject *kik_py_store_done(int err)
{
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	Py_RETURN_NONE;
}

/* The entries of a history or of the change log as a list of (source, time, label,
 * author, action, object, measure, what, old, new, note, value); frees `h`. */
static PyObject *kik_py_history_values(kik_history *h)
{
	size_t i, n = kik_history_count(h);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_history_entry *e = kik_history_get(h, i);
		if (kik_py_set_item(list, i,
				    Py_BuildValue("iNNNNNNNNNNN", (int)kik_history_entry_source(e),
						  kik_py_str(kik_history_entry_time(e)),
						  kik_py_str(kik_history_entry_label(e)),
						  kik_py_str(kik_history_entry_author(e)),
						  kik_py_str(kik_history_entry_action(e)),
						  kik_py_str(kik_history_entry_object(e)),
						  kik_py_str(kik_history_entry_measure(e)),
						  kik_py_str(kik_history_entry_what(e)),
						  kik_py_str_or_none(kik_history_entry_old(e)),
						  kik_py_str_or_none(kik_history_entry_new(e)),
						  kik_py_str(kik_history_entry_note(e)),
						  kik_py_str_or_none(kik_history_entry_value(e)))) < 0)
			Py_CLEAR(list);
	}
	kik_history_free(h);
	return list;
}
#else
/* The error of every store call in a library built without the store. */
static PyObject *kik_py_no_store(void)
{
	kik_error e = { KIK_EINVAL, "this libkik was built without the store (KIK_STORE=OFF)", NULL, 0, 0, 0 };
	kik_py_raise(e.code, &e);
	return NULL;
}
#endif
%}

%inline %{
/** 1 if the library was built with the store (kik/store.h), else 0. */
int kik_py_store_available(void)
{
	return KIK_HAS_STORE;
}
%}

%{
PyObject *kik_py_store_open(const char *path, unsigned flags, long busy_timeout_ms)
{
#if KIK_HAS_STORE
	kik_store_options o = KIK_STORE_OPTIONS_INIT;
	kik_store *store = NULL;
	int err;
	o.flags = flags;
	if (busy_timeout_ms >= 0)
		o.busy_timeout_ms = (unsigned)busy_timeout_ms;
	KIK_PY_UNLOCKED(err = kik_store_open(&store, path, &o));
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	return SWIG_NewPointerObj(store, SWIGTYPE_p_kik_store, SWIG_POINTER_OWN);
#else
	(void)path, (void)flags, (void)busy_timeout_ms;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_plans(kik_store *store)
{
#if KIK_HAS_STORE
	kik_string_list *names = NULL;
	PyObject *list;
	size_t i, n;
	int err;
	KIK_PY_UNLOCKED(err = kik_store_list_plans(store, &names));
	if (err < 0)
		return kik_py_store_done(err);
	n = kik_string_list_count(names);
	list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++)
		if (kik_py_set_item(list, i, kik_py_str(kik_string_list_get(names, i))) < 0)
			Py_CLEAR(list);
	kik_string_list_free(names);
	return list;
#else
	(void)store;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_plan(kik_store *store, const char *plan, int remove)
{
#if KIK_HAS_STORE
	int err;
	KIK_PY_UNLOCKED(err = remove ? kik_store_remove_plan(store, plan) : kik_store_add_plan(store, plan));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)remove;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_save(kik_store *store, const char *plan, const kik_plan *p, int snapshot, const char *as_of,
			    const char *label, const char *author, const char *note)
{
#if KIK_HAS_STORE
	kik_snapshot_desc d = KIK_SNAPSHOT_DESC_INIT;
	KIK_PY_EDIT_INFO(info, author, note);
	int err;
	d.as_of = as_of;
	d.label = label;
	if (snapshot)
		KIK_PY_UNLOCKED(err = kik_store_save_snapshot(store, plan, p, &d, &info));
	else
		KIK_PY_UNLOCKED(err = kik_store_save(store, plan, p, &info));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)p, (void)snapshot, (void)as_of, (void)label, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_snapshot(kik_store *store, const char *plan, const char *as_of, const char *label,
				const char *author, const char *note)
{
#if KIK_HAS_STORE
	kik_snapshot_desc d = KIK_SNAPSHOT_DESC_INIT;
	KIK_PY_EDIT_INFO(info, author, note);
	int err;
	d.as_of = as_of;
	d.label = label;
	KIK_PY_UNLOCKED(err = kik_store_snapshot(store, plan, &d, &info));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)as_of, (void)label, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_remove_snapshot(kik_store *store, const char *plan, const char *snapshot, const char *author,
				       const char *note)
{
#if KIK_HAS_STORE
	KIK_PY_EDIT_INFO(info, author, note);
	int err;
	KIK_PY_UNLOCKED(err = kik_store_remove_snapshot(store, plan, snapshot, &info));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)snapshot, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_load(kik_store *store, const char *plan, const char *snapshot)
{
#if KIK_HAS_STORE
	kik_plan *p = NULL;
	int err;
	KIK_PY_UNLOCKED(err = kik_store_load(store, plan, snapshot, &p));
	if (err < 0)
		return kik_py_store_done(err);
	return SWIG_NewPointerObj(p, SWIGTYPE_p_kik_plan, SWIG_POINTER_OWN);
#else
	(void)store, (void)plan, (void)snapshot;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_import_file(kik_store *store, const char *plan, int kind, const char *path, int encoding,
				   unsigned flags, const char *author, const char *note)
{
#if KIK_HAS_STORE
	kik_import_options o;
	KIK_PY_EDIT_INFO(info, author, note);
	int err;
	kik_py_import_options(&o, encoding, flags);
	KIK_PY_UNLOCKED(err = kik_store_import_file(store, plan, (kik_import_kind)kind, path, &o, &info));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)kind, (void)path, (void)encoding, (void)flags, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_snapshots(kik_store *store, const char *plan)
{
#if KIK_HAS_STORE
	kik_snapshot_list *snaps = NULL;
	PyObject *list;
	size_t i, n;
	int err;
	KIK_PY_UNLOCKED(err = kik_store_list_snapshots(store, plan, &snaps));
	if (err < 0)
		return kik_py_store_done(err);
	n = kik_snapshot_list_count(snaps);
	list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_snapshot *s = kik_snapshot_list_get(snaps, i);
		if (kik_py_set_item(list, i,
				    Py_BuildValue("NNNN", kik_py_str(kik_snapshot_as_of(s)), kik_py_str(kik_snapshot_label(s)),
						  kik_py_str(kik_snapshot_taken(s)), kik_py_str(kik_snapshot_author(s)))) < 0)
			Py_CLEAR(list);
	}
	kik_snapshot_list_free(snaps);
	return list;
#else
	(void)store, (void)plan;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_history(kik_store *store, const char *plan, const char *object)
{
#if KIK_HAS_STORE
	kik_history *h = NULL;
	int err;
	if (object)
		KIK_PY_UNLOCKED(err = kik_store_history(store, plan, object, &h));
	else
		KIK_PY_UNLOCKED(err = kik_store_log(store, plan, &h));
	if (err < 0)
		return kik_py_store_done(err);
	return kik_py_history_values(h);
#else
	(void)store, (void)plan, (void)object;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_trend(kik_store *store, const char *plan)
{
#if KIK_HAS_STORE
	kik_trend *t = NULL;
	PyObject *list;
	size_t i, n;
	int err;
	KIK_PY_UNLOCKED(err = kik_store_trend(store, plan, &t));
	if (err < 0)
		return kik_py_store_done(err);
	n = kik_trend_count(t);
	list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_trend_row *r = kik_trend_get(t, i);
		if (kik_py_set_item(
			list, i,
			Py_BuildValue("NNiNInnnnIII", kik_py_str(kik_trend_row_as_of(r)), kik_py_str(kik_trend_row_label(r)),
				      (int)kik_trend_row_scope(r), kik_py_str(kik_trend_row_field(r)), kik_trend_row_goal(r),
				      (Py_ssize_t)kik_trend_row_measures(r),
				      (Py_ssize_t)kik_trend_row_count(r, KIK_STATUS_WAITING),
				      (Py_ssize_t)kik_trend_row_count(r, KIK_STATUS_IN_PROGRESS),
				      (Py_ssize_t)kik_trend_row_count(r, KIK_STATUS_IMPLEMENTED),
				      kik_trend_row_percent(r, KIK_STATUS_WAITING),
				      kik_trend_row_percent(r, KIK_STATUS_IN_PROGRESS),
				      kik_trend_row_percent(r, KIK_STATUS_IMPLEMENTED))) < 0)
			Py_CLEAR(list);
	}
	kik_trend_free(t);
	return list;
#else
	(void)store, (void)plan;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_diff(kik_store *store, const char *plan, const char *from, const char *to)
{
#if KIK_HAS_STORE
	kik_diff *d = NULL;
	PyObject *result;
	int err;
	KIK_PY_UNLOCKED(err = kik_store_diff(store, plan, from, to, &d));
	if (err < 0)
		return kik_py_store_done(err);
	result = kik_py_diff_values(d);
	kik_diff_free(d);
	return result;
#else
	(void)store, (void)plan, (void)from, (void)to;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_set_task_state(kik_store *store, const char *plan, unsigned long id, int state,
				      const char *author, const char *note)
{
#if KIK_HAS_STORE
	KIK_PY_EDIT_INFO(info, author, note);
	int err;
	KIK_PY_UNLOCKED(err = kik_store_set_task_state(store, plan, id, (kik_task_state)state, &info));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)id, (void)state, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_put_task(kik_store *store, const char *plan, unsigned long id, const char *measure, int kind,
				int state, const char *title, const char *due, const char *owner, const char *author,
				const char *note)
{
#if KIK_HAS_STORE
	kik_task_desc d = KIK_TASK_DESC_INIT;
	KIK_PY_EDIT_INFO(info, author, note);
	unsigned long added = 0;
	int err;
	d.measure = measure;
	d.kind = (kik_task_kind)kind;
	d.state = (kik_task_state)state;
	d.title = title;
	d.due = due;
	d.owner = owner;
	if (id)
		KIK_PY_UNLOCKED(err = kik_store_update_task(store, plan, id, &d, &info));
	else
		KIK_PY_UNLOCKED(err = kik_store_add_task(store, plan, &d, &info, &added));
	if (err < 0)
		return kik_py_store_done(err);
	return PyLong_FromUnsignedLong(id ? id : added);
#else
	(void)store, (void)plan, (void)id, (void)measure, (void)kind, (void)state, (void)title, (void)due,
		(void)owner, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_remove_task(kik_store *store, const char *plan, unsigned long id, const char *author,
				   const char *note)
{
#if KIK_HAS_STORE
	KIK_PY_EDIT_INFO(info, author, note);
	int err;
	KIK_PY_UNLOCKED(err = kik_store_remove_task(store, plan, id, &info));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)id, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_put_measure(kik_store *store, const char *plan, const char *field, const char *group,
				   unsigned goal, const char *goal_text, const char *number, const char *text, int status,
				   int replace, const char *author, const char *note)
{
#if KIK_HAS_STORE
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	KIK_PY_EDIT_INFO(info, author, note);
	int err;
	d.field = field;
	d.group = group;
	d.goal = goal;
	d.goal_text = goal_text;
	d.number = number;
	d.text = text;
	d.status = (kik_status)status;
	if (replace)
		KIK_PY_UNLOCKED(err = kik_store_put_measure(store, plan, &d, &info));
	else
		KIK_PY_UNLOCKED(err = kik_store_add_measure(store, plan, &d, &info));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)field, (void)group, (void)goal, (void)goal_text, (void)number, (void)text,
		(void)status, (void)replace, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_remove_measure(kik_store *store, const char *plan, const char *id, const char *author,
				      const char *note)
{
#if KIK_HAS_STORE
	KIK_PY_EDIT_INFO(info, author, note);
	int err;
	KIK_PY_UNLOCKED(err = kik_store_remove_measure(store, plan, id, &info));
	return kik_py_store_done(err);
#else
	(void)store, (void)plan, (void)id, (void)author, (void)note;
	return kik_py_no_store();
#endif
}

PyObject *kik_py_store_set_recorded_status(kik_store *store, const char *plan, const char *id, int status,
					   const char *author, const char *note)
{
#if KIK_HAS_STORE
	KIK_PY_EDIT_INFO(info, author, note);
	kik_status counted = KIK_STATUS_INVALID;
	int err;
	KIK_PY_UNLOCKED(err = kik_store_set_recorded_status(store, plan, id, (kik_status)status, &counted, &info));
	if (err < 0)
		return kik_py_store_done(err);
	return PyLong_FromLong((long)counted);
#else
	(void)store, (void)plan, (void)id, (void)status, (void)author, (void)note;
	return kik_py_no_store();
#endif
}
%}

/* What SWIG wraps (the definitions above hold the #if the SWIG preprocessor cannot see). */

/** Opens a store (see kik_store_open): flags are KIK_STORE_* bits; busy_timeout_ms < 0 keeps the default. */
PyObject *kik_py_store_open(const char *path, unsigned flags, long busy_timeout_ms);
/** The names of the store's plans (see kik_store_list_plans). */
PyObject *kik_py_store_plans(kik_store *store);
/** Adds an empty plan (`remove` 0, see kik_store_add_plan) or removes one (see kik_store_remove_plan). */
PyObject *kik_py_store_plan(kik_store *store, const char *plan, int remove);
/** Saves a plan as the working state (`snapshot` 0, see kik_store_save) or as a snapshot (see kik_store_save_snapshot). */
PyObject *kik_py_store_save(kik_store *store, const char *plan, const kik_plan *p, int snapshot, const char *as_of,
			    const char *label, const char *author, const char *note);
/** Takes a snapshot of the working state (see kik_store_snapshot). */
PyObject *kik_py_store_snapshot(kik_store *store, const char *plan, const char *as_of, const char *label,
				const char *author, const char *note);
/** Removes a snapshot (see kik_store_remove_snapshot). */
PyObject *kik_py_store_remove_snapshot(kik_store *store, const char *plan, const char *snapshot, const char *author,
				       const char *note);
/** Loads the working state (`snapshot` None) or a snapshot as a new plan (see kik_store_load). */
PyObject *kik_py_store_load(kik_store *store, const char *plan, const char *snapshot);
/** Imports a file into the working state (see kik_store_import_file). */
PyObject *kik_py_store_import_file(kik_store *store, const char *plan, int kind, const char *path, int encoding,
				   unsigned flags, const char *author, const char *note);
/** The snapshots (see kik_store_list_snapshots): a list of (as_of, label, taken, author). */
PyObject *kik_py_store_snapshots(kik_store *store, const char *plan);
/** The history of a measure or task (see kik_store_history), or with `object` None the change log
 * (see kik_store_log): a list of (source, time, label, author, action, object, measure, what, old, new,
 * note, value). */
PyObject *kik_py_store_history(kik_store *store, const char *plan, const char *object);
/** The trend (see kik_store_trend): a list of (as_of, label, scope, field, goal, measures, waiting,
 * in_progress, implemented, waiting %, in_progress %, implemented %). */
PyObject *kik_py_store_trend(kik_store *store, const char *plan);
/** The differences between two states (see kik_store_diff), as kik_py_diff gives them. */
PyObject *kik_py_store_diff(kik_store *store, const char *plan, const char *from, const char *to);
/** Sets a task's state (see kik_store_set_task_state). */
PyObject *kik_py_store_set_task_state(kik_store *store, const char *plan, unsigned long id, int state,
				      const char *author, const char *note);
/** Adds a task (`id` 0, see kik_store_add_task) or replaces the values of task `id` (see
 * kik_store_update_task); returns the task's id. */
PyObject *kik_py_store_put_task(kik_store *store, const char *plan, unsigned long id, const char *measure, int kind,
				int state, const char *title, const char *due, const char *owner, const char *author,
				const char *note);
/** Removes a task (see kik_store_remove_task). */
PyObject *kik_py_store_remove_task(kik_store *store, const char *plan, unsigned long id, const char *author,
				   const char *note);
/** Adds a measure (`replace` 0, see kik_store_add_measure) or adds or replaces one (see kik_store_put_measure). */
PyObject *kik_py_store_put_measure(kik_store *store, const char *plan, const char *field, const char *group,
				   unsigned goal, const char *goal_text, const char *number, const char *text, int status,
				   int replace, const char *author, const char *note);
/** Removes a measure with its tasks (see kik_store_remove_measure). */
PyObject *kik_py_store_remove_measure(kik_store *store, const char *plan, const char *id, const char *author,
				      const char *note);
/** Sets a measure's recorded status and returns the status that counts (see kik_store_set_recorded_status). */
PyObject *kik_py_store_set_recorded_status(kik_store *store, const char *plan, const char *id, int status,
					   const char *author, const char *note);

/* the flags of kik_py_store_open (kik/store.h) */
%constant unsigned KIK_PY_STORE_READ_ONLY = 1;
%constant unsigned KIK_PY_STORE_MUST_EXIST = 2;
