/* Loading the measures CSV: dialects, headers, errors with positions, all or nothing. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static kik_plan *plan;

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new(&plan), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
}

TestSuite(import, .init = setup, .fini = teardown);

static int load(const char *csv)
{
	return kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, csv, strlen(csv), "m.csv", NULL);
}

static void expect_error(int code, unsigned long line, unsigned long column, const char *fragment)
{
	const kik_error *e = kik_error_last();
	cr_assert(ne(ptr, (void *)e, NULL));
	cr_assert(eq(int, e->code, code));
	cr_assert(eq(str, (char *)e->file, "m.csv"));
	cr_assert(eq(ulong, e->line, line), "line %lu, message %s", e->line, e->message);
	cr_assert(eq(ulong, e->column, column), "column %lu, message %s", e->column, e->message);
	cr_assert(ne(ptr, strstr(e->message, fragment), NULL), "message: %s", e->message);
}

static const char canonical[] =
    "field;group;goal;goal_text;measure;text;status\n"
    "SB;Informelle Bildung;1;Themen werden transportiert.;1.1;Strukturen werden aufgebaut.;waiting\n"
    "SB;Informelle Bildung;1;;1.2;\"Eine Plattform; für alle\";in_progress\n"
    "SB;Vernetzung;3;Gut vernetzt.;3.1;\"Mehrzeilig\nund mit \"\"Zitat\"\"\";implemented\n"
    "AA;;1;Beratung.;1.1;Perspektivberatung.;wartend\n";

Test(import, loads_the_canonical_form)
{
	const kik_measure *m;
	cr_assert(eq(int, load(canonical), 0));
	cr_assert(eq(sz, kik_plan_field_count(plan), 2));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 4));
	m = kik_plan_find_measure(plan, "SB-1.2");
	cr_assert(eq(str, (char *)kik_measure_text(m), "Eine Plattform; für alle"));
	cr_assert(eq(int, kik_measure_status(m), KIK_STATUS_IN_PROGRESS));
	cr_assert(eq(str, (char *)kik_goal_text(kik_measure_goal(m)), "Themen werden transportiert."));
	m = kik_plan_find_measure(plan, "SB-3.1");
	cr_assert(eq(str, (char *)kik_measure_text(m), "Mehrzeilig\nund mit \"Zitat\""));
	cr_assert(eq(str, (char *)kik_group_name(kik_measure_group(m)), "Vernetzung"));
	cr_assert(eq(ptr, (void *)kik_measure_group(kik_plan_find_measure(plan, "AA-1.1")), NULL));
	cr_assert(eq(sz, kik_field_group_count(kik_plan_find_field(plan, "SB")), 2));
}

Test(import, reads_commas_crlf_english_and_german_headers_in_any_order)
{
	static const char german[] = "\xEF\xBB\xBF"
				     "Status,Nummer,Handlungsfeld,Ziel,Ziel/Maßnahme\r\n"
				     "implementiert,2.1,Sprache und Bildung,2,\"Angebote, gebündelt\"\r\n";
	cr_assert(eq(int, load(german), 0));
	cr_assert(eq(str, (char *)kik_measure_text(kik_plan_find_measure(plan, "SB-2.1")), "Angebote, gebündelt"));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "SB-2.1")), KIK_STATUS_IMPLEMENTED));
}

Test(import, reads_tabs_and_lone_cr)
{
	static const char tsv[] = "field\tgoal\tmeasure\ttext\tstatus\rAA\t2\t2.1\tText\tin Bearbeitung\r";
	cr_assert(eq(int, load(tsv), 0));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "AA-2.1")), KIK_STATUS_IN_PROGRESS));
}

Test(import, defines_unknown_fields_with_a_code_from_their_initials)
{
	static const char other_city[] = "field;goal;measure;text;status\n"
					 "Wohnen und Quartier;1;1.1;Text;waiting\n"
					 "Wohnen und Quartier;1;1.2;Text;waiting\n";
	const kik_field *f;
	cr_assert(eq(int, load(other_city), 0));
	f = kik_plan_find_field(plan, "Wohnen und Quartier");
	cr_assert(ne(ptr, (void *)f, NULL));
	cr_assert(eq(str, (char *)kik_field_code(f), "WQ"));
	cr_assert(ne(ptr, (void *)kik_plan_find_measure(plan, "WQ-1.2"), NULL));
}

Test(import, an_empty_group_cell_continues_the_group_above)
{
	static const char merged[] = "field;group;goal;measure;text;status\n"
				     "SB;Vernetzung;3;3.1;a;waiting\n"
				     "SB;;4;4.1;b;waiting\n";
	cr_assert(eq(int, load(merged), 0));
	cr_assert(
	    eq(str, (char *)kik_group_name(kik_measure_group(kik_plan_find_measure(plan, "SB-4.1"))), "Vernetzung"));
}

Test(import, blank_lines_and_trailing_empty_cells_are_tolerated)
{
	static const char loose[] = "field;goal;measure;text;status;;\n\n;;;;\nSB;1;1.1;a;waiting;;\n\n";
	cr_assert(eq(int, load(loose), 0));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 1));
}

Test(import, reimport_updates_by_id_without_duplicates)
{
	static const char update[] = "field;goal;measure;text;status\nSB;1;1.1;Neu formuliert.;implemented\n";
	cr_assert(eq(int, load(canonical), 0));
	cr_assert(eq(int, load(update), 0));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 4));
	cr_assert(eq(str, (char *)kik_measure_text(kik_plan_find_measure(plan, "SB-1.1")), "Neu formuliert."));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "SB-1.1")), KIK_STATUS_IMPLEMENTED));
}

struct bad_case {
	const char *csv;
	size_t len; /* 0: strlen(csv) */
	int code;
	unsigned long line, column;
	const char *fragment;
};

