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

:func:`install` adds these to :class:`kik.Plan`, :class:`kik.Goal` and
:class:`kik.Measure` (the package calls it on import).
"""

from __future__ import annotations

import os
from typing import Any, List, NamedTuple, Optional, Sequence, Union

from . import core as _core

#: the content's import kinds, by name (added to the package's kinds by install())
KINDS = {"notes": _core.KIK_IMPORT_NOTES, "field_notes": _core.KIK_IMPORT_FIELD_NOTES,
         "projects": _core.KIK_IMPORT_PROJECTS, "timeline": _core.KIK_IMPORT_TIMELINE,
         "priorities": _core.KIK_IMPORT_PRIORITIES, "figures": _core.KIK_IMPORT_FIGURES}
_FORMATS = {"html": 0, "md": 1, "markdown": 1}
_LANGS = {"de": 0, "en": 1}


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


_RECORDS = {"notes": (Note, _core.kik_py_notes), "field_notes": (FieldNote, _core.kik_py_field_notes),
            "projects": (Project, _core.kik_py_projects), "timeline": (TimelineEntry, _core.kik_py_timeline),
            "rounds": (Round, _core.kik_py_rounds), "figures": (Figure, _core.kik_py_figures)}


def records(plan: Any, part: str) -> list:
    """The records of one part of a plan's content: notes, field_notes, projects,
    timeline, rounds or figures."""
    try:
        cls, fetch = _RECORDS[part]
    except KeyError:
        raise ValueError(f"unknown part {part!r}: expected one of {', '.join(_RECORDS)}") from None
    return [cls(*row) for row in fetch(plan._handle)]


def frame(plan: Any, part: str):
    """One part of the content as a pandas DataFrame, a row per record (lists stay lists)."""
    import pandas as pd

    cls = _RECORDS[part][0] if part in _RECORDS else None
    rows = records(plan, part)
    return pd.DataFrame.from_records(rows, columns=list(cls._fields))


def parse_value(text: str, unit: str = "count") -> tuple:
    """A figure's value in German or English notation ("70.787", "38,2 %"): (value,
    decimals). An ambiguous form raises kik.ParseError."""
    return _core.kik_py_figure_value(text, unit)


def _sections(sections: Union[None, str, Sequence[str]]) -> int:
    if sections is None:
        return 0
    if not isinstance(sections, str):
        sections = ",".join(sections)
    return _core.kik_py_sections(sections)


def _choice(value: str, choices: dict, what: str) -> int:
    try:
        return choices[value]
    except KeyError:
        raise ValueError(f"unknown {what} {value!r}: expected one of {', '.join(choices)}") from None


# ---- what install() adds to the package's classes ------------------------------------

def _plan_part(part: str):
    return property(lambda self: records(self, part), doc=f"The plan's {part.replace('_', ' ')} (records).")


def _report(self, path: Union[str, "os.PathLike[str]", None] = None, *, format: str = "html", lang: str = "de",
            sections: Union[None, str, Sequence[str]] = None, since: Any = None,
            earlier_notes: bool = False) -> Optional[str]:
    """The interim report: the whole report by default, or ``sections`` (keys such as
    "timeline", "notes", or "status" for the status pages); ``since`` an earlier
    :class:`kik.Plan` for what changed; ``earlier_notes`` shows its notes beside the new
    ones. Returned as text, or written to ``path`` (replaced only once complete)."""
    args = (_choice(format, _FORMATS, "format"), _choice(lang, _LANGS, "lang"), _sections(sections),
            since._handle if since is not None else None, 1 if earlier_notes else 0)
    if path is None:
        return _core.kik_py_report(self._handle, *args)
    _core.kik_py_report_file(self._handle, os.fspath(path), *args)
    return None


def _put_note(self, field: str, goal: int, current_state: Optional[str] = None, outlook: Optional[str] = None, *,
              measure: Optional[str] = None) -> None:
    """Puts the note of a goal (or, with ``measure`` as an id, of that measure)."""
    if measure is None:
        _core.kik_plan_put_goal_note(self._handle, field, goal, current_state, outlook)
    else:
        _core.kik_plan_put_measure_note(self._handle, measure, current_state, outlook)


def _remove_note(self, field: str, goal: int, *, measure: Optional[str] = None) -> None:
    if measure is None:
        _core.kik_plan_remove_goal_note(self._handle, field, goal)
    else:
        _core.kik_plan_remove_measure_note(self._handle, measure)


def _add_field_note(self, kind: str, text: str, *, field: Optional[str] = None, title: Optional[str] = None) -> None:
    """Adds a field note (kind: focus, highlight, outlook, context) at the end of its list."""
    _core.kik_py_add_field_note(self._handle, field, kind, title, text)


def _put_project(self, name: str, *, measures: Sequence[str] = (), goals: Sequence[str] = (),
                 field: Optional[str] = None, organisations: Sequence[str] = (), description: Optional[str] = None,
                 start: Optional[str] = None, end: Optional[str] = None) -> None:
    """Adds a project or replaces the one of this name."""
    _core.kik_py_put_project(self._handle, name, field, list(organisations), description, start, end,
                             list(measures), list(goals))


def _add_timeline_entry(self, date: str, text: str, *, until: Optional[str] = None, open: bool = False,
                        fields: Sequence[str] = ()) -> None:
    _core.kik_py_add_timeline_entry(self._handle, date, until, 1 if open else 0, text, list(fields))


def _put_round(self, name: str, start: str, *, until: Optional[str] = None, open: bool = False,
               fields: Sequence[str] = (), measures: Sequence[str] = ()) -> None:
    _core.kik_py_put_round(self._handle, name, start, until, 1 if open else 0, list(fields), list(measures))


def _put_figure(self, name: str, date: str, value: Union[float, str], *, unit: str = "count", decimals: int = 0,
                source: Optional[str] = None, share_of: Optional[str] = None) -> None:
    """Adds a figure or replaces the one of this name and date; ``value`` may be text in
    German or English notation ("38,2 %"), which gives its decimals too."""
    if isinstance(value, str):
        value, decimals = parse_value(value, unit)
    _core.kik_py_put_figure(self._handle, name, unit, date, float(value), decimals, source, share_of)


def _text_property(getter, setter, doc):
    return property(lambda self: getter(self._handle), lambda self, value: setter(self._handle, value), doc=doc)


def _note(handle) -> Optional[Note]:
    if handle is None:
        return None
    goal, measure = _core.kik_note_goal(handle), _core.kik_note_measure(handle)
    return Note(_core.kik_field_code(_core.kik_goal_field(goal)), _core.kik_goal_number(goal),
                _core.kik_measure_id(measure) if measure is not None else None,
                _core.kik_note_current_state(handle), _core.kik_note_outlook(handle))


def _goal_note(self) -> Optional[Note]:
    """The goal's progress note (current state and outlook), or None."""
    return _note(_core.kik_goal_note(self._handle()))


