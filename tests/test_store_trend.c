/* The trend across snapshots, and the views an analyst reads without libkik. */
#include "store_util.h"

TestSuite(store_trend, .fini = remove_scratch);

/* The bundled plan in three states: the concept (every measure waiting), the 2023 report,
 * and a later state with tasks, a measure in a new goal and a measure removed. */
static kik_plan *state(int k)
{
	kik_plan *p = bundled_with_tasks();
	size_t i;
	if (k == 0) {
		kik_plan_free(p);
		cr_assert(eq(int, kik_plan_new_default(&p), 0));
		for (i = 0; i < kik_plan_measure_count(p); i++)
			OK(kik_plan_set_recorded_status(p, kik_measure_id(kik_plan_measure(p, i)), KIK_STATUS_WAITING,
							NULL));
		OK(kik_plan_set_as_of(p, "2021-11-18"));
	} else if (k == 1) {
		kik_plan_free(p);
		cr_assert(eq(int, kik_plan_new_default(&p), 0));
	} else {
		put_measure(p, "IO", "Neu", "9.1", "Neu im Plan", KIK_STATUS_IN_PROGRESS);
		OK(kik_plan_remove_measure(p, "SB-1.1"));
		OK(kik_plan_set_as_of(p, "2025-06-30"));
	}
	return p;
}

/* A store with the three states as snapshots (the first saved as a snapshot of its own). */
static kik_store *timeline(const char *path, kik_plan *states[3])
{
	kik_store *s = open_store(path);
	kik_snapshot_desc d = KIK_SNAPSHOT_DESC_INIT;
	int k;
	for (k = 0; k < 3; k++)
		states[k] = state(k);
	OK(kik_store_save_snapshot(s, "KIK", states[0], NULL, NULL));
	OK(kik_store_save(s, "KIK", states[1], NULL));
	d.label = "Zwischenbericht";
	OK(kik_store_snapshot(s, "KIK", &d, NULL));
	OK(kik_store_save(s, "KIK", states[2], NULL));
	OK(kik_store_snapshot(s, "KIK", NULL, NULL));
	assert_loads(s, NULL, "2021-11-18", states[0]);
	assert_loads(s, NULL, "2023-10-05", states[1]);
	assert_loads(s, NULL, "2025-06-30", states[2]);
	return s;
}

static void assert_row(const kik_trend_row *r, kik_trend_scope scope, const char *field, unsigned goal,
		       kik_summary *want)
{
	int st;
	cr_assert(eq(int, kik_trend_row_scope(r), scope));
	cr_assert(eq(str, (char *)kik_trend_row_field(r), (char *)field));
	cr_assert(eq(u32, kik_trend_row_goal(r), goal));
	cr_assert(eq(sz, kik_trend_row_measures(r), kik_summary_measures(want)), "%s %u", field, goal);
	for (st = 0; st < KIK_STATUS_COUNT; st++) {
		cr_assert(eq(sz, kik_trend_row_count(r, (kik_status)st), kik_summary_count(want, (kik_status)st)),
			  "%s %u", field, goal);
		cr_assert(eq(u32, kik_trend_row_percent(r, (kik_status)st), kik_summary_percent(want, (kik_status)st)));
	}
	kik_summary_free(want);
}

Test(store_trend, counts_at_every_snapshot_what_the_loaded_snapshot_counts)
{
	kik_plan *states[3];
	kik_store *s = timeline(scratch("a.kikdb"), states);
	static const char *const dates[] = { "2021-11-18", "2023-10-05", "2025-06-30" };
	kik_trend *t;
	size_t row = 0, f, g;
	int k;
	OK(kik_store_trend(s, NULL, &t));
	for (k = 0; k < 3; k++) {
		kik_plan *p;
		kik_summary *sum;
		OK(kik_store_load(s, NULL, dates[k], &p));
		cr_assert(eq(str, (char *)kik_trend_row_as_of(kik_trend_get(t, row)), (char *)dates[k]));
		cr_assert(eq(str, (char *)kik_trend_row_label(kik_trend_get(t, row)), k == 1 ? "Zwischenbericht" : ""));
		OK(kik_summary_of_plan(p, &sum));
		assert_row(kik_trend_get(t, row++), KIK_TREND_PLAN, "", 0, sum);
		for (f = 0; f < kik_plan_field_count(p); f++) {
			OK(kik_summary_of_field(kik_plan_field(p, f), &sum));
			assert_row(kik_trend_get(t, row++), KIK_TREND_FIELD, kik_field_code(kik_plan_field(p, f)), 0,
				   sum);
		}
		for (f = 0; f < kik_plan_field_count(p); f++) {
			const kik_field *field = kik_plan_field(p, f);
			for (g = 0; g < kik_field_goal_count(field); g++) {
				const kik_goal *goal = kik_field_goal(field, g);
				OK(kik_summary_of_goal(goal, &sum));
				assert_row(kik_trend_get(t, row++), KIK_TREND_GOAL, kik_field_code(field),
					   kik_goal_number(goal), sum);
			}
		}
		kik_plan_free(p);
	}
	cr_assert(eq(sz, kik_trend_count(t), row));
	cr_assert(eq(ptr, (void *)kik_trend_get(t, row), NULL));
	kik_trend_free(t);
	for (k = 0; k < 3; k++)
		kik_plan_free(states[k]);
	kik_store_free(s);
}

