"""Shift swaps (换班) and their payback (还班): the rules, the request, the register."""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_
from servicecodex._reasons import Citation, Reason, cited, optional_citation
from servicecodex._time import Month, day, instant
from servicecodex._validate import duration, nonblank, of_type, whole

if TYPE_CHECKING:
    from servicecodex._rota import Breach, Rota, Shift

__all__ = ["SwapDecision", "SwapPolicy", "SwapRegister", "SwapRequest"]


def _rest(value: object) -> _dt.timedelta:
    return duration(value, "SwapPolicy.min_rest")


@attrs.frozen
class SwapPolicy:
    """The rules a swap is checked against; each is checked only when its citation is
    given.

    * *approval*: both agents consent, the manager approves and a registration form is
      filed (CC-22);
    * *limit* / *max_per_month*: at most so many swaps a month per person, counting a swap
      once for each of the two, in the month of the swapped day (CC-23, AMB-08);
    * *consecutive*: no swap on the day of, before or after another of the same person's
      swaps or paybacks;
    * *back_to_back*: neither person ends up with two shifts on one date or less than
      *min_rest* between two shifts (连班, CC-24, AMB-08);
    * *holidays*: no swap touching a public holiday of the organisation's calendar (CC-27);
    * *leave*: no leave on a swapped day or its payback (CC-26; checked by leave requests).

    The rota's own cover rules are checked after every swap too.
    """

    approval: Citation | None = attrs.field(default=None, validator=optional_citation)
    limit: Citation | None = attrs.field(default=None, validator=optional_citation)
    max_per_month: int | None = attrs.field(default=None, validator=whole(1, optional=True))
    consecutive: Citation | None = attrs.field(default=None, validator=optional_citation)
    back_to_back: Citation | None = attrs.field(default=None, validator=optional_citation)
    min_rest: _dt.timedelta = attrs.field(default=_dt.timedelta(0), converter=_rest)
    holidays: Citation | None = attrs.field(default=None, validator=optional_citation)
    leave: Citation | None = attrs.field(default=None, validator=optional_citation)

    def describe(self) -> list[Reason]:
        """Every swap rule given, in words."""
        return cited(
            [
                (
                    self.approval,
                    N_(
                        "a swap needs both agents' consent, a registration form and the manager's approval"
                    ),
                    {},
                ),
                (
                    self.limit,
                    N_("at most {limit} swaps a month per person"),
                    {"limit": self.max_per_month},
                ),
                (self.consecutive, N_("no swaps on consecutive days"), {}),
                (self.back_to_back, N_("no back-to-back shifts after a swap"), {}),
                (self.holidays, N_("no swaps on public holidays"), {}),
                (self.leave, N_("no leave on a swapped day or its payback"), {}),
            ]
        )

    def __attrs_post_init__(self) -> None:
        if (self.limit is None) != (self.max_per_month is None):
            raise ValidationError(
                "SwapPolicy.max_per_month", self.max_per_month, "give the limit with its citation"
            )


def _at(value: object) -> pendulum.DateTime:
    return instant(value, "SwapRequest.filed_at")


def _day(value: object) -> pendulum.Date:
    return day(value, "SwapRequest.day")


def _payback(value: object) -> pendulum.Date | None:
    return None if value is None else day(value, "SwapRequest.payback")


def _names(value: object) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError("SwapRequest.consent", value, "expected a set of agent ids")
    return frozenset(value)


