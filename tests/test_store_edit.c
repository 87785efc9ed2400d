/* Edits of the working state through the store, the change log, and histories. */
#include "store_util.h"

TestSuite(store_edit, .fini = remove_scratch);

static kik_edit_info by(const char *author, const char *note)
{
	kik_edit_info info = KIK_EDIT_INFO_INIT;
	info.author = author;
	info.note = note;
	return info;
}

static kik_task_desc task_desc(const char *measure, kik_task_kind kind, const char *title, kik_task_state state)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	d.measure = measure;
	d.kind = kind;
	d.title = title;
	d.state = state;
	return d;
}

static kik_measure_desc measure_desc(const char *field, const char *group, const char *number, const char *text)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = field;
	d.group = group;
	d.number = number;
	d.text = text;
	return d;
}

/* A store whose working state is the bundled plan with tasks, and that plan. */
static kik_store *stored(const char *path, kik_plan **plan)
{
	kik_store *s = open_store(path);
	*plan = bundled_with_tasks();
	OK(kik_store_save(s, NULL, *plan, NULL));
	return s;
}

Test(store_edit, each_edit_changes_the_working_state_as_the_plan_call_does)
{
	kik_plan *p;
	kik_store *s = stored(scratch("a.kikdb"), &p);
	kik_edit_info info = by("Anna", NULL);
	kik_task_desc t = task_desc("GT-1.1", KIK_TASK_AG, "Neuer Auftrag", KIK_TASK_IN_PROGRESS);
	kik_measure_desc m = measure_desc("SB", NULL, "4.6", "Ein neuer Text");
	unsigned long id, first = kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 2)); /* open */
	kik_status counted;
	const kik_task *added;

	OK(kik_store_set_task_state(s, NULL, first, KIK_TASK_DONE, &info));
	OK(kik_plan_set_task_state(p, first, KIK_TASK_DONE));
	assert_loads(s, NULL, NULL, p);

	OK(kik_store_add_task(s, NULL, &t, &info, &id));
	OK(kik_plan_add_task(p, &t, &added));
	cr_assert(eq(ulong, id, kik_task_id(added)));
	assert_loads(s, NULL, NULL, p);

	t.state = KIK_TASK_DONE;
	t.measure = "SB-4.6"; /* moves it, behind the tasks SB-4.6 has */
	OK(kik_store_update_task(s, NULL, id, &t, &info));
	OK(kik_plan_update_task(p, id, &t));
	assert_loads(s, NULL, NULL, p);

	OK(kik_store_remove_task(s, NULL, first, &info));
	OK(kik_plan_remove_task(p, first));
	assert_loads(s, NULL, NULL, p);
	first = kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 0)); /* the others move up */
	OK(kik_store_remove_task(s, NULL, first, &info));
	OK(kik_plan_remove_task(p, first));
	assert_loads(s, NULL, NULL, p);
	/* a task added earlier than SB-4.6's moves in behind them */
	added = kik_measure_task(kik_plan_find_measure(p, "AA-2.1"), 0);
	id = kik_task_id(added);
	t = task_desc("SB-4.6", kik_task_kind_of(added), kik_task_title(added), KIK_TASK_OPEN);
	OK(kik_store_update_task(s, NULL, id, &t, &info));
	OK(kik_plan_update_task(p, id, &t));
	assert_loads(s, NULL, NULL, p);

	m.goal_text = "Ein neu gefasstes Ziel";
	m.status = KIK_STATUS_IMPLEMENTED;
	OK(kik_store_put_measure(s, NULL, &m, &info));
	OK(kik_plan_put_measure(p, &m, NULL));
	assert_loads(s, NULL, NULL, p);

	m = measure_desc("IO", "Eine neue Gruppe", "9.1", "Eine neue Maßnahme in einem neuen Ziel");
	OK(kik_store_add_measure(s, NULL, &m, &info));
	OK(kik_plan_add_measure(p, &m, NULL));
	assert_loads(s, NULL, NULL, p);

	OK(kik_store_remove_measure(s, NULL, "SB-4.2", &info));
	OK(kik_plan_remove_measure(p, "SB-4.2"));
	OK(kik_store_remove_measure(s, NULL, "GT-1.1", &info)); /* with its tasks */
	OK(kik_plan_remove_measure(p, "GT-1.1"));
	assert_loads(s, NULL, NULL, p);

	OK(kik_store_set_recorded_status(s, NULL, "AA-1.1", KIK_STATUS_WAITING, &counted, &info));
	cr_assert(eq(int, counted, KIK_STATUS_WAITING));
	OK(kik_plan_set_recorded_status(p, "AA-1.1", KIK_STATUS_WAITING, NULL));
	assert_loads(s, NULL, NULL, p);
	/* and what a new handle (no working state kept) sees */
	kik_store_free(s);
	s = open_store(scratch("a.kikdb"));
	assert_loads(s, NULL, NULL, p);
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_edit, a_failed_edit_changes_nothing_and_gives_the_plan_calls_error)
{
	kik_plan *p;
	const char *path = scratch("a.kikdb");
	kik_store *s = stored(path, &p);
	kik_task_desc t = task_desc("SB-4.6", KIK_TASK_CONCEPT, "Angebote sammeln und beschreiben", KIK_TASK_OPEN);
	kik_measure_desc m = measure_desc("SB", NULL, "4.6", "Schon da");
	kik_history *log;
	FAILS(KIK_ENOTFOUND, kik_store_set_task_state(s, NULL, 999, KIK_TASK_DONE, NULL));
	FAILS(KIK_EINVAL, kik_store_set_task_state(s, NULL, 1, (kik_task_state)9, NULL));
	FAILS(KIK_EEXISTS, kik_store_add_task(s, NULL, &t, NULL, NULL)); /* its natural key is taken */
	FAILS(KIK_EEXISTS, kik_store_add_measure(s, NULL, &m, NULL));
	m.field = "XX";
	FAILS(KIK_EINVAL, kik_store_put_measure(s, NULL, &m, NULL));
	FAILS(KIK_ENOTFOUND, kik_store_remove_measure(s, NULL, "SB-99.1", NULL));
	FAILS(KIK_ENOTFOUND, kik_store_remove_task(s, "kein Plan", 1, NULL));
	assert_loads(s, NULL, NULL, p);
	OK(kik_store_log(s, NULL, &log));
	cr_assert(eq(sz, kik_history_count(log), 1)); /* the save only */
	kik_history_free(log);
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_edit, every_change_is_in_the_log_with_who_what_old_new_and_why)
{
	kik_plan *p;
	kik_store *s = stored(scratch("a.kikdb"), &p);
	kik_edit_info anna = by("Anna", "Fachtag fand statt"), ben = by("Ben", NULL);
	kik_snapshot_desc snap = KIK_SNAPSHOT_DESC_INIT;
	unsigned long first = kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 2)); /* open */
	kik_history *log;
	const kik_history_entry *e;
	char object[16];
	OK(kik_store_set_task_state(s, NULL, first, KIK_TASK_DONE, &anna));
	OK(kik_store_set_recorded_status(s, NULL, "AA-1.1", KIK_STATUS_WAITING, NULL, &ben));
	snap.label = "Zwischenstand";
	OK(kik_store_snapshot(s, NULL, &snap, &ben));
	OK(kik_store_log(s, NULL, &log));
	cr_assert(eq(sz, kik_history_count(log), 4));
	e = kik_history_get(log, 0);
	cr_assert(eq(str, (char *)kik_history_entry_action(e), "save"));
	cr_assert(ne(ptr, strstr(kik_history_entry_new(e), " added, 0 changed, 0 removed"), NULL));
	e = kik_history_get(log, 1);
	snprintf(object, sizeof(object), "%lu", first);
	cr_assert(eq(int, kik_history_entry_source(e), KIK_HISTORY_CHANGE));
	cr_assert(eq(str, (char *)kik_history_entry_action(e), "set_task_state"));
	cr_assert(eq(str, (char *)kik_history_entry_author(e), "Anna"));
	cr_assert(eq(str, (char *)kik_history_entry_note(e), "Fachtag fand statt"));
	cr_assert(eq(str, (char *)kik_history_entry_object(e), object));
	cr_assert(eq(str, (char *)kik_history_entry_measure(e), "SB-4.6"));
	cr_assert(eq(str, (char *)kik_history_entry_what(e), "state"));
	cr_assert(eq(str, (char *)kik_history_entry_old(e), "open"));
	cr_assert(eq(str, (char *)kik_history_entry_new(e), "done"));
	cr_assert(eq(str, (char *)kik_history_entry_value(e), "in_progress")); /* SB-4.6 as counted */
	cr_assert(eq(sz, strlen(kik_history_entry_time(e)), 20));
	e = kik_history_get(log, 2);
	cr_assert(eq(str, (char *)kik_history_entry_action(e), "set_recorded_status"));
	cr_assert(eq(str, (char *)kik_history_entry_old(e), "implemented"));
	cr_assert(eq(str, (char *)kik_history_entry_new(e), "waiting"));
	cr_assert(eq(str, (char *)kik_history_entry_note(e), ""));
	e = kik_history_get(log, 3);
	cr_assert(eq(str, (char *)kik_history_entry_action(e), "snapshot"));
	cr_assert(eq(str, (char *)kik_history_entry_object(e), "2023-10-05"));
	cr_assert(eq(str, (char *)kik_history_entry_new(e), "Zwischenstand"));
	cr_assert(eq(ptr, (void *)kik_history_entry_old(e), NULL));
	cr_assert(eq(ptr, (void *)kik_history_get(log, 4), NULL));
	cr_assert(eq(ptr, (void *)kik_history_entry_action(NULL), NULL));
	kik_history_free(log);
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_edit, an_edit_after_a_snapshot_leaves_the_snapshot_and_writes_only_what_changed)
{
	kik_plan *p, *before;
	const char *path = scratch("a.kikdb");
	kik_store *s = stored(path, &p);
	kik_snapshot_desc snap = KIK_SNAPSHOT_DESC_INIT;
	const kik_measure *m = kik_plan_find_measure(p, "SB-4.6");
	unsigned long fachtag = kik_task_id(kik_measure_task(m, 1)), flyer = kik_task_id(kik_measure_task(m, 2));
	long measures, tasks;
	OK(kik_store_snapshot(s, NULL, &snap, NULL));
	measures = count_rows(path, "kik_measures");
	tasks = count_rows(path, "kik_tasks");
	OK(kik_store_set_task_state(s, NULL, flyer, KIK_TASK_DONE, NULL)); /* SB-4.6 stays in progress */
	cr_assert(eq(long, count_rows(path, "kik_tasks"), tasks + 1));
	cr_assert(eq(long, count_rows(path, "kik_measures"), measures));
	OK(kik_store_set_task_state(s, NULL, fachtag, KIK_TASK_DONE, NULL)); /* now it is implemented */
	cr_assert(eq(long, count_rows(path, "kik_tasks"), tasks + 2));
	cr_assert(eq(long, count_rows(path, "kik_measures"), measures + 1));
	OK(kik_store_set_task_state(s, NULL, fachtag, KIK_TASK_IN_PROGRESS, NULL));
	cr_assert(eq(long, count_rows(path, "kik_tasks"), tasks + 2)); /* the rows since the snapshot, replaced */
	cr_assert(eq(long, count_rows(path, "kik_measures"), measures + 1));
	before = bundled_with_tasks();
	assert_loads(s, NULL, "2023-10-05", before);
	kik_plan_free(before);
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_edit, tasks_added_through_two_handles_get_ids_of_their_own)
{
	const char *path = scratch("a.kikdb");
	kik_plan *p;
	kik_store *a = stored(path, &p), *b = open_store(path);
	kik_task_desc t = task_desc("GT-1.1", KIK_TASK_AG, "Von a", KIK_TASK_OPEN);
	unsigned long ids[3];
	OK(kik_store_add_task(a, NULL, &t, NULL, &ids[0])); /* a keeps the working state */
	t.title = "Von b";
	OK(kik_store_add_task(b, NULL, &t, NULL, &ids[1]));
	t.title = "Wieder von a";
	OK(kik_store_add_task(a, NULL, &t, NULL, &ids[2])); /* after b's */
	cr_assert(ids[0] < ids[1] && ids[1] < ids[2]);
	t.title = "Von a";
	OK(kik_plan_add_task(p, &t, NULL));
	t.title = "Von b";
	OK(kik_plan_add_task(p, &t, NULL));
	t.title = "Wieder von a";
	OK(kik_plan_add_task(p, &t, NULL));
	assert_loads(b, NULL, NULL, p);
	kik_plan_free(p);
	kik_store_free(a);
	kik_store_free(b);
}

