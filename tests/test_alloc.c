/* Allocation failure: every public entry point, with the n-th allocation failing for every
 * n, returns KIK_ENOMEM cleanly, leaks nothing and leaves the plan unchanged. */
#include "budget.h"
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char measures_csv[] = "field;goal;goal_text;measure;text;status\n"
				   "SB;4;Neu;4.6;Geändert;implemented\n"
				   "Wohnen und Quartier;1;Ziel;1.1;Neu im Plan;waiting\n";
static const char tasks_csv[] = "measure;kind;title;state;due;owner\n"
				"SB-4.6;ag;Fachtag;open;2024-01-31;AG\n"
				"SB-4.6;concept;Konzept;done;;\n"
				"AA-1.1;work_package;Paket;in_progress;;\n";
static const char published_csv[] = "field;waiting;in_progress;implemented;total\nSB;1;2;3;6\n";
static const char fields_csv[] = "code;name;aliases\nWQ;Wohnen und Quartier;Wohnen|Quartier\n";

/* One entry point; returns its result. `ctx` holds what an operation needs. */
typedef int (*operation)(kik_plan *plan);

static int import_measures(kik_plan *p)
{
	return kik_plan_import_buffer(p, KIK_IMPORT_MEASURES, measures_csv, strlen(measures_csv), "m.csv", NULL);
}
static int import_tasks(kik_plan *p)
{
	return kik_plan_import_buffer(p, KIK_IMPORT_TASKS, tasks_csv, strlen(tasks_csv), "t.csv", NULL);
}
static int import_published(kik_plan *p)
{
	return kik_plan_import_buffer(p, KIK_IMPORT_PUBLISHED, published_csv, strlen(published_csv), "p.csv", NULL);
}
static int import_fields(kik_plan *p)
{
	return kik_plan_import_buffer(p, KIK_IMPORT_FIELDS, fields_csv, strlen(fields_csv), "f.csv", NULL);
}
static int import_matrix(kik_plan *p)
{
	return kik_plan_import_file(p, KIK_IMPORT_AUTO, KIK_TEST_FIXTURES "/seed-001-status-table.txt", NULL);
}
static int validate(kik_plan *p)
{
	kik_diagnostics *d = NULL;
	static const char bad[] = "field;goal;measure;text;status\nSB;1;1.1;a;x\nSB;2;3.1;b;waiting\n";
	int err = kik_plan_validate_buffer(p, KIK_IMPORT_MEASURES, bad, strlen(bad), "bad.csv", NULL, 0, &d);
	if (err == KIK_ENOMEM)
		cr_assert(eq(ptr, (void *)d, NULL));
	else
		cr_assert(eq(sz, kik_diagnostics_count(d), 2));
	kik_diagnostics_free(d);
	return err == KIK_EPARSE ? 0 : err;
}
static int export_measures(kik_plan *p)
{
	sink s = { NULL, 0, 0 };
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	int err;
	o.encoding = KIK_ENCODING_CP1252;
	err = kik_plan_export(p, KIK_IMPORT_MEASURES, to_sink, &s, &o);
	free(s.data);
	return err;
}
static int export_file(kik_plan *p)
{
	int err = kik_plan_export_file(p, KIK_IMPORT_TASKS, "alloc-export.csv", NULL);
	remove("alloc-export.csv");
	return err;
}
static int explain(kik_plan *p)
{
	kik_explanation *e = NULL;
	int err = kik_plan_explain(p, kik_plan_find_measure(p, "SB-4.6"), &e);
	kik_explanation_free(e);
	return err;
}
static int check(kik_plan *p)
{
	kik_findings *f = NULL;
	int err = kik_plan_check(p, 0, &f);
	kik_findings_free(f);
	return err;
}
static int report(kik_plan *p)
{
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	sink s = { NULL, 0, 0 };
	int err = kik_plan_report(p, to_sink, &s, &o);
	o.format = KIK_REPORT_MARKDOWN;
	if (err == 0)
		err = kik_plan_report(p, to_sink, &s, &o);
	free(s.data);
	return err;
}
static int diff(kik_plan *p)
{
	kik_diff *d = NULL;
	int err = kik_plan_diff(p, p, &d);
	kik_diff_free(d);
	return err;
}
static int add_task(kik_plan *p)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.measure = "GT-1.1";
	d.kind = KIK_TASK_AG;
	d.title = "Fest";
	d.owner = "Amt";
	return kik_plan_add_task(p, &d, NULL);
}
static int update_task(kik_plan *p)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.kind = KIK_TASK_AG;
	d.state = KIK_TASK_DONE;
	d.title = "Fachtag durchgeführt";
	return kik_plan_update_task(p, kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 0)), &d);
}
static int remove_task(kik_plan *p)
{
	return kik_plan_remove_task(p, kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 0)));
}
static int put_measure(kik_plan *p)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = "IO";
	d.group = "Neue Gruppe";
	d.goal = 9;
	d.goal_text = "Neues Ziel";
	d.number = "9.1";
	d.text = "Neue Maßnahme";
	return kik_plan_put_measure(p, &d, NULL);
}
/* A text longer than the room left in a plan's arena, so that storing it must allocate. */
static const char *long_text(char c)
{
	static char text[128 * 1024];
	memset(text, c, sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	return text;
}
static int add_field(kik_plan *p)
{
	return kik_plan_add_field(p, "WQ", long_text('W'), NULL);
}
static int add_field_alias(kik_plan *p)
{
	return kik_plan_add_field_alias(p, "GP", long_text('P'));
}
static int add_measure(kik_plan *p)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = "IO";
	d.number = "8.9";
	d.text = "Noch eine";
	return kik_plan_add_measure(p, &d, NULL);
}
static int remove_measure(kik_plan *p)
{
	return kik_plan_remove_measure(p, "SB-4.6");
}
static int set_task_due(kik_plan *p)
{
	return kik_plan_set_task_due(p, kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 0)),
				     "2030-12-31");
}
static int set_task_owner(kik_plan *p)
{
	return kik_plan_set_task_owner(p, kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 0)),
				       "Jemand Neues");
}
static int set_task_title(kik_plan *p)
{
	return kik_plan_set_task_title(p, kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 0)),
				       "Fachtag vorbereitet");
}
static int set_field_name(kik_plan *p)
{
	return kik_plan_set_field_name(p, "GP", long_text('G'));
}
static int set_goal_text(kik_plan *p)
{
	return kik_plan_set_goal_text(p, "GP", 1, long_text('Z'));
}
static int copy_plan(kik_plan *p)
{
	kik_plan *copy = NULL;
	int err = kik_plan_copy(p, &copy);
	kik_plan_free(copy);
	return err;
}
static int summaries(kik_plan *p)
{
	kik_summary *s = NULL;
	int err = kik_summary_of_plan(p, &s);
	kik_summary_free(s);
	s = NULL;
	if (err == 0)
		err = kik_summary_of_field(kik_plan_find_field(p, "SB"), &s);
	kik_summary_free(s);
	s = NULL;
	if (err == 0)
		err = kik_summary_of_group(kik_field_group(kik_plan_find_field(p, "SB"), 0), &s);
	kik_summary_free(s);
	s = NULL;
	if (err == 0)
		err = kik_summary_of_goal(kik_field_goal(kik_plan_find_field(p, "SB"), 0), &s);
	kik_summary_free(s);
	return err;
}
static int import_tasks_complete(kik_plan *p)
{
	static const char csv[] = "task_id;measure;kind;title;state\n2;SB-4.6;concept;Konzept;done\n"
				  "77;GT-1.1;ag;Fest;open\n";
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	o.flags = KIK_IMPORT_COMPLETE;
	return kik_plan_import_buffer(p, KIK_IMPORT_TASKS, csv, strlen(csv), "t.csv", &o);
}
static int export_german_derived(kik_plan *p)
{
	sink s = { NULL, 0, 0 };
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	int err;
	o.status = KIK_EXPORT_DERIVED;
	o.labels = KIK_EXPORT_GERMAN;
	err = kik_plan_export(p, KIK_IMPORT_MEASURES, to_sink, &s, &o);
	if (err == 0)
		err = kik_plan_export(p, KIK_IMPORT_TASKS, to_sink, &s, &o);
	free(s.data);
	return err;
}
static int set_name(kik_plan *p)
{
	return kik_plan_set_name(p, "Ein anderer Name");
}
static int set_as_of(kik_plan *p)
{
	return kik_plan_set_as_of(p, "2024-10-01");
}
static int set_published(kik_plan *p)
{
	size_t counts[3] = { 1, 2, 3 };
	return kik_plan_set_published(p, "SB", counts, 3, 6);
}

