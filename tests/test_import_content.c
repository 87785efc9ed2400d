/* The report content's importers: each contract in English and German, told apart by
 * KIK_IMPORT_AUTO, what an import replaces, and every bad input reported at its file,
 * line and column (a list's item at the item) with the plan unchanged. */
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <kik/kik.h>
#include <string.h>

/* The bundled plan's model (fields and measures) without the report's content. */
static kik_plan *model_only(void)
{
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_FIELDS, KIK_TEST_DATA "/kik-fields.csv", NULL), 0));
	cr_assert(
	    eq(int, kik_plan_import_file(plan, KIK_IMPORT_MEASURES, KIK_TEST_DATA "/kik-2023-10-05.csv", NULL), 0));
	return plan;
}

static int import(kik_plan *plan, kik_import_kind kind, const char *csv)
{
	return kik_plan_import_buffer(plan, kind, csv, strlen(csv), "in.csv", NULL);
}

static char *export_kind(kik_plan *plan, kik_import_kind kind)
{
	sink s = { NULL, 0, 0 };
	cr_assert(eq(int, kik_plan_export(plan, kind, to_sink, &s, NULL), 0));
	return s.data;
}

Test(import_content, auto_tells_each_kind_by_its_header_and_reads_the_bundled_files)
{
	static const struct {
		const char *file;
		kik_import_kind kind;
		size_t (*count)(const kik_plan *);
		size_t expected;
	} files[] = {
		{ "/kik-2023-10-05-notes.csv", KIK_IMPORT_NOTES, kik_plan_note_count, 43 },
		{ "/kik-2023-10-05-field-notes.csv", KIK_IMPORT_FIELD_NOTES, kik_plan_field_note_count, 46 },
		{ "/kik-2023-10-05-projects.csv", KIK_IMPORT_PROJECTS, kik_plan_project_count, 11 },
		{ "/kik-2023-10-05-timeline.csv", KIK_IMPORT_TIMELINE, kik_plan_timeline_count, 7 },
		{ "/kik-2023-10-05-priorities.csv", KIK_IMPORT_PRIORITIES, kik_plan_round_count, 2 },
		{ "/kik-2023-10-05-figures.csv", KIK_IMPORT_FIGURES, kik_plan_figure_count, 16 },
	};
	kik_plan *bundled, *plan = model_only();
	size_t i;
	cr_assert(eq(int, kik_plan_new_default(&bundled), 0));
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[512], *want, *got;
		snprintf(path, sizeof(path), "%s%s", KIK_TEST_DATA, files[i].file);
		cr_assert(eq(sz, files[i].count(plan), 0));
		cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_AUTO, path, NULL), 0), "%s: %s", files[i].file,
			  kik_error_last() ? kik_error_last()->message : "");
		cr_assert(eq(sz, files[i].count(plan), files[i].expected), "%s", files[i].file);
		want = export_kind(bundled, files[i].kind);
		got = export_kind(plan, files[i].kind);
		cr_assert(eq(str, got, want), "%s", files[i].file);
		free(want);
		free(got);
	}
	kik_plan_free(plan);
	kik_plan_free(bundled);
}

