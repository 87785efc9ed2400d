"""The bundled report content (data/kik-2023-10-05-*.csv, issue 22) against the seeds it was
extracted from by data/from-seed-002.py.

Reads the CSVs with the csv module and needs no libkik. The seeds are ../shared/seeds beside
the repository (or $KIK_SEEDS); the tests that compare with them are skipped without them.
The checks here are independent of the script's rules: texts are compared with the seed
after a normalisation that only drops spaces, hyphens and bullet characters, and every
word is traced back to the seed (printed whole, or broken across a line end).
"""
import csv
import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEEDS = pathlib.Path(os.environ.get("KIK_SEEDS", ROOT.parent / "shared" / "seeds"))
REPORT = SEEDS / "002_fd0cf22d4c452628.txt"
SLIDES = SEEDS / "000_a07b5bc511c0ed90.txt"
SNAPSHOT = "kik-2023-10-05"
CODES = ["SB", "AA", "GP", "BE", "GT", "IO"]
FILES = {
    "notes": ["field", "goal", "measure", "current_state", "outlook"],
    "field-notes": ["field", "section", "title", "text"],
    "projects": ["project", "field", "organisation", "description", "start", "measures", "goals"],
    "timeline": ["date", "until", "text", "fields"],
    "priorities": ["round", "from", "until", "fields", "measures"],
    "figures": ["name", "unit", "date", "value", "source", "share_of"],
}
TEXT_COLUMNS = {"notes": ["current_state", "outlook"], "field-notes": ["text"],
                "projects": ["description"], "timeline": ["text"]}

needs_seeds = pytest.mark.skipif(not (REPORT.exists() and SLIDES.exists()),
                                 reason=f"the seeds are not in {SEEDS}")


