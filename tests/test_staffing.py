"""Staffing to a ring target: Erlang C gives pyworkforce's numbers (vendored reference
values always; a grid and a whole day against pyworkforce itself when it is installed,
as in the test session), Erlang A agrees with a brute-force M/M/n+M and with its limits,
the properties hold (more calls or a higher target never need fewer agents, abandonment
never needs more), every bad input has its error, an unmeetable target says the best
reachable, and a rota is checked interval by interval (JW-12, TB-45)."""

from __future__ import annotations

import datetime as _dt
import itertools
import math
from fractions import Fraction
from typing import Any

import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex._staffing import (
    Requirement,
    ServiceTarget,
    Staffing,
    StaffingError,
    StaffingPlan,
    UnmeetableTargetError,
    _ErlangA,
)

TZ = "Asia/Shanghai"
SECOND = _dt.timedelta(seconds=1)
MINUTE = _dt.timedelta(minutes=1)
JW12 = sc.Citation("JW-12", "000 篇2 第四條.1, 第六條.1")
TB45 = sc.Citation("TB-45", "002 第二篇 P2 2.4)")
MONDAY = pendulum.date(2026, 3, 9)


def shanghai(hour: int, minute: int = 0, day: _dt.date = MONDAY) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=TZ)


def staffing(aht_s: int, interval_min: int = 15, shrinkage: float = 0.0, **kw: Any) -> Staffing:
    return Staffing(aht_s * SECOND, interval_min * MINUTE, shrinkage, **kw)


def target(level: float, seconds: float) -> ServiceTarget:
    return ServiceTarget(level, _dt.timedelta(seconds=seconds))


def day_curve(peak: int = 3000) -> list[int]:
    """Calls per 15 minutes over a day of a large centre: a night trough, a morning peak,
    a lower afternoon one and an evening shoulder."""
    calls = []
    for i in range(96):
        hour = (i + 0.5) / 4
        morning = math.exp(-(((hour - 10.5) / 1.8) ** 2))
        afternoon = 0.85 * math.exp(-(((hour - 15) / 2.2) ** 2))
        evening = 0.35 * math.exp(-(((hour - 20) / 1.5) ** 2))
        calls.append(round(peak * min(1.0, 0.03 + morning + afternoon + evening)))
    return calls


# --- Erlang C: pyworkforce's numbers --------------------------------------------------------

#: pyworkforce 0.5.1: ``ErlangC(transactions=calls, aht=aht_s / 60, asa=asa_s / 60,
#: interval=interval_min, shrinkage=shrinkage).required_positions(level, max_occupancy)``
#: -> raw_positions, positions, service_level, occupancy, waiting_probability.
REFERENCE = [
    # pyworkforce's own README example
    (
        100,
        180,
        20,
        30,
        0.3,
        0.8,
        0.85,
        14,
        20,
        0.8883500191794669,
        0.7142857142857143,
        0.1741319335950498,
    ),
    # JW-12: 80 % within 3 rings of 5 s, occupancy capped (48 for the level would be 46)
    (
        200,
        180,
        15,
        15,
        0.3,
        0.8,
        0.85,
        48,
        69,
        0.9199268422397999,
        0.8333333333333334,
        0.15596121514428296,
    ),
    # TB-45: 90 % within 5 rings, a small shop
    (
        6,
        180,
        25,
        15,
        0.1,
        0.9,
        0.85,
        4,
        5,
        0.974887329528443,
        0.30000000000000004,
        0.03704974271012008,
    ),
    # the benchmark's peak
    (
        3000,
        270,
        15,
        15,
        0.3,
        0.8,
        0.85,
        1059,
        1513,
        0.9999999999797475,
        0.8498583569405099,
        1.3891370983722338e-07,
    ),
    (
        3000,
        270,
        15,
        15,
        0.0,
        0.95,
        1.0,
        929,
        929,
        0.9517680920056665,
        0.9687836383207751,
        0.24156338555762993,
    ),
    # a level of 1: the first service level a float cannot tell from 1
    (200, 180, 15, 15, 0.0, 1.0, 1.0, 99, 99, 1.0, 0.40404040404040403, 3.06859373182285e-15),
    (
        1,
        60,
        15,
        15,
        0.0,
        0.5,
        1.0,
        1,
        1,
        0.9472073622442145,
        0.06666666666666667,
        0.06666666666666667,
    ),
    (
        57,
        240,
        10,
        30,
        0.35,
        0.99,
        0.9,
        15,
        24,
        0.9907211206483998,
        0.5066666666666666,
        0.012629989604897742,
    ),
    (
        1234,
        333,
        60,
        60,
        0.2,
        0.5,
        0.7,
        164,
        205,
        0.9999999991098224,
        0.6960060975609755,
        7.090765826752937e-06,
    ),
    (
        20,
        180,
        15,
        15,
        0.3,
        0.8,
        1.0,
        7,
        10,
        0.8947760915866053,
        0.5714285714285714,
        0.1351101728460219,
    ),
    # pyworkforce's rounding: 21 / (1 - 0.3) is 30.000000000000004 in floats, so 31
    (
        81,
        180,
        15,
        15,
        0.3,
        0.8,
        1.0,
        21,
        31,
        0.8741104764125468,
        0.7714285714285716,
        0.18780510046205592,
    ),
]


