/* kik-diff: what changed between two snapshots of a plan. */
#include "cli.h"

#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: kik-diff [--format table|json] [--fields FILE] [--tasks-old FILE] [--tasks-new FILE] OLD NEW\n"
    "Lists per field of action the change of each count, and every field, group, goal, measure\n"
    "and task added, removed or changed from OLD to NEW (measures with their status). OLD and\n"
    "NEW are measures files, status matrices or stores (FILE@SNAPSHOT for a snapshot, FILE alone\n"
    "for the working state); the word 'bundled' (when no such file exists) stands for the bundled plan.\n"
    "Exit status: 0 when the plans agree, 1 when they differ, 2 on unreadable input.\n";

static kik_plan *load(const char *path, const char *fields, const char *tasks)
{
	cli_inputs in = { 0 };
	in.measures = strcmp(path, "bundled") == 0 && access(path, F_OK) != 0 ? NULL : path;
	in.fields = in.measures ? fields : NULL;
	in.tasks = tasks;
	return cli_load_plan("kik-diff", &in);
}

int main(int argc, char **argv)
{
	const char *format = "table", *fields = NULL, *tasks_old = NULL, *tasks_new = NULL, *paths[2];
	kik_plan *old_plan = NULL, *new_plan = NULL;
	kik_diff *d;
	int i, n = 0, err, status;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			return cli_finish("kik-diff", CLI_OK);
		} else if (v && !strcmp(a, "--format") && (!strcmp(v, "table") || !strcmp(v, "json"))) {
			format = argv[++i];
		} else if (v && !strcmp(a, "--fields")) {
			fields = argv[++i];
		} else if (v && !strcmp(a, "--tasks-old")) {
			tasks_old = argv[++i];
		} else if (v && !strcmp(a, "--tasks-new")) {
			tasks_new = argv[++i];
		} else if (a[0] != '-' && n < 2) {
			paths[n++] = a;
		} else {
			fputs(usage, stderr);
			return CLI_BAD_INPUT;
		}
	}
	if (n != 2) {
		fputs(usage, stderr);
		return CLI_BAD_INPUT;
	}
	if (!(old_plan = load(paths[0], fields, tasks_old)) || !(new_plan = load(paths[1], fields, tasks_new))) {
		kik_plan_free(old_plan);
		return CLI_BAD_INPUT;
	}
	if ((err = kik_plan_diff(old_plan, new_plan, &d)) < 0) {
		cli_print_error("kik-diff", err);
		status = CLI_BAD_INPUT;
	} else {
		cli_print_diff(old_plan, new_plan, d, strcmp(format, "json") == 0);
		status = cli_diff_differs(d) ? CLI_FINDINGS : CLI_OK;
		kik_diff_free(d);
	}
	kik_plan_free(old_plan);
	kik_plan_free(new_plan);
	return cli_finish("kik-diff", status);
}
