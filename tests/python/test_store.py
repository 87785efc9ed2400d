"""kik.Store (issue 20): plans that persist in an SQLite file, their snapshots, trend,
history and change log, edits with an author, and the store's errors (busy, read-only,
closed). The change log is read as analysts read it: the `changes` view, without libkik."""
import datetime
import pathlib
import sqlite3
import threading
import time

import pandas as pd
import pytest

import kik

ROOT = pathlib.Path(__file__).resolve().parents[2]
TASKS = ROOT / "examples" / "sample-tasks.csv"
PARTS = ("measures", "tasks", "fields", "published", "plan_info")
HAS_STORE = bool(kik._lib.core.kik_py_store_available())
needs_store = pytest.mark.skipif(not HAS_STORE, reason="libkik built without the store (KIK_STORE=OFF)")


def with_tasks():
    plan = kik.Plan.default()
    plan.import_file(TASKS, kind="tasks")
    plan.rule = "missing_kind_satisfied"
    return plan


def assert_equal_plans(a, b):
    for part in PARTS:
        assert a.export(kind=part) == b.export(kind=part), part
    assert [t.id for t in a.tasks] == [t.id for t in b.tasks]


def states():
    """The bundled plan in three states: the concept (every measure waiting, no tasks), the
    2023 report, and a later state with tasks, a new measure and one removed."""
    concept = kik.Plan.default()
    for m in concept:
        concept.set_recorded_status(m.id, "waiting")
    concept.as_of = "2021-11-18"
    report = kik.Plan.default()
    later = with_tasks()
    later.put_measure("IO", "9.1", "Neu im Plan", "in_progress", group="Neu")
    later.remove_measure("SB-1.1")
    later.as_of = "2025-06-30"
    return concept, report, later


def timeline(store):
    concept, report, later = states()
    store.save_snapshot(concept, name="KIK", author="archiv")
    store.save(report, name="KIK", author="anna")
    store.snapshot(label="Zwischenbericht", author="anna")
    store.save(later, name="KIK", author="ben")
    store.snapshot(datetime.date(2025, 6, 30), author="ben")
    return concept, report, later


@pytest.fixture
def path(tmp_path):
    return tmp_path / "kik.db"


@needs_store
def test_save_and_load_round_trip_equal(path):
    plan = with_tasks()
    with kik.Store(path) as store:
        store.save(plan)
        assert store.plans() == ["main"]
        loaded = store.load()
    assert isinstance(loaded, kik.Plan) and loaded.summary() == plan.summary()
    assert_equal_plans(plan, loaded)
    assert loaded["SB-4.6"].status == plan["SB-4.6"].status and len(loaded.tasks) == 7
    loaded.add_task("SB-4.6", "concept", "noch eine")  # a loaded plan is a plan like any other
    assert len(loaded.tasks) == 8


@needs_store
def test_a_task_id_survives_a_restart(path):
    plan = kik.Plan.default()
    first = plan.add_task("SB-4.6", "concept", "Konzept schreiben")
    plan.remove_task(first)
    task = plan.add_task("SB-4.6", "ag", "AG einberufen", "in_progress", owner="AG Bildung")
    with kik.Store(path) as store:
        store.save(plan, name="KIK")
    with kik.Store(path, must_exist=True) as store:  # another process, later
        loaded = store.load(name="KIK")
        assert loaded.task(task.id).title == "AG einberufen" and loaded.task(task.id).owner == "AG Bildung"
        new_id = store.add_task("SB-4.6", "work_package", "Flyer", author="anna")
    assert new_id > task.id  # numbers are not given again
    with kik.Store(path, read_only=True) as store:
        assert store.load().task(new_id).title == "Flyer"


@needs_store
def test_memory_stores_and_names(path):
    with kik.Store(":memory:") as store:
        assert store.plans() == [] and store.path == ":memory:"
        store.add_plan("Zweitkonzept")
        store.save(kik.Plan.default(), name="KIK")
        assert store.plans() == ["Zweitkonzept", "KIK"]
        with pytest.raises(kik.InvalidValueError):
            store.load()  # two plans: say which
        with pytest.raises(kik.AlreadyExistsError):
            store.add_plan("KIK")
        store.remove_plan("Zweitkonzept")
        assert len(store.load()) == 144
        # without snapshots: empty frames of the same columns and types
        trend, snaps = store.trend(), store.snapshots()
        assert trend.empty and trend.shape[1] == 14 and str(trend.as_of.dtype) == "datetime64[ns]"
        assert snaps.empty and str(snaps.taken.dtype) == "datetime64[ns, UTC]"
        with pytest.raises(kik.NotFoundError):
            store.load("1999-01-01")
        with pytest.raises(kik.NotFoundError):
            store.load(name="Gibtsnicht")


