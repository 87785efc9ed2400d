/* The whole report: its sections in the order of the city's report, every goal with its
 * notes, the context figures with their change, projects linked to the rows of their
 * measures, the status pages one option away, English labels, Markdown with the same
 * content, and what changed since an earlier plan (exactly the measures that changed). */
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <string.h>

static char *report_of(const kik_plan *plan, const kik_report_options *o)
{
	sink s = { NULL, 0, 0 };
	cr_assert(eq(int, kik_plan_report(plan, to_sink, &s, o), 0), "%s",
		  kik_error_last() ? kik_error_last()->message : "");
	return s.data;
}

static char *report(const kik_plan *plan, kik_report_format format, kik_lang lang)
{
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	o.format = format;
	o.lang = lang;
	return report_of(plan, &o);
}

static kik_plan *bundled(void)
{
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_new_default(&plan), 0));
	return plan;
}

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (; (haystack = strstr(haystack, needle)); haystack += strlen(needle))
		n++;
	return n;
}

/* Where `needle` is in `text`, asserted. */
static const char *at(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	cr_assert(ne(ptr, (void *)p, NULL), "no '%s'", needle);
	return p;
}

/* The first line of a text, as HTML writes it: escaped. */
static void first_line_html(const char *text, char *out, size_t cap)
{
	size_t n = 0;
	if (text[0] == '-' && text[1] == ' ')
		text += 2; /* a list item's text follows its marker */
	for (; *text && *text != '\n' && n + 8 < cap; text++) {
		const char *e = *text == '&'    ? "&amp;"
				: *text == '<'  ? "&lt;"
				: *text == '>'  ? "&gt;"
				: *text == '"'  ? "&quot;"
				: *text == '\'' ? "&#39;"
						: NULL;
		if (e) {
			memcpy(out + n, e, strlen(e));
			n += strlen(e);
		} else {
			out[n++] = *text;
		}
	}
	out[n] = '\0';
}

Test(report_content, the_sections_come_in_the_order_of_the_citys_report)
{
	kik_plan *plan = bundled();
	char *html = report(plan, KIK_REPORT_HTML, KIK_LANG_DE);
	const char *order[] = { "<header class=\"title\"><h1>Kommunales Integrationskonzept Kempten (KIK)</h1>"
				"<p class=\"report-title\">Zwischenbericht</p><p class=\"as-of\">Stand: 05.10.2023</p>"
				"<p class=\"office\">Amt für Integration, Stadt Kempten (Allgäu)</p></header>",
				"<nav class=\"contents\">",
				"id=\"timeline\"",
				"id=\"rounds\"",
				"id=\"context\"",
				"id=\"summary\"",
				"id=\"field-SB\"",
				"id=\"field-AA\"",
				"id=\"field-GP\"",
				"id=\"field-BE\"",
				"id=\"field-GT\"",
				"id=\"field-IO\"",
				"id=\"outlook\"" };
	const char *last = html;
	size_t i;
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const char *p = at(html, order[i]);
		cr_assert(gt(ptr, (void *)p, (void *)last), "%s comes too early", order[i]);
		last = p;
	}
	cr_assert(eq(ptr, strstr(html, "<script"), NULL));
	cr_assert(eq(sz, count(html, "<section class=\"field\""), 6));
	cr_assert(ne(ptr,
		     strstr(html, "<tr><th scope=\"row\">18.11.2021</th><td>Beschluss des ersten Kommunalen "
				  "Integrationskonzepts Kempten im Stadtrat</td></tr>"),
		     NULL));
	cr_assert(ne(ptr, strstr(html, "<th scope=\"row\">Februar 2022 – März 2022</th>"), NULL));
	cr_assert(ne(ptr, strstr(html, "(Handlungsfelder: <a href=\"#field-SB\">SB</a>, <a href=\"#field-AA\">AA</a>)"),
		     NULL));
	cr_assert(ne(ptr, strstr(html, "@page{size:A4"), NULL), "a print stylesheet");
	cr_assert(ne(ptr, strstr(html, "counter(page)"), NULL), "page numbers");
	cr_assert(
	    ne(ptr, strstr(html, "section.field,section.outlook,section.projects-other{break-before:page}"), NULL));
	free(html);
	kik_plan_free(plan);
}

