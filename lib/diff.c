/* Differences between two snapshots of a plan: every field, group, goal, measure and task
 * added, removed or changed, and the counts of each field in both. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

enum { VALUES = 24 }; /* the KIK_VALUE_* bits */

struct kik_change {
	kik_object_kind object;
	kik_change_kind kind;
	unsigned what;
	const char *id, *field, *measure, *text;
	unsigned long task_id;
	kik_status old_status, new_status;
	const char *old_value[VALUES], *new_value[VALUES]; /* by bit number */
};

typedef struct field_counts {
	const char *code, *name;
	size_t old_count[KIK_STATUS_COUNT], new_count[KIK_STATUS_COUNT];
	size_t old_measures, new_measures;
} field_counts;

struct kik_diff {
	kik_allocator alloc;
	kik__arena arena; /* the strings */
	kik_change *changes;
	size_t change_count, change_cap;
	field_counts *fields;
	size_t field_count;
	const kik_plan *old_plan, *new_plan;
	unsigned char *old_task_seen; /* a bit per position of the old plan's tasks */
};

/* ---- building ----------------------------------------------------------------- */

static const char *copy(kik_diff *d, const char *s)
{
	return s ? kik__arena_strndup(&d->alloc, &d->arena, s, strlen(s)) : NULL;
}

static int bit_number(unsigned value)
{
	int b = 0;
	while (b < VALUES && value != 1u << b)
		b++;
	return b < VALUES ? b : -1;
}

static kik_change *new_change(kik_diff *d, kik_object_kind object, kik_change_kind kind)
{
	kik_change *c;
	if (d->change_count == d->change_cap) {
		size_t cap = d->change_cap ? d->change_cap * 2 : 16;
		kik_change *changes = kik__realloc(&d->alloc, d->changes, cap * sizeof(*changes));
		if (!changes)
			return NULL;
		d->changes = changes;
		d->change_cap = cap;
	}
	c = &d->changes[d->change_count++];
	memset(c, 0, sizeof(*c));
	c->object = object;
	c->kind = kind;
	c->old_status = c->new_status = KIK_STATUS_INVALID;
	return c;
}

/* Sets one value of the old (side 0) or new (side 1) object; a changed one adds its bit. */
static int set_value(kik_diff *d, kik_change *c, unsigned value, const char *old_text, const char *new_text)
{
	int b = bit_number(value);
	if ((old_text && !(c->old_value[b] = copy(d, old_text))) ||
	    (new_text && !(c->new_value[b] = copy(d, new_text))))
		return KIK_ENOMEM;
	if (old_text && new_text && strcmp(old_text, new_text) != 0)
		c->what |= value;
	return 0;
}

/* The identity and display strings of a change. */
static int name_change(kik_diff *d, kik_change *c, const char *id, const char *field, const char *measure,
		       const char *text)
{
	return (c->id = copy(d, id)) && (c->field = copy(d, field)) && (!measure || (c->measure = copy(d, measure))) &&
		       (c->text = copy(d, text))
		   ? 0
		   : KIK_ENOMEM;
}

/* Keeps a CHANGED record only when a value differs. */
static void drop_if_same(kik_diff *d, const kik_change *c)
{
	if (c->kind == KIK_CHANGE_CHANGED && !c->what)
		d->change_count--;
}

/* The side of a pair that exists: changes are named after the new object where there is one. */
#define EITHER(a, b) ((b) ? (b) : (a))

static int diff_field(kik_diff *d, const kik_field *was, const kik_field *now)
{
	const kik_field *f = EITHER(was, now);
	kik_change *c = new_change(d, KIK_OBJECT_FIELD,
				   !was   ? KIK_CHANGE_ADDED
				   : !now ? KIK_CHANGE_REMOVED
					  : KIK_CHANGE_CHANGED);
	if (!c || name_change(d, c, f->code, f->code, NULL, f->name) < 0 ||
	    set_value(d, c, KIK_VALUE_NAME, was ? was->name : NULL, now ? now->name : NULL) < 0)
		return KIK_ENOMEM;
	drop_if_same(d, c);
	return 0;
}

static int diff_group(kik_diff *d, const kik_group *g, int added)
{
	kik_change *c = new_change(d, KIK_OBJECT_GROUP, added ? KIK_CHANGE_ADDED : KIK_CHANGE_REMOVED);
	char id[600];
	snprintf(id, sizeof(id), "%s/%s", g->field->code, g->name);
	kik__utf8_cut(id, strlen(id));
	return c ? name_change(d, c, id, g->field->code, NULL, g->name) : KIK_ENOMEM;
}

