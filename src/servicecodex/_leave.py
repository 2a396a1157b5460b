"""Leave: the types an organisation grants, requests and their review, emergencies and
resignation notice."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

import attrs
import pendulum

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_
from servicecodex._reasons import Citation, Reason, optional_citation
from servicecodex._text import Text
from servicecodex._time import day, instant
from servicecodex._validate import (
    as_tuple,
    by_id,
    duration,
    nonblank,
    of_type,
    slug,
    tuple_of,
    unique,
)

if TYPE_CHECKING:
    from servicecodex._rota import Rota
    from servicecodex._swaps import SwapRegister

__all__ = [
    "LeaveDecision",
    "LeavePolicy",
    "LeaveRequest",
    "LeaveType",
    "Resignation",
    "review_leave",
    "review_resignation",
]


@attrs.frozen
class LeaveType:
    """A kind of leave (事假, 病假, 婚假 …)."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))


def _notice(value: object) -> _dt.timedelta:
    return duration(value, "LeavePolicy.notice")


def _report(value: object) -> _dt.timedelta:
    return duration(value, "LeavePolicy.emergency_report_within")


def _months(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError("LeavePolicy.resignation_months", value, "a whole number of months")


@attrs.frozen
class LeavePolicy:
    """Leave types and the rules a request is reviewed against; each rule is checked when
    its citation is given.

    * *approval*: approved before it starts (HD-29, CC-30, TB-64);
    * *notice*: filed at least *notice* before the first day (TB-63: one day; AMB-12: none);
    * *holidays*: staff rostered on a public holiday may not take it off (CC-27);
    * *swap_days*: no leave on a swapped day or its payback (CC-26);
    * *emergency*: an emergency is reported within *emergency_report_within* (24 hours)
      and the paperwork completed on the day of return (HD-30);
    * *resignation*: *resignation_months* of written notice (TB-65);
    * *absence_code*: the penalty rule unapproved absence is recorded under (旷工).
    """

    types: tuple[LeaveType, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(LeaveType, nonempty=True)
    )
    approval: Citation | None = attrs.field(default=None, validator=optional_citation)
    notice_cite: Citation | None = attrs.field(default=None, validator=optional_citation)
    notice: _dt.timedelta = attrs.field(default=_dt.timedelta(0), converter=_notice)
    holidays: Citation | None = attrs.field(default=None, validator=optional_citation)
    swap_days: Citation | None = attrs.field(default=None, validator=optional_citation)
    emergency: Citation | None = attrs.field(default=None, validator=optional_citation)
    emergency_report_within: _dt.timedelta = attrs.field(
        default=_dt.timedelta(hours=24), converter=_report
    )
    resignation: Citation | None = attrs.field(default=None, validator=optional_citation)
    resignation_months: int = attrs.field(default=1, validator=_months)
    absence_code: str | None = attrs.field(default=None, validator=attrs.validators.optional(slug))

    def __attrs_post_init__(self) -> None:
        unique(self.types, lambda t: t.id, "LeavePolicy.types")

    def describe(self) -> list[Reason]:
        """The leave types and rules in words."""
        found = [Reason(t.cite, N_("leave type: {type}"), {"type": t.name}) for t in self.types]
        rules: list[tuple[Citation | None, str, dict[str, object]]] = [
            (self.approval, N_("leave is approved before it starts"), {}),
            (
                self.notice_cite,
                N_("leave is requested at least {notice} ahead")
                if self.notice
                else N_("leave is requested before it starts"),
                {"notice": self.notice},
            ),
            (self.holidays, N_("no leave when on duty on a public holiday"), {}),
            (self.swap_days, N_("no leave on a swapped day or its payback"), {}),
            (
                self.emergency,
                N_(
                    "an emergency is reported within {within}, the paperwork done on the day of return"
                ),
                {"within": self.emergency_report_within},
            ),
            (
                self.resignation,
                N_("resignation with notice of {months} month(s)"),
                {"months": self.resignation_months},
            ),
        ]
        return found + [Reason(c, m, f) for c, m, f in rules if c is not None]

    def type(self, type_id: str) -> LeaveType:
        """The leave type with that id; an unknown id raises, listing the types."""
        return by_id(self.types, lambda t: t.id, type_id, "leave type", ValidationError)


def _first(value: object) -> pendulum.Date:
    return day(value, "LeaveRequest.first_day")


def _last(value: object) -> pendulum.Date:
    return day(value, "LeaveRequest.last_day")


def _filed(value: object) -> pendulum.DateTime:
    return instant(value, "LeaveRequest.filed_at")


def _reported(value: object) -> pendulum.DateTime | None:
    return None if value is None else instant(value, "LeaveRequest.reported_at")


def _paperwork(value: object) -> pendulum.Date | None:
    return None if value is None else day(value, "LeaveRequest.paperwork_on")


@attrs.frozen
class LeaveRequest:
    """*agent_id* asks for leave of *type* from *first_day* to *last_day* (inclusive).
    An *emergency* request is one phoned in (*reported_at*) instead of filed in
    advance, its paperwork done on *paperwork_on*."""

    id: str = attrs.field(validator=nonblank)
    agent_id: str = attrs.field(validator=nonblank)
    type: str = attrs.field(validator=nonblank)
    first_day: pendulum.Date = attrs.field(converter=_first)
    last_day: pendulum.Date = attrs.field(converter=_last)
    filed_at: pendulum.DateTime = attrs.field(converter=_filed)
    approved_by: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    emergency: bool = attrs.field(default=False, validator=of_type(bool))
    reported_at: pendulum.DateTime | None = attrs.field(default=None, converter=_reported)
    paperwork_on: pendulum.Date | None = attrs.field(default=None, converter=_paperwork)

    def __attrs_post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValidationError(
                "LeaveRequest.last_day", self.last_day, f"before the first day {self.first_day}"
            )

    def days(self) -> tuple[pendulum.Date, ...]:
        """Every day asked for."""
        n = (self.last_day - self.first_day).days
        return tuple(self.first_day.add(days=i) for i in range(n + 1))


@attrs.frozen
class LeaveDecision:
    """Whether leave is granted, and every rule the request breaks."""

    request: LeaveRequest
    leave_type: LeaveType
    breaches: tuple[Reason, ...]

    @property
    def accepted(self) -> bool:
        """No rule broken."""
        return not self.breaches

    def explain(self, locale: str = "en") -> list[str]:
        """Every refusal reason in words."""
        return [r.explain(locale) for r in self.breaches]


def _short_notice(notice: _dt.timedelta, request: LeaveRequest, starts: pendulum.DateTime) -> bool:
    """Whether *request* is filed with less than *notice*.  Whole days count on the
    calendar ("提前一天": filed on the day before or earlier); other spans count from
    the first day's midnight."""
    if notice and notice % _dt.timedelta(days=1) == _dt.timedelta(0):
        filed = request.filed_at.in_timezone(starts.tz or "UTC").date()
        return (request.first_day - filed).days < notice.days
    return starts - request.filed_at < notice


def review_leave(
    policy: LeavePolicy,
    request: LeaveRequest,
    rota: Rota | None = None,
    swaps: SwapRegister | None = None,
) -> LeaveDecision:
    """Review *request*.  With *rota*, holiday duty is checked (the rota's calendar gives
    the holidays); with *swaps*, swapped and payback days are."""
    if not isinstance(policy, LeavePolicy):
        raise ValidationError("policy", policy, "expected a LeavePolicy")
    if not isinstance(request, LeaveRequest):
        raise ValidationError("request", request, "expected a LeaveRequest")
    from servicecodex._rota import Rota
    from servicecodex._swaps import SwapRegister

    if rota is not None and not isinstance(rota, Rota):
        raise ValidationError("rota", rota, "expected a Rota")
    if swaps is not None and not isinstance(swaps, SwapRegister):
        raise ValidationError("swaps", swaps, "expected a SwapRegister")
    kind = policy.type(request.type)
    out: list[Reason] = []
    facts: dict[str, object] = {
        "agent": request.agent_id,
        "first": request.first_day,
        "last": request.last_day,
    }
    if policy.approval is not None and not request.approved_by:
        out.append(
            Reason(
                policy.approval,
                N_("leave for {agent} from {first} to {last} is not approved"),
                facts,
            )
        )
    # the first day starts at midnight in the organisation's time zone (the rota's
    # calendar), else in the time zone the request was filed in
    tz = rota.calendar.timezone if rota is not None else request.filed_at.tzinfo
    first = request.first_day
    starts = pendulum.datetime(first.year, first.month, first.day, tz=tz)
    if request.emergency and policy.emergency is not None:
        if (
            request.reported_at is None
            or request.reported_at - starts > policy.emergency_report_within
        ):
            out.append(
                Reason(
                    policy.emergency,
                    N_("an emergency absence is reported within {within}"),
                    {"within": policy.emergency_report_within},
                )
            )
        # The day of return: the agent's next shift after the leave, with a rota;
        # else the day after it.
        back = request.last_day.add(days=1)
        if rota is not None and request.agent_id in rota.staff:
            back = next(
                (s.day for s in rota.agent(request.agent_id) if s.day > request.last_day),
                back,
            )
        if request.paperwork_on is None or request.paperwork_on > back:
            out.append(
                Reason(
                    policy.emergency,
                    N_("the leave paperwork is completed on the day of return, {back}"),
                    {"back": back},
                )
            )
    elif policy.notice_cite is not None and _short_notice(policy.notice, request, starts):
        message = (
            N_("leave is requested at least {notice} ahead; filed {filed}")
            if policy.notice
            else N_("leave is requested before it starts; filed {filed}")
        )
        out.append(
            Reason(
                policy.notice_cite, message, {"notice": policy.notice, "filed": request.filed_at}
            )
        )
    if rota is not None and policy.holidays is not None:
        for d in request.days():
            if (
                rota.calendar.is_public_holiday(d)
                and rota.shift_of(request.agent_id, d) is not None
            ):
                out.append(
                    Reason(
                        policy.holidays,
                        N_("{agent} is on duty on the public holiday {day}: no leave"),
                        {"agent": request.agent_id, "day": d},
                    )
                )
    if swaps is not None and policy.swap_days is not None:
        swapped = swaps.on_swap_days(request.agent_id)
        for d in request.days():
            if d in swapped:
                out.append(
                    Reason(
                        policy.swap_days,
                        N_("{day} is a swapped or payback day of {agent}: no leave"),
                        {"agent": request.agent_id, "day": d},
                    )
                )
    return LeaveDecision(request, kind, tuple(out))


def _filed_on(value: object) -> pendulum.DateTime:
    return instant(value, "Resignation.filed_at")


def _last_day(value: object) -> pendulum.Date:
    return day(value, "Resignation.last_day")


@attrs.frozen
class Resignation:
    """A written resignation filed at *filed_at*, leaving after *last_day*."""

    agent_id: str = attrs.field(validator=nonblank)
    filed_at: pendulum.DateTime = attrs.field(converter=_filed_on)
    last_day: pendulum.Date = attrs.field(converter=_last_day)


def review_resignation(policy: LeavePolicy, resignation: Resignation) -> tuple[Reason, ...]:
    """The rules *resignation* breaks: too short a notice (TB-65)."""
    if not isinstance(policy, LeavePolicy):
        raise ValidationError("policy", policy, "expected a LeavePolicy")
    if not isinstance(resignation, Resignation):
        raise ValidationError("resignation", resignation, "expected a Resignation")
    if policy.resignation is None:
        return ()
    earliest = resignation.filed_at.date().add(months=policy.resignation_months)
    if resignation.last_day < earliest:
        return (
            Reason(
                policy.resignation,
                N_(
                    "resignation filed {filed} with last day {last}; the notice period runs to {earliest}"
                ),
                {
                    "filed": resignation.filed_at.date(),
                    "last": resignation.last_day,
                    "months": policy.resignation_months,
                    "earliest": earliest,
                },
            ),
        )
    return ()
