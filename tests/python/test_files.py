"""Reading office files (issue 21): every kind told by its header, field codes derived
from names, the bundled field table by name, read_csv, validation of bytes."""
import pytest

import kik

TASKS = "Nummer;Art;Titel;Stand;fällig;verantwortlich\nSB-4.6;AG-Auftrag;Fachtag;erledigt;2024-03-01;Amt\n"


def test_auto_recognises_a_tasks_file(files):
    plan = kik.Plan.default()
    plan.import_file(files("aufgaben.csv", TASKS))
    task = plan.measure("SB-4.6").tasks[0]
    assert (task.title, task.kind, task.state, task.due, task.owner) == ("Fachtag", "ag", "done", "2024-03-01",
                                                                        "Amt")
    assert "SB-1.1" in plan and len(plan) == 144  # the measures are untouched


def test_a_file_of_another_kind_says_what_it_looks_like(files):
    path = files("aufgaben.csv", TASKS)
    with pytest.raises(kik.ParseError) as info:
        kik.Plan.default().import_file(path, kind="measures")
    assert "this looks like a tasks file" in str(info.value)
    with pytest.raises(kik.ParseError) as info:
        kik.Plan.from_csv(path)
    assert str(info.value) == f"{path}:1:1: this looks like a tasks file, not measures: pass it as tasks="


def test_auto_recognises_published_figures_and_field_tables(files):
    plan = kik.Plan.default()
    plan.import_file(files("p.csv", "Handlungsfeld;wartend;in Bearbeitung;implementiert\nSB;10;13;7\n"))
    assert plan.field("SB").published == (10, 13, 7)
    plan.import_file(files("f.csv", "Kürzel;Handlungsfeld;Aliasse\nWQ;Wohnen und Quartier;Wohnen\n"))
    assert plan.field("Wohnen").code == "WQ"


def test_derived_field_codes_fold_umlauts_and_stay_unique(files):
    plan = kik.Plan.from_csv(files("m.csv", "field;goal;measure;text;status\n"
                                            "Interkulturelle Öffnung;1;1.1;a;waiting\n"
                                            "Öffentliche Überlegungen;1;1.1;b;waiting\n"
                                            "Östliche Übergänge;1;1.1;c;waiting\n"))
    assert [f.code for f in plan.fields] == ["IO", "OU", "OU2"]
    assert [f.name for f in plan.fields] == ["Interkulturelle Öffnung", "Öffentliche Überlegungen",
                                             "Östliche Übergänge"]


def test_the_bundled_field_table_by_name(files, tmp_path, monkeypatch):
    names_only = files("kik.csv", "Handlungsfeld;Ziel;Nummer;Maßnahme;Status\n"
                                  "Interkulturelle Öffnung;1;1.1;a;wartend\n"
                                  "Sprache und Bildung;1;1.1;b;implementiert\n")
    codes_only = files("codes.csv", "field;goal;measure;text;status\nSB;1;1.1;a;waiting\n")
    monkeypatch.chdir(tmp_path)  # where no file named kik exists
    plan = kik.Plan.from_csv(names_only, fields="kik")
    assert [f.code for f in plan.fields] == ["SB", "AA", "GP", "BE", "GT", "IO"]
    assert plan.measure("IO-1.1").text == "a"
    assert kik.Plan.from_csv(codes_only, fields="kik").field("SB").name == "Sprache und Bildung"
    # without the table, a file of codes only gets names equal to the codes
    assert kik.Plan.from_csv(codes_only).field("SB").name == "SB"


def test_read_csv_reads_office_files_into_frames(fixtures, files):
    frame = kik.read_csv(fixtures / "kik-excel-windows-1252.csv")
    assert list(frame.columns[:3]) == ["id", "field", "field_name"] and len(frame) > 0
    matrix = kik.read_csv(fixtures / "seed-001-status-table.txt", fields="kik")
    assert len(matrix) == 144 and (matrix.status == kik.Status.IMPLEMENTED).sum() == 45
    plan = kik.Plan.default()
    tasks = kik.read_csv(files("t.csv", TASKS), plan=plan)
    assert list(tasks.title) == ["Fachtag"] and len(plan.tasks) == 0  # read into a copy
    with pytest.raises(ValueError) as info:
        kik.read_csv(files("t2.csv", TASKS))
    assert "pass plan=" in str(info.value) and isinstance(info.value, kik.Error)


def test_validate_takes_bytes_too():
    problems = kik.Plan().validate(b"field;goal;measure;text;status\nSB;1;1.1;a;fertig\n", name="upload.csv")
    assert [(p.path, p.line, p.column) for p in problems] == [("upload.csv", 2, 12)]
    assert problems.to_pandas().line.tolist() == [2]
