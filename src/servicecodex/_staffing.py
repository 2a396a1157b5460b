"""Staffing: how many agents answer the phone in time, interval by interval.

A ring target ("answer within 3 rings", JW-12) is a *service level*: the share of calls
answered within a time (3 rings × 5 seconds = 15 seconds).  Given the calls expected in
an interval, their average handling time and the target, :class:`Staffing` finds the
least number of agents that meets it, with one of two queueing models:

* **Erlang C** (M/M/n): nobody hangs up.  Its numbers are those of pyworkforce's
  ``ErlangC(transactions, aht, asa, interval, shrinkage).required_positions(service_level,
  max_occupancy)``: the same search, occupancy cap and shrinkage rounding, so that the
  agents match pyworkforce's positions in every interval (tests/test_staffing.py compares
  them on a grid), at a fraction of the time (benchmarks/bench_staffing.py).
* **Erlang A** (M/M/n+M, Palm's model with abandonment): callers hang up after an
  exponential patience of mean *patience*.  Abandonment thins the queue, so Erlang A never
  needs more agents than Erlang C for the same target; *max_abandonment* caps the share
  of callers who hang up.

Formulas (minutes throughout, as pyworkforce): offered load ``R = calls / interval × aht``.

Erlang C: Erlang B by the stable recurrence ``1/B(k) = 1 + k/R × 1/B(k-1)`` (no
factorials); ``P(wait) = n·B / (n − R·(1 − B))``; ``SL(n) = 1 − P(wait)·exp(−(n − R)·t/aht)``
for *n* > *R* (below that the queue grows without end: SL 0).  The search starts at
``round(R + 1)`` and steps up to the first *n* meeting the target; if the occupancy
``R / n`` is above *max_occupancy*, ``n = ceil(R / max_occupancy)``; the agents to
schedule are ``ceil(n / (1 − shrinkage))``.

Erlang A (Garnett, Mandelbaum & Reiman, "Designing a call center with impatient
customers", M&SOM 4(3), 2002; Mandelbaum & Zeltyn, "The M/M/n+G queue: summary of
performance measures", 2009): with ``λ`` calls a minute, ``μ = 1/aht``, ``θ = 1/patience``,
``a = λ/θ``, ``b = nμ/θ`` and the lower incomplete gamma function ``γ``,

* ``P(wait) = A·B / (1 + (A − 1)·B)`` with ``A = b·e^a·a^(−b)·γ(b, a)``;
* ``P(V > t) = P(wait) · γ(b, a·e^(−θt)) / γ(b, a)``, *V* the *offered* wait: how long
  the phone rings before an agent picks up, for a caller who holds on;
* ``P(abandon) = P(wait) · (1 − 1/ρ + 1/(ρ·A))``, ``ρ = λ/(nμ)``; the occupancy is the
  load carried, ``R·(1 − P(abandon)) / n``.

The service level is ``1 − P(V > t)``: the share of callers an agent answers within *t*
if they hold on that long - what a ring target asks of the agents, whatever the caller's
patience.  (A caller who hangs up on the 2nd ring of a phone that would have rung 5 times
still counts as a miss.)  ``γ(b, x) = x^b e^(−x)/b · S(x)`` with the series
``S(x) = Σ_k x^k / ((b+1)…(b+k))``, summed in logarithms (far past its peak, from Q's
continued fraction), so nothing overflows; Erlang B comes from the Poisson terms in
logarithms too.  With no abandonment (θ → 0) the formulas become Erlang C's.  The
search: the least agents meeting the level (by bisection below Erlang C's answer, which
always suffices), then the least meeting the abandonment cap, then the occupancy cap.

Without a cap every target can be met: more agents always raise the service level, to 1
(in floats too).  Every search is bounded all the same: by *max_agents* when given, else
by ``R + 20·√R + 200`` agents (far beyond the agents at which a float can no longer tell a
service level from 1).  A target (or an abandonment or occupancy cap) that cannot be met
inside the bound raises :class:`UnmeetableTargetError` with the best service level
reachable, unless ``best_effort=True`` asks for the best instead.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from numbers import Real
from typing import TYPE_CHECKING

import attrs
import pendulum

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_
from servicecodex._reasons import Citation, Percent, Reason
from servicecodex._time import instant
from servicecodex._validate import duration

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from servicecodex._rota import Rota
    from servicecodex._service_levels import ServiceLevelPolicy

    Floats = npt.NDArray[np.float64]
    Ints = npt.NDArray[np.int64]

__all__ = [
    "IntervalCover",
    "Requirement",
    "ServiceTarget",
    "Staffing",
    "StaffingCheck",
    "StaffingError",
    "StaffingPlan",
    "UnmeetableTargetError",
]

_MINUTE = _dt.timedelta(minutes=1)
#: Two service levels this close are one for the search: where ours and pyworkforce's
#: floating-point sums could fall on either side of the target, pyworkforce's own
#: arithmetic decides (see ``_exact_search``).
_TIE = 1e-9


class StaffingError(ValidationError):
    """A staffing input is not acceptable: a handling time of zero, negative calls, a
    service level outside (0, 1], shrinkage outside [0, 1), occupancy outside (0, 1] …"""


class UnmeetableTargetError(StaffingError):
    """No number of agents the search may use meets the target: *max_agents* is too few
    for the service level, or for the abandonment or occupancy cap.  :attr:`best_level`
    is the service level reached with the most agents allowed, :attr:`agents` (to
    schedule, shrinkage included)."""

    def __init__(
        self, field: str, value: object, problem: str, best_level: float, agents: int
    ) -> None:
        self.best_level = best_level
        self.agents = agents
        super().__init__(field, value, problem)


for _error in (StaffingError, UnmeetableTargetError):
    _error.__module__ = "servicecodex"
del _error


# --- validation ----------------------------------------------------------------------------


def _number(value: object, field: str) -> float:
    """*value* (an int, float or Decimal, not a bool) as a finite float."""
    if type(value) is float or type(value) is int:  # the common case, quickly
        number = float(value)
        if math.isfinite(number):
            return number
    if isinstance(value, bool) or not isinstance(value, Real | Decimal):
        raise StaffingError(field, value, "expected a number")
    number = float(value)
    if not math.isfinite(number):
        raise StaffingError(field, value, "expected a finite number")
    return number


def _share(value: object, field: str, *, zero: bool, one: bool) -> float:
    """A share between 0 and 1, each end included when allowed."""
    number = _number(value, field)
    if number < 0 or number > 1 or (number == 0 and not zero) or (number == 1 and not one):
        interval = f"{'[' if zero else '('}0, 1{']' if one else ')'}"
        raise StaffingError(field, value, f"a share in {interval}")
    return number


def _positive_span(value: object, field: str) -> _dt.timedelta:
    return duration(value, field, StaffingError, positive=True)


def _handling(value: object) -> _dt.timedelta:
    return _positive_span(value, "Staffing.handling")


def _interval(value: object) -> _dt.timedelta:
    return _positive_span(value, "Staffing.interval")


def _patience(value: object) -> _dt.timedelta | None:
    return None if value is None else _positive_span(value, "Staffing.patience")


def _shrinkage(value: object) -> float:
    return _share(value, "Staffing.shrinkage", zero=True, one=False)


def _max_occupancy(value: object) -> float:
    return _share(value, "Staffing.max_occupancy", zero=False, one=True)


def _max_agents(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise StaffingError("Staffing.max_agents", value, "a whole number of at least 1")
    return value


def _max_abandonment(value: object) -> float | None:
    if value is None:
        return None
    return _share(value, "Staffing.max_abandonment", zero=False, one=True)


def _level(value: object) -> float:
    return _share(value, "ServiceTarget.level", zero=False, one=True)


def _within(value: object) -> _dt.timedelta:
    return duration(value, "ServiceTarget.within", StaffingError)


def _cite(instance: object, attribute: attrs.Attribute[Citation | None], value: object) -> None:
    if value is not None and not isinstance(value, Citation):
        raise StaffingError("ServiceTarget.cite", value, "expected a Citation or None")


def _calls(value: object, field: str = "calls") -> float:
    number = _number(value, field)
    if number < 0:
        raise StaffingError(field, value, "a number of calls of zero or more")
    return number


def _percent(share: float) -> Percent:
    """*share* as a percentage fact, to one decimal place (floats are not facts)."""
    return Percent(Decimal(repr(share)).quantize(Decimal("0.001")))


# --- the target ----------------------------------------------------------------------------


@attrs.frozen
class ServiceTarget:
    """A service level: *level* (a share in (0, 1]) of calls answered within *within*,
    citing the rule it comes from.

    >>> target = ServiceTarget.rings(0.8, 3, cite=Citation("JW-12", "000 篇2 第四條.1"))
    >>> target.within, target.level
    (datetime.timedelta(seconds=15), 0.8)
    >>> target.describe().explain("en")
    'Answer 80% of calls within 15 seconds (JW-12)'
    """

    level: float = attrs.field(converter=_level)
    within: _dt.timedelta = attrs.field(converter=_within)
    cite: Citation | None = attrs.field(default=None, validator=_cite)

    @classmethod
    def rings(
        cls, level: float, rings: int, seconds_per_ring: int = 5, cite: Citation | None = None
    ) -> ServiceTarget:
        """*level* of calls answered within *rings* rings of *seconds_per_ring* seconds."""
        for name, value in (("rings", rings), ("seconds_per_ring", seconds_per_ring)):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise StaffingError(f"ServiceTarget.{name}", value, "a whole number of at least 1")
        return cls(level, _dt.timedelta(seconds=rings * seconds_per_ring), cite)

    @classmethod
    def from_policy(cls, policy: ServiceLevelPolicy, level: float) -> ServiceTarget:
        """*level* of phone calls answered within the rings of *policy*'s phone target
        (the one for every category, if the policy has several), at the policy's
        *seconds_per_ring*, citing that target's rule."""
        from servicecodex._service_levels import Channel, ServiceLevelPolicy

        if not isinstance(policy, ServiceLevelPolicy):
            raise StaffingError("policy", policy, "expected a ServiceLevelPolicy")
        rung = [t for t in policy.targets if t.channel is Channel.PHONE and t.rings is not None]
        rung.sort(key=lambda t: t.category is not None)
        if not rung or rung[0].rings is None:
            raise StaffingError(
                "policy", policy.cite.rule_id, "the policy sets no rings for the phone"
            )
        return cls.rings(level, rung[0].rings, policy.seconds_per_ring, rung[0].cite)

    def describe(self) -> Reason:
        """The target in words (it must cite a rule)."""
        return Reason(
            self._cited("describe"),
            N_("answer {level} of calls within {within}"),
            {"level": _percent(self.level), "within": self.within},
        )

    def _cited(self, what: str) -> Citation:
        if self.cite is None:
            raise StaffingError(
                "ServiceTarget.cite", None, f"{what} cites the rule of the target: give it one"
            )
        return self.cite


