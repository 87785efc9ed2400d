/* The C layer of the Python bindings: libkik's API as SWIG functions, with
 * - every failure raised as the exception kik/errors.py builds (errors.i),
 * - the plan as an owned handle, its objects as borrowed ones (handles.i),
 * - the getters of the public headers as they are (api.i), and small helpers, one file
 *   per topic, where a call takes structs or callbacks or Python wants whole values:
 *   changes naming objects by identity (edit.i), values (values.i), files (io.i), the
 *   report's content and the report (content.i), data frames' columns (frames.i),
 *   differences (diff.i), the store (store.i), notebook HTML (display.i).
 * The pure-Python package kik builds the Pythonic classes on this; only kik/_lib.py
 * and the model and frame modules call it. */
%module(package="kik", docstring="Low-level bindings of libkik; use the kik package instead.") core

%{
#define SWIG_FILE_WITH_INIT
#include <kik/kik.h>
#include <string.h>
%}

%include "errors.i"
%include "handles.i"
%include "api.i"
%include "edit.i"
%include "values.i"
%include "io.i"
%include "content.i" /* the report's content and the whole report (issue 22) */
%include "frames.i"
%include "diff.i"
%include "store.i" /* the store (issue 20) */
%include "display.i"
