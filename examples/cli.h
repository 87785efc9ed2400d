/* Helpers shared by the example CLI tools: loading plans, reporting errors, JSON strings. */
#ifndef KIK_CLI_H
#define KIK_CLI_H

#include <kik/kik.h>
#include <stdio.h>

/* Exit statuses of every tool. */
enum { CLI_OK = 0, CLI_FINDINGS = 1, CLI_BAD_INPUT = 2 };

/* Writes `s` so that it shows as written and cannot act on the terminal: control
 * characters as \xHH (C1 controls as \u00HH), bytes that are not UTF-8 as \xHH. At most
 * `max` characters (0: all), then "..." when it is cut. */
void cli_print_text(FILE *out, const char *s, size_t max);
/* The characters cli_print_text writes for `s` (0: all), for padding columns. */
size_t cli_text_width(const char *s, size_t max);
/* As cli_print_text with no limit, for a CSV cell inside quotes: a quote is doubled. */
void cli_print_csv_text(FILE *out, const char *s);
/* As cli_print_text for data[0..len) of several lines: line ends and TABs stay. */
void cli_print_lines(FILE *out, const char *data, size_t len);

/* Ends a tool: standard output flushed; when it could not be written, a message and exit
 * status 2 (CLI_BAD_INPUT) instead of `status`. */
int cli_finish(const char *tool, int status);

/* Prints the calling thread's last error as "FILE:LINE:COLUMN: message" (or less, where
 * the error has no position) to stderr. */
void cli_print_error(const char *tool, int code);
/* The same for one error (NULL: just the code's name). */
void cli_print_problem(const char *tool, const kik_error *e, int code);

/* What a tool reads: the bundled plan unless `measures` or `store` is given. A measures
 * argument that is a store (FILE, or FILE@SNAPSHOT) is read as --store. */
typedef struct cli_inputs {
	const char *measures;  /* measures file, or NULL for the bundled plan */
	const char *fields;    /* --fields FILE: field table, or "kik" for the bundled one */
	const char *tasks;     /* --tasks FILE */
	const char *published; /* --published FILE */
	const char *rule;      /* --rule NAME */
	const char *store;     /* --store FILE[@SNAPSHOT]: a plan of a store (kik-store) */
	const char *plan;      /* --plan NAME: which plan of the store (default: its only one) */
} cli_inputs;

/* The usage lines of the options cli_take_option() knows. */
#define CLI_INPUT_OPTIONS_HELP                                                                                         \
	"  --fields FILE     the field table (code, name, aliases) for MEASURES_FILE; 'kik' (when\n"                   \
	"                    no such file exists) is the bundled KIK table\n"                                          \
	"  --tasks FILE      tasks of the measures: statuses are derived from them\n"                                  \
	"  --published FILE  published per-field figures (the bundled plan has the report's)\n"                        \
	"  --rule RULE       strict (default) or missing_kind_satisfied\n"                                             \
	"  --store FILE[@SNAPSHOT]  a plan of a store instead of MEASURES_FILE: its working state, or\n"               \
	"                    the snapshot of that date or label (MEASURES_FILE may name a store too)\n"                \
	"  --plan NAME       which plan of the store (default: its only one)\n"

/* Whether `arg` names a store: FILE or FILE@SNAPSHOT where FILE is an SQLite file. Sets
 * *snapshot to the part after '@' (NULL for none, or for "working"); the caller frees
 * *file. */
int cli_store_ref(const char *arg, char **file, const char **snapshot);

/* The name under which --fields gives the bundled KIK field table. */
#define CLI_BUNDLED_FIELDS "kik"

/* Imports a field table into `plan`: the file `fields`, or the bundled table when it is
 * CLI_BUNDLED_FIELDS and no file of that name exists. Returns 0 or an error of `plan`'s
 * (of the bundled plan's when that failed to load). */
int cli_import_fields(kik_plan *plan, const char *fields);

/* Takes argv[*i] (and its value) if it is one of the input options; returns 1 if taken. */
int cli_take_option(int argc, char **argv, int *i, cli_inputs *in);

/* Loads the plan the inputs describe. Prints the error and returns NULL on failure. */
kik_plan *cli_load_plan(const char *tool, const cli_inputs *in);

/* The counts of a part of a plan, read from a kik_summary. */
typedef struct cli_counts {
	size_t goals, measures;
	size_t count[KIK_STATUS_COUNT];
	unsigned percent[KIK_STATUS_COUNT];
} cli_counts;
/* Counts a field, or the whole plan when `field` is NULL; exits on failure (out of memory). */
void cli_count(const kik_plan *plan, const kik_field *field, cli_counts *out);

/* Prints the differences of two plans as a table or JSON (diff_print.c). */
void cli_print_diff(const kik_plan *old_plan, const kik_plan *new_plan, const kik_diff *d, int json);
/* Whether the plans differ in what cli_print_diff shows: a change or a field's count. */
int cli_diff_differs(const kik_diff *d);

/* Writes `s` as a JSON string, quotes included. */
void cli_json_string(FILE *out, const char *s);

#endif
