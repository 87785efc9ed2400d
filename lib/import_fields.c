/* The field table (code, name, aliases) and the plan's name and date. */
#include "import.h"

#include <string.h>

static const kik__column field_columns[] = {
	{ "code", "Kürzel|Kurzzeichen", 1 },
	{ "name", "Handlungsfeld|Name", 1 },
	{ "aliases", "Aliasse|auch", 0 },
};

static const kik__column info_columns[] = { { "key", "Schlüssel|Angabe", 1 }, { "value", "Wert", 1 } };

const kik__column *kik__fields_columns(size_t *n)
{
	*n = sizeof(field_columns) / sizeof(field_columns[0]);
	return field_columns;
}

const kik__column *kik__plan_info_columns(size_t *n)
{
	*n = sizeof(info_columns) / sizeof(info_columns[0]);
	return info_columns;
}

static int field_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	const int *col = ctx;
	kik_plan *plan = im->plan;
	const char *code = kik__import_cell(cells, n, col[0]);
	const char *name = kik__import_cell(cells, n, col[1]);
	/* the cell is ours to cut up (the reader's row buffer); a missing one is a literal "" */
	char *aliases = col[2] >= 0 && (size_t)col[2] < n ? (char *)cells[col[2]].text : NULL, *alias, *save = NULL;
	kik_field *field = kik__plan_find_field(plan, code);
	kik__pos pos = kik__import_pos(im, cells, n, col[0]);
	int err;
	if (field && strcmp(field->code, code) != 0)
		field = NULL; /* the code is another field's name: let adding it say so */
	if (!field && (err = kik__plan_add_field(plan, code, name, &field)) < 0)
		return kik__error_set(plan, err == KIK_ENOMEM ? err : KIK_EPARSE, &pos, "%s",
				      kik_error_last()->message);
	if (field && strcmp(field->name, name) != 0 && *name && (err = kik__plan_add_alias(plan, field, name)) < 0)
		return kik__error_set(plan, err == KIK_ENOMEM ? err : KIK_EPARSE, &pos, "%s",
				      kik_error_last()->message);
	pos = kik__import_pos(im, cells, n, col[2]);
	for (alias = aliases ? strtok_r(aliases, "|", &save) : NULL; alias; alias = strtok_r(NULL, "|", &save)) {
		size_t len = strlen(alias);
		const char *trimmed = kik__trim(alias, &len);
		((char *)trimmed)[len] = '\0';
		if (*trimmed && (err = kik__plan_add_alias(plan, field, trimmed)) < 0)
			return kik__error_set(plan, err == KIK_ENOMEM ? err : KIK_EPARSE, &pos, "%s",
					      kik_error_last()->message);
	}
	return 0;
}

int kik__import_fields(kik__import *im)
{
	int col[3];
	int err = kik__import_header(im, field_columns, 3, col);
	return err < 0 ? err : kik__import_rows(im, field_row, col);
}

/* The values of a plan information file, set only once the whole file was read: the
 * plan's name and date, and the report's title and office (kik/content.h). */
enum { INFO_NAME, INFO_AS_OF, INFO_TITLE, INFO_OFFICE, INFO_TEXTS };

typedef struct info {
	int col[2];
	kik__buf text[INFO_TEXTS]; /* the value given, NUL-terminated, while has[k] */
	int has[INFO_TEXTS], has_rule;
	kik_rule rule;
	uint32_t last_task_id; /* 0 when not given */
} info;

/* A task id as plan information writes it: a whole number up to KIK_TASK_ID_MAX. */
static int parse_id(const char *s, uint32_t *out)
{
	uint64_t v = 0;
	if (!*s)
		return -1;
	for (; *s >= '0' && *s <= '9' && v <= KIK_TASK_ID_MAX; s++)
		v = v * 10 + (uint64_t)(*s - '0');
	if (*s || v > KIK_TASK_ID_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int info_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	info *in = ctx;
	kik_plan *plan = im->plan;
	kik__buf *slot;
	char key[32];
	int k;
	const char *value = kik__import_cell(cells, n, in->col[1]);
	kik__pos pos = kik__import_pos(im, cells, n, in->col[1]);
	kik__fold_name(kik__import_cell(cells, n, in->col[0]), key, sizeof(key));
	if (strcmp(key, "name") == 0) {
		k = INFO_NAME;
	} else if (strcmp(key, "asof") == 0 || strcmp(key, "stand") == 0) {
		if (*value && !kik__is_iso_date(value))
			return kik__error_set(plan, KIK_EPARSE, &pos, "'%s' is not a date: expected YYYY-MM-DD", value);
		k = INFO_AS_OF;
	} else if (strcmp(key, "title") == 0 || strcmp(key, "titel") == 0) {
		k = INFO_TITLE;
	} else if (strcmp(key, "office") == 0 || strcmp(key, "amt") == 0 || strcmp(key, "stelle") == 0) {
		k = INFO_OFFICE;
	} else if (strcmp(key, "rule") == 0 || strcmp(key, "regel") == 0) {
		if (kik_rule_parse(value, &in->rule) < 0)
			return kik__error_set(plan, KIK_EPARSE, &pos,
					      "'%s' is not a rule: expected strict or missing_kind_satisfied", value);
		in->has_rule = 1;
		return 0;
	} else if (strcmp(key, "lasttaskid") == 0) {
		if (parse_id(value, &in->last_task_id) < 0)
			return kik__error_set(plan, KIK_EPARSE, &pos, "'%s' is not a task id: expected a whole number",
					      value);
		return 0;
	} else {
		return 0; /* other keys are for other tools */
	}
	slot = &in->text[k];
	in->has[k] = 1;
	slot->len = 0;
	if (kik__buf_append(&plan->alloc, slot, value, strlen(value)) < 0 ||
	    kik__buf_append(&plan->alloc, slot, "", 1) < 0)
		return kik__error_set(plan, KIK_ENOMEM, &pos, "out of memory");
	return 0;
}

int kik__import_plan_info(kik__import *im)
{
	kik_plan *plan = im->plan;
	char **slots[INFO_TEXTS] = { &plan->name, &plan->as_of, &plan->content.title, &plan->content.office };
	char *copy[INFO_TEXTS] = { NULL, NULL, NULL, NULL };
	info in;
	int err, k;
	memset(&in, 0, sizeof(in));
	if ((err = kik__import_header(im, info_columns, 2, in.col)) == 0)
		err = kik__import_rows(im, info_row, &in);
	/* every copy first, so that a failure changes nothing */
	for (k = 0; err == 0 && k < INFO_TEXTS; k++)
		if (in.has[k] && !(copy[k] = kik__strndup(&plan->alloc, in.text[k].data, strlen(in.text[k].data))))
			err = kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	if (err == 0 && !im->diag) {
		for (k = 0; k < INFO_TEXTS; k++) {
			if (copy[k]) {
				kik__free(&plan->alloc, *slots[k]);
				*slots[k] = copy[k];
				copy[k] = NULL;
			}
		}
		if (in.has_rule && in.rule != plan->rule)
			kik__plan_apply_rule(plan, in.rule);
		/* ids given before, even to tasks removed since, are not given again */
		if (in.last_task_id > plan->last_task_id)
			plan->last_task_id = in.last_task_id;
	}
	for (k = 0; k < INFO_TEXTS; k++) {
		kik__free(&plan->alloc, copy[k]);
		kik__buf_free(&plan->alloc, &in.text[k]);
	}
	return err;
}