Test(import, bad_files_get_a_precise_error_and_change_nothing)
{
	static const struct bad_case cases[] = {
		{ "", 0, KIK_EPARSE, 1, 1, "empty" },
		{ "field;goal;measure;text\nSB;1;1.1;t\n", 0, KIK_EPARSE, 1, 1, "missing column 'status'" },
		{ "field;goal;measure;text;status\nSB;1;1.1;t;erledigt\n", 0, KIK_EPARSE, 2, 12,
		  "'erledigt' is not a status" },
		{ "field;goal;measure;text;status\nSB;4;5.1;t;waiting\n", 0, KIK_EPARSE, 2, 6,
		  "does not belong to goal 4" },
		{ "field;goal;measure;text;status\nSB;x;1.1;t;waiting\n", 0, KIK_EPARSE, 2, 4, "not a goal number" },
		{ "field;goal;measure;text;status\nSB;1;1;t;waiting\n", 0, KIK_EPARSE, 2, 6, "not a measure number" },
		{ "field;goal;measure;text;status\nSB;1;1.1;;waiting\n", 0, KIK_EPARSE, 2, 10, "expected the text" },
		{ "field;goal;measure;text;status\n;1;1.1;t;waiting\n", 0, KIK_EPARSE, 2, 1, "expected a field" },
		{ "field;goal;measure;text;status\nSB;1;1.1;a;waiting\nSB;1;1.1;b;waiting\n", 0, KIK_EPARSE, 3, 6,
		  "appears twice: first on line 2" },
		{ "field;goal;measure;text;status\nSB;1;1.1;\"open;waiting\n", 0, KIK_EPARSE, 2, 10, "never closed" },
		{ "field;goal;measure;text;status\nSB;1;1.1;\"a\"b;waiting\n", 0, KIK_EPARSE, 2, 13,
		  "after a closing quote" },
		{ "field;goal;measure;text;status\nSB;1;1.1;\xC3\xA4\xFF;waiting\n", 0, KIK_EPARSE, 2, 11,
		  "not valid UTF-8" },
		{ "field;goal;measure;text;status\nSB;1;1.1;a\0b;waiting\n",
		  sizeof("field;goal;measure;text;status\nSB;1;1.1;a\0b;waiting\n") - 1, KIK_EPARSE, 2, 11,
		  "NUL byte" },
		{ "field;goal_text;goal;measure;text;status\nSB;A;1;1.1;a;waiting\nSB;B;1;1.2;b;waiting\n", 0,
		  KIK_EPARSE, 3, 8, "has another text on line 2" },
	};
	size_t i;
	cr_assert(eq(int, load(canonical), 0));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].csv);
		int err = kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, cases[i].csv, len, "m.csv", NULL);
		cr_assert(eq(int, err, cases[i].code), "case %zu", i);
		expect_error(cases[i].code, cases[i].line, cases[i].column, cases[i].fragment);
		cr_assert(eq(sz, kik_plan_measure_count(plan), 4), "case %zu", i);
		cr_assert(eq(str, (char *)kik_measure_text(kik_plan_find_measure(plan, "SB-1.1")),
			     "Strukturen werden aufgebaut."));
		cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "SB-1.2")), KIK_STATUS_IN_PROGRESS));
	}
}