@needs_store
def test_snapshots_frame(path):
    with kik.Store(path) as store:
        timeline(store)
        frame = store.snapshots()
        assert list(frame.columns) == ["as_of", "label", "taken", "author"]
        assert list(frame.as_of.dt.strftime("%Y-%m-%d")) == ["2021-11-18", "2023-10-05", "2025-06-30"]
        assert list(frame.label) == ["", "Zwischenbericht", ""]
        assert list(frame.author) == ["archiv", "anna", "ben"]
        assert str(frame.taken.dt.tz) == "UTC"
        assert (pd.Timestamp.now(tz="UTC") - frame.taken).max() < pd.Timedelta(minutes=5)
        # by date or label, with the snapshot's date
        assert store.load("Zwischenbericht").as_of == "2023-10-05"
        assert store.load(datetime.date(2021, 11, 18)).summary().waiting == 144
        store.delete_snapshot("2021-11-18", author="anna")
        assert list(store.snapshots().label) == ["Zwischenbericht", ""]
        with pytest.raises(kik.AlreadyExistsError):
            store.snapshot()  # the working state's date has a snapshot
        assert store.snapshots(name="KIK").shape == (2, 4)


@needs_store
def test_trend_of_three_snapshots(path):
    with kik.Store(path) as store:
        concept, report, later = timeline(store)
        trend = store.trend()
    assert list(trend.columns) == ["snapshot", "as_of", "label", "scope", "id", "field", "goal", "measures",
                                   "waiting", "in_progress", "implemented", "waiting_percent",
                                   "in_progress_percent", "implemented_percent"]
    totals = trend[trend.scope == "plan"]
    assert list(totals.snapshot) == ["2021-11-18", "Zwischenbericht", "2025-06-30"]
    assert totals[["waiting", "in_progress", "implemented"]].values.tolist()[:2] == [[144, 0, 0], [38, 61, 45]]
    last = later.summary()
    assert totals.iloc[2][["measures", "waiting", "in_progress", "implemented"]].tolist() == [
        last.total, last.waiting, last.in_progress, last.implemented]
    assert (trend[["waiting_percent", "in_progress_percent", "implemented_percent"]].sum(axis=1)
            [trend.measures > 0] == 100).all()
    assert (trend[["waiting", "in_progress", "implemented"]].sum(axis=1) == trend.measures).all()
    # per snapshot: the plan, each field, each goal, as the loaded plan counts them
    for as_of, plan in zip(("2021-11-18", "2023-10-05", "2025-06-30"), (concept, report, later)):
        rows = trend[trend.as_of == pd.Timestamp(as_of)]
        assert len(rows) == 1 + len(plan.fields) + len(plan.goals)
        fields = rows[rows.scope == "field"].set_index("id")
        expected = plan.summaries("field").set_index("field")
        for code in expected.index:
            assert fields.loc[code, "implemented"] == expected.loc[code, "implemented"]
            assert fields.loc[code, "implemented_percent"] == expected.loc[code, "implemented_percent"]
        goals = rows[rows.scope == "goal"]
        assert list(goals.id) == [g.id for g in plan.goals]
    # plots as it is: one line per field over time
    wide = trend[trend.scope == "field"].pivot(index="as_of", columns="field", values="implemented_percent")
    assert wide.shape == (3, 6) and list(wide.index) == sorted(wide.index)


@needs_store
def test_history_in_time_order(path):
    with kik.Store(path) as store:
        timeline(store)
        plan = store.load()
        task = next(t for t in plan.tasks if t.measure.id == "SB-4.6" and t.state == "open")
        store.set_task_state(task.id, "done", author="anna", note="Flyer gedruckt")
        store.set_recorded_status("SB-4.6", "implemented", author="ben")
        history = store.history("SB-4.6")
        by_task = store.history(task.id)
        assert store.history(plan.task(task.id)).equals(by_task)
        assert store.history(plan.measure("SB-4.6")).equals(history)
        store_now = store.load()
    assert list(history.columns) == ["time", "source", "label", "author", "action", "object", "measure", "what",
                                     "old", "new", "note", "value"]
    assert history.time.is_monotonic_increasing
    snaps = history[history.source == "snapshot"]
    assert list(snaps.time.dt.strftime("%Y-%m-%d")) == ["2021-11-18", "2023-10-05", "2025-06-30"]
    assert list(snaps.value)[:2] == ["waiting", "waiting"]  # SB-4.6 waits in the concept and in the report
    changes = history[history.source == "change"]
    assert ["set_task_state", "set_recorded_status"] == [a for a in changes.action if a.startswith("set_")]
    edit = changes[changes.action == "set_task_state"].iloc[0]
    assert (edit.author, edit.note, edit.old, edit.new, edit.object) == ("anna", "Flyer gedruckt", "open", "done",
                                                                        str(task.id))
    assert by_task.iloc[-1].value == "done" and by_task.time.is_monotonic_increasing
    # the last row is the working state now, as a loaded plan has it
    assert history.iloc[-1].source == "working" and by_task.iloc[-1].source == "working"
    assert history.iloc[-1].value == store_now.measure("SB-4.6").status


