"""Every surface agrees with the outbox after every step: the service's state and the terminal's
``status --json`` (the window's surfaces: tests/ui/test_agreement_gui.py).

Two thousand generated steps here (40 sequences of up to 50 steps; the window adds its own),
seeded so a failure is replayed exactly, no deadline (the machine's speed decides nothing).
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from console import cli
from tests.helpers.agreement import Agreement, Seen
from tests.helpers.factories import FIXED_NOW


def cli_status(machine: Agreement) -> Seen:
    """``main.py status --json`` on the same folder (with "Work offline" as the window saved it)."""
    from console.wiring.config import AppConfig, save_config

    save_config(machine.data_dir, AppConfig(work_offline=machine.working_offline))
    out = io.StringIO()
    code = cli.main(
        ["--data-dir", str(machine.data_dir), "status", "--json"],
        environ={"LANG": "en_US.UTF-8"},
        clock=lambda: FIXED_NOW,
        stdout=out,
        stderr=io.StringIO(),
    )
    data = json.loads(out.getvalue())
    assert code == data["exit_code"]
    return Seen("cli status", data["waiting"] + data["sending"], len(data["refused"]), data["headline"])


def test_service_and_cli_agree_with_the_outbox() -> None:
    root = Path(tempfile.mkdtemp(prefix="agreement-"))
    counter = iter(range(1_000_000))

    class Machine(Agreement):
        surfaces = (cli_status,)
        data_dir_factory = staticmethod(lambda: root / f"run-{next(counter)}")  # type: ignore[assignment]

    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=40,
            stateful_step_count=50,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
