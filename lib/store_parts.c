/* The parts of the model as rows of the store's tables: for each part, the walk over a
 * plan's items, the row of an item, the item a stored key names, and the way a loaded
 * row goes back into a plan.
 *
 * To store a new part of the model: add its table in a migration (store_schema.c), a
 * kik__part here with these five functions, and the part to kik__parts; saving, loading,
 * snapshots and their cost in proportion to what changed then come with it. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

static const char *col_text(sqlite3_stmt *st, int col)
{
	return kik__sql_text(st, col);
}

/* The index of the plan's field with exactly this code, or -1. */
static long field_index(const kik_plan *plan, const char *code)
{
	size_t i;
	for (i = 0; i < kik_plan_field_count(plan); i++)
		if (strcmp(kik_field_code(kik_plan_field(plan, i)), code) == 0)
			return (long)i;
	return -1;
}

/* The index of the field a walk starts at: the scope's, or the first. -1: none. */
static long first_field(const kik__cursor *c)
{
	return c->field ? field_index(c->plan, kik_field_code(c->field)) : 0;
}

/* Moves a walk over a list of each field (aliases, groups, goals) on: `count` gives the
 * length of a field's list. Sets c->i, c->j; returns the field, or NULL at the end. */
static const kik_field *walk_lists(kik__cursor *c, size_t (*count)(const kik_field *))
{
	const kik_field *f;
	if (!c->item) {
		long i = first_field(c);
		if (i < 0)
			return NULL;
		c->i = (size_t)i;
		c->j = 0;
	} else {
		c->j++;
	}
	while ((f = kik_plan_field(c->plan, c->i))) {
		if (c->j < count(f))
			return f;
		if (c->field)
			return NULL;
		c->i++;
		c->j = 0;
	}
	return NULL;
}

/* ---- plan information: name, as_of, rule, last_task_id, the report's title and office */

static const char *const info_keys[] = { "name", "as_of", "rule", "last_task_id", "title", "office" };
enum { INFO_KEYS = 6 };

static int info_next(kik__cursor *c)
{
	c->i = c->item ? c->i + 1 : 0;
	c->item = c->i < INFO_KEYS ? &info_keys[c->i] : NULL;
	return c->item != NULL;
}

static int info_row(kik__cursor *c, kik__val *v)
{
	const kik_plan *plan = c->plan;
	v[0] = kik__text_val(info_keys[c->i]);
	switch (c->i) {
	case 0: v[1] = kik__text_val(kik_plan_name(plan)); break;
	case 1: v[1] = kik__text_val(kik_plan_as_of(plan)); break;
	case 2: v[1] = kik__text_val(kik_rule_key(kik_plan_rule(plan))); break;
	case 4: v[1] = kik__text_val(kik_plan_title(plan)); break;
	case 5: v[1] = kik__text_val(kik_plan_office(plan)); break;
	default: /* the id given last, so that a loaded plan never gives an id twice */
		snprintf(c->scratch, sizeof(c->scratch), "%lu", (unsigned long)plan->last_task_id);
		v[1] = kik__text_val(c->scratch);
	}
	return 0;
}

static int info_find(kik__cursor *c, const kik__val *key)
{
	size_t i;
	for (i = 0; i < INFO_KEYS; i++) {
		if (strcmp(key[0].s, info_keys[i]) == 0) {
			c->i = i;
			c->item = &info_keys[i];
			return 1;
		}
	}
	return 0;
}

static int info_apply(kik__builder *b, sqlite3_stmt *st)
{
	return kik__build_info(b, col_text(st, 0), col_text(st, 1));
}

const kik__part kik__part_info = {
	.table = "kik_info",
	.columns = "key, value",
	.keys = 1,
	.count = 2,
	.load_order = NULL,
	.field_column = NULL,
	.goal_column = NULL,
	.keyed = 0,
	.next = info_next,
	.row = info_row,
	.find = info_find,
	.apply = info_apply,
};

/* ---- fields, with their published figures ----------------------------------------- */

