"""Every failure raises, with the exception type that fits."""
import builtins
import errno
import pathlib
import pickle
import re

import pytest

import kik


def test_parse_error_is_a_value_error_with_its_position(files):
    bad = files("bad.csv", "field;goal;measure;text;status\nSB;1;1.1;Übergänge;öffnen\n")
    with pytest.raises(kik.ParseError) as info:
        kik.Plan.from_csv(bad)
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, kik.Error)
    assert (e.path, e.line, e.column) == (str(bad), 2, 20)
    assert "'öffnen' is not a status" in str(e)


def test_unknown_ids_are_key_errors():
    plan = kik.Plan.default()
    with pytest.raises(KeyError):
        plan.measure("SB-9.9")
    with pytest.raises(KeyError):
        plan.field("Wohnen")
    with pytest.raises(KeyError):
        plan.task(12345)
    with pytest.raises(KeyError) as info:
        plan.remove_task(12345)
    assert isinstance(info.value, kik.Error)


def test_missing_files_are_os_errors(tmp_path):
    with pytest.raises(OSError) as info:
        kik.Plan.from_csv(tmp_path / "none.csv")
    assert isinstance(info.value, kik.Error) and info.value.path == str(tmp_path / "none.csv")


def test_bad_arguments_raise():
    plan = kik.Plan.default()
    with pytest.raises(kik.ParseError):
        plan.import_bytes("x", kind="tasks")
    with pytest.raises(kik.Error):
        plan.add_task("SB-4.6", "ag", "t", due="morgen")
    with pytest.raises(kik.Error):
        plan.add_task("SB-4.6", "ag", "")
    with pytest.raises(KeyError):
        plan.add_task("SB-9.9", "ag", "t")
    with pytest.raises(ValueError):
        plan.add_task("SB-4.6", "Projekt", "t")
    with pytest.raises(ValueError):
        plan.rule = "lenient"
    with pytest.raises(kik.Error):
        plan.as_of = "05.10.2023"
    with pytest.raises(ValueError):
        plan.import_file("x.csv", kind="spreadsheet")


def test_a_failed_import_changes_nothing(files):
    plan = kik.Plan.default()
    before = plan.to_records()
    bad = files("bad.csv", "measure;kind;title;state\nSB-4.6;ag;A;done\nSB-99.1;ag;B;done\n")
    with pytest.raises(kik.ParseError) as info:
        plan.import_file(bad, kind="tasks")
    assert info.value.line == 3
    assert plan.to_records() == before
    assert plan.measure("SB-4.6").tasks == []


def test_limits_raise_a_limit_error():
    plan = kik.Plan.new()
    with pytest.raises(kik.LimitError):
        plan.import_bytes("a;" * 2000 + "\n", kind="measures")


# ---- issue 21: exceptions that escape the documented model -------------------------------


def test_lookups_raise_not_found_errors_that_are_key_errors():
    plan = kik.Plan.default()
    for lookup in (lambda: plan.measure("SB-9.9"), lambda: plan.field("Wohnen"), lambda: plan.task(12345),
                   lambda: plan.goal("SB-99"), lambda: plan["SB-9.9"], lambda: plan.fields["XX"],
                   lambda: plan.group("SB", "Keine")):
        with pytest.raises(kik.NotFoundError) as info:
            lookup()
        assert isinstance(info.value, KeyError) and isinstance(info.value, kik.Error)
    assert str(info.value).startswith("no group 'Keine'")


def test_an_unknown_encoding_is_a_value_error_naming_the_encodings(files):
    path = files("m.csv", "field;goal;measure;text;status\nSB;1;1.1;a;waiting\n")
    with pytest.raises(kik.InvalidValueError) as info:
        kik.Plan().import_file(path, encoding="cp1252")
    assert isinstance(info.value, ValueError) and not isinstance(info.value, KeyError)
    assert "'utf-8'" in str(info.value) and "'windows-1252'" in str(info.value)


def test_a_bad_date_is_a_value_error():
    plan = kik.Plan.default()
    for change in (lambda: plan.add_task("SB-4.6", "ag", "t", due="morgen"),
                   lambda: setattr(plan, "as_of", "05.10.2023")):
        with pytest.raises(ValueError) as info:
            change()
        assert isinstance(info.value, kik.Error)
    assert plan.as_of == "2023-10-05"


