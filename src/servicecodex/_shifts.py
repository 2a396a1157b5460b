"""Shift policies: the shift patterns an organisation works, their breaks, and the rules\nfor rest days, cover, meals and fixed weekly events."""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum

from servicecodex._attendance import AttendancePolicy
from servicecodex._errors import PolicyError
from servicecodex._handover import HandoverPolicy
from servicecodex._i18n import N_, LabelledEnum, babel_locale, label_members
from servicecodex._leave import LeavePolicy
from servicecodex._reasons import Citation, Reason
from servicecodex._swaps import SwapPolicy
from servicecodex._text import Text
from servicecodex._validate import (
    as_tuple,
    by_id,
    enum_of,
    of_type,
    slug,
    tuple_of,
    unique,
    wall_clock,
    where,
    whole,
)

__all__ = [
    "Break",
    "MealRule",
    "MinimumCover",
    "RestDays",
    "RestPer",
    "ShiftPattern",
    "ShiftPolicy",
    "WeeklyEvent",
]


_MIDNIGHT = _dt.time(0)


def _minutes(t: _dt.time) -> int:
    return t.hour * 60 + t.minute


@attrs.frozen
class Break:
    """A break inside a shift (a meal window), wall-clock times."""

    start: _dt.time = attrs.field(validator=wall_clock)
    end: _dt.time = attrs.field(validator=wall_clock)
    name: Text = attrs.field(validator=of_type(Text))


@attrs.frozen
class ShiftPattern:
    """A shift from *start* to *end* in the organisation's local time.

    A shift whose *end* is before its *start* runs past midnight and must say so with
    ``overnight=True``; an *end* of 00:00 is midnight, the end of the start day.

    >>> night = ShiftPattern("night", Text(en="Night", zh_Hans="晚班"), _dt.time(15, 30),
    ...                      _dt.time(0, 0), Citation("TB-52", "002 P1 二.1"))
    >>> night.crosses_midnight, night.length
    (True, datetime.timedelta(seconds=30600))
    >>> [t.isoformat() for t in night.on(pendulum.date(2026, 3, 2), "Asia/Shanghai")]
    ['2026-03-02T15:30:00+08:00', '2026-03-03T00:00:00+08:00']
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    start: _dt.time = attrs.field(validator=wall_clock)
    end: _dt.time = attrs.field(validator=wall_clock)
    cite: Citation = attrs.field(validator=of_type(Citation))
    breaks: tuple[Break, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Break)
    )
    overnight: bool = attrs.field(default=False, validator=of_type(bool))

    def __attrs_post_init__(self) -> None:
        where = f"ShiftPattern[{self.id}]"
        ends_next_day = _minutes(self.end) < _minutes(self.start) and self.end != _MIDNIGHT
        if ends_next_day and not self.overnight:
            raise PolicyError(
                f"{where}.end",
                self.end,
                f"ends before it starts ({self.start:%H:%M}); "
                "mark the pattern overnight=True if it runs past midnight",
            )
        if self.overnight and _minutes(self.end) > _minutes(self.start):
            raise PolicyError(
                f"{where}.overnight", True, "marked overnight but ends after it starts"
            )
        if self.end == self.start:
            raise PolicyError(f"{where}.end", self.end, "a shift cannot end when it starts")
        span = self._span
        for b in self.breaks:
            start = (_minutes(b.start) - _minutes(self.start)) % 1440
            end = (_minutes(b.end) - _minutes(self.start)) % 1440 or 1440
            if not start < end <= span:
                raise PolicyError(f"{where}.breaks", b, "a break must lie inside the shift")

    @property
    def _span(self) -> int:
        return (_minutes(self.end) - _minutes(self.start)) % 1440 or 1440

    @property
    def crosses_midnight(self) -> bool:
        """Whether the shift ends on the day after it starts (at or after midnight)."""
        return _minutes(self.end) <= _minutes(self.start)

    @property
    def length(self) -> _dt.timedelta:
        """Start to end on the wall clock, breaks included."""
        return _dt.timedelta(minutes=self._span)

    def _at(self, day: _dt.date, clock: _dt.time, timezone: str) -> pendulum.DateTime:
        if _minutes(clock) < _minutes(self.start) or (clock == self.end and self.crosses_midnight):
            day = day + _dt.timedelta(days=1)
        return pendulum.datetime(
            day.year, day.month, day.day, clock.hour, clock.minute, tz=timezone
        )

    def on(self, day: _dt.date, timezone: str) -> tuple[pendulum.DateTime, pendulum.DateTime]:
        """The shift worked on *day* (the date it starts), as aware start and end.  Wall
        clock times are kept across a daylight-saving change: the shift is then an hour
        longer or shorter."""
        return self._at(day, self.start, timezone), self._at(day, self.end, timezone)

    def breaks_on(
        self, day: _dt.date, timezone: str
    ) -> tuple[tuple[pendulum.DateTime, pendulum.DateTime], ...]:
        """The pattern's breaks in the shift that starts on *day*."""
        return tuple(
            (self._at(day, b.start, timezone), self._at(day, b.end, timezone)) for b in self.breaks
        )

    def describe(self) -> Reason:
        """The pattern in words."""
        return Reason(
            self.cite,
            N_("{shift}: {start} to {end}, breaks {breaks}"),
            {
                "shift": self.name,
                "start": self.start,
                "end": self.end,
                "breaks": tuple(f"{b.start:%H:%M}–{b.end:%H:%M}" for b in self.breaks),
            },
        )


