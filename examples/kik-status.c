/* kik-status: the status of a plan per field of action and in total. */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "usage: kik-status [--format table|csv|json] [--tasks FILE] [--fields FILE] [--rule RULE] [MEASURES_FILE]\n"
    "Prints goals, measures and the count and percentage of measures per status, per field of\n"
    "action and in total, for the bundled plan (KIK, 2023-10-05) or for MEASURES_FILE. With\n"
    "tasks, measures that have tasks count with the status derived from them.\n"
    "  --format FORMAT   table (default), csv or json\n" CLI_INPUT_OPTIONS_HELP
    "Exit status: 0 on success, 2 on unreadable input or bad usage.\n";

static void print_table(const kik_plan *plan)
{
	cli_counts s;
	size_t i;
	int st;
	cli_print_text(stdout, kik_plan_name(plan), 0);
	printf("%s%s\n\n", *kik_plan_as_of(plan) ? ", as of " : "", kik_plan_as_of(plan));
	printf("%-6s %-34s %5s %8s", "field", "name", "goals", "measures");
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf("  %15s", kik_status_label((kik_status)st, KIK_LANG_DE));
	printf("\n");
	for (i = 0; i <= kik_plan_field_count(plan); i++) {
		const kik_field *f = kik_plan_field(plan, i);
		const char *name = f ? kik_field_name(f) : "";
		size_t chars = cli_text_width(name, 0);
		if (f)
			cli_count(NULL, f, &s);
		else
			cli_count(plan, NULL, &s);
		/* names are UTF-8: pad by the characters shown, not bytes */
		printf("%-6s ", f ? kik_field_code(f) : "total");
		cli_print_text(stdout, name, 0);
		printf("%*s %5zu %8zu", (int)(chars < 34 ? 34 - chars : 0), "", s.goals, s.measures);
		for (st = 0; st < KIK_STATUS_COUNT; st++)
			printf("  %6zu (%3u %%)", s.count[st], s.percent[st]);
		printf("\n");
	}
}

static void print_csv_row(const char *code, const char *name, const cli_counts *s)
{
	int st;
	printf("%s;\"", code);
	cli_print_csv_text(stdout, name);
	printf("\";%zu;%zu", s->goals, s->measures);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf(";%zu", s->count[st]);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf(";%u", s->percent[st]);
	printf("\n");
}

static void print_csv(const kik_plan *plan)
{
	cli_counts s;
	size_t i;
	printf("field;name;goals;measures;waiting;in_progress;implemented;"
	       "waiting_percent;in_progress_percent;implemented_percent\n");
	for (i = 0; i < kik_plan_field_count(plan); i++) {
		const kik_field *f = kik_plan_field(plan, i);
		cli_count(NULL, f, &s);
		print_csv_row(kik_field_code(f), kik_field_name(f), &s);
	}
	cli_count(plan, NULL, &s);
	print_csv_row("total", "", &s);
}

static void print_json_counts(const cli_counts *s)
{
	int st;
	printf("\"goals\": %zu, \"measures\": %zu, \"counts\": {", s->goals, s->measures);
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf("%s\"%s\": %zu", st ? ", " : "", kik_status_key((kik_status)st), s->count[st]);
	printf("}, \"percent\": {");
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf("%s\"%s\": %u", st ? ", " : "", kik_status_key((kik_status)st), s->percent[st]);
	printf("}");
}

static void print_json(const kik_plan *plan)
{
	cli_counts s;
	size_t i;
	printf("{\"plan\": ");
	cli_json_string(stdout, kik_plan_name(plan));
	printf(", \"as_of\": ");
	if (*kik_plan_as_of(plan))
		cli_json_string(stdout, kik_plan_as_of(plan));
	else
		printf("null");
	printf(",\n \"fields\": [");
	for (i = 0; i < kik_plan_field_count(plan); i++) {
		const kik_field *f = kik_plan_field(plan, i);
		cli_count(NULL, f, &s);
		printf("%s\n  {\"code\": ", i ? "," : "");
		cli_json_string(stdout, kik_field_code(f));
		printf(", \"name\": ");
		cli_json_string(stdout, kik_field_name(f));
		printf(", ");
		print_json_counts(&s);
		printf("}");
	}
	cli_count(plan, NULL, &s);
	printf("],\n \"total\": {");
	print_json_counts(&s);
	printf("}}\n");
}

int main(int argc, char **argv)
{
	const char *format = "table";
	cli_inputs in = { 0 };
	kik_plan *plan;
	int i;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return cli_finish("kik-status", CLI_OK);
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			format = argv[++i];
		} else if (cli_take_option(argc, argv, &i, &in)) {
			continue;
		} else if (argv[i][0] != '-' && !in.measures) {
			in.measures = argv[i];
		} else {
			fputs(usage, stderr);
			return CLI_BAD_INPUT;
		}
	}
	if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0 && strcmp(format, "json") != 0) {
		fprintf(stderr, "kik-status: unknown format '%s': expected table, csv or json\n", format);
		return CLI_BAD_INPUT;
	}
	plan = cli_load_plan("kik-status", &in);
	if (!plan)
		return CLI_BAD_INPUT;
	if (strcmp(format, "json") == 0)
		print_json(plan);
	else if (strcmp(format, "csv") == 0)
		print_csv(plan);
	else
		print_table(plan);
	kik_plan_free(plan);
	return cli_finish("kik-status", CLI_OK);
}
