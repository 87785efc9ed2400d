#!/usr/bin/env python3
"""Provenance of the report content of 2023-10-05: turns the interim report
(shared/seeds/002_fd0cf22d4c452628.txt, PDF text) and its slides
(shared/seeds/000_a07b5bc511c0ed90.txt) into the report-content CSVs of data/:

  kik-2023-10-05-notes.csv        "Aktueller Stand" and "Ausblick" of all 43 goals
  kik-2023-10-05-field-notes.csv  per field: the report's introduction (context), the
                                  slides' Schwerpunkte / Highlights / Ausblick; plan-wide
                                  context and outlook
  kik-2023-10-05-projects.csv     the report's project pages with the measures they cover
  kik-2023-10-05-timeline.csv     the Zeittafel
  kik-2023-10-05-priorities.csv   the two prioritisation rounds
  kik-2023-10-05-figures.csv      the context figures of "Aktuelle Situation"
  kik-plan.csv                    gets the keys office and title

Usage: from-seed-002.py [SEEDS_DIR [DATA_DIR [OUT_DIR]]]
(defaults: ../shared/seeds beside the repository, the directory of this script, DATA_DIR).
DATA_DIR supplies kik-fields.csv, kik-2023-10-05.csv and kik-plan.csv; the files are
written to OUT_DIR. -v prints every repair (dropped furniture, joined lines) to stderr.

Run by hand; nothing in the build uses it. Standard library only.

The PDF text is broken in known ways; the rules below repair them, and what no rule can
decide is in the tables of hand decisions further down (HAND_*), each with the seed text
it rests on, which the script checks is there:
- words hyphenated across lines ("Integ-" / "rations") are joined; a hyphen stays where
  the next line starts with a capital ("Dolmetscher-" / "Pool"), before "und"/"oder"
  (a suspended hyphen: "Gesundheits- und"), and for the words in HAND_KEEP_HYPHEN;
- the PDF puts a U+FFFD after a bullet ("• \ufffd...") where a tab was; such a bullet's
  text continues in the next paragraph of the text stream. Bullets become "- " lines, a
  list is a paragraph of its own; other U+FFFD (tab leaders) are dropped;
- a paragraph cut by a column or page break is joined to the next: it ends in a letter or
  digit, a comma or a hyphen, or in a closing quote or parenthesis before a lower-case
  start ("... kümmern zu können. Im" / "September 2022 ...");
- a short line ending with a colon ("Beispiele:") is a paragraph of its own;
- page furniture is dropped: photo captions (a paragraph with "©"), running titles (a
  line that is just a field's name), page numbers, link targets (http..., mailto:...),
  the repeated heading "Stand der Maßnahmen" and the back cover;
- the Zeittafel's date labels are printed twice ("18 November 2021 18 November 2021");
  its two columns are interleaved, so the entries are sorted by date;
- spaces: no-break and thin spaces become spaces, runs of spaces one space.
"""
import csv, os, re, sys

REPORT = "002_fd0cf22d4c452628.txt"
SLIDES = "000_a07b5bc511c0ed90.txt"
TABLE = "001_bff570c4c3cc75bf.txt"  # read only to check a hand correction
SNAPSHOT = "kik-2023-10-05"
VERBOSE = False

# ---------------------------------------------------------------------------------------
# Hand decisions. Every entry quotes the seed text it rests on; main() checks the quotes.

# A hyphen at a line end followed by a lower-case word is a broken word, except here.
HAND_KEEP_HYPHEN = {
    # 002 line 3375 "ungarisch-" / "sprachigen" (BE goal 3); the same word is printed
    # within a line in the field's introduction, line 2874: "aus der ungarisch-sprachigen"
    "ungarisch-sprachigen",
}

# Characters the PDF text garbled, with the seed text that shows the right form.
HAND_TEXT_FIXES = [
    # "Zukunft bringt\u0301 s": the PDF text split the apostrophe of "bringt´s" into a
    # combining accent and a space; the status table (seed 001) prints "bringt´s".
    ("bringt\u0301 s", "bringt´s", "Im bestehenden Projektverbund „Zukunft bringt´s“"),
]

# The Zeittafel's date labels as ISO dates or months: label -> (date, until).
# An open range ("Seit September 2022 bis jetzt") has the until "open" (contract amendment 2).
HAND_TIMELINE_DATES = {
    "18 November 2021": ("2021-11-18", ""),
    "Februar und März 2022": ("2022-02", "2022-03"),
    "März bis Juli 2022": ("2022-03", "2022-07"),
    "Seit September 2022 bis jetzt": ("2022-09", "open"),
    "Oktober 2022 bis Februar 2023": ("2022-10", "2023-02"),
    "25. Oktober 2023": ("2023-10-25", ""),
    "27. Februar 2024": ("2024-02-27", ""),
}

