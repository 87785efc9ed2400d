"""libkik for analysts: the measures of a municipal action plan, their status and why.

    >>> import kik
    >>> plan = kik.Plan.default()              # Kempten's KIK as of 2023-10-05
    >>> plan.summary().total
    144
    >>> str(plan.measure("SB-4.6").status)
    'waiting'

Every failure raises: :class:`Error` is the base; :class:`ParseError` (also a
``ValueError``) carries ``path``, ``line`` and ``column``; a missing id is a
``KeyError``; memory and file problems are ``MemoryError`` and ``OSError``.

Objects of a plan (fields, goals, measures, tasks) keep their plan alive. After an
import replaces the plan's contents they find their counterpart again by code, number
or id, or raise ``KeyError`` if it is gone.
"""

from __future__ import annotations

import enum
import os
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Union

from . import core as _core  # the SWIG layer (core.py over the extension _core)
from ._core import Error, IOError, LimitError, NotFoundError, OutOfMemoryError, ParseError

__all__ = [
    "Error", "ParseError", "NotFoundError", "OutOfMemoryError", "IOError", "LimitError",
    "Status", "TaskKind", "TaskState", "Rule", "Counts", "Summary", "Reason", "Finding",
    "Diagnostic", "Plan", "Field", "Group", "Goal", "Measure", "Task", "version",
]

PathLike = Union[str, "os.PathLike[str]"]

_KINDS = {"measures": 0, "fields": 1, "plan_info": 2, "tasks": 3, "published": 4, "matrix": 5, "auto": 6}
_ENCODINGS = {"auto": 0, "utf-8": 1, "windows-1252": 2}


def version() -> str:
    """The version of the libkik library in use, e.g. ``'0.1.0'``."""
    return _core.kik_version()


class _Keyed(enum.IntEnum):
    """An enum whose ``str()`` is its key and which has German and English labels."""

    def __str__(self) -> str:
        return self._key()

    @classmethod
    def parse(cls, value: Union[str, int, "_Keyed"]):
        """The member for a key, a German or English label, or a number."""
        if isinstance(value, int):
            return cls(value)
        folded = "".join(ch for ch in str(value).lower() if ch.isalnum())
        for member in cls:
            names = {member._key(), member.label_de, member.label_en}
            if folded in {"".join(ch for ch in n.lower() if ch.isalnum()) for n in names}:
                return member
        raise ValueError(f"{value!r} is not a {cls.__name__}: expected one of "
                         + ", ".join(m._key() for m in cls))


class Status(_Keyed):
    """The status of a measure."""

    WAITING = 0
    IN_PROGRESS = 1
    IMPLEMENTED = 2

    def _key(self) -> str:
        return _core.kik_status_key(self.value)

    @property
    def label_de(self) -> str:
        """The German label as published: 'wartend', 'in Bearbeitung', 'implementiert'."""
        return _core.kik_status_label(self.value, 0)

    @property
    def label_en(self) -> str:
        """The English label: 'waiting', 'in progress', 'implemented'."""
        return _core.kik_status_label(self.value, 1)


class TaskKind(_Keyed):
    """The three kinds of success criteria."""

    CONCEPT = 0
    AG = 1
    WORK_PACKAGE = 2

    def _key(self) -> str:
        return _core.kik_task_kind_key(self.value)

    @property
    def label_de(self) -> str:
        return _core.kik_task_kind_label(self.value, 0)

    @property
    def label_en(self) -> str:
        return _core.kik_task_kind_label(self.value, 1)


class TaskState(_Keyed):
    """The state of a task."""

    OPEN = 0
    IN_PROGRESS = 1
    DONE = 2
    NOT_APPLICABLE = 3

    def _key(self) -> str:
        return _core.kik_task_state_key(self.value)

    @property
    def label_de(self) -> str:
        return _core.kik_task_state_label(self.value, 0)

    @property
    def label_en(self) -> str:
        return _core.kik_task_state_label(self.value, 1)


