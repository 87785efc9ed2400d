/* The report content's exports: every kind, in every dialect, reads back to the same
 * content, with multi-paragraph and bulleted texts, formula-like texts and German numbers. */
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <string.h>

static const kik_import_kind kinds[] = { KIK_IMPORT_PLAN_INFO, KIK_IMPORT_NOTES,    KIK_IMPORT_FIELD_NOTES,
					 KIK_IMPORT_PROJECTS,  KIK_IMPORT_TIMELINE, KIK_IMPORT_PRIORITIES,
					 KIK_IMPORT_FIGURES };
enum { KINDS = sizeof(kinds) / sizeof(kinds[0]) };

/* The content of a plan, every kind exported with the default options. */
static char *content_of(kik_plan *plan)
{
	sink s = { NULL, 0, 0 };
	size_t k;
	for (k = 0; k < KINDS; k++)
		cr_assert(eq(int, kik_plan_export(plan, kinds[k], to_sink, &s, NULL), 0));
	return s.data;
}

static kik_plan *model_only(void)
{
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_FIELDS, KIK_TEST_DATA "/kik-fields.csv", NULL), 0));
	cr_assert(
	    eq(int, kik_plan_import_file(plan, KIK_IMPORT_MEASURES, KIK_TEST_DATA "/kik-2023-10-05.csv", NULL), 0));
	return plan;
}

/* The bundled plan with content that tries the contracts: texts that look like formulas,
 * quotes, delimiters, line breaks of every kind, an open range, goals of a project, an
 * end, a percentage with two decimals and a negative count. */
static kik_plan *rich_plan(void)
{
	static const char *const goals[] = { "IO-6", "IO-7", "IO-8" };
	static const char *const orgs[] = { "vhs; Kempten", "Amt \"für\" Integration" };
	static const char *const measures[] = { "SB-4.6" };
	kik_project_desc p = KIK_PROJECT_DESC_INIT;
	kik_timeline_desc t = KIK_TIMELINE_DESC_INIT;
	kik_round_desc r = KIK_ROUND_DESC_INIT;
	kik_figure_desc f = KIK_FIGURE_DESC_INIT;
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	cr_assert(eq(int,
		     kik_plan_put_measure_note(plan, "SB-4.6", "=SUMME(A1)\n\n- erster Punkt\n- zweiter, mit ;",
					       "@Ausblick\r\nmit \"Zitat\""),
		     0));
	cr_assert(
	    eq(int, kik_plan_add_field_note(plan, "GT", KIK_FIELD_NOTE_HIGHLIGHT, "-Titel", "+Text\ttab", NULL), 0));
	p.name = "MITEINANDER Kempten gestalten";
	p.field = "IO";
	p.organisations = orgs;
	p.organisation_count = 2;
	p.start = "2021-07";
	p.end = "2024";
	p.goals = goals;
	p.goal_count = 3;
	p.measures = measures;
	p.measure_count = 1;
	p.description = "Absatz eins.\n\nAbsatz zwei:\n\n- a\n- b";
	cr_assert(eq(int, kik_plan_put_project(plan, &p, NULL), 0));
	t.date = "2022-09";
	t.open = 1;
	t.text = "Seit September 2022";
	cr_assert(eq(int, kik_plan_add_timeline_entry(plan, &t, NULL), 0));
	r.name = "Runde 2025";
	r.from = "2025-02-01";
	r.open = 1;
	r.measures = measures;
	r.measure_count = 1;
	cr_assert(eq(int, kik_plan_put_round(plan, &r, NULL), 0));
	f.name = "Anteil";
	f.unit = KIK_UNIT_PERCENT;
	f.date = "2024-12-31";
	f.value = 1234.56;
	f.decimals = 2;
	f.share_of = "Einwohner*innen";
	cr_assert(eq(int, kik_plan_put_figure(plan, &f, NULL), 0));
	f.name = "Saldo";
	f.unit = KIK_UNIT_COUNT;
	f.value = -1234567;
	f.decimals = 0;
	f.share_of = NULL;
	cr_assert(eq(int, kik_plan_put_figure(plan, &f, NULL), 0));
	cr_assert(eq(int, kik_plan_set_title(plan, "Zwischenbericht; 2025"), 0));
	return plan;
}

typedef struct dialect {
	char delimiter;
	kik_encoding encoding;
	int bom, crlf;
	kik_export_labels labels;
} dialect;

Test(export_content, every_kind_reads_back_in_every_dialect)
{
	static const dialect dialects[] = {
		{ ';', KIK_ENCODING_UTF8, 0, 0, KIK_EXPORT_KEYS },  { ',', KIK_ENCODING_UTF8, 1, 1, KIK_EXPORT_GERMAN },
		{ '\t', KIK_ENCODING_UTF8, 0, 1, KIK_EXPORT_KEYS }, { ';', KIK_ENCODING_UTF8, 0, 0, KIK_EXPORT_GERMAN },
		{ ',', KIK_ENCODING_UTF8, 0, 0, KIK_EXPORT_KEYS },
	};
	kik_plan *plan = rich_plan();
	char *want = content_of(plan);
	size_t d, k;
	for (d = 0; d < sizeof(dialects) / sizeof(dialects[0]); d++) {
		kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
		kik_plan *copy = model_only();
		char *got;
		o.delimiter = dialects[d].delimiter;
		o.encoding = dialects[d].encoding;
		o.bom = dialects[d].bom;
		o.crlf = dialects[d].crlf;
		o.labels = dialects[d].labels;
		for (k = 0; k < KINDS; k++) {
			sink s = { NULL, 0, 0 };
			cr_assert(eq(int, kik_plan_export(plan, kinds[k], to_sink, &s, &o), 0));
			/* AUTO tells the content kinds apart; plan information is named */
			cr_assert(eq(int,
				     kik_plan_import_buffer(
					 copy, kinds[k] == KIK_IMPORT_PLAN_INFO ? kinds[k] : KIK_IMPORT_AUTO, s.data,
					 s.len, "export.csv", NULL),
				     0),
				  "dialect %zu, %s: %s", d, kik_import_kind_key(kinds[k]), kik_error_last()->message);
			free(s.data);
		}
		got = content_of(copy);
		assert_same_content(got, want, "export then import");
		free(got);
		kik_plan_free(copy);
	}
	free(want);
	kik_plan_free(plan);
}

