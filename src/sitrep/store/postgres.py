"""The PostgreSQL backend (psycopg 3), for stores several people or machines share."""
from __future__ import annotations

from contextlib import contextmanager

from ..errors import StoreError
from .base import SqlStore

# pg_advisory_xact_lock key: writers of one database take turns (incident merging reads, then writes).
WRITE_LOCK = 0x5177E9


class PostgresStore(SqlStore):
    placeholder = "%s"
    autoid = "BIGSERIAL PRIMARY KEY"

    def params(self, params) -> tuple:
        """PostgreSQL text cannot hold NUL: plain columns get U+FFFD (the JSON records keep the exact text)."""
        return tuple(p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params)

    def refresh_statistics(self) -> None:
        with self._begin(write=False) as cur:
            cur.execute("ANALYZE articles, events, incidents, incident_members, member_blocks")

    def blocks_with_keys(self, keys: list[str]) -> tuple[str, list]:
        """The keys as one array parameter, each looked up through the index (a lateral join): with a long
        literal list, or a plain join, the planner mis-guesses on a young table (before autovacuum's first ANALYZE)
        and scans it all; ``OFFSET 0`` keeps the subquery from being flattened into such a join."""
        return ("SELECT b.block_key, b.event_id FROM unnest(%s::text[]) AS k(key) CROSS JOIN LATERAL"
                " (SELECT block_key, event_id FROM member_blocks WHERE block_key = k.key OFFSET 0) b", [list(keys)])

    def key_word(self, column: str) -> str:
        return f"split_part({column}, '#', 2)"

    def connect(self):
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise StoreError("psycopg is not installed", hint="pip install 'psycopg[binary]'") from None
        try:
            conn = psycopg.connect(self.url, connect_timeout=10, autocommit=True)
            # short indexed statements: compiling one (JIT) costs far more than running it, and a young
            # table's row estimates can make the planner think a query worth compiling
            conn.execute("SET jit = off")
            conn.autocommit = False
            return conn
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_safe(self.url)}: {str(exc).strip()}",
                             hint="check the server is running and the URL's user, host, port and database") from None

    def no_table_errors(self):
        import psycopg

        return (psycopg.errors.UndefinedTable,)

    @contextmanager
    def _reader(self):
        import psycopg

        with psycopg.connect(self.url, connect_timeout=10) as conn, conn.transaction(), \
                conn.cursor(name="sitrep_stream") as cur:  # a server-side cursor: rows come in batches
            yield cur

    @contextmanager
    def _begin(self, write: bool = True):
        import psycopg

        try:
            # pipeline mode: writes go out without waiting for each reply; a read (fetch) syncs
            with self.conn.pipeline(), self.conn.transaction(), self.conn.cursor() as cur:
                if write:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield cur
        except psycopg.OperationalError as exc:
            raise StoreError(f"lost the connection to {_safe(self.url)}: {str(exc).strip()}",
                             hint="check the server; re-run the same command to go on where it stopped") from None


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        return f"{scheme}://{cred.split(':', 1)[0]}@{host}"
    return url