class Rule(_Keyed):
    """How a measure's status follows from its tasks (see the README)."""

    STRICT = 0
    MISSING_KIND_SATISFIED = 1

    def _key(self) -> str:
        return _core.kik_rule_key(self.value)

    label_de = property(_key)
    label_en = property(_key)


class Counts(NamedTuple):
    """One number per status; index it by name or by :class:`Status`."""

    waiting: Any
    in_progress: Any
    implemented: Any


class Summary(NamedTuple):
    """Counts of one part of a plan, with shares and whole percentages adding up to 100."""

    goals: int
    total: int
    counts: Counts
    percent: Counts
    share: Counts

    @property
    def waiting(self) -> int:
        return self.counts.waiting

    @property
    def in_progress(self) -> int:
        return self.counts.in_progress

    @property
    def implemented(self) -> int:
        return self.counts.implemented

    @classmethod
    def _from(cls, raw) -> "Summary":
        goals, total, counts, percent, share = raw
        return cls(goals, total, Counts(*counts), Counts(*percent), Counts(*share))

    def __str__(self) -> str:
        return (f"{self.total} measures: {self.waiting} waiting ({self.percent.waiting} %), "
                f"{self.in_progress} in progress ({self.percent.in_progress} %), "
                f"{self.implemented} implemented ({self.percent.implemented} %)")


class Reason(NamedTuple):
    """One reason why a measure has its status."""

    code: str
    kind: Optional[TaskKind]
    task_id: Optional[int]
    message_de: str
    message_en: str

    def __str__(self) -> str:
        return self.message_en


_REASON_CODES = ["no_tasks", "kind_missing", "kind_not_tracked", "kind_not_applicable",
                 "kind_done", "task_open", "task_in_progress", "status_disagrees"]
_FINDING_KINDS = ["status_disagrees", "published_count", "published_total"]


class Finding(NamedTuple):
    """One finding of :meth:`Plan.check`."""

    kind: str
    field: str
    measure: Optional[str]
    status: Status
    expected: int
    actual: int
    message_de: str
    message_en: str

    def __str__(self) -> str:
        return self.message_en


class Diagnostic(NamedTuple):
    """One problem found by :meth:`Plan.validate`."""

    code: int
    message: str
    path: Optional[str]
    line: int
    column: int

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.path, self.line, self.column) if p)
        return f"{where}: {self.message}" if where else self.message


