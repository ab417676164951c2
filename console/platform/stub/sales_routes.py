"""The sales feeds' HTTP surface: signed, paginated payments and settlements, and the admin
routes that steer them (fee changes, settlement discrepancies). docs/platform-api.md, "Sales".

Signing and faults come from PlatformMiddleware like every other /v1/ route; pages are encoded
straight to JSON bytes (the models below document the shapes in /openapi.json).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from .clock import parse_iso
from .errors import PlatformError
from .models import ErrorBody, MethodName, Platform
from .openapi_headers import signed_operation
from .payments import Sales, parse_day
from .rules import Platform as PlatformRules

JSON = "application/json"
Channel = Literal["mobile_app", "pc_web", "wechat_mini_program", "alipay_mini_program"]
DiscrepancyKind = Literal["missing_payment", "fee_rounding", "delayed"]


class Payment(BaseModel):
    id: str
    store_id: str
    platform: Platform
    method: MethodName
    channel: Channel
    amount_fen: int
    fee_bps: int
    fee_fen: int
    refunded_fen: int
    paid_at: str
    refunded_at: str | None
    settlement_date: str


class PaymentsPage(BaseModel):
    payments: list[Payment]
    next_since: str
    has_more: bool
    server_time: str


class Settlement(BaseModel):
    id: str
    store_id: str
    platform: Platform
    method: MethodName
    date: str
    count: int
    gross_fen: int
    refunds_fen: int
    fees_fen: int
    net_fen: int
    payment_ids: list[str]
    settled_at: str


class SettlementsPage(BaseModel):
    settlements: list[Settlement]
    next_after: str
    has_more: bool
    server_time: str


class DiscrepancyBody(BaseModel):
    store_id: str = Field(max_length=64)
    method: MethodName
    date: str = Field(description="YYYY-MM-DD: the settlement's day")
    kind: DiscrepancyKind
    value: int = Field(
        default=1,
        ge=1,
        le=10_000,
        description="missing_payment: which payment of the day (1 = first); fee_rounding: extra fen; "
        "delayed: days late",
    )


class Discrepancy(BaseModel):
    store_id: str
    method: MethodName
    date: str
    kind: DiscrepancyKind
    value: int


class DiscrepanciesReply(BaseModel):
    discrepancies: list[Discrepancy]


class FeeChangeBody(BaseModel):
    platform: Platform
    method: MethodName
    fee_bps: int = Field(ge=0, le=10_000)
    effective_at: str


class FeeChange(BaseModel):
    platform: Platform
    method: MethodName
    effective_at: str
    fee_bps: int


class FeeChangesReply(BaseModel):
    fee_changes: list[FeeChange]


_DESCRIPTIONS = {
    400: "Malformed request: bad query, unknown cursor, reversed or too wide date range (BAD_REQUEST)",
    401: "Signature check failed (AUTH_* codes)",
    404: "No such store (NOT_FOUND)",
    413: "Body over 64 KiB (BODY_TOO_LARGE)",
    422: "Wrong shape (VALIDATION_ERROR)",
    429: "Rate limited (RATE_LIMITED), see Retry-After",
    500: "Internal error (INTERNAL; only by fault injection)",
    503: "Unavailable (UNAVAILABLE), see Retry-After",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ErrorBody, "description": _DESCRIPTIONS[s]} for s in statuses}


def _merchant_id(request: Request) -> str:
    merchant_id = request.scope.get("state", {}).get("merchant_id")
    if not isinstance(merchant_id, str):  # only when the middleware is bypassed
        raise PlatformError(401, "AUTH_MISSING", "Signed request required.")
    return merchant_id


def _json(payload: dict[str, Any]) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(), media_type=JSON)


def sales_router(platform: PlatformRules, *, admin: bool, seed: int = 0) -> APIRouter:
    """/v1/payments and /v1/settlements; with ``admin``, /admin/sales/* as well."""
    sales = Sales(platform, seed)
    router = APIRouter()
    read_statuses = (400, 401, 413, 429, 500, 503)
    read_errors = _errors(*read_statuses)
    signed = signed_operation((200, *read_statuses))  # headers stated once, in openapi_headers

    @router.get(
        "/v1/payments",
        response_model=PaymentsPage,
        responses=read_errors,
        openapi_extra=signed,
        tags=["v1"],
    )
    async def get_payments(
        request: Request,
        since: Annotated[str, Query(max_length=200, description="next_since of the last page")] = "",
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> Response:
        """Payments of finished days after the cursor, ordered by (day, store, sequence)."""
        return _json(sales.payments_page(_merchant_id(request), since, limit))

    @router.get(
        "/v1/settlements",
        response_model=SettlementsPage,
        responses=read_errors,
        openapi_extra=signed,
        tags=["v1"],
    )
    async def get_settlements(
        request: Request,
        date_: Annotated[str | None, Query(alias="date", max_length=10, description="one day")] = None,
        from_: Annotated[str | None, Query(alias="from", max_length=10, description="first day")] = None,
        to: Annotated[str | None, Query(max_length=10, description="last day, inclusive")] = None,
        after: Annotated[str, Query(max_length=200, description="next_after of the last page")] = "",
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> Response:
        """Published settlements of one day (``date``) or a range (``from``…``to``)."""
        if date_ is not None and (from_ is not None or to is not None):
            raise PlatformError(400, "BAD_REQUEST", "Give either date or from and to, not both.")
        if date_ is not None:
            first = last = parse_day(date_)
        elif from_ is not None and to is not None:
            first, last = parse_day(from_), parse_day(to)
        else:
            raise PlatformError(400, "BAD_REQUEST", "Give date, or from and to.")
        return _json(sales.settlements_page(_merchant_id(request), first, last, after, limit))

    if admin:
        _add_admin_routes(router, sales)
    return router


def _add_admin_routes(router: APIRouter, sales: Sales) -> None:
    admin_errors = _errors(400, 404, 413, 422)

    @router.post(
        "/admin/sales/discrepancies",
        response_model=DiscrepanciesReply,
        responses=admin_errors,
        tags=["admin"],
    )
    async def add_discrepancy(body: DiscrepancyBody) -> dict[str, Any]:
        """Make one settlement disagree with its payments (for tests and the demo)."""
        try:
            day = date.fromisoformat(body.date)
        except ValueError as exc:
            raise PlatformError(422, "VALIDATION_ERROR", "date must be YYYY-MM-DD.") from exc
        return sales.add_discrepancy(body.store_id, body.method, day, body.kind, body.value)

    @router.get("/admin/sales/discrepancies", response_model=DiscrepanciesReply, tags=["admin"])
    async def list_discrepancies() -> dict[str, Any]:
        return sales.discrepancies()

    @router.delete("/admin/sales/discrepancies", response_model=DiscrepanciesReply, tags=["admin"])
    async def clear_discrepancies() -> dict[str, Any]:
        return sales.clear_discrepancies()

    @router.post(
        "/admin/sales/fee-changes", response_model=FeeChangesReply, responses=admin_errors, tags=["admin"]
    )
    async def add_fee_change(body: FeeChangeBody) -> dict[str, Any]:
        """An announced fee rate taking effect at ``effective_at``."""
        try:
            effective = parse_iso(body.effective_at)
        except (ValueError, OverflowError) as exc:
            raise PlatformError(422, "VALIDATION_ERROR", "effective_at must be ISO 8601.") from exc
        return sales.add_fee_change(body.platform, body.method, body.fee_bps, effective)

    @router.get("/admin/sales/fee-changes", response_model=FeeChangesReply, tags=["admin"])
    async def list_fee_changes() -> dict[str, Any]:
        return sales.fee_changes()


__all__ = ["sales_router"]
