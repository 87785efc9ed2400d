"""Python protocols (issue 21): pickling, copies, with/close, indexing, views, `in`,
iterable groups, docstrings, a clean dir(kik), the GIL released in long calls."""
import copy
import inspect
import pickle
import threading
import time

import pytest

import kik


@pytest.fixture
def plan():
    plan = kik.Plan.default()
    plan.rule = "missing_kind_satisfied"
    plan.add_task("SB-4.6", "ag", "Fachtag", "done", due="2024-03-01", owner="Amt")
    plan.remove_task(plan.add_task("SB-4.6", "concept", "Weg", "open"))  # a gap in the task numbers
    plan.add_task("AA-1.1", "work_package", "Paket", "in_progress")
    return plan


def _same(a, b):
    assert a.to_pandas().equals(b.to_pandas())
    assert a.tasks.to_pandas().equals(b.tasks.to_pandas())  # task numbers included
    assert (a.name, a.as_of, a.rule) == (b.name, b.as_of, b.rule)
    assert [f.published for f in a.fields] == [f.published for f in b.fields]
    assert [f.aliases for f in a.fields] == [f.aliases for f in b.fields]
    assert (a.notes, a.field_notes, a.projects, a.timeline, a.rounds, a.figures, a.title, a.office) == (
        b.notes, b.field_notes, b.projects, b.timeline, b.rounds, b.figures, b.title, b.office)
    assert len(a.notes) == 43  # the bundled report's content is there to compare


def test_plans_and_their_objects_pickle(plan):
    again = pickle.loads(pickle.dumps(plan))
    _same(plan, again)
    measure, task = pickle.loads(pickle.dumps((plan.measure("SB-4.6"), plan.measure("SB-4.6").tasks[0])))
    assert measure.plan is task.plan  # one plan for both
    assert measure.status == "implemented" and task.title == "Fachtag" and task.id == plan.measure("SB-4.6").tasks[0].id
    assert pickle.loads(pickle.dumps(plan.summary())) == plan.summary()
    assert pickle.loads(pickle.dumps(kik.Status.WAITING)) is kik.Status.WAITING


def test_copies_are_independent(plan):
    for make in (copy.copy, copy.deepcopy, kik.Plan.copy):
        other = make(plan)
        _same(plan, other)
        other.rule = "strict"
        other.measure("SB-1.1").status = "implemented"
        other.measure("SB-4.6").tasks[0].state = "open"
        assert plan.rule == "missing_kind_satisfied" and plan.measure("SB-1.1").status == "waiting"
        assert plan.measure("SB-4.6").tasks[0].state == "done"
    measure = plan.measure("SB-4.6")
    deep = copy.deepcopy(measure)
    assert deep.plan is not plan and deep.id == measure.id
    assert copy.copy(measure).plan is plan


def test_with_closes_the_plan(data):
    with kik.Plan.from_csv(data / "kik-2023-10-05.csv", fields="kik") as plan:
        measure = plan.measure("SB-4.6")
        assert len(plan) == 144
    assert plan.closed
    with pytest.raises(kik.ClosedError):
        measure.status


def test_plans_index_like_sequences(plan):
    assert plan[0].id == "SB-1.1" and plan[-1].id == "IO-8.2"
    assert [m.id for m in plan[1:3]] == ["SB-1.2", "SB-2.1"]
    assert [m.id for m in reversed(plan)][:2] == ["IO-8.2", "IO-8.1"]
    assert plan["SB-4.6"] == plan.measure("SB-4.6")
    assert plan.fields[0].code == "SB" and plan.fields[-1].code == "IO" and plan.fields["Bildung und Sprache"].code == "SB"
    assert [g.number for g in plan.field("SB").goals[2:4]] == [3, 4]
    assert plan.goals["SB-4"].text == plan.field("SB").goals[3].text
    with pytest.raises(IndexError):
        plan[144]
    with pytest.raises(kik.ArgumentTypeError):
        plan[None]


