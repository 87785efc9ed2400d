/* Export and re-import: lossless round trips, dialects and encodings, defused formulas,
 * and validation that reports every problem. */
#include "plan_equal.h"
#include "sink.h"

#include <stdio.h>
#include <stdlib.h>

static kik_plan *plan;

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
}

TestSuite(export, .init = setup, .fini = teardown);

static sink export(kik_plan *p, kik_import_kind kind, const kik_export_options *o)
{
	sink s = { NULL, 0, 0 };
	cr_assert(eq(int, kik_plan_export(p, kind, to_sink, &s, o), 0));
	return s;
}

/* Exports every part of `p` and imports the parts, in order, into a new plan. */
static kik_plan *round_trip(kik_plan *p, const kik_export_options *o)
{
	static const kik_import_kind kinds[] = { KIK_IMPORT_PLAN_INFO, KIK_IMPORT_FIELDS, KIK_IMPORT_MEASURES,
						 KIK_IMPORT_PUBLISHED, KIK_IMPORT_TASKS };
	kik_plan *q;
	size_t i;
	cr_assert(eq(int, kik_plan_new(&q), 0));
	for (i = 0; i < 5; i++) {
		sink s = export(p, kinds[i], o);
		int err = kik_plan_import_buffer(q, kinds[i], s.data, s.len, "export.csv", NULL);
		cr_assert(eq(int, err, 0), "kind %d: %s", (int)kinds[i], err ? kik_error_last()->message : "");
		free(s.data);
	}
	return q;
}

static void add_task(const char *measure, kik_task_kind kind, kik_task_state state, const char *title, const char *due,
		     const char *owner)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.measure = measure;
	d.kind = kind;
	d.state = state;
	d.title = title;
	d.due = due;
	d.owner = owner;
	cr_assert(eq(int, kik_plan_add_task(plan, &d, NULL), 0));
}

static void add_tricky_content(void)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = "IO";
	d.group = "Gruppe; mit \"Zeichen\"";
	d.goal = 9;
	d.goal_text = "=SUMME(A1:A9)";
	d.number = "9.1";
	d.text = "Zeile eins\nZeile zwei, \"zitiert\"; und -minus";
	d.status = KIK_STATUS_IN_PROGRESS;
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
	d.number = "9.2";
	d.text = "'@apostroph vor at";
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
	add_task("IO-9.1", KIK_TASK_AG, KIK_TASK_DONE, "+49 anrufen", "2024-02-29", "AG \"Vielfalt\"");
	add_task("IO-9.1", KIK_TASK_CONCEPT, KIK_TASK_NOT_APPLICABLE, "Konzept", NULL, NULL);
	add_task("SB-4.6", KIK_TASK_WORK_PACKAGE, KIK_TASK_OPEN,
		 "Flyer \xE2\x80\x9E"
		 "drucken\xE2\x80\x9C",
		 NULL, "Amt");
}

Test(export, export_then_import_is_lossless)
{
	kik_plan *copy;
	add_tricky_content();
	copy = round_trip(plan, NULL);
	assert_plans_equal(copy, plan, EQUAL_NAMES | EQUAL_PUBLISHED);
	cr_assert(eq(str, (char *)kik_plan_name(copy), (char *)kik_plan_name(plan)));
	cr_assert(eq(str, (char *)kik_plan_as_of(copy), "2023-10-05"));
	cr_assert(eq(sz, kik_field_alias_count(kik_plan_find_field(copy, "SB")), 1));
	kik_plan_free(copy);
}

Test(export, round_trips_in_every_dialect_and_encoding)
{
	static const char delimiters[] = { ';', ',', '\t' };
	size_t i;
	add_tricky_content();
	for (i = 0; i < 3; i++) {
		kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
		kik_plan *copy;
		o.delimiter = delimiters[i];
		o.encoding = i == 1 ? KIK_ENCODING_CP1252 : KIK_ENCODING_UTF8;
		o.bom = i == 2;
		o.crlf = i != 0;
		copy = round_trip(plan, &o);
		assert_plans_equal(copy, plan, EQUAL_NAMES | EQUAL_PUBLISHED);
		kik_plan_free(copy);
	}
}

