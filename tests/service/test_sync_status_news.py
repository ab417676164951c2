"""The one sync state and stored news, through the real service and the real sync engine.

The platform is the in-process fake (tests/helpers/fakeplatform.py): the engine classifies each
pass (offline, wrong secret, clock refused, demo platform stopped), stores the record, and the
service derives what every surface shows from the outbox and that record.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from console.core.model import Method
from console.core.news import NewsKind
from console.core.sync_state import Connection, Headline
from console.service import ConsoleService
from console.storage import migrations
from console.storage.db import open_database
from console.sync.engine import SyncEngine
from tests.helpers.factories import FIXED_NOW, Clock, StoreSpec, make_db
from tests.helpers.fakeplatform import FakePlatform


@dataclass
class World:
    service: ConsoleService
    engine: SyncEngine
    platform: FakePlatform
    clock: Clock
    demo_alive: list[bool]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    path = make_db(
        tmp_path,
        stores=[
            StoreSpec("tb-1", wechat="live"),
            StoreSpec("tb-2", wechat="invited"),
            StoreSpec("tb-3", wechat="invited", alipay="live"),
        ],
    )
    clock = Clock(FIXED_NOW)
    service_db, engine_db = open_database(path), open_database(path)
    platform = FakePlatform(engine_db)
    alive = [True]
    engine = SyncEngine(engine_db, platform, clock=clock, rng=random.Random(0), demo_alive=lambda: alive[0])  # type: ignore[arg-type]
    yield World(ConsoleService(service_db, clock=clock), engine, platform, clock, alive)
    service_db.close()
    engine_db.close()


def test_a_fresh_database_says_not_synced_yet_and_has_the_news_table(world: World) -> None:
    status = world.service.sync_status()
    assert status.headline is Headline.NOT_SYNCED_YET
    assert status.connection is Connection.UNKNOWN
    assert migrations.UserVersion(2, 2) <= migrations.CURRENT
    assert world.service.news() == [] and world.service.unread_news_count() == 0


def test_offline_keeps_the_time_it_started_and_the_waiting_change(world: World) -> None:
    world.service.set_method("tb-3", Method.WECHAT_PAY, True)
    world.platform.mode = "offline"
    world.engine.run_once(force=True)
    started = world.clock.now
    world.clock.advance(minutes=5)
    report = world.engine.run_once(force=True)
    status = world.service.sync_status()
    assert report.result.value == "offline"
    assert status.connection is Connection.OFFLINE and status.headline is Headline.OFFLINE
    assert status.offline_since == started
    assert status.waiting == 1 and not status.all_synced


def test_each_failure_has_its_own_connection_state(world: World) -> None:
    for mode, connection in (("auth", Connection.AUTH_REFUSED), ("clock", Connection.CLOCK)):
        world.platform.mode = mode
        world.engine.run_once()
        assert world.service.sync_status().connection is connection
    world.platform.mode = "offline"
    world.demo_alive[0] = False
    world.engine.run_once()
    assert world.service.sync_status().headline is Headline.DEMO_STOPPED
    world.platform.mode = "online"
    world.demo_alive[0] = True
    world.engine.run_once()
    status = world.service.sync_status()
    assert status.headline is Headline.ALL_SYNCED and status.last_success_at == world.clock.now
    assert status.offline_since is None


def test_refused_changes_are_counted_from_the_rows_and_discarding_one_lowers_the_count(world: World) -> None:
    world.platform.refuse_all = True
    world.service.set_method("tb-1", Method.WECHAT_PAY, False)
    world.service.set_method("tb-3", Method.WECHAT_PAY, True)
    world.engine.run_once()
    status = world.service.sync_status()
    assert status.headline is Headline.REFUSED and len(status.refused) == 2
    world.service.discard_change(status.refused[0].outbox_id)
    assert len(world.service.sync_status().refused) == 1


def test_working_offline_is_said_before_waiting(world: World) -> None:
    world.service.set_method("tb-3", Method.WECHAT_PAY, True)
    status = world.service.sync_status(working_offline=True)
    assert status.headline is Headline.WORKING_OFFLINE and status.waiting == 1


def _store(status: str, store_id: str = "tb-1") -> dict[str, object]:
    return {
        "id": store_id,
        "platform": "taobao",
        "name": f"Store {store_id}",
        "category": "apparel",
        "status": status,
        "receive_code": f"mcpay://receive/{store_id}",
    }


def test_a_platform_freeze_becomes_one_unread_news_item(world: World) -> None:
    world.engine.run_once()  # the first full sync is not news
    assert world.service.news() == []
    world.clock.advance(hours=1)
    world.platform.push("store", "tb-1", _store("frozen"))
    world.engine.run_once()
    world.clock.advance(hours=1)
    world.engine.run_once()  # seen again: not said twice
    items = [n for n in world.service.news() if n.kind == NewsKind.STORE_FROZEN]
    assert len(items) == 1 and items[0].store_ids == ("tb-1",) and not items[0].read
    assert world.service.unread_news_count() >= 1
    assert world.service.mark_news_read([items[0].id]) == 1
    assert world.service.news(unread_only=True) == [
        n for n in world.service.news() if n.kind != NewsKind.STORE_FROZEN and not n.read
    ]


def test_a_deadline_is_reminded_three_days_and_one_day_ahead_without_platform_changes(world: World) -> None:
    world.engine.run_once()
    deadline = FIXED_NOW + timedelta(days=14)  # the factory's invitation deadline
    world.clock.now = deadline - timedelta(days=3) + timedelta(hours=1)
    world.engine.run_once()
    world.clock.now = deadline - timedelta(days=1) + timedelta(hours=1)
    world.engine.run_once()
    reminders = [
        n for n in world.service.news() if n.kind == NewsKind.DEADLINE_SOON and "tb-2" in n.store_ids
    ]
    assert sorted(n.params["days"] for n in reminders) == [1, 3]
    assert all(n.params["deadline_at"] == deadline for n in reminders)


def test_no_news_while_offline_and_a_missed_reminder_is_said_on_return(world: World) -> None:
    world.engine.run_once()
    world.platform.mode = "offline"
    deadline = FIXED_NOW + timedelta(days=14)
    world.clock.now = deadline - timedelta(days=2)
    world.engine.run_once()
    assert not [n for n in world.service.news() if n.kind == NewsKind.DEADLINE_SOON]
    world.platform.mode = "online"
    world.engine.run_once()
    days = [
        n.params["days"]
        for n in world.service.news()
        if n.kind == NewsKind.DEADLINE_SOON and "tb-2" in n.store_ids
    ]
    assert days == [3]


def test_mark_all_read(world: World) -> None:
    world.engine.run_once()
    world.clock.advance(hours=1)
    world.platform.push("store", "tb-1", _store("frozen"))
    world.platform.push("store", "tb-2", _store("frozen", "tb-2"))
    world.engine.run_once()
    assert world.service.unread_news_count() >= 2
    world.service.mark_news_read(None)
    assert world.service.unread_news_count() == 0