/* ---- the report's content (kik/content.h): one call each ---- */
static int import_csv(kik_plan *p, const char *csv)
{
	return kik_plan_import_buffer(p, KIK_IMPORT_AUTO, csv, strlen(csv), "c.csv", NULL);
}
static int import_notes(kik_plan *p)
{
	return import_csv(p, "field;goal;measure;current_state;outlook\nSB;4;;\"Neu\n\n- a\n- b\";x\nSB;4;4.6;M;\n");
}
static int import_field_notes(kik_plan *p)
{
	return import_csv(p, "field;section;title;text\nSB;focus;;Neu\n;outlook;T;Plan\n");
}
static int import_projects(kik_plan *p)
{
	return import_csv(p, "project;field;organisation;measures;goals\nP;SB;A|B;SB-4.6|SB-4.5;IO-6\n");
}
static int import_timeline(kik_plan *p)
{
	return import_csv(p, "date;until;text;fields\n2024-01;open;x;SB|AA\n2023-01-05;;y;\n");
}
static int import_priorities(kik_plan *p)
{
	return import_csv(p, "round;from;until;fields;measures\nR;2024-02;2024-03;SB;SB-4.6\n");
}
static int import_figures(kik_plan *p)
{
	return import_csv(p,
			  "name;unit;date;value;share_of\nE;count;2024-12-31;72.000;\nA;percent;2024-12-31;41,5 %;E\n");
}
static int import_content_complete(kik_plan *p)
{
	static const char csv[] = "field;section;text\nAA;highlight;Neu\n";
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	o.flags = KIK_IMPORT_COMPLETE;
	return kik_plan_import_buffer(p, KIK_IMPORT_FIELD_NOTES, csv, strlen(csv), "f.csv", &o);
}
static const char *const two_measures[] = { "SB-4.6", "AA-2.1" }, *const two_fields[] = { "GP", "BE" };
static int put_goal_note(kik_plan *p)
{
	return kik_plan_put_goal_note(p, "GP", 2, "Stand", "Ausblick");
}
static int put_measure_note(kik_plan *p)
{
	return kik_plan_put_measure_note(p, "GP-2.1", "Stand", NULL);
}
static int add_field_note(kik_plan *p)
{
	return kik_plan_add_field_note(p, "GP", KIK_FIELD_NOTE_FOCUS, "T", "Text", NULL);
}
static int set_field_note(kik_plan *p)
{
	return kik_plan_set_field_note(p, "GP", KIK_FIELD_NOTE_FOCUS, 0, "T", "Neu");
}
static int put_project(kik_plan *p)
{
	kik_project_desc d = KIK_PROJECT_DESC_INIT;
	d.name = "Dolmetscher-Pool – Diakonie Allgäu";
	d.organisations = two_fields;
	d.organisation_count = 2;
	d.measures = two_measures;
	d.measure_count = 2;
	d.goals = (const char *const[]){ "IO-6" };
	d.goal_count = 1;
	return kik_plan_put_project(p, &d, NULL);
}
static int add_timeline_entry(kik_plan *p)
{
	kik_timeline_desc d = KIK_TIMELINE_DESC_INIT;
	d.date = "2025-05";
	d.text = "Neu";
	d.fields = two_fields;
	d.field_count = 2;
	return kik_plan_add_timeline_entry(p, &d, NULL);
}
static int put_round(kik_plan *p)
{
	kik_round_desc d = KIK_ROUND_DESC_INIT;
	d.name = "Runde";
	d.from = "2025-01";
	d.fields = two_fields;
	d.field_count = 2;
	d.measures = two_measures;
	d.measure_count = 2;
	return kik_plan_put_round(p, &d, NULL);
}
static int put_figure(kik_plan *p)
{
	kik_figure_desc d = KIK_FIGURE_DESC_INIT;
	d.name = "Anteil";
	d.unit = KIK_UNIT_PERCENT;
	d.date = "2024-12-31";
	d.value = 41.5;
	d.decimals = 1;
	d.share_of = "Einwohner*innen";
	return kik_plan_put_figure(p, &d, NULL);
}
static int set_title(kik_plan *p)
{
	return kik_plan_set_title(p, "Bericht 2025");
}
static int set_office(kik_plan *p)
{
	return kik_plan_set_office(p, "Amt");
}
static int put_content(kik_plan *p)
{
	int err = put_goal_note(p);
	if (err == 0)
		err = put_project(p);
	return err;
}
static int export_content(kik_plan *p)
{
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	sink s = { NULL, 0, 0 };
	int k, err = 0;
	o.labels = KIK_EXPORT_GERMAN;
	for (k = KIK_IMPORT_NOTES; err == 0 && k <= KIK_IMPORT_FIGURES; k++)
		err = kik_plan_export(p, (kik_import_kind)k, to_sink, &s, &o);
	free(s.data);
	return err;
}
static int report_since(kik_plan *p)
{
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	kik_plan *old_plan = NULL;
	sink s = { NULL, 0, 0 };
	int err;
	/* the earlier plan: the bundled one with the C library's allocator, its own */
	cr_assert(eq(int, kik_plan_new_default(&old_plan), 0));
	cr_assert(eq(int, kik_plan_put_goal_note(old_plan, "SB", 4, "Früher", NULL), 0));
	cr_assert(eq(int, kik_plan_set_recorded_status(old_plan, "GT-1.1", KIK_STATUS_IMPLEMENTED, NULL), 0));
	cr_assert(eq(int, kik_plan_remove_project(old_plan, "Netzwerkrunde „Perspektivberatung“"), 0));
	o.since = old_plan;
	o.flags = KIK_REPORT_EARLIER_NOTES;
	err = kik_plan_report(p, to_sink, &s, &o);
	o.format = KIK_REPORT_MARKDOWN;
	o.lang = KIK_LANG_EN;
	if (err == 0)
		err = kik_plan_report(p, to_sink, &s, &o);
	free(s.data);
	kik_plan_free(old_plan);
	return err;
}
static int diff_content(kik_plan *p)
{
	kik_plan *other = NULL;
	kik_diff *d = NULL;
	int err;
	cr_assert(eq(int, kik_plan_new_default(&other), 0));
	cr_assert(eq(int, put_content(other), 0));
	err = kik_plan_diff(other, p, &d);
	kik_diff_free(d);
	kik_plan_free(other);
	return err;
}

