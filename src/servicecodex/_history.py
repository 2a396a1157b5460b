"""An agent's record over time: scorecards, monthly ranks and dated facts.

Conditions on a ladder read an agent's history through the queries here: which
scorecards fall in a window, the average monthly rank, the longest run of consecutive
periods that satisfy a test ("2 consecutive failing months", "3 consecutive months
rated excellent"), how many facts of a kind were recorded ("3 warnings").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal

import attrs

from servicecodex._appraisal import Scorecard
from servicecodex._errors import ValidationError
from servicecodex._ranking import Rank
from servicecodex._staff import DatedFact
from servicecodex._time import CalendarPeriod, Month, Period, PeriodKind
from servicecodex._validate import as_tuple, nonblank, tuple_of

__all__ = ["History", "longest_run"]

#: Average ranks are rounded half-up to this.
RANK_QUANTUM = Decimal("0.01")


def _within(period: CalendarPeriod, window: Period) -> bool:
    """A period counts in a window when it ends inside it (see ``Window``)."""
    return window.first <= period.last <= window.last


def longest_run(periods: Iterable[CalendarPeriod]) -> int:
    """The longest run of back-to-back periods (each the ``next()`` of the one before)."""
    best = run = 0
    previous: CalendarPeriod | None = None
    for period in sorted(periods, key=lambda p: p.first):
        run = run + 1 if previous is not None and previous.next() == period else 1
        best = max(best, run)
        previous = period
    return best


@attrs.frozen
class History:
    """What is known about one agent: scorecards, monthly ranks, dated facts.

    Every entry must belong to *agent_id*; one scorecard per period and one rank per
    period at most.
    """

    agent_id: str = attrs.field(validator=nonblank)
    scorecards: tuple[Scorecard, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Scorecard)
    )
    ranks: tuple[Rank, ...] = attrs.field(default=(), converter=as_tuple, validator=tuple_of(Rank))
    facts: tuple[DatedFact, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(DatedFact)
    )

    def __attrs_post_init__(self) -> None:
        groups: tuple[tuple[str, tuple[Scorecard | Rank, ...]], ...] = (
            ("scorecards", self.scorecards),
            ("ranks", self.ranks),
        )
        for field, entries in groups:
            seen: set[CalendarPeriod] = set()
            for i, entry in enumerate(entries):
                if entry.agent_id != self.agent_id:
                    raise ValidationError(
                        f"History.{field}[{i}].agent_id",
                        entry.agent_id,
                        f"this is {self.agent_id}'s history",
                    )
                if entry.period in seen:
                    raise ValidationError(
                        f"History.{field}[{i}].period", entry.period, "recorded twice"
                    )
                seen.add(entry.period)

    def cards(self, kind: PeriodKind, window: Period) -> tuple[Scorecard, ...]:
        """The scorecards of *kind* whose period ends in *window*, in order."""
        found = [
            c
            for c in self.scorecards
            if PeriodKind.of_period(c.period) is kind and _within(c.period, window)
        ]
        return tuple(sorted(found, key=lambda c: c.period.first))

    def monthly_ranks(self, window: Period) -> tuple[Rank, ...]:
        """The monthly ranks of the months that end in *window*, in order."""
        found = [r for r in self.ranks if isinstance(r.period, Month) and _within(r.period, window)]
        return tuple(sorted(found, key=lambda r: r.period.first))

    def average_rank(self, window: Period) -> Decimal | None:
        """The mean monthly rank over *window* (rounded half-up to 0.01), ``None`` without ranks."""
        ranks = self.monthly_ranks(window)
        if not ranks:
            return None
        return (Decimal(sum(r.position for r in ranks)) / len(ranks)).quantize(
            RANK_QUANTUM, ROUND_HALF_UP
        )

    def run_of_cards(
        self, kind: PeriodKind, window: Period, test: Callable[[Scorecard], bool]
    ) -> int:
        """The longest run of consecutive *kind* periods in *window* whose scorecards pass *test*."""
        return longest_run(c.period for c in self.cards(kind, window) if test(c))

    def run_of_ranks(self, window: Period, test: Callable[[Rank], bool]) -> int:
        """The longest run of consecutive months in *window* whose ranks pass *test*."""
        return longest_run(r.period for r in self.monthly_ranks(window) if test(r))

    def facts_of(self, kind: str, window: Period) -> tuple[DatedFact, ...]:
        """The facts of *kind* recorded in *window*, in date order."""
        return tuple(
            sorted((f for f in self.facts if f.kind == kind and f.on in window), key=lambda f: f.on)
        )
