/* The C layer of the Python bindings: libkik's API as SWIG functions, with
 * - every failure raised as a typed exception (one out typemap on the result types),
 * - out-parameters returned (in,numinputs=0 + argout), owned results with destructors,
 * - borrowed handles (fields, measures, ...) as plain pointers that never free.
 * The pure-Python package kik (kik/__init__.py) builds the Pythonic classes on this. */
%module(package="kik", docstring="Low-level bindings of libkik; use the kik package instead.") core

%{
#define SWIG_FILE_WITH_INIT
#include <kik/kik.h>
%}

%include "errors.i"
%include "handles.i"
%include "values.i"

%include "api.i"
%include "content.i" /* the report's content and the whole report (issue 22) */
