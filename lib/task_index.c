/* Finding tasks: by id (bisection while ids increase with positions, a hash table once
 * they do not) and by natural key (measure, kind, title: compared one by one for the few
 * tasks of most measures, through a hash table for measures with many). */
#include "internal.h"

#include <string.h>

/* ---- by id ------------------------------------------------------------------ */

kik_task *kik__task_by_id(const kik_plan *plan, unsigned long id, size_t *position)
{
	size_t low, high;
	kik_task *t;
	long found;
	if (id == 0 || id > plan->last_task_id)
		return NULL;
	if (plan->ids_unordered) {
		if ((found = kik__slots_find(&plan->task_ids, (uint32_t)id, NULL, NULL)) < 0)
			return NULL;
		low = (size_t)found;
	} else if (id - 1 < plan->tasks.len && kik__task_at(plan, id - 1)->id == id &&
		   kik__task_at(plan, id - 1)->measure) {
		low = id - 1; /* where ids given one after another put it */
	} else {
		high = id - 1 < plan->tasks.len && kik__task_at(plan, id - 1)->id >= id ? id - 1 : plan->tasks.len;
		low = 0;
		while (low < high) { /* the first position with an id >= id */
			size_t mid = low + (high - low) / 2;
			if (kik__task_at(plan, mid)->id < id)
				low = mid + 1;
			else
				high = mid;
		}
		if (low == plan->tasks.len)
			return NULL;
	}
	t = kik__task_at(plan, low);
	if (t->id != id || !t->measure)
		return NULL;
	if (position)
		*position = low;
	return t;
}

/* ---- by natural key -------------------------------------------------------- */

/* The key of (measure, kind, title) in plan->task_keys: never 0. The title is hashed under
 * the plan's own key, so that a file cannot be made of titles that all collide. */
static uint32_t key_of(const kik_plan *plan, const kik_measure *m, kik_task_kind kind, const char *title, size_t len)
{
	uint64_t h = kik__hash(&plan->task_key, title, len);
	h ^= ((uint64_t)(uintptr_t)m + (uint64_t)kind) * 0x9E3779B97F4A7C15ULL;
	return (uint32_t)(h ^ (h >> 32)) | 1u;
}

typedef struct key_query {
	const kik_plan *plan;
	const kik_measure *m;
	kik_task_kind kind;
	const char *title;
	size_t len;
} key_query;

static int same_key(uint32_t position, const void *ctx)
{
	const key_query *q = ctx;
	const kik_task *t = kik__task_at(q->plan, position);
	return t->measure == q->m && KIK__TASK_KIND(t) == q->kind && strncmp(t->title, q->title, q->len) == 0 &&
	       t->title[q->len] == '\0';
}

long kik__task_by_key(const kik_plan *plan, const kik_measure *m, kik_task_kind kind, const char *title, size_t len)
{
	size_t i;
	if (m->keyed) {
		key_query q = { plan, m, kind, title, len };
		return kik__slots_find(&plan->task_keys, key_of(plan, m, kind, title, len), same_key, &q);
	}
	for (i = 0; i < m->tasks.count; i++) {
		size_t position = kik__ids_at(&m->tasks, i);
		const kik_task *t = kik__task_at(plan, position);
		if (KIK__TASK_KIND(t) == kind && t->title[0] == title[0] && strncmp(t->title, title, len) == 0 &&
		    t->title[len] == '\0')
			return (long)position;
	}
	return -1;
}

/* ---- keeping them up to date ---------------------------------------------------- */

static void key_insert(kik_plan *plan, size_t position)
{
	const kik_task *t = kik__task_at(plan, position);
	kik__slots_insert(&plan->task_keys, key_of(plan, t->measure, KIK__TASK_KIND(t), t->title, strlen(t->title)),
			  (uint32_t)position);
}

static int ids_follow(const kik_plan *plan, size_t position, uint32_t id)
{
	return position == 0 || kik__task_at(plan, position - 1)->id < id;
}

