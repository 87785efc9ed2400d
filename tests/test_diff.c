/* Differences between snapshots, on constructed plans. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <string.h>

static kik_plan *old_plan, *new_plan;

static void put(kik_plan *plan, const char *field, const char *number, kik_status status)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = field;
	d.number = number;
	d.text = number;
	d.status = status;
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
}

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new(&old_plan), 0));
	cr_assert(eq(int, kik_plan_new(&new_plan), 0));
	cr_assert(eq(int, kik_plan_add_field(old_plan, "A", "Alpha", NULL), 0));
	cr_assert(eq(int, kik_plan_add_field(old_plan, "OLD", "Nur alt", NULL), 0));
	cr_assert(eq(int, kik_plan_add_field(new_plan, "A", "Alpha", NULL), 0));
	cr_assert(eq(int, kik_plan_add_field(new_plan, "B", "Beta", NULL), 0));
	put(old_plan, "A", "1.1", KIK_STATUS_WAITING);
	put(old_plan, "A", "1.2", KIK_STATUS_IN_PROGRESS);
	put(old_plan, "A", "1.3", KIK_STATUS_IMPLEMENTED);
	put(old_plan, "OLD", "1.1", KIK_STATUS_WAITING);
	put(new_plan, "A", "1.1", KIK_STATUS_IMPLEMENTED); /* moved */
	put(new_plan, "A", "1.2", KIK_STATUS_IN_PROGRESS); /* same */
	put(new_plan, "A", "2.1", KIK_STATUS_WAITING);     /* added; removed */
	put(new_plan, "B", "1.1", KIK_STATUS_IN_PROGRESS); /* added in a new field */
}

static void teardown(void)
{
	kik_plan_free(old_plan);
	kik_plan_free(new_plan);
}

TestSuite(diff, .init = setup, .fini = teardown);

Test(diff, names_every_changed_measure_in_order)
{
	static const struct {
		kik_change_kind kind;
		const char *id;
		kik_status from, to;
	} want[] = {
		{ KIK_CHANGE_STATUS, "A-1.1", KIK_STATUS_WAITING, KIK_STATUS_IMPLEMENTED },
		{ KIK_CHANGE_ADDED, "A-2.1", KIK_STATUS_WAITING, KIK_STATUS_WAITING },
		{ KIK_CHANGE_ADDED, "B-1.1", KIK_STATUS_WAITING, KIK_STATUS_IN_PROGRESS },
		{ KIK_CHANGE_REMOVED, "A-1.3", KIK_STATUS_IMPLEMENTED, KIK_STATUS_WAITING },
		{ KIK_CHANGE_REMOVED, "OLD-1.1", KIK_STATUS_WAITING, KIK_STATUS_WAITING },
	};
	kik_diff *d;
	size_t i;
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	cr_assert(eq(sz, kik_diff_change_count(d), 5));
	for (i = 0; i < 5; i++) {
		const kik_change *c = kik_diff_change(d, i);
		cr_assert(eq(int, c->kind, want[i].kind), "%zu", i);
		cr_assert(eq(str, (char *)c->id, (char *)want[i].id));
		if (c->kind != KIK_CHANGE_ADDED)
			cr_assert(eq(int, c->old_status, want[i].from), "%s", c->id);
		if (c->kind != KIK_CHANGE_REMOVED)
			cr_assert(eq(int, c->new_status, want[i].to), "%s", c->id);
	}
	cr_assert(eq(str, (char *)kik_change_kind_key(KIK_CHANGE_STATUS), "status"));
	kik_diff_free(d);
}

Test(diff, gives_each_fields_counts_in_both_plans)
{
	kik_diff *d;
	const kik_field_change *f;
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	cr_assert(eq(sz, kik_diff_field_count(d), 3));
	f = kik_diff_field(d, 0);
	cr_assert(eq(str, (char *)f->code, "A"));
	cr_assert(f->old_count[0] == 1 && f->old_count[1] == 1 && f->old_count[2] == 1);
	cr_assert(f->new_count[0] == 1 && f->new_count[1] == 1 && f->new_count[2] == 1);
	cr_assert(eq(sz, f->old_measures, 3));
	f = kik_diff_field(d, 1);
	cr_assert(eq(str, (char *)f->code, "B"));
	cr_assert(eq(sz, f->old_measures, 0));
	cr_assert(eq(sz, f->new_count[KIK_STATUS_IN_PROGRESS], 1));
	f = kik_diff_field(d, 2);
	cr_assert(eq(str, (char *)f->code, "OLD"));
	cr_assert(eq(sz, f->old_measures, 1));
	cr_assert(eq(sz, f->new_measures, 0));
	kik_diff_free(d);
}

Test(diff, a_plan_against_itself_has_no_changes_and_tasks_count)
{
	kik_plan *a, *b;
	kik_task_desc t = KIK_TASK_DESC_INIT;
	kik_diff *d;
	cr_assert(eq(int, kik_plan_new_default(&a), 0));
	cr_assert(eq(int, kik_plan_new_default(&b), 0));
	cr_assert(eq(int, kik_plan_diff(a, b, &d), 0));
	cr_assert(eq(sz, kik_diff_change_count(d), 0));
	cr_assert(eq(sz, kik_diff_field_count(d), 6));
	kik_diff_free(d);
	t.measure = "SB-4.6";
	t.state = KIK_TASK_IN_PROGRESS;
	t.title = "begonnen";
	cr_assert(eq(int, kik_plan_add_task(b, &t, NULL), 0));
	cr_assert(eq(int, kik_plan_diff(a, b, &d), 0));
	cr_assert(eq(sz, kik_diff_change_count(d), 1));
	cr_assert(eq(int, kik_diff_change(d, 0)->new_status, KIK_STATUS_IN_PROGRESS));
	kik_diff_free(d);
	kik_plan_free(a);
	kik_plan_free(b);
}
