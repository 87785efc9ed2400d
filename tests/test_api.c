/* The 1.0 API as a long-running service uses it: identities that survive a save and reload,
 * single edits, no state the export cannot read back, costs in proportion to the change,
 * one error lifetime, versioned and validated options, NULL sentinels. */
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static kik_plan *plan;

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
}

static unsigned long add(kik_plan *p, const char *measure, kik_task_kind kind, const char *title)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	const kik_task *t;
	d.measure = measure;
	d.kind = kind;
	d.title = title;
	cr_assert(eq(int, kik_plan_add_task(p, &d, &t), 0), "%s", kik_error_last()->message);
	return kik_task_id(t);
}

/* Every part of `from` exported and imported into a new plan, as a service saves and
 * restarts. */
static kik_plan *reload(const kik_plan *from)
{
	static const kik_import_kind kinds[] = { KIK_IMPORT_PLAN_INFO, KIK_IMPORT_FIELDS, KIK_IMPORT_MEASURES,
						 KIK_IMPORT_TASKS, KIK_IMPORT_PUBLISHED };
	kik_plan *to;
	size_t i;
	cr_assert(eq(int, kik_plan_new(&to), 0));
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		sink s = { NULL, 0, 0 };
		cr_assert(eq(int, kik_plan_export(from, kinds[i], to_sink, &s, NULL), 0));
		cr_assert(eq(int, kik_plan_import_buffer(to, kinds[i], s.data, s.len, "saved.csv", NULL), 0), "%s: %s",
			  kik_import_kind_key(kinds[i]), kik_error_last()->message);
		free(s.data);
	}
	return to;
}

TestSuite(identity, .init = setup, .fini = teardown);

Test(identity, a_task_keeps_its_id_through_a_save_and_reload)
{
	kik_plan *restarted;
	unsigned long fachtag;
	add(plan, "GP-6.2", KIK_TASK_CONCEPT, "Erst");
	add(plan, "GP-6.2", KIK_TASK_AG, "Dann");
	fachtag = add(plan, "SB-4.6", KIK_TASK_AG, "Fachtag");
	restarted = reload(plan);
	/* a form posted before the restart updates the same task after it */
	cr_assert(eq(int, kik_plan_set_task_state(restarted, fachtag, KIK_TASK_DONE), 0));
	cr_assert(eq(str, (char *)kik_task_title(kik_plan_find_task(restarted, fachtag)), "Fachtag"));
	cr_assert(eq(str, (char *)kik_measure_id(kik_task_measure(kik_plan_find_task(restarted, fachtag))), "SB-4.6"));
	cr_assert(eq(int, kik_task_state_of(kik_plan_find_task(restarted, fachtag)), KIK_TASK_DONE));
	kik_plan_free(restarted);
}

Test(identity, a_removed_tasks_id_and_the_rule_survive_a_reload)
{
	kik_plan *restarted;
	unsigned long gone, next;
	add(plan, "SB-4.6", KIK_TASK_AG, "bleibt");
	gone = add(plan, "SB-4.6", KIK_TASK_AG, "geht");
	cr_assert(eq(int, kik_plan_remove_task(plan, gone), 0));
	cr_assert(eq(int, kik_plan_set_rule(plan, KIK_RULE_MISSING_KIND_SATISFIED), 0));
	restarted = reload(plan);
	next = add(restarted, "SB-4.5", KIK_TASK_AG, "neu");
	cr_assert(lt(ulong, gone, next));
	cr_assert(eq(int, kik_plan_rule(restarted), KIK_RULE_MISSING_KIND_SATISFIED)); /* the rule is saved too */
	kik_plan_free(restarted);
}

Test(identity, ids_from_a_file_in_any_order_are_kept_and_found)
{
	static const char csv[] = "task_id;measure;kind;title;state\n"
				  "9;SB-4.6;ag;neun;open\n"
				  "3;SB-4.6;concept;drei;done\n"
				  "100;AA-1.1;ag;hundert;open\n"
				  ";AA-1.1;concept;ohne Nummer;open\n";
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, csv, strlen(csv), "t.csv", NULL), 0));
	cr_assert(eq(str, (char *)kik_task_title(kik_plan_find_task(plan, 9)), "neun"));
	cr_assert(eq(str, (char *)kik_task_title(kik_plan_find_task(plan, 3)), "drei"));
	cr_assert(eq(str, (char *)kik_task_title(kik_plan_find_task(plan, 100)), "hundert"));
	cr_assert(eq(str, (char *)kik_task_title(kik_plan_find_task(plan, 101)), "ohne Nummer"));
	cr_assert(eq(ptr, (void *)kik_plan_find_task(plan, 4), NULL));
	cr_assert(eq(ulong, add(plan, "GT-1.1", KIK_TASK_AG, "danach"), 102));
}

