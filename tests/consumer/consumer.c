/* A program outside the tree, built against the installed libkik. */
#include <kik/kik.h>
#include <stdio.h>

int main(void)
{
	kik_plan *plan;
	kik_summary *s;
	size_t goals, measures;
	if (kik_plan_new_default(&plan) < 0 || kik_summary_of_plan(plan, &s) < 0)
		return 1;
	goals = kik_summary_goals(s);
	measures = kik_summary_measures(s);
	printf("libkik %s: %zu fields, %zu goals, %zu measures\n", kik_version(), kik_plan_field_count(plan), goals,
	       measures);
	kik_summary_free(s);
	kik_plan_free(plan);
	return KIK_VERSION_NUMBER == kik_version_number() && measures == 144 ? 0 : 1;
}
