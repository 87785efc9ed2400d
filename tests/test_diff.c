/* Differences between snapshots, on constructed plans: every object added, removed or
 * changed, and the counts of each field in both plans. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <string.h>

static kik_plan *old_plan, *new_plan;

static void put_in(kik_plan *plan, const char *field, const char *group, const char *number, const char *text,
		   kik_status status)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = field;
	d.group = group;
	d.number = number;
	d.text = text;
	d.status = status;
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0), "%s", kik_error_last()->message);
}

static void put(kik_plan *plan, const char *field, const char *number, kik_status status)
{
	put_in(plan, field, NULL, number, number, status);
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

/* The changes of one kind of object, in order. */
static size_t changes_of(const kik_diff *d, kik_object_kind object, const kik_change **out, size_t cap)
{
	size_t i, n = 0;
	for (i = 0; i < kik_diff_count(d); i++)
		if (kik_change_object(kik_diff_get(d, i)) == object && n < cap)
			out[n++] = kik_diff_get(d, i);
	return n;
}

Test(diff, names_every_changed_measure_in_order)
{
	static const struct {
		kik_change_kind kind;
		const char *id;
		kik_status from, to;
	} want[] = {
		{ KIK_CHANGE_CHANGED, "A-1.1", KIK_STATUS_WAITING, KIK_STATUS_IMPLEMENTED },
		{ KIK_CHANGE_ADDED, "A-2.1", KIK_STATUS_INVALID, KIK_STATUS_WAITING },
		{ KIK_CHANGE_ADDED, "B-1.1", KIK_STATUS_INVALID, KIK_STATUS_IN_PROGRESS },
		{ KIK_CHANGE_REMOVED, "A-1.3", KIK_STATUS_IMPLEMENTED, KIK_STATUS_INVALID },
		{ KIK_CHANGE_REMOVED, "OLD-1.1", KIK_STATUS_WAITING, KIK_STATUS_INVALID },
	};
	const kik_change *c[8];
	kik_diff *d;
	size_t i;
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_MEASURE, c, 8), 5));
	cr_assert(eq(sz, kik_diff_count_of(d, KIK_OBJECT_MEASURE), 5));
	for (i = 0; i < 5; i++) {
		cr_assert(eq(int, kik_change_kind_of(c[i]), want[i].kind), "%zu", i);
		cr_assert(eq(str, (char *)kik_change_id(c[i]), (char *)want[i].id));
		cr_assert(eq(int, kik_change_old_status(c[i]), want[i].from), "%s", want[i].id);
		cr_assert(eq(int, kik_change_new_status(c[i]), want[i].to), "%s", want[i].id);
	}
	cr_assert(eq(u32, kik_change_what(c[0]), KIK_VALUE_STATUS | KIK_VALUE_RECORDED));
	cr_assert(eq(str, (char *)kik_change_old(c[0], KIK_VALUE_STATUS), "waiting"));
	cr_assert(eq(str, (char *)kik_change_new(c[0], KIK_VALUE_STATUS), "implemented"));
	cr_assert(eq(ptr, (void *)kik_change_old(c[1], KIK_VALUE_STATUS), NULL)); /* added: no old value */
	cr_assert(eq(str, (char *)kik_change_kind_key(KIK_CHANGE_CHANGED), "changed"));
	cr_assert(eq(str, (char *)kik_change_value_key(KIK_VALUE_OWNER), "owner"));
	cr_assert(eq(ptr, (void *)kik_change_value_key(KIK_VALUE_OWNER | KIK_VALUE_DUE), NULL));
	kik_diff_free(d);
}

Test(diff, names_fields_and_goals_added_and_removed)
{
	const kik_change *c[8];
	kik_diff *d;
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_FIELD, c, 8), 2));
	cr_assert(eq(str, (char *)kik_change_id(c[0]), "B"));
	cr_assert(eq(int, kik_change_kind_of(c[0]), KIK_CHANGE_ADDED));
	cr_assert(eq(str, (char *)kik_change_id(c[1]), "OLD"));
	cr_assert(eq(int, kik_change_kind_of(c[1]), KIK_CHANGE_REMOVED));
	cr_assert(eq(str, (char *)kik_change_text(c[1]), "Nur alt"));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_GOAL, c, 8), 3)); /* A-2 and B-1 added, OLD-1 removed */
	cr_assert(eq(str, (char *)kik_change_id(c[0]), "A-2"));
	cr_assert(eq(str, (char *)kik_change_id(c[2]), "OLD-1"));
	cr_assert(eq(int, kik_change_kind_of(c[2]), KIK_CHANGE_REMOVED));
	kik_diff_free(d);
}

