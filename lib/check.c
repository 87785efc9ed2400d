/* Published figures, and the checks: recorded vs derived status, published vs computed figures. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int kik_plan_set_published(kik_plan *plan, const kik_field *field, const size_t counts[KIK_STATUS_COUNT], size_t total)
{
	kik_field *f = (kik_field *)field;
	size_t i;
	if (!plan || !field || !counts)
		return KIK_EINVAL;
	kik__error_clear(plan);
	for (i = 0; i < plan->fields.len && plan->fields.items[i] != field; i++)
		;
	if (i == plan->fields.len)
		return kik__error_set(plan, KIK_EINVAL, NULL, "the field is not one of this plan's");
	memcpy(f->published, counts, sizeof(f->published));
	f->published_total = total;
	f->has_published = 1;
	return 0;
}

int kik_field_published(const kik_field *field, size_t counts[KIK_STATUS_COUNT], size_t *total)
{
	if (!field || !field->has_published)
		return 0;
	if (counts)
		memcpy(counts, field->published, sizeof(field->published));
	if (total)
		*total = field->published_total;
	return 1;
}

struct kik_findings {
	kik_allocator alloc;
	kik_finding *items;
	size_t count, cap;
};

static int add(kik_findings *fs, const kik_finding *f, const char *de, const char *en)
{
	kik_finding *item;
	if (fs->count == fs->cap) {
		size_t cap = fs->cap ? fs->cap * 2 : 16;
		kik_finding *items = kik__realloc(&fs->alloc, fs->items, cap * sizeof(*items));
		if (!items)
			return KIK_ENOMEM;
		fs->items = items;
		fs->cap = cap;
	}
	item = &fs->items[fs->count];
	*item = *f;
	item->message_de = kik__strndup(&fs->alloc, de, strlen(de));
	item->message_en = kik__strndup(&fs->alloc, en, strlen(en));
	if (!item->message_de || !item->message_en) {
		kik__free(&fs->alloc, (char *)item->message_de);
		kik__free(&fs->alloc, (char *)item->message_en);
		return KIK_ENOMEM;
	}
	fs->count++;
	return 0;
}

static int check_statuses(kik_findings *fs, const kik_field *field)
{
	size_t g, i;
	for (g = 0; g < field->goals.len; g++) {
		const kik_goal *goal = field->goals.items[g];
		for (i = 0; i < goal->measures.count; i++) {
			const kik_measure *m = kik__goal_measure(goal, i);
			kik_finding f;
			char de[300], en[300];
			int err;
			if (!m->tasks.count || m->recorded == m->derived)
				continue;
			memset(&f, 0, sizeof(f));
			f.kind = KIK_FINDING_STATUS_DISAGREES;
			f.field = field;
			f.measure = m;
			f.status = (kik_status)m->derived;
			f.expected = (size_t)m->recorded;
			f.actual = (size_t)m->derived;
			snprintf(de, sizeof(de),
				 "Ma\xC3\x9Fnahme %s: erfasst \xE2\x80\x9E%s\xE2\x80\x9C, abgeleitet "
				 "\xE2\x80\x9E%s\xE2\x80\x9C.",
				 m->id, kik_status_label((kik_status)m->recorded, KIK_LANG_DE),
				 kik_status_label((kik_status)m->derived, KIK_LANG_DE));
			snprintf(en, sizeof(en), "Measure %s: recorded '%s', derived '%s'.", m->id,
				 kik_status_label((kik_status)m->recorded, KIK_LANG_EN),
				 kik_status_label((kik_status)m->derived, KIK_LANG_EN));
			if ((err = add(fs, &f, de, en)) < 0)
				return err;
		}
	}
	return 0;
}

static int check_published(kik_findings *fs, const kik_field *field)
{
	kik_summary s;
	kik_finding f;
	char de[400], en[400];
	int st, err;
	if (!field->has_published)
		return 0;
	kik_summary_field(field, &s);
	memset(&f, 0, sizeof(f));
	f.field = field;
	for (st = 0; st < KIK_STATUS_COUNT; st++) {
		if (field->published[st] == s.count[st])
			continue;
		f.kind = KIK_FINDING_PUBLISHED_COUNT;
		f.status = (kik_status)st;
		f.expected = field->published[st];
		f.actual = s.count[st];
		snprintf(de, sizeof(de),
			 "%s (%s): ver\xC3\xB6"
			 "ffentlicht %zu %s, berechnet %zu.",
			 field->code, field->name, f.expected, kik_status_label(f.status, KIK_LANG_DE), f.actual);
		snprintf(en, sizeof(en), "%s (%s): published %zu %s, computed %zu.", field->code, field->name,
			 f.expected, kik_status_label(f.status, KIK_LANG_EN), f.actual);
		if ((err = add(fs, &f, de, en)) < 0)
			return err;
	}
	if (field->published_total && field->published_total != s.measures) {
		f.kind = KIK_FINDING_PUBLISHED_TOTAL;
		f.status = KIK_STATUS_WAITING;
		f.expected = field->published_total;
		f.actual = s.measures;
		snprintf(de, sizeof(de),
			 "%s (%s): ver\xC3\xB6"
			 "ffentlicht %zu Ma\xC3\x9Fnahmen, berechnet %zu.",
			 field->code, field->name, f.expected, f.actual);
		snprintf(en, sizeof(en), "%s (%s): published %zu measures, computed %zu.", field->code, field->name,
			 f.expected, f.actual);
		if ((err = add(fs, &f, de, en)) < 0)
			return err;
	}
	return 0;
}

int kik_plan_check(const kik_plan *plan, unsigned which, kik_findings **out)
{
	kik_findings *fs;
	size_t i;
	int err = 0;
	if (!plan || !out)
		return KIK_EINVAL;
	if (which == 0)
		which = KIK_CHECK_STATUS | KIK_CHECK_PUBLISHED;
	fs = kik__malloc(&plan->alloc, sizeof(*fs));
	if (!fs)
		return KIK_ENOMEM;
	memset(fs, 0, sizeof(*fs));
	fs->alloc = plan->alloc;
	for (i = 0; i < plan->fields.len && err == 0; i++) {
		if (which & KIK_CHECK_STATUS)
			err = check_statuses(fs, plan->fields.items[i]);
		if (err == 0 && (which & KIK_CHECK_PUBLISHED))
			err = check_published(fs, plan->fields.items[i]);
	}
	if (err < 0) {
		kik_findings_free(fs);
		return err;
	}
	*out = fs;
	return 0;
}

void kik_findings_free(kik_findings *fs)
{
	kik_allocator a;
	size_t i;
	if (!fs)
		return;
	a = fs->alloc;
	for (i = 0; i < fs->count; i++) {
		kik__free(&a, (char *)fs->items[i].message_de);
		kik__free(&a, (char *)fs->items[i].message_en);
	}
	kik__free(&a, fs->items);
	kik__free(&a, fs);
}

size_t kik_findings_count(const kik_findings *fs)
{
	return fs ? fs->count : 0;
}

const kik_finding *kik_findings_get(const kik_findings *fs, size_t i)
{
	return fs && i < fs->count ? &fs->items[i] : NULL;
}

const char *kik_finding_kind_key(kik_finding_kind kind)
{
	static const char *const keys[] = { "status_disagrees", "published_count", "published_total" };
	return (unsigned)kind < 3 ? keys[kind] : NULL;
}
