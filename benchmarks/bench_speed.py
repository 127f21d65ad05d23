"""Speed and memory of sitrep against spaCy alone, in one run.

Speed (in this process, same texts, median of ``--repeats`` runs in alternating order):

  spacy   ``sitrep.nlp.load()`` then ``nlp.pipe(texts, batch_size=16)``, docs consumed
  sitrep  ``Pipeline().process_many(articles)``, documents consumed
  cli     ``sitrep extract --input X.jsonl --output Y.jsonl --quiet`` in a subprocess
          (end to end: includes start-up and model load; skip with ``--no-cli``)

Words are whitespace tokens of the article texts. Bar: sitrep/spaCy words per
second >= 0.60.

Memory: peak RSS of ``sitrep extract --input IN --output OUT --quiet`` on each
of ``--mem-sizes`` articles (each cycling the first ``min(sizes)`` texts, ids made unique), each
in a fresh process. The peak is ``ru_maxrss`` of RUSAGE_CHILDREN, read by a
small wrapper process that starts only that one child; the wrapper also
samples the child's VmRSS once a second so growth shows as a curve. Bar: the
largest run's peak is within 1.25x of the smallest run's peak.

    python benchmarks/bench_speed.py                      # full: 300 articles, 1,000 vs 10,000
    python benchmarks/bench_speed.py --mem-sizes 1000,5000
    python benchmarks/bench_speed.py --quick              # smoke: 100 articles, 200 vs 2,000, 1 repeat
    python benchmarks/bench_speed.py --no-memory --profile 100   # speed plus cProfile hotspots

Texts come from ``../shared/gold/dev/gva_dev.jsonl`` (only ``id`` and
``text`` are read); without ``../shared`` the articles are synthesised from
sentences written here. The last line printed is a one-line JSON summary.
"""
from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GVA = ROOT.parent / "shared" / "gold" / "dev" / "gva_dev.jsonl"
SPEED_BAR = 0.60
MEMORY_BAR = 1.25

# The memory wrapper: runs one command, samples its VmRSS, reports the peak of its children.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
t0 = time.perf_counter()
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
samples = []
while True:
    try:
        with open(f"/proc/{proc.pid}/status") as fh:
            kb = next((int(l.split()[1]) for l in fh if l.startswith("VmRSS:")), None)
        if kb is not None:
            samples.append((round(time.perf_counter() - t0, 1), kb))
    except (OSError, ValueError):
        pass
    try:
        proc.wait(timeout=1.0)
        break
    except subprocess.TimeoutExpired:
        pass
