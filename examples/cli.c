/* Helpers shared by the example CLI tools. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The length of the UTF-8 character at s (beyond ASCII), or 0 when s holds none. */
static size_t utf8_length(const unsigned char *s)
{
	size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : 0, i;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* How the character at s shows: its escape in `escape` (returns its length), or 0 when it
 * shows as it is. *n is the character's length in bytes. */
static int escape_of(const unsigned char *s, size_t *n, char *escape)
{
	*n = s[0] < 0x80 ? 1 : utf8_length(s);
	if (*n == 0) { /* not UTF-8 */
		*n = 1;
		return snprintf(escape, 8, "\\x%02x", s[0]);
	}
	if (s[0] < 0x20 || s[0] == 0x7F)
		return snprintf(escape, 8, "\\x%02x", s[0]);
	if (s[0] == 0xC2 && s[1] < 0xA0) /* C1 controls: 0x9B starts a terminal sequence */
		return snprintf(escape, 8, "\\u%04x", s[1]);
	return 0;
}

/* How the text shows (see cli_print_text); in `mode` CLI_LINES, line ends and TABs stay,
 * in CLI_CSV a quote is doubled. Writes to out unless NULL; returns the characters shown. */
enum { CLI_LINE, CLI_LINES, CLI_CSV };
static size_t visit_text(FILE *out, const char *s, size_t len, size_t max, int mode)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t shown = 0;
	while (p < end) {
		char escape[8];
		size_t n, width;
		int keep = mode == CLI_LINES && (*p == '\n' || *p == '\t');
		int elen = keep ? 0 : escape_of(p, &n, escape);
		if (keep)
			n = 1;
		if (mode == CLI_CSV && *p == '"')
			elen = snprintf(escape, sizeof(escape), "\"\"");
		width = elen ? (size_t)elen : 1;
		if (max && shown + width > max) {
			if (out)
				fputs("...", out);
			return shown + 3;
		}
		if (out)
			fwrite(elen ? escape : (const char *)p, 1, elen ? (size_t)elen : n, out);
		shown += width;
		p += n;
	}
	return shown;
}

void cli_print_text(FILE *out, const char *s, size_t max)
{
	visit_text(out, s, strlen(s), max, CLI_LINE);
}

size_t cli_text_width(const char *s, size_t max)
{
	return visit_text(NULL, s, strlen(s), max, CLI_LINE);
}

void cli_print_csv_text(FILE *out, const char *s)
{
	visit_text(out, s, strlen(s), 0, CLI_CSV);
}

void cli_print_lines(FILE *out, const char *data, size_t len)
{
	visit_text(out, data, len, 0, CLI_LINES);
}

int cli_finish(const char *tool, int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: cannot write to standard output: %s\n", tool, strerror(errno ? errno : EIO));
		return CLI_BAD_INPUT;
	}
	return status;
}

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
		return;
	}
	cli_print_text(stderr, e->file ? e->file : tool, 0); /* a file's name is the caller's bytes */
	if (e->file && e->line)
		fprintf(stderr, ":%lu:%lu", e->line, e->column);
	fputs(": ", stderr);
	cli_print_text(stderr, e->message, 0);
	fputc('\n', stderr);
}

int cli_take_option(int argc, char **argv, int *i, cli_inputs *in)
{
	static const char *const names[] = { "--fields", "--tasks", "--published", "--rule", "--store", "--plan" };
	const char **slots[] = { &in->fields, &in->tasks, &in->published, &in->rule, &in->store, &in->plan };
	size_t k;
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (strcmp(argv[*i], names[k]) == 0 && *i + 1 < argc) {
			*slots[k] = argv[++*i];
			return 1;
		}
	}
	return 0;
}

int cli_store_ref(const char *arg, char **file, const char **snapshot)
{
	static const char magic[16] = "SQLite format 3";
	const char *at = strrchr(arg, '@');
	char head[16] = "";
	size_t n = at && access(arg, F_OK) != 0 ? (size_t)(at - arg) : strlen(arg);
	FILE *f;
	if (!(*file = malloc(n + 1)))
		return 0;
	memcpy(*file, arg, n);
	(*file)[n] = '\0';
	*snapshot = arg[n] == '@' && strcmp(arg + n + 1, "working") != 0 ? arg + n + 1 : NULL;
	if ((f = fopen(*file, "rb"))) {
		n = fread(head, 1, sizeof(head), f);
		fclose(f);
		if (n == sizeof(head) && memcmp(head, magic, sizeof(magic)) == 0)
			return 1;
	}
	free(*file);
	*file = NULL;
	return 0;
}