def close(ours: float, theirs: float) -> bool:
    return math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.parametrize(
    (
        "calls",
        "aht",
        "asa",
        "interval",
        "shrink",
        "level",
        "occ",
        "raw",
        "agents",
        "sl",
        "oc",
        "pw",
    ),
    REFERENCE,
)
def test_erlang_c_gives_pyworkforces_numbers(
    calls: int,
    aht: int,
    asa: int,
    interval: int,
    shrink: float,
    level: float,
    occ: float,
    raw: int,
    agents: int,
    sl: float,
    oc: float,
    pw: float,
) -> None:
    need = staffing(aht, interval, shrink, max_occupancy=occ).required(calls, target(level, asa))
    assert (need.raw_agents, need.agents) == (raw, agents)
    assert close(need.service_level, sl)
    assert close(need.occupancy, oc)
    assert close(need.waiting_probability, pw)
    assert need.met
    assert need.abandonment is None


def _pyworkforce() -> Any:
    return pytest.importorskip("pyworkforce.queuing")


def test_erlang_c_matches_pyworkforce_on_a_grid() -> None:
    queuing = _pyworkforce()
    grid = itertools.product(
        [1, 4, 17, 60, 250, 999, 3000],  # calls
        [45, 180, 333],  # aht, seconds
        [5, 15, 25],  # asa, seconds
        [15, 30],  # interval, minutes
        [0.5, 0.8, 0.95, 1.0],  # level
        [1.0, 0.85],  # max occupancy
        [0.0, 0.3],  # shrinkage
    )
    for calls, aht, asa, interval, level, occ, shrink in grid:
        theirs = queuing.ErlangC(
            transactions=calls, aht=aht / 60, asa=asa / 60, interval=interval, shrinkage=shrink
        ).required_positions(service_level=level, max_occupancy=occ)
        ours = staffing(aht, interval, shrink, max_occupancy=occ).required(
            calls, target(level, asa)
        )
        case = (calls, aht, asa, interval, level, occ, shrink)
        numbers = ours.as_pyworkforce()
        assert numbers["raw_positions"] == theirs["raw_positions"], case
        assert numbers["positions"] == theirs["positions"], case
        for name in ("service_level", "occupancy", "waiting_probability"):
            assert close(numbers[name], theirs[name]), (case, name)


def test_a_day_of_a_large_centre_matches_pyworkforce_interval_by_interval() -> None:
    queuing = _pyworkforce()
    calls = day_curve()
    plan = staffing(270, 15, 0.3, max_occupancy=0.85).plan(calls, target(0.8, 15), shanghai(0))
    for need, count in zip(plan.intervals, calls, strict=True):
        theirs = queuing.ErlangC(
            transactions=count, aht=4.5, asa=0.25, interval=15, shrinkage=0.3
        ).required_positions(0.8, 0.85)
        assert need.raw_agents == theirs["raw_positions"]
        assert need.agents == theirs["positions"]
        assert close(need.service_level, theirs["service_level"])
        assert close(need.waiting_probability, theirs["waiting_probability"])


