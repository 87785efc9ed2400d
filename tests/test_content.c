/* The report's content in the model (kik/content.h): the bundled report's parts, putting,
 * replacing and removing each kind, the checks on every value, figures' numbers in German
 * and English notation, copies, and keeping the content in step when the model changes. */
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <kik/kik.h>
#include <string.h>

static kik_plan *bundled(void)
{
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	return plan;
}

/* The message of the last error contains `part`. */
static void assert_error(int err, int code, const char *part)
{
	cr_assert(eq(int, err, code));
	cr_assert(ne(ptr, (void *)kik_error_last(), NULL));
	cr_assert(eq(int, kik_error_last()->code, code));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, part), NULL), "'%s' not in '%s'", part,
		  kik_error_last()->message);
}

static char *export_kind(kik_plan *plan, kik_import_kind kind)
{
	sink s = { NULL, 0, 0 };
	cr_assert(eq(int, kik_plan_export(plan, kind, to_sink, &s, NULL), 0));
	return s.data;
}

Test(content, the_bundled_plan_has_the_reports_content)
{
	kik_plan *plan = bundled();
	const kik_project *p;
	const kik_figure *f;
	size_t i, g, goals = 0;
	cr_assert(eq(sz, kik_plan_note_count(plan), 43));
	cr_assert(eq(sz, kik_plan_field_note_count(plan), 46));
	cr_assert(eq(sz, kik_plan_project_count(plan), 11));
	cr_assert(eq(sz, kik_plan_timeline_count(plan), 7));
	cr_assert(eq(sz, kik_plan_round_count(plan), 2));
	cr_assert(eq(sz, kik_plan_figure_count(plan), 16));
	cr_assert(eq(str, (char *)kik_plan_title(plan), "Zwischenbericht"));
	cr_assert(eq(str, (char *)kik_plan_office(plan), "Amt für Integration, Stadt Kempten (Allgäu)"));
	for (i = 0; i < kik_plan_field_count(plan); i++) {
		const kik_field *field = kik_plan_field(plan, i);
		for (g = 0; g < kik_field_goal_count(field); g++, goals++) {
			const kik_note *n = kik_goal_note(kik_field_goal(field, g));
			cr_assert(ne(ptr, (void *)n, NULL), "%s %zu", kik_field_code(field), g);
			cr_assert(eq(ptr, (void *)kik_note_goal(n), (void *)kik_field_goal(field, g)));
			cr_assert(eq(ptr, (void *)kik_note_measure(n), NULL));
			cr_assert(gt(sz, strlen(kik_note_current_state(n)) + strlen(kik_note_outlook(n)), 0));
		}
	}
	cr_assert(eq(sz, goals, 43));
	cr_assert(eq(
	    str, (char *)kik_note_current_state(kik_goal_note(kik_field_find_goal(kik_plan_find_field(plan, "SB"), 1))),
	    "Wartend"));
	p = kik_plan_find_project(plan, "Netzwerkrunde „Perspektivberatung“");
	cr_assert(ne(ptr, (void *)p, NULL));
	cr_assert(eq(sz, kik_project_measure_count(p), 3));
	cr_assert(eq(str, (char *)kik_measure_id(kik_project_measure(p, 0)), "AA-1.1"));
	cr_assert(eq(str, (char *)kik_measure_id(kik_project_measure(p, 1)), "AA-1.2"));
	cr_assert(eq(str, (char *)kik_measure_id(kik_project_measure(p, 2)), "AA-2.4"));
	cr_assert(eq(str, (char *)kik_field_code(kik_project_field(p)), "AA"));
	p = kik_plan_find_project(plan, "Dolmetscher-Pool – Diakonie Allgäu");
	cr_assert(eq(sz, kik_project_measure_count(p), 3));
	cr_assert(eq(str, (char *)kik_measure_id(kik_project_measure(p, 2)), "BE-5.3"));
	cr_assert(eq(str, (char *)kik_project_start(p), "2020"));
	cr_assert(eq(str, (char *)kik_project_organisation(p, 0), "Diakonie Allgäu"));
	cr_assert(eq(str, (char *)kik_timeline_entry_date(kik_plan_timeline_entry(plan, 0)), "2021-11-18"));
	cr_assert(eq(str, (char *)kik_timeline_entry_until(kik_plan_timeline_entry(plan, 1)), "2022-03"));
	cr_assert(eq(sz, kik_timeline_entry_field_count(kik_plan_timeline_entry(plan, 1)), 2));
	f = kik_plan_find_figure(plan, "Einwohner*innen", "2022-12-31");
	cr_assert(eq(dbl, kik_figure_value(f), 71918.0));
	cr_assert(eq(int, kik_figure_unit_of(f), KIK_UNIT_COUNT));
	f = kik_plan_find_figure(plan, "Menschen mit Migrationshintergrund in %", "2020-12-31");
	cr_assert(eq(dbl, kik_figure_value(f), 38.2));
	cr_assert(eq(u32, kik_figure_decimals(f), 1));
	cr_assert(eq(str, (char *)kik_figure_share_of(f), "Einwohner*innen"));
	kik_plan_free(plan);
}

