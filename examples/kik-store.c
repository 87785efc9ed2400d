/* kik-store: plans with their history in one file. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: kik-store COMMAND STORE [options]\n"
    "Keeps plans, their working state and dated snapshots in STORE, one SQLite file that the\n"
    "other tools read with --store STORE[@SNAPSHOT].\n"
    "  init STORE                       make a store (or upgrade an older one); with --plan, a plan\n"
    "  import STORE FILE...             import files into the working state, each as its kind\n"
    "                                   (told by --kind, or measures/matrix by content; with\n"
    "                                   --fields, --info, --tasks, --published FILE the kind is\n"
    "                                   named: fields, plan information, tasks, published figures)\n"
    "  snapshot STORE [--as-of DATE] [--label LABEL]\n"
    "                                   freeze the working state (at its own date by default)\n"
    "  list STORE                       the plans, their snapshots and working state\n"
    "  history STORE ID                 a measure (SB-4.6) or task (17) at every snapshot and edit\n"
    "  trend STORE [--format table|csv|json] [--goals]\n"
    "                                   counts and percentages at every snapshot (with --goals\n"
    "                                   per goal too)\n"
    "  diff STORE A B [--format table|json]\n"
    "                                   what changed from snapshot A to B ('working': the working state)\n"
    "  export STORE [--snapshot S] [--kind KIND] [-o FILE]\n"
    "                                   a part of the plan as CSV (measures by default)\n"
    "  log STORE                        the change log, oldest first\n"
    "Options of every command: --plan NAME (the store's only plan by default; import and\n"
    "snapshot make 'main' in an empty store), --author NAME and --note TEXT (for the log).\n"
    "Exit status: 0 on success, 1 when diff finds differences, 2 on errors or bad usage.\n";

typedef struct args {
	const char *command, *store, *plan, *author, *note, *as_of, *label, *format, *kind, *snapshot, *output;
	const char *fields, *info, *tasks, *published;
	const char *positional[64];
	int count, goals;
} args;

static int parse(int argc, char **argv, args *a)
{
	static const char *const names[] = { "--plan",   "--author", "--note",     "--as-of", "--label",
					     "--format", "--kind",   "--snapshot", "-o",      "--fields",
					     "--info",   "--tasks",  "--published" };
	const char **slots[] = { &a->plan,     &a->author, &a->note,   &a->as_of, &a->label, &a->format,   &a->kind,
				 &a->snapshot, &a->output, &a->fields, &a->info,  &a->tasks, &a->published };
	int i;
	size_t k;
	memset(a, 0, sizeof(*a));
	a->format = "table";
	for (i = 1; i < argc; i++) {
		for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcmp(argv[i], names[k]) == 0 && i + 1 < argc)
				break;
		if (k < sizeof(names) / sizeof(names[0])) {
			*slots[k] = argv[++i];
		} else if (strcmp(argv[i], "--goals") == 0) {
			a->goals = 1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return -1;
		} else if (a->count < 64) {
			a->positional[a->count++] = argv[i];
		} else {
			return -1;
		}
	}
	if (a->count < 2)
		return -1;
	a->command = a->positional[0];
	a->store = a->positional[1];
	return 0;
}

static int failed(int err)
{
	cli_print_error("kik-store", err);
	return CLI_BAD_INPUT;
}

static kik_store *open_store(const args *a, int read_only)
{
	kik_store_options o = KIK_STORE_OPTIONS_INIT;
	kik_store *s = NULL;
	int err;
	o.flags = read_only ? KIK_STORE_READ_ONLY | KIK_STORE_MUST_EXIST : 0;
	if ((err = kik_store_open(&s, a->store, &o)) < 0)
		failed(err);
	return s;
}

static kik_edit_info edit_info(const args *a)
{
	kik_edit_info info = KIK_EDIT_INFO_INIT;
	info.author = a->author;
	info.note = a->note;
	return info;
}

/* import STORE FILE...: each file as the kind --kind names, or found by content. */
static int import(kik_store *s, const args *a)
{
	kik_edit_info info = edit_info(a);
	kik_import_kind kind = KIK_IMPORT_AUTO;
	const char *named[4] = { a->fields, a->info, a->published, a->tasks };
	static const kik_import_kind kinds[4] = { KIK_IMPORT_FIELDS, KIK_IMPORT_PLAN_INFO, KIK_IMPORT_PUBLISHED,
						  KIK_IMPORT_TASKS };
	int i, k, err;
	if (a->kind) {
		static const char *const keys[] = { "measures",  "fields", "plan_info", "tasks",
						    "published", "matrix", "auto" };
		for (k = 0; k < 7 && strcmp(a->kind, keys[k]) != 0; k++)
			;
		if (k == 7) {
			fprintf(stderr, "kik-store: unknown kind '%s'\n", a->kind);
			return CLI_BAD_INPUT;
		}
		kind = (kik_import_kind)k;
	}
	/* fields first: measures files name fields by them; tasks last: they need the measures */
	for (k = 0; k < 2; k++)
		if (named[k] && (err = kik_store_import_file(s, a->plan, kinds[k], named[k], NULL, &info)) < 0)
			return failed(err);
	for (i = 2; i < a->count; i++)
		if ((err = kik_store_import_file(s, a->plan, kind, a->positional[i], NULL, &info)) < 0)
			return failed(err);
	for (k = 2; k < 4; k++)
		if (named[k] && (err = kik_store_import_file(s, a->plan, kinds[k], named[k], NULL, &info)) < 0)
			return failed(err);
	return CLI_OK;
}

