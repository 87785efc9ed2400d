/* Tasks of measures: their owner and due date pairs, and the functions that add, change,
 * remove, look up and list them. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int kik__check_task(kik_plan *plan, const kik_task_desc *d, const kik__pos *pos)
{
	int invalid = pos ? KIK_EPARSE : KIK_EINVAL;
	size_t title_len;
	if (!d)
		return kik__error_arg("the task description is NULL");
	if (d->version < 1 || d->version > KIK_TASK_DESC_VERSION)
		return kik__error_set(plan, KIK_EINVAL, pos, "task description of version %u: expected 1 to %u",
				      d->version, KIK_TASK_DESC_VERSION);
	if ((unsigned)d->kind >= KIK_TASK_KIND_COUNT || (unsigned)d->state >= KIK_TASK_STATE_COUNT)
		return kik__error_set(plan, KIK_EINVAL, pos, "task kind %d or state %d out of range", (int)d->kind,
				      (int)d->state);
	if (!pos && (kik__check_text(d->title, "the task's title") < 0 ||
		     (d->measure && kik__check_text(d->measure, "the task's measure") < 0) ||
		     (d->due && kik__check_text(d->due, "the task's due date") < 0) ||
		     (d->owner && kik__check_text(d->owner, "the task's owner") < 0)))
		return KIK_EINVAL;
	title_len = d->title ? strlen(d->title) : 0;
	if (!d->title || (kik__trim(d->title, &title_len), title_len == 0))
		return kik__error_set(plan, invalid, pos, "a task needs a title");
	if (d->due && *d->due && !kik__is_iso_date(d->due))
		return kik__error_set(plan, invalid, pos, "'%s' is not a due date: expected YYYY-MM-DD", d->due);
	return 0;
}

/* ---- values of a task ------------------------------------------------------------ */