static int fields_next(kik__cursor *c)
{
	long i = c->item ? (c->field ? -1 : (long)c->i + 1) : first_field(c);
	c->item = i >= 0 ? kik_plan_field(c->plan, (size_t)i) : NULL;
	c->i = (size_t)i;
	return c->item != NULL;
}

static int fields_row(kik__cursor *c, kik__val *v)
{
	const kik_field *f = c->item;
	int k;
	v[0] = kik__text_val(kik_field_code(f));
	v[1] = kik__int_val((int64_t)c->i);
	v[2] = kik__text_val(kik_field_name(f));
	for (k = 0; k < KIK_STATUS_COUNT; k++)
		v[3 + k] = f->has_published ? kik__int_val((int64_t)f->published[k]) : kik__null_val();
	v[3 + KIK_STATUS_COUNT] = f->has_published ? kik__int_val((int64_t)f->published_total) : kik__null_val();
	return 0;
}

static int fields_find(kik__cursor *c, const kik__val *key)
{
	long i = field_index(c->plan, key[0].s);
	if (i < 0)
		return 0;
	c->i = (size_t)i;
	c->item = kik_plan_field(c->plan, c->i);
	return 1;
}

static int fields_apply(kik__builder *b, sqlite3_stmt *st)
{
	size_t counts[KIK_STATUS_COUNT];
	int k, published = sqlite3_column_type(st, 3) != SQLITE_NULL;
	for (k = 0; k < KIK_STATUS_COUNT; k++)
		counts[k] = (size_t)sqlite3_column_int64(st, 3 + k);
	return kik__build_field(b, col_text(st, 0), col_text(st, 2), published ? counts : NULL,
				(size_t)sqlite3_column_int64(st, 3 + KIK_STATUS_COUNT));
}

const kik__part kik__part_fields = {
	.table = "kik_fields",
	.columns = "code, pos, name, published_waiting, published_in_progress, published_implemented, published_total",
	.keys = 1,
	.count = 7,
	.load_order = "pos",
	.field_column = "code",
	.goal_column = NULL,
	.keyed = 0,
	.next = fields_next,
	.row = fields_row,
	.find = fields_find,
	.apply = fields_apply,
};

/* ---- aliases of fields --------------------------------------------------------------- */

static int aliases_next(kik__cursor *c)
{
	const kik_field *f = walk_lists(c, kik_field_alias_count);
	c->item = f ? kik_field_alias(f, c->j) : NULL;
	return c->item != NULL;
}

static int aliases_row(kik__cursor *c, kik__val *v)
{
	v[0] = kik__text_val(kik_field_code(kik_plan_field(c->plan, c->i)));
	v[1] = kik__int_val((int64_t)c->j);
	v[2] = kik__text_val(c->item);
	return 0;
}

static int aliases_find(kik__cursor *c, const kik__val *key)
{
	long i = field_index(c->plan, key[0].s);
	int64_t pos = key[1].i;
	const kik_field *f;
	if (i < 0 || pos < 0)
		return 0;
	f = kik_plan_field(c->plan, (size_t)i);
	if ((size_t)pos >= kik_field_alias_count(f))
		return 0;
	c->i = (size_t)i;
	c->j = (size_t)pos;
	c->item = kik_field_alias(f, c->j);
	return 1;
}

static int aliases_apply(kik__builder *b, sqlite3_stmt *st)
{
	return kik__build_alias(b, col_text(st, 0), col_text(st, 2));
}

const kik__part kik__part_aliases = {
	.table = "kik_aliases",
	.columns = "field, pos, alias",
	.keys = 2,
	.count = 3,
	.load_order = "field, pos",
	.field_column = "field",
	.goal_column = NULL,
	.keyed = 0,
	.next = aliases_next,
	.row = aliases_row,
	.find = aliases_find,
	.apply = aliases_apply,
};

/* ---- groups --------------------------------------------------------------------------- */

