"""Store fixtures shared by test_store, test_ingest and test_export: both backends, hand-built records.

``store_url`` is parametrised over SQLite (a file in tmp_path) and PostgreSQL (a
fresh schema in the database named by $SITREP_TEST_PG). Without
$SITREP_TEST_PG the PostgreSQL cases are skipped with the reason; under CI
(CI=true) a missing server is a failure, not a skip.
"""
from __future__ import annotations

import os
import uuid

import pytest

from sitrep.record import Acled, Actor, Claim, Counts, Document, Event, EventDate, Location, Span, Trigger

PG_ENV = "SITREP_TEST_PG"
PIPELINE = "sitrep-test+1"


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI runs the store tests on PostgreSQL too, but ${PG_ENV} is not set (.ci/run sets it)")
        pytest.skip(f"PostgreSQL store tests need ${PG_ENV}=postgresql://... (eval \"$(.ci/pg-start)\" starts one)")
    return url


@pytest.fixture
def pg_url():
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    import psycopg

    base = pg_url_or_skip()
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    from sitrep.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


def make_event(article_id: str = "sha256:a1", n: int = 0, *, country: str | None = "SYR", day: str | None = "2024-05-14",
               lat: float | None = 35.0, lon: float | None = 38.0, killed: int | None = 3, actor: str = "gunmen",
               acled: tuple[str, str] | None = ("Violence against civilians", "Attack"), inter: int = 3,
               pipeline: str = PIPELINE, **extra) -> Event:
    span = Span(start=0, end=5)
    return Event(
        id=extra.pop("id", f"ev-{uuid.uuid5(uuid.NAMESPACE_URL, f'{article_id}:{n}').hex[:16]}"),
        article_id=article_id, type="ASSAULT", mode="firearms",
        acled=Acled(event_type=acled[0], sub_event_type=acled[1]) if acled else None, cameo="180",
        trigger=Trigger(text="killed", lemma="kill", evidence=span),
        actors=[Actor(role="initiator", text=actor, name=actor.title(), kind="militia", inter=inter, evidence=span),
                Actor(role="target", text="villagers", name="Civilians", kind="civilians", inter=7, evidence=span)],
        location=Location(text="the town", name="Town", country=country, lat=lat, lon=lon, precision=1,
                          evidence=span) if country or lat is not None else None,
        date=EventDate(text="Tuesday", value=day, precision="day", evidence=span) if day else None,
        fatalities=Counts(best=killed, low=killed, high=killed,
                          claims=[Claim(count=killed, low=killed, high=killed, source="police", evidence=span)])
        if killed is not None else None,
        sources=["police"], summary="Gunmen killed villagers.", evidence=[Span(start=0, end=30)], confidence=0.8,
        pipeline=pipeline, **extra)


def make_doc(article_id: str = "sha256:a1", events: list[Event] | None = None, *, pipeline: str = PIPELINE,
             doc_id: str | None = None, published: str | None = "2024-05-15") -> Document:
    return Document(id=doc_id or article_id, article_id=article_id, source=f"{article_id}.txt",
                    published=published, language="en", events=events if events is not None else [make_event(article_id)],
                    pipeline=pipeline, text="Gunmen killed three villagers on Tuesday.")
