/* The report's content in the store (schema version 3): notes, field notes, projects, the
 * timeline, rounds and figures come back as saved, cost a row per changed item, follow the
 * store's edits and imports, read as views without libkik, and a damaged list is refused. */
#include "store_util.h"

TestSuite(store_content, .fini = remove_scratch);

/* Runs SQL on a store file with SQLite's shell, writing. */
static void shell_exec(const char *path, const char *sql)
{
	char cmd[4096];
	snprintf(cmd, sizeof(cmd), "sqlite3 '%s' \"%s\"", path, sql);
	cr_assert(eq(int, system(cmd), 0), "%s", sql);
}

static void put_figure(kik_plan *p, const char *name, kik_figure_unit unit, const char *date, double value,
		       unsigned decimals, const char *share_of)
{
	kik_figure_desc d = KIK_FIGURE_DESC_INIT;
	d.name = name;
	d.unit = unit;
	d.date = date;
	d.value = value;
	d.decimals = decimals;
	d.source = "Statistik \"Stadt\"";
	d.share_of = share_of;
	OK(kik_plan_put_figure(p, &d, NULL));
}

/* tricky_plan() with content of every kind: texts a JSON list must escape, a plan-wide note,
 * entries of one date, an open round, and a share whose base now comes after it. */
static kik_plan *plan_with_content(void)
{
	kik_plan *p = tricky_plan();
	const char *organisations[] = { "Verein \"Brücke\" e. V.", "Amt\\Referat", "Tab\tInnen" };
	const char *measures[] = { "WQ-3.2", "AB-1.1" }, *goals[] = { "WQ-1" }, *fields[] = { "WQ", "AB" };
	kik_project_desc project = KIK_PROJECT_DESC_INIT;
	kik_timeline_desc entry = KIK_TIMELINE_DESC_INIT;
	kik_round_desc round = KIK_ROUND_DESC_INIT;
	OK(kik_plan_set_title(p, "Zwischenbericht"));
	OK(kik_plan_set_office(p, "Amt für Integration"));
	OK(kik_plan_put_measure_note(p, "WQ-3.2", "Läuft.\n\n- erstens\n- zweitens", "Weiter so"));
	OK(kik_plan_put_goal_note(p, "WQ", 1, NULL, "Nur ein Ausblick"));
	OK(kik_plan_put_measure_note(p, "AB-1.1", "Begonnen", NULL));
	OK(kik_plan_add_field_note(p, NULL, KIK_FIELD_NOTE_CONTEXT, NULL, "Kempten wächst.", NULL));
	OK(kik_plan_add_field_note(p, "WQ", KIK_FIELD_NOTE_FOCUS, NULL, "Erster Schwerpunkt", NULL));
	OK(kik_plan_add_field_note(p, "AB", KIK_FIELD_NOTE_HIGHLIGHT, "Ein Titel", "Ein Highlight", NULL));
	OK(kik_plan_add_field_note(p, "WQ", KIK_FIELD_NOTE_FOCUS, NULL, "Zweiter Schwerpunkt", NULL));
	project.name = "Brücken bauen";
	project.field = "WQ";
	project.organisations = organisations;
	project.organisation_count = 3;
	project.description = "Eine Beschreibung";
	project.start = "2022";
	project.measures = measures;
	project.measure_count = 2;
	project.goals = goals;
	project.goal_count = 1;
	OK(kik_plan_put_project(p, &project, NULL));
	project.name = "Ohne alles";
	project.field = NULL;
	project.organisation_count = project.measure_count = project.goal_count = 0;
	project.description = project.start = NULL;
	OK(kik_plan_put_project(p, &project, NULL));
	entry.date = "2023-05";
	entry.text = "Später im Mai";
	entry.fields = fields;
	entry.field_count = 2;
	OK(kik_plan_add_timeline_entry(p, &entry, NULL));
	entry.text = "Noch einmal im Mai";
	entry.field_count = 0;
	OK(kik_plan_add_timeline_entry(p, &entry, NULL));
	entry.date = "2022-09";
	entry.open = 1;
	entry.text = "Seit September";
	OK(kik_plan_add_timeline_entry(p, &entry, NULL));
	round.name = "Runde 1";
	round.from = "2022-01";
	round.open = 1;
	round.fields = fields;
	round.field_count = 1;
	round.measures = measures;
	round.measure_count = 1;
	OK(kik_plan_put_round(p, &round, NULL));
	put_figure(p, "Einwohner*innen", KIK_UNIT_COUNT, "2022-12-31", 70787, 0, NULL);
	put_figure(p, "Anteil", KIK_UNIT_PERCENT, "2022-12-31", 38.25, 2, "Einwohner*innen");
	put_figure(p, "Einwohner*innen", KIK_UNIT_COUNT, "2023-12-31", 71234, 0, NULL);
	OK(kik_plan_remove_figure(p, "Einwohner*innen", "2022-12-31"));
	return p;
}

