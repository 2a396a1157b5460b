"""Rotas: who works which shift on which date, and the checks a rota must pass."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import attrs
import pendulum

from servicecodex._calendar import BusinessCalendar
from servicecodex._errors import ValidationError
from servicecodex._i18n import N_
from servicecodex._reasons import Reason
from servicecodex._shifts import MinimumCover, RestPer, ShiftPattern, ShiftPolicy
from servicecodex._time import Period, day, instant
from servicecodex._validate import nonblank, slug

__all__ = ["Assignment", "Breach", "Rota", "RotaCheck", "Shift"]

Span = tuple[pendulum.DateTime, pendulum.DateTime]


def _day(value: object) -> pendulum.Date:
    return day(value, "Assignment.day")


def _meals(value: object) -> tuple[tuple[_dt.time, _dt.time], ...] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError("Assignment.meals", value, "expected (start, end) pairs")
    meals = tuple(value)
    for meal in meals:
        if (
            not isinstance(meal, tuple)
            or len(meal) != 2
            or not all(isinstance(t, _dt.time) and t.tzinfo is None for t in meal)
        ):
            raise ValidationError(
                "Assignment.meals", meal, "each meal is a (start, end) pair of wall-clock times"
            )
    return meals


@attrs.frozen
class Assignment:
    """*agent_id* works shift *pattern* starting on *day*.  *meals* overrides the
    pattern's breaks with this agent's own (start, end) wall-clock times, so that meals
    can be staggered."""

    agent_id: str = attrs.field(validator=nonblank)
    day: pendulum.Date = attrs.field(converter=_day)
    pattern: str = attrs.field(validator=slug)
    meals: tuple[tuple[_dt.time, _dt.time], ...] | None = attrs.field(
        default=None, converter=_meals
    )


@attrs.frozen
class Shift:
    """An assignment placed in time: aware *start*, *end* and *breaks*."""

    agent_id: str
    day: pendulum.Date
    pattern: ShiftPattern
    start: pendulum.DateTime
    end: pendulum.DateTime
    breaks: tuple[Span, ...]

    def on_duty(self) -> list[Span]:
        """The shift with its breaks cut out."""
        spans: list[Span] = []
        at = self.start
        for b_start, b_end in sorted(self.breaks):
            if b_start > at:
                spans.append((at, b_start))
            at = max(at, b_end)
        if at < self.end:
            spans.append((at, self.end))
        return spans

    def covers(self, start: pendulum.DateTime, end: pendulum.DateTime) -> bool:
        """Whether the agent is on duty (not on a break) from *start* to *end*."""
        return any(s <= start and end <= e for s, e in self.on_duty())


@attrs.frozen
class Breach:
    """One rule a rota, swap, handover, attendance day or leave request breaks: the
    reason (with the rule id), whom and which day it concerns, and the penalty rule it
    is recorded under when the policy names one."""

    reason: Reason
    agent_id: str | None = None
    day: pendulum.Date | None = None
    code: str | None = None

    @property
    def rule_id(self) -> str:
        """The id of the rule broken."""
        return self.reason.rule_id


@attrs.frozen
class RotaCheck:
    """Every breach of a rota over a period; the order of the rota's assignments does
    not matter."""

    period: Period
    breaches: tuple[Breach, ...]

    @property
    def ok(self) -> bool:
        """No breach."""
        return not self.breaches

    def explain(self, locale: str = "en") -> list[str]:
        """Every breach in words."""
        return [b.reason.explain(locale) for b in self.breaches]


def _place(policy: ShiftPolicy, timezone: str, assignment: Assignment, index: int) -> Shift:
    if not isinstance(assignment, Assignment):
        raise ValidationError(f"assignments[{index}]", assignment, "expected an Assignment")
    try:
        pattern = policy.pattern(assignment.pattern)
    except ValidationError as exc:
        raise ValidationError(
            f"assignments[{index}].pattern", assignment.pattern, exc.problem
        ) from None
    start, end = pattern.on(assignment.day, timezone)
    if assignment.meals is None:
        breaks = pattern.breaks_on(assignment.day, timezone)
    else:
        breaks = tuple(_meal(pattern, assignment, index, timezone, m) for m in assignment.meals)
    return Shift(assignment.agent_id, assignment.day, pattern, start, end, breaks)


def _meal(
    pattern: ShiftPattern,
    assignment: Assignment,
    index: int,
    timezone: str,
    meal: tuple[_dt.time, _dt.time],
) -> Span:
    start, end = pattern.on(assignment.day, timezone)
    at = [pattern._at(assignment.day, t, timezone) for t in meal]
    if not start <= at[0] < at[1] <= end:
        raise ValidationError(
            f"assignments[{index}].meals",
            meal,
            f"a meal must lie inside the shift {start:%H:%M}–{end:%H:%M}",
        )
    return at[0], at[1]


class Rota:
    """Who works which shift on which date, under an organisation's shift *policy*, in
    the *calendar*'s time zone.  *staff* names agents with no shift yet (everyone with a
    shift is staff anyway).  One agent's shifts may not overlap.

    A rota never changes; :meth:`replace` gives a new one.
    """

    def __init__(
        self,
        policy: ShiftPolicy,
        calendar: BusinessCalendar,
        assignments: Iterable[Assignment],
        staff: Iterable[str] = (),
    ) -> None:
        if not isinstance(policy, ShiftPolicy):
            raise ValidationError("policy", policy, "expected a ShiftPolicy")
        if not isinstance(calendar, BusinessCalendar):
            raise ValidationError("calendar", calendar, "expected a BusinessCalendar")
        if isinstance(staff, str):
            raise ValidationError("staff", staff, "expected agent ids, not one string")
        self.policy = policy
        self.calendar = calendar
        self.assignments: tuple[Assignment, ...] = tuple(assignments)
        self.shifts: tuple[Shift, ...] = tuple(
            sorted(
                (_place(policy, calendar.timezone, a, i) for i, a in enumerate(self.assignments)),
                key=lambda s: (s.start, s.agent_id),
            )
        )
        self.staff: frozenset[str] = frozenset(staff) | {s.agent_id for s in self.shifts}
        by_agent: dict[str, list[Shift]] = defaultdict(list)
        for shift in self.shifts:
            mine = by_agent[shift.agent_id]
            if mine and mine[-1].end > shift.start:
                raise ValidationError(
                    "assignments",
                    shift.agent_id,
                    f"overlapping shifts for one person: {mine[-1].pattern.id} on "
                    f"{mine[-1].day} and {shift.pattern.id} on {shift.day}",
                )
            mine.append(shift)
        self._by_agent = {agent: tuple(shifts) for agent, shifts in by_agent.items()}

    def __repr__(self) -> str:
        return f"<Rota {len(self.shifts)} shifts, {len(self.staff)} staff>"

    def agent(self, agent_id: str) -> tuple[Shift, ...]:
        """*agent_id*'s shifts in time order; an unknown agent raises."""
        if agent_id not in self.staff:
            raise ValidationError(
                "agent_id", agent_id, f"unknown agent; staff: {', '.join(sorted(self.staff))}"
            )
        return self._by_agent.get(agent_id, ())

    def shift_of(self, agent_id: str, on: _dt.date) -> Shift | None:
        """The shift *agent_id* starts on *on*, if any."""
        wanted = day(on, "on")
        return next((s for s in self.agent(agent_id) if s.day == wanted), None)

    def on(self, on: _dt.date) -> tuple[Shift, ...]:
        """The shifts starting on *on*."""
        wanted = day(on, "on")
        return tuple(s for s in self.shifts if s.day == wanted)

    def replace(self, remove: Sequence[Assignment] = (), add: Sequence[Assignment] = ()) -> Rota:
        """A new rota without *remove* and with *add*."""
        kept = list(self.assignments)
        for a in remove:
            if a not in kept:
                raise ValidationError("remove", a, "not an assignment of this rota")
            kept.remove(a)
        return Rota(self.policy, self.calendar, [*kept, *add], self.staff)

    # Checks --------------------------------------------------------------------------

    def check(self, period: Period) -> RotaCheck:
        """Every breach of the policy's rest-day, cover, meal and weekly-event rules in
        *period*, sorted by day, then rule."""
        if not isinstance(period, Period):
            raise ValidationError("period", period, "expected a Period (Month, DateRange …)")
        breaches = [*self._rest(period), *self._events(period)]
        for rule in self.policy.cover:
            breaches.extend(self.cover_breaches(rule, period.days()))
        breaches.extend(self._meal_rotation(period))
        breaches.extend(self._meal_lengths(period))
        breaches.sort(key=lambda b: (b.day or period.first, b.rule_id, b.agent_id or ""))
        return RotaCheck(period, tuple(breaches))

    def _rest(self, period: Period) -> Iterator[Breach]:
        for rule in self.policy.rest:
            for first, last in _stretches(period, rule.per):
                days = (last - first).days + 1
                for agent in sorted(self.staff):
                    worked = {
                        s.day for s in self._by_agent.get(agent, ()) if first <= s.day <= last
                    }
                    rest = days - len(worked)
                    if rest < rule.count:
                        yield Breach(
                            Reason(
                                rule.cite,
                                N_(
                                    "{agent}: rest days from {first} to {last}: {rest}; at least {count} in {per}"
                                ),
                                {
                                    "agent": agent,
                                    "rest": rest,
                                    "first": first,
                                    "last": last,
                                    "count": rule.count,
                                    "per": rule.per,
                                },
                            ),
                            agent,
                            first,
                        )

    def _events(self, period: Period) -> Iterator[Breach]:
        tz = self.calendar.timezone
        for event in self.policy.events:
            for d in period.days():
                if d.weekday() != event.weekday:
                    continue
                start, end = _window(d, event.start, event.end, tz)
                for shift in self.on(d):
                    if not shift.covers(start, end):
                        yield Breach(
                            Reason(
                                event.cite,
                                N_(
                                    "{agent} works on {day} but is not on duty for {event} ({start}–{end})"
                                ),
                                {
                                    "agent": shift.agent_id,
                                    "day": d,
                                    "event": event.name,
                                    "start": event.start,
                                    "end": event.end,
                                },
                            ),
                            shift.agent_id,
                            d,
                        )

    def on_duty(
        self, start: pendulum.DateTime, end: pendulum.DateTime, *, meals: bool = True
    ) -> list[tuple[pendulum.DateTime, pendulum.DateTime, int]]:
        """How many agents are on duty from *start* to *end*, as runs of (from, to,
        count); with ``meals=False`` agents at a meal count as on duty.  Naive
        datetimes are refused."""
        start, end = instant(start, "start"), instant(end, "end")
        if end <= start:
            raise ValidationError("end", end, f"not after start {start}")
        changes: dict[pendulum.DateTime, int] = defaultdict(int)
        for shift in self.shifts:
            if shift.end <= start or shift.start >= end:
                continue
            spans = shift.on_duty() if meals else [(shift.start, shift.end)]
            for s, e in spans:
                s, e = max(s, start), min(e, end)
                if s < e:
                    changes[s] += 1
                    changes[e] -= 1
        runs: list[tuple[pendulum.DateTime, pendulum.DateTime, int]] = []
        count = 0
        at = start
        for moment in sorted({*changes, end}):
            if moment > at:
                if runs and runs[-1][2] == count and runs[-1][1] == at:
                    runs[-1] = (runs[-1][0], moment, count)
                else:
                    runs.append((at, moment, count))
                at = moment
            count += changes.get(moment, 0)
            if moment >= end:
                break
        return runs

    def cover_breaches(self, rule: MinimumCover, days: Iterable[_dt.date]) -> Iterator[Breach]:
        """Every stretch of *days* in *rule*'s window with fewer agents on duty than it
        requires.  A stretch that only meals empty is a breach of the meal rule, when
        the policy has one."""
        meals = self.policy.meals
        tz = self.calendar.timezone
        for d in days:
            start, end = rule.window(d, tz)
            without_meals = self.on_duty(start, end, meals=False)
            for s, e, count in self.on_duty(start, end):
                if count >= rule.agents:
                    continue
                staffed = min(c for a, b, c in without_meals if a < e and b > s)
                by_meals = meals is not None and staffed >= max(rule.agents, meals.min_on_duty)
                facts = {
                    "day": d,
                    "start": s.time(),
                    "end": e.time(),
                    "count": count,
                    "needed": rule.agents,
                }
                if by_meals:
                    assert meals is not None
                    yield Breach(
                        Reason(
                            meals.cite,
                            N_(
                                "{day} {start}–{end}: {count} on duty while others eat; at least {needed} must answer"
                            ),
                            facts,
                        ),
                        None,
                        pendulum.Date(d.year, d.month, d.day),
                        meals.code,
                    )
                else:
                    yield Breach(
                        Reason(
                            rule.cite,
                            N_("{day} {start}–{end}: {count} on duty; at least {needed} required"),
                            facts,
                        ),
                        None,
                        pendulum.Date(d.year, d.month, d.day),
                        rule.code,
                    )

    def _meal_lengths(self, period: Period) -> Iterator[Breach]:
        """Meals planned longer than the meal rule allows."""
        meals = self.policy.meals
        if meals is None or meals.max_minutes is None:
            return
        cap = _dt.timedelta(minutes=meals.max_minutes)
        for shift in self.shifts:
            if shift.day not in period:
                continue
            for start, end in shift.breaks:
                if end - start > cap:
                    yield Breach(
                        Reason(
                            meals.cite,
                            N_("{agent}'s meal on {day} lasted {length}; at most {cap}"),
                            {
                                "agent": shift.agent_id,
                                "day": shift.day,
                                "length": end - start,
                                "cap": cap,
                            },
                        ),
                        shift.agent_id,
                        shift.day,
                        meals.overrun_code,
                    )

    def _meal_rotation(self, period: Period) -> Iterator[Breach]:
        """Meals the cover rules do not watch over: while an agent eats, at least the
        meal rule's *min_on_duty* stay on duty, unless the desk is short-staffed anyway
        (TB-47).  Inside a cover window that needs as many, the cover check reports."""
        meals = self.policy.meals
        if meals is None:
            return
        tz = self.calendar.timezone
        seen: set[Span] = set()
        for d in period.days():
            guarded = [
                rule.window(x, tz)
                for rule in self.policy.cover
                if rule.agents >= meals.min_on_duty
                for x in (d, d + _dt.timedelta(days=1))
            ]
            spans = _merge(b for shift in self.on(d) for b in shift.breaks)
            for first, last in _subtract(spans, guarded):
                without_meals = self.on_duty(first, last, meals=False)
                for s, e, count in self.on_duty(first, last):
                    if count >= meals.min_on_duty or (s, e) in seen:
                        continue
                    staffed = min(c for a, b, c in without_meals if a < e and b > s)
                    if staffed < meals.min_on_duty:
                        continue
                    seen.add((s, e))
                    yield Breach(
                        Reason(
                            meals.cite,
                            N_(
                                "{day} {start}–{end}: {count} on duty while others eat; at least {needed} must answer"
                            ),
                            {
                                "day": d,
                                "start": s.time(),
                                "end": e.time(),
                                "count": count,
                                "needed": meals.min_on_duty,
                            },
                        ),
                        None,
                        pendulum.Date(d.year, d.month, d.day),
                        meals.code,
                    )