# The report's project pages. The text stream prints a page's prose before its heading, so
# each page is given by the first and the last line of its prose (start, end), its
# heading as printed (name; a line break becomes a space), the line that introduces its
# measures (the numbers are read from there to the end of the page), and what the report
# says about its organisation(s) and start, with the sentence saying it.
HAND_PROJECTS = [
    dict(field="SB", name="KitaMUTter und Starke Mamas • EngagemenTräume",
         subtitle="Zwei Projekte vom SmF",
         start_line="KitaMUTter • fördern. stärken. ermuti-",
         end_line="lichen und informellen Austausch.",
         measures_line="Zu Maßnahmen 6.1",
         organisation=["Sozialdienst muslimischer Frauen Kempten (SmF)"],
         organisation_source="hat der Sozialdienst muslimischer Frauen Kempten (SmF) in Kooperation mit der Suttschule",
         start="", start_source=""),
    dict(field="AA", name="„Kemptner Modell“ • Sprachförderung für Auszubildende",
         start_line="Das Verstehen und Sprechen im Aus-",
         end_line="schluss zu erhöhen.",
         measures_line="Dieses Projekt deckt folgende Maßnahme aus dem Handlungsfeld ab:",
         organisation=["Berufsschulen", "Volkshochschule", "Industrie- und Handelskammer",
                       "Handwerkskammer", "Amt für Integration der Stadt Kempten (Allgäu)"],
         organisation_source="In Zusammenarbeit mit Berufsschulen, der Volkshochschule, der Industrie- und Handelskammer, der Handwerkskammer sowie dem Amt für Integration der Stadt Kempten (Allgäu) wurde ein Angebot für ausbildungsbegleitende Sprachförderung entwickelt.",
         start="2018",
         start_source="Der Zusammenschluss von Berufsschulleitungen, Volkshochschule, Vertreter*innen der Kammern IHK/HWK Schwaben arbeitet seit 2018 zur berufsbezogenen Sprachförderung von Azubis zusammen (siehe Highlight)."),
    dict(field="AA", name="Netzwerkrunde „Perspektivberatung“",
         start_line="Für die Beratung zugewanderter Men-",
         end_line="geplant.",
         measures_line="Dieses Projekt deckt folgende Maßnahmen ab:",
         organisation=["Agentur für Arbeit", "Amt für Integration"],
         organisation_source="Unter der Federführung der Agentur für Arbeit und des Amtes für Integration hat sich ein Netzwerk zur Perspektivberatung gebildet.",
         start="", start_source=""),
    dict(field="GP", name="Gesundheitskampagne „Das deutsche Gesundheitssystem“",
         start_line="Um Gesundheitsangebote sichtbarer",
         end_line="gne ist für Frühjahr 2024 geplant.",
         measures_line="Dieses Projekt deckt folgende Maßnahmen aus dem Handlungsfeld ab:",
         organisation=["Amt für Integration"],
         organisation_source="hat das Amt für Integration im März 2023 eine erste Gesundheitskampagne gestartet.",
         start="2023-03",
         start_source="hat das Amt für Integration im März 2023 eine erste Gesundheitskampagne gestartet."),
    dict(field="GP", name="TAFF Allgäu: Therapeutische Angebote für Flüchtlinge",
         start_line="Das TAFF Allgäu Projekt ist ein etablier-",
         end_line="Netzwerkpartner*innen durch.",
         measures_line="Dieses Projekt deckt folgende Maßnahmen aus dem Handlungsfeld ab:",
         organisation=["Diakonisches Werk Bayern", "Diakonie Allgäu"],
         organisation_source="Projektträger sind das Diakonische Werk Bayern und die Diakonie Allgäu.",
         start="2015",
         start_source="Das Konzept des Projektes wurde im Jahr 2014 entwickelt und im Jahr 2015 als Modellphase im Allgäu etabliert."),
    dict(field="BE", name="Dolmetscher-Pool – Diakonie Allgäu",
         start_line="Der Dolmetscher-Pool schafft die Mög-",
         end_line="um Neuankommende zu unterstützen.",
         measures_line="Dieses Projekt deckt folgende Maßnahmen aus dem Handlungsfeld ab:",
         organisation=["Diakonie Allgäu"],
         organisation_source="Dolmetscher-Pool – Diakonie Allgäu",
         start="2020",
         start_source="Projektstart war 2020 und bis heute konnte ein Pool von 80 ehrenamtlichen Dolmetscher*innen aufgebaut werden."),
    dict(field="BE", name="Chancenpatenschaften – Ikarus.thingers e.V.",
         start_line="Der ikarus.thingers e.V. bietet zwei Pa-",
         end_line="Theater- und Kinobesuche",
         measures_line="Dieses Projekt deckt folgende Maßnahme aus dem Handlungsfeld ab:",
         organisation=["ikarus.thingers e.V."],
         organisation_source="Der ikarus.thingers e.V. bietet zwei Patenschaftsprojekte",
         start="", start_source=""),
    dict(field="GT", name="Kontaktaufnahme und Vernetzung zu Communitys mit Zuwanderungsgeschichte",
         start_line="Migrant*innenorganisationen / Com-",
         end_line="menarbeit im Netzwerk ist geplant.",
         measures_line="Zu Maßnahme 7.1",
         organisation=["Amt für Integration"],
         organisation_source="Themenübergreifende Projekte und Zusammenarbeit verschiedener Einrichtungen werden vom Amt für Integration aktuell vor allem über die Vernetzung der Communitys und Begegnungsstätten forciert (s. Highlights).",
         start="", start_source=""),
    dict(field="GT", name="Vernetzungs- und Kennenlerntreffen von Begegnungsstätten und Communitys mit Zuwanderungsgeschichte",
         start_line="Eine Begegnungsstätte ist ein Ort, an",
         end_line="gebenenfalls weiterverfolgt.",
         measures_line="Zu Maßnahme 5.2.",
         organisation=["Amt für Integration"],
         organisation_source="Themenübergreifende Projekte und Zusammenarbeit verschiedener Einrichtungen werden vom Amt für Integration aktuell vor allem über die Vernetzung der Communitys und Begegnungsstätten forciert (s. Highlights).",
         start="", start_source=""),
    dict(field="IO", name="Meet the World – World of Unity !",
         start_line="Der Stadtjugendring Kempten organi-",
         end_line="einanderzusetzen.",
         measures_line="Zu den Maßnahmen:",
         organisation=["Stadtjugendring Kempten"],
         organisation_source="Meet the World – World of Unity ! Stadtjugendring Kempten",
         start="", start_source=""),
    # This page names goals, not measures ("Folgende Ziele werden durch das Projekt verfolgt:
    # 6 ... 7 ... 8"): the contract's goals column (amendment 1). Its heading and goals come
    # before its prose in the text stream; its "Projektbeispiele" name neither and are left out.
    dict(field="IO", name="MITEINANDER Kempten gestalten",
         subtitle="Gefördert vom Bundesprogramms „Demokratie leben!“ des BMFSFJ",
         start_line="Mit diesem Programm fördert das Bun-",
         end_line="„Interkulturelle Öffnung“ um.",
         goals_line="Folgende Ziele werden durch das Projekt verfolgt:",
         organisation=["Volkshochschule Kempten", "Amt für Integration"],
         organisation_source="Als engste Partnerin im Programm gestaltet die Volkshochschule Kempten gemeinsam mit dem Amt für Integration die Arbeit inhaltlich aus",
         start="2021-07",
         start_source="Seit Juli 2021 ist Kempten unter dem Projekttitel „MITEINANDER Kempten gestalten“ Projektpartnerin von „Demokratie leben!“."),
]

