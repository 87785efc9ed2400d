/* Files: imports, validation and exports, from and to files or bytes (the report is in
 * content.i). The GIL is released while the library reads or writes (the Python layer
 * holds the plan's lock). */

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
/* Output collected in memory, for exports and reports returned as bytes. */
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

/* The sink's bytes (freeing them), or the exception of `err`. */
static PyObject *kik_py_sink_bytes(kik_py_sink *sink, int err)
{
	PyObject *bytes = NULL;
	if (err < 0)
		kik_py_raise(err, kik_error_last());
	else
		bytes = PyBytes_FromStringAndSize(sink->data ? sink->data : "", (Py_ssize_t)sink->len);
	free(sink->data);
	return bytes;
}

/* Import options from the Python layer's values (the library checks them). */
static void kik_py_import_options(kik_import_options *o, int encoding, unsigned flags)
{
	kik_import_options defaults = KIK_IMPORT_OPTIONS_INIT;
	*o = defaults;
	o->encoding = (kik_encoding)encoding;
	o->flags = flags;
}

/* Export options from the Python layer's values (the library checks them). */
static void kik_py_export_options(kik_export_options *o, char delimiter, int encoding, int bom, int crlf, int defuse,
				  int status, int labels)
{
	kik_export_options defaults = KIK_EXPORT_OPTIONS_INIT;
	*o = defaults;
	o->delimiter = delimiter;
	o->encoding = (kik_encoding)encoding;
	o->bom = bom;
	o->crlf = crlf;
	o->defuse_formulas = defuse;
	o->status = (kik_export_status)status;
	o->labels = (kik_export_labels)labels;
}

/* Validation's problems as a list of (code, message, path, line, column). */
static PyObject *kik_py_diagnostics(kik_diagnostics *d)
{
	size_t i, n = kik_diagnostics_count(d);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (i = 0; list && i < n; i++) {
		const kik_error *e = kik_diagnostics_get(d, i);
		PyObject *path = e->file ? PyUnicode_DecodeFSDefault(e->file) : (Py_INCREF(Py_None), Py_None);
		PyObject *item = path ? Py_BuildValue("iNNkk", e->code, kik_py_str(e->message), path, e->line, e->column)
				      : NULL;
		if (!item) {
			Py_CLEAR(list);
			break;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	return list;
}
%}

%inline %{
/** Imports a file (see kik_plan_import_file); encoding: a kik_encoding; flags: KIK_IMPORT_* flags. */
PyObject *kik_py_import_file(kik_plan *plan, int kind, const char *path, int encoding, unsigned flags)
{
	kik_import_options o;
	int err;
	kik_py_import_options(&o, encoding, flags);
	KIK_PY_UNLOCKED(err = kik_plan_import_file(plan, (kik_import_kind)kind, path, &o));
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	Py_RETURN_NONE;
}

/** Imports bytes in memory (see kik_plan_import_buffer); `name` stands for the file in errors. */
PyObject *kik_py_import_buffer(kik_plan *plan, int kind, const char *data, size_t size, const char *name, int encoding,
			       unsigned flags)
{
	kik_import_options o;
	int err;
	kik_py_import_options(&o, encoding, flags);
	KIK_PY_UNLOCKED(err = kik_plan_import_buffer(plan, (kik_import_kind)kind, data, size, name, &o));
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	Py_RETURN_NONE;
}

/** Validates a file or bytes (`path` NULL: `data`, named `name`): a list of (code, message,
 * path, line, column), empty when clean. */
PyObject *kik_py_validate(const kik_plan *plan, int kind, const char *path, const char *data, size_t size,
			  const char *name, int encoding, size_t max_problems)
{
	kik_diagnostics *d = NULL;
	kik_import_options o;
	PyObject *list;
	int err;
	kik_py_import_options(&o, encoding, 0);
	if (path)
		KIK_PY_UNLOCKED(err = kik_plan_validate_file(plan, (kik_import_kind)kind, path, &o, max_problems, &d));
	else
		KIK_PY_UNLOCKED(err = kik_plan_validate_buffer(plan, (kik_import_kind)kind, data, size, name, &o,
							       max_problems, &d));
	if (!d) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	list = kik_py_diagnostics(d);
	kik_diagnostics_free(d);
	return list;
}

/** Exports one part of the plan and returns the bytes (see kik_plan_export). */
PyObject *kik_py_export(const kik_plan *plan, int kind, char delimiter, int encoding, int bom, int crlf, int defuse,
			int status, int labels)
{
	kik_export_options o;
	kik_py_sink sink = { NULL, 0, 0 };
	int err;
	kik_py_export_options(&o, delimiter, encoding, bom, crlf, defuse, status, labels);
	KIK_PY_UNLOCKED(err = kik_plan_export(plan, (kik_import_kind)kind, kik_py_write, &sink, &o));
	return kik_py_sink_bytes(&sink, err);
}

/** Exports one part of the plan into a file, atomically (see kik_plan_export_file). */
PyObject *kik_py_export_file(const kik_plan *plan, int kind, const char *path, char delimiter, int encoding, int bom,
			     int crlf, int defuse, int status, int labels)
{
	kik_export_options o;
	int err;
	kik_py_export_options(&o, delimiter, encoding, bom, crlf, defuse, status, labels);
	KIK_PY_UNLOCKED(err = kik_plan_export_file(plan, (kik_import_kind)kind, path, &o));
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return NULL;
	}
	Py_RETURN_NONE;
}
%}
