/* Tasks of measures: adding, updating, removing, looking up. */
#include "internal.h"

#include <string.h>

static int check_desc(kik_plan *plan, const kik_task_desc *d, const kik__pos *pos)
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

/* A task and its strings in one block, so that update and remove free it whole. */
static kik_task *new_task(kik_plan *plan, const kik_task_desc *d, unsigned long id, kik_measure *m)
{
	const char *title = d->title, *due = d->due ? d->due : "", *owner = d->owner ? d->owner : "";
	size_t title_len = strlen(title), due_len = strlen(due), owner_len = strlen(owner);
	kik_task *t;
	char *s;
	title = kik__trim(title, &title_len); /* stored as the importer sees them */
	owner = kik__trim(owner, &owner_len);
	if (title_len > SIZE_MAX / 2 || owner_len > SIZE_MAX / 4)
		return NULL;
	t = kik__malloc(&plan->alloc, sizeof(*t) + title_len + due_len + owner_len + 3);
	if (!t)
		return NULL;
	memset(t, 0, sizeof(*t));
	s = (char *)(t + 1);
	t->title = memcpy(s, title, title_len);
	s[title_len] = '\0';
	t->due = memcpy(s + title_len + 1, due, due_len + 1);
	t->owner = memcpy(s + title_len + due_len + 2, owner, owner_len);
	s[title_len + due_len + 2 + owner_len] = '\0';
	t->id = id;
	t->measure = m;
	t->kind = d->kind;
	t->state = d->state;
	return t;
}

static kik_task *by_id(const kik_plan *plan, unsigned long id)
{
	return id < plan->tasks_by_id.len ? plan->tasks_by_id.items[id] : NULL;
}

/* Makes the id table long enough for `id`, with empty slots in between. */
static int reserve_id(kik_plan *plan, unsigned long id)
{
	kik__vec *v = &plan->tasks_by_id;
	if (id >= SIZE_MAX / sizeof(void *) || kik__vec_reserve(&plan->alloc, v, (size_t)id + 1) < 0)
		return KIK_ENOMEM;
	while (v->len <= id)
		v->items[v->len++] = NULL;
	return 0;
}

static void replace_in_measure(kik_measure *m, kik_task *from, kik_task *to)
{
	size_t i;
	for (i = 0; i < m->tasks.len; i++)
		if (m->tasks.items[i] == from)
			m->tasks.items[i] = to;
}

int kik__plan_add_task(kik_plan *plan, const kik_task_desc *d, unsigned long id, const kik__pos *pos, kik_task **out)
{
	kik_measure *m;
	int err = check_desc(plan, d, pos);
	if (err < 0)
		return err;
	if (!d->measure || !(m = kik__index_get(&plan->measures_by_id, d->measure)))
		return kik__error_set(plan, pos ? KIK_EPARSE : KIK_ENOTFOUND, pos, "no measure with id '%s'",
				      d->measure ? d->measure : "");
	return kik__measure_add_task(plan, m, d, id, pos, out);
}

int kik__measure_add_task(kik_plan *plan, kik_measure *m, const kik_task_desc *d, unsigned long id, const kik__pos *pos,
			  kik_task **out)
{
	kik_task *t;
	int err = check_desc(plan, d, pos);
	if (err < 0)
		return err;
	if (!id)
		id = plan->next_task_id + 1;
	if (kik__vec_reserve(&plan->alloc, &m->tasks, m->tasks.len + 1) < 0 || reserve_id(plan, id) < 0 ||
	    !(t = new_task(plan, d, id, m)))
		return kik__error_set(plan, KIK_ENOMEM, pos, "out of memory");
	m->tasks.items[m->tasks.len++] = t;
	plan->tasks_by_id.items[id] = t;
	if (id > plan->next_task_id)
		plan->next_task_id = id;
	plan->task_count++;
	m->derived = kik__derive(m, plan->rule);
	if (pos)
		t->import_line = pos->line;
	if (out)
		*out = t;
	return 0;
}