Test(report_content, every_goal_of_the_bundled_plan_shows_its_notes)
{
	kik_plan *plan = bundled();
	char *html = report(plan, KIK_REPORT_HTML, KIK_LANG_DE);
	size_t f, g, goals = 0;
	for (f = 0; f < kik_plan_field_count(plan); f++) {
		const kik_field *field = kik_plan_field(plan, f);
		for (g = 0; g < kik_field_goal_count(field); g++, goals++) {
			const kik_goal *goal = kik_field_goal(field, g);
			const kik_note *note = kik_goal_note(goal);
			char id[64], line[4096];
			const char *row, *end, *notes;
			snprintf(id, sizeof(id), "<tr class=\"goal\" id=\"goal-%s-%u\">", kik_field_code(field),
				 kik_goal_number(goal));
			row = at(html, id);
			end = strstr(row + 1, "<tr class=\"goal\"");
			if (!end || strstr(row, "</tbody>") < end)
				end = strstr(row, "</tbody>");
			notes = strstr(row, "<tr class=\"notes\">");
			cr_assert(ne(ptr, (void *)notes, NULL));
			cr_assert(lt(ptr, (void *)notes, (void *)end), "%s: the notes are in the goal's rows", id);
			cr_assert(eq(sz, count(row, "<tr class=\"measure\"") - count(end, "<tr class=\"measure\""),
				     kik_goal_measure_count(goal)),
				  "%s", id);
			if (*kik_note_current_state(note)) {
				first_line_html(kik_note_current_state(note), line, sizeof(line));
				cr_assert(ne(ptr, strstr(notes, "<h4>Aktueller Stand</h4>"), NULL));
				cr_assert(lt(ptr, (void *)at(notes, line), (void *)end), "%s: %s", id, line);
			}
			if (*kik_note_outlook(note)) {
				first_line_html(kik_note_outlook(note), line, sizeof(line));
				cr_assert(lt(ptr, (void *)at(notes, line), (void *)end), "%s: %s", id, line);
			}
		}
	}
	cr_assert(eq(sz, goals, 43));
	cr_assert(eq(sz, count(html, "<tr class=\"notes\">"), 43));
	/* a list inside a note stays a list */
	cr_assert(
	    ne(ptr, strstr(html, "<ul><li>Mehrgenerationenhaus/Grundschule Kottern-Eich/KiTa Flohkiste</li>"), NULL));
	free(html);
	kik_plan_free(plan);
}

Test(report_content, context_figures_show_their_change_as_context)
{
	kik_plan *plan = bundled();
	char *html = report(plan, KIK_REPORT_HTML, KIK_LANG_DE), *en;
	const char *intro = at(html, "wie folgt verändert:</p>"), *table = at(html, "<table class=\"figures\">"),
		   *reason = at(html, "<h3>Kenngrößen und Indikatoren zur Bemessung des Erfolgs</h3>");
	cr_assert(lt(ptr, (void *)intro, (void *)table), "the text that introduces them comes first");
	cr_assert(lt(ptr, (void *)table, (void *)reason), "the city's reason follows");
	at(table, "<caption class=\"caption\">Kennzahlen zur Einordnung: Sie beschreiben die Stadt, nicht den "
		  "Erfolg der Maßnahmen.</caption>");
	at(table, "<th>31.12.2020</th><th>31.12.2022</th><th>Veränderung</th>");
	at(table, "<tr><td>Einwohner*innen</td><td class=\"num\">70.787</td><td class=\"num\">71.918</td>"
		  "<td class=\"num change\">+1.131</td></tr>");
	at(table, "<td>Ausländer*innen aus EU-Staaten <span class=\"share\">(Anteil an Ausländer*innen)</span></td>"
		  "<td class=\"num\">45,2 %</td><td class=\"num\">42,5 %</td><td class=\"num change\">−2,7 "
		  "Prozentpunkte</td>");
	at(table, "<td class=\"num\">125</td><td class=\"num\">125</td><td class=\"num change\">±0</td>");
	at(table, "<td class=\"num\">1.376</td><td class=\"num\">1.331</td><td class=\"num change\">−45</td>");
	at(table, "Quelle: Faktencheck Migration 2020, Stadt Kempten (Allgäu); Faktencheck Migration 2022, Stadt "
		  "Kempten (Allgäu)");
	en = report(plan, KIK_REPORT_HTML, KIK_LANG_EN);
	at(en, "<td class=\"num\">70,787</td><td class=\"num\">71,918</td><td class=\"num change\">+1,131</td>");
	at(en, "<td class=\"num\">38.2%</td><td class=\"num\">40.4%</td><td class=\"num change\">+2.2 percentage "
	       "points</td>");
	at(en, "Context figures: they describe the city, not the success of the measures.");
	free(en);
	free(html);
	kik_plan_free(plan);
}