Test(content, getters_given_null_return_sentinels)
{
	cr_assert(eq(sz, kik_plan_note_count(NULL), 0));
	cr_assert(eq(ptr, (void *)kik_plan_note(NULL, 0), NULL));
	cr_assert(eq(ptr, (void *)kik_goal_note(NULL), NULL));
	cr_assert(eq(ptr, (void *)kik_note_current_state(NULL), NULL));
	cr_assert(eq(int, kik_field_note_kind_of(NULL), KIK_FIELD_NOTE_INVALID));
	cr_assert(eq(ptr, (void *)kik_project_name(NULL), NULL));
	cr_assert(eq(sz, kik_project_measure_count(NULL), 0));
	cr_assert(eq(ptr, (void *)kik_timeline_entry_date(NULL), NULL));
	cr_assert(eq(int, kik_timeline_entry_is_open(NULL), 0));
	cr_assert(eq(ptr, (void *)kik_round_name(NULL), NULL));
	cr_assert(eq(int, kik_figure_unit_of(NULL), KIK_UNIT_INVALID));
	cr_assert(eq(dbl, kik_figure_value(NULL), 0.0));
	cr_assert(eq(ptr, (void *)kik_plan_title(NULL), NULL));
	cr_assert(eq(ptr, (void *)kik_field_note_kind_key(KIK_FIELD_NOTE_KIND_COUNT), NULL));
	cr_assert(eq(str, (char *)kik_field_note_kind_label(KIK_FIELD_NOTE_FOCUS, KIK_LANG_DE), "Schwerpunkt"));
	cr_assert(eq(str, (char *)kik_figure_unit_label(KIK_UNIT_PERCENT, KIK_LANG_DE), "Prozent"));
}

Test(content, notes_are_put_replaced_in_place_and_removed)
{
	kik_plan *plan = bundled();
	const kik_goal *sb4 = kik_field_find_goal(kik_plan_find_field(plan, "SB"), 4);
	const kik_note *n;
	cr_assert(eq(int, kik_plan_put_goal_note(plan, "SB", 4, "Neu\r\n\r\nZweiter Absatz  ", NULL), 0));
	cr_assert(eq(ptr, (void *)kik_error_last(), NULL));
	n = kik_goal_note(sb4);
	cr_assert(eq(str, (char *)kik_note_current_state(n), "Neu\n\nZweiter Absatz"));
	cr_assert(eq(str, (char *)kik_note_outlook(n), ""));
	cr_assert(eq(ptr, (void *)kik_plan_note(plan, 3), (void *)n), "a replaced note keeps its place");
	cr_assert(eq(sz, kik_plan_note_count(plan), 43));
	cr_assert(eq(int, kik_plan_put_measure_note(plan, "sb-4.6", NULL, "Ausblick der Maßnahme"), 0));
	cr_assert(eq(sz, kik_plan_note_count(plan), 44));
	n = kik_measure_note(kik_plan_find_measure(plan, "SB-4.6"));
	cr_assert(eq(str, (char *)kik_measure_id(kik_note_measure(n)), "SB-4.6"));
	cr_assert(eq(ptr, (void *)kik_note_goal(n), (void *)sb4));
	cr_assert(eq(ptr, (void *)kik_goal_note(sb4), (void *)kik_plan_note(plan, 3)), "the goal keeps its own");
	assert_error(kik_plan_put_goal_note(plan, "SB", 4, "", " "), KIK_EINVAL, "both are empty");
	assert_error(kik_plan_put_goal_note(plan, "XX", 4, "a", NULL), KIK_ENOTFOUND, "no field with code 'XX'");
	assert_error(kik_plan_put_goal_note(plan, "SB", 99, "a", NULL), KIK_ENOTFOUND, "has no goal 99");
	assert_error(kik_plan_put_measure_note(plan, "SB-4.99", "a", NULL), KIK_ENOTFOUND, "SB-4.99");
	assert_error(kik_plan_put_goal_note(plan, "SB", 4, "bad \xC3", NULL), KIK_EINVAL, "not valid UTF-8");
	cr_assert(eq(str, (char *)kik_note_current_state(kik_goal_note(sb4)), "Neu\n\nZweiter Absatz"));
	cr_assert(eq(int, kik_plan_remove_measure_note(plan, "SB-4.6"), 0));
	assert_error(kik_plan_remove_measure_note(plan, "SB-4.6"), KIK_ENOTFOUND, "SB-4.6 has no note");
	cr_assert(eq(int, kik_plan_remove_goal_note(plan, "SB", 4), 0));
	cr_assert(eq(ptr, (void *)kik_goal_note(sb4), NULL));
	cr_assert(eq(sz, kik_plan_note_count(plan), 42));
	kik_plan_free(plan);
}