Test(store_edit, edits_through_two_handles_both_count)
{
	const char *path = scratch("a.kikdb");
	kik_plan *p;
	kik_store *a = stored(path, &p), *b = open_store(path);
	OK(kik_store_set_recorded_status(a, NULL, "AA-1.1", KIK_STATUS_WAITING, NULL, NULL)); /* a keeps the state */
	OK(kik_store_set_recorded_status(b, NULL, "AA-1.2", KIK_STATUS_WAITING, NULL, NULL));
	OK(kik_store_set_recorded_status(a, NULL, "AA-2.3", KIK_STATUS_WAITING, NULL, NULL)); /* sees b's */
	OK(kik_plan_set_recorded_status(p, "AA-1.1", KIK_STATUS_WAITING, NULL));
	OK(kik_plan_set_recorded_status(p, "AA-1.2", KIK_STATUS_WAITING, NULL));
	OK(kik_plan_set_recorded_status(p, "AA-2.3", KIK_STATUS_WAITING, NULL));
	assert_loads(a, NULL, NULL, p);
	assert_loads(b, NULL, NULL, p);
	/* a save through b replaces what a keeps too */
	OK(kik_plan_set_recorded_status(p, "AA-2.3", KIK_STATUS_IMPLEMENTED, NULL));
	OK(kik_store_save(b, NULL, p, NULL));
	OK(kik_store_set_recorded_status(a, NULL, "AA-2.2", KIK_STATUS_IMPLEMENTED, NULL, NULL));
	OK(kik_plan_set_recorded_status(p, "AA-2.2", KIK_STATUS_IMPLEMENTED, NULL));
	assert_loads(b, NULL, NULL, p);
	kik_plan_free(p);
	kik_store_free(a);
	kik_store_free(b);
}

