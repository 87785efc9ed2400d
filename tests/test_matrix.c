/* The report's status matrix as an import format, and telling it from a measures file. */
#include "plan_equal.h"

#include <stdio.h>

static kik_plan *plan, *bundled;

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_new_default(&bundled), 0));
	cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_FIELDS, KIK_TEST_DATA "/kik-fields.csv", NULL), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
	kik_plan_free(bundled);
}

TestSuite(matrix, .init = setup, .fini = teardown);

static int load(const char *text)
{
	return kik_plan_import_buffer(plan, KIK_IMPORT_MATRIX, text, strlen(text), "m.txt", NULL);
}

static void expect_error(unsigned long line, unsigned long column, const char *fragment)
{
	const kik_error *e = kik_error_last();
	cr_assert(ne(ptr, (void *)e, NULL));
	cr_assert(eq(int, e->code, KIK_EPARSE));
	cr_assert(eq(ulong, e->line, line), "%s", e->message);
	cr_assert(eq(ulong, e->column, column), "%s", e->message);
	cr_assert(ne(ptr, strstr(e->message, fragment), NULL), "%s", e->message);
	cr_assert(eq(sz, kik_plan_measure_count(plan), 0));
}

Test(matrix, the_seed_table_imports_to_the_bundled_plan)
{
	cr_assert(
	    eq(int, kik_plan_import_file(plan, KIK_IMPORT_MATRIX, KIK_TEST_FIXTURES "/seed-001-status-table.txt", NULL),
	       0));
	assert_plans_equal(plan, bundled, EQUAL_NAMES);
}

Test(matrix, auto_tells_the_matrix_from_a_measures_file)
{
	kik_plan *other;
	cr_assert(eq(
	    int, kik_plan_import_file(plan, KIK_IMPORT_AUTO, KIK_TEST_FIXTURES "/seed-001-status-table.txt", NULL), 0));
	assert_plans_equal(plan, bundled, EQUAL_NAMES);
	cr_assert(eq(int, kik_plan_new(&other), 0));
	cr_assert(eq(int, kik_plan_import_file(other, KIK_IMPORT_FIELDS, KIK_TEST_DATA "/kik-fields.csv", NULL), 0));
	cr_assert(eq(int, kik_plan_import_file(other, KIK_IMPORT_AUTO, KIK_TEST_DATA "/kik-2023-10-05.csv", NULL), 0));
	assert_plans_equal(other, bundled, EQUAL_NAMES);
	kik_plan_free(other);
}

Test(matrix, a_field_column_replaces_the_section_headings)
{
	static const char excel[] = "Handlungsfeld;Gruppe;Nummer;Ziel/Maßnahme;wartend;in Bearbeitung;implementiert\r\n"
				    "Gesundheit;Versorgung;1.;Zugang ist niederschwellig.;;;\r\n"
				    "Gesundheit;;1.1.;Aufklärung in Sprachen.;;x;\r\n"
				    "Wohnen;Quartier;1.;Gute Nachbarschaft.;;;\r\n"
				    "Wohnen;;1.1.;Feste feiern.;x;;\r\n";
	cr_assert(eq(int, load(excel), 0));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "GP-1.1")), KIK_STATUS_IN_PROGRESS));
	cr_assert(
	    eq(str, (char *)kik_group_name(kik_measure_group(kik_plan_find_measure(plan, "GP-1.1"))), "Versorgung"));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "Wohnen")), "W"));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "W-1.1")), KIK_STATUS_WAITING));
}

#define HEAD                                                                                                           \
	"## Handlungsfeld Gesundheit und Pflege\n\nGruppe\tNummer\tZiel/Maßnahme\twartend\tin "                       \
	"Bearbeitung\timplementiert\n"

