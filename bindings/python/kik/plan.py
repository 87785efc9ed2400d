"""The plan: construction, files, look-ups, changes, values, frames and Python protocols."""

from __future__ import annotations

import datetime
import os
import threading
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Literal, Optional, Tuple, TypeVar, Union,
                    overload)

from . import _lib, display
from . import io as _kio
from .content import PlanContent
from ._lib import core
from .enums import Rule, Status, TaskKind, TaskState
from .errors import (AlreadyExistsError, ArgumentTypeError, ClosedError, InvalidValueError, NotFoundError,
                     ParseError)
from .objects import Field, Goal, Group, Measure, Task, _date
from .records import Diagnostic, Diagnostics, Diff, Explanation, FieldCounts, Finding, Findings, Summary, Change
from .views import ObjectsView, TasksView

if TYPE_CHECKING:
    import pandas

__all__ = ["Plan", "diff", "PathLike", "ImportKind", "ExportKind", "Encoding", "ExportEncoding"]

T = TypeVar("T")
PathLike = Union[str, "os.PathLike[str]"]
ImportKind = Literal["auto", "measures", "tasks", "fields", "published", "plan_info", "matrix", "notes",
                     "field_notes", "projects", "timeline", "priorities", "figures"]
ExportKind = Literal["measures", "tasks", "fields", "published", "plan_info", "notes", "field_notes", "projects",
                     "timeline", "priorities", "figures"]
Encoding = Literal["auto", "utf-8", "windows-1252"]
ExportEncoding = Literal["utf-8", "windows-1252"]
Delimiter = Literal[";", ",", "\t", "tab"]
Lang = Literal["de", "en"]
Level = Literal["field", "group", "goal"]
StatusLike = Union[Status, str]


