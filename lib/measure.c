/* Adding and updating measures (with their goals and groups), and copying whole plans. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static int parse_uint(const char **p, unsigned *out)
{
	unsigned long v = 0;
	const char *s = *p;
	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > 999999)
			return -1;
	}
	*p = s;
	*out = (unsigned)v;
	return 0;
}

int kik__parse_goal_number(const char *s, unsigned *out)
{
	if (parse_uint(&s, out) < 0 || *out == 0)
		return -1;
	if (*s == '.')
		s++;
	return *s ? -1 : 0;
}

int kik__parse_measure_number(const char *s, unsigned *goal, unsigned *sub)
{
	if (parse_uint(&s, goal) < 0 || *goal == 0 || *s++ != '.' || parse_uint(&s, sub) < 0 || *sub == 0)
		return -1;
	if (*s == '.')
		s++;
	return *s ? -1 : 0;
}

static char *arena_copy(kik_plan *plan, const char *s)
{
	return kik__arena_strndup(&plan->alloc, &plan->arena, s, strlen(s));
}

/* "<code>\n<group name>", the key of a group in plan->groups_by_key. */
static size_t group_key(char *out, size_t cap, const char *code, const char *group)
{
	size_t a = strlen(code), b = strlen(group);
	if (a + b + 2 > cap)
		return 0;
	memcpy(out, code, a);
	out[a] = '\n';
	memcpy(out + a + 1, group, b + 1);
	return a + b + 1;
}

static char *arena_id(kik_plan *plan, const char *prefix, char sep, unsigned a, unsigned b)
{
	char buf[64];
	size_t n = kik__format_id(buf, sizeof(buf), prefix, sep, a, b);
	return n ? kik__arena_strndup(&plan->alloc, &plan->arena, buf, n) : NULL;
}

static int oom(kik_plan *plan, const kik__pos *pos)
{
	return kik__error_set(plan, KIK_ENOMEM, pos, "out of memory");
}

static void remove_goal(kik__vec *goals, kik_goal *goal)
{
	size_t i;
	for (i = 0; i < goals->len; i++) {
		if (goals->items[i] == goal) {
			memmove(goals->items + i, goals->items + i + 1, (goals->len - i - 1) * sizeof(void *));
			goals->len--;
			return;
		}
	}
}

/* Finds the measure's field, goal and group, checking that they agree with the plan. */
typedef struct placement {
	kik_field *field;
	unsigned goal_no, sub;
	kik_goal *goal;   /* NULL: a new goal */
	kik_group *group; /* NULL: none given, or a new group (then new_group) */
	int new_group;
	kik_measure *measure; /* NULL: a new measure */
} placement;

static int place(kik_plan *plan, const kik_measure_desc *d, const kik__pos *pos, placement *p)
{
	/* bad content is invalid input in a file, a bad argument in a direct call */
	int invalid = pos ? KIK_EPARSE : KIK_EINVAL;
	char key[2048];
	if (!d || d->version < 1 || !d->field || !d->number || !d->text || (unsigned)d->status >= KIK_STATUS_COUNT)
		return kik__error_set(plan, invalid, pos, "a measure needs a field, a number, a text and a status");
	if (!*d->text)
		return kik__error_set(plan, invalid, pos, "measure %s has no text", d->number);
	if (plan->recent_field && strcmp(plan->recent_field->code, d->field) == 0)
		p->field = plan->recent_field;
	else if (!(p->field = kik__plan_find_field(plan, d->field)))
		return kik__error_set(plan, invalid, pos, "unknown field '%s'", d->field);
	if (kik__parse_measure_number(d->number, &p->goal_no, &p->sub) < 0)
		return kik__error_set(plan, invalid, pos, "'%s' is not a measure number: expected GOAL.N, e.g. 4.6",
				      d->number);
	if (d->goal && d->goal != p->goal_no)
		return kik__error_set(plan, invalid, pos, "measure %s does not belong to goal %u", d->number, d->goal);

	if (plan->recent_goal && plan->recent_goal->field == p->field && plan->recent_goal->number == p->goal_no) {
		p->goal = plan->recent_goal;
	} else {
		kik__format_id(key, sizeof(key), p->field->code, '-', p->goal_no, 0);
		p->goal = kik__index_get(&plan->goals_by_key, key);
	}
	p->group = NULL;
	p->new_group = 0;
	if (d->group && *d->group) {
		kik_group *recent = plan->recent_group;
		if (recent && recent->field == p->field && strcmp(recent->name, d->group) == 0) {
			p->group = recent;
		} else {
			if (!group_key(key, sizeof(key), p->field->code, d->group))
				return kik__error_set(plan, invalid, pos, "the name of group '%.40s...' is too long",
						      d->group);
			p->group = kik__index_get(&plan->groups_by_key, key);
			p->new_group = p->group == NULL;
		}
	}
	kik__format_id(key, sizeof(key), p->field->code, '-', p->goal_no, p->sub);
	p->measure = kik__index_get(&plan->measures_by_id, key);
	if (p->measure && p->measure->import_line && pos)
		return kik__error_set(plan, invalid, pos, "measure %s appears twice: first on line %lu", p->measure->id,
				      p->measure->import_line);

	/* Within one import a goal must not contradict itself; across imports it is updated. */
	if (p->goal && p->goal->import_line && pos) {
		kik_goal *goal = p->goal;
		if (d->goal_text && *d->goal_text && *goal->text && strcmp(d->goal_text, goal->text) != 0)
			return kik__error_set(plan, invalid, pos, "goal %u of field %s has another text on line %lu",
					      p->goal_no, p->field->code, goal->import_line);
		if (d->group && *d->group && goal->group && goal->group != p->group)
			return kik__error_set(
			    plan, invalid, pos, "goal %u of field %s is in group '%s' (line %lu), not in '%s'",
			    p->goal_no, p->field->code, goal->group->name, goal->import_line, d->group);
	}
	return 0;
}

