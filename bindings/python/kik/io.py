"""Reading office files into data frames, data frames into plans, and a plan's whole
state (for pickling and copying), all through the library's CSV contracts.
"""

from __future__ import annotations

import csv
import io as _io
import re
from typing import TYPE_CHECKING, Any, Dict, Optional, Tuple, Union, cast

from . import _lib
from .errors import InvalidValueError, ParseError

if TYPE_CHECKING:
    import pandas

    from .plan import Encoding, ExportKind, ImportKind, PathLike, Plan

__all__ = ["read_csv", "BUNDLED_FIELDS"]

#: the name that stands for the bundled KIK field table (``fields="kik"``)
BUNDLED_FIELDS = "kik"

_bundled_fields: Optional[bytes] = None


def bundled_fields() -> bytes:
    """The bundled plan's field table (codes, names, aliases) as its export writes it."""
    global _bundled_fields
    if _bundled_fields is None:
        from .plan import Plan

        _bundled_fields = Plan.default().export(kind="fields")
    return _bundled_fields


def read_csv(path: "PathLike", kind: "ImportKind" = "auto", *, plan: Optional["Plan"] = None,
             fields: Union["PathLike", str, None] = None, encoding: "Encoding" = "auto") -> pandas.DataFrame:
    """Reads an office CSV file (any dialect, encoding and header language the library
    accepts) and returns its data frame: measures (or a status matrix) as
    :meth:`kik.Plan.to_pandas`, tasks as ``plan.tasks.to_pandas()``, a field table as
    ``plan.fields_frame()``... ``kind`` is found from the header when "auto". Tasks name
    measures, so they need the ``plan`` they belong to (it is not changed: they are read
    into a copy); ``fields`` is a field table for a measures file (``"kik"``: the bundled
    one). Errors are those of the import (:class:`kik.ParseError` with the position)."""
    from . import frames
    from .plan import Plan

    target = plan.copy() if plan is not None else Plan()
    if fields is not None:
        target._import_fields(fields, encoding)
    before = (len(target), len(target.tasks))
    try:
        target.import_file(path, kind=kind, encoding=encoding)
    except ParseError as e:
        if plan is None and kind == "auto" and looks_like(path, encoding) == "tasks":
            raise InvalidValueError(f"{path}: a tasks file names measures of a plan: pass plan=") from e
        raise
    if kind == "tasks" or (kind == "auto" and len(target.tasks) != before[1] and len(target) == before[0]):
        return frames.tasks(target)
    if kind == "fields" or (kind == "auto" and not len(target) and target.fields and
                            not any(f.published for f in target.fields)):
        return frames.fields(target)
    if kind == "published" or (kind == "auto" and len(target) == before[0] and
                               any(f.published for f in target.fields)):
        return frames.published(target)
    return frames.measures(target)


_KIND_NAMES = {"tasks": "tasks", "field table": "fields", "plan information": "plan_info",
               "published figures": "published"}


def looks_like(path: "PathLike", encoding: "Encoding" = "auto") -> Optional[str]:
    """The kind of file (other than measures) that the header of ``path`` names, as the
    library's validation of it as a measures file says ("this looks like a tasks file"),
    or None. Reads up to the header's problem only."""
    from .plan import Plan

    problems = Plan().validate(path, kind="measures", encoding=encoding, max_problems=1)
    match = re.search(r"this looks like a (.+?) file", problems[0].message) if problems else None
    return _KIND_NAMES.get(match.group(1)) if match else None


def not_measures(e: ParseError, kind: str) -> ParseError:
    """The error for a file of another kind given as measures: says which and where it goes."""
    from .errors import _make

    where = {"tasks": "tasks=", "published": "published=", "fields": "fields="}.get(kind)
    hint = f": pass it as {where}" if where else ""
    return cast(ParseError, _make(ParseError, f"this looks like a {kind} file, not measures{hint}", e.code, e.path,
                                  1, 1))  # the header says it