static int diff_goal(kik_diff *d, const kik_goal *was, const kik_goal *now)
{
	const kik_goal *g = EITHER(was, now);
	kik_change *c = new_change(d, KIK_OBJECT_GOAL,
				   !was   ? KIK_CHANGE_ADDED
				   : !now ? KIK_CHANGE_REMOVED
					  : KIK_CHANGE_CHANGED);
	char id[64];
	kik__format_id(id, sizeof(id), g->field->code, '-', g->number, 0);
	if (!c || name_change(d, c, id, g->field->code, NULL, g->text) < 0 ||
	    set_value(d, c, KIK_VALUE_TEXT, was ? was->text : NULL, now ? now->text : NULL) < 0 ||
	    set_value(d, c, KIK_VALUE_GROUP, was ? (was->group ? was->group->name : "") : NULL,
		      now ? (now->group ? now->group->name : "") : NULL) < 0)
		return KIK_ENOMEM;
	drop_if_same(d, c);
	return 0;
}

static int diff_measure(kik_diff *d, const kik_measure *was, const kik_measure *now)
{
	const kik_measure *m = EITHER(was, now);
	kik_change *c = new_change(d, KIK_OBJECT_MEASURE,
				   !was   ? KIK_CHANGE_ADDED
				   : !now ? KIK_CHANGE_REMOVED
					  : KIK_CHANGE_CHANGED);
	if (!c || name_change(d, c, m->id, m->goal->field->code, m->id, m->text) < 0 ||
	    set_value(d, c, KIK_VALUE_STATUS, was ? kik_status_key(kik_measure_status(was)) : NULL,
		      now ? kik_status_key(kik_measure_status(now)) : NULL) < 0 ||
	    set_value(d, c, KIK_VALUE_RECORDED, was ? kik_status_key((kik_status)was->recorded) : NULL,
		      now ? kik_status_key((kik_status)now->recorded) : NULL) < 0 ||
	    set_value(d, c, KIK_VALUE_TEXT, was ? was->text : NULL, now ? now->text : NULL) < 0)
		return KIK_ENOMEM;
	c->old_status = was ? kik_measure_status(was) : KIK_STATUS_INVALID;
	c->new_status = now ? kik_measure_status(now) : KIK_STATUS_INVALID;
	drop_if_same(d, c);
	return 0;
}

static int diff_task(kik_diff *d, const kik_task *was, const kik_task *now)
{
	const kik_task *t = EITHER(was, now);
	const kik_plan *old_plan = d->old_plan, *new_plan = d->new_plan;
	kik_change *c = new_change(d, KIK_OBJECT_TASK,
				   !was   ? KIK_CHANGE_ADDED
				   : !now ? KIK_CHANGE_REMOVED
					  : KIK_CHANGE_CHANGED);
	char id[16];
	snprintf(id, sizeof(id), "%lu", (unsigned long)t->id);
	if (!c || name_change(d, c, id, t->measure->goal->field->code, t->measure->id, t->title) < 0 ||
	    set_value(d, c, KIK_VALUE_MEASURE, was ? was->measure->id : NULL, now ? now->measure->id : NULL) < 0 ||
	    set_value(d, c, KIK_VALUE_KIND, was ? kik_task_kind_key(KIK__TASK_KIND(was)) : NULL,
		      now ? kik_task_kind_key(KIK__TASK_KIND(now)) : NULL) < 0 ||
	    set_value(d, c, KIK_VALUE_STATE, was ? kik_task_state_key(KIK__TASK_STATE(was)) : NULL,
		      now ? kik_task_state_key(KIK__TASK_STATE(now)) : NULL) < 0 ||
	    set_value(d, c, KIK_VALUE_TITLE, was ? was->title : NULL, now ? now->title : NULL) < 0 ||
	    set_value(d, c, KIK_VALUE_DUE, was ? kik__attrs_due(old_plan, KIK__TASK_ATTRS(was)) : NULL,
		      now ? kik__attrs_due(new_plan, KIK__TASK_ATTRS(now)) : NULL) < 0 ||
	    set_value(d, c, KIK_VALUE_OWNER, was ? kik__attrs_owner(old_plan, KIK__TASK_ATTRS(was)) : NULL,
		      now ? kik__attrs_owner(new_plan, KIK__TASK_ATTRS(now)) : NULL) < 0)
		return KIK_ENOMEM;
	c->task_id = t->id;
	drop_if_same(d, c);
	return 0;
}

