"""Score sitrep on the development sets with the project's scorer.

Runs ``sitrep extract --input GOLD --output PRED`` on each chosen set (the
batch contract every measurement uses) and prints the scorer's lines.

    python benchmarks/dev_scores.py                       # the default sets
    python benchmarks/dev_scores.py plover_gsr acled_afghanistan_2020 --limit 500
    python benchmarks/dev_scores.py --out /tmp/dev         # keep the predictions

Needs ../shared beside the repository (the gold files and score.py).
"""
from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "dev"
SCORER = SHARED / "eval" / "score.py"
DEFAULT = ["acled_afghanistan_2020", "plover_gsr", "rand_dev", "tempeval3_tbaq"]


def run(name: str, out_dir: Path, limit: int | None) -> str:
    gold = GOLD / f"{name}.jsonl"
    if limit:
        cut = out_dir / f"{name}.gold.jsonl"
        with open(gold, encoding="utf-8") as src, open(cut, "w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, limit))
        gold = cut
    pred = out_dir / f"{name}.pred.jsonl"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitrep", "extract", "--quiet", "--input", str(gold),
                    "--output", str(pred)], check=False)
    took = time.perf_counter() - t0
    scored = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred)],
                            capture_output=True, text=True, check=True).stdout
    return f"## {name} ({took:.0f}s)\n{scored}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=DEFAULT, help="dev set names (file names without .jsonl)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N records of each set")
    ap.add_argument("--out", type=Path, default=None, help="keep predictions in this folder")
    args = ap.parse_args()
    if not SCORER.exists():
        sys.exit(f"no scorer at {SCORER}: put the shared folder beside the repository")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for name in args.sets:
            print(run(name, out, args.limit), flush=True)


if __name__ == "__main__":
    main()
