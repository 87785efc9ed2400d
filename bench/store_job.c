/* The store's benchmark jobs; each prints one line of JSON.
 *
 *   store_job save MEASURES TASKS STORE   the plan of two CSV files (read first, not
 *                                         timed) saved into a new store: open, save, close
 *   store_job load STORE                  the working state loaded: open, load
 *   store_job import MEASURES TASKS       what the load is compared with: the plan made from
 *                                         the two CSV files by libkik's importers, timed
 *                                         and measured as the load is
 *   store_job edit STORE N                N single edits (a task's state, each with its
 *                                         change-log entry) on the bundled plan, each timed
 *   store_job trend STORE N SNAPSHOTS     the trend over SNAPSHOTS snapshots of the bundled
 *                                         plan, N times
 *
 * Memory: the plan's own is what the process's resident size grows by while it is built;
 * a job's peak is the high-water mark of the resident size (reset before the job, Linux's
 * /proc/self/clear_refs) less the size before it. */
#define _POSIX_C_SOURCE 200809L
#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* User and system time of this process so far. */
static double cpu(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec / 1e6 + (double)u.ru_stime.tv_sec +
	       (double)u.ru_stime.tv_usec / 1e6;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* VmRSS or VmHWM of this process, in MB (-1 where /proc is not there). */
static double status_mb(const char *key)
{
	char line[256];
	double kb = -1;
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, key, strlen(key)) == 0)
			kb = atof(line + strlen(key) + 1);
	fclose(f);
	return kb / 1024;
}

/* Starts the high-water mark of the resident size anew. */
static void reset_peak(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	if (f) {
		fputs("5", f);
		fclose(f);
	}
}

static int fail(const char *what)
{
	const kik_error *e = kik_error_last();
	fprintf(stderr, "store_job: %s: %s\n", what, e ? e->message : "failed");
	return 1;
}

static int save(const char *measures, const char *tasks, const char *path)
{
	kik_plan *plan;
	kik_store *store;
	double start = status_mb("VmRSS:"), before, t, c;
	char wal[4096];
	if (kik_plan_new(&plan) < 0 || kik_plan_import_file(plan, KIK_IMPORT_MEASURES, measures, NULL) < 0 ||
	    kik_plan_import_file(plan, KIK_IMPORT_TASKS, tasks, NULL) < 0)
		return fail("reading the CSV files");
	remove(path);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	remove(wal);
	before = status_mb("VmRSS:");
	reset_peak();
	c = cpu();
	t = now();
	if (kik_store_open(&store, path, NULL) < 0 || kik_store_save(store, "bench", plan, NULL) < 0)
		return fail("saving");
	kik_store_free(store);
	t = now() - t;
	printf("{\"seconds\": %.4f, \"cpu\": %.4f, \"plan_mb\": %.1f, \"peak_mb\": %.1f, \"measures\": %zu, "
	       "\"tasks\": %zu}\n",
	       t, cpu() - c, before - start, status_mb("VmHWM:") - before, kik_plan_measure_count(plan),
	       kik_plan_task_count(plan));
	kik_plan_free(plan);
	return 0;
}

static int load(const char *path)
{
	kik_plan *plan;
	kik_store *store;
	double before = status_mb("VmRSS:"), t, c = cpu();
	reset_peak();
	t = now();
	if (kik_store_open(&store, path, NULL) < 0 || kik_store_load(store, NULL, NULL, &plan) < 0)
		return fail("loading");
	t = now() - t;
	printf("{\"seconds\": %.4f, \"cpu\": %.4f, \"plan_mb\": %.1f, \"peak_mb\": %.1f, \"measures\": %zu, "
	       "\"tasks\": %zu}\n",
	       t, cpu() - c, status_mb("VmRSS:") - before, status_mb("VmHWM:") - before, kik_plan_measure_count(plan),
	       kik_plan_task_count(plan));
	/* the process ends here: freeing the plan would only add to the time */
	return 0;
}