@attrs.frozen
class _Weekday:
    """A weekday as a fact: its name in the reader's language."""

    day: _dt.date

    def localize(self, locale: str = "en") -> str:
        from babel.dates import format_date

        return str(format_date(self.day, "EEEE", locale=babel_locale(locale)))


class RestPer(LabelledEnum):
    """The period a rest-day rule counts over."""

    WEEK = "week"
    MONTH = "month"


label_members({RestPer.WEEK: N_("a week"), RestPer.MONTH: N_("a month")})


_positive = whole(1)


def _rest_per(value: object) -> RestPer:
    return enum_of(RestPer, "RestDays.per")(value)


@attrs.frozen
class RestDays:
    """At least *count* days without a shift in each week (Monday to Sunday) or each
    calendar month: HD-26 one a week, TB-53 two a month.  A shift counts on the date it
    starts."""

    count: int = attrs.field(validator=_positive)
    per: RestPer = attrs.field(converter=_rest_per)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The rule in words."""
        return Reason(
            self.cite,
            N_("rest days: at least {count} in {per}"),
            {"count": self.count, "per": self.per},
        )


@attrs.frozen
class MinimumCover:
    """At least *agents* on duty (on shift and not on a break) at every moment from
    *start* to *end* of each day, so that no time is left with nobody answering.  An
    *end* of 00:00 is midnight.  *code* is the penalty rule a breach is recorded under,
    if any."""

    agents: int = attrs.field(validator=_positive)
    start: _dt.time = attrs.field(validator=wall_clock)
    end: _dt.time = attrs.field(validator=wall_clock)
    cite: Citation = attrs.field(validator=of_type(Citation))
    code: str | None = attrs.field(default=None, validator=attrs.validators.optional(slug))

    def __attrs_post_init__(self) -> None:
        if self.end != _MIDNIGHT and _minutes(self.end) <= _minutes(self.start):
            raise PolicyError("MinimumCover.end", self.end, "the window must end after it starts")

    def describe(self) -> Reason:
        """The rule in words."""
        return Reason(
            self.cite,
            N_("at least {agents} on duty from {start} to {end}"),
            {"agents": self.agents, "start": self.start, "end": self.end},
        )

    def window(self, day: _dt.date, timezone: str) -> tuple[pendulum.DateTime, pendulum.DateTime]:
        """The window on *day*, aware."""
        start = pendulum.datetime(
            day.year, day.month, day.day, self.start.hour, self.start.minute, tz=timezone
        )
        end_day = day + _dt.timedelta(days=1) if self.end == _MIDNIGHT else day
        end = pendulum.datetime(
            end_day.year, end_day.month, end_day.day, self.end.hour, self.end.minute, tz=timezone
        )
        return start, end


@attrs.frozen
class MealRule:
    """Meals: at most *max_minutes* long (TB-56: 35), and taken in rotation, so that at
    least *min_on_duty* agents stay on duty while others eat (TB-47: never the whole desk
    at once).  *code* is the penalty rule a desk left empty by meals is recorded under
    (TB-47); *overrun_code* the one a meal over the cap is recorded under (AMB-36)."""

    cite: Citation = attrs.field(validator=of_type(Citation))
    max_minutes: int | None = attrs.field(default=None, validator=whole(1, optional=True))
    min_on_duty: int = attrs.field(default=1, validator=_positive)
    code: str | None = attrs.field(default=None, validator=attrs.validators.optional(slug))
    overrun_code: str | None = attrs.field(default=None, validator=attrs.validators.optional(slug))

    def describe(self) -> Reason:
        """The rule in words."""
        facts: dict[str, object] = {"min_on_duty": self.min_on_duty}
        if self.max_minutes is None:
            return Reason(self.cite, N_("meals in rotation, at least {min_on_duty} on duty"), facts)
        facts["max"] = _dt.timedelta(minutes=self.max_minutes)
        return Reason(
            self.cite, N_("meals at most {max}, in rotation, at least {min_on_duty} on duty"), facts
        )


def _weekday(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 6:
        raise PolicyError(where(instance, attribute), value, "0 (Monday) to 6 (Sunday)")


@attrs.frozen
class WeeklyEvent:
    """A fixed weekly event every agent working that day attends: TB-54's Monday
    afternoon meeting, EH-28's Wednesday training.  *weekday* is 0 for Monday."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    weekday: int = attrs.field(validator=_weekday)
    start: _dt.time = attrs.field(validator=wall_clock)
    end: _dt.time = attrs.field(validator=wall_clock)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def __attrs_post_init__(self) -> None:
        if _minutes(self.end) <= _minutes(self.start):
            raise PolicyError("WeeklyEvent.end", self.end, "the event must end after it starts")

    def describe(self) -> Reason:
        """The event in words."""
        monday = _dt.date(2026, 1, 5)  # a Monday: its weekday's name in the reader's locale
        return Reason(
            self.cite,
            N_("{event} every {weekday}, {start} to {end}"),
            {
                "event": self.name,
                "weekday": _Weekday(monday + _dt.timedelta(days=self.weekday)),
                "start": self.start,
                "end": self.end,
            },
        )