static int groups_next(kik__cursor *c)
{
	const kik_field *f = walk_lists(c, kik_field_group_count);
	c->item = f ? kik_field_group(f, c->j) : NULL;
	return c->item != NULL;
}

static int groups_row(kik__cursor *c, kik__val *v)
{
	v[0] = kik__text_val(kik_field_code(kik_plan_field(c->plan, c->i)));
	v[1] = kik__text_val(kik_group_name(c->item));
	v[2] = kik__int_val((int64_t)c->j);
	return 0;
}

static int groups_find(kik__cursor *c, const kik__val *key)
{
	long i = field_index(c->plan, key[0].s);
	const char *name = key[1].s;
	const kik_field *f;
	size_t j;
	if (i < 0)
		return 0;
	f = kik_plan_field(c->plan, (size_t)i);
	for (j = 0; j < kik_field_group_count(f); j++) {
		if (strcmp(kik_group_name(kik_field_group(f, j)), name) == 0) {
			c->i = (size_t)i;
			c->j = j;
			c->item = kik_field_group(f, j);
			return 1;
		}
	}
	return 0;
}

static int groups_apply(kik__builder *b, sqlite3_stmt *st)
{
	return kik__build_group(b, col_text(st, 0), col_text(st, 1));
}

const kik__part kik__part_groups = {
	.table = "kik_groups",
	.columns = "field, name, pos",
	.keys = 2,
	.count = 3,
	.load_order = "field, pos",
	.field_column = "field",
	.goal_column = NULL,
	.keyed = 0,
	.next = groups_next,
	.row = groups_row,
	.find = groups_find,
	.apply = groups_apply,
};

/* ---- goals ----------------------------------------------------------------------------- */

static int goals_next(kik__cursor *c)
{
	const kik_field *f = walk_lists(c, kik_field_goal_count);
	c->item = f ? kik_field_goal(f, c->j) : NULL;
	return c->item != NULL;
}

static int goals_row(kik__cursor *c, kik__val *v)
{
	const kik_goal *g = c->item;
	v[0] = kik__text_val(kik_field_code(kik_goal_field(g)));
	v[1] = kik__int_val(kik_goal_number(g));
	v[2] = kik__int_val((int64_t)c->j);
	v[3] = kik_goal_group(g) ? kik__text_val(kik_group_name(kik_goal_group(g))) : kik__null_val();
	v[4] = kik__text_val(kik_goal_text(g));
	return 0;
}

/* The place of goal `number` among the field's goals, or -1: by bisection where the goals
 * are in number order, as they mostly are. */