static int import(const char *measures, const char *tasks)
{
	kik_plan *plan;
	double before = status_mb("VmRSS:"), t, c = cpu();
	reset_peak();
	t = now();
	if (kik_plan_new(&plan) < 0 || kik_plan_import_file(plan, KIK_IMPORT_MEASURES, measures, NULL) < 0 ||
	    kik_plan_import_file(plan, KIK_IMPORT_TASKS, tasks, NULL) < 0)
		return fail("reading the CSV files");
	t = now() - t;
	printf("{\"seconds\": %.4f, \"cpu\": %.4f, \"plan_mb\": %.1f, \"peak_mb\": %.1f, \"measures\": %zu, "
	       "\"tasks\": %zu}\n",
	       t, cpu() - c, status_mb("VmRSS:") - before, status_mb("VmHWM:") - before, kik_plan_measure_count(plan),
	       kik_plan_task_count(plan));
	/* the process ends here, as after the load */
	return 0;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of n times, with the least and the most. */
static void print_times(const char *what, double *times, int n)
{
	qsort(times, (size_t)n, sizeof(*times), by_value);
	printf("{\"%s\": %.6f, \"min\": %.6f, \"max\": %.6f, \"n\": %d}\n", what, times[n / 2], times[0], times[n - 1],
	       n);
}

static int edit(const char *path, int n)
{
	kik_plan *plan;
	kik_store *store;
	kik_edit_info info = KIK_EDIT_INFO_INIT;
	double *times = malloc((size_t)n * sizeof(double));
	unsigned long id;
	int i;
	remove(path);
	if (!times || kik_plan_new_default(&plan) < 0)
		return fail("making the plan");
	{ /* a task to edit */
		kik_task_desc d = KIK_TASK_DESC_INIT;
		const kik_task *t;
		d.measure = "SB-4.6";
		d.title = "Fachtag";
		if (kik_plan_add_task(plan, &d, &t) < 0)
			return fail("adding a task");
		id = kik_task_id(t);
	}
	if (kik_store_open(&store, path, NULL) < 0 || kik_store_save(store, NULL, plan, NULL) < 0)
		return fail("saving");
	info.author = "bench";
	for (i = 0; i < n; i++) {
		double t = now();
		if (kik_store_set_task_state(store, NULL, id, i % 2 ? KIK_TASK_OPEN : KIK_TASK_DONE, &info) < 0)
			return fail("editing");
		times[i] = now() - t;
	}
	print_times("seconds", times, n);
	kik_store_free(store);
	kik_plan_free(plan);
	free(times);
	return 0;
}

static int trend(const char *path, int n, int snapshots)
{
	kik_plan *plan;
	kik_store *store;
	kik_snapshot_desc d = KIK_SNAPSHOT_DESC_INIT;
	double *times = malloc((size_t)n * sizeof(double));
	char date[32];
	int i;
	remove(path);
	if (!times || kik_plan_new_default(&plan) < 0 || kik_store_open(&store, path, NULL) < 0)
		return fail("making the store");
	for (i = 0; i < snapshots; i++) { /* a measure more done at each */
		const kik_measure *m = kik_plan_measure(plan, (size_t)i * 7 % kik_plan_measure_count(plan));
		if (kik_plan_set_recorded_status(plan, kik_measure_id(m), KIK_STATUS_IMPLEMENTED, NULL) < 0 ||
		    kik_store_save(store, NULL, plan, NULL) < 0)
			return fail("saving");
		snprintf(date, sizeof(date), "%04d-06-30", 2000 + i);
		d.as_of = date;
		if (kik_store_snapshot(store, NULL, &d, NULL) < 0)
			return fail("taking a snapshot");
	}
	for (i = 0; i < n; i++) {
		kik_trend *t;
		double start = now();
		if (kik_store_trend(store, NULL, &t) < 0)
			return fail("the trend");
		times[i] = now() - start;
		kik_trend_free(t);
	}
	print_times("seconds", times, n);
	kik_store_free(store);
	kik_plan_free(plan);
	free(times);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "save") == 0)
		return save(argv[2], argv[3], argv[4]);
	if (argc == 3 && strcmp(argv[1], "load") == 0)
		return load(argv[2]);
	if (argc == 4 && strcmp(argv[1], "import") == 0)
		return import(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "edit") == 0)
		return edit(argv[2], atoi(argv[3]));
	if (argc == 5 && strcmp(argv[1], "trend") == 0)
		return trend(argv[2], atoi(argv[3]), atoi(argv[4]));
	fprintf(stderr, "usage: store_job save MEASURES TASKS STORE | load STORE | import MEASURES TASKS | "
			"edit STORE N | "
			"trend STORE N SNAPSHOTS\n");
	return 2;
}