Test(identity, a_file_names_a_task_by_id_to_rename_it)
{
	static const char csv[] = "task_id;measure;kind;title;state\n1;SB-4.6;ag;Fachtag durchgeführt;done\n";
	unsigned long id = add(plan, "SB-4.6", KIK_TASK_AG, "Fachtag");
	cr_assert(eq(ulong, id, 1));
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, csv, strlen(csv), "t.csv", NULL), 0));
	cr_assert(eq(sz, kik_plan_task_count(plan), 1));
	cr_assert(eq(str, (char *)kik_task_title(kik_plan_find_task(plan, 1)), "Fachtag durchgeführt"));
	cr_assert(eq(ptr, (void *)kik_plan_find_task_by_key(plan, "SB-4.6", KIK_TASK_AG, "Fachtag"), NULL));
}

Test(identity, a_file_cannot_give_one_id_twice_or_move_a_task)
{
	static const char twice[] = "task_id;measure;kind;title;state\n5;SB-4.6;ag;a;open\n5;SB-4.6;ag;b;open\n";
	static const char move[] = "task_id;measure;kind;title;state\n1;SB-4.5;ag;Fachtag;open\n";
	static const char other_id[] = "task_id;measure;kind;title;state\n7;SB-4.6;ag;Fachtag;open\n";
	add(plan, "SB-4.6", KIK_TASK_AG, "Fachtag");
	cr_assert(
	    eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, twice, strlen(twice), "t.csv", NULL), KIK_EPARSE));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "task id 5 appears twice: first on line 2"), NULL));
	cr_assert(eq(ulong, kik_error_last()->line, 3));
	cr_assert(
	    eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, move, strlen(move), "t.csv", NULL), KIK_EPARSE));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "belongs to SB-4.6"), NULL));
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, other_id, strlen(other_id), "t.csv", NULL),
		     KIK_EPARSE));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "has id 1 in the plan, not 7"), NULL));
	cr_assert(eq(sz, kik_plan_task_count(plan), 1));
}

Test(identity, a_bare_id_column_is_refused_as_ambiguous)
{
	static const char csv[] = "id;kind;title;state\nSB-4.6;ag;a;open\n";
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, csv, strlen(csv), "t.csv", NULL), KIK_EPARSE));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "'id' is ambiguous"), NULL));
}

Test(identity, the_natural_key_is_unique_through_every_call)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	unsigned long fachtag, flyer;
	fachtag = add(plan, "SB-4.6", KIK_TASK_AG, "Fachtag");
	flyer = add(plan, "SB-4.6", KIK_TASK_AG, "Flyer");
	d.measure = "SB-4.6";
	d.kind = KIK_TASK_AG;
	d.title = "  Fachtag ";
	cr_assert(eq(int, kik_plan_add_task(plan, &d, NULL), KIK_EEXISTS));
	d.title = "Flyer";
	cr_assert(eq(int, kik_plan_update_task(plan, fachtag, &d), KIK_EEXISTS));
	cr_assert(eq(int, kik_plan_set_task_title(plan, fachtag, "Flyer"), KIK_EEXISTS));
	d.id = flyer;
	d.title = "Neu";
	cr_assert(eq(int, kik_plan_add_task(plan, &d, NULL), KIK_EEXISTS)); /* the id is taken */
	d.kind = KIK_TASK_CONCEPT;                                          /* another kind: another key */
	d.title = "Flyer";
	d.id = 0;
	cr_assert(eq(int, kik_plan_add_task(plan, &d, NULL), 0));
	cr_assert(eq(sz, kik_plan_task_count(plan), 3));
}

TestSuite(edits, .init = setup, .fini = teardown);

