"""List responses: a JSON page with its total, or a CSV download of the same rows."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import uuid
from collections.abc import Sequence
from typing import Any

from fastapi.responses import Response

from newsgraph.api.params import Page

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def listing(items: list[dict[str, Any]], total: int, page: Page, name: str, **extra: Any) -> Response:
    """Return ``items`` as a JSON page ({total, limit, offset, items}) or as CSV."""
    if page.format == "csv":
        return csv_response(items, name)
    body = {"total": total, "limit": page.limit, "offset": page.offset, "items": items, **extra}
    return json_response(body)


def json_response(body: Any) -> Response:
    """Return ``body`` as JSON, encoded in one pass (FastAPI's generic encoder took longer than the query)."""
    text = json.dumps(body, default=_plain, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(text.encode("utf-8"), media_type="application/json")


def _plain(value: Any) -> Any:
    """Return a JSON-encodable form of a value json does not know (dates as ISO 8601, as FastAPI writes them)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID | bytes):
        return str(value) if isinstance(value, uuid.UUID) else value.decode("utf-8", "replace")
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def csv_response(items: Sequence[dict[str, Any]], name: str) -> Response:
    """Return rows as a CSV attachment (lists joined with '; ')."""
    out = io.StringIO()
    columns = list(items[0]) if items else []
    writer = csv.writer(out)
    writer.writerow(columns)
    for item in items:
        writer.writerow([csv_cell(item.get(c)) for c in columns])
    headers = {"Content-Disposition": f'attachment; filename="newsgraph-{name}.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def csv_cell(value: Any) -> str:
    """Format one CSV cell; text that a spreadsheet would run as a formula is prefixed with a quote."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    elif not isinstance(value, str):
        return str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value