# ---- data frames into CSV ----------------------------------------------------------

MEASURES_HEADER = ("field", "field_name", "group", "goal", "goal_text", "measure", "text", "status")
TASKS_HEADER = ("field", "measure", "kind", "title", "state", "due", "owner")


def _needs_defusing(text: str) -> bool:
    """As the library's kik__needs_defusing: a text a spreadsheet would run (see README)."""
    stripped = text.lstrip("'")
    return stripped[:1] in ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (ImportError, TypeError, ValueError):
        pass
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()[:10]
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    # one apostrophe in front, which the importer removes again (as exports do)
    return "'" + text if _needs_defusing(text) else text


# where a CSV column's values come from in a frame, in order of preference: a measures
# frame has the status that counts in `status` and the data's own in `recorded_status`
_SOURCES = {"measure": ("measure", "number"), "status": ("recorded_status", "status")}


def frame_csv(frame: pandas.DataFrame, header: tuple, required: tuple) -> bytes:
    """A frame's columns of ``header`` as CSV bytes (``;``, UTF-8). The status written is
    ``recorded_status`` where the frame has it (as :meth:`kik.Plan.to_pandas` does), else
    ``status``; ``measure`` may also be named ``number``."""
    names = {str(c): c for c in frame.columns}
    columns = {}
    for c in header:
        source = next((names[n] for n in _SOURCES.get(c, (c,)) if n in names), None)
        if source is not None:
            columns[c] = source
    missing = [c for c in required if c not in columns]
    if missing:
        raise InvalidValueError(f"the data frame has no column {', '.join(repr(c) for c in missing)}: "
                                f"expected {', '.join(required)} (and optionally "
                                f"{', '.join(c for c in header if c not in required)})")
    present = [c for c in header if c in columns]
    out = _io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(present)
    rows = [[_cell(v) for v in row] for row in zip(*(frame[columns[c]].tolist() for c in present))]
    if "group" in present and "goal" in present:
        _no_group(rows, present)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _no_group(rows: list, present: list) -> None:
    """Writes "-" (no group, as the export does) in the group cells of goals that have no
    group in any row: an empty cell would continue the group of the row above."""
    field, goal, group = (present.index(c) if c in present else None for c in ("field", "goal", "group"))
    grouped = {(row[field] if field is not None else "", row[goal]) for row in rows if row[group]}
    for row in rows:
        if not row[group] and (row[field] if field is not None else "", row[goal]) not in grouped:
            row[group] = "-"


def frame_error(e: ParseError, frame: pandas.DataFrame, what: str) -> ParseError:
    """A ParseError about the CSV written from a frame, told by the frame's row and label."""
    from .errors import _make

    if e.line >= 2 and e.line - 2 < len(frame):
        where = f"{what} row {e.line - 2} (index {frame.index[e.line - 2]!r})"
    else:
        where = what
    return cast(ParseError, _make(type(e), f"{where}: {e.message}", e.code))


# ---- a plan's whole state -------------------------------------------------------------

_PARTS: Tuple["ExportKind", ...] = ("plan_info", "fields", "measures", "published", "tasks", "notes",
                                    "field_notes", "projects", "timeline", "priorities", "figures")


def plan_state(plan: "Plan") -> Dict[str, Any]:
    """Everything a plan holds, as the exports of its parts (the report's content too) and
    its rule."""
    return {"version": 1, "rule": str(plan.rule), "parts": {k: plan.export(kind=k) for k in _PARTS}}


def restore(plan: "Plan", state: Dict[str, Any]) -> None:
    """Imports a state from :func:`plan_state` into an empty plan."""
    if state.get("version") != 1:
        raise InvalidValueError(f"a plan's state of version {state.get('version')!r}: expected 1")
    for kind in _PARTS:
        data = state["parts"][kind]
        if data.count(b"\n") > 1:  # more than the header
            plan.import_bytes(data, kind=kind, name=f"<{kind}>")
    plan.rule = state["rule"]
