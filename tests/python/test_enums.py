"""Statuses, task kinds and task states compare the way they print (issue 21: silent wrong
numbers): equal to their keys, in pandas filters both ways, formatted as text, parsed from
keys and labels."""
import pytest

import kik


def test_a_status_equals_its_key():
    plan = kik.Plan.default()
    implemented = [m for m in plan if m.status == "implemented"]
    assert len(implemented) == 45 == plan.summary().implemented
    assert plan.measure("SB-4.6").status == "waiting" and plan.measure("SB-4.6").status != "implemented"
    assert "implemented" == kik.Status.IMPLEMENTED


def test_frames_filter_by_status_both_ways():
    frame = kik.Plan.default().to_pandas()
    assert (frame.status == kik.Status.IMPLEMENTED).sum() == 45
    assert (kik.Status.IMPLEMENTED == frame.status).sum() == 45
    assert (frame.status == "implemented").sum() == 45
    assert frame.status.isin(list(kik.Status)).sum() == 144
    assert frame.status.isin([kik.Status.WAITING]).sum() == 38
    assert len(frame[frame.status != kik.Status.WAITING]) == 106
    # a plain (object) column of keys too
    assert (frame.status.astype(str) == kik.Status.IN_PROGRESS).sum() == 61
    assert frame.query("status == @kik.Status.IN_PROGRESS").shape[0] == 61


def test_statuses_format_and_hash_as_their_keys():
    status = kik.Status.IMPLEMENTED
    assert f"{status:>12}" == " implemented" and f"{status}" == "implemented" and str(status) == "implemented"
    assert "%s" % status == "implemented" and "{}".format(status) == "implemented"
    assert {"implemented": 1}[status] == 1 and status in {"implemented"}
    assert {kik.Status.WAITING: 2}["waiting"] == 2
    import json

    assert json.dumps({"status": status}) == '{"status": "implemented"}'


def test_statuses_are_made_from_keys_and_labels():
    assert kik.Status("waiting") is kik.Status.WAITING
    assert kik.Status("wartend") is kik.Status.WAITING
    assert kik.Status("in Bearbeitung") is kik.Status.IN_PROGRESS
    assert kik.Status("IN_PROGRESS") is kik.Status.IN_PROGRESS
    assert kik.Status("implementiert") is kik.Status.IMPLEMENTED
    assert kik.Status.WAITING.label_de == "wartend" and kik.Status.IN_PROGRESS.label("en") == "in progress"
    with pytest.raises(ValueError) as info:
        kik.Status("fertig")
    assert isinstance(info.value, kik.Error)
    assert "waiting, in_progress, implemented" in str(info.value)
    with pytest.raises(TypeError) as info:
        kik.Status(2)
    assert isinstance(info.value, kik.Error) and "int" in str(info.value)


def test_task_kinds_and_states_behave_alike():
    plan = kik.Plan.default()
    task = plan.add_task("SB-4.6", "AG-Auftrag", "Fachtag", "in Arbeit")
    assert task.kind == "ag" and task.state == "in_progress"
    assert kik.TaskKind("Arbeitspaket") is kik.TaskKind.WORK_PACKAGE
    assert kik.TaskState("entfällt") is kik.TaskState.NOT_APPLICABLE
    assert f"{task.state:<12}|" == "in_progress |"
    tasks = plan.tasks.to_pandas()
    assert (tasks.kind == kik.TaskKind.AG).sum() == 1 and (tasks.state == "in_progress").sum() == 1
    assert tasks.state.isin(list(kik.TaskState)).all()


def test_named_values_are_ordered_as_the_library_orders_them():
    assert kik.Status.WAITING < kik.Status.IN_PROGRESS < kik.Status.IMPLEMENTED
    assert sorted([kik.Status.IMPLEMENTED, "waiting", kik.Status.IN_PROGRESS], key=kik.Status) == [
        "waiting", "in_progress", "implemented"]
    assert kik.Status.IMPLEMENTED > "in Bearbeitung"
    with pytest.raises(TypeError):
        kik.Status.WAITING < 3  # noqa: B015


def test_frames_use_the_same_categories_in_plan_order():
    plan = kik.Plan.default()
    frame = plan.to_pandas()
    assert list(frame.status.cat.categories) == list(kik.Status) and frame.status.cat.ordered
    assert list(frame.recorded_status.cat.categories) == list(kik.Status)
    assert list(frame.field.cat.categories) == ["SB", "AA", "GP", "BE", "GT", "IO"]
    tasks = plan.tasks.to_pandas()
    assert list(tasks.kind.cat.categories) == list(kik.TaskKind)
    assert list(tasks.state.cat.categories) == list(kik.TaskState)


def test_the_enums_agree_with_the_library():
    for cls in (kik.Status, kik.TaskKind, kik.TaskState, kik.Rule, kik.FindingKind, kik.ReasonCode,
                kik.ObjectKind, kik.ChangeKind):
        assert kik._lib.library_keys(cls) == [str(m) for m in cls], cls