Test(content, field_notes_keep_their_order_per_field_and_kind)
{
	kik_plan *plan;
	const kik_field_note *n;
	size_t i, focus = 0;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_add_field(plan, "SB", "Sprache und Bildung", NULL), 0));
	cr_assert(eq(int, kik_plan_add_field_note(plan, "SB", KIK_FIELD_NOTE_FOCUS, NULL, "eins", NULL), 0));
	cr_assert(eq(int, kik_plan_add_field_note(plan, NULL, KIK_FIELD_NOTE_CONTEXT, "Titel", "plan", &n), 0));
	cr_assert(eq(ptr, (void *)kik_field_note_field(n), NULL));
	cr_assert(
	    eq(int, kik_plan_add_field_note(plan, "Sprache und Bildung", KIK_FIELD_NOTE_FOCUS, "", "zwei", NULL), 0));
	cr_assert(eq(int, kik_plan_set_field_note(plan, "SB", KIK_FIELD_NOTE_FOCUS, 1, "T", "zwei neu"), 0));
	for (i = 0; i < kik_plan_field_note_count(plan); i++) {
		n = kik_plan_field_note(plan, i);
		if (kik_field_note_kind_of(n) == KIK_FIELD_NOTE_FOCUS)
			cr_assert(eq(str, (char *)kik_field_note_text(n), focus++ ? "zwei neu" : "eins"));
	}
	cr_assert(eq(sz, focus, 2));
	assert_error(kik_plan_set_field_note(plan, "SB", KIK_FIELD_NOTE_FOCUS, 2, NULL, "x"), KIK_ENOTFOUND,
		     "no focus note 2 of SB");
	assert_error(kik_plan_add_field_note(plan, "XX", KIK_FIELD_NOTE_FOCUS, NULL, "x", NULL), KIK_ENOTFOUND,
		     "no field 'XX'");
	assert_error(kik_plan_add_field_note(plan, "SB", KIK_FIELD_NOTE_FOCUS, NULL, " ", NULL), KIK_EINVAL,
		     "needs a text");
	assert_error(kik_plan_add_field_note(plan, "SB", (kik_field_note_kind)4, NULL, "x", NULL), KIK_EINVAL,
		     "out of range");
	cr_assert(eq(int, kik_plan_remove_field_note(plan, "SB", KIK_FIELD_NOTE_FOCUS, 0), 0));
	cr_assert(eq(sz, kik_plan_field_note_count(plan), 2));
	cr_assert(eq(str, (char *)kik_field_note_title(kik_plan_field_note(plan, 1)), "T"));
	kik_plan_free(plan);
}

Test(content, field_note_kinds_and_units_parse_from_keys_and_labels)
{
	kik_field_note_kind kind;
	kik_figure_unit unit;
	cr_assert(eq(int, kik_field_note_kind_parse("Schwerpunkte", &kind), 0));
	cr_assert(eq(int, kind, KIK_FIELD_NOTE_FOCUS));
	cr_assert(eq(int, kik_field_note_kind_parse("AUSBLICK", &kind), 0));
	cr_assert(eq(int, kind, KIK_FIELD_NOTE_OUTLOOK));
	assert_error(kik_field_note_kind_parse("Fazit", &kind), KIK_EPARSE, "'Fazit' is not a kind");
	cr_assert(eq(int, kik_figure_unit_parse("Prozent", &unit), 0));
	cr_assert(eq(int, unit, KIK_UNIT_PERCENT));
	cr_assert(eq(int, kik_figure_unit_parse("%", &unit), 0));
	cr_assert(eq(int, unit, KIK_UNIT_PERCENT));
	cr_assert(eq(int, kik_figure_unit_parse("Anzahl", &unit), 0));
	cr_assert(eq(int, unit, KIK_UNIT_COUNT));
	assert_error(kik_figure_unit_parse("Euro", &unit), KIK_EPARSE, "not a unit");
}