Test(store_edit, a_store_opened_read_only_refuses_edits)
{
	kik_plan *p;
	const char *path = scratch("a.kikdb");
	kik_store *s = stored(path, &p), *ro;
	kik_store_options o = KIK_STORE_OPTIONS_INIT;
	kik_snapshot_desc snap = KIK_SNAPSHOT_DESC_INIT;
	o.flags = KIK_STORE_READ_ONLY;
	kik_store_free(s);
	OK(kik_store_open(&ro, path, &o));
	FAILS(KIK_EREADONLY, kik_store_set_task_state(ro, NULL, 1, KIK_TASK_DONE, NULL));
	FAILS(KIK_EREADONLY, kik_store_save(ro, NULL, p, NULL));
	FAILS(KIK_EREADONLY, kik_store_snapshot(ro, NULL, &snap, NULL));
	assert_loads(ro, NULL, NULL, p);
	kik_plan_free(p);
	kik_store_free(ro);
}

/* The history of SB-4.6 and of its first task over two snapshots and three edits. */
Test(store_edit, a_history_lists_snapshots_and_changes_in_time_order)
{
	kik_plan *p;
	kik_store *s = stored(scratch("a.kikdb"), &p);
	kik_snapshot_desc snap = KIK_SNAPSHOT_DESC_INIT;
	kik_edit_info anna = by("Anna", "erledigt");
	unsigned long first = kik_task_id(kik_measure_task(kik_plan_find_measure(p, "SB-4.6"), 2)); /* open */
	char id[16];
	kik_history *h;
	const kik_history_entry *e;
	snap.as_of = "2023-10-05";
	OK(kik_store_snapshot(s, NULL, &snap, NULL));
	OK(kik_store_set_task_state(s, NULL, first, KIK_TASK_DONE, &anna));
	OK(kik_store_set_recorded_status(s, NULL, "SB-4.6", KIK_STATUS_WAITING, NULL, NULL));
	OK(kik_store_set_recorded_status(s, NULL, "AA-1.1", KIK_STATUS_WAITING, NULL, NULL)); /* another */
	snap.as_of = "2099-01-01";                                                            /* later than the edits */
	OK(kik_store_snapshot(s, NULL, &snap, NULL));

	OK(kik_store_history(s, NULL, "SB-4.6", &h));
	cr_assert(eq(sz, kik_history_count(h), 5));
	e = kik_history_get(h, 0);
	cr_assert(eq(int, kik_history_entry_source(e), KIK_HISTORY_SNAPSHOT));
	cr_assert(eq(str, (char *)kik_history_entry_time(e), "2023-10-05"));
	cr_assert(eq(str, (char *)kik_history_entry_value(e), "in_progress"));
	e = kik_history_get(h, 1);
	cr_assert(eq(str, (char *)kik_history_entry_action(e), "set_task_state"));
	cr_assert(eq(str, (char *)kik_history_entry_author(e), "Anna"));
	e = kik_history_get(h, 2);
	cr_assert(eq(str, (char *)kik_history_entry_action(e), "set_recorded_status"));
	cr_assert(eq(str, (char *)kik_history_entry_value(e), "in_progress")); /* tasks decide */
	e = kik_history_get(h, 3);
	cr_assert(eq(int, kik_history_entry_source(e), KIK_HISTORY_SNAPSHOT));
	cr_assert(eq(str, (char *)kik_history_entry_time(e), "2099-01-01"));
	e = kik_history_get(h, 4); /* last, whatever its date: the working state */
	cr_assert(eq(int, kik_history_entry_source(e), KIK_HISTORY_WORKING));
	cr_assert(eq(str, (char *)kik_history_entry_action(e), "working"));
	cr_assert(eq(str, (char *)kik_history_entry_value(e), "in_progress"));
	kik_history_free(h);

	snprintf(id, sizeof(id), "%lu", first);
	OK(kik_store_history(s, NULL, id, &h));
	cr_assert(eq(sz, kik_history_count(h), 4));
	cr_assert(eq(str, (char *)kik_history_entry_value(kik_history_get(h, 0)), "open"));
	cr_assert(eq(str, (char *)kik_history_entry_value(kik_history_get(h, 1)), "done"));
	cr_assert(eq(str, (char *)kik_history_entry_value(kik_history_get(h, 2)), "done"));
	kik_history_free(h);

	/* a measure that came after the first snapshot has none there */
	OK(kik_store_history(s, NULL, "AA-1.1", &h));
	cr_assert(eq(str, (char *)kik_history_entry_value(kik_history_get(h, 0)), "implemented"));
	kik_history_free(h);
	FAILS(KIK_ENOTFOUND, kik_store_history(s, NULL, "SB-99.9", &h));
	FAILS(KIK_ENOTFOUND, kik_store_history(s, NULL, "99999", &h));
	FAILS(KIK_EINVAL, kik_store_history(s, NULL, "SB4.6", &h));
	FAILS(KIK_EINVAL, kik_store_history(s, NULL, "", &h));
	kik_plan_free(p);
	kik_store_free(s);
}

