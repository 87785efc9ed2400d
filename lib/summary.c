/* Counting measures per status, and whole percentages by the largest-remainder method. */
#include "internal.h"

#include <string.h>

int kik_percentages(const size_t *counts, size_t n, unsigned *out)
{
	size_t total = 0, i;
	kik__error_clear(NULL);
	if (!counts || !out || n == 0)
		return kik__error_arg("kik_percentages needs counts, room for the percentages and n > 0");
	for (i = 0; i < n; i++) {
		if (counts[i] > SIZE_MAX / 100 - total) /* count * 100 must not overflow */
			return kik__error_arg("the counts are too large to take percentages of");
		total += counts[i];
	}
	kik__percentages(counts, n, out);
	return 0;
}

void kik__percentages(const size_t *counts, size_t n, unsigned *out)
{
	size_t total = 0, i, given = 0;
	for (i = 0; i < n; i++)
		total += counts[i];
	for (i = 0; i < n; i++) {
		out[i] = total ? (unsigned)(counts[i] * 100 / total) : 0;
		given += out[i];
	}
	if (!total)
		return;
	/* Hand out the missing points one by one to the largest remainder; equal remainders
	 * go to the larger count, then to the earlier position. Remainders are compared
	 * exactly as counts[i] * 100 mod total. */
	while (given < 100) {
		size_t best = n;
		for (i = 0; i < n; i++) {
			size_t rem = counts[i] * 100 % total, best_rem;
			if (rem == 0 || out[i] != counts[i] * 100 / total)
				continue; /* exact, or already given its extra point */
			if (best == n) {
				best = i;
				continue;
			}
			best_rem = counts[best] * 100 % total;
			if (rem > best_rem || (rem == best_rem && counts[i] > counts[best]))
				best = i;
		}
		if (best == n)
			break;
		out[best]++;
		given++;
	}
}

static void finish(kik_summary *s)
{
	size_t i;
	for (i = 0; i < KIK_STATUS_COUNT; i++)
		s->share[i] = s->measures ? (double)s->count[i] / (double)s->measures : 0.0;
	kik__percentages(s->count, KIK_STATUS_COUNT, s->percent);
}

static void add_goal(const kik_goal *goal, kik_summary *s)
{
	size_t i;
	s->goals++;
	for (i = 0; i < goal->measures.count; i++)
		s->count[kik_measure_status(kik__goal_measure(goal, i))]++;
	s->measures += goal->measures.count;
}

void kik__summary_goal(const kik_goal *goal, kik_summary *out)
{
	memset(out, 0, sizeof(*out));
	add_goal(goal, out);
	finish(out);
}

void kik__summary_group(const kik_group *group, kik_summary *out)
{
	size_t i;
	memset(out, 0, sizeof(*out));
	for (i = 0; i < group->goals.len; i++)
		add_goal(group->goals.items[i], out);
	finish(out);
}

static void add_field(const kik_field *field, kik_summary *s)
{
	size_t i;
	for (i = 0; i < field->goals.len; i++)
		add_goal(field->goals.items[i], s);
}

void kik__summary_field(const kik_field *field, kik_summary *out)
{
	memset(out, 0, sizeof(*out));
	add_field(field, out);
	finish(out);
}

void kik__summary_plan(const kik_plan *plan, kik_summary *out)
{
	size_t i;
	memset(out, 0, sizeof(*out));
	for (i = 0; i < plan->fields.len; i++)
		add_field(plan->fields.items[i], out);
	finish(out);
}

/* ---- the public summaries: the same counts in an allocation of the caller's ------- */

static kik_summary *new_summary(const kik_plan *plan)
{
	kik_summary *s = kik__malloc(&plan->alloc, sizeof(*s));
	if (!s)
		kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	return s;
}

int kik_summary_of_plan(const kik_plan *plan, kik_summary **out)
{
	kik_summary *s = NULL;
	kik__error_clear(plan);
	if (!plan || !out)
		return kik__error_arg(plan ? "out is NULL" : "the plan is NULL");
	if (!(s = new_summary(plan)))
		return KIK_ENOMEM;
	kik__summary_plan(plan, s);
	s->alloc = plan->alloc;
	*out = s;
	return 0;
}

int kik_summary_of_field(const kik_field *field, kik_summary **out)
{
	kik_summary *s = NULL;
	kik__error_clear(NULL);
	if (!field || !out)
		return kik__error_arg(field ? "out is NULL" : "the field is NULL");
	if (!(s = new_summary(field->plan)))
		return KIK_ENOMEM;
	kik__summary_field(field, s);
	s->alloc = field->plan->alloc;
	*out = s;
	return 0;
}

int kik_summary_of_group(const kik_group *group, kik_summary **out)
{
	kik_summary *s = NULL;
	kik__error_clear(NULL);
	if (!group || !out)
		return kik__error_arg(group ? "out is NULL" : "the group is NULL");
	if (!(s = new_summary(group->field->plan)))
		return KIK_ENOMEM;
	kik__summary_group(group, s);
	s->alloc = group->field->plan->alloc;
	*out = s;
	return 0;
}

int kik_summary_of_goal(const kik_goal *goal, kik_summary **out)
{
	kik_summary *s = NULL;
	kik__error_clear(NULL);
	if (!goal || !out)
		return kik__error_arg(goal ? "out is NULL" : "the goal is NULL");
	if (!(s = new_summary(goal->field->plan)))
		return KIK_ENOMEM;
	kik__summary_goal(goal, s);
	s->alloc = goal->field->plan->alloc;
	*out = s;
	return 0;
}

void kik_summary_free(kik_summary *s)
{
	if (s) {
		kik_allocator a = s->alloc;
		kik__free(&a, s);
	}
}

size_t kik_summary_goals(const kik_summary *s)
{
	return s ? s->goals : 0;
}

size_t kik_summary_measures(const kik_summary *s)
{
	return s ? s->measures : 0;
}

size_t kik_summary_count(const kik_summary *s, kik_status status)
{
	return s && (unsigned)status < KIK_STATUS_COUNT ? s->count[status] : 0;
}

double kik_summary_share(const kik_summary *s, kik_status status)
{
	return s && (unsigned)status < KIK_STATUS_COUNT ? s->share[status] : 0.0;
}

unsigned kik_summary_percent(const kik_summary *s, kik_status status)
{
	return s && (unsigned)status < KIK_STATUS_COUNT ? s->percent[status] : 0;
}
