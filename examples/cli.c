/* Helpers shared by the example CLI tools. */
#include "cli.h"

#include <string.h>

void cli_print_error(const char *tool, const kik_plan *plan, int code)
{
	const kik_error *e = plan ? kik_plan_last_error(plan) : NULL;
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

kik_plan *cli_load_plan(const char *tool, const char *measures, const char *fields)
{
	kik_plan *plan = NULL;
	int err;
	if (!measures) {
		if ((err = kik_plan_new_default(&plan)) < 0)
			cli_print_error(tool, NULL, err);
		return plan;
	}
	if ((err = kik_plan_new(&plan)) < 0) {
		cli_print_error(tool, NULL, err);
		return NULL;
	}
	if ((fields && (err = kik_plan_import_file(plan, KIK_IMPORT_FIELDS, fields, NULL)) < 0) ||
	    (err = kik_plan_import_file(plan, KIK_IMPORT_MEASURES, measures, NULL)) < 0) {
		cli_print_error(tool, plan, err);
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
