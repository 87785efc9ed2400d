/* Tasks of measures: a table of small records, their owner and due date pairs, and the
 * functions that add, update, remove and look them up. */
#include "internal.h"

#include <string.h>

const char *kik__attrs_owner(const kik_plan *plan, uint32_t attrs)
{
	return plan->attrs.strings[attrs];
}

const char *kik__attrs_due(const kik_plan *plan, uint32_t attrs)
{
	const char *owner = plan->attrs.strings[attrs];
	return owner + strlen(owner) + 1;
}

int kik__plan_attrs(kik_plan *plan, const char *owner, const char *due, uint32_t *attrs)
{
	size_t owner_len = strlen(owner), due_len = strlen(due);
	char small[256], *pair = small;
	int err;
	if (owner_len + due_len + 2 > sizeof(small) && !(pair = kik__malloc(&plan->alloc, owner_len + due_len + 2)))
		return KIK_ENOMEM;
	memcpy(pair, owner, owner_len + 1);
	memcpy(pair + owner_len + 1, due, due_len + 1);
	err = kik__intern_put(&plan->alloc, &plan->attrs, &plan->text, pair, owner_len + 1 + due_len, attrs);
	if (pair != small)
		kik__free(&plan->alloc, pair);
	if (err == 0 && *attrs > KIK__TASK_ATTRS_MAX)
		err = KIK_ELIMIT; /* more distinct owner and due date pairs than a task can number */
	return err;
}

int kik__check_task(kik_plan *plan, const kik_task_desc *d, const kik__pos *pos)
{
	int invalid = pos ? KIK_EPARSE : KIK_EINVAL;
	size_t title_len;
	if (!d || d->version < 1)
		return kik__error_set(plan, KIK_EINVAL, pos, "task description without a version");
	if ((unsigned)d->kind >= KIK_TASK_KIND_COUNT || (unsigned)d->state >= KIK_TASK_STATE_COUNT)
		return kik__error_set(plan, KIK_EINVAL, pos, "task kind or state out of range");
	title_len = d->title ? strlen(d->title) : 0;
	if (!d->title || (kik__trim(d->title, &title_len), title_len == 0))
		return kik__error_set(plan, invalid, pos, "a task needs a title");
	if (d->due && *d->due && !kik__is_iso_date(d->due))
		return kik__error_set(plan, invalid, pos, "'%s' is not a due date: expected YYYY-MM-DD", d->due);
	return 0;
}

/* The task with this id and its position. A task sits at position id - 1 unless positions
 * without a task came before it, so the search starts there. */
static kik_task *by_id(const kik_plan *plan, unsigned long id, size_t *position)
{
	size_t low, high;
	kik_task *t;
	if (id == 0 || id > plan->last_task_id || id > plan->tasks.len)
		return NULL;
	low = id - 1;
	high = kik__task_at(plan, low)->id >= id ? low : plan->tasks.len;
	while (low < high) { /* the first position with an id >= id */
		size_t mid = low + (high - low) / 2;
		if (kik__task_at(plan, mid)->id < id)
			low = mid + 1;
		else
			high = mid;
	}
	if (low == plan->tasks.len)
		return NULL;
	t = kik__task_at(plan, low);
	if (t->id != id || !t->measure)
		return NULL;
	if (position)
		*position = low;
	return t;
}

int kik__plan_link_task(kik_plan *plan, size_t position)
{
	kik_task *t = kik__task_at(plan, position);
	return kik__ids_push(&plan->alloc, &t->measure->tasks, (uint32_t)position);
}

/* The title (trimmed, in an allocation of its own: tasks added or changed one by one
 * free it when they change again) and the attrs of a description. */