/* The old plan's counterpart of a task of the new one: the task with its id, unless that
 * belongs to another measure while the measure has a task of the same kind and title
 * (plans whose ids were given by row order in different files); NULL if none. */
static const kik_task *old_task_of(const kik_diff *d, const kik_task *t)
{
	const kik_task *by_id = kik_plan_find_task(d->old_plan, t->id), *by_key;
	if (by_id && strcmp(by_id->measure->id, t->measure->id) == 0)
		return by_id;
	by_key = kik_plan_find_task_by_key(d->old_plan, t->measure->id, KIK__TASK_KIND(t), t->title);
	return by_key ? by_key : by_id;
}

static void mark_seen(kik_diff *d, const kik_task *old)
{
	size_t position;
	if (kik__task_by_id(d->old_plan, old->id, &position))
		d->old_task_seen[position / 8] |= (unsigned char)(1u << (position % 8));
}

static int seen(const kik_diff *d, size_t position)
{
	return d->old_task_seen[position / 8] & (1u << (position % 8));
}

static int diff_tasks_of(kik_diff *d, const kik_measure *now)
{
	size_t i;
	int err = 0;
	for (i = 0; err == 0 && i < now->tasks.count; i++) {
		const kik_task *t = kik__measure_task(now, i), *was = old_task_of(d, t);
		if (was)
			mark_seen(d, was);
		err = diff_task(d, was, t);
	}
	return err;
}

/* Everything the new plan has, in its document order, against the old plan. */
static int diff_new(kik_diff *d)
{
	const kik_plan *old_plan = d->old_plan, *new_plan = d->new_plan;
	size_t f, i, j;
	int err = 0;
	for (f = 0; err == 0 && f < new_plan->fields.len; f++) {
		const kik_field *now = new_plan->fields.items[f], *was = kik__plan_find_field(old_plan, now->code);
		err = diff_field(d, was, now);
		for (i = 0; err == 0 && i < now->groups.len; i++)
			if (!was || !kik_field_find_group(was, ((const kik_group *)now->groups.items[i])->name))
				err = diff_group(d, now->groups.items[i], 1);
		for (i = 0; err == 0 && i < now->goals.len; i++) {
			const kik_goal *goal = now->goals.items[i];
			err = diff_goal(d, was ? kik__field_find_goal(was, goal->number) : NULL, goal);
			for (j = 0; err == 0 && j < goal->measures.count; j++) {
				const kik_measure *m = kik__goal_measure(goal, j);
				if ((err = diff_measure(d, kik_plan_find_measure(old_plan, m->id), m)) == 0)
					err = diff_tasks_of(d, m);
			}
		}
	}
	return err;
}

/* What only the old plan has, in its document order. */
static int diff_old(kik_diff *d)
{
	const kik_plan *old_plan = d->old_plan, *new_plan = d->new_plan;
	size_t f, i, j, k;
	int err = 0;
	for (f = 0; err == 0 && f < old_plan->fields.len; f++) {
		const kik_field *was = old_plan->fields.items[f], *now = kik__plan_find_field(new_plan, was->code);
		if (!now)
			err = diff_field(d, was, NULL);
		for (i = 0; err == 0 && i < was->groups.len; i++)
			if (!now || !kik_field_find_group(now, ((const kik_group *)was->groups.items[i])->name))
				err = diff_group(d, was->groups.items[i], 0);
		for (i = 0; err == 0 && i < was->goals.len; i++) {
			const kik_goal *goal = was->goals.items[i];
			if (!now || !kik__field_find_goal(now, goal->number))
				err = diff_goal(d, goal, NULL);
			for (j = 0; err == 0 && j < goal->measures.count; j++) {
				const kik_measure *m = kik__goal_measure(goal, j);
				if (!kik_plan_find_measure(new_plan, m->id))
					err = diff_measure(d, m, NULL);
				for (k = 0; err == 0 && k < m->tasks.count; k++)
					if (!seen(d, kik__ids_at(&m->tasks, k)))
						err = diff_task(d, kik__measure_task(m, k), NULL);
			}
		}
	}
	return err;
}

