"""Notebook display (issue 21): the report's own donuts and tables as _repr_html_, and the
report from Python."""
import xml.etree.ElementTree as ET

import kik

SVG = "{http://www.w3.org/2000/svg}"


def _parse(html):
    """The HTML as XML (the library writes XHTML syntax; the style sheet is plain text)."""
    return ET.fromstring(html)


def _arcs(element):
    return [c for c in element.iter(SVG + "circle") if "arc" in c.get("class", "")]


def test_a_plan_shows_its_donuts_and_the_table_of_fields():
    plan = kik.Plan.default()
    root = _parse(plan._repr_html_())
    svgs = list(root.iter(SVG + "svg"))
    assert len(svgs) == 1 + 6  # the plan's and each field's
    assert svgs[0].get("aria-label") == "144 Maßnahmen"
    assert len(_arcs(svgs[0])) == 3
    rows = [tr for tr in root.iter("tr")]
    assert any("Sprache und Bildung" in "".join(tr.itertext()) for tr in rows)
    assert "Kommunales Integrationskonzept" in root.find("h3").text


def test_a_field_shows_its_donut_legend_and_goal_table():
    root = _parse(kik.Plan.default().field("SB")._repr_html_())
    assert len(list(root.iter(SVG + "svg"))) == 1
    text = "".join(root.itertext())
    assert "wartend: 10 (33 %)" in text and "implementiert: 7 (23 %)" in text
    measures = [tr for tr in root.iter("tr") if tr.get("class") == "measure"]
    assert len(measures) == 30 and measures[0].get("id") == "SB-1.1"


def test_a_goal_shows_only_its_measures():
    root = _parse(kik.Plan.default().goal("SB-4")._repr_html_())
    assert [tr.get("id") for tr in root.iter("tr") if tr.get("class") == "measure"] == [
        f"SB-4.{i}" for i in range(1, 7)]
    assert len(list(root.iter(SVG + "svg"))) == 1
    assert any("Vernetzung" in "".join(tr.itertext()) for tr in root.iter("tr"))


def test_a_summary_shows_a_donut_and_a_readable_repr():
    summary = kik.Plan.default().summary()
    root = _parse(summary._repr_html_())
    assert len(_arcs(root)) == 3
    assert repr(summary).startswith("<kik.Summary of Kommunales") and "\n" not in repr(summary)
    empty = kik.Plan().summary()
    assert len(_arcs(_parse(empty._repr_html_()))) == 0


def test_a_diff_shows_both_totals_and_the_changes():
    old, new = kik.Plan.default(), kik.Plan.default()
    new.measure("SB-4.6").status = "implemented"
    root = _parse(kik.diff(old, new)._repr_html_())
    assert len(list(root.iter(SVG + "svg"))) == 2
    text = "".join(root.itertext())
    assert "SB-4.6" in text and "waiting \u2192 implemented" in text


def test_display_labels_follow_the_display_language():
    plan = kik.Plan.default()
    try:
        kik.display.LANG = "en"
        assert "waiting" in plan.field("SB")._repr_html_() and "wartend" not in plan.field("SB")._repr_html_()
    finally:
        kik.display.LANG = "de"


def test_the_report_from_python(tmp_path):
    plan = kik.Plan.default()
    html = plan.report()
    assert html.startswith("<!DOCTYPE html>") and html.count("<svg") == 1 + 6  # the plan's and each field's
    markdown = plan.report(format="md", lang="en")
    assert markdown.startswith("# Kommunales") and "| waiting | in progress | implemented |" in markdown
    assert "| Sprache und Bildung | 8 | 30 | 10 (33 %) | 13 (44 %) | 7 (23 %) |" in markdown
    plan.report(tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == html