class Plan:
    """An action plan: fields of action, groups, goals, measures and their tasks.

    Create one with :meth:`default` (the bundled KIK plan), :meth:`from_csv` or
    :meth:`new`. ``len(plan)`` is the number of measures, ``iter(plan)`` yields them in
    document order, and ``plan["SB-4.6"]`` looks one up.
    """

    def __init__(self, handle):
        self._handle = handle
        self._generation = 0  # bumped by every change that may move the plan's objects

    # ---- construction -----------------------------------------------------------
    @classmethod
    def new(cls) -> "Plan":
        """An empty plan."""
        return cls(_core.kik_plan_new())

    @classmethod
    def default(cls) -> "Plan":
        """The bundled plan: Kempten's integration concept (KIK) as of 2023-10-05."""
        return cls(_core.kik_plan_new_default())

    @classmethod
    def from_csv(cls, measures: PathLike, *, tasks: Optional[PathLike] = None,
                 published: Optional[PathLike] = None, fields: Optional[PathLike] = None,
                 rule: Union[Rule, str, None] = None, encoding: str = "auto") -> "Plan":
        """A plan read from files: a measures file (any accepted dialect, or the report's
        status matrix), and optionally its tasks, published figures and a field table."""
        plan = cls.new()
        if fields is not None:
            plan.import_file(fields, kind="fields", encoding=encoding)
        plan.import_file(measures, kind="auto", encoding=encoding)
        if published is not None:
            plan.import_file(published, kind="published", encoding=encoding)
        if tasks is not None:
            plan.import_file(tasks, kind="tasks", encoding=encoding)
        if rule is not None:
            plan.rule = rule
        return plan

    def import_file(self, path: PathLike, kind: str = "auto", encoding: str = "auto") -> None:
        """Imports a file into the plan, all or nothing. ``kind`` is one of measures,
        tasks, published, fields, plan_info, matrix or auto."""
        _core.kik_py_import_file(self._handle, _kind(kind), os.fspath(path), _ENCODINGS[encoding])
        self._generation += 1

    def import_bytes(self, data: Union[bytes, str], kind: str = "auto", name: str = "<bytes>") -> None:
        """Imports CSV content held in memory, all or nothing."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        _core.kik_py_import_buffer(self._handle, _kind(kind), data, name)
        self._generation += 1

    def validate(self, path: PathLike, kind: str = "auto", max_problems: int = 100) -> List[Diagnostic]:
        """Every problem importing ``path`` would meet, without changing the plan."""
        return [Diagnostic(*d) for d in _core.kik_py_validate(self._handle, _kind(kind), os.fspath(path),
                                                               max_problems)]

    def export(self, path: Optional[PathLike] = None, kind: str = "measures", *, delimiter: str = ";",
               encoding: str = "utf-8", bom: bool = False, crlf: bool = False,
               defuse_formulas: bool = True) -> Optional[bytes]:
        """Writes one part of the plan as CSV (measures, tasks, fields, published or
        plan_info): into ``path`` atomically, or returned as bytes when no path is given."""
        args = (delimiter, _ENCODINGS[encoding], int(bom), int(crlf), int(defuse_formulas))
        if path is None:
            return _core.kik_py_export(self._handle, _kind(kind), *args)
        _core.kik_py_export_file(self._handle, _kind(kind), os.fspath(path), *args)
        return None

    # ---- the plan ---------------------------------------------------------------
    @property
    def name(self) -> str:
        return _core.kik_plan_name(self._handle)

    @name.setter
    def name(self, value: str) -> None:
        _core.kik_plan_set_name(self._handle, value)

    @property
    def as_of(self) -> Optional[str]:
        """The snapshot date, ISO ``YYYY-MM-DD``, or None."""
        return _core.kik_plan_as_of(self._handle) or None

    @as_of.setter
    def as_of(self, value: Optional[str]) -> None:
        _core.kik_plan_set_as_of(self._handle, value or "")

    @property
    def rule(self) -> Rule:
        """The rule that derives statuses from tasks."""
        return Rule(_core.kik_plan_rule(self._handle))

    @rule.setter
    def rule(self, value: Union[Rule, str]) -> None:
        _core.kik_plan_set_rule(self._handle, int(Rule.parse(value)))

    @property
    def fields(self) -> List["Field"]:
        n = _core.kik_plan_field_count(self._handle)
        return [Field(self, _core.kik_field_code(_core.kik_plan_field(self._handle, i))) for i in range(n)]

    def field(self, code_or_name: str) -> "Field":
        """A field by code, name or alias; ``KeyError`` if none."""
        ptr = _core.kik_plan_find_field(self._handle, code_or_name)
        if ptr is None:
            raise KeyError(code_or_name)
        return Field(self, _core.kik_field_code(ptr))

    def add_field(self, code: str, name: str, aliases: tuple = ()) -> "Field":
        """Defines a field of action."""
        ptr = _core.kik_plan_add_field(self._handle, code, name)
        for alias in aliases:
            _core.kik_plan_add_field_alias(self._handle, code, alias)
        return Field(self, code)

    def measure(self, id: str) -> "Measure":
        """A measure by id (``'SB-4.6'``); ``KeyError`` if there is none."""
        ptr = _core.kik_plan_find_measure(self._handle, id)
        if ptr is None:
            raise KeyError(id)
        return Measure(self, _core.kik_measure_id(ptr))

    __getitem__ = measure

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and _core.kik_plan_find_measure(self._handle, id) is not None

    def __len__(self) -> int:
        return _core.kik_plan_measure_count(self._handle)

    def __iter__(self) -> Iterator["Measure"]:
        for i in range(len(self)):
            yield Measure(self, _core.kik_measure_id(_core.kik_plan_measure(self._handle, i)))

    @property
    def measures(self) -> List["Measure"]:
        return list(self)

    def put_measure(self, field: str, number: str, text: str, status: Union[Status, str] = Status.WAITING,
                    *, group: str = "", goal_text: str = "") -> "Measure":
        """Adds a measure (creating its goal and group) or updates the one with its id."""
        goal = int(number.split(".")[0]) if number.split(".")[0].isdigit() else 0
        _core.kik_py_put_measure(self._handle, field, group, goal, goal_text, number, text,
                                 int(Status.parse(status)))
        code = _core.kik_field_code(_core.kik_plan_find_field(self._handle, field))
        return self.measure(f"{code}-{number.rstrip('.')}")

    def summary(self) -> Summary:
        """Counts, shares and percentages of the whole plan."""
        return Summary._from(_core.kik_py_summary_plan(self._handle))

    # ---- tasks ------------------------------------------------------------------
    def add_task(self, measure: str, kind: Union[TaskKind, str], title: str,
                 state: Union[TaskState, str] = TaskState.OPEN, *, due: Optional[str] = None,
                 owner: Optional[str] = None) -> "Task":
        """Adds a task to a measure; its derived status follows at once."""
        ptr = _core.kik_py_add_task(self._handle, measure, int(TaskKind.parse(kind)),
                                    int(TaskState.parse(state)), title, due, owner)
        return Task(self, _core.kik_task_id(ptr))

    def task(self, id: int) -> "Task":
        """A task by id; ``KeyError`` if there is none."""
        if _core.kik_plan_find_task(self._handle, id) is None:
            raise KeyError(id)
        return Task(self, id)

    def remove_task(self, task: Union["Task", int]) -> None:
        _core.kik_plan_remove_task(self._handle, task.id if isinstance(task, Task) else task)
        self._generation += 1

    # ---- checks and data --------------------------------------------------------
    def check(self) -> List[Finding]:
        """Measures whose recorded status disagrees with their tasks, and published
        figures that disagree with the computed ones."""
        findings = _core.kik_py_findings(_core.kik_plan_check(self._handle, 0))
        return [Finding(_FINDING_KINDS[k], f, m, Status(s), e, a, de, en)
                for k, f, m, s, e, a, de, en in findings]

    _COLUMNS = ("id", "field", "field_name", "group", "goal", "goal_text", "number", "text", "status",
                "recorded_status", "tasks")

    def _columns(self) -> Dict[str, Any]:
        """The measures column by column, as the C layer hands them out (see values.i)."""
        raw = _core.kik_py_columns(self._handle)
        names = [_core.kik_field_name(_core.kik_plan_field(self._handle, i))
                 for i in range(_core.kik_plan_field_count(self._handle))]
        return raw, names

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per measure, in document order."""
        import array

        raw, names = self._columns()
        ints = {key: array.array("i", raw[key][0]) for key in ("field", "group", "goal_text")}
        goal, tasks = array.array("I", raw["goal"]), array.array("I", raw["tasks"])
        status, recorded = array.array("b", raw["status"]), array.array("b", raw["recorded_status"])
        fields, groups, goal_texts = raw["field"][1], raw["group"][1], raw["goal_text"][1]
        keys = [str(s) for s in Status]
        return [{"id": raw["id"][i], "field": fields[ints["field"][i]], "field_name": names[ints["field"][i]],
                 "group": groups[ints["group"][i]] if ints["group"][i] >= 0 else None, "goal": goal[i],
                 "goal_text": goal_texts[ints["goal_text"][i]], "number": raw["number"][i],
                 "text": raw["text"][i], "status": keys[status[i]], "recorded_status": keys[recorded[i]],
                 "tasks": tasks[i]} for i in range(len(raw["id"]))]

    def to_pandas(self):
        """A pandas DataFrame with one row per measure (pandas is imported only here).
        ``field``, ``field_name``, ``group``, ``goal_text`` and the statuses are categorical."""
        import numpy as np
        import pandas as pd

        raw, names = self._columns()

        statuses = [str(s) for s in Status]
        frame = pd.DataFrame({
            "id": _objects(raw["id"]),
            "field": _from_codes(raw["field"][0], raw["field"][1]),
            "field_name": _from_codes(raw["field"][0], names),
            "group": _from_codes(raw["group"][0], raw["group"][1]),
            "goal": np.frombuffer(raw["goal"], dtype=np.uint32).astype(np.int64),
            "goal_text": _from_codes(raw["goal_text"][0], raw["goal_text"][1]),
            "number": _objects(raw["number"]),
            "text": _objects(raw["text"]),
            "status": pd.Categorical.from_codes(np.frombuffer(raw["status"], dtype=np.int8), statuses,
                                                ordered=True),
            "recorded_status": pd.Categorical.from_codes(np.frombuffer(raw["recorded_status"], dtype=np.int8),
                                                         statuses, ordered=True),
            "tasks": np.frombuffer(raw["tasks"], dtype=np.uint32).astype(np.int64),
        }, copy=False)
        return frame

    def __repr__(self) -> str:
        return f"<kik.Plan {self.name!r} as of {self.as_of} with {len(self)} measures>"


