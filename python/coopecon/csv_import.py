"""CSV import of a registry export (docs/csv-import.md): one row per organisation or one row per event, with
English or Vietnamese headers through a column mapping.

    >>> imported = coopecon.read_csv("examples/organizations.csv")
    >>> imported.registry.snapshot("2025-06-30").to_pandas()
    >>> imported.skipped_frame()        # the rows left out with skip_bad_rows=True, one line per problem

The source is a path, CSV text (any str with a line break), CSV content as bytes (which must be UTF-8), an open
file, or a pandas DataFrame (written out with its column names as headers). A path is read as bytes: a file that
is not UTF-8 raises coopecon.ParseError at its first bad byte, as the command line does. Nothing is loaded when
any row is wrong: the coopecon.Error lists every problem with its line, column and organisation. With ``skip_bad_rows=True`` the organisations with problems are
left out, all their rows, and reported in ``skipped``.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
from typing import TYPE_CHECKING, Any, List, Mapping, Optional, Union

from . import _core
from .errors import UsageError, make_error
from .registry import Registry

if TYPE_CHECKING:
    import pandas

    from .law import Framework

__all__ = ["CsvImport", "SkippedRow", "csv_mappings", "read_csv"]


@dataclasses.dataclass(frozen=True)
class SkippedRow:
    """A row left out, with the problems of its organisation's rows (each a dict like coopecon.Error.problems)."""

    line: int
    organization: Optional[str]
    problems: List[dict]


@dataclasses.dataclass(frozen=True)
class CsvImport:
    """What read_csv loaded: the registry, the rows skipped (empty unless skip_bad_rows) and the mapping used."""

    registry: Registry
    skipped: List[SkippedRow]
    mapping: str

    def skipped_frame(self) -> "pandas.DataFrame":
        """One row per problem of a skipped row: line, organization, problem_line, column, path, message."""
        import pandas

        columns = ["line", "organization", "problem_line", "column", "path", "message"]
        rows = [
            [s.line, s.organization, p["line"], p["column"], p["path"], p["message"]]
            for s in self.skipped
            for p in s.problems
        ]
        return pandas.DataFrame(rows, columns=columns)


def _frame_text(frame: "pandas.DataFrame") -> str:
    """A DataFrame as CSV text, undoing what pandas' defaults did to a whole-number column with empty cells: it
    became float, so 2 would be written "2.0". Such columns are written as whole numbers again; NaN (and None,
    NaT, <NA>) as empty cells."""
    import numpy as np

    frame = frame.copy(deep=False)
    for column in frame.columns:
        values = frame[column]
        if values.dtype.kind == "f":
            present = values.dropna().to_numpy()
            if np.all(np.isfinite(present)) and np.all(present == np.round(present)) and \
                    np.all(np.abs(present) < 2.0**53):
                frame[column] = values.astype("Int64")
    return frame.to_csv(index=False, na_rep="")


def _text_of(source: Any) -> tuple[Union[str, bytes], str]:
    """The CSV content of `source` and the name it has in problems. Bytes, whether given or read from a file, go
    to the reader undecoded, so a file that is not UTF-8 is refused as the command line refuses it, with the line
    and column of the first bad byte."""
    if hasattr(source, "to_csv") and hasattr(source, "columns"):  # a pandas DataFrame
        return _frame_text(source), "<DataFrame>"
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), "<bytes>"
    if hasattr(source, "read"):
        return source.read(), getattr(source, "name", "<stream>")
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        return source, "<string>"
    if isinstance(source, str) and not source:
        raise make_error("usage", "read_csv needs a file name, CSV text with a line break, bytes, an open file or a "
                                  "DataFrame, not an empty string")
    path = os.fspath(source)
    if os.path.isdir(path):
        raise make_error("io", "is a directory, not a file", path=str(path))
    try:
        with open(path, "rb") as f:  # the reader counts CR, LF and CRLF itself
            return f.read(), str(path)
    except OSError as e:
        raise make_error("io", f"cannot open the file: {e.strerror}", path=str(path)) from e


def read_csv(
    source: Any,
    rows: Optional[str] = None,
    *,
    mapping: Union[None, str, "os.PathLike[str]", Mapping[str, Any]] = None,
    skip_bad_rows: bool = False,
    as_of: Union[None, datetime.date, str] = None,
    framework: Optional["Framework"] = None,
    history_from: Union[None, datetime.date, str] = None,
    areas: Union[None, str, "os.PathLike[str]"] = None,
    max_columns: Optional[int] = None,
    max_row_bytes: Optional[int] = None,
) -> CsvImport:
    """Reads a registry export. `rows` is ``"organizations"`` or ``"events"`` (default: the kind the header fits);
    `mapping` is the name of a built-in mapping (``"organizations-vi"`` …), a mapping file, or a mapping as a dict
    (default: the built-in one that knows the header); `as_of` is the export date, after which no date may be.
    `history_from` is the registry's ``info["history_from"]``, the day from which every event is recorded;
    organisation rows are states on the export date, so without it theirs is that date (`as_of`, else the
    latest date in the file) and conditions counted from before it are judged ``unknown`` (docs/legal-rules.md).
    `areas` is an areas file (format coopecon-areas) with the units the export uses that the embedded catalogue
    lacks (docs/areas.md, "Areas an export brings"). `max_columns` and `max_row_bytes` bound one row (default: the
    environment's ``COOPECON_MAX_CSV_COLUMNS`` and ``COOPECON_MAX_CSV_ROW_BYTES``, else 1,000 columns and 1 MiB);
    a row beyond them is refused at once (docs/reliability.md, "Limits").

        >>> imported = coopecon.read_csv(pandas.read_csv("examples/organizations.csv"))
        >>> imported.registry.snapshot("2025-06-30").to_pandas()
    """
    for name, limit in (("max_columns", max_columns), ("max_row_bytes", max_row_bytes)):
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
            raise UsageError(f"{name} must be a whole number from 1 up, not {limit!r}")
    text, file_name = _text_of(source)
    mapping_text = mapping_name = None
    if isinstance(mapping, Mapping):
        mapping_text, mapping_name = json.dumps(mapping), "<mapping>"
    elif mapping is not None and str(mapping) in {m["name"] for m in _core.csv_mappings()}:
        mapping_name = str(mapping)
    elif mapping is not None:
        with open(os.fspath(mapping), encoding="utf-8") as f:
            mapping_text, mapping_name = f.read(), str(mapping)
    areas_text = areas_name = None
    if areas is not None:
        with open(os.fspath(areas), encoding="utf-8") as f:
            areas_text, areas_name = f.read(), os.fspath(areas)
    cpp, skipped, mapping_used = _core.read_csv(
        text,
        file_name,
        rows,
        mapping_text,
        mapping_name,
        skip_bad_rows,
        as_of,
        None if framework is None else framework._cpp,
        history_from,
        areas_text,
        areas_name or "<areas>",
        max_columns,
        max_row_bytes,
    )
    return CsvImport(
        Registry._wrap(cpp),
        [SkippedRow(s["line"], s["organization"], s["problems"]) for s in skipped],
        mapping_used,
    )


def csv_mappings() -> List[dict]:
    """The built-in column mappings: name, title, rows, date_format and columns (header → field)."""
    return _core.csv_mappings()