Test(import_content, german_headers_and_labels_read_as_the_english_ones)
{
	static const struct {
		kik_import_kind kind;
		const char *english, *german;
	} pairs[] = {
		{ KIK_IMPORT_NOTES, "field;goal;measure;current_state;outlook\nSB;4;4.6;Stand;Ausblick\nAA;1;;a;\n",
		  "Handlungsfeld;Ziel;Maßnahme;Aktueller Stand;Ausblick\nSprache und Bildung;4.;SB-4.6;Stand;Ausblick\n"
		  "AA;1;;a;\n" },
		{ KIK_IMPORT_FIELD_NOTES,
		  "field;section;title;text\nSB;focus;;eins\n;context;T;plan\nAA;highlight;H;x\n",
		  "Handlungsfeld;Abschnitt;Titel;Text\nSB;Schwerpunkt;;eins\n;Kontext;T;plan\nAA;Highlights;H;x\n" },
		{ KIK_IMPORT_PROJECTS,
		  "project;field;organisation;description;start;end;measures;goals\nP;AA;A|B;d;2018;2019-05;AA-1.1;IO-"
		  "6\n",
		  "Projekt;Handlungsfeld;Träger;Beschreibung;Beginn;Ende;Maßnahmen;Ziele\nP;AA;A | "
		  "B;d;2018;2019-05;AA-1.1;"
		  "IO-6\n" },
		{ KIK_IMPORT_TIMELINE, "date;until;text;fields\n2022-09;open;x;SB|AA\n2021-11-18;;y;\n",
		  "Datum;bis;Text;Handlungsfelder\n2022-09;offen;x;SB|AA\n2021-11-18;;y;\n" },
		{ KIK_IMPORT_PRIORITIES, "round;from;until;fields;measures\nR;2022-02;2022-03;SB;SB-4.6\n",
		  "Runde;von;bis;Handlungsfelder;Maßnahmen\nR;2022-02;2022-03;SB;SB-4.6\n" },
		{ KIK_IMPORT_FIGURES,
		  "name;unit;date;value;source;share_of\nE;count;2022-12-31;71918;Q;\nA;percent;2022-12-31;40.4;Q;E\n",
		  "Kennzahl;Einheit;Stichtag;Wert;Quelle;Anteil "
		  "an\nE;Anzahl;2022-12-31;71.918;Q;\nA;Prozent;2022-12-31;40,4 %;"
		  "Q;E\n" },
	};
	size_t i;
	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		kik_plan *a = model_only(), *b = model_only();
		char *x, *y;
		cr_assert(eq(int, import(a, KIK_IMPORT_AUTO, pairs[i].english), 0), "%zu: %s", i,
			  kik_error_last() ? kik_error_last()->message : "");
		cr_assert(eq(int, import(b, KIK_IMPORT_AUTO, pairs[i].german), 0), "%zu: %s", i,
			  kik_error_last() ? kik_error_last()->message : "");
		x = export_kind(a, pairs[i].kind);
		y = export_kind(b, pairs[i].kind);
		cr_assert(eq(str, x, y));
		cr_assert(gt(sz, strlen(x), strlen(strchr(x, '\n'))), "%zu: rows were read", i);
		free(x);
		free(y);
		kik_plan_free(a);
		kik_plan_free(b);
	}
}

/* ---- bad input ------------------------------------------------------------------------------ */

/* arrays, not pointers: Criterion copies the parameters into each test's process */
typedef struct bad_case {
	kik_import_kind kind;
	char csv[96];
	unsigned long line, column;
	char message[128];
} bad_case;

