"""Errors raised by coopecon: one class per kind of problem, all subclasses of :class:`Error` (a ``ValueError``).

Every error of the C++ library arrives as the class for the code of its first problem. ``str(error)`` is the
C++ message: every problem on its own line, with where it was found (``file:line:column`` or the field path
``organizations[0].events[2].date``), the organisation and event concerned, and the rule and legal basis that
refused it. ``error.problems`` holds the same problems as dicts with the keys ``code``, ``message``, ``file``,
``line``, ``column``, ``path``, ``organization``, ``event``, ``date``, ``rule`` and ``legal_basis`` (``None``
where not known).
"""

from __future__ import annotations

from typing import Any, ClassVar, Iterable, Mapping, Optional

__all__ = [
    "Error",
    "ParseError",
    "InvalidValueError",
    "WrongTypeError",
    "MissingFieldError",
    "UnknownFieldError",
    "UnknownNameError",
    "DuplicateError",
    "RuleViolation",
    "IntegrityError",
    "FileError",
    "UsageError",
    "Cancelled",
    "error_class",
]

PROBLEM_KEYS = ("code", "message", "file", "line", "column", "path", "organization", "event", "date", "rule",
                "legal_basis")


class Error(ValueError):
    """A coopecon error, listing every problem found."""

    code: ClassVar[str] = ""

    def __init__(self, message: str = "", problems: Iterable[Mapping[str, Any]] = ()) -> None:
        # Only the message goes to the base, so str(error) is the message and pickling restores `problems`
        # from the instance dict.
        super().__init__(message)
        self.problems: list[dict[str, Any]] = [dict(p) for p in problems]


class ParseError(Error):
    """The text is not well-formed JSON."""

    code = "syntax"


class InvalidValueError(Error):
    """A value of the right type that is not allowed: 2023-02-30, a number out of range."""

    code = "invalid_value"


class WrongTypeError(Error, TypeError):
    """A value of the wrong type: text where a number is expected. Also a ``TypeError``."""

    code = "wrong_type"


class MissingFieldError(Error):
    """A required key is absent or empty."""

    code = "missing_field"


class UnknownFieldError(Error):
    """A key that the format does not define."""

    code = "unknown_field"


class UnknownNameError(Error):
    """A name that does not exist: an enumerator, organisation, member or area."""

    code = "unknown_name"


class DuplicateError(Error):
    """An id, member or record given twice."""

    code = "duplicate"


class RuleViolation(Error):
    """A legal rule or the transition table forbids it; the problems name the rule and its legal basis."""

    code = "rule_violation"


class IntegrityError(Error):
    """The event log would contradict itself: an event after termination, a member leaving twice."""

    code = "integrity"


class FileError(Error):
    """A file cannot be read or written."""

    code = "io"


class UsageError(Error):
    """A call that cannot be carried out as asked."""

    code = "usage"


class Cancelled(UsageError):
    """A computation stopped by its cancellation token (coopecon.simulation.CancellationToken) before it
    finished; nothing partial is returned. Its code is ``usage``, as in the C++ library; Ctrl-C raises
    ``KeyboardInterrupt`` instead."""


_BY_CODE: dict[str, type[Error]] = {
    cls.code: cls
    for cls in (ParseError, InvalidValueError, WrongTypeError, MissingFieldError, UnknownFieldError,
                UnknownNameError, DuplicateError, RuleViolation, IntegrityError, FileError, UsageError)
}


def error_class(code: str) -> type[Error]:
    """The class raised for a problem code (an ``ErrorCode`` name); :class:`Error` for a code it does not know."""
    return _BY_CODE.get(code, Error)


def problem(code: str, message: str, *, path: Optional[str] = None) -> dict[str, Any]:
    """A problem dict as the C++ library reports them, for errors raised by the Python layer."""
    out: dict[str, Any] = dict.fromkeys(PROBLEM_KEYS)
    out.update(code=code, message=message, path=path)
    return out


def make_error(code: str, message: str, *, path: Optional[str] = None) -> Error:
    """The error for one problem found by the Python layer, worded as the C++ library words its own."""
    text = f"{path}: {message}" if path else message
    return error_class(code)(text, [problem(code, message, path=path)])