def test_service_level_of_given_agents_is_pyworkforces() -> None:
    # pyworkforce: ErlangC(100, 3, 20/60, 30).service_level(14) -> 0.8883500191794669
    model = staffing(180, 30)
    assert close(model.service_level(100, 14, 20 * SECOND), 0.8883500191794669)
    assert model.service_level(100, 10, 20 * SECOND) == 0.0  # 10 agents, load 10: no end
    assert model.service_level(0, 0, 20 * SECOND) == 1.0
    assert model.load(100) == 10.0


# --- Erlang A -----------------------------------------------------------------------------


def brute_force(
    lam: float, mu: float, theta: float, agents: int, t: float, queue: int = 120
) -> tuple[float, float, float]:
    """M/M/n+M by hand: the birth-death chain cut at *queue* waiting, and the offered wait
    of an arrival with k ahead (a pure-death chain, rates nμ + iθ) by uniformisation:
    (service level, P(wait), P(abandon))."""
    p = [1.0]
    for j in range(1, agents + queue + 1):
        p.append(p[-1] * lam / (min(j, agents) * mu + max(0, j - agents) * theta))
    probs = np.array(p) / sum(p)
    waiting = float(probs[agents:].sum())
    abandon = theta * sum((j - agents) * probs[j] for j in range(agents, len(probs))) / lam
    rates = agents * mu + theta * np.arange(queue + 1)
    top = float(rates.max())
    mass = probs[agents:].copy()
    weight, late, step = math.exp(-top * t), 0.0, 0
    while step <= top * t + 60 * math.sqrt(top * t + 1) + 50:
        late += weight * float(mass.sum())
        step += 1
        weight *= top * t / step
        moved = mass * (1 - rates / top)
        moved[:-1] += mass[1:] * rates[1:] / top
        mass = moved
    return 1 - late, waiting, float(abandon)


@pytest.mark.parametrize(
    ("calls", "aht", "patience", "within", "agents"),
    [
        (100, 3, 2, 0.25, 18),
        (100, 3, 2, 0.25, 22),
        (60, 5, 0.5, 0.25, 15),
        (60, 5, 0.5, 0.25, 25),
        (30, 4, 10, 1 / 3, 6),
        (200, 2, 1, 0.1, 30),
        (50, 3, 1, 0, 9),
        (10, 3, 0.1, 0.25, 1),
        (10, 3, 0.1, 0.25, 2),
    ],
)
def test_erlang_a_agrees_with_a_brute_force_queue(
    calls: int, aht: float, patience: float, within: float, agents: int
) -> None:
    model = _ErlangA(calls, 15, aht, patience, within)
    level, waiting, abandon, occupancy = model.measures(agents)
    queue = 25 if patience < 1 else 120  # fast abandonment: a short queue, a sane uniformisation
    expected = brute_force(calls / 15, 1 / aht, 1 / patience, agents, within, queue)
    assert level == pytest.approx(expected[0], abs=1e-12)
    assert waiting == pytest.approx(expected[1], abs=1e-12)
    assert abandon == pytest.approx(expected[2], abs=1e-12)
    assert occupancy == pytest.approx((calls / 15) * aht * (1 - abandon) / agents)


def test_erlang_a_tends_to_erlang_c_with_endless_patience() -> None:
    erlang_c = staffing(180).service_level(100, 22, 15 * SECOND)
    patient = staffing(180, patience=_dt.timedelta(days=10**4))
    assert patient.service_level(100, 22, 15 * SECOND) == pytest.approx(erlang_c, abs=1e-6)
    assert patient.required(100, target(0.8, 15)).raw_agents == 25
    assert staffing(180).required(100, target(0.8, 15)).raw_agents == 25


def test_erlang_a_tends_to_a_loss_system_when_nobody_waits() -> None:
    """Callers who hang up at once leave an Erlang B system: the phone rings past t only
    when every agent is busy and none is freed within t: B·exp(−nμt)."""
    inverse = 1.0
    for k in range(1, 5):
        inverse = 1 + inverse * k / 2.0  # Erlang B, load 2 (40 calls / 15 min × 45 s)
    expected = 1 - (1 / inverse) * math.exp(-4 * 15 / 45)
    hasty = staffing(45, patience=_dt.timedelta(microseconds=1))
    assert hasty.service_level(40, 4, 15 * SECOND) == pytest.approx(expected, abs=1e-6)


