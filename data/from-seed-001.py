#!/usr/bin/env python3
"""Provenance of kik-2023-10-05.csv: turns the status table of the interim report
(shared/seeds/001_bff570c4c3cc75bf.txt) into the canonical measures CSV.

Run once by hand; nothing in the build uses it. It is deliberately independent of
libkik's own status-matrix importer, so that the test comparing the two is a real check.

Irregular rows: cells may be shifted left or right by one column, so the status is
read relative to the text cell (text, wartend, in Bearbeitung, implementiert).
"""
import csv, re, sys

FIELDS = {"Bildung und Sprache": "SB", "Arbeit und Ausbildung": "AA",
          "Gesundheit und Pflege": "GP", "Bürgerschaftliches Engagement": "BE",
          "Gesellschaftliche Teilhabe": "GT", "Interkulturelle Öffnung": "IO"}
STATUS = ["waiting", "in_progress", "implemented"]
NUM = re.compile(r"^(\d+)\.(?:(\d+)\.?)?$")


def clean(cell):
    cell = re.sub(r"</?b>", "", cell).strip()
    return cell


def main(src, out):
    field = None
    group = goal = goal_text = None
    rows = []
    for line in open(src, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"^## Handlungsfeld (.+)$", line)
        if m:
            field = FIELDS[m.group(1).strip()]
            group = None
            continue
        if "\t" not in line or field is None or line.startswith("Gruppe\t"):
            continue
        cells = [clean(c) for c in line.split("\t")]
        ni = next(i for i, c in enumerate(cells) if NUM.match(c))
        before = [c for c in cells[:ni] if c]
        if before:
            group = re.sub(r"\s+\d+$", "", before[-1])  # stray footnote digit
        ti = next(i for i in range(ni + 1, len(cells)) if cells[i])
        text = cells[ti]
        marks = [i - ti - 1 for i in range(ti + 1, len(cells)) if cells[i].lower() == "x"]
        g, sub = NUM.match(cells[ni]).groups()
        if sub is None:
            assert not marks, line
            goal, goal_text = g, text
            first = True
            continue
        assert g == goal and len(marks) == 1, line
        rows.append([field, group or "", goal, goal_text if first else "",
                     f"{g}.{sub}", text, STATUS[marks[0]]])
        first = False
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["field", "group", "goal", "goal_text", "measure", "text", "status"])
        w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