static long goal_index(const kik_field *f, unsigned number)
{
	size_t lo = 0, hi = f->goals.len, i;
	if (!f->by_number) {
		for (i = 0; i < f->goals.len; i++)
			if (((const kik_goal *)f->goals.items[i])->number == number)
				return (long)i;
		return -1;
	}
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		unsigned n = ((const kik_goal *)f->goals.items[mid])->number;
		if (n == number)
			return (long)mid;
		if (n < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int goals_find(kik__cursor *c, const kik__val *key)
{
	long i = field_index(c->plan, key[0].s), j;
	if (i < 0 || (j = goal_index(kik_plan_field(c->plan, (size_t)i), (unsigned)key[1].i)) < 0)
		return 0;
	c->i = (size_t)i;
	c->j = (size_t)j;
	c->item = kik_field_goal(kik_plan_field(c->plan, c->i), c->j);
	return 1;
}

static int goals_apply(kik__builder *b, sqlite3_stmt *st)
{
	return kik__build_goal(b, col_text(st, 0), (unsigned)sqlite3_column_int64(st, 1),
			       (unsigned)sqlite3_column_int64(st, 2),
			       sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL : col_text(st, 3), col_text(st, 4));
}

const kik__part kik__part_goals = {
	.table = "kik_goals",
	.columns = "field, number, pos, group_name, text",
	.keys = 2,
	.count = 5,
	.load_order = NULL, /* the builder puts them in place */
	.field_column = "field",
	.goal_column = NULL,
	.keyed = 0,
	.next = goals_next,
	.row = goals_row,
	.find = goals_find,
	.apply = goals_apply,
};

/* ---- measures ---------------------------------------------------------------------------- */

static int measures_next(kik__cursor *c)
{
	const kik_goal *g;
	if (!c->item) {
		c->j = c->k = 0;
		c->i = 0;
		if (c->goal) { /* one goal: find its place */
			long i = field_index(c->plan, kik_field_code(kik_goal_field(c->goal))), j;
			if (i < 0 || (j = goal_index(kik_plan_field(c->plan, (size_t)i), kik_goal_number(c->goal))) < 0)
				return 0;
			c->i = (size_t)i;
			c->j = (size_t)j;
		} else if (c->field) {
			long i = field_index(c->plan, kik_field_code(c->field));
			if (i < 0)
				return 0;
			c->i = (size_t)i;
		}
	} else {
		c->k++;
	}
	for (;;) {
		const kik_field *f = kik_plan_field(c->plan, c->i);
		if (!f)
			break;
		g = kik_field_goal(f, c->j);
		if (g && c->k < kik_goal_measure_count(g)) {
			c->item = kik_goal_measure(g, c->k);
			return 1;
		}
		if (c->goal)
			break;
		c->k = 0;
		if (g) {
			c->j++;
			continue;
		}
		if (c->field)
			break;
		c->i++;
		c->j = 0;
	}
	c->item = NULL;
	return 0;
}

static int measures_row(kik__cursor *c, kik__val *v)
{
	const kik_measure *m = c->item;
	v[0] = kik__text_val(kik_field_code(kik_measure_field(m)));
	v[1] = kik__int_val(m->goal->number);
	v[2] = kik__int_val(m->sub);
	v[3] = kik__int_val((int64_t)c->k);
	v[4] = kik__text_val(kik_measure_text(m));
	v[5] = kik__int_val(kik_measure_recorded_status(m));
	v[6] = kik__int_val(kik_measure_status(m));
	return 0;
}

static int measures_find(kik__cursor *c, const kik__val *key)
{
	long i = field_index(c->plan, key[0].s), j;
	unsigned sub = (unsigned)key[2].i;
	const kik_goal *g;
	size_t k;
	if (i < 0 || (j = goal_index(kik_plan_field(c->plan, (size_t)i), (unsigned)key[1].i)) < 0)
		return 0;
	g = kik_field_goal(kik_plan_field(c->plan, (size_t)i), (size_t)j);
	for (k = 0; k < g->measures.count; k++) {
		/* measures are mostly in number order: start where that order puts it */
		size_t at = (sub - 1 + k) % g->measures.count;
		if (kik__goal_measure(g, at)->sub == sub) {
			c->i = (size_t)i;
			c->j = (size_t)j;
			c->k = at;
			c->item = kik__goal_measure(g, at);
			return 1;
		}
	}
	return 0;
}

static int measures_apply(kik__builder *b, sqlite3_stmt *st)
{
	return kik__build_measure(b, col_text(st, 0), (unsigned)sqlite3_column_int64(st, 1),
				  (unsigned)sqlite3_column_int64(st, 2), (unsigned)sqlite3_column_int64(st, 3),
				  col_text(st, 4), (kik_status)sqlite3_column_int(st, 5));
}

const kik__part kik__part_measures = {
	.table = "kik_measures",
	.columns = "field, goal, sub, pos, text, recorded, status",
	.keys = 3,
	.count = 7,
	.load_order = NULL, /* the builder puts them in place */
	.field_column = "field",
	.goal_column = "goal",
	.keyed = 0,
	.next = measures_next,
	.row = measures_row,
	.find = measures_find,
	.apply = measures_apply,
};

/* ---- tasks ------------------------------------------------------------------------------------ */

/* Walks the tasks measure by measure, each measure's in the order of its list. */
static int tasks_next(kik__cursor *c)
{
	const kik_measure *m;
	if (c->item) {
		c->j++;
	} else {
		c->i = 0;
		c->j = 0;
	}
	for (; (m = kik_plan_measure(c->plan, c->i)); c->i++, c->j = 0) {
		if (c->j < m->tasks.count) {
			c->item = kik__measure_task(m, c->j);
			c->k = kik__ids_at(&m->tasks, c->j);
			return 1;
		}
	}
	c->item = NULL;
	return 0;
}

static int tasks_row(kik__cursor *c, kik__val *v)
{
	const kik_task *t = c->item;
	const kik_measure *m = kik_task_measure(t);
	v[0] = kik__int_val((int64_t)kik_task_id(t));
	v[1] = kik__text_val(kik_measure_id(m));
	v[2] = kik__int_val(kik_task_kind_of(t));
	v[3] = kik__int_val(kik_task_state_of(t));
	v[4] = kik__text_val(kik_task_title(t));
	v[5] = kik__opt_val(kik_task_due(t));
	v[6] = kik__opt_val(kik_task_owner(t));
	v[7] = kik__int_val((int64_t)c->k); /* its place in the order tasks were added */
	v[8] = kik__int_val((int64_t)c->j); /* its place in its measure's list */
	return 0;
}

/* The index of `position` in a list of positions: direct in a run, by bisection in one
 * that increases, one by one otherwise. */
static size_t list_index(const kik__ids *l, uint32_t position)
{
	size_t lo = 0, hi = l->count, i;
	if (!l->items)
		return position - l->first;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (l->items[mid] < position)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->count && l->items[lo] == position)
		return lo;
	for (i = 0; i < l->count && l->items[i] != position; i++)
		;
	return i;
}

static int tasks_find(kik__cursor *c, const kik__val *key)
{
	size_t position;
	const kik_task *t = key[0].i > 0 ? kik__task_by_id(c->plan, (unsigned long)key[0].i, &position) : NULL;
	if (!t)
		return 0;
	c->item = t;
	c->k = position;
	c->j = list_index(&t->measure->tasks, (uint32_t)position);
	return 1;
}

static int tasks_apply(kik__builder *b, sqlite3_stmt *st)
{
	int64_t id = sqlite3_column_int64(st, 0), seq = sqlite3_column_int64(st, 7), pos = sqlite3_column_int64(st, 8);
	int kind = sqlite3_column_int(st, 2), state = sqlite3_column_int(st, 3);
	if (id <= 0 || id > UINT32_MAX || kind < 0 || kind >= KIK_TASK_KIND_COUNT || state < 0 ||
	    state >= KIK_TASK_STATE_COUNT || seq < 0 || seq >= UINT32_MAX || pos < 0 || pos >= UINT32_MAX)
		return kik__store_fail(KIK_ECORRUPT, "the store holds a task row that is not one (id %lld)",
				       (long long)id);
	return kik__build_task(b, (uint32_t)id, (uint32_t)seq, (uint32_t)pos, col_text(st, 1), (kik_task_kind)kind,
			       (kik_task_state)state, col_text(st, 4), col_text(st, 5), col_text(st, 6));
}

const kik__part kik__part_tasks = {
	.table = "kik_tasks",
	.columns = "task_id, measure, kind, state, title, due, owner, seq, pos",
	.keys = 1,
	.count = 9,
	.load_order = NULL, /* the builder puts them in place */
	.field_column = NULL,
	.goal_column = NULL,
	.keyed = 1,
	.next = tasks_next,
	.row = tasks_row,
	.find = tasks_find,
	.apply = tasks_apply,
};

const kik__part *const kik__parts[] = {
	&kik__part_info,     &kik__part_fields, &kik__part_aliases, &kik__part_groups,      &kik__part_goals,
	&kik__part_measures, &kik__part_tasks,  &kik__part_notes,   &kik__part_field_notes, &kik__part_projects,
	&kik__part_timeline, &kik__part_rounds, &kik__part_figures,
};
const size_t kik__part_count = sizeof(kik__parts) / sizeof(kik__parts[0]);
