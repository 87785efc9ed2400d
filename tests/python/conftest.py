import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def fixtures():
    return ROOT / "tests" / "fixtures"


@pytest.fixture
def data():
    return ROOT / "data"


@pytest.fixture
def files(tmp_path):
    """Writes small CSV files into a temporary directory."""

    def write(name, text, encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