# The slides' highlights name the report's highlight pages; the title of a slide highlight
# is the heading of the page it names (the project's name above), or empty where no page
# is named. Keyed by field and the highlight's position on the slide.
HAND_HIGHLIGHT_TITLES = {
    ("SB", 0): "KitaMUTter und Starke Mamas • EngagemenTräume",
    ("AA", 0): "„Kemptner Modell“ • Sprachförderung für Auszubildende",
    ("AA", 1): "Netzwerkrunde „Perspektivberatung“",
    ("GP", 0): "Gesundheitskampagne „Das deutsche Gesundheitssystem“",
    ("BE", 0): "Dolmetscher-Pool – Diakonie Allgäu",
    ("GT", 0): "Kontaktaufnahme und Vernetzung zu Communitys mit Zuwanderungsgeschichte",
    ("GT", 1): "Vernetzungs- und Kennenlerntreffen von Begegnungsstätten und Communitys mit Zuwanderungsgeschichte",
    ("IO", 0): "MITEINANDER Kempten gestalten",
}

# The report's introduction of each field: from its first line up to the line before end.
HAND_INTROS = [
    ("SB", "Bildung als lebenslanger und ganzheit-", "HANDLUNGSFELD"),
    ("AA", "„Arbeit und Ausbildung“ sind wesent-", "1. Alle (Neu-) Zugewanderten"),
    ("GP", "Der Chancengleichheit im Gesund-", "HANDLUNGSFELD"),
    ("BE", "Bürgerschaftliches Engagement ist eine", "HANDLUNGSFELD"),
    ("GT", "Integration bedeutet, in der (neuen)", "HANDLUNGSFELD"),
    ("IO", "Interkulturelle Öffnung bedeutet, den", "HANDLUNGSFELD"),
]

