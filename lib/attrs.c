/* The owner and due date of tasks: pairs stored once and numbered (plan->attrs). Pairs
 * that single edits make go to an arena of their own, which is compacted now and then, so
 * that a service setting owners and dates for years does not grow without bound. */
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
	err = kik__intern_put(&plan->alloc, &plan->attrs, &plan->attr_text, pair, owner_len + 1 + due_len, attrs);
	if (pair != small)
		kik__free(&plan->alloc, pair);
	if (err == 0 && *attrs > KIK__TASK_ATTRS_MAX)
		err = KIK_ELIMIT; /* more distinct owner and due date pairs than a task can number */
	return err;
}

/* Keeps only the pairs some task uses and the pair `*keep` (about to be given to a task),
 * in a fresh table and arena, and renumbers the tasks and `*keep`. Fails without a change
 * when memory is short (the old pairs then stay). */
static int compact(kik_plan *plan, uint32_t *keep)
{
	const kik_allocator *a = &plan->alloc;
	uint32_t *renumber = kik__malloc(a, (plan->attrs.count + 1) * sizeof(uint32_t));
	kik__intern fresh;
	kik__arena text;
	size_t p, n;
	int err = renumber ? 0 : KIK_ENOMEM;
	memset(&fresh, 0, sizeof(fresh));
	memset(&text, 0, sizeof(text));
	for (n = 0; renumber && n < plan->attrs.count; n++)
		renumber[n] = UINT32_MAX;
	for (p = 0; err == 0 && p < plan->tasks.len; p++) {
		const kik_task *t = kik__task_at(plan, p);
		uint32_t old = KIK__TASK_ATTRS(t);
		if (t->measure && renumber[old] == UINT32_MAX)
			err = kik__intern_put(a, &fresh, &text, plan->attrs.strings[old], plan->attrs.lens[old],
					      &renumber[old]);
	}
	if (err == 0 && renumber[*keep] == UINT32_MAX)
		err = kik__intern_put(a, &fresh, &text, plan->attrs.strings[*keep], plan->attrs.lens[*keep],
				      &renumber[*keep]);
	if (err == 0) {
		*keep = renumber[*keep];
		for (p = 0; p < plan->tasks.len; p++) {
			kik_task *t = kik__task_at(plan, p);
			if (t->measure)
				t->bits = kik__task_bits(KIK__TASK_KIND(t), KIK__TASK_STATE(t),
							 t->bits & KIK__TASK_OWN_TITLE, renumber[KIK__TASK_ATTRS(t)]);
		}
		kik__intern_free(a, &plan->attrs);
		kik__arena_free(a, &plan->attr_text);
		plan->attrs = fresh;
		plan->attr_text = text;
	} else {
		kik__intern_free(a, &fresh);
		kik__arena_free(a, &text);
	}
	kik__free(a, renumber);
	return err;
}

void kik__plan_attrs_settle(kik_plan *plan)
{
	size_t at = 2 * plan->attrs.count + 1024;
	if (at > plan->attrs_compact_at)
		plan->attrs_compact_at = at;
}

int kik__plan_attrs_edit(kik_plan *plan, const char *owner, const char *due, uint32_t *attrs)
{
	int err = kik__plan_attrs(plan, owner, due, attrs);
	if (err < 0 || plan->attrs.count < plan->attrs_compact_at)
		return err;
	/* twice as many pairs as the tasks used at the last count: keep only the used ones
	 * (amortised: the next compaction waits until the count doubles again) */
	if (compact(plan, attrs) == 0)
		plan->attrs_compact_at = 0;
	kik__plan_attrs_settle(plan);
	return 0;
}
