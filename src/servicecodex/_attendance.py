"""Attendance: clock punches become attendance days; make-up punches; meal breaks; the
violations they produce for the penalty ledger."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

import attrs
import pendulum

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._reasons import Citation, Reason, optional_citation
from servicecodex._time import Month, Period, day, instant
from servicecodex._validate import duration, enum_of, nonblank, of_type, slug, whole

if TYPE_CHECKING:
    from servicecodex._payslip import AttendanceFacts
    from servicecodex._rota import Rota, Shift
    from servicecodex._violations import Violation

__all__ = [
    "AttendanceDay",
    "AttendancePolicy",
    "AttendanceReport",
    "Charge",
    "DayStatus",
    "MakeUpDecision",
    "MakeUpRequest",
    "Punch",
    "PunchKind",
]


class PunchKind(LabelledEnum):
    """What a punch records."""

    IN = "in"
    OUT = "out"
    MEAL_OUT = "meal_out"
    MEAL_IN = "meal_in"


class DayStatus(LabelledEnum):
    """How a rostered shift was attended."""

    PRESENT = "present"
    LATE = "late"
    LEFT_EARLY = "left_early"
    ABSENT = "absent"
    MISSING_PUNCH = "missing_punch"
    ON_LEAVE = "on_leave"


label_members(
    {
        PunchKind.IN: N_("clock in"),
        PunchKind.OUT: N_("clock out"),
        PunchKind.MEAL_OUT: N_("out for a meal"),
        PunchKind.MEAL_IN: N_("back from a meal"),
    }
)
label_members(
    {
        DayStatus.PRESENT: N_("present"),
        DayStatus.LATE: N_("late"),
        DayStatus.LEFT_EARLY: N_("left early"),
        DayStatus.ABSENT: N_("absent"),
        DayStatus.MISSING_PUNCH: N_("missing punch"),
        DayStatus.ON_LEAVE: N_("on leave"),
    }
)


_CODE = attrs.validators.optional(slug)


def _grace(value: object) -> _dt.timedelta:
    return duration(value, "AttendancePolicy.grace")


def _within(value: object) -> _dt.timedelta:
    return duration(value, "AttendancePolicy.makeup_within")


def _meal_cap(value: object) -> _dt.timedelta | None:
    return None if value is None else duration(value, "AttendancePolicy.meal_cap")


@attrs.frozen
class AttendancePolicy:
    """How punches are judged.

    *grace* is how late a clock-in (or how early a clock-out) may be before it counts as
    late (or left early).  Make-up punches (补卡) are accepted within *makeup_within* of
    the missed punch (TB-59, *makeup_cite*; without that citation there is no time limit)
    and at most *makeups_per_month* a month
    (TB-60, *makeup_limit_cite*, else *makeup_cite*).  The ``*_code`` fields name the
    penalty rules a day is recorded under: a missing punch (TB-42), absence without
    approved leave (旷工, TB-46), lateness, leaving early, a meal longer than *meal_cap*
    (TB-56, AMB-36).  *full_attendance* is the rule that makes a month without lateness,
    early leaving, absence or leave a fact pay can use.
    """

    cite: Citation = attrs.field(validator=of_type(Citation))
    grace: _dt.timedelta = attrs.field(default=_dt.timedelta(0), converter=_grace)
    makeup_cite: Citation | None = attrs.field(default=None, validator=optional_citation)
    makeup_within: _dt.timedelta = attrs.field(default=_dt.timedelta(days=3), converter=_within)
    makeups_per_month: int | None = attrs.field(default=None, validator=whole(0, optional=True))
    meal_cap: _dt.timedelta | None = attrs.field(default=None, converter=_meal_cap)
    meal_cite: Citation | None = attrs.field(default=None, validator=optional_citation)
    missing_punch_code: str | None = attrs.field(default=None, validator=_CODE)
    absent_code: str | None = attrs.field(default=None, validator=_CODE)
    late_code: str | None = attrs.field(default=None, validator=_CODE)
    early_code: str | None = attrs.field(default=None, validator=_CODE)
    meal_code: str | None = attrs.field(default=None, validator=_CODE)
    full_attendance: Citation | None = attrs.field(default=None, validator=optional_citation)
    makeup_limit_cite: Citation | None = attrs.field(default=None, validator=optional_citation)

    def describe(self) -> list[Reason]:
        """The attendance rules in words."""
        found = [
            Reason(
                self.cite,
                N_("punch in and out; late or early after {grace}"),
                {"grace": self.grace},
            )
            if self.grace
            else Reason(self.cite, N_("punch in and out; late or early from the first minute"), {})
        ]
        if self.makeup_cite is not None:
            found.append(
                Reason(
                    self.makeup_cite,
                    N_("a make-up punch within {within}"),
                    {"within": self.makeup_within},
                )
            )
        if self.makeups_per_month is not None:
            found.append(
                Reason(
                    self.makeup_limit_cite or self.makeup_cite or self.cite,
                    N_("at most {limit} make-up punches a month"),
                    {"limit": self.makeups_per_month},
                )
            )
        if self.meal_cap is not None and self.meal_cite is not None:
            found.append(
                Reason(self.meal_cite, N_("a meal lasts at most {cap}"), {"cap": self.meal_cap})
            )
        if self.full_attendance is not None:
            found.append(
                Reason(
                    self.full_attendance,
                    N_(
                        "a month without lateness, early leaving, absence or leave is full attendance"
                    ),
                    {},
                )
            )
        return found

    def __attrs_post_init__(self) -> None:
        if self.meal_cap is not None and self.meal_cite is None:
            raise ValidationError(
                "AttendancePolicy.meal_cite", None, "a meal cap needs its citation"
            )


def _kind(value: object) -> PunchKind:
    return enum_of(PunchKind, "Punch.kind", ValidationError)(value)


def _punch_at(value: object) -> pendulum.DateTime:
    return instant(value, "Punch.at")


@attrs.frozen
class Punch:
    """One clock punch."""

    agent_id: str = attrs.field(validator=nonblank)
    at: pendulum.DateTime = attrs.field(converter=_punch_at)
    kind: PunchKind = attrs.field(default=PunchKind.IN, converter=_kind)


def _missed(value: object) -> pendulum.DateTime:
    return instant(value, "MakeUpRequest.missed")


def _filed(value: object) -> pendulum.DateTime:
    return instant(value, "MakeUpRequest.filed_at")


@attrs.frozen
class MakeUpRequest:
    """A make-up punch form (补卡申请表): the punch *missed*, when the form was filed, and
    why."""

    agent_id: str = attrs.field(validator=nonblank)
    kind: PunchKind = attrs.field(converter=_kind)
    missed: pendulum.DateTime = attrs.field(converter=_missed)
    filed_at: pendulum.DateTime = attrs.field(converter=_filed)
    reason: str = attrs.field(validator=nonblank)


@attrs.frozen
class MakeUpDecision:
    """A make-up request accepted (it becomes a punch) or refused, with why."""

    request: MakeUpRequest
    refusal: Reason | None

    @property
    def accepted(self) -> bool:
        """Whether the punch is made up."""
        return self.refusal is None

    def punch(self) -> Punch:
        """The punch an accepted request makes."""
        if self.refusal is not None:
            raise ValidationError(
                "MakeUpDecision", self.request, "a refused request makes no punch"
            )
        return Punch(self.request.agent_id, self.request.missed, self.request.kind)


class Charge(NamedTuple):
    """What a day is recorded under in the penalty ledger: the policy's *code*, when it
    happened (the clock-in of a late day, the clock-out of an early one, a meal's start,
    the shift's start or end for an absence or a missing punch) and the reason."""

    code: str
    at: pendulum.DateTime
    reason: Reason


@attrs.frozen
class AttendanceDay:
    """One rostered shift as attended: its statuses (late and left early can go
    together), the punches used, how late or early, the meals taken, and the reasons."""

    shift: Shift
    statuses: frozenset[DayStatus]
    clock_in: pendulum.DateTime | None
    clock_out: pendulum.DateTime | None
    late_by: _dt.timedelta
    early_by: _dt.timedelta
    meals: tuple[_dt.timedelta, ...]
    reasons: tuple[Reason, ...]
    charges: tuple[Charge, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """The penalty codes of the day's charges, in order."""
        return tuple(c.code for c in self.charges)

    @property
    def agent_id(self) -> str:
        """Whose day."""
        return self.shift.agent_id

    @property
    def day(self) -> pendulum.Date:
        """The date the shift starts."""
        return self.shift.day


_WINDOW = _dt.timedelta(hours=4)  # a punch this far outside a shift belongs to another


@attrs.frozen
class AttendanceReport:
    """The attendance days of a rota's shifts in a period, and the violations they
    produce."""

    days: tuple[AttendanceDay, ...]
    makeups: tuple[MakeUpDecision, ...]

    def of(self, agent_id: str) -> tuple[AttendanceDay, ...]:
        """*agent_id*'s days."""
        return tuple(d for d in self.days if d.agent_id == agent_id)

    def violations(self) -> tuple[Violation, ...]:
        """One violation per penalty code of each day, ready for the ledger."""
        from servicecodex._violations import Violation

        out = []
        for d in self.days:
            seen: dict[str, int] = defaultdict(int)
            for code, at, reason in d.charges:
                seen[code] += 1  # two meals over the cap in one shift are two violations
                again = f"/{seen[code]}" if seen[code] > 1 else ""
                out.append(
                    Violation(
                        f"{d.agent_id}/{d.day}/{d.shift.pattern.id}/{code}{again}",
                        d.agent_id,
                        code,
                        at,
                        evidence=reason.explain("en"),
                    )
                )
        return tuple(out)

    def facts(self, agent_id: str, month: Month) -> AttendanceFacts:
        """*agent_id*'s month as the attendance facts pay uses (TB-14): a month with no
        lateness, early leaving, absence, missing punch or leave is full attendance."""
        from servicecodex._payslip import AttendanceFacts

        days = [d for d in self.of(agent_id) if d.day in month]

        def count(status: DayStatus) -> int:
            return sum(1 for d in days if status in d.statuses)

        return AttendanceFacts(
            late=count(DayStatus.LATE),
            left_early=count(DayStatus.LEFT_EARLY),
            absent=count(DayStatus.ABSENT) + count(DayStatus.MISSING_PUNCH),
            on_leave=count(DayStatus.ON_LEAVE),
        )


def _after(
    missed: pendulum.DateTime, filed: pendulum.DateTime, within: _dt.timedelta
) -> _dt.timedelta:
    """How long after the missed punch the form came.  A limit in whole days counts
    calendar days ("3日内": by the third day after, whatever the hour)."""
    if within and within % _dt.timedelta(days=1) == _dt.timedelta(0):
        days = (filed.in_timezone(missed.tz or "UTC").date() - missed.date()).days
        return _dt.timedelta(days=days)
    return filed - missed


def _plain(span: _dt.timedelta) -> _dt.timedelta:
    """A plain timedelta (pendulum's differences are Intervals, which do not divide)."""
    return _dt.timedelta(seconds=span.total_seconds())


def review_makeups(
    policy: AttendancePolicy, requests: Iterable[MakeUpRequest]
) -> tuple[MakeUpDecision, ...]:
    """Accept each make-up request filed within the policy's limit, up to the monthly
    cap (counted per agent and calendar month of the missed punch, in filing order)."""
    if not isinstance(policy, AttendancePolicy):
        raise ValidationError("policy", policy, "expected an AttendancePolicy")
    cite = policy.makeup_cite or policy.cite
    limit_cite = policy.makeup_limit_cite or cite
    used: dict[tuple[str, int, int], int] = defaultdict(int)
    out = []
    given = list(requests)
    for r in given:
        if not isinstance(r, MakeUpRequest):
            raise ValidationError("requests", r, "expected MakeUpRequest items")
    for r in sorted(given, key=lambda r: r.filed_at):
        late = _after(r.missed, r.filed_at, policy.makeup_within)
        key = (r.agent_id, r.missed.year, r.missed.month)
        if policy.makeup_cite is not None and late > policy.makeup_within:
            out.append(
                MakeUpDecision(
                    r,
                    Reason(
                        cite,
                        N_("make-up for {missed} filed {filed}: later than {within}"),
                        {"missed": r.missed, "filed": r.filed_at, "within": policy.makeup_within},
                    ),
                )
            )
        elif policy.makeups_per_month is not None and used[key] >= policy.makeups_per_month:
            out.append(
                MakeUpDecision(
                    r,
                    Reason(
                        limit_cite,
                        N_("make-up for {missed}: already {count} this month, at most {limit}"),
                        {"missed": r.missed, "count": used[key], "limit": policy.makeups_per_month},
                    ),
                )
            )
        else:
            used[key] += 1
            out.append(MakeUpDecision(r, None))
    return tuple(out)


def attendance(
    rota: Rota,
    punches: Iterable[Punch],
    policy: AttendancePolicy,
    *,
    leave: Iterable[tuple[str, _dt.date]] = (),
    makeups: Iterable[MakeUpRequest] = (),
    period: Period | None = None,
) -> AttendanceReport:
    """Turn *punches* into an attendance day for each shift of *rota* (in *period*, a
    :class:`~servicecodex.Period`, if given).  *leave* holds the (agent, date) pairs of
    approved leave; accepted *makeups* count as punches.  A punch for an agent who is not
    on the rota's staff raises."""
    from servicecodex._rota import Rota

    if not isinstance(rota, Rota):
        raise ValidationError("rota", rota, "expected a Rota")
    if period is not None and not isinstance(period, Period):
        raise ValidationError("period", period, "expected a Period")
    decisions = review_makeups(policy, makeups)
    all_punches = list(punches) + [d.punch() for d in decisions if d.accepted]
    by_agent: dict[str, list[Punch]] = defaultdict(list)
    for i, p in enumerate(all_punches):
        if not isinstance(p, Punch):
            raise ValidationError(f"punches[{i}]", p, "expected a Punch")
        if p.agent_id not in rota.staff:
            raise ValidationError(
                "Punch.agent_id",
                p.agent_id,
                f"unknown agent; staff: {', '.join(sorted(rota.staff))}",
            )
        by_agent[p.agent_id].append(p)
    away = {(a, day(d, "leave")) for a, d in leave}
    days = []
    for shift in rota.shifts:
        if period is not None and shift.day not in period:
            continue
        days.append(
            _day(
                shift, by_agent.get(shift.agent_id, []), policy, (shift.agent_id, shift.day) in away
            )
        )
    return AttendanceReport(tuple(days), decisions)


def _day(
    shift: Shift, punches: list[Punch], policy: AttendancePolicy, on_leave: bool
) -> AttendanceDay:
    lo, hi = shift.start - _WINDOW, shift.end + _WINDOW
    ins = sorted(p.at for p in punches if p.kind is PunchKind.IN and lo <= p.at <= shift.end)
    outs = sorted(p.at for p in punches if p.kind is PunchKind.OUT and shift.start <= p.at <= hi)
    clock_in, clock_out = (ins[0] if ins else None), (outs[-1] if outs else None)
    statuses: set[DayStatus] = set()
    reasons: list[Reason] = []
    charges: list[Charge] = []

    def note(reason: Reason, code: str | None, at: pendulum.DateTime) -> None:
        reasons.append(reason)
        if code:
            charges.append(Charge(code, at, reason))

    cite = policy.cite
    facts: dict[str, object] = {
        "agent": shift.agent_id,
        "day": shift.day,
        "shift": shift.pattern.name,
    }
    late_by = early_by = _dt.timedelta(0)
    meals: list[_dt.timedelta] = []
    if on_leave:
        statuses.add(DayStatus.ON_LEAVE)
    elif clock_in is None and clock_out is None:
        statuses.add(DayStatus.ABSENT)
        note(
            Reason(
                cite, N_("{agent} did not come to {shift} on {day}, without approved leave"), facts
            ),
            policy.absent_code,
            shift.start,
        )
    else:
        if clock_in is None or clock_out is None:
            statuses.add(DayStatus.MISSING_PUNCH)
            missing = PunchKind.IN if clock_in is None else PunchKind.OUT
            note(
                Reason(
                    policy.makeup_cite or cite,
                    N_("{agent} has no {punch} punch for {shift} on {day} and no accepted make-up"),
                    {**facts, "punch": missing},
                ),
                policy.missing_punch_code,
                shift.start if clock_in is None else shift.end,
            )
        if clock_in is not None and clock_in - shift.start > policy.grace:
            late_by = _plain(clock_in - shift.start)
            statuses.add(DayStatus.LATE)
            note(
                Reason(
                    cite,
                    N_("{agent} clocked in {late} late for {shift} on {day}"),
                    {**facts, "late": late_by},
                ),
                policy.late_code,
                clock_in,
            )
        if clock_out is not None and shift.end - clock_out > policy.grace:
            early_by = _plain(shift.end - clock_out)
            statuses.add(DayStatus.LEFT_EARLY)
            note(
                Reason(
                    cite,
                    N_("{agent} clocked out {early} early from {shift} on {day}"),
                    {**facts, "early": early_by},
                ),
                policy.early_code,
                clock_out,
            )
        taken = _meals(shift, punches)
        meals = [length for _, length in taken]
        if policy.meal_cap is not None and policy.meal_cite is not None:
            for began, length in taken:
                if length > policy.meal_cap:
                    note(
                        Reason(
                            policy.meal_cite,
                            N_("{agent}'s meal on {day} lasted {length}; at most {cap}"),
                            {**facts, "length": length, "cap": policy.meal_cap},
                        ),
                        policy.meal_code,
                        began,
                    )
        if not statuses:
            statuses.add(DayStatus.PRESENT)
    return AttendanceDay(
        shift,
        frozenset(statuses),
        clock_in,
        clock_out,
        late_by,
        early_by,
        tuple(meals),
        tuple(reasons),
        tuple(charges),
    )


def _meals(shift: Shift, punches: list[Punch]) -> list[tuple[pendulum.DateTime, _dt.timedelta]]:
    """Meal breaks: each meal-out punch inside the shift paired with the next meal-in."""
    inside = sorted(
        (
            p
            for p in punches
            if shift.start <= p.at <= shift.end
            and p.kind in (PunchKind.MEAL_OUT, PunchKind.MEAL_IN)
        ),
        key=lambda p: p.at,
    )
    out: list[tuple[pendulum.DateTime, _dt.timedelta]] = []
    left: pendulum.DateTime | None = None
    for p in inside:
        if p.kind is PunchKind.MEAL_OUT:
            left = p.at
        elif left is not None:
            out.append((left, _plain(p.at - left)))
            left = None
    return out