@needs_store
def test_edits_with_an_author_are_in_the_changes_view(path):
    with kik.Store(path) as store:
        store.save(with_tasks(), name="KIK", author="import")
        task_id = store.add_task("AA-2.1", "concept", "Konzept", due=datetime.date(2026, 1, 31), author="anna")
        store.update_task(task_id, title="Konzept schreiben", author="anna", note="genauer")
        assert store.load().task(task_id).title == "Konzept schreiben"
        assert store.load().task(task_id).due == "2026-01-31"  # values not given stay
        store.set_task_state(task_id, kik.TaskState.IN_PROGRESS, author="ben", note="begonnen")
        store.add_measure("IO", "9.1", "Neue Maßnahme", group="Neu", author="carla")
        store.put_measure("IO", "9.1", "Neue Maßnahme, genauer", "in_progress", group="Neu", author="carla")
        assert store.set_recorded_status("IO-9.1", "implemented", author="carla") == kik.Status.IMPLEMENTED
        store.remove_task(task_id, author="anna", note="doppelt")
        store.remove_measure("IO-9.1", author="carla")
        log = store.log()
    assert list(log.action) == ["save", "add_task", "update_task", "set_task_state", "add_measure",
                                "put_measure", "set_recorded_status", "remove_task", "remove_measure"]
    # analysts read the view without libkik
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT plan, author, action, object, old, new, note FROM changes "
                          "WHERE action = 'set_task_state'").fetchall()
        frame = pd.read_sql("SELECT * FROM changes ORDER BY at", db)
    db.close()
    assert rows == [("KIK", "ben", "set_task_state", str(task_id), "open", "in_progress", "begonnen")]
    assert list(frame.author) == list(log.author) == ["import", "anna", "anna", "ben", "carla", "carla", "carla",
                                                      "anna", "carla"]
    assert frame[frame.action == "remove_task"].note.tolist() == ["doppelt"]


@needs_store
def test_a_failed_edit_raises_the_plans_error_and_changes_nothing(path):
    with kik.Store(path) as store:
        store.save(kik.Plan.default())
        with pytest.raises(kik.NotFoundError):
            store.set_task_state(999, "done", author="anna")
        with pytest.raises(kik.NotFoundError):
            store.remove_measure("XX-1.1", author="anna")
        with pytest.raises(kik.ArgumentTypeError):
            store.set_task_state(1, "done", author=None)
        with pytest.raises(kik.InvalidValueError):
            store.set_task_state(1, "bogus", author="anna")
        assert list(store.log().action) == ["save"]


@needs_store
def test_diff_between_snapshots(path):
    with kik.Store(path) as store:
        concept, report, later = timeline(store)
        d = store.diff("Zwischenbericht", "2025-06-30")
        same = store.diff("2025-06-30")  # against the working state
    assert isinstance(d, kik.Diff) and not same
    expected = kik.diff(report, later)
    assert [str(c) for c in d.changes] == [str(c) for c in expected.changes]
    assert d.fields == expected.fields and "Zwischenbericht" in repr(d)
    assert not d.to_pandas().empty


@needs_store
def test_import_file_saves_the_import(path, tmp_path):
    measures = tmp_path / "m.csv"
    kik.Plan.default().export(measures)
    with kik.Store(path) as store:
        store.import_file(measures, kind="measures", author="anna")
        store.import_file(TASKS, "tasks", author="anna")
        loaded = store.load()
        with pytest.raises(kik.ParseError) as e:
            store.import_file(TASKS, "measures", author="anna")
        assert e.value.path == str(TASKS) and e.value.line >= 1
        assert store.load().export(kind="tasks") == loaded.export(kind="tasks")
        assert list(store.log().action) == ["import", "import"]
    assert len(loaded) == 144 and len(loaded.tasks) == 7