Test(export_content, texts_survive_paragraphs_bullets_and_formula_like_starts)
{
	kik_plan *plan = rich_plan(), *copy = model_only();
	const kik_project *p;
	size_t k;
	for (k = 0; k < KINDS; k++) {
		sink s = { NULL, 0, 0 };
		cr_assert(eq(int, kik_plan_export(plan, kinds[k], to_sink, &s, NULL), 0));
		cr_assert(eq(int, kik_plan_import_buffer(copy, kinds[k], s.data, s.len, "e.csv", NULL), 0));
		free(s.data);
	}
	cr_assert(eq(str, (char *)kik_note_current_state(kik_measure_note(kik_plan_find_measure(copy, "SB-4.6"))),
		     "=SUMME(A1)\n\n- erster Punkt\n- zweiter, mit ;"));
	cr_assert(eq(str, (char *)kik_note_outlook(kik_measure_note(kik_plan_find_measure(copy, "SB-4.6"))),
		     "@Ausblick\nmit \"Zitat\""));
	/* a goal note of the bundled report with a list in its middle */
	cr_assert(
	    ne(ptr,
	       strstr(kik_note_current_state(kik_goal_note(kik_field_find_goal(kik_plan_find_field(copy, "SB"), 3))),
		      "zwischen:\n\n- Mehrgenerationenhaus/Grundschule Kottern-Eich/KiTa Flohkiste\n- Stadtjugendring"),
	       NULL));
	p = kik_plan_find_project(copy, "MITEINANDER Kempten gestalten");
	cr_assert(eq(str, (char *)kik_project_description(p), "Absatz eins.\n\nAbsatz zwei:\n\n- a\n- b"));
	cr_assert(eq(str, (char *)kik_project_organisation(p, 0), "vhs; Kempten"));
	cr_assert(eq(sz, kik_project_goal_count(p), 3));
	cr_assert(eq(str, (char *)kik_project_end(p), "2024"));
	cr_assert(eq(dbl, kik_figure_value(kik_plan_find_figure(copy, "Anteil", "2024-12-31")), 1234.56));
	cr_assert(eq(dbl, kik_figure_value(kik_plan_find_figure(copy, "Saldo", "2024-12-31")), -1234567.0));
	cr_assert(eq(str, (char *)kik_plan_title(copy), "Zwischenbericht; 2025"));
	kik_plan_free(plan);
	kik_plan_free(copy);
}

Test(export_content, german_export_writes_german_numbers_and_labels)
{
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	kik_plan *plan = rich_plan();
	sink s = { NULL, 0, 0 };
	o.labels = KIK_EXPORT_GERMAN;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_FIGURES, to_sink, &s, &o), 0));
	cr_assert(eq(int, strncmp(s.data, "Kennzahl;Einheit;Stichtag;Wert;Quelle;Anteil an\n", 48), 0));
	cr_assert(ne(ptr, strstr(s.data, "Einwohner*innen;Anzahl;2020-12-31;70.787;"), NULL));
	cr_assert(ne(ptr, strstr(s.data, ";Prozent;2020-12-31;38,2 %;"), NULL));
	cr_assert(ne(ptr, strstr(s.data, "Anteil;Prozent;2024-12-31;1234,56 %;"), NULL),
		  "no thousands in a percentage");
	cr_assert(ne(ptr, strstr(s.data, "Saldo;Anzahl;2024-12-31;-1.234.567;"), NULL));
	free(s.data);
	s.data = NULL, s.len = s.cap = 0;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_FIGURES, to_sink, &s, NULL), 0));
	cr_assert(ne(ptr, strstr(s.data, "Einwohner*innen;count;2020-12-31;70787;"), NULL));
	cr_assert(ne(ptr, strstr(s.data, "Anteil;percent;2024-12-31;1234.56;"), NULL));
	free(s.data);
	s.data = NULL, s.len = s.cap = 0;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_TIMELINE, to_sink, &s, &o), 0));
	cr_assert(ne(ptr, strstr(s.data, "2022-09;offen;Seit September 2022;\n"), NULL));
	free(s.data);
	kik_plan_free(plan);
}

Test(export_content, windows_1252_refuses_what_it_cannot_hold_and_reads_back_what_it_can)
{
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	kik_plan *plan = rich_plan(), *copy = model_only();
	sink s = { NULL, 0, 0 };
	o.encoding = KIK_ENCODING_CP1252;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_NOTES, to_sink, &s, &o), 0));
	cr_assert(eq(int, kik_plan_import_buffer(copy, KIK_IMPORT_NOTES, s.data, s.len, "n.csv", NULL), 0));
	free(s.data);
	cr_assert(eq(str, (char *)kik_note_current_state(kik_plan_note(copy, 3)),
		     (char *)kik_note_current_state(kik_plan_note(plan, 3))));
	cr_assert(eq(int, kik_plan_put_goal_note(plan, "SB", 1, "Pfeil →", NULL), 0));
	s.data = NULL, s.len = s.cap = 0;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_NOTES, to_sink, &s, &o), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "U+2192"), NULL));
	free(s.data);
	kik_plan_free(plan);
	kik_plan_free(copy);
}
