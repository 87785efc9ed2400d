"""Live views of a plan's fields, groups, goals, measures and tasks.

A view reads the plan when it is used, so it always shows the plan as it is. Fields,
groups, goals and measures are sequences in document order: ``len()``, integer and slice
indexing (``plan.measures[0]``, ``field.goals[-2:]``), ``reversed()``, and look-up by a
string id (``plan.fields["SB"]`` or by name, ``plan.goals["SB-4"]``,
``plan.measures["SB-4.6"]``, ``field.groups["Vernetzung"]``). ``x in view`` is true for
an object of the view and for an id the view can look up. Tasks are keyed by their
number: ``plan.tasks[17]``. Each view has ``to_pandas()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Iterator, List, Optional, Tuple, TypeVar, Union, overload

from . import _lib
from ._lib import core
from .errors import NotFoundError

if TYPE_CHECKING:
    import pandas

    from .objects import Task
    from .plan import Plan

__all__ = ["ObjectsView", "TasksView"]

T = TypeVar("T")


def _field_codes(plan: "Plan", scope: Any) -> List[str]:
    h = plan._c()
    if isinstance(scope, str):
        return [scope]
    return [core.kik_field_code(core.kik_plan_field(h, i)) for i in range(core.kik_plan_field_count(h))]


def _field_handle(plan: "Plan", code: str) -> Any:
    ptr = core.kik_plan_find_field(plan._c(), code)
    if ptr is None:
        raise NotFoundError(f"field {code} is not in the plan")
    return ptr


def _keys(plan: "Plan", what: str, scope: Any) -> List[Any]:
    """The keys of the objects a view shows, in document order (under the plan's lock)."""
    keys: List[Any] = []
    if what == "fields":
        return _field_codes(plan, scope)
    if what == "measures" and isinstance(scope, tuple):
        goal = core.kik_field_find_goal(_field_handle(plan, scope[0]), scope[1])
        if goal is None:
            raise NotFoundError(f"goal {scope[0]}-{scope[1]} is not in the plan")
        return [core.kik_measure_id(core.kik_goal_measure(goal, i)) for i in range(core.kik_goal_measure_count(goal))]
    for code in _field_codes(plan, scope):
        field = _field_handle(plan, code)
        if what == "groups":
            keys += [(code, core.kik_group_name(core.kik_field_group(field, i)))
                     for i in range(core.kik_field_group_count(field))]
        elif what == "goals":
            keys += [(code, core.kik_goal_number(core.kik_field_goal(field, i)))
                     for i in range(core.kik_field_goal_count(field))]
        else:
            for g in range(core.kik_field_goal_count(field)):
                goal = core.kik_field_goal(field, g)
                keys += [core.kik_measure_id(core.kik_goal_measure(goal, i))
                         for i in range(core.kik_goal_measure_count(goal))]
    return keys


class ObjectsView(Generic[T]):
    """A live, read-only sequence of a plan's fields, groups, goals or measures, in
    document order; see the module's documentation."""

    __slots__ = ("_plan", "_what", "_scope", "_cache")

    def __init__(self, plan: "Plan", what: str, scope: Any = None) -> None:
        self._plan, self._what, self._scope = plan, what, scope
        self._cache: Tuple[int, List[Any]] = (-1, [])

    def _class(self) -> Any:
        from . import objects

        return {"fields": objects.Field, "groups": objects.Group, "goals": objects.Goal,
                "measures": objects.Measure}[self._what]

    def _whole_plan_measures(self) -> bool:
        return self._what == "measures" and self._scope is None

    def _all_keys(self) -> List[Any]:
        plan = self._plan
        with plan._lock:
            plan._c()
            if self._cache[0] != plan._generation:
                self._cache = (plan._generation, _keys(plan, self._what, self._scope))
            return self._cache[1]

    def __len__(self) -> int:
        if self._whole_plan_measures():
            return self._plan._call(core.kik_plan_measure_count)
        return len(self._all_keys())

    def _at(self, index: int) -> T:
        if self._whole_plan_measures():  # the library indexes measures directly
            plan = self._plan
            with plan._lock:
                n = core.kik_plan_measure_count(plan._c())
                if not -n <= index < n:
                    raise IndexError(f"measure index {index} out of range (the plan has {n})")
                key = core.kik_measure_id(core.kik_plan_measure(plan._c(), index % n))
            return self._class()._of(plan, key)
        keys = self._all_keys()
        try:
            return self._class()._of(self._plan, keys[index])
        except IndexError:
            raise IndexError(f"{self._what[:-1]} index {index} out of range (there are {len(keys)})") from None

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> List[T]: ...

    @overload
    def __getitem__(self, index: str) -> T: ...

    def __getitem__(self, index: Union[int, slice, str]) -> Union[T, List[T]]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        if isinstance(index, str):
            found = self._lookup(index)
            if found is None:
                raise NotFoundError(f"no {self._what[:-1]} {index!r} in {self._where()}")
            return found
        return self._at(_lib.integer(index, f"a {self._what[:-1]} index", minimum=-(1 << 62)))

    def get(self, key: str, default: Optional[T] = None) -> Optional[T]:
        """The object ``key`` names (as ``view[key]``), or ``default``."""
        found = self._lookup(_lib.text(key, "key"))
        return default if found is None else found

    def _lookup(self, key: str) -> Optional[T]:
        from . import objects

        plan = self._plan
        with plan._lock:
            h = plan._c()
            if "\0" in key:
                return None
            if self._what == "fields":
                ptr = core.kik_plan_find_field(h, key)
                obj = None if ptr is None else objects.Field._of(plan, core.kik_field_code(ptr))
            elif self._what == "measures":
                ptr = core.kik_plan_find_measure(h, key)
                obj = None if ptr is None else objects.Measure._of(plan, core.kik_measure_id(ptr))
            elif self._what == "goals":
                code, _, number = key.rpartition("-")
                if not code and isinstance(self._scope, str):
                    code = self._scope
                obj = objects.Goal._of(plan, (code, int(number))) if number.isdigit() else None
            else:
                code, _, name = key.partition("/") if "/" in key and not isinstance(self._scope, str) else (
                    self._scope, "", key)
                obj = objects.Group._of(plan, (code, name)) if code else None
        return obj if obj is not None and obj in self else None

    def __iter__(self) -> Iterator[T]:
        if self._whole_plan_measures():
            return (self._at(i) for i in range(len(self)))
        cls, plan = self._class(), self._plan
        return (cls._of(plan, key) for key in self._all_keys())

    def __reversed__(self) -> Iterator[T]:
        return (self._at(i) for i in range(len(self) - 1, -1, -1))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self._lookup(item) is not None
        from .objects import _Child

        if not isinstance(item, _Child) or type(item) is not self._class() or item._plan is not self._plan:
            return False
        if self._whole_plan_measures():
            return item._exists()
        return item._key in self._all_keys()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ObjectsView):
            return list(self) == list(other)
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _where(self) -> str:
        if self._scope is None:
            return "the plan"
        return f"field {self._scope}" if isinstance(self._scope, str) else f"goal {self._scope[0]}-{self._scope[1]}"

    def to_pandas(self) -> pandas.DataFrame:
        """A data frame of the view: for fields, groups and goals their summaries (one row
        each, see :meth:`kik.Plan.summaries`), for measures the measures' frame."""
        from . import frames

        if self._what == "measures":
            frame = frames.measures(self._plan)
            if self._scope is not None:
                frame = frame[frame["id"].isin(self._all_keys())].reset_index(drop=True)
            return frame
        frame = frames.summaries(self._plan, self._what[:-1])
        if isinstance(self._scope, str):
            frame = frame[frame["field"] == self._scope].reset_index(drop=True)
        return frame

    def __repr__(self) -> str:
        n = len(self)
        shown = ", ".join(str(k) if not isinstance(k, tuple) else f"{k[0]}/{k[1]}" if self._what == "groups"
                          else f"{k[0]}-{k[1]}" for k in (self._all_keys()[:6] if not self._whole_plan_measures()
                                                          else [getattr(m, "id") for m in self[:6]]))
        return f"<kik {self._what} of {self._where()}: {n} ({shown}{', ...' if n > 6 else ''})>"