static void count_field(const kik_field *f, size_t counts[KIK_STATUS_COUNT], size_t *measures)
{
	kik_summary s;
	kik__summary_field(f, &s);
	memcpy(counts, s.count, sizeof(s.count));
	*measures = s.measures;
}

static int diff_counts(kik_diff *d)
{
	const kik_plan *old_plan = d->old_plan, *new_plan = d->new_plan;
	size_t i, n = new_plan->fields.len + old_plan->fields.len;
	if (!(d->fields = kik__malloc(&d->alloc, (n ? n : 1) * sizeof(*d->fields))))
		return KIK_ENOMEM;
	memset(d->fields, 0, (n ? n : 1) * sizeof(*d->fields));
	for (i = 0; i < n; i++) {
		int is_new = i < new_plan->fields.len;
		const kik_field *f =
		    is_new ? new_plan->fields.items[i] : old_plan->fields.items[i - new_plan->fields.len];
		const kik_field *other = kik__plan_find_field(is_new ? old_plan : new_plan, f->code);
		field_counts *fc = &d->fields[d->field_count];
		if (!is_new && other)
			continue; /* listed with the new plan's fields */
		if (!(fc->code = copy(d, f->code)) || !(fc->name = copy(d, f->name)))
			return KIK_ENOMEM;
		if (is_new) {
			count_field(f, fc->new_count, &fc->new_measures);
			if (other)
				count_field(other, fc->old_count, &fc->old_measures);
		} else {
			count_field(f, fc->old_count, &fc->old_measures);
		}
		d->field_count++;
	}
	return 0;
}

int kik_plan_diff(const kik_plan *old_plan, const kik_plan *new_plan, kik_diff **out)
{
	kik_diff *d;
	size_t bytes;
	int err;
	kik__error_clear(NULL);
	if (!old_plan || !new_plan || !out)
		return kik__error_arg(!old_plan   ? "the old plan is NULL"
				      : !new_plan ? "the new plan is NULL"
						  : "out is NULL");
	if (!(d = kik__malloc(&new_plan->alloc, sizeof(*d))))
		return kik__error_set(NULL, KIK_ENOMEM, NULL, "out of memory");
	memset(d, 0, sizeof(*d));
	d->alloc = new_plan->alloc;
	d->old_plan = old_plan;
	d->new_plan = new_plan;
	bytes = old_plan->tasks.len / 8 + 1;
	if (!(d->old_task_seen = kik__malloc(&d->alloc, bytes)))
		err = KIK_ENOMEM;
	else if (memset(d->old_task_seen, 0, bytes),
		 (err = diff_new(d)) == 0 && (err = diff_old(d)) == 0 && (err = kik__diff_content(d)) == 0)
		err = diff_counts(d);
	kik__free(&d->alloc, d->old_task_seen);
	d->old_task_seen = NULL;
	d->old_plan = d->new_plan = NULL; /* a diff outlives its plans */
	if (err < 0) {
		kik_diff_free(d);
		return kik__error_set(NULL, err, NULL, "out of memory");
	}
	*out = d;
	return 0;
}

/* ---- for the content's changes (diff_content.c) ---------------------------------- */

kik_change *kik__diff_change(kik_diff *d, kik_object_kind object, int was, int now)
{
	return new_change(d, object, !was ? KIK_CHANGE_ADDED : !now ? KIK_CHANGE_REMOVED : KIK_CHANGE_CHANGED);
}

int kik__diff_name(kik_diff *d, kik_change *c, const char *id, const char *field, const char *measure, const char *text)
{
	return name_change(d, c, id, field, measure, text);
}

int kik__diff_value(kik_diff *d, kik_change *c, unsigned value, const char *old_text, const char *new_text)
{
	return set_value(d, c, value, old_text, new_text);
}

void kik__diff_keep(kik_diff *d, const kik_change *c)
{
	drop_if_same(d, c);
}

const kik_plan *kik__diff_plan(const kik_diff *d, int new_one)
{
	return new_one ? d->new_plan : d->old_plan;
}

/* ---- reading ------------------------------------------------------------------ */

void kik_diff_free(kik_diff *d)
{
	kik_allocator a;
	if (!d)
		return;
	a = d->alloc;
	kik__arena_free(&a, &d->arena);
	kik__free(&a, d->changes);
	kik__free(&a, d->fields);
	kik__free(&a, d);
}

