"""Fault injection: rules matched by method + path glob that slow, fail or cut responses.

Kept in memory only (a restart clears them). Random errors come from a seeded RNG so a failing
test run can be replayed.
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass, field
from fnmatch import fnmatchcase
from typing import Any


@dataclass
class FaultRule:
    """One rule as PUT /admin/faults takes it; ``count`` None means until cleared."""

    route: str
    latency_ms: int = 0
    error_rate: float = 0.0
    status: int | None = None
    retry_after: int = 1
    drop_after_apply: bool = False
    slow_body_ms: int = 0
    count: int | None = None
    id: int = 0

    def matches(self, method: str, path: str) -> bool:
        rule_method, _, glob = self.route.strip().partition(" ")
        if not glob:  # "/v1/*" alone: any method
            rule_method, glob = "*", rule_method
        return (rule_method == "*" or rule_method.upper() == method.upper()) and fnmatchcase(
            path, glob.strip()
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FaultPlan:
    """What the matched rules do to one request."""

    latency_ms: int = 0
    error_status: int | None = None
    retry_after: int = 1
    drop_after_apply: bool = False
    slow_body_ms: int = 0
    rules: list[int] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.rules


class FaultRegistry:
    """The active fault rules and the seeded RNG that decides random errors."""

    def __init__(self, seed: int = 0) -> None:
        self._rules: list[FaultRule] = []
        self._rng = random.Random(seed)
        self._next_id = 1
        self._lock = threading.Lock()

    def add(self, rule: FaultRule) -> FaultRule:
        with self._lock:
            rule.id = self._next_id
            self._next_id += 1
            self._rules.append(rule)
            return rule

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[FaultRule]:
        with self._lock:
            return list(self._rules)

    def plan(self, method: str, path: str) -> FaultPlan:
        """Merge every matching rule into one plan and use up one of each rule's ``count``."""
        plan = FaultPlan()
        with self._lock:
            for rule in list(self._rules):
                if not rule.matches(method, path):
                    continue
                plan.rules.append(rule.id)
                plan.latency_ms += rule.latency_ms
                plan.drop_after_apply |= rule.drop_after_apply
                plan.slow_body_ms = max(plan.slow_body_ms, rule.slow_body_ms)
                if plan.error_status is None:
                    if rule.status is not None:
                        plan.error_status, plan.retry_after = rule.status, rule.retry_after
                    elif rule.error_rate > 0 and self._rng.random() < rule.error_rate:
                        plan.error_status = self._rng.choice((500, 503))
                        plan.retry_after = rule.retry_after
                if rule.count is not None:
                    rule.count -= 1
                    if rule.count <= 0:
                        self._rules.remove(rule)
        return plan