Test(store_edit, a_removed_measure_ends_in_its_history)
{
	kik_plan *p;
	kik_store *s = stored(scratch("a.kikdb"), &p);
	kik_snapshot_desc snap = KIK_SNAPSHOT_DESC_INIT;
	kik_history *h;
	OK(kik_store_snapshot(s, NULL, &snap, NULL));
	OK(kik_store_remove_measure(s, NULL, "SB-4.6", NULL));
	snap.as_of = "2099-01-01";
	OK(kik_store_snapshot(s, NULL, &snap, NULL));
	OK(kik_store_history(s, NULL, "SB-4.6", &h));
	cr_assert(eq(sz, kik_history_count(h), 4));
	cr_assert(eq(str, (char *)kik_history_entry_action(kik_history_get(h, 1)), "remove_measure"));
	cr_assert(eq(ptr, (void *)kik_history_entry_new(kik_history_get(h, 1)), NULL));
	cr_assert(eq(ptr, (void *)kik_history_entry_value(kik_history_get(h, 2)), NULL));
	cr_assert(eq(int, kik_history_entry_source(kik_history_get(h, 3)), KIK_HISTORY_WORKING));
	cr_assert(eq(ptr, (void *)kik_history_entry_value(kik_history_get(h, 3)), NULL)); /* gone now */
	kik_history_free(h);
	kik_plan_free(p);
	kik_store_free(s);
}

