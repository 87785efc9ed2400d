"""The objects of a plan: fields of action, groups, goals, measures and tasks.

Each is a reference into its plan by identity (a field by its code, a group by field and
name, a goal by field and number, a measure by its id, a task by its number): it keeps
the plan alive, finds its counterpart again after the plan changed, and raises
:class:`kik.NotFoundError` when that is gone. Two objects are equal when they name the
same thing in the same plan. They come from a plan (``plan.measure("SB-4.6")``,
``plan.fields``, ...); their classes cannot be called.
"""

from __future__ import annotations

import datetime
import warnings
from typing import TYPE_CHECKING, Any, Callable, Iterator, List, Optional, Tuple, TypeVar, Union

from . import _lib, display
from .content import GoalContent, MeasureContent
from ._lib import core
from .enums import Status, TaskKind, TaskState
from .errors import ArgumentTypeError, DerivedStatusError, NotFoundError
from .records import Counts, Explanation, Reason, Summary
from .views import ObjectsView

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["Field", "Group", "Goal", "Measure", "Task", "DerivedStatusWarning"]

T = TypeVar("T")
StatusLike = Union[Status, str]


class DerivedStatusWarning(UserWarning):
    """A recorded status was set that does not count: the measure's tasks decide its status."""


class _Child:
    """An object of a plan, found by its key."""

    __slots__ = ("_plan", "_key", "_ptr", "_generation")
    _plan: "Plan"
    _key: Any
    _ptr: Any
    _generation: int
    _HOW = ""  # how to get one, for the error of calling the class

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise ArgumentTypeError(f"kik.{type(self).__name__} objects come from a plan: {self._HOW}")

    @classmethod
    def _of(cls: Any, plan: "Plan", key: Any) -> Any:
        obj = object.__new__(cls)
        obj._plan, obj._key, obj._ptr, obj._generation = plan, key, None, -1
        return obj

    @property
    def plan(self) -> "Plan":
        """The plan this object belongs to."""
        return self._plan

    def _find(self) -> Any:  # pragma: no cover - every class has its own
        raise NotImplementedError

    def _describe(self) -> str:
        return f"{type(self).__name__.lower()} {self._key}"

    def _handle(self) -> Any:
        """The C handle; the caller holds the plan's lock."""
        plan = self._plan
        plan._c()  # ClosedError after close()
        if self._generation != plan._generation:
            ptr = self._find()
            if ptr is None:
                raise NotFoundError(f"{self._describe()} is not in the plan")
            self._ptr, self._generation = ptr, plan._generation
        return self._ptr

    def _get(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(handle, *args)`` under the plan's lock."""
        with self._plan._lock:
            return fn(self._handle(), *args)

    def _exists(self) -> bool:
        with self._plan._lock:
            try:
                self._handle()
            except NotFoundError:
                return False
            return True

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, _Child) and type(other) is type(self) and other._plan is self._plan
                and other._key == self._key)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((type(self), id(self._plan), self._key))

    def __reduce__(self) -> Any:
        return (_child, (type(self), self._plan, self._key))


class _MeasuresOf(_Child):
    """An object that holds measures (a field, group or goal): it iterates them, and
    ``in`` asks whether a measure is one of them."""

    __slots__ = ()
    measures: Any

    def __iter__(self) -> Iterator["Measure"]:
        return iter(self.measures)

    def __contains__(self, item: object) -> bool:
        return item in self.measures


def _child(cls: Any, plan: "Plan", key: Any) -> Any:
    """An object of ``plan`` (what unpickling and copying call)."""
    return cls._of(plan, key)


