/* A program outside the tree, built against the installed libkik. */
#include <kik/kik.h>
#include <stdio.h>

int main(void)
{
	kik_plan *plan;
	kik_summary s;
	if (kik_plan_new_default(&plan) < 0)
		return 1;
	kik_summary_plan(plan, &s);
	printf("libkik %s: %zu fields, %zu goals, %zu measures\n", kik_version(), kik_plan_field_count(plan), s.goals,
	       s.measures);
	kik_plan_free(plan);
	return KIK_VERSION_NUMBER == kik_version_number() && s.measures == 144 ? 0 : 1;
}