Test(store_trend, the_kik_timeline_goes_from_144_waiting_to_the_report)
{
	kik_plan *states[3];
	kik_store *s = timeline(scratch("a.kikdb"), states);
	static const size_t want[2][3] = { { 144, 0, 0 }, { 38, 61, 45 } };
	kik_trend *t;
	size_t i, k = 0;
	int st;
	OK(kik_store_trend(s, NULL, &t));
	for (i = 0; i < kik_trend_count(t) && k < 2; i++) {
		const kik_trend_row *r = kik_trend_get(t, i);
		if (kik_trend_row_scope(r) != KIK_TREND_PLAN)
			continue;
		for (st = 0; st < KIK_STATUS_COUNT; st++)
			cr_assert(eq(sz, kik_trend_row_count(r, (kik_status)st), want[k][st]));
		k++;
	}
	cr_assert(eq(sz, k, 2));
	kik_trend_free(t);
	for (k = 0; k < 3; k++)
		kik_plan_free(states[k]);
	kik_store_free(s);
}

Test(store_trend, a_plan_without_snapshots_has_an_empty_trend)
{
	kik_store *s = open_store(":memory:");
	kik_plan *p = bundled_with_tasks();
	kik_trend *t;
	OK(kik_store_save(s, NULL, p, NULL));
	OK(kik_store_trend(s, NULL, &t));
	cr_assert(eq(sz, kik_trend_count(t), 0));
	kik_trend_free(t);
	FAILS(KIK_ENOTFOUND, kik_store_trend(s, "andere", &t));
	cr_assert(eq(int, kik_trend_row_scope(NULL), KIK_TREND_INVALID));
	kik_plan_free(p);
	kik_store_free(s);
}

/* ---- the views, read with SQLite's shell --------------------------------------------- */

static void assert_query(const char *path, const char *sql, const char *want)
{
	char *got = shell_query(path, sql);
	cr_assert(eq(str, got, (char *)want), "%s", sql);
	free(got);
}

Test(store_trend, the_views_show_every_state_of_a_plan)
{
	kik_plan *states[3];
	const char *path = scratch("a.kikdb");
	kik_store *s = timeline(path, states);
	kik_edit_info info = KIK_EDIT_INFO_INIT;
	int k;
	info.author = "Anna";
	info.note = "gesehen";
	OK(kik_store_set_recorded_status(s, NULL, "AA-1.1", KIK_STATUS_WAITING, NULL, &info));
	kik_store_free(s);
	assert_query(path, "SELECT plan FROM plans", "KIK\n");
	assert_query(path, "SELECT as_of, label FROM snapshots ORDER BY as_of",
		     "2021-11-18|\n2023-10-05|Zwischenbericht\n2025-06-30|\n");
	assert_query(path, "SELECT snapshot, as_of FROM versions ORDER BY version",
		     "2021-11-18|2021-11-18\n2023-10-05|2023-10-05\n2025-06-30|2025-06-30\nworking|2025-06-30\n");
	/* 2025: SB-1.1 (waiting) gone, IO-9.1 (in progress) new; SB-4.6 and AA-2.1 counted by their
	 * tasks (waiting to in progress, and to implemented); then AA-1.1 set to waiting */
	assert_query(path,
		     "SELECT snapshot, count(*), sum(status = 'waiting') FROM measures GROUP BY snapshot ORDER BY 1",
		     "2021-11-18|144|144\n2023-10-05|144|38\n2025-06-30|144|35\nworking|144|36\n");
	assert_query(path,
		     "SELECT measure, number, status, recorded FROM measures WHERE snapshot = 'working' AND "
		     "measure IN ('IO-9.1', 'SB-4.6') ORDER BY 1",
		     "IO-9.1|9.1|in_progress|in_progress\nSB-4.6|4.6|in_progress|waiting\n");
	assert_query(path,
		     "SELECT field, measures, waiting, in_progress, implemented FROM field_counts WHERE snapshot = "
		     "'2023-10-05' ORDER BY position",
		     "SB|30|10|13|7\nAA|27|7|7|13\nGP|19|4|13|2\nBE|18|4|5|9\nGT|24|3|14|7\nIO|26|10|9|7\n");
	assert_query(path,
		     "SELECT task_id, measure, kind, state, title, due, owner FROM tasks WHERE snapshot = '2025-06-30' "
		     "ORDER BY task_id LIMIT 2",
		     "1|SB-4.6|concept|done|Angebote sammeln und beschreiben|2023-06-30|Amt für Integration\n"
		     "2|SB-4.6|ag|in_progress|Fachtag durchführen|2024-03-15|AG Bildung\n");
	assert_query(path, "SELECT count(*) FROM tasks WHERE snapshot = '2023-10-05'", "0\n");
	assert_query(path,
		     "SELECT goal, group_name, text FROM goals WHERE snapshot = 'working' AND field = 'IO' "
		     "AND goal = 9",
		     "9|Neu|\n");
	assert_query(path, "SELECT name, published_waiting FROM fields WHERE snapshot = 'working' AND field = 'SB'",
		     "Sprache und Bildung|12\n");
	assert_query(path,
		     "SELECT plan, author, action, object, what, old, new, status, note FROM changes WHERE action = "
		     "'set_recorded_status'",
		     "KIK|Anna|set_recorded_status|AA-1.1|recorded|implemented|waiting|waiting|gesehen\n");
	for (k = 0; k < 3; k++)
		kik_plan_free(states[k]);
}
