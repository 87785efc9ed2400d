"""The worked example for analysts runs headless and produces its chart."""
import os
import pathlib
import subprocess
import sys

EXAMPLE = pathlib.Path(__file__).resolve().parents[2] / "examples" / "analysts.py"


def test_the_analyst_example_runs(tmp_path):
    env = dict(os.environ, MPLBACKEND="Agg")
    result = subprocess.run([sys.executable, str(EXAMPLE), "--out", str(tmp_path)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Sprache und Bildung" in result.stdout
    assert "2 measures move" in result.stdout
    assert "SB-4.6" in result.stdout and "AA-2.1" in result.stdout
    chart = tmp_path / "status-shares.png"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 5000