static int reserve_one(const kik_allocator *a, kik__vec *v)
{
	return kik__vec_reserve(a, v, v->len + 1);
}

int kik__plan_put_measure(kik_plan *plan, const kik_measure_desc *d, const kik__pos *pos, kik_measure **out)
{
	const kik_allocator *a = &plan->alloc;
	placement p;
	kik_goal *goal;
	kik_group *group;
	kik_measure *m;
	const char *text, *goal_text, *new_group_key = NULL, *goal_key = NULL;
	char key_buf[2048];
	int err = place(plan, d, pos, &p);
	if (err < 0)
		return err;

	/* Make every allocation first, so that linking below cannot fail half-way.
	 * What the arena hands out before a failure is freed with the plan; the arrays
	 * of a new group or goal are not reachable from the plan yet and are freed here. */
	goal = p.goal;
	group = p.group;
	if (p.new_group) {
		group = kik__arena_alloc(a, &plan->arena, sizeof(*group));
		if (!group || !(group->name = arena_copy(plan, d->group)) ||
		    !group_key(key_buf, sizeof(key_buf), p.field->code, d->group) ||
		    !(new_group_key = arena_copy(plan, key_buf)) || reserve_one(a, &p.field->groups) < 0 ||
		    kik__index_reserve(a, &plan->groups_by_key, 1) < 0)
			goto fail;
		group->field = p.field;
	}
	if (group && (!goal || goal->group != group) && reserve_one(a, &group->goals) < 0)
		goto fail;
	if (!goal) {
		goal = kik__arena_alloc(a, &plan->arena, sizeof(*goal));
		if (!goal || !(goal_key = arena_id(plan, p.field->code, '-', p.goal_no, 0)) ||
		    reserve_one(a, &p.field->goals) < 0 || kik__index_reserve(a, &plan->goals_by_key, 1) < 0)
			goto fail;
		goal->number = p.goal_no;
		goal->field = p.field;
		goal->text = "";
	}
	m = p.measure;
	if (!m) {
		m = kik__arena_alloc(a, &plan->arena, sizeof(*m));
		if (!m || !(m->id = arena_id(plan, p.field->code, '-', p.goal_no, p.sub)) ||
		    !(m->number = arena_id(plan, "", 0, p.goal_no, p.sub)) || reserve_one(a, &goal->measures) < 0 ||
		    kik__index_reserve(a, &plan->measures_by_id, 1) < 0 ||
		    kik__vec_reserve(a, &plan->order, plan->measure_count + 1) < 0)
			goto fail;
		m->goal = goal;
	}
	text = strcmp(m->text ? m->text : "", d->text) ? arena_copy(plan, d->text) : m->text;
	goal_text = d->goal_text && *d->goal_text && strcmp(goal->text, d->goal_text) ? arena_copy(plan, d->goal_text)
										      : goal->text;
	if (!text || !goal_text)
		goto fail;

	/* Link: nothing below allocates (the containers have room). */
	if (p.new_group) {
		p.field->groups.items[p.field->groups.len++] = group;
		kik__index_put(a, &plan->groups_by_key, new_group_key, group);
	}
	if (goal_key) {
		p.field->goals.items[p.field->goals.len++] = goal;
		kik__index_put(a, &plan->goals_by_key, goal_key, goal);
	}
	if (group && goal->group != group) {
		if (goal->group)
			remove_goal(&goal->group->goals, goal);
		group->goals.items[group->goals.len++] = goal;
		goal->group = group;
	}
	if (!p.measure) {
		goal->measures.items[goal->measures.len++] = m;
		kik__index_put(a, &plan->measures_by_id, m->id, m);
		p.field->measure_count++;
		plan->measure_count++;
		/* appending to the last goal of the last field keeps document order */
		if (!plan->order_dirty && goal == p.field->goals.items[p.field->goals.len - 1] &&
		    p.field == plan->fields.items[plan->fields.len - 1])
			plan->order.items[plan->order.len++] = m;
		else
			plan->order_dirty = 1;
	}
	m->text = text;
	m->recorded = d->status;
	goal->text = goal_text;
	plan->recent_field = p.field;
	plan->recent_goal = goal;
	plan->recent_group = goal->group;
	if (pos) {
		m->import_line = pos->line;
		if (!goal->import_line)
			goal->import_line = pos->line;
	}
	if (out)
		*out = m;
	return 0;
fail:
	if (p.new_group && group)
		kik__vec_free(a, &group->goals);
	if (!p.goal && goal)
		kik__vec_free(a, &goal->measures);
	return oom(plan, pos);
}

