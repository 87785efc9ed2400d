"""Stores: plans that persist in one SQLite file, with snapshots, a change log, the
history of a measure or task, the trend of the counts and differences (kik/store.h).

    >>> with kik.Store("kik.db") as store:
    ...     store.save(kik.Plan.default(), name="KIK")
    ...     store.snapshot(label="Zwischenbericht")
    ...     store.trend()                       # a frame ready to plot

A store holds plans by name (``name=None`` names its only plan; the first write into an
empty store creates one named "main"). Each has a working state, which :meth:`Store.save`,
:meth:`Store.import_file` and the edits change, and snapshots named by their as-of date
("2023-10-05") or their label. Every change is one transaction, written to the change log
with its author and note; the log is the store's SQL view ``changes``.
"""

from __future__ import annotations

import datetime
import threading
from typing import TYPE_CHECKING, Any, List, Optional, Union

from . import _lib
from ._lib import core
from .enums import Status, TaskKind, TaskState
from .errors import ClosedError, Error, InvalidValueError
from .objects import Measure, Task, _date
from .plan import Encoding, ImportKind, PathLike, Plan, StatusLike, _flags
from .records import Change, Diff, FieldCounts

if TYPE_CHECKING:
    import pandas

__all__ = ["Store", "SnapshotRef"]

#: a snapshot by its as-of date (a str "YYYY-MM-DD" or a date) or its label
SnapshotRef = Union[str, datetime.date]

_UNSET: Any = object()


