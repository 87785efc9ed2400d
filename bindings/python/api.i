/* The getters and single edits of libkik as the Python layer calls them, read from the
 * public headers so that their documentation becomes the docstrings (swig -doxygen).
 * Calls that take structs or callbacks, or create values, are covered by the helpers of
 * the other .i files and ignored here. */

%feature("autodoc", "1");

#define KIK_EXTERN(type) type
#define KIK_BEGIN_DECL
#define KIK_END_DECL

/* transparent structs */
%ignore kik_error;
%ignore kik_allocator;
%ignore kik_measure_desc;
%ignore kik_task_desc;
%ignore kik_import_options;
%ignore kik_export_options;
%ignore kik_report_options;
/* error details: errors.i */
%ignore kik_error_last;
%ignore kik_error_clear;
/* allocators: a Python plan uses the C library's */
%ignore kik_plan_new_with_allocator;
%ignore kik_plan_new_default_with_allocator;
/* copying: edit.i, with the GIL released */
%ignore kik_plan_copy;
/* parsing: values.i */
%ignore kik_status_parse;
%ignore kik_task_kind_parse;
%ignore kik_task_state_parse;
%ignore kik_rule_parse;
/* changes that take structs or give values: edit.i */
%ignore kik_plan_add_measure;
%ignore kik_plan_put_measure;
%ignore kik_plan_set_recorded_status;
%ignore kik_plan_add_task;
%ignore kik_plan_update_task;
%ignore kik_plan_set_published;
/* files: io.i */
%ignore kik_plan_import_file;
%ignore kik_plan_import_buffer;
%ignore kik_plan_validate_file;
%ignore kik_plan_validate_buffer;
%ignore kik_plan_export;
%ignore kik_plan_export_file;
%ignore kik_plan_report;
%ignore kik_plan_report_file;
%ignore kik_diagnostics_free;
%ignore kik_diagnostics_count;
%ignore kik_diagnostics_get;
%ignore kik_diagnostics_truncated;
%ignore kik_write_fn;
/* values: values.i */
%ignore kik_field_has_published;
%ignore kik_field_published_count;
%ignore kik_field_published_total;
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
%ignore kik_percentages;
%ignore kik_plan_explain;
%ignore kik_explanation_free;
%ignore kik_explanation_status;
%ignore kik_explanation_count;
%ignore kik_explanation_reason;
%ignore kik_reason_code_of;
%ignore kik_reason_kind;
%ignore kik_reason_task;
%ignore kik_reason_message;
%ignore kik_plan_check;
%ignore kik_findings_free;
%ignore kik_findings_count;
%ignore kik_findings_get;
%ignore kik_finding_kind_of;
%ignore kik_finding_field;
%ignore kik_finding_measure;
%ignore kik_finding_status;
%ignore kik_finding_recorded_status;
%ignore kik_finding_published;
%ignore kik_finding_computed;
%ignore kik_finding_message;
/* differences: diff.i (the keys of kinds and values stay) */
%ignore kik_plan_diff;
%rename("$ignore", regextarget=1) "^kik_diff_";
%rename("$ignore", regextarget=1) "^kik_change_(object|kind_of|what|id|field|measure|task_id|text|old|new|old_status|new_status)$";

/* fallible calls */
%apply kik_plan_rc { int kik_plan_set_name, int kik_plan_set_as_of, int kik_plan_add_field,
		     int kik_plan_add_field_alias, int kik_plan_set_field_name, int kik_plan_remove_field,
		     int kik_plan_remove_group, int kik_plan_set_goal_text, int kik_plan_remove_goal,
		     int kik_plan_remove_measure, int kik_plan_set_rule, int kik_plan_set_task_state,
		     int kik_plan_set_task_due, int kik_plan_set_task_owner, int kik_plan_set_task_title,
		     int kik_plan_remove_task, int kik_plan_clear_published };
%apply kik_rc { int kik_plan_new, int kik_plan_new_default };

%include "kik/common.h"
%include "kik/plan.h"
%include "kik/io.h"
%include "kik/summary.h"
%include "kik/task.h"
%include "kik/rules.h"
%include "kik/check.h"
%include "kik/diff.h"
%include "kik/report.h"
