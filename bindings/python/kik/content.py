"""The report's own content and the whole report: progress notes of goals and measures,
field notes (focus points, highlights, outlook, context), projects, the timeline,
prioritisation rounds and context figures, as plain records and as pandas frames, and
``plan.report(...)``.

    >>> import kik
    >>> plan = kik.Plan.default()
    >>> plan.measure("AA-3.1").goal.note.current_state[:40]
    'Der Zusammenschluss von Berufsschulleitu'
    >>> [p.name for p in plan.projects][:1]
    ['KitaMUTter und Starke Mamas • EngagemenTräume']
    >>> html = plan.report()                      # the whole report, German, HTML
    >>> md = plan.report(format="md", lang="en", sections="status")

:class:`kik.Plan`, :class:`kik.Goal` and :class:`kik.Measure` have these through the
mixins :class:`PlanContent`, :class:`GoalContent` and :class:`MeasureContent`; a new part
of the content is a record, a helper in content.i and a few lines here.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any, Callable, ContextManager, Dict, List, NamedTuple, Optional, Sequence, Tuple, TypeVar, Union

from . import _lib
from ._lib import core
from .errors import InvalidValueError

if TYPE_CHECKING:
    import pandas

    from .plan import Plan

__all__ = ["Note", "FieldNote", "Project", "TimelineEntry", "Round", "Figure", "records", "frame", "parse_value",
           "PlanContent", "GoalContent", "MeasureContent", "KINDS", "PARTS"]

T = TypeVar("T")

#: the content's import kinds, by name (also in the package's kinds, kik._lib.KINDS)
KINDS: Dict[str, int] = {k: v for k, v in _lib.KINDS.items() if k in _lib.CONTENT_KINDS}


class Note(NamedTuple):
    """The progress note of a goal (``measure`` None) or of a measure."""

    field: str
    goal: int
    measure: Optional[str]
    current_state: str  # "" when the note has none
    outlook: str


class FieldNote(NamedTuple):
    """A short text of a field (``field`` None: the plan as a whole): kind is one of
    focus, highlight, outlook, context."""

    field: Optional[str]
    kind: str
    title: Optional[str]
    text: str


class Project(NamedTuple):
    """A project and the measures (ids) and goals ("IO-6") it covers."""

    name: str
    field: Optional[str]
    organisations: List[str]
    description: Optional[str]
    start: Optional[str]
    end: Optional[str]
    measures: List[str]
    goals: List[str]


class TimelineEntry(NamedTuple):
    """A date or a range ("YYYY-MM-DD" or "YYYY-MM"; ``open``: it runs on) and what happened."""

    date: str
    until: Optional[str]
    open: bool
    text: str
    fields: List[str]


class Round(NamedTuple):
    """A prioritisation round."""

    name: str
    start: str
    until: Optional[str]
    open: bool
    fields: List[str]
    measures: List[str]


class Figure(NamedTuple):
    """A context figure: one value of a statistic at a date (unit count or percent)."""

    name: str
    unit: str
    date: str
    value: float
    decimals: int
    source: Optional[str]
    share_of: Optional[str]


#: each part of the content: its record and the helper that lists it (content.i)
PARTS: Dict[str, Tuple[Any, Callable[..., Any]]] = {
    "notes": (Note, core.kik_py_notes), "field_notes": (FieldNote, core.kik_py_field_notes),
    "projects": (Project, core.kik_py_projects), "timeline": (TimelineEntry, core.kik_py_timeline),
    "rounds": (Round, core.kik_py_rounds), "figures": (Figure, core.kik_py_figures)}


def records(plan: "Plan", part: str) -> List[Any]:
    """The records of one part of a plan's content: notes, field_notes, projects,
    timeline, rounds or figures."""
    try:
        cls, fetch = PARTS[_lib.text(part, "part")]
    except KeyError:
        raise InvalidValueError(f"unknown part {part!r}: expected one of {', '.join(PARTS)}") from None
    return [cls(*row) for row in plan._call(fetch)]


def frame(plan: "Plan", part: str) -> pandas.DataFrame:
    """One part of the content as a pandas DataFrame, a row per record (lists stay lists)."""
    import pandas as pd

    rows = records(plan, part)
    return pd.DataFrame.from_records(rows, columns=list(PARTS[part][0]._fields))


def parse_value(text: str, unit: str = "count") -> Tuple[float, int]:
    """A figure's value in German or English notation ("70.787", "38,2 %"): (value,
    decimals). An ambiguous form raises kik.ParseError."""
    value, decimals = core.kik_py_figure_value(_lib.text(text, "value"), _lib.text(unit, "unit"))
    return value, decimals


def _strings(values: Sequence[str], what: str) -> List[str]:
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise _lib.type_error(what, "a sequence of str", values)
    return [_lib.text(v, what) for v in values]


def _sections(sections: Union[None, str, Sequence[str]]) -> int:
    if sections is None:
        return 0
    text = sections if isinstance(sections, str) else ",".join(_strings(sections, "sections"))
    return int(core.kik_py_sections(_lib.text(text, "sections")))


def _note(handle: Any) -> Optional[Note]:
    """A note from its handle (the caller holds the plan's lock), or None."""
    if handle is None:
        return None
    goal, measure = core.kik_note_goal(handle), core.kik_note_measure(handle)
    return Note(core.kik_field_code(core.kik_goal_field(goal)), core.kik_goal_number(goal),
                core.kik_measure_id(measure) if measure is not None else None,
                core.kik_note_current_state(handle), core.kik_note_outlook(handle))


class PlanContent:
    """The report's content of a plan, and the report (a base of :class:`kik.Plan`)."""

    __slots__ = ()

    if TYPE_CHECKING:  # what Plan provides
        def _call(self, fn: Any, *args: Any) -> Any: ...

        def _edit(self, fn: Any, *args: Any) -> Any: ...

    @property
    def notes(self) -> List[Note]:
        """The progress notes of goals and measures, in document order."""
        return records(self, "notes")  # type: ignore[arg-type]

    @property
    def field_notes(self) -> List[FieldNote]:
        """The field notes: focus points, highlights, outlook and context texts."""
        return records(self, "field_notes")  # type: ignore[arg-type]

    @property
    def projects(self) -> List[Project]:
        """The projects and what they cover."""
        return records(self, "projects")  # type: ignore[arg-type]

    @property
    def timeline(self) -> List[TimelineEntry]:
        """The timeline (Zeittafel)."""
        return records(self, "timeline")  # type: ignore[arg-type]

    @property
    def rounds(self) -> List[Round]:
        """The prioritisation rounds."""
        return records(self, "rounds")  # type: ignore[arg-type]

    @property
    def figures(self) -> List[Figure]:
        """The context figures."""
        return records(self, "figures")  # type: ignore[arg-type]

    def content_frame(self, part: str) -> pandas.DataFrame:
        """One part of the content (notes, field_notes, projects, timeline, rounds, figures)
        as a data frame, a row per record."""
        return frame(self, part)  # type: ignore[arg-type]

    @property
    def title(self) -> str:
        """The report's title."""
        return str(self._call(core.kik_plan_title))

    @title.setter
    def title(self, value: str) -> None:
        self._edit(core.kik_plan_set_title, _lib.text(value, "title"))

    @property
    def office(self) -> str:
        """The office that reports."""
        return str(self._call(core.kik_plan_office))

    @office.setter
    def office(self, value: str) -> None:
        self._edit(core.kik_plan_set_office, _lib.text(value, "office"))

    def report(self, path: Union[str, "os.PathLike[str]", None] = None, *, format: str = "html", lang: str = "de",
               sections: Union[None, str, Sequence[str]] = None, since: Optional["Plan"] = None,
               earlier_notes: bool = False) -> Optional[str]:
        """The interim report: the whole report by default, or ``sections`` (keys such as
        "timeline", "notes", or "status" for the status pages); ``since`` an earlier
        :class:`kik.Plan` for what changed; ``earlier_notes`` shows its notes beside the new
        ones. HTML (one self-contained page) or Markdown (``format="md"``), German or English
        labels; returned as text, or written to ``path`` (replaced only once complete)."""
        from .plan import Plan

        if since is not None and not isinstance(since, Plan):
            raise _lib.type_error("since", "a kik.Plan or None", since)
        if not isinstance(earlier_notes, bool):
            raise _lib.type_error("earlier_notes", "a bool", earlier_notes)
        args = (_lib.choice(format, _lib.FORMATS, "format"), _lib.choice(lang, _lib.LANGS, "lang"),
                _sections(sections))
        flags = core.KIK_REPORT_EARLIER_NOTES if earlier_notes else 0
        lock: ContextManager[Any] = since._lock if since is not None else contextlib.nullcontext()
        with lock:
            earlier = since._c() if since is not None else None
            if path is None:
                return str(self._call(core.kik_py_report, *args, earlier, flags))
            self._call(core.kik_py_report_file, _lib.path(path), *args, earlier, flags)
        return None

    def put_note(self, field: str, goal: int, current_state: Optional[str] = None, outlook: Optional[str] = None,
                 *, measure: Optional[str] = None) -> None:
        """Puts the note of a goal (or, with ``measure`` as an id, of that measure)."""
        state, coming = _lib.optional_text(current_state, "current_state"), _lib.optional_text(outlook, "outlook")
        if measure is None:
            self._edit(core.kik_plan_put_goal_note, _lib.text(field, "field"), _lib.integer(goal, "goal"), state,
                       coming)
        else:
            self._edit(core.kik_plan_put_measure_note, _lib.text(measure, "measure"), state, coming)

    def remove_note(self, field: str, goal: int, *, measure: Optional[str] = None) -> None:
        """Removes the note of a goal (or, with ``measure``, of that measure)."""
        if measure is None:
            self._edit(core.kik_plan_remove_goal_note, _lib.text(field, "field"), _lib.integer(goal, "goal"))
        else:
            self._edit(core.kik_plan_remove_measure_note, _lib.text(measure, "measure"))

    def add_field_note(self, kind: str, text: str, *, field: Optional[str] = None, title: Optional[str] = None) -> None:
        """Adds a field note (kind: focus, highlight, outlook, context) at the end of its list."""
        self._edit(core.kik_py_add_field_note, _lib.optional_text(field, "field"), _lib.text(kind, "kind"),
                   _lib.optional_text(title, "title"), _lib.text(text, "text"))

    def put_project(self, name: str, *, measures: Sequence[str] = (), goals: Sequence[str] = (),
                    field: Optional[str] = None, organisations: Sequence[str] = (), description: Optional[str] = None,
                    start: Optional[str] = None, end: Optional[str] = None) -> None:
        """Adds a project or replaces the one of this name."""
        self._edit(core.kik_py_put_project, _lib.text(name, "name"), _lib.optional_text(field, "field"),
                   _strings(organisations, "organisations"), _lib.optional_text(description, "description"),
                   _lib.optional_text(start, "start"), _lib.optional_text(end, "end"), _strings(measures, "measures"),
                   _strings(goals, "goals"))

    def remove_project(self, name: str) -> None:
        """Removes the project of this name."""
        self._edit(core.kik_plan_remove_project, _lib.text(name, "name"))

    def add_timeline_entry(self, date: str, text: str, *, until: Optional[str] = None, open: bool = False,
                           fields: Sequence[str] = ()) -> None:
        """Adds an entry to the timeline (``open``: it runs on)."""
        self._edit(core.kik_py_add_timeline_entry, _lib.text(date, "date"), _lib.optional_text(until, "until"),
                   1 if open else 0, _lib.text(text, "text"), _strings(fields, "fields"))

    def put_round(self, name: str, start: str, *, until: Optional[str] = None, open: bool = False,
                  fields: Sequence[str] = (), measures: Sequence[str] = ()) -> None:
        """Adds a prioritisation round or replaces the one of this name."""
        self._edit(core.kik_py_put_round, _lib.text(name, "name"), _lib.text(start, "start"),
                   _lib.optional_text(until, "until"), 1 if open else 0, _strings(fields, "fields"),
                   _strings(measures, "measures"))

    def remove_round(self, name: str) -> None:
        """Removes the round of this name."""
        self._edit(core.kik_plan_remove_round, _lib.text(name, "name"))

    def put_figure(self, name: str, date: str, value: Union[float, str], *, unit: str = "count", decimals: int = 0,
                   source: Optional[str] = None, share_of: Optional[str] = None) -> None:
        """Adds a figure or replaces the one of this name and date; ``value`` may be text in
        German or English notation ("38,2 %"), which gives its decimals too."""
        if isinstance(value, str):
            value, decimals = parse_value(value, unit)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _lib.type_error("value", "a number or a str", value)
        self._edit(core.kik_py_put_figure, _lib.text(name, "name"), _lib.text(unit, "unit"), _lib.text(date, "date"),
                   float(value), _lib.integer(decimals, "decimals"), _lib.optional_text(source, "source"),
                   _lib.optional_text(share_of, "share_of"))

    def remove_figure(self, name: str, date: str) -> None:
        """Removes the figure of this name and date."""
        self._edit(core.kik_plan_remove_figure, _lib.text(name, "name"), _lib.text(date, "date"))


class GoalContent:
    """A goal's progress note (a base of :class:`kik.Goal`)."""

    __slots__ = ()

    if TYPE_CHECKING:
        def _get(self, fn: Callable[..., T], *args: Any) -> T: ...

    @property
    def note(self) -> Optional[Note]:
        """The goal's progress note (current state and outlook), or None."""
        return self._get(lambda h: _note(core.kik_goal_note(h)))


class MeasureContent:
    """A measure's own progress note (a base of :class:`kik.Measure`)."""

    __slots__ = ()

    if TYPE_CHECKING:
        def _get(self, fn: Callable[..., T], *args: Any) -> T: ...

    @property
    def note(self) -> Optional[Note]:
        """The measure's own progress note, or None (the report's notes are mostly per goal)."""
        return self._get(lambda h: _note(core.kik_measure_note(h)))
