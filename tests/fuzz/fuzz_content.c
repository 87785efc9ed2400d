/* Fuzz target: any bytes as a file of the report's content, into a small plan. The first
 * byte picks the kind (notes, field notes, projects, timeline, rounds, figures, or auto).
 * An import either fails with its details and leaves the plan exactly as it was, or
 * succeeds, and then the export of every content kind reads back to the same content. */
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

/* The content of a plan: every content kind exported. */
static sink content_of(kik_plan *plan)
{
	sink s = { NULL, 0 };
	int k;
	for (k = KIK_IMPORT_NOTES; k <= KIK_IMPORT_FIGURES; k++)
		if (kik_plan_export(plan, (kik_import_kind)k, to_sink, &s, NULL) < 0)
			__builtin_trap();
	return s;
}

static int same(sink a, sink b)
{
	return a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char base_fields[] = "code;name;aliases\nSB;Sprache und Bildung;Bildung und Sprache\n"
				  "AA;Arbeit und Ausbildung;\nIO;Interkulturelle Öffnung;\n";
static const char base_measures[] = "field;group;goal;goal_text;measure;text;status\n"
				    "SB;Vernetzung;4;Hilfen;4.6;Beworben;waiting\n"
				    "AA;Beratung;2;Zugang;2.1;Austausch;in_progress\n"
				    "IO;Vielfalt;6;Vielfalt;6.2;Sichtbar;implemented\n";
static const char base_content[] = "name;unit;date;value;share_of\nE;count;2022-12-31;71.918;\n"
				   "A;percent;2022-12-31;40,4 %;E\n";

static kik_plan *base(void)
{
	kik_plan *plan;
	if (kik_plan_new(&plan) < 0)
		return NULL;
	if (kik_plan_import_buffer(plan, KIK_IMPORT_FIELDS, base_fields, sizeof(base_fields) - 1, "f", NULL) < 0 ||
	    kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, base_measures, sizeof(base_measures) - 1, "m", NULL) <
		0 ||
	    kik_plan_import_buffer(plan, KIK_IMPORT_FIGURES, base_content, sizeof(base_content) - 1, "c", NULL) < 0)
		__builtin_trap();
	return plan;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const kik_import_kind kinds[] = { KIK_IMPORT_NOTES,    KIK_IMPORT_FIELD_NOTES, KIK_IMPORT_PROJECTS,
						 KIK_IMPORT_TIMELINE, KIK_IMPORT_PRIORITIES,  KIK_IMPORT_FIGURES,
						 KIK_IMPORT_AUTO };
	kik_plan *plan, *copy;
	sink before, after;
	int err, k;
	if (size < 1 || !(plan = base()))
		return 0;
	before = content_of(plan);
	err = kik_plan_import_buffer(plan, kinds[data[0] % 7], (const char *)data + 1, size - 1, "fuzz.csv", NULL);
	if (err < 0) {
		const kik_error *e = kik_error_last(); /* before the exports clear it */
		if (!e || !e->message || e->code != err)
			__builtin_trap();
	}
	after = content_of(plan);
	if (err < 0) {
		if (!same(before, after))
			__builtin_trap(); /* a failed import changed the plan */
	} else if ((copy = base())) {
		/* what was imported reads back from its export */
		sink again;
		for (k = KIK_IMPORT_NOTES; k <= KIK_IMPORT_FIGURES; k++) {
			sink part = { NULL, 0 };
			kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
			o.flags = KIK_IMPORT_COMPLETE;
			if (kik_plan_export(plan, (kik_import_kind)k, to_sink, &part, NULL) < 0 ||
			    kik_plan_import_buffer(copy, (kik_import_kind)k, part.data ? part.data : "", part.len, "e",
						   &o) < 0)
				__builtin_trap();
			free(part.data);
		}
		again = content_of(copy);
		if (!same(after, again))
			__builtin_trap();
		free(again.data);
		kik_plan_free(copy);
	}
	free(before.data);
	free(after.data);
	kik_plan_free(plan);
	return 0;
}