/* Found by the Python bindings' tests: a measure or task only saved or imported into the
 * working state (in no snapshot and no edit) was "never had" (KIK_ENOTFOUND), though the
 * header said the working state counts; and a snapshot saved from a plan wrote no log entry
 * though the header lists "save_snapshot". */
Test(store_edit, an_object_only_in_the_working_state_has_a_history_and_save_snapshot_is_logged)
{
	kik_plan *p;
	kik_store *s = stored(scratch("a.kikdb"), &p);
	kik_snapshot_desc snap = KIK_SNAPSHOT_DESC_INIT;
	kik_edit_info anna = by("Anna", "Altstand");
	kik_history *h, *log;
	const kik_history_entry *e;
	OK(kik_store_history(s, NULL, "SB-4.6", &h));
	cr_assert(eq(sz, kik_history_count(h), 1));
	e = kik_history_get(h, 0);
	cr_assert(eq(int, kik_history_entry_source(e), KIK_HISTORY_WORKING));
	cr_assert(eq(str, (char *)kik_history_entry_value(e), "in_progress"));
	OK(kik_store_log(s, NULL, &log)); /* when the working state was last written: the save */
	cr_assert(eq(str, (char *)kik_history_entry_time(e), (char *)kik_history_entry_time(kik_history_get(log, 0))));
	kik_history_free(log);
	kik_history_free(h);
	snap.as_of = "2021-11-18";
	OK(kik_store_save_snapshot(s, NULL, p, &snap, &anna));
	OK(kik_store_log(s, NULL, &h));
	e = kik_history_get(h, kik_history_count(h) - 1);
	cr_assert(eq(str, (char *)kik_history_entry_action(e), "save_snapshot"));
	cr_assert(eq(str, (char *)kik_history_entry_object(e), "2021-11-18"));
	cr_assert(eq(str, (char *)kik_history_entry_author(e), "Anna"));
	cr_assert(eq(str, (char *)kik_history_entry_note(e), "Altstand"));
	kik_history_free(h);
	kik_plan_free(p);
	kik_store_free(s);
}