def test_erlang_a_reports_abandonment_and_needs_fewer_agents() -> None:
    for patience in (10 * SECOND, MINUTE, 3 * MINUTE, 30 * MINUTE):
        a = staffing(180, patience=patience).required(200, target(0.8, 15))
        c = staffing(180).required(200, target(0.8, 15))
        assert a.raw_agents <= c.raw_agents == 46
        assert a.abandonment is not None
        assert 0 < a.abandonment < a.waiting_probability < 1
        assert a.service_level >= 0.8
        assert a.occupancy <= 1
    more = staffing(180, patience=MINUTE)
    shares = [more.required(200, target(level, 15)).abandonment or 0 for level in (0.5, 0.8, 0.95)]
    assert shares == sorted(shares, reverse=True)


def test_impatient_callers_and_a_long_wait_need_a_cap_on_abandonment() -> None:
    """Callers who hang up after 11 seconds on average, a target of 96 seconds: the queue
    ahead of a caller melts away by hang-ups, so one agent "answers" half the calls in
    time while 99.5 % hang up.  A cap on abandonment staffs for the callers instead."""
    hasty = Staffing(76 * SECOND, patience=11 * SECOND)
    alone = hasty.required(2504, target(0.5, 96))
    assert alone.raw_agents == 1
    assert alone.abandonment == pytest.approx(0.9953, abs=1e-4)
    capped = Staffing(76 * SECOND, patience=11 * SECOND, max_abandonment=0.1)
    need = capped.required(2504, target(0.5, 96))
    assert need.abandonment is not None
    assert need.abandonment <= 0.1
    fewer = Staffing(76 * SECOND, patience=11 * SECOND).service_level(
        2504, need.raw_agents - 1, 96 * SECOND
    )
    assert fewer >= 0.5  # the level alone would need fewer: abandonment decides
    model = capped._erlang_a(2504, 96 * SECOND)
    assert model.measures(need.raw_agents - 1)[2] > 0.1


def test_zero_calls_need_no_agent() -> None:
    for model in (staffing(180), staffing(180, patience=MINUTE)):
        need = model.required(0, target(0.8, 15))
        assert (need.raw_agents, need.agents, need.service_level) == (0, 0, 1.0)
        assert (need.occupancy, need.waiting_probability) == (0.0, 0.0)


# --- properties ---------------------------------------------------------------------------

calls_st = st.floats(min_value=0, max_value=4000, allow_nan=False)
level_st = st.floats(min_value=0.05, max_value=0.99)
aht_st = st.integers(min_value=20, max_value=900)
within_st = st.integers(min_value=0, max_value=120)
shrink_st = st.sampled_from([0.0, 0.1, 0.3, 0.35])
occ_st = st.sampled_from([1.0, 0.9, 0.85, 0.6])
patience_st = st.one_of(st.none(), st.integers(min_value=1, max_value=3600))


def model_of(aht: int, shrink: float, occ: float, patience: int | None) -> Staffing:
    return Staffing(
        aht * SECOND,
        shrinkage=shrink,
        max_occupancy=occ,
        patience=None if patience is None else patience * SECOND,
    )


@settings(max_examples=60, deadline=None)
@given(calls_st, calls_st, level_st, aht_st, within_st, shrink_st, occ_st, patience_st)
def test_more_calls_never_need_fewer_agents(
    one: float,
    other: float,
    level: float,
    aht: int,
    within: int,
    shrink: float,
    occ: float,
    patience: int | None,
) -> None:
    low, high = sorted((one, other))
    model = model_of(aht, shrink, occ, patience)
    wanted = target(level, within)
    assert model.required(low, wanted).agents <= model.required(high, wanted).agents


@settings(max_examples=60, deadline=None)
@given(calls_st, level_st, level_st, aht_st, within_st, shrink_st, occ_st, patience_st)
def test_a_higher_target_never_needs_fewer_agents(
    calls: float,
    one: float,
    other: float,
    aht: int,
    within: int,
    shrink: float,
    occ: float,
    patience: int | None,
) -> None:
    low, high = sorted((one, other))
    model = model_of(aht, shrink, occ, patience)
    assert (
        model.required(calls, target(low, within)).agents
        <= model.required(calls, target(high, within)).agents
    )