Test(matrix, bad_matrices_get_precise_errors)
{
	cr_assert(eq(int, load(HEAD "<b>G</b>\t1.\tZiel\tx\t\t\n"), KIK_EPARSE));
	expect_error(4, 10, "goal 1. carries a status mark");
	cr_assert(eq(int, load(HEAD "G\t1.\tZiel\t\t\t\n\t1.1.\tText\t\t\t\n"), KIK_EPARSE));
	expect_error(5, 2, "has no status mark");
	cr_assert(eq(int, load(HEAD "G\t1.\tZiel\t\t\t\n\t1.1.\tText\tx\tx\t\n"), KIK_EPARSE));
	expect_error(5, 2, "several status marks");
	cr_assert(eq(int, load(HEAD "G\t1.\tZiel\t\t\t\n\t2.1.\tText\tx\t\t\n"), KIK_EPARSE));
	expect_error(5, 2, "does not belong to goal 1 (line 4)");
	cr_assert(eq(int, load(HEAD "\t1.1.\tText\tx\t\t\n"), KIK_EPARSE));
	expect_error(4, 2, "comes before any goal row");
	cr_assert(eq(int,
		     load("Gruppe\tNummer\tZiel/Maßnahme\twartend\tin Bearbeitung\timplementiert\nG\t1.\tZiel\t\t\t\n"),
		     KIK_EPARSE));
	expect_error(2, 3, "Handlungsfeld NAME");
	cr_assert(eq(int, load(HEAD "G\t1.\tZiel\t\t\t\n\tx\tText\tx\t\t\n"), KIK_EPARSE));
	expect_error(5, 2, "status mark in a row without");
	cr_assert(eq(int, load(HEAD "G\t1.\tZiel\t\t\t\n\t1.1.\tA\tx\t\t\n\t1.1.\tB\tx\t\t\n"), KIK_EPARSE));
	expect_error(6, 2, "appears twice: first on line 5");
}

Test(matrix, shifted_rows_markup_and_footnotes_are_read_as_meant)
{
	static const char shifted[] = HEAD "<b>Versorgung</b> 7\t<b>1.</b>\t<b>Ziel eins</b>\t\t\t\n"
					   "1.1.\tNach links verschoben.\tx\t\t\t\n"
					   "\t\t1.2.\tNach rechts verschoben.\t\t\tx\n"
					   "1.3.\t\tLücke nach der Nummer.\t\tx\t\n";
	cr_assert(eq(int, load(shifted), 0));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "GP-1.1")), KIK_STATUS_WAITING));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "GP-1.2")), KIK_STATUS_IMPLEMENTED));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "GP-1.3")), KIK_STATUS_IN_PROGRESS));
	cr_assert(
	    eq(str, (char *)kik_group_name(kik_measure_group(kik_plan_find_measure(plan, "GP-1.3"))), "Versorgung"));
	cr_assert(eq(str, (char *)kik_goal_text(kik_measure_goal(kik_plan_find_measure(plan, "GP-1.1"))), "Ziel eins"));
}

/* The text of SB-1.1 when its matrix cell holds `cell`. */
static const char *text_of_cell(const char *cell)
{
	static char matrix[4096];
	snprintf(matrix, sizeof(matrix),
		 "## Handlungsfeld Sprache und Bildung\nGruppe\tNummer\tZiel/Maßnahme\twartend\tin Bearbeitung\t"
		 "implementiert\n\t1.\tZiel\t\t\t\n\t1.1.\t%s\tx\t\t\n",
		 cell);
	kik_plan_free(plan);
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, load(matrix), 0), "%s", kik_error_last()->message);
	return kik_measure_text(kik_plan_find_measure(plan, "SB-1.1"));
}

Test(matrix, tag_stripping_removes_tags_and_cannot_assemble_one)
{
	static const char *const cases[][2] = {
		{ "<b>fett</b> und </b>mehr", "fett und mehr" },
		{ "a < b und c<5 bleiben", "a < b und c<5 bleiben" },
		{ "<<b>script>alert(1)<</b>/script>", "script>alert(1)/script>" },
		{ "<<<b>b>>x", "b>>x" },
		{ "x<a<a<a ohne Ende", "x<a<a<a ohne Ende" },
		{ "<i>kursiv</i><", "kursiv<" },
	};
	size_t i;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		cr_assert(eq(str, (char *)text_of_cell(cases[i][0]), (char *)cases[i][1]), "%s", cases[i][0]);
}

/* Whether s holds what the stripper takes for a tag: "<", a letter or "/", then a ">". */
static int holds_a_tag(const char *s)
{
	for (; *s; s++)
		if (*s == '<' && (((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z') || s[1] == '/') && strchr(s, '>'))
			return 1;
	return 0;
}

Test(matrix, no_tag_survives_stripping_whatever_the_cell)
{
	static const char pieces[] = "<>/bx <";
	uint64_t state = 0x9E3779B97F4A7C15ULL;
	int run;
	for (run = 0; run < 3000; run++) {
		char cell[24];
		const char *text;
		size_t i, n;
		state ^= state >> 12, state ^= state << 25, state ^= state >> 27;
		n = 2 + (size_t)(state % 20);
		for (i = 0; i < n; i++)
			cell[i] = pieces[(state * 0x2545F4914F6CDD1DULL >> (3 * i % 60)) % 7];
		cell[0] = 'T'; /* a text: not empty, not a mark, not a number */
		cell[n] = '\0';
		text = text_of_cell(cell);
		cr_assert(not(holds_a_tag(text)), "'%s' became '%s'", cell, text);
	}
}