Test(import, a_failed_update_keeps_the_earlier_values)
{
	static const char half_good[] = "field;goal;measure;text;status\n"
					"SB;1;1.1;Geändert;implemented\n"
					"XX;1;1.1;t;bogus\n";
	cr_assert(eq(int, load(canonical), 0));
	cr_assert(eq(int, load(half_good), KIK_EPARSE));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "SB-1.1")), KIK_STATUS_WAITING));
	cr_assert(eq(sz, kik_plan_field_count(plan), 2));
}

Test(import, columns_count_characters_not_bytes)
{
	static const char umlauts[] = "field;goal;measure;text;status\nSB;1;1.1;Übergänge;öffnen\n";
	cr_assert(eq(int, load(umlauts), KIK_EPARSE));
	expect_error(KIK_EPARSE, 2, 20, "'öffnen'");
}

Test(import, positions_after_a_quoted_cell_of_several_lines_count_each_line)
{
	/* each line of the quoted text is longer than sixteen bytes, with umlauts after the
	 * breaks; one break is LF, one CRLF */
	static const char lines[] = "field;goal;measure;text;status\n"
				    "SB;1;1.1;\"Erste Zeile der Beschreibung\n"
				    "Übergänge für Familien im Quartier\r\n"
				    "Öffnung der Verwaltung für alle\";öffnen\n";
	cr_assert(eq(int, load(lines), KIK_EPARSE));
	expect_error(KIK_EPARSE, 4, 34, "'öffnen'");
}

Test(import, a_missing_file_is_an_io_error_naming_it)
{
	const kik_error *e;
	cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_MEASURES, "/nonexistent/m.csv", NULL), KIK_EIO));
	e = kik_error_last();
	cr_assert(eq(str, (char *)e->file, "/nonexistent/m.csv"));
	cr_assert(ne(ptr, strstr(e->message, "No such file"), NULL));
}

Test(import, reads_windows_1252)
{
	static const char cp1252[] = "field;goal;measure;text;status\nSB;1;1.1;F\xF6rderung \x84gut\x93;wartend\n";
	cr_assert(eq(int, load(cp1252), 0));
	cr_assert(eq(str, (char *)kik_measure_text(kik_plan_find_measure(plan, "SB-1.1")),
		     "F\xC3\xB6rderung \xE2\x80\x9Egut\xE2\x80\x9C"));
}

Test(import, limits_give_a_clear_error)
{
	static const char wide[] = "field;goal;measure;text;status\nSB;1;1.1;a long text here;waiting\n";
	kik_import_options options = KIK_IMPORT_OPTIONS_INIT;
	options.max_field_bytes = 8;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, wide, strlen(wide), "m.csv", &options),
		     KIK_ELIMIT));
	expect_error(KIK_ELIMIT, 2, 10, "limit");
	options.max_field_bytes = 0;
	options.max_columns = 4;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, wide, strlen(wide), "m.csv", &options),
		     KIK_ELIMIT));
	options.max_columns = 0;
	options.max_rows = 1;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, wide, strlen(wide), "m.csv", &options),
		     KIK_ELIMIT));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 0));
}

