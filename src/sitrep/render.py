"""Output formats of documents: a readable table, JSON, JSONL and CSV rows."""
from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from collections.abc import Iterable

from .record import Document, Event

FORMATS = ("table", "json", "jsonl", "csv")

CSV_COLUMNS = [
    "doc_id", "event_id", "article_id", "incident_id",
    "type", "mode", "acled_event_type", "acled_sub_event_type", "cameo",
    "initiator", "initiator_name", "initiator_country", "initiator_inter",
    "target", "target_name", "target_country", "target_inter",
    "location", "country", "lat", "lon", "geo_precision", "date", "date_precision",
    "fatalities_best", "fatalities_low", "fatalities_high", "fatalities_disputed", "injured_best",
    "sources", "confidence", "summary", "trigger", "evidence",
]


def document_dict(doc: Document, with_text: bool = False) -> dict:
    data = doc.model_dump(mode="json", exclude_none=False)
    if not with_text:
        data.pop("text", None)
    return data


def jsonl_line(doc: Document, with_text: bool = False) -> str:
    return json.dumps(document_dict(doc, with_text), ensure_ascii=False, separators=(",", ":"))


def _first(ev: Event, role: str):
    return next((a for a in ev.actors if a.role == role), None)


def event_row(doc: Document, ev: Event) -> dict:
    init, targ = _first(ev, "initiator"), _first(ev, "target")
    loc, date = ev.location, ev.date
    fat, inj = ev.fatalities, ev.injured
    return {
        "doc_id": doc.id, "event_id": ev.id, "article_id": ev.article_id, "incident_id": ev.incident_id,
        "type": ev.type, "mode": ev.mode,
        "acled_event_type": ev.acled.event_type if ev.acled else None,
        "acled_sub_event_type": ev.acled.sub_event_type if ev.acled else None, "cameo": ev.cameo,
        "initiator": init.text if init else None, "initiator_name": init.name if init else None,
        "initiator_country": init.country if init else None, "initiator_inter": init.inter if init else None,
        "target": targ.text if targ else None, "target_name": targ.name if targ else None,
        "target_country": targ.country if targ else None, "target_inter": targ.inter if targ else None,
        "location": loc.text if loc else None, "country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "date": date.value if date else None, "date_precision": date.precision if date else None,
        "fatalities_best": fat.best if fat else None, "fatalities_low": fat.low if fat else None,
        "fatalities_high": fat.high if fat else None, "fatalities_disputed": fat.disputed if fat else None,
        "injured_best": inj.best if inj else None,
        "sources": "; ".join(ev.sources), "confidence": ev.confidence, "summary": ev.summary,
        "trigger": ev.trigger.text,
        "evidence": " ".join(f"{s.start}-{s.end}" for s in ev.evidence),
    }


class CsvWriter:
    """Streams one CSV row per event; documents without events write nothing."""

    def __init__(self, fh):
        self.writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, doc: Document) -> None:
        for ev in doc.events:
            self.writer.writerow({k: ("" if v is None else v) for k, v in event_row(doc, ev).items()})


def _cell(value, width: int) -> str:
    s = "" if value is None else str(value)
    return s if len(s) <= width else s[: max(1, width - 1)] + "…"


def table(doc: Document, width: int | None = None) -> str:
    """A readable block for one document: its events, most salient first."""
    width = width or shutil.get_terminal_size((120, 20)).columns
    head = f"{doc.id}" + (f" — {doc.title}" if doc.title else "")
    lines = [head]
    if doc.error:
        lines.append(f"  dropped: {doc.error.code} {doc.error.reason}" + (f" ({doc.error.hint})" if doc.error.hint else ""))
        return "\n".join(lines)
    if not doc.events:
        lines.append("  no events found")
        return "\n".join(lines)
    cols = [("#", 2), ("type", 8), ("ACLED sub-event", 24), ("initiator", 22), ("target", 22),
            ("where", 18), ("when", 10), ("killed", 7), ("hurt", 5), ("conf", 4)]
    lines.append("  " + " ".join(_cell(n, w).ljust(w) for n, w in cols))
    for n, ev in enumerate(doc.events, 1):
        init, targ = _first(ev, "initiator"), _first(ev, "target")
        vals = [n, ev.type, ev.acled.sub_event_type if ev.acled else "-",
                (init.name or init.text) if init else "-", (targ.name or targ.text) if targ else "-",
                ev.location.text if ev.location else "-", ev.date.value if ev.date and ev.date.value else "-",
                _count(ev.fatalities), _count(ev.injured), f"{ev.confidence:.2f}"]
        lines.append("  " + " ".join(_cell(v, w).ljust(w) for v, (_, w) in zip(vals, cols)).rstrip())
        if ev.summary:
            lines.extend(textwrap.wrap(ev.summary, width=max(40, width - 8), initial_indent="     ",
                                       subsequent_indent="     "))
    return "\n".join(lines)


