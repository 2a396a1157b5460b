"""Benchmark: how long ``import servicecodex`` and ``Organization.load`` take.

Run with ``nox -s bench`` (or ``python benchmarks/bench_load.py`` where servicecodex and
the bundled plugins are installed).  Each import is timed in a fresh interpreter, since
a second import in one process costs nothing; the figure is the median of the runs, with
the interpreter's own start-up (``python -c pass``) subtracted.  Not a test: nothing here
passes or fails.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def _median_seconds(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _median_in_process(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--org", default="jingyun-warehouse")
    args = parser.parse_args()

    bare = _median_seconds([sys.executable, "-c", "pass"], args.runs)
    imported = _median_seconds([sys.executable, "-c", "import servicecodex"], args.runs)
    first_load = _median_seconds(
        [
            sys.executable,
            "-c",
            f"import servicecodex as sc; sc.Organization.load({args.org!r}).profile",
        ],
        args.runs,
    )

    import servicecodex as sc

    sc.Organization.load(args.org).effective_policy()  # warm caches: entry points, catalogs
    warm = _median_in_process(lambda: sc.Organization.load(args.org).effective_policy(), args.runs)

    print(f"python {sys.version.split()[0]}, {args.runs} runs each, medians")
    print(f"import servicecodex                         {1000 * (imported - bare):7.1f} ms")
    print(f"import + Organization.load({args.org}).profile {1000 * (first_load - bare):7.1f} ms")
    print(f"Organization.load + effective_policy (warm)  {1000 * warm:7.1f} ms")


if __name__ == "__main__":
    main()
