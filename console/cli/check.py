"""Arguments checked at the edge, before any database or network is touched.

Why here and not in argparse ``type=``: the message must be in the user's language, which is
known only once the whole line is parsed (``--lang`` may come last). Each check raises
``UsageError`` (exit 2) with one sentence; nothing has been opened or sent yet.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from console.cli.common import UsageError
from console.words.cli import cli_text
from console.words.errors import bad_address_text

#: SQLite's INTEGER range: a larger --limit cannot even be bound (it is refused, not capped).
MAX_LIMIT = 2**63 - 1
#: Store names and ids are short; SQLite refuses LIKE patterns past 50,000 bytes anyway.
MAX_FILTER = 200


def limit(value: int | None, lang: str) -> int | None:
    """``--limit``: None (no limit) or 1 … 2**63-1."""
    if value is None:
        return None
    if value < 1:
        raise UsageError("usage", cli_text("limit_too_small", lang, value=value), option="--limit")
    if value > MAX_LIMIT:
        raise UsageError("usage", cli_text("limit_too_large", lang, maximum=MAX_LIMIT), option="--limit")
    return value


def filter_text(value: str, lang: str) -> str:
    """``--filter``: at most MAX_FILTER characters."""
    if len(value) > MAX_FILTER:
        text = cli_text("filter_too_long", lang, length=len(value), maximum=MAX_FILTER)
        raise UsageError("usage", text, option="--filter")
    return value


def platform_url(value: str | None, lang: str) -> str | None:
    """``--platform``: an http(s) URL with a host (and a valid port, if any), or None."""
    if value is None:
        return None
    try:
        parts = urlsplit(value.strip())
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        text = bad_address_text(value, "syntax", lang)
        raise UsageError("bad_address", text, option="--platform") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise UsageError("bad_address", bad_address_text(value, "scheme", lang), option="--platform")
    if not parts.hostname:
        raise UsageError("bad_address", bad_address_text(value, "host", lang), option="--platform")
    return value.strip()
