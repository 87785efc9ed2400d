/* Fuzz targets: importing any bytes as measures, tasks or a status matrix into a small
 * plan (the bundled one is too slow to build). An import either succeeds or fails with a
 * message and leaves the plan exactly as it was; nothing crashes or leaks. KIK_FUZZ_KIND
 * picks the import. */
#include <kik/kik.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct sink {
	char *data;
	size_t len;
} sink;

static int to_sink(void *ctx, const char *data, size_t size)
{
	sink *s = ctx;
	char *bigger = realloc(s->data, s->len + size + 1);
	if (!bigger)
		return -1;
	s->data = bigger;
	memcpy(s->data + s->len, data, size);
	s->len += size;
	return 0;
}

static sink fingerprint(kik_plan *plan)
{
	sink s = { NULL, 0 };
	kik_plan_export(plan, KIK_IMPORT_MEASURES, to_sink, &s, NULL);
	kik_plan_export(plan, KIK_IMPORT_TASKS, to_sink, &s, NULL);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char base_fields[] = "code;name;aliases\nSB;Sprache und Bildung;Bildung und Sprache\n"
				  "AA;Arbeit und Ausbildung;\nGP;Gesundheit und Pflege;Gesundheit\n";
static const char base_measures[] = "field;group;goal;goal_text;measure;text;status\n"
				    "SB;Vernetzung;4;Hilfen;4.6;Beworben;waiting\n"
				    "AA;Beratung;2;Zugang;2.1;Austausch;in_progress\n"
				    "GP;Vorsorge;6;Angebote;6.2;Sprechstunden;implemented\n";
static const char base_tasks[] = "measure;kind;title;state\nSB-4.6;ag;Fachtag;open\n";

/* The small plan every run imports into, and its content. A failed import must leave it as
 * it was, so it is kept for the next run; a successful one changed it, so it is made again.
 * (Making it for every run was most of a run's time.) */
static kik_plan *base;
static sink base_content;

static void make_base(void)
{
	if (kik_plan_new(&base) < 0 ||
	    kik_plan_import_buffer(base, KIK_IMPORT_FIELDS, base_fields, sizeof(base_fields) - 1, "f", NULL) < 0 ||
	    kik_plan_import_buffer(base, KIK_IMPORT_MEASURES, base_measures, sizeof(base_measures) - 1, "m", NULL) <
		0 ||
	    kik_plan_import_buffer(base, KIK_IMPORT_TASKS, base_tasks, sizeof(base_tasks) - 1, "t", NULL) < 0)
		__builtin_trap();
	base_content = fingerprint(base);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sink after;
	int err;
	if (!base)
		make_base();
	err = kik_plan_import_buffer(base, KIK_FUZZ_KIND, (const char *)data, size, "fuzz.csv", NULL);
	if (err < 0) {
		const kik_error *e = kik_error_last();
		if (!e || !e->message || !*e->message || e->code != err)
			__builtin_trap(); /* every failure says what it found */
		after = fingerprint(base);
		if (after.len != base_content.len || memcmp(after.data, base_content.data, base_content.len) != 0)
			__builtin_trap(); /* a failed import changed the plan */
		free(after.data);
		return 0;
	}
	kik_plan_free(base);
	free(base_content.data);
	base = NULL;
	return 0;
}
