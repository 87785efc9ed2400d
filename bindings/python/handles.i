/* Handles: the plan has a destructor; fields, groups, goals, measures and tasks are
 * borrowed from their plan and never freed from Python. Everything else a call creates
 * (summaries, explanations, findings, diffs, diagnostics) is turned into Python values
 * by the helpers and freed before they return. */

%define OWNED(TYPE, FREE)
%nodefaultctor TYPE;
struct TYPE {};
%extend TYPE {
	~TYPE() { FREE($self); }
}
%typemap(in, numinputs=0) TYPE **out (TYPE *tmp = NULL) "$1 = &tmp;"
%typemap(argout) TYPE **out {
	$result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj(*$1, $descriptor(TYPE *), SWIG_POINTER_OWN));
}
%enddef

%define BORROWED(TYPE)
%nodefaultctor TYPE;
%nodefaultdtor TYPE;
struct TYPE {};
%typemap(in, numinputs=0) const TYPE **out (const TYPE *tmp = NULL) "$1 = &tmp;"
%typemap(argout) const TYPE **out {
	$result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)*$1, $descriptor(TYPE *), 0));
}
%enddef

OWNED(kik_plan, kik_plan_free)
BORROWED(kik_field)
BORROWED(kik_group)
BORROWED(kik_goal)
BORROWED(kik_measure)
BORROWED(kik_task)