Test(store_content, content_of_every_kind_loads_equal)
{
	kik_store *s = open_store(scratch("a.kikdb"));
	kik_plan *p = plan_with_content(), *got;
	OK(kik_store_save(s, NULL, p, NULL));
	assert_loads(s, NULL, NULL, p);
	OK(kik_store_load(s, NULL, NULL, &got));
	/* what the files of content need not show: orders, exact values */
	cr_assert(eq(str, (char *)kik_figure_name(kik_plan_figure(got, 0)), "Anteil"));
	cr_assert(eq(dbl, kik_figure_value(kik_plan_figure(got, 0)), 38.25));
	cr_assert(eq(str, (char *)kik_project_organisation(kik_plan_project(got, 0), 2), "Tab\tInnen"));
	cr_assert(eq(str, (char *)kik_timeline_entry_text(kik_plan_timeline_entry(got, 2)), "Noch einmal im Mai"));
	cr_assert(eq(int, kik_round_is_open(kik_plan_round(got, 0)), 1));
	cr_assert(eq(str, (char *)kik_note_outlook(kik_plan_note(got, 1)), "Nur ein Ausblick"));
	cr_assert(eq(str, (char *)kik_field_note_text(kik_plan_field_note(got, 3)), "Zweiter Schwerpunkt"));
	kik_plan_free(got);
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_content, a_changed_item_writes_its_row_and_snapshots_keep_the_old)
{
	const char *path = scratch("a.kikdb");
	kik_store *s = open_store(path);
	kik_plan *p, *before;
	kik_project_desc d = KIK_PROJECT_DESC_INIT;
	kik_snapshot_desc snap = KIK_SNAPSHOT_DESC_INIT;
	const kik_project *project;
	const kik_figure *last;
	long projects, notes, figures;
	cr_assert(eq(int, kik_plan_new_default(&p), 0));
	OK(kik_store_save(s, NULL, p, NULL));
	OK(kik_store_snapshot(s, NULL, &snap, NULL));
	OK(kik_plan_copy(p, &before));
	projects = count_rows(path, "kik_projects");
	notes = count_rows(path, "kik_notes");
	figures = count_rows(path, "kik_figures");
	cr_assert(eq(long, projects, (long)kik_plan_project_count(p)));
	cr_assert(gt(long, notes, 0));
	/* one project gets another description: one row more, the others stay */
	project = kik_plan_project(p, 1);
	d.name = kik_project_name(project);
	d.field = kik_project_field(project) ? kik_field_code(kik_project_field(project)) : NULL;
	d.description = "Neu beschrieben";
	OK(kik_plan_put_project(p, &d, NULL));
	/* the last figure goes: the others keep their places, so their rows stay (an item's
	 * place is a column: removing one before others rewrites the rows after it) */
	last = kik_plan_figure(p, kik_plan_figure_count(p) - 1);
	OK(kik_plan_remove_figure(p, kik_figure_name(last), kik_figure_date(last)));
	OK(kik_store_save(s, NULL, p, NULL));
	cr_assert(eq(long, count_rows(path, "kik_projects"), projects + 1));
	cr_assert(eq(long, count_rows(path, "kik_notes"), notes));
	cr_assert(eq(long, count_rows(path, "kik_figures"), figures)); /* closed, not deleted */
	assert_loads(s, NULL, NULL, p);
	assert_loads(s, NULL, kik_plan_as_of(before), before);
	kik_plan_free(before);
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_content, removing_a_measure_in_the_store_takes_it_out_of_the_content)
{
	kik_store *s = open_store(scratch("a.kikdb"));
	kik_plan *p = plan_with_content();
	kik_edit_info info = KIK_EDIT_INFO_INIT;
	const kik_project *project;
	info.author = "Anna";
	OK(kik_store_save(s, NULL, p, NULL));
	OK(kik_store_remove_measure(s, NULL, "WQ-3.2", &info));
	OK(kik_plan_remove_measure(p, "WQ-3.2"));
	project = kik_plan_find_project(p, "Brücken bauen");
	cr_assert(eq(sz, kik_project_measure_count(project), 1));
	cr_assert(eq(ptr, (void *)kik_measure_note(kik_plan_find_measure(p, "WQ-3.1")), NULL));
	assert_loads(s, NULL, NULL, p);
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_content, a_content_file_imports_into_the_working_state)
{
	kik_store *s = open_store(scratch("a.kikdb"));
	kik_plan *p;
	cr_assert(eq(int, kik_plan_new_default(&p), 0));
	while (kik_plan_project_count(p))
		OK(kik_plan_remove_project(p, kik_project_name(kik_plan_project(p, 0))));
	OK(kik_store_save(s, NULL, p, NULL));
	kik_plan_free(p);
	OK(kik_store_import_file(s, NULL, KIK_IMPORT_PROJECTS, KIK_TEST_DATA "/kik-2023-10-05-projects.csv", NULL,
				 NULL));
	cr_assert(eq(int, kik_plan_new_default(&p), 0));
	assert_loads(s, NULL, NULL, p);
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_content, the_views_read_the_content_without_libkik)
{
	const char *path = scratch("a.kikdb");
	kik_store *s = open_store(path);
	kik_plan *p = plan_with_content();
	char *out;
	OK(kik_store_save(s, NULL, p, NULL));
	kik_store_free(s);
	out = shell_query(path, "SELECT project, organisations, json_array_length(measures), goals FROM projects "
				"WHERE snapshot = 'working' ORDER BY position LIMIT 1");
	cr_assert(eq(str, out,
		     "Brücken bauen|[\"Verein \\\"Brücke\\\" e. V.\",\"Amt\\\\Referat\",\"Tab\\u0009Innen\"]|2|"
		     "[\"WQ-1\"]\n"));
	free(out);
	out = shell_query(path, "SELECT value FROM projects, json_each(projects.organisations) WHERE project = "
				"'Brücken bauen' AND key = 2");
	cr_assert(eq(str, out, "Tab\tInnen\n"));
	free(out);
	out = shell_query(path, "SELECT figure, date, unit, value, share_of FROM figures ORDER BY position");
	cr_assert(eq(str, out,
		     "Anteil|2022-12-31|percent|38.25|Einwohner*innen\n"
		     "Einwohner*innen|2023-12-31|count|71234.0|\n"));
	free(out);
	out = shell_query(path, "SELECT coalesce(field, 'plan'), kind, position, title, text FROM field_notes ORDER BY "
				"sequence");
	cr_assert(eq(str, out,
		     "plan|context|0||Kempten wächst.\nWQ|focus|0||Erster Schwerpunkt\n"
		     "AB|highlight|0|Ein Titel|Ein Highlight\nWQ|focus|1||Zweiter Schwerpunkt\n"));
	free(out);
	out = shell_query(path, "SELECT goal, coalesce(measure, '-'), outlook FROM notes ORDER BY position");
	cr_assert(eq(str, out, "WQ-3|WQ-3.2|Weiter so\nWQ-1|-|Nur ein Ausblick\nAB-1|AB-1.1|\n"));
	free(out);
	out = shell_query(path, "SELECT date, until, open, text, fields FROM timeline ORDER BY position");
	cr_assert(eq(str, out,
		     "2022-09||1|Seit September|[]\n2023-05||0|Später im Mai|[\"WQ\",\"AB\"]\n"
		     "2023-05||0|Noch einmal im Mai|[]\n"));
	free(out);
	out = shell_query(path, "SELECT round, began, open, fields, measures FROM rounds");
	cr_assert(eq(str, out, "Runde 1|2022-01|1|[\"WQ\"]|[\"WQ-3.2\"]\n"));
	free(out);
	kik_plan_free(p);
}

