"""A small OpenAPI 3.1 / JSON Schema checker for the stub's own /openapi.json.

Just enough of JSON Schema for what FastAPI emits ($ref, type, properties, required, items,
anyOf/oneOf, enum, const, additionalProperties, nullable via type lists, and the string keywords
minLength/maxLength/pattern the header parameters use). Independent of the
server code on purpose: it checks the document the server publishes against what it sends.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "null": (type(None),),
}


def _type_ok(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def validate(value: Any, schema: dict[str, Any], doc: dict[str, Any], where: str = "$") -> None:
    """Raise AssertionError naming the first place ``value`` breaks ``schema``."""
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/components/schemas/"), ref
        validate(value, doc["components"]["schemas"][ref.rsplit("/", 1)[1]], doc, where)
        return
    for key in ("anyOf", "oneOf"):
        if key in schema:
            errors = []
            for option in schema[key]:
                try:
                    validate(value, option, doc, where)
                    break
                except AssertionError as exc:
                    errors.append(str(exc))
            else:
                raise AssertionError(f"{where}: matches none of {key}: {errors}")
    if "allOf" in schema:
        for option in schema["allOf"]:
            validate(value, option, doc, where)
    if "const" in schema:
        assert value == schema["const"], f"{where}: {value!r} != const {schema['const']!r}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        assert any(_type_ok(value, n) for n in names), f"{where}: {value!r} is not {names}"
    if isinstance(value, str):
        assert len(value) >= schema.get("minLength", 0), f"{where}: shorter than minLength"
        assert len(value) <= schema.get("maxLength", len(value)), f"{where}: longer than maxLength"
        if "pattern" in schema:  # ECMA-262 semantics: unanchored unless the pattern anchors itself
            assert re.search(schema["pattern"], value), f"{where}: {value!r} !~ {schema['pattern']}"
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            assert name in value, f"{where}: missing required {name!r}"
        for name, item in value.items():
            if name in props:
                validate(item, props[name], doc, f"{where}.{name}")
            elif isinstance(schema.get("additionalProperties"), dict):
                validate(item, schema["additionalProperties"], doc, f"{where}.{name}")
            elif schema.get("additionalProperties") is False:
                raise AssertionError(f"{where}: unexpected property {name!r}")
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            validate(item, schema["items"], doc, f"{where}[{i}]")


def match_path(doc: dict[str, Any], path: str) -> str | None:
    """The documented path template a concrete (decoded) path falls under, if any."""
    decoded = unquote(path)
    for template in doc["paths"]:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, decoded):
            return template
    return None


def documented_statuses(doc: dict[str, Any], template: str, method: str) -> set[int] | None:
    """Statuses documented for an operation; None when the path has no such method."""
    operation = doc["paths"][template].get(method.lower())
    if operation is None:
        return None
    return {int(s) for s in operation["responses"]}


def header_parameter(doc: dict[str, Any], template: str, method: str, name: str) -> dict[str, Any] | None:
    """The documented header parameter ``name`` (case-insensitive) of an operation, if any."""
    operation = doc["paths"][template].get(method.lower()) or {}
    for param in operation.get("parameters", []):
        if param["in"] == "header" and param["name"].lower() == name.lower():
            return dict(param)
    return None


def conforms(value: Any, schema: dict[str, Any], doc: dict[str, Any]) -> bool:
    """Whether ``value`` is valid against ``schema`` (for asking, where validate() asserts)."""
    try:
        validate(value, schema, doc)
    except AssertionError:
        return False
    return True


def check_response_headers(
    doc: dict[str, Any], template: str, method: str, status: int, headers: Mapping[str, str]
) -> None:
    """Each header the document states for this answer: present when required, in its shape."""
    operation = doc["paths"][template].get(method.lower())
    response = operation["responses"].get(str(status)) if operation else None
    for name, spec in (response or {}).get("headers", {}).items():
        value = headers.get(name)
        if value is None:
            assert not spec.get("required"), f"{method} {template} {status}: {name} missing"
        else:
            validate(value, spec["schema"], doc, f"{status} header {name}")


def response_schema(doc: dict[str, Any], template: str, method: str, status: int) -> dict[str, Any] | None:
    operation = doc["paths"][template][method.lower()]
    response = operation["responses"].get(str(status))
    if response is None:
        return None
    content = response.get("content", {}).get("application/json")
    return None if content is None else content.get("schema")
