/* kik-report: the interim report's status pages (HTML or Markdown) from the data. */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "usage: kik-report [--tasks FILE] [--format html|md] [--lang de|en] [-o OUTPUT] [MEASURES_FILE]\n"
    "Writes the status pages of the bundled plan (KIK, 2023-10-05) or of MEASURES_FILE: an\n"
    "overall summary, and per field of action a donut chart with counts and percentages and\n"
    "the table of every goal and measure with its status marked.\n"
    "  --format FORMAT   html (default: one self-contained page) or md (Markdown)\n"
    "  --lang LANG       de (default) or en\n"
    "  -o OUTPUT         write to OUTPUT (replaced only once complete); default standard "
    "output\n" CLI_INPUT_OPTIONS_HELP "Exit status: 0 on success, 2 on unreadable input or bad usage.\n";

static int write_stdout(void *ctx, const char *data, size_t size)
{
	(void)ctx;
	return fwrite(data, 1, size, stdout) == size ? 0 : -1;
}

int main(int argc, char **argv)
{
	kik_report_options options = KIK_REPORT_OPTIONS_INIT;
	const char *output = NULL;
	cli_inputs in = { 0 };
	kik_plan *plan;
	int i, err;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			return cli_finish("kik-report", CLI_OK);
		} else if (v && !strcmp(a, "--format") && (!strcmp(v, "html") || !strcmp(v, "md"))) {
			options.format = !strcmp(v, "html") ? KIK_REPORT_HTML : KIK_REPORT_MARKDOWN;
			i++;
		} else if (v && !strcmp(a, "--lang") && (!strcmp(v, "de") || !strcmp(v, "en"))) {
			options.lang = !strcmp(v, "de") ? KIK_LANG_DE : KIK_LANG_EN;
			i++;
		} else if (v && !strcmp(a, "-o")) {
			output = argv[++i];
		} else if (cli_take_option(argc, argv, &i, &in)) {
			continue;
		} else if (a[0] != '-' && !in.measures) {
			in.measures = a;
		} else {
			fputs(usage, stderr);
			return CLI_BAD_INPUT;
		}
	}
	if (!(plan = cli_load_plan("kik-report", &in)))
		return CLI_BAD_INPUT;
	err =
	    output ? kik_plan_report_file(plan, output, &options) : kik_plan_report(plan, write_stdout, NULL, &options);
	if (err < 0 && !(err == KIK_EIO && !output && ferror(stdout))) /* that one cli_finish says */
		cli_print_error("kik-report", err);
	kik_plan_free(plan);
	return cli_finish("kik-report", err < 0 ? CLI_BAD_INPUT : CLI_OK);
}
