"""The exceptions of kik. Every failure raises a :class:`kik.Error`; each class is also
the builtin exception that fits (``NotFoundError`` a ``KeyError``, ``ParseError`` a
``ValueError``, ``MissingFileError`` a ``FileNotFoundError``, ...). The README documents
the model in one place (section "From Python", "Errors"); each class says when it is
raised. Every one carries ``code`` (the library's ``KIK_E*``, 0 when Python raised it),
``message``, and for input data ``path``, ``line`` and ``column``.
"""

from __future__ import annotations

import errno as _errno
import os as _os
from typing import Any, Optional, Type

__all__ = [
    "Error", "ParseError", "LimitError", "InvalidValueError", "ArgumentTypeError", "NotFoundError",
    "AlreadyExistsError", "NotEmptyError", "DerivedStatusError", "ClosedError", "FileError",
    "MissingFileError", "CorruptError", "VersionError", "ReadOnlyError", "BusyError", "OutOfMemoryError",
]


class Error(Exception):
    """The base class of every exception kik raises."""

    #: the library's error code (``KIK_E*``, negative), or 0 when Python raised it
    code: int = 0
    #: the file (or the name given for bytes) the error is about, or None
    path: Optional[str] = None
    #: the 1-based line in ``path``, or 0
    line: int = 0
    #: the 1-based character column in ``path``, or 0
    column: int = 0

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        if self.path is not None and self.line:
            return f"{self.path}:{self.line}:{self.column}: {self.message}"
        if self.path is not None:
            return f"{self.path}: {self.message}"
        return self.message

    def __reduce__(self) -> Any:
        return (_make, (type(self), self.message, self.code, self.path, self.line, self.column,
                        getattr(self, "errno", None) or 0))


class ParseError(Error, ValueError):
    """Invalid input data; ``path``, ``line`` and ``column`` say where."""


class LimitError(Error, ValueError):
    """The input exceeds a configured limit (cell size, cells per row, rows)."""


class InvalidValueError(Error, ValueError):
    """An argument has a value that is not allowed; the message names the allowed ones."""


class ArgumentTypeError(Error, TypeError):
    """An argument has the wrong Python type; the message names the allowed types."""


class NotFoundError(Error, KeyError):
    """A looked-up object (field, group, goal, measure, task) does not exist."""


class AlreadyExistsError(Error, ValueError):
    """An object with this identity exists already (a field code, measure id, task)."""


class NotEmptyError(Error, ValueError):
    """The object still holds others (a field with goals, a goal with measures)."""


class DerivedStatusError(Error, ValueError):
    """A status was assigned to a measure whose tasks decide its status."""


class ClosedError(Error, ValueError):
    """The plan was closed; its objects cannot be used any more."""


class FileError(Error, OSError):
    """A file could not be opened, read or written; ``errno`` says why where known."""


class MissingFileError(FileError, FileNotFoundError):
    """A file does not exist."""


class CorruptError(FileError):
    """A file is damaged, or not of the kind expected."""


class VersionError(FileError):
    """A file was written by a newer version of libkik."""


class ReadOnlyError(Error, PermissionError):
    """A change was asked of something opened read-only."""


class BusyError(Error, TimeoutError):
    """A store stayed locked by another writer beyond the busy timeout."""


class OutOfMemoryError(Error, MemoryError):
    """An allocation failed; nothing was changed."""


# the library's codes (kik/common.h), and the class each raises
_CLASSES = {
    -1: OutOfMemoryError, -2: InvalidValueError, -3: ParseError, -4: FileError, -5: NotFoundError,
    -6: LimitError, -7: AlreadyExistsError, -8: NotEmptyError, -9: BusyError, -10: CorruptError,
    -11: VersionError, -12: ReadOnlyError,
}

# errno by the text strerror gives it, for libraries that name the error only in the message
_ERRNO_BY_TEXT = {_os.strerror(number): number for number in _errno.errorcode}


def _make(cls: Type[Error], message: str, code: int = 0, path: Optional[str] = None, line: int = 0,
          column: int = 0, os_error: int = 0) -> Error:
    """An exception of class ``cls`` with every detail set (also what unpickling calls)."""
    exc = cls(message)
    exc.code, exc.path, exc.line, exc.column = code, path, line, column
    if isinstance(exc, OSError):
        exc.errno = os_error or None  # type: ignore[assignment]
        exc.strerror = _os.strerror(os_error) if os_error else message
        exc.filename = path
    return exc


def _from_c(code: int, message: str, path: Optional[str], line: int, column: int, os_error: int) -> Error:
    """The exception of a failed library call (the bindings call this; see errors.i)."""
    cls = _CLASSES.get(code, Error)
    if cls is FileError:
        if not os_error:  # a library that only names it: "cannot open the file: No such file ..."
            os_error = next((number for text, number in _ERRNO_BY_TEXT.items() if message.endswith(text)), 0)
        if os_error == _errno.ENOENT:
            cls = MissingFileError
    return _make(cls, message, code, path, line, column, os_error)
