/* Building a plan from stored rows, fast: the parts of the model arrive in the order of
 * the store's keys (fields and goals in their places, measures by number, tasks by id)
 * and go into the plan's own structures as the importers put them there.
 *
 * This file works on the library's internals (the rest of the store reads plans through
 * the API): a loaded plan of a million measures and five million tasks must cost little
 * more than reading its rows. */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

/* A plan call failed on a stored value: out of memory, or rows that do not make a plan
 * (the call's own message says why). */
static int plan_failed(int err, const char *what)
{
	const kik_error *e = kik_error_last();
	if (err == KIK_ENOMEM)
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	return kik__store_fail(KIK_ECORRUPT, "the store's %s do not make a plan: %s", what,
			       e ? e->message : kik_error_code_name(err));
}

static int oom(void)
{
	return kik__store_fail(KIK_ENOMEM, "out of memory");
}

static int corrupt(const char *what, const char *field, unsigned number)
{
	return kik__store_fail(KIK_ECORRUPT, "the store's rows name %s %s %u, which it does not hold", what, field,
			       number);
}

int kik__build_start(kik__builder *b, const kik_allocator *a)
{
	memset(b, 0, sizeof(*b));
	if (a)
		b->alloc = *a;
	if (kik_plan_new_with_allocator(&b->plan, a) < 0)
		return oom();
	return 0;
}

void kik__build_free(kik__builder *b)
{
	kik_plan_free(b->plan);
	kik__free(&b->alloc, b->task_pos);
	memset(b, 0, sizeof(*b));
}

/* The field with exactly this code: the last one asked for, mostly. */
static kik_field *field_of(kik__builder *b, const char *code)
{
	size_t i;
	if (b->field && strcmp(b->field->code, code) == 0)
		return b->field;
	for (i = 0; i < b->plan->fields.len; i++) {
		kik_field *f = b->plan->fields.items[i];
		if (strcmp(f->code, code) == 0)
			return b->field = f;
	}
	return NULL;
}

int kik__build_info(kik__builder *b, const char *key, const char *value)
{
	int err = 0;
	if (strcmp(key, "name") == 0) {
		err = kik_plan_set_name(b->plan, value);
	} else if (strcmp(key, "as_of") == 0) {
		err = kik_plan_set_as_of(b->plan, value);
	} else if (strcmp(key, "rule") == 0) {
		kik_rule rule;
		if (kik_rule_parse(value, &rule) < 0)
			return kik__store_fail(KIK_ECORRUPT, "the store names an unknown rule '%s'", value);
		err = kik_plan_set_rule(b->plan, rule);
	} else if (strcmp(key, "title") == 0) {
		err = kik_plan_set_title(b->plan, value);
	} else if (strcmp(key, "office") == 0) {
		err = kik_plan_set_office(b->plan, value);
	} else if (strcmp(key, "last_task_id") == 0) {
		char *end;
		unsigned long id = strtoul(value, &end, 10);
		if (*end || id > UINT32_MAX)
			return kik__store_fail(KIK_ECORRUPT, "the store's last task id '%s' is not one", value);
		if (id > b->last_task_id)
			b->last_task_id = id;
	}
	/* keys a later version of the same schema may add are left for it */
	return err < 0 ? plan_failed(err, "plan information") : 0;
}

int kik__build_field(kik__builder *b, const char *code, const char *name, const size_t *published, size_t total)
{
	const kik_field *added;
	kik_field *f;
	int err = kik_plan_add_field(b->plan, code, name, &added);
	if (err < 0)
		return plan_failed(err, "fields");
	f = b->field = (kik_field *)added;
	if (published) {
		memcpy(f->published, published, sizeof(f->published));
		f->published_total = total;
		f->has_published = 1;
	}
	return 0;
}

int kik__build_alias(kik__builder *b, const char *field, const char *alias)
{
	kik_field *f = field_of(b, field);
	int err;
	if (!f)
		return corrupt("an alias of field", field, 0);
	if ((err = kik_plan_add_field_alias(b->plan, f->code, alias)) < 0)
		return plan_failed(err, "aliases");
	return 0;
}