Test(import, owners_and_due_dates_that_look_alike_stay_apart)
{
	/* same lengths, same first and last letters, same month and day: a reader that
	 * remembers recent pairs by such traits must still compare them whole */
	static const char tasks[] = "field;measure;kind;title;state;due;owner\n"
				    "SB;1.1;concept;A;done;2024-01-15;Amt A\n"
				    "SB;1.1;concept;B;done;2025-01-15;Amt A\n"
				    "SB;1.1;concept;C;done;2024-01-15;Arm A\n"
				    "SB;1.1;concept;D;done;2024-01-15;Amt A\n"
				    "SB;1.1;concept;E;done;;Amt A\n"
				    "SB;1.1;concept;F;done;2024-01-15;\n"
				    "SB;1.1;concept;G;done;2014-01-15;Amt A\n";
	static const char *const expected[][2] = {
		{ "2024-01-15", "Amt A" }, { "2025-01-15", "Amt A" }, { "2024-01-15", "Arm A" },
		{ "2024-01-15", "Amt A" }, { "", "Amt A" },           { "2024-01-15", "" },
		{ "2014-01-15", "Amt A" },
	};
	const kik_measure *m;
	size_t i;
	cr_assert(eq(int, load(canonical), 0));
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, tasks, strlen(tasks), "t.csv", NULL), 0));
	cr_assert(ne(ptr, (void *)(m = kik_plan_find_measure(plan, "SB-1.1")), NULL));
	cr_assert(eq(sz, kik_measure_task_count(m), 7));
	for (i = 0; i < 7; i++) {
		const kik_task *t = kik_measure_task(m, i);
		cr_assert(eq(str, (char *)kik_task_due(t), (char *)expected[i][0]), "task %zu", i);
		cr_assert(eq(str, (char *)kik_task_owner(t), (char *)expected[i][1]), "task %zu", i);
	}
}

/* More owners than a reader remembers at once and more pairs than its first room for
 * them: every task keeps its own owner and due date. */
Test(import, every_task_keeps_its_owner_and_due_date_among_thousands_of_pairs)
{
	static const char *const measures[] = { "SB;1.1", "SB;1.2", "SB;3.1", "AA;1.1" };
	static const char *const ids[] = { "SB-1.1", "SB-1.2", "SB-3.1", "AA-1.1" };
	enum { TASKS = 3000 };
	static char owners[TASKS][80], dues[TASKS][16];
	size_t cap = 128 + TASKS * 160, len, i, k, seen[4] = { 0, 0, 0, 0 };
	char *csv = malloc(cap);
	uint32_t x = 7;
	cr_assert(eq(int, load(canonical), 0));
	len = (size_t)snprintf(csv, cap, "field;measure;kind;title;state;due;owner\n");
	for (i = 0; i < TASKS; i++) {
		unsigned owner, day;
		x = x * 1103515245u + 12345u;
		owner = (x >> 8) % 103;
		day = (x >> 16) % 700;
		if (owner == 100)
			snprintf(owners[i], sizeof(owners[i]), "%s", "");
		else if (owner == 101)
			snprintf(owners[i], sizeof(owners[i]),
				 "Amt für Integration und ein sehr langer Name, Abteilung %u", day % 3);
		else
			snprintf(owners[i], sizeof(owners[i]), "Amt %u", owner);
		if (day < 50)
			dues[i][0] = '\0';
		else
			snprintf(dues[i], sizeof(dues[i]), "20%02u-%02u-%02u", 20 + day % 10, 1 + day / 10 % 12,
				 1 + day % 28);
		len += (size_t)snprintf(csv + len, cap - len, "%s;ag;T%zu;done;%s;%s\n", measures[i % 4], i, dues[i],
					owners[i]);
	}
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, csv, len, "t.csv", NULL), 0), "%s",
		  kik_error_last()->message);
	for (i = 0; i < TASKS; i++) {
		const kik_measure *m = kik_plan_find_measure(plan, ids[i % 4]);
		const kik_task *t = kik_measure_task(m, seen[i % 4]++);
		cr_assert(eq(str, (char *)kik_task_owner(t), owners[i]), "task %zu", i);
		cr_assert(eq(str, (char *)kik_task_due(t), dues[i]), "task %zu", i);
	}
	for (k = 0; k < 4; k++)
		cr_assert(eq(sz, seen[k], TASKS / 4));
	free(csv);
}

