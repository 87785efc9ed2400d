/* Adding and updating measures (with their goals and groups), looking them up, and
 * copying whole plans. */
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

/* ---- look-ups: field, then goal by number, then measure by number ------------ */

kik_goal *kik__field_find_goal(const kik_field *field, unsigned number)
{
	size_t lo = 0, hi = field->goals.len;
	if (!field->by_number)
		return kik__numbers_get(&field->plan->by_number, field, number);
	while (lo < hi) {
		kik_goal *goal = field->goals.items[(lo + hi) / 2];
		if (goal->number == number)
			return goal;
		if (goal->number < number)
			lo = (lo + hi) / 2 + 1;
		else
			hi = (lo + hi) / 2;
	}
	return NULL;
}

kik_measure *kik__goal_find_measure(const kik_goal *goal, unsigned sub)
{
	size_t lo = 0, hi = goal->measures.count;
	if (!goal->by_number)
		return kik__numbers_get(&goal->field->plan->by_number, goal, sub);
	while (lo < hi) {
		kik_measure *m = kik__goal_measure(goal, (lo + hi) / 2);
		if (m->sub == sub)
			return m;
		if (m->sub < sub)
			lo = (lo + hi) / 2 + 1;
		else
			hi = (lo + hi) / 2;
	}
	return NULL;
}

kik_measure *kik__find_measure(const kik_plan *plan, const kik_field *field, unsigned goal, unsigned sub)
{
	const kik_goal *g = plan->recent_goal;
	if (!g || g->field != field || g->number != goal)
		g = kik__field_find_goal(field, goal);
	return g ? kik__goal_find_measure(g, sub) : NULL;
}

/* ---- putting a measure ------------------------------------------------------- */

static char *text_copy(kik_plan *plan, const char *s)
{
	return kik__arena_strndup(&plan->alloc, &plan->text, s, strlen(s));
}