@settings(max_examples=60, deadline=None)
@given(
    calls_st,
    level_st,
    aht_st,
    within_st,
    shrink_st,
    occ_st,
    st.integers(min_value=1, max_value=3600),
)
def test_erlang_a_never_needs_more_agents_than_erlang_c(
    calls: float, level: float, aht: int, within: int, shrink: float, occ: float, patience: int
) -> None:
    wanted = target(level, within)
    erlang_c = model_of(aht, shrink, occ, None).required(calls, wanted)
    erlang_a = model_of(aht, shrink, occ, patience).required(calls, wanted)
    assert erlang_a.raw_agents <= erlang_c.raw_agents
    assert erlang_a.agents <= erlang_c.agents


@settings(max_examples=25, deadline=None)
@given(
    st.lists(calls_st, min_size=1, max_size=12), level_st, aht_st, shrink_st, occ_st, patience_st
)
def test_a_plan_is_each_intervals_requirement(
    calls: list[float], level: float, aht: int, shrink: float, occ: float, patience: int | None
) -> None:
    model = model_of(aht, shrink, occ, patience)
    wanted = target(level, 15)
    plan = model.plan(calls, wanted, shanghai(8))
    for need, count in zip(plan.intervals, calls, strict=True):
        alone = model.required(count, wanted)
        assert (need.raw_agents, need.agents) == (alone.raw_agents, alone.agents)
        assert need.service_level == pytest.approx(alone.service_level, abs=1e-12)


# --- the plan -----------------------------------------------------------------------------


def test_a_plan_runs_interval_after_interval_in_absolute_time() -> None:
    plan = staffing(180, 60).plan([10, 20, 80, 40], target(0.8, 15), shanghai(8))
    assert isinstance(plan, StaffingPlan)
    assert [r.start for r in plan.intervals] == [shanghai(h) for h in (8, 9, 10, 11)]
    assert plan.end == shanghai(12)
    assert plan.peak is plan.intervals[2]
    assert plan.agent_hours == sum(r.agents for r in plan.intervals)
    assert not plan.unmet
    # London's clocks go forward at 01:00 on 29 March 2026: the hours stay 60 minutes long.
    london = pendulum.datetime(2026, 3, 29, 0, tz="Europe/London")
    plan = staffing(180, 60).plan([10, 10, 10], target(0.8, 15), london)
    starts = [r.start for r in plan.intervals if r.start is not None]
    assert [s.isoformat() for s in starts] == [
        "2026-03-29T00:00:00+00:00",
        "2026-03-29T02:00:00+01:00",
        "2026-03-29T03:00:00+01:00",
    ]
    assert all(isinstance(s, pendulum.DateTime) for s in starts)
    assert {(r.end - r.start).in_minutes() for r in plan.intervals if r.start and r.end} == {60}


def test_a_plan_takes_any_iterable_of_calls() -> None:
    wanted = target(0.8, 15)
    listed = staffing(180).plan([10, 20.5, 0], wanted, shanghai(8))
    for calls in (np.array([10, 20.5, 0]), (c for c in (10, 20.5, 0)), (10, 20.5, 0)):
        plan = staffing(180).plan(calls, wanted, shanghai(8))
        assert [r.agents for r in plan.intervals] == [r.agents for r in listed.intervals]