int kik__build_group(kik__builder *b, const char *field, const char *name)
{
	const kik_allocator *a = &b->plan->alloc;
	kik_plan *plan = b->plan;
	kik_field *f = field_of(b, field);
	kik_group *group;
	char key[2048];
	const char *stored_key;
	if (!f)
		return corrupt("a group of field", field, 0);
	if (!*name || !kik__group_key(key, sizeof(key), f->code, name) || kik__index_get(&plan->groups_by_key, key))
		return kik__store_fail(KIK_ECORRUPT, "the store's groups of field %s do not make a plan", field);
	if (!(group = kik__arena_alloc(a, &plan->arena, sizeof(*group))) ||
	    !(group->name = kik__arena_strndup(a, &plan->text, name, strlen(name))) ||
	    !(stored_key = kik__arena_strndup(a, &plan->text, key, strlen(key))) ||
	    kik__index_reserve(a, &plan->groups_by_key, 1) < 0 || kik__vec_push(a, &f->groups, group) < 0)
		return oom();
	group->field = f;
	kik__index_put(a, &plan->groups_by_key, stored_key, group);
	return 0;
}

/* While a plan is built, a goal's and a measure's import_line (which only an import uses)
 * holds its place among its siblings + 1: rows may come in another order than their places,
 * after changes. kik__build_finish puts them in place and clears it. */

int kik__build_goal(kik__builder *b, const char *field, unsigned number, unsigned pos, const char *group,
		    const char *text)
{
	const kik_allocator *a = &b->plan->alloc;
	kik_plan *plan = b->plan;
	kik_field *f = field_of(b, field);
	kik_group *g = NULL;
	kik_goal *goal;
	char key[2048];
	if (!f)
		return corrupt("a goal of field", field, number);
	if (number == 0 || kik__field_find_goal(f, number))
		return kik__store_fail(KIK_ECORRUPT, "the store's goals of field %s do not make a plan", field);
	if (group &&
	    (!kik__group_key(key, sizeof(key), f->code, group) || !(g = kik__index_get(&plan->groups_by_key, key))))
		return corrupt("the group of goal", field, number);
	if (!(goal = kik__arena_alloc(a, &plan->arena, sizeof(*goal))))
		return oom();
	goal->number = number;
	goal->by_number = 1;
	goal->field = f;
	if (!(goal->text = *text ? kik__arena_strndup(a, &plan->text, text, strlen(text)) : "") ||
	    (g && kik__vec_reserve(a, &g->goals, g->goals.len + 1) < 0) ||
	    kik__vec_reserve(a, &f->goals, f->goals.len + 1) < 0 || kik__field_index_goal(plan, f, goal) < 0)
		return oom();
	f->goals.items[f->goals.len++] = goal;
	b->reorder |= pos != f->goals.len - 1;
	goal->import_line = (unsigned long)pos + 1;
	if (g) {
		g->goals.items[g->goals.len++] = goal;
		goal->group = g;
	}
	return 0;
}

int kik__build_measure(kik__builder *b, const char *field, unsigned goal, unsigned sub, unsigned pos, const char *text,
		       kik_status recorded)
{
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	kik_field *f = field_of(b, field);
	kik_goal *g;
	kik_measure *m;
	int err;
	if (!f || !(g = kik__field_find_goal(f, goal)))
		return corrupt("a measure of goal", field, goal);
	if (sub == 0 || (unsigned)recorded >= KIK_STATUS_COUNT || !*text)
		return kik__store_fail(KIK_ECORRUPT, "the store holds a measure of %s %u that is not one", field, goal);
	d.field = f->code;
	d.group = g->group ? g->group->name : NULL;
	d.goal = goal;
	d.goal_text = g->text;
	d.text = text;
	d.status = recorded;
	if ((err = kik__plan_put_measure(b->plan, &d, sub, NULL, KIK__PUT_COPY, &m)) < 0)
		return plan_failed(err, "measures");
	b->reorder |= pos != g->measures.count - 1;
	m->import_line = (unsigned long)pos + 1;
	return 0;
}

