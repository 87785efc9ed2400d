"""The report's content and the whole report from Python (kik/content.py): records and
frames of each part, putting and removing, errors as exceptions, and plan.report()."""
import doctest

import pytest

import kik


@pytest.fixture
def plan():
    return kik.Plan.default()


def test_the_parts_of_the_bundled_report_are_records(plan):
    assert (len(plan.notes), len(plan.field_notes), len(plan.projects), len(plan.timeline), len(plan.rounds),
            len(plan.figures)) == (43, 46, 11, 7, 2, 16)
    assert all(goal.note is not None for field in plan.fields for goal in field.goals)
    perspektiv = next(p for p in plan.projects if p.name == "Netzwerkrunde „Perspektivberatung“")
    assert perspektiv.measures == ["AA-1.1", "AA-1.2", "AA-2.4"]
    assert perspektiv.organisations == ["Agentur für Arbeit", "Amt für Integration"]
    assert plan.timeline[0] == kik.TimelineEntry("2021-11-18", None, False, plan.timeline[0].text, [])
    assert plan.timeline[3].open and plan.timeline[3].until is None
    assert plan.projects[-1].goals == ["IO-6", "IO-7", "IO-8"] and plan.projects[-1].measures == []
    assert plan.rounds[1].fields == ["GP", "BE", "GT", "IO"]
    eu = [f for f in plan.figures if f.name == "Ausländer*innen aus EU-Staaten"]
    assert [(f.date, f.value, f.decimals, f.share_of) for f in eu] == [
        ("2020-12-31", 45.2, 1, "Ausländer*innen"), ("2022-12-31", 42.5, 1, "Ausländer*innen")]
    assert plan.title == "Zwischenbericht"
    assert plan.measure("SB-4.6").note is None


def test_each_part_is_a_data_frame(plan):
    notes = plan.content_frame("notes")
    assert list(notes.columns) == ["field", "goal", "measure", "current_state", "outlook"]
    assert len(notes) == 43 and notes.loc[0, "current_state"] == "Wartend"
    figures = plan.content_frame("figures")
    assert figures.groupby("name")["value"].count().min() == 2
    assert figures.loc[figures["name"] == "Einwohner*innen", "value"].tolist() == [70787.0, 71918.0]
    with pytest.raises(ValueError, match="unknown part"):
        plan.content_frame("highlights")


def test_parts_are_put_and_removed_and_bad_values_raise(plan):
    plan.put_note("SB", 4, "Stand 2025", outlook="Ausblick 2025")
    assert plan.field("SB").goals[3].note.current_state == "Stand 2025"
    plan.put_note("SB", 4, "Maßnahmennotiz", measure="SB-4.6")
    assert plan.measure("SB-4.6").note.current_state == "Maßnahmennotiz"
    plan.remove_note("SB", 4, measure="SB-4.6")
    assert plan.measure("SB-4.6").note is None
    plan.put_project("Sprachpaten", measures=["SB-4.6"], field="SB", start="2024-03")
    assert plan.projects[-1].field == "SB"
    with pytest.raises(KeyError):
        plan.put_project("Sprachpaten", measures=["SB-99.1"])
    plan.put_project("Leer")  # a project may cover nothing (yet)
    assert plan.projects[-1].measures == [] and plan.projects[-1].goals == []
    plan.remove_project("Leer")
    plan.remove_project("Sprachpaten")
    assert len(plan.projects) == 11
    plan.add_field_note("highlight", "Neu", field="GT", title="Fest")
    assert plan.field_notes[-1] == kik.FieldNote("GT", "highlight", "Fest", "Neu")
    plan.add_timeline_entry("2025-01", "Weiter", open=True)
    assert plan.timeline[-1].open
    plan.put_round("2025", "2025-02", measures=["SB-4.6"])
    assert plan.rounds[-1].measures == ["SB-4.6"]
    plan.put_figure("Einwohner*innen", "2024-12-31", "72.450")
    assert plan.figures[-1].value == 72450
    with pytest.raises(kik.ParseError, match="ambiguous"):
        plan.put_figure("Anteil", "2024-12-31", "1.234", unit="percent")
    assert kik.content.parse_value("38,2 %", "percent") == (38.2, 1)
    plan.title = "Zwischenbericht 2025"
    assert plan.export(kind="plan_info").endswith(b"title;Zwischenbericht 2025\noffice;Amt f\xc3\xbcr Integration, "
                                                  b"Stadt Kempten (Allg\xc3\xa4u)\n")


def test_content_files_import_by_kind_or_header(plan, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("Handlungsfeld;Ziel;Aktueller Stand\nSB;1;Begonnen\n", encoding="utf-8")
    plan.import_file(path)
    assert plan.notes[0].current_state == "Begonnen"
    with pytest.raises(kik.ParseError) as raised:
        plan.import_bytes("project;measures\nP;SB-4.6|SB-9.9\n", kind="projects")
    assert (raised.value.line, raised.value.column) == (2, 10)
    assert len(plan.projects) == 11


def test_the_report_is_written_whole_or_in_sections_and_since_an_earlier_plan(plan, tmp_path):
    html = plan.report()
    assert html.startswith("<!DOCTYPE html>") and 'id="timeline"' in html and html.count('class="notes"') == 43
    md = plan.report(format="md", lang="en", sections=["summary", "charts"])
    assert "## Status of all fields of action" in md and "Timeline" not in md
    later = kik.Plan.default()
    later.measure("GP-2.1").recorded_status = "waiting"
    later.as_of = "2025-10-01"
    changes = later.report(since=plan, sections="changes,charts", format="md")
    assert changes.count(": **") == 1 and "GP-2.1" in changes
    out = tmp_path / "report.html"
    assert plan.report(out, sections="status") is None
    assert 'id="timeline"' not in out.read_text(encoding="utf-8")
    with pytest.raises(kik.ParseError, match="'fazit' is not a section"):
        plan.report(sections="fazit")
    with pytest.raises(ValueError):
        plan.report(format="pdf")


def test_the_modules_examples_run():
    failures, tried = doctest.testmod(kik.content)
    assert tried >= 4 and failures == 0
