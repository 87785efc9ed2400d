/* Errors: the exception classes and the typemaps that raise them. */

%{
/* Results of fallible calls: a typemap on each raises when it is negative. */
typedef int kik_plan_rc;
typedef int kik_rc;

static PyObject *kik_py_Error, *kik_py_ParseError, *kik_py_NotFoundError, *kik_py_MemoryError, *kik_py_IOError,
	*kik_py_LimitError, *kik_py_ExistsError;

/* Raises the exception for a failed call, with the details of `e` where there are some. */
static void kik_py_raise(int code, const kik_error *e)
{
	PyObject *cls, *exc;
	const char *message = e ? e->message : kik_error_code_name(code);
	switch (code) {
	case KIK_EPARSE: cls = kik_py_ParseError; break;
	case KIK_ENOTFOUND: cls = kik_py_NotFoundError; break;
	case KIK_ENOMEM: cls = kik_py_MemoryError; break;
	case KIK_EIO: cls = kik_py_IOError; break;
	case KIK_ELIMIT: cls = kik_py_LimitError; break;
	case KIK_EEXISTS: cls = kik_py_ExistsError; break;
	case KIK_EINVAL: cls = kik_py_Error; break;
	default: cls = kik_py_Error;
	}
	exc = PyObject_CallFunction(cls, "s", message);
	if (!exc)
		return;
	PyObject_SetAttrString(exc, "code", PyLong_FromLong(code));
	if (e && e->file) {
		PyObject *path = PyUnicode_DecodeFSDefault(e->file);
		PyObject_SetAttrString(exc, "path", path ? path : Py_None);
		Py_XDECREF(path);
	} else {
		PyObject_SetAttrString(exc, "path", Py_None);
	}
	PyObject_SetAttrString(exc, "line", PyLong_FromUnsignedLong(e ? e->line : 0));
	PyObject_SetAttrString(exc, "column", PyLong_FromUnsignedLong(e ? e->column : 0));
	PyErr_SetObject(cls, exc);
	Py_DECREF(exc);
}

static PyObject *kik_py_new_exception(PyObject *module, const char *name, PyObject *bases, const char *doc)
{
	char qualified[64];
	PyObject *cls;
	snprintf(qualified, sizeof(qualified), "kik.%s", name);
	cls = PyErr_NewExceptionWithDoc(qualified, doc, bases, NULL);
	if (cls)
		PyModule_AddObject(module, name, cls), Py_INCREF(cls);
	return cls;
}
%}

%init %{
	kik_py_Error = kik_py_new_exception(m, "Error", NULL, "Base class of every libkik error.");
	kik_py_ParseError = kik_py_new_exception(m, "ParseError",
		Py_BuildValue("(OO)", kik_py_Error, PyExc_ValueError),
		"Invalid input data; `path`, `line` and `column` say where.");
	kik_py_NotFoundError = kik_py_new_exception(m, "NotFoundError",
		Py_BuildValue("(OO)", kik_py_Error, PyExc_KeyError), "A looked-up object does not exist.");
	kik_py_MemoryError = kik_py_new_exception(m, "OutOfMemoryError",
		Py_BuildValue("(OO)", kik_py_Error, PyExc_MemoryError), "An allocation failed; nothing was changed.");
	kik_py_IOError = kik_py_new_exception(m, "IOError",
		Py_BuildValue("(OO)", kik_py_Error, PyExc_OSError), "A file could not be read or written.");
	kik_py_LimitError = kik_py_new_exception(m, "LimitError",
		Py_BuildValue("(OO)", kik_py_Error, PyExc_ValueError), "The input exceeds a configured limit.");
	kik_py_ExistsError = kik_py_new_exception(m, "ExistsError",
		Py_BuildValue("(OO)", kik_py_Error, PyExc_ValueError), "An object with this identity exists already.");
%}

/* Calls that take the plan first report their details through it. */
typedef int kik_plan_rc;
%typemap(out) kik_plan_rc {
	if ($1 < 0) {
		kik_py_raise($1, kik_error_last());
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}

/* Calls without a plan to ask for details. */
typedef int kik_rc;
%typemap(out) kik_rc {
	if ($1 < 0) {
		kik_py_raise($1, kik_error_last());
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}
