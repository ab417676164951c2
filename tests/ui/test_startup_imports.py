"""What the window's first paint does not wait for (issue #14), checked from outside the process.

The first paint shows the menus, the sidebar, the status bar and the stores page's frame; the
stores page itself, the domain model, the service and the network come after it. ``python -X
importtime`` lists every import in order on stderr and the app prints ``FIRST_PAINT`` on stdout
(one pipe for both, so the order is the order of events): anything below imported before that
line is a module a merchant waits for before seeing the window. Timing is never asserted here
(``make bench`` measures it); which modules load is the same on any machine.
"""

from __future__ import annotations

from pathlib import Path

from bench.cases.startup import heavy_imports_before_paint
from tests.helpers.factories import make_db


def test_the_first_paint_waits_for_no_page_core_or_network(tmp_path: Path) -> None:
    """``heavy_imports_before_paint`` raises when the window never reports its first paint."""
    make_db(tmp_path, stores=12)
    early = heavy_imports_before_paint(tmp_path)
    assert early == [], f"imported before the window's first paint: {early}"