# --- records -------------------------------------------------------------------------------


def _optional_instant(value: _dt.datetime | None) -> pendulum.DateTime | None:
    return None if value is None else instant(value, "Requirement")


@attrs.frozen
class Requirement:
    """What one interval needs.

    * *raw_agents*: agents answering calls (pyworkforce's ``raw_positions``);
    * *agents*: agents to schedule, ``ceil(raw_agents / (1 − shrinkage))``
      (``positions``);
    * *service_level*, *occupancy*, *waiting_probability*: what *raw_agents* achieve;
    * *abandonment*: the share of callers who hang up (Erlang A; ``None`` for Erlang C);
    * *met*: whether the target is met (``False`` only with ``best_effort=True``, when the
      cap on agents is too low: then *raw_agents* is the cap's);
    * *start*, *end*: the interval, in a :class:`StaffingPlan`.
    """

    calls: float
    load: float
    raw_agents: int
    agents: int
    service_level: float
    occupancy: float
    waiting_probability: float
    abandonment: float | None
    met: bool = True
    start: pendulum.DateTime | None = attrs.field(default=None, converter=_optional_instant)
    end: pendulum.DateTime | None = attrs.field(default=None, converter=_optional_instant)

    def as_pyworkforce(self) -> dict[str, float]:
        """The five numbers under pyworkforce's names."""
        return {
            "raw_positions": self.raw_agents,
            "positions": self.agents,
            "service_level": self.service_level,
            "occupancy": self.occupancy,
            "waiting_probability": self.waiting_probability,
        }


