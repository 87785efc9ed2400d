/* kik-explain: why one measure has its status. */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "usage: kik-explain [--tasks FILE] [--format text|json] [--lang de|en] [MEASURES_FILE] ID\n"
    "Prints the reasons for the status of measure ID (e.g. SB-4.6) in the bundled plan or\n"
    "in MEASURES_FILE.\n"
    "  --format FORMAT   text (default) or json\n"
    "  --lang LANG       language of the text output: en (default) or de\n" CLI_INPUT_OPTIONS_HELP
    "Exit status: 0 on success, 2 on unreadable input or an unknown id.\n";

static void print_json(const kik_measure *m, const kik_explanation *e)
{
	size_t i;
	printf("{\"measure\": ");
	cli_json_string(stdout, kik_measure_id(m));
	printf(", \"status\": \"%s\", \"recorded\": \"%s\", \"tasks\": %zu, \"reasons\": [",
	       kik_status_key(kik_explanation_status(e)), kik_status_key(kik_measure_recorded_status(m)),
	       kik_measure_task_count(m));
	for (i = 0; i < kik_explanation_count(e); i++) {
		const kik_reason *r = kik_explanation_reason(e, i);
		const kik_task *t = kik_reason_task(r);
		printf("%s\n  {\"code\": \"%s\"", i ? "," : "", kik_reason_code_key(kik_reason_code_of(r)));
		if (kik_reason_kind(r) != KIK_TASK_KIND_INVALID)
			printf(", \"kind\": \"%s\"", kik_task_kind_key(kik_reason_kind(r)));
		if (t) {
			printf(", \"task\": {\"id\": %lu, \"title\": ", kik_task_id(t));
			cli_json_string(stdout, kik_task_title(t));
			printf(", \"state\": \"%s\"}", kik_task_state_key(kik_task_state_of(t)));
		}
		printf(", \"message\": ");
		cli_json_string(stdout, kik_reason_message(r, KIK_LANG_EN));
		printf(", \"message_de\": ");
		cli_json_string(stdout, kik_reason_message(r, KIK_LANG_DE));
		printf("}");
	}
	printf("]}\n");
}

int main(int argc, char **argv)
{
	const char *format = "text", *lang = "en", *id = NULL;
	const char *positional[2] = { NULL, NULL };
	cli_inputs in = { 0 };
	kik_explanation *e;
	const kik_measure *m;
	kik_plan *plan;
	int i, n = 0, err, de;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return cli_finish("kik-explain", CLI_OK);
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			format = argv[++i];
		} else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
			lang = argv[++i];
		} else if (cli_take_option(argc, argv, &i, &in)) {
			continue;
		} else if (argv[i][0] != '-' && n < 2) {
			positional[n++] = argv[i];
		} else {
			fputs(usage, stderr);
			return CLI_BAD_INPUT;
		}
	}
	if (n == 0 || (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) ||
	    (strcmp(lang, "en") != 0 && strcmp(lang, "de") != 0)) {
		fputs(usage, stderr);
		return CLI_BAD_INPUT;
	}
	id = positional[n - 1];
	in.measures = n == 2 ? positional[0] : NULL;
	de = strcmp(lang, "de") == 0;
	if (!(plan = cli_load_plan("kik-explain", &in)))
		return CLI_BAD_INPUT;
	if (!(m = kik_plan_find_measure(plan, id))) {
		fputs("kik-explain: no measure '", stderr);
		cli_print_text(stderr, id, 0);
		fputs("' in the plan\n", stderr);
		kik_plan_free(plan);
		return CLI_BAD_INPUT;
	}
	if ((err = kik_plan_explain(plan, m, &e)) < 0) {
		cli_print_error("kik-explain", err);
		kik_plan_free(plan);
		return CLI_BAD_INPUT;
	}
	if (strcmp(format, "json") == 0) {
		print_json(m, e);
	} else {
		size_t k;
		printf("%s: ", kik_measure_id(m));
		cli_print_text(stdout, kik_measure_text(m), 0);
		putchar('\n');
		printf("%s: %s\n", de ? "Status" : "status",
		       kik_status_label(kik_explanation_status(e), de ? KIK_LANG_DE : KIK_LANG_EN));
		for (k = 0; k < kik_explanation_count(e); k++) {
			const kik_reason *r = kik_explanation_reason(e, k);
			fputs("- ", stdout);
			cli_print_text(stdout, kik_reason_message(r, de ? KIK_LANG_DE : KIK_LANG_EN), 0);
			putchar('\n');
		}
	}
	kik_explanation_free(e);
	kik_plan_free(plan);
	return cli_finish("kik-explain", CLI_OK);
}
