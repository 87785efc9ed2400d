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

int kik_plan_report(kik_plan *plan, kik_write_fn write, void *ctx, const kik_report_options *options)
{
	static const kik_report_options defaults = KIK_REPORT_OPTIONS_INIT;
	const kik_report_options *o = options ? options : &defaults;
	kik__out out;
	if (!plan || !write)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if (o->version < 1 || (unsigned)o->format > KIK_REPORT_MARKDOWN || (unsigned)o->lang > KIK_LANG_EN)
		return kik__error_set(plan, KIK_EINVAL, NULL,
				      "bad report options: expected a version, HTML or "
				      "Markdown, and German or English");
	kik__out_init(&out, plan, write, ctx);
	if (o->format == KIK_REPORT_HTML)
		kik__report_html(&out, plan, kik__report_labels(o->lang));
	else
		kik__report_md(&out, plan, kik__report_labels(o->lang));
	return kik__out_finish(&out);
}

static int produce(kik_plan *plan, kik_write_fn write, void *ctx, const void *options)
{
	return kik_plan_report(plan, write, ctx, options);
}

int kik_plan_report_file(kik_plan *plan, const char *path, const kik_report_options *options)
{
	if (!plan || !path)
		return KIK_EINVAL;
	kik__error_clear(plan);
	return kik__write_file(plan, path, produce, options);
}