class TasksView:
    """The tasks of a plan, keyed by their number: ``plan.tasks[17]``, ``17 in
    plan.tasks``, ``len(plan.tasks)``; iterating yields the tasks measure by measure in
    document order. ``to_pandas()`` is the tasks' data frame."""

    __slots__ = ("_plan",)

    def __init__(self, plan: "Plan") -> None:
        self._plan = plan

    def __len__(self) -> int:
        return self._plan._call(core.kik_plan_task_count)

    def __getitem__(self, task_id: int) -> "Task":
        from .objects import Task

        task_id = _lib.integer(task_id, "a task id")
        if self._plan._call(core.kik_plan_find_task, task_id) is None:
            raise NotFoundError(f"task {task_id} is not in the plan")
        return Task._of(self._plan, task_id)

    def get(self, task_id: int, default: Optional["Task"] = None) -> Optional["Task"]:
        """The task with this number, or ``default``."""
        try:
            return self[task_id]
        except NotFoundError:
            return default

    def find(self, measure: str, kind: str, title: str) -> Optional["Task"]:
        """The task of ``measure`` with this kind and title (its natural key), or None."""
        from .enums import TaskKind

        from .objects import Task

        code = _lib.enum(TaskKind, kind, "kind")._code
        found = self._plan._call(core.kik_plan_find_task_by_key, _lib.text(measure, "measure id"), code,
                                 _lib.text(title, "title"))
        return None if found is None else Task._of(self._plan, core.kik_task_id(found))

    def __iter__(self) -> Iterator["Task"]:
        from .objects import Task

        plan = self._plan
        with plan._lock:
            h = plan._c()
            ids = [core.kik_task_id(core.kik_measure_task(m, i))
                   for m in (core.kik_plan_measure(h, k) for k in range(core.kik_plan_measure_count(h)))
                   for i in range(core.kik_measure_task_count(m))]
        return (Task._of(plan, task_id) for task_id in ids)

    def __contains__(self, item: object) -> bool:
        from .objects import Task

        if isinstance(item, Task):
            return item._plan is self._plan and item._exists()
        if isinstance(item, int) and not isinstance(item, bool):
            return item >= 0 and self._plan._call(core.kik_plan_find_task, item) is not None
        return False

    def to_pandas(self) -> pandas.DataFrame:
        """One row per task (see :func:`kik.frames.tasks`)."""
        from . import frames

        return frames.tasks(self._plan)

    def __repr__(self) -> str:
        return f"<kik tasks of the plan: {len(self)}>"