Test(edits, one_value_of_a_task_changes_alone)
{
	unsigned long id = add(plan, "SB-4.6", KIK_TASK_AG, "Fachtag");
	const kik_task *t;
	cr_assert(eq(int, kik_plan_set_task_due(plan, id, "2025-03-31"), 0));
	cr_assert(eq(int, kik_plan_set_task_owner(plan, id, " AG Bildung "), 0));
	cr_assert(eq(int, kik_plan_set_task_state(plan, id, KIK_TASK_IN_PROGRESS), 0));
	t = kik_plan_find_task(plan, id);
	cr_assert(eq(str, (char *)kik_task_due(t), "2025-03-31"));
	cr_assert(eq(str, (char *)kik_task_owner(t), "AG Bildung"));
	cr_assert(eq(int, kik_task_state_of(t), KIK_TASK_IN_PROGRESS));
	cr_assert(eq(str, (char *)kik_task_title(t), "Fachtag"));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "SB-4.6")), KIK_STATUS_IN_PROGRESS));
	cr_assert(eq(int, kik_plan_set_task_due(plan, id, ""), 0));
	cr_assert(eq(str, (char *)kik_task_due(kik_plan_find_task(plan, id)), ""));
	cr_assert(eq(str, (char *)kik_task_owner(kik_plan_find_task(plan, id)), "AG Bildung"));
	cr_assert(eq(int, kik_plan_set_task_due(plan, id, "31.03.2025"), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_set_task_state(plan, 999, KIK_TASK_DONE), KIK_ENOTFOUND));
	cr_assert(eq(int, kik_plan_set_task_state(plan, id, (kik_task_state)7), KIK_EINVAL));
}

Test(edits, every_task_can_be_listed_and_found_by_key)
{
	const kik_task *t;
	size_t n = 0;
	add(plan, "SB-4.6", KIK_TASK_AG, "a");
	add(plan, "AA-1.1", KIK_TASK_AG, "b");
	add(plan, "SB-4.6", KIK_TASK_CONCEPT, "c");
	cr_assert(eq(int, kik_plan_remove_task(plan, 2), 0));
	for (t = kik_plan_next_task(plan, NULL); t; t = kik_plan_next_task(plan, t))
		n++;
	cr_assert(eq(sz, n, 2));
	t = kik_plan_find_task_by_key(plan, "sb-4.6", KIK_TASK_CONCEPT, " c ");
	cr_assert(eq(ulong, kik_task_id(t), 3));
	cr_assert(eq(ptr, (void *)kik_plan_find_task_by_key(plan, "SB-4.6", KIK_TASK_AG, "c"), NULL));
}

Test(edits, a_task_moves_to_another_measure)
{
	kik_task_desc d = KIK_TASK_DESC_INIT;
	unsigned long id = add(plan, "SB-4.6", KIK_TASK_AG, "Fachtag");
	d.measure = "SB-4.5";
	d.kind = KIK_TASK_AG;
	d.state = KIK_TASK_DONE;
	d.title = "Fachtag";
	cr_assert(eq(int, kik_plan_update_task(plan, id, &d), 0));
	cr_assert(eq(sz, kik_measure_task_count(kik_plan_find_measure(plan, "SB-4.6")), 0));
	cr_assert(eq(sz, kik_measure_task_count(kik_plan_find_measure(plan, "SB-4.5")), 1));
	cr_assert(eq(int, kik_measure_status(kik_plan_find_measure(plan, "SB-4.6")), KIK_STATUS_WAITING));
	cr_assert(eq(str, (char *)kik_measure_id(kik_task_measure(kik_plan_find_task(plan, id))), "SB-4.5"));
}

Test(edits, a_measure_goes_with_its_tasks_then_its_empty_goal_group_and_field)
{
	const kik_field *gp;
	size_t tasks_before;
	unsigned long id = add(plan, "IO-8.1", KIK_TASK_AG, "weg");
	tasks_before = kik_plan_task_count(plan);
	cr_assert(eq(int, kik_plan_remove_goal(plan, "IO", 8), KIK_ENOTEMPTY));
	cr_assert(eq(int, kik_plan_remove_measure(plan, "IO-8.1"), 0));
	cr_assert(eq(int, kik_plan_remove_measure(plan, "IO-8.1"), KIK_ENOTFOUND));
	cr_assert(eq(ptr, (void *)kik_plan_find_task(plan, id), NULL));
	cr_assert(eq(sz, kik_plan_task_count(plan), tasks_before - 1));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 143));
	cr_assert(eq(int, kik_plan_remove_measure(plan, "IO-8.2"), 0));
	cr_assert(eq(int, kik_plan_remove_goal(plan, "IO", 8), 0));
	cr_assert(eq(ptr, (void *)kik_field_find_goal(kik_plan_find_field(plan, "IO"), 8), NULL));
	/* the document order skips what was removed */
	cr_assert(eq(str, (char *)kik_measure_id(kik_plan_measure(plan, 141)), "IO-7.2"));
	cr_assert(eq(ptr, (void *)kik_plan_measure(plan, 142), NULL));
	gp = kik_plan_find_field(plan, "GP");
	cr_assert(eq(int, kik_plan_remove_field(plan, "GP"), KIK_ENOTEMPTY));
	while (kik_field_goal_count(gp)) {
		const kik_goal *goal = kik_field_goal(gp, 0);
		while (kik_goal_measure_count(goal))
			cr_assert(eq(int, kik_plan_remove_measure(plan, kik_measure_id(kik_goal_measure(goal, 0))), 0));
		cr_assert(eq(int, kik_plan_remove_goal(plan, "GP", kik_goal_number(goal)), 0));
	}
	cr_assert(eq(int, kik_plan_remove_group(plan, "GP", kik_group_name(kik_field_group(gp, 0))), 0));
	cr_assert(eq(int, kik_plan_remove_field(plan, "GP"), 0));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Gesundheit und Pflege"), NULL));
	cr_assert(eq(sz, kik_plan_field_count(plan), 5));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 142 - 19));
}

