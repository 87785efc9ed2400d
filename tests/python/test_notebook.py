"""The analysts' notebook (examples/analysts.ipynb) runs top to bottom in a real Jupyter
kernel (nbclient, ipykernel), and its displays are the library's HTML with SVG charts."""
import json
import pathlib
import sys

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def executed(tmp_path_factory, monkeypatch_module):
    # a kernel of this very interpreter (the system's "python3" kernel may be another one)
    kernels = tmp_path_factory.mktemp("jupyter") / "kernels" / "kik-test"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "kik test", "language": "python"}))
    monkeypatch_module.setenv("JUPYTER_PATH", str(kernels.parent.parent))
    monkeypatch_module.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(EXAMPLES / "analysts.ipynb", as_version=4)
    client = nbclient.NotebookClient(notebook, kernel_name="kik-test", timeout=300,
                                     resources={"metadata": {"path": str(EXAMPLES)}})
    client.execute()
    return notebook


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def _outputs(notebook, source_start):
    cell = next(c for c in notebook.cells if c.cell_type == "code" and c.source.startswith(source_start))
    return cell.outputs


def _html(outputs):
    return "".join(o.get("data", {}).get("text/html", "") for o in outputs)


def test_the_notebook_runs_without_errors(executed):
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors[0] if errors else None


def test_plans_fields_and_diffs_show_the_librarys_svg_charts(executed):
    assert _html(_outputs(executed, "plan = kik.Plan.from_csv")).count("<svg") == 7
    assert _html(_outputs(executed, 'plan.field("SB")')).count("<svg") == 1
    assert "<tr class=\"measure\" id=\"SB-4.6\">" in _html(_outputs(executed, 'plan.field("SB")'))
    assert _html(_outputs(executed, "diff = kik.diff")).count("<svg") == 2


def test_frames_and_the_chart_are_shown(executed):
    assert "<table" in _html(_outputs(executed, 'plan.summaries("field")'))
    assert any("image/png" in o.get("data", {}) for o in _outputs(executed, "%matplotlib inline"))
    text = "".join(o.get("text", "") for o in _outputs(executed, "report = plan.report()"))
    assert "7 charts" in text and "| waiting | in progress | implemented |" in text
