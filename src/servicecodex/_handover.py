"""Handover between shifts (交接班): the log both people sign, and when handover is refused."""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._reasons import Citation, Reason, optional_citation
from servicecodex._time import instant
from servicecodex._validate import (
    as_tuple,
    duration,
    nonblank,
    of_type,
    tuple_of,
    user_input,
    whole,
)

__all__ = [
    "HandedItem",
    "HandoverConditions",
    "HandoverDecision",
    "HandoverLog",
    "HandoverPolicy",
    "OpenProblem",
]


def _tolerance(value: object) -> _dt.timedelta:
    return duration(value, "HandoverPolicy.tolerance")


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
    * *punctual*: handover at the scheduled time, within *tolerance* (PS-08, AMB-18);
    * *pending*: the outgoing person finishes routine pending matters before leaving,
      unless something special happens; major ones are handed over (PS-06, AMB-17);
    * *explained*: each problem handed over states its cause, course and result (PS-02).
    """

    major_incident: Citation | None = attrs.field(default=None, validator=optional_citation)
    equipment: Citation | None = attrs.field(default=None, validator=optional_citation)
    preparation: Citation | None = attrs.field(default=None, validator=optional_citation)
    fitness: Citation | None = attrs.field(default=None, validator=optional_citation)
    wait_for_incoming: Citation | None = attrs.field(default=None, validator=optional_citation)
    signatures: Citation | None = attrs.field(default=None, validator=optional_citation)
    items: Citation | None = attrs.field(default=None, validator=optional_citation)
    punctual: Citation | None = attrs.field(default=None, validator=optional_citation)
    pending: Citation | None = attrs.field(default=None, validator=optional_citation)
    explained: Citation | None = attrs.field(default=None, validator=optional_citation)
    tolerance: _dt.timedelta = attrs.field(default=_dt.timedelta(0), converter=_tolerance)

    def describe(self) -> list[Reason]:
        """Every handover rule given, in words."""
        rules: list[tuple[Citation | None, str, dict[str, object]]] = [
            (self.major_incident, N_("no handover while a major or emergency event is open"), {}),
            (self.equipment, N_("no handover while major equipment is starting or stopping"), {}),
            (self.preparation, N_("no handover before the preparation is complete"), {}),
            (self.fitness, N_("no handover to an unfit person without a substitute"), {}),
            (
                self.wait_for_incoming,
                N_("the outgoing agent stays until the incoming one arrives"),
                {},
            ),
            (self.signatures, N_("both sign the duty log"), {}),
            (self.items, N_("shared items are checked face to face"), {}),
            (
                self.punctual,
                N_("handover on time, within {tolerance}"),
                {"tolerance": self.tolerance},
            ),
            (self.pending, N_("routine pending matters are finished before leaving"), {}),
            (
                self.explained,
                N_("each problem handed over states its cause, course and result"),
                {},
            ),
        ]
        return [Reason(cite, message, facts) for cite, message, facts in rules if cite is not None]


_text = user_input(nonblank)


@attrs.frozen
class OpenProblem:
    """A problem of the shift: what it is, its cause, course and result so far (PS-02),
    whether it is major, and whether it is done."""

    summary: str = attrs.field(validator=_text)
    major: bool = attrs.field(default=False, validator=of_type(bool))
    done: bool = attrs.field(default=False, validator=of_type(bool))
    cause: str = attrs.field(default="", validator=of_type(str))
    course: str = attrs.field(default="", validator=of_type(str))
    result: str = attrs.field(default="", validator=of_type(str))

    def unexplained(self) -> tuple[str, ...]:
        """Which of cause, course and result are left blank."""
        return tuple(
            name for name in ("cause", "course", "result") if not getattr(self, name).strip()
        )


@attrs.frozen
class HandedItem:
    """A shared item handed over (keys, supplies, equipment) and how many; *checked*
    when both looked at it together."""

    name: str = attrs.field(validator=_text)
    count: int = attrs.field(default=1, validator=whole(0, error=ValidationError))
    checked: bool = attrs.field(default=True, validator=of_type(bool))


def _at(value: object) -> pendulum.DateTime:
    return instant(value, "HandoverLog.at")


def _lines(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    for line in value:  # type: ignore[attr-defined]
        if not isinstance(line, str) or not line.strip():
            raise ValidationError(
                f"HandoverLog.{attribute.name}", line, "a line of text, not blank"
            )


def _arrived(value: object) -> pendulum.DateTime | None:
    return None if value is None else instant(value, "HandoverConditions.incoming_arrived_at")


@attrs.frozen
class HandoverLog:
    """The duty log (值班日志) of one handover: when, who to whom, the equipment's state,
    open problems, instructions from above, changes of people, items handed over, and
    both signatures."""

    at: pendulum.DateTime = attrs.field(converter=_at)
    outgoing: str = attrs.field(validator=_text)
    incoming: str = attrs.field(validator=_text)
    equipment: str = attrs.field(default="", validator=of_type(str))
    repairs: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=_lines)
    problems: tuple[OpenProblem, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(OpenProblem)
    )
    instructions: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=_lines)
    staff_changes: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=_lines)
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
    """The situation at handover time.  *substitute* names who takes over from an unfit
    incoming person; *special_circumstance* says why routine matters are left pending
    (PS-06: "unless something special happens")."""

    major_incident_open: bool = attrs.field(default=False, validator=of_type(bool))
    equipment_starting_or_stopping: bool = attrs.field(default=False, validator=of_type(bool))
    preparation_complete: bool = attrs.field(default=True, validator=of_type(bool))
    incoming_fit: bool = attrs.field(default=True, validator=of_type(bool))
    substitute: str | None = attrs.field(default=None, validator=attrs.validators.optional(_text))
    special_circumstance: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_text)
    )
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


class _Part(LabelledEnum):
    CAUSE = "cause"
    COURSE = "course"
    RESULT = "result"


label_members({_Part.CAUSE: N_("cause"), _Part.COURSE: N_("course"), _Part.RESULT: N_("result")})


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
    when = None if scheduled is None else instant(scheduled, "scheduled")
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
    if policy.fitness and not conditions.incoming_fit:
        if not conditions.substitute:
            out.append(
                Reason(
                    policy.fitness,
                    N_("{incoming} is not fit to take over and no substitute is found"),
                    facts,
                )
            )
        elif conditions.substitute != log.incoming:
            out.append(
                Reason(
                    policy.fitness,
                    N_("the substitute {substitute} takes over, not {incoming}"),
                    {**facts, "substitute": conditions.substitute},
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
    if policy.pending and not conditions.special_circumstance:
        routine = [p.summary for p in log.problems if not p.done and not p.major]
        if routine:
            out.append(
                Reason(
                    policy.pending,
                    N_("{outgoing} finishes the pending matters before leaving: {matters}"),
                    {**facts, "matters": tuple(routine)},
                )
            )
    if policy.explained:
        for p in log.problems:
            if p.unexplained():
                out.append(
                    Reason(
                        policy.explained,
                        N_("“{problem}” is handed over without its {missing}"),
                        {"problem": p.summary, "missing": tuple(_Part(m) for m in p.unexplained())},
                    )
                )
    if policy.punctual:
        if when is None:
            raise ValidationError(
                "scheduled", None, "the scheduled handover time is needed to check punctuality"
            )
        if abs(log.at - when) > policy.tolerance:
            out.append(
                Reason(
                    policy.punctual,
                    N_("handover at {at}, scheduled for {scheduled}"),
                    {"at": log.at, "scheduled": when},
                )
            )
    return HandoverDecision(log, tuple(out), log.carried_over())