Test(edits, add_creates_and_put_replaces)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = "SB";
	d.number = "4.6";
	d.text = "neu";
	cr_assert(eq(int, kik_plan_add_measure(plan, &d, NULL), KIK_EEXISTS));
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
	cr_assert(eq(str, (char *)kik_measure_text(kik_plan_find_measure(plan, "SB-4.6")), "neu"));
	d.number = "4.99";
	cr_assert(eq(int, kik_plan_add_measure(plan, &d, NULL), 0));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 145));
}

Test(edits, a_recorded_status_that_tasks_override_says_so)
{
	kik_status counted = KIK_STATUS_INVALID;
	cr_assert(eq(int, kik_plan_set_recorded_status(plan, "SB-4.6", KIK_STATUS_IMPLEMENTED, &counted), 0));
	cr_assert(eq(int, counted, KIK_STATUS_IMPLEMENTED));
	add(plan, "SB-4.6", KIK_TASK_AG, "offen");
	cr_assert(eq(int, kik_plan_set_recorded_status(plan, "SB-4.6", KIK_STATUS_IMPLEMENTED, &counted), 0));
	cr_assert(eq(int, counted, KIK_STATUS_WAITING)); /* the task decides */
	cr_assert(eq(int, kik_measure_recorded_status(kik_plan_find_measure(plan, "SB-4.6")), KIK_STATUS_IMPLEMENTED));
}

/* Found by issue 21's property tests: a group named '-' could be added, but files read a
 * group cell of '-' as no group, so the plan did not read back from its export. */
Test(edits, a_group_named_dash_is_refused_as_files_cannot_hold_it)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	d.field = "SB";
	d.group = " - ";
	d.number = "9.1";
	d.text = "Neu";
	cr_assert(eq(int, kik_plan_add_measure(plan, &d, NULL), KIK_EINVAL));
	cr_assert(ne(ptr, (void *)strstr(kik_error_last()->message, "'-'"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "SB-9.1"), NULL));
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), KIK_EINVAL));
	d.group = "-1";
	cr_assert(eq(int, kik_plan_add_measure(plan, &d, NULL), 0));
}

Test(edits, a_complete_tasks_file_removes_the_tasks_it_does_not_name)
{
	static const char csv[] = "task_id;measure;kind;title;state\n1;SB-4.6;ag;a;done\n;AA-1.1;ag;neu;open\n";
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	add(plan, "SB-4.6", KIK_TASK_AG, "a");
	add(plan, "SB-4.6", KIK_TASK_CONCEPT, "b");
	add(plan, "GP-1.1", KIK_TASK_AG, "c");
	o.flags = KIK_IMPORT_COMPLETE;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, csv, strlen(csv), "t.csv", &o), 0));
	cr_assert(eq(sz, kik_plan_task_count(plan), 2));
	cr_assert(eq(ptr, (void *)kik_plan_find_task(plan, 2), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_task(plan, 3), NULL));
	cr_assert(eq(int, kik_task_state_of(kik_plan_find_task(plan, 1)), KIK_TASK_DONE));
	cr_assert(eq(sz, kik_measure_task_count(kik_plan_find_measure(plan, "GP-1.1")), 0));
	/* a bad complete file removes nothing */
	cr_assert(eq(int,
		     kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, "measure;kind;title;state\nX-1.1;ag;a;open\n", 41,
					    "t.csv", &o),
		     KIK_EPARSE));
	cr_assert(eq(sz, kik_plan_task_count(plan), 2));
	o.flags = 0x80;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, csv, strlen(csv), "t.csv", &o), KIK_EINVAL));
	o.flags = KIK_IMPORT_COMPLETE;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_PUBLISHED, "field;waiting\n", 14, "p.csv", &o),
		     KIK_EINVAL));
}

/* ---- costs -------------------------------------------------------------------- */

typedef struct counter {
	long calls;
	long live;
	size_t bytes_live, bytes_peak;
} counter;

