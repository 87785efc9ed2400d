/* Errors: every failure of a call is raised as the exception the Python layer builds
 * (kik/errors.py, the one place of the exception model) from the library's details. */

%{
/* Results of fallible calls: a typemap on each raises when it is negative. */
typedef int kik_plan_rc;
typedef int kik_rc;

/* Runs `statement` with the GIL released: for calls that read or write whole files or
 * plans. The Python layer holds the plan's lock around them. */
#define KIK_PY_UNLOCKED(statement)                                                                                     \
	do {                                                                                                           \
		Py_BEGIN_ALLOW_THREADS statement;                                                                      \
		Py_END_ALLOW_THREADS                                                                                   \
	} while (0)

/* kik.errors._from_c, registered when the package is imported. */
static PyObject *kik_py_error_factory;

/* Raises the exception for a failed call, with the details of `e` where there are some. */
static void kik_py_raise(int code, const kik_error *e)
{
	PyObject *exc, *path;
	if (!kik_py_error_factory) {
		PyErr_Format(PyExc_RuntimeError, "libkik failed (%s) before the kik package was loaded",
			     kik_error_code_name(code));
		return;
	}
	if (e && e->file) {
		path = PyUnicode_DecodeFSDefault(e->file);
	} else {
		path = Py_None;
		Py_INCREF(path);
	}
	if (!path)
		return;
	exc = PyObject_CallFunction(kik_py_error_factory, "isNkki", code, e ? e->message : kik_error_code_name(code),
				    path, e ? e->line : 0UL, e ? e->column : 0UL, e ? e->os_error : 0);
	if (!exc)
		return;
	PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	Py_DECREF(exc);
}
%}

%inline %{
/** Registers the callable that builds the exception of a failure: factory(code, message,
 * path, line, column, os_error) -> exception. */
void kik_py_set_error_factory(PyObject *factory)
{
	Py_XDECREF(kik_py_error_factory);
	Py_INCREF(factory);
	kik_py_error_factory = factory;
}
%}

/* Calls on a plan (both report their details through kik_error_last()). */
typedef int kik_plan_rc;
%typemap(out) kik_plan_rc {
	if ($1 < 0) {
		kik_py_raise($1, kik_error_last());
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}

/* Other calls. */
typedef int kik_rc;
%typemap(out) kik_rc {
	if ($1 < 0) {
		kik_py_raise($1, kik_error_last());
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}