static int snapshot(kik_store *s, const args *a)
{
	kik_snapshot_desc d = KIK_SNAPSHOT_DESC_INIT;
	kik_edit_info info = edit_info(a);
	int err;
	d.as_of = a->as_of;
	d.label = a->label;
	if ((err = kik_store_snapshot(s, a->plan, &d, &info)) < 0)
		return failed(err);
	return CLI_OK;
}

static int list(kik_store *s)
{
	kik_string_list *plans;
	size_t i, k;
	int err;
	if ((err = kik_store_list_plans(s, &plans)) < 0)
		return failed(err);
	for (i = 0; i < kik_string_list_count(plans); i++) {
		const char *name = kik_string_list_get(plans, i);
		kik_snapshot_list *snaps;
		kik_plan *work;
		if ((err = kik_store_list_snapshots(s, name, &snaps)) < 0 ||
		    (err = kik_store_load(s, name, NULL, &work)) < 0) {
			kik_string_list_free(plans);
			return failed(err);
		}
		printf("%s: %s, %zu measures, %zu tasks in the working state (as of %s)\n", name, kik_plan_name(work),
		       kik_plan_measure_count(work), kik_plan_task_count(work),
		       *kik_plan_as_of(work) ? kik_plan_as_of(work) : "no date");
		for (k = 0; k < kik_snapshot_list_count(snaps); k++) {
			const kik_snapshot *snap = kik_snapshot_list_get(snaps, k);
			printf("  snapshot %s%s%s%s  taken %s%s%s\n", kik_snapshot_as_of(snap),
			       *kik_snapshot_label(snap) ? " \"" : "", kik_snapshot_label(snap),
			       *kik_snapshot_label(snap) ? "\"" : "", kik_snapshot_taken(snap),
			       *kik_snapshot_author(snap) ? " by " : "", kik_snapshot_author(snap));
		}
		kik_snapshot_list_free(snaps);
		kik_plan_free(work);
	}
	kik_string_list_free(plans);
	return CLI_OK;
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

/* history and log: one line per entry. */
static void print_entries(const kik_history *h, int log)
{
	size_t i;
	for (i = 0; i < kik_history_count(h); i++) {
		const kik_history_entry *e = kik_history_get(h, i);
		if (kik_history_entry_source(e) == KIK_HISTORY_WORKING) {
			printf("%-20s working state  %s\n", kik_history_entry_time(e),
			       or_dash(kik_history_entry_value(e)));
			continue;
		}
		if (kik_history_entry_source(e) == KIK_HISTORY_SNAPSHOT) {
			printf("%-20s snapshot%s%s%s  %s\n", kik_history_entry_time(e),
			       *kik_history_entry_label(e) ? " \"" : "", kik_history_entry_label(e),
			       *kik_history_entry_label(e) ? "\"" : "", or_dash(kik_history_entry_value(e)));
			continue;
		}
		printf("%-20s %-20s %s", kik_history_entry_time(e), kik_history_entry_action(e),
		       kik_history_entry_object(e));
		if (kik_history_entry_old(e) && kik_history_entry_new(e))
			printf(" %s: %s -> %s", kik_history_entry_what(e), kik_history_entry_old(e),
			       kik_history_entry_new(e));
		else if (kik_history_entry_old(e) || kik_history_entry_new(e))
			printf(" %s: %s", kik_history_entry_what(e),
			       kik_history_entry_new(e) ? kik_history_entry_new(e) : kik_history_entry_old(e));
		if (!log && kik_history_entry_value(e))
			printf("  (now %s)", kik_history_entry_value(e));
		if (*kik_history_entry_author(e))
			printf("  by %s", kik_history_entry_author(e));
		if (*kik_history_entry_note(e))
			printf("  \"%s\"", kik_history_entry_note(e));
		printf("\n");
	}
}

static int history(kik_store *s, const args *a)
{
	kik_history *h;
	int err;
	if (a->count != 3) {
		fputs(usage, stderr);
		return CLI_BAD_INPUT;
	}
	if ((err = kik_store_history(s, a->plan, a->positional[2], &h)) < 0)
		return failed(err);
	print_entries(h, 0);
	kik_history_free(h);
	return CLI_OK;
}

static int show_log(kik_store *s, const args *a)
{
	kik_history *h;
	int err;
	if ((err = kik_store_log(s, a->plan, &h)) < 0)
		return failed(err);
	print_entries(h, 1);
	kik_history_free(h);
	return CLI_OK;
}

static const char *scope_key(kik_trend_scope scope)
{
	return scope == KIK_TREND_PLAN ? "plan" : scope == KIK_TREND_FIELD ? "field" : "goal";
}

static int trend(kik_store *s, const args *a)
{
	kik_trend *t;
	size_t i;
	int st, err, json = strcmp(a->format, "json") == 0, csv = strcmp(a->format, "csv") == 0;
	if (!json && !csv && strcmp(a->format, "table") != 0) {
		fputs(usage, stderr);
		return CLI_BAD_INPUT;
	}
	if ((err = kik_store_trend(s, a->plan, &t)) < 0)
		return failed(err);
	if (csv)
		printf("as_of;label;scope;field;goal;measures;waiting;in_progress;implemented;"
		       "waiting_percent;in_progress_percent;implemented_percent\n");
	else if (json)
		printf("[");
	else
		printf("%-10s %-16s %-6s %4s %8s  %15s  %15s  %15s\n", "as_of", "label", "field", "goal", "measures",
		       kik_status_label(KIK_STATUS_WAITING, KIK_LANG_DE),
		       kik_status_label(KIK_STATUS_IN_PROGRESS, KIK_LANG_DE),
		       kik_status_label(KIK_STATUS_IMPLEMENTED, KIK_LANG_DE));
	for (i = 0; i < kik_trend_count(t); i++) {
		const kik_trend_row *r = kik_trend_get(t, i);
		kik_trend_scope scope = kik_trend_row_scope(r);
		if (scope == KIK_TREND_GOAL && !a->goals)
			continue;
		if (csv) {
			printf("%s;\"", kik_trend_row_as_of(r)); /* a label may hold the delimiter */
			cli_print_csv_text(stdout, kik_trend_row_label(r));
			printf("\";%s;%s;", scope_key(scope), kik_trend_row_field(r));
			if (scope == KIK_TREND_GOAL)
				printf("%u", kik_trend_row_goal(r));
			printf(";%zu", kik_trend_row_measures(r));
			for (st = 0; st < KIK_STATUS_COUNT; st++)
				printf(";%zu", kik_trend_row_count(r, (kik_status)st));
			for (st = 0; st < KIK_STATUS_COUNT; st++)
				printf(";%u", kik_trend_row_percent(r, (kik_status)st));
			printf("\n");
		} else if (json) {
			printf("%s\n {\"as_of\": \"%s\", \"label\": ", i ? "," : "", kik_trend_row_as_of(r));
			cli_json_string(stdout, kik_trend_row_label(r));
			printf(", \"scope\": \"%s\", \"field\": ", scope_key(scope));
			cli_json_string(stdout, kik_trend_row_field(r));
			if (scope == KIK_TREND_GOAL)
				printf(", \"goal\": %u", kik_trend_row_goal(r));
			printf(", \"measures\": %zu, \"counts\": {", kik_trend_row_measures(r));
			for (st = 0; st < KIK_STATUS_COUNT; st++)
				printf("%s\"%s\": %zu", st ? ", " : "", kik_status_key((kik_status)st),
				       kik_trend_row_count(r, (kik_status)st));
			printf("}, \"percent\": {");
			for (st = 0; st < KIK_STATUS_COUNT; st++)
				printf("%s\"%s\": %u", st ? ", " : "", kik_status_key((kik_status)st),
				       kik_trend_row_percent(r, (kik_status)st));
			printf("}}");
		} else {
			char goal[16] = "";
			if (scope == KIK_TREND_GOAL)
				snprintf(goal, sizeof(goal), "%u", kik_trend_row_goal(r));
			printf("%-10s %-16.16s %-6s %4s %8zu", kik_trend_row_as_of(r), kik_trend_row_label(r),
			       scope == KIK_TREND_PLAN ? "total" : kik_trend_row_field(r), goal,
			       kik_trend_row_measures(r));
			for (st = 0; st < KIK_STATUS_COUNT; st++)
				printf("  %7zu (%3u %%)", kik_trend_row_count(r, (kik_status)st),
				       kik_trend_row_percent(r, (kik_status)st));
			printf("\n");
		}
	}
	if (json)
		printf("\n]\n");
	kik_trend_free(t);
	return CLI_OK;
}

/* A snapshot named on the command line: 'working' is the working state. */
static const char *snapshot_ref(const char *s)
{
	return s && strcmp(s, "working") != 0 ? s : NULL;
}

static int diff(kik_store *s, const args *a)
{
	kik_plan *old_plan = NULL, *new_plan = NULL;
	kik_diff *d;
	int err, status;
	if (a->count != 4 || (strcmp(a->format, "table") != 0 && strcmp(a->format, "json") != 0)) {
		fputs(usage, stderr);
		return CLI_BAD_INPUT;
	}
	if ((err = kik_store_load(s, a->plan, snapshot_ref(a->positional[2]), &old_plan)) < 0 ||
	    (err = kik_store_load(s, a->plan, snapshot_ref(a->positional[3]), &new_plan)) < 0 ||
	    (err = kik_store_diff(s, a->plan, snapshot_ref(a->positional[2]), snapshot_ref(a->positional[3]), &d)) <
		0) {
		kik_plan_free(old_plan);
		kik_plan_free(new_plan);
		return failed(err);
	}
	cli_print_diff(old_plan, new_plan, d, strcmp(a->format, "json") == 0);
	status = cli_diff_differs(d) ? CLI_FINDINGS : CLI_OK;
	kik_diff_free(d);
	kik_plan_free(old_plan);
	kik_plan_free(new_plan);
	return status;
}

static int write_stdout(void *ctx, const char *data, size_t size)
{
	(void)ctx;
	return fwrite(data, 1, size, stdout) == size ? 0 : -1;
}

static int export_part(kik_store *s, const args *a)
{
	static const char *const keys[] = { "measures", "fields", "plan_info", "tasks", "published" };
	kik_plan *plan;
	int k, err;
	for (k = 0; k < 5 && strcmp(a->kind ? a->kind : "measures", keys[k]) != 0; k++)
		;
	if (k == 5) {
		fprintf(stderr, "kik-store: cannot export '%s': measures, fields, plan_info, tasks or published\n",
			a->kind);
		return CLI_BAD_INPUT;
	}
	if ((err = kik_store_load(s, a->plan, snapshot_ref(a->snapshot), &plan)) < 0)
		return failed(err);
	err = a->output ? kik_plan_export_file(plan, (kik_import_kind)k, a->output, NULL)
			: kik_plan_export(plan, (kik_import_kind)k, write_stdout, NULL, NULL);
	kik_plan_free(plan);
	return err < 0 ? failed(err) : CLI_OK;
}

int main(int argc, char **argv)
{
	static const char *const reading[] = { "list", "history", "trend", "diff", "export", "log" };
	args a;
	kik_store *s;
	size_t k;
	int status, read_only = 0;
	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage, stdout);
		return CLI_OK;
	}
	if (parse(argc, argv, &a) < 0) {
		fputs(usage, stderr);
		return CLI_BAD_INPUT;
	}
	for (k = 0; k < sizeof(reading) / sizeof(reading[0]); k++)
		read_only |= strcmp(a.command, reading[k]) == 0;
	if (!read_only && strcmp(a.command, "init") && strcmp(a.command, "import") && strcmp(a.command, "snapshot")) {
		fprintf(stderr, "kik-store: unknown command '%s'\n%s", a.command, usage);
		return CLI_BAD_INPUT;
	}
	if (!(s = open_store(&a, read_only)))
		return CLI_BAD_INPUT;
	if (!strcmp(a.command, "init"))
		status = a.plan && kik_store_add_plan(s, a.plan) < 0 && kik_error_last()->code != KIK_EEXISTS
			     ? failed(kik_error_last()->code)
			     : CLI_OK;
	else if (!strcmp(a.command, "import"))
		status = import(s, &a);
	else if (!strcmp(a.command, "snapshot"))
		status = snapshot(s, &a);
	else if (!strcmp(a.command, "list"))
		status = list(s);
	else if (!strcmp(a.command, "history"))
		status = history(s, &a);
	else if (!strcmp(a.command, "trend"))
		status = trend(s, &a);
	else if (!strcmp(a.command, "diff"))
		status = diff(s, &a);
	else if (!strcmp(a.command, "export"))
		status = export_part(s, &a);
	else
		status = show_log(s, &a);
	kik_store_free(s);
	return status;
}