def _measure_note(self) -> Optional[Note]:
    """The measure's own progress note, or None (the report's notes are mostly per goal)."""
    return _note(_core.kik_measure_note(self._handle()))


def install(plan_class: Any, goal_class: Any, measure_class: Any, kinds: dict) -> None:
    """Adds the content and the report to the package's classes, and the content's import
    kinds to ``kinds`` (the package's names of import kinds)."""
    for part in _RECORDS:
        setattr(plan_class, part, _plan_part(part))
    plan_class.content_frame = frame
    plan_class.report = _report
    plan_class.put_note = _put_note
    plan_class.remove_note = _remove_note
    plan_class.add_field_note = _add_field_note
    plan_class.put_project = _put_project
    plan_class.remove_project = lambda self, name: _core.kik_plan_remove_project(self._handle, name)
    plan_class.add_timeline_entry = _add_timeline_entry
    plan_class.put_round = _put_round
    plan_class.remove_round = lambda self, name: _core.kik_plan_remove_round(self._handle, name)
    plan_class.put_figure = _put_figure
    plan_class.remove_figure = lambda self, name, date: _core.kik_plan_remove_figure(self._handle, name, date)
    plan_class.title = _text_property(_core.kik_plan_title, _core.kik_plan_set_title, "The report's title.")
    plan_class.office = _text_property(_core.kik_plan_office, _core.kik_plan_set_office,
                                       "The office that reports.")
    goal_class.note = property(_goal_note)
    measure_class.note = property(_measure_note)
    kinds.update(KINDS)


__all__ = ["Note", "FieldNote", "Project", "TimelineEntry", "Round", "Figure", "records", "frame", "parse_value",
           "install", "KINDS"]
