/* Prioritisation rounds: when, in which fields, and the measures prioritised. */
#include "content.h"

#include <string.h>

void kik__round_free(const kik_allocator *a, void *record)
{
	struct kik_round *r = record;
	if (!r)
		return;
	kik__free(a, r->name);
	kik__free(a, r->from);
	kik__free(a, r->until);
	kik__vec_free(a, &r->fields);
	kik__vec_free(a, &r->measures);
	kik__free(a, r);
}

int kik__round_same(const void *x, const void *y)
{
	return strcmp(((const struct kik_round *)x)->name, ((const struct kik_round *)y)->name) == 0;
}

static int measures(kik_plan *plan, const kik_round_desc *d, const kik__origin *from, kik__vec *out)
{
	size_t i, k;
	if (kik__vec_reserve(&plan->alloc, out, d->measure_count) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	for (i = 0; i < d->measure_count; i++) {
		kik_measure *m = (kik_measure *)kik_plan_find_measure(plan, d->measures[i]);
		if (!m)
			return kik__content_fail(from, ROUND_MEASURES, i, KIK_ENOTFOUND,
						 "no measure '%s': expected the id of a measure of the plan, such as "
						 "SB-4.6",
						 d->measures[i]);
		for (k = 0; k < out->len; k++)
			if (out->items[k] == m)
				return kik__content_fail(from, ROUND_MEASURES, i, KIK_EINVAL,
							 "measure %s is named twice", m->id);
		out->items[out->len++] = m;
	}
	return 0;
}

int kik__round_build(kik_plan *plan, const kik_round_desc *d, const kik__origin *from, struct kik_round **out)
{
	const kik_allocator *a = &plan->alloc;
	struct kik_round *r = kik__malloc(a, sizeof(*r));
	int err;
	if (!r)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	memset(r, 0, sizeof(*r));
	r->open = d->open != 0;
	if (!(r->name = kik__content_text(a, d->name)) || !(r->from = kik__content_text(a, d->from)) ||
	    !(r->until = kik__content_text(a, d->until))) {
		kik__round_free(a, r);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	if (!*r->name)
		err = kik__content_fail(from, ROUND_NAME, 0, KIK_EINVAL, "a round needs a name: it is empty");
	else if ((err = kik__content_range(r->from, r->until, r->open, from, ROUND_FROM, ROUND_UNTIL)) == 0 &&
		 (err = kik__content_fields(plan, d->fields, d->field_count, from, ROUND_FIELDS, &r->fields)) == 0)
		err = measures(plan, d, from, &r->measures);
	if (err < 0) {
		kik__round_free(a, r);
		return err;
	}
	*out = r;
	return 0;
}

/* ---- getters --------------------------------------------------------------------- */

size_t kik_plan_round_count(const kik_plan *plan)
{
	return plan ? plan->content.rounds.len : 0;
}

const kik_round *kik_plan_round(const kik_plan *plan, size_t i)
{
	return plan && i < plan->content.rounds.len ? plan->content.rounds.items[i] : NULL;
}

const kik_round *kik_plan_find_round(const kik_plan *plan, const char *name)
{
	long at = plan && name ? kik__content_named(&plan->content.rounds, name) : -1;
	return at < 0 ? NULL : plan->content.rounds.items[at];
}

const char *kik_round_name(const kik_round *r)
{
	return r ? r->name : NULL;
}

const char *kik_round_from(const kik_round *r)
{
	return r ? r->from : NULL;
}

const char *kik_round_until(const kik_round *r)
{
	return r ? r->until : NULL;
}

int kik_round_is_open(const kik_round *r)
{
	return r ? r->open : 0;
}

size_t kik_round_field_count(const kik_round *r)
{
	return r ? r->fields.len : 0;
}

const kik_field *kik_round_field(const kik_round *r, size_t i)
{
	return r && i < r->fields.len ? r->fields.items[i] : NULL;
}

size_t kik_round_measure_count(const kik_round *r)
{
	return r ? r->measures.len : 0;
}

const kik_measure *kik_round_measure(const kik_round *r, size_t i)
{
	return r && i < r->measures.len ? r->measures.items[i] : NULL;
}

/* ---- changes ----------------------------------------------------------------------- */

int kik_plan_put_round(kik_plan *plan, const kik_round_desc *desc, const kik_round **out)
{
	struct kik_round *r;
	size_t i;
	int err;
	kik__error_clear(plan);
	if (!plan || !desc)
		return kik__error_arg(plan ? "the description is NULL" : "the plan is NULL");
	if (desc->version < 1 || desc->version > KIK_ROUND_DESC_VERSION)
		return kik__error_set(plan, KIK_EINVAL, NULL, "round description of version %u: expected 1 to %u",
				      desc->version, KIK_ROUND_DESC_VERSION);
	if (kik__check_text(desc->name, "the name") < 0 || kik__check_text(desc->from, "the start") < 0 ||
	    (desc->until && kik__check_text(desc->until, "the end") < 0))
		return KIK_EINVAL;
	if (desc->measure_count && !desc->measures)
		return kik__error_arg("the measures are NULL while their count is not 0");
	for (i = 0; i < desc->measure_count; i++)
		if (kik__check_text(desc->measures[i], "a measure id") < 0)
			return KIK_EINVAL;
	if ((err = kik__round_build(plan, desc, NULL, &r)) < 0 ||
	    (err = kik__content_put_one(plan, &plan->content.rounds, r, kik__round_same, kik__round_free)) < 0)
		return err;
	if (out)
		*out = r;
	return 0;
}

int kik_plan_remove_round(kik_plan *plan, const char *name)
{
	long at;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(name, "the name") < 0)
		return KIK_EINVAL;
	if ((at = kik__content_named(&plan->content.rounds, name)) < 0)
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no round '%s'", name);
	kik__content_remove_at(&plan->alloc, &plan->content.rounds, (size_t)at, kik__round_free);
	return 0;
}