typedef struct block_head {
	size_t size;
	size_t pad;
} block_head;

static void *c_malloc(size_t size, void *ctx)
{
	counter *c = ctx;
	block_head *h = malloc(sizeof(block_head) + size);
	if (!h)
		return NULL;
	h->size = size;
	c->calls++;
	c->live++;
	c->bytes_live += size;
	if (c->bytes_live > c->bytes_peak)
		c->bytes_peak = c->bytes_live;
	return h + 1;
}

static void c_free(void *ptr, void *ctx)
{
	counter *c = ctx;
	block_head *h = (block_head *)ptr - 1;
	c->live--;
	c->bytes_live -= h->size;
	free(h);
}

static void *c_realloc(void *ptr, size_t size, void *ctx)
{
	counter *c = ctx;
	void *p = c_malloc(size, ctx);
	if (p && ptr) {
		block_head *h = (block_head *)ptr - 1;
		memcpy(p, ptr, h->size < size ? h->size : size);
		c_free(ptr, ctx);
	}
	(void)c;
	return p;
}

/* A plan of `n` measures (ten per goal) with a task each, allocating through `c`. */
static kik_plan *large_plan(counter *c, size_t n)
{
	kik_allocator a = { KIK_ALLOCATOR_VERSION, c_malloc, c_realloc, c_free, c };
	sink m = { NULL, 0, 0 }, t = { NULL, 0, 0 };
	kik_plan *p;
	size_t i;
	to_sink(&m, "field;goal;measure;text;status\n", 31);
	to_sink(&t, "measure;kind;title;state\n", 25);
	for (i = 0; i < n; i++) {
		char row[128];
		to_sink(&m, row,
			(size_t)snprintf(row, sizeof(row), "AB;%zu;%zu.%zu;Text %zu;waiting\n", i / 10 + 1, i / 10 + 1,
					 i % 10 + 1, i));
		to_sink(&t, row, (size_t)snprintf(row, sizeof(row), "AB-%zu.%zu;ag;T;open\n", i / 10 + 1, i % 10 + 1));
	}
	cr_assert(eq(int, kik_plan_new_with_allocator(&p, &a), 0));
	cr_assert(eq(int, kik_plan_import_buffer(p, KIK_IMPORT_MEASURES, m.data, m.len, "m.csv", NULL), 0));
	cr_assert(eq(int, kik_plan_import_buffer(p, KIK_IMPORT_TASKS, t.data, t.len, "t.csv", NULL), 0));
	free(m.data);
	free(t.data);
	return p;
}

/* Allocations and bytes a small import takes on a plan of `n` measures. */
static void small_import_cost(size_t n, kik_import_kind kind, const char *csv, long *calls, size_t *bytes)
{
	counter c = { 0, 0, 0, 0 };
	kik_plan *p = large_plan(&c, n);
	long before = c.calls;
	size_t live = c.bytes_live;
	c.bytes_peak = c.bytes_live;
	cr_assert(eq(int, kik_plan_import_buffer(p, kind, csv, strlen(csv), "small.csv", NULL), 0));
	*calls = c.calls - before;
	*bytes = c.bytes_peak - live;
	kik_plan_free(p);
	cr_assert(eq(long, c.live, 0));
}

Test(costs, small_imports_cost_the_same_on_a_plan_ten_times_larger)
{
	static const struct {
		kik_import_kind kind;
		const char *csv;
	} imports[] = {
		{ KIK_IMPORT_PLAN_INFO, "key;value\nname;Plan\nas_of;2025-01-01\n" },
		{ KIK_IMPORT_FIELDS, "code;name;aliases\nAB;Alpha Beta;AlphaBeta\nCD;Gamma Delta;\n" },
		{ KIK_IMPORT_PUBLISHED, "field;waiting;in_progress;implemented\nAB;1;2;3\n" },
	};
	size_t i;
	for (i = 0; i < sizeof(imports) / sizeof(imports[0]); i++) {
		long small_calls, large_calls;
		size_t small_bytes, large_bytes;
		small_import_cost(1000, imports[i].kind, imports[i].csv, &small_calls, &small_bytes);
		small_import_cost(10000, imports[i].kind, imports[i].csv, &large_calls, &large_bytes);
		cr_assert(eq(long, large_calls, small_calls), "%s", kik_import_kind_key(imports[i].kind));
		cr_assert(eq(sz, large_bytes, small_bytes), "%s", kik_import_kind_key(imports[i].kind));
	}
}