class Field(_MeasuresOf):
    """A field of action (Handlungsfeld), identified by its code (``'SB'``).

    ``len(field)`` is its number of measures and ``iter(field)`` yields them; ``field.goals``
    and ``field.groups`` are views of its goals and groups.
    """

    __slots__ = ()
    _HOW = "plan.field('SB'), plan.fields"

    def _find(self) -> Any:
        ptr = core.kik_plan_find_field(self._plan._c(), self._key)
        return ptr if ptr is not None and core.kik_field_code(ptr) == self._key else None

    @property
    def code(self) -> str:
        """The field's code, e.g. ``'SB'``."""
        return self._key

    @property
    def name(self) -> str:
        """The field's name, e.g. ``'Sprache und Bildung'``."""
        return self._get(core.kik_field_name)

    @property
    def aliases(self) -> List[str]:
        """Other names under which files may name the field."""
        return self._get(lambda h: [core.kik_field_alias(h, i) for i in range(core.kik_field_alias_count(h))])

    @property
    def groups(self) -> ObjectsView["Group"]:
        """The field's groups in document order (a view: index, slice, look up by name)."""
        return ObjectsView(self._plan, "groups", self._key)

    @property
    def goals(self) -> ObjectsView["Goal"]:
        """The field's goals in document order (a view: index, slice, look up by number)."""
        return ObjectsView(self._plan, "goals", self._key)

    @property
    def measures(self) -> ObjectsView["Measure"]:
        """The field's measures in document order (a view)."""
        return ObjectsView(self._plan, "measures", self._key)

    def __len__(self) -> int:
        return self._get(core.kik_field_measure_count)

    def summary(self) -> Summary:
        """Counts, shares and whole percentages of the field's measures by status."""
        return Summary._from(self._get(core.kik_py_summary_field), f"{self.code} {self.name}")

    @property
    def published(self) -> Optional[Counts]:
        """The figures published for the field (waiting, in_progress, implemented), or None."""
        raw = self._get(core.kik_py_published)
        return None if raw is None else Counts(*raw[:3])

    def set_published(self, waiting: int, in_progress: int, implemented: int, total: int = 0) -> None:
        """Records the figures published for the field (``total`` 0: none published)."""
        counts = [_lib.integer(v, name) for v, name in ((waiting, "waiting"), (in_progress, "in_progress"),
                                                         (implemented, "implemented"), (total, "total"))]
        self._plan._edit(core.kik_py_set_published, self._key, *counts)

    def _repr_html_(self) -> str:
        return display.field(self)

    def __repr__(self) -> str:
        return f"<kik.Field {self.code} {self.name!r}: {len(self)} measures>"


class Group(_MeasuresOf):
    """A group of goals inside a field, identified by its field and name.

    ``len(group)`` is its number of measures and ``iter(group)`` yields them.
    """

    __slots__ = ()
    _HOW = "field.groups, goal.group, plan.groups"

    def _find(self) -> Any:
        field = core.kik_plan_find_field(self._plan._c(), self._key[0])
        for i in range(core.kik_field_group_count(field) if field is not None else 0):
            group = core.kik_field_group(field, i)
            if core.kik_group_name(group) == self._key[1]:
                return group
        return None

    @property
    def name(self) -> str:
        """The group's name."""
        return self._key[1]

    @property
    def field(self) -> Field:
        """The field the group belongs to."""
        return Field._of(self._plan, self._key[0])

    @property
    def goals(self) -> List["Goal"]:
        """The group's goals in document order."""
        return self._get(lambda h: [Goal._of(self._plan, (self._key[0], core.kik_goal_number(core.kik_group_goal(h, i))))
                                    for i in range(core.kik_group_goal_count(h))])

    @property
    def measures(self) -> List["Measure"]:
        """The measures of the group's goals in document order."""
        return [m for goal in self.goals for m in goal.measures]

    def __len__(self) -> int:
        return sum(len(goal) for goal in self.goals)

    def summary(self) -> Summary:
        """Counts, shares and whole percentages of the group's measures by status."""
        return Summary._from(self._get(core.kik_py_summary_group), f"{self._key[0]} {self.name}")

    def _repr_html_(self) -> str:
        return display.summary(self.summary())

    def __repr__(self) -> str:
        return f"<kik.Group {self._key[0]} {self.name!r}>"


