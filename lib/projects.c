/* Projects: the organisations behind them, and the measures and goals they cover. */
#include "content.h"

#include <string.h>

void kik__project_free(const kik_allocator *a, void *record)
{
	struct kik_project *p = record;
	size_t i;
	if (!p)
		return;
	for (i = 0; i < p->organisations.len; i++)
		kik__free(a, p->organisations.items[i]);
	kik__vec_free(a, &p->organisations);
	kik__vec_free(a, &p->measures);
	kik__vec_free(a, &p->goals);
	kik__free(a, p->name);
	kik__free(a, p->description);
	kik__free(a, p->start);
	kik__free(a, p->end);
	kik__free(a, p);
}

int kik__project_same(const void *x, const void *y)
{
	return strcmp(((const struct kik_project *)x)->name, ((const struct kik_project *)y)->name) == 0;
}

static int has(const kik__vec *v, const void *item)
{
	size_t i;
	for (i = 0; i < v->len; i++)
		if (v->items[i] == item)
			return 1;
	return 0;
}

/* The measures and goals a description names, each once; errors set. */
static int covered(kik_plan *plan, const kik_project_desc *d, const kik__origin *from, struct kik_project *p)
{
	size_t i;
	if (kik__vec_reserve(&plan->alloc, &p->measures, d->measure_count) < 0 ||
	    kik__vec_reserve(&plan->alloc, &p->goals, d->goal_count) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	for (i = 0; i < d->measure_count; i++) {
		kik_measure *m = (kik_measure *)kik_plan_find_measure(plan, d->measures[i]);
		if (!m)
			return kik__content_fail(from, PROJECT_MEASURES, i, KIK_ENOTFOUND,
						 "no measure '%s': expected the id of a measure of the plan, such as "
						 "SB-4.6",
						 d->measures[i]);
		if (has(&p->measures, m))
			return kik__content_fail(from, PROJECT_MEASURES, i, KIK_EINVAL, "measure %s is named twice",
						 m->id);
		p->measures.items[p->measures.len++] = m;
	}
	for (i = 0; i < d->goal_count; i++) {
		kik_goal *g = kik__content_goal(plan, d->goals[i]);
		if (!g)
			return kik__content_fail(from, PROJECT_GOALS, i, KIK_ENOTFOUND,
						 "no goal '%s': expected a field code and a goal number, such as IO-6",
						 d->goals[i]);
		if (has(&p->goals, g))
			return kik__content_fail(from, PROJECT_GOALS, i, KIK_EINVAL, "goal '%s' is named twice",
						 d->goals[i]);
		p->goals.items[p->goals.len++] = g;
	}
	return 0;
}

static int dates(const kik_project_desc *d, const kik__origin *from, struct kik_project *p)
{
	if (*p->start && !kik__content_date(p->start, 1))
		return kik__content_fail(from, PROJECT_START, 0, KIK_EINVAL,
					 "'%s' is not a start: expected YYYY-MM-DD, YYYY-MM or YYYY", d->start);
	if (*p->end && !kik__content_date(p->end, 1))
		return kik__content_fail(from, PROJECT_END, 0, KIK_EINVAL,
					 "'%s' is not an end: expected YYYY-MM-DD, YYYY-MM or YYYY", d->end);
	if (*p->start && *p->end && kik__content_date_before(p->end, p->start))
		return kik__content_fail(from, PROJECT_END, 0, KIK_EINVAL, "the end %s is before the start %s", p->end,
					 p->start);
	return 0;
}

int kik__project_build(kik_plan *plan, const kik_project_desc *d, const kik__origin *from, struct kik_project **out)
{
	const kik_allocator *a = &plan->alloc;
	struct kik_project *p = kik__malloc(a, sizeof(*p));
	size_t i;
	int err;
	if (!p)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	memset(p, 0, sizeof(*p));
	if (!(p->name = kik__content_text(a, d->name)) || !(p->description = kik__content_text(a, d->description)) ||
	    !(p->start = kik__content_text(a, d->start)) || !(p->end = kik__content_text(a, d->end)) ||
	    kik__vec_reserve(a, &p->organisations, d->organisation_count) < 0) {
		err = kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
		goto fail;
	}
	for (i = 0; i < d->organisation_count; i++) {
		char *name = kik__content_text(a, d->organisations[i]);
		if (!name) {
			err = kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
			goto fail;
		}
		p->organisations.items[p->organisations.len++] = name;
		if (!*name) {
			err = kik__content_fail(from, PROJECT_ORGANISATIONS, i, KIK_EINVAL,
						"organisation %zu is empty: expected a name", i + 1);
			goto fail;
		}
	}
	if (!*p->name) {
		err = kik__content_fail(from, PROJECT_NAME, 0, KIK_EINVAL, "a project needs a name: it is empty");
		goto fail;
	}
	if (d->field && *d->field && !(p->field = kik__content_field(plan, d->field))) {
		err = kik__content_fail(from, PROJECT_FIELD, 0, KIK_ENOTFOUND,
					"unknown field '%s': expected a field of the plan", d->field);
		goto fail;
	}
	if ((err = dates(d, from, p)) < 0 || (err = covered(plan, d, from, p)) < 0)
		goto fail;
	*out = p;
	return 0;
fail:
	kik__project_free(a, p);
	return err;
}

/* ---- getters --------------------------------------------------------------------- */

size_t kik_plan_project_count(const kik_plan *plan)
{
	return plan ? plan->content.projects.len : 0;
}

const kik_project *kik_plan_project(const kik_plan *plan, size_t i)
{
	return plan && i < plan->content.projects.len ? plan->content.projects.items[i] : NULL;
}

const kik_project *kik_plan_find_project(const kik_plan *plan, const char *name)
{
	long at = plan && name ? kik__content_named(&plan->content.projects, name) : -1;
	return at < 0 ? NULL : plan->content.projects.items[at];
}

const char *kik_project_name(const kik_project *p)
{
	return p ? p->name : NULL;
}

const kik_field *kik_project_field(const kik_project *p)
{
	return p ? p->field : NULL;
}

size_t kik_project_organisation_count(const kik_project *p)
{
	return p ? p->organisations.len : 0;
}

const char *kik_project_organisation(const kik_project *p, size_t i)
{
	return p && i < p->organisations.len ? p->organisations.items[i] : NULL;
}

const char *kik_project_description(const kik_project *p)
{
	return p ? p->description : NULL;
}

const char *kik_project_start(const kik_project *p)
{
	return p ? p->start : NULL;
}

const char *kik_project_end(const kik_project *p)
{
	return p ? p->end : NULL;
}

size_t kik_project_measure_count(const kik_project *p)
{
	return p ? p->measures.len : 0;
}

const kik_measure *kik_project_measure(const kik_project *p, size_t i)
{
	return p && i < p->measures.len ? p->measures.items[i] : NULL;
}

size_t kik_project_goal_count(const kik_project *p)
{
	return p ? p->goals.len : 0;
}

const kik_goal *kik_project_goal(const kik_project *p, size_t i)
{
	return p && i < p->goals.len ? p->goals.items[i] : NULL;
}

/* ---- changes ----------------------------------------------------------------------- */

/* Checks the strings of a description as UTF-8. */
static int check_desc(const kik_project_desc *d)
{
	size_t i;
	if ((d->name && kik__check_text(d->name, "the name") < 0) ||
	    (d->field && kik__check_text(d->field, "the field") < 0) ||
	    (d->description && kik__check_text(d->description, "the description") < 0) ||
	    (d->start && kik__check_text(d->start, "the start") < 0) ||
	    (d->end && kik__check_text(d->end, "the end") < 0))
		return KIK_EINVAL;
	if ((d->organisation_count && !d->organisations) || (d->measure_count && !d->measures) ||
	    (d->goal_count && !d->goals))
		return kik__error_arg("a list is NULL while its count is not 0");
	for (i = 0; i < d->organisation_count; i++)
		if (kik__check_text(d->organisations[i], "an organisation") < 0)
			return KIK_EINVAL;
	for (i = 0; i < d->measure_count; i++)
		if (kik__check_text(d->measures[i], "a measure id") < 0)
			return KIK_EINVAL;
	for (i = 0; i < d->goal_count; i++)
		if (kik__check_text(d->goals[i], "a goal id") < 0)
			return KIK_EINVAL;
	return 0;
}

int kik_plan_put_project(kik_plan *plan, const kik_project_desc *desc, const kik_project **out)
{
	struct kik_project *p;
	int err;
	kik__error_clear(plan);
	if (!plan || !desc)
		return kik__error_arg(plan ? "the description is NULL" : "the plan is NULL");
	if (desc->version < 1 || desc->version > KIK_PROJECT_DESC_VERSION)
		return kik__error_set(plan, KIK_EINVAL, NULL, "project description of version %u: expected 1 to %u",
				      desc->version, KIK_PROJECT_DESC_VERSION);
	if ((err = check_desc(desc)) < 0 || (err = kik__project_build(plan, desc, NULL, &p)) < 0)
		return err;
	if ((err = kik__content_put_one(plan, &plan->content.projects, p, kik__project_same, kik__project_free)) < 0)
		return err;
	if (out)
		*out = p;
	return 0;
}

int kik_plan_remove_project(kik_plan *plan, const char *name)
{
	long at;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(name, "the name") < 0)
		return KIK_EINVAL;
	if ((at = kik__content_named(&plan->content.projects, name)) < 0)
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no project '%s'", name);
	kik__content_remove_at(&plan->alloc, &plan->content.projects, (size_t)at, kik__project_free);
	return 0;
}
