/* Differences between two snapshots of a plan. */
#include "internal.h"

#include <string.h>

struct kik_diff {
	kik_allocator alloc;
	kik__arena arena; /* the strings of the changes */
	kik_change *changes;
	size_t change_count, change_cap;
	kik_field_change *fields;
	size_t field_count;
};

static const char *copy(kik_diff *d, const char *s)
{
	return kik__arena_strndup(&d->alloc, &d->arena, s, strlen(s));
}

static int add_change(kik_diff *d, kik_change_kind kind, const kik_measure *m, kik_status old_status,
		      kik_status new_status)
{
	kik_change *c;
	if (d->change_count == d->change_cap) {
		size_t cap = d->change_cap ? d->change_cap * 2 : 16;
		kik_change *changes = kik__realloc(&d->alloc, d->changes, cap * sizeof(*changes));
		if (!changes)
			return KIK_ENOMEM;
		d->changes = changes;
		d->change_cap = cap;
	}
	c = &d->changes[d->change_count];
	c->kind = kind;
	c->old_status = old_status;
	c->new_status = new_status;
	if (!(c->id = copy(d, m->id)) || !(c->field = copy(d, m->goal->field->code)) || !(c->text = copy(d, m->text)))
		return KIK_ENOMEM;
	d->change_count++;
	return 0;
}

static void count_field(const kik_field *f, size_t counts[KIK_STATUS_COUNT], size_t *measures)
{
	kik_summary s;
	kik_summary_field(f, &s);
	memcpy(counts, s.count, sizeof(s.count));
	*measures = s.measures;
}

static int diff_fields(kik_diff *d, const kik_plan *old_plan, const kik_plan *new_plan)
{
	size_t i, n = new_plan->fields.len + old_plan->fields.len;
	if (!(d->fields = kik__malloc(&d->alloc, n * sizeof(*d->fields))))
		return KIK_ENOMEM;
	memset(d->fields, 0, n * sizeof(*d->fields));
	for (i = 0; i < n; i++) {
		int is_new = i < new_plan->fields.len;
		const kik_field *f =
		    is_new ? new_plan->fields.items[i] : old_plan->fields.items[i - new_plan->fields.len];
		const kik_field *other = kik__plan_find_field(is_new ? old_plan : new_plan, f->code);
		kik_field_change *fc = &d->fields[d->field_count];
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
	size_t i;
	int err = 0;
	if (!old_plan || !new_plan || !out)
		return KIK_EINVAL;
	if (!(d = kik__malloc(&new_plan->alloc, sizeof(*d))))
		return KIK_ENOMEM;
	memset(d, 0, sizeof(*d));
	d->alloc = new_plan->alloc;
	for (i = 0; err == 0 && i < new_plan->measure_count; i++) {
		const kik_measure *m = kik__plan_measure(new_plan, i);
		const kik_measure *was = kik_plan_find_measure(old_plan, m->id);
		if (!was)
			err = add_change(d, KIK_CHANGE_ADDED, m, KIK_STATUS_WAITING, kik_measure_status(m));
		else if (kik_measure_status(was) != kik_measure_status(m))
			err = add_change(d, KIK_CHANGE_STATUS, m, kik_measure_status(was), kik_measure_status(m));
	}
	for (i = 0; err == 0 && i < old_plan->measure_count; i++) {
		const kik_measure *m = kik__plan_measure(old_plan, i);
		if (!kik_plan_find_measure(new_plan, m->id))
			err = add_change(d, KIK_CHANGE_REMOVED, m, kik_measure_status(m), KIK_STATUS_WAITING);
	}
	if (err == 0)
		err = diff_fields(d, old_plan, new_plan);
	if (err < 0) {
		kik_diff_free(d);
		return err;
	}
	*out = d;
	return 0;
}

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

size_t kik_diff_change_count(const kik_diff *d)
{
	return d ? d->change_count : 0;
}

const kik_change *kik_diff_change(const kik_diff *d, size_t i)
{
	return d && i < d->change_count ? &d->changes[i] : NULL;
}

size_t kik_diff_field_count(const kik_diff *d)
{
	return d ? d->field_count : 0;
}

const kik_field_change *kik_diff_field(const kik_diff *d, size_t i)
{
	return d && i < d->field_count ? &d->fields[i] : NULL;
}

const char *kik_change_kind_key(kik_change_kind kind)
{
	static const char *const keys[] = { "added", "removed", "status" };
	return (unsigned)kind < 3 ? keys[kind] : NULL;
}
