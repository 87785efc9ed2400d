/* Checks: recorded vs derived status, published vs computed figures; tasks and published files. */
#include <criterion/criterion.h>

#include "counts.h"
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <string.h>

static kik_plan *plan;

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
}

TestSuite(check, .init = setup, .fini = teardown);

static int load(kik_import_kind kind, const char *csv)
{
	return kik_plan_import_buffer(plan, kind, csv, strlen(csv), "in.csv", NULL);
}

Test(check, the_bundled_plan_disagrees_with_its_report_in_exactly_sb_and_be)
{
	kik_findings *fs;
	size_t i, sb = 0, be = 0;
	cr_assert(eq(int, kik_plan_check(plan, 0, &fs), 0));
	cr_assert(eq(sz, kik_findings_count(fs), 4));
	for (i = 0; i < kik_findings_count(fs); i++) {
		const kik_finding *f = kik_findings_get(fs, i);
		const kik_field *field = kik_finding_field(f);
		const char *code = kik_field_code(field);
		kik_status st = kik_finding_status(f);
		plan_counts s;
		cr_assert(eq(int, kik_finding_kind_of(f), KIK_FINDING_PUBLISHED_COUNT));
		sb += strcmp(code, "SB") == 0;
		be += strcmp(code, "BE") == 0;
		/* each finding carries the published figure and the computed one */
		cr_assert(eq(int, kik_field_has_published(field), 1));
		s = count_field(field);
		cr_assert(eq(sz, kik_finding_published(f), kik_field_published_count(field, st)));
		cr_assert(eq(sz, kik_finding_computed(f), s.count[st]));
		cr_assert(ne(sz, kik_finding_published(f), kik_finding_computed(f)));
		cr_assert(eq(int, kik_finding_recorded_status(f), KIK_STATUS_INVALID));
	}
	cr_assert(eq(sz, sb, 2));
	cr_assert(eq(sz, be, 2));
	kik_findings_free(fs);
}

Test(check, published_figures_load_from_csv_and_totals_are_checked)
{
	kik_findings *fs;
	const kik_finding *f;
	cr_assert(eq(int,
		     load(KIK_IMPORT_PUBLISHED, "Handlungsfeld;wartend;in Bearbeitung;implementiert;gesamt\n"
						"Bildung und Sprache;11;13;7;31\n"),
		     0));
	cr_assert(eq(int, kik_plan_check(plan, KIK_CHECK_PUBLISHED, &fs), 0));
	/* SB now agrees but in waiting and in total; BE still disagrees twice */
	cr_assert(eq(sz, kik_findings_count(fs), 4));
	f = kik_findings_get(fs, 1);
	cr_assert(eq(int, kik_finding_kind_of(f), KIK_FINDING_PUBLISHED_TOTAL));
	cr_assert(eq(sz, kik_finding_published(f), 31));
	cr_assert(eq(sz, kik_finding_computed(f), 30));
	cr_assert(eq(int, kik_finding_status(f), KIK_STATUS_INVALID));
	kik_findings_free(fs);
}

Test(check, published_figures_must_add_up_to_their_own_total_and_name_each_field_once)
{
	const kik_field *sb;
	/* the counts and the total cannot both be right: which to hold against the plan? */
	cr_assert(eq(int, load(KIK_IMPORT_PUBLISHED, "field;waiting;in_progress;implemented;total\nSB;10;13;7;31\n"),
		     KIK_EPARSE));
	cr_assert(eq(ulong, kik_error_last()->column, 12));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "the total 31 is not 10 + 13 + 7"), NULL));
	/* the second row of a field would silently replace the first */
	cr_assert(eq(int,
		     load(KIK_IMPORT_PUBLISHED, "field;waiting;in_progress;implemented\nSB;1;2;3\nBE;1;1;1\n"
						"Bildung und Sprache;3;2;1\n"),
		     KIK_EPARSE));
	cr_assert(eq(ulong, kik_error_last()->line, 4));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "appears twice: first on line 2"), NULL));
	sb = kik_plan_find_field(plan, "SB");
	cr_assert(eq(sz, kik_field_published_count(sb, KIK_STATUS_WAITING), 12));
	cr_assert(eq(sz, kik_field_published_total(sb), 30));
	/* a file may still leave the total out, and set a field again in a later import */
	cr_assert(eq(int, load(KIK_IMPORT_PUBLISHED, "field;waiting;in_progress;implemented\nSB;1;2;3\n"), 0));
	cr_assert(eq(int, load(KIK_IMPORT_PUBLISHED, "field;waiting;in_progress;implemented\nSB;3;2;1\n"), 0));
	cr_assert(eq(sz, kik_field_published_count(sb, KIK_STATUS_WAITING), 3));
	cr_assert(eq(sz, kik_field_published_total(sb), 0));
}

Test(check, a_bad_published_file_changes_nothing)
{
	cr_assert(eq(int, load(KIK_IMPORT_PUBLISHED, "field;waiting;in_progress;implemented\nSB;1;2;3\nXX;1;1;1\n"),
		     KIK_EPARSE));
	cr_assert(eq(ulong, kik_error_last()->line, 3));
	cr_assert(
	    eq(int, load(KIK_IMPORT_PUBLISHED, "field;waiting;in_progress;implemented\nSB;1;zwei;3\n"), KIK_EPARSE));
	cr_assert(eq(ulong, kik_error_last()->column, 6));
	cr_assert(eq(sz, kik_field_published_count(kik_plan_find_field(plan, "SB"), KIK_STATUS_WAITING), 12));
}