Test(content, projects_cover_existing_measures_and_goals_each_once)
{
	kik_plan *plan = bundled();
	static const char *const orgs[] = { "Stadtjugendring", "vhs Kempten" };
	static const char *const measures[] = { "IO-6.2", "io-6.3" };
	static const char *const goals[] = { "IO-6", "IO-7" };
	static const char *const unknown[] = { "IO-6.2", "IO-9.9" };
	static const char *const twice[] = { "IO-6.2", "IO-6.2" };
	static const char *const bad_goal[] = { "IO-99" };
	kik_project_desc d = KIK_PROJECT_DESC_INIT;
	const kik_project *p;
	d.name = "Workshop „Bloggen gegen Rassismus“";
	d.field = "Interkulturelle Öffnung";
	d.organisations = orgs;
	d.organisation_count = 2;
	d.start = "2021-07";
	d.goals = goals;
	d.goal_count = 2;
	cr_assert(eq(int, kik_plan_put_project(plan, &d, &p), 0));
	cr_assert(eq(sz, kik_plan_project_count(plan), 12));
	cr_assert(eq(str, (char *)kik_field_code(kik_project_field(p)), "IO"));
	cr_assert(eq(u32, kik_goal_number(kik_project_goal(p, 1)), 7));
	cr_assert(eq(str, (char *)kik_project_organisation(p, 1), "vhs Kempten"));
	d.measures = measures;
	d.measure_count = 2;
	d.description = "Erster Absatz.\n\n- Punkt";
	cr_assert(eq(int, kik_plan_put_project(plan, &d, &p), 0));
	cr_assert(eq(sz, kik_plan_project_count(plan), 12), "put again: replaced");
	cr_assert(eq(ptr, (void *)kik_plan_project(plan, 11), (void *)p), "in its place");
	cr_assert(eq(str, (char *)kik_measure_id(kik_project_measure(p, 1)), "IO-6.3"));
	d.measures = unknown;
	assert_error(kik_plan_put_project(plan, &d, NULL), KIK_ENOTFOUND, "no measure 'IO-9.9'");
	d.measures = twice;
	assert_error(kik_plan_put_project(plan, &d, NULL), KIK_EINVAL, "IO-6.2 is named twice");
	d.measures = measures;
	d.goals = bad_goal;
	d.goal_count = 1;
	assert_error(kik_plan_put_project(plan, &d, NULL), KIK_ENOTFOUND, "no goal 'IO-99'");
	d.goal_count = 0;
	d.start = "2021-13";
	assert_error(kik_plan_put_project(plan, &d, NULL), KIK_EINVAL, "'2021-13' is not a start");
	d.start = "2021-07";
	d.end = "2020";
	assert_error(kik_plan_put_project(plan, &d, NULL), KIK_EINVAL, "the end 2020 is before the start 2021-07");
	d.end = NULL;
	d.measure_count = 0;
	cr_assert(eq(int, kik_plan_put_project(plan, &d, &p), 0), "a project may cover nothing (yet)");
	cr_assert(eq(sz, kik_project_measure_count(p) + kik_project_goal_count(p), 0));
	d.measure_count = 2;
	cr_assert(eq(int, kik_plan_put_project(plan, &d, NULL), 0));
	d.name = " ";
	assert_error(kik_plan_put_project(plan, &d, NULL), KIK_EINVAL, "needs a name");
	d.version = 2;
	assert_error(kik_plan_put_project(plan, &d, NULL), KIK_EINVAL, "version 2");
	cr_assert(eq(str, (char *)kik_project_description(kik_plan_project(plan, 11)), "Erster Absatz.\n\n- Punkt"));
	cr_assert(eq(int, kik_plan_remove_project(plan, "Workshop „Bloggen gegen Rassismus“"), 0));
	assert_error(kik_plan_remove_project(plan, "Workshop „Bloggen gegen Rassismus“"), KIK_ENOTFOUND, "no project");
	cr_assert(eq(sz, kik_plan_project_count(plan), 11));
	kik_plan_free(plan);
}

