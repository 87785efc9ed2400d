/* The benchmark job with libkik: load measures and tasks, derive every status by the
 * default rule, count per field and status; prints the counts as JSON. */
#include <kik/kik.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	kik_plan *plan;
	size_t i;
	int err;
	if (argc != 3) {
		fprintf(stderr, "usage: kik_job MEASURES TASKS\n");
		return 2;
	}
	if ((err = kik_plan_new(&plan)) < 0 ||
	    (err = kik_plan_import_file(plan, KIK_IMPORT_MEASURES, argv[1], NULL)) < 0 ||
	    (err = kik_plan_import_file(plan, KIK_IMPORT_TASKS, argv[2], NULL)) < 0) {
		const kik_error *e = kik_error_last();
		fprintf(stderr, "%s:%lu:%lu: %s\n", e ? e->file : "", e ? e->line : 0, e ? e->column : 0,
			e ? e->message : kik_error_code_name(err));
		return 2;
	}
	printf("{");
	for (i = 0; i < kik_plan_field_count(plan); i++) {
		const kik_field *f = kik_plan_field(plan, i);
		kik_summary *s;
		if (kik_summary_of_field(f, &s) < 0)
			return 2;
		printf("%s\"%s\": [%zu, %zu, %zu]", i ? ", " : "", kik_field_code(f),
		       kik_summary_count(s, KIK_STATUS_WAITING), kik_summary_count(s, KIK_STATUS_IN_PROGRESS),
		       kik_summary_count(s, KIK_STATUS_IMPLEMENTED));
		kik_summary_free(s);
	}
	printf("}\n");
	/* the process ends here: freeing a million measures would only add to the time */
	return 0;
}
