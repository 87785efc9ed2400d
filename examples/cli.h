/* Helpers shared by the example CLI tools: loading plans, reporting errors, JSON strings. */
#ifndef KIK_CLI_H
#define KIK_CLI_H

#include <kik/kik.h>
#include <stdio.h>

/* Exit statuses of every tool. */
enum { CLI_OK = 0, CLI_FINDINGS = 1, CLI_BAD_INPUT = 2 };

/* Prints "FILE:LINE:COLUMN: message" (or less, where the error has no position) to stderr. */
void cli_print_error(const char *tool, const kik_plan *plan, int code);

/* The bundled plan when `measures` is NULL, else a plan read from the files given
 * (`fields` may be NULL). Prints the error and returns NULL on failure. */
kik_plan *cli_load_plan(const char *tool, const char *measures, const char *fields);

/* Writes `s` as a JSON string, quotes included. */
void cli_json_string(FILE *out, const char *s);

#endif