struct entry {
	const char *name;
	operation op;
	int with_tasks; /* the plan has tasks before the operation */
};

static const struct entry entries[] = {
	{ "import measures", import_measures, 1 },
	{ "import tasks", import_tasks, 0 },
	{ "import published", import_published, 0 },
	{ "import fields", import_fields, 0 },
	{ "import matrix", import_matrix, 1 },
	{ "validate", validate, 0 },
	{ "export", export_measures, 1 },
	{ "export file", export_file, 1 },
	{ "explain", explain, 1 },
	{ "check", check, 1 },
	{ "report", report, 1 },
	{ "diff", diff, 1 },
	{ "add task", add_task, 1 },
	{ "update task", update_task, 1 },
	{ "put measure", put_measure, 1 },
	{ "add field", add_field, 0 },
	{ "add field alias", add_field_alias, 0 },
	{ "set name", set_name, 0 },
	{ "set as of", set_as_of, 0 },
	{ "add measure", add_measure, 1 },
	{ "remove measure", remove_measure, 1 },
	{ "set task due", set_task_due, 1 },
	{ "set task owner", set_task_owner, 1 },
	{ "set task title", set_task_title, 1 },
	{ "set field name", set_field_name, 0 },
	{ "set goal text", set_goal_text, 0 },
	{ "copy", copy_plan, 1 },
	{ "summaries", summaries, 1 },
	{ "import tasks as the complete list", import_tasks_complete, 1 },
	{ "export German, derived", export_german_derived, 1 },
	{ "import notes", import_notes, 0 },
	{ "import field notes", import_field_notes, 0 },
	{ "import projects", import_projects, 0 },
	{ "import the timeline", import_timeline, 0 },
	{ "import rounds", import_priorities, 0 },
	{ "import figures", import_figures, 0 },
	{ "import field notes as the complete list", import_content_complete, 0 },
	{ "put a goal note", put_goal_note, 0 },
	{ "put a measure note", put_measure_note, 0 },
	{ "add a field note", add_field_note, 0 },
	{ "set a field note", set_field_note, 0 },
	{ "put a project", put_project, 0 },
	{ "add a timeline entry", add_timeline_entry, 0 },
	{ "put a round", put_round, 0 },
	{ "put a figure", put_figure, 0 },
	{ "set the title", set_title, 0 },
	{ "set the office", set_office, 0 },
	{ "export the report's content", export_content, 0 },
	{ "report since an earlier plan", report_since, 1 },
	{ "diff of the report's content", diff_content, 0 },
};