@attrs.frozen
class _Result:
    """One interval solved; *problem* says which target is unmet: ``"level"``,
    ``"abandonment"`` or ``"occupancy"``, the latter two needing *wanted* agents, more
    than allowed (0 when the search bound itself was reached)."""

    raw: int
    level: float
    occupancy: float
    waiting: float
    abandonment: float | None
    problem: str | None = None
    wanted: int = 0


# --- Erlang C, as pyworkforce computes it -----------------------------------------------------


def _pwf_inverse_b(load: float, agents: int) -> float:
    """1/B(agents), pyworkforce's recurrence, operation for operation."""
    inverse = 1.0
    for position in range(1, agents + 1):
        inverse = 1 + (inverse * position / load)
    return inverse


def _pwf_waiting(load: float, agents: int, inverse: float) -> float:
    erlang_b = 1 / inverse
    return agents * erlang_b / (agents - load * (1 - erlang_b))


def _pwf_level(load: float, agents: int, ratio: float, inverse: float) -> float:
    waiting = _pwf_waiting(load, agents, inverse)
    return max(0.0, 1 - (waiting * math.exp(-(agents - load) * ratio)))


def _exact_search(
    load: float, ratio: float, level: float, limit: int
) -> tuple[int, float, float, float]:
    """pyworkforce's own search, step by step, up to *limit* agents: (agents or -1, 1/B,
    waiting probability, service level) at the first that meets *level*."""
    agents = round(load + 1)
    inverse = _pwf_inverse_b(load, agents)
    while agents <= limit:
        reached = _pwf_level(load, agents, ratio, inverse)
        if reached >= level:
            return agents, inverse, _pwf_waiting(load, agents, inverse), reached
        agents += 1
        inverse = 1 + (inverse * agents / load)
    return -1, 1.0, 1.0, 0.0


def _c_window(
    load: Floats, low: Ints, start: Ints, high: Ints, ratio: float
) -> tuple[Ints, Floats, Floats, Floats]:
    """Erlang C for every row's load and every agent count from *start* to *high*:
    (agents, 1/B, waiting probability, service level); columns past a row's *high* are
    padding.

    ``1/B(n)`` is the sum of the Poisson terms ``R^k / k!`` up to *n* over the last: the
    terms are taken relative to the largest (at ``k = ⌊R⌋``) and made from their
    logarithms, a running sum of ``log R − log k``, so nothing overflows.  Below *low*
    (``R − 9√R``) the terms are under e^-40 of the largest, beyond a double's precision:
    the sums start there.  From *low* to *start* the terms are only summed.
    """
    import numpy as np

    top = int(high.max())
    log_k = np.log(np.arange(1, top + 1, dtype=np.float64))
    log_r = np.log(load)[:, None]
    rows = np.arange(len(load))
    below = start - low
    lower = low[:, None] + np.arange(int(below.max()))[None, :]
    width = int((high - start).max()) + 1
    agents = start[:, None] + np.arange(width)[None, :]
    k = agents.astype(np.float64)
    with np.errstate(all="ignore"):
        step = log_r - log_k[np.clip(lower - 1, 0, top - 1)]
        step[:, 0] = 0.0
        step[lower >= start[:, None]] = -np.inf
        log_lower = np.cumsum(step, axis=1)
        peak = log_lower.max(axis=1)
        base = np.exp(log_lower - peak[:, None]).sum(axis=1)
        step = log_r - log_k[np.minimum(agents, top) - 1]
        step[agents > high[:, None]] = -np.inf
        log_terms = np.cumsum(step, axis=1) + (log_lower[rows, below - 1] - peak)[:, None]
        terms = np.exp(log_terms)
        inverse = (np.cumsum(terms, axis=1) + base[:, None]) / terms
        excess = k - load[:, None]
        waiting = k / (inverse * excess + load[:, None])
        reached = 1.0 - waiting * np.exp(excess * -ratio)
    return agents, inverse, waiting, reached


def _low(load: Floats) -> Ints:
    import numpy as np

    low: Ints = np.maximum(0, np.floor(load - 9 * np.sqrt(load) - 5)).astype(np.int64)
    return low


