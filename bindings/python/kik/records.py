"""Values the library computes: counts and summaries, explanations, findings, validation
problems and the differences between plans. They are plain immutable records (named
tuples) that do not refer to the plan; lists of them have ``to_pandas()`` with typed
columns (statuses and kinds as categories, missing numbers as ``<NA>``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, NamedTuple, Optional, Tuple, TypeVar, Union

from . import display
from .enums import ChangeKind, FindingKind, ObjectKind, ReasonCode, Status, TaskKind

if TYPE_CHECKING:
    import pandas

__all__ = ["Counts", "Summary", "Reason", "Explanation", "Finding", "Findings", "Diagnostic", "Diagnostics",
           "Change", "FieldCounts", "Diff", "RecordList"]

R = TypeVar("R")


def _status(code: int) -> Optional[Status]:
    return Status._members()[code] if code >= 0 else None


class Counts(NamedTuple):
    """One number per status; index it by position, by :class:`kik.Status` or by key."""

    waiting: Any
    in_progress: Any
    implemented: Any

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, str):
            return getattr(self, Status(index).key)
        return tuple.__getitem__(self, index)


class Summary(NamedTuple):
    """Counts of one part of a plan (``name`` says which), with shares and whole
    percentages adding up to 100 as the city publishes them."""

    goals: int
    total: int
    counts: Counts
    percent: Counts
    share: Counts
    name: str = ""

    @property
    def waiting(self) -> int:
        """The number of measures waiting."""
        return self.counts.waiting

    @property
    def in_progress(self) -> int:
        """The number of measures in progress."""
        return self.counts.in_progress

    @property
    def implemented(self) -> int:
        """The number of measures implemented."""
        return self.counts.implemented

    @classmethod
    def _from(cls, raw: Any, name: str = "") -> "Summary":
        goals, total, counts, percent, share = raw
        return cls(goals, total, Counts(*counts), Counts(*percent), Counts(*share), name)

    def __str__(self) -> str:
        return (f"{self.total} measures: {self.waiting} waiting ({self.percent.waiting} %), "
                f"{self.in_progress} in progress ({self.percent.in_progress} %), "
                f"{self.implemented} implemented ({self.percent.implemented} %)")

    def __repr__(self) -> str:
        of = f" of {self.name}" if self.name else ""
        return f"<kik.Summary{of}: {self} in {self.goals} goals>"

    def _repr_html_(self) -> str:
        return display.summary(self)


class RecordList(List[R]):
    """A list of records with a data frame of them."""

    _record: Any = None

    def to_pandas(self) -> pandas.DataFrame:
        """One row per record, one typed column per field of the record."""
        from . import frames

        return frames.records(self, self._record)


class Reason(NamedTuple):
    """One reason why a measure has its status."""

    code: ReasonCode
    kind: Optional[TaskKind]
    task_id: Optional[int]
    message_de: str
    message_en: str

    @classmethod
    def _from(cls, raw: Tuple[int, int, Optional[int], str, str]) -> "Reason":
        code, kind, task, de, en = raw
        return cls(ReasonCode._members()[code], TaskKind._members()[kind] if kind >= 0 else None, task, de, en)

    def __str__(self) -> str:
        return self.message_en


class Explanation(RecordList[Reason]):
    """The reasons for one measure's status (a list of :class:`Reason`); ``measure`` and
    ``status`` say whose status and which."""

    _record = Reason
    measure: str = ""
    status: Optional[Status] = None

    def _about(self, measure: str, status: Status) -> "Explanation":
        self.measure, self.status = measure, status
        return self

    def __str__(self) -> str:
        return "\n".join(r.message_en for r in self)


class Finding(NamedTuple):
    """One finding of :meth:`kik.Plan.check`. For ``status_disagrees``: the measure, its
    derived ``status`` and its ``recorded_status``; for ``published_count``: the status
    counted, and the ``published`` and ``computed`` figures; for ``published_total``: the
    figures only. What does not apply is None."""

    kind: FindingKind
    field: str
    measure: Optional[str]
    status: Optional[Status]
    recorded_status: Optional[Status]
    published: Optional[int]
    computed: Optional[int]
    message_de: str
    message_en: str

    @classmethod
    def _from(cls, raw: Tuple[Any, ...]) -> "Finding":
        kind, field, measure, status, recorded, published, computed, de, en = raw
        return cls(FindingKind._members()[kind], field, measure, _status(status), _status(recorded), published,
                   computed, de, en)

    def __str__(self) -> str:
        return self.message_en


class Findings(RecordList[Finding]):
    """The findings of one check (a list of :class:`Finding`)."""

    _record = Finding

    def _repr_html_(self) -> str:
        return display.records(self, "Findings")


class Diagnostic(NamedTuple):
    """One problem found by :meth:`kik.Plan.validate`; ``str()`` is ``path:line:column: message``."""

    code: int
    message: str
    path: Optional[str]
    line: int
    column: int

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.path, self.line, self.column) if p)
        return f"{where}: {self.message}" if where else self.message


class Diagnostics(RecordList[Diagnostic]):
    """Every problem one validation found (a list of :class:`Diagnostic`)."""

    _record = Diagnostic


class Change(NamedTuple):
    """One difference between two plans: an object (``object``: field, group, goal,
    measure or task, named by ``id``) ``kind`` added, removed or changed; for a change,
    ``what`` lists the values that differ and ``values`` their old and new text; a
    measure's status before and after are in ``old_status`` and ``new_status``."""

    object: ObjectKind
    kind: ChangeKind
    what: Tuple[str, ...]
    id: str
    field: str
    measure: Optional[str]
    task_id: Optional[int]
    text: str
    values: Dict[str, Tuple[Optional[str], Optional[str]]]
    old_status: Optional[Status]
    new_status: Optional[Status]

    @classmethod
    def _from(cls, raw: Tuple[Any, ...]) -> "Change":
        obj, kind, what, id_, field, measure, task, text, values, old, new = raw
        return cls(ObjectKind._members()[obj], ChangeKind._members()[kind], tuple(what), id_, field, measure, task,
                   text, values, _status(old), _status(new))

    def __str__(self) -> str:
        if self.kind == ChangeKind.CHANGED and self.old_status != self.new_status:
            return f"{self.object} {self.id}: {self.old_status} -> {self.new_status}"
        return f"{self.object} {self.id} {self.kind}" + (f": {', '.join(self.what)}" if self.what else "")