# Plan-wide context texts of the report (title, first line, line after the last).
HAND_CONTEXT = [
    ("Aktuelle Situation und Herausforderungen",
     "Nach dem Beschluss des Stadtrats im Novem-", "70 787 125Menschen aus Nationen"),
    ("Bevölkerungsentwicklung innerhalb von zwei Jahren",
     "In den vergangenen zwei Jahren hat sich die Bevölkerungszahl", "Daten vom 31.12.2020"),
    ("Kenngrößen und Indikatoren zur Bemessung des Erfolgs",
     "Daten zur Kemptener Bevölkerung bildeten", "Querschnittsthemen"),
]

# The figures: the slides' row label -> (name, unit, share_of). Names follow the report's
# wording ("der Bevölkerung sind Ausländer*innen", "der Ausländer*innen stammen aus
# EU-Staaten", "Menschen haben einen Asylhintergrund").
HAND_FIGURES = {
    "Einwohner": ("Einwohner*innen", "count", ""),
    "Nationen": ("Nationen", "count", ""),
    "davon Menschen mit Migrationshintergrund": ("Menschen mit Migrationshintergrund", "count", ""),
    "Menschen mit Migrationshintergrund in %": ("Menschen mit Migrationshintergrund in %", "percent", "Einwohner*innen"),
    "Ausländer in %": ("Ausländer*innen", "percent", "Einwohner*innen"),
    "davon aus EU-Staaten": ("Ausländer*innen aus EU-Staaten", "percent", "Ausländer*innen"),
    "davon aus Drittstaaten": ("Ausländer*innen aus Drittstaaten", "percent", "Ausländer*innen"),
    "Personen mit Asylhintergrund": ("Menschen mit Asylhintergrund", "count", ""),
}
# The slides' "Quelle: Faktencheck Migration 2020 & 2022 Stadt Kempten (Allgäu)", per date.
HAND_FIGURE_SOURCES = {
    "2020-12-31": "Faktencheck Migration 2020, Stadt Kempten (Allgäu)",
    "2022-12-31": "Faktencheck Migration 2022, Stadt Kempten (Allgäu)",
}

# Plan information (kik-plan.csv): value and the seed text it is taken from.
HAND_PLAN_INFO = [
    ("office", "Amt für Integration, Stadt Kempten (Allgäu)",
     "© Amt für Integration, Stadt Kempten (Allgäu)"),
    ("title", "Zwischenbericht", "Zwischenbericht Dezember 2023"),
]

# ---------------------------------------------------------------------------------------
# Text repair

BULLET = re.compile(r"^\ufffd?•\s*(\ufffd?)\s*")
MEASURE_NO = re.compile(r"^(\d+)\.(\d+)\.?(?=\s|\ufffd|$)")


def log(*args):
    if VERBOSE:
        print(*args, file=sys.stderr)


def spaces(s):
    return s.replace("\xa0", " ").replace("\u2009", " ")


def squash(s):
    return re.sub(r"\s+", " ", spaces(s)).strip()


def loose(s):
    """What survives any repair: letters and digits (for checking quotes against a seed)."""
    return re.sub(r"[\W_]+", "", spaces(s).replace("\ufffd", "")).lower()


class Seed:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.lines = f.read().split("\n")
        self.loose = loose("\n".join(self.lines))
        # words printed with a hyphen inside a line
        self.hyphenated = set(re.findall(r"\w+-\w+", spaces("\n".join(self.lines))))

    def find(self, text, start=0):
        """Index of the first line from start whose text (spaces squashed) begins with text."""
        for i in range(start, len(self.lines)):
            if squash(self.lines[i]).startswith(squash(text)):
                return i
        raise ValueError(f"not in the seed: {text!r}")

    def check(self, quote):
        if loose(quote) not in self.loose:
            raise ValueError(f"hand decision quotes text the seed does not have: {quote!r}")


USED = set()  # the hand decisions that were applied (each must be)