def test_ring_targets_from_the_regulations() -> None:
    jw12 = ServiceTarget.rings(0.8, 3, cite=JW12)
    tb45 = ServiceTarget.rings(0.9, 5, seconds_per_ring=5, cite=TB45)
    assert (jw12.within, tb45.within) == (15 * SECOND, 25 * SECOND)
    assert jw12.describe().explain("en") == "Answer 80% of calls within 15 seconds (JW-12)"
    assert ServiceTarget.rings(0.8, 3, seconds_per_ring=6).within == 18 * SECOND
    jingyun = sc.Organization.load("jingyun-warehouse").service_levels
    from_policy = ServiceTarget.from_policy(jingyun, 0.8)
    assert from_policy.within == 15 * SECOND
    assert from_policy.cite is not None
    assert from_policy.cite.rule_id == "JW-12"


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Staffing(_dt.timedelta(0)), "Staffing.handling"),
        (lambda: Staffing(-MINUTE), "Staffing.handling"),
        (lambda: Staffing(180), "Staffing.handling"),
        (lambda: Staffing(MINUTE, interval=_dt.timedelta(0)), "Staffing.interval"),
        (lambda: Staffing(MINUTE, shrinkage=1.0), "Staffing.shrinkage"),
        (lambda: Staffing(MINUTE, shrinkage=-0.1), "Staffing.shrinkage"),
        (lambda: Staffing(MINUTE, shrinkage=float("nan")), "Staffing.shrinkage"),
        (lambda: Staffing(MINUTE, shrinkage=True), "Staffing.shrinkage"),
        (lambda: Staffing(MINUTE, max_occupancy=0), "Staffing.max_occupancy"),
        (lambda: Staffing(MINUTE, max_occupancy=1.01), "Staffing.max_occupancy"),
        (lambda: Staffing(MINUTE, patience=_dt.timedelta(0)), "Staffing.patience"),
        (lambda: Staffing(MINUTE, max_agents=0), "Staffing.max_agents"),
        (lambda: Staffing(MINUTE, max_agents=True), "Staffing.max_agents"),
        (lambda: Staffing(MINUTE, patience=MINUTE, max_abandonment=0), "Staffing.max_abandonment"),
        (lambda: Staffing(MINUTE, patience=MINUTE, max_abandonment=2), "Staffing.max_abandonment"),
        (lambda: Staffing(MINUTE, max_abandonment=0.05), "Staffing.max_abandonment"),
        (lambda: ServiceTarget(0, 15 * SECOND), "ServiceTarget.level"),
        (lambda: ServiceTarget(1.5, 15 * SECOND), "ServiceTarget.level"),
        (lambda: ServiceTarget(-0.2, 15 * SECOND), "ServiceTarget.level"),
        (lambda: ServiceTarget("0.8", 15 * SECOND), "ServiceTarget.level"),
        (lambda: ServiceTarget(0.8, -SECOND), "ServiceTarget.within"),
        (lambda: ServiceTarget(0.8, 15), "ServiceTarget.within"),
        (lambda: ServiceTarget(0.8, 15 * SECOND, cite="JW-12"), "ServiceTarget.cite"),  # type: ignore[arg-type]
        (lambda: ServiceTarget.rings(0.8, 0), "ServiceTarget.rings"),
        (lambda: ServiceTarget.rings(0.8, 3, seconds_per_ring=0), "ServiceTarget.seconds_per_ring"),
        (lambda: staffing(180).required(-1, target(0.8, 15)), "calls"),
        (lambda: staffing(180).required(float("inf"), target(0.8, 15)), "calls"),
        (lambda: staffing(180).required(True, target(0.8, 15)), "calls"),
        (lambda: staffing(180).required("12", target(0.8, 15)), "calls"),  # type: ignore[arg-type]
        (lambda: staffing(180).required(12, 0.8), "target"),  # type: ignore[arg-type]
        (lambda: staffing(180).service_level(-5, 3, 15 * SECOND), "calls"),
        (lambda: staffing(180).service_level(5, -3, 15 * SECOND), "agents"),
        (lambda: staffing(180).plan([1, -2], target(0.8, 15), shanghai(8)), "calls[1]"),
        (lambda: staffing(180).plan([], target(0.8, 15), shanghai(8)), "calls"),
        (lambda: staffing(180).plan("123", target(0.8, 15), shanghai(8)), "calls"),  # type: ignore[arg-type]
        (lambda: ServiceTarget.from_policy("jingyun", 0.8), "policy"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_refused_naming_the_field(build: Any, field: str) -> None:
    with pytest.raises(StaffingError) as raised:
        build()
    assert raised.value.field == field
    assert isinstance(raised.value, sc.ValidationError)
    assert isinstance(raised.value, ValueError)


def test_a_plan_needs_an_aware_start() -> None:
    with pytest.raises(sc.NaiveDateTimeError):
        staffing(180).plan([10], target(0.8, 15), _dt.datetime(2026, 3, 9, 8))


def test_a_policy_without_rings_gives_no_ring_target() -> None:
    chat = sc.ResponseTarget(sc.Channel.ONLINE_CHAT, JW12, first_response=MINUTE)
    policy = sc.ServiceLevelPolicy([sc.Channel.ONLINE_CHAT], JW12, [chat])
    with pytest.raises(StaffingError, match="no rings for the phone"):
        ServiceTarget.from_policy(policy, 0.8)


# --- unmeetable targets -------------------------------------------------------------------


def test_a_cap_on_agents_says_the_best_level_it_reaches() -> None:
    capped = staffing(180, max_agents=44)
    with pytest.raises(UnmeetableTargetError) as raised:
        capped.required(200, target(0.8, 15))
    best = staffing(180).service_level(200, 44, 15 * SECOND)
    assert raised.value.best_level == best
    assert raised.value.agents == 44
    assert f"{best:.2%}" in str(raised.value)
    assert isinstance(raised.value, StaffingError)
    need = capped.required(200, target(0.8, 15), best_effort=True)
    assert (need.raw_agents, need.agents, need.met, need.service_level) == (44, 44, False, best)
    assert capped.required(200, target(0.5, 15)).met  # 44 are enough for 50 %


def test_shrinkage_counts_against_the_cap() -> None:
    capped = staffing(180, shrinkage=0.3, max_agents=60)
    need = capped.required(200, target(0.8, 15), best_effort=True)
    # 60 × 0.7 = 42 would answer, but 42 / 0.7 is 60.00000000000001 in floats, which
    # pyworkforce's rounding schedules as 61: 41 answer, 59 scheduled.
    assert (need.raw_agents, need.agents, need.met) == (41, 59, False)
    assert capped.agents_for(42) == 61


def test_erlang_a_with_impatient_callers_and_a_cap_says_the_best_level() -> None:
    """Callers hanging up after 10 seconds on average, 15 agents at most: 80 % within 3
    rings is out of reach; the error gives the best level, and never searches forever."""
    hasty = staffing(180, patience=10 * SECOND, max_agents=15)
    with pytest.raises(UnmeetableTargetError) as raised:
        hasty.required(200, target(0.8, 15))
    assert 0 < raised.value.best_level < 0.8
    assert raised.value.best_level == hasty.service_level(200, 15, 15 * SECOND)


def test_an_abandonment_cap_beyond_the_agents_allowed_is_unmeetable() -> None:
    capped = staffing(180, patience=10 * SECOND, max_abandonment=0.01, max_agents=40)
    with pytest.raises(UnmeetableTargetError, match=r"abandonment at 1\.0% or below needs 52"):
        capped.required(200, target(0.8, 15))


def test_an_occupancy_cap_beyond_the_agents_allowed_is_unmeetable() -> None:
    capped = staffing(180, max_occupancy=0.5, max_agents=60)
    with pytest.raises(UnmeetableTargetError, match="occupancy") as raised:
        capped.required(200, target(0.8, 15))
    assert raised.value.agents == 60
    assert raised.value.best_level > 0.99  # the level is met; the occupancy is not


def test_a_plan_with_an_unmeetable_interval_names_it_or_marks_it() -> None:
    capped = staffing(180, max_agents=30)
    with pytest.raises(UnmeetableTargetError, match=r"2026-03-09T08:15:00\+08:00"):
        capped.plan([100, 200, 50], target(0.8, 15), shanghai(8))
    plan = capped.plan([100, 200, 50], target(0.8, 15), shanghai(8), best_effort=True)
    assert [r.met for r in plan.intervals] == [True, False, True]
    assert plan.unmet == (plan.intervals[1],)


def test_a_level_of_one_is_reached_in_finite_agents() -> None:
    for model in (staffing(180), staffing(180, patience=MINUTE)):
        need = model.required(3000, target(1.0, 15))
        assert need.service_level == 1.0
        assert need.raw_agents < 1000  # load 600


# --- a rota against the plan --------------------------------------------------------------


def text(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hans=zh)


CITE = sc.Citation("TB-51", "002 第二篇 P1 二.1")
EARLY = sc.ShiftPattern(
    "early",
    text("Early", "早班"),
    _dt.time(8),
    _dt.time(16),
    CITE,
    breaks=[sc.Break(_dt.time(12), _dt.time(12, 30), text("lunch", "午饭"))],
)
SHORT = sc.ShiftPattern("short", text("Short", "短班"), _dt.time(8), _dt.time(10, 5), CITE)
POLICY = sc.ShiftPolicy([EARLY, SHORT])
CALENDAR = sc.BusinessCalendar(TZ, "CN")


def desk_rota() -> sc.Rota:
    """Three agents 08:00-16:00 with lunch at 12:00, one more until 10:05."""
    early = [sc.Assignment(f"A-0{i}", MONDAY, "early") for i in (1, 2, 3)]
    return sc.Rota(POLICY, CALENDAR, [*early, sc.Assignment("A-04", MONDAY, "short")])


def test_a_rota_is_checked_interval_by_interval() -> None:
    model = staffing(180)
    wanted = ServiceTarget.rings(0.8, 3, cite=JW12)
    plan = model.plan([10] * 20, wanted, shanghai(8))  # 08:00-13:00, load 2
    assert {r.agents for r in plan.intervals} == {4}
    check = plan.check(desk_rota())
    assert not check.ok
    by_start = {c.requirement.start: c for c in check.covers}
    assert by_start[shanghai(9, 45)].short == 0
    partly = by_start[shanghai(10)]  # A-04 leaves at 10:05: 3 + 5/15 on duty
    assert partly.on_duty == Fraction(10, 3)
    assert partly.short == 1
    lunch = by_start[shanghai(12, 15)]
    assert (lunch.on_duty, lunch.short, lunch.service_level) == (Fraction(0), 4, 0.0)
    assert by_start[shanghai(12, 30)].short == 1
    assert [c.requirement.start for c in check.shortfalls] == [
        shanghai(10).add(minutes=15 * i) for i in range(12)
    ]
    assert check.explain("en")[0] == (
        "Mar 9, 2026 10:00–10:15: 3.33 on duty, 4 needed to answer 80% of 10 calls within "
        "15 seconds; short by 1, 59.1% answered in time (JW-12)"
    )
    assert check.shortfalls[0].service_level == model.service_level(10, 3, 15 * SECOND)
    assert check.shortfalls[0].reason is not None
    assert check.shortfalls[0].reason.rule_id == "JW-12"
    assert all(line.endswith("（JW-12）") for line in check.explain("zh_Hans"))


def test_shrinkage_takes_its_share_of_the_agents_on_duty() -> None:
    model = staffing(180, shrinkage=0.25)
    plan = model.plan([10] * 4, ServiceTarget.rings(0.8, 3, cite=JW12), shanghai(8))
    assert {r.agents for r in plan.intervals} == {6}  # 4 answering / 0.75 → 6 scheduled
    cover = plan.check(desk_rota()).covers[0]
    assert (cover.on_duty, cover.productive, cover.short) == (Fraction(4), Fraction(3), 2)
    assert cover.service_level == model.service_level(10, 3, 15 * SECOND)


def test_a_rota_check_needs_a_cited_target_and_a_rota() -> None:
    plan = staffing(180).plan([10], target(0.8, 15), shanghai(8))
    with pytest.raises(StaffingError, match="cites the rule"):
        plan.check(desk_rota())
    cited = staffing(180).plan([10], ServiceTarget.rings(0.8, 3, cite=JW12), shanghai(8))
    with pytest.raises(StaffingError, match="Rota"):
        cited.check("rota")  # type: ignore[arg-type]
    assert cited.check(desk_rota()).ok


def test_requirement_reads_like_pyworkforce() -> None:
    need = staffing(180, 30, 0.3, max_occupancy=0.85).required(100, target(0.8, 20))
    assert isinstance(need, Requirement)
    assert need.as_pyworkforce() == {
        "raw_positions": 14,
        "positions": 20,
        "service_level": need.service_level,
        "occupancy": need.occupancy,
        "waiting_probability": need.waiting_probability,
    }
    assert need.load == 10.0