def _merge(spans: Iterable[Span]) -> list[Span]:
    """*spans* sorted, overlapping ones joined."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _subtract(spans: Iterable[Span], cuts: Iterable[Span]) -> list[Span]:
    """What is left of *spans* outside every one of *cuts*."""
    pieces = list(spans)
    for cs, ce in cuts:
        pieces = [p for a, b in pieces for p in ((a, min(b, cs)), (max(a, ce), b)) if p[0] < p[1]]
    return pieces


def _window(d: _dt.date, start: _dt.time, end: _dt.time, tz: str) -> Span:
    return (
        pendulum.datetime(d.year, d.month, d.day, start.hour, start.minute, tz=tz),
        pendulum.datetime(d.year, d.month, d.day, end.hour, end.minute, tz=tz),
    )


def _stretches(period: Period, per: RestPer) -> Iterator[tuple[pendulum.Date, pendulum.Date]]:
    """The weeks (Monday to Sunday) or calendar months lying wholly inside *period*."""
    if per is RestPer.MONTH:
        for month in period.months():
            if month.first >= period.first and month.last <= period.last:
                yield month.first, month.last
        return
    monday = period.first.add(days=(7 - period.first.weekday()) % 7)
    while monday.add(days=6) <= period.last:
        yield monday, monday.add(days=6)
        monday = monday.add(days=7)