def fix_text(text):
    for wrong, right, _ in HAND_TEXT_FIXES:
        if wrong in text:
            USED.add(wrong)
            log(f"  fixed by hand: {wrong!r} -> {right!r}")
            text = text.replace(wrong, right)
    return text


def join_lines(lines):
    """One paragraph or bullet item from its lines: broken words joined, spaces squashed."""
    out = ""
    for line in lines:
        line = squash(line.replace("\ufffd", ""))
        if not line:
            continue
        if not out:
            out = line
        elif re.search(r"\w-$", out):
            word = re.match(r"\S*", line).group(0)
            head = re.search(r"(\w+)-$", out).group(1)
            if line[0].isupper() or not line[0].isalpha():
                out += line  # "Dolmetscher-" + "Pool"
                log(f"  hyphen kept: {head}-{word}")
            elif word in ("und", "oder", "bzw.", "sowie"):
                out += " " + line  # "Gesundheits- und"
            elif f"{head}-{word}".rstrip(".,;:)“") in HAND_KEEP_HYPHEN:
                USED.add(f"{head}-{word}".rstrip(".,;:)“"))
                out += line
                log(f"  hyphen kept by hand: {head}-{word}")
            else:
                out = out[:-1] + line
                log(f"  joined: {head}-|{word}")
        elif out.endswith("/"):
            out += line  # "Kurdisch/" + "Kurmanci"
        else:
            out += " " + line
    return fix_text(out)


def joins_next(prev, nxt):
    """Does the paragraph prev continue in nxt (cut by a column or page break)?"""
    p, n = squash(prev.replace("\ufffd", "")), squash(nxt.replace("\ufffd", ""))
    if not p or not n:
        return False
    if p.endswith(","):
        return True
    if re.search(r"\w-$", p):
        return True
    if p[-1] in ".!?:":
        return False
    if p[-1] in "“)":
        return n[0].islower()
    return True  # ends in the middle of a sentence ("... kümmern zu können. Im" / "September")


def is_subheading(lines):
    """A paragraph that is one short line ending with a colon ("Beispiele:") stands alone."""
    return len(lines) == 1 and lines[0].endswith(":") and len(lines[0].split()) <= 4


def blocks_of(lines):
    """Paragraphs and bullet lists of a stretch of the text stream.

    Returns a list of ["p", [lines]] and ["ul", [[lines], ...]]."""
    blocks = []
    blank = True      # a blank line since the last text line
    awaiting = False  # the last bullet was "• \ufffd" alone on its line: its text follows
    for raw in lines:
        line = spaces(raw).strip()
        if not line:
            if blocks and blocks[-1][0] == "ul" and len(blocks[-1][1][-1]) == 1 and awaiting:
                pass
            else:
                awaiting = False
            blank = True
            continue
        m = BULLET.match(line)
        if m:
            item = [line[m.end():]]
            if blocks and blocks[-1][0] == "ul":
                blocks[-1][1].append(item)
            else:
                blocks.append(["ul", [item]])
            awaiting = bool(m.group(1))
        elif blocks and blocks[-1][0] == "ul" and (not blank or awaiting):
            blocks[-1][1][-1].append(line)
            awaiting = False
        elif blocks and blocks[-1][0] == "p" and not blank and not is_subheading(blocks[-1][1]):
            blocks[-1][1].append(line)
        else:
            if blocks and blocks[-1][0] == "p" and joins_next(blocks[-1][1][-1], line):
                log(f"  paragraph joined: …{squash(blocks[-1][1][-1])[-30:]} | {line[:30]}…")
                blocks[-1][1].append(line)
            else:
                blocks.append(["p", [line]])
        blank = False
    return blocks


def render(blocks):
    parts = []
    for kind, content in blocks:
        if kind == "p":
            parts.append(join_lines(content))
        else:
            parts.append("\n".join("- " + join_lines(item) for item in content))
    return "\n\n".join(p for p in parts if p)


FURNITURE_LINE = [
    ("link", re.compile(r"^(https?://|mailto:)")),
    ("page number", re.compile(r"^\d{1,4}$")),
    ("repeated heading", re.compile(r"^Stand der Maßnahmen$")),
    ("back cover", re.compile(r"^KEMPTEN \(KIK\)$")),
]


def drop_furniture(lines, running_titles):
    """The lines without page furniture; what was dropped goes to the log."""
    # captions: a paragraph (lines between blank lines) with a copyright sign
    out, para = [], []
    for line in lines + [""]:
        if spaces(line).strip():
            para.append(line)
            continue
        if any("©" in l for l in para):
            log("  dropped caption: " + squash(" ".join(para)))
        else:
            out.extend(para)
        out.append(line)
        para = []
    out.pop()
    kept = []
    for line in out:
        s = squash(line)
        why = next((w for w, rx in FURNITURE_LINE if rx.search(s)), None)
        if why is None and s in running_titles:
            why = "running title"
        if why:
            log(f"  dropped {why}: {s}")
        else:
            kept.append(line)
    return kept