static bad_case bad_cases[] = {
	{ KIK_IMPORT_NOTES, "field;goal;current_state\nXX;1;a\n", 2, 1, "unknown field 'XX'" },
	{ KIK_IMPORT_NOTES, "field;goal;current_state\nSB;9;a\n", 2, 4, "field SB has no goal 9" },
	{ KIK_IMPORT_NOTES, "field;goal;current_state\nSB;x;a\n", 2, 4, "'x' is not a goal number" },
	{ KIK_IMPORT_NOTES, "field;goal;measure;current_state\nSB;4;4.99;a\n", 2, 6, "no measure '4.99' in goal SB-4" },
	{ KIK_IMPORT_NOTES, "field;goal;measure;current_state\nSB;4;AA-1.1;a\n", 2, 6,
	  "measure AA-1.1 does not belong to goal SB-4" },
	{ KIK_IMPORT_NOTES, "field;goal;current_state;outlook\nSB;4;;\n", 2, 6, "both are empty" },
	{ KIK_IMPORT_NOTES, "field;goal;current_state\nSB;4;a\nSB;4.;b\n", 3, 4,
	  "the note of SB-4 appears twice: first on line 2" },
	{ KIK_IMPORT_NOTES, "field;goal;text\nSB;4;a\n", 1, 1, "expected a header named current_state or outlook" },
	{ KIK_IMPORT_NOTES, "Handlungsfeld;Ziel;Aktueller Stand\nSB;4;a\nSB;99;b\n", 3, 4, "has no goal 99" },
	{ KIK_IMPORT_FIELD_NOTES, "field;section;text\nSB;Fazit;x\n", 2, 4, "'Fazit' is not a section" },
	{ KIK_IMPORT_FIELD_NOTES, "field;section;text\nXX;focus;x\n", 2, 1, "unknown field 'XX'" },
	{ KIK_IMPORT_FIELD_NOTES, "field;section;title;text\nSB;focus;T;\n", 2, 12, "needs a text" },
	{ KIK_IMPORT_PROJECTS, "project;measures\nP;AA-1.1|AA-9.9\n", 2, 10, "no measure 'AA-9.9'" },
	{ KIK_IMPORT_PROJECTS, "project;measures\nP;\"AA-1.1 | AA-9.9\"\n", 2, 13, "no measure 'AA-9.9'" },
	{ KIK_IMPORT_PROJECTS, "project;measures\nPrüfung;\"AA-1.1|\nAA-1.2|AA-9.9\"\n", 3, 8, "no measure 'AA-9.9'" },
	{ KIK_IMPORT_PROJECTS, "project;goals\nP;IO-6|IO-99\n", 2, 8, "no goal 'IO-99'" },
	{ KIK_IMPORT_PROJECTS, "project;measures\nP;AA-1.1|AA-1.1\n", 2, 10, "AA-1.1 is named twice" },
	{ KIK_IMPORT_PROJECTS, "project;start;measures\nP;2018-13;AA-1.1\n", 2, 3, "'2018-13' is not a start" },
	{ KIK_IMPORT_PROJECTS, "project;field;measures\nP;XX;AA-1.1\n", 2, 3, "unknown field 'XX'" },
	{ KIK_IMPORT_PROJECTS, "project;measures\nP;AA-1.1\nP;AA-1.2\n", 3, 1,
	  "project 'P' appears twice: first on line 2" },
	{ KIK_IMPORT_PROJECTS, "project;field\nP;AA\n", 1, 1, "expected a header named measures or goals" },
	{ KIK_IMPORT_TIMELINE, "date;text\n2022-13;x\n", 2, 1, "'2022-13' is not a date" },
	{ KIK_IMPORT_TIMELINE, "date;until;text\n2022-05;2022-04;x\n", 2, 9,
	  "the end 2022-04 is before the start 2022-05" },
	{ KIK_IMPORT_TIMELINE, "date;until;text\n2022-05;bald;x\n", 2, 9, "'bald' is not an end" },
	{ KIK_IMPORT_TIMELINE, "date;text;fields\n2022-05;x;SB|XX\n", 2, 14, "unknown field 'XX'" },
	{ KIK_IMPORT_TIMELINE, "date;text\n2022-05;\n", 2, 9, "needs a text" },
	{ KIK_IMPORT_PRIORITIES, "round;from;measures\nR;2022-02;SB-4.6|SB-99.1\n", 2, 18, "no measure 'SB-99.1'" },
	{ KIK_IMPORT_PRIORITIES, "round;from\nR;2022-02\nR;2022-03\n", 3, 1, "round 'R' appears twice" },
	{ KIK_IMPORT_PRIORITIES, "round;from\nR;Frühjahr\n", 2, 3, "'Frühjahr' is not a date" },
	{ KIK_IMPORT_FIGURES, "name;unit;date;value\nA;percent;2022-12-31;1.234\n", 2, 22,
	  "'1.234' is ambiguous: 1234 with a German thousands separator or 1.234 with an English decimal point" },
	{ KIK_IMPORT_FIGURES, "Kennzahl;Einheit;Stichtag;Wert\nA;Prozent;2022-12-31;1,234\n", 2, 22, "is ambiguous" },
	{ KIK_IMPORT_FIGURES, "name;unit;date;value\nA;count;2022-12-31;38,2 %\n", 2, 20, "has a percent sign" },
	{ KIK_IMPORT_FIGURES, "name;unit;date;value\nA;Euro;2022-12-31;1\n", 2, 3, "'Euro' is not a unit" },
	{ KIK_IMPORT_FIGURES, "name;unit;date;value;share_of\nA;percent;2022-12-31;5;B\n", 2, 24,
	  "no figure 'B' for 'A' to be a share of" },
	{ KIK_IMPORT_FIGURES, "name;unit;date;value\nA;count;2022-12;5\n", 2, 9, "'2022-12' is not a date" },
	{ KIK_IMPORT_FIGURES, "name;unit;date;value\nA;count;2022-12-31;5\nA;count;2022-12-31;6\n", 3, 9,
	  "figure 'A' of 2022-12-31 appears twice: first on line 2" },
	{ KIK_IMPORT_FIGURES, "name;unit;date\nA;count;2022-12-31\n", 1, 1, "missing column 'value'" },
};