Test(content, the_timeline_stays_in_date_order)
{
	kik_plan *plan = bundled();
	static const char *const fields[] = { "GP", "Bürgerschaftliches Engagement" };
	kik_timeline_desc d = KIK_TIMELINE_DESC_INIT;
	const kik_timeline_entry *e;
	d.date = "2022-09";
	d.open = 1;
	d.text = "Umsetzung, offen";
	d.fields = fields;
	d.field_count = 2;
	cr_assert(eq(int, kik_plan_add_timeline_entry(plan, &d, &e), 0));
	cr_assert(eq(ptr, (void *)kik_plan_timeline_entry(plan, 4), (void *)e), "after the single date of 2022-09");
	cr_assert(eq(int, kik_timeline_entry_is_open(e), 1));
	cr_assert(eq(str, (char *)kik_field_code(kik_timeline_entry_field(e, 1)), "BE"));
	d.date = "2020";
	assert_error(kik_plan_add_timeline_entry(plan, &d, NULL), KIK_EINVAL, "'2020' is not a date");
	d.date = "2022-09";
	d.until = "2023-01";
	assert_error(kik_plan_add_timeline_entry(plan, &d, NULL), KIK_EINVAL, "an open range has no end");
	d.open = 0;
	d.until = "2022-08-31";
	assert_error(kik_plan_add_timeline_entry(plan, &d, NULL), KIK_EINVAL, "before the start");
	d.until = "2022-09-30"; /* within the month: not before it */
	cr_assert(eq(int, kik_plan_add_timeline_entry(plan, &d, NULL), 0));
	d.field_count = 1;
	d.fields = (const char *const[]){ "XX" };
	assert_error(kik_plan_add_timeline_entry(plan, &d, NULL), KIK_ENOTFOUND, "unknown field 'XX'");
	cr_assert(eq(sz, kik_plan_timeline_count(plan), 9));
	cr_assert(eq(int, kik_plan_remove_timeline_entry(plan, 0), 0));
	assert_error(kik_plan_remove_timeline_entry(plan, 8), KIK_ENOTFOUND, "no timeline entry 8");
	cr_assert(eq(str, (char *)kik_timeline_entry_date(kik_plan_timeline_entry(plan, 0)), "2022-02"));
	kik_plan_free(plan);
}

Test(content, rounds_are_put_by_name)
{
	kik_plan *plan = bundled();
	static const char *const measures[] = { "SB-4.6", "AA-1.1" };
	kik_round_desc d = KIK_ROUND_DESC_INIT;
	const kik_round *r;
	d.name = "Februar und März 2022";
	d.from = "2022-02";
	d.until = "2022-03";
	d.measures = measures;
	d.measure_count = 2;
	cr_assert(eq(int, kik_plan_put_round(plan, &d, &r), 0));
	cr_assert(eq(sz, kik_plan_round_count(plan), 2));
	cr_assert(eq(ptr, (void *)kik_plan_round(plan, 0), (void *)r));
	cr_assert(eq(sz, kik_round_field_count(r), 0), "replaced whole: the fields are gone");
	cr_assert(eq(str, (char *)kik_measure_id(kik_round_measure(r, 1)), "AA-1.1"));
	d.name = "2025";
	d.from = "2025-01";
	d.until = NULL;
	d.open = 1;
	cr_assert(eq(int, kik_plan_put_round(plan, &d, &r), 0));
	cr_assert(eq(int, kik_round_is_open(r), 1));
	cr_assert(eq(ptr, (void *)kik_plan_find_round(plan, "2025"), (void *)r));
	d.measures = (const char *const[]){ "SB-99.1" };
	d.measure_count = 1;
	assert_error(kik_plan_put_round(plan, &d, NULL), KIK_ENOTFOUND, "no measure 'SB-99.1'");
	cr_assert(eq(int, kik_plan_remove_round(plan, "2025"), 0));
	assert_error(kik_plan_remove_round(plan, "2025"), KIK_ENOTFOUND, "no round '2025'");
	kik_plan_free(plan);
}

