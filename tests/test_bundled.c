/* The bundled data set (KIK, 2023-10-05) against the status table it was built from
 * (tests/fixtures/seed-001-status-table.txt, seed 001 of the interim report). */
#include <criterion/criterion.h>

#include "counts.h"
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static kik_plan *plan;
static char *seed;

static void setup(void)
{
	FILE *f = fopen(KIK_TEST_FIXTURES "/seed-001-status-table.txt", "rb");
	long size;
	cr_assert(ne(ptr, (void *)f, NULL));
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	seed = malloc((size_t)size + 1);
	cr_assert(eq(sz, fread(seed, 1, (size_t)size, f), (size_t)size));
	seed[size] = '\0';
	fclose(f);
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
	free(seed);
}

TestSuite(bundled, .init = setup, .fini = teardown);

Test(bundled, has_the_plan_shape_of_the_report)
{
	static const char *codes[] = { "SB", "AA", "GP", "BE", "GT", "IO" };
	static const size_t goals[] = { 8, 8, 6, 5, 8, 8 };
	static const size_t measures[] = { 30, 27, 19, 18, 24, 26 };
	plan_counts s;
	size_t i;
	cr_assert(eq(str, (char *)kik_plan_as_of(plan), "2023-10-05"));
	cr_assert(ne(ptr, strstr(kik_plan_name(plan), "Kempten"), NULL));
	cr_assert(eq(sz, kik_plan_field_count(plan), 6));
	for (i = 0; i < 6; i++) {
		const kik_field *f = kik_plan_field(plan, i);
		cr_assert(eq(str, (char *)kik_field_code(f), (char *)codes[i]));
		cr_assert(eq(sz, kik_field_goal_count(f), goals[i]), "%s", codes[i]);
		cr_assert(eq(sz, kik_field_measure_count(f), measures[i]), "%s", codes[i]);
	}
	s = count_plan(plan);
	cr_assert(eq(sz, s.goals, 43));
	cr_assert(eq(sz, s.measures, 144));
}

/* Every section "## Handlungsfeld NAME" of the seed names a field of the plan (through its
 * aliases), and each of its rows that holds a measure number is a measure of that field
 * with that number and exactly that text. */