Test(check, tasks_from_csv_derive_statuses_and_show_disagreements)
{
	static const char tasks[] = "Handlungsfeld;Nummer;Art;Titel;Stand;fällig;verantwortlich\n"
				    "SB;4.6;Einzelauftrag;Angebote sammeln;erledigt;2023-06-30;Amt\n"
				    "SB;4.6;AG-Auftrag;Fachtag durchführen;in Arbeit;;AG Bildung\n"
				    "SB;4.6;Arbeitspaket;Flyer;offen;;\n"
				    "x;AA-1.1;concept;Beratung;done;;\n"
				    "x;AA-1.1;ag;AG;not_applicable;;\n"
				    "x;AA-1.1;work_package;Paket;done;;\n";
	kik_findings *fs;
	const kik_finding *f;
	const kik_measure *m;
	cr_assert(eq(int, load(KIK_IMPORT_TASKS, tasks), 0));
	cr_assert(eq(sz, kik_plan_task_count(plan), 6));
	m = kik_plan_find_measure(plan, "SB-4.6");
	cr_assert(eq(int, kik_measure_status(m), KIK_STATUS_IN_PROGRESS));
	cr_assert(eq(int, kik_measure_recorded_status(m), KIK_STATUS_WAITING));
	cr_assert(eq(str, (char *)kik_task_owner(kik_measure_task(m, 1)), "AG Bildung"));
	cr_assert(eq(str, (char *)kik_task_due(kik_measure_task(m, 0)), "2023-06-30"));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "AA-1.1")), KIK_STATUS_IMPLEMENTED));
	cr_assert(eq(int, kik_plan_check(plan, KIK_CHECK_STATUS, &fs), 0));
	cr_assert(eq(sz, kik_findings_count(fs), 1));
	f = kik_findings_get(fs, 0);
	cr_assert(eq(int, kik_finding_kind_of(f), KIK_FINDING_STATUS_DISAGREES));
	cr_assert(eq(str, (char *)kik_measure_id(kik_finding_measure(f)), "SB-4.6"));
	cr_assert(eq(int, kik_finding_status(f), KIK_STATUS_IN_PROGRESS));
	cr_assert(eq(int, kik_finding_recorded_status(f), KIK_STATUS_WAITING));
	kik_findings_free(fs);
}

Test(check, reimporting_tasks_updates_them_and_keeps_their_ids)
{
	unsigned long id;
	cr_assert(eq(int, load(KIK_IMPORT_TASKS, "measure;kind;title;state\nSB-4.6;ag;Fachtag;open\n"), 0));
	id = kik_task_id(kik_measure_task(kik_plan_find_measure(plan, "SB-4.6"), 0));
	cr_assert(eq(int, load(KIK_IMPORT_TASKS, "measure;kind;title;state\nSB-4.6;ag;Fachtag;done\n"), 0));
	cr_assert(eq(sz, kik_plan_task_count(plan), 1));
	cr_assert(eq(int, kik_task_state_of(kik_plan_find_task(plan, id)), KIK_TASK_DONE));
}

struct bad_tasks {
	const char *csv;
	unsigned long line, column;
	const char *fragment;
};

Test(check, task_files_with_errors_name_the_position_and_apply_nothing)
{
	static const struct bad_tasks cases[] = {
		{ "measure;kind;title;state\nSB-4.6;ag;A;open\nSB-99.1;ag;B;open\n", 3, 1, "no measure 'SB-99.1'" },
		{ "field;measure;kind;title;state\nSB;4.6;ag;A;open\nXX;4.6;ag;B;open\n", 3, 1, "unknown field 'XX'" },
		{ "measure;kind;title;state\nSB-4.6;Projekt;A;open\n", 2, 8, "not a kind of task" },
		{ "measure;kind;title;state\nSB-4.6;ag;A;vielleicht\n", 2, 13, "not a task state" },
		{ "measure;kind;title;state;due\nSB-4.6;ag;A;open;morgen\n", 2, 18, "not a due date" },
		{ "measure;kind;title;state\nSB-4.6;ag;;open\n", 2, 11, "needs a title" },
		{ "measure;kind;title;state\nSB-4.6;ag;A;open\nSB-4.6;ag;A;done\n", 3, 11, "appears twice" },
		{ "measure;kind;state\nSB-4.6;ag;open\n", 1, 1, "missing column 'title'" },
		{ "measure;kind;title;state\n4.6;ag;A;open\n", 2, 1, "unknown field ''" },
	};
	size_t i;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const kik_error *e;
		cr_assert(eq(int, load(KIK_IMPORT_TASKS, cases[i].csv), KIK_EPARSE), "case %zu", i);
		e = kik_error_last();
		cr_assert(eq(str, (char *)e->file, "in.csv"));
		cr_assert(eq(ulong, e->line, cases[i].line), "case %zu: %s", i, e->message);
		cr_assert(eq(ulong, e->column, cases[i].column), "case %zu: %s", i, e->message);
		cr_assert(ne(ptr, strstr(e->message, cases[i].fragment), NULL), "case %zu: %s", i, e->message);
		cr_assert(eq(sz, kik_plan_task_count(plan), 0), "case %zu", i);
		cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "SB-4.6")), KIK_STATUS_WAITING));
	}
}