/* The plan of a store, read-only. */
static kik_plan *load_stored(const char *tool, const char *ref, const char *name)
{
#if KIK_HAS_STORE
	kik_store_options o = KIK_STORE_OPTIONS_INIT;
	kik_store *store;
	kik_plan *plan = NULL;
	const char *snapshot;
	char *file;
	int err;
	if (!cli_store_ref(ref, &file, &snapshot)) {
		fprintf(stderr, "%s: %s is not a store (FILE or FILE@SNAPSHOT, made by kik-store)\n", tool, ref);
		return NULL;
	}
	o.flags = KIK_STORE_READ_ONLY | KIK_STORE_MUST_EXIST;
	if ((err = kik_store_open(&store, file, &o)) == 0) {
		err = kik_store_load(store, name, snapshot, &plan);
		kik_store_free(store);
	}
	free(file);
	if (err < 0)
		cli_print_error(tool, err);
	return plan;
#else
	(void)ref, (void)name;
	fprintf(stderr, "%s: this libkik was built without the store\n", tool);
	return NULL;
#endif
}

typedef struct cli_bytes {
	char *data;
	size_t len, cap;
} cli_bytes;

static int append(void *ctx, const char *data, size_t size)
{
	cli_bytes *b = ctx;
	if (b->len + size > b->cap) {
		size_t cap = 2 * b->cap + size;
		char *bigger = realloc(b->data, cap);
		if (!bigger)
			return -1;
		b->data = bigger;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, size);
	b->len += size;
	return 0;
}

int cli_import_fields(kik_plan *plan, const char *fields)
{
	kik_plan *bundled;
	cli_bytes table = { NULL, 0, 0 };
	int err;
	if (strcmp(fields, CLI_BUNDLED_FIELDS) != 0 || access(fields, F_OK) == 0)
		return kik_plan_import_file(plan, KIK_IMPORT_FIELDS, fields, NULL);
	/* the bundled plan's field table, as its export writes it */
	if ((err = kik_plan_new_default(&bundled)) < 0)
		return err;
	err = kik_plan_export(bundled, KIK_IMPORT_FIELDS, append, &table, NULL);
	kik_plan_free(bundled);
	if (err == 0)
		err = kik_plan_import_buffer(plan, KIK_IMPORT_FIELDS, table.data, table.len, "kik-fields.csv", NULL);
	free(table.data);
	return err;
}

kik_plan *cli_load_plan(const char *tool, const cli_inputs *in)
{
	kik_plan *plan = NULL;
	kik_rule rule = KIK_RULE_STRICT;
	const char *store = in->store, *measures = in->measures, *snapshot;
	char *file = NULL;
	int err;
	if (in->rule && kik_rule_parse(in->rule, &rule) < 0) {
		fprintf(stderr, "%s: unknown rule '%s': expected strict or missing_kind_satisfied\n", tool, in->rule);
		return NULL;
	}
	if (measures && !store && cli_store_ref(measures, &file, &snapshot)) {
		store = measures; /* a store given where a measures file goes */
		measures = NULL;
	}
	free(file);
	if (store && measures) {
		fprintf(stderr, "%s: a store or a measures file, not both\n", tool);
		return NULL;
	}
	if (store) {
		if (!(plan = load_stored(tool, store, in->plan)))
			return NULL;
		err = 0;
	} else {
		err = measures ? kik_plan_new(&plan) : kik_plan_new_default(&plan);
	}
	if (err < 0) {
		cli_print_error(tool, err);
		return NULL;
	}
	/* a stored plan keeps its rule unless one is asked for */
	if ((in->fields && (err = cli_import_fields(plan, in->fields)) < 0) ||
	    (measures && (err = kik_plan_import_file(plan, KIK_IMPORT_AUTO, measures, NULL)) < 0) ||
	    (in->published && (err = kik_plan_import_file(plan, KIK_IMPORT_PUBLISHED, in->published, NULL)) < 0) ||
	    (in->tasks && (err = kik_plan_import_file(plan, KIK_IMPORT_TASKS, in->tasks, NULL)) < 0) ||
	    ((in->rule || !store) && (err = kik_plan_set_rule(plan, rule)) < 0)) {
		cli_print_error(tool, err);
		kik_plan_free(plan);
		return NULL;
	}
	return plan;
}

void cli_json_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	fputc('"', out);
	while (*p) {
		size_t n = *p < 0x80 ? 1 : utf8_length(p);
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\r')
			fputs("\\r", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20 || *p == 0x7F)
			fprintf(out, "\\u%04x", *p);
		else if (n == 0)
			fputs("\\ufffd", out); /* not UTF-8, which JSON must be */
		else if (p[0] == 0xC2 && p[1] < 0xA0)
			fprintf(out, "\\u%04x", p[1]); /* a C1 control */
		else
			fwrite(p, 1, n, out);
		p += n ? n : 1;
	}
	fputc('"', out);
}
