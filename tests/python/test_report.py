"""The status pages (kik-report --status-pages): well-formed, self-contained, and rendered
by a real browser. The whole report is tested in test_report_print.py."""
import os
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

BIN = pathlib.Path(os.environ.get("KIK_BIN", ""))
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    subprocess.run([str(BIN / "kik-report"), "--status-pages", "-o", str(path)], check=True)
    return path


def test_the_page_is_well_formed_and_self_contained(page):
    text = page.read_text(encoding="utf-8")
    root = ET.fromstring(text.split("\n", 1)[1])  # after the doctype
    assert root.tag == XHTML + "html"
    assert not list(root.iter(XHTML + "script"))
    for element in root.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute, "")
            assert not value or value.startswith("#"), f"{element.tag} loads {value}"
    assert "@import" not in text and "url(" not in text
    assert len(list(root.iter("{http://www.w3.org/2000/svg}svg"))) == 7  # a donut per field, one of the plan
    rows = [tr for tr in root.iter(XHTML + "tr") if tr.get("class") == "measure"]
    assert len(rows) == 144


def test_a_headless_browser_renders_the_charts(page, tmp_path):
    from PIL import Image

    browser = shutil.which("chromium")
    assert browser, "chromium is installed by the test set-up (.ci/deps test)"
    shot = tmp_path / "shot.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars", "--window-size=1100,1400",
                    f"--screenshot={shot}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50, "the screenshot is blank"
    counts = {rgb: n for n, rgb in colours}
    # the plan's donut is on screen: its three arcs in the status colours
    for rgb in ((0xB8, 0xB8, 0xB8), (0xF2, 0xA9, 0x00), (0x2E, 0x8B, 0x57)):
        assert counts.get(rgb, 0) > 300, f"no arc in {rgb}"