size_t kik_diff_count(const kik_diff *d)
{
	return d ? d->change_count : 0;
}

const kik_change *kik_diff_get(const kik_diff *d, size_t i)
{
	return d && i < d->change_count ? &d->changes[i] : NULL;
}

size_t kik_diff_count_of(const kik_diff *d, kik_object_kind object)
{
	size_t i, n = 0;
	for (i = 0; d && i < d->change_count; i++)
		n += d->changes[i].object == object;
	return n;
}

const char *kik_object_kind_key(kik_object_kind object)
{
	static const char *const keys[] = { "field", "group",   "goal",  "measure", "task",
					    "note",  "project", "round", "figure" };
	return (unsigned)object < sizeof(keys) / sizeof(keys[0]) ? keys[object] : NULL;
}

const char *kik_change_kind_key(kik_change_kind kind)
{
	static const char *const keys[] = { "added", "removed", "changed" };
	return (unsigned)kind < sizeof(keys) / sizeof(keys[0]) ? keys[kind] : NULL;
}

const char *kik_change_value_key(unsigned value)
{
	static const char *const keys[VALUES] = {
		"status", "recorded", "text",  "name",          "group",   "measure",     "kind",          "state",
		"title",  "due",      "owner", "current_state", "outlook", "description", "organisations", "start",
		"end",    "measures", "goals", "fields",        "value",   "unit",        "source",        "share_of"
	};
	int b = bit_number(value);
	return b < 0 ? NULL : keys[b];
}

kik_object_kind kik_change_object(const kik_change *c)
{
	return c ? c->object : KIK_OBJECT_INVALID;
}

kik_change_kind kik_change_kind_of(const kik_change *c)
{
	return c ? c->kind : KIK_CHANGE_INVALID;
}

unsigned kik_change_what(const kik_change *c)
{
	return c ? c->what : 0;
}

const char *kik_change_id(const kik_change *c)
{
	return c ? c->id : NULL;
}

const char *kik_change_field(const kik_change *c)
{
	return c ? c->field : NULL;
}

const char *kik_change_measure(const kik_change *c)
{
	return c ? c->measure : NULL;
}

unsigned long kik_change_task_id(const kik_change *c)
{
	return c ? c->task_id : 0;
}

const char *kik_change_text(const kik_change *c)
{
	return c ? c->text : NULL;
}

const char *kik_change_old(const kik_change *c, unsigned value)
{
	int b = bit_number(value);
	return c && b >= 0 ? c->old_value[b] : NULL;
}

const char *kik_change_new(const kik_change *c, unsigned value)
{
	int b = bit_number(value);
	return c && b >= 0 ? c->new_value[b] : NULL;
}

kik_status kik_change_old_status(const kik_change *c)
{
	return c ? c->old_status : KIK_STATUS_INVALID;
}

kik_status kik_change_new_status(const kik_change *c)
{
	return c ? c->new_status : KIK_STATUS_INVALID;
}

size_t kik_diff_field_count(const kik_diff *d)
{
	return d ? d->field_count : 0;
}

static const field_counts *field_at(const kik_diff *d, size_t i)
{
	return d && i < d->field_count ? &d->fields[i] : NULL;
}

const char *kik_diff_field_code(const kik_diff *d, size_t i)
{
	return field_at(d, i) ? field_at(d, i)->code : NULL;
}

const char *kik_diff_field_name(const kik_diff *d, size_t i)
{
	return field_at(d, i) ? field_at(d, i)->name : NULL;
}

size_t kik_diff_field_old_measures(const kik_diff *d, size_t i)
{
	return field_at(d, i) ? field_at(d, i)->old_measures : 0;
}

size_t kik_diff_field_new_measures(const kik_diff *d, size_t i)
{
	return field_at(d, i) ? field_at(d, i)->new_measures : 0;
}

size_t kik_diff_field_old_count(const kik_diff *d, size_t i, kik_status status)
{
	return field_at(d, i) && (unsigned)status < KIK_STATUS_COUNT ? field_at(d, i)->old_count[status] : 0;
}

size_t kik_diff_field_new_count(const kik_diff *d, size_t i, kik_status status)
{
	return field_at(d, i) && (unsigned)status < KIK_STATUS_COUNT ? field_at(d, i)->new_count[status] : 0;
}
