/* kik-diff: what changed between two snapshots of a plan. */
#include "cli.h"

#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: kik-diff [--format table|json] [--fields FILE] [--tasks-old FILE] [--tasks-new FILE] OLD NEW\n"
    "Lists the measures added, removed and changed in status from OLD to NEW, and per field\n"
    "of action the change of each count. OLD and NEW are measures files or status matrices;\n"
    "the word 'bundled' (when no such file exists) stands for the bundled plan.\n"
    "Exit status: 0 when the plans agree, 1 when they differ, 2 on unreadable input.\n";

static kik_plan *load(const char *path, const char *fields, const char *tasks)
{
	cli_inputs in = { 0 };
	in.measures = strcmp(path, "bundled") == 0 && access(path, F_OK) != 0 ? NULL : path;
	in.fields = in.measures ? fields : NULL;
	in.tasks = tasks;
	return cli_load_plan("kik-diff", &in);
}

static void delta(size_t from, size_t to)
{
	char change[32];
	snprintf(change, sizeof(change), "(%+ld)", (long)to - (long)from);
	printf("  %4zu -> %4zu %-6s", from, to, to == from ? "" : change);
}

static void print_table(const kik_plan *old_plan, const kik_plan *new_plan, const kik_diff *d)
{
	size_t i;
	int st;
	printf("from %s to %s\n\n", *kik_plan_as_of(old_plan) ? kik_plan_as_of(old_plan) : "OLD",
	       *kik_plan_as_of(new_plan) ? kik_plan_as_of(new_plan) : "NEW");
	printf("%-6s", "field");
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf("  %-20s", kik_status_label((kik_status)st, KIK_LANG_DE));
	printf("  %s\n", "measures");
	for (i = 0; i < kik_diff_field_count(d); i++) {
		const kik_field_change *f = kik_diff_field(d, i);
		printf("%-6s", f->code);
		for (st = 0; st < KIK_STATUS_COUNT; st++)
			delta(f->old_count[st], f->new_count[st]);
		delta(f->old_measures, f->new_measures);
		printf("\n");
	}
	printf("\n%zu changed measures\n", kik_diff_change_count(d));
	for (i = 0; i < kik_diff_change_count(d); i++) {
		const kik_change *c = kik_diff_change(d, i);
		printf("%-8s %-8s ", kik_change_kind_key(c->kind), c->id);
		if (c->kind == KIK_CHANGE_STATUS)
			printf("%s -> %s", kik_status_label(c->old_status, KIK_LANG_DE),
			       kik_status_label(c->new_status, KIK_LANG_DE));
		else
			printf("%s", kik_status_label(c->kind == KIK_CHANGE_ADDED ? c->new_status : c->old_status,
						      KIK_LANG_DE));
		fputs("  ", stdout);
		cli_print_text(stdout, c->text, 60);
		putchar('\n');
	}
}

static void json_counts(const size_t *counts, size_t measures)
{
	int st;
	printf("{");
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf("\"%s\": %zu, ", kik_status_key((kik_status)st), counts[st]);
	printf("\"measures\": %zu}", measures);
}

static void json_plan(const char *key, const kik_plan *p)
{
	printf("\"%s\": {\"plan\": ", key);
	cli_json_string(stdout, kik_plan_name(p));
	printf(", \"as_of\": ");
	if (*kik_plan_as_of(p))
		cli_json_string(stdout, kik_plan_as_of(p));
	else
		printf("null");
	printf("}");
}

static void print_json(const kik_plan *old_plan, const kik_plan *new_plan, const kik_diff *d)
{
	size_t i;
	printf("{");
	json_plan("old", old_plan);
	printf(", ");
	json_plan("new", new_plan);
	printf(",\n \"fields\": [");
	for (i = 0; i < kik_diff_field_count(d); i++) {
		const kik_field_change *f = kik_diff_field(d, i);
		printf("%s\n  {\"code\": ", i ? "," : "");
		cli_json_string(stdout, f->code);
		printf(", \"old\": ");
		json_counts(f->old_count, f->old_measures);
		printf(", \"new\": ");
		json_counts(f->new_count, f->new_measures);
		printf("}");
	}
	printf("],\n \"measures\": [");
	for (i = 0; i < kik_diff_change_count(d); i++) {
		const kik_change *c = kik_diff_change(d, i);
		printf("%s\n  {\"id\": ", i ? "," : "");
		cli_json_string(stdout, c->id);
		printf(", \"field\": ");
		cli_json_string(stdout, c->field);
		printf(", \"change\": \"%s\"", kik_change_kind_key(c->kind));
		if (c->kind != KIK_CHANGE_ADDED)
			printf(", \"old_status\": \"%s\"", kik_status_key(c->old_status));
		if (c->kind != KIK_CHANGE_REMOVED)
			printf(", \"new_status\": \"%s\"", kik_status_key(c->new_status));
		printf("}");
	}
	printf("]}\n");
}

static int fields_differ(const kik_diff *d)
{
	size_t i;
	for (i = 0; i < kik_diff_field_count(d); i++) {
		const kik_field_change *f = kik_diff_field(d, i);
		if (memcmp(f->old_count, f->new_count, sizeof(f->old_count)) != 0)
			return 1;
	}
	return 0;
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
		cli_print_error("kik-diff", NULL, err);
		status = CLI_BAD_INPUT;
	} else {
		if (strcmp(format, "json") == 0)
			print_json(old_plan, new_plan, d);
		else
			print_table(old_plan, new_plan, d);
		status = kik_diff_change_count(d) || fields_differ(d) ? CLI_FINDINGS : CLI_OK;
		kik_diff_free(d);
	}
	kik_plan_free(old_plan);
	kik_plan_free(new_plan);
	return cli_finish("kik-diff", status);
}
