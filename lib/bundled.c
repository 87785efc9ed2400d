/* The bundled plan: KIK as of 2023-10-05, read from the data files compiled into the library. */
#include "internal.h"

#include "bundled_data.h"

int kik_plan_new_default_with_allocator(kik_plan **out, const kik_allocator *allocator)
{
	static const struct {
		kik_import_kind kind;
		const unsigned char *data;
		const size_t *size;
		const char *name;
	} parts[] = {
		{ KIK_IMPORT_PLAN_INFO, kik__bundled_plan, &kik__bundled_plan_size, "kik-plan.csv" },
		{ KIK_IMPORT_FIELDS, kik__bundled_fields, &kik__bundled_fields_size, "kik-fields.csv" },
		{ KIK_IMPORT_MEASURES, kik__bundled_measures, &kik__bundled_measures_size, "kik-2023-10-05.csv" },
		{ KIK_IMPORT_PUBLISHED, kik__bundled_published, &kik__bundled_published_size,
		  "kik-2023-10-05-published.csv" },
		/* the report's own content (kik/content.h) */
		{ KIK_IMPORT_NOTES, kik__bundled_notes, &kik__bundled_notes_size, "kik-2023-10-05-notes.csv" },
		{ KIK_IMPORT_FIELD_NOTES, kik__bundled_field_notes, &kik__bundled_field_notes_size,
		  "kik-2023-10-05-field-notes.csv" },
		{ KIK_IMPORT_PROJECTS, kik__bundled_projects, &kik__bundled_projects_size,
		  "kik-2023-10-05-projects.csv" },
		{ KIK_IMPORT_TIMELINE, kik__bundled_timeline, &kik__bundled_timeline_size,
		  "kik-2023-10-05-timeline.csv" },
		{ KIK_IMPORT_PRIORITIES, kik__bundled_priorities, &kik__bundled_priorities_size,
		  "kik-2023-10-05-priorities.csv" },
		{ KIK_IMPORT_FIGURES, kik__bundled_figures, &kik__bundled_figures_size, "kik-2023-10-05-figures.csv" },
	};
	kik_plan *plan;
	size_t i;
	int err;
	kik__error_clear(NULL);
	if (!out)
		return kik__error_arg("out is NULL");
	if ((err = kik_plan_new_with_allocator(&plan, allocator)) < 0)
		return err;
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		err = kik_plan_import_buffer(plan, parts[i].kind, (const char *)parts[i].data, *parts[i].size,
					     parts[i].name, NULL);
		if (err < 0) {
			kik_plan_free(plan);
			return err;
		}
	}
	*out = plan;
	return 0;
}

int kik_plan_new_default(kik_plan **out)
{
	return kik_plan_new_default_with_allocator(out, NULL);
}