Test(report_content, projects_link_to_the_rows_of_the_measures_they_cover)
{
	kik_plan *plan = bundled();
	char *html = report(plan, KIK_REPORT_HTML, KIK_LANG_DE);
	size_t i, k;
	for (i = 0; i < kik_plan_project_count(plan); i++) {
		const kik_project *p = kik_plan_project(plan, i);
		char id[64], href[64], row[64];
		const char *article, *end, *field;
		snprintf(id, sizeof(id), "<article class=\"project\" id=\"project-%zu\">", i + 1);
		article = at(html, id);
		end = at(article, "</article>");
		snprintf(row, sizeof(row), "id=\"field-%s\"", kik_field_code(kik_project_field(p)));
		field = at(html, row);
		cr_assert(gt(ptr, (void *)article, (void *)field), "under its field");
		cr_assert(lt(ptr, (void *)at(article, kik_project_name(p)), (void *)end));
		if (kik_project_measure_count(p))
			at(article, "Dieses Projekt deckt folgende Maßnahmen ab:");
		if (kik_project_goal_count(p))
			at(article, "Dieses Projekt verfolgt folgende Ziele:");
		for (k = 0; k < kik_project_goal_count(p); k++) {
			const kik_goal *g = kik_project_goal(p, k);
			snprintf(href, sizeof(href), "<a href=\"#goal-%s-%u\">", kik_field_code(kik_goal_field(g)),
				 kik_goal_number(g));
			snprintf(row, sizeof(row), "<tr class=\"goal\" id=\"goal-%s-%u\">",
				 kik_field_code(kik_goal_field(g)), kik_goal_number(g));
			cr_assert(lt(ptr, (void *)at(article, href), (void *)end), "%s", href);
			at(html, row);
		}
		for (k = 0; k < kik_project_measure_count(p); k++) {
			const char *m = kik_measure_id(kik_project_measure(p, k));
			snprintf(href, sizeof(href), "<a href=\"#%s\">%s</a>", m, m);
			snprintf(row, sizeof(row), "<tr class=\"measure\" id=\"%s\">", m);
			cr_assert(lt(ptr, (void *)at(article, href), (void *)end), "%s", href);
			at(html, row);
		}
	}
	/* a highlight names its project's page, and links to it */
	at(html, "<strong><a href=\"#project-2\">„Kemptner Modell“ • Sprachförderung für Auszubildende</a></strong>");
	at(html, "<strong><a href=\"#project-11\">MITEINANDER Kempten gestalten</a></strong>");
	at(html, "<li><a href=\"#goal-IO-6\">Ziel IO-6</a> Eine wertschätzende Haltung");
	at(html, "<p class=\"meta\">Träger: Berufsschulen, Volkshochschule, Industrie- und Handelskammer, "
		 "Handwerkskammer, Amt für Integration der Stadt Kempten (Allgäu); Beginn: 2018</p>");
	free(html);
	kik_plan_free(plan);
}

Test(report_content, the_status_pages_are_one_option_away)
{
	kik_plan *plan = bundled();
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	char *html;
	o.sections = KIK_REPORT_STATUS_PAGES;
	html = report_of(plan, &o);
	cr_assert(eq(ptr, strstr(html, "id=\"timeline\""), NULL));
	cr_assert(eq(ptr, strstr(html, "id=\"context\""), NULL));
	cr_assert(eq(ptr, strstr(html, "<nav"), NULL));
	cr_assert(eq(ptr, strstr(html, "class=\"notes\""), NULL));
	cr_assert(eq(ptr, strstr(html, "class=\"project\""), NULL));
	cr_assert(eq(sz, count(html, "<svg "), 7));
	cr_assert(eq(sz, count(html, "<tr class=\"measure\""), 144));
	free(html);
	o.sections = KIK_REPORT_TIMELINE;
	html = report_of(plan, &o);
	cr_assert(ne(ptr, strstr(html, "id=\"timeline\""), NULL));
	cr_assert(eq(ptr, strstr(html, "<section class=\"field\""), NULL));
	free(html);
	o.sections = 1u << 12;
	cr_assert(eq(int, kik_plan_report(plan, to_sink, NULL, &o), KIK_EINVAL));
	kik_plan_free(plan);
}