def _count(c) -> str:
    if c is None or c.best is None:
        return "-"
    s = str(c.best)
    if c.high is not None and c.high != c.best:
        s += f"-{c.high}"
    return s + ("*" if c.disputed else "")


def render_all(docs: Iterable[Document], fmt: str, with_text: bool = False) -> str:
    """All documents in one string (the API's convenience; the CLI streams instead)."""
    docs = list(docs)
    if fmt == "json":
        return json.dumps([document_dict(d, with_text) for d in docs], ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(jsonl_line(d, with_text) for d in docs) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = CsvWriter(buf)
        for d in docs:
            w.write(d)
        return buf.getvalue()
    return "\n\n".join(table(d) for d in docs) + "\n"


def store_table(rows) -> str:
    """Stored events (sitrep.store.StoredEvent), one line each, for ``sitrep events``."""
    cols = [("date", 10), ("country", 7), ("ACLED sub-event", 24), ("initiator", 22), ("target", 22),
            ("where", 18), ("killed", 7), ("incident", 16), ("event", 19)]
    lines = [" ".join(n.ljust(w) for n, w in cols).rstrip()]
    for se in rows:
        ev = se.event
        init, targ = _first(ev, "initiator"), _first(ev, "target")
        vals = [ev.date.value if ev.date and ev.date.value else "-", ev.location.country if ev.location else "-",
                ev.acled.sub_event_type if ev.acled else ev.type,
                (init.name or init.text) if init else "-", (targ.name or targ.text) if targ else "-",
                ev.location.text if ev.location else "-", _count(ev.fatalities), se.incident_id or "-", ev.id]
        lines.append(" ".join(_cell(v, w).ljust(w) for v, (_, w) in zip(vals, cols)).rstrip())
    return "\n".join(lines)


def incident_line(inc: dict) -> str:
    """One incident of ``sitrep incidents``: id, dates, country, type, fatalities, number of reports."""
    s = inc.get("summary") or {}
    acled = s.get("acled") or {}
    when = inc["date_start"] or "-"
    if inc["date_end"] and inc["date_end"] != inc["date_start"]:
        when += f"..{inc['date_end']}"
    killed = "-" if inc["fatalities_best"] is None else str(inc["fatalities_best"])
    kind = acled.get("sub_event_type") or s.get("type") or "-"
    return f"{inc['incident_id']}  {when:<10}  {inc['country'] or '-':<3}  {_cell(kind, 34):<34}  " \
           f"killed {killed:<5} events {inc['n_events']}"


def explanation(found) -> str:
    """``sitrep explain`` as text: one block per event mention."""
    if not found:
        return ("no event mention kept (no trigger word, or only negated or hypothetical ones; "
                "the classifier proposes none)")
    blocks = []
    for e in found:
        pct = lambda pairs: ", ".join(f"{k} {p:.2f}" for k, p in pairs)  # noqa: E731
        conf = "-" if e.confidence is None else f"{e.confidence:.2f}"
        lines = [f"mention   {e.trigger!r} (lemma {e.lemma!r}) in: {e.sentence}",
                 f"rule      {e.rule}",
                 f"final     {e.final} (typed by {e.typed_by}; confidence {conf})",
                 f"PLOVER    {pct(e.plover)}",
                 f"ACLED     {pct(e.acled)}",
                 "features  " + ", ".join(f"{f} {w:+.2f}" for f, w in e.features)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def statements_table(doc: Document, claims_only: bool = False) -> str:
    """A readable block of one document's quotes and statements: speaker, role, claim type, words."""
    head = f"{doc.id}" + (f" — {doc.title}" if doc.title else "")
    lines = [head]
    if doc.error:
        lines.append(f"  dropped: {doc.error.code} {doc.error.reason}")
        return "\n".join(lines)
    rows = [s for s in doc.statements if s.claim or not claims_only]
    if not rows:
        lines.append("  no statements found")
    for s in rows:
        who = s.speaker or "(unattributed)"
        if s.speaker_text and s.speaker_text != s.speaker:
            who += f' ("{s.speaker_text}")'
        if s.speaker_role:
            who += f", {s.speaker_role}"
        mark = f"[{s.claim}] " if s.claim else ""
        words = s.text if s.form == "indirect" else f"\u201c{s.text}\u201d"
        lines.append(f"  {who}: {mark}{words}  @{s.evidence.start}-{s.evidence.end}")
    return "\n".join(lines)
