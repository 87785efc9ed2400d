/* Reports: labels in German and English, the sections, and the entry points. */
#include "report.h"

#include <string.h>

static const kik__labels german = {
	"de",
	"Umsetzungsstand",
	"Stand",
	"Umsetzungsstand aller Handlungsfelder",
	"Handlungsfeld",
	"Gruppe",
	"Nummer",
	"Ziel/Maßnahme",
	"Ziele",
	"Maßnahmen",
	"Gesamt",
	"Anzahl",
	"Anteil",
	{ "wartend", "in Bearbeitung", "implementiert" },
};

static const kik__labels english = {
	"en",
	"Implementation status",
	"as of",
	"Status of all fields of action",
	"Field of action",
	"Group",
	"Number",
	"Goal/measure",
	"Goals",
	"Measures",
	"Total",
	"Count",
	"Share",
	{ "waiting", "in progress", "implemented" },
};

const kik__labels *kik__report_labels(kik_lang lang)
{
	return lang == KIK_LANG_EN ? &english : &german;
}

/* Checks report options and copies them by their version (defaults for NULL); errors set. */
static int read_options(const kik_report_options *in, kik_report_options *out)
{
	static const kik_report_options defaults = KIK_REPORT_OPTIONS_INIT;
	*out = defaults;
	out->sections = KIK_REPORT_ALL;
	if (!in)
		return 0;
	if (in->version < 1 || in->version > KIK_REPORT_OPTIONS_VERSION)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "report options of version %u: expected 1 to %u",
				      in->version, KIK_REPORT_OPTIONS_VERSION);
	*out = *in;
	if ((unsigned)out->format > KIK_REPORT_MARKDOWN || (unsigned)out->lang > KIK_LANG_EN)
		return kik__error_set(NULL, KIK_EINVAL, NULL,
				      "bad report options: expected HTML or Markdown, and German or English");
	if (out->sections & ~KIK_REPORT_ALL)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "unknown report sections 0x%x",
				      out->sections & ~KIK_REPORT_ALL);
	if (out->flags & ~(unsigned)KIK_REPORT_EARLIER_NOTES)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "unknown report flags 0x%x", out->flags);
	if (!out->sections)
		out->sections = KIK_REPORT_ALL;
	return 0;
}

static const char *const section_keys[] = { "title",       "timeline", "rounds", "context", "summary", "charts",
					    "field_notes", "projects", "goals",  "notes",   "changes", "outlook" };
enum { SECTIONS = sizeof(section_keys) / sizeof(section_keys[0]) };

const char *kik_report_section_key(unsigned section)
{
	int b;
	for (b = 0; b < SECTIONS; b++)
		if (section == 1u << b)
			return section_keys[b];
	return NULL;
}

int kik_report_sections_parse(const char *text, unsigned *out)
{
	unsigned bits = 0;
	const char *p;
	kik__error_clear(NULL);
	if (!out)
		return kik__error_arg("out is NULL");
	if (kik__check_text(text, "the sections") < 0)
		return KIK_EINVAL;
	for (p = text; *p;) {
		size_t len = strcspn(p, ","), n = len;
		const char *word = kik__trim(p, &n);
		int b;
		for (b = 0; b < SECTIONS && (strlen(section_keys[b]) != n || strncmp(section_keys[b], word, n)); b++)
			;
		if (b < SECTIONS)
			bits |= 1u << b;
		else if (n == 3 && !strncmp(word, "all", 3))
			bits |= KIK_REPORT_ALL;
		else if (n == 6 && !strncmp(word, "status", 6))
			bits |= KIK_REPORT_STATUS_PAGES;
		else if (n)
			return kik__error_set(NULL, KIK_EPARSE, NULL,
					      "'%.*s' is not a section: expected all, status, title, timeline, rounds, "
					      "context, summary, charts, field_notes, projects, goals, notes, changes "
					      "or outlook",
					      (int)n, word);
		p += len + (p[len] == ',');
	}
	*out = bits;
	return 0;
}

/* Writes a report: the run's context, and what changed since an earlier plan. */
static int write_report(const kik_plan *plan, kik_write_fn write, void *ctx, const kik_report_options *o)
{
	kik__out out;
	kik__report r;
	int err;
	memset(&r, 0, sizeof(r));
	kik__out_init(&out, plan, write, ctx);
	r.o = &out;
	r.plan = plan;
	r.since = o->since;
	r.l = kik__report_labels(o->lang);
	r.w = kik__report_words(o->lang);
	r.lang = o->lang;
	r.sections = o->sections;
	r.flags = o->flags;
	if (r.since && (r.sections & KIK_REPORT_CHANGES) && (err = kik_plan_diff(r.since, plan, &r.diff)) < 0)
		return err;
	if (o->format == KIK_REPORT_HTML)
		kik__report_html(&r);
	else
		kik__report_md(&r);
	kik_diff_free(r.diff);
	kik__buf_free(&plan->alloc, &r.scratch);
	if ((err = kik__out_finish(&out)) < 0 && (!kik_error_last() || kik_error_last()->code != err))
		kik__error_set(plan, err, NULL, "%s", kik_error_code_name(err)); /* a later call cleared it */
	return err;
}

int kik_plan_report(const kik_plan *plan, kik_write_fn write, void *ctx, const kik_report_options *options)
{
	kik_report_options o;
	kik__error_clear(plan);
	if (!plan || !write)
		return kik__error_arg(plan ? "write is NULL" : "the plan is NULL");
	if (read_options(options, &o) < 0)
		return KIK_EINVAL;
	return write_report(plan, write, ctx, &o);
}

static int produce(const kik_plan *plan, kik_write_fn write, void *ctx, const void *options)
{
	return kik_plan_report(plan, write, ctx, options);
}

int kik_plan_report_file(const kik_plan *plan, const char *path, const kik_report_options *options)
{
	kik_report_options o;
	kik__error_clear(plan);
	if (!plan || !path)
		return kik__error_arg(plan ? "the path is NULL" : "the plan is NULL");
	if (read_options(options, &o) < 0)
		return KIK_EINVAL;
	return kik__write_file(plan, path, produce, &o);
}