Test(report_content, sections_parse_from_their_keys)
{
	unsigned s = 0;
	cr_assert(eq(int, kik_report_sections_parse("summary, charts,goals", &s), 0));
	cr_assert(eq(u32, s, KIK_REPORT_SUMMARY | KIK_REPORT_CHARTS | KIK_REPORT_GOALS));
	cr_assert(eq(int, kik_report_sections_parse("status", &s), 0));
	cr_assert(eq(u32, s, KIK_REPORT_STATUS_PAGES));
	cr_assert(eq(int, kik_report_sections_parse("all", &s), 0));
	cr_assert(eq(u32, s, KIK_REPORT_ALL));
	cr_assert(eq(int, kik_report_sections_parse("summary,fazit", &s), KIK_EPARSE));
	cr_assert(ne(ptr, strstr(kik_error_last()->message, "'fazit' is not a section"), NULL));
	cr_assert(eq(str, (char *)kik_report_section_key(KIK_REPORT_NOTES), "notes"));
	cr_assert(eq(ptr, (void *)kik_report_section_key(3), NULL));
}

Test(report_content, english_labels_keep_the_texts_as_written)
{
	kik_plan *plan = bundled();
	char *html = report(plan, KIK_REPORT_HTML, KIK_LANG_EN);
	at(html, "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
	at(html, "<p class=\"as-of\">as of: 5 October 2023</p>");
	at(html, "<h2>Timeline</h2>");
	at(html, "<th scope=\"row\">February 2022 – March 2022</th>");
	at(html, "<h4>Current state</h4><p>Wartend</p>");
	at(html, "This project covers the measures:");
	at(html, "<h3>Focus points</h3>");
	free(html);
	kik_plan_free(plan);
}

/* Markdown as a reader sees it: the escapes of kik__out_md undone (a backslash before
 * punctuation, the three entities). */
static void md_plain(char *md)
{
	static const struct {
		const char *entity, *plain;
	} entities[] = { { "&lt;", "<" }, { "&gt;", ">" }, { "&amp;", "&" } };
	char *in = md, *out = md;
	size_t k;
	while (*in) {
		for (k = 0; k < 3 && strncmp(in, entities[k].entity, strlen(entities[k].entity)); k++)
			;
		if (k < 3) {
			*out++ = *entities[k].plain;
			in += strlen(entities[k].entity);
		} else if (in[0] == '\\' && in[1] && strchr("|\\[]*_`~", in[1])) {
			*out++ = in[1];
			in += 2;
		} else {
			*out++ = *in++;
		}
	}
	*out = '\0';
}

Test(report_content, markdown_renders_the_same_content)
{
	kik_plan *plan = bundled();
	char *md = report(plan, KIK_REPORT_MARKDOWN, KIK_LANG_DE);
	at(md, "| Einwohner\\*innen | 70.787 | 71.918 | +1.131 |\n"); /* escaped as text */
	md_plain(md);
	size_t i;
	for (i = 0; i < kik_plan_note_count(plan); i++) {
		const kik_note *n = kik_plan_note(plan, i);
		char line[4096];
		const char *text = *kik_note_current_state(n) ? kik_note_current_state(n) : kik_note_outlook(n);
		size_t len = strcspn(text, "\n");
		snprintf(line, sizeof(line), "%.*s", (int)len, text);
		cr_assert(ne(ptr, strstr(md, line), NULL), "%s", line);
	}
	at(md, "# Kommunales Integrationskonzept Kempten (KIK)\n\n**Zwischenbericht**\n\nStand: 05.10.2023\n\n");
	at(md, "- **18.11.2021**: Beschluss des ersten Kommunalen Integrationskonzepts Kempten im Stadtrat\n");
	at(md, "| Einwohner*innen | 70.787 | 71.918 | +1.131 |\n");
	at(md, "#### Netzwerkrunde „Perspektivberatung“\n");
	at(md, "Dieses Projekt deckt folgende Maßnahmen ab:\n\n- AA-1.1 ");
	at(md, "**Aktueller Stand**\n\nWartend\n");
	at(md, "\n- Mehrgenerationenhaus/Grundschule Kottern-Eich/KiTa Flohkiste\n");
	cr_assert(eq(sz, count(md, "**Aktueller Stand**"), 43), "every goal has its current state");
	free(md);
	kik_plan_free(plan);
}

Test(report_content, texts_of_the_content_are_escaped)
{
	kik_plan *plan = bundled();
	char *html, *md;
	cr_assert(eq(int, kik_plan_put_goal_note(plan, "SB", 1, "<script>alert(1)</script> & \"x\"", "a|b"), 0));
	cr_assert(eq(int, kik_plan_set_title(plan, "<b>Bericht</b>"), 0));
	html = report(plan, KIK_REPORT_HTML, KIK_LANG_DE);
	cr_assert(eq(ptr, strstr(html, "<script>"), NULL));
	at(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>");
	at(html, "<title>Kommunales Integrationskonzept Kempten (KIK) – &lt;b&gt;Bericht&lt;/b&gt;</title>");
	md = report(plan, KIK_REPORT_MARKDOWN, KIK_LANG_DE);
	at(md, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\"\n");
	at(md, "a\\|b\n");
	free(html);
	free(md);
	kik_plan_free(plan);
}

/* ---- what changed since ------------------------------------------------------------------ */

/* The plan of a report two years on: three statuses changed (one through tasks), a project
 * ended, one removed, one added, a goal's notes rewritten. */
static kik_plan *plan_2025(const kik_plan *plan_2023)
{
	static const char tasks[] =
	    "measure;kind;title;state\nSB-4.6;concept;Konzept;done\nSB-4.6;ag;Fachtag;in_progress\n";
	static const char *const measures[] = { "SB-4.6" };
	kik_project_desc p = KIK_PROJECT_DESC_INIT;
	const kik_project *taff;
	kik_plan *plan;
	cr_assert(eq(int, kik_plan_copy(plan_2023, &plan), 0));
	cr_assert(eq(int, kik_plan_set_as_of(plan, "2025-10-01"), 0));
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_TASKS, tasks, strlen(tasks), "t.csv", NULL), 0));
	cr_assert(eq(int, kik_plan_set_recorded_status(plan, "AA-2.1", KIK_STATUS_IMPLEMENTED, NULL), 0));
	cr_assert(eq(int, kik_plan_set_recorded_status(plan, "GP-2.1", KIK_STATUS_WAITING, NULL), 0));
	cr_assert(eq(int,
		     kik_plan_set_recorded_status(plan, "IO-1.1",
						  kik_measure_status(kik_plan_find_measure(plan, "IO-1.1")), NULL),
		     0),
		  "set to what it was: no change");
	cr_assert(
	    eq(int, kik_plan_put_goal_note(plan, "SB", 4, "Der Fachtag fand 2024 statt.", "Weitere Fachtage."), 0));
	cr_assert(eq(int, kik_plan_remove_project(plan, "Chancenpatenschaften – Ikarus.thingers e.V."), 0));
	taff = kik_plan_find_project(plan, "TAFF Allgäu: Therapeutische Angebote für Flüchtlinge");
	p.name = kik_project_name(taff);
	p.field = "GP";
	p.measures = (const char *const[]){ "GP-1.3", "GP-2.2", "GP-6.5" };
	p.measure_count = 3;
	p.start = "2015";
	p.end = "2025-06";
	cr_assert(eq(int, kik_plan_put_project(plan, &p, NULL), 0));
	p.name = "Sprachpaten 2024";
	p.field = "SB";
	p.measures = measures;
	p.measure_count = 1;
	p.start = "2024-03";
	p.end = NULL;
	cr_assert(eq(int, kik_plan_put_project(plan, &p, NULL), 0));
	return plan;
}