Test(import, kinds_and_states_spelled_many_ways_in_one_file)
{
	/* more spellings than a reader may remember, one after another and back again */
	static const char tasks[] = "field;measure;kind;title;state;due;owner\n"
				    "SB;1.1;concept;A;done;;\n"
				    "SB;1.1;Einzelauftrag;B;erledigt;;\n"
				    "SB;1.1;ag;C;offen;;\n"
				    "SB;1.1;AG-Auftrag;D;in Arbeit;;\n"
				    "SB;1.1;Arbeitspaket;E;entfällt;;\n"
				    "SB;1.1;work_package;F;in_progress;;\n"
				    "SB;1.1;Konzept;G;open;;\n"
				    "SB;1.1;concept;H;not_applicable;;\n"
				    "SB;1.1;AG;I;done;;\n"
				    "SB;1.1;Arbeitspakete;J;abgeschlossen;;\n"
				    "SB;1.1;ag;K;offen;;\n";
	static const kik_task_kind kinds[] = {
		KIK_TASK_CONCEPT,      KIK_TASK_CONCEPT,      KIK_TASK_AG,      KIK_TASK_AG,
		KIK_TASK_WORK_PACKAGE, KIK_TASK_WORK_PACKAGE, KIK_TASK_CONCEPT, KIK_TASK_CONCEPT,
		KIK_TASK_AG,           KIK_TASK_WORK_PACKAGE, KIK_TASK_AG
	};
	static const kik_task_state states[] = {
		KIK_TASK_DONE,           KIK_TASK_DONE,        KIK_TASK_OPEN, KIK_TASK_IN_PROGRESS,
		KIK_TASK_NOT_APPLICABLE, KIK_TASK_IN_PROGRESS, KIK_TASK_OPEN, KIK_TASK_NOT_APPLICABLE,
		KIK_TASK_DONE,           KIK_TASK_DONE,        KIK_TASK_OPEN,
	};
	static const char bad[] = "field;measure;kind;title;state;due;owner\n"
				  "SB;1.1;concept;L;done;;\n"
				  "SB;1.1;concepts;M;done;;\n";
	const kik_measure *m;
	const kik_error *e;
	size_t i;
	cr_assert(eq(int, load(canonical), 0));
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, tasks, strlen(tasks), "t.csv", NULL), 0));
	m = kik_plan_find_measure(plan, "SB-1.1");
	cr_assert(eq(sz, kik_measure_task_count(m), 11));
	for (i = 0; i < 11; i++) {
		cr_assert(eq(int, kik_task_kind_of(kik_measure_task(m, i)), kinds[i]), "task %zu", i);
		cr_assert(eq(int, kik_task_state_of(kik_measure_task(m, i)), states[i]), "task %zu", i);
	}
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, bad, strlen(bad), "t.csv", NULL), KIK_EPARSE));
	cr_assert(ne(ptr, (void *)(e = kik_error_last()), NULL));
	cr_assert(eq(ulong, e->line, 3));
	cr_assert(eq(ulong, e->column, 8));
	cr_assert(ne(ptr, strstr(e->message, "'concepts' is not a kind"), NULL), "message: %s", e->message);
	cr_assert(eq(sz, kik_measure_task_count(m), 11));
}

Test(import, derived_codes_fold_capital_umlauts_and_stay_unique)
{
	static const char names[] = "field;goal;measure;text;status\n"
				    "Interkulturelle Öffnung;1;1.1;Text;waiting\n"
				    "Öffentliche Überlegungen;1;1.1;Text;waiting\n"
				    "Östliche Übergänge;1;1.1;Text;waiting\n"
				    "Élan Àrt;1;1.1;Text;waiting\n";
	cr_assert(eq(int, load(names), 0));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "Interkulturelle Öffnung")), "IO"));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "Öffentliche Überlegungen")), "OU"));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "Östliche Übergänge")), "OU2"));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "Élan Àrt")), "EA"));
	cr_assert(ne(ptr, (void *)kik_plan_find_measure(plan, "OU2-1.1"), NULL));
}

