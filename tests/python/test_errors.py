"""Every failure raises, with the exception type that fits."""
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
