/* Counting measures per status, and whole percentages by the largest-remainder method. */
#include "internal.h"

#include <string.h>

int kik_percentages(const size_t *counts, size_t n, unsigned *out)
{
	size_t total = 0, i, given = 0;
	if (!counts || !out || n == 0)
		return KIK_EINVAL;
	for (i = 0; i < n; i++)
		total += counts[i];
	for (i = 0; i < n; i++) {
		out[i] = total ? (unsigned)(counts[i] * 100 / total) : 0;
		given += out[i];
	}
	if (!total)
		return 0;
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
	return 0;
}

static void finish(kik_summary *s)
{
	size_t i;
	for (i = 0; i < KIK_STATUS_COUNT; i++)
		s->share[i] = s->measures ? (double)s->count[i] / (double)s->measures : 0.0;
	kik_percentages(s->count, KIK_STATUS_COUNT, s->percent);
}

static void add_goal(const kik_goal *goal, kik_summary *s)
{
	size_t i;
	s->goals++;
	for (i = 0; i < goal->measures.count; i++)
		s->count[kik_measure_status(kik__goal_measure(goal, i))]++;
	s->measures += goal->measures.count;
}

void kik_summary_goal(const kik_goal *goal, kik_summary *out)
{
	if (!out)
		return;
	memset(out, 0, sizeof(*out));
	if (goal)
		add_goal(goal, out);
	finish(out);
}

void kik_summary_group(const kik_group *group, kik_summary *out)
{
	size_t i;
	if (!out)
		return;
	memset(out, 0, sizeof(*out));
	for (i = 0; group && i < group->goals.len; i++)
		add_goal(group->goals.items[i], out);
	finish(out);
}

static void add_field(const kik_field *field, kik_summary *s)
{
	size_t i;
	for (i = 0; i < field->goals.len; i++)
		add_goal(field->goals.items[i], s);
}

void kik_summary_field(const kik_field *field, kik_summary *out)
{
	if (!out)
		return;
	memset(out, 0, sizeof(*out));
	if (field)
		add_field(field, out);
	finish(out);
}

void kik_summary_plan(const kik_plan *plan, kik_summary *out)
{
	size_t i;
	if (!out)
		return;
	memset(out, 0, sizeof(*out));
	for (i = 0; plan && i < plan->fields.len; i++)
		add_field(plan->fields.items[i], out);
	finish(out);
}