/* Loading `path`'s working state fails as damaged, with a message naming `what`. */
static void assert_damaged(const char *path, const char *what)
{
	kik_store *s = open_store(path);
	kik_plan *got = NULL;
	FAILS(KIK_ECORRUPT, kik_store_load(s, NULL, NULL, &got));
	cr_assert(eq(ptr, (void *)got, NULL));
	cr_assert(ne(ptr, (void *)strstr(kik_error_last()->message, what), NULL), "%s", kik_error_last()->message);
	kik_store_free(s);
}

Test(store_content, a_damaged_list_or_reference_is_refused)
{
	const char *path = scratch("a.kikdb");
	kik_store *s = open_store(path);
	kik_plan *p = plan_with_content();
	OK(kik_store_save(s, NULL, p, NULL));
	kik_store_free(s);
	kik_plan_free(p);
	shell_exec(path, "UPDATE kik_projects SET measures = '[\\\"WQ-3.2\\\"' WHERE name = 'Ohne alles'");
	assert_damaged(path, "a list that is not one");
	shell_exec(path, "UPDATE kik_projects SET measures = '[1]' WHERE name = 'Ohne alles'");
	assert_damaged(path, "an item that is no text");
	shell_exec(path, "UPDATE kik_projects SET measures = '[\\\"WQ-9.9\\\"]' WHERE name = 'Ohne alles'");
	assert_damaged(path, "projects do not make a plan");
	shell_exec(
	    path,
	    "UPDATE kik_projects SET measures = '[]'; UPDATE kik_figures SET share_of = 'Niemand' WHERE unit = 1");
	assert_damaged(path, "which it does not hold");
	shell_exec(path, "UPDATE kik_figures SET share_of = NULL, decimals = 3");
	assert_damaged(path, "figure");
	shell_exec(path, "UPDATE kik_figures SET decimals = 0; UPDATE kik_notes SET goal = 99");
	assert_damaged(path, "notes do not make a plan");
}
