"""Handover between shifts (交接班): the log both people sign, and when handover is refused."""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_
from servicecodex._reasons import Citation, Reason
from servicecodex._time import instant
from servicecodex._validate import as_tuple, nonblank, of_type, tuple_of

__all__ = [
    "HandedItem",
    "HandoverConditions",
    "HandoverDecision",
    "HandoverLog",
    "HandoverPolicy",
    "OpenProblem",
]


_CITE = of_type(Citation, optional=True)


def _tolerance(value: object) -> _dt.timedelta:
    if not isinstance(value, _dt.timedelta) or value < _dt.timedelta(0):
        raise ValidationError("HandoverPolicy.tolerance", value, "a timedelta of zero or more")
    return value


@attrs.frozen
class HandoverPolicy:
    """When handover is refused and what the log must hold; each rule is checked when
    its citation is given.

    * *major_incident*: not while a major or emergency event is open (PS-10);
    * *equipment*: not while major equipment is starting or stopping (PS-11);
    * *preparation*: not while preparation is incomplete (PS-12);
    * *fitness*: not to an unfit incoming person unless a substitute is found (PS-13);
    * *wait_for_incoming*: the outgoing agent stays until the incoming one arrives (CC-17);
    * *signatures*: both sign the log (PS-09), face to face;
    * *items*: shared items are registered and checked face to face (PS-05);
    * *punctual*: handover at the scheduled time, within *tolerance* (PS-08, AMB-18).
    """

    major_incident: Citation | None = attrs.field(default=None, validator=_CITE)
    equipment: Citation | None = attrs.field(default=None, validator=_CITE)
    preparation: Citation | None = attrs.field(default=None, validator=_CITE)
    fitness: Citation | None = attrs.field(default=None, validator=_CITE)
    wait_for_incoming: Citation | None = attrs.field(default=None, validator=_CITE)
    signatures: Citation | None = attrs.field(default=None, validator=_CITE)
    items: Citation | None = attrs.field(default=None, validator=_CITE)
    punctual: Citation | None = attrs.field(default=None, validator=_CITE)
    tolerance: _dt.timedelta = attrs.field(default=_dt.timedelta(0), converter=_tolerance)


@attrs.frozen
class OpenProblem:
    """A problem of the shift: its cause, course and result so far (PS-02), whether it is
    major, and whether it is done."""

    summary: str = attrs.field(validator=nonblank)
    major: bool = attrs.field(default=False, validator=of_type(bool))
    done: bool = attrs.field(default=False, validator=of_type(bool))


