/* Reports: labels in German and English, and the entry points. */
#include "report.h"

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
	if (!in)
		return 0;
	if (in->version < 1 || in->version > KIK_REPORT_OPTIONS_VERSION)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "report options of version %u: expected 1 to %u",
				      in->version, KIK_REPORT_OPTIONS_VERSION);
	*out = *in;
	if ((unsigned)out->format > KIK_REPORT_MARKDOWN || (unsigned)out->lang > KIK_LANG_EN)
		return kik__error_set(NULL, KIK_EINVAL, NULL,
				      "bad report options: expected HTML or Markdown, and German or English");
	return 0;
}

int kik_plan_report(const kik_plan *plan, kik_write_fn write, void *ctx, const kik_report_options *options)
{
	kik_report_options o;
	kik__out out;
	kik__error_clear(plan);
	if (!plan || !write)
		return kik__error_arg(plan ? "write is NULL" : "the plan is NULL");
	if (read_options(options, &o) < 0)
		return KIK_EINVAL;
	kik__out_init(&out, plan, write, ctx);
	if (o.format == KIK_REPORT_HTML)
		kik__report_html(&out, plan, kik__report_labels(o.lang));
	else
		kik__report_md(&out, plan, kik__report_labels(o.lang));
	return kik__out_finish(&out);
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