static int values_of(kik_plan *plan, const kik_task_desc *d, char **title, uint32_t *attrs)
{
	size_t title_len = strlen(d->title), owner_len = d->owner ? strlen(d->owner) : 0;
	const char *t = kik__trim(d->title, &title_len), *owner = d->owner ? kik__trim(d->owner, &owner_len) : "";
	char *owner_copy;
	int err;
	if (!(owner_copy = kik__strndup(&plan->alloc, owner, owner_len)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	err = kik__plan_attrs(plan, owner_copy, d->due ? d->due : "", attrs);
	kik__free(&plan->alloc, owner_copy);
	if (err < 0)
		return kik__error_set(plan, err, NULL,
				      err == KIK_ENOMEM ? "out of memory" : "too many distinct owners");
	if (!(*title = kik__strndup(&plan->alloc, t, title_len)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	return 0;
}

int kik_plan_add_task(kik_plan *plan, const kik_task_desc *desc, const kik_task **out)
{
	kik_measure *m;
	kik_task *t;
	char *title;
	uint32_t attrs, position;
	int err;
	if (!plan)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if ((err = kik__check_task(plan, desc, NULL)) < 0)
		return err;
	if (!desc->measure || !(m = (kik_measure *)kik_plan_find_measure(plan, desc->measure)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no measure with id '%s'",
				      desc->measure ? desc->measure : "");
	if ((err = values_of(plan, desc, &title, &attrs)) < 0)
		return err;
	position = (uint32_t)plan->tasks.len;
	if (kik__ids_prepare(&plan->alloc, &m->tasks, position) < 0 ||
	    !(t = kik__table_push(&plan->alloc, &plan->arena, &plan->tasks))) {
		kik__free(&plan->alloc, title);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	t->title = title;
	t->measure = m;
	t->id = ++plan->last_task_id;
	t->bits = kik__task_bits(desc->kind, desc->state, KIK__TASK_OWN_TITLE, attrs);
	kik__ids_push(&plan->alloc, &m->tasks, position);
	plan->task_count++;
	m->derived = (uint8_t)kik__derive(m, plan->rule);
	if (out)
		*out = t;
	return 0;
}

int kik_plan_update_task(kik_plan *plan, unsigned long id, const kik_task_desc *desc)
{
	kik_task *t;
	char *title;
	uint32_t attrs;
	int err;
	if (!plan)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if (!(t = by_id(plan, id, NULL)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no task with id %lu", id);
	if ((err = kik__check_task(plan, desc, NULL)) < 0 || (err = values_of(plan, desc, &title, &attrs)) < 0)
		return err;
	if (t->bits & KIK__TASK_OWN_TITLE)
		kik__free(&plan->alloc, (char *)t->title);
	t->title = title;
	t->bits = kik__task_bits(desc->kind, desc->state, KIK__TASK_OWN_TITLE, attrs);
	t->measure->derived = (uint8_t)kik__derive(t->measure, plan->rule);
	return 0;
}

int kik_plan_remove_task(kik_plan *plan, unsigned long id)
{
	kik_measure *m;
	kik_task *t;
	size_t i, position = 0;
	if (!plan)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if (!(t = by_id(plan, id, &position)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no task with id %lu", id);
	m = t->measure;
	for (i = 0; kik__ids_at(&m->tasks, i) != position; i++)
		;
	if (kik__ids_remove_at(&plan->alloc, &m->tasks, i) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	if (t->bits & KIK__TASK_OWN_TITLE)
		kik__free(&plan->alloc, (char *)t->title);
	t->measure = NULL; /* a hole, which keeps its id: the id is never given again */
	t->title = NULL;
	t->bits = 0;
	plan->task_count--;
	m->derived = (uint8_t)kik__derive(m, plan->rule);
	return 0;
}

const kik_task *kik_plan_find_task(const kik_plan *plan, unsigned long id)
{
	return plan ? by_id(plan, id, NULL) : NULL;
}

size_t kik_plan_task_count(const kik_plan *plan)
{
	return plan ? plan->task_count : 0;
}

void kik__plan_free_tasks(kik_plan *plan)
{
	size_t i;
	for (i = 0; i < plan->tasks.len; i++) {
		kik_task *t = kik__task_at(plan, i);
		if (t->bits & KIK__TASK_OWN_TITLE)
			kik__free(&plan->alloc, (char *)t->title);
	}
	for (i = 0; i < plan->measures.len; i++)
		kik__ids_free(&plan->alloc, &kik__measure_at(plan, i)->tasks);
	kik__table_free(&plan->alloc, &plan->tasks);
	kik__intern_free(&plan->alloc, &plan->attrs);
}

size_t kik_measure_task_count(const kik_measure *m)
{
	return m ? m->tasks.count : 0;
}

const kik_task *kik_measure_task(const kik_measure *m, size_t i)
{
	return m && i < m->tasks.count ? kik__measure_task(m, i) : NULL;
}

int kik_measure_has_tasks(const kik_measure *m)
{
	return m && m->tasks.count > 0;
}

unsigned long kik_task_id(const kik_task *t)
{
	return t ? t->id : 0;
}
const kik_measure *kik_task_measure(const kik_task *t)
{
	return t ? t->measure : NULL;
}
kik_task_kind kik_task_kind_of(const kik_task *t)
{
	return t ? KIK__TASK_KIND(t) : KIK_TASK_CONCEPT;
}
kik_task_state kik_task_state_of(const kik_task *t)
{
	return t ? KIK__TASK_STATE(t) : KIK_TASK_OPEN;
}
const char *kik_task_title(const kik_task *t)
{
	return t ? t->title : "";
}
const char *kik_task_due(const kik_task *t)
{
	return t ? kik__attrs_due(t->measure->goal->field->plan, KIK__TASK_ATTRS(t)) : "";
}
const char *kik_task_owner(const kik_task *t)
{
	return t ? kik__attrs_owner(t->measure->goal->field->plan, KIK__TASK_ATTRS(t)) : "";
}
