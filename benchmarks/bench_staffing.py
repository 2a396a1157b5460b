"""Benchmark: a day's staffing of a large call centre, servicecodex against pyworkforce.

Run with ``nox -s bench -- staffing`` (or ``python benchmarks/bench_staffing.py`` where
servicecodex and pyworkforce, the ``bench`` extra, are installed).  Nothing is random and
nothing is fetched: a day of 96 intervals of 15 minutes, up to 3,000 calls an interval
(a night trough of 90, a morning peak at 10:30, a lower one mid-afternoon, an evening
shoulder), 4 minutes 30 seconds of handling, 80 % answered within 15 seconds (3 rings of
5 seconds, JW-12), 30 % shrinkage and occupancy at most 85 %.

* servicecodex: ``Staffing(...).plan(calls, target, start)``: the whole day at once,
  every interval's record (with its start and end in the centre's time zone) made;
* pyworkforce: ``ErlangC(transactions, aht, asa, interval, shrinkage)
  .required_positions(service_level, max_occupancy)`` for each interval, as its
  documentation shows.

Each is timed as the best of a few repeats; the script checks that both give the same
agents (raw and scheduled) in every interval and that the service levels, occupancies
and waiting probabilities agree within 1e-9, prints the speed ratio and exits non-zero
if an interval differs.  Not a test: the ratio is reported, not asserted.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import math
import platform
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy
import pendulum
import pyworkforce
from pyworkforce.queuing import ErlangC

from servicecodex._staffing import ServiceTarget, Staffing

INTERVAL_MINUTES = 15
AHT_SECONDS = 270
ANSWER_SECONDS = 15  # JW-12: 3 rings of 5 seconds
LEVEL = 0.8
SHRINKAGE = 0.3
MAX_OCCUPANCY = 0.85
START = pendulum.datetime(2026, 3, 9, tz="Asia/Shanghai")


def day_curve(peak: int) -> list[int]:
    """Calls in each of the 96 intervals of a day: a night trough of 3 % of the peak, a
    morning peak at 10:30, a lower afternoon one at 15:00, an evening shoulder at 20:00."""
    calls = []
    for i in range(96):
        hour = (i + 0.5) / 4
        morning = math.exp(-(((hour - 10.5) / 1.8) ** 2))
        afternoon = 0.85 * math.exp(-(((hour - 15) / 2.2) ** 2))
        evening = 0.35 * math.exp(-(((hour - 20) / 1.5) ** 2))
        calls.append(round(peak * min(1.0, 0.03 + morning + afternoon + evening)))
    return calls


def best_of(repeats: int, action: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest of *repeats* runs of *action*, and what it returned."""
    best, result = float("inf"), None
    for _ in range(repeats):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def with_servicecodex(calls: list[int]) -> list[dict[str, float]]:
    staffing = Staffing(
        _dt.timedelta(seconds=AHT_SECONDS),
        _dt.timedelta(minutes=INTERVAL_MINUTES),
        SHRINKAGE,
        MAX_OCCUPANCY,
    )
    target = ServiceTarget(LEVEL, _dt.timedelta(seconds=ANSWER_SECONDS))
    plan = staffing.plan(calls, target, START)
    return [need.as_pyworkforce() for need in plan.intervals]


def with_pyworkforce(calls: list[int]) -> list[dict[str, float]]:
    return [
        ErlangC(
            transactions=count,
            aht=AHT_SECONDS / 60,
            asa=ANSWER_SECONDS / 60,
            interval=INTERVAL_MINUTES,
            shrinkage=SHRINKAGE,
        ).required_positions(service_level=LEVEL, max_occupancy=MAX_OCCUPANCY)
        for count in calls
    ]


def compare(ours: list[dict[str, float]], theirs: list[dict[str, float]]) -> list[str]:
    """Every interval where the two disagree, in words."""
    problems = []
    for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        at = START.add(minutes=INTERVAL_MINUTES * i).format("HH:mm")
        for name in ("raw_positions", "positions"):
            if a[name] != b[name]:
                problems.append(f"{at} {name}: servicecodex {a[name]}, pyworkforce {b[name]}")
        for name in ("service_level", "occupancy", "waiting_probability"):
            if not math.isclose(a[name], b[name], rel_tol=1e-9, abs_tol=1e-12):
                problems.append(f"{at} {name}: servicecodex {a[name]!r}, pyworkforce {b[name]!r}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peak", type=int, default=3000, help="calls in the busiest interval")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    calls = day_curve(args.peak)
    with_servicecodex(calls[:4])  # numpy's first use is not the day's cost
    ours_time, ours = best_of(args.repeats * 4, lambda: with_servicecodex(calls))
    theirs_time, theirs = best_of(args.repeats, lambda: with_pyworkforce(calls))
    print(
        f"python {platform.python_version()}, {platform.machine()}, numpy {numpy.__version__},"
        f" pyworkforce {pyworkforce.__version__}"
    )
    print(
        f"a day of {len(calls)} intervals of {INTERVAL_MINUTES} minutes, {sum(calls):,} calls"
        f" (from {min(calls):,} to {max(calls):,} an interval), {AHT_SECONDS} s handling,"
        f" {LEVEL:.0%} within {ANSWER_SECONDS} s, shrinkage {SHRINKAGE:.0%},"
        f" occupancy at most {MAX_OCCUPANCY:.0%}"
    )
    peak = max(range(len(calls)), key=lambda i: calls[i])
    print(
        f"peak {START.add(minutes=INTERVAL_MINUTES * peak).format('HH:mm')}:"
        f" {calls[peak]:,} calls, {ours[peak]['raw_positions']} answering,"
        f" {ours[peak]['positions']} scheduled; the day: "
        f"{sum(int(r['positions']) for r in ours) * INTERVAL_MINUTES / 60:,.0f} agent-hours"
    )
    print()
    print(f"{'':44} {'best of':>8} {'time':>10}")
    print(
        f"{'servicecodex Staffing.plan (96 records)':44} {args.repeats * 4:8} {ours_time * 1e3:7.2f} ms"
    )
    print(
        f"{'pyworkforce ErlangC.required_positions ×96':44} {args.repeats:8}"
        f" {theirs_time * 1e3:7.2f} ms"
    )
    print(f"speed ratio (pyworkforce time / servicecodex time): {theirs_time / ours_time:.1f}")
    problems = compare(ours, theirs)
    if problems:
        print(f"!! {len(problems)} differences:")
        for line in problems[:20]:
            print("  " + line)
        sys.exit(1)
    print(
        "identical raw and scheduled agents in all 96 intervals; service level, occupancy and"
        " waiting probability within 1e-9"
    )


if __name__ == "__main__":
    main()