def _count(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError("HandedItem.count", value, "a whole number of zero or more")


@attrs.frozen
class HandedItem:
    """A shared item handed over (keys, supplies, equipment) and how many; *checked*
    when both looked at it together."""

    name: str = attrs.field(validator=nonblank)
    count: int = attrs.field(default=1, validator=_count)
    checked: bool = attrs.field(default=True, validator=of_type(bool))


def _at(value: object) -> pendulum.DateTime:
    return instant(value, "HandoverLog.at")


def _arrived(value: object) -> pendulum.DateTime | None:
    return None if value is None else instant(value, "HandoverConditions.incoming_arrived_at")


@attrs.frozen
class HandoverLog:
    """The duty log (值班日志) of one handover: when, who to whom, the equipment's state,
    open problems, instructions from above, changes of people, items handed over, and
    both signatures."""

    at: pendulum.DateTime = attrs.field(converter=_at)
    outgoing: str = attrs.field(validator=nonblank)
    incoming: str = attrs.field(validator=nonblank)
    equipment: str = attrs.field(default="", validator=of_type(str))
    problems: tuple[OpenProblem, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(OpenProblem)
    )
    instructions: tuple[str, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(str)
    )
    staff_changes: tuple[str, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(str)
    )
    items: tuple[HandedItem, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(HandedItem)
    )
    signed_by_outgoing: bool = attrs.field(default=False, validator=of_type(bool))
    signed_by_incoming: bool = attrs.field(default=False, validator=of_type(bool))

    def __attrs_post_init__(self) -> None:
        if self.outgoing == self.incoming:
            raise ValidationError("HandoverLog.incoming", self.incoming, "a handover to oneself")

    def carried_over(self) -> tuple[OpenProblem, ...]:
        """The problems not done: they go into the next shift's log."""
        return tuple(p for p in self.problems if not p.done)


@attrs.frozen
class HandoverConditions:
    """The situation at handover time."""

    major_incident_open: bool = attrs.field(default=False, validator=of_type(bool))
    equipment_starting_or_stopping: bool = attrs.field(default=False, validator=of_type(bool))
    preparation_complete: bool = attrs.field(default=True, validator=of_type(bool))
    incoming_fit: bool = attrs.field(default=True, validator=of_type(bool))
    substitute: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    incoming_arrived_at: pendulum.DateTime | None = attrs.field(default=None, converter=_arrived)


@attrs.frozen
class HandoverDecision:
    """Whether the outgoing agent may hand over and leave, why not, and the problems the
    incoming shift carries over."""

    log: HandoverLog
    breaches: tuple[Reason, ...]
    carried_over: tuple[OpenProblem, ...]

    @property
    def allowed(self) -> bool:
        """No rule broken: the outgoing agent may leave."""
        return not self.breaches

    def explain(self, locale: str = "en") -> list[str]:
        """Every refusal reason in words."""
        return [r.explain(locale) for r in self.breaches]


def review_handover(
    policy: HandoverPolicy,
    log: HandoverLog,
    conditions: HandoverConditions,
    scheduled: pendulum.DateTime | None = None,
) -> HandoverDecision:
    """Check a handover against *policy*.  *scheduled* is the shift change time, for the
    punctuality rule."""
    if not isinstance(policy, HandoverPolicy):
        raise ValidationError("policy", policy, "expected a HandoverPolicy")
    if not isinstance(log, HandoverLog):
        raise ValidationError("log", log, "expected a HandoverLog")
    if not isinstance(conditions, HandoverConditions):
        raise ValidationError("conditions", conditions, "expected HandoverConditions")
    out: list[Reason] = []
    facts = {"outgoing": log.outgoing, "incoming": log.incoming}
    if policy.major_incident and conditions.major_incident_open:
        out.append(
            Reason(
                policy.major_incident,
                N_("no handover while a major or emergency event is open"),
                {},
            )
        )
    if policy.equipment and conditions.equipment_starting_or_stopping:
        out.append(
            Reason(
                policy.equipment,
                N_("no handover while major equipment is starting or stopping"),
                {},
            )
        )
    if policy.preparation and not conditions.preparation_complete:
        out.append(
            Reason(policy.preparation, N_("no handover before the preparation is complete"), {})
        )
    if policy.fitness and not conditions.incoming_fit and not conditions.substitute:
        out.append(
            Reason(
                policy.fitness,
                N_("{incoming} is not fit to take over and no substitute is found"),
                facts,
            )
        )
    if policy.wait_for_incoming:
        arrived = conditions.incoming_arrived_at
        if arrived is None or arrived > log.at:
            out.append(
                Reason(
                    policy.wait_for_incoming,
                    N_("{outgoing} may not leave before {incoming} arrives"),
                    facts,
                )
            )
    if policy.signatures and not (log.signed_by_outgoing and log.signed_by_incoming):
        out.append(
            Reason(policy.signatures, N_("both {outgoing} and {incoming} sign the duty log"), facts)
        )
    if policy.items:
        unchecked = [i.name for i in log.items if not i.checked]
        if unchecked:
            out.append(
                Reason(
                    policy.items,
                    N_("items not checked face to face: {items}"),
                    {"items": tuple(unchecked)},
                )
            )
    if policy.punctual and scheduled is not None:
        when = instant(scheduled, "scheduled")
        off = abs(log.at - when)
        if off > policy.tolerance:
            out.append(
                Reason(
                    policy.punctual,
                    N_("handover at {at}, scheduled for {scheduled}"),
                    {"at": log.at, "scheduled": when},
                )
            )
    return HandoverDecision(log, tuple(out), log.carried_over())
