"""Service levels: the channels customers use, how fast each case must be answered and
resolved, the escalation chains that follow a silent customer, and the report of what a
case has due, met and breached at a given moment.

A :class:`ServiceLevelPolicy` is what ``servicecodex_service_levels`` answers.  Besides
targets and chains it carries everything else an organisation configures about its
contacts: the business hours its clocks run in, its case categories and workflow (see
:mod:`servicecodex._cases`), its callbacks and survey, and the registers it keeps.
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
from collections.abc import Sequence
from typing import Any

import attrs
import pendulum

from servicecodex._business_time import BusinessHours
from servicecodex._callbacks import CallbackRule
from servicecodex._cases import Case, CaseCategory, CaseRules, Contact, Direction
from servicecodex._channels import Channel
from servicecodex._errors import PolicyError, ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._reasons import Citation, Label, Reason
from servicecodex._records import RegisterSpec
from servicecodex._surveys import Survey
from servicecodex._text import Text
from servicecodex._time import instant
from servicecodex._validate import (
    as_tuple,
    by_id,
    of_type,
    optional_slug,
    slug,
    tuple_of,
    unique,
    whole,
)
from servicecodex._violations import Violation

__all__ = [
    "CLOSE_OF_DAY",
    "Channel",
    "Clock",
    "CloseOfDay",
    "EscalationChain",
    "EscalationStep",
    "ResponseTarget",
    "ServiceLevelPolicy",
    "SlaItem",
    "SlaKind",
    "SlaReport",
    "SlaStatus",
    "deadline_status",
    "whole_minutes",
]


class Clock(LabelledEnum):
    """Which time a deadline counts: open business hours only, or every hour."""

    BUSINESS = "business"
    CALENDAR = "calendar"


label_members({Clock.BUSINESS: N_("business hours"), Clock.CALENDAR: N_("calendar hours")})


class CloseOfDay(enum.Enum):
    """A deadline that is not a span of time: "by the close of the business day" (当日事
    当日毕).  Give :data:`CLOSE_OF_DAY`, its one member, as a :class:`ResponseTarget`'s
    *first_response*, *next_response* or *resolution*: the item is due at the close of
    the business day its clock starts in (:meth:`BusinessHours.end_of_business_day`), the
    next business day's when it starts while the desk is closed.  As JSON it is
    ``"close_of_day"``.

    >>> CLOSE_OF_DAY, CLOSE_OF_DAY.value
    (CLOSE_OF_DAY, 'close_of_day')
    """

    CLOSE_OF_DAY = "close_of_day"

    def __repr__(self) -> str:
        return "CLOSE_OF_DAY"


#: "By the close of the business day": see :class:`CloseOfDay`.
CLOSE_OF_DAY = CloseOfDay.CLOSE_OF_DAY

#: How soon a :class:`ResponseTarget` wants something: a span of time, or by the close
#: of the business day.
Within = _dt.timedelta | CloseOfDay


def _span_or_close(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, CloseOfDay):
        _positive_span(instance, attribute, value)


def _positive_span(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, _dt.timedelta) or value <= _dt.timedelta(0)):
        raise PolicyError(
            f"{type(instance).__name__}.{attribute.name}", value, "a positive timedelta"
        )


def _span_or_zero(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _dt.timedelta) or value < _dt.timedelta(0):
        raise PolicyError(
            f"{type(instance).__name__}.{attribute.name}", value, "a timedelta of zero or more"
        )


@attrs.frozen
class ResponseTarget:
    """How fast cases are answered and resolved, for one *channel* (``None``: every
    channel) and one *category* (``None``: every category).

    * *rings*: an inbound phone call is answered within so many rings (the policy's
      ``seconds_per_ring`` turns rings into seconds);
    * *first_response*: the first reply to the customer after the case opens;
    * *next_response*: every later customer message is answered within this;
    * *resolution*: the case is closed within this.

    Each is a positive timedelta or :data:`CLOSE_OF_DAY`, "by the close of the business
    day" the clock starts in (the next business day's when it starts while the desk is
    closed).  Durations count on the policy's business hours unless *clock* is
    :attr:`Clock.CALENDAR` (then the close of day is local midnight); time the case waits
    on the customer never counts.  A close of day is a fixed point, not a span: a wait
    that ends before the close does not move it; one that runs up to or past the close
    moves the deadline to the close of the business day the wait ends in.
    *violation* is the penalty code a breach is recorded under, if the organisation
    fines it.

    >>> t = ResponseTarget(Channel.PHONE, Citation("JW-12", "000 篇2 第四條.1"), rings=3)
    >>> t.describe()[0].explain("zh_Hant")
    '電話：響鈴3聲內接聽（JW-12）'
    >>> same_day = ResponseTarget(None, Citation("TB-85", "P2 二(三).9"), next_response=CLOSE_OF_DAY)
    >>> same_day.describe()[0].explain("en")
    'Every channel: every next response by the close of the business day (TB-85)'
    """

    channel: Channel | None = attrs.field(validator=of_type(Channel, optional=True))
    cite: Citation = attrs.field(validator=of_type(Citation))
    rings: int | None = attrs.field(default=None, validator=whole(1, optional=True))
    first_response: Within | None = attrs.field(default=None, validator=_span_or_close)
    next_response: Within | None = attrs.field(default=None, validator=_span_or_close)
    resolution: Within | None = attrs.field(default=None, validator=_span_or_close)
    category: str | None = attrs.field(default=None, validator=optional_slug)
    clock: Clock = attrs.field(default=Clock.BUSINESS, validator=of_type(Clock))
    violation: str | None = attrs.field(default=None, validator=optional_slug)

    def __attrs_post_init__(self) -> None:
        if all(
            v is None
            for v in (self.rings, self.first_response, self.next_response, self.resolution)
        ):
            raise PolicyError(
                "ResponseTarget",
                self.channel,
                "give rings, first_response, next_response or resolution",
            )
        if self.rings is not None and self.channel is not Channel.PHONE:
            channel = "every channel" if self.channel is None else self.channel.value
            raise PolicyError(
                "ResponseTarget.rings", self.rings, f"only a phone rings, not {channel}"
            )

    @property
    def key(self) -> tuple[Channel | None, str | None]:
        """What the target applies to: (channel, category), ``None`` meaning any."""
        return (self.channel, self.category)

    def _scope(self) -> dict[str, object]:
        every = N_("every channel")
        return {"channel": self.channel if self.channel is not None else Label(every)}

    def describe(self) -> list[Reason]:
        """Each target in words."""
        facts = self._scope()
        found: list[Reason] = []
        if self.rings is not None:
            found.append(
                Reason(
                    self.cite,
                    N_("{channel}: answer within {rings} rings"),
                    {**facts, "rings": self.rings},
                )
            )
        spans = (
            (
                self.first_response,
                N_("{channel}: first response within {within}"),
                N_("{channel}: first response by the close of the business day"),
            ),
            (
                self.next_response,
                N_("{channel}: every next response within {within}"),
                N_("{channel}: every next response by the close of the business day"),
            ),
            (
                self.resolution,
                N_("{channel}: resolved within {within}"),
                N_("{channel}: resolved by the close of the business day"),
            ),
        )
        for span, message, by_close in spans:
            if isinstance(span, CloseOfDay):
                found.append(Reason(self.cite, by_close, facts))
            elif span is not None:
                found.append(Reason(self.cite, message, {**facts, "within": span}))
        if self.category is not None:
            found = [
                Reason(
                    r.cite,
                    N_("{rule} (category {category})"),
                    {"rule": _Rendered(r), "category": self.category},
                )
                for r in found
            ]
        if self.clock is Clock.CALENDAR and any(
            s is not None for s in (self.first_response, self.next_response, self.resolution)
        ):
            found.append(Reason(self.cite, N_("these deadlines count calendar hours"), {}))
        return found


@attrs.frozen
class _Rendered:
    """A whole reason used as a fact of another (its text without the rule id)."""

    reason: Reason

    def localize(self, locale: str = "en") -> str:
        from servicecodex._i18n import gettext
        from servicecodex._reasons import format_fact

        r = self.reason
        template = (
            r.message.localize(locale)
            if isinstance(r.message, Text)
            else gettext(r.message, locale)
        )
        return template.format(**{k: format_fact(v, locale) for k, v in r.facts.items()})


@attrs.frozen
class EscalationStep:
    """One step of an escalation chain: contact the customer on one of *channels*.

    The step falls due *after* the previous step was taken (the first step: after the
    case opened); with *unless_answered*, a customer message in between ends the chain
    instead.  It must then be taken within *within* (``None``: no deadline is set, the
    step is reported as due).  *violation* is the penalty code of a late step.
    """

    action: Text = attrs.field(validator=of_type(Text))
    channels: tuple[Channel, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Channel, nonempty=True)
    )
    after: _dt.timedelta = attrs.field(default=_dt.timedelta(0), validator=_span_or_zero)
    within: _dt.timedelta | None = attrs.field(default=None, validator=_positive_span)
    unless_answered: bool = attrs.field(default=False, validator=of_type(bool))
    clock: Clock = attrs.field(default=Clock.BUSINESS, validator=of_type(Clock))
    violation: str | None = attrs.field(default=None, validator=optional_slug)


@attrs.frozen
class EscalationChain:
    """Steps taken one after another for the cases of *categories*, e.g. TB-79: for a
    severe review, message the customer; if there is no answer within 48 hours, phone."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    categories: tuple[str, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(str, nonempty=True)
    )
    steps: tuple[EscalationStep, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(EscalationStep, nonempty=True)
    )

    def describe(self) -> list[Reason]:
        """The chain in words, one reason per step."""
        found = [Reason(self.cite, N_("escalation chain {name}"), {"name": self.name})]
        for number, step in enumerate(self.steps, 1):
            facts: dict[str, object] = {
                "number": number,
                "action": step.action,
                "channels": step.channels,
                "after": step.after,
            }
            if step.unless_answered:
                message = N_(
                    "step {number}: {action} ({channels}) if the customer has not answered within {after}"
                )
            elif step.after:
                message = N_("step {number}: {action} ({channels}) after {after}")
            else:
                message = N_("step {number}: {action} ({channels})")
            found.append(Reason(self.cite, message, facts))
            if step.within is not None:
                found.append(
                    Reason(
                        self.cite,
                        N_("step {number} is taken within {within}"),
                        {"number": number, "within": step.within},
                    )
                )
        return found