Test(content, figures_are_put_by_name_and_date_and_shares_name_a_figure)
{
	kik_plan *plan = bundled();
	kik_figure_desc d = KIK_FIGURE_DESC_INIT;
	const kik_figure *f;
	d.name = "Einwohner*innen";
	d.date = "2024-12-31";
	d.value = 72500;
	d.source = "Faktencheck Migration 2024";
	cr_assert(eq(int, kik_plan_put_figure(plan, &d, &f), 0));
	cr_assert(eq(sz, kik_plan_figure_count(plan), 17));
	d.value = 72501;
	cr_assert(eq(int, kik_plan_put_figure(plan, &d, &f), 0));
	cr_assert(eq(sz, kik_plan_figure_count(plan), 17));
	cr_assert(eq(dbl, kik_figure_value(f), 72501.0));
	d.value = 1.5;
	assert_error(kik_plan_put_figure(plan, &d, NULL), KIK_EINVAL, "a count is a whole number");
	d.unit = KIK_UNIT_PERCENT;
	d.value = 41.25;
	d.decimals = 2;
	d.name = "Anteil";
	d.share_of = "Einwohnende";
	assert_error(kik_plan_put_figure(plan, &d, NULL), KIK_ENOTFOUND, "no figure 'Einwohnende'");
	d.share_of = "Einwohner*innen";
	cr_assert(eq(int, kik_plan_put_figure(plan, &d, &f), 0));
	cr_assert(eq(dbl, kik_figure_value(f), 41.25));
	d.decimals = 3;
	assert_error(kik_plan_put_figure(plan, &d, NULL), KIK_EINVAL, "at most two");
	d.decimals = 1;
	d.share_of = "Anteil";
	assert_error(kik_plan_put_figure(plan, &d, NULL), KIK_EINVAL, "a share of itself");
	d.unit = KIK_UNIT_COUNT;
	d.decimals = 0;
	d.share_of = "Einwohner*innen";
	assert_error(kik_plan_put_figure(plan, &d, NULL), KIK_EINVAL, "only a percentage is a share");
	d.share_of = NULL;
	d.date = "2024-12";
	assert_error(kik_plan_put_figure(plan, &d, NULL), KIK_EINVAL, "expected YYYY-MM-DD");
	/* the base of a share cannot go while the share names it (other dates of it can) */
	cr_assert(eq(int, kik_plan_remove_figure(plan, "Einwohner*innen", "2024-12-31"), 0));
	cr_assert(eq(int, kik_plan_remove_figure(plan, "Einwohner*innen", "2020-12-31"), 0));
	assert_error(kik_plan_remove_figure(plan, "Einwohner*innen", "2022-12-31"), KIK_ENOTEMPTY, "is a share of");
	assert_error(kik_plan_remove_figure(plan, "Nationen", "2024-12-31"), KIK_ENOTFOUND, "no figure");
	kik_plan_free(plan);
}

/* ---- values in German and English notation ------------------------------------------------ */

/* arrays, not pointers: Criterion copies the parameters into each test's process */
typedef struct value_case {
	char text[32];
	kik_figure_unit unit;
	int err;
	double value;
	unsigned decimals;
	char message[128]; /* a part of the error's message */
} value_case;

static value_case value_cases[] = {
	{ "70.787", KIK_UNIT_COUNT, 0, 70787, 0, "" },
	{ "70,787", KIK_UNIT_COUNT, 0, 70787, 0, "" },
	{ "70787", KIK_UNIT_COUNT, 0, 70787, 0, "" },
	{ "70\xE2\x80\x89"
	  "787",
	  KIK_UNIT_COUNT, 0, 70787, 0, "" }, /* a thin space, as the report prints it */
	{ "1.234.567", KIK_UNIT_COUNT, 0, 1234567, 0, "" },
	{ " 1376 ", KIK_UNIT_COUNT, 0, 1376, 0, "" },
	{ "38,2 %", KIK_UNIT_PERCENT, 0, 38.2, 1, "" },
	{ "38,2%", KIK_UNIT_PERCENT, 0, 38.2, 1, "" },
	{ "38.2", KIK_UNIT_PERCENT, 0, 38.2, 1, "" },
	{ "40,45", KIK_UNIT_PERCENT, 0, 40.45, 2, "" },
	{ "-2,7", KIK_UNIT_PERCENT, 0, -2.7, 1, "" },
	{ "1.234,5", KIK_UNIT_PERCENT, 0, 1234.5, 1, "" },
	{ "1,234.5", KIK_UNIT_PERCENT, 0, 1234.5, 1, "" },
	{ "1234.567", KIK_UNIT_PERCENT, KIK_EPARSE, 0, 0, "3 decimal places" },
	{ "100", KIK_UNIT_PERCENT, 0, 100, 0, "" },
	{ "1.234", KIK_UNIT_PERCENT, KIK_EPARSE, 0, 0,
	  "'1.234' is ambiguous: 1234 with a German thousands separator "
	  "or 1.234 with an English decimal point" },
	{ "1,234", KIK_UNIT_PERCENT, KIK_EPARSE, 0, 0, "is ambiguous" },
	{ "38,250 %", KIK_UNIT_PERCENT, KIK_EPARSE, 0, 0, "is ambiguous" },
	{ "0,125", KIK_UNIT_PERCENT, KIK_EPARSE, 0, 0, "3 decimal places" },
	{ "38,2 %", KIK_UNIT_COUNT, KIK_EPARSE, 0, 0, "has a percent sign, but the unit is a count" },
	{ "12,5", KIK_UNIT_COUNT, KIK_EPARSE, 0, 0, "is not a count" },
	{ "1.23.456", KIK_UNIT_COUNT, KIK_EPARSE, 0, 0, "grouped by three digits" },
	{ "1.234,567.8", KIK_UNIT_COUNT, KIK_EPARSE, 0, 0, "grouped by three digits" },
	{ "zwölf", KIK_UNIT_COUNT, KIK_EPARSE, 0, 0, "is not a number" },
	{ "", KIK_UNIT_COUNT, KIK_EPARSE, 0, 0, "is not a number" },
	{ "5.", KIK_UNIT_PERCENT, KIK_EPARSE, 0, 0, "is not a number" },
	{ "1000000000000000", KIK_UNIT_COUNT, KIK_EPARSE, 0, 0, "too large" },
};