def test_a_wrong_argument_type_names_python_types_not_c_types():
    plan = kik.Plan.default()
    calls = {
        "measure": lambda: plan.measure(5), "field": lambda: plan.field(None), "name": lambda: setattr(plan, "name", 3),
        "import_file": lambda: plan.import_file(42), "kind": lambda: plan.import_file("x.csv", kind=3),
        "add_task": lambda: plan.add_task("SB-4.6", "ag", b"title"), "due": lambda: plan.add_task("SB-4.6", "ag", "t",
                                                                                                    due=20240101),
        "status": lambda: setattr(plan.measure("SB-1.1"), "recorded_status", 1),
        "export": lambda: plan.export(bom="yes"), "index": lambda: plan[1.5], "task": lambda: plan.task("17"),
        "set_published": lambda: plan.field("SB").set_published("1", 2, 3),
        "Plan": lambda: kik.Plan("measures.csv"), "Measure": lambda: kik.Measure("SB-4.6"),
    }
    for name, call in calls.items():
        with pytest.raises(TypeError) as info:
            call()
        message = str(info.value)
        assert isinstance(info.value, kik.Error), name
        assert not re.search(r"char const|char \*|argument \d+ of type|kik_\w+\(", message), (name, message)


def test_str_of_a_parse_error_begins_with_its_position(files):
    bad = files("bad.csv", "field;goal;measure;text;status\nSB;1;1.1;Text;fertig\n")
    with pytest.raises(kik.ParseError) as info:
        kik.Plan.from_csv(bad)
    assert str(info.value).startswith(f"{bad}:2:15: 'fertig' is not a status")


def test_a_missing_file_is_a_file_not_found_error_naming_it(tmp_path):
    missing = tmp_path / "none.csv"
    for call in (lambda: kik.Plan.from_csv(missing), lambda: kik.Plan().import_file(missing, kind="tasks"),
                 lambda: kik.read_csv(missing)):
        with pytest.raises(FileNotFoundError) as info:
            call()
        e = info.value
        assert isinstance(e, kik.Error) and isinstance(e, kik.FileError)
        assert e.filename == str(missing) and e.errno == errno.ENOENT and e.path == str(missing)
        assert str(e).startswith(str(missing)) and "No such file" in str(e)


def test_star_import_shadows_no_builtin():
    namespace = {}
    exec("from kik import *", namespace)
    shadowed = set(namespace) & set(dir(builtins)) - {"__builtins__"}
    assert not shadowed
    assert not hasattr(kik, "IOError")


def test_constructors_that_cannot_work_refuse(files):
    with pytest.raises(kik.ArgumentTypeError) as info:
        kik.Plan("measures.csv")
    assert "kik.Plan.from_csv" in str(info.value)
    for cls in (kik.Field, kik.Group, kik.Goal, kik.Measure, kik.Task):
        with pytest.raises(TypeError) as info:
            cls()
        assert "come from a plan" in str(info.value)
    assert len(kik.Plan()) == 0


def test_a_closed_plan_refuses_use():
    plan = kik.Plan.default()
    measure = plan.measure("SB-4.6")
    plan.close()
    for use in (lambda: len(plan), lambda: measure.text, lambda: plan.summary(), lambda: plan.to_pandas()):
        with pytest.raises(kik.ClosedError):
            use()
    assert repr(plan) == "<kik.Plan (closed)>"
    plan.close()  # twice is fine


def test_the_exception_model_is_documented_in_one_place():
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("**Errors**, the one place"):readme.index("Every one carries `code`")]
    for name in kik.errors.__all__:
        cls = getattr(kik, name)
        assert issubclass(cls, kik.Error) and cls.__doc__, name
        row = next(line for line in table.splitlines() if line.startswith(f"| `{name}` |"))
        builtin = row.split("|")[2].strip(" `")
        assert issubclass(cls, getattr(builtins, builtin)), (name, builtin)
    assert "| kik class |" not in kik.errors.__doc__  # not a second copy


def test_exceptions_pickle_with_their_details(files):
    bad = files("bad.csv", "field;goal;measure;text;status\nSB;1;1.1;Text;fertig\n")
    with pytest.raises(kik.ParseError) as info:
        kik.Plan.from_csv(bad)
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is kik.ParseError and str(again) == str(info.value) and again.line == 2