def _objects(items: list):
    """A numpy object array of a list (np.fromiter skips np.array's look into each item;
    numpy before 1.23 has no fromiter for objects)."""
    import numpy as np

    try:
        return np.fromiter(items, dtype=object, count=len(items))
    except (TypeError, ValueError):
        return np.array(items, dtype=object)


def _from_codes(codes: bytes, categories: List[str]):
    """A pandas Categorical from int32 codes (-1: none). Equal names (two groups of the same
    name in different fields, say) become one category, as pandas wants them unique."""
    import numpy as np
    import pandas as pd

    codes = np.frombuffer(codes, dtype=np.int32)
    try:  # pandas checks that they are unique: no need to check before
        return pd.Categorical.from_codes(codes, categories=categories)
    except ValueError:
        if len(set(categories)) == len(categories):
            raise
    unique, inverse = np.unique(np.array(categories, dtype=object), return_inverse=True)
    return pd.Categorical.from_codes(np.where(codes >= 0, inverse[codes], -1), categories=unique)


def _kind(kind: str) -> int:
    try:
        return _KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(_KINDS)}") from None


class _Child:
    """An object of a plan: it keeps the plan alive and finds itself again after changes."""

    __slots__ = ("_plan", "_key", "_ptr", "_generation")

    def __init__(self, plan: Plan, key):
        self._plan = plan
        self._key = key
        self._ptr = None
        self._generation = -1

    @property
    def plan(self) -> Plan:
        return self._plan

    def _handle(self):
        if self._generation != self._plan._generation:
            ptr = self._find()
            if ptr is None:
                raise KeyError(f"{self._key} is no longer in the plan")
            self._ptr, self._generation = ptr, self._plan._generation
        return self._ptr

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._plan is self._plan and other._key == self._key

    def __hash__(self) -> int:
        return hash((type(self), id(self._plan), self._key))