ParameterizedTestParameters(import_content, bad_input_is_reported_where_it_is_and_changes_nothing)
{
	return cr_make_param_array(bad_case, bad_cases, sizeof(bad_cases) / sizeof(bad_cases[0]));
}

ParameterizedTest(bad_case *c, import_content, bad_input_is_reported_where_it_is_and_changes_nothing)
{
	kik_plan *plan;
	const kik_error *e;
	char *before, *after;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	before = fingerprint(plan);
	cr_assert(eq(int, import(plan, c->kind, c->csv), KIK_EPARSE), "%s", c->csv);
	e = kik_error_last();
	cr_assert(ne(ptr, (void *)e, NULL));
	cr_assert(eq(str, (char *)e->file, "in.csv"));
	cr_assert(ne(ptr, strstr(e->message, c->message), NULL), "%s: '%s'", c->csv, e->message);
	cr_assert(eq(ulong, e->line, c->line), "%s: %s", c->csv, e->message);
	cr_assert(eq(ulong, e->column, c->column), "%s: %s", c->csv, e->message);
	after = fingerprint(plan);
	assert_same_content(after, before, c->csv);
	free(before);
	free(after);
	kik_plan_free(plan);
}

/* ---- what an import replaces ------------------------------------------------------------- */

Test(import_content, notes_are_put_by_goal_and_complete_removes_the_others)
{
	static const char one[] = "field;goal;current_state\nSB;1;Begonnen\n";
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	cr_assert(eq(int, import(plan, KIK_IMPORT_NOTES, one), 0));
	cr_assert(eq(sz, kik_plan_note_count(plan), 43));
	cr_assert(eq(str, (char *)kik_note_current_state(kik_plan_note(plan, 0)), "Begonnen"));
	cr_assert(eq(str, (char *)kik_note_outlook(kik_plan_note(plan, 0)), ""), "the row's note replaces it whole");
	o.flags = KIK_IMPORT_COMPLETE;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_NOTES, one, strlen(one), "n", &o), 0));
	cr_assert(eq(sz, kik_plan_note_count(plan), 1));
	kik_plan_free(plan);
}

