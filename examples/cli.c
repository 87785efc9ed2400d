/* Helpers shared by the example CLI tools. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

void cli_print_error(const char *tool, int code)
{
	cli_print_problem(tool, kik_error_last(), code);
}

void cli_count(const kik_plan *plan, const kik_field *field, cli_counts *out)
{
	kik_summary *s;
	int st, err = field ? kik_summary_of_field(field, &s) : kik_summary_of_plan(plan, &s);
	if (err < 0) {
		cli_print_error("kik", err);
		exit(CLI_BAD_INPUT);
	}
	out->goals = kik_summary_goals(s);
	out->measures = kik_summary_measures(s);
	for (st = 0; st < KIK_STATUS_COUNT; st++) {
		out->count[st] = kik_summary_count(s, (kik_status)st);
		out->percent[st] = kik_summary_percent(s, (kik_status)st);
	}
	kik_summary_free(s);
}

void cli_print_problem(const char *tool, const kik_error *e, int code)
{
	if (!e) {
		fprintf(stderr, "%s: %s\n", tool, kik_error_code_name(code));
	} else if (e->file && e->line) {
		fprintf(stderr, "%s:%lu:%lu: %s\n", e->file, e->line, e->column, e->message);
	} else if (e->file) {
		fprintf(stderr, "%s: %s\n", e->file, e->message);
	} else {
		fprintf(stderr, "%s: %s\n", tool, e->message);
	}
}

int cli_take_option(int argc, char **argv, int *i, cli_inputs *in)
{
	static const char *const names[] = { "--fields", "--tasks", "--published", "--rule" };
	const char **slots[] = { &in->fields, &in->tasks, &in->published, &in->rule };
	size_t k;
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (strcmp(argv[*i], names[k]) == 0 && *i + 1 < argc) {
			*slots[k] = argv[++*i];
			return 1;
		}
	}
	return 0;
}

kik_plan *cli_load_plan(const char *tool, const cli_inputs *in)
{
	kik_plan *plan = NULL;
	kik_rule rule = KIK_RULE_STRICT;
	int err;
	if (in->rule && kik_rule_parse(in->rule, &rule) < 0) {
		fprintf(stderr, "%s: unknown rule '%s': expected strict or missing_kind_satisfied\n", tool, in->rule);
		return NULL;
	}
	err = in->measures ? kik_plan_new(&plan) : kik_plan_new_default(&plan);
	if (err < 0) {
		cli_print_error(tool, err);
		return NULL;
	}
	if ((in->fields && (err = kik_plan_import_file(plan, KIK_IMPORT_FIELDS, in->fields, NULL)) < 0) ||
	    (in->measures && (err = kik_plan_import_file(plan, KIK_IMPORT_AUTO, in->measures, NULL)) < 0) ||
	    (in->published && (err = kik_plan_import_file(plan, KIK_IMPORT_PUBLISHED, in->published, NULL)) < 0) ||
	    (in->tasks && (err = kik_plan_import_file(plan, KIK_IMPORT_TASKS, in->tasks, NULL)) < 0) ||
	    (err = kik_plan_set_rule(plan, rule)) < 0) {
		cli_print_error(tool, err);
		kik_plan_free(plan);
		return NULL;
	}
	return plan;
}

void cli_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\r')
			fputs("\\r", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}