static kik_plan *new_plan(budget *b, const kik_allocator *a, int with_tasks)
{
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new_default_with_allocator(&plan, a), 0));
	if (with_tasks)
		cr_assert(eq(int, import_tasks(plan), 0));
	(void)b;
	return plan;
}

Test(alloc, every_entry_point_survives_every_failed_allocation)
{
	budget b = { 0, -1, 0 };
	kik_allocator a = { KIK_ALLOCATOR_VERSION, b_malloc, b_realloc, b_free, &b };
	size_t e;
	for (e = 0; e < sizeof(entries) / sizeof(entries[0]); e++) {
		long n, failures = 0;
		for (n = 0; n < 100000; n++) {
			kik_plan *plan = new_plan(&b, &a, entries[e].with_tasks);
			char *before = fingerprint(plan), *after;
			int err;
			b.fail_at = b.calls + n;
			err = entries[e].op(plan);
			b.fail_at = -1;
			if (err == KIK_ENOMEM) /* every failure has its details */
				cr_assert(eq(int, kik_error_last() ? kik_error_last()->code : 0, KIK_ENOMEM), "%s: %ld",
					  entries[e].name, n);
			else if (entries[e].op != validate) /* which returns KIK_EPARSE on success */
				cr_assert(eq(ptr, (void *)kik_error_last(), NULL), "%s: %ld", entries[e].name, n);
			after = fingerprint(plan);
			if (err == KIK_ENOMEM) {
				char what[96];
				failures++;
				snprintf(what, sizeof(what), "%s: allocation %ld changed the plan", entries[e].name, n);
				assert_same_content(after, before, what);
			} else {
				cr_assert(eq(int, err, 0), "%s: allocation %ld gave %d", entries[e].name, n, err);
			}
			free(before);
			free(after);
			kik_plan_free(plan);
			cr_assert(eq(long, b.live, 0), "%s: allocation %ld leaked %ld blocks", entries[e].name, n,
				  b.live);
			if (err == 0)
				break;
		}
		cr_assert(lt(long, 0, failures), "%s never allocated", entries[e].name);
	}
}