int kik__build_task(kik__builder *b, uint32_t id, uint32_t seq, uint32_t pos, const char *measure, kik_task_kind kind,
		    kik_task_state state, const char *title, const char *due, const char *owner)
{
	const kik_allocator *a = &b->plan->alloc;
	kik_plan *plan = b->plan;
	kik_measure *m = b->measure;
	kik_task *t;
	uint32_t attrs;
	int err;
	if (!m || strcmp(m->id, measure) != 0) { /* tasks come measure by measure */
		if (!(m = (kik_measure *)kik_plan_find_measure(plan, measure)))
			return kik__store_fail(KIK_ECORRUPT, "the store holds a task of %s, which it does not hold",
					       measure);
		b->measure = m;
	}
	if (id == 0 || !*title || (*due && !kik__is_iso_date(due)) || seq == UINT32_MAX ||
	    (seq < plan->tasks.len && kik__task_at(plan, seq)->measure))
		return kik__store_fail(KIK_ECORRUPT, "the store holds a task %lu that is not one", (unsigned long)id);
	/* the task goes to its own place in the order added; places of removed tasks stay holes */
	while (plan->tasks.len <= seq)
		if (!kik__table_push(a, &plan->arena, &plan->tasks))
			return oom();
	if (seq >= b->task_pos_len) {
		size_t len = b->task_pos_len ? b->task_pos_len : 1024;
		uint32_t *grown;
		while (len <= seq)
			len *= 2;
		if (!(grown = kik__realloc(&b->alloc, b->task_pos, len * sizeof(uint32_t))))
			return oom();
		b->task_pos = grown;
		b->task_pos_len = len;
	}
	if ((err = kik__plan_attrs(plan, owner, due, &attrs)) < 0)
		return err == KIK_ENOMEM ? oom() : kik__store_fail(err, "too many distinct owners and due dates");
	t = kik__task_at(plan, seq);
	if (!(t->title = kik__arena_strndup(a, &plan->text, title, strlen(title))))
		return oom();
	t->measure = m;
	t->id = id;
	t->bits = kik__task_bits(kind, state, 0, attrs);
	b->task_pos[seq] = pos;
	plan->task_count++;
	if (id > b->last_task_id)
		b->last_task_id = id;
	return 0;
}

static int by_place(const void *x, const void *y)
{
	const kik_goal *a = *(kik_goal *const *)x, *b = *(kik_goal *const *)y;
	return (a->import_line > b->import_line) - (a->import_line < b->import_line);
}

/* Puts a field's goals in their places, and each group's goals in the field's order. */
static int place_goals(kik_plan *plan, kik_field *field)
{
	size_t g, i;
	qsort(field->goals.items, field->goals.len, sizeof(void *), by_place);
	if (kik__field_reindex_goals(plan, field) < 0)
		return oom();
	for (i = 0; i < field->groups.len; i++)
		((kik_group *)field->groups.items[i])->goals.len = 0; /* refilled below: same room */
	for (g = 0; g < field->goals.len; g++) {
		kik_goal *goal = field->goals.items[g];
		if (goal->group)
			goal->group->goals.items[goal->group->goals.len++] = goal;
	}
	return 0;
}

/* Replaces `list` by the n positions of `sorted`, which it frees: 0, or -1 (`list` as it was). */
static int replace_list(const kik_allocator *a, kik__ids *list, uint32_t *sorted, size_t n)
{
	kik__ids fresh = { 0, 0, NULL };
	size_t i;
	for (i = 0; i < n; i++) {
		if (kik__ids_push(a, &fresh, sorted[i]) < 0) {
			kik__ids_free(a, &fresh);
			kik__free(a, sorted);
			return -1;
		}
	}
	kik__free(a, sorted);
	kik__ids_free(a, list);
	*list = fresh;
	return 0;
}

/* Puts a goal's measures in their places. */
static int place_measures(const kik_allocator *a, kik_goal *goal)
{
	size_t n = goal->measures.count, i;
	uint32_t *sorted;
	if (n < 2)
		return 0;
	if (!(sorted = kik__malloc(a, n * sizeof(uint32_t))))
		return oom();
	for (i = 0; i < n; i++) { /* a goal has few measures: insertion by place */
		uint32_t p = kik__ids_at(&goal->measures, i);
		unsigned long place = kik__measure_at(goal->field->plan, p)->import_line;
		size_t k = i;
		for (; k > 0 && kik__measure_at(goal->field->plan, sorted[k - 1])->import_line > place; k--)
			sorted[k] = sorted[k - 1];
		sorted[k] = p;
	}
	if (replace_list(a, &goal->measures, sorted, n) < 0)
		return oom();
	return kik__goal_reindex_measures(goal->field->plan, goal) < 0 ? oom() : 0;
}

/* Puts a measure's tasks in the order of their places in its list. */
static int place_tasks(const kik__builder *b, kik_measure *m)
{
	const kik_allocator *a = &b->plan->alloc;
	size_t n = m->tasks.count, i, k;
	uint32_t *sorted;
	if (!(sorted = kik__malloc(a, n * sizeof(uint32_t))))
		return oom();
	for (i = 0; i < n; i++) { /* mostly in order already: insertion */
		uint32_t p = kik__ids_at(&m->tasks, i);
		for (k = i; k > 0 && b->task_pos[sorted[k - 1]] > b->task_pos[p]; k--)
			sorted[k] = sorted[k - 1];
		sorted[k] = p;
	}
	return replace_list(a, &m->tasks, sorted, n) < 0 ? oom() : 0;
}

