"""libkik for analysts: the measures of a municipal action plan, their status and why.

    >>> import kik
    >>> plan = kik.Plan.default()              # Kempten's KIK as of 2023-10-05
    >>> plan.summary().total
    144
    >>> plan.measure("SB-4.6").status == "waiting"
    True

The package's parts: :mod:`kik.plan` (the plan), :mod:`kik.objects` (fields, groups,
goals, measures, tasks), :mod:`kik.views`, :mod:`kik.enums` (statuses and other named
values, which are strings), :mod:`kik.records` (summaries, findings, diffs),
:mod:`kik.frames` (pandas), :mod:`kik.display` (notebook HTML), :mod:`kik.io` (files and
data frames), :mod:`kik.content` (the report's content and the report), :mod:`kik.store` (stores: plans
that persist, with snapshots and history) and :mod:`kik.errors`, which documents the exception model: every failure is
a :class:`kik.Error`.
"""

from . import _lib as _lib
from .enums import ChangeKind, FindingKind, ObjectKind, ReasonCode, Rule, Status, TaskKind, TaskState
from .errors import (AlreadyExistsError, ArgumentTypeError, BusyError, ClosedError, CorruptError,
                     DerivedStatusError, Error, FileError, InvalidValueError, LimitError, MissingFileError,
                     NotEmptyError, NotFoundError, OutOfMemoryError, ParseError, ReadOnlyError, VersionError)
from .io import read_csv
from .content import FieldNote, Figure, Note, Project, Round, TimelineEntry
from .objects import DerivedStatusWarning, Field, Goal, Group, Measure, Task
from .plan import Plan, diff
from .store import Store
from .records import (Change, Counts, Diagnostic, Diff, Explanation, FieldCounts, Finding, Reason, Summary)

__version__: str = _lib.core.kik_version()


def version() -> str:
    """The version of the libkik library in use, e.g. ``'0.1.0'`` (also ``kik.__version__``)."""
    return _lib.core.kik_version()


__all__ = [
    # the model
    "Plan", "Field", "Group", "Goal", "Measure", "Task", "diff", "read_csv",
    # plans that persist
    "Store",
    # named values
    "Status", "TaskKind", "TaskState", "Rule", "FindingKind", "ReasonCode", "ObjectKind", "ChangeKind",
    # values
    "Counts", "Summary", "Reason", "Explanation", "Finding", "Diagnostic", "Change", "FieldCounts", "Diff",
    # the report's content
    "Note", "FieldNote", "Project", "TimelineEntry", "Round", "Figure",
    # errors and warnings
    "Error", "ParseError", "LimitError", "InvalidValueError", "ArgumentTypeError", "NotFoundError",
    "AlreadyExistsError", "NotEmptyError", "DerivedStatusError", "ClosedError", "FileError", "MissingFileError",
    "CorruptError", "VersionError", "ReadOnlyError", "BusyError", "OutOfMemoryError", "DerivedStatusWarning",
    # the library
    "version", "__version__",
]

_SUBMODULES = ["content", "core", "display", "enums", "errors", "frames", "io", "objects", "plan", "records", "store", "views"]


def __dir__() -> list:
    return sorted(__all__ + _SUBMODULES)
