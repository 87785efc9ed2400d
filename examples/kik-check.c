/* kik-check: measures whose recorded status disagrees with their tasks, and published
 * figures that disagree with the computed ones. */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "usage: kik-check [--format text|json] [--lang de|en] [--tasks FILE] [--published FILE] [MEASURES_FILE]\n"
    "Runs every check on the bundled plan (KIK, 2023-10-05, with the report's published figures)\n"
    "or on the files given: (1) recorded status against the status derived from the tasks,\n"
    "(2) published per-field figures against the computed ones.\n"
    "  --format FORMAT   text (default) or json\n"
    "  --lang LANG       language of the messages: en (default) or de\n" CLI_INPUT_OPTIONS_HELP
    "Exit status: 0 when nothing is found, 1 when there are findings, 2 on unreadable input.\n";

static void print_json(const kik_findings *fs)
{
	size_t i;
	printf("{\"count\": %zu, \"findings\": [", kik_findings_count(fs));
	for (i = 0; i < kik_findings_count(fs); i++) {
		const kik_finding *f = kik_findings_get(fs, i);
		kik_finding_kind kind = kik_finding_kind_of(f);
		printf("%s\n  {\"kind\": \"%s\", \"field\": ", i ? "," : "", kik_finding_kind_key(kind));
		cli_json_string(stdout, kik_field_code(kik_finding_field(f)));
		if (kind == KIK_FINDING_STATUS_DISAGREES) {
			printf(", \"measure\": ");
			cli_json_string(stdout, kik_measure_id(kik_finding_measure(f)));
			printf(", \"recorded\": \"%s\", \"derived\": \"%s\"",
			       kik_status_key(kik_finding_recorded_status(f)), kik_status_key(kik_finding_status(f)));
		} else {
			if (kind == KIK_FINDING_PUBLISHED_COUNT)
				printf(", \"status\": \"%s\"", kik_status_key(kik_finding_status(f)));
			printf(", \"published\": %zu, \"computed\": %zu", kik_finding_published(f),
			       kik_finding_computed(f));
		}
		printf(", \"message\": ");
		cli_json_string(stdout, kik_finding_message(f, KIK_LANG_EN));
		printf(", \"message_de\": ");
		cli_json_string(stdout, kik_finding_message(f, KIK_LANG_DE));
		printf("}");
	}
	printf("]}\n");
}

int main(int argc, char **argv)
{
	const char *format = "text", *lang = "en";
	cli_inputs in = { 0 };
	kik_findings *fs;
	kik_plan *plan;
	size_t i, n;
	int err;
	for (i = 1; i < (size_t)argc; i++) {
		int k = (int)i;
		if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
			fputs(usage, stdout);
			return cli_finish("kik-check", CLI_OK);
		} else if (strcmp(argv[k], "--format") == 0 && k + 1 < argc) {
			format = argv[++k];
		} else if (strcmp(argv[k], "--lang") == 0 && k + 1 < argc) {
			lang = argv[++k];
		} else if (cli_take_option(argc, argv, &k, &in)) {
		} else if (argv[k][0] != '-' && !in.measures) {
			in.measures = argv[k];
		} else {
			fputs(usage, stderr);
			return CLI_BAD_INPUT;
		}
		i = (size_t)k;
	}
	if ((strcmp(format, "text") != 0 && strcmp(format, "json") != 0) ||
	    (strcmp(lang, "en") != 0 && strcmp(lang, "de") != 0)) {
		fputs(usage, stderr);
		return CLI_BAD_INPUT;
	}
	if (!(plan = cli_load_plan("kik-check", &in)))
		return CLI_BAD_INPUT;
	if ((err = kik_plan_check(plan, 0, &fs)) < 0) {
		cli_print_error("kik-check", err);
		kik_plan_free(plan);
		return CLI_BAD_INPUT;
	}
	n = kik_findings_count(fs);
	if (strcmp(format, "json") == 0) {
		print_json(fs);
	} else {
		for (i = 0; i < n; i++) {
			const kik_finding *f = kik_findings_get(fs, i);
			cli_print_text(stdout,
				       kik_finding_message(f, strcmp(lang, "de") == 0 ? KIK_LANG_DE : KIK_LANG_EN), 0);
			putchar('\n');
		}
		if (n == 0)
			puts(strcmp(lang, "de") == 0 ? "Keine Befunde." : "No findings.");
	}
	kik_findings_free(fs);
	kik_plan_free(plan);
	return cli_finish("kik-check", n ? CLI_FINDINGS : CLI_OK);
}
