/* The bad-input corpus (tests/bad-input/cases.txt): every case gets its error code and
 * position, and leaves the plan exactly as it was. */
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CORPUS KIK_TEST_SOURCE "/bad-input"

static int code_of(const char *name)
{
	static const struct {
		const char *name;
		int code;
	} codes[] = { { "EPARSE", KIK_EPARSE }, { "ELIMIT", KIK_ELIMIT }, { "EIO", KIK_EIO } };
	size_t i;
	for (i = 0; i < 3; i++)
		if (strcmp(codes[i].name, name) == 0)
			return codes[i].code;
	cr_assert(0, "unknown code %s", name);
	return 0;
}

static kik_import_kind kind_of(const char *name)
{
	if (strcmp(name, "tasks") == 0)
		return KIK_IMPORT_TASKS;
	if (strcmp(name, "matrix") == 0)
		return KIK_IMPORT_MATRIX;
	if (strcmp(name, "published") == 0)
		return KIK_IMPORT_PUBLISHED;
	return KIK_IMPORT_MEASURES;
}

/* The files too large to keep in the tree. */
static char *generate(const char *name, size_t *len)
{
	static const char header[] = "field;goal;measure;text;status\n";
	size_t n, i;
	char *data;
	if (strcmp(name, "10-mb-field") == 0) {
		n = 10 * 1024 * 1024;
		data = malloc(n + 64);
		*len = (size_t)sprintf(data, "%sSB;1;1.1;", header);
		memset(data + *len, 'a', n);
		*len += n;
		*len += (size_t)sprintf(data + *len, ";waiting\n");
		return data;
	}
	cr_assert(eq(str, (char *)name, "100000-columns"));
	data = malloc(sizeof(header) + 2 * 100000 + 2);
	*len = (size_t)sprintf(data, "%s", header);
	for (i = 0; i < 100000; i++) {
		data[(*len)++] = 'x';
		data[(*len)++] = ';';
	}
	data[(*len)++] = '\n';
	return data;
}

Test(bad_input, every_case_gets_its_error_and_leaves_the_plan_unchanged)
{
	FILE *cases = fopen(CORPUS "/cases.txt", "r");
	char line[512];
	size_t checked = 0;
	cr_assert(ne(ptr, (void *)cases, NULL));
	while (fgets(line, sizeof(line), cases)) {
		char *field[6], *save = NULL, *before, *after;
		const kik_error *e;
		kik_plan *plan;
		int k, err;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (k = 0; k < 6; k++)
			field[k] = strtok_r(k ? NULL : line, "|", &save);
		cr_assert(ne(ptr, field[5], NULL), "malformed case line");
		cr_assert(eq(int, kik_plan_new_default(&plan), 0));
		before = fingerprint(plan);
		if (strncmp(field[0], "generated:", 10) == 0) {
			size_t len;
			char *data = generate(field[0] + 10, &len);
			err = kik_plan_import_buffer(plan, kind_of(field[1]), data, len, field[0], NULL);
			free(data);
		} else {
			char path[512];
			snprintf(path, sizeof(path), CORPUS "/%s", field[0]);
			err = kik_plan_import_file(plan, kind_of(field[1]), path, NULL);
		}
		e = kik_error_last();
		cr_assert(eq(int, err, code_of(field[2])), "%s", field[0]);
		cr_assert(ne(ptr, (void *)e, NULL));
		cr_assert(ne(ptr, (void *)e->file, NULL), "%s", field[0]);
		cr_assert(eq(ulong, e->line, strtoul(field[3], NULL, 10)), "%s: %s", field[0], e->message);
		cr_assert(eq(ulong, e->column, strtoul(field[4], NULL, 10)), "%s: %s", field[0], e->message);
		cr_assert(ne(ptr, strstr(e->message, field[5]), NULL), "%s: %s", field[0], e->message);
		after = fingerprint(plan);
		assert_same_content(after, before, field[0]);
		free(before);
		free(after);
		kik_plan_free(plan);
		checked++;
	}
	fclose(cases);
	cr_assert(eq(sz, checked, 22));
}