@attrs.frozen
class SwapRequest:
    """*requester* asks *partner* to work her shift on *day*; she works *partner*'s
    shift on *payback* in return (还班), if a payback day is set.  *consent* holds the
    agents who agreed, *approved_by* the manager who signed, *form* the registration
    form's reference."""

    id: str = attrs.field(validator=nonblank)
    requester: str = attrs.field(validator=nonblank)
    partner: str = attrs.field(validator=nonblank)
    day: pendulum.Date = attrs.field(converter=_day)
    filed_at: pendulum.DateTime = attrs.field(converter=_at)
    payback: pendulum.Date | None = attrs.field(default=None, converter=_payback)
    consent: frozenset[str] = attrs.field(default=frozenset(), converter=_names)
    approved_by: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    form: str | None = attrs.field(default=None, validator=of_type(str, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.requester == self.partner:
            raise ValidationError("SwapRequest.partner", self.partner, "a swap with oneself")
        if self.payback == self.day:
            raise ValidationError(
                "SwapRequest.payback", self.payback, "the payback is on another day"
            )

    @property
    def days(self) -> tuple[pendulum.Date, ...]:
        """The swapped day and the payback day, if any."""
        return (self.day,) if self.payback is None else (self.day, self.payback)

    @property
    def people(self) -> tuple[str, str]:
        """Requester and partner."""
        return self.requester, self.partner


@attrs.frozen
class SwapDecision:
    """Whether a swap is accepted, every rule it breaks, and the rota it gives."""

    request: SwapRequest
    breaches: tuple[Breach, ...]
    rota: Rota | None

    @property
    def accepted(self) -> bool:
        """No rule broken."""
        return not self.breaches

    def explain(self, locale: str = "en") -> list[str]:
        """Every refusal reason in words."""
        return [b.reason.explain(locale) for b in self.breaches]


def _back_to_back(shifts: tuple[Shift, ...], min_rest: _dt.timedelta) -> list[tuple[Shift, Shift]]:
    """Every two successive shifts on one date, touching, or less than *min_rest* apart."""
    return [
        (a, b)
        for a, b in itertools.pairwise(shifts)
        if a.day == b.day or b.start <= a.end or b.start - a.end < min_rest
    ]


class SwapRegister:
    """The swaps accepted on a rota, and the paybacks still owed.

    :meth:`request` checks a swap against the policy and, when it passes, applies it:
    :attr:`rota` is then the new rota.
    """

    def __init__(self, rota: Rota) -> None:
        from servicecodex._rota import Rota

        if not isinstance(rota, Rota):
            raise ValidationError("rota", rota, "expected a Rota")
        if rota.policy.swaps is None:
            raise ValidationError("rota", rota, "its shift policy has no swap rules")
        self.rota = rota
        self.policy: SwapPolicy = rota.policy.swaps
        self.accepted: list[SwapRequest] = []
        self._paid: dict[str, pendulum.Date] = {}

    def swaps_of(self, agent_id: str, month: Month) -> list[SwapRequest]:
        """The accepted swaps *agent_id* took part in whose day falls in *month*."""
        return [s for s in self.accepted if agent_id in s.people and s.day in month]

    def on_swap_days(self, agent_id: str) -> set[pendulum.Date]:
        """Every swapped or payback day of *agent_id*'s accepted swaps."""
        return {d for s in self.accepted if agent_id in s.people for d in s.days}

    def request(self, request: SwapRequest) -> SwapDecision:
        """Check *request*; apply it when no rule is broken."""
        from servicecodex._rota import Breach

        if not isinstance(request, SwapRequest):
            raise ValidationError("request", request, "expected a SwapRequest")
        rota, policy = self.rota, self.policy
        for person in request.people:
            rota.agent(person)  # unknown agents raise
        if any(s.id == request.id for s in self.accepted):
            raise ValidationError(
                "SwapRequest.id", request.id, "a swap with this id was already accepted"
            )
        given = rota.shift_of(request.requester, request.day)
        if given is None:
            raise ValidationError(
                "SwapRequest.day", request.day, f"{request.requester} has no shift that day"
            )
        taken = None
        if request.payback is not None:
            taken = rota.shift_of(request.partner, request.payback)
            if taken is None:
                raise ValidationError(
                    "SwapRequest.payback",
                    request.payback,
                    f"{request.partner} has no shift that day",
                )
        breaches: list[Breach] = []

        def refuse(
            cite: Citation,
            message: str,
            who: str | None = None,
            when: pendulum.Date | None = None,
            **facts: object,
        ) -> None:
            breaches.append(Breach(Reason(cite, message, facts), who, when or request.day))

        if policy.approval is not None:
            for person in request.people:
                if person not in request.consent:
                    refuse(
                        policy.approval,
                        N_("{agent} has not consented to the swap"),
                        person,
                        agent=person,
                    )
            if not request.approved_by:
                refuse(policy.approval, N_("the swap is not approved by the manager"))
            if not request.form:
                refuse(policy.approval, N_("no swap registration form is filed"))
        if policy.limit is not None and policy.max_per_month is not None:
            # a swap counts once for each person, in the month of its day (AMB-08), as
            # swaps_of counts the accepted ones
            month = Month.of(request.day)
            for person in request.people:
                count = len(self.swaps_of(person, month)) + 1
                if count > policy.max_per_month:
                    refuse(
                        policy.limit,
                        N_("{agent} would swap {count} times in {month}; at most {limit}"),
                        person,
                        request.day,
                        agent=person,
                        count=count,
                        month=month,
                        limit=policy.max_per_month,
                    )
        if policy.consecutive is not None:
            for person in request.people:
                mine = self.on_swap_days(person)
                for on in request.days:
                    # the day before, after, or the same day (a swapped shift swapped again)
                    near = sorted(d for d in mine if abs((d - on).days) <= 1)
                    if near:
                        refuse(
                            policy.consecutive,
                            N_("{agent} swaps on {day} and on {other}: no consecutive swaps"),
                            person,
                            on,
                            agent=person,
                            day=on,
                            other=near[0],
                        )
        if policy.holidays is not None:
            for on in request.days:
                if rota.calendar.is_public_holiday(on):
                    refuse(
                        policy.holidays, N_("{day} is a public holiday: no swaps"), None, on, day=on
                    )
        clashes = [
            (person, shift)
            for person, shift, keeps in (
                (request.partner, given, taken),
                (request.requester, taken, given),
            )
            if shift is not None
            for other in rota.agent(person)
            if other != keeps and other.start < shift.end and shift.start < other.end
        ]
        for person, shift in clashes:
            if policy.back_to_back is None:
                raise ValidationError(
                    "SwapRequest", request.id, f"{person} would work two overlapping shifts"
                )
            refuse(
                policy.back_to_back,
                N_("{agent} would work two overlapping shifts on {day}"),
                person,
                shift.day,
                agent=person,
                day=shift.day,
            )
        if clashes:
            return SwapDecision(request, tuple(breaches), None)
        new_rota = self._apply(request, given, taken)
        if policy.back_to_back is not None:
            for person in request.people:
                for a, b in _back_to_back(new_rota.agent(person), policy.min_rest):
                    if a.day not in request.days and b.day not in request.days:
                        continue
                    refuse(
                        policy.back_to_back,
                        N_(
                            "{agent} would work back to back: {first} on {first_day} and {second} on {second_day}"
                        ),
                        person,
                        b.day,
                        agent=person,
                        first=a.pattern.name,
                        first_day=a.day,
                        second=b.pattern.name,
                        second_day=b.day,
                    )
        for rule in rota.policy.cover:
            before = {(b.day, b.reason) for b in rota.cover_breaches(rule, request.days)}
            for breach in new_rota.cover_breaches(rule, request.days):
                if (breach.day, breach.reason) not in before:
                    breaches.append(breach)
        if breaches:
            return SwapDecision(request, tuple(breaches), None)
        self.rota = new_rota
        self.accepted.append(request)
        return SwapDecision(request, (), new_rota)

    def _apply(self, request: SwapRequest, given: Shift, taken: Shift | None) -> Rota:
        from servicecodex._rota import Assignment

        def owner(shift: Shift) -> Assignment:
            return next(
                a
                for a in self.rota.assignments
                if a.agent_id == shift.agent_id
                and a.day == shift.day
                and a.pattern == shift.pattern.id
            )

        remove = [owner(given)]
        add = [attrs.evolve(remove[0], agent_id=request.partner)]
        if taken is not None:
            remove.append(owner(taken))
            add.append(attrs.evolve(remove[1], agent_id=request.requester))
        return self.rota.replace(remove, add)

    def paid_back(self, swap_id: str, on: _dt.date) -> None:
        """Record that the payback of swap *swap_id* was worked on *on*."""
        swap = next((s for s in self.accepted if s.id == swap_id), None)
        if swap is None:
            raise ValidationError("swap_id", swap_id, "no accepted swap has this id")
        if swap.payback is None:
            raise ValidationError("swap_id", swap_id, "this swap has no payback")
        self._paid[swap_id] = day(on, "on")

    def owed(self, as_of: _dt.date) -> list[tuple[SwapRequest, bool]]:
        """The accepted swaps whose payback is not yet recorded as worked, each with
        whether it is overdue (its payback day is before *as_of*)."""
        when = day(as_of, "as_of")
        return [
            (s, s.payback is not None and s.payback < when)
            for s in self.accepted
            if s.payback is not None and s.id not in self._paid
        ]