class FieldCounts(NamedTuple):
    """A field's counts in the old and the new plan of a diff (zeros where it is missing)."""

    field: str
    name: str
    old_measures: int
    new_measures: int
    old: Counts
    new: Counts

    @classmethod
    def _from(cls, raw: Tuple[Any, ...]) -> "FieldCounts":
        code, name, old_measures, new_measures, old, new = raw
        return cls(code, name, old_measures, new_measures, Counts(*old), Counts(*new))


class Diff:
    """The differences between an old and a new plan (:func:`kik.diff`): ``changes`` (a
    list of :class:`Change`, with ``to_pandas()``) and ``fields`` (each field's counts in
    both plans). ``bool(diff)`` is whether the plans differ."""

    def __init__(self, changes: Iterable[Change], fields: Iterable[FieldCounts], old_name: str = "",
                 new_name: str = "") -> None:
        self.changes: RecordList[Change] = _list_of(Change, changes)
        self.fields: RecordList[FieldCounts] = _list_of(FieldCounts, fields)
        self.old_name, self.new_name = old_name, new_name

    def __bool__(self) -> bool:
        return bool(self.changes) or any(f.old != f.new or f.old_measures != f.new_measures for f in self.fields)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Any:
        return iter(self.changes)

    def to_pandas(self) -> pandas.DataFrame:
        """One row per change, with typed columns (see :class:`Change`)."""
        return self.changes.to_pandas()

    def fields_to_pandas(self) -> pandas.DataFrame:
        """One row per field: its counts in the old and the new plan and their change."""
        from . import frames

        return frames.field_counts(self.fields)

    def _repr_html_(self) -> str:
        return display.diff(self)

    def __repr__(self) -> str:
        return f"<kik.Diff {self.old_name!r} -> {self.new_name!r}: {len(self.changes)} changes>"


def _list_of(record: Any, items: Iterable[Any]) -> RecordList[Any]:
    result: RecordList[Any] = RecordList(items)
    result._record = record
    return result


# The column types of each record's frame: enum classes (categories) and int (nullable);
# other fields are objects.
_FRAME_TYPES: Dict[Any, Dict[str, Any]] = {
    Reason: {"code": ReasonCode, "kind": TaskKind, "task_id": int},
    Finding: {"kind": FindingKind, "status": Status, "recorded_status": Status, "published": int,
                    "computed": int},
    Diagnostic: {"line": int, "column": int},
    Change: {"object": ObjectKind, "kind": ChangeKind, "task_id": int, "old_status": Status,
                    "new_status": Status},
}


def frame_types(record: Any) -> Dict[str, Any]:
    """The column types of a record's frame (see _FRAME_TYPES)."""
    return dict(_FRAME_TYPES.get(record, {}))