Test(import_content, field_notes_replace_the_lists_they_name)
{
	static const char csv[] = "field;section;text\nSB;focus;neu eins\nSB;focus;neu zwei\n";
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	kik_plan *plan;
	size_t i, focus = 0, n;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	n = kik_plan_field_note_count(plan);
	cr_assert(eq(int, import(plan, KIK_IMPORT_FIELD_NOTES, csv), 0));
	cr_assert(eq(int, import(plan, KIK_IMPORT_FIELD_NOTES, csv), 0), "again: the same, not twice");
	cr_assert(eq(sz, kik_plan_field_note_count(plan), n), "SB had two focus points, and has two");
	for (i = 0; i < kik_plan_field_note_count(plan); i++) {
		const kik_field_note *note = kik_plan_field_note(plan, i);
		if (kik_field_note_kind_of(note) == KIK_FIELD_NOTE_FOCUS &&
		    !strcmp(kik_field_code(kik_field_note_field(note)), "SB"))
			cr_assert(eq(str, (char *)kik_field_note_text(note), focus++ ? "neu zwei" : "neu eins"));
	}
	cr_assert(eq(sz, focus, 2));
	o.flags = KIK_IMPORT_COMPLETE;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_FIELD_NOTES, csv, strlen(csv), "f", &o), 0));
	cr_assert(eq(sz, kik_plan_field_note_count(plan), 2));
	kik_plan_free(plan);
}

Test(import_content, a_timeline_file_replaces_the_timeline_in_date_order)
{
	static const char csv[] = "date;until;text\n2025-03;;später\n2024-01;offen;früher\n";
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	cr_assert(eq(int, import(plan, KIK_IMPORT_TIMELINE, csv), 0));
	cr_assert(eq(sz, kik_plan_timeline_count(plan), 2));
	cr_assert(eq(str, (char *)kik_timeline_entry_text(kik_plan_timeline_entry(plan, 0)), "früher"));
	cr_assert(eq(int, kik_timeline_entry_is_open(kik_plan_timeline_entry(plan, 0)), 1));
	kik_plan_free(plan);
}

Test(import_content, a_share_may_name_a_figure_further_down_the_file)
{
	static const char csv[] = "name;unit;date;value;share_of\nEU;percent;2024-12-31;40;Ausländer\n"
				  "Ausländer;percent;2024-12-31;19,5 %;Einwohner*innen\n";
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	cr_assert(eq(int, import(plan, KIK_IMPORT_FIGURES, csv), 0), "%s", kik_error_last()->message);
	cr_assert(eq(dbl, kik_figure_value(kik_plan_find_figure(plan, "Ausländer", "2024-12-31")), 19.5));
	kik_plan_free(plan);
}

Test(import_content, validation_lists_every_problem_of_a_content_file)
{
	static const char csv[] = "field;goal;current_state\nXX;1;a\nSB;1;ok\nSB;99;b\nSB;2;\n";
	kik_diagnostics *d = NULL;
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	cr_assert(eq(int, kik_plan_validate_buffer(plan, KIK_IMPORT_AUTO, csv, strlen(csv), "n.csv", NULL, 0, &d),
		     KIK_EPARSE));
	cr_assert(eq(sz, kik_diagnostics_count(d), 3));
	cr_assert(eq(ulong, kik_diagnostics_get(d, 0)->line, 2));
	cr_assert(eq(ulong, kik_diagnostics_get(d, 1)->line, 4));
	cr_assert(eq(ulong, kik_diagnostics_get(d, 2)->line, 5));
	cr_assert(eq(str, (char *)kik_note_current_state(kik_plan_note(plan, 0)), "Wartend"), "validation only reads");
	kik_diagnostics_free(d);
	kik_plan_free(plan);
}

Test(import_content, complete_is_refused_for_kinds_without_a_list)
{
	static const char csv[] = "code;name\nWQ;Wohnen\n";
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	o.flags = KIK_IMPORT_COMPLETE;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_FIELDS, csv, strlen(csv), "f", &o), KIK_EINVAL));
	cr_assert(eq(str, (char *)kik_import_kind_key(KIK_IMPORT_PRIORITIES), "priorities"));
	cr_assert(eq(ptr, (void *)kik_import_kind_key((kik_import_kind)13), NULL));
	kik_plan_free(plan);
}