class Plan(PlanContent):
    """An action plan: fields of action, groups, goals, measures and their tasks.

    ``kik.Plan()`` is an empty plan; :meth:`default` is the bundled KIK plan;
    :meth:`from_csv` and :meth:`from_dataframe` read one. A plan is a sequence of its
    measures in document order: ``len(plan)``, ``plan[0]``, ``plan[-3:]``,
    ``plan["SB-4.6"]``, ``reversed(plan)``, and ``m in plan`` for a measure or an id.
    ``plan.fields``, ``plan.groups``, ``plan.goals``, ``plan.measures`` and ``plan.tasks``
    are live views; the report's content (``plan.notes``, ``plan.projects``, ...) and
    ``plan.report()`` come from :class:`kik.content.PlanContent`. Plans pickle and copy (``copy.copy`` and ``copy.deepcopy`` make an
    independent plan); ``with kik.Plan.from_csv(...) as plan:`` frees it at the end
    (``close()``). One plan may be used from several threads: its calls take turns, and
    long ones (imports, exports, checks) let other Python threads run meanwhile.
    """

    _ptr: Any
    _lock: Any  # a threading.RLock
    _generation: int

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            raise ArgumentTypeError(
                "kik.Plan() takes no arguments and is an empty plan: read files with "
                "kik.Plan.from_csv(measures, tasks=...), a data frame with kik.Plan.from_dataframe(frame), "
                "or take the bundled plan with kik.Plan.default()")
        self._init(core.kik_plan_new())

    def _init(self, handle: Any) -> None:
        self._ptr = handle
        self._lock = threading.RLock()
        self._generation = 0  # bumped by every change, so that objects find themselves again

    @classmethod
    def _wrap(cls, handle: Any) -> "Plan":
        plan = cls.__new__(cls)
        plan._init(handle)
        return plan

    # ---- the handle --------------------------------------------------------------
    def _c(self) -> Any:
        """The C plan; ClosedError after close()."""
        ptr = self._ptr
        if ptr is None:
            raise ClosedError("the plan is closed")
        return ptr

    def _call(self, fn: Any, *args: Any) -> Any:
        """``fn(plan, *args)`` under the plan's lock."""
        with self._lock:
            return fn(self._c(), *args)

    def _edit(self, fn: Any, *args: Any) -> Any:
        """As _call, for a change: objects of the plan look themselves up again afterwards."""
        with self._lock:
            try:
                return fn(self._c(), *args)
            finally:
                self._generation += 1

    def close(self) -> None:
        """Frees the plan now rather than when it is garbage; using it or its objects
        afterwards raises :class:`kik.ClosedError`. Closing twice does nothing."""
        with self._lock:
            ptr, self._ptr = self._ptr, None
            self._generation += 1
            if ptr is not None:
                ptr.__swig_destroy__(ptr)  # frees now, and disowns the handle

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._ptr is None

    def __enter__(self) -> "Plan":
        self._c()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ---- construction ----------------------------------------------------------
    @classmethod
    def new(cls) -> "Plan":
        """An empty plan (as ``kik.Plan()``)."""
        return cls()

    @classmethod
    def default(cls) -> "Plan":
        """The bundled plan: Kempten's integration concept (KIK) as of 2023-10-05."""
        return cls._wrap(core.kik_plan_new_default())

    @classmethod
    def from_csv(cls, measures: PathLike, *, tasks: Optional[PathLike] = None,
                 published: Optional[PathLike] = None, fields: Union[PathLike, str, None] = None,
                 rule: Union[Rule, str, None] = None, encoding: Encoding = "auto") -> "Plan":
        """A plan read from files: a measures file (any accepted dialect, or the report's
        status matrix), and optionally its tasks, published figures and field table
        (``fields="kik"``: the bundled KIK field table, so that KIK files naming fields get
        their codes)."""
        plan = cls()
        if fields is not None:
            plan._import_fields(fields, encoding)
        try:
            plan.import_file(measures, kind="auto", encoding=encoding)
        except ParseError as e:
            kind = _kio.looks_like(measures, encoding)
            if kind is None:
                raise
            raise _kio.not_measures(e, kind) from None
        if published is not None:
            plan.import_file(published, kind="published", encoding=encoding)
        if tasks is not None:
            plan.import_file(tasks, kind="tasks", encoding=encoding)
        if rule is not None:
            plan.rule = rule  # type: ignore[assignment]
        return plan

    @classmethod
    def from_dataframe(cls, measures: pandas.DataFrame, *, tasks: Optional[pandas.DataFrame] = None,
                       fields: Union[PathLike, str, None] = None, rule: Union[Rule, str, None] = None) -> "Plan":
        """A plan from data frames with the columns of the CSV contracts (as
        :meth:`to_pandas` and ``plan.tasks.to_pandas()`` give them): measures need
        ``field``, ``goal``, ``measure`` (or ``number``), ``text`` and ``status``
        (``field_name``, ``group`` and ``goal_text`` are optional); tasks ``measure``,
        ``kind``, ``title`` and ``state`` (``field``, ``due``, ``owner`` optional). The
        rows are checked as a file's are: a bad one raises :class:`kik.ParseError`
        naming its row and index label, and no plan is made. ``fields`` and ``rule`` are
        as for :meth:`from_csv`."""
        plan = cls()
        if fields is not None:
            plan._import_fields(fields, "auto")
        data = _kio.frame_csv(measures, _kio.MEASURES_HEADER, ("field", "goal", "measure", "text", "status"))
        try:
            plan.import_bytes(data, kind="measures", name="<DataFrame>")
        except ParseError as e:
            raise _kio.frame_error(e, measures, "measures") from None
        if tasks is not None:
            data = _kio.frame_csv(tasks, _kio.TASKS_HEADER, ("measure", "kind", "title", "state"))
            try:
                plan.import_bytes(data, kind="tasks", name="<DataFrame>")
            except ParseError as e:
                raise _kio.frame_error(e, tasks, "tasks") from None
        if rule is not None:
            plan.rule = rule  # type: ignore[assignment]
        return plan

    def _import_fields(self, fields: Union[PathLike, str], encoding: Encoding) -> None:
        if isinstance(fields, str) and fields == _kio.BUNDLED_FIELDS and not os.path.exists(fields):
            self.import_bytes(_kio.bundled_fields(), kind="fields", name="kik-fields.csv")
        else:
            self.import_file(fields, kind="fields", encoding=encoding)

    # ---- files -----------------------------------------------------------------
    def import_file(self, path: PathLike, kind: ImportKind = "auto", *, encoding: Encoding = "auto",
                    complete: bool = False) -> None:
        """Imports a file into the plan, all or nothing. ``kind`` is one of auto (told by
        the header), measures, tasks, fields, published, plan_info or matrix;
        ``complete=True`` (tasks only) makes the file the complete list of tasks."""
        args = (_lib.choice(kind, _lib.KINDS, "kind"), _lib.path(path), _lib.choice(encoding, _lib.ENCODINGS,
                                                                                      "encoding"))
        self._edit(core.kik_py_import_file, *args, _flags(complete))

    def import_bytes(self, data: Union[bytes, str], kind: ImportKind = "auto", *, name: str = "<bytes>",
                     encoding: Encoding = "auto", complete: bool = False) -> None:
        """Imports CSV content held in memory, all or nothing (``name`` stands for the file
        in errors). A str is taken as UTF-8."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise _lib.type_error("data", "bytes or a str", data)
        self._edit(core.kik_py_import_buffer, _lib.choice(kind, _lib.KINDS, "kind"), bytes(data),
                   _lib.text(name, "name"), _lib.choice(encoding, _lib.ENCODINGS, "encoding"), _flags(complete))

    def validate(self, source: Union[PathLike, bytes], kind: ImportKind = "auto", *, encoding: Encoding = "auto",
                 max_problems: int = 100, name: str = "<bytes>") -> Diagnostics:
        """Every problem importing ``source`` (a path, or bytes) would meet, without
        changing the plan; an empty list when it is clean."""
        kind_code = _lib.choice(kind, _lib.KINDS, "kind")
        encoding_code = _lib.choice(encoding, _lib.ENCODINGS, "encoding")
        limit = _lib.integer(max_problems, "max_problems", minimum=1)
        if isinstance(source, (bytes, bytearray)):
            raw = self._call(core.kik_py_validate, kind_code, None, bytes(source), _lib.text(name, "name"),
                             encoding_code, limit)
        else:
            raw = self._call(core.kik_py_validate, kind_code, _lib.path(source, "source"), b"", None, encoding_code,
                             limit)
        result = Diagnostics(Diagnostic(*d) for d in raw)
        result._record = Diagnostic
        return result

    @overload
    def export(self, path: None = None, kind: ExportKind = "measures", *, delimiter: Delimiter = ";",
               encoding: ExportEncoding = "utf-8", bom: bool = False, crlf: bool = False,
               defuse_formulas: bool = True, status: Literal["recorded", "derived"] = "recorded",
               labels: Literal["keys", "german"] = "keys") -> bytes: ...

    @overload
    def export(self, path: PathLike, kind: ExportKind = "measures", *, delimiter: Delimiter = ";",
               encoding: ExportEncoding = "utf-8", bom: bool = False, crlf: bool = False,
               defuse_formulas: bool = True, status: Literal["recorded", "derived"] = "recorded",
               labels: Literal["keys", "german"] = "keys") -> None: ...

    def export(self, path: Optional[PathLike] = None, kind: ExportKind = "measures", *, delimiter: Delimiter = ";",
               encoding: ExportEncoding = "utf-8", bom: bool = False, crlf: bool = False,
               defuse_formulas: bool = True, status: Literal["recorded", "derived"] = "recorded",
               labels: Literal["keys", "german"] = "keys") -> Optional[bytes]:
        """Writes one part of the plan (measures, tasks, fields, published or plan_info) in
        its CSV contract: into ``path`` atomically, or returned as bytes when no path is
        given. ``status="derived"`` writes the status that counts (derived from tasks)
        instead of the recorded one; ``labels="german"`` writes German headers and labels
        as office files have them."""
        args = (_lib.choice(delimiter, _lib.DELIMITERS, "delimiter"),
                _lib.choice(encoding, _lib.EXPORT_ENCODINGS, "encoding"), int(_flag(bom, "bom")),
                int(_flag(crlf, "crlf")), int(_flag(defuse_formulas, "defuse_formulas")),
                _lib.choice(status, _lib.EXPORT_STATUS, "status"), _lib.choice(labels, _lib.EXPORT_LABELS, "labels"))
        kind_code = _lib.choice(kind, _lib.EXPORT_KINDS, "kind")
        if path is None:
            return self._call(core.kik_py_export, kind_code, *args)
        self._call(core.kik_py_export_file, kind_code, _lib.path(path), *args)
        return None

    # ---- the plan ----------------------------------------------------------------
    @property
    def name(self) -> str:
        """The plan's name ("" if unset)."""
        return self._call(core.kik_plan_name)

    @name.setter
    def name(self, value: str) -> None:
        self._edit(core.kik_plan_set_name, _lib.text(value, "name"))

    @property
    def as_of(self) -> Optional[str]:
        """The date of the snapshot, ``'YYYY-MM-DD'``, or None. Set a str of that form, a
        ``datetime.date`` or None."""
        return self._call(core.kik_plan_as_of) or None

    @as_of.setter
    def as_of(self, value: Union[str, datetime.date, None]) -> None:
        self._edit(core.kik_plan_set_as_of, _date(value, "as_of") or "")

    @property
    def rule(self) -> Rule:
        """The rule that derives statuses from tasks: strict or missing_kind_satisfied."""
        return Rule._members()[self._call(core.kik_plan_rule)]

    @rule.setter
    def rule(self, value: Union[Rule, str]) -> None:
        self._edit(core.kik_plan_set_rule, _lib.enum(Rule, value, "rule")._code)

    # ---- views and look-ups ----------------------------------------------------------
    @property
    def fields(self) -> ObjectsView[Field]:
        """The fields of action in document order (a view; ``plan.fields["SB"]``)."""
        return ObjectsView(self, "fields")

    @property
    def groups(self) -> ObjectsView[Group]:
        """Every group in document order (a view; ``plan.groups["SB/Vernetzung"]``)."""
        return ObjectsView(self, "groups")

    @property
    def goals(self) -> ObjectsView[Goal]:
        """Every goal in document order (a view; ``plan.goals["SB-4"]``)."""
        return ObjectsView(self, "goals")

    @property
    def measures(self) -> ObjectsView[Measure]:
        """Every measure in document order (a view; ``plan.measures["SB-4.6"]``)."""
        return ObjectsView(self, "measures")

    @property
    def tasks(self) -> TasksView:
        """Every task, keyed by its number (a view; ``plan.tasks[17]``)."""
        return TasksView(self)

    def field(self, code_or_name: str) -> Field:
        """A field by code, name or alias; :class:`kik.NotFoundError` if none."""
        return self.fields[_lib.text(code_or_name, "field")]

    def group(self, field: str, name: str) -> Group:
        """The group ``name`` of a field; :class:`kik.NotFoundError` if none."""
        return self.field(field).groups[_lib.text(name, "group")]

    def goal(self, id: str) -> Goal:
        """A goal by id (``'SB-4'``); :class:`kik.NotFoundError` if none."""
        return self.goals[_lib.text(id, "goal id")]

    def measure(self, id: str) -> Measure:
        """A measure by id (``'SB-4.6'``); :class:`kik.NotFoundError` if none."""
        return self.measures[_lib.text(id, "measure id")]

    def task(self, id: int) -> Task:
        """A task by number; :class:`kik.NotFoundError` if none."""
        return self.tasks[id]

    @overload
    def __getitem__(self, index: int) -> Measure: ...

    @overload
    def __getitem__(self, index: str) -> Measure: ...

    @overload
    def __getitem__(self, index: slice) -> List[Measure]: ...

    def __getitem__(self, index: Union[int, str, slice]) -> Union[Measure, List[Measure]]:
        if not isinstance(index, (int, str, slice)) or isinstance(index, bool):
            raise _lib.type_error("a plan's index", "an int, a slice or a measure id (str)", index)
        return self.measures[index]

    def __contains__(self, item: object) -> bool:
        return item in self.measures

    def __len__(self) -> int:
        return self._call(core.kik_plan_measure_count)

    def __iter__(self) -> Iterator[Measure]:
        return iter(self.measures)

    def __reversed__(self) -> Iterator[Measure]:
        return reversed(self.measures)

    def __bool__(self) -> bool:
        return True  # a plan is a plan even without measures

    # ---- changes -------------------------------------------------------------------
    def add_field(self, code: str, name: str, aliases: Iterable[str] = ()) -> Field:
        """Defines a field of action (``code``: 1 to 16 letters and digits)."""
        if isinstance(aliases, str):
            raise _lib.type_error("aliases", "an iterable of str (not one str)", aliases)
        code, name = _lib.text(code, "code"), _lib.text(name, "name")
        aliases = [_lib.text(a, "alias") for a in aliases]
        with self._lock:
            self._edit(core.kik_plan_add_field, code, name)
            for alias in aliases:
                self._edit(core.kik_plan_add_field_alias, code, alias)
        return Field._of(self, code)

    def add_measure(self, field: str, number: str, text: str, status: StatusLike = Status.WAITING, *,
                    group: Optional[str] = None, goal_text: Optional[str] = None) -> Measure:
        """Adds a new measure (creating its goal and group); :class:`kik.AlreadyExistsError`
        if the plan has one with its id (use :meth:`put_measure` to replace)."""
        return self._put_measure(field, number, text, status, group, goal_text, replace=False)

    def put_measure(self, field: str, number: str, text: str, status: StatusLike = Status.WAITING, *,
                    group: Optional[str] = None, goal_text: Optional[str] = None) -> Measure:
        """Adds a measure (creating its goal and group) or replaces the text, status, goal
        text and group of the one with its id; its tasks stay."""
        return self._put_measure(field, number, text, status, group, goal_text, replace=True)

    def _put_measure(self, field: str, number: str, text: str, status: StatusLike, group: Optional[str],
                     goal_text: Optional[str], *, replace: bool) -> Measure:
        field = _lib.text(field, "field")
        number = _lib.text(number, "number")
        head = number.split(".")[0]
        goal = int(head) if head.isdigit() else 0
        with self._lock:
            self._edit(core.kik_py_put_measure, field, _lib.optional_text(group, "group") or "", goal,
                       _lib.optional_text(goal_text, "goal_text") or "", number, _lib.text(text, "text"),
                       _lib.enum(Status, status, "status")._code, int(replace))
            code = self.field(field).code
        return self.measure(f"{code}-{number.rstrip('.')}")

    def set_recorded_status(self, measure: str, status: StatusLike) -> Status:
        """Sets a measure's recorded status and returns the status that counts afterwards:
        a different one when the measure's tasks decide it."""
        counted = self._edit(core.kik_py_set_recorded_status, _lib.text(measure, "measure id"),
                             _lib.enum(Status, status, "status")._code)
        return Status._members()[counted]

    def add_task(self, measure: str, kind: Union[TaskKind, str], title: str,
                 state: Union[TaskState, str] = TaskState.OPEN, *, due: Union[str, datetime.date, None] = None,
                 owner: Optional[str] = None) -> Task:
        """Adds a task to a measure; its derived status follows at once."""
        task_id = self._edit(core.kik_py_add_task, _lib.text(measure, "measure id"),
                             _lib.enum(TaskKind, kind, "kind")._code, _lib.enum(TaskState, state, "state")._code,
                             _lib.text(title, "title"), _date(due),
                             _lib.optional_text(owner, "owner"), 0)
        return Task._of(self, task_id)

    def remove_task(self, task: Union[Task, int]) -> None:
        """Removes a task (a :class:`Task` or its number); its number is not given again."""
        task_id = task.id if isinstance(task, Task) else _lib.integer(task, "task")
        self._edit(core.kik_plan_remove_task, task_id)

    def remove_measure(self, measure: Union[Measure, str]) -> None:
        """Removes a measure (a :class:`Measure` or its id) with its tasks; its goal stays."""
        measure_id = measure.id if isinstance(measure, Measure) else _lib.text(measure, "measure id")
        self._edit(core.kik_plan_remove_measure, measure_id)

    # ---- values ----------------------------------------------------------------------
    def summary(self) -> Summary:
        """Counts, shares and whole percentages of the whole plan by status."""
        return Summary._from(self._call(core.kik_py_summary_plan), self.name)

    def check(self, which: Literal["all", "status", "published"] = "all") -> Findings:
        """Measures whose recorded status disagrees with their tasks (``"status"``), and
        published figures that disagree with the computed ones (``"published"``)."""
        bits = _lib.choice(which, {"all": 0, "status": 1, "published": 2}, "check")
        result = Findings(Finding._from(f) for f in self._call(core.kik_py_check, bits))
        return result

    def explain(self, measure: Union[Measure, str]) -> Explanation:
        """Why a measure has its status (as ``plan.measure(id).explain()``)."""
        return (measure if isinstance(measure, Measure) else self.measure(measure)).explain()

    def diff(self, new: "Plan") -> Diff:
        """What changed from this plan to ``new`` (see :func:`kik.diff`)."""
        return diff(self, new)

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per measure in document order, with the columns of :meth:`to_pandas`."""
        from . import frames

        frame = frames.measures(self)
        return frame.astype(object).where(frame.notna(), None).to_dict("records")

    def to_pandas(self) -> pandas.DataFrame:
        """One row per measure (see :func:`kik.frames.measures`)."""
        from . import frames

        return frames.measures(self)

    def summaries(self, by: Level = "field") -> pandas.DataFrame:
        """One row per field, group or goal with its counts and whole percentages."""
        from . import frames

        return frames.summaries(self, by)

    # ---- protocols -----------------------------------------------------------------
    def copy(self) -> "Plan":
        """An independent copy of the plan (fields, measures, tasks, published figures,
        rule, name and date)."""
        return type(self)._wrap(self._call(core.kik_py_copy))

    def __copy__(self) -> "Plan":
        return self.copy()

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Plan":
        return self.copy()

    def __reduce__(self) -> Any:
        return (_restore, (_kio.plan_state(self),))

    def _repr_html_(self) -> str:
        return display.plan(self)

    def __repr__(self) -> str:
        if self.closed:
            return "<kik.Plan (closed)>"
        return f"<kik.Plan {self.name!r} as of {self.as_of} with {len(self)} measures>"


def _restore(state: Dict[str, Any]) -> Plan:
    """A plan from its state (what unpickling calls)."""
    plan = Plan()
    _kio.restore(plan, state)
    return plan


def _flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise _lib.type_error(what, "a bool", value)
    return value


def _flags(complete: bool) -> int:
    return _lib.IMPORT_COMPLETE if _flag(complete, "complete") else 0


def diff(old: Plan, new: Plan) -> Diff:
    """The differences from plan ``old`` to plan ``new``: changed, added and removed objects
    (matched by identity), and each field's counts in both."""
    for what, plan in (("old", old), ("new", new)):
        if not isinstance(plan, Plan):
            raise _lib.type_error(what, "a kik.Plan", plan)
    first, second = sorted((old, new), key=id)
    with first._lock, second._lock:
        changes, fields = core.kik_py_diff(old._c(), new._c())
        names = (_describe(old), _describe(new))
    return Diff((Change._from(c) for c in changes), (FieldCounts._from(f) for f in fields), *names)


def _describe(plan: Plan) -> str:
    name, as_of = plan.name, plan.as_of
    return f"{name} ({as_of})" if name and as_of else name or as_of or "plan"
