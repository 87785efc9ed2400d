/* Distinct plans may be used from distinct threads at once: the library keeps no global
 * mutable state. Four threads build, import, check and report on plans of their own. */
#include "sink.h"

#include <criterion/criterion.h>

#include "counts.h"
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <pthread.h>
#include <string.h>

enum { THREADS = 4, ROUNDS = 40 };

static void *work(void *arg)
{
	long failures = 0, round;
	(void)arg;
	for (round = 0; round < ROUNDS; round++) {
		static const char tasks[] = "measure;kind;title;state\nSB-4.6;ag;Fachtag;done\nSB-4.6;concept;K;done\n"
					    "SB-4.6;work_package;P;done\n";
		static const char bad[] = "field;goal;measure;text;status\nSB;1;1.1;a;fertig\n";
		kik_plan *plan;
		kik_findings *findings;
		plan_counts s;
		sink report = { NULL, 0, 0 };
		const kik_error *e;
		if (kik_plan_new_default(&plan) < 0)
			return (void *)-1L;
		failures += kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, tasks, strlen(tasks), "t.csv", NULL) != 0;
		failures += kik_measure_status(kik_plan_find_measure(plan, "SB-4.6")) != KIK_STATUS_IMPLEMENTED;
		failures +=
		    kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, bad, strlen(bad), "bad.csv", NULL) != KIK_EPARSE;
		e = kik_error_last();
		failures += !e || e->line != 2 || e->column != 12 || strcmp(e->file, "bad.csv") != 0;
		s = count_field(kik_plan_find_field(plan, "SB"));
		failures += s.count[KIK_STATUS_IMPLEMENTED] != 8;
		failures += kik_plan_check(plan, 0, &findings) != 0 || kik_findings_count(findings) != 6;
		kik_findings_free(findings);
		failures += kik_plan_report(plan, to_sink, &report, NULL) != 0 || !strstr(report.data, "SB-4.6");
		free(report.data);
		kik_plan_free(plan);
	}
	return (void *)failures;
}

Test(threads, distinct_plans_work_in_parallel)
{
	pthread_t threads[THREADS];
	int i;
	for (i = 0; i < THREADS; i++)
		cr_assert(eq(int, pthread_create(&threads[i], NULL, work, NULL), 0));
	for (i = 0; i < THREADS; i++) {
		void *failures;
		cr_assert(eq(int, pthread_join(threads[i], &failures), 0));
		cr_assert(eq(long, (long)failures, 0), "thread %d", i);
	}
}
