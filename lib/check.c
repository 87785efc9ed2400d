/* Published figures, and the checks: recorded vs derived status, published vs computed figures. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int kik__published_adds_up(const size_t *counts, size_t n, size_t total)
{
	size_t i, sum = 0;
	for (i = 0; i < n; i++) {
		if (counts[i] > total - sum)
			return 0; /* more than the total (and no sum can overflow) */
		sum += counts[i];
	}
	return sum == total;
}

int kik_plan_set_published(kik_plan *plan, const char *field, const size_t *counts, size_t n, size_t total)
{
	kik_field *f;
	size_t i;
	kik__error_clear(plan);
	if (!plan || (!counts && n))
		return kik__error_arg(plan ? "counts is NULL" : "the plan is NULL");
	if (n > KIK_STATUS_COUNT)
		return kik__error_set(plan, KIK_EINVAL, NULL, "%zu counts given: the library knows %d statuses", n,
				      KIK_STATUS_COUNT);
	if (!(f = kik__plan_field_by_code(plan, field)))
		return kik_error_last()->code;
	if (total && !kik__published_adds_up(counts, n, total))
		return kik__error_set(plan, KIK_EINVAL, NULL,
				      "the total %zu is not the sum of the counts: expected the total of the statuses",
				      total);
	for (i = 0; i < KIK_STATUS_COUNT; i++)
		f->published[i] = i < n ? counts[i] : 0;
	f->published_total = total;
	f->has_published = 1;
	return 0;
}

int kik_plan_clear_published(kik_plan *plan, const char *field)
{
	kik_field *f;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(f = kik__plan_field_by_code(plan, field)))
		return kik_error_last()->code;
	memset(f->published, 0, sizeof(f->published));
	f->published_total = 0;
	f->has_published = 0;
	return 0;
}

int kik_field_has_published(const kik_field *field)
{
	return field && field->has_published;
}

size_t kik_field_published_count(const kik_field *field, kik_status status)
{
	return field && field->has_published && (unsigned)status < KIK_STATUS_COUNT ? field->published[status] : 0;
}

size_t kik_field_published_total(const kik_field *field)
{
	return field && field->has_published ? field->published_total : 0;
}

/* One finding: what it is about, and its messages. */
struct kik_finding {
	kik_finding_kind kind;
	const kik_field *field;
	const kik_measure *measure;
	kik_status status, recorded;
	size_t published, computed;
	char *message[2]; /* by kik_lang */
};

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
	item->message[KIK_LANG_DE] = kik__strndup(&fs->alloc, de, strlen(de));
	item->message[KIK_LANG_EN] = kik__strndup(&fs->alloc, en, strlen(en));
	if (!item->message[KIK_LANG_DE] || !item->message[KIK_LANG_EN]) {
		kik__free(&fs->alloc, item->message[KIK_LANG_DE]);
		kik__free(&fs->alloc, item->message[KIK_LANG_EN]);
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
			f.recorded = (kik_status)m->recorded;
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
	kik__summary_field(field, &s);
	memset(&f, 0, sizeof(f));
	f.field = field;
	f.recorded = KIK_STATUS_INVALID;
	for (st = 0; st < KIK_STATUS_COUNT; st++) {
		if (field->published[st] == s.count[st])
			continue;
		f.kind = KIK_FINDING_PUBLISHED_COUNT;
		f.status = (kik_status)st;
		f.published = field->published[st];
		f.computed = s.count[st];
		snprintf(de, sizeof(de),
			 "%s (%s): ver\xC3\xB6"
			 "ffentlicht %zu %s, berechnet %zu.",
			 field->code, field->name, f.published, kik_status_label(f.status, KIK_LANG_DE), f.computed);
		snprintf(en, sizeof(en), "%s (%s): published %zu %s, computed %zu.", field->code, field->name,
			 f.published, kik_status_label(f.status, KIK_LANG_EN), f.computed);
		if ((err = add(fs, &f, de, en)) < 0)
			return err;
	}
	if (field->published_total && field->published_total != s.measures) {
		f.kind = KIK_FINDING_PUBLISHED_TOTAL;
		f.status = KIK_STATUS_INVALID;
		f.published = field->published_total;
		f.computed = s.measures;
		snprintf(de, sizeof(de),
			 "%s (%s): ver\xC3\xB6"
			 "ffentlicht %zu Ma\xC3\x9Fnahmen, berechnet %zu.",
			 field->code, field->name, f.published, f.computed);
		snprintf(en, sizeof(en), "%s (%s): published %zu measures, computed %zu.", field->code, field->name,
			 f.published, f.computed);
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
	kik__error_clear(plan);
	if (!plan || !out)
		return kik__error_arg(plan ? "out is NULL" : "the plan is NULL");
	if (which & ~(unsigned)(KIK_CHECK_STATUS | KIK_CHECK_PUBLISHED))
		return kik__error_set(plan, KIK_EINVAL, NULL, "unknown checks 0x%x: expected KIK_CHECK_* bits", which);
	if (which == 0)
		which = KIK_CHECK_STATUS | KIK_CHECK_PUBLISHED;
	fs = kik__malloc(&plan->alloc, sizeof(*fs));
	if (!fs)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
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
		return kik__error_set(plan, err, NULL, "out of memory");
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
		kik__free(&a, fs->items[i].message[KIK_LANG_DE]);
		kik__free(&a, fs->items[i].message[KIK_LANG_EN]);
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

kik_finding_kind kik_finding_kind_of(const kik_finding *f)
{
	return f ? f->kind : KIK_FINDING_INVALID;
}

const kik_field *kik_finding_field(const kik_finding *f)
{
	return f ? f->field : NULL;
}

const kik_measure *kik_finding_measure(const kik_finding *f)
{
	return f ? f->measure : NULL;
}

kik_status kik_finding_status(const kik_finding *f)
{
	return f ? f->status : KIK_STATUS_INVALID;
}

kik_status kik_finding_recorded_status(const kik_finding *f)
{
	return f && f->kind == KIK_FINDING_STATUS_DISAGREES ? f->recorded : KIK_STATUS_INVALID;
}

size_t kik_finding_published(const kik_finding *f)
{
	return f ? f->published : 0;
}

size_t kik_finding_computed(const kik_finding *f)
{
	return f ? f->computed : 0;
}

const char *kik_finding_message(const kik_finding *f, kik_lang lang)
{
	return f && (unsigned)lang <= KIK_LANG_EN ? f->message[lang] : NULL;
}