Test(bundled, every_measure_row_of_the_seed_is_in_the_plan_with_its_text)
{
	const kik_field *field = NULL;
	size_t rows = 0, per_field = 0;
	char *save = NULL, *line;
	for (line = strtok_r(seed, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *cells[8], *p = line, *tab;
		size_t n = 0, i;
		if (strncmp(line, "## Handlungsfeld ", 17) == 0) {
			if (field)
				cr_assert(eq(sz, per_field, kik_field_measure_count(field)), "%s",
					  kik_field_code(field));
			field = kik_plan_find_field(plan, line + 17);
			cr_assert(ne(ptr, (void *)field, NULL), "%s", line);
			per_field = 0;
			continue;
		}
		if (!field || !strchr(line, '\t'))
			continue;
		while (n < 8) {
			cells[n++] = p;
			if (!(tab = strchr(p, '\t')))
				break;
			*tab = '\0';
			p = tab + 1;
		}
		for (i = 0; i < n; i++) {
			unsigned g, m;
			int used = 0;
			char id[32], *text = NULL;
			const kik_measure *measure;
			if (sscanf(cells[i], "%u.%u.%n", &g, &m, &used) != 2 || cells[i][used] != '\0')
				continue;
			for (size_t j = i + 1; j < n && !text; j++)
				if (*cells[j])
					text = cells[j];
			snprintf(id, sizeof(id), "%s-%u.%u", kik_field_code(field), g, m);
			measure = kik_plan_find_measure(plan, id);
			cr_assert(ne(ptr, (void *)measure, NULL), "%s", id);
			cr_assert(eq(str, (char *)kik_measure_text(measure), text), "%s", id);
			rows++;
			per_field++;
			break;
		}
	}
	cr_assert(eq(sz, per_field, kik_field_measure_count(field)));
	cr_assert(eq(sz, rows, 144));
}

struct irregular {
	const char *id;
	kik_status status;
	const char *group;
};

/* Rows of the seed whose cells are shifted, by hand from the table: the mark stands in the
 * column after the text, wherever the text is. */
Test(bundled, shifted_rows_and_footnoted_groups_are_read_as_meant)
{
	static const struct irregular rows[] = {
		{ "SB-4.6", KIK_STATUS_WAITING, "Vernetzung" },
		{ "SB-8.6", KIK_STATUS_IN_PROGRESS, "Institutionelle Bildung" },
		{ "GP-2.3", KIK_STATUS_WAITING, "Gesundheitsversorgung" },
		{ "GT-4.1", KIK_STATUS_IMPLEMENTED, "Freizeit – Sport – Kultur" },
		{ "GT-4.2", KIK_STATUS_IMPLEMENTED, "Freizeit – Sport – Kultur" },
		{ "GT-5.2", KIK_STATUS_IN_PROGRESS, "Freizeit – Sport – Kultur" },
		{ "IO-6.1", KIK_STATUS_IMPLEMENTED, "Gesellschaft" },
		{ "IO-7.1", KIK_STATUS_IN_PROGRESS, "Gesellschaft" },
		{ "IO-8.2", KIK_STATUS_WAITING, "Int. Dialog" },
		{ "BE-5.1", KIK_STATUS_IMPLEMENTED, "Ehrenamtlicher Dolmetscher-Pool Kempten" },
		{ "SB-5.1", KIK_STATUS_IN_PROGRESS, "Vernetzung" },
	};
	size_t i;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const kik_measure *m = kik_plan_find_measure(plan, rows[i].id);
		cr_assert(ne(ptr, (void *)m, NULL), "%s", rows[i].id);
		cr_assert(eq(int, kik_measure_recorded_status(m), rows[i].status), "%s", rows[i].id);
		cr_assert(eq(str, (char *)kik_group_name(kik_measure_group(m)), (char *)rows[i].group), "%s",
			  rows[i].id);
	}
	/* goals 3 to 6 of SB: "Vernetzung" is named again when goal 5 starts a new table */
	cr_assert(eq(sz, kik_group_goal_count(kik_measure_group(kik_plan_find_measure(plan, "SB-5.1"))), 4));
}

Test(bundled, texts_are_clean_of_markup)
{
	size_t i;
	for (i = 0; i < kik_plan_measure_count(plan); i++) {
		const kik_measure *m = kik_plan_measure(plan, i);
		cr_assert(eq(ptr, strchr(kik_measure_text(m), '<'), NULL), "%s", kik_measure_id(m));
		cr_assert(eq(ptr, strchr(kik_goal_text(kik_measure_goal(m)), '<'), NULL), "%s", kik_measure_id(m));
		cr_assert(ne(str, (char *)kik_goal_text(kik_measure_goal(m)), ""), "%s", kik_measure_id(m));
	}
	cr_assert(eq(str, (char *)kik_goal_text(kik_field_find_goal(kik_plan_find_field(plan, "SB"), 1)),
		     "Wichtige Themen, die sich an der Zielgruppe und den Bedarfen orientieren, werden über den "
		     "informellen Bildungsbereich transportiert."));
}

/* The fields where the report's charts agree with its own table: their counts equal the
 * published ones (SB and BE are the two where the report disagrees with itself). */
Test(bundled, fields_where_the_report_agrees_with_itself_give_the_published_counts)
{
	static const struct {
		const char *code;
		size_t waiting, in_progress, implemented;
	} published[] = { { "AA", 7, 7, 13 }, { "GP", 4, 13, 2 }, { "GT", 3, 14, 7 }, { "IO", 10, 9, 7 } };
	size_t i;
	for (i = 0; i < 4; i++) {
		plan_counts s;
		s = count_field(kik_plan_find_field(plan, published[i].code));
		cr_assert(eq(sz, s.count[KIK_STATUS_WAITING], published[i].waiting), "%s", published[i].code);
		cr_assert(eq(sz, s.count[KIK_STATUS_IN_PROGRESS], published[i].in_progress), "%s", published[i].code);
		cr_assert(eq(sz, s.count[KIK_STATUS_IMPLEMENTED], published[i].implemented), "%s", published[i].code);
	}
}