/* Links every task to its measure in the order of places, puts the lists in their saved
 * order where that is another, and gives each hole the id before it (see struct kik_plan). */
static int by_id(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, c = *(const uint32_t *)y;
	return a < c ? -1 : a > c;
}

/* Whether two loaded tasks have the same id (a damaged store): a bit per id up to the
 * highest where ids are dense enough, else the ids sorted. */
static int ids_unique(const kik__builder *b, int *unique)
{
	const kik_allocator *a = &b->alloc;
	const kik_plan *plan = b->plan;
	size_t i, n = 0, highest = (size_t)b->last_task_id;
	*unique = 1;
	if (highest <= 64 * (size_t)plan->task_count + 65536) {
		unsigned char *seen = kik__malloc(a, highest / 8 + 1);
		if (!seen)
			return oom();
		memset(seen, 0, highest / 8 + 1);
		for (i = 0; i < plan->tasks.len && *unique; i++) {
			const kik_task *t = kik__task_at(plan, i);
			if (!t->measure)
				continue;
			*unique = !(seen[t->id / 8] & (1u << (t->id % 8)));
			seen[t->id / 8] |= (unsigned char)(1u << (t->id % 8));
		}
		kik__free(a, seen);
	} else {
		uint32_t *ids = kik__malloc(a, ((size_t)plan->task_count + 1) * sizeof(uint32_t));
		if (!ids)
			return oom();
		for (i = 0; i < plan->tasks.len; i++)
			if (kik__task_at(plan, i)->measure)
				ids[n++] = kik__task_at(plan, i)->id;
		qsort(ids, n, sizeof(*ids), by_id);
		for (i = 1; i < n && *unique; i++)
			*unique = ids[i] != ids[i - 1];
		kik__free(a, ids);
	}
	return 0;
}

static int link_tasks(kik__builder *b)
{
	kik_plan *plan = b->plan;
	uint32_t last = 0;
	size_t i;
	int misplaced = 0;
	for (i = 0; i < plan->tasks.len; i++) {
		kik_task *t = kik__task_at(plan, i);
		if (!t->measure) {
			t->id = last;
			continue;
		}
		misplaced |= b->task_pos[i] != t->measure->tasks.count;
		if (kik__ids_push(&plan->alloc, &t->measure->tasks, (uint32_t)i) < 0)
			return oom();
		last = t->id;
	}
	for (i = 0; misplaced && i < plan->measures.len; i++) {
		kik_measure *m = kik__measure_at(plan, i);
		int err;
		if (m->tasks.count > 1 && (err = place_tasks(b, m)) < 0)
			return err;
	}
	return 0;
}

int kik__build_finish(kik__builder *b, kik_plan **out)
{
	kik_plan *plan = b->plan;
	size_t f, g, i;
	int err, unique;
	for (f = 0; f < plan->fields.len; f++) {
		kik_field *field = plan->fields.items[f];
		if (b->reorder && (err = place_goals(plan, field)) < 0)
			return err;
		for (g = 0; g < field->goals.len; g++) {
			kik_goal *goal = field->goals.items[g];
			if (b->reorder && (err = place_measures(&plan->alloc, goal)) < 0)
				return err;
			goal->import_line = 0;
		}
	}
	if (b->reorder)
		plan->order_dirty = 1;
	if (plan->order_dirty && plan->order_cap < plan->measure_count) {
		/* kik__plan_reorder writes into room made before */
		uint32_t *order = kik__realloc(&plan->alloc, plan->order, plan->measure_count * sizeof(uint32_t));
		if (!order)
			return oom();
		plan->order = order;
		plan->order_cap = plan->measure_count;
	}
	kik__plan_reorder(plan);
	plan->last_task_id = (uint32_t)b->last_task_id;
	if ((err = ids_unique(b, &unique)) < 0)
		return err;
	if (!unique)
		return kik__store_fail(KIK_ECORRUPT, "the store holds two tasks with the same id");
	if ((err = link_tasks(b)) < 0 || (err = kik__task_indexes_build(plan)) < 0)
		return err == KIK_ENOMEM ? oom() : err;
	for (i = 0; i < plan->measures.len; i++) {
		kik_measure *m = kik__measure_at(plan, i);
		m->import_line = 0;
		if (m->tasks.count)
			m->derived = (uint8_t)kik__derive(m, plan->rule);
	}
	plan->recent_field = NULL;
	plan->recent_goal = NULL;
	plan->recent_group = NULL;
	*out = plan;
	b->plan = NULL;
	kik__build_free(b);
	return 0;
}
