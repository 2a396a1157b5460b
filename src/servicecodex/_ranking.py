"""Rankings within a team for one period.

Ties use standard competition ranking ("1224"): agents with equal totals share the best
rank among them, and the next rank skips accordingly, so that "in the top 3" never
admits more agents than are genuinely among the three best totals plus those tied with
the third.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from servicecodex._appraisal import Scorecard
from servicecodex._errors import ValidationError
from servicecodex._time import CalendarPeriod

__all__ = ["Rank", "rank_team", "top"]


@attrs.frozen
class Rank:
    """An agent's place in the team for *period*: *position* (1 is best) of *of* agents."""

    agent_id: str
    period: CalendarPeriod
    position: int
    of: int
    total: Decimal | None = None

    def __attrs_post_init__(self) -> None:
        if (
            not isinstance(self.position, int)
            or isinstance(self.position, bool)
            or not 1 <= self.position <= self.of
        ):
            raise ValidationError("Rank.position", self.position, f"must be 1 to {self.of}")


def rank_team(cards: Iterable[Scorecard]) -> tuple[Rank, ...]:
    """The team's ranks for one period, best first.

    >>> from servicecodex import AppraisalScheme, Criterion, Citation, Text, PeriodKind, Month
    >>> c = Citation("EL-14", "002 第一篇 四")
    >>> s = AppraisalScheme((Criterion("monthly", Text(en="Monthly", zh_Hans="月度"), 100, c),), (PeriodKind.MONTH,), c)
    >>> cards = [s.score(a, Month(2026, 3), {"monthly": p}) for a, p in [("li", 90), ("wang", 95), ("zhao", 90), ("qian", 80)]]
    >>> [(r.agent_id, r.position) for r in rank_team(cards)]
    [('wang', 1), ('li', 2), ('zhao', 2), ('qian', 4)]
    """
    cards = list(cards)
    if not cards:
        return ()
    periods = {c.period for c in cards}
    if len(periods) != 1:
        raise ValidationError(
            "cards", sorted(p.label("en") for p in periods), "rank one period at a time"
        )
    seen: set[str] = set()
    for card in cards:
        if card.agent_id in seen:
            raise ValidationError("cards", card.agent_id, "two scorecards for one agent")
        seen.add(card.agent_id)
    ordered = sorted(cards, key=lambda c: -c.total)
    ranks: list[Rank] = []
    for index, card in enumerate(ordered):
        position = ranks[-1].position if ranks and ranks[-1].total == card.total else index + 1
        ranks.append(Rank(card.agent_id, card.period, position, len(ordered), card.total))
    return tuple(ranks)


def top(ranks: Iterable[Rank], n: int) -> tuple[Rank, ...]:
    """The ranks at position *n* or better (ties at the edge included)."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValidationError("n", n, "a whole number >= 1")
    return tuple(r for r in ranks if r.position <= n)
