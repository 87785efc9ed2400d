/* The report pages: their numbers are the aggregation's, every measure is marked in its
 * status column, texts are escaped, both languages and both formats. */
#include "sink.h"

#include <criterion/criterion.h>

#include "counts.h"
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *report(kik_plan *plan, kik_report_format format, kik_lang lang)
{
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	sink s = { NULL, 0, 0 };
	o.format = format;
	o.lang = lang;
	cr_assert(eq(int, kik_plan_report(plan, to_sink, &s, &o), 0));
	return s.data;
}

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (; (haystack = strstr(haystack, needle)); haystack += strlen(needle))
		n++;
	return n;
}

/* The part of the page that belongs to one field's section. */
static char *section(const char *html, const char *code)
{
	char start[64];
	const char *from, *to;
	snprintf(start, sizeof(start), "<section class=\"field\" id=\"field-%s\">", code);
	from = strstr(html, start);
	cr_assert(ne(ptr, (void *)from, NULL), "%s", code);
	to = strstr(from, "</section>");
	return strndup(from, (size_t)(to - from));
}

Test(report, html_numbers_equal_the_aggregation_and_every_measure_is_marked)
{
	kik_plan *plan;
	char *html;
	size_t f, total = 0;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	html = report(plan, KIK_REPORT_HTML, KIK_LANG_DE);
	cr_assert(eq(int, strncmp(html, "<!DOCTYPE html>", 15), 0));
	cr_assert(eq(ptr, strstr(html, "<script"), NULL));
	cr_assert(ne(ptr, strstr(html, "<svg xmlns=\"http://www.w3.org/2000/svg\""), NULL));
	cr_assert(eq(sz, count(html, "<svg "), 7)); /* a donut per field and the whole plan's */
	for (f = 0; f < kik_plan_field_count(plan); f++) {
		const kik_field *field = kik_plan_field(plan, f);
		char *part = section(html, kik_field_code(field)), legend[128], marked[64];
		plan_counts s;
		int st;
		s = count_field(field);
		for (st = 0; st < KIK_STATUS_COUNT; st++) {
			snprintf(legend, sizeof(legend), "%s: <strong>%zu</strong> (%u %%)",
				 kik_status_label((kik_status)st, KIK_LANG_DE), s.count[st], s.percent[st]);
			cr_assert(ne(ptr, strstr(part, legend), NULL), "%s: %s", kik_field_code(field), legend);
			snprintf(marked, sizeof(marked), "<td class=\"mark %s\">x</td>",
				 kik_status_key((kik_status)st));
			cr_assert(eq(sz, count(part, marked), s.count[st]), "%s %d", kik_field_code(field), st);
		}
		cr_assert(eq(sz, count(part, "<tr class=\"measure\""), s.measures));
		cr_assert(eq(sz, count(part, "<tr class=\"goal\""), s.goals));
		total += count(part, "<tr class=\"measure\"");
		free(part);
	}
	cr_assert(eq(sz, total, 144));
	cr_assert(ne(ptr, strstr(html, "<tr class=\"measure\" id=\"SB-4.6\"><td></td><td>4.6.</td>"), NULL));
	free(html);
	kik_plan_free(plan);
}

Test(report, donut_arcs_are_the_shares_of_the_circle)
{
	kik_plan *plan;
	char *html, *part;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	html = report(plan, KIK_REPORT_HTML, KIK_LANG_EN);
	part = section(html, "AA"); /* 7, 7, 13 of 27 on a circle of 376.991 */
	cr_assert(ne(ptr, strstr(part, "stroke-dasharray=\"97.738 279.253\" stroke-dashoffset=\"0.000\""), NULL));
	cr_assert(ne(ptr, strstr(part, "stroke-dasharray=\"97.738 279.253\" stroke-dashoffset=\"-97.738\""), NULL));
	cr_assert(ne(ptr, strstr(part, "stroke-dasharray=\"181.514 195.477\" stroke-dashoffset=\"-195.476\""), NULL));
	cr_assert(ne(ptr, strstr(part, "<title>implemented: 13 (48 %)</title>"), NULL));
	free(part);
	free(html);
	kik_plan_free(plan);
}