/* Copies the strings of a description without surrounding white space, as the importers
 * see them, so that texts given through the API and through files compare alike. */
static char *trimmed_copy(kik_plan *plan, const kik_measure_desc *in, kik_measure_desc *out)
{
	const char *const src[4] = { in->group, in->goal_text, in->number, in->text };
	const char **dst[4] = { &out->group, &out->goal_text, &out->number, &out->text };
	size_t total = 0, i, len;
	char *buf, *p;
	for (i = 0; i < 4; i++)
		total += src[i] ? strlen(src[i]) + 1 : 0;
	if (!(buf = kik__malloc(&plan->alloc, total + 1)))
		return NULL;
	p = buf;
	for (i = 0; i < 4; i++) {
		const char *s;
		if (!src[i])
			continue;
		len = strlen(src[i]);
		s = kik__trim(src[i], &len);
		memcpy(p, s, len);
		p[len] = '\0';
		*dst[i] = p;
		p += len + 1;
	}
	return buf;
}

int kik_plan_put_measure(kik_plan *plan, const kik_measure_desc *desc, const kik_measure **out)
{
	kik_measure_desc trimmed;
	kik_measure *m;
	char *buf;
	int err;
	if (!plan || !desc)
		return KIK_EINVAL;
	kik__error_clear(plan);
	trimmed = *desc;
	if (!(buf = trimmed_copy(plan, desc, &trimmed)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	err = kik__plan_put_measure(plan, &trimmed, NULL, &m);
	kik__free(&plan->alloc, buf);
	if (err < 0)
		return err;
	kik__plan_reorder(plan);
	if (out)
		*out = m;
	return 0;
}

int kik_plan_set_recorded_status(kik_plan *plan, const char *id, kik_status status)
{
	kik_measure *m;
	if (!plan || !id || (unsigned)status >= KIK_STATUS_COUNT)
		return KIK_EINVAL;
	kik__error_clear(plan);
	m = kik__index_get(&plan->measures_by_id, id);
	if (!m)
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no measure with id '%s'", id);
	m->recorded = status;
	return 0;
}

/* ---- whole plans ------------------------------------------------------- */

int kik__plan_clone(const kik_plan *plan, kik_plan **out)
{
	kik_plan *copy;
	size_t i, j;
	int err = kik_plan_new_with_allocator(&copy, &plan->alloc);
	if (err < 0)
		return err;
	if ((err = kik_plan_set_name(copy, plan->name)) < 0 || (err = kik_plan_set_as_of(copy, plan->as_of)) < 0)
		goto fail;
	for (i = 0; i < plan->fields.len; i++) {
		const kik_field *field = plan->fields.items[i];
		const kik_field *added;
		if ((err = kik_plan_add_field(copy, field->code, field->name, &added)) < 0)
			goto fail;
		for (j = 0; j < field->aliases.len; j++)
			if ((err = kik_plan_add_field_alias(copy, added, field->aliases.items[j])) < 0)
				goto fail;
		if (field->has_published &&
		    (err = kik_plan_set_published(copy, added, field->published, field->published_total)) < 0)
			goto fail;
	}
	copy->rule = plan->rule;
	for (i = 0; i < plan->order.len; i++) {
		const kik_measure *m = plan->order.items[i];
		kik_measure_desc d = KIK_MEASURE_DESC_INIT;
		d.field = m->goal->field->code;
		d.group = m->goal->group ? m->goal->group->name : NULL;
		d.goal = m->goal->number;
		d.goal_text = m->goal->text;
		d.number = m->number;
		d.text = m->text;
		d.status = m->recorded;
		if ((err = kik__plan_put_measure(copy, &d, NULL, NULL)) < 0)
			goto fail;
	}
	kik__plan_reorder(copy);
	/* tasks keep their ids, so that ids held by callers stay valid across imports */
	for (i = 0; i < plan->order.len; i++) {
		const kik_measure *m = plan->order.items[i];
		for (j = 0; j < m->tasks.len; j++) {
			const kik_task *t = m->tasks.items[j];
			kik_task_desc d = KIK_TASK_DESC_INIT;
			d.measure = m->id;
			d.kind = t->kind;
			d.state = t->state;
			d.title = t->title;
			d.due = t->due;
			d.owner = t->owner;
			if ((err = kik__plan_add_task(copy, &d, t->id, NULL, NULL)) < 0)
				goto fail;
		}
	}
	copy->next_task_id = plan->next_task_id;
	*out = copy;
	return 0;
fail:
	kik_plan_free(copy);
	return err;
}

void kik__plan_swap(kik_plan *a, kik_plan *b)
{
	kik_plan tmp = *a;
	kik__error_slot error = a->error;
	*a = *b;
	*b = tmp;
	/* the error details stay with their handle: their pointers point into it */
	b->error = a->error;
	a->error = error;
}
