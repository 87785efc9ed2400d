"""The one way into the SWIG module: the error factory it raises through, the names of
import kinds, encodings and formats, labels and parsing of named values, and the checks
that turn a wrong argument into a :class:`kik.ArgumentTypeError` or
:class:`kik.InvalidValueError` naming what is allowed, before any C type is involved.
"""

from __future__ import annotations

import importlib
import os
from typing import Any, Dict, Mapping, Optional, TypeVar

from . import errors

#: the SWIG module (core.py over the extension _core); untyped, so Any to the type checker
core: Any = importlib.import_module(".core", __package__)

core.kik_py_set_error_factory(errors._from_c)

T = TypeVar("T")

#: import kinds by name; "matrix" is the report's status matrix
KINDS: Dict[str, int] = {
    "auto": core.KIK_IMPORT_AUTO, "measures": core.KIK_IMPORT_MEASURES, "tasks": core.KIK_IMPORT_TASKS,
    "fields": core.KIK_IMPORT_FIELDS, "published": core.KIK_IMPORT_PUBLISHED,
    "plan_info": core.KIK_IMPORT_PLAN_INFO, "matrix": core.KIK_IMPORT_MATRIX,
    # the report's content (kik/content.py)
    "notes": core.KIK_IMPORT_NOTES, "field_notes": core.KIK_IMPORT_FIELD_NOTES, "projects": core.KIK_IMPORT_PROJECTS,
    "timeline": core.KIK_IMPORT_TIMELINE, "priorities": core.KIK_IMPORT_PRIORITIES, "figures": core.KIK_IMPORT_FIGURES,
}
CONTENT_KINDS = ("notes", "field_notes", "projects", "timeline", "priorities", "figures")
#: the kinds an export writes
EXPORT_KINDS: Dict[str, int] = {k: v for k, v in KINDS.items() if k not in ("auto", "matrix")}
ENCODINGS: Dict[str, int] = {"auto": core.KIK_ENCODING_AUTO, "utf-8": core.KIK_ENCODING_UTF8,
                             "windows-1252": core.KIK_ENCODING_CP1252}
EXPORT_ENCODINGS: Dict[str, int] = {k: v for k, v in ENCODINGS.items() if k != "auto"}
DELIMITERS: Dict[str, str] = {";": ";", ",": ",", "\t": "\t", "tab": "\t"}
LANGS: Dict[str, int] = {"de": core.KIK_LANG_DE, "en": core.KIK_LANG_EN}
FORMATS: Dict[str, int] = {"html": core.KIK_REPORT_HTML, "md": core.KIK_REPORT_MARKDOWN,
                           "markdown": core.KIK_REPORT_MARKDOWN}
#: which status a measures export writes, and its header and value names
EXPORT_STATUS: Dict[str, int] = {"recorded": core.KIK_EXPORT_RECORDED, "derived": core.KIK_EXPORT_DERIVED}
EXPORT_LABELS: Dict[str, int] = {"keys": core.KIK_EXPORT_KEYS, "german": core.KIK_EXPORT_GERMAN}
#: import flags
IMPORT_COMPLETE: int = core.KIK_IMPORT_COMPLETE

# per enum class: the library's key and label functions, and what kik_py_parse calls it
_NAMES = {
    "Status": (core.kik_status_key, core.kik_status_label, 0),
    "TaskKind": (core.kik_task_kind_key, core.kik_task_kind_label, 1),
    "TaskState": (core.kik_task_state_key, core.kik_task_state_label, 2),
    "Rule": (core.kik_rule_key, None, 3),
    "FindingKind": (core.kik_finding_kind_key, None, None),
    "ReasonCode": (core.kik_reason_code_key, None, None),
    "ObjectKind": (core.kik_object_kind_key, None, None),
    "ChangeKind": (core.kik_change_kind_key, None, None),
}


def label(member: Any, lang: str) -> str:
    """A named value's label in ``lang`` (the key where the library has no label)."""
    code = choice(lang, LANGS, "lang")
    _, label_fn, _ = _NAMES.get(type(member).__name__, (None, None, None))
    return label_fn(member._code, code) if label_fn else str(member)


def parse_name(cls: Any, text: str) -> Any:
    """The member of ``cls`` that ``text`` names (a key or a German or English label, as the
    library parses them), or None."""
    _, _, which = _NAMES.get(cls.__name__, (None, None, None))
    if which is not None:
        if "\0" in text:
            return None
        code = core.kik_py_parse(which, text)
        return cls._members()[code] if code >= 0 else None
    folded = _fold(text)
    return next((m for m in cls._members() if _fold(str(m)) == folded), None)


def library_keys(cls: Any) -> list:
    """Every key the library has for the kind of value ``cls`` names, in its order (for tests)."""
    key_fn = _NAMES[cls.__name__][0]
    keys, i = [], 0
    while key_fn(i) is not None:
        keys.append(key_fn(i))
        i += 1
    return keys


def _fold(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


# ---- argument checks -------------------------------------------------------------


def type_error(what: str, expected: str, value: object) -> errors.ArgumentTypeError:
    """The error for an argument of the wrong type."""
    return errors.ArgumentTypeError(f"{what} must be {expected}, not {type(value).__name__}")


def text(value: object, what: str) -> str:
    """``value`` if it is a str the library can take (no NUL), else an error naming ``what``."""
    if not isinstance(value, str):
        raise type_error(what, "a str", value)
    if "\0" in value:
        raise errors.InvalidValueError(f"{what} must not contain a NUL character")
    return value


def optional_text(value: object, what: str) -> Optional[str]:
    """As :func:`text`, or None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise type_error(what, "a str or None", value)
    return text(value, what)


def path(value: object, what: str = "path") -> str:
    """A file path as the library takes it, from a str or an os.PathLike."""
    if not isinstance(value, (str, os.PathLike)):
        raise type_error(what, "a str or an os.PathLike", value)
    result = os.fspath(value)
    if not isinstance(result, str):
        result = os.fsdecode(result)
    return text(result, what)


def choice(value: object, allowed: Mapping[str, T], what: str) -> T:
    """The library's value for one of the names in ``allowed``."""
    if not isinstance(value, str):
        raise type_error(what, "one of " + ", ".join(repr(k) for k in allowed), value)
    try:
        return allowed[value]
    except KeyError:
        raise errors.InvalidValueError(f"{value!r} is not a {what}: expected one of "
                                       + ", ".join(repr(k) for k in allowed)) from None


def integer(value: object, what: str, *, minimum: int = 0) -> int:
    """``value`` if it is an int (not a bool) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            import numpy

            if isinstance(value, numpy.integer):
                value = int(value)
        except ImportError:  # pragma: no cover - numpy comes with pandas
            pass
    if isinstance(value, bool) or not isinstance(value, int):
        raise type_error(what, "an int", value)
    if value < minimum:
        raise errors.InvalidValueError(f"{what} must be at least {minimum}, not {value}")
    return value


def enum(cls: Any, value: object, what: str) -> Any:
    """The member of ``cls`` that ``value`` is or names."""
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):
        raise type_error(what, f"a {cls.__name__} or one of its keys ({cls._keys()})", value)
    return cls(value)