class Goal(_MeasuresOf, GoalContent):
    """A goal (Ziel), numbered within its field; ``id`` is ``'SB-4'``.

    ``len(goal)`` is its number of measures, ``iter(goal)`` yields them.
    """

    __slots__ = ()
    _HOW = "field.goals, measure.goal, plan.goal('SB-4'), plan.goals"

    def _find(self) -> Any:
        field = core.kik_plan_find_field(self._plan._c(), self._key[0])
        return core.kik_field_find_goal(field, self._key[1]) if field is not None else None

    @property
    def id(self) -> str:
        """The goal's field code and number, e.g. ``'SB-4'``."""
        return f"{self._key[0]}-{self._key[1]}"

    @property
    def number(self) -> int:
        """The goal's number within its field."""
        return self._key[1]

    @property
    def text(self) -> str:
        """The goal's text ("" if none was given)."""
        return self._get(core.kik_goal_text)

    @property
    def field(self) -> Field:
        """The field the goal belongs to."""
        return Field._of(self._plan, self._key[0])

    @property
    def group(self) -> Optional[Group]:
        """The goal's group, or None."""
        group = self._get(core.kik_goal_group)
        return None if group is None else Group._of(self._plan, (self._key[0], core.kik_group_name(group)))

    @property
    def measures(self) -> ObjectsView["Measure"]:
        """The goal's measures in document order (a view)."""
        return ObjectsView(self._plan, "measures", self._key)

    def __len__(self) -> int:
        return self._get(core.kik_goal_measure_count)

    def summary(self) -> Summary:
        """Counts, shares and whole percentages of the goal's measures by status."""
        return Summary._from(self._get(core.kik_py_summary_goal), f"{self.id}")

    def _describe(self) -> str:
        return f"goal {self.id}"

    def _repr_html_(self) -> str:
        return display.goal(self)

    def __repr__(self) -> str:
        return f"<kik.Goal {self.id}: {len(self)} measures>"


class Measure(_Child, MeasureContent):
    """A measure (Maßnahme), identified plan-wide by its id, e.g. ``'SB-4.6'``."""

    __slots__ = ()
    _HOW = "plan.measure('SB-4.6'), plan['SB-4.6'], plan.measures"

    def _find(self) -> Any:
        return core.kik_plan_find_measure(self._plan._c(), self._key)

    def _describe(self) -> str:
        return f"measure {self._key}"

    @property
    def id(self) -> str:
        """The measure's id: field code and number, e.g. ``'SB-4.6'``."""
        return self._key

    @property
    def number(self) -> str:
        """The measure's number within its field, e.g. ``'4.6'`` (the CSV's ``measure``)."""
        return self._get(core.kik_measure_number)

    @property
    def text(self) -> str:
        """The measure's text."""
        return self._get(core.kik_measure_text)

    @property
    def status(self) -> Status:
        """The status that counts: derived from the tasks where there are some, else the
        recorded one. Assigning sets the recorded status of a measure without tasks; for a
        measure with tasks it raises :class:`kik.DerivedStatusError` and changes nothing
        (set ``recorded_status``, or change the tasks)."""
        return Status._members()[self._get(core.kik_measure_status)]

    @status.setter
    def status(self, value: StatusLike) -> None:
        status = _lib.enum(Status, value, "status")
        with self._plan._lock:
            tasks = core.kik_measure_task_count(self._handle())
            if tasks:
                raise DerivedStatusError(
                    f"{self.id} has {tasks} task(s), which decide its status ({self.status}); "
                    f"set recorded_status to change the recorded one, or change the tasks")
            self._plan._edit(core.kik_py_set_recorded_status, self._key, status._code)

    @property
    def recorded_status(self) -> Status:
        """The status as the data recorded it. Setting it on a measure whose tasks decide its
        status warns with :class:`kik.DerivedStatusWarning` (the figures do not change)."""
        return Status._members()[self._get(core.kik_measure_recorded_status)]

    @recorded_status.setter
    def recorded_status(self, value: StatusLike) -> None:
        status = _lib.enum(Status, value, "recorded_status")
        counted = self._plan.set_recorded_status(self._key, status)
        if counted != status:
            warnings.warn(DerivedStatusWarning(
                f"{self.id}: recorded status set to {status}, but its tasks decide its status ({counted})"),
                stacklevel=2)

    @property
    def has_tasks(self) -> bool:
        """Whether the measure has tasks (and so a status derived from them)."""
        return bool(self._get(core.kik_measure_task_count))

    @property
    def field(self) -> Field:
        """The field the measure belongs to."""
        return Field._of(self._plan, self._get(lambda h: core.kik_field_code(core.kik_measure_field(h))))

    @property
    def goal(self) -> Goal:
        """The goal the measure belongs to."""
        return self._get(lambda h: Goal._of(self._plan, (core.kik_field_code(core.kik_measure_field(h)),
                                                          core.kik_goal_number(core.kik_measure_goal(h)))))

    @property
    def group(self) -> Optional[Group]:
        """The group of the measure's goal, or None."""
        return self.goal.group

    @property
    def tasks(self) -> List["Task"]:
        """The measure's tasks, in the order they were added."""
        return self._get(lambda h: [Task._of(self._plan, core.kik_task_id(core.kik_measure_task(h, i)))
                                    for i in range(core.kik_measure_task_count(h))])

    def explain(self) -> Explanation:
        """Why the measure has its status: reasons in German and English."""
        with self._plan._lock:
            status, reasons = core.kik_py_explain(self._plan._c(), self._handle())
        return Explanation(Reason._from(r) for r in reasons)._about(self._key, Status._members()[status])

    def _repr_html_(self) -> str:
        return display.measure(self)

    def __repr__(self) -> str:
        return f"<kik.Measure {self.id} {self.status}: {self.text[:40]!r}>"