size_t kik__group_key(char *out, size_t cap, const char *code, const char *group)
{
	size_t a = strlen(code), b = strlen(group);
	if (a + b + 2 > cap)
		return 0;
	memcpy(out, code, a);
	out[a] = '\n';
	memcpy(out + a + 1, group, b + 1);
	return a + b + 1;
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

static int place(kik_plan *plan, const kik_measure_desc *d, unsigned sub, const kik__pos *pos, int how, placement *p)
{
	/* bad content is invalid input in a file, a bad argument in a direct call */
	int invalid = pos ? KIK_EPARSE : KIK_EINVAL;
	char key[2048];
	if (!d || d->version < 1 || d->version > KIK_MEASURE_DESC_VERSION)
		return kik__error_set(plan, KIK_EINVAL, pos, "a measure description of version %u: expected 1 to %u",
				      d ? d->version : 0, KIK_MEASURE_DESC_VERSION);
	if (!d->field || (!d->number && !sub) || !d->text || (unsigned)d->status >= KIK_STATUS_COUNT)
		return kik__error_set(plan, invalid, pos, "a measure needs a field, a number, a text and a status");
	if (how != KIK__PUT_OWNED && !*d->text)
		return kik__error_set(plan, invalid, pos, "measure %s has no text", d->number ? d->number : "");
	if (plan->recent_field &&
	    (plan->recent_field->code == d->field || strcmp(plan->recent_field->code, d->field) == 0))
		p->field = plan->recent_field;
	else if (!(p->field = kik__plan_find_field(plan, d->field)))
		return kik__error_set(plan, invalid, pos, "unknown field '%s'", d->field);
	if (sub) {
		p->goal_no = d->goal;
		p->sub = sub;
	} else if (kik__parse_measure_number(d->number, &p->goal_no, &p->sub) < 0) {
		return kik__error_set(plan, invalid, pos, "'%s' is not a measure number: expected GOAL.N, e.g. 4.6",
				      d->number);
	}
	if (d->goal && d->goal != p->goal_no)
		return kik__error_set(plan, invalid, pos, "measure %s does not belong to goal %u", d->number, d->goal);

	if (plan->recent_goal && plan->recent_goal->field == p->field && plan->recent_goal->number == p->goal_no)
		p->goal = plan->recent_goal;
	else
		p->goal = kik__field_find_goal(p->field, p->goal_no);
	p->group = NULL;
	p->new_group = 0;
	if (d->group && *d->group) {
		kik_group *recent = plan->recent_group;
		if (recent && recent->field == p->field &&
		    (recent->name == d->group || strcmp(recent->name, d->group) == 0)) {
			p->group = recent;
		} else {
			if (!kik__group_key(key, sizeof(key), p->field->code, d->group))
				return kik__error_set(plan, invalid, pos, "the name of group '%.40s...' is too long",
						      d->group);
			p->group = kik__index_get(&plan->groups_by_key, key);
			p->new_group = p->group == NULL;
		}
	}
	p->measure = p->goal ? kik__goal_find_measure(p->goal, p->sub) : NULL;
	if (p->measure && how == KIK__PUT_NEW)
		return kik__error_set(plan, KIK_EEXISTS, pos, "the plan has measure %s already", p->measure->id);
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

/* How many entries of plan->by_number a new child numbered `number` needs: its own when
 * its parent's children are out of order already, or all of them when it breaks the order. */
static size_t unordered_entries(int by_number, size_t count, unsigned last, unsigned number)
{
	if (!by_number)
		return 1;
	return count && last >= number ? count + 1 : 0;
}

static unsigned last_goal_number(const kik_field *field)
{
	return field->goals.len ? ((const kik_goal *)field->goals.items[field->goals.len - 1])->number : 0;
}

static unsigned last_sub(const kik_goal *goal)
{
	return goal->measures.count ? kik__goal_measure(goal, goal->measures.count - 1)->sub : 0;
}

/* Puts every goal of the field into plan->by_number (entries reserved): out of order from
 * now on, bisecting is over. */
static void unorder_goals(kik_plan *plan, kik_field *field)
{
	size_t i;
	for (i = 0; i < field->goals.len; i++)
		kik__numbers_put(&plan->by_number, field, ((kik_goal *)field->goals.items[i])->number,
				 field->goals.items[i]);
	field->by_number = 0;
}

static void unorder_measures(kik_plan *plan, kik_goal *goal)
{
	size_t i;
	for (i = 0; i < goal->measures.count; i++)
		kik__numbers_put(&plan->by_number, goal, kik__goal_measure(goal, i)->sub, kik__goal_measure(goal, i));
	goal->by_number = 0;
}

/* Adds a new goal to its field's look-up by number (entries reserved). */
static void index_goal(kik_plan *plan, kik_field *field, kik_goal *goal)
{
	if (field->by_number && field->goals.len && last_goal_number(field) > goal->number)
		unorder_goals(plan, field);
	if (!field->by_number)
		kik__numbers_put(&plan->by_number, field, goal->number, goal);
}

/* Adds a new measure to its goal's look-up by number (entries reserved). */
static void index_measure(kik_plan *plan, kik_goal *goal, kik_measure *m)
{
	if (goal->by_number && goal->measures.count && last_sub(goal) > m->sub)
		unorder_measures(plan, goal);
	if (!goal->by_number)
		kik__numbers_put(&plan->by_number, goal, m->sub, m);
}

int kik__field_index_goal(kik_plan *plan, kik_field *field, kik_goal *goal)
{
	size_t entries = unordered_entries(field->by_number, field->goals.len, last_goal_number(field), goal->number);
	if (entries && kik__numbers_reserve(&plan->alloc, &plan->by_number, entries) < 0)
		return KIK_ENOMEM;
	index_goal(plan, field, goal);
	return 0;
}

int kik__field_reindex_goals(kik_plan *plan, kik_field *field)
{
	size_t i;
	for (i = 1; field->by_number && i < field->goals.len; i++) {
		if (((kik_goal *)field->goals.items[i - 1])->number < ((kik_goal *)field->goals.items[i])->number)
			continue;
		if (kik__numbers_reserve(&plan->alloc, &plan->by_number, field->goals.len) < 0)
			return KIK_ENOMEM;
		unorder_goals(plan, field);
	}
	return 0;
}

int kik__goal_reindex_measures(kik_plan *plan, kik_goal *goal)
{
	size_t i;
	for (i = 1; goal->by_number && i < goal->measures.count; i++) {
		if (kik__goal_measure(goal, i - 1)->sub < kik__goal_measure(goal, i)->sub)
			continue;
		if (kik__numbers_reserve(&plan->alloc, &plan->by_number, goal->measures.count) < 0)
			return KIK_ENOMEM;
		unorder_measures(plan, goal);
	}
	return 0;
}

/* Whether a new measure of `goal` (the field's last goal if new) ends the document. */
static int ends_document(const kik_plan *plan, const kik_field *field, const kik_goal *goal)
{
	return field == plan->fields.items[plan->fields.len - 1] &&
	       (!goal || goal == field->goals.items[field->goals.len - 1]);
}

/* Room in plan->order for one more measure, when the order is or will be kept there. */
static int reserve_order(kik_plan *plan, int keeps_order)
{
	size_t need = plan->measure_count + 1;
	uint32_t *order;
	if ((keeps_order && !plan->order && !plan->order_dirty) || need <= plan->order_cap)
		return 0;
	if (need < plan->order_cap * 2)
		need = plan->order_cap * 2;
	if (need > SIZE_MAX / sizeof(uint32_t) || !(order = kik__realloc(&plan->alloc, plan->order, need * 4)))
		return KIK_ENOMEM;
	plan->order = order;
	plan->order_cap = need;
	return 0;
}

int kik__plan_put_measure(kik_plan *plan, const kik_measure_desc *d, unsigned sub, const kik__pos *pos, int how,
			  kik_measure **out)
{
	const kik_allocator *a = &plan->alloc;
	placement p;
	kik_goal *goal;
	kik_group *group;
	kik_measure *m;
	const char *text, *goal_text, *new_group_key = NULL;
	uint32_t position = (uint32_t)plan->measures.len;
	char key_buf[2048], id[64];
	int err = place(plan, d, sub, pos, how, &p), keeps_order;
	if (err < 0)
		return err;

	/* Make every allocation first, so that linking below cannot fail half-way.
	 * What the arenas hand out before a failure is freed with the plan; the arrays
	 * of a new group or goal are not reachable from the plan yet and are freed here. */
	goal = p.goal;
	group = p.group;
	/* without an order array, positions are the document's: only with no removed places */
	keeps_order = ends_document(plan, p.field, goal) && (plan->order || plan->measures.len == plan->measure_count);
	if (p.new_group) {
		group = kik__arena_alloc(a, &plan->arena, sizeof(*group));
		if (!group || !(group->name = text_copy(plan, d->group)) ||
		    !kik__group_key(key_buf, sizeof(key_buf), p.field->code, d->group) ||
		    !(new_group_key = text_copy(plan, key_buf)) || reserve_one(a, &p.field->groups) < 0 ||
		    kik__index_reserve(a, &plan->groups_by_key, 1) < 0)
			goto fail;
		group->field = p.field;
	}
	if (group && (!goal || goal->group != group) && reserve_one(a, &group->goals) < 0)
		goto fail;
	if (!goal) {
		goal = kik__arena_alloc(a, &plan->arena, sizeof(*goal));
		if (!goal || reserve_one(a, &p.field->goals) < 0)
			goto fail;
		goal->number = p.goal_no;
		goal->by_number = 1;
		goal->field = p.field;
		goal->text = "";
	}
	m = p.measure;
	if (!m) {
		size_t entries = unordered_entries(goal->by_number, goal->measures.count, last_sub(goal), p.sub);
		if (!p.goal)
			entries += unordered_entries(p.field->by_number, p.field->goals.len, last_goal_number(p.field),
						     p.goal_no);
		if (!kik__format_id(id, sizeof(id), p.field->code, '-', p.goal_no, p.sub) ||
		    (entries && kik__numbers_reserve(a, &plan->by_number, entries) < 0) ||
		    kik__ids_prepare(a, &goal->measures, position) < 0 || reserve_order(plan, keeps_order) < 0 ||
		    !(text = text_copy(plan, id)) || !(m = kik__table_push(a, &plan->arena, &plan->measures)))
			goto fail;
		m->id = text;
		m->goal = goal;
		m->sub = p.sub;
	}
	if (how == KIK__PUT_OWNED) {
		text = d->text;
		goal_text = d->goal_text ? d->goal_text : goal->text;
	} else {
		text = strcmp(m->text ? m->text : "", d->text) ? text_copy(plan, d->text) : m->text;
		goal_text = d->goal_text && *d->goal_text && strcmp(goal->text, d->goal_text)
				? text_copy(plan, d->goal_text)
				: goal->text;
	}
	if (!text || !goal_text) {
		if (!p.measure) /* the record just pushed */
			kik__table_truncate(&plan->measures, position);
		goto fail;
	}

	/* Link: nothing below allocates (the containers have room). */
	if (p.new_group) {
		p.field->groups.items[p.field->groups.len++] = group;
		kik__index_put(a, &plan->groups_by_key, new_group_key, group);
	}
	if (!p.goal) {
		index_goal(plan, p.field, goal);
		p.field->goals.items[p.field->goals.len++] = goal;
	}
	if (group && goal->group != group) {
		if (goal->group)
			remove_goal(&goal->group->goals, goal);
		group->goals.items[group->goals.len++] = goal;
		goal->group = group;
	}
	if (!p.measure) {
		index_measure(plan, goal, m);
		kik__ids_push(a, &goal->measures, position);
		if (plan->order && !plan->order_dirty && keeps_order)
			plan->order[plan->measure_count] = position;
		plan->order_dirty |= !keeps_order;
		p.field->measure_count++;
		plan->measure_count++;
	}
	m->text = text;
	m->recorded = (uint8_t)d->status;
	if (!m->tasks.count)
		m->derived = m->recorded;
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
		kik__ids_free(a, &goal->measures);
	return kik__error_set(plan, KIK_ENOMEM, pos, "out of memory");
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

/* kik_plan_add_measure() and kik_plan_put_measure(): `create_only` refuses an existing id. */
static int put_measure(kik_plan *plan, const kik_measure_desc *desc, int create_only, const kik_measure **out)
{
	kik_measure_desc trimmed;
	kik_measure *m;
	char *buf;
	int err;
	kik__error_clear(plan);
	if (!plan || !desc)
		return kik__error_arg(plan ? "the measure description is NULL" : "the plan is NULL");
	if (desc->version < 1 || desc->version > KIK_MEASURE_DESC_VERSION)
		return kik__error_set(plan, KIK_EINVAL, NULL, "a measure description of version %u: expected 1 to %u",
				      desc->version, KIK_MEASURE_DESC_VERSION);
	if ((desc->field && kik__check_text(desc->field, "the field") < 0) ||
	    (desc->group && kik__check_text(desc->group, "the group") < 0) ||
	    (desc->goal_text && kik__check_text(desc->goal_text, "the goal text") < 0) ||
	    (desc->number && kik__check_text(desc->number, "the number") < 0) ||
	    (desc->text && kik__check_text(desc->text, "the text") < 0))
		return KIK_EINVAL;
	trimmed = *desc;
	if (!(buf = trimmed_copy(plan, desc, &trimmed)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	if (trimmed.group && strcmp(trimmed.group, "-") == 0) { /* what files write for "no group" */
		kik__free(&plan->alloc, buf);
		return kik__error_set(plan, KIK_EINVAL, NULL,
				      "a group cannot be named '-': files read it as no group (pass NULL for none)");
	}
	err = kik__plan_put_measure(plan, &trimmed, 0, NULL, create_only ? KIK__PUT_NEW : KIK__PUT_COPY, &m);
	kik__free(&plan->alloc, buf);
	if (err < 0)
		return err;
	kik__plan_reorder(plan);
	if (out)
		*out = m;
	return 0;
}

int kik_plan_add_measure(kik_plan *plan, const kik_measure_desc *desc, const kik_measure **out)
{
	return put_measure(plan, desc, 1, out);
}

int kik_plan_put_measure(kik_plan *plan, const kik_measure_desc *desc, const kik_measure **out)
{
	return put_measure(plan, desc, 0, out);
}

/* The measure an id "SB-4.6" names (the field code in any case), or NULL. */
static kik_measure *by_id(const kik_plan *plan, const char *id)
{
	const char *dash = strrchr(id, '-');
	const kik_field *field;
	char code[17]; /* codes have at most 16 letters or digits */
	unsigned goal, sub;
	size_t k, n = dash ? (size_t)(dash - id) : 0;
	if (!dash || n >= sizeof(code) || kik__parse_measure_number(dash + 1, &goal, &sub) < 0)
		return NULL;
	memcpy(code, id, n);
	code[n] = '\0';
	/* the field the code folds to: the one with that code, or one with such a name */
	if (!(field = kik__plan_find_field(plan, code)) || strlen(field->code) != n)
		return NULL;
	for (k = 0; k < n && (id[k] | 0x20) == (field->code[k] | 0x20); k++)
		;
	return k == n ? kik__find_measure(plan, field, goal, sub) : NULL;
}

const kik_measure *kik_plan_find_measure(const kik_plan *plan, const char *id)
{
	return plan && id ? by_id(plan, id) : NULL;
}

int kik_plan_set_recorded_status(kik_plan *plan, const char *id, kik_status status, kik_status *counted)
{
	kik_measure *m;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(id, "the measure id") < 0)
		return KIK_EINVAL;
	if ((unsigned)status >= KIK_STATUS_COUNT)
		return kik__error_set(plan, KIK_EINVAL, NULL, "status %d out of range", (int)status);
	if (!(m = by_id(plan, id)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no measure with id '%s'", id);
	m->recorded = (uint8_t)status;
	if (!m->tasks.count)
		m->derived = m->recorded;
	if (counted)
		*counted = kik_measure_status(m);
	return 0;
}

/* ---- removing ----------------------------------------------------------------- */

static size_t position_in(const kik__ids *l, uint32_t position)
{
	size_t i;
	for (i = 0; kik__ids_at(l, i) != position; i++)
		;
	return i;
}

int kik_plan_remove_measure(kik_plan *plan, const char *id)
{
	kik_measure *m;
	kik_goal *goal;
	uint32_t position;
	size_t i;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(id, "the measure id") < 0)
		return KIK_EINVAL;
	if (!(m = by_id(plan, id)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no measure with id '%s'", id);
	goal = m->goal;
	for (i = 0; kik__goal_measure(goal, i) != m; i++)
		;
	position = kik__ids_at(&goal->measures, i);
	/* the memory first: the goal's list, the room for the document order (which the place
	 * left behind keeps from being the order added) */
	if (kik__ids_prepare_remove(&plan->alloc, &goal->measures, position_in(&goal->measures, position)) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	if (!plan->order) {
		if (!(plan->order = kik__malloc(&plan->alloc, plan->measure_count * sizeof(uint32_t))))
			return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
		plan->order_cap = plan->measure_count;
	}
	kik__content_forget(plan, NULL, NULL, m); /* its note; projects and rounds lose it */
	while (m->tasks.count) {                  /* from the end: nothing in the list moves, nothing is allocated */
		i = m->tasks.count - 1;
		kik__task_drop(plan, kik__ids_at(&m->tasks, i), i);
	}
	kik__ids_free(&plan->alloc, &m->tasks);
	kik__ids_remove_at(&plan->alloc, &goal->measures, position_in(&goal->measures, position));
	if (!goal->by_number)
		kik__numbers_remove(&plan->by_number, goal, m->sub);
	m->goal = NULL; /* a hole in plan->measures */
	goal->field->measure_count--;
	plan->measure_count--;
	plan->order_dirty = 1;
	kik__plan_reorder(plan);
	return 0;
}

kik_goal *kik__plan_goal_of(kik_plan *plan, const char *field, unsigned number)
{
	kik_field *f = kik__plan_field_by_code(plan, field);
	kik_goal *goal;
	if (!f)
		return NULL;
	if (!(goal = kik__field_find_goal(f, number)))
		kik__error_set(plan, KIK_ENOTFOUND, NULL, "field '%s' has no goal %u", f->code, number);
	return goal;
}

int kik_plan_set_goal_text(kik_plan *plan, const char *field, unsigned number, const char *text)
{
	kik_goal *goal;
	char *copy;
	size_t len;
	const char *t;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(text, "the goal text") < 0)
		return KIK_EINVAL;
	if (!(goal = kik__plan_goal_of(plan, field, number)))
		return kik_error_last()->code;
	len = strlen(text);
	t = kik__trim(text, &len);
	if (!(copy = kik__arena_strndup(&plan->alloc, &plan->text, t, len)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	goal->text = copy;
	return 0;
}

int kik_plan_remove_goal(kik_plan *plan, const char *field, unsigned number)
{
	kik_goal *goal;
	kik_field *f;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(goal = kik__plan_goal_of(plan, field, number)))
		return kik_error_last()->code;
	if (goal->measures.count)
		return kik__error_set(plan, KIK_ENOTEMPTY, NULL, "goal %u of field '%s' still has %u measures", number,
				      goal->field->code, goal->measures.count);
	kik__content_forget(plan, NULL, goal, NULL);
	f = goal->field;
	remove_goal(&f->goals, goal); /* the field's goals stay in increasing order if they were */
	if (!f->by_number)
		kik__numbers_remove(&plan->by_number, f, goal->number);
	if (goal->group)
		remove_goal(&goal->group->goals, goal);
	if (plan->recent_goal == goal)
		plan->recent_goal = NULL;
	kik__ids_free(&plan->alloc, &goal->measures);
	return 0;
}

void kik__plan_forget_group(kik_plan *plan, kik_group *group)
{
	char key[2048];
	if (kik__group_key(key, sizeof(key), group->field->code, group->name))
		kik__index_remove(&plan->groups_by_key, key);
	if (plan->recent_group == group)
		plan->recent_group = NULL;
	kik__vec_free(&plan->alloc, &group->goals);
}

int kik_plan_remove_group(kik_plan *plan, const char *field, const char *name)
{
	kik_field *f;
	kik_group *group;
	size_t i;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(f = kik__plan_field_by_code(plan, field)))
		return kik_error_last()->code;
	if (kik__check_text(name, "the group name") < 0)
		return KIK_EINVAL;
	if (!(group = (kik_group *)kik_field_find_group(f, name)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "field '%s' has no group '%s'", f->code, name);
	if (group->goals.len)
		return kik__error_set(plan, KIK_ENOTEMPTY, NULL, "group '%s' still has %zu goals", name,
				      group->goals.len);
	for (i = 0; f->groups.items[i] != group; i++)
		;
	memmove(f->groups.items + i, f->groups.items + i + 1, (f->groups.len - i - 1) * sizeof(void *));
	f->groups.len--;
	kik__plan_forget_group(plan, group);
	return 0;
}

/* ---- whole plans ------------------------------------------------------- */

/* The measure of `copy` that stands where `m` stands in its plan. */
static kik_measure *counterpart(const kik_plan *copy, const kik_measure *m)
{
	const kik_goal *goal = m->goal;
	return kik__find_measure(copy, kik__plan_find_field(copy, goal->field->code), goal->number, m->sub);
}

/* Copies the tasks of `plan` into `copy` at the same positions (so that they keep their
 * ids and order), then gives each measure its tasks in the same order. */
static int clone_tasks(const kik_plan *plan, kik_plan *copy)
{
	size_t i, j;
	for (i = 0; i < plan->tasks.len; i++) {
		const kik_task *t = kik__task_at(plan, i);
		kik_task *c = kik__table_push(&copy->alloc, &copy->arena, &copy->tasks);
		uint32_t attrs;
		if (!c)
			return KIK_ENOMEM;
		c->id = t->id;
		if (!t->measure)
			continue; /* a hole stays a hole */
		if (!(c->title = text_copy(copy, t->title)) ||
		    kik__plan_attrs(copy, kik__attrs_owner(plan, KIK__TASK_ATTRS(t)),
				    kik__attrs_due(plan, KIK__TASK_ATTRS(t)), &attrs) < 0)
			return KIK_ENOMEM;
		c->measure = counterpart(copy, t->measure);
		c->bits = kik__task_bits(KIK__TASK_KIND(t), KIK__TASK_STATE(t), 0, attrs);
		copy->task_count++;
	}
	for (i = 0; i < plan->measure_count; i++) {
		const kik_measure *m = kik__plan_measure(plan, i);
		kik_measure *c = counterpart(copy, m);
		for (j = 0; j < m->tasks.count; j++)
			if (kik__ids_push(&copy->alloc, &c->tasks, kik__ids_at(&m->tasks, j)) < 0)
				return KIK_ENOMEM;
		c->derived = (uint8_t)kik__derive(c, copy->rule);
	}
	copy->last_task_id = plan->last_task_id;
	return kik__task_indexes_build(copy);
}

/* Copies the fields with their aliases and published figures. */
static int clone_fields(const kik_plan *plan, kik_plan *copy)
{
	size_t i, j;
	int err;
	for (i = 0; i < plan->fields.len; i++) {
		const kik_field *field = plan->fields.items[i];
		const kik_field *added;
		kik_field *f;
		if ((err = kik_plan_add_field(copy, field->code, field->name, &added)) < 0)
			return err;
		f = (kik_field *)added;
		for (j = 0; j < field->aliases.len; j++)
			if ((err = kik__plan_add_alias(copy, f, field->aliases.items[j])) < 0)
				return err;
		f->has_published = field->has_published;
		memcpy(f->published, field->published, sizeof(f->published));
		f->published_total = field->published_total;
	}
	return 0;
}

int kik__plan_clone(const kik_plan *plan, kik_plan **out)
{
	kik_plan *copy;
	size_t i;
	int err = kik_plan_new_with_allocator(&copy, &plan->alloc);
	if (err < 0)
		return err;
	if ((plan->name && (err = kik_plan_set_name(copy, plan->name)) < 0) ||
	    (plan->as_of && (err = kik_plan_set_as_of(copy, plan->as_of)) < 0) || (err = clone_fields(plan, copy)) < 0)
		goto fail;
	copy->rule = plan->rule;
	for (i = 0; i < plan->measure_count; i++) {
		const kik_measure *m = kik__plan_measure(plan, i);
		kik_measure_desc d = KIK_MEASURE_DESC_INIT;
		d.field = m->goal->field->code;
		d.group = m->goal->group ? m->goal->group->name : NULL;
		d.goal = m->goal->number;
		d.goal_text = m->goal->text;
		d.number = kik_measure_number(m);
		d.text = m->text;
		d.status = (kik_status)m->recorded;
		if ((err = kik__plan_put_measure(copy, &d, 0, NULL, KIK__PUT_COPY, NULL)) < 0)
			goto fail;
	}
	kik__plan_reorder(copy);
	if ((err = clone_tasks(plan, copy)) < 0 || (err = kik__content_clone(plan, copy)) < 0)
		goto fail;
	*out = copy;
	return 0;
fail:
	kik_plan_free(copy);
	return err == KIK_ENOMEM ? kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory") : err;
}

int kik_plan_copy(const kik_plan *plan, kik_plan **out)
{
	kik__error_clear(plan);
	if (!plan || !out)
		return kik__error_arg(plan ? "out is NULL" : "the plan is NULL");
	return kik__plan_clone(plan, out);
}

void kik__plan_swap(kik_plan *a, kik_plan *b)
{
	kik_plan tmp = *a;
	size_t i;
	*a = *b;
	*b = tmp;
	for (i = 0; i < a->fields.len; i++)
		((kik_field *)a->fields.items[i])->plan = a;
	for (i = 0; i < b->fields.len; i++)
		((kik_field *)b->fields.items[i])->plan = b;
}
