"""Statuses, task kinds, task states and the other named values: enums that are strings.

Each member *is* its key, a ``str``: ``Status.IMPLEMENTED == "implemented"``, it hashes
as that string (so it works as a dict key, in sets, in ``pandas`` filters both ways and
in ``Series.isin``), and it formats and prints as the key (``f"{s:>12}"``). Members are
ordered as the library orders them (waiting < in_progress < implemented), also against a
key or label given as a string. ``Status("wartend")``, ``Status("in Bearbeitung")`` and
``Status("IN_PROGRESS")`` parse German and English labels the way the CSV importer does;
anything else is a :class:`kik.InvalidValueError` (a ``ValueError``) naming the keys.
"""

from __future__ import annotations

import enum
from typing import Any, List

from . import _lib
from .errors import ArgumentTypeError, InvalidValueError

__all__ = ["Status", "TaskKind", "TaskState", "Rule", "FindingKind", "ReasonCode", "ChangeKind", "ObjectKind"]


class _Keyed(str, enum.Enum):
    """A named value of the library: a str equal to its key, with German and English labels."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return str.__format__(str(self), spec)

    def __hash__(self) -> int:
        return str.__hash__(self)

    def __eq__(self, other: object) -> bool:
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return str.__ne__(self, other)

    @property
    def key(self) -> str:
        """The key, as in CSV files and data frames (e.g. ``'in_progress'``)."""
        return str.__str__(self)

    @property
    def label_de(self) -> str:
        """The German label, as published (e.g. ``'in Bearbeitung'``)."""
        return _lib.label(self, "de")

    @property
    def label_en(self) -> str:
        """The English label (e.g. ``'in progress'``)."""
        return _lib.label(self, "en")

    def label(self, lang: str = "de") -> str:
        """The label in ``lang``: ``'de'`` (German, as published) or ``'en'``."""
        return _lib.label(self, lang)

    @property
    def _code(self) -> int:
        """The library's number of the member."""
        return type(self)._members().index(self)

    @classmethod
    def _members(cls) -> List[Any]:
        return list(cls.__members__.values())

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            raise ArgumentTypeError(f"a {cls.__name__} is one of {cls._keys()}, not {type(value).__name__}")
        member = _lib.parse_name(cls, value)
        if member is None:
            raise InvalidValueError(f"{value!r} is not a {cls.__name__}: expected one of {cls._keys()}")
        return member

    @classmethod
    def _keys(cls) -> str:
        return ", ".join(str(m) for m in cls._members())

    @classmethod
    def parse(cls, value: Any) -> Any:
        """The member a key or a German or English label names (as ``cls(value)``)."""
        return value if isinstance(value, cls) else cls(value)

    def _order(self, other: object, op: str) -> int:
        if isinstance(other, type(self)):
            return self._code - other._code
        if isinstance(other, str):
            return self._code - type(self)(other)._code
        raise ArgumentTypeError(f"'{op}' is not supported between {type(self).__name__} and {type(other).__name__}")

    def __lt__(self, other: object) -> bool:
        return self._order(other, "<") < 0

    def __le__(self, other: object) -> bool:
        return self._order(other, "<=") <= 0

    def __gt__(self, other: object) -> bool:
        return self._order(other, ">") > 0

    def __ge__(self, other: object) -> bool:
        return self._order(other, ">=") >= 0


class Status(_Keyed):
    """The status of a measure: waiting, in progress or implemented."""

    WAITING = "waiting"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"


class TaskKind(_Keyed):
    """The three kinds of success criteria: concept task, AG task, work package."""

    CONCEPT = "concept"
    AG = "ag"
    WORK_PACKAGE = "work_package"


class TaskState(_Keyed):
    """The state of a task."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"


class Rule(_Keyed):
    """How a measure's status follows from its tasks (see the README)."""

    STRICT = "strict"
    MISSING_KIND_SATISFIED = "missing_kind_satisfied"


class FindingKind(_Keyed):
    """What a finding of :meth:`kik.Plan.check` is about."""

    STATUS_DISAGREES = "status_disagrees"
    PUBLISHED_COUNT = "published_count"
    PUBLISHED_TOTAL = "published_total"


class ReasonCode(_Keyed):
    """Why a measure has its status: the code of one reason of an explanation."""

    NO_TASKS = "no_tasks"
    KIND_MISSING = "kind_missing"
    KIND_NOT_TRACKED = "kind_not_tracked"
    KIND_NOT_APPLICABLE = "kind_not_applicable"
    KIND_DONE = "kind_done"
    TASK_OPEN = "task_open"
    TASK_IN_PROGRESS = "task_in_progress"
    STATUS_DISAGREES = "status_disagrees"


class ObjectKind(_Keyed):
    """What a change of a diff is about."""

    FIELD = "field"
    GROUP = "group"
    GOAL = "goal"
    MEASURE = "measure"
    TASK = "task"
    NOTE = "note"
    PROJECT = "project"
    ROUND = "round"
    FIGURE = "figure"


class ChangeKind(_Keyed):
    """Whether an object was added, removed or changed between two plans."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
