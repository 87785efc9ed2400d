"""Type hints and package facts (issue 21: to_pandas() was typed Any; no metadata, no
kik.__version__): complete hints, checked by Debian's mypy where installed; literal kinds
and encodings; py.typed; the version."""
import inspect
import pathlib
import shutil
import subprocess
import sys
import typing

import pytest

import kik

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = pathlib.Path(kik.__file__).resolve().parent


def test_the_version_is_the_librarys():
    assert kik.__version__ == kik.version() == kik.core.kik_version()
    assert kik.__version__.count(".") == 2


def test_the_package_says_it_is_typed():
    assert (PACKAGE / "py.typed").exists()


def _public_callables():
    for name in kik.__all__:
        obj = getattr(kik, name)
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            members = [kv for base in reversed(obj.__mro__) if base.__module__.startswith("kik")
                       for kv in vars(base).items()]  # with the package's mixins
            for attr, value in members:
                if attr.startswith("_") and attr not in ("__init__", "__getitem__", "__contains__", "__len__"):
                    continue
                if isinstance(value, (classmethod, staticmethod)):
                    value = value.__func__
                if isinstance(value, property):
                    value = value.fget
                if inspect.isfunction(value):
                    yield f"{name}.{attr}", value
        elif inspect.isfunction(obj):
            yield name, obj


def test_every_public_callable_is_annotated():
    missing = []
    for name, fn in _public_callables():
        sig = inspect.signature(fn)
        if sig.return_annotation is inspect.Signature.empty:
            missing.append(f"{name} -> ?")
        missing += [f"{name}({p})" for p in sig.parameters.values()
                    if p.name not in ("self", "cls") and p.annotation is inspect.Parameter.empty]
    assert not missing


def test_frames_kinds_and_encodings_have_precise_types():
    assert inspect.signature(kik.Plan.to_pandas).return_annotation == "pandas.DataFrame"
    assert inspect.signature(kik.read_csv).return_annotation == "pandas.DataFrame"
    hints = typing.get_type_hints(kik.Plan.import_file, vars(kik.plan))
    assert typing.get_args(hints["kind"])[:7] == ("auto", "measures", "tasks", "fields", "published", "plan_info",
                                                  "matrix")
    assert typing.get_args(hints["encoding"]) == ("auto", "utf-8", "windows-1252")
    assert set(typing.get_args(hints["kind"])) == set(kik._lib.KINDS)


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy is not installed (Debian: mypy)")
def test_mypy_finds_the_package_complete_and_checks_its_users(tmp_path):
    files = [str(f) for f in sorted(PACKAGE.glob("*.py")) if f.name != "core.py"]
    config = ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / "cache")]
    result = subprocess.run([sys.executable, "-m", "mypy", *config, *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    user = tmp_path / "user.py"
    user.write_text("import kik\nplan = kik.Plan.default()\nplan.import_file('x.csv', kind='spreadsheet')\n"
                    "plan.export(encoding='latin-1')\ncount: int = plan.summary().total\n")
    # an installed package is found by its py.typed (PEP 561); a build tree through MYPYPATH
    installed = PACKAGE.parent.name in ("site-packages", "dist-packages")
    env = {"PATH": "/usr/bin:/bin", **({} if installed else {"MYPYPATH": str(PACKAGE.parent)})}
    result = subprocess.run([sys.executable, "-m", "mypy", *config, "--python-executable", sys.executable,
                             str(user)], capture_output=True, text=True, env=env)
    assert "user.py:3: error" in result.stdout and "spreadsheet" in result.stdout, result.stdout
    assert "user.py:4: error" in result.stdout and "user.py:5" not in result.stdout, result.stdout


def test_the_store_is_typed_as_the_plan():
    assert inspect.signature(kik.Store.trend).return_annotation == "pandas.DataFrame"
    assert inspect.signature(kik.Store.load).return_annotation == "Plan"
    hints = typing.get_type_hints(kik.Store.import_file, vars(kik.store))
    assert set(typing.get_args(hints["kind"])) == set(kik._lib.KINDS)
    assert inspect.signature(kik.Store.set_task_state).parameters["author"].kind is inspect.Parameter.KEYWORD_ONLY


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy is not installed (Debian: mypy)")
def test_mypy_checks_users_of_the_store(tmp_path):
    config = ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / "cache")]
    user = tmp_path / "user.py"
    user.write_text("import kik\nwith kik.Store(':memory:') as store:\n"
                    "    plan: kik.Plan = store.load()\n"
                    "    store.import_file('x.csv', kind='spreadsheet')\n"
                    "    store.set_task_state(1, 'done')\n"
                    "    status: kik.Status = store.set_recorded_status('SB-4.6', 'waiting', author='a')\n")
    installed = PACKAGE.parent.name in ("site-packages", "dist-packages")
    env = {"PATH": "/usr/bin:/bin", **({} if installed else {"MYPYPATH": str(PACKAGE.parent)})}
    result = subprocess.run([sys.executable, "-m", "mypy", *config, "--python-executable", sys.executable,
                             str(user)], capture_output=True, text=True, env=env)
    assert "user.py:4: error" in result.stdout and "spreadsheet" in result.stdout, result.stdout
    assert "user.py:5: error" in result.stdout and "author" in result.stdout, result.stdout
    for line in (3, 6):
        assert f"user.py:{line}:" not in result.stdout, result.stdout