Test(report, texts_are_escaped_in_html_and_markdown)
{
	kik_plan *plan;
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	char *html, *md;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_set_name(plan, "Plan <b>&</b>"), 0));
	cr_assert(eq(int, kik_plan_add_field(plan, "X", "Feld \"A\" | B", NULL), 0));
	d.field = "X";
	d.number = "1.1";
	d.goal_text = "Ziel 'eins'";
	d.text = "<script>alert(1)</script> a|b";
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
	html = report(plan, KIK_REPORT_HTML, KIK_LANG_DE);
	cr_assert(eq(ptr, strstr(html, "<script>"), NULL));
	cr_assert(ne(ptr, strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; a|b"), NULL));
	cr_assert(ne(ptr, strstr(html, "<title>Plan &lt;b&gt;&amp;&lt;/b&gt;</title>"), NULL));
	cr_assert(ne(ptr, strstr(html, "Feld &quot;A&quot; | B"), NULL));
	cr_assert(ne(ptr, strstr(html, "Ziel &#39;eins&#39;"), NULL));
	md = report(plan, KIK_REPORT_MARKDOWN, KIK_LANG_DE);
	cr_assert(ne(ptr, strstr(md, "| | 1.1. | &lt;script&gt;alert(1)&lt;/script&gt; a\\|b | x | | |"), NULL), "%s",
		  md);
	cr_assert(ne(ptr, strstr(md, "## Handlungsfeld Feld \"A\" \\| B"), NULL));
	free(html);
	free(md);
	kik_plan_free(plan);
}

Test(report, markdown_has_the_same_numbers_in_english)
{
	kik_plan *plan;
	char *md;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	md = report(plan, KIK_REPORT_MARKDOWN, KIK_LANG_EN);
	cr_assert(ne(ptr, strstr(md, "| **Total** | 43 | 144 | 38 (27 %) | 61 (42 %) | 45 (31 %) |"), NULL));
	cr_assert(ne(ptr, strstr(md, "| in progress | 13 | 44 % |"), NULL));
	cr_assert(eq(sz, count(md, " x |"), 144));
	cr_assert(eq(sz, count(md, "## Field of action "), 6));
	free(md);
	kik_plan_free(plan);
}

Test(report, a_report_file_replaces_its_target_whole)
{
	kik_plan *plan;
	FILE *f;
	char buf[16] = "";
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	cr_assert(eq(int, kik_plan_report_file(plan, "report.html", NULL), 0));
	f = fopen("report.html", "r");
	cr_assert(eq(sz, fread(buf, 1, 15, f), 15));
	fclose(f);
	cr_assert(eq(str, buf, "<!DOCTYPE html>"));
	cr_assert(eq(int, kik_plan_report_file(plan, "/nonexistent/report.html", NULL), KIK_EIO));
	remove("report.html");
	kik_plan_free(plan);
}

/* A plan of one measure whose texts hold `text`. */
static kik_plan *plan_with_text(const char *text)
{
	kik_plan *plan;
	kik_measure_desc d = KIK_MEASURE_DESC_INIT;
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_set_name(plan, text), 0));
	cr_assert(eq(int, kik_plan_add_field(plan, "X", text, NULL), 0));
	d.field = "X";
	d.number = "1.1";
	d.group = text;
	d.goal_text = text;
	d.text = text;
	cr_assert(eq(int, kik_plan_put_measure(plan, &d, NULL), 0));
	return plan;
}

/* Whether xmllint (where installed) reads the page as well-formed XML. */
static int xmllint_accepts(const char *page)
{
	char path[] = "/tmp/kik-report-XXXXXX", command[128];
	int fd = mkstemp(path), ok;
	FILE *f = fdopen(fd, "wb");
	fputs(page, f);
	fclose(f);
	snprintf(command, sizeof(command), "xmllint --noout %s", path);
	ok = system("command -v xmllint >/dev/null") != 0 || system(command) == 0;
	unlink(path);
	return ok;
}

Test(report, the_xhtml_is_well_formed_xml_and_shows_no_control_character)
{
	/* C0 controls, DEL, a C1 control (CSI), U+FFFE and U+FFFF (the API refuses bytes that are
	 * not UTF-8, which the page would show as U+FFFD too) */
	static const char nasty[] = "a\x01"
				    "b\x1b]0;title\x07"
				    "c\x7f d\xC2\x9B"
				    "2J e\xEF\xBF\xBE f\xEF\xBF\xBF h\tüß";
	kik_plan *plan = plan_with_text(nasty);
	char *html = report(plan, KIK_REPORT_HTML, KIK_LANG_DE), *md = report(plan, KIK_REPORT_MARKDOWN, KIK_LANG_DE);
	const unsigned char *p;
	cr_assert(xmllint_accepts(html));
	for (p = (const unsigned char *)html; *p; p++)
		cr_assert(ge(uint, *p == '\n' || *p == '\t' ? 0x20 : *p, 0x20), "byte 0x%02x in the page", *p);
	for (p = (const unsigned char *)md; *p; p++)
		cr_assert(ge(uint, *p == '\n' ? 0x20 : *p, 0x20), "byte 0x%02x in the Markdown", *p);
	cr_assert(eq(ptr, strstr(html, "\xC2\x9B"), NULL));
	cr_assert(eq(ptr, strstr(html, "\xEF\xBF\xBE"), NULL));
	cr_assert(ne(ptr,
		     strstr(html, "a\xEF\xBF\xBD"
				  "b\xEF\xBF\xBD]0;title\xEF\xBF\xBD"
				  "c"),
		     NULL),
		  "%s", html);
	cr_assert(ne(ptr, strstr(html, "h\tüß"), NULL));
	cr_assert(ne(ptr, strstr(md, "h üß"), NULL));
	free(html);
	free(md);
	kik_plan_free(plan);
}

Test(report, markdown_from_the_data_cannot_link_load_or_format)
{
	kik_plan *plan = plan_with_text("[hier](javascript:alert(1)) ![bild](http://example.org/x.png) *fett* `code` "
					"_kursiv_ ~~weg~~ <img src=x> &lt; Bürger*innen");
	char *md = report(plan, KIK_REPORT_MARKDOWN, KIK_LANG_DE);
	const char *link;
	cr_assert(ne(ptr,
		     strstr(md, "\\[hier\\](javascript:alert(1)) !\\[bild\\](http://example.org/x.png) \\*fett\\* "
				"\\`code\\` \\_kursiv\\_ \\~\\~weg\\~\\~ &lt;img src=x&gt; &amp;lt; Bürger\\*innen"),
		     NULL),
		  "%s", md);
	for (link = md; (link = strstr(link, "](")); link++) /* no link or image markup is left */
		cr_assert(eq(int, link[-1], '\\'), "%s", md);
	free(md);
	kik_plan_free(plan);
}