/* The attrs number of a pair of owner (trimmed) and due date; errors set. */
static int attrs_of(kik_plan *plan, const char *owner, const char *due, uint32_t *attrs)
{
	size_t owner_len = strlen(owner);
	const char *o = kik__trim(owner, &owner_len);
	char *owner_copy;
	int err;
	if (!(owner_copy = kik__strndup(&plan->alloc, o, owner_len)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	err = kik__plan_attrs_edit(plan, owner_copy, due, attrs);
	kik__free(&plan->alloc, owner_copy);
	if (err < 0)
		return kik__error_set(plan, err, NULL,
				      err == KIK_ENOMEM ? "out of memory"
							: "too many distinct pairs of owner and due date");
	return 0;
}

/* A title trimmed, in an allocation of its own (a task changed one by one frees it when
 * it changes again); errors set. */
static int title_of(kik_plan *plan, const char *title, char **out)
{
	size_t len = strlen(title);
	const char *t = kik__trim(title, &len);
	if (!(*out = kik__strndup(&plan->alloc, t, len)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	return 0;
}

static void set_title(kik_plan *plan, kik_task *t, char *title)
{
	if (t->bits & KIK__TASK_OWN_TITLE)
		kik__free(&plan->alloc, (char *)t->title);
	t->title = title;
	t->bits |= KIK__TASK_OWN_TITLE;
}

static kik_task *find_or_fail(kik_plan *plan, unsigned long id, size_t *position)
{
	kik_task *t = kik__task_by_id(plan, id, position);
	if (!t)
		kik__error_set(plan, KIK_ENOTFOUND, NULL, "no task with id %lu", id);
	return t;
}

/* KIK_EEXISTS when `m` has a task of this kind and title other than the one at `self`. */
static int key_taken(kik_plan *plan, const kik_measure *m, kik_task_kind kind, const char *title, long self)
{
	size_t len = strlen(title);
	const char *t = kik__trim(title, &len);
	long found = kik__task_by_key(plan, m, kind, t, len);
	if (found < 0 || found == self)
		return 0;
	return kik__error_set(plan, KIK_EEXISTS, NULL, "%s has a %s '%.*s' already (task %u)", m->id,
			      kik_task_kind_label(kind, KIK_LANG_EN), (int)(len < 200 ? len : 200), t,
			      kik__task_at(plan, (size_t)found)->id);
}

static void derive(kik_plan *plan, kik_measure *m)
{
	m->derived = (uint8_t)kik__derive(m, plan->rule);
}

/* ---- adding, changing, removing ------------------------------------------------ */

int kik_plan_add_task(kik_plan *plan, const kik_task_desc *desc, const kik_task **out)
{
	kik_measure *m;
	kik_task *t;
	char *title;
	uint32_t attrs, id;
	size_t position;
	int err;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if ((err = kik__check_task(plan, desc, NULL)) < 0)
		return err;
	if (desc->id > KIK_TASK_ID_MAX)
		return kik__error_set(plan, KIK_EINVAL, NULL, "task id %lu is out of range: at most %lu", desc->id,
				      KIK_TASK_ID_MAX);
	if (!desc->measure || !(m = (kik_measure *)kik_plan_find_measure(plan, desc->measure)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no measure with id '%s'",
				      desc->measure ? desc->measure : "(NULL)");
	if (desc->id && kik__task_by_id(plan, desc->id, NULL))
		return kik__error_set(plan, KIK_EEXISTS, NULL, "the plan has a task with id %lu already", desc->id);
	if (!desc->id && plan->last_task_id == KIK_TASK_ID_MAX)
		return kik__error_set(plan, KIK_ELIMIT, NULL, "every task id has been given");
	if ((err = key_taken(plan, m, desc->kind, desc->title, -1)) < 0)
		return err;
	id = desc->id ? (uint32_t)desc->id : plan->last_task_id + 1;
	if ((err = attrs_of(plan, desc->owner ? desc->owner : "", desc->due ? desc->due : "", &attrs)) < 0 ||
	    (err = title_of(plan, desc->title, &title)) < 0)
		return err;
	position = plan->tasks.len;
	if (position >= UINT32_MAX || kik__task_prepare(plan, m, position, id) < 0 ||
	    !(t = kik__table_push(&plan->alloc, &plan->arena, &plan->tasks))) {
		kik__free(&plan->alloc, title);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	t->title = title;
	t->measure = m;
	t->id = id;
	t->bits = kik__task_bits(desc->kind, desc->state, KIK__TASK_OWN_TITLE, attrs);
	kik__task_link(plan, position);
	plan->task_count++;
	derive(plan, m);
	if (out)
		*out = t;
	return 0;
}

/* Moves the task at `position` from its measure to `to` (room prepared in `to`). */
static int move_task(kik_plan *plan, size_t position, kik_measure *to)
{
	kik_task *t = kik__task_at(plan, position);
	kik_measure *from = t->measure;
	size_t i;
	for (i = 0; kik__ids_at(&from->tasks, i) != position; i++)
		;
	if (kik__ids_remove_at(&plan->alloc, &from->tasks, i) < 0)
		return KIK_ENOMEM;
	t->measure = to;
	kik__ids_push(&plan->alloc, &to->tasks, (uint32_t)position);
	derive(plan, from);
	return 0;
}

int kik_plan_update_task(kik_plan *plan, unsigned long id, const kik_task_desc *desc)
{
	kik_measure *to;
	kik_task *t;
	char *title;
	uint32_t attrs;
	size_t position;
	int err;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(t = find_or_fail(plan, id, &position)) || (err = kik__check_task(plan, desc, NULL)) < 0)
		return t ? err : KIK_ENOTFOUND;
	to = t->measure;
	if (desc->measure && !(to = (kik_measure *)kik_plan_find_measure(plan, desc->measure)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no measure with id '%s'", desc->measure);
	if ((err = key_taken(plan, to, desc->kind, desc->title, (long)position)) < 0 ||
	    (err = attrs_of(plan, desc->owner ? desc->owner : "", desc->due ? desc->due : "", &attrs)) < 0 ||
	    (err = title_of(plan, desc->title, &title)) < 0)
		return err;
	/* room in the new measure's list and in the key index before anything changes */
	if ((to != t->measure && kik__ids_prepare(&plan->alloc, &to->tasks, (uint32_t)position) < 0) ||
	    kik__slots_reserve(&plan->alloc, &plan->task_keys, to->keyed ? 1 : 0) < 0) {
		kik__free(&plan->alloc, title);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	kik__task_unindex(plan, position);
	if (to != t->measure && move_task(plan, position, to) < 0) {
		kik__task_reindex(plan, position);
		kik__free(&plan->alloc, title);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	set_title(plan, t, title);
	t->bits = kik__task_bits(desc->kind, desc->state, KIK__TASK_OWN_TITLE, attrs);
	kik__task_reindex(plan, position);
	derive(plan, to);
	return 0;
}

int kik_plan_set_task_state(kik_plan *plan, unsigned long id, kik_task_state state)
{
	kik_task *t;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if ((unsigned)state >= KIK_TASK_STATE_COUNT)
		return kik__error_set(plan, KIK_EINVAL, NULL, "task state %d out of range", (int)state);
	if (!(t = find_or_fail(plan, id, NULL)))
		return KIK_ENOTFOUND;
	t->bits = kik__task_bits(KIK__TASK_KIND(t), state, t->bits & KIK__TASK_OWN_TITLE, KIK__TASK_ATTRS(t));
	derive(plan, t->measure);
	return 0;
}

/* Sets the owner or the due date of a task, keeping the other. */
static int set_attr(kik_plan *plan, unsigned long id, const char *owner, const char *due)
{
	uint32_t attrs;
	kik_task *t;
	int err;
	if (!(t = find_or_fail(plan, id, NULL)))
		return KIK_ENOTFOUND;
	if ((err = attrs_of(plan, owner ? owner : kik__attrs_owner(plan, KIK__TASK_ATTRS(t)),
			    due ? due : kik__attrs_due(plan, KIK__TASK_ATTRS(t)), &attrs)) < 0)
		return err;
	t->bits = kik__task_bits(KIK__TASK_KIND(t), KIK__TASK_STATE(t), t->bits & KIK__TASK_OWN_TITLE, attrs);
	return 0;
}

int kik_plan_set_task_due(kik_plan *plan, unsigned long id, const char *due)
{
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(due, "the due date") < 0)
		return KIK_EINVAL;
	if (*due && !kik__is_iso_date(due))
		return kik__error_set(plan, KIK_EINVAL, NULL, "'%s' is not a due date: expected YYYY-MM-DD", due);
	return set_attr(plan, id, NULL, due);
}

int kik_plan_set_task_owner(kik_plan *plan, unsigned long id, const char *owner)
{
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(owner, "the owner") < 0)
		return KIK_EINVAL;
	return set_attr(plan, id, owner, NULL);
}

int kik_plan_set_task_title(kik_plan *plan, unsigned long id, const char *title)
{
	kik_task *t;
	char *copy;
	size_t position, len;
	int err;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(title, "the title") < 0)
		return KIK_EINVAL;
	len = strlen(title);
	if (kik__trim(title, &len), len == 0)
		return kik__error_set(plan, KIK_EINVAL, NULL, "a task needs a title");
	if (!(t = find_or_fail(plan, id, &position)))
		return KIK_ENOTFOUND;
	if ((err = key_taken(plan, t->measure, KIK__TASK_KIND(t), title, (long)position)) < 0 ||
	    (err = title_of(plan, title, &copy)) < 0)
		return err;
	kik__task_unindex(plan, position);
	set_title(plan, t, copy);
	kik__task_reindex(plan, position);
	return 0;
}

/* Makes the task at `position` a hole: out of its measure's list (the index `i` there)
 * and the indexes, its title freed. Its id stays, so that it is never given again. */
void kik__task_drop(kik_plan *plan, size_t position, size_t i)
{
	kik_task *t = kik__task_at(plan, position);
	kik__task_unindex(plan, position);
	kik__ids_remove_at(&plan->alloc, &t->measure->tasks, i); /* cannot fail: see callers */
	if (t->bits & KIK__TASK_OWN_TITLE)
		kik__free(&plan->alloc, (char *)t->title);
	t->measure = NULL;
	t->title = NULL;
	t->bits = 0;
	plan->task_count--;
}

int kik_plan_remove_task(kik_plan *plan, unsigned long id)
{
	kik_measure *m;
	kik_task *t;
	size_t i, position = 0;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(t = find_or_fail(plan, id, &position)))
		return KIK_ENOTFOUND;
	m = t->measure;
	for (i = 0; kik__ids_at(&m->tasks, i) != position; i++)
		;
	if (kik__ids_prepare_remove(&plan->alloc, &m->tasks, i) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	kik__task_drop(plan, position, i);
	derive(plan, m);
	return 0;
}

/* ---- looking up and listing ---------------------------------------------------- */

const kik_task *kik_plan_find_task(const kik_plan *plan, unsigned long id)
{
	return plan ? kik__task_by_id(plan, id, NULL) : NULL;
}

const kik_task *kik_plan_find_task_by_key(const kik_plan *plan, const char *measure_id, kik_task_kind kind,
					  const char *title)
{
	const kik_measure *m;
	size_t len;
	const char *t;
	long position;
	if (!plan || !measure_id || !title || (unsigned)kind >= KIK_TASK_KIND_COUNT ||
	    !(m = kik_plan_find_measure(plan, measure_id)))
		return NULL;
	len = strlen(title);
	t = kik__trim(title, &len);
	position = kik__task_by_key(plan, m, kind, t, len);
	return position < 0 ? NULL : kik__task_at(plan, (size_t)position);
}

size_t kik_plan_task_count(const kik_plan *plan)
{
	return plan ? plan->task_count : 0;
}

const kik_task *kik_plan_next_task(const kik_plan *plan, const kik_task *previous)
{
	size_t p = 0;
	if (!plan)
		return NULL;
	if (previous) {
		if (!kik__task_by_id(plan, previous->id, &p))
			return NULL;
		p++;
	}
	for (; p < plan->tasks.len; p++)
		if (kik__task_at(plan, p)->measure)
			return kik__task_at(plan, p);
	return NULL;
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
	kik__arena_free(&plan->alloc, &plan->attr_text);
	kik__slots_free(&plan->alloc, &plan->task_ids);
	kik__slots_free(&plan->alloc, &plan->task_keys);
}

/* ---- getters -------------------------------------------------------------------- */

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
	return t ? KIK__TASK_KIND(t) : KIK_TASK_KIND_INVALID;
}
kik_task_state kik_task_state_of(const kik_task *t)
{
	return t ? KIK__TASK_STATE(t) : KIK_TASK_STATE_INVALID;
}
const char *kik_task_title(const kik_task *t)
{
	return t ? t->title : NULL;
}
const char *kik_task_due(const kik_task *t)
{
	return t ? kik__attrs_due(t->measure->goal->field->plan, KIK__TASK_ATTRS(t)) : NULL;
}
const char *kik_task_owner(const kik_task *t)
{
	return t ? kik__attrs_owner(t->measure->goal->field->plan, KIK__TASK_ATTRS(t)) : NULL;
}
