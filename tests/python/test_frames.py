"""Frames for everything (issue 21: the pandas side stops at measures)."""
import os
import pathlib
import subprocess
import time
import warnings

import pandas as pd
import pytest

import kik

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def with_tasks(files):
    plan = kik.Plan.default()
    plan.import_file(files("t.csv", "measure;kind;title;state;due;owner\n"
                                    "SB-4.6;concept;Konzept;done;2024-01-31;Amt A\n"
                                    "SB-4.6;ag;Fachtag;in_progress;;Amt B\n"
                                    "AA-1.1;work_package;Paket;open;2024-12-01;\n"))
    return plan


def test_the_measures_frame_names_columns_as_the_csv_contract():
    frame = kik.Plan.default().to_pandas()
    assert list(frame.columns) == ["id", "field", "field_name", "group", "goal", "goal_text", "measure",
                                   "measure_no", "text", "status", "recorded_status", "tasks"]
    assert "number" not in frame.columns


def test_measure_numbers_sort_as_numbers(files):
    plan = kik.Plan.from_csv(files("m.csv", "field;goal;measure;text;status\n" + "".join(
        f"SB;4;4.{n};Text {n};waiting\n" for n in (2, 10, 1))))
    frame = plan.to_pandas().sort_values(["field", "goal", "measure_no"])
    assert list(frame.measure) == ["4.1", "4.2", "4.10"]
    assert frame.measure_no.dtype.kind == "i" and frame.goal.dtype.kind == "i"


def test_the_tasks_frame(with_tasks):
    frame = with_tasks.tasks.to_pandas()
    assert list(frame.columns) == ["task_id", "field", "measure", "kind", "title", "state", "due", "owner"]
    assert list(frame.measure) == ["SB-4.6", "SB-4.6", "AA-1.1"]
    assert list(frame.kind) == ["concept", "ag", "work_package"] and list(frame.state) == ["done", "in_progress",
                                                                                            "open"]
    assert frame.due.dtype.kind == "M" and frame.due[0] == pd.Timestamp("2024-01-31") and pd.isna(frame.due[1])
    assert list(frame.owner.astype(object).where(frame.owner.notna(), None)) == ["Amt A", "Amt B", None]
    assert list(frame.task_id) == [t.id for t in with_tasks.tasks]
    assert list(frame.measure.cat.categories[:2]) == ["SB-1.1", "SB-1.2"]  # all measures, in plan order


def test_the_tasks_frame_of_474k_tasks_is_fast(tmp_path):
    gen = pathlib.Path(os.environ.get("KIK_GEN_PLAN", ROOT / "build" / "bench" / "gen_plan"))
    if not gen.exists():
        pytest.skip("bench/gen_plan is not built (KIK_GEN_PLAN)")
    subprocess.run([str(gen), "100000", str(tmp_path)], check=True, capture_output=True)
    plan = kik.Plan.from_csv(tmp_path / "measures.csv", tasks=tmp_path / "tasks.csv")
    tasks, measures = [], []
    for _ in range(5):  # interleaved, so that both frames see the same load of the host
        tasks.append(_cpu(plan.tasks.to_pandas))
        measures.append(_cpu(plan.to_pandas))
    frame = plan.tasks.to_pandas()
    assert len(frame) == len(plan.tasks) > 400_000
    # 0.3 s is the target on an idle machine (the closing note has the figures, 0.25 s by
    # runs paired with the C job). On a shared host wall and even CPU times vary two- to
    # threefold, their ratio much less: the tasks frame (4.7 times the rows) stays within
    # 3 times the measures frame in CPU time (1.8-2.4 measured; building it from objects is
    # about 18)
    assert min(tasks) < 3 * min(measures), (
        f"tasks frame {min(tasks):.3f} s CPU, measures frame {min(measures):.3f} s CPU")


def _cpu(fn):
    start = time.process_time()
    fn()
    return time.process_time() - start


def test_summary_frames_per_field_group_and_goal():
    plan = kik.Plan.default()
    fields = plan.summaries("field")
    assert list(fields.field) == [f.code for f in plan.fields]
    for row, field in zip(fields.itertuples(), plan.fields):
        s = field.summary()
        assert (row.name, row.goals, row.measures, row.waiting, row.in_progress, row.implemented) == (
            field.name, s.goals, s.total, *s.counts)
        assert (row.waiting_percent, row.in_progress_percent, row.implemented_percent) == tuple(s.percent)
    groups = plan.groups.to_pandas()
    assert len(groups) == len(plan.groups) and groups.measures.sum() == 144
    goals = plan.goals.to_pandas()
    assert len(goals) == 43 and goals.measures.sum() == 144
    sb4 = goals[(goals.field == "SB") & (goals.goal == 4)].iloc[0]
    assert (sb4.group, sb4.measures) == ("Vernetzung", 6)
    assert plan.fields["SB"].goals.to_pandas().goal.tolist() == list(range(1, 9))


