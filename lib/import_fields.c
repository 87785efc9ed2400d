/* The field table (code, name, aliases) and the plan's name and date. */
#include "import.h"

#include <string.h>

int kik__import_fields(kik__import *im)
{
	static const kik__column columns[] = {
		{ "code", "Kürzel|Kurzzeichen", 1 },
		{ "name", "Handlungsfeld|Name", 1 },
		{ "aliases", "Aliasse|auch", 0 },
	};
	kik_plan *plan = im->plan;
	int col[3];
	const kik__csv_cell *cells;
	size_t n;
	int got, err = kik__import_header(im, columns, 3, col);
	if (err < 0)
		return err;
	while ((got = kik__import_row(im, &cells, &n)) > 0) {
		const char *code = kik__import_cell(cells, n, col[0]);
		const char *name = kik__import_cell(cells, n, col[1]);
		char *aliases = (char *)kik__import_cell(cells, n, col[2]), *alias, *save = NULL;
		const kik_field *field = kik_plan_find_field(plan, code);
		kik__pos pos = kik__import_pos(im, cells, n, col[0]);
		if (field && strcmp(field->code, code) != 0)
			field = NULL; /* the code is another field's name: let add_field say so */
		if (!field && (err = kik_plan_add_field(plan, code, name, &field)) < 0)
			return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
					      kik_plan_last_error(plan)->message);
		if (field && strcmp(field->name, name) != 0 && *name &&
		    (err = kik_plan_add_field_alias(plan, field, name)) < 0)
			return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
					      kik_plan_last_error(plan)->message);
		pos = kik__import_pos(im, cells, n, col[2]);
		/* the cell is ours to cut up: aliases are separated by "|" */
		for (alias = strtok_r(aliases, "|", &save); alias; alias = strtok_r(NULL, "|", &save)) {
			size_t len = strlen(alias);
			const char *trimmed = kik__trim(alias, &len);
			((char *)trimmed)[len] = '\0';
			if (*trimmed && (err = kik_plan_add_field_alias(plan, field, trimmed)) < 0)
				return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
						      kik_plan_last_error(plan)->message);
		}
	}
	return got;
}

int kik__import_plan_info(kik__import *im)
{
	static const kik__column columns[] = { { "key", "Schlüssel|Angabe", 1 }, { "value", "Wert", 1 } };
	kik_plan *plan = im->plan;
	int col[2];
	const kik__csv_cell *cells;
	size_t n;
	int got, err = kik__import_header(im, columns, 2, col);
	if (err < 0)
		return err;
	while ((got = kik__import_row(im, &cells, &n)) > 0) {
		char key[32];
		const char *value = kik__import_cell(cells, n, col[1]);
		kik__pos pos = kik__import_pos(im, cells, n, col[1]);
		kik__fold_name(kik__import_cell(cells, n, col[0]), key, sizeof(key));
		if (strcmp(key, "name") == 0)
			err = kik_plan_set_name(plan, value);
		else if (strcmp(key, "asof") == 0 || strcmp(key, "stand") == 0)
			err = kik_plan_set_as_of(plan, value);
		else
			continue; /* other keys are for other tools */
		if (err < 0)
			return kik__error_set(plan, err == KIK_EINVAL ? KIK_EPARSE : err, &pos, "%s",
					      kik_plan_last_error(plan)->message);
	}
	return got;
}