class SlaKind(LabelledEnum):
    """What a service-level item measures."""

    ANSWER = "answer"
    FIRST_RESPONSE = "first_response"
    NEXT_RESPONSE = "next_response"
    RESOLUTION = "resolution"
    ESCALATION = "escalation"


label_members(
    {
        SlaKind.ANSWER: N_("answer"),
        SlaKind.FIRST_RESPONSE: N_("first response"),
        SlaKind.NEXT_RESPONSE: N_("next response"),
        SlaKind.RESOLUTION: N_("resolution"),
        SlaKind.ESCALATION: N_("escalation step"),
    }
)


class SlaStatus(LabelledEnum):
    """Where an item stands at the moment asked about."""

    MET = "met"
    DUE = "due"
    BREACHED = "breached"
    ENDED = "ended"


label_members(
    {
        SlaStatus.MET: N_("met"),
        SlaStatus.DUE: N_("due"),
        SlaStatus.BREACHED: N_("breached"),
        SlaStatus.ENDED: N_("ended"),
    }
)


def _instant(value: _dt.datetime) -> pendulum.DateTime:
    return instant(value, "SlaReport.at")


def _optional_instant(value: _dt.datetime | None) -> pendulum.DateTime | None:
    return None if value is None else instant(value, "SlaItem")