@needs_store
def test_a_locked_store_raises_busy(path):
    with kik.Store(path) as store:
        store.save(kik.Plan.default())
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        with kik.Store(path, busy_timeout=0.05) as store:
            assert len(store.load()) == 144  # readers go on
            start = time.monotonic()
            with pytest.raises(kik.BusyError) as e:
                store.set_recorded_status("SB-4.6", "implemented", author="anna")
            assert time.monotonic() - start < 5
            assert isinstance(e.value, TimeoutError) and e.value.code == -9
            other.execute("ROLLBACK")
            store.set_recorded_status("SB-4.6", "implemented", author="anna")
            assert store.load()["SB-4.6"].status == "implemented"
    finally:
        other.close()


@needs_store
def test_a_read_only_store_refuses_changes(path):
    with kik.Store(path) as store:
        store.save(with_tasks())
        store.snapshot()
    before = path.read_bytes()
    with kik.Store(path, read_only=True) as store:
        assert store.read_only and "read-only" in repr(store)
        assert len(store.load()) == 144 and len(store.snapshots()) == 1 and not store.trend().empty
        for change in (lambda: store.save(kik.Plan.default()),
                       lambda: store.set_task_state(1, "done", author="anna"),
                       lambda: store.snapshot("2030-01-01"),
                       lambda: store.delete_snapshot("2023-10-05"),
                       lambda: store.add_plan("B"),
                       lambda: store.remove_measure("SB-4.6", author="anna")):
            with pytest.raises(kik.ReadOnlyError) as e:
                change()
            assert isinstance(e.value, PermissionError)
    assert path.read_bytes() == before


@needs_store
def test_a_closed_store_raises_and_its_plans_stay(path):
    store = kik.Store(path)
    store.save(kik.Plan.default())
    plan = store.load()
    store.close()
    store.close()
    assert store.closed and "closed" in repr(store)
    for call in (store.plans, store.load, store.trend, lambda: store.save(plan),
                 lambda: store.set_task_state(1, "done", author="anna")):
        with pytest.raises(kik.ClosedError):
            call()
    with pytest.raises(kik.ClosedError):
        with store:
            pass
    assert plan.summary().total == 144


@needs_store
def test_opening_errors(tmp_path):
    with pytest.raises(kik.MissingFileError):
        kik.Store(tmp_path / "missing.db", must_exist=True)
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("no database at all\n" * 100)
    with pytest.raises(kik.CorruptError):
        kik.Store(not_a_store)
    assert not_a_store.read_text() == "no database at all\n" * 100
    with pytest.raises(kik.ArgumentTypeError):
        kik.Store(tmp_path / "a.db", busy_timeout="5s")
    with pytest.raises(kik.InvalidValueError):
        kik.Store(tmp_path / "a.db", busy_timeout=-1)
    with pytest.raises(kik.ArgumentTypeError):
        kik.Store(42)
    with kik.Store(tmp_path / "a.db") as store:
        with pytest.raises(kik.ArgumentTypeError):
            store.save("plan.csv")
        with pytest.raises(kik.ArgumentTypeError):
            store.load(20231005)


def test_without_the_store_a_clear_error(monkeypatch):
    if HAS_STORE:  # as a library built with -DKIK_STORE=OFF says
        monkeypatch.setattr(kik._lib.core, "kik_py_store_available", lambda: 0)
    with pytest.raises(kik.Error, match="without the store"):
        kik.Store(":memory:")
    assert kik.Plan.default().summary().total == 144  # everything else works


@pytest.mark.skipif(HAS_STORE, reason="libkik built with the store")
def test_without_the_store_its_calls_raise():
    with pytest.raises(kik.InvalidValueError, match="without the store"):
        kik._lib.core.kik_py_store_open(":memory:", 0, -1)


@needs_store
def test_long_store_calls_let_other_threads_run(tmp_path):
    rows = "".join(f"SB;{g};{g}.{m};Maßnahme {g}.{m} mit etwas mehr Text;waiting\n"
                   for g in range(1, 1001) for m in range(1, 101))
    plan = kik.Plan()
    plan.import_bytes("field;goal;measure;text;status\n" + rows, kind="measures")
    with kik.Store(tmp_path / "alone.db") as store:
        start = time.perf_counter()
        store.save(plan)
        alone = time.perf_counter() - start  # the save on its own
    with kik.Store(tmp_path / "kik.db") as store:
        marks = []
        worker = threading.Thread(target=store.save, args=(plan,))
        marks.append(time.perf_counter())
        worker.start()
        while worker.is_alive():
            marks.append(time.perf_counter())
        worker.join()
        marks.append(time.perf_counter())
        assert len(store.load()) == 100_000
    longest = max(b - a for a, b in zip(marks, marks[1:]))
    # with the GIL held, this thread would stop for the whole save
    assert longest < alone / 2, f"this thread stopped for {longest:.3f} s of a {alone:.3f} s save"