def test_findings_and_explanations_have_typed_columns(with_tasks):
    findings = with_tasks.check().to_pandas()
    assert findings.kind.dtype == "category" and list(findings.kind.cat.categories) == list(kik.FindingKind)
    assert findings.status.dtype == "category" and findings.published.dtype == "Int64"
    disagrees = findings[findings.kind == kik.FindingKind.STATUS_DISAGREES]
    assert list(disagrees.measure) == ["SB-4.6", "AA-1.1"]
    assert disagrees.published.isna().all() and list(disagrees.recorded_status) == ["waiting", "implemented"]
    counts = findings[findings.kind == "published_count"]
    assert counts.recorded_status.isna().all() and counts.published.notna().all()
    reasons = with_tasks.measure("SB-4.6").explain().to_pandas()
    assert reasons.code.dtype == "category" and reasons.kind.dtype == "category"
    assert reasons.task_id.dtype == "Int64"
    assert list(reasons.code) == ["kind_done", "task_in_progress", "kind_missing", "status_disagrees"]


def test_a_finding_holds_statuses_and_counts_apart(with_tasks):
    finding = next(f for f in with_tasks.check() if f.kind == "status_disagrees")
    assert (finding.status, finding.recorded_status, finding.published, finding.computed) == (
        "in_progress", "waiting", None, None)
    finding = next(f for f in with_tasks.check() if f.kind == "published_count")
    assert finding.recorded_status is None and isinstance(finding.published, int)


def test_the_diff_of_two_plans(with_tasks):
    old = kik.Plan.default()
    diff = kik.diff(old, with_tasks)
    frame = diff.to_pandas()
    moved = frame[(frame.object == "measure") & (frame.kind == "changed")]
    assert list(moved.id) == ["SB-4.6", "AA-1.1"]
    assert list(moved.old_status) == ["waiting", "implemented"]
    assert list(moved.new_status) == ["in_progress", "waiting"]
    added = frame[frame.object == kik.ObjectKind.TASK]
    assert list(added.kind) == ["added"] * 3 and added.task_id.dtype == "Int64"
    counts = diff.fields_to_pandas()
    sb = counts[counts.field == "SB"].iloc[0]
    assert (sb.old_waiting, sb.new_waiting, sb.change_in_progress) == (10, 9, 1)
    assert bool(diff) and not kik.diff(old, kik.Plan.default())
    assert old.diff(with_tasks).to_pandas().equals(frame)


def test_a_plan_from_its_frames_is_the_same_plan(with_tasks):
    plan = kik.Plan.from_dataframe(with_tasks.to_pandas(), tasks=with_tasks.tasks.to_pandas())
    assert plan.to_pandas().equals(with_tasks.to_pandas())
    assert plan.tasks.to_pandas().drop(columns="task_id").equals(
        with_tasks.tasks.to_pandas().drop(columns="task_id"))


def test_from_dataframe_takes_plain_frames_and_names_bad_rows():
    frame = pd.DataFrame({"field": ["SB", "SB"], "goal": [1, 1], "measure": ["1.1", "1.2"],
                          "text": ["=SUM(A1)", "Zwei"], "status": [kik.Status.WAITING, "implementiert"]},
                         index=["a", "b"])
    plan = kik.Plan.from_dataframe(frame)
    assert plan.measure("SB-1.1").text == "=SUM(A1)" and plan.measure("SB-1.2").status == "implemented"
    frame.loc["b", "status"] = "fertig"
    with pytest.raises(kik.ParseError) as info:
        kik.Plan.from_dataframe(frame)
    assert str(info.value).startswith("measures row 1 (index 'b'): 'fertig' is not a status")
    with pytest.raises(kik.InvalidValueError) as info:
        kik.Plan.from_dataframe(frame.drop(columns="text"))
    assert "no column 'text'" in str(info.value)


def test_export_writes_the_derived_status_and_german_labels_on_request(with_tasks):
    recorded = kik.Plan()
    recorded.import_bytes(with_tasks.export(), kind="measures")
    assert recorded.measure("SB-4.6").status == "waiting"
    derived = kik.Plan()
    derived.import_bytes(with_tasks.export(status="derived"), kind="measures")
    assert derived.measure("SB-4.6").status == "in_progress"
    assert derived.summary() == with_tasks.summary()._replace(name=derived.summary().name)
    german = with_tasks.export(labels="german").decode()
    assert german.startswith("Handlungsfeld;") and ";wartend\n" in german
    assert "Art;Titel;Stand" in with_tasks.export(kind="tasks", labels="german").decode()
    assert ";AG-Auftrag;Fachtag;in Arbeit;" in with_tasks.export(kind="tasks", labels="german").decode()


def test_assigning_a_status_that_tasks_override_does_not_pass_silently(with_tasks):
    measure = with_tasks.measure("SB-4.6")
    with pytest.raises(kik.DerivedStatusError) as info:
        measure.status = "implemented"
    assert "SB-4.6 has 2 task(s)" in str(info.value) and isinstance(info.value, ValueError)
    assert measure.recorded_status == "waiting" and measure.status == "in_progress"
    with pytest.warns(kik.DerivedStatusWarning):
        measure.recorded_status = "implemented"
    assert measure.recorded_status == "implemented" and measure.status == "in_progress"
    assert with_tasks.set_recorded_status("SB-4.6", "waiting") == "in_progress"
    free = with_tasks.measure("SB-1.1")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        free.status = "implemented"
    assert free.status == "implemented" == free.recorded_status