/* The measures a report says changed (data-measure attributes, or Markdown's list items). */
static void changed_measures(const char *report, const char *marker, char *out, size_t cap)
{
	const char *p = report;
	size_t n = 0;
	out[0] = '\0';
	while ((p = strstr(p, marker))) {
		size_t len;
		p += strlen(marker);
		len = strcspn(p, "\" ");
		n += (size_t)snprintf(out + n, cap - n, "%s%.*s", n ? "," : "", (int)len, p);
	}
}

Test(report_content, since_an_earlier_plan_names_exactly_the_measures_that_changed)
{
	kik_plan *old_plan = bundled(), *plan = plan_2025(old_plan);
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	char *html, *md, names[512];
	const char *sb, *gp, *be;
	o.since = old_plan;
	html = report_of(plan, &o);
	changed_measures(html, "data-measure=\"", names, sizeof(names));
	cr_assert(eq(str, names, "SB-4.6,AA-2.1,GP-2.1"));
	at(html, "<p class=\"since\">Veränderungen seit 05.10.2023</p>");
	sb = at(html, "id=\"field-SB\"");
	gp = at(html, "id=\"field-GP\"");
	be = at(html, "id=\"field-BE\"");
	/* SB: 10, 13, 7 became 9, 14, 7: the counts of both plans */
	at(sb, "<tr class=\"waiting\"><td>wartend</td><td class=\"num\">10</td><td class=\"num\">9</td>"
	       "<td class=\"num change\">−1</td></tr>");
	at(sb, "<tr class=\"in_progress\"><td>in Bearbeitung</td><td class=\"num\">13</td><td class=\"num\">14</td>"
	       "<td class=\"num change\">+1</td></tr>");
	at(sb, ": <strong>wartend → in Bearbeitung</strong><ul class=\"reasons\"><li>Einzelauftrag: alle erledigt "
	       "(1).</li><li>AG-Auftrag „Fachtag“ ist in Arbeit.</li><li>Kein Arbeitspaket erfasst.</li>");
	cr_assert(lt(ptr,
		     (void *)at(sb, "<h4>Neue Projekte</h4><ul class=\"projects-changed\"><li>Sprachpaten 2024</li>"),
		     (void *)at(sb, "id=\"field-AA\"")));
	cr_assert(lt(ptr,
		     (void *)at(gp, "<h4>Beendete Projekte</h4><ul class=\"projects-changed\"><li>TAFF Allgäu: "
				    "Therapeutische Angebote für Flüchtlinge (Ende: Juni 2025)</li>"),
		     (void *)be));
	at(be, "<h4>Beendete Projekte</h4><ul class=\"projects-changed\"><li>Chancenpatenschaften – Ikarus.thingers "
	       "e.V.</li>");
	at(at(html, "id=\"field-IO\""), "<p>Keine Veränderung.</p>");
	cr_assert(eq(ptr, strstr(html, "class=\"earlier\""), NULL), "earlier notes only when asked for");
	o.format = KIK_REPORT_MARKDOWN;
	md = report_of(plan, &o);
	at(md, "| wartend | 10 | 9 | −1 |\n");
	at(md, "- SB-4.6 Unterstützungsangebote werden proaktiv bei der Zielgruppe beworben.: **wartend → in "
	       "Bearbeitung**\n  - Einzelauftrag: alle erledigt (1).\n");
	cr_assert(eq(sz, count(md, ": **"), 3), "three measures changed");
	free(md);
	free(html);
	kik_plan_free(plan);
	kik_plan_free(old_plan);
}

Test(report_content, a_goals_notes_can_be_shown_beside_the_earlier_ones)
{
	kik_plan *old_plan = bundled(), *plan = plan_2025(old_plan);
	kik_report_options o = KIK_REPORT_OPTIONS_INIT;
	char *html;
	const char *row;
	o.since = old_plan;
	o.flags = KIK_REPORT_EARLIER_NOTES;
	html = report_of(plan, &o);
	row = at(html, "id=\"goal-SB-4\"");
	row = at(row, "<tr class=\"notes\">");
	cr_assert(lt(ptr, (void *)at(row, "<div class=\"earlier\"><p class=\"meta\">Stand 05.10.2023</p>"),
		     (void *)at(row, "<div class=\"now\"><p class=\"meta\">Stand 01.10.2025</p>")));
	cr_assert(lt(ptr, (void *)at(row, "Ein Fachtag zu „Sprachförderung und Integration“ für KiTa-Personal"),
		     (void *)at(row, "<p>Der Fachtag fand 2024 statt.</p>")));
	o.flags = 2;
	cr_assert(eq(int, kik_plan_report(plan, to_sink, NULL, &o), KIK_EINVAL));
	free(html);
	kik_plan_free(plan);
	kik_plan_free(old_plan);
}
