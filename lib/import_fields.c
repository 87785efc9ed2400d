/* The field table (code, name, aliases) and the plan's name and date. */
#include "import.h"

#include <string.h>

static int field_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	const int *col = ctx;
	kik_plan *plan = im->plan;
	const char *code = kik__import_cell(cells, n, col[0]);
	const char *name = kik__import_cell(cells, n, col[1]);
	/* the cell is ours to cut up (the reader's row buffer); a missing one is a literal "" */
	char *aliases = col[2] >= 0 && (size_t)col[2] < n ? (char *)cells[col[2]].text : NULL, *alias, *save = NULL;
	const kik_field *field = kik_plan_find_field(plan, code);
	kik__pos pos = kik__import_pos(im, cells, n, col[0]);
	int err;
	if (field && strcmp(field->code, code) != 0)
		field = NULL; /* the code is another field's name: let add_field say so */
	if (!field && (err = kik_plan_add_field(plan, code, name, &field)) < 0)
		return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
				      kik_plan_last_error(plan)->message);
	if (field && strcmp(field->name, name) != 0 && *name && (err = kik_plan_add_field_alias(plan, field, name)) < 0)
		return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
				      kik_plan_last_error(plan)->message);
	pos = kik__import_pos(im, cells, n, col[2]);
	for (alias = aliases ? strtok_r(aliases, "|", &save) : NULL; alias; alias = strtok_r(NULL, "|", &save)) {
		size_t len = strlen(alias);
		const char *trimmed = kik__trim(alias, &len);
		((char *)trimmed)[len] = '\0';
		if (*trimmed && (err = kik_plan_add_field_alias(plan, field, trimmed)) < 0)
			return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
					      kik_plan_last_error(plan)->message);
	}
	return 0;
}

int kik__import_fields(kik__import *im)
{
	static const kik__column columns[] = {
		{ "code", "Kürzel|Kurzzeichen", 1 },
		{ "name", "Handlungsfeld|Name", 1 },
		{ "aliases", "Aliasse|auch", 0 },
	};
	int col[3];
	int err = kik__import_header(im, columns, 3, col);
	return err < 0 ? err : kik__import_rows(im, field_row, col);
}

static int info_row(kik__import *im, const kik__csv_cell *cells, size_t n, void *ctx)
{
	const int *col = ctx;
	kik_plan *plan = im->plan;
	int err;
	char key[32];
	const char *value = kik__import_cell(cells, n, col[1]);
	kik__pos pos = kik__import_pos(im, cells, n, col[1]);
	kik__fold_name(kik__import_cell(cells, n, col[0]), key, sizeof(key));
	if (strcmp(key, "name") == 0)
		err = kik_plan_set_name(plan, value);
	else if (strcmp(key, "asof") == 0 || strcmp(key, "stand") == 0)
		err = kik_plan_set_as_of(plan, value);
	else
		return 0; /* other keys are for other tools */
	if (err < 0)
		return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
				      kik_plan_last_error(plan)->message);
	return 0;
}

int kik__import_plan_info(kik__import *im)
{
	static const kik__column columns[] = { { "key", "Schlüssel|Angabe", 1 }, { "value", "Wert", 1 } };
	int col[2];
	int err = kik__import_header(im, columns, 2, col);
	return err < 0 ? err : kik__import_rows(im, info_row, col);
}