ParameterizedTestParameters(content, values_read_as_written)
{
	return cr_make_param_array(value_case, value_cases, sizeof(value_cases) / sizeof(value_cases[0]));
}

ParameterizedTest(value_case *c, content, values_read_as_written)
{
	double value = -1;
	unsigned decimals = 9;
	int err = kik_figure_value_parse(c->text, c->unit, &value, &decimals);
	cr_assert(eq(int, err, c->err), "'%s'", c->text);
	if (err) {
		cr_assert(ne(ptr, strstr(kik_error_last()->message, c->message), NULL), "'%s': %s", c->text,
			  kik_error_last()->message);
		cr_assert(eq(dbl, value, -1), "nothing written on failure");
	} else {
		cr_assert(eq(dbl, value, c->value), "'%s'", c->text);
		cr_assert(eq(u32, decimals, c->decimals), "'%s'", c->text);
	}
}

/* ---- copies and the model's changes -------------------------------------------------------- */

Test(content, a_copy_carries_the_content_and_is_independent)
{
	static const kik_import_kind kinds[] = { KIK_IMPORT_PLAN_INFO, KIK_IMPORT_NOTES,    KIK_IMPORT_FIELD_NOTES,
						 KIK_IMPORT_PROJECTS,  KIK_IMPORT_TIMELINE, KIK_IMPORT_PRIORITIES,
						 KIK_IMPORT_FIGURES };
	kik_plan *plan = bundled(), *copy;
	size_t k;
	cr_assert(eq(int, kik_plan_copy(plan, &copy), 0));
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		char *a = export_kind(plan, kinds[k]), *b = export_kind(copy, kinds[k]);
		cr_assert(eq(str, a, b), "%s", kik_import_kind_key(kinds[k]));
		free(a);
		free(b);
	}
	/* the copy's content names the copy's model */
	cr_assert(eq(ptr,
		     (void *)kik_project_measure(
			 kik_plan_find_project(copy, "„Kemptner Modell“ • Sprachförderung für Auszubildende"), 0),
		     (void *)kik_plan_find_measure(copy, "AA-3.1")));
	cr_assert(eq(int, kik_plan_put_goal_note(copy, "SB", 1, "geändert", NULL), 0));
	cr_assert(eq(str, (char *)kik_note_current_state(kik_plan_note(plan, 0)), "Wartend"));
	kik_plan_free(plan);
	cr_assert(eq(str, (char *)kik_note_current_state(kik_plan_note(copy, 0)), "geändert"));
	kik_plan_free(copy);
}

Test(content, an_import_of_measures_keeps_the_content_on_the_new_model)
{
	static const char csv[] = "field;goal;measure;text;status\nSB;4;4.6;Neuer Text;implemented\n";
	kik_plan *plan = bundled();
	const kik_project *p;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, csv, strlen(csv), "m.csv", NULL), 0));
	cr_assert(eq(sz, kik_plan_note_count(plan), 43));
	cr_assert(eq(ptr, (void *)kik_note_goal(kik_plan_note(plan, 0)),
		     (void *)kik_field_find_goal(kik_plan_find_field(plan, "SB"), 1)));
	p = kik_plan_find_project(plan, "KitaMUTter und Starke Mamas • EngagemenTräume");
	cr_assert(eq(ptr, (void *)kik_project_measure(p, 0), (void *)kik_plan_find_measure(plan, "SB-6.1")));
	kik_plan_free(plan);
}

