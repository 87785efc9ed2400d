/* kik-report: the interim report (HTML or Markdown) from the data: the whole report, or
 * chosen sections of it, and what changed since an earlier plan. */
#include "cli.h"

#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: kik-report [--tasks FILE] [--content FILE]... [--plan-info FILE] [--format html|md] [--lang de|en]\n"
    "                  [--sections LIST | --status-pages] [--since OLD [--since-tasks FILE]\n"
    "                  [--since-content FILE]... [--since-plan-info FILE] [--earlier-notes]] [-o OUTPUT]\n"
    "                  [MEASURES_FILE]\n"
    "Writes the interim report of the bundled plan (KIK, 2023-10-05, with the report's own\n"
    "content) or of MEASURES_FILE: title block, timeline, prioritisation rounds, the current\n"
    "situation with the context figures, the overall summary, and per field of action its\n"
    "introduction, donut chart and counts, focus points, highlights and outlook, projects with\n"
    "the measures they cover, and every goal with its measures' status, current state and outlook.\n"
    "  --content FILE       a file of the report's content (notes, field notes, projects, timeline,\n"
    "                       priorities or figures; told apart by its header); may be repeated\n"
    "  --plan-info FILE     the plan's name, date, report title and office (key;value)\n"
    "  --format FORMAT      html (default: one self-contained page, printable on A4) or md\n"
    "  --lang LANG          de (default) or en: the labels (texts stay as written)\n"
    "  --sections LIST      comma-separated: title, timeline, rounds, context, summary, charts,\n"
    "                       field_notes, projects, goals, notes, changes, outlook; or all, status\n"
    "  --status-pages       the status pages alone (the same as --sections status)\n"
    "  --since OLD          what changed since the plan OLD (a measures file, or 'bundled' for the\n"
    "                       bundled plan when no such file exists): per field the change of every\n"
    "                       count, the measures whose status changed with the reasons, projects\n"
    "                       added or ended\n"
    "  --since-tasks FILE, --since-content FILE, --since-plan-info FILE   the same for OLD\n"
    "  --earlier-notes      beside each goal's notes, those of OLD\n"
    "  -o OUTPUT            write to OUTPUT (replaced only once complete); default standard "
    "output\n" CLI_INPUT_OPTIONS_HELP "Exit status: 0 on success, 2 on unreadable input or bad usage.\n";

enum { MOST_FILES = 32 };

/* The files of one plan besides what cli_inputs names. */
typedef struct more_inputs {
	const char *content[MOST_FILES];
	int content_count;
	const char *plan_info;
} more_inputs;

static int write_stdout(void *ctx, const char *data, size_t size)
{
	(void)ctx;
	return fwrite(data, 1, size, stdout) == size ? 0 : -1;
}

/* Loads a plan with its content files; prints the error and returns NULL on failure. */
static kik_plan *load(const cli_inputs *in, const more_inputs *more)
{
	kik_plan *plan = cli_load_plan("kik-report", in);
	int i, err = 0;
	if (!plan)
		return NULL;
	for (i = 0; err == 0 && i < more->content_count; i++)
		err = kik_plan_import_file(plan, KIK_IMPORT_AUTO, more->content[i], NULL);
	if (err == 0 && more->plan_info)
		err = kik_plan_import_file(plan, KIK_IMPORT_PLAN_INFO, more->plan_info, NULL);
	if (err < 0) {
		cli_print_error("kik-report", err);
		kik_plan_free(plan);
		return NULL;
	}
	return plan;
}

static int add_file(more_inputs *more, const char *path)
{
	if (more->content_count == MOST_FILES) {
		fprintf(stderr, "kik-report: at most %d content files\n", MOST_FILES);
		return -1;
	}
	more->content[more->content_count++] = path;
	return 0;
}

int main(int argc, char **argv)
{
	kik_report_options options = KIK_REPORT_OPTIONS_INIT;
	const char *output = NULL, *since = NULL;
	cli_inputs in = { 0 }, old_in = { 0 };
	more_inputs more = { { 0 }, 0, NULL }, old_more = { { 0 }, 0, NULL };
	kik_plan *plan, *old_plan = NULL;
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
		} else if (v && !strcmp(a, "--sections")) {
			if (kik_report_sections_parse(v, &options.sections) < 0) {
				cli_print_error("kik-report", KIK_EPARSE);
				return CLI_BAD_INPUT;
			}
			i++;
		} else if (!strcmp(a, "--status-pages")) {
			options.sections = KIK_REPORT_STATUS_PAGES;
		} else if (!strcmp(a, "--earlier-notes")) {
			options.flags |= KIK_REPORT_EARLIER_NOTES;
		} else if (v && (!strcmp(a, "--content") || !strcmp(a, "--since-content"))) {
			if (add_file(!strcmp(a, "--content") ? &more : &old_more, v) < 0)
				return CLI_BAD_INPUT;
			i++;
		} else if (v && !strcmp(a, "--plan-info")) {
			more.plan_info = argv[++i];
		} else if (v && !strcmp(a, "--since-plan-info")) {
			old_more.plan_info = argv[++i];
		} else if (v && !strcmp(a, "--since")) {
			since = argv[++i];
		} else if (v && !strcmp(a, "--since-tasks")) {
			old_in.tasks = argv[++i];
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
	if (!(plan = load(&in, &more)))
		return CLI_BAD_INPUT;
	if (since) {
		/* the earlier plan: a measures file, or the bundled plan */
		old_in.measures = strcmp(since, "bundled") == 0 && access(since, F_OK) != 0 ? NULL : since;
		old_in.fields = old_in.measures ? in.fields : NULL;
		old_in.rule = in.rule;
		if (!(old_plan = load(&old_in, &old_more))) {
			kik_plan_free(plan);
			return CLI_BAD_INPUT;
		}
		options.since = old_plan;
	}
	err =
	    output ? kik_plan_report_file(plan, output, &options) : kik_plan_report(plan, write_stdout, NULL, &options);
	if (err < 0 && !(err == KIK_EIO && !output && ferror(stdout))) /* that one cli_finish says */
		cli_print_error("kik-report", err);
	kik_plan_free(plan);
	kik_plan_free(old_plan);
	return cli_finish("kik-report", err < 0 ? CLI_BAD_INPUT : CLI_OK);
}
