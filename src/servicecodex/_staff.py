"""Staff: agents, the titles they earn, and dated facts about them.

Tenure comes from dates, in whole months (see :func:`~servicecodex.months_between` for
the month-end convention): :meth:`Agent.months_employed` and :meth:`Agent.months_in_rung`.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import attrs
import pendulum

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._money import to_amount
from servicecodex._time import day, months_between
from servicecodex._validate import as_tuple, nonblank, of_type, slug, tuple_of

__all__ = ["Agent", "AgentStatus", "DatedFact", "Title"]


class AgentStatus(LabelledEnum):
    """Where an agent stands with the organisation."""

    PROBATION = "probation"
    REGULAR = "regular"
    DISMISSED = "dismissed"
    RESIGNED = "resigned"


label_members(
    {
        AgentStatus.PROBATION: N_("on probation"),
        AgentStatus.REGULAR: N_("regular"),
        AgentStatus.DISMISSED: N_("dismissed"),
        AgentStatus.RESIGNED: N_("resigned"),
    }
)


def _hired(value: _dt.date) -> pendulum.Date:
    return day(value, "Agent.hired")


def _rung_since(value: _dt.date) -> pendulum.Date:
    return day(value, "Agent.rung_since")


def _title_on(value: _dt.date) -> pendulum.Date:
    return day(value, "Title.on")


def _fact_on(value: _dt.date) -> pendulum.Date:
    return day(value, "DatedFact.on")


def _optional_day(value: _dt.date | None) -> pendulum.Date | None:
    return None if value is None else day(value, "Agent.probation_end")


@attrs.frozen
class Title:
    """An honour earned on a day, e.g. ``Title("excellent-agent", date(2026, 3, 31))`` for 优秀客服."""

    id: str = attrs.field(validator=slug)
    on: pendulum.Date = attrs.field(converter=_title_on)


def _value(value: object) -> Decimal | None:
    return None if value is None else to_amount(value, "DatedFact.value", "numbers")


@attrs.frozen
class DatedFact:
    """Something recorded about an agent on a day: a manual approval ("team-vote",
    "defence-passed"), a measurement ("typing-speed" with ``value=85``), a warning.

    *passed* is ``False`` for a recorded failure (a defence failed).
    """

    kind: str = attrs.field(validator=slug)
    on: pendulum.Date = attrs.field(converter=_fact_on)
    passed: bool = attrs.field(default=True, validator=of_type(bool))
    value: Decimal | None = attrs.field(default=None, converter=_value)
    note: str = ""


@attrs.frozen
class Agent:
    """A member of staff.

    *rung* is the id of the agent's rung on the organisation's ladder, entered on
    *rung_since* (the hire date for the rung hired into).

    >>> a = Agent("A-017", "王芳", hired=pendulum.date(2025, 1, 31), rung="junior",
    ...           rung_since=pendulum.date(2025, 4, 30))
    >>> a.months_employed(pendulum.date(2026, 1, 30)), a.months_in_rung(pendulum.date(2026, 1, 30))
    (11, 9)
    """

    id: str = attrs.field(validator=nonblank)
    name: str = attrs.field(validator=nonblank)
    hired: pendulum.Date = attrs.field(converter=_hired)
    rung: str = attrs.field(validator=slug)
    rung_since: pendulum.Date = attrs.field(converter=_rung_since)
    probation_end: pendulum.Date | None = attrs.field(default=None, converter=_optional_day)
    status: AgentStatus = attrs.field(default=AgentStatus.REGULAR, validator=of_type(AgentStatus))
    titles: tuple[Title, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Title)
    )

    def __attrs_post_init__(self) -> None:
        if self.rung_since < self.hired:
            raise ValidationError(
                "Agent.rung_since", self.rung_since, f"is before the hire date {self.hired}"
            )
        if self.probation_end is not None and self.probation_end < self.hired:
            raise ValidationError(
                "Agent.probation_end", self.probation_end, f"is before the hire date {self.hired}"
            )
        for title in self.titles:
            if title.on < self.hired:
                raise ValidationError(
                    f"Agent.titles[{title.id}].on",
                    title.on,
                    f"is before the hire date {self.hired}",
                )

    def check_as_of(self, as_of: _dt.date) -> pendulum.Date:
        """*as_of* as a day, refused when it falls before the hire date."""
        when = day(as_of, "as_of")
        if when < self.hired:
            raise ValidationError("as_of", when, f"is before {self.id}'s hire date {self.hired}")
        return when

    def months_employed(self, as_of: _dt.date) -> int:
        """Whole months since the hire date."""
        return months_between(self.hired, self.check_as_of(as_of))

    def months_in_rung(self, as_of: _dt.date) -> int:
        """Whole months since entering the current rung."""
        when = self.check_as_of(as_of)
        if when < self.rung_since:
            raise ValidationError(
                "as_of", when, f"is before {self.id} entered rung {self.rung} on {self.rung_since}"
            )
        return months_between(self.rung_since, when)

    def on_probation(self, as_of: _dt.date) -> bool:
        """Whether the agent is still on probation that day."""
        when = self.check_as_of(as_of)
        if self.status is AgentStatus.PROBATION:
            return self.probation_end is None or when <= self.probation_end
        return False

    def titles_held(self, title_id: str, as_of: _dt.date) -> tuple[Title, ...]:
        """The titles *title_id* earned on or before *as_of*."""
        when = day(as_of, "as_of")
        return tuple(t for t in self.titles if t.id == title_id and t.on <= when)
