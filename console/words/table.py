"""One way to look a message up in a ``{key: (zh, en)}`` table, for the word modules here."""

from __future__ import annotations

from typing import Any

Words = dict[str, tuple[str, str]]


def say(words: Words, key: str, lang: str, **params: Any) -> str:
    """The message ``key`` in ``lang`` (zh* → Chinese, anything else → English), formatted."""
    zh, en = words[key]
    text = zh if lang.lower().startswith("zh") else en
    return text.format(**params) if params else text
