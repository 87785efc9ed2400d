/* kik-convert: any accepted measures file, the report's status matrix included, into the
 * canonical measures CSV; or, with --check, every problem of the file. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] = "usage: kik-convert [--check] [-o OUTPUT] [options] INPUT\n"
			    "Reads INPUT (a measures CSV in any accepted dialect, or a status matrix as in the\n"
			    "report) and writes the canonical measures CSV to OUTPUT or standard output.\n"
			    "  --check           only validate INPUT and print every problem\n"
			    "  --max-errors N    stop --check after N problems (default 100)\n"
			    "  -o OUTPUT         write to OUTPUT (replaced only once complete)\n"
			    "  --fields FILE     a field table, so that field names map to its codes; 'kik'\n"
			    "                    (when no such file exists) is the bundled KIK table\n"
			    "  --delimiter D     ';' (default), ',' or 'tab'\n"
			    "  --encoding E      utf-8 (default) or windows-1252\n"
			    "  --bom, --crlf     write a UTF-8 BOM / CRLF line ends (as Excel does)\n"
			    "  --no-defuse       do not defuse cells a spreadsheet would run as formulas\n"
			    "Exit status: 0 when clean, 2 on errors.\n";

/* The export to standard output: as it is, or with control characters shown visibly when
 * it goes to a terminal (a text of the data must not act on it). */
static int write_stdout(void *ctx, const char *data, size_t size)
{
	const int *terminal = ctx;
	if (*terminal) {
		cli_print_lines(stdout, data, size);
		return ferror(stdout) ? -1 : 0;
	}
	return fwrite(data, 1, size, stdout) == size ? 0 : -1;
}

static int check(kik_plan *plan, const char *input, size_t max)
{
	kik_diagnostics *d;
	size_t i;
	int err = kik_plan_validate_file(plan, KIK_IMPORT_AUTO, input, NULL, max, &d);
	if (!d) {
		cli_print_error("kik-convert", err);
		return CLI_BAD_INPUT;
	}
	for (i = 0; i < kik_diagnostics_count(d); i++)
		cli_print_problem("kik-convert", kik_diagnostics_get(d, i), err);
	if (kik_diagnostics_truncated(d))
		fprintf(stderr, "%s: stopped after %zu problems\n", input, kik_diagnostics_count(d));
	if (err == 0)
		fprintf(stderr, "%s: no problems found\n", input);
	kik_diagnostics_free(d);
	return err ? CLI_BAD_INPUT : CLI_OK;
}

int main(int argc, char **argv)
{
	kik_export_options out = KIK_EXPORT_OPTIONS_INIT;
	const char *input = NULL, *output = NULL, *fields = NULL;
	size_t max_errors = 100;
	int i, check_only = 0, err, status, terminal = isatty(STDOUT_FILENO);
	kik_plan *plan;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			return cli_finish("kik-convert", CLI_OK);
		} else if (!strcmp(a, "--check")) {
			check_only = 1;
		} else if (!strcmp(a, "--bom")) {
			out.bom = 1;
		} else if (!strcmp(a, "--crlf")) {
			out.crlf = 1;
		} else if (!strcmp(a, "--no-defuse")) {
			out.defuse_formulas = 0;
		} else if (v && !strcmp(a, "-o")) {
			output = argv[++i];
		} else if (v && !strcmp(a, "--fields")) {
			fields = argv[++i];
		} else if (v && !strcmp(a, "--max-errors") && atoi(v) > 0) {
			max_errors = (size_t)atoi(argv[++i]);
		} else if (v && !strcmp(a, "--delimiter") &&
			   (!strcmp(v, ";") || !strcmp(v, ",") || !strcmp(v, "tab"))) {
			out.delimiter = !strcmp(v, "tab") ? '\t' : v[0];
			i++;
		} else if (v && !strcmp(a, "--encoding") && (!strcmp(v, "utf-8") || !strcmp(v, "windows-1252"))) {
			out.encoding = !strcmp(v, "utf-8") ? KIK_ENCODING_UTF8 : KIK_ENCODING_CP1252;
			i++;
		} else if (a[0] != '-' && !input) {
			input = a;
		} else {
			fputs(usage, stderr);
			return CLI_BAD_INPUT;
		}
	}
	if (!input) {
		fputs(usage, stderr);
		return CLI_BAD_INPUT;
	}
	if ((err = kik_plan_new(&plan)) < 0) {
		cli_print_error("kik-convert", err);
		return CLI_BAD_INPUT;
	}
	if (fields && (err = cli_import_fields(plan, fields)) < 0) {
		status = CLI_BAD_INPUT;
		cli_print_error("kik-convert", err);
	} else if (check_only) {
		status = check(plan, input, max_errors);
	} else if ((err = kik_plan_import_file(plan, KIK_IMPORT_AUTO, input, NULL)) < 0 ||
		   (err = output ? kik_plan_export_file(plan, KIK_IMPORT_MEASURES, output, &out)
				 : kik_plan_export(plan, KIK_IMPORT_MEASURES, write_stdout, &terminal, &out)) < 0) {
		status = CLI_BAD_INPUT;
		if (!(err == KIK_EIO && !output && ferror(stdout))) /* that one cli_finish says */
			cli_print_error("kik-convert", err);
	} else {
		status = CLI_OK;
	}
	kik_plan_free(plan);
	return cli_finish("kik-convert", status);
}