static kik_import_kind detected(const char *csv)
{
	/* a kind by what its import does to an empty plan with one measure */
	static const char one[] = "field;goal;measure;text;status\nSB;4;4.6;Text;waiting\n";
	kik_plan_free(plan);
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, one, strlen(one), "m.csv", NULL), 0));
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_AUTO, csv, strlen(csv), "f.csv", NULL), 0), "%s",
		  kik_error_last()->message);
	if (kik_measure_task_count(kik_plan_find_measure(plan, "SB-4.6")))
		return KIK_IMPORT_TASKS;
	if (kik_field_has_published(kik_plan_find_field(plan, "SB")))
		return KIK_IMPORT_PUBLISHED;
	if (kik_plan_find_field(plan, "WQ"))
		return kik_plan_measure_count(plan) > 1 ? KIK_IMPORT_MEASURES : KIK_IMPORT_FIELDS;
	if (strcmp(kik_plan_name(plan), "X") == 0)
		return KIK_IMPORT_PLAN_INFO;
	return KIK_IMPORT_MATRIX;
}

Test(import, auto_tells_every_kind_by_its_header)
{
	cr_assert(eq(int, detected("measure;kind;title;state\nSB-4.6;ag;A;done\n"), KIK_IMPORT_TASKS));
	cr_assert(eq(int, detected("Nummer;Art;Titel;Stand\nSB-4.6;AG-Auftrag;A;erledigt\n"), KIK_IMPORT_TASKS));
	cr_assert(eq(int, detected("field;waiting;in_progress;implemented\nSB;1;0;0\n"), KIK_IMPORT_PUBLISHED));
	cr_assert(
	    eq(int, detected("Handlungsfeld;wartend;in Bearbeitung;implementiert\nSB;1;0;0\n"), KIK_IMPORT_PUBLISHED));
	cr_assert(eq(int, detected("code;name\nWQ;Wohnen\n"), KIK_IMPORT_FIELDS));
	cr_assert(eq(int, detected("Kürzel;Handlungsfeld\nWQ;Wohnen\n"), KIK_IMPORT_FIELDS));
	cr_assert(eq(int, detected("key;value\nname;X\n"), KIK_IMPORT_PLAN_INFO));
	cr_assert(
	    eq(int, detected("Handlungsfeld;Ziel;Nummer;Maßnahme;Status\nWQ;1;1.1;T;wartend\n"), KIK_IMPORT_MEASURES));
}

Test(import, a_header_of_another_kind_says_what_it_looks_like)
{
	static const char tasks[] = "measure;kind;title;state\nSB-4.6;ag;A;done\n";
	static const char almost_tasks[] = "measure;kind;title\nSB-4.6;ag;A\n";
	cr_assert(eq(int, load(tasks), KIK_EPARSE));
	expect_error(KIK_EPARSE, 1, 1, "missing column 'field'");
	expect_error(KIK_EPARSE, 1, 1, "this looks like a tasks file");
	cr_assert(eq(int, load(almost_tasks), KIK_EPARSE));
	expect_error(KIK_EPARSE, 1, 1, "the header fits no kind of file and comes closest to a tasks file");
	/* auto reads it as the closest kind, whose importer names what is missing */
	cr_assert(eq(int,
		     kik_plan_import_buffer(plan, KIK_IMPORT_AUTO, almost_tasks, strlen(almost_tasks), "m.csv", NULL),
		     KIK_EPARSE));
	expect_error(KIK_EPARSE, 1, 1, "missing column 'state'");
	expect_error(KIK_EPARSE, 1, 1, "the header fits no kind of file and comes closest to a tasks file");
	/* the report's content too */
	cr_assert(eq(int, load("Handlungsfeld;Ziel;Aktueller Stand;Ausblick\nSB;1;Läuft.;Mehr.\n"), KIK_EPARSE));
	expect_error(KIK_EPARSE, 1, 1, "this looks like a notes file");
}
