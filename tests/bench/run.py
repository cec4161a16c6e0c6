"""`make bench`: runs every tests/bench/bench_*.py, each bounded in time, on loopback only.

Starts a throw-away PostgreSQL and Redis first (scripts/with-services.sh) unless DATABASE_URL is
already set. Each benchmark prints `name: value unit` lines on stdout; they are passed through
as they come. Exits non-zero if any benchmark fails or runs past its time limit.

    .venv/bin/python tests/bench/run.py [NAME ...]     e.g. run.py http  -> bench_http.py only
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TIME_LIMIT = int(os.environ.get("BENCH_TIME_LIMIT", "1200"))  # seconds per benchmark


def main(argv: list[str]) -> int:
    if not os.environ.get("DATABASE_URL") and not os.environ.get("PA_LMS_UNDER_SERVICES"):
        env = {**os.environ, "PA_LMS_UNDER_SERVICES": "1"}
        wrapper = ROOT / "scripts" / "with-services.sh"
        return subprocess.call(["bash", str(wrapper), sys.executable, __file__, *argv], env=env)

    benches = sorted(HERE.glob("bench_*.py"))
    if argv:
        benches = [b for b in benches if b.stem.removeprefix("bench_") in argv]
    if not benches:
        print("no benchmark matched", file=sys.stderr)
        return 1
    failed = []
    for bench in benches:
        print(f"# {bench.name}", file=sys.stderr, flush=True)
        started = time.monotonic()
        try:
            code = subprocess.call([sys.executable, str(bench)], cwd=ROOT, timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            print(f"# {bench.name}: stopped after {TIME_LIMIT} s", file=sys.stderr)
            code = -1
        print(f"# {bench.name}: exit {code} in {time.monotonic() - started:.0f} s", file=sys.stderr)
        if code != 0:
            failed.append(bench.name)
    if failed:
        print(f"# failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
