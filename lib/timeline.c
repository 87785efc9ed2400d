/* The timeline (Zeittafel): dated entries, kept in date order. */
#include "content.h"

#include <string.h>

void kik__timeline_entry_free(const kik_allocator *a, void *record)
{
	struct kik_timeline_entry *e = record;
	if (!e)
		return;
	kik__free(a, e->date);
	kik__free(a, e->until);
	kik__free(a, e->text);
	kik__vec_free(a, &e->fields);
	kik__free(a, e);
}

int kik__content_fields(kik_plan *plan, const char *const *names, size_t count, const kik__origin *from, int what,
			kik__vec *out)
{
	size_t i, k;
	if (count && !names)
		return kik__error_arg("the fields are NULL while their count is not 0");
	if (kik__vec_reserve(&plan->alloc, out, count) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	for (i = 0; i < count; i++) {
		kik_field *f;
		if (kik__check_text(names[i], "a field") < 0)
			return KIK_EINVAL;
		if (!(f = kik__content_field(plan, names[i])))
			return kik__content_fail(from, what, i, KIK_ENOTFOUND,
						 "unknown field '%s': expected a field of the plan", names[i]);
		for (k = 0; k < out->len; k++)
			if (out->items[k] == f)
				return kik__content_fail(from, what, i, KIK_EINVAL, "field %s is named twice", f->code);
		out->items[out->len++] = f;
	}
	return 0;
}

int kik__content_range(const char *date, const char *until, int open, const kik__origin *from, int date_what,
		       int until_what)
{
	if (!kik__content_date(date, 0))
		return kik__content_fail(from, date_what, 0, KIK_EINVAL,
					 "'%s' is not a date: expected YYYY-MM-DD or YYYY-MM", date);
	if (open && *until)
		return kik__content_fail(from, until_what, 0, KIK_EINVAL,
					 "an open range has no end: '%s' given as well", until);
	if (*until && !kik__content_date(until, 0))
		return kik__content_fail(from, until_what, 0, KIK_EINVAL,
					 "'%s' is not an end: expected YYYY-MM-DD, YYYY-MM, open (offen) or nothing",
					 until);
	if (*until && kik__content_date_before(until, date))
		return kik__content_fail(from, until_what, 0, KIK_EINVAL, "the end %s is before the start %s", until,
					 date);
	return 0;
}

int kik__timeline_build(kik_plan *plan, const kik_timeline_desc *d, const kik__origin *from,
			struct kik_timeline_entry **out)
{
	const kik_allocator *a = &plan->alloc;
	struct kik_timeline_entry *e = kik__malloc(a, sizeof(*e));
	int err;
	if (!e)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	memset(e, 0, sizeof(*e));
	e->open = d->open != 0;
	if (!(e->date = kik__content_text(a, d->date)) || !(e->until = kik__content_text(a, d->until)) ||
	    !(e->text = kik__content_text(a, d->text))) {
		kik__timeline_entry_free(a, e);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	if ((err = kik__content_range(e->date, e->until, e->open, from, TIMELINE_DATE, TIMELINE_UNTIL)) < 0 ||
	    (err = kik__content_fields(plan, d->fields, d->field_count, from, TIMELINE_FIELDS, &e->fields)) < 0) {
		kik__timeline_entry_free(a, e);
		return err;
	}
	if (!*e->text) {
		kik__timeline_entry_free(a, e);
		return kik__content_fail(from, TIMELINE_TEXT, 0, KIK_EINVAL,
					 "a timeline entry needs a text: it is empty");
	}
	*out = e;
	return 0;
}

/* Entries sort by date, then by end (a single date first, an open range last). */
static int compare(const struct kik_timeline_entry *a, const struct kik_timeline_entry *b)
{
	int c = strcmp(a->date, b->date);
	if (c)
		return c;
	if (a->open != b->open)
		return a->open - b->open;
	return strcmp(a->until, b->until);
}

/* Where `e` goes in a sorted list: after every entry that does not sort after it. */
static size_t place_of(const kik__vec *list, const struct kik_timeline_entry *e)
{
	size_t i = list->len;
	while (i > 0 && compare(list->items[i - 1], e) > 0)
		i--;
	return i;
}

static void insert(kik__vec *list, struct kik_timeline_entry *e)
{
	size_t at = place_of(list, e);
	memmove(list->items + at + 1, list->items + at, (list->len - at) * sizeof(void *));
	list->items[at] = e;
	list->len++;
}

int kik__timeline_commit(kik_plan *plan, kik__vec *staged)
{
	kik__vec sorted = { NULL, 0, 0 };
	size_t i;
	if (kik__vec_reserve(&plan->alloc, &sorted, staged->len) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	for (i = 0; i < staged->len; i++)
		insert(&sorted, staged->items[i]);
	kik__content_free_all(&plan->alloc, &plan->content.timeline, kik__timeline_entry_free);
	plan->content.timeline = sorted;
	staged->len = 0;
	return 0;
}

/* ---- getters --------------------------------------------------------------------- */

size_t kik_plan_timeline_count(const kik_plan *plan)
{
	return plan ? plan->content.timeline.len : 0;
}

const kik_timeline_entry *kik_plan_timeline_entry(const kik_plan *plan, size_t i)
{
	return plan && i < plan->content.timeline.len ? plan->content.timeline.items[i] : NULL;
}

const char *kik_timeline_entry_date(const kik_timeline_entry *e)
{
	return e ? e->date : NULL;
}

const char *kik_timeline_entry_until(const kik_timeline_entry *e)
{
	return e ? e->until : NULL;
}

int kik_timeline_entry_is_open(const kik_timeline_entry *e)
{
	return e ? e->open : 0;
}

const char *kik_timeline_entry_text(const kik_timeline_entry *e)
{
	return e ? e->text : NULL;
}

size_t kik_timeline_entry_field_count(const kik_timeline_entry *e)
{
	return e ? e->fields.len : 0;
}

const kik_field *kik_timeline_entry_field(const kik_timeline_entry *e, size_t i)
{
	return e && i < e->fields.len ? e->fields.items[i] : NULL;
}

/* ---- changes ----------------------------------------------------------------------- */

int kik_plan_add_timeline_entry(kik_plan *plan, const kik_timeline_desc *desc, const kik_timeline_entry **out)
{
	struct kik_timeline_entry *e;
	int err;
	kik__error_clear(plan);
	if (!plan || !desc)
		return kik__error_arg(plan ? "the description is NULL" : "the plan is NULL");
	if (desc->version < 1 || desc->version > KIK_TIMELINE_DESC_VERSION)
		return kik__error_set(plan, KIK_EINVAL, NULL, "timeline description of version %u: expected 1 to %u",
				      desc->version, KIK_TIMELINE_DESC_VERSION);
	if (kik__check_text(desc->date, "the date") < 0 ||
	    (desc->until && kik__check_text(desc->until, "the end") < 0) || kik__check_text(desc->text, "the text") < 0)
		return KIK_EINVAL;
	if ((err = kik__timeline_build(plan, desc, NULL, &e)) < 0)
		return err;
	if (kik__vec_reserve(&plan->alloc, &plan->content.timeline, plan->content.timeline.len + 1) < 0) {
		kik__timeline_entry_free(&plan->alloc, e);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	insert(&plan->content.timeline, e);
	if (out)
		*out = e;
	return 0;
}

int kik_plan_remove_timeline_entry(kik_plan *plan, size_t i)
{
	kik__vec *list;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	list = &plan->content.timeline;
	if (i >= list->len)
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no timeline entry %zu: the timeline has %zu", i,
				      list->len);
	kik__content_remove_at(&plan->alloc, list, i, kik__timeline_entry_free);
	return 0;
}