Test(export, formulas_are_defused_unless_turned_off)
{
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	sink s;
	add_tricky_content();
	s = export(plan, KIK_IMPORT_MEASURES, NULL);
	cr_assert(ne(ptr, strstr(s.data, ";'=SUMME(A1:A9);"), NULL));
	cr_assert(ne(ptr, strstr(s.data, ";''@apostroph vor at;"), NULL));
	free(s.data);
	s = export(plan, KIK_IMPORT_TASKS, NULL);
	cr_assert(ne(ptr, strstr(s.data, ";'+49 anrufen;"), NULL));
	free(s.data);
	o.defuse_formulas = 0;
	s = export(plan, KIK_IMPORT_MEASURES, &o);
	cr_assert(ne(ptr, strstr(s.data, ";=SUMME(A1:A9);"), NULL));
	free(s.data);
}

Test(export, windows_1252_cannot_hold_every_character)
{
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	sink s = { NULL, 0, 0 };
	d.field = "SB";
	d.number = "1.1";
	d.text = "Sprachcaf\xC3\xA9 \xE2\x98\x95"; /* U+2615 */
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
	o.encoding = KIK_ENCODING_CP1252;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_MEASURES, to_sink, &s, &o), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "U+2615"), NULL));
	free(s.data);
}

Test(export, office_files_of_the_same_plan_load_to_the_bundled_plan)
{
	static const char *files[] = { KIK_TEST_FIXTURES "/kik-excel-windows-1252.csv",
				       KIK_TEST_FIXTURES "/kik-utf8-bom-comma.csv",
				       KIK_TEST_FIXTURES "/seed-001-status-table.txt" };
	size_t i;
	for (i = 0; i < 3; i++) {
		kik_plan *p;
		int err;
		cr_assert(eq(int, kik_plan_new(&p), 0));
		cr_assert(
		    eq(int, kik_plan_import_file(p, KIK_IMPORT_FIELDS, KIK_TEST_DATA "/kik-fields.csv", NULL), 0));
		err = kik_plan_import_file(p, KIK_IMPORT_AUTO, files[i], NULL);
		cr_assert(eq(int, err, 0), "%s: %s", files[i], err ? kik_error_last()->message : "");
		assert_plans_equal(p, plan, EQUAL_NAMES);
		kik_plan_free(p);
	}
}

Test(export, export_file_replaces_the_target_only_when_complete)
{
	FILE *f = fopen("out.csv", "w");
	kik_plan *p;
	fputs("old content\n", f);
	fclose(f);
	cr_assert(eq(int, kik_plan_export_file(plan, KIK_IMPORT_MEASURES, "out.csv", NULL), 0));
	cr_assert(eq(int, kik_plan_new(&p), 0));
	cr_assert(eq(int, kik_plan_import_file(p, KIK_IMPORT_MEASURES, "out.csv", NULL), 0));
	cr_assert(eq(sz, kik_plan_measure_count(p), 144));
	kik_plan_free(p);
	cr_assert(eq(int, kik_plan_export_file(plan, KIK_IMPORT_MEASURES, "/nonexistent/dir/out.csv", NULL), KIK_EIO));
	remove("out.csv");
}