Test(costs, repeated_setters_do_not_grow_memory)
{
	counter c = { 0, 0, 0, 0 };
	kik_plan *p = large_plan(&c, 100);
	size_t after_first, i;
	char text[64];
	cr_assert(eq(int, kik_plan_set_name(p, "Name 0"), 0));
	cr_assert(eq(int, kik_plan_set_task_owner(p, 1, "Owner 0"), 0));
	after_first = c.bytes_live;
	for (i = 1; i < 100000; i++) {
		snprintf(text, sizeof(text), "Name %zu", i % 7);
		cr_assert(eq(int, kik_plan_set_name(p, text), 0));
		cr_assert(eq(int, kik_plan_set_as_of(p, i % 2 ? "2024-01-01" : "2025-01-01"), 0));
		/* a new owner each time: the pairs no task uses any more are let go of */
		snprintf(text, sizeof(text), "Owner %zu", i);
		cr_assert(eq(int, kik_plan_set_task_owner(p, 1 + i % 50, text), 0));
	}
	cr_assert(eq(str, (char *)kik_task_owner(kik_plan_find_task(p, 1 + 99999 % 50)), "Owner 99999"));
	cr_assert(eq(str, (char *)kik_task_owner(kik_plan_find_task(p, 51)), "")); /* untouched */
	cr_assert(lt(sz, c.bytes_live, after_first + 256 * 1024), "%zu bytes live, %zu after the first calls",
		  c.bytes_live, after_first);
	kik_plan_free(p);
}

/* ---- errors --------------------------------------------------------------------- */

TestSuite(errors, .init = setup, .fini = teardown);

Test(errors, details_speak_of_the_last_call_that_returned_a_code)
{
	kik_findings *f;
	cr_assert(eq(int, kik_plan_remove_task(plan, 999999), KIK_ENOTFOUND));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "999999"), NULL));
	cr_assert(eq(int, kik_plan_set_name(plan, NULL), KIK_EINVAL));
	cr_assert(eq(ptr, strstr(kik_error_last()->message, "999999"), NULL));
	cr_assert(eq(int, kik_error_last()->code, KIK_EINVAL));
	cr_assert(eq(int, kik_plan_check(plan, 0, &f), 0));
	cr_assert(eq(ptr, (void *)kik_error_last(), NULL));
	kik_findings_free(f);
	cr_assert(eq(int, kik_plan_check(plan, 0x40, &f), KIK_EINVAL));
	cr_assert(eq(int, kik_error_last()->code, KIK_EINVAL));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 144)); /* getters leave the details alone */
	cr_assert(eq(int, kik_error_last()->code, KIK_EINVAL));
	kik_error_clear();
	cr_assert(eq(ptr, (void *)kik_error_last(), NULL));
}

Test(errors, explain_check_and_diff_set_their_details)
{
	kik_explanation *e;
	kik_diff *d;
	cr_assert(eq(int, kik_plan_explain(plan, NULL, &e), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "measure"), NULL));
	cr_assert(eq(int, kik_plan_diff(plan, NULL, &d), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "new plan"), NULL));
}

Test(errors, a_long_file_name_is_kept_whole_and_io_errors_carry_errno)
{
	char path[2100];
	const kik_error *e;
	memset(path, 'd', sizeof(path) - 1);
	path[0] = '/';
	path[sizeof(path) - 1] = '\0';
	cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_MEASURES, path, NULL), KIK_EIO));
	e = kik_error_last();
	cr_assert(eq(str, (char *)e->file, path));
	cr_assert(ne(int, e->os_error, 0));
	cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_MEASURES, "/no/such/file.csv", NULL), KIK_EIO));
	cr_assert(eq(int, kik_error_last()->os_error, 2)); /* ENOENT */
}

static void *fail_on_another_thread(void *arg)
{
	(void)arg;
	return (void *)(long)kik_plan_set_as_of(NULL, "x");
}

Test(errors, each_thread_has_its_own_details)
{
	pthread_t t;
	void *result;
	cr_assert(eq(int, kik_plan_remove_task(plan, 42), KIK_ENOTFOUND));
	cr_assert(eq(int, pthread_create(&t, NULL, fail_on_another_thread, NULL), 0));
	cr_assert(eq(int, pthread_join(t, &result), 0));
	cr_assert(eq(long, (long)result, KIK_EINVAL));
	cr_assert(eq(int, kik_error_last()->code, KIK_ENOTFOUND));
}

/* ---- options and strings --------------------------------------------------------- */

TestSuite(options, .init = setup, .fini = teardown);

