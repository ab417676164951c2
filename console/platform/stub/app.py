"""The stub platform's HTTP surface: ``create_app(config)`` builds a FastAPI app whose routes,
models and error statuses make up the published OpenAPI document.

Signing, idempotency, body limits and faults are handled around the routes by
:class:`~console.platform.stub.middleware.PlatformMiddleware`; routes only apply the rules.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from . import models as m
from .clock import ServerClock, iso, parse_iso
from .config import StubConfig
from .errors import PlatformError, error_body
from .faults import FaultRegistry, FaultRule
from .middleware import PlatformMiddleware
from .openapi_headers import signed_operation
from .rules import Platform
from .sales_routes import sales_router
from .seed import create_merchant, generated_specs
from .state import StateStore

JSON = "application/json"

ERROR_DESCRIPTIONS = {
    400: "Malformed request: bad JSON, bad query, or a missing, malformed or repeated "
    "Idempotency-Key (BAD_REQUEST, IDEMPOTENCY_KEY_MISSING, IDEMPOTENCY_KEY_DUPLICATE)",
    401: "Signature check failed or a signing header repeated (AUTH_* codes)",
    403: "Admin route called from a non-loopback client (FORBIDDEN)",
    404: "No such resource, or it belongs to another merchant (NOT_FOUND)",
    409: "The same Idempotency-Key is still being processed (IDEMPOTENCY_IN_PROGRESS)",
    413: "Body over 64 KiB (BODY_TOO_LARGE)",
    422: "Wrong shape (VALIDATION_ERROR), IDEMPOTENCY_KEY_REUSED, or a rule refusal",
    429: "Rate limited (RATE_LIMITED), see Retry-After",
    500: "Internal error (INTERNAL; only by fault injection)",
    503: "Unavailable (UNAVAILABLE), see Retry-After",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for error statuses, all with the one error shape."""
    return {s: {"model": m.ErrorBody, "description": ERROR_DESCRIPTIONS[s]} for s in statuses}


UNSIGNED_ERRORS = (400, 413, 429, 500, 503)
SIGNED_READ_ERRORS = (400, 401, 404, 413, 429, 500, 503)
SIGNED_WRITE_ERRORS = (400, 401, 404, 409, 413, 422, 429, 500, 503)
ADMIN_ERRORS = (400, 403, 404, 413, 422)


def open_platform(config: StubConfig) -> Platform:
    """Open (or create) the state in the data dir, with the clock offset it last had."""
    store = StateStore.open(config.data_dir)
    offset = float(store.get_meta("clock_offset") or 0.0)
    clock = ServerClock(offset, on_change=lambda value: store.set_meta("clock_offset", repr(value)))
    return Platform(store, clock, config.review_delay_s)


class StubApp(FastAPI):
    """FastAPI with PlatformMiddleware outermost, so it sees the server's own ``send``
    (needed to drop a connection for the drop_after_apply fault)."""

    platform: Platform
    faults: FaultRegistry
    stub_config: StubConfig

    def build_middleware_stack(self) -> ASGIApp:
        return PlatformMiddleware(
            super().build_middleware_stack(),
            self.platform,
            self.faults,
            self.stub_config,
            self.router.routes,
        )


def create_app(config: StubConfig, platform: Platform | None = None) -> StubApp:
    """Build the app over ``platform`` (opened from ``config.data_dir`` when not given)."""
    app = StubApp(
        title="Merchant Platform (stub)",
        version="1",
        description="Stub of the merchant platform API (docs/platform-api.md). Every /v1/ route but "
        "/v1/health needs the X-App-Key, X-Timestamp, X-Nonce and X-Signature headers.",
        docs_url=None,  # served by _install_offline_docs: this machine (and a merchant's) may be offline
    )
    app.platform = platform or open_platform(config)
    app.faults = FaultRegistry(config.fault_seed)
    app.stub_config = config
    _install_error_handlers(app)
    _install_offline_docs(app)
    app.include_router(_v1_router(app.platform))
    app.include_router(sales_router(app.platform, admin=config.admin))
    if config.admin:
        app.include_router(_admin_router(app.platform, app.faults))
    return app