class Field(_Child):
    """A field of action (Handlungsfeld)."""

    __slots__ = ()

    def _find(self):
        return _core.kik_plan_find_field(self._plan._handle, self._key)

    @property
    def code(self) -> str:
        return self._key

    @property
    def name(self) -> str:
        return _core.kik_field_name(self._handle())

    @property
    def aliases(self) -> List[str]:
        h = self._handle()
        return [_core.kik_field_alias(h, i) for i in range(_core.kik_field_alias_count(h))]

    @property
    def groups(self) -> List["Group"]:
        h = self._handle()
        return [Group(self._plan, (self._key, _core.kik_group_name(_core.kik_field_group(h, i))))
                for i in range(_core.kik_field_group_count(h))]

    @property
    def goals(self) -> List["Goal"]:
        h = self._handle()
        return [Goal(self._plan, (self._key, _core.kik_goal_number(_core.kik_field_goal(h, i))))
                for i in range(_core.kik_field_goal_count(h))]

    @property
    def measures(self) -> List["Measure"]:
        return [m for goal in self.goals for m in goal.measures]

    def __len__(self) -> int:
        return _core.kik_field_measure_count(self._handle())

    def __iter__(self) -> Iterator["Measure"]:
        return iter(self.measures)

    def summary(self) -> Summary:
        return Summary._from(_core.kik_py_summary_field(self._handle()))

    @property
    def published(self) -> Optional[Counts]:
        """The figures published for the field (waiting, in_progress, implemented), or None."""
        raw = _core.kik_py_published(self._handle())
        return None if raw is None else Counts(*raw[:3])

    def set_published(self, waiting: int, in_progress: int, implemented: int, total: int = 0) -> None:
        _core.kik_py_set_published(self._plan._handle, self.code, waiting, in_progress, implemented, total)

    def __repr__(self) -> str:
        return f"<kik.Field {self.code} {self.name!r}: {len(self)} measures>"


