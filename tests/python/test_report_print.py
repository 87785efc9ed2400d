"""The whole report (kik-report) as the city prints it: well-formed XHTML that xmllint
accepts, self-contained, printed to PDF on A4 by headless Chromium with each field on a
page of its own and page numbers, every field and a sample of every field's notes found
in the PDF's text; and a screenshot of a field's page."""
import os
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

BIN = pathlib.Path(os.environ.get("KIK_BIN", ""))
DATA = pathlib.Path(__file__).resolve().parents[2] / "data"
XHTML = "{http://www.w3.org/1999/xhtml}"
FIELDS = {"SB": "Sprache und Bildung", "AA": "Arbeit und Ausbildung", "GP": "Gesundheit und Pflege",
          "BE": "Bürgerschaftliches Engagement", "GT": "Gesellschaftliche Teilhabe",
          "IO": "Interkulturelle Öffnung"}


def browser_flags(tmp_path):
    return ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}"]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    subprocess.run([str(BIN / "kik-report"), "-o", str(path)], check=True)
    return path


@pytest.fixture(scope="module")
def pdf(page, tmp_path_factory):
    browser = shutil.which("chromium")
    assert browser, "chromium is installed by the test set-up (.ci/deps test)"
    tmp = tmp_path_factory.mktemp("pdf")
    out = tmp / "report.pdf"
    # the browser's own header and footer off: the page numbers are the stylesheet's
    subprocess.run([browser, *browser_flags(tmp), "--no-pdf-header-footer", f"--print-to-pdf={out}",
                    page.as_uri()], check=True, capture_output=True, timeout=180)
    assert out.stat().st_size > 10000
    return out


def pdf_pages(pdf):
    """The text of each page (pdftotext separates pages by form feeds)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]


def page_count(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def words(text):
    return " ".join(text.split())


def notes_of(field):
    """The first current state of a field's goals in the bundled notes file, as a reader sees
    its first sentence."""
    import csv
    with open(DATA / "kik-2023-10-05-notes.csv", encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f, delimiter=";") if row["field"] == field]


def test_xmllint_accepts_the_page_and_it_is_self_contained(page):
    subprocess.run(["xmllint", "--noout", "--nonet", str(page)], check=True)
    text = page.read_text(encoding="utf-8")
    root = ET.fromstring(text.split("\n", 1)[1])
    assert root.tag == XHTML + "html"
    assert not list(root.iter(XHTML + "script"))
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    for element in root.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute, "")
            assert not value or value.startswith("#"), f"{element.tag} loads {value}"
            if value:
                assert value[1:] in ids, f"the link {value} has a target"
    assert "@import" not in text and "url(" not in text
    assert len([s for s in root.iter(XHTML + "section") if s.get("class") == "field"]) == 6


def test_printed_on_a4_each_field_on_a_page_of_its_own_with_page_numbers(pdf):
    pages = pdf_pages(pdf)
    count = page_count(pdf)
    assert len(pages) == count
    # title and contents, then at least a page per field, then the outlook
    assert count >= 1 + len(FIELDS) + 1, count
    size = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", size), size
    for number, text in enumerate(pages, 1):
        assert re.search(rf"\b{number} / {count}\s*$", text), f"page {number} has no number: {text[-80:]!r}"
    for code, name in FIELDS.items():
        starts = [n for n, text in enumerate(pages) if text.lstrip().startswith(f"Handlungsfeld {name}")]
        assert len(starts) == 1, f"{name} begins a page once: {starts}"


def test_the_pdf_has_every_field_and_a_sample_of_the_notes(pdf):
    text = words(" ".join(pdf_pages(pdf)))
    for code, name in FIELDS.items():
        assert f"Handlungsfeld {name}" in text
        notes = notes_of(code)
        assert notes, code
        for row in notes:
            for column in ("current_state", "outlook"):
                first = words(row[column].split("\n")[0].lstrip("- "))[:60]
                if first:
                    assert first in text, f"{code} goal {row['goal']} {column}: {first!r}"
    for sample in ("Zeittafel", "Aktuelle Situation", "70.787", "+2,2 Prozentpunkte",
                   "Dieses Projekt deckt folgende Maßnahmen ab:", "Netzwerkrunde „Perspektivberatung“"):
        assert sample in text, sample


def test_a_screenshot_of_the_fields_pages_shows_the_chart_and_the_notes(tmp_path):
    from PIL import Image

    page = tmp_path / "fields.html"
    subprocess.run([str(BIN / "kik-report"), "--sections", "charts,field_notes,projects,goals,notes", "-o",
                    str(page)], check=True)
    browser = shutil.which("chromium")
    shot = tmp_path / "shot.png"
    subprocess.run([browser, *browser_flags(tmp_path), "--hide-scrollbars", "--window-size=1100,2000",
                    f"--screenshot={shot}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50, "the screenshot is blank"
    counts = {rgb: n for n, rgb in colours}
    # the first field's donut is on screen below its introduction: its three arcs
    for rgb in ((0xB8, 0xB8, 0xB8), (0xF2, 0xA9, 0x00), (0x2E, 0x8B, 0x57)):
        assert counts.get(rgb, 0) > 300, f"no arc in {rgb}"