Test(export, validation_reports_every_problem_and_changes_nothing)
{
	static const char bad[] = "field;goal;measure;text;status\n"
				  "SB;1;1.1;a;fertig\n"
				  "SB;1;1.2;b;waiting\n"
				  "SB;2;3.1;c;waiting\n"
				  "XX;x;1.1;d;waiting\n";
	kik_diagnostics *d;
	const kik_error *e;
	cr_assert(eq(int, kik_plan_validate_buffer(plan, KIK_IMPORT_MEASURES, bad, strlen(bad), "bad.csv", NULL, 0, &d),
		     KIK_EPARSE));
	cr_assert(eq(sz, kik_diagnostics_count(d), 3));
	e = kik_diagnostics_get(d, 0);
	cr_assert(eq(ulong, e->line, 2));
	cr_assert(eq(ulong, e->column, 12));
	cr_assert(ne(ptr, strstr(e->message, "'fertig'"), NULL));
	cr_assert(eq(str, (char *)e->file, "bad.csv"));
	cr_assert(eq(ulong, kik_diagnostics_get(d, 1)->line, 4));
	cr_assert(eq(ulong, kik_diagnostics_get(d, 2)->line, 5));
	cr_assert(eq(ulong, kik_diagnostics_get(d, 2)->column, 4));
	cr_assert(eq(int, kik_diagnostics_truncated(d), 0));
	kik_diagnostics_free(d);
	/* the valid row 3 was not applied either */
	cr_assert(eq(str, (char *)kik_measure_text(kik_plan_find_measure(plan, "SB-1.2")),
		     "Es wird eine Plattform geschaffen, um die Akteur*innen im informellen Bildungsbereich besser zu "
		     "vernetzen und einen Austausch zu fördern."));
	cr_assert(eq(int, kik_plan_validate_buffer(plan, KIK_IMPORT_MEASURES, bad, strlen(bad), "bad.csv", NULL, 2, &d),
		     KIK_EPARSE));
	cr_assert(eq(sz, kik_diagnostics_count(d), 2));
	cr_assert(eq(int, kik_diagnostics_truncated(d), 1));
	kik_diagnostics_free(d);
}

Test(export, validation_of_a_clean_file_finds_nothing)
{
	kik_diagnostics *d;
	cr_assert(eq(
	    int,
	    kik_plan_validate_file(plan, KIK_IMPORT_AUTO, KIK_TEST_FIXTURES "/kik-excel-windows-1252.csv", NULL, 0, &d),
	    0));
	cr_assert(eq(sz, kik_diagnostics_count(d), 0));
	kik_diagnostics_free(d);
	cr_assert(eq(int, kik_plan_validate_file(plan, KIK_IMPORT_AUTO, "/nonexistent.csv", NULL, 0, &d), KIK_EIO));
	cr_assert(eq(sz, kik_diagnostics_count(d), 1));
	kik_diagnostics_free(d);
}

Test(export, a_goal_text_is_written_once_however_many_measures_share_it)
{
	enum { TEXT = 100 * 1000, MEASURES = 400 };
	char *text = malloc(TEXT + 1);
	kik_plan *p, *q;
	sink s;
	size_t i;
	memset(text, 'z', TEXT);
	text[TEXT] = '\0';
	cr_assert(eq(int, kik_plan_new(&p), 0));
	cr_assert(eq(int, kik_plan_add_field(p, "X", "Feld", NULL), 0));
	for (i = 1; i <= MEASURES; i++) {
		kik_measure_desc d = KIK_MEASURE_DESC_INIT;
		char number[16];
		snprintf(number, sizeof(number), "1.%zu", i);
		d.field = "X";
		d.number = number;
		d.goal_text = text;
		d.text = "Massnahme";
		cr_assert(eq(int, kik_plan_put_measure(p, &d, NULL), 0));
	}
	s = export(p, KIK_IMPORT_MEASURES, NULL);
	/* the text once, and 400 short rows: on every row it was 40 MB */
	cr_assert(lt(sz, s.len, TEXT + MEASURES * 64), "%zu bytes", s.len);
	cr_assert(eq(int, kik_plan_new(&q), 0));
	cr_assert(eq(int, kik_plan_import_buffer(q, KIK_IMPORT_MEASURES, s.data, s.len, "e.csv", NULL), 0));
	for (i = 0; i < MEASURES; i++)
		cr_assert(eq(str, (char *)kik_goal_text(kik_measure_goal(kik_plan_measure(q, i))), text));
	assert_plans_equal(q, p, EQUAL_NAMES);
	free(s.data);
	free(text);
	kik_plan_free(p);
	kik_plan_free(q);
}
