/* The functions of libkik as the Python layer calls them, read from the public headers
 * so that their documentation becomes the docstrings (swig -doxygen). Fallible calls
 * raise (errors.i); calls that take structs or callbacks get small helpers below. */

%feature("autodoc", "1");

#define KIK_EXTERN(type) type
#define KIK_BEGIN_DECL
#define KIK_END_DECL

/* transparent structs and the calls that use them: the helpers cover these */
%ignore kik_error;
%ignore kik_allocator;
%ignore kik_summary;
%ignore kik_measure_desc;
%ignore kik_task_desc;
%ignore kik_import_options;
%ignore kik_export_options;
%ignore kik_error_last;
%ignore kik_plan_new_with_allocator;
%ignore kik_plan_new_default_with_allocator;
%ignore kik_status_parse;
%ignore kik_task_kind_parse;
%ignore kik_task_state_parse;
%ignore kik_rule_parse;
%ignore kik_plan_put_measure;
%ignore kik_plan_import_file;
%ignore kik_plan_import_buffer;
%ignore kik_plan_validate_file;
%ignore kik_plan_validate_buffer;
%ignore kik_plan_export;
%ignore kik_plan_export_file;
%ignore kik_plan_add_task;
%ignore kik_plan_update_task;
%ignore kik_plan_set_published;
%ignore kik_field_published;
%ignore kik_summary_of_plan;
%ignore kik_summary_of_field;
%ignore kik_summary_of_group;
%ignore kik_summary_of_goal;
%ignore kik_summary_free;
%ignore kik_summary_goals;
%ignore kik_summary_measures;
%ignore kik_summary_count;
%ignore kik_summary_share;
%ignore kik_summary_percent;
%ignore kik_plan_set_recorded_status;
%ignore kik_plan_diff;
%ignore kik_plan_copy;
%ignore kik_percentages;
%ignore kik_explanation_count;
%ignore kik_explanation_reason;
%ignore kik_findings_count;
%ignore kik_findings_get;
%ignore kik_diagnostics_free;
%ignore kik_diagnostics_count;
%ignore kik_diagnostics_get;
%ignore kik_diagnostics_truncated;
%ignore kik_write_fn;

/* fallible calls: the plan-first ones report details through the plan */
%apply kik_plan_rc { int kik_plan_set_name, int kik_plan_set_as_of, int kik_plan_add_field,
		     int kik_plan_add_field_alias, int kik_plan_set_rule, int kik_plan_remove_task,
		     int kik_plan_set_task_state, int kik_plan_set_task_due, int kik_plan_set_task_owner,
		     int kik_plan_set_task_title, int kik_plan_remove_measure, int kik_plan_set_field_name,
		     int kik_plan_remove_field, int kik_plan_set_goal_text, int kik_plan_remove_goal,
		     int kik_plan_remove_group, int kik_plan_clear_published };
%apply kik_rc { int kik_plan_new, int kik_plan_new_default, int kik_plan_explain, int kik_plan_check };

%include "kik/common.h"
%include "kik/plan.h"
%include "kik/io.h"
%include "kik/summary.h"
%include "kik/task.h"
%include "kik/rules.h"
%include "kik/check.h"

%inline %{
/** Adds or updates a measure (see kik_plan_put_measure). */
kik_plan_rc kik_py_put_measure(kik_plan *plan, const char *field, const char *group, unsigned goal,
			       const char *goal_text, const char *number, const char *text, int status)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = field;
	d.group = group;
	d.goal = goal;
	d.goal_text = goal_text;
	d.number = number;
	d.text = text;
	d.status = (kik_status)status;
	return kik_plan_put_measure(plan, &d, NULL);
}

/** Imports a file (see kik_plan_import_file); encoding: 0 auto, 1 UTF-8, 2 Windows-1252. */
kik_plan_rc kik_py_import_file(kik_plan *plan, int kind, const char *path, int encoding)
{
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	o.encoding = (kik_encoding)encoding;
	return kik_plan_import_file(plan, (kik_import_kind)kind, path, &o);
}

/** Imports bytes in memory (see kik_plan_import_buffer). */
kik_plan_rc kik_py_import_buffer(kik_plan *plan, int kind, const char *data, size_t size, const char *name)
{
	return kik_plan_import_buffer(plan, (kik_import_kind)kind, data, size, name, NULL);
}

/** Exports into a file, atomically (see kik_plan_export_file). */
kik_plan_rc kik_py_export_file(kik_plan *plan, int kind, const char *path, char delimiter, int encoding, int bom,
			       int crlf, int defuse)
{
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	o.delimiter = delimiter;
	o.encoding = (kik_encoding)encoding;
	o.bom = bom;
	o.crlf = crlf;
	o.defuse_formulas = defuse;
	return kik_plan_export_file(plan, (kik_import_kind)kind, path, &o);
}

/** Adds a task (see kik_plan_add_task). */
kik_plan_rc kik_py_add_task(kik_plan *plan, const char *measure, int kind, int state, const char *title,
			    const char *due, const char *owner, const kik_task **out)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.measure = measure;
	d.kind = (kik_task_kind)kind;
	d.state = (kik_task_state)state;
	d.title = title;
	d.due = due;
	d.owner = owner;
	return kik_plan_add_task(plan, &d, out);
}

/** Replaces a task's values (see kik_plan_update_task). */
kik_plan_rc kik_py_update_task(kik_plan *plan, unsigned long id, int kind, int state, const char *title,
			       const char *due, const char *owner)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.kind = (kik_task_kind)kind;
	d.state = (kik_task_state)state;
	d.title = title;
	d.due = due;
	d.owner = owner;
	return kik_plan_update_task(plan, id, &d);
}

/** Records published figures for a field (see kik_plan_set_published). */
kik_plan_rc kik_py_set_published(kik_plan *plan, const char *field, size_t waiting, size_t in_progress,
				 size_t implemented, size_t total)
{
	size_t counts[3] = { waiting, in_progress, implemented };
	return kik_plan_set_published(plan, field, counts, 3, total);
}

/** Sets a measure's recorded status; returns the status that counts afterwards (see
 * kik_plan_set_recorded_status). */
int kik_py_set_recorded_status(kik_plan *plan, const char *id, int status)
{
	kik_status counted = KIK_STATUS_INVALID;
	int err = kik_plan_set_recorded_status(plan, id, (kik_status)status, &counted);
	if (err < 0) {
		kik_py_raise(err, kik_error_last());
		return -1;
	}
	return (int)counted;
}

/** Adds a task with a given id (0: the next one). */
kik_plan_rc kik_py_add_task_with_id(kik_plan *plan, const char *measure, int kind, int state, const char *title,
				    const char *due, const char *owner, unsigned long id, const kik_task **out)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.measure = measure;
	d.kind = (kik_task_kind)kind;
	d.state = (kik_task_state)state;
	d.title = title;
	d.due = due;
	d.owner = owner;
	d.id = id;
	return kik_plan_add_task(plan, &d, out);
}
%}

