"""pandas data frames of a plan, built from columns the C layer hands out (frames.i).

Names follow the CSV contracts (``field``, ``group``, ``goal``, ``goal_text``,
``measure``, ``text``, ``status``; ``task_id``, ``kind``, ``title``, ``state``, ``due``,
``owner``). Statuses, kinds and states are ordered categoricals of their keys, so that
``df.status == kik.Status.IMPLEMENTED`` and ``df.status == "implemented"`` select the
same rows; fields, groups and goal texts are categoricals in the plan's document order.
``goal`` and ``measure_no`` (6 for "4.6") are integers to sort by. pandas is imported
here only, when a frame is asked for. Adding a frame: a function here (and a C helper in
frames.i where plans are large).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Sequence

from ._lib import core
from .enums import Status, TaskKind, TaskState, _Keyed
from .errors import InvalidValueError
from .records import frame_types

if TYPE_CHECKING:
    import pandas

    from .plan import Plan

__all__ = ["measures", "tasks", "summaries", "records", "field_counts", "fields", "published", "snapshots", "trend",
           "history"]

MEASURE_COLUMNS = ("id", "field", "field_name", "group", "goal", "goal_text", "measure", "measure_no", "text",
                   "status", "recorded_status", "tasks")
TASK_COLUMNS = ("task_id", "field", "measure", "kind", "title", "state", "due", "owner")


def _categories(cls: Any) -> List[str]:
    return [str(m) for m in cls._members()]


def _enum_column(codes: bytes, cls: Any) -> pandas.Categorical:
    import numpy as np
    import pandas as pd

    return pd.Categorical.from_codes(np.frombuffer(codes, dtype=np.int8), _categories(cls), ordered=True)


def _named(codes: Any, names: Sequence[str]) -> pandas.Categorical:
    """A categorical from int32 codes (-1: none) into ``names``, in their order; equal names
    (two groups of one name in two fields) become one category, at its first place."""
    import numpy as np
    import pandas as pd

    codes = np.frombuffer(codes, dtype=np.int32) if isinstance(codes, bytes) else codes
    if len(set(names)) == len(names):
        return pd.Categorical.from_codes(codes, categories=list(names))
    first: Dict[str, int] = {}
    remap = np.array([first.setdefault(name, len(first)) for name in names] + [-1], dtype=np.int32)
    return pd.Categorical.from_codes(remap[codes], categories=list(first))


def _objects(items: list) -> Any:
    """A numpy object array of a list (np.fromiter skips np.array's look into each item)."""
    import numpy as np

    try:
        return np.fromiter(items, dtype=object, count=len(items))
    except (TypeError, ValueError):  # numpy before 1.23
        return np.array(items, dtype=object)


def _field_names(plan: "Plan") -> List[str]:
    h = plan._c()
    return [core.kik_field_name(core.kik_plan_field(h, i)) for i in range(core.kik_plan_field_count(h))]


def measures(plan: "Plan") -> pandas.DataFrame:
    """One row per measure in document order: ``id``, ``field``, ``field_name``, ``group``,
    ``goal``, ``goal_text``, ``measure``, ``measure_no``, ``text``, ``status`` (the one that
    counts), ``recorded_status`` and ``tasks`` (how many)."""
    import numpy as np
    import pandas as pd

    with plan._lock:
        raw = core.kik_py_measure_columns(plan._c())
        names = _field_names(plan)
    return pd.DataFrame({
        "id": _objects(raw["id"]),
        "field": _named(raw["field"][0], raw["field"][1]),
        "field_name": _named(raw["field"][0], names),
        "group": _named(raw["group"][0], raw["group"][1]),
        "goal": np.frombuffer(raw["goal"], dtype=np.uint32).astype(np.int64),
        "goal_text": _named(raw["goal_text"][0], raw["goal_text"][1]),
        "measure": _objects(raw["measure"]),
        "measure_no": np.frombuffer(raw["measure_no"], dtype=np.uint32).astype(np.int64),
        "text": _objects(raw["text"]),
        "status": _enum_column(raw["status"], Status),
        "recorded_status": _enum_column(raw["recorded_status"], Status),
        "tasks": np.frombuffer(raw["tasks"], dtype=np.uint32).astype(np.int64),
    }, columns=list(MEASURE_COLUMNS), copy=False)


def tasks(plan: "Plan") -> pandas.DataFrame:
    """One row per task, measure by measure in document order: ``task_id``, ``field``,
    ``measure`` (its id; the categories are all of the plan's measures), ``kind``,
    ``title``, ``state``, ``due`` (a datetime, NaT for none) and ``owner``."""
    import numpy as np
    import pandas as pd

    with plan._lock:
        raw = core.kik_py_task_columns(plan._c())
    due = np.frombuffer(raw["due"], dtype=np.int64).view("datetime64[D]").astype("datetime64[ns]")
    return pd.DataFrame({
        "task_id": np.frombuffer(raw["task_id"], dtype=np.uint32).astype(np.int64),
        "field": _named(raw["field"][0], raw["field"][1]),
        "measure": _named(raw["measure"][0], raw["measure"][1]),
        "kind": _enum_column(raw["kind"], TaskKind),
        "title": _objects(raw["title"]),
        "state": _enum_column(raw["state"], TaskState),
        "due": due,
        "owner": _named(raw["owner"][0], raw["owner"][1]),
    }, columns=list(TASK_COLUMNS), copy=False)


_LEVELS = {"field": 0, "group": 1, "goal": 2}


def summaries(plan: "Plan", by: str = "field") -> pandas.DataFrame:
    """One row per field, group or goal (``by``) in document order with its summary:
    ``goals``, ``measures``, the count of each status and its whole percentage
    (``waiting_percent``, ...). Fields have ``name``; groups ``group``; goals ``group``,
    ``goal`` and ``goal_text``."""
    import numpy as np
    import pandas as pd

    if by not in _LEVELS:
        raise InvalidValueError(f"{by!r} is not a level of summaries: expected 'field', 'group' or 'goal'")
    with plan._lock:
        raw = core.kik_py_summary_columns(plan._c(), _LEVELS[by])
        codes = [core.kik_field_code(core.kik_plan_field(plan._c(), i))
                 for i in range(core.kik_plan_field_count(plan._c()))]
        names = _field_names(plan)
    counts = np.frombuffer(raw["counts"], dtype=np.int64).reshape(-1, 8)
    field_codes = np.frombuffer(raw["field"], dtype=np.int32)
    columns: Dict[str, Any] = {"field": _named(field_codes, codes)}
    if by == "field":
        columns["name"] = _named(field_codes, names)
    else:
        group_names = [g for g in raw["group"] if g is not None]
        columns["group"] = pd.Categorical(raw["group"], categories=list(dict.fromkeys(group_names)))
    if by == "goal":
        columns["goal"] = np.frombuffer(raw["goal"], dtype=np.uint32).astype(np.int64)
        columns["goal_text"] = _objects(raw["goal_text"])
    columns["goals"] = counts[:, 0]
    columns["measures"] = counts[:, 1]
    keys = _categories(Status)
    for i, key in enumerate(keys):
        columns[key] = counts[:, 2 + i]
    for i, key in enumerate(keys):
        columns[f"{key}_percent"] = counts[:, 5 + i]
    return pd.DataFrame(columns)


def fields(plan: "Plan") -> pandas.DataFrame:
    """The field table: ``code``, ``name`` and ``aliases`` (``|``-separated), as exported."""
    import pandas as pd

    rows = [(f.code, f.name, "|".join(f.aliases)) for f in plan.fields]
    return pd.DataFrame(rows, columns=["code", "name", "aliases"])


def published(plan: "Plan") -> pandas.DataFrame:
    """The published figures per field (fields without any are left out)."""
    import pandas as pd

    rows = [(f.code, *f.published) for f in plan.fields if f.published is not None]
    return pd.DataFrame(rows, columns=["field", *_categories(Status)])


def records(rows: Iterable[Any], record: Any) -> pandas.DataFrame:
    """A frame of records (named tuples): one column per field; enum-typed fields become
    ordered categoricals of the enum's keys, int-typed ones nullable ``Int64``."""
    import pandas as pd

    rows = list(rows)
    types = frame_types(record)
    columns: Dict[str, Any] = {}
    for i, name in enumerate(record._fields):
        values = [row[i] for row in rows]
        kind = types.get(name)
        if isinstance(kind, type) and issubclass(kind, _Keyed):
            columns[name] = pd.Categorical([None if v is None else str(v) for v in values],
                                           categories=_categories(kind), ordered=True)
        elif kind is int:
            columns[name] = pd.array(values, dtype="Int64")
        else:
            columns[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns, columns=list(record._fields))


def field_counts(rows: Iterable[Any]) -> pandas.DataFrame:
    """A diff's per-field counts: old and new measures and counts per status, and changes."""
    import pandas as pd

    keys = _categories(Status)
    data = []
    for f in rows:
        row: Dict[str, Any] = {"field": f.field, "name": f.name, "old_measures": f.old_measures,
                               "new_measures": f.new_measures}
        for i, key in enumerate(keys):
            row[f"old_{key}"], row[f"new_{key}"] = f.old[i], f.new[i]
            row[f"change_{key}"] = f.new[i] - f.old[i]
        data.append(row)
    columns = ["field", "name", "old_measures", "new_measures"] + [f"{p}_{k}" for k in keys for p in ("old", "new",
                                                                                                   "change")]
    return pd.DataFrame(data, columns=columns)


# ---- stores (kik/store.py) -------------------------------------------------------------

SNAPSHOT_COLUMNS = ("as_of", "label", "taken", "author")
TREND_COLUMNS = ("snapshot", "as_of", "label", "scope", "id", "field", "goal", "measures", "waiting", "in_progress",
                 "implemented", "waiting_percent", "in_progress_percent", "implemented_percent")
HISTORY_COLUMNS = ("time", "source", "label", "author", "action", "object", "measure", "what", "old", "new", "note",
                   "value")
TREND_SCOPES = ("plan", "field", "goal")
HISTORY_SOURCES = ("snapshot", "change", "working")


def _utc(times: Sequence[str]) -> Any:
    """UTC timestamps from the store's "YYYY-MM-DDTHH:MM:SSZ" and dates (midnight UTC)."""
    import pandas as pd

    full = [t + "T00:00:00Z" if len(t) == 10 else t for t in times]
    return pd.to_datetime(pd.Series(full, dtype=object), format="%Y-%m-%dT%H:%M:%SZ", utc=True)


def _dates(dates: Sequence[str]) -> Any:
    import pandas as pd

    return pd.to_datetime(pd.Series(list(dates), dtype=object), format="%Y-%m-%d")


def snapshots(rows: List[Any]) -> pandas.DataFrame:
    """A store's snapshots (``Store.snapshots``): ``as_of`` (datetime64), ``label``,
    ``taken`` (UTC) and ``author``, from the (as_of, label, taken, author) rows."""
    import pandas as pd

    as_of, label, taken, author = (list(c) for c in zip(*rows)) if rows else ([], [], [], [])
    return pd.DataFrame({"as_of": _dates(as_of), "label": pd.Series(label, dtype=object), "taken": _utc(taken),
                         "author": pd.Series(author, dtype=object)}, columns=list(SNAPSHOT_COLUMNS))


def trend(rows: List[Any]) -> pandas.DataFrame:
    """A store's trend (``Store.trend``) from the C rows (as_of, label, scope, field, goal,
    measures, three counts, three percentages): see :meth:`kik.Store.trend`."""
    import numpy as np
    import pandas as pd

    columns = list(zip(*rows)) if rows else [()] * 12
    as_of, label, scope, field, goal = (list(c) for c in columns[:5])
    numbers = np.array(columns[5:], dtype=np.int64).reshape(7, len(rows))
    ids = ["" if s == 0 else f if s == 1 else f"{f}-{g}" for s, f, g in zip(scope, field, goal)]
    data: Dict[str, Any] = {
        "snapshot": pd.Series([lb or a for a, lb in zip(as_of, label)], dtype=object),
        "as_of": _dates(as_of), "label": pd.Series(label, dtype=object),
        "scope": pd.Categorical.from_codes(np.array(scope, dtype=np.int8), list(TREND_SCOPES), ordered=True),
        "id": pd.Series(ids, dtype=object), "field": pd.Series(field, dtype=object),
        "goal": np.array(goal, dtype=np.int64), "measures": numbers[0]}
    keys = _categories(Status)
    for i, key in enumerate(keys):
        data[key] = numbers[1 + i]
    for i, key in enumerate(keys):
        data[f"{key}_percent"] = numbers[4 + i]
    return pd.DataFrame(data, columns=list(TREND_COLUMNS))


def history(rows: List[Any]) -> pandas.DataFrame:
    """A history or change log (``Store.history``, ``Store.log``) from the C rows: see
    :meth:`kik.Store.log`."""
    import numpy as np
    import pandas as pd

    columns = [list(c) for c in zip(*rows)] if rows else [[] for _ in HISTORY_COLUMNS]
    # the C rows begin (source, time, ...); the frame begins with the time
    data: Dict[str, Any] = {
        "time": _utc(columns[1]),
        "source": pd.Categorical.from_codes(np.array(columns[0], dtype=np.int8), list(HISTORY_SOURCES))}
    for name, values in zip(HISTORY_COLUMNS[2:], columns[2:]):
        data[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=list(HISTORY_COLUMNS))