@attrs.frozen
class SlaItem:
    """One deadline of one case: what it measures, when it is (or was) due, when it was
    met, and by how much it is late.

    *due* is ``None`` for an escalation step with no deadline; *late_by* is wall-clock
    time past *due* (for a breach still open, up to the moment asked about).
    """

    case_id: str
    kind: SlaKind
    status: SlaStatus
    cite: Citation
    due: pendulum.DateTime | None = attrs.field(converter=_optional_instant)
    done: pendulum.DateTime | None = attrs.field(converter=_optional_instant)
    late_by: _dt.timedelta | None
    reason: Reason
    contact_id: str | None = None
    agent_id: str | None = None
    violation: str | None = None

    def to_json(self, locale: str = "en") -> dict[str, object]:
        """The item as plain JSON data (no customer data: only ids)."""
        return {
            "case": self.case_id,
            "kind": self.kind.value,
            "status": self.status.value,
            "rule_id": self.cite.rule_id,
            "due": None if self.due is None else self.due.isoformat(),
            "done": None if self.done is None else self.done.isoformat(),
            "late_by_seconds": None if self.late_by is None else int(self.late_by.total_seconds()),
            "contact": self.contact_id,
            "agent": self.agent_id,
            "violation": self.violation,
            "reason": self.reason.explain(locale),
        }