int kik__plan_update_task(kik_plan *plan, kik_task *task, const kik_task_desc *d, const kik__pos *pos, kik_task **old)
{
	kik_measure *m = task->measure;
	kik_task *t;
	int err = check_desc(plan, d, pos);
	if (err < 0)
		return err;
	if (!(t = new_task(plan, d, task->id, m)))
		return kik__error_set(plan, KIK_ENOMEM, pos, "out of memory");
	replace_in_measure(m, task, t);
	plan->tasks_by_id.items[task->id] = t;
	t->import_line = pos ? pos->line : task->import_line;
	if (old)
		*old = task;
	else
		kik__free(&plan->alloc, task);
	m->derived = kik__derive(m, plan->rule);
	return 0;
}

void kik__plan_drop_task(kik_plan *plan, kik_task *t)
{
	kik_measure *m = t->measure;
	size_t i;
	for (i = 0; i < m->tasks.len; i++) {
		if (m->tasks.items[i] == t) {
			memmove(m->tasks.items + i, m->tasks.items + i + 1, (m->tasks.len - i - 1) * sizeof(void *));
			m->tasks.len--;
			break;
		}
	}
	plan->tasks_by_id.items[t->id] = NULL;
	plan->task_count--;
	kik__free(&plan->alloc, t);
	m->derived = kik__derive(m, plan->rule);
}

void kik__plan_restore_task(kik_plan *plan, kik_task *current, kik_task *old)
{
	replace_in_measure(current->measure, current, old);
	plan->tasks_by_id.items[old->id] = old;
	old->measure->derived = kik__derive(old->measure, plan->rule);
	kik__free(&plan->alloc, current);
}

int kik_plan_add_task(kik_plan *plan, const kik_task_desc *desc, const kik_task **out)
{
	kik_task *t;
	int err;
	if (!plan)
		return KIK_EINVAL;
	kik__error_clear(plan);
	err = kik__plan_add_task(plan, desc, 0, NULL, &t);
	if (err == 0 && out)
		*out = t;
	return err;
}

int kik_plan_update_task(kik_plan *plan, unsigned long id, const kik_task_desc *desc)
{
	kik_task *t;
	if (!plan)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if (!(t = by_id(plan, id)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no task with id %lu", id);
	return kik__plan_update_task(plan, t, desc, NULL, NULL);
}

int kik_plan_remove_task(kik_plan *plan, unsigned long id)
{
	kik_task *t;
	if (!plan)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if (!(t = by_id(plan, id)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no task with id %lu", id);
	kik__plan_drop_task(plan, t);
	return 0;
}

const kik_task *kik_plan_find_task(const kik_plan *plan, unsigned long id)
{
	return plan ? by_id(plan, id) : NULL;
}

size_t kik_plan_task_count(const kik_plan *plan)
{
	return plan ? plan->task_count : 0;
}

void kik__plan_free_tasks(kik_plan *plan)
{
	size_t i, j;
	for (i = 0; i < plan->order.len; i++) {
		kik_measure *m = plan->order.items[i];
		for (j = 0; j < m->tasks.len; j++)
			kik__free(&plan->alloc, m->tasks.items[j]);
		kik__vec_free(&plan->alloc, &m->tasks);
	}
}

size_t kik_measure_task_count(const kik_measure *m)
{
	return m ? m->tasks.len : 0;
}

const kik_task *kik_measure_task(const kik_measure *m, size_t i)
{
	return m && i < m->tasks.len ? m->tasks.items[i] : NULL;
}

int kik_measure_has_tasks(const kik_measure *m)
{
	return m && m->tasks.len > 0;
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
	return t ? t->kind : KIK_TASK_CONCEPT;
}
kik_task_state kik_task_state_of(const kik_task *t)
{
	return t ? t->state : KIK_TASK_OPEN;
}
const char *kik_task_title(const kik_task *t)
{
	return t ? t->title : "";
}
const char *kik_task_due(const kik_task *t)
{
	return t ? t->due : "";
}
const char *kik_task_owner(const kik_task *t)
{
	return t ? t->owner : "";
}