class Group(_Child):
    """A group of goals inside a field."""

    __slots__ = ()

    def _find(self):
        field = _core.kik_plan_find_field(self._plan._handle, self._key[0])
        for i in range(_core.kik_field_group_count(field) if field else 0):
            group = _core.kik_field_group(field, i)
            if _core.kik_group_name(group) == self._key[1]:
                return group
        return None

    @property
    def name(self) -> str:
        return self._key[1]

    @property
    def field(self) -> Field:
        return Field(self._plan, self._key[0])

    @property
    def goals(self) -> List["Goal"]:
        h = self._handle()
        return [Goal(self._plan, (self._key[0], _core.kik_goal_number(_core.kik_group_goal(h, i))))
                for i in range(_core.kik_group_goal_count(h))]

    def summary(self) -> Summary:
        return Summary._from(_core.kik_py_summary_group(self._handle()))

    def __repr__(self) -> str:
        return f"<kik.Group {self._key[0]} {self.name!r}>"


class Goal(_Child):
    """A goal (Ziel) of a field, numbered within it."""

    __slots__ = ()

    def _find(self):
        field = _core.kik_plan_find_field(self._plan._handle, self._key[0])
        return _core.kik_field_find_goal(field, self._key[1]) if field else None

    @property
    def number(self) -> int:
        return self._key[1]

    @property
    def text(self) -> str:
        return _core.kik_goal_text(self._handle())

    @property
    def field(self) -> Field:
        return Field(self._plan, self._key[0])

    @property
    def group(self) -> Optional[Group]:
        group = _core.kik_goal_group(self._handle())
        return None if group is None else Group(self._plan, (self._key[0], _core.kik_group_name(group)))

    @property
    def measures(self) -> List["Measure"]:
        h = self._handle()
        return [Measure(self._plan, _core.kik_measure_id(_core.kik_goal_measure(h, i)))
                for i in range(_core.kik_goal_measure_count(h))]

    def __len__(self) -> int:
        return _core.kik_goal_measure_count(self._handle())

    def __iter__(self) -> Iterator["Measure"]:
        return iter(self.measures)

    def summary(self) -> Summary:
        return Summary._from(_core.kik_py_summary_goal(self._handle()))

    def __repr__(self) -> str:
        return f"<kik.Goal {self._key[0]} {self.number}: {len(self)} measures>"