Test(options, versions_newer_than_the_librarys_are_refused)
{
	kik_import_options i = KIK_IMPORT_OPTIONS_INIT;
	kik_export_options e = KIK_EXPORT_OPTIONS_INIT;
	kik_report_options r = KIK_REPORT_OPTIONS_INIT;
	kik_allocator a = KIK_ALLOCATOR_INIT;
	kik_measure_desc m = KIK_MEASURE_DESC_INIT;
	kik_task_desc t = KIK_TASK_DESC_INIT;
	sink s = { NULL, 0, 0 };
	kik_plan *p;
	i.version = e.version = r.version = a.version = m.version = t.version = 99;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_FIELDS, "code;name\n", 10, NULL, &i), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "version 99"), NULL));
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_FIELDS, to_sink, &s, &e), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_report(plan, to_sink, &s, &r), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_new_with_allocator(&p, &a), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_put_measure(plan, &m, NULL), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_add_task(plan, &t, NULL), KIK_EINVAL));
	i.version = e.version = r.version = a.version = 0;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_FIELDS, "code;name\n", 10, NULL, &i), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_FIELDS, to_sink, &s, &e), KIK_EINVAL));
	cr_assert(eq(ptr, s.data, NULL)); /* nothing written */
}

Test(options, values_out_of_range_are_refused)
{
	kik_import_options i = KIK_IMPORT_OPTIONS_INIT;
	kik_export_options e = KIK_EXPORT_OPTIONS_INIT;
	kik_allocator a = KIK_ALLOCATOR_INIT;
	sink s = { NULL, 0, 0 };
	kik_plan *p;
	i.encoding = (kik_encoding)99;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_FIELDS, "code;name\n", 10, NULL, &i), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "encoding 99"), NULL));
	i.encoding = KIK_ENCODING_AUTO;
	i.delimiter = '"';
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_FIELDS, "code;name\n", 10, NULL, &i), KIK_EINVAL));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "delimiter"), NULL));
	e.encoding = KIK_ENCODING_AUTO;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_FIELDS, to_sink, &s, &e), KIK_EINVAL));
	e.encoding = KIK_ENCODING_CP1252;
	e.bom = 1;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_FIELDS, to_sink, &s, &e), KIK_EINVAL));
	a.malloc = c_malloc; /* only one of the three */
	cr_assert(eq(int, kik_plan_new_with_allocator(&p, &a), KIK_EINVAL));
	free(s.data);
}

Test(options, strings_that_are_not_utf8_are_refused)
{
	kik_task_desc t = KIK_TASK_DESC_INIT;
	kik_measure_desc m = KIK_MEASURE_DESC_INIT;
	cr_assert(eq(int, kik_plan_set_name(plan, "Plan \xC3"), KIK_EINVAL));    /* a bare lead byte at the end */
	cr_assert(eq(int, kik_plan_set_name(plan, "\xC0\xAF"), KIK_EINVAL));     /* overlong */
	cr_assert(eq(int, kik_plan_set_name(plan, "\xED\xA0\x80"), KIK_EINVAL)); /* a surrogate */
	cr_assert(eq(str, (char *)kik_plan_name(plan), "Kommunales Integrationskonzept Kempten (KIK)"));
	t.measure = "SB-4.6";
	t.title = "Fach\xFFtag";
	cr_assert(eq(int, kik_plan_add_task(plan, &t, NULL), KIK_EINVAL));
	m.field = "SB";
	m.number = "4.6";
	m.text = "\x80";
	cr_assert(eq(int, kik_plan_put_measure(plan, &m, NULL), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_add_field(plan, "XX", "Na\xE2\x82", NULL), KIK_EINVAL));
	cr_assert(eq(int, kik_plan_set_name(plan, "Plan \xE2\x82\xAC \xF0\x9F\x98\x80"), 0)); /* € and an emoji */
}

Test(options, exports_write_german_labels_and_derived_statuses)
{
	kik_export_options e = KIK_EXPORT_OPTIONS_INIT;
	sink s = { NULL, 0, 0 };
	add(plan, "SB-4.6", KIK_TASK_AG, "begonnen");
	cr_assert(eq(int, kik_plan_set_task_state(plan, 1, KIK_TASK_IN_PROGRESS), 0));
	e.labels = KIK_EXPORT_GERMAN;
	e.status = KIK_EXPORT_DERIVED;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_MEASURES, to_sink, &s, &e), 0));
	cr_assert(eq(int, strncmp(s.data, "Handlungsfeld;Name des Handlungsfelds;Gruppe;Ziel;", 50), 0));
	cr_assert(ne(ptr,
		     strstr(s.data, ";4.6;Unterstützungsangebote werden proaktiv bei der Zielgruppe beworben.;"
				    "in Bearbeitung\n"),
		     NULL));
	free(s.data);
	s.data = NULL;
	s.len = s.cap = 0;
	cr_assert(eq(int, kik_plan_export(plan, KIK_IMPORT_TASKS, to_sink, &s, &e), 0));
	cr_assert(eq(str, s.data,
		     "Auftrags-Nr;Handlungsfeld;Nummer;Art;Titel;Stand;fällig;verantwortlich\n"
		     "1;SB;4.6;AG-Auftrag;begonnen;in Arbeit;;\n"));
	free(s.data);
}