def is_page_start(line):
    """The PDF text starts each page with a space."""
    return line.startswith(" ") and line.strip() != ""


# ---------------------------------------------------------------------------------------
# Extraction

def load_plan(data):
    fields = {}
    with open(os.path.join(data, "kik-fields.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            for name in [row["name"]] + [a for a in row["aliases"].split("|") if a]:
                fields[name] = row["code"]
    codes = list(dict.fromkeys(fields.values()))
    measures, goals = set(), {}
    with open(os.path.join(data, f"{SNAPSHOT}.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            measures.add(f"{row['field']}-{row['measure']}")
            goals.setdefault(row["field"], [])
            if row["goal"] not in goals[row["field"]]:
                goals[row["field"]].append(row["goal"])
    return fields, codes, measures, goals


def running_titles(fields):
    """The running title of a page is the name of its field."""
    return set(fields)


GOAL = re.compile(r"^Ziel (\d+):?$")


def goal_notes(rep, codes, goals, titles):
    rows = []
    starts = [i for i, l in enumerate(rep.lines) if GOAL.match(squash(l))]
    field_index, expected = -1, None
    for n, i in enumerate(starts):
        number = GOAL.match(squash(rep.lines[i])).group(1)
        if number == "1":
            field_index += 1
            expected = iter(goals[codes[field_index]])
        field = codes[field_index]
        assert number == next(expected), (field, number)
        end = starts[n + 1] if n + 1 < len(starts) else len(rep.lines)
        block = rep.lines[i + 1:end]
        a = next(k for k, l in enumerate(block) if squash(l).startswith("Aktueller Stand"))
        b = next(k for k, l in enumerate(block) if re.match(r"^Ausblick\b", squash(l)))
        assert a < b, (field, number)
        # the outlook ends where the next page starts (the last goal of a field)
        stop = next((k for k in range(b + 1, len(block)) if is_page_start(block[k])), len(block))
        log(f"{field} goal {number}")
        state = [squash(block[a])[len("Aktueller Stand"):]] + block[a + 1:b]
        outlook = [squash(block[b])[len("Ausblick"):]] + block[b + 1:stop]
        state = render(blocks_of(drop_furniture(state, titles)))
        outlook = render(blocks_of(drop_furniture(outlook, titles)))
        assert state and outlook, (field, number)
        rows.append([field, number, "", state, outlook])
    return rows


def intros(rep, titles):
    rows = []
    for field, first, end in HAND_INTROS:
        i = rep.find(first)
        j = rep.find(end, i + 1)
        log(f"{field} introduction")
        rows.append([field, "context", "", render(blocks_of(drop_furniture(rep.lines[i:j], titles)))])
    return rows


def plan_context(rep, titles):
    rows = []
    for title, first, end in HAND_CONTEXT:
        i = rep.find(first)
        j = rep.find(end, i + 1)
        rep.check(title)
        log(f"context {title}")
        rows.append(["", "context", title, render(blocks_of(drop_furniture(rep.lines[i:j], titles)))])
    return rows


def slide_notes(sl, fields):
    """The slides' Schwerpunkte / Highlights / Ausblick per field, and their plan-wide parts."""
    sections = {"schwerpunkte": "focus", "highlights": "highlight", "highlight": "highlight",
                "ausblick": "outlook"}
    per_field, plan = {}, {"context": [], "outlook": []}
    field = section = None
    part = None  # a plan-wide part: "challenges" or "outlook"
    items = None
    for raw in sl.lines:
        line = raw.rstrip()
        text = line.replace("\\*", "*")
        m = re.match(r"^(#{1,3}) (.+?):?\s*$", text)
        if m:
            head = m.group(2).strip()
            if head.lower() in sections and field:
                section = sections[head.lower()]
                items = per_field[field].setdefault(section, [])
            elif m.group(1) == "##" and head in fields:
                field, section, part, items = fields[head], None, None, None
                per_field[field] = {}
            elif m.group(1) == "#":
                field = section = None
                part = {"Aktuelle Herausforderungen": "challenges", "Ausblick": "outlook"}.get(head)
                items = [] if part else None
                if part:
                    plan[part] = items
            continue
        if items is None or not text.strip():
            continue
        if text.startswith("- "):
            items.append(["- ", text[2:]])
        elif text.startswith("  ") and items and items[-1][0] == "- ":
            items[-1][1] += " " + text.strip()  # a nested or continued line
        elif part == "outlook" and items and items[-1][0] == "- ":
            items[-1][1] += " " + text.strip()  # "- Dezember 2023:  " / "Veröffentlichung ..."
        elif part == "outlook":
            items.append(["", text])
    rows = []
    for code, secs in per_field.items():
        for section in ("focus", "highlight", "outlook"):
            for k, (_, text) in enumerate(secs.get(section, [])):
                title = HAND_HIGHLIGHT_TITLES.get((code, k), "") if section == "highlight" else ""
                rows.append([code, section, title, squash(text)])
    challenges = "\n".join("- " + squash(t) for _, t in plan["challenges"])
    outlook = "\n\n".join(squash(t) for b, t in plan["outlook"] if not b)
    outlook += "\n\n" + "\n".join("- " + squash(t) for b, t in plan["outlook"] if b)
    return rows, ["", "context", "Aktuelle Herausforderungen", challenges], ["", "outlook", "", outlook]


def goals_of(rep, p, goals, titles):
    """The goals a page names: the numbers after its goals line, up to the page's end."""
    k = rep.find(p["goals_line"])
    numbers = []
    for line in rep.lines[k + 1:]:
        s = squash(line.replace("\ufffd", " "))
        if is_page_start(line) or s in titles:
            break
        m = re.match(r"^(\d+) ?\ufffd", line.strip())
        if m:
            numbers.append(m.group(1))
    assert numbers, p["name"]
    for n in numbers:
        if n not in goals[p["field"]]:
            raise ValueError(f"{p['name']}: no goal {p['field']}-{n} in {SNAPSHOT}.csv")
    return [f"{p['field']}-{n}" for n in numbers]


def projects(rep, measures, goals, titles):
    rows = []
    for p in HAND_PROJECTS:
        i = rep.find(p["start_line"])
        j = rep.find(p["end_line"], i)
        rep.check(p["name"])
        for quote in [p["organisation_source"], p["start_source"], p.get("subtitle", "")]:
            if quote:
                rep.check(quote)
        for org in p["organisation"]:
            rep.check(org)
        log(f"project {p['name']}")
        text = render(blocks_of(drop_furniture(rep.lines[i:j + 1], titles)))
        if p.get("subtitle"):
            text = p["subtitle"] + "\n\n" + text
        if "goals_line" in p:
            rows.append([p["name"], p["field"], "|".join(p["organisation"]), text, p["start"], "",
                         "|".join(goals_of(rep, p, goals, titles))])
            continue
        # the measures: from the introducing line to the end of the page
        k = rep.find(p["measures_line"], j)
        numbers = []
        head = squash(rep.lines[k])
        m = re.search(r"Maßnahmen?:?\s+(\d+\.\d+)", head)
        if m:
            numbers.append(m.group(1))
        for line in rep.lines[k + 1:]:
            s = squash(line.replace("\ufffd", " "))
            if is_page_start(line) or s in titles or "©" in s:
                break
            m = MEASURE_NO.match(s)
            if m:
                numbers.append(f"{m.group(1)}.{m.group(2)}")
        ids = [f"{p['field']}-{n}" for n in numbers]
        assert ids, p["name"]
        for mid in ids:
            if mid not in measures:
                raise ValueError(f"{p['name']}: no measure {mid} in {SNAPSHOT}.csv")
        rows.append([p["name"], p["field"], "|".join(p["organisation"]), text, p["start"], "|".join(ids), ""])
    return rows


def timeline(rep, fields):
    i = rep.find("18 November 2021 18 November 2021")
    j = rep.find("Zeitliche Umsetzung", i)
    entries, label, body = [], None, []
    for line in rep.lines[i:j] + ["END END"]:
        s = squash(line)
        m = re.match(r"^(.+?) ?\1$", s)
        if m:
            if label:
                entries.append((label, render(blocks_of(body))))
            label, body = m.group(1), []
            log(f"timeline label: {s}")
        else:
            body.append(line)
    rows = []
    for label, text in entries:
        date, until = HAND_TIMELINE_DATES[label]
        named = [fields[n] for n in re.findall(r"„([^“]+)“", text) if n in fields]
        rows.append([date, until, text, "|".join(named), label])
    assert len(rows) == len(HAND_TIMELINE_DATES)
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def german_number(value, unit):
    if unit == "percent":
        return value.replace("%", "").strip() + " %"
    n = int(value.replace(".", ""))
    return f"{n:,}".replace(",", ".")


def figures(sl, rep):
    i = sl.find("# Aktuelle Situation")
    rows = []
    dates = None
    for line in sl.lines[i + 1:]:
        if line.startswith("Quelle:"):
            sl.check(line)
            break
        if "\t" not in line:
            continue
        cells = line.split("\t")
        if not cells[0]:
            dates = ["-".join(reversed(d.split("."))) for d in cells[1:]]
            continue
        name, unit, share_of = HAND_FIGURES[cells[0]]
        for date, value in zip(dates, cells[1:]):
            rows.append([name, unit, date, german_number(value, unit), HAND_FIGURE_SOURCES[date], share_of])
    assert len(rows) == 2 * len(HAND_FIGURES)
    # every value must be printed in the report's block of its date
    text = "\n".join(rep.lines)
    a = text.index("Aktuelle Situation und Herausforderungen")
    b = text.index("71\u2009918")
    c = text.index("Daten vom 31.12.2022")
    blocks = {"2020-12-31": text[a:b], "2022-12-31": text[b:c]}
    for name, unit, date, value, _, _ in rows:
        if unit == "percent":
            printed = [value.replace(" %", "\u2009%")]
        else:
            printed = [value.replace(".", "\u2009"), value.replace(".", "")]
        if not any(p in blocks[date] for p in printed):
            raise ValueError(f"figure {name} {date} {value} is not in the report")
    return rows


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main(seeds, data, out):
    rep = Seed(os.path.join(seeds, REPORT))
    sl = Seed(os.path.join(seeds, SLIDES))
    table = Seed(os.path.join(seeds, TABLE))
    for _, _, quote in HAND_TEXT_FIXES:
        table.check(quote)
    fields, codes, measures, goals = load_plan(data)
    titles = running_titles(fields)
    os.makedirs(out, exist_ok=True)

    notes = goal_notes(rep, codes, goals, titles)
    assert len(notes) == sum(len(g) for g in goals.values())
    write(os.path.join(out, f"{SNAPSHOT}-notes.csv"),
          ["field", "goal", "measure", "current_state", "outlook"], notes)

    slide_rows, challenges, plan_outlook = slide_notes(sl, fields)
    field_rows = plan_context(rep, titles)
    field_rows.insert(1, challenges)
    field_rows.append(plan_outlook)
    intro = {r[0]: r for r in intros(rep, titles)}
    for code in codes:
        field_rows.append(intro[code])
        field_rows.extend(r for r in slide_rows if r[0] == code)
    for key, title in HAND_HIGHLIGHT_TITLES.items():
        rep.check(title)
    write(os.path.join(out, f"{SNAPSHOT}-field-notes.csv"), ["field", "section", "title", "text"], field_rows)

    write(os.path.join(out, f"{SNAPSHOT}-projects.csv"),
          ["project", "field", "organisation", "description", "start", "measures", "goals"],
          projects(rep, measures, goals, titles))

    events = timeline(rep, fields)
    write(os.path.join(out, f"{SNAPSHOT}-timeline.csv"), ["date", "until", "text", "fields"],
          [r[:4] for r in events])
    rounds = [[r[4], r[0], r[1], r[3], ""] for r in events if r[2].startswith("Priorisierung")]
    assert len(rounds) == 2
    write(os.path.join(out, f"{SNAPSHOT}-priorities.csv"), ["round", "from", "until", "fields", "measures"], rounds)

    write(os.path.join(out, f"{SNAPSHOT}-figures.csv"),
          ["name", "unit", "date", "value", "source", "share_of"], figures(sl, rep))

    with open(os.path.join(data, "kik-plan.csv"), encoding="utf-8", newline="") as f:
        info = [r for r in csv.reader(f, delimiter=";")]
    info = [r for r in info if r[0] not in [k for k, _, _ in HAND_PLAN_INFO]]
    for key, value, quote in HAND_PLAN_INFO:
        rep.check(quote)
        info.append([key, value])
    write(os.path.join(out, "kik-plan.csv"), info[0], info[1:])

    unused = ({w for w, _, _ in HAND_TEXT_FIXES} | HAND_KEEP_HYPHEN) - USED
    if unused:
        raise ValueError(f"hand corrections that no longer apply: {sorted(unused)}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    VERBOSE = len(args) != len(sys.argv) - 1
    here = os.path.dirname(os.path.abspath(__file__))
    seeds = args[0] if len(args) > 0 else os.path.join(here, "..", "..", "shared", "seeds")
    data = args[1] if len(args) > 1 else here
    out = args[2] if len(args) > 2 else data
    main(seeds, data, out)