Test(diff, reports_changed_texts_names_and_groups)
{
	const kik_change *c[8];
	kik_diff *d;
	put_in(new_plan, "A", "Gruppe", "1.2", "anders", KIK_STATUS_IN_PROGRESS);
	cr_assert(eq(int, kik_plan_set_field_name(new_plan, "A", "Alpha neu"), 0));
	cr_assert(eq(int, kik_plan_set_goal_text(new_plan, "A", 1, "Ziel eins"), 0));
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_FIELD, c, 8), 3)); /* A renamed, B added, OLD removed */
	cr_assert(eq(u32, kik_change_what(c[0]), KIK_VALUE_NAME));
	cr_assert(eq(str, (char *)kik_change_old(c[0], KIK_VALUE_NAME), "Alpha"));
	cr_assert(eq(str, (char *)kik_change_new(c[0], KIK_VALUE_NAME), "Alpha neu"));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_GROUP, c, 8), 1));
	cr_assert(eq(str, (char *)kik_change_id(c[0]), "A/Gruppe"));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_GOAL, c, 8), 4));
	cr_assert(eq(str, (char *)kik_change_id(c[0]), "A-1"));
	cr_assert(eq(u32, kik_change_what(c[0]), KIK_VALUE_TEXT | KIK_VALUE_GROUP));
	cr_assert(eq(str, (char *)kik_change_old(c[0], KIK_VALUE_GROUP), ""));
	cr_assert(eq(str, (char *)kik_change_new(c[0], KIK_VALUE_GROUP), "Gruppe"));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_MEASURE, c, 8), 6));
	cr_assert(eq(str, (char *)kik_change_id(c[1]), "A-1.2"));
	cr_assert(eq(u32, kik_change_what(c[1]), KIK_VALUE_TEXT));
	cr_assert(eq(str, (char *)kik_change_new(c[1], KIK_VALUE_TEXT), "anders"));
	kik_diff_free(d);
}

static unsigned long add_task(kik_plan *plan, const char *measure, kik_task_kind kind, kik_task_state state,
			      const char *title, unsigned long id)
{
	kik_task_desc t = KIK_TASK_DESC_INIT;
	const kik_task *task;
	t.measure = measure;
	t.kind = kind;
	t.state = state;
	t.title = title;
	t.id = id;
	cr_assert(eq(int, kik_plan_add_task(plan, &t, &task), 0), "%s", kik_error_last()->message);
	return kik_task_id(task);
}

Test(diff, reports_tasks_added_removed_and_changed_by_id)
{
	const kik_change *c[8];
	kik_diff *d;
	add_task(old_plan, "A-1.2", KIK_TASK_AG, KIK_TASK_OPEN, "Fachtag", 7);
	add_task(old_plan, "A-1.2", KIK_TASK_CONCEPT, KIK_TASK_OPEN, "entfällt später", 8);
	add_task(old_plan, "A-1.1", KIK_TASK_CONCEPT, KIK_TASK_OPEN, "wandert", 9);
	add_task(new_plan, "A-1.2", KIK_TASK_AG, KIK_TASK_DONE, "Fachtag", 7);
	add_task(new_plan, "A-1.2", KIK_TASK_CONCEPT, KIK_TASK_OPEN, "neu", 10);
	add_task(new_plan, "A-2.1", KIK_TASK_CONCEPT, KIK_TASK_OPEN, "wandert", 9);
	cr_assert(eq(int, kik_plan_set_task_owner(new_plan, 7, "AG Bildung"), 0));
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_TASK, c, 8), 4));
	cr_assert(eq(ulong, kik_change_task_id(c[0]), 7));
	cr_assert(eq(int, kik_change_kind_of(c[0]), KIK_CHANGE_CHANGED));
	cr_assert(eq(u32, kik_change_what(c[0]), KIK_VALUE_STATE | KIK_VALUE_OWNER));
	cr_assert(eq(str, (char *)kik_change_old(c[0], KIK_VALUE_STATE), "open"));
	cr_assert(eq(str, (char *)kik_change_new(c[0], KIK_VALUE_STATE), "done"));
	cr_assert(eq(str, (char *)kik_change_old(c[0], KIK_VALUE_OWNER), ""));
	cr_assert(eq(str, (char *)kik_change_measure(c[0]), "A-1.2"));
	cr_assert(eq(ulong, kik_change_task_id(c[1]), 10));
	cr_assert(eq(int, kik_change_kind_of(c[1]), KIK_CHANGE_ADDED));
	cr_assert(eq(ulong, kik_change_task_id(c[2]), 9)); /* moved to another measure */
	cr_assert(eq(u32, kik_change_what(c[2]), KIK_VALUE_MEASURE));
	cr_assert(eq(str, (char *)kik_change_old(c[2], KIK_VALUE_MEASURE), "A-1.1"));
	cr_assert(eq(ulong, kik_change_task_id(c[3]), 8));
	cr_assert(eq(int, kik_change_kind_of(c[3]), KIK_CHANGE_REMOVED));
	cr_assert(eq(str, (char *)kik_change_text(c[3]), "entfällt später"));
	kik_diff_free(d);
}