/* Puts every task of the table into plan->task_ids (which has the room). */
static void index_all_ids(kik_plan *plan)
{
	size_t p;
	for (p = 0; p < plan->tasks.len; p++) {
		const kik_task *t = kik__task_at(plan, p);
		if (t->measure)
			kik__slots_insert(&plan->task_ids, t->id, (uint32_t)p);
	}
}

int kik__task_prepare(kik_plan *plan, kik_measure *m, size_t position, uint32_t id)
{
	const kik_allocator *a = &plan->alloc;
	int err;
	if ((err = kik__ids_prepare(a, &m->tasks, (uint32_t)position)) < 0)
		return err;
	if (m->keyed || m->tasks.count + 1 >= KIK__KEYED_AT) {
		if ((err = kik__slots_reserve(a, &plan->task_keys, m->keyed ? 1 : m->tasks.count + 1)) < 0)
			return err;
	}
	if (plan->ids_unordered)
		return kik__slots_reserve(a, &plan->task_ids, 1);
	if (!ids_follow(plan, position, id)) {
		/* the first id out of order: from now on ids are found through the table */
		if ((err = kik__slots_reserve(a, &plan->task_ids, plan->task_count + 1)) < 0)
			return err;
		index_all_ids(plan);
		plan->ids_unordered = 1;
	}
	return 0;
}

void kik__task_link(kik_plan *plan, size_t position)
{
	kik_task *t = kik__task_at(plan, position);
	kik_measure *m = t->measure;
	size_t i;
	kik__ids_push(&plan->alloc, &m->tasks, (uint32_t)position);
	if (m->keyed) {
		key_insert(plan, position);
	} else if (m->tasks.count >= KIK__KEYED_AT) {
		for (i = 0; i < m->tasks.count; i++)
			key_insert(plan, kik__ids_at(&m->tasks, i));
		m->keyed = 1;
	}
	if (plan->ids_unordered)
		kik__slots_insert(&plan->task_ids, t->id, (uint32_t)position);
	if (t->id > plan->last_task_id)
		plan->last_task_id = t->id;
}

void kik__task_unindex(kik_plan *plan, size_t position)
{
	const kik_task *t = kik__task_at(plan, position);
	if (t->measure->keyed)
		kik__slots_remove(&plan->task_keys,
				  key_of(plan, t->measure, KIK__TASK_KIND(t), t->title, strlen(t->title)),
				  (uint32_t)position);
	if (plan->ids_unordered)
		kik__slots_remove(&plan->task_ids, t->id, (uint32_t)position);
}

void kik__task_reindex(kik_plan *plan, size_t position)
{
	const kik_task *t = kik__task_at(plan, position);
	if (t->measure->keyed)
		key_insert(plan, position);
	if (plan->ids_unordered)
		kik__slots_insert(&plan->task_ids, t->id, (uint32_t)position);
}

void kik__task_indexes_rebuild(kik_plan *plan)
{
	size_t p;
	kik__slots_clear(&plan->task_keys);
	kik__slots_clear(&plan->task_ids);
	for (p = 0; p < plan->tasks.len; p++) {
		const kik_task *t = kik__task_at(plan, p);
		if (t->measure)
			kik__task_reindex(plan, p);
	}
}

int kik__task_indexes_build(kik_plan *plan)
{
	size_t p, keyed = 0;
	for (p = 0; p < plan->measures.len; p++) {
		kik_measure *m = kik__measure_at(plan, p);
		m->keyed = m->goal && m->tasks.count >= KIK__KEYED_AT;
		keyed += m->keyed ? m->tasks.count : 0;
	}
	for (p = 1; !plan->ids_unordered && p < plan->tasks.len; p++)
		plan->ids_unordered = kik__task_at(plan, p)->id < kik__task_at(plan, p - 1)->id;
	if (kik__slots_reserve(&plan->alloc, &plan->task_keys, keyed) < 0 ||
	    (plan->ids_unordered && kik__slots_reserve(&plan->alloc, &plan->task_ids, plan->task_count) < 0))
		return KIK_ENOMEM;
	kik__task_indexes_rebuild(plan);
	return 0;
}
