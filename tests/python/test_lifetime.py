"""Objects of a plan keep it alive and stay valid across changes of the plan."""
import gc
import resource

import pytest

import kik


def test_children_outlive_the_name_of_their_plan():
    plan = kik.Plan.default()
    field = plan.fields[0]
    goal = field.goals[0]
    measure = plan.measure("SB-4.6")
    task = plan.add_task("SB-4.6", "ag", "Fachtag")
    del plan
    gc.collect()
    assert field.name == "Sprache und Bildung"
    assert goal.text.startswith("Wichtige Themen")
    assert measure.status is kik.Status.WAITING
    assert task.title == "Fachtag" and task.measure == measure
    assert measure.plan.summary().total == 144


def test_children_find_themselves_again_after_an_import():
    plan = kik.Plan.default()
    measure = plan.measure("SB-4.6")
    field = plan.field("SB")
    plan.import_bytes("field;goal;measure;text;status\nSB;4;4.6;Neu;implemented\n", kind="measures")
    assert measure.text == "Neu" and measure.status is kik.Status.IMPLEMENTED
    assert field.summary().implemented == 8


def test_a_removed_task_is_gone():
    plan = kik.Plan.default()
    task = plan.add_task("SB-4.6", "ag", "Fachtag")
    plan.remove_task(task)
    with pytest.raises(KeyError):
        task.title


def test_many_plans_do_not_leak():
    def cycle():
        plan = kik.Plan.default()
        plan.measure("SB-4.6").explain()
        plan.check()
        plan.to_records()

    for _ in range(50):
        cycle()
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(500):
        cycle()
    gc.collect()
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 8 * 1024, f"peak memory grew by {grown_kib} KiB over 500 plans"