Test(diff, matches_tasks_by_key_where_the_ids_name_other_tasks)
{
	const kik_change *c[8];
	kik_diff *d;
	/* the same two tasks, read from files in another order: their ids differ */
	add_task(old_plan, "A-1.1", KIK_TASK_AG, KIK_TASK_OPEN, "eins", 1);
	add_task(old_plan, "A-1.2", KIK_TASK_AG, KIK_TASK_OPEN, "zwei", 2);
	add_task(new_plan, "A-1.2", KIK_TASK_AG, KIK_TASK_DONE, "zwei", 1);
	add_task(new_plan, "A-1.1", KIK_TASK_AG, KIK_TASK_OPEN, "eins", 2);
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	cr_assert(eq(sz, changes_of(d, KIK_OBJECT_TASK, c, 8), 1));
	cr_assert(eq(str, (char *)kik_change_measure(c[0]), "A-1.2"));
	cr_assert(eq(u32, kik_change_what(c[0]), KIK_VALUE_STATE));
	kik_diff_free(d);
}

Test(diff, gives_each_fields_counts_in_both_plans)
{
	kik_diff *d;
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	cr_assert(eq(sz, kik_diff_field_count(d), 3));
	cr_assert(eq(str, (char *)kik_diff_field_code(d, 0), "A"));
	cr_assert(eq(str, (char *)kik_diff_field_name(d, 0), "Alpha"));
	cr_assert(eq(sz, kik_diff_field_old_count(d, 0, KIK_STATUS_WAITING), 1));
	cr_assert(eq(sz, kik_diff_field_old_count(d, 0, KIK_STATUS_IN_PROGRESS), 1));
	cr_assert(eq(sz, kik_diff_field_old_count(d, 0, KIK_STATUS_IMPLEMENTED), 1));
	cr_assert(eq(sz, kik_diff_field_new_count(d, 0, KIK_STATUS_WAITING), 1));
	cr_assert(eq(sz, kik_diff_field_new_count(d, 0, KIK_STATUS_IMPLEMENTED), 1));
	cr_assert(eq(sz, kik_diff_field_old_measures(d, 0), 3));
	cr_assert(eq(str, (char *)kik_diff_field_code(d, 1), "B"));
	cr_assert(eq(sz, kik_diff_field_old_measures(d, 1), 0));
	cr_assert(eq(sz, kik_diff_field_new_count(d, 1, KIK_STATUS_IN_PROGRESS), 1));
	cr_assert(eq(str, (char *)kik_diff_field_code(d, 2), "OLD"));
	cr_assert(eq(sz, kik_diff_field_old_measures(d, 2), 1));
	cr_assert(eq(sz, kik_diff_field_new_measures(d, 2), 0));
	cr_assert(eq(sz, kik_diff_field_new_count(d, 2, KIK_STATUS_INVALID), 0));
	cr_assert(eq(ptr, (void *)kik_diff_field_code(d, 3), NULL));
	kik_diff_free(d);
}

Test(diff, a_plan_against_itself_has_no_changes_and_tasks_count)
{
	kik_plan *a, *b;
	const kik_change *c;
	kik_diff *d;
	cr_assert(eq(int, kik_plan_new_default(&a), 0));
	cr_assert(eq(int, kik_plan_new_default(&b), 0));
	cr_assert(eq(int, kik_plan_diff(a, b, &d), 0));
	cr_assert(eq(sz, kik_diff_count(d), 0));
	cr_assert(eq(sz, kik_diff_field_count(d), 6));
	kik_diff_free(d);
	add_task(b, "SB-4.6", KIK_TASK_CONCEPT, KIK_TASK_IN_PROGRESS, "begonnen", 0);
	cr_assert(eq(int, kik_plan_diff(a, b, &d), 0));
	cr_assert(eq(sz, kik_diff_count(d), 2)); /* the measure's status, and its new task */
	c = kik_diff_get(d, 0);
	cr_assert(eq(int, kik_change_object(c), KIK_OBJECT_MEASURE));
	cr_assert(eq(int, kik_change_new_status(c), KIK_STATUS_IN_PROGRESS));
	cr_assert(eq(int, kik_change_object(kik_diff_get(d, 1)), KIK_OBJECT_TASK));
	kik_diff_free(d);
	kik_plan_free(a);
	kik_plan_free(b);
}

Test(diff, outlives_its_plans_and_takes_null_as_an_error)
{
	kik_diff *d = NULL;
	cr_assert(eq(int, kik_plan_diff(old_plan, new_plan, &d), 0));
	kik_plan_free(old_plan);
	kik_plan_free(new_plan);
	old_plan = new_plan = NULL;
	cr_assert(eq(str, (char *)kik_change_id(kik_diff_get(d, 0)), "A-1.1"));
	kik_diff_free(d);
	cr_assert(eq(int, kik_plan_diff(NULL, NULL, &d), KIK_EINVAL));
	cr_assert(ne(ptr, (void *)kik_error_last(), NULL));
	cr_assert(eq(int, kik_change_object(NULL), KIK_OBJECT_INVALID));
	cr_assert(eq(sz, kik_diff_count(NULL), 0));
}
