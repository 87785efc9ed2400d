/* Shared by the suites: collecting written bytes, and a plan's whole content as text. */
#ifndef KIK_TEST_SINK_H
#define KIK_TEST_SINK_H

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sink {
	char *data;
	size_t len, cap;
} sink;

/* A kik_write_fn that appends to a sink (NUL-terminated). It grows geometrically: plans
 * of megabytes are written in many small pieces. */
static inline int to_sink(void *ctx, const char *data, size_t size)
{
	sink *s = ctx;
	if (s->len + size + 1 > s->cap) {
		s->cap = (s->len + size + 1) * 2;
		s->data = realloc(s->data, s->cap);
	}
	memcpy(s->data + s->len, data, size);
	s->len += size;
	s->data[s->len] = '\0';
	return 0;
}

/* Everything a plan holds, as text: its information, fields, measures, tasks (with their
 * ids, each of which must find its task), published figures and the report's content.
 * Free the result. */
static inline char *fingerprint(kik_plan *plan)
{
	static const kik_import_kind kinds[] = { KIK_IMPORT_PLAN_INFO,   KIK_IMPORT_FIELDS,    KIK_IMPORT_MEASURES,
						 KIK_IMPORT_TASKS,       KIK_IMPORT_PUBLISHED, KIK_IMPORT_NOTES,
						 KIK_IMPORT_FIELD_NOTES, KIK_IMPORT_PROJECTS,  KIK_IMPORT_TIMELINE,
						 KIK_IMPORT_PRIORITIES,  KIK_IMPORT_FIGURES };
	sink s = { NULL, 0, 0 };
	size_t i, k;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		cr_assert(eq(int, kik_plan_export(plan, kinds[i], to_sink, &s, NULL), 0));
	to_sink(&s, "task ids:", 9);
	for (i = 0; i < kik_plan_measure_count(plan); i++) {
		const kik_measure *m = kik_plan_measure(plan, i);
		for (k = 0; k < kik_measure_task_count(m); k++) {
			const kik_task *t = kik_measure_task(m, k);
			char id[24];
			cr_assert(eq(ptr, (void *)kik_plan_find_task(plan, kik_task_id(t)), (void *)t));
			to_sink(&s, id, (size_t)snprintf(id, sizeof(id), " %lu", kik_task_id(t)));
		}
	}
	return s.data;
}

/* Asserts that two plans' contents (from fingerprint) are the same, showing where they
 * part: a failing eq(str) would print megabytes. */
static inline void assert_same_content(const char *got, const char *want, const char *what)
{
	size_t i = 0;
	while (got[i] && got[i] == want[i])
		i++;
	cr_assert(got[i] == want[i], "%s: differs at byte %zu: \"%.80s\" instead of \"%.80s\"", what, i, got + i,
		  want + i);
}

#endif