def _install_offline_docs(app: FastAPI) -> None:
    """/docs with Swagger UI from the swagger-ui-bundle package, not from a CDN."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-static", StaticFiles(directory=swagger_ui_path), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Merchant Platform (stub) - API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/docs-static/favicon-32x32.png",
        )


# -- errors -------------------------------------------------------------------------------------


def _error_response(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return Response(error_body(code, message, details), status_code=status, media_type=JSON, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    async def on_platform_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PlatformError)
        return _error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            {
                "loc": [str(part) for part in err.get("loc", ())],
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
            for err in exc.errors()
        ]
        malformed = any(
            p["loc"][:1] in (["query"], ["path"], ["header"])
            or p["type"] == "json_invalid"
            or (p["loc"] == ["body"] and p["type"] == "missing")
            for p in problems
        )
        if malformed:
            return _error_response(400, "BAD_REQUEST", "Malformed request.", {"errors": problems})
        return _error_response(
            422, "VALIDATION_ERROR", "The request body has the wrong shape.", {"errors": problems}
        )

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        codes = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 400: "BAD_REQUEST"}
        message = exc.detail if isinstance(exc.detail, str) else "HTTP error."
        return _error_response(
            exc.status_code,
            codes.get(exc.status_code, f"HTTP_{exc.status_code}"),
            message,
            headers=dict(exc.headers or {}),
        )

    app.add_exception_handler(PlatformError, on_platform_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http_error)


# -- /v1 ----------------------------------------------------------------------------------------


def _merchant_id(request: Request) -> str:
    merchant_id = request.scope.get("state", {}).get("merchant_id")
    if not isinstance(merchant_id, str):  # only when the middleware is bypassed
        raise PlatformError(401, "AUTH_MISSING", "Signed request required.")
    return merchant_id


def _v1_router(platform: Platform) -> APIRouter:
    router = APIRouter(prefix="/v1")

    @router.get("/health", response_model=m.Health, responses=errors(*UNSIGNED_ERRORS), tags=["v1"])
    async def health() -> dict[str, Any]:
        """Unsigned liveness check with the server clock."""
        return {"status": "ok", "server_time": iso(platform.clock.now())}

    @router.get(
        "/merchant",
        response_model=m.MerchantReply,
        responses=errors(*SIGNED_READ_ERRORS),
        openapi_extra=signed_operation((200, *SIGNED_READ_ERRORS)),
        tags=["v1"],
    )
    async def get_merchant(request: Request) -> dict[str, Any]:
        return {"merchant": platform.merchant(_merchant_id(request))}

    @router.get(
        "/stores/{store_id}",
        response_model=m.StoreReply,
        responses=errors(*SIGNED_READ_ERRORS),
        openapi_extra=signed_operation((200, *SIGNED_READ_ERRORS)),
        tags=["v1"],
    )
    async def get_store(
        request: Request, store_id: Annotated[str, PathParam(max_length=64)]
    ) -> dict[str, Any]:
        return platform.store_view(_merchant_id(request), store_id)

    @router.get(
        "/changes",
        response_model=m.ChangesPage,
        responses=errors(*SIGNED_READ_ERRORS),
        openapi_extra=signed_operation((200, *SIGNED_READ_ERRORS)),
        tags=["v1"],
    )
    async def get_changes(
        request: Request,
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> Response:
        """The compacted change feed; built from stored JSON (no per-entity re-validation)."""
        return Response(platform.changes_json(_merchant_id(request), since, limit), media_type=JSON)

    @router.put(
        "/stores/{store_id}/methods/{method}",
        response_model=m.MethodReply,
        responses=errors(*SIGNED_WRITE_ERRORS),
        openapi_extra=signed_operation((200, *SIGNED_WRITE_ERRORS), write=True),
        tags=["v1"],
    )
    async def put_method(
        request: Request,
        store_id: Annotated[str, PathParam(max_length=64)],
        method: Annotated[str, PathParam(max_length=32)],
        body: m.SetMethodBody,
    ) -> dict[str, Any]:
        return platform.set_method(_merchant_id(request), store_id, method, body.enabled)

    @router.post(
        "/announcements/{announcement_id}/feedback",
        status_code=201,
        response_model=m.FeedbackReply,
        responses=errors(*SIGNED_WRITE_ERRORS),
        openapi_extra=signed_operation((201, *SIGNED_WRITE_ERRORS), write=True),
        tags=["v1"],
    )
    async def post_feedback(
        request: Request, announcement_id: Annotated[str, PathParam(max_length=64)], body: m.FeedbackBody
    ) -> dict[str, Any]:
        return platform.add_feedback(_merchant_id(request), announcement_id, body.text)

    return router


# -- /admin -------------------------------------------------------------------------------------


MAX_ADVANCE_S = 10 * 365 * 86400  # one move of the business clock; beyond it is a typo


def _clock_backwards(platform: Platform) -> PlatformError:
    """409: history, versions and sent feedback are dated; going back would date them in the future."""
    return PlatformError(
        409,
        "CLOCK_BACKWARDS",
        "The platform clock only moves forward; it reads " + iso(platform.clock.now()) + ".",
        {"now": iso(platform.clock.now())},
    )


def _admin_router(platform: Platform, faults: FaultRegistry) -> APIRouter:
    router = APIRouter(prefix="/admin", tags=["admin"], responses=errors(*ADMIN_ERRORS))

    @router.get("/clock", response_model=m.ClockReply)
    async def get_clock() -> dict[str, Any]:
        return platform.clock_info()

    @router.put("/clock", response_model=m.ClockReply, responses=errors(409))
    async def set_clock(body: m.SetClockBody) -> dict[str, Any]:
        try:
            target = parse_iso(body.now)
        except (ValueError, OverflowError, OSError) as exc:
            raise PlatformError(422, "VALIDATION_ERROR", "now must be an ISO 8601 time.") from exc
        if not 0 < target < 2**35:
            raise PlatformError(422, "VALIDATION_ERROR", "now is out of range.")
        if target - platform.clock.now() > MAX_ADVANCE_S:
            raise PlatformError(422, "VALIDATION_ERROR", "The clock moves at most 10 years at a time.")
        try:
            platform.clock.set(target)
        except ValueError:
            raise _clock_backwards(platform) from None
        platform.apply_due()
        return platform.clock_info()

    @router.post("/clock/advance", response_model=m.ClockReply, responses=errors(409))
    async def advance_clock(body: m.AdvanceClockBody) -> dict[str, Any]:
        if body.seconds < 0:
            raise _clock_backwards(platform)
        if not 0 < platform.clock.now() + body.seconds < 2**35:
            raise PlatformError(422, "VALIDATION_ERROR", "The clock would leave its range.")
        platform.clock.advance(body.seconds)
        platform.apply_due()
        return platform.clock_info()

    @router.get("/events", response_model=m.EventsReply)
    async def upcoming(
        merchant_id: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> dict[str, Any]:
        """What the business clock passes next, in order (demo controls name them)."""
        return {"now": iso(platform.clock.now()), "events": platform.upcoming_events(merchant_id, limit)}

    @router.post("/clock/next", response_model=m.NextEventReply, responses=errors(409))
    async def advance_to_event(body: m.NextEventBody | None = None) -> dict[str, Any]:
        """Move the business clock to the next event (or the named one) and fire what is due."""
        return platform.advance_to(body.event if body else None)

    @router.post("/merchants", status_code=201, response_model=m.CreateMerchantReply)
    async def post_merchant(body: m.CreateMerchantBody) -> dict[str, Any]:
        merchant = create_merchant(platform, body.name, generated_specs(body.stores))
        return {"merchant_id": merchant.id, "app_key": merchant.app_key, "app_secret": merchant.app_secret}

    @router.post("/phases/{n}/open", response_model=m.PhaseOpenReply)
    async def open_phase(n: Annotated[int, PathParam(ge=1, le=1000)]) -> dict[str, Any]:
        return platform.open_phase(n)

    @router.post("/reviews/finish", response_model=m.FinishReviewsReply)
    async def finish_reviews(body: m.FinishReviewsBody) -> dict[str, Any]:
        return {"finished": platform.finish_reviews(body.store_id, body.outcome, body.reason_code)}

    @router.post("/invitations/{store_id}/withdraw", response_model=m.MethodReply)
    async def withdraw(
        store_id: Annotated[str, PathParam(max_length=64)], body: m.EndInvitationBody | None = None
    ) -> dict[str, Any]:
        return platform.end_invitation(store_id, "withdrawn", body.reason_code if body else None)

    @router.post("/invitations/{store_id}/expire", response_model=m.MethodReply)
    async def expire(store_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        return platform.end_invitation(store_id, "expired", None)

    @router.post("/stores/{store_id}/status", response_model=m.StoreStatusReply)
    async def store_status(
        store_id: Annotated[str, PathParam(max_length=64)], body: m.StoreStatusBody
    ) -> dict[str, Any]:
        return platform.set_store_status(store_id, body.status)

    @router.post("/announcements", status_code=201, response_model=m.AnnouncementReply)
    async def publish(body: m.AnnouncementBody) -> dict[str, Any]:
        try:
            return platform.publish_announcement(body.model_dump())
        except (ValueError, OverflowError, OSError) as exc:
            raise PlatformError(422, "VALIDATION_ERROR", "Times must be ISO 8601.") from exc

    @router.put("/faults", response_model=m.FaultsReply)
    async def add_fault(body: m.FaultBody) -> dict[str, Any]:
        faults.add(FaultRule(**body.model_dump()))
        return {"faults": [r.as_dict() for r in faults.rules()]}

    @router.delete("/faults", response_model=m.FaultsReply)
    async def clear_faults() -> dict[str, Any]:
        faults.clear()
        return {"faults": []}

    @router.get("/state/{merchant_id}", response_model=m.StateDump)
    async def state(merchant_id: Annotated[str, PathParam(max_length=64)]) -> Response:
        """Every entity of the merchant, keyed by kind and id, in the feed's shapes."""
        dump = platform.state_dump(merchant_id)
        return Response(json.dumps(dump, ensure_ascii=False, separators=(",", ":")).encode(), media_type=JSON)

    return router