def _c_measures(load: Floats, agents: Ints, inverse: Floats, ratio: float) -> tuple[Floats, Floats]:
    """Erlang C's waiting probability and service level with *agents* (1/B given); with
    no more agents than the load, 1 and 0: the queue never empties."""
    import numpy as np

    with np.errstate(all="ignore"):
        excess = agents - load
        waiting = agents / (inverse * excess + load)
        reached = np.maximum(0.0, 1.0 - waiting * np.exp(excess * -ratio))
    stable = agents > load
    return np.where(stable, waiting, 1.0), np.where(stable, reached, 0.0)


def _c_at(load: Floats, agents: Ints) -> Floats:
    """1/B with *agents* for each load, from a window of Poisson terms."""
    import numpy as np

    inverse = np.ones(len(load))
    rows = np.flatnonzero(agents > 0)
    if rows.size:
        # The window's sums must reach the largest term, at ⌊R⌋: start above it.
        at = agents[rows]
        start = np.maximum(at, np.floor(load[rows]).astype(np.int64) + 1)
        _, inv, _, _ = _c_window(load[rows], _low(load[rows]), start, start, 0.0)
        inverse[rows] = np.where(start == at, inv[:, 0], np.inf)
    return inverse


def _c_extend(load: Floats, inverse: Floats, agents: Ints, to: Ints) -> Floats:
    """1/B with *to* agents from 1/B with *agents* (fewer, and above the load): the terms
    from one to the other, relative to the last known, added to its sum."""
    import numpy as np

    width = int((to - agents).max())
    if width <= 0:
        return inverse
    k = agents[:, None] + 1 + np.arange(width)[None, :]
    with np.errstate(all="ignore"):
        step = np.log(load)[:, None] - np.log(k.astype(np.float64))
        step[k > to[:, None]] = -np.inf
        relative = np.exp(np.cumsum(step, axis=1))
        sums = inverse[:, None] + np.cumsum(relative, axis=1)
        last = np.maximum(to - agents - 1, 0)
        rows = np.arange(len(load))
        return np.where(to > agents, sums[rows, last] / relative[rows, last], inverse)