@attrs.frozen
class ShiftPolicy:
    """The answer of ``servicecodex_shift_policy``: the shift patterns worked and the
    rules a rota, a swap, a handover, attendance and leave are checked against.  Every
    rule is optional: what a policy leaves out is not checked.  A policy may even give no
    pattern (a department that sets its own shift times but has handover, swap or leave
    rules)."""

    patterns: tuple[ShiftPattern, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(ShiftPattern)
    )
    rest: tuple[RestDays, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(RestDays)
    )
    cover: tuple[MinimumCover, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(MinimumCover)
    )
    meals: MealRule | None = attrs.field(default=None, validator=of_type(MealRule, optional=True))
    events: tuple[WeeklyEvent, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(WeeklyEvent)
    )
    swaps: SwapPolicy | None = attrs.field(
        default=None, validator=of_type(SwapPolicy, optional=True)
    )
    handover: HandoverPolicy | None = attrs.field(
        default=None, validator=of_type(HandoverPolicy, optional=True)
    )
    attendance: AttendancePolicy | None = attrs.field(
        default=None, validator=of_type(AttendancePolicy, optional=True)
    )
    leave: LeavePolicy | None = attrs.field(
        default=None, validator=of_type(LeavePolicy, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.patterns, lambda p: p.id, "ShiftPolicy.patterns")
        unique(self.events, lambda e: e.id, "ShiftPolicy.events")

    def describe_all(self) -> list[Reason]:
        """Every pattern and rule of the policy in words."""
        found = [p.describe() for p in self.patterns]
        found += [r.describe() for r in self.rest]
        found += [c.describe() for c in self.cover]
        found += [e.describe() for e in self.events]
        if self.meals is not None:
            found.append(self.meals.describe())
        parts: tuple[SwapPolicy | HandoverPolicy | AttendancePolicy | LeavePolicy | None, ...]
        parts = (self.swaps, self.handover, self.attendance, self.leave)
        for part in parts:
            if part is not None:
                found += part.describe()
        return found

    def pattern(self, pattern_id: str) -> ShiftPattern:
        """The pattern with that id."""
        return by_id(self.patterns, lambda p: p.id, pattern_id, "shift pattern")