Test(content, removing_a_measure_takes_it_out_of_notes_projects_and_rounds)
{
	kik_plan *plan = bundled();
	const kik_project *kita = kik_plan_find_project(plan, "KitaMUTter und Starke Mamas • EngagemenTräume");
	const kik_project *p;
	char *projects;
	cr_assert(eq(int, kik_plan_put_measure_note(plan, "SB-6.1", "Stand", NULL), 0));
	cr_assert(eq(int, kik_plan_remove_measure(plan, "SB-6.1"), 0));
	cr_assert(eq(sz, kik_plan_note_count(plan), 43));
	cr_assert(eq(sz, kik_project_measure_count(kita), 1));
	cr_assert(eq(str, (char *)kik_measure_id(kik_project_measure(kita, 0)), "SB-6.5"));
	/* a project whose only measure goes stays, covering nothing, and reads back so */
	cr_assert(eq(int, kik_plan_remove_measure(plan, "AA-3.1"), 0));
	p = kik_plan_find_project(plan, "„Kemptner Modell“ • Sprachförderung für Auszubildende");
	cr_assert(eq(sz, kik_project_measure_count(p), 0));
	projects = export_kind(plan, KIK_IMPORT_PROJECTS);
	cr_assert(eq(int, kik_plan_remove_project(plan, kik_project_name(p)), 0));
	cr_assert(
	    eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_PROJECTS, projects, strlen(projects), "p.csv", NULL), 0));
	p = kik_plan_find_project(plan, "„Kemptner Modell“ • Sprachförderung für Auszubildende");
	cr_assert(ne(ptr, (void *)p, NULL), "read back");
	cr_assert(eq(sz, kik_project_measure_count(p), 0));
	free(projects);
	kik_plan_free(plan);
}

Test(content, removing_a_goal_or_field_removes_its_notes)
{
	kik_plan *plan = bundled();
	kik_measure_desc m = KIK_MEASURE_DESC_INIT;
	kik_timeline_desc t = KIK_TIMELINE_DESC_INIT;
	size_t i, n = kik_plan_field_note_count(plan);
	cr_assert(eq(int, kik_plan_add_field(plan, "WQ", "Wohnen und Quartier", NULL), 0));
	m.field = "WQ";
	m.number = "1.1";
	m.text = "Wohnraum";
	cr_assert(eq(int, kik_plan_add_measure(plan, &m, NULL), 0));
	cr_assert(eq(int, kik_plan_put_goal_note(plan, "WQ", 1, "Stand", NULL), 0));
	cr_assert(eq(int, kik_plan_add_field_note(plan, "WQ", KIK_FIELD_NOTE_FOCUS, NULL, "Fokus", NULL), 0));
	t.date = "2025-01";
	t.text = "Neues Feld";
	t.fields = (const char *const[]){ "SB", "WQ" };
	t.field_count = 2;
	cr_assert(eq(int, kik_plan_add_timeline_entry(plan, &t, NULL), 0));
	cr_assert(eq(int, kik_plan_remove_measure(plan, "WQ-1.1"), 0));
	cr_assert(eq(sz, kik_plan_note_count(plan), 44), "the goal's note stays with its goal");
	cr_assert(eq(int, kik_plan_remove_goal(plan, "WQ", 1), 0));
	cr_assert(eq(sz, kik_plan_note_count(plan), 43));
	cr_assert(eq(int, kik_plan_remove_field(plan, "WQ"), 0));
	cr_assert(eq(sz, kik_plan_field_note_count(plan), n));
	for (i = 0; i < kik_plan_timeline_count(plan); i++)
		if (!strcmp(kik_timeline_entry_text(kik_plan_timeline_entry(plan, i)), "Neues Feld"))
			cr_assert(eq(sz, kik_timeline_entry_field_count(kik_plan_timeline_entry(plan, i)), 1));
	kik_plan_free(plan);
}

Test(content, title_and_office_are_set_and_unset)
{
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(str, (char *)kik_plan_title(plan), ""));
	cr_assert(eq(int, kik_plan_set_title(plan, " Zwischenbericht 2025 "), 0));
	cr_assert(eq(str, (char *)kik_plan_title(plan), "Zwischenbericht 2025"));
	cr_assert(eq(int, kik_plan_set_office(plan, "Amt"), 0));
	cr_assert(eq(int, kik_plan_set_office(plan, ""), 0));
	cr_assert(eq(str, (char *)kik_plan_office(plan), ""));
	assert_error(kik_plan_set_title(plan, NULL), KIK_EINVAL, "the title is NULL");
	assert_error(kik_plan_set_title(NULL, "x"), KIK_EINVAL, "the plan is NULL");
	kik_plan_free(plan);
}