def rows(part):
    name = "kik-plan.csv" if part == "plan" else f"{SNAPSHOT}-{part}.csv"
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def measures():
    with open(DATA / f"{SNAPSHOT}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def seed_lines(path):
    return path.read_text(encoding="utf-8").replace("\xa0", " ").replace("\u2009", " ").split("\n")


def norm(text):
    """What a repair may change: spaces, line breaks, hyphens, bullets and the PDF's U+FFFD."""
    return re.sub(r"[\s\-•\ufffd]", "", text.replace("\xa0", " ").replace("\u2009", " "))


def span(lines, first, end):
    """The seed text from the line starting with first up to the line starting with end."""
    i = next(k for k, l in enumerate(lines) if l.strip().startswith(first))
    j = next(k for k in range(i + 1, len(lines)) if lines[k].strip().startswith(end))
    return "\n".join(lines[i:j])


def texts():
    """(file, row label, text) for every text cell of the report content."""
    for part, columns in TEXT_COLUMNS.items():
        for n, row in enumerate(rows(part), 2):
            for column in columns:
                if row[column]:
                    yield part, f"line {n} {column}", row[column]


# --- form ------------------------------------------------------------------------------

def test_files_are_utf8_semicolon_lf_with_the_contract_headers():
    for part, header in FILES.items():
        raw = (DATA / f"{SNAPSHOT}-{part}.csv").read_bytes()
        text = raw.decode("utf-8")
        assert "\r" not in text and not text.startswith("\ufeff"), part
        assert text.split("\n", 1)[0] == ";".join(header), part
        assert text.endswith("\n"), part


def test_texts_keep_paragraphs_and_bullets_and_nothing_else():
    for part, where, text in texts():
        assert text == text.strip(), (part, where)
        assert "\n\n\n" not in text and "  " not in text, (part, where)
        for para in text.split("\n\n"):
            lines = para.split("\n")
            # a paragraph is one line, or a list of "- " items
            assert len(lines) == 1 or all(l.startswith("- ") for l in lines), (part, where, para)


def test_no_pdf_debris_or_page_furniture_in_the_texts():
    field_names = {"Bildung und Sprache", "Arbeit und Ausbildung", "Gesundheit und Pflege",
                   "Bürgerschaftliches Engagement", "Gesellschaftliche Teilhabe",
                   "Interkulturelle Öffnung", "Stand der Maßnahmen", "Aktueller Stand", "Ausblick"}
    for part, where, text in texts():
        for bad in ["\ufffd", "©", "http", "mailto", "\xa0", "\u2009", "\u0301", "\\*"]:
            assert bad not in text, (part, where, bad)
        # a bullet is "- "; a "•" inside a line is the report's own ("KitaMUTter • fördern.")
        assert not re.search(r"(^|\n)\s*•", text), (part, where)
        for para in re.split(r"\n+", text):
            assert para not in field_names and not re.fullmatch(r"\d+", para), (part, where, para)


# --- counts ----------------------------------------------------------------------------

def test_all_43_goals_have_current_state_and_outlook_in_plan_order():
    goals = list(dict.fromkeys((m["field"], m["goal"]) for m in measures()))
    assert len(goals) == 43
    notes = rows("notes")
    assert [(r["field"], r["goal"]) for r in notes] == goals
    for r in notes:
        assert r["measure"] == "" and r["current_state"] and r["outlook"], r
    # the one goal whose current state is a status word, as the report prints it
    assert [r["current_state"] for r in notes if " " not in r["current_state"]] == ["Wartend"]


def test_each_field_has_context_focus_highlights_and_outlook():
    notes = rows("field-notes")
    counted = {}
    for r in notes:
        counted[(r["field"], r["section"])] = counted.get((r["field"], r["section"]), 0) + 1
    # per field: the report's introduction, and the slides' bullets as counted in seed 000
    slides = {"SB": (2, 2, 2), "AA": (3, 2, 1), "GP": (3, 2, 1), "BE": (3, 2, 1),
              "GT": (2, 2, 2), "IO": (2, 2, 1)}
    for code, (focus, highlight, outlook) in slides.items():
        assert counted[(code, "context")] == 1, code
        assert (counted[(code, "focus")], counted[(code, "highlight")],
                counted[(code, "outlook")]) == (focus, highlight, outlook), code
    plan = [r for r in notes if r["field"] == ""]
    assert [(r["section"], r["title"]) for r in plan] == [
        ("context", "Aktuelle Situation und Herausforderungen"),
        ("context", "Aktuelle Herausforderungen"),
        ("context", "Bevölkerungsentwicklung innerhalb von zwei Jahren"),
        ("context", "Kenngrößen und Indikatoren zur Bemessung des Erfolgs"),
        ("outlook", "")]
    why = plan[3]["text"]
    assert "die Kausalität zur Wirkung von Maßnahmen" in why
    assert "deshalb wurde gegen eine umfassende statistische Messung der Ergebnisse entschieden" in why
    assert {r["field"] for r in notes} == set(CODES) | {""}
    assert {r["section"] for r in notes} == {"context", "focus", "highlight", "outlook"}


PROJECTS = {  # name -> measures, as the report's project pages list them
    "KitaMUTter und Starke Mamas • EngagemenTräume": "SB-6.1|SB-6.5",
    "„Kemptner Modell“ • Sprachförderung für Auszubildende": "AA-3.1",
    "Netzwerkrunde „Perspektivberatung“": "AA-1.1|AA-1.2|AA-2.4",
    "Gesundheitskampagne „Das deutsche Gesundheitssystem“": "GP-1.1|GP-1.2|GP-5.1",
    "TAFF Allgäu: Therapeutische Angebote für Flüchtlinge": "GP-1.3|GP-2.2|GP-6.5",
    "Dolmetscher-Pool – Diakonie Allgäu": "BE-5.1|BE-5.2|BE-5.3",
    "Chancenpatenschaften – Ikarus.thingers e.V.": "BE-4.2",
    "Kontaktaufnahme und Vernetzung zu Communitys mit Zuwanderungsgeschichte": "GT-7.1",
    "Vernetzungs- und Kennenlerntreffen von Begegnungsstätten und Communitys mit Zuwanderungsgeschichte": "GT-5.2",
    "Meet the World – World of Unity !": "IO-6.2|IO-6.3",
    "MITEINANDER Kempten gestalten": "",  # names goals, not measures
}
PROJECT_GOALS = {"MITEINANDER Kempten gestalten": "IO-6|IO-7|IO-8"}  # "Folgende Ziele ... 6 ... 7 ... 8"


def test_projects_and_the_measures_they_cover():
    projects = rows("projects")
    assert {r["project"]: r["measures"] for r in projects} == PROJECTS
    assert {r["project"]: r["goals"] for r in projects if r["goals"]} == PROJECT_GOALS
    assert len(projects) == len(PROJECTS) == 11
    known = {f"{m['field']}-{m['measure']}" for m in measures()}
    goals = {f"{m['field']}-{m['goal']}" for m in measures()}
    for r in projects:
        assert r["measures"] or r["goals"], r["project"]
        for mid in filter(None, r["measures"].split("|")):
            assert mid in known, (r["project"], mid)
            assert mid.split("-")[0] == r["field"], (r["project"], mid)
        for gid in filter(None, r["goals"].split("|")):
            assert gid in goals, (r["project"], gid)
        assert r["organisation"] and r["description"], r["project"]
        assert re.fullmatch(r"(\d{4}(-\d{2}(-\d{2})?)?)?", r["start"]), r["project"]
    assert [r["field"] for r in projects] == sorted((r["field"] for r in projects), key=CODES.index)


def test_timeline_and_prioritisation_rounds():
    timeline = rows("timeline")
    assert [(r["date"], r["until"], r["fields"]) for r in timeline] == [
        ("2021-11-18", "", ""), ("2022-02", "2022-03", "SB|AA"), ("2022-03", "2022-07", ""),
        ("2022-09", "open", ""), ("2022-10", "2023-02", "GP|BE|GT|IO"), ("2023-10-25", "", ""),
        ("2024-02-27", "", "")]
    assert timeline[0]["text"] == "Beschluss des ersten Kommunalen Integrationskonzepts Kempten im Stadtrat"
    rounds = rows("priorities")
    assert [(r["round"], r["from"], r["until"], r["fields"], r["measures"]) for r in rounds] == [
        ("Februar und März 2022", "2022-02", "2022-03", "SB|AA", ""),
        ("Oktober 2022 bis Februar 2023", "2022-10", "2023-02", "GP|BE|GT|IO", "")]


FIGURES = [  # the figures, in the report's German number format
    ("Einwohner*innen", "count", "70.787", "71.918", ""),
    ("Nationen", "count", "125", "125", ""),
    ("Menschen mit Migrationshintergrund", "count", "27.027", "29.081", ""),
    ("Menschen mit Migrationshintergrund in %", "percent", "38,2 %", "40,4 %", "Einwohner*innen"),
    ("Ausländer*innen", "percent", "16,5 %", "18,8 %", "Einwohner*innen"),
    ("Ausländer*innen aus EU-Staaten", "percent", "45,2 %", "42,5 %", "Ausländer*innen"),
    ("Ausländer*innen aus Drittstaaten", "percent", "54,8 %", "57,5 %", "Ausländer*innen"),
    ("Menschen mit Asylhintergrund", "count", "1.376", "1.331", ""),
]


def test_context_figures():
    figures = rows("figures")
    expected = []
    for name, unit, before, after, share_of in FIGURES:
        expected.append((name, unit, "2020-12-31", before, share_of))
        expected.append((name, unit, "2022-12-31", after, share_of))
    assert [(r["name"], r["unit"], r["date"], r["value"], r["share_of"]) for r in figures] == expected
    assert {r["source"] for r in figures} == {"Faktencheck Migration 2020, Stadt Kempten (Allgäu)",
                                              "Faktencheck Migration 2022, Stadt Kempten (Allgäu)"}
    for r in figures:
        assert r["source"].endswith(r["date"][:4] + ", Stadt Kempten (Allgäu)"), r


def test_plan_info_has_office_and_title():
    info = {r["key"]: r["value"] for r in rows("plan")}
    assert info == {"name": "Kommunales Integrationskonzept Kempten (KIK)", "as_of": "2023-10-05",
                    "office": "Amt für Integration, Stadt Kempten (Allgäu)", "title": "Zwischenbericht"}


# --- against the seeds -----------------------------------------------------------------

@needs_seeds
def test_figures_are_the_seeds_numbers():
    slides = SLIDES.read_text(encoding="utf-8")
    report = REPORT.read_text(encoding="utf-8").replace("\u2009", " ")
    table = {l.split("\t")[0]: l.split("\t")[1:] for l in slides.split("\n") if "\t" in l}
    by_label = {"Einwohner": 0, "Nationen": 1, "davon Menschen mit Migrationshintergrund": 2,
                "Menschen mit Migrationshintergrund in %": 3, "Ausländer in %": 4,
                "davon aus EU-Staaten": 5, "davon aus Drittstaaten": 6, "Personen mit Asylhintergrund": 7}
    assert table[""] == ["31.12.2020", "31.12.2022"]
    figures = rows("figures")
    for label, k in by_label.items():
        for slide_value, row in zip(table[label], figures[2 * k:2 * k + 2]):
            plain = row["value"].replace(" %", "%")
            assert slide_value in (plain, plain.replace(".", "")), (label, slide_value, row)
            # and the report prints it too (70 787, 38,2 %, 1376)
            printed = [row["value"], row["value"].replace(".", " "), row["value"].replace(".", "")]
            assert any(p in report for p in printed), row


def words(text):
    return re.findall(r"\w+(?:-\w+)*", text)


@needs_seeds
def test_every_word_is_printed_in_the_seed_whole_or_broken_at_a_line_end():
    """Catches garbled words, broken words left hyphenated ("Integ-ration") and real hyphens
    dropped in a join ("ungarischsprachigen" where the report prints "ungarisch-sprachigen")."""
    lines = seed_lines(REPORT) + seed_lines(SLIDES)
    whole = {w for l in lines for w in words(l.replace("\ufffd", ""))}
    joined, kept = {}, {}
    text_lines = [l.replace("\ufffd", "").strip() for l in lines]
    for k, line in enumerate(text_lines):
        m = re.search(r"(\w+(?:-\w+)*)-$", line)
        if not m:
            continue
        nxt = next((l for l in text_lines[k + 1:] if l), "")
        head = words(nxt)[:1]
        if head:
            joined[m.group(1) + head[0]] = (m.group(1), head[0])
            kept[m.group(1) + "-" + head[0]] = (m.group(1), head[0])
    # the one line-end hyphen the report means as a hyphen (printed within a line elsewhere)
    keep_by_hand = {"ungarisch-sprachigen"}
    for part, where, text in texts():
        for w in words(text):
            if w in whole:
                continue
            if w in joined:
                a, b = joined[w]
                assert f"{a}-{b}" not in whole, (part, where, w, "the report prints it with a hyphen")
                continue
            assert w in kept, (part, where, w, "not in the seed")
            a, b = kept[w]
            assert b[0].isupper() or not b[0].isalpha() or w in keep_by_hand, (part, where, w)


@needs_seeds
def test_every_paragraph_is_seed_text():
    """Every paragraph and bullet item, normalised, is a stretch of its seed."""
    report = norm(REPORT.read_text(encoding="utf-8"))
    slides = norm(SLIDES.read_text(encoding="utf-8").replace("\\*", "*"))
    fixes = {"bringt´s": "bringt\u0301s"}  # the script's hand correction, undone
    for part, where, text in texts():
        for fix, printed in fixes.items():
            text = text.replace(fix, printed)
        for para in re.split(r"\n+", text):
            n = norm(para)
            assert n in report or n in slides, (part, where, para)


SAMPLES = [  # (file, key, column, seed: first line, line after the last), one or more per field
    ("notes", ("SB", "5"), "current_state", "Die zunehmende Digitalisierung wird", "Ausblick"),
    ("notes", ("SB", "7"), "outlook", "Die gemeinsamen Abstimmungen beim Runden Tisch", "Ziel 8:"),
    ("notes", ("AA", "2"), "current_state", "Es gibt Angebote zur Erstorientierung", "Ausblick"),
    ("notes", ("GP", "5"), "outlook", "Die bestehenden niederschwelligen Angebote von", "Ziel 6:"),
    ("notes", ("BE", "2"), "current_state", "Es finden monatliche Austauschtreffen", "Ausblick"),
    ("notes", ("GT", "2"), "outlook", "Mit KiTas, Schulen und Bildungsträger*innen wird", "Ziel 3:"),
    ("notes", ("IO", "7"), "current_state", "Auf Initiative des Integrationsbeirates", "Ausblick"),
    ("notes", ("IO", "8"), "outlook", "Durch die Kontaktaufnahme durch das Amt", "KEMPTEN (KIK)"),
    ("field-notes", ("IO", "context"), "text", "Interkulturelle Öffnung bedeutet, den", "HANDLUNGSFELD"),
    ("field-notes", ("", "Kenngrößen und Indikatoren zur Bemessung des Erfolgs"), "text",
     "Daten zur Kemptener Bevölkerung bildeten", "Querschnittsthemen"),
    ("projects", "Dolmetscher-Pool – Diakonie Allgäu", "description",
     "Der Dolmetscher-Pool schafft die Mög-", "Dolmetscher-Pool – Diakonie Allgäu"),
    ("projects", "Chancenpatenschaften – Ikarus.thingers e.V.", "description",
     "Der ikarus.thingers e.V. bietet zwei Pa-", "Pat*innen von ikarus.thingers"),
]


def sample_row(part, key):
    for r in rows(part):
        if part == "notes" and (r["field"], r["goal"]) == key:
            return r
        if part == "field-notes" and (r["field"], r["section"] if r["field"] else r["title"]) == key:
            return r
        if part == "projects" and r["project"] == key:
            return r
    raise KeyError(key)


@needs_seeds
@pytest.mark.parametrize("part,key,column,first,end", SAMPLES)
def test_sample_texts_equal_the_seed(part, key, column, first, end):
    """Whole texts, so a dropped or garbled paragraph fails."""
    seed = span(seed_lines(REPORT), first, end)
    assert norm(sample_row(part, key)[column]) == norm(seed)


@needs_seeds
def test_slide_bullets_are_the_slides_field_by_field():
    lines = SLIDES.read_text(encoding="utf-8").replace("\\*", "*").split("\n")
    names = {"Sprache und Bildung": "SB", "Arbeit und Ausbildung": "AA", "Gesundheit und Pflege": "GP",
             "Bürgerschaftliches Engagement": "BE", "Gesellschaftliche Teilhabe": "GT",
             "Interkulturelle Öffnung": "IO"}
    sections = {"Schwerpunkte": "focus", "Highlights": "highlight", "Highlight": "highlight", "Ausblick": "outlook"}
    expected, field, section = [], None, None
    for line in lines:
        m = re.match(r"^#+ (.+?):?$", line.strip())
        if m and m.group(1) in names:
            field, section = names[m.group(1)], None
        elif m and m.group(1) in sections and field:
            section = sections[m.group(1)]
        elif m:
            field = section = None
        elif line.startswith("- ") and section:
            expected.append((field, section, line[2:].strip()))
    got = [(r["field"], r["section"], r["text"]) for r in rows("field-notes")
           if r["field"] and r["section"] != "context"]
    assert got == expected


@needs_seeds
def test_the_script_reproduces_the_committed_files(tmp_path):
    script = DATA / "from-seed-002.py"
    subprocess.run([sys.executable, str(script), str(SEEDS), str(DATA), str(tmp_path)], check=True)
    for name in [f"{SNAPSHOT}-{part}.csv" for part in FILES] + ["kik-plan.csv"]:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