def test_views_of_goals_groups_and_tasks(plan):
    assert len(plan.goals) == 43 and len(plan.groups) == 19 and len(plan.tasks) == 2
    assert plan.groups["SB/Vernetzung"].name == "Vernetzung"
    ids = [t.id for t in plan.tasks]
    assert plan.tasks[ids[1]].title == "Paket" and ids[1] in plan.tasks and 999 not in plan.tasks
    assert plan.tasks.find("SB-4.6", "AG-Auftrag", "Fachtag").id == ids[0]
    assert len(plan.measures) == 144 and plan.measures["SB-4.6"].id == "SB-4.6"


def test_in_is_consistent(plan):
    measure, field, goal, task = plan.measure("SB-4.6"), plan.field("SB"), plan.goal("SB-4"), plan.tasks[1]
    assert measure in plan and "SB-4.6" in plan and "SB-9.9" not in plan
    assert measure in field and measure in goal and measure in goal.group
    assert measure not in plan.goal("SB-1") and plan.measure("AA-1.1") not in field
    assert field in plan.fields and "SB" in plan.fields and goal in plan.goals and goal in field.goals
    assert task in plan.tasks and task.id in plan.tasks
    assert measure not in kik.Plan.default()  # another plan's
    assert 0 not in plan and None not in plan


def test_groups_are_iterable(plan):
    group = plan.goal("SB-4").group
    assert group.name == "Vernetzung" and [g.number for g in group.goals] == [3, 4, 5, 6]
    assert [m.id for m in group] == [m.id for g in group.goals for m in g] and "SB-4.6" in [m.id for m in group]
    assert len(group) == 16 == group.summary().total and all(m in group for m in group)


def _members(cls):
    """The members of a class and of its bases in the package (mixins such as PlanContent)."""
    for base in reversed(cls.__mro__):
        if base.__module__.startswith("kik"):
            yield from vars(base).items()


def _public_properties():
    for name in kik.__all__:
        obj = getattr(kik, name)
        if inspect.isclass(obj):
            for attr, value in _members(obj):
                if isinstance(value, property) and not attr.startswith("_"):
                    yield f"{name}.{attr}", value


def test_every_public_property_and_method_has_a_docstring():
    missing = [name for name, prop in _public_properties() if not (prop.__doc__ or "").strip()]
    for name in kik.__all__:
        obj = getattr(kik, name)
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            missing += [f"{name}.{attr}" for attr, value in _members(obj)
                        if inspect.isfunction(value) and not attr.startswith("_") and not value.__doc__]
        elif callable(obj) and not inspect.isclass(obj) and not obj.__doc__:
            missing.append(name)
    assert not missing


def test_dir_of_kik_is_clean():
    names = dir(kik)
    assert "Plan" in names and "Status" in names
    for leaked in ("Any", "Dict", "List", "Optional", "Union", "NamedTuple", "annotations", "os", "enum"):
        assert leaked not in names


def test_long_calls_let_other_threads_run(tmp_path):
    rows = "".join(f"SB;{g};{g}.{m};Maßnahme {g}.{m} mit etwas mehr Text;waiting\n"
                   for g in range(1, 1001) for m in range(1, 101))
    path = tmp_path / "big.csv"
    path.write_text("field;goal;measure;text;status\n" + rows, encoding="utf-8")
    start = time.perf_counter()
    kik.Plan().import_file(path, kind="measures")
    alone = time.perf_counter() - start  # the import on its own
    plan, marks = kik.Plan(), []
    worker = threading.Thread(target=plan.import_file, args=(path,), kwargs={"kind": "measures"})
    marks.append(time.perf_counter())  # the thread may run the whole import inside start()
    worker.start()
    while worker.is_alive():
        marks.append(time.perf_counter())
    worker.join()
    marks.append(time.perf_counter())
    assert len(plan) == 100_000
    longest = max(b - a for a, b in zip(marks, marks[1:]))
    # with the GIL held, this thread would stop for the whole import
    assert longest < alone / 2, f"this thread stopped for {longest:.3f} s of a {alone:.3f} s import"