class Measure(_Child):
    """A measure (Maßnahme), identified plan-wide by its id, e.g. ``'SB-4.6'``."""

    __slots__ = ()

    def _find(self):
        return _core.kik_plan_find_measure(self._plan._handle, self._key)

    @property
    def id(self) -> str:
        return self._key

    @property
    def number(self) -> str:
        return _core.kik_measure_number(self._handle())

    @property
    def text(self) -> str:
        return _core.kik_measure_text(self._handle())

    @property
    def status(self) -> Status:
        """The status that counts: derived from the tasks where there are some."""
        return Status(_core.kik_measure_status(self._handle()))

    @status.setter
    def status(self, value: Union[Status, str]) -> None:
        self.recorded_status = value

    @property
    def recorded_status(self) -> Status:
        """The status as the data recorded it."""
        return Status(_core.kik_measure_recorded_status(self._handle()))

    @recorded_status.setter
    def recorded_status(self, value: Union[Status, str]) -> None:
        _core.kik_py_set_recorded_status(self._plan._handle, self._key, int(Status.parse(value)))

    @property
    def field(self) -> Field:
        return Field(self._plan, self._key.rsplit("-", 1)[0])

    @property
    def goal(self) -> Goal:
        return Goal(self._plan, (self.field.code, _core.kik_goal_number(_core.kik_measure_goal(self._handle()))))

    @property
    def group(self) -> Optional[Group]:
        return self.goal.group

    @property
    def tasks(self) -> List["Task"]:
        h = self._handle()
        return [Task(self._plan, _core.kik_task_id(_core.kik_measure_task(h, i)))
                for i in range(_core.kik_measure_task_count(h))]

    def explain(self) -> List[Reason]:
        """Why the measure has its status, as reasons in German and English."""
        explanation = _core.kik_plan_explain(self._plan._handle, self._handle())
        return [Reason(_REASON_CODES[code], None if code in (0, 7) else TaskKind(kind), task, de, en)
                for code, kind, task, de, en in _core.kik_py_reasons(explanation)]

    def __repr__(self) -> str:
        return f"<kik.Measure {self.id} {str(self.status)}: {self.text[:40]!r}>"


class Task(_Child):
    """A task of a measure: a concept task, an AG task or a work package."""

    __slots__ = ()

    def _find(self):
        return _core.kik_plan_find_task(self._plan._handle, self._key)

    @property
    def id(self) -> int:
        return self._key

    @property
    def measure(self) -> Measure:
        return Measure(self._plan, _core.kik_measure_id(_core.kik_task_measure(self._handle())))

    @property
    def kind(self) -> TaskKind:
        return TaskKind(_core.kik_task_kind_of(self._handle()))

    @property
    def state(self) -> TaskState:
        return TaskState(_core.kik_task_state_of(self._handle()))

    @property
    def title(self) -> str:
        return _core.kik_task_title(self._handle())

    @property
    def due(self) -> Optional[str]:
        return _core.kik_task_due(self._handle()) or None

    @property
    def owner(self) -> Optional[str]:
        return _core.kik_task_owner(self._handle()) or None

    def update(self, *, kind=None, state=None, title=None, due=None, owner=None) -> None:
        """Changes some of the task's values; the others stay."""
        _core.kik_py_update_task(
            self._plan._handle, self._key,
            int(TaskKind.parse(kind)) if kind is not None else int(self.kind),
            int(TaskState.parse(state)) if state is not None else int(self.state),
            title if title is not None else self.title,
            due if due is not None else (self.due or ""),
            owner if owner is not None else (self.owner or ""))
        self._plan._generation += 1

    def __repr__(self) -> str:
        return f"<kik.Task {self.id} {self.kind} {str(self.state)}: {self.title!r}>"


# ---- the report's content and the whole report (kik/content.py, issue 22) ----------------
from . import content  # noqa: E402  (after the classes it adds to)
from .content import Figure, FieldNote, Note, Project, Round, TimelineEntry  # noqa: E402

content.install(Plan, Goal, Measure, _KINDS)
__all__ += ["Note", "FieldNote", "Project", "TimelineEntry", "Round", "Figure"]