wall = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    peak //= 1024  # bytes there, kilobytes on Linux
print(json.dumps({"rc": proc.returncode, "wall_s": wall, "maxrss_kb": peak, "samples": samples}))
"""

# Sentences written for this benchmark, used only when ../shared is absent.
_SENTENCES = (
    "Gunmen opened fire on a crowded market in the northern town of Kunduz on Tuesday, officials said.",
    "At least four people were killed and eleven others wounded in the attack, according to the police.",
    "A spokesman for the provincial governor said the attackers fled on motorcycles.",
    "No group has claimed responsibility for the shooting so far.",
    "Police in Springfield said a man was shot outside a convenience store late on Saturday night.",
    "The victim, a 34-year-old resident, was taken to a local hospital in critical condition.",
    "Detectives arrested a suspect on Sunday morning and charged him with aggravated assault.",
    "Witnesses told reporters they heard several shots before the car sped away.",
    "Soldiers clashed with militants near the border village of Tal Afar, leaving two soldiers dead.",
    "The army said it had killed nine fighters and seized a cache of weapons during the operation.",
    "Residents fled their homes as shelling continued through the night.",
    "Protesters gathered in the capital on Friday to demand the release of detained activists.",
    "Security forces fired tear gas to disperse the crowd, and dozens were detained.",
    "A roadside bomb struck a military convoy on the highway to Kandahar on Monday.",
    "Three civilians were injured when a stray mortar round hit a school courtyard.",
    "The ministry of interior condemned the attack and promised an investigation.",
    "Local media reported that the gunmen also set fire to several vehicles.",
    "The mayor called for calm and said extra patrols would be deployed over the weekend.",
    "Two police officers were wounded in an exchange of fire with armed robbers in Lagos.",
    "Hospital staff said most of the wounded had been discharged by Wednesday.",
)


# ---------------------------------------------------------------------------
# Inputs


def load_records(n: int, seed: int = 0) -> tuple[list[dict], str]:
    """``n`` records of ``id`` and ``text``: the first ``n`` GVA dev articles, or synthetic ones."""
    if GVA.is_file():
        records = []
        with open(GVA, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("text", "").strip():
                    records.append({"id": row["id"], "text": row["text"]})
        return records, f"{GVA.relative_to(ROOT.parent)} ({len(records)} articles)"
    return synthesise(max(n, 200), seed), "synthetic (../shared absent)"


def synthesise(n: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        paragraphs = [" ".join(rng.sample(_SENTENCES, rng.randint(1, 3))) for _ in range(rng.randint(3, 9))]
        records.append({"id": f"synthetic:{i}", "text": "\n\n".join(paragraphs)})
    return records


def cycled(records: list[dict], n: int) -> list[dict]:
    """``n`` records cycling through ``records``, ids unique (``ID#k`` for the k-th reuse)."""
    out = []
    for i, rec in zip(range(n), itertools.cycle(records)):
        k = i // len(records)
        out.append({"id": rec["id"] if k == 0 else f"{rec['id']}#{k}", "text": rec["text"]})
    return out


def write_jsonl(records: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def sitrep_command(inp: Path, out: Path) -> list[str]:
    """``sitrep extract`` from this interpreter's environment (the console script, else ``-m``)."""
    script = Path(sys.executable).with_name("sitrep")
    head = [str(script)] if script.is_file() else [sys.executable, "-m", "sitrep"]
    return head + ["extract", "--input", str(inp), "--output", str(out), "--quiet"]


# ---------------------------------------------------------------------------
# Speed


def time_spacy(nlp, texts: list[str], batch_size: int) -> float:
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def time_sitrep(pipeline, articles: list) -> tuple[float, int]:
    """Seconds for the full pipeline and the number of documents that came back with an error."""
    errors = 0
    t0 = time.perf_counter()
    for doc in pipeline.process_many(articles):
        errors += doc.error is not None
    return time.perf_counter() - t0, errors


def time_cli(records: list[dict], tmp: Path) -> tuple[float, int]:
    inp, out = tmp / "speed.in.jsonl", tmp / "speed.out.jsonl"
    write_jsonl(records, inp)
    t0 = time.perf_counter()
    proc = subprocess.run(sitrep_command(inp, out), stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0, proc.returncode


def bench_speed(records: list[dict], repeats: int, batch_size: int, with_cli: bool, tmp: Path) -> dict:
    from sitrep import nlp as sitrep_nlp
    from sitrep.pipeline import Pipeline
    from sitrep.read import article_from_text

    texts = [r["text"] for r in records]
    articles = [article_from_text(r["text"], id=r["id"]) for r in records]
    n_words = words(texts)
    t0 = time.perf_counter()
    nlp = sitrep_nlp.load()
    pipeline = Pipeline(batch_size=batch_size)
    load_s = time.perf_counter() - t0
    # Warm both paths once on a few texts so neither pays first-call costs.
    time_spacy(nlp, texts[:8], batch_size)
    time_sitrep(pipeline, articles[:8])

    times: dict[str, list[float]] = {"spacy": [], "sitrep": [], "cli": []}
    errors = cli_rc = 0
    for i in range(repeats):
        order = ("spacy", "sitrep", "cli") if i % 2 == 0 else ("cli", "sitrep", "spacy")
        for name in order:
            if name == "spacy":
                times["spacy"].append(time_spacy(nlp, texts, batch_size))
            elif name == "sitrep":
                took, errors = time_sitrep(pipeline, articles)
                times["sitrep"].append(took)
            elif with_cli:
                took, cli_rc = time_cli(records, tmp)
                times["cli"].append(took)
            else:
                continue
            print(f"  repeat {i + 1}/{repeats} {name:<6} {times[name][-1] if times[name] else 0:7.2f} s",
                  file=sys.stderr, flush=True)

    result = {"articles": len(records), "words": n_words, "repeats": repeats, "batch_size": batch_size,
              "load_s": round(load_s, 2), "sitrep_errors": errors}
    for name, runs in times.items():
        if runs:
            med = statistics.median(runs)
            result[name] = {"median_s": round(med, 3), "runs_s": [round(t, 3) for t in runs],
                            "words_per_s": round(n_words / med, 1), "articles_per_s": round(len(records) / med, 2)}
    if with_cli:
        result["cli"]["rc"] = cli_rc  # 0, or 1 when some article was dropped; anything else is a crash
    ratio = result["sitrep"]["words_per_s"] / result["spacy"]["words_per_s"]
    result["ratio_sitrep_spacy"] = round(ratio, 3)
    result["speed_pass"] = ratio >= SPEED_BAR
    return result


# ---------------------------------------------------------------------------
# Memory


def peak_rss(records: list[dict], tmp: Path, tag: str) -> dict:
    inp, out = tmp / f"mem{tag}.in.jsonl", tmp / f"mem{tag}.out.jsonl"
    write_jsonl(records, inp)
    cmd = sitrep_command(inp, out)
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(cmd)],
                          stdout=subprocess.PIPE, text=True, check=True)
    rep = json.loads(proc.stdout.strip().splitlines()[-1])
    lines = sum(1 for _ in open(out, encoding="utf-8")) if out.exists() else 0
    samples = rep["samples"]
    # RSS at each quarter of the run, to tell growth from a one-off peak.
    quarters = [samples[min(len(samples) - 1, int(q * len(samples)))][1] // 1024
                for q in (0.25, 0.5, 0.75, 1.0)] if samples else []
    return {"articles": len(records), "words": words([r["text"] for r in records]), "rc": rep["rc"],
            "output_lines": lines, "wall_s": round(rep["wall_s"], 1),
            "articles_per_s": round(len(records) / rep["wall_s"], 2),
            "peak_rss_mib": round(rep["maxrss_kb"] / 1024, 1), "rss_quarters_mib": quarters}


def bench_memory(records: list[dict], sizes: list[int], tmp: Path) -> dict:
    """Peak RSS per size. Every size cycles through the same pool (the first ``min(sizes)`` texts),
    so a larger run sees no text, and no longest article, that the smallest did not: any rise
    in the peak comes from the run's length, not its content."""
    pool = records[:sizes[0]]
    runs = []
    for n in sizes:
        print(f"  memory run: {n} articles ...", file=sys.stderr, flush=True)
        runs.append(peak_rss(cycled(pool, n), tmp, str(n)))
        print(f"    peak {runs[-1]['peak_rss_mib']} MiB in {runs[-1]['wall_s']} s", file=sys.stderr, flush=True)
    small, large = runs[0], runs[-1]
    ratio = large["peak_rss_mib"] / small["peak_rss_mib"]
    # A run that crashed part-way has a meaningless peak: it must write one line per article.
    complete = all(r["output_lines"] == r["articles"] for r in runs)
    return {"runs": runs, "pool": len(pool), "ratio_large_small": round(ratio, 3), "complete": complete,
            "memory_pass": complete and ratio <= MEMORY_BAR}


# ---------------------------------------------------------------------------
# Profile


def profile(records: list[dict], batch_size: int, top: int) -> list[dict]:
    """cProfile of ``process_many`` over ``records`` (model loaded and warmed first); top functions."""
    from sitrep.pipeline import Pipeline
    from sitrep.read import article_from_text

    pipeline = Pipeline(batch_size=batch_size)
    articles = [article_from_text(r["text"], id=r["id"]) for r in records]
    time_sitrep(pipeline, articles[:8])
    prof = cProfile.Profile()
    prof.enable()
    time_sitrep(pipeline, articles)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt
    rows = []
    for (file, line, func), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():
        rows.append({"function": func, "where": f"{_short(file)}:{line}", "calls": ncalls,
                     "tottime_s": round(tottime, 3), "cumtime_s": round(cumtime, 3),
                     "cum_share": round(cumtime / total, 3) if total else 0.0})
    by_cum = sorted(rows, key=lambda r: -r["cumtime_s"])[:top]
    by_tot = sorted(rows, key=lambda r: -r["tottime_s"])[:top]
    own = sorted((r for r in rows if r["where"].startswith("sitrep/")), key=lambda r: -r["cumtime_s"])[:top]
    return [{"total_s": round(total, 3), "by_cumulative": by_cum, "by_own_time": by_tot,
             "sitrep_by_cumulative": own, "sitrep_calls_out": _calls_out(stats, top)}]


def _calls_out(stats: pstats.Stats, top: int) -> list[dict]:
    """sitrep call sites into other libraries (spaCy mostly), by time spent below that call."""
    rows = []
    for (file, line, func), (*_, callers) in stats.stats.items():
        if _short(file).startswith("sitrep/"):
            continue
        for (cfile, cline, cfunc), (_cc, ncalls, _tt, cumtime) in callers.items():
            if _short(cfile).startswith("sitrep/"):
                rows.append({"caller": f"{cfunc}  {_short(cfile)}:{cline}", "callee": f"{func}  {_short(file)}:{line}",
                             "calls": ncalls, "cumtime_s": round(cumtime, 3)})
    return sorted(rows, key=lambda r: -r["cumtime_s"])[:top]


def _short(file: str) -> str:
    for marker in ("/site-packages/", "/src/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# ---------------------------------------------------------------------------
# Report


def print_report(meta: dict, speed: dict | None, memory: dict | None, prof: list[dict] | None) -> None:
    print(f"\nsitrep speed/memory benchmark  ({meta['texts']}; python {meta['python']}, {meta['cpus']} CPUs)")
    print(f"sitrep imported from {meta['sitrep']}")
    if speed:
        print(f"\nSpeed: {speed['articles']} articles, {speed['words']:,} words, median of {speed['repeats']}"
              f" (batch_size {speed['batch_size']}; model + pipeline load {speed['load_s']} s, not timed)")
        print(f"  {'path':<8}{'median s':>10}{'words/s':>10}{'articles/s':>12}   runs (s)")
        for name in ("spacy", "sitrep", "cli"):
            if name in speed:
                r = speed[name]
                print(f"  {name:<8}{r['median_s']:>10.2f}{r['words_per_s']:>10,.0f}{r['articles_per_s']:>12.2f}"
                      f"   {', '.join(f'{t:.2f}' for t in r['runs_s'])}")
        verdict = "PASS" if speed["speed_pass"] else "FAIL"
        print(f"  sitrep/spaCy = {speed['ratio_sitrep_spacy']:.3f}  (bar >= {SPEED_BAR})  {verdict}")
        if "cli" in speed:
            print("  cli includes process start-up and model load")
    if memory:
        print("\nMemory: sitrep extract --input IN --output OUT --quiet, one fresh process per size;"
              f" each input cycles the same {memory['pool']} texts")
        print(f"  {'articles':>9}{'words':>12}{'peak MiB':>10}{'wall s':>9}{'art/s':>8}   RSS at 25/50/75/100% (MiB)")
        for r in memory["runs"]:
            print(f"  {r['articles']:>9,}{r['words']:>12,}{r['peak_rss_mib']:>10.1f}{r['wall_s']:>9.1f}"
                  f"{r['articles_per_s']:>8.2f}   {'/'.join(map(str, r['rss_quarters_mib']))}"
                  + ("" if r["rc"] == 0 and r["output_lines"] == r["articles"]
                     else f"   rc={r['rc']} lines={r['output_lines']}"))
        verdict = "PASS" if memory["memory_pass"] else "FAIL"
        if not memory["complete"]:
            verdict += " (a run did not write one line per article: it crashed, see stderr above)"
        print(f"  peak ratio largest/smallest = {memory['ratio_large_small']:.3f}  (bar <= {MEMORY_BAR})  {verdict}")
    if prof:
        p = prof[0]
        print(f"\nProfile of Pipeline.process_many, {meta['profile_articles']} articles ({p['total_s']} s):")
        for title, key in (("by cumulative time", "by_cumulative"), ("by own time", "by_own_time"),
                           ("sitrep functions by cumulative time", "sitrep_by_cumulative")):
            print(f"  {title}:")
            for r in p[key]:
                print(f"    {r['cumtime_s']:8.2f} cum {r['tottime_s']:8.2f} own {r['calls']:>9} calls"
                      f"  {r['function']}  {r['where']}")
        print("  sitrep call sites into other code, by time below the call:")
        for r in p["sitrep_calls_out"]:
            print(f"    {r['cumtime_s']:8.2f} cum {r['calls']:>9} calls  {r['caller']}  ->  {r['callee']}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300, help="articles for the speed runs [300]")
    ap.add_argument("--repeats", type=int, default=3, help="speed repeats, median reported [3]")
    ap.add_argument("--batch-size", type=int, default=16, help="batch size for both paths [16]")
    ap.add_argument("--mem-sizes", default="1000,10000", help="comma-separated article counts [1000,10000]")
    ap.add_argument("--quick", action="store_true", help="smoke run: --articles 100 --mem-sizes 200,2000 --repeats 1")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed runs")
    ap.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI speed run")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile the pipeline on N articles")
    ap.add_argument("--top", type=int, default=25, help="functions listed per profile table [25]")
    ap.add_argument("--json-out", type=Path, help="also write the full results here as JSON")
    args = ap.parse_args(argv)
    if args.quick:
        args.articles, args.mem_sizes, args.repeats = 100, "200,2000", 1
    args.sizes = sorted(int(s) for s in args.mem_sizes.split(",") if s.strip())
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    records, source = load_records(max(args.articles, args.profile))
    import sitrep

    meta = {"texts": source, "python": platform.python_version(), "cpus": os.cpu_count(),
            "profile_articles": args.profile, "sitrep": str(Path(sitrep.__file__).parent)}
    speed = memory = prof = None
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    try:
        if not args.no_speed:
            print(f"speed: {args.articles} articles x {args.repeats} repeats", file=sys.stderr, flush=True)
            speed = bench_speed(cycled(records, args.articles), args.repeats, args.batch_size, not args.no_cli, tmp)
        if args.profile:
            print(f"profile: {args.profile} articles", file=sys.stderr, flush=True)
            prof = profile(cycled(records, args.profile), args.batch_size, args.top)
        if not args.no_memory and len(args.sizes) >= 2:
            print(f"memory: sizes {args.sizes}", file=sys.stderr, flush=True)
            memory = bench_memory(records, args.sizes, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_report(meta, speed, memory, prof)
    if args.json_out:
        args.json_out.write_text(json.dumps({"meta": meta, "speed": speed, "memory": memory, "profile": prof},
                                            indent=2) + "\n")
    summary = {"texts": source, "cpus": os.cpu_count(), "sitrep": meta["sitrep"]}
    if speed:
        summary.update({"articles": speed["articles"], "words": speed["words"],
                        **{f"{k}_wps": speed[k]["words_per_s"] for k in ("spacy", "sitrep", "cli") if k in speed},
                        "ratio_sitrep_spacy": speed["ratio_sitrep_spacy"], "speed_bar": SPEED_BAR,
                        "speed_pass": speed["speed_pass"]})
    if memory:
        summary.update({"mem_sizes": [r["articles"] for r in memory["runs"]],
                        "peak_rss_mib": [r["peak_rss_mib"] for r in memory["runs"]],
                        "mem_ratio": memory["ratio_large_small"], "mem_complete": memory["complete"],
                        "memory_bar": MEMORY_BAR,
                        "memory_pass": memory["memory_pass"]})
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