class Store:
    """A store of plans in the SQLite file ``path`` (``":memory:"``: one in memory until it
    is closed), created when missing unless ``must_exist=True`` (then a missing file is
    :class:`kik.MissingFileError`). ``read_only=True`` refuses every change with
    :class:`kik.ReadOnlyError`. ``busy_timeout`` is how many seconds a call waits for
    another connection's lock before it raises :class:`kik.BusyError` (None: the library's
    5 s; 0: at once). A file that is not a store raises :class:`kik.CorruptError` and is
    left as it was; one written by a newer libkik :class:`kik.VersionError`.

    ``with kik.Store(path) as store:`` closes it at the end (``close()``); a closed store
    raises :class:`kik.ClosedError`. Plans loaded from it stay usable. One store may be
    used from several threads: its calls take turns, and each lets other Python threads
    run while the library works.
    """

    _ptr: Any
    _lock: Any  # a threading.RLock

    def __init__(self, path: PathLike, *, read_only: bool = False, must_exist: bool = False,
                 busy_timeout: Optional[float] = None) -> None:
        self._ptr = None
        self._lock = threading.RLock()
        if not core.kik_py_store_available():
            raise Error("kik.Store: this libkik was built without the store (cmake -DKIK_STORE=OFF, or SQLite "
                        "was not found); rebuild it with SQLite (Debian: libsqlite3-dev)")
        self._path = _lib.path(path)
        self._read_only = _flag(read_only, "read_only")
        flags = (core.KIK_PY_STORE_READ_ONLY if self._read_only else 0) | (
            core.KIK_PY_STORE_MUST_EXIST if _flag(must_exist, "must_exist") else 0)
        timeout_ms = -1
        if busy_timeout is not None:
            if isinstance(busy_timeout, bool) or not isinstance(busy_timeout, (int, float)):
                raise _lib.type_error("busy_timeout", "a number of seconds or None", busy_timeout)
            if not 0 <= busy_timeout <= 86400:
                raise InvalidValueError(
                    f"busy_timeout must be between 0 and 86400 seconds, not {busy_timeout}")
            timeout_ms = int(round(busy_timeout * 1000))
        self._ptr = core.kik_py_store_open(self._path, flags, timeout_ms)

    # ---- the handle --------------------------------------------------------------
    def _call(self, fn: Any, *args: Any) -> Any:
        """``fn(store, *args)`` under the store's lock; ClosedError after close()."""
        with self._lock:
            if self._ptr is None:
                raise ClosedError("the store is closed")
            return fn(self._ptr, *args)

    def close(self) -> None:
        """Closes the store now rather than when it is garbage; using it afterwards raises
        :class:`kik.ClosedError`. Closing twice does nothing."""
        with self._lock:
            ptr, self._ptr = self._ptr, None
            if ptr is not None:
                ptr.__swig_destroy__(ptr)  # frees now, and disowns the handle

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._ptr is None

    @property
    def path(self) -> str:
        """The file the store is in (``":memory:"`` for one in memory)."""
        return self._path

    @property
    def read_only(self) -> bool:
        """Whether the store was opened read-only."""
        return self._read_only

    def __enter__(self) -> "Store":
        self._call(lambda ptr: None)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        state = " (closed)" if self.closed else " (read-only)" if self._read_only else ""
        return f"<kik.Store {self._path!r}{state}>"

    # ---- plans -------------------------------------------------------------------
    def plans(self) -> List[str]:
        """The names of the store's plans, in the order they were added."""
        return self._call(core.kik_py_store_plans)

    def add_plan(self, name: str) -> None:
        """Adds an empty plan named ``name``; :class:`kik.AlreadyExistsError` if there is one."""
        self._call(core.kik_py_store_plan, _lib.text(name, "name"), 0)

    def remove_plan(self, name: str) -> None:
        """Removes the plan ``name`` with its working state, snapshots and change log."""
        self._call(core.kik_py_store_plan, _lib.text(name, "name"), 1)

    # ---- saving and loading ----------------------------------------------------------
    def save(self, plan: Plan, *, name: Optional[str] = None, author: Optional[str] = None,
             note: Optional[str] = None) -> None:
        """Saves ``plan`` as the working state of the store's plan ``name`` (created when
        missing); what is unchanged since the last save is not written again. The save is
        an entry of the change log, by ``author`` with ``note``."""
        plan = _plan(plan)
        args = (_name(name), _lib.optional_text(author, "author"), _lib.optional_text(note, "note"))
        with self._lock, plan._lock:
            self._call(core.kik_py_store_save, args[0], plan._c(), 0, None, None, *args[1:])

    def save_snapshot(self, plan: Plan, as_of: Union[str, datetime.date, None] = None, label: Optional[str] = None,
                      *, name: Optional[str] = None, author: Optional[str] = None,
                      note: Optional[str] = None) -> None:
        """Saves ``plan`` as a new snapshot (at ``as_of``, None: the plan's own date, with
        ``label``) without changing the working state; :class:`kik.AlreadyExistsError` if
        there is a snapshot of that date."""
        plan = _plan(plan)
        args = (_date(as_of, "as_of"), _lib.optional_text(label, "label"), _lib.optional_text(author, "author"),
                _lib.optional_text(note, "note"))
        with self._lock, plan._lock:
            self._call(core.kik_py_store_save, _name(name), plan._c(), 1, *args)

    def snapshot(self, as_of: Union[str, datetime.date, None] = None, label: Optional[str] = None, *,
                 name: Optional[str] = None, author: Optional[str] = None, note: Optional[str] = None) -> None:
        """Takes a snapshot of the working state at ``as_of`` (None: the working state's
        own date) with ``label``; :class:`kik.AlreadyExistsError` if there is a snapshot of
        that date, :class:`kik.NotFoundError` if the store has no such plan."""
        self._call(core.kik_py_store_snapshot, _name(name), _date(as_of, "as_of"),
                   _lib.optional_text(label, "label"), _lib.optional_text(author, "author"),
                   _lib.optional_text(note, "note"))

    def delete_snapshot(self, snapshot: SnapshotRef, *, name: Optional[str] = None, author: Optional[str] = None,
                        note: Optional[str] = None) -> None:
        """Removes a snapshot (by as-of date or label); what only it held is deleted."""
        self._call(core.kik_py_store_remove_snapshot, _name(name), _snapshot(snapshot, "snapshot"),
                   _lib.optional_text(author, "author"), _lib.optional_text(note, "note"))

    def load(self, snapshot: Optional[SnapshotRef] = None, *, name: Optional[str] = None) -> Plan:
        """The working state (``snapshot`` None) or a snapshot (by as-of date or label) as a
        new :class:`kik.Plan`, equal to the one saved (task ids too); a snapshot's plan has
        the snapshot's date. The plan is independent of the store."""
        handle = self._call(core.kik_py_store_load, _name(name), _snapshot(snapshot, "snapshot"))
        return Plan._wrap(handle)

    def import_file(self, path: PathLike, kind: ImportKind = "auto", *, name: Optional[str] = None,
                    encoding: Encoding = "auto", complete: bool = False, author: Optional[str] = None,
                    note: Optional[str] = None) -> None:
        """Imports a file into the working state of ``name`` (created when missing) and saves
        it, all or nothing, as :meth:`kik.Plan.import_file` imports into a plan."""
        args = (_lib.choice(kind, _lib.KINDS, "kind"), _lib.path(path),
                _lib.choice(encoding, _lib.ENCODINGS, "encoding"), _flags(complete))
        self._call(core.kik_py_store_import_file, _name(name), *args, _lib.optional_text(author, "author"),
                   _lib.optional_text(note, "note"))

    # ---- questions across snapshots ---------------------------------------------------
    def snapshots(self, name: Optional[str] = None) -> pandas.DataFrame:
        """One row per snapshot by as-of date (then time taken): ``as_of`` (a date as
        datetime64), ``label`` ("" if none), ``taken`` (UTC timestamp) and ``author``."""
        from . import frames

        return frames.snapshots(self._call(core.kik_py_store_snapshots, _name(name)))

    def trend(self, name: Optional[str] = None) -> pandas.DataFrame:
        """The counts at every snapshot, in a long frame ready to plot: per snapshot a row
        for the plan, one per field and one per goal. Columns: ``snapshot`` (the label, or
        the as-of date where there is none), ``as_of`` (datetime64), ``label``, ``scope``
        (ordered categorical plan < field < goal), ``id`` ("" for the plan, "SB", "SB-4"),
        ``field`` ("" for the plan), ``goal`` (0 but for goals), ``measures`` (the total),
        ``waiting``, ``in_progress``, ``implemented`` (counts as counted, derived from
        tasks where a measure has some) and ``waiting_percent``, ``in_progress_percent``,
        ``implemented_percent`` (whole percentages that add up to 100)."""
        from . import frames

        return frames.trend(self._call(core.kik_py_store_trend, _name(name)))

    def history(self, object: Union[str, int, Measure, Task], *, name: Optional[str] = None) -> pandas.DataFrame:
        """The history of a measure (its id, "SB-4.6") or task (its number) in time order:
        its status or state at every snapshot and every change-log entry about it (for a
        measure, also its tasks' edits). Columns as :meth:`log`; ``value`` is the status or
        state after the entry (None where it did not exist); the last row (``source``
        "working") is the object in the working state now. :class:`kik.NotFoundError` when
        the plan never had it (in no snapshot, edit or the working state)."""
        from . import frames

        if isinstance(object, Measure):
            key = object.id
        elif isinstance(object, Task):
            key = str(object.id)
        elif isinstance(object, int) and not isinstance(object, bool):
            key = str(_lib.integer(object, "task id", minimum=1))
        else:
            key = _lib.text(object, "object")
        return frames.history(self._call(core.kik_py_store_history, _name(name), key))

    def log(self, name: Optional[str] = None) -> pandas.DataFrame:
        """The change log, oldest first: every edit, save, import and snapshot. Columns:
        ``time`` (UTC timestamp; a snapshot entry of a history has its as-of date),
        ``source`` ("snapshot", "change", or in a history last "working": the working
        state now), ``label``, ``author``, ``action``
        ("set_task_state", "save", ...), ``object``, ``measure``, ``what``, ``old``, ``new``
        (text or None), ``note`` and ``value`` (the measure's counted status afterwards, or
        None)."""
        from . import frames

        return frames.history(self._call(core.kik_py_store_history, _name(name), None))

    def diff(self, old: Optional[SnapshotRef], new: Optional[SnapshotRef] = None, *,
             name: Optional[str] = None) -> Diff:
        """The differences from the state ``old`` to ``new``: each a snapshot (by as-of date
        or label) or None for the working state; as :func:`kik.diff` of the two loaded
        plans."""
        old_ref, new_ref = _snapshot(old, "old"), _snapshot(new, "new")
        changes, fields = self._call(core.kik_py_store_diff, _name(name), old_ref, new_ref)
        return Diff((Change._from(c) for c in changes), (FieldCounts._from(f) for f in fields),
                    old_ref or "working state", new_ref or "working state")

    # ---- edits of the working state ---------------------------------------------------
    def set_task_state(self, task: Union[Task, int], state: Union[TaskState, str], *, author: str,
                       note: Optional[str] = None, name: Optional[str] = None) -> None:
        """Sets the state of a task (a :class:`kik.Task` or its number) of the working
        state, logged with ``author`` and ``note``."""
        self._call(core.kik_py_store_set_task_state, _name(name), _task_id(task),
                   _lib.enum(TaskState, state, "state")._code, *_info(author, note))

    def add_task(self, measure: Union[Measure, str], kind: Union[TaskKind, str], title: str,
                 state: Union[TaskState, str] = TaskState.OPEN, *, due: Union[str, datetime.date, None] = None,
                 owner: Optional[str] = None, author: str, note: Optional[str] = None,
                 name: Optional[str] = None) -> int:
        """Adds a task to a measure of the working state and returns its number."""
        return self._call(core.kik_py_store_put_task, _name(name), 0, _measure_id(measure),
                          _lib.enum(TaskKind, kind, "kind")._code, _lib.enum(TaskState, state, "state")._code,
                          _lib.text(title, "title"), _date(due), _lib.optional_text(owner, "owner"),
                          *_info(author, note))

    def update_task(self, task: Union[Task, int], *, measure: Union[Measure, str, None] = None,
                    kind: Union[TaskKind, str, None] = None, title: Optional[str] = None,
                    state: Union[TaskState, str, None] = None, due: Union[str, datetime.date, None] = _UNSET,
                    owner: Optional[str] = _UNSET, author: str, note: Optional[str] = None,
                    name: Optional[str] = None) -> None:
        """Replaces values of a task of the working state in one logged change: those given
        (``due=None`` and ``owner=None`` clear them); the others stay as the working state
        has them (read by loading it). ``measure`` moves the task to another measure."""
        task_id = _task_id(task)
        args = (_name(name),) + _info(author, note)
        with self._lock:
            if kind is None or title is None or state is None or due is _UNSET or owner is _UNSET:
                current = self.load(name=args[0]).task(task_id)
                kind = current.kind if kind is None else kind
                title = current.title if title is None else title
                state = current.state if state is None else state
                due = current.due if due is _UNSET else due
                owner = current.owner if owner is _UNSET else owner
            self._call(core.kik_py_store_put_task, args[0], task_id,
                       None if measure is None else _measure_id(measure), _lib.enum(TaskKind, kind, "kind")._code,
                       _lib.enum(TaskState, state, "state")._code, _lib.text(title, "title"), _date(due),
                       _lib.optional_text(owner, "owner"), *args[1:])

    def remove_task(self, task: Union[Task, int], *, author: str, note: Optional[str] = None,
                    name: Optional[str] = None) -> None:
        """Removes a task (a :class:`kik.Task` or its number) from the working state."""
        self._call(core.kik_py_store_remove_task, _name(name), _task_id(task), *_info(author, note))

    def add_measure(self, field: str, number: str, text: str, status: StatusLike = Status.WAITING, *,
                    group: Optional[str] = None, goal_text: Optional[str] = None, author: str,
                    note: Optional[str] = None, name: Optional[str] = None) -> None:
        """Adds a new measure to the working state, as :meth:`kik.Plan.add_measure`."""
        self._put_measure(field, number, text, status, group, goal_text, author, note, name, replace=False)

    def put_measure(self, field: str, number: str, text: str, status: StatusLike = Status.WAITING, *,
                    group: Optional[str] = None, goal_text: Optional[str] = None, author: str,
                    note: Optional[str] = None, name: Optional[str] = None) -> None:
        """Adds or replaces a measure of the working state, as :meth:`kik.Plan.put_measure`."""
        self._put_measure(field, number, text, status, group, goal_text, author, note, name, replace=True)

    def _put_measure(self, field: str, number: str, text: str, status: StatusLike, group: Optional[str],
                     goal_text: Optional[str], author: str, note: Optional[str], name: Optional[str], *,
                     replace: bool) -> None:
        number = _lib.text(number, "number")
        head = number.split(".")[0]
        self._call(core.kik_py_store_put_measure, _name(name), _lib.text(field, "field"),
                   _lib.optional_text(group, "group") or "", int(head) if head.isdigit() else 0,
                   _lib.optional_text(goal_text, "goal_text") or "", number, _lib.text(text, "text"),
                   _lib.enum(Status, status, "status")._code, int(replace), *_info(author, note))

    def remove_measure(self, measure: Union[Measure, str], *, author: str, note: Optional[str] = None,
                       name: Optional[str] = None) -> None:
        """Removes a measure (a :class:`kik.Measure` or its id) with its tasks from the
        working state."""
        self._call(core.kik_py_store_remove_measure, _name(name), _measure_id(measure), *_info(author, note))

    def set_recorded_status(self, measure: Union[Measure, str], status: StatusLike, *, author: str,
                            note: Optional[str] = None, name: Optional[str] = None) -> Status:
        """Sets a measure's recorded status in the working state and returns the status that
        counts afterwards (a different one when its tasks decide it)."""
        counted = self._call(core.kik_py_store_set_recorded_status, _name(name), _measure_id(measure),
                             _lib.enum(Status, status, "status")._code, *_info(author, note))
        return Status._members()[counted]


def _flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise _lib.type_error(what, "a bool", value)
    return value


def _name(name: Optional[str]) -> Optional[str]:
    return _lib.optional_text(name, "name")


def _plan(plan: object) -> Plan:
    if not isinstance(plan, Plan):
        raise _lib.type_error("plan", "a kik.Plan", plan)
    return plan


def _snapshot(value: object, what: str) -> Optional[str]:
    """A snapshot's as-of date or label as the library takes it, or None."""
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    if value is not None and not isinstance(value, str):
        raise _lib.type_error(what, "an as-of date (a str or a datetime.date), a label or None", value)
    return _lib.optional_text(value, what)


def _task_id(task: object) -> int:
    return task.id if isinstance(task, Task) else _lib.integer(task, "task", minimum=1)


def _measure_id(measure: object) -> str:
    return measure.id if isinstance(measure, Measure) else _lib.text(measure, "measure id")


def _info(author: object, note: object) -> tuple:
    return _lib.text(author, "author"), _lib.optional_text(note, "note")