@attrs.frozen
class SlaReport:
    """Every service-level item of one case at the moment *at*."""

    case_id: str
    at: pendulum.DateTime = attrs.field(converter=_instant)
    items: tuple[SlaItem, ...]

    def due(self) -> tuple[SlaItem, ...]:
        """Items still open and not yet late."""
        return tuple(i for i in self.items if i.status is SlaStatus.DUE)

    def breached(self) -> tuple[SlaItem, ...]:
        """Items late (met late, or still open past their deadline)."""
        return tuple(i for i in self.items if i.status is SlaStatus.BREACHED)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One reason per item, in order."""
        return tuple(i.reason for i in self.items)

    def explain(self, locale: str = "en") -> list[str]:
        """Every item in words."""
        return [r.explain(locale) for r in self.reasons]

    def violations(self, reported_by: str = "sla") -> list[Violation]:
        """The breaches the policy fines, as ledger violations of the agent responsible
        (the one who answered the call late, or the case's owner), dated at the deadline.
        Their ids are stable, so recording a report twice counts once."""
        found = []
        for item in self.breached():
            if item.violation is None or item.due is None or item.agent_id is None:
                continue
            ident = (
                f"sla:{self.case_id}:{item.kind.value}:{item.contact_id or item.due.isoformat()}"
            )
            found.append(
                Violation(
                    ident,
                    item.agent_id,
                    item.violation,
                    item.due,
                    reported_by=reported_by,
                    evidence=item.reason.explain("en"),
                )
            )
        return found

    def to_json(self, locale: str = "en") -> dict[str, object]:
        """The report as plain JSON data."""
        return {
            "schema": "servicecodex.sla/1",
            "case": self.case_id,
            "at": self.at.isoformat(),
            "items": [i.to_json(locale) for i in self.items],
        }


@attrs.frozen
class ServiceLevelPolicy:
    """The answer of ``servicecodex_service_levels``: the channels served and their
    targets, plus how the organisation handles contacts.

    * *targets*: :class:`ResponseTarget` per (channel, category); for each kind of
      deadline the most specific target that sets it applies (channel and category,
      then category, then channel, then the catch-all);
    * *seconds_per_ring*: rings into time (a ring cycle is about 5 seconds in China;
      stated here so that a rings target can be checked against measured waits);
    * *hours*: the :class:`BusinessHours` deadlines count in (``None``: around the clock);
    * *cases*: how cases are handled: categories, workflow, ownership, transfers and
      major matters (:class:`~servicecodex.CaseRules`);
    * *escalations*, *callbacks*, *survey*: the rest of the service;
    * *registers*: the :class:`~servicecodex.RegisterSpec` of each register kept.

    >>> from servicecodex import Citation
    >>> jw = Citation("JW-12", "000 篇2 第四條.1")
    >>> policy = ServiceLevelPolicy([Channel.PHONE], jw, [ResponseTarget(Channel.PHONE, jw, rings=3)])
    >>> policy.answer_within(Channel.PHONE)
    datetime.timedelta(seconds=15)
    """

    channels: tuple[Channel, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Channel, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))
    targets: tuple[ResponseTarget, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(ResponseTarget)
    )
    seconds_per_ring: int = attrs.field(default=5, validator=whole(1))
    hours: BusinessHours | None = attrs.field(
        default=None, validator=of_type(BusinessHours, optional=True)
    )
    cases: CaseRules | None = attrs.field(default=None, validator=of_type(CaseRules, optional=True))
    escalations: tuple[EscalationChain, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(EscalationChain)
    )
    callbacks: tuple[CallbackRule, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(CallbackRule)
    )
    survey: Survey | None = attrs.field(default=None, validator=of_type(Survey, optional=True))
    registers: tuple[RegisterSpec, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(RegisterSpec)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.channels, lambda c: c, "ServiceLevelPolicy.channels")
        unique(self.targets, lambda t: t.key, "ServiceLevelPolicy.targets")
        unique(self.escalations, lambda c: c.id, "ServiceLevelPolicy.escalations")
        unique(self.callbacks, lambda c: c.id, "ServiceLevelPolicy.callbacks")
        unique(self.registers, lambda r: r.id, "ServiceLevelPolicy.registers")
        known = set() if self.cases is None else {c.id for c in self.cases.categories}
        for channel in () if self.cases is None else self.cases.channels:
            if channel not in self.channels:
                raise PolicyError(
                    "CaseRules.channels", channel, "not a channel this organisation serves"
                )
        for target in self.targets:
            if target.channel is not None and target.channel not in self.channels:
                raise PolicyError(
                    "ResponseTarget.channel",
                    target.channel,
                    "not a channel this organisation serves",
                )
            if target.category is not None and target.category not in known:
                raise PolicyError(
                    "ResponseTarget.category", target.category, "not a category of this policy"
                )
        for chain in self.escalations:
            for category in chain.categories:
                if category not in known:
                    raise PolicyError(
                        "EscalationChain.categories", category, "not a category of this policy"
                    )
            for step in chain.steps:
                for channel in step.channels:
                    if channel not in self.channels:
                        raise PolicyError(
                            "EscalationStep.channels",
                            channel,
                            "not a channel this organisation serves",
                        )

    # -- reading the policy ------------------------------------------------------------

    def describe(self) -> Reason:
        """The channels in words."""
        return Reason(self.cite, N_("Channels served: {channels}"), {"channels": self.channels})

    def describe_all(self) -> list[Reason]:
        """Every part of the policy in words."""
        found = [self.describe()]
        if self.hours is not None:
            found += self.hours.describe()
        for target in self.targets:
            found += target.describe()
        ringing = [t for t in self.targets if t.rings is not None]
        if ringing:
            found.append(
                Reason(
                    ringing[0].cite,
                    N_("a ring is counted as {seconds} seconds"),
                    {"seconds": self.seconds_per_ring},
                )
            )
        if self.cases is not None:
            found += self.cases.describe()
        for chain in self.escalations:
            found += chain.describe()
        for rule in self.callbacks:
            found += rule.describe()
        if self.survey is not None:
            found += self.survey.describe()
        found += [
            Reason(
                spec.cite,
                N_("register {name}: {fields}"),
                {"name": spec.name, "fields": [f.name for f in spec.fields]},
            )
            for spec in self.registers
        ]
        return found

    @property
    def case_rules(self) -> CaseRules:
        """What :meth:`Case.open` checks a new case against."""
        if self.cases is None:
            raise ValidationError("ServiceLevelPolicy.cases", None, "no case rules are defined")
        return self.cases

    def category(self, category_id: str) -> CaseCategory:
        """The case category with that id."""
        return self.case_rules.category(category_id)

    def register(self, register_id: str) -> RegisterSpec:
        """The register with that id."""
        return by_id(self.registers, lambda r: r.id, register_id, "register")

    def callback_rule(self, rule_id: str) -> CallbackRule:
        """The callback rule with that id."""
        return by_id(self.callbacks, lambda r: r.id, rule_id, "callback rule")

    def channel(self, value: Channel | str) -> Channel:
        """*value* as a channel this organisation serves (unknown ones are refused)."""
        try:
            channel = value if isinstance(value, Channel) else Channel(value)
        except ValueError:
            channel = None
        if channel is None or channel not in self.channels:
            served = ", ".join(c.value for c in self.channels)
            raise ValidationError(
                "channel", value, f"not a channel served here; use one of {served}"
            )
        return channel

    def target_for(
        self, kind: SlaKind, channel: Channel, category: str | None
    ) -> ResponseTarget | None:
        """The most specific target that sets *kind* for a case of *category* on
        *channel*, or ``None``."""
        attribute = {
            SlaKind.ANSWER: "rings",
            SlaKind.FIRST_RESPONSE: "first_response",
            SlaKind.NEXT_RESPONSE: "next_response",
            SlaKind.RESOLUTION: "resolution",
        }[kind]
        for key in ((channel, category), (None, category), (channel, None), (None, None)):
            for target in self.targets:
                if target.key == key and getattr(target, attribute) is not None:
                    return target
        return None

    def answer_within(
        self, channel: Channel = Channel.PHONE, category: str | None = None
    ) -> _dt.timedelta:
        """The longest a caller may wait: the rings target times ``seconds_per_ring``."""
        target = self.target_for(SlaKind.ANSWER, channel, category)
        if target is None or target.rings is None:
            raise ValidationError("channel", channel, "no rings target is set for it")
        return _dt.timedelta(seconds=target.rings * self.seconds_per_ring)

    # -- cases ---------------------------------------------------------------------------

    def open_case(
        self,
        id: str,
        category: str,
        channel: Channel | str,
        customer: str,
        owner: str,
        at: _dt.datetime,
        contact: Contact | None = None,
    ) -> Case:
        """A new case under this policy (unknown channels and categories are refused)."""
        return Case.open(self.case_rules, id, category, channel, customer, owner, at, contact)

    def deadline(
        self,
        start: _dt.datetime,
        span: Within,
        clock: Clock = Clock.BUSINESS,
        pauses: Sequence[tuple[pendulum.DateTime, pendulum.DateTime | None]] = (),
    ) -> pendulum.DateTime:
        """*span* after *start* on *clock*, not counting *pauses*; for :data:`CLOSE_OF_DAY`,
        the close of the business day *start* falls in
        (:meth:`BusinessHours.end_of_business_day`; on the calendar clock, the next local
        midnight in the hours' timezone).

        >>> from servicecodex import Citation
        >>> tb = Citation("TB-51", "P1 二.1")
        >>> shop = BusinessHours.daily("Asia/Shanghai", "08:30-24:00")
        >>> policy = ServiceLevelPolicy([Channel.ONLINE_CHAT], tb, hours=shop)
        >>> policy.deadline(pendulum.datetime(2026, 3, 4, 2, tz="Asia/Shanghai"), CLOSE_OF_DAY)
        DateTime(2026, 3, 5, 0, 0, 0, tzinfo=Timezone('Asia/Shanghai'))
        """
        return self._deadline(start, span, clock, pauses)[0]

    def _deadline(
        self,
        start: _dt.datetime,
        span: Within,
        clock: Clock,
        pauses: Sequence[tuple[pendulum.DateTime, pendulum.DateTime | None]],
    ) -> tuple[pendulum.DateTime, pendulum.Date | None]:
        """The deadline, and for a close of day the business day it closes."""
        begin = instant(start, "start")
        if clock is Clock.BUSINESS and self.hours is not None:
            hours = self.hours
        else:
            # the calendar day ends at midnight where the desk is, if it says where
            zone = self.hours.timezone if self.hours is not None else None
            if zone is None or not isinstance(span, CloseOfDay):
                zone = begin.timezone_name or "UTC"
            hours = BusinessHours.always(zone)
        if isinstance(span, CloseOfDay):
            day, due = hours._day_and_close(begin, pauses)
            return due, day
        return hours.add(begin, span, pauses), None

    def report(self, case: Case, at: _dt.datetime) -> SlaReport:
        """What *case* has due, met and breached at *at*, each with its reason."""
        when = instant(at, "at")
        if when < case.opened_at:
            raise ValidationError("at", when, f"before case {case.id} opened")
        return SlaReport(case.id, when, tuple(_Judge(self, case, when).items()))


class _Judge:
    """Works out one case's items at one moment."""

    def __init__(self, policy: ServiceLevelPolicy, case: Case, at: pendulum.DateTime) -> None:
        self.policy, self.case, self.at = policy, case, at
        self.contacts = tuple(c for c in case.contacts if c.at <= at)
        self.pauses = case.waiting_periods(at)

    def items(self) -> list[SlaItem]:
        found = self._answers()
        found += self._responses()
        resolution = self._resolution()
        if resolution is not None:
            found.append(resolution)
        found += self._escalations()
        return found

    def _target(self, kind: SlaKind) -> ResponseTarget | None:
        return self.policy.target_for(kind, self.case.channel, self.case.category.id)

    def _due(
        self,
        start: pendulum.DateTime,
        span: _dt.timedelta,
        clock: Clock,
        done: pendulum.DateTime | None = None,
    ) -> pendulum.DateTime:
        return self._deadline(start, span, clock, done)[0]

    def _deadline(
        self,
        start: pendulum.DateTime,
        span: Within,
        clock: Clock,
        done: pendulum.DateTime | None = None,
    ) -> tuple[pendulum.DateTime, pendulum.Date | None]:
        """The deadline, and for a close of day the business day it closes."""
        # A wait that began after the item was done does not move its deadline.
        pauses = [p for p in self.pauses if done is None or p[0] < done]
        return self.policy._deadline(start, span, clock, pauses)

    def _item(
        self,
        kind: SlaKind,
        target_cite: Citation,
        due: pendulum.DateTime | None,
        done: pendulum.DateTime | None,
        *,
        contact: Contact | None = None,
        agent: str | None = None,
        violation: str | None = None,
        what: dict[str, object],
        day: pendulum.Date | None = None,
    ) -> SlaItem:
        status, late = deadline_status(due, done, self.at)
        facts: dict[str, object] = {"case": self.case.id, "kind": kind, **what}
        if day is not None:  # due by the close of the business day
            facts["day"] = day
            if status is SlaStatus.MET:
                message = N_(
                    "case {case}: {kind} by {done}, due by the close of business on {day}: met"
                )
                facts.update(done=done)
            elif status is SlaStatus.BREACHED and done is not None:
                message = N_(
                    "case {case}: {kind} by {done}, due by the close of business on {day}: late by {late}"
                )
                facts.update(done=done, late=whole_minutes(late))
            elif status is SlaStatus.BREACHED:
                message = N_(
                    "case {case}: {kind} due by the close of business on {day}, still open at {at}: late by {late}"
                )
                facts.update(at=self.at, late=whole_minutes(late))
            else:
                message = N_("case {case}: {kind} due by the close of business on {day}")
        elif status is SlaStatus.MET and due is None:
            message = N_("case {case}: {kind} taken at {done}")
            facts.update(done=done)
        elif status is SlaStatus.MET:
            message = N_("case {case}: {kind} by {done}, due {due}: met")
            facts.update(done=done, due=due)
        elif status is SlaStatus.BREACHED and done is not None:
            message = N_("case {case}: {kind} by {done}, due {due}: late by {late}")
            facts.update(done=done, due=due, late=whole_minutes(late))
        elif status is SlaStatus.BREACHED:
            message = N_("case {case}: {kind} due {due}, still open at {at}: late by {late}")
            facts.update(due=due, at=self.at, late=whole_minutes(late))
        elif due is None:
            message = N_("case {case}: {kind} is due, with no deadline set")
        else:
            message = N_("case {case}: {kind} due {due}")
            facts.update(due=due)
        return SlaItem(
            self.case.id,
            kind,
            status,
            target_cite,
            due,
            done,
            late,
            Reason(target_cite, message, facts),
            contact_id=None if contact is None else contact.id,
            agent_id=agent,
            violation=violation,
        )

    def _answers(self) -> list[SlaItem]:
        target = self._target(SlaKind.ANSWER)
        if target is None or target.rings is None:
            return []
        limit = _dt.timedelta(seconds=target.rings * self.policy.seconds_per_ring)
        found = []
        for contact in self.contacts:
            if (
                contact.channel is not Channel.PHONE
                or contact.direction is not Direction.INBOUND
                or contact.wait is None
            ):
                continue
            rings = math.ceil(contact.wait.total_seconds() / self.policy.seconds_per_ring)
            status = SlaStatus.MET if contact.wait <= limit else SlaStatus.BREACHED
            facts: dict[str, object] = {
                "case": self.case.id,
                "contact": contact.id,
                "rings": rings,
                "limit": target.rings,
                "seconds": int(contact.wait.total_seconds()),
            }
            message = (
                N_(
                    "case {case}: call {contact} answered after {rings} rings ({seconds} s), within {limit}"
                )
                if status is SlaStatus.MET
                else N_(
                    "case {case}: call {contact} answered after {rings} rings ({seconds} s), more than {limit}"
                )
            )
            due = contact.at + limit
            found.append(
                SlaItem(
                    self.case.id,
                    SlaKind.ANSWER,
                    status,
                    target.cite,
                    due,
                    contact.at + contact.wait,
                    None if status is SlaStatus.MET else contact.wait - limit,
                    Reason(target.cite, message, facts),
                    contact_id=contact.id,
                    agent_id=contact.agent,
                    violation=target.violation,
                )
            )
        return found

    def _responses(self) -> list[SlaItem]:
        first = self._target(SlaKind.FIRST_RESPONSE)
        following = self._target(SlaKind.NEXT_RESPONSE)
        found: list[SlaItem] = []
        outbound = [c for c in self.contacts if c.direction is Direction.OUTBOUND]
        if first is not None and first.first_response is not None:
            reply = next(iter(outbound), None)
            due, day = self._deadline(
                self.case.opened_at,
                first.first_response,
                first.clock,
                None if reply is None else reply.at,
            )
            found.append(
                self._item(
                    SlaKind.FIRST_RESPONSE,
                    first.cite,
                    due,
                    None if reply is None else reply.at,
                    contact=reply,
                    agent=self.case.owner if reply is None else reply.agent,
                    violation=first.violation,
                    what={},
                    day=day,
                )
            )
        if following is None or following.next_response is None or not outbound:
            return found
        answered = False
        for index, contact in enumerate(self.contacts):
            if contact.direction is Direction.OUTBOUND:
                answered = True
                continue
            if not answered:
                continue
            # A customer message after a reply: the next reply is due.
            answered = False
            reply = next(
                (c for c in self.contacts[index + 1 :] if c.direction is Direction.OUTBOUND), None
            )
            due, day = self._deadline(
                contact.at,
                following.next_response,
                following.clock,
                None if reply is None else reply.at,
            )
            found.append(
                self._item(
                    SlaKind.NEXT_RESPONSE,
                    following.cite,
                    due,
                    None if reply is None else reply.at,
                    contact=contact,
                    agent=self.case.owner if reply is None else reply.agent,
                    violation=following.violation,
                    what={},
                    day=day,
                )
            )
        return found

    def _resolution(self) -> SlaItem | None:
        target = self._target(SlaKind.RESOLUTION)
        if target is None or target.resolution is None:
            return None
        closed = (
            self.case.closed_at if self.case.closed_at and self.case.closed_at <= self.at else None
        )
        due, day = self._deadline(self.case.opened_at, target.resolution, target.clock, closed)
        return self._item(
            SlaKind.RESOLUTION,
            target.cite,
            due,
            closed,
            agent=self.case.owner,
            violation=target.violation,
            what={},
            day=day,
        )

    def _escalations(self) -> list[SlaItem]:
        found: list[SlaItem] = []
        for chain in self.policy.escalations:
            if self.case.category.id not in chain.categories:
                continue
            previous = self.case.opened_at
            used: set[str] = set()  # a contact takes one step only
            for number, step in enumerate(chain.steps, 1):
                start = self._due(previous, step.after, step.clock) if step.after else previous
                if step.unless_answered:
                    answer = next(
                        (
                            c
                            for c in self.contacts
                            if c.direction is Direction.INBOUND and previous < c.at <= start
                        ),
                        None,
                    )
                    if answer is not None:
                        facts: dict[str, object] = {
                            "case": self.case.id,
                            "number": number,
                            "chain": chain.name,
                            "answer": answer.at,
                        }
                        found.append(
                            SlaItem(
                                self.case.id,
                                SlaKind.ESCALATION,
                                SlaStatus.ENDED,
                                chain.cite,
                                None,
                                None,
                                None,
                                Reason(
                                    chain.cite,
                                    N_(
                                        "case {case}: {chain} step {number} not needed, the customer answered at {answer}"
                                    ),
                                    facts,
                                ),
                                contact_id=answer.id,
                            )
                        )
                        break
                    if start > self.at:
                        found.append(
                            SlaItem(
                                self.case.id,
                                SlaKind.ESCALATION,
                                SlaStatus.DUE,
                                chain.cite,
                                start,
                                None,
                                None,
                                Reason(
                                    chain.cite,
                                    N_(
                                        "case {case}: {chain} step {number} ({action}) falls due at {start} unless the customer answers"
                                    ),
                                    {
                                        "case": self.case.id,
                                        "chain": chain.name,
                                        "number": number,
                                        "action": step.action,
                                        "start": start,
                                    },
                                ),
                            )
                        )
                        break
                taken = next(
                    (
                        c
                        for c in self.contacts
                        if c.direction is Direction.OUTBOUND
                        and c.channel in step.channels
                        and c.at >= (start if step.unless_answered else previous)
                        and c.id not in used
                    ),
                    None,
                )
                due = None if step.within is None else self._due(start, step.within, step.clock)
                found.append(
                    self._item(
                        SlaKind.ESCALATION,
                        chain.cite,
                        due,
                        None if taken is None else taken.at,
                        contact=taken,
                        agent=self.case.owner if taken is None else taken.agent,
                        violation=step.violation,
                        what={"kind": _Step(chain.name, number, step.action)},
                    )
                )
                if taken is None:
                    break
                used.add(taken.id)
                previous = taken.at
        return found


@attrs.frozen
class _Step:
    """ "{chain} step {number} ({action})" as a fact."""

    chain: Text
    number: int
    action: Text

    def localize(self, locale: str = "en") -> str:
        from servicecodex._i18n import gettext

        return gettext(N_("{chain} step {number} ({action})"), locale).format(
            chain=self.chain.localize(locale),
            number=self.number,
            action=self.action.localize(locale),
        )


def _span(later: _dt.datetime, earlier: _dt.datetime) -> _dt.timedelta:
    """Wall-clock time between two instants, as a plain timedelta."""
    return _dt.timedelta(seconds=(later - earlier).total_seconds())


def whole_minutes(span: _dt.timedelta | None) -> _dt.timedelta:
    """A lateness rounded up to the whole minute, as reasons show it (they count minutes,
    not seconds): 30 seconds late reads "1 minute".

    >>> whole_minutes(_dt.timedelta(minutes=5, microseconds=10))
    datetime.timedelta(seconds=360)
    """
    if span is None:
        raise ValidationError("span", span, "a lateness to round")
    return _dt.timedelta(minutes=math.ceil(span.total_seconds() / 60))


def deadline_status(
    due: _dt.datetime | None,
    done: _dt.datetime | None,
    at: _dt.datetime,
    *,
    due_included: bool = True,
) -> tuple[SlaStatus, _dt.timedelta | None]:
    """Where something due at *due* stands at *at*, done at *done* (``None``: not yet):
    met, due, or breached with how late (wall-clock time past *due*, up to *at* while
    still open).  Done at the deadline itself is met unless *due_included* is false
    ("before Friday 10:00").  A ``None`` *due* (no deadline set) is never breached.

    >>> import pendulum
    >>> due = pendulum.datetime(2026, 3, 4, 9, tz="Asia/Shanghai")
    >>> deadline_status(due, None, due.add(hours=2))
    (<SlaStatus.BREACHED: 'breached'>, datetime.timedelta(seconds=7200))
    >>> deadline_status(due, due, due.add(hours=2), due_included=False)
    (<SlaStatus.BREACHED: 'breached'>, datetime.timedelta(0))
    """
    if done is not None:
        on_time = due is None or done < due or (due_included and done == due)
        if on_time:
            return SlaStatus.MET, None
        assert due is not None
        return SlaStatus.BREACHED, _span(done, due)
    if due is not None and (at > due or (not due_included and at == due)):
        return SlaStatus.BREACHED, _span(at, due)
    return SlaStatus.DUE, None
