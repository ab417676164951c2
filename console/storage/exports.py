"""Exports a merchant hands to an accountant: CSV (UTF-8 with BOM) or XLSX, private and whole.

One writer for every export (sales, settlements, the bulk plan): files are created 0600 through
``console.storage.files`` and replaced whole, so a half-written export never stands under the
final name. openpyxl is imported only when an XLSX is written.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from console.storage.files import create_private_file


def yuan(fen: int) -> str:
    """Fen as a plain decimal an accountant's spreadsheet reads as a number: 143200 -> 1432.00."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> None:
    """CSV (UTF-8 with BOM, so Excel opens Chinese right) or XLSX, created 0600 and replaced
    whole: a half-written export never stands under the final name."""
    if fmt not in ("csv", "xlsx"):
        raise ValueError(f"unknown format {fmt}")
    tmp = path.with_name(f".{path.name}.part")
    fd = create_private_file(tmp)
    try:
        os.ftruncate(fd, 0)
        if fmt == "csv":
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
                fd = -1
                writer = csv.writer(fh)
                writer.writerow(headers)
                writer.writerows([[yuan(v.fen) if isinstance(v, Fen) else v for v in row] for row in rows])
        else:
            os.close(fd)
            fd = -1
            _write_xlsx(tmp, headers, rows)
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class Fen:
    """A money cell: written as yuan (a number in XLSX, two decimals)."""

    fen: int


def _write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl import Workbook  # only an XLSX export pays for importing it

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(headers))
    for row in rows:
        cells: list[Any] = []
        for v in row:
            if isinstance(v, Fen):
                cells.append(v.fen / 100)
            elif isinstance(v, date):
                cells.append(v.isoformat())
            else:
                cells.append(v)
        sheet.append(cells)
    book.save(path)