class Task(_Child):
    """A task of a measure (a concept task, an AG task or a work package), identified by
    its number in the plan (``id``). Setting ``state``, ``title``, ``due`` or ``owner``
    changes it in the plan; the measure's derived status follows at once."""

    __slots__ = ()
    _HOW = "plan.add_task(...), plan.task(17), plan.tasks, measure.tasks"

    def _find(self) -> Any:
        return core.kik_plan_find_task(self._plan._c(), self._key)

    def _describe(self) -> str:
        return f"task {self._key}"

    @property
    def id(self) -> int:
        """The task's number, unique in the plan."""
        return self._key

    @property
    def measure(self) -> Measure:
        """The measure the task belongs to."""
        return Measure._of(self._plan, self._get(lambda h: core.kik_measure_id(core.kik_task_measure(h))))

    @property
    def kind(self) -> TaskKind:
        """The kind: concept, ag or work_package."""
        return TaskKind._members()[self._get(core.kik_task_kind_of)]

    @kind.setter
    def kind(self, value: Union[TaskKind, str]) -> None:
        self.update(kind=value)

    @property
    def state(self) -> TaskState:
        """The state: open, in_progress, done or not_applicable."""
        return TaskState._members()[self._get(core.kik_task_state_of)]

    @state.setter
    def state(self, value: Union[TaskState, str]) -> None:
        self._plan._edit(core.kik_plan_set_task_state, self._key, _lib.enum(TaskState, value, "state")._code)

    @property
    def title(self) -> str:
        """The task's title."""
        return self._get(core.kik_task_title)

    @title.setter
    def title(self, value: str) -> None:
        self._plan._edit(core.kik_plan_set_task_title, self._key, _lib.text(value, "title"))

    @property
    def due(self) -> Optional[str]:
        """The due date as ``'YYYY-MM-DD'``, or None. Set a str of that form, a
        ``datetime.date`` or None."""
        return self._get(core.kik_task_due) or None

    @due.setter
    def due(self, value: Union[str, datetime.date, None]) -> None:
        self._plan._edit(core.kik_plan_set_task_due, self._key, _date(value) or "")

    @property
    def owner(self) -> Optional[str]:
        """Who is responsible, or None."""
        return self._get(core.kik_task_owner) or None

    @owner.setter
    def owner(self, value: Optional[str]) -> None:
        self._plan._edit(core.kik_plan_set_task_owner, self._key, _lib.optional_text(value, "owner") or "")

    def update(self, *, kind: Union[TaskKind, str, None] = None, state: Union[TaskState, str, None] = None,
               title: Optional[str] = None, due: Union[str, datetime.date, None] = None,
               owner: Optional[str] = None) -> None:
        """Changes some of the task's values (``""`` clears ``due`` and ``owner``); the
        others stay."""
        kind = _lib.enum(TaskKind, kind, "kind") if kind is not None else None
        state = _lib.enum(TaskState, state, "state") if state is not None else None
        title = _lib.optional_text(title, "title")
        due = _date(due)
        owner = _lib.optional_text(owner, "owner")
        with self._plan._lock:
            self._plan._edit(core.kik_py_update_task, self._key, None,
                             (kind or self.kind)._code, (state or self.state)._code,
                             title if title is not None else self.title,
                             due if due is not None else (self.due or ""),
                             owner if owner is not None else (self.owner or ""))

    def _key_tuple(self) -> Tuple[str, TaskKind, str]:
        return (self.measure.id, self.kind, self.title)

    def __repr__(self) -> str:
        return f"<kik.Task {self.id} {self.kind} {self.state}: {self.title!r}>"


def _date(value: Union[str, datetime.date, None], what: str = "due") -> Optional[str]:
    """An ISO date string from a str or a date (the library checks the form), or None."""
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    return _lib.optional_text(value, what)