/* Calls that need no memory succeed whatever the allocator says. */
Test(alloc, calls_that_allocate_nothing_never_fail)
{
	budget b = { 0, -1, 0 };
	kik_allocator a = { KIK_ALLOCATOR_VERSION, b_malloc, b_realloc, b_free, &b };
	kik_plan *plan = new_plan(&b, &a, 1);
	b.fail_at = b.calls;
	cr_assert(eq(int, set_published(plan), 0));
	cr_assert(eq(int, kik_plan_clear_published(plan, "BE"), 0));
	cr_assert(eq(int, remove_task(plan), 0));
	cr_assert(eq(int, kik_plan_set_rule(plan, KIK_RULE_MISSING_KIND_SATISFIED), 0));
	cr_assert(eq(int, kik_plan_set_recorded_status(plan, "SB-1.1", KIK_STATUS_IMPLEMENTED, NULL), 0));
	cr_assert(
	    eq(int, kik_plan_set_task_state(plan, kik_task_id(kik_plan_next_task(plan, NULL)), KIK_TASK_DONE), 0));
	cr_assert(ne(ptr, (void *)kik_plan_find_task_by_key(plan, "AA-1.1", KIK_TASK_WORK_PACKAGE, "Paket"), NULL));
	cr_assert(eq(int, kik_plan_remove_goal_note(plan, "SB", 2), 0));
	cr_assert(eq(int, kik_plan_remove_field_note(plan, "SB", KIK_FIELD_NOTE_FOCUS, 0), 0));
	cr_assert(eq(int, kik_plan_remove_project(plan, "Netzwerkrunde „Perspektivberatung“"), 0));
	cr_assert(eq(int, kik_plan_remove_timeline_entry(plan, 0), 0));
	cr_assert(eq(int, kik_plan_remove_round(plan, "Februar und März 2022"), 0));
	cr_assert(eq(int, kik_plan_remove_figure(plan, "Nationen", "2020-12-31"), 0));
	b.fail_at = -1;
	kik_plan_free(plan);
	cr_assert(eq(long, b.live, 0));
}

Test(alloc, creating_plans_fails_cleanly)
{
	budget b = { 0, -1, 0 };
	kik_allocator a = { KIK_ALLOCATOR_VERSION, b_malloc, b_realloc, b_free, &b };
	long n;
	for (n = 0;; n++) {
		kik_plan *plan = NULL;
		int err;
		b.fail_at = b.calls + n;
		err = kik_plan_new_default_with_allocator(&plan, &a);
		b.fail_at = -1;
		if (err == 0) {
			cr_assert(eq(sz, kik_plan_measure_count(plan), 144));
			kik_plan_free(plan);
			cr_assert(eq(long, b.live, 0));
			break;
		}
		cr_assert(eq(int, err, KIK_ENOMEM));
		cr_assert(eq(ptr, (void *)plan, NULL));
		cr_assert(eq(long, b.live, 0), "allocation %ld leaked", n);
	}
	cr_assert(lt(long, 10, n));
}