def _c_search(
    load: Floats, ratio: float, level: float, limit: Ints
) -> tuple[Ints, Floats, Floats, Floats]:
    """For every load, pyworkforce's answer: the least agents from ``round(R + 1)`` on whose
    service level reaches *level*, at most *limit* (-1: none), with 1/B, the waiting
    probability and the service level there.  Rows go in groups of similar windows,
    which grow until every row has its answer or reached its limit."""
    import numpy as np

    count = len(load)
    start = np.rint(load + 1.0).astype(np.int64)
    low = _low(load)
    root = np.ceil(np.sqrt(load)).astype(np.int64)
    high = np.minimum(limit, start + 3 * root + 20)
    found = np.full(count, -1, np.int64)
    inverse, waiting, reached = np.ones(count), np.ones(count), np.zeros(count)
    todo = np.flatnonzero(limit >= start)
    while todo.size:
        todo = todo[np.argsort(high[todo] - low[todo], kind="stable")]
        missed = []
        for group in np.array_split(todo, max(1, todo.size // 48)):
            agents, inv, w, s = _c_window(load[group], low[group], start[group], high[group], ratio)
            hit = (agents <= high[group, None]) & (s >= level)
            has = hit.any(axis=1)
            rows = np.flatnonzero(has)
            cols = hit.argmax(axis=1)[rows]
            rows_all = group[rows]
            found[rows_all] = agents[rows, cols]
            inverse[rows_all] = inv[rows, cols]
            waiting[rows_all] = w[rows, cols]
            reached[rows_all] = np.maximum(0.0, s[rows, cols])
            # Where our sums and pyworkforce's could fall on either side of the target, its
            # own arithmetic decides (rare: a service level within 1e-9 of the target).
            before = s[rows, np.maximum(cols - 1, 0)]
            before = np.where(agents[rows, cols] > start[rows_all], before, -np.inf)
            close = (np.abs(s[rows, cols] - level) <= _TIE) | (np.abs(before - level) <= _TIE)
            for row in rows_all[close]:
                exact = _exact_search(float(load[row]), ratio, level, int(limit[row]))
                found[row], inverse[row], waiting[row], reached[row] = exact
            missed.append(group[~has])
        todo = np.concatenate(missed)
        todo = todo[high[todo] < limit[todo]]
        high[todo] = np.minimum(limit[todo], start[todo] + 2 * (high[todo] - start[todo]) + 30)
    return found, inverse, waiting, reached


# --- Erlang A --------------------------------------------------------------------------------


def _log_series(x: float, b: float) -> float:
    """log S(x), ``S(x) = Σ_k x^k / ((b+1)…(b+k))``.

    Near or below its peak (``x − b`` under 20√x) the series is summed in logarithms until
    its terms fall below e^-40 of the largest; far past it, where the sum would need
    ``x − b`` terms, from the incomplete gamma function it equals,
    ``log S = x − b·log x + log Γ(b+1) + log(1 − Q(b, x))``, with Q's continued fraction
    (Lentz), which converges quickly there.
    """
    import numpy as np

    if x <= 0:
        return 0.0
    if x - b >= 20 * math.sqrt(x) + 20:
        return x - b * math.log(x) + math.lgamma(b + 1) + math.log1p(-_upper_gamma(b, x))
    count = max(0, math.ceil(x - b)) + math.ceil(10 * math.sqrt(x)) + 60
    while True:
        logs = np.cumsum(math.log(x) - np.log(b + np.arange(1, count + 1, dtype=np.float64)))
        top = max(0.0, float(logs.max()))
        if logs[-1] < top - 40:
            return top + math.log(math.exp(-top) + float(np.exp(logs - top).sum()))
        count *= 2


def _upper_gamma(a: float, x: float) -> float:
    """The regularized upper incomplete gamma function Q(a, x) for x > a + 1, by its
    continued fraction (modified Lentz; Numerical Recipes §6.2)."""
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 100_000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16:
            break
    return min(1.0, math.exp(-x + a * math.log(x) - math.lgamma(a)) * h)


class _ErlangA:
    """M/M/n+M for one interval: *load* Erlangs offered, in the units of *aht*."""

    def __init__(
        self, calls: float, interval: float, aht: float, patience: float, within: float
    ) -> None:
        self.load = (calls / interval) * aht
        self.a = (calls / interval) * patience  # λ/θ
        self.per_agent = patience / aht  # b = n · per_agent
        self.service_t = within / aht  # nμt = n · service_t
        self.leave_t = within / patience  # θt
        self._log_terms: Floats | None = None
        self._log_cum: Floats | None = None
        self._cache: dict[int, tuple[float, float, float, float]] = {}

    def _log_inverse_b(self, agents: int) -> float:
        """log 1/B(agents, load), from the Poisson terms ``load^k / k!`` in logarithms."""
        import numpy as np

        if self._log_terms is None or len(self._log_terms) <= agents:
            size = max(agents + 1, 2 * (0 if self._log_terms is None else len(self._log_terms)))
            k = np.arange(size, dtype=np.float64)
            step = math.log(self.load) - np.log(np.maximum(k, 1.0))
            step[0] = 0.0
            self._log_terms = np.cumsum(step)
            self._log_cum = np.logaddexp.accumulate(self._log_terms)
        assert self._log_cum is not None
        return float(self._log_cum[agents] - self._log_terms[agents])

    def measures(self, agents: int) -> tuple[float, float, float, float]:
        """(service level, waiting probability, abandonment, occupancy) with *agents*."""
        if agents in self._cache:
            return self._cache[agents]
        if agents == 0:
            result = (0.0, 1.0, 1.0, 0.0)
        else:
            b = agents * self.per_agent
            log_s = _log_series(self.a, b)
            log_inverse = self._log_inverse_b(agents)
            log_other = log_inverse + math.log1p(-math.exp(-log_inverse))  # log(1/B − 1)
            waiting = 1 / (1 + math.exp(min(log_other - log_s, 700.0)))
            later = (
                -agents * self.service_t
                - self.a * math.expm1(-self.leave_t)
                + _log_series(self.a * math.exp(-self.leave_t), b)
                - log_s
            )
            late = waiting * math.exp(min(later, 0.0))
            # P(abandon | wait) = 1 − (1/ρ)(1 − 1/A), 1/ρ = n/R, 1/A = 1/S(a)
            stay = -math.expm1(-log_s) / self.load * agents
            abandon = min(max(waiting * (1 - stay), 0.0), waiting)
            result = (1 - late, waiting, abandon, self.load * (1 - abandon) / agents)
        self._cache[agents] = result
        return result

    def least(self, low: int, high: int, good: Callable[[int], bool]) -> int:
        """The least agents in (low, high] for which *good* holds, *good(high)* given."""
        while high - low > 1:
            middle = (low + high) // 2
            if good(middle):
                high = middle
            else:
                low = middle
        return high


# --- the model -------------------------------------------------------------------------------


@attrs.frozen
class Staffing:
    """How many agents a call centre needs, interval by interval.

    *handling* is the average handling time (talk, hold and after-call work), *interval*
    the length of an interval (15 minutes), *shrinkage* the share of paid time an agent
    is not answering (absence, training, meetings: not the meals a rota already plans),
    *max_occupancy* the highest share of time an answering agent may be busy.  With
    *patience* (the mean time a caller waits before hanging up) the model is Erlang A,
    without it Erlang C; *max_abandonment* (Erlang A) caps the share of callers who hang
    up.  *max_agents* caps the agents that can be scheduled (shrinkage included).

    >>> import datetime
    >>> staffing = Staffing(datetime.timedelta(minutes=3), shrinkage=0.3, max_occupancy=0.85)
    >>> need = staffing.required(200, ServiceTarget.rings(0.8, 3))
    >>> need.raw_agents, need.agents, round(need.service_level, 4), round(need.occupancy, 4)
    (48, 69, 0.9199, 0.8333)
    """

    handling: _dt.timedelta = attrs.field(converter=_handling)
    interval: _dt.timedelta = attrs.field(default=_dt.timedelta(minutes=15), converter=_interval)
    shrinkage: float = attrs.field(default=0.0, converter=_shrinkage)
    max_occupancy: float = attrs.field(default=1.0, converter=_max_occupancy)
    patience: _dt.timedelta | None = attrs.field(default=None, converter=_patience)
    max_agents: int | None = attrs.field(default=None, converter=_max_agents)
    max_abandonment: float | None = attrs.field(default=None, converter=_max_abandonment)

    def __attrs_post_init__(self) -> None:
        if self.max_abandonment is not None and self.patience is None:
            raise StaffingError(
                "Staffing.max_abandonment",
                self.max_abandonment,
                "only Erlang A has callers who hang up: give a patience too",
            )

    @property
    def model(self) -> str:
        """``"Erlang C"`` or ``"Erlang A"`` (with a patience)."""
        return "Erlang C" if self.patience is None else "Erlang A"

    def load(self, calls: float) -> float:
        """The offered load of *calls* in one interval, in Erlangs (pyworkforce's
        ``intensity``)."""
        return (_calls(calls) / (self.interval / _MINUTE)) * (self.handling / _MINUTE)

    def agents_for(self, raw_agents: int) -> int:
        """Agents to schedule so that *raw_agents* answer, after shrinkage (pyworkforce's
        rounding: ``ceil(raw / (1 − shrinkage))``)."""
        return math.ceil(raw_agents / (1 - self.shrinkage))

    def service_level(self, calls: float, agents: int, within: _dt.timedelta) -> float:
        """The share of *calls* answered within *within* when *agents* answer (shrinkage
        already taken off)."""
        if not isinstance(agents, int) or isinstance(agents, bool) or agents < 0:
            raise StaffingError("agents", agents, "a whole number of zero or more")
        within = _within(within)
        load = self.load(calls)
        if load == 0:
            return 1.0
        if self.patience is not None:
            return self._erlang_a(_calls(calls), within).measures(agents)[0]
        if agents <= load:
            return 0.0
        ratio = (within / _MINUTE) / (self.handling / _MINUTE)
        return _pwf_level(load, agents, ratio, _pwf_inverse_b(load, agents))

    def required(
        self, calls: float, target: ServiceTarget, *, best_effort: bool = False
    ) -> Requirement:
        """The agents one interval of *calls* needs to meet *target*.  A target the cap on
        agents cannot meet raises :class:`UnmeetableTargetError`, unless *best_effort*:
        then the requirement is the cap's, with ``met=False``."""
        calls = _calls(calls)
        target = _target(target)
        result = self._solve([calls], target)[0]
        if result.problem is not None and not best_effort:
            raise self._unmeetable(result, target, None)
        return self._record(calls, result)

    def plan(
        self,
        calls: Iterable[float],
        target: ServiceTarget,
        start: _dt.datetime,
        *,
        best_effort: bool = False,
    ) -> StaffingPlan:
        """One :class:`Requirement` per interval from *start* (an aware datetime): the
        *i*-th interval of *calls* runs from ``start + i × interval``, in absolute time
        (a day of 15-minute intervals is 96 of them; on a change of clocks too)."""
        first = instant(start, "start")
        if isinstance(calls, str | bytes) or not isinstance(calls, Iterable):
            raise StaffingError("calls", calls, "expected the calls of each interval, in order")
        counts = [_calls(c, f"calls[{i}]") for i, c in enumerate(calls)]
        if not counts:
            raise StaffingError("calls", calls, "give the calls of at least one interval")
        target = _target(target)
        results = self._solve(counts, target)
        bounds = _boundaries(first, self.interval, len(counts))
        records = []
        for i, (count, result) in enumerate(zip(counts, results, strict=True)):
            if result.problem is not None and not best_effort:
                raise self._unmeetable(result, target, bounds[i])
            records.append(self._record(count, result, bounds[i], bounds[i + 1]))
        return StaffingPlan(self, target, tuple(records))

    # the solver --------------------------------------------------------------------------

    def _record(
        self,
        calls: float,
        result: _Result,
        start: pendulum.DateTime | None = None,
        end: pendulum.DateTime | None = None,
    ) -> Requirement:
        return Requirement(
            calls,
            (calls / (self.interval / _MINUTE)) * (self.handling / _MINUTE),
            result.raw,
            self.agents_for(result.raw),
            result.level,
            result.occupancy,
            result.waiting,
            result.abandonment,
            result.problem is None,
            start,
            end,
        )

    def _unmeetable(
        self, result: _Result, target: ServiceTarget, start: pendulum.DateTime | None
    ) -> UnmeetableTargetError:
        seconds = f"{target.within.total_seconds():g} s"
        reached = f"{result.level:.2%} of calls are answered within {seconds}"
        if result.abandonment is not None:
            reached += f" and {result.abandonment:.1%} hang up"
        if result.problem == "level":
            wanted = f"answering {target.level:.2%} within {seconds}"
        elif result.problem == "abandonment":
            wanted = f"keeping abandonment at {self.max_abandonment:.1%} or below"
        else:
            wanted = f"keeping occupancy at {self.max_occupancy:.0%} or below"
        if self.max_agents is None:
            why = f"no number of agents up to {result.raw} allows {wanted}"
        elif result.wanted > result.raw:
            why = (
                f"{wanted} needs {result.wanted} agents answering, "
                f"{self.agents_for(result.wanted)} scheduled, more than max_agents="
                f"{self.max_agents}"
            )
        else:
            why = f"max_agents={self.max_agents} is too few for {wanted}"
        why += f"; with {result.raw} agents answering (after shrinkage), {reached}"
        if result.problem == "occupancy":
            why += f", at an occupancy of {result.occupancy:.1%}"
        when = "" if start is None else f"the interval from {start.isoformat()}: "
        return UnmeetableTargetError(
            "ServiceTarget.level",
            target.level,
            when + why,
            result.level,
            self.agents_for(result.raw),
        )

    def _raw_cap(self) -> int | None:
        """The most agents answering that *max_agents* scheduled allow."""
        if self.max_agents is None:
            return None
        raw = math.floor(self.max_agents * (1 - self.shrinkage)) + 1
        while raw > 0 and self.agents_for(raw) > self.max_agents:
            raw -= 1
        return raw

    def _erlang_a(self, calls: float, within: _dt.timedelta) -> _ErlangA:
        assert self.patience is not None
        return _ErlangA(
            calls,
            self.interval / _MINUTE,
            self.handling / _MINUTE,
            self.patience / _MINUTE,
            within / _MINUTE,
        )

    def _solve(self, calls: Sequence[float], target: ServiceTarget) -> list[_Result]:
        import numpy as np

        interval, aht = self.interval / _MINUTE, self.handling / _MINUTE
        loads = np.array([(c / interval) * aht for c in calls], dtype=np.float64)
        busy = np.flatnonzero(loads > 0)
        results = [_Result(0, 1.0, 0.0, 0.0, None if self.patience is None else 0.0)] * len(loads)
        if not busy.size:
            return results
        load = loads[busy]
        ratio = (target.within / _MINUTE) / (self.handling / _MINUTE)
        bound = np.ceil(load + 20 * np.sqrt(load) + 200).astype(np.int64)
        cap = self._raw_cap()
        limit = bound if cap is None else np.minimum(bound, cap)
        found, inverse, waiting, reached = _c_search(load, ratio, target.level, limit)
        if self.patience is None:
            solved = self._finish_c(
                load, ratio, target, found, (inverse, waiting, reached), limit, cap
            )
        else:
            solved = [
                self._finish_a(
                    calls[int(i)], float(load[j]), target, int(found[j]), int(bound[j]), cap
                )
                for j, i in enumerate(busy)
            ]
        for j, i in enumerate(busy):
            results[i] = solved[j]
        return results

    def _finish_c(
        self,
        load: Floats,
        ratio: float,
        target: ServiceTarget,
        found: Ints,
        measures: tuple[Floats, Floats, Floats],
        limit: Ints,
        cap: int | None,
    ) -> list[_Result]:
        import numpy as np

        inverse, waiting, reached = measures
        raw = np.where(found >= 0, found, limit)
        # pyworkforce's occupancy cap: too busy at the service level's agents, then
        # ceil(R / max_occupancy) agents.
        with np.errstate(divide="ignore"):
            busy = (found >= 0) & (load / raw > self.max_occupancy)
        wanted = raw.copy()
        for row in np.flatnonzero(busy):
            wanted[row] = math.ceil(float(load[row]) / self.max_occupancy)
        raw = wanted if cap is None else np.minimum(wanted, cap)
        stepped = np.flatnonzero(busy & (raw == wanted))
        if stepped.size:
            inverse[stepped] = _c_extend(
                load[stepped], inverse[stepped], found[stepped], raw[stepped]
            )
        windowed = np.flatnonzero((found < 0) | (raw < wanted))
        if windowed.size:
            inverse[windowed] = _c_at(load[windowed], raw[windowed])
        redo = np.concatenate([stepped, windowed])
        if redo.size:
            waiting[redo], reached[redo] = _c_measures(load[redo], raw[redo], inverse[redo], ratio)
        results = []
        for n, want, r, level, wait in zip(
            raw.tolist(),
            wanted.tolist(),
            load.tolist(),
            reached.tolist(),
            waiting.tolist(),
            strict=True,
        ):
            occupancy = r / n if n > r else (1.0 if n else 0.0)
            problem = None
            if level < target.level:
                problem = "level"
            elif want > n:
                problem = "occupancy"
            results.append(_Result(n, level, occupancy, wait, None, problem, want))
        return results

    def _finish_a(
        self,
        calls: float,
        load: float,
        target: ServiceTarget,
        c_agents: int,
        bound: int,
        cap: int | None,
    ) -> _Result:
        model = self._erlang_a(calls, target.within)
        limit = bound if cap is None else min(bound, cap)

        def meets(agents: int) -> bool:
            return model.measures(agents)[0] >= target.level

        def calm(agents: int) -> bool:
            most = self.max_abandonment
            return most is None or model.measures(agents)[2] <= most

        def light(agents: int) -> bool:  # occupancy never exceeds 1: floats may say 1 + ε
            occupancy = model.measures(agents)[3]
            return self.max_occupancy >= 1 or occupancy <= self.max_occupancy

        # Erlang C's answer is enough for Erlang A (abandonment only shortens the queue);
        # past it the search goes on up to the limit, in case floats disagree.
        high = c_agents if c_agents >= 0 else limit
        while not meets(high) and high < limit:
            high = min(limit, high + max(1, high // 8))
        if not meets(high):
            return _Result(limit, *_a_measures(model, limit), problem="level")
        raw, problem = model.least(0, high, meets), None
        if not calm(raw):
            top = raw
            while not calm(top) and top < bound:
                top = min(bound, 2 * top + 1)
            if not calm(top):
                return _Result(top, *_a_measures(model, top), problem="abandonment")
            raw, problem = model.least(raw, top, calm), "abandonment"
        if not light(raw):
            # R(1 − P(abandon)) / n ≤ R / n: one more than R / max_occupancy will do
            top = max(raw, math.ceil(load / self.max_occupancy) + 1)
            raw, problem = model.least(raw, top, light), "occupancy"
        if cap is not None and raw > cap:
            return _Result(cap, *_a_measures(model, cap), problem=problem, wanted=raw)
        return _Result(raw, *_a_measures(model, raw))


def _a_measures(model: _ErlangA, agents: int) -> tuple[float, float, float, float]:
    """(service level, occupancy, waiting probability, abandonment), a _Result's order."""
    level, waiting, abandon, occupancy = model.measures(agents)
    return level, min(occupancy, 1.0), waiting, abandon


def _boundaries(
    first: pendulum.DateTime, step: _dt.timedelta, count: int
) -> list[pendulum.DateTime]:
    """*first* and the *count* moments *step* apart after it, in absolute time, each shown
    in *first*'s time zone (the standard library's arithmetic: pendulum's is slow)."""
    tz = first.tzinfo
    offset = first.utcoffset()
    assert tz is not None
    assert offset is not None
    naive = _dt.datetime(*first.timetuple()[:6], first.microsecond) - offset
    base = naive.replace(tzinfo=_dt.UTC)
    out = []
    for i in range(count + 1):
        local = (base + step * i).astimezone(tz)
        out.append(
            pendulum.DateTime(
                local.year,
                local.month,
                local.day,
                local.hour,
                local.minute,
                local.second,
                local.microsecond,
                tzinfo=tz,
                fold=local.fold,
            )
        )
    return out


def _target(value: object) -> ServiceTarget:
    if not isinstance(value, ServiceTarget):
        raise StaffingError("target", value, "expected a ServiceTarget")
    return value


# --- the plan and the rota -------------------------------------------------------------------


@attrs.frozen
class IntervalCover:
    """One interval of a rota against its requirement: *on_duty* agents (time-weighted:
    one on duty for half the interval counts ½; agents at a meal left out), *productive*
    of them after shrinkage, *short* the agents missing (0 when covered), the service
    level the agents on duty reach, and the reason when short."""

    requirement: Requirement
    on_duty: Fraction
    productive: Fraction
    short: int
    service_level: float
    reason: Reason | None


@attrs.frozen
class StaffingCheck:
    """A rota against a :class:`StaffingPlan`, interval by interval."""

    plan: StaffingPlan
    covers: tuple[IntervalCover, ...]

    @property
    def shortfalls(self) -> tuple[IntervalCover, ...]:
        """The intervals with too few agents on duty."""
        return tuple(c for c in self.covers if c.short)

    @property
    def ok(self) -> bool:
        """Every interval covered."""
        return not self.shortfalls

    def explain(self, locale: str = "en") -> list[str]:
        """Every shortfall in words."""
        return [c.reason.explain(locale) for c in self.shortfalls if c.reason is not None]


@attrs.frozen
class StaffingPlan:
    """The requirements of consecutive intervals (a day: 96 of 15 minutes)."""

    staffing: Staffing
    target: ServiceTarget
    intervals: tuple[Requirement, ...]

    @property
    def start(self) -> pendulum.DateTime:
        """When the first interval starts."""
        start = self.intervals[0].start
        assert start is not None
        return start

    @property
    def end(self) -> pendulum.DateTime:
        """When the last interval ends."""
        end = self.intervals[-1].end
        assert end is not None
        return end

    @property
    def peak(self) -> Requirement:
        """The interval that needs the most agents (the first of equals)."""
        return max(self.intervals, key=lambda r: r.agents)

    @property
    def agent_hours(self) -> Fraction:
        """Scheduled agent-hours over the plan."""
        hours = Fraction(_us(self.staffing.interval), _us(_dt.timedelta(hours=1)))
        return sum((r.agents * hours for r in self.intervals), Fraction(0))

    @property
    def unmet(self) -> tuple[Requirement, ...]:
        """The intervals whose target the cap on agents leaves unmet (``best_effort``)."""
        return tuple(r for r in self.intervals if not r.met)

    def check(self, rota: Rota) -> StaffingCheck:
        """Each interval's agents on duty in *rota* (meals left out, time-weighted)
        against its scheduled *agents*; a shortfall cites the target's rule."""
        from servicecodex._rota import Rota

        if not isinstance(rota, Rota):
            raise StaffingError("rota", rota, "expected a Rota")
        cite = self.target._cited("a rota check")
        runs = rota.on_duty(self.start, self.end)
        covers = []
        run = 0
        for need in self.intervals:
            assert need.start is not None
            assert need.end is not None
            length = _us(need.end - need.start)
            agent_time = 0
            while run < len(runs) and runs[run][1] <= need.start:
                run += 1
            i = run
            while i < len(runs) and runs[i][0] < need.end:
                s, e, count = runs[i]
                agent_time += count * _us(min(e, need.end) - max(s, need.start))
                i += 1
            on_duty = Fraction(agent_time, length)
            productive = on_duty * (1 - Fraction(self.staffing.shrinkage))
            short = max(0, math.ceil(need.agents - on_duty))
            reached = self.staffing.service_level(
                need.calls, math.floor(productive), self.target.within
            )
            reason = None
            if short:
                reason = Reason(
                    cite,
                    N_(
                        "{day} {start}–{end}: {on_duty} on duty, {needed} needed to answer {level} of {calls} calls within {within}; short by {short}, {reached} answered in time"
                    ),
                    {
                        "day": need.start.date(),
                        "start": need.start.time(),
                        "end": need.end.time(),
                        "on_duty": _decimal(on_duty),
                        "needed": need.agents,
                        "level": _percent(self.target.level),
                        "calls": _decimal(Fraction(need.calls)),
                        "within": self.target.within,
                        "short": short,
                        "reached": _percent(reached),
                    },
                )
            covers.append(IntervalCover(need, on_duty, productive, short, reached, reason))
        return StaffingCheck(self, tuple(covers))


def _us(span: _dt.timedelta) -> int:
    """*span* in whole microseconds (pendulum's durations divide badly by a timedelta)."""
    return (span.days * 86_400 + span.seconds) * 1_000_000 + span.microseconds


def _decimal(value: Fraction) -> Decimal | int:
    """A whole number as it is, anything else to two decimals."""
    if value.denominator == 1:
        return int(value)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))