/* ---- const, sentinels ------------------------------------------------------------ */

TestSuite(readers, .init = setup, .fini = teardown);

/* Compiled with -Werror=discarded-qualifiers: every read-only call takes a const plan. */
static int read_only(const kik_plan *p)
{
	sink s = { NULL, 0, 0 };
	kik_diagnostics *diag = NULL;
	kik_findings *f = NULL;
	kik_diff *d = NULL;
	kik_summary *sum = NULL;
	kik_plan *copy = NULL;
	int failures = 0;
	failures += kik_plan_export(p, KIK_IMPORT_MEASURES, to_sink, &s, NULL) != 0;
	failures += kik_plan_report(p, to_sink, &s, NULL) != 0;
	failures += kik_plan_validate_buffer(p, KIK_IMPORT_FIELDS, "code;name\n", 10, NULL, NULL, 0, &diag) != 0;
	failures += kik_plan_check(p, 0, &f) != 0;
	failures += kik_plan_diff(p, p, &d) != 0 || kik_diff_count(d) != 0;
	failures += kik_summary_of_plan(p, &sum) != 0 || kik_summary_measures(sum) != 144;
	failures += kik_plan_copy(p, &copy) != 0;
	free(s.data);
	kik_diagnostics_free(diag);
	kik_findings_free(f);
	kik_diff_free(d);
	kik_summary_free(sum);
	kik_plan_free(copy);
	return failures;
}

Test(readers, read_only_calls_take_a_const_plan)
{
	cr_assert(eq(int, read_only(plan), 0));
}

static void *read_concurrently(void *arg)
{
	long failures = 0, round;
	for (round = 0; round < 20; round++)
		failures += read_only(arg);
	return (void *)failures;
}

Test(readers, several_threads_read_one_plan_at_once)
{
	pthread_t threads[4];
	int i;
	add(plan, "SB-4.6", KIK_TASK_AG, "a");
	for (i = 0; i < 4; i++)
		cr_assert(eq(int, pthread_create(&threads[i], NULL, read_concurrently, plan), 0));
	for (i = 0; i < 4; i++) {
		void *failures;
		cr_assert(eq(int, pthread_join(threads[i], &failures), 0));
		cr_assert(eq(long, (long)failures, 0), "thread %d", i);
	}
}

Test(readers, getters_given_null_return_sentinels)
{
	cr_assert(eq(ptr, (void *)kik_plan_name(NULL), NULL));
	cr_assert(eq(ptr, (void *)kik_field_code(NULL), NULL));
	cr_assert(eq(ptr, (void *)kik_goal_text(NULL), NULL));
	cr_assert(eq(ptr, (void *)kik_measure_id(NULL), NULL));
	cr_assert(eq(ptr, (void *)kik_task_title(NULL), NULL));
	cr_assert(eq(ptr, (void *)kik_task_due(NULL), NULL));
	cr_assert(eq(int, kik_measure_status(NULL), KIK_STATUS_INVALID));
	cr_assert(eq(int, kik_measure_recorded_status(NULL), KIK_STATUS_INVALID));
	cr_assert(eq(int, kik_task_kind_of(NULL), KIK_TASK_KIND_INVALID));
	cr_assert(eq(int, kik_task_state_of(NULL), KIK_TASK_STATE_INVALID));
	cr_assert(eq(int, kik_plan_rule(NULL), KIK_RULE_INVALID));
	cr_assert(eq(u32, kik_goal_number(NULL), 0));
	cr_assert(eq(ulong, kik_task_id(NULL), 0));
	cr_assert(eq(sz, kik_plan_measure_count(NULL), 0));
	cr_assert(eq(ptr, (void *)kik_status_key(KIK_STATUS_INVALID), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_next_task(NULL, NULL), NULL));
	cr_assert(eq(ptr, (void *)kik_reason_message(NULL, KIK_LANG_DE), NULL));
	cr_assert(eq(int, kik_finding_kind_of(NULL), KIK_FINDING_INVALID));
	cr_assert(eq(sz, kik_summary_count(NULL, KIK_STATUS_WAITING), 0));
}
