"""Contacts and cases: one interaction with a customer, and the matter it is about.

* A :class:`Contact` is one inbound or outbound interaction (a call, a chat, an email …):
  its channel, when it started, the agent, the customer reference, what was said, how long
  it took and how long the customer waited first.
* A :class:`CaseCategory` names a kind of matter and its prescribed playbook, e.g. the
  Taobao shop's after-sales categories (TB-70..75): apologise, check the chat record, ask
  for photos, then compensate, return or resend.
* A :class:`Workflow` is the organisation's steps for a case, e.g. JW-15 接單 → 分配 →
  處理 → 回復 → 總結 or GM-06 receive → analyse → handle → reply.
* A :class:`Case` groups the contacts about one matter.  It is a frozen value: every
  change returns a new case and appends a :class:`CaseEvent` to its ``history``.  Illegal
  changes raise a :class:`CaseError` naming the case and the rule; :meth:`Case.review`
  lists what is still wrong without raising.

The rules a case follows (channels, categories, workflow, and the optional ownership,
transfer and major-matter rules) come in one :class:`CaseRules` record.

**Time order.**  A case's history is append-only in time: every change is dated at or
after the previous one (and never before the case opened), so that ``contacts`` and
``history`` are always in time order.

**Masking.**  :meth:`Case.to_dict` and :meth:`Case.format` mask customer data unless
``reveal=True``: the customer reference is personal and is masked with
:func:`~servicecodex._masking.mask_text` given the reference itself as a known value;
contents, notes, reasons and the summary are free text and are masked the same way
(phone numbers, ID numbers, emails and the customer reference).  Agents, departments and
supervisors are staff, not customers, and are shown as they are.
"""

from __future__ import annotations

import datetime as _dt
import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pendulum

from servicecodex._channels import Channel
from servicecodex._errors import PolicyError, ServiceCodexError, ValidationError
from servicecodex._i18n import N_, LabelledEnum, gettext, label_members
from servicecodex._masking import mask_text
from servicecodex._reasons import Citation, Reason, format_fact, optional_citation
from servicecodex._text import Text
from servicecodex._time import instant
from servicecodex._validate import (
    as_tuple,
    by_id,
    enum_of,
    nonblank,
    of_type,
    slug,
    tuple_of,
    unique,
    user_input,
)

__all__ = [
    "Case",
    "CaseCategory",
    "CaseClosedError",
    "CaseError",
    "CaseEvent",
    "CaseEventKind",
    "CaseRules",
    "Contact",
    "Direction",
    "PlaybookStep",
    "TransitionError",
    "UnknownChoiceError",
    "Workflow",
    "WorkflowStep",
]


# Errors ------------------------------------------------------------------------------------


class CaseError(ValidationError):
    """A change to a case that its rules refuse.  :attr:`case_id` names the case,
    :attr:`cite` (and :attr:`rule_id`) the rule broken, when one is cited."""

    def __init__(
        self,
        case_id: str,
        field: str,
        value: object,
        problem: str,
        cite: Citation | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        self.case_id = case_id
        self.cite = cite
        self.rule_id = None if cite is None else cite.rule_id
        rule = "" if cite is None else f" [{cite.rule_id}]"
        ServiceCodexError.__init__(
            self, f"case {case_id!r}, {field}: {problem} (got {value!r}){rule}"
        )


class UnknownChoiceError(CaseError, LookupError):
    """A channel, category, step or option the case's rules do not know.
    :attr:`known` lists the ones they do (also in the message)."""

    def __init__(
        self,
        case_id: str,
        field: str,
        value: object,
        known: Iterable[str],
        cite: Citation | None = None,
    ) -> None:
        self.known = tuple(known)
        super().__init__(
            case_id, field, value, f"unknown; known: {', '.join(self.known) or 'none'}", cite
        )


class TransitionError(CaseError):
    """A workflow step the case may not move to from where it is.  :attr:`current` is the
    step it is at, :attr:`wanted` the refused one, :attr:`allowed` the ids it may move to
    (``"close"`` when it may close)."""

    def __init__(
        self,
        case_id: str,
        current: str,
        wanted: str,
        allowed: Iterable[str],
        cite: Citation,
    ) -> None:
        self.current = current
        self.wanted = wanted
        self.allowed = tuple(allowed)
        super().__init__(
            case_id,
            "Case.step",
            wanted,
            f"cannot go from {current!r} to {wanted!r}; "
            f"allowed next: {', '.join(self.allowed) or 'none'}",
            cite,
        )


class CaseClosedError(CaseError):
    """A change to a case that is already closed."""


for _error in (CaseError, UnknownChoiceError, TransitionError, CaseClosedError):
    _error.__module__ = "servicecodex"
del _error


# Contacts ----------------------------------------------------------------------------------


class Direction(LabelledEnum):
    """Who started a contact: the customer (inbound) or the organisation (outbound)."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"


label_members({Direction.INBOUND: N_("inbound"), Direction.OUTBOUND: N_("outbound")})

_text = user_input(nonblank)


def _contact_channel(value: object) -> Channel:
    if isinstance(value, Channel):
        return value
    try:
        return Channel(value)
    except ValueError:
        known = ", ".join(c.value for c in Channel)
        raise ValidationError("Contact.channel", value, f"unknown; known: {known}") from None


def _contact_at(value: object) -> pendulum.DateTime:
    return instant(value, "Contact.at")


def _direction(value: object) -> Direction:
    return enum_of(Direction, "Contact.direction", ValidationError)(value)


def _span(value: object, field: str) -> _dt.timedelta:
    if not isinstance(value, _dt.timedelta):
        raise ValidationError(field, value, "expected a timedelta")
    if value < _dt.timedelta(0):
        raise ValidationError(field, value, "cannot be negative")
    return value


def _handling(value: object) -> _dt.timedelta:
    return _span(value, "Contact.handling")


def _wait(value: object) -> _dt.timedelta | None:
    return None if value is None else _span(value, "Contact.wait")


@attrs.frozen
class Contact:
    """One inbound or outbound interaction with a customer.

    *at* is when it started (timezone-aware), *handling* how long the agent spent on it
    (zero or more), *wait* how long the customer waited before it was answered (for a
    phone call the ringing time, checked against ring targets), if measured.
    *customer* is the customer reference (a name, a phone number, a Wangwang id …) and is
    personal data; see the module notes on masking.

    >>> import datetime
    >>> call = Contact("c1", "phone", pendulum.datetime(2026, 3, 2, 9, tz="Asia/Shanghai"),
    ...                agent="li", customer="王女士", handling=datetime.timedelta(minutes=4))
    >>> call.channel, call.direction, call.ends_at.isoformat()
    (<Channel.PHONE: 'phone'>, <Direction.INBOUND: 'inbound'>, '2026-03-02T09:04:00+08:00')
    """

    id: str = attrs.field(validator=_text)
    channel: Channel = attrs.field(converter=_contact_channel)
    at: pendulum.DateTime = attrs.field(converter=_contact_at)
    agent: str = attrs.field(validator=_text)
    customer: str = attrs.field(validator=_text)
    content: str = attrs.field(default="", validator=user_input(of_type(str)))
    direction: Direction = attrs.field(default=Direction.INBOUND, converter=_direction)
    handling: _dt.timedelta = attrs.field(default=_dt.timedelta(0), converter=_handling)
    wait: _dt.timedelta | None = attrs.field(default=None, converter=_wait)

    @property
    def ends_at(self) -> pendulum.DateTime:
        """When the agent finished with it: *at* plus *handling*."""
        return self.at + self.handling

    def to_dict(self, reveal: bool = False) -> dict[str, Any]:
        """The contact as plain JSON data; customer data masked unless *reveal*."""
        return {
            "id": self.id,
            "channel": self.channel.value,
            "at": self.at.isoformat(),
            "agent": self.agent,
            "customer": _customer(self.customer, reveal),
            "content": _free(self.content, self.customer, reveal),
            "direction": self.direction.value,
            "handling": int(self.handling.total_seconds()),
            "wait": None if self.wait is None else int(self.wait.total_seconds()),
        }


def _customer(customer: str, reveal: bool) -> str:
    return customer if reveal else mask_text(customer, known=(customer,))


def _free(text: str, customer: str, reveal: bool) -> str:
    return text if reveal or not text else mask_text(text, known=(customer,))


# Categories and playbooks ------------------------------------------------------------------


def _options(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[object, ...]
) -> None:
    for option in value:
        slug(instance, attribute, option)
    unique(value, lambda o: o, "PlaybookStep.options")


@attrs.frozen
class PlaybookStep:
    """One step a category's playbook prescribes: apologise, check the chat record, ask
    for photos, resolve by one of *options* ("compensate", "return", "resend" …).

    A step with *options* is taken by choosing one of them.  A step that is *required*
    is listed by :meth:`Case.review` until it is taken; a conditional one ("if the buyer
    signed for it, ask for photos", TB-74) is ``required=False``.
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    options: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=_options)
    required: bool = attrs.field(default=True, validator=of_type(bool))

    def localize(self, locale: str = "en") -> str:
        """The step's name in *locale* (so that a step can be a fact of a reason)."""
        return self.name.localize(locale)


@attrs.frozen
class CaseCategory:
    """A kind of matter (TB-72 少發貨缺貨, short shipment) and its prescribed playbook.
    A *major* category is a major matter: it must be escalated to the supervisor where
    the rules cite that (EH-11)."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    playbook: tuple[PlaybookStep, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(PlaybookStep)
    )
    major: bool = attrs.field(default=False, validator=of_type(bool))

    def __attrs_post_init__(self) -> None:
        unique(self.playbook, lambda s: s.id, "CaseCategory.playbook")

    def localize(self, locale: str = "en") -> str:
        """The category's name in *locale*."""
        return self.name.localize(locale)

    def describe(self) -> Reason:
        """The category and its playbook in words."""
        if not self.playbook:
            return Reason(self.cite, N_("{category}: no prescribed playbook"), {"category": self})
        return Reason(
            self.cite,
            N_("{category}: {steps}"),
            {"category": self, "steps": self.playbook},
        )


# Workflow ----------------------------------------------------------------------------------


@attrs.frozen
class WorkflowStep:
    """One step of a case workflow (JW-15 分配, assign)."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))

    def localize(self, locale: str = "en") -> str:
        """The step's name in *locale*."""
        return self.name.localize(locale)


def _jumps(value: object, field: str) -> Mapping[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise PolicyError(field, value, "expected a mapping step id -> step ids")
    out: dict[str, tuple[str, ...]] = {}
    for key, targets in value.items():
        if isinstance(targets, str):
            targets = (targets,)
        out[key] = tuple(targets)
    return types.MappingProxyType(out)


def _back(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    return _jumps(value, "Workflow.back")


def _skip(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    return _jumps(value, "Workflow.skip")


#: What :attr:`TransitionError.allowed` lists when the case may close.
CLOSE = "close"


@attrs.frozen
class Workflow:
    """The steps of a case, in order, and the moves allowed between them.

    A case starts at the first step and moves forward one step at a time; it goes back
    (*back*: step id -> the earlier step ids it may return to) or skips ahead (*skip*:
    step id -> the later step ids it may jump to) only where declared.  It closes only
    from the last step and, when *summary_cite* is given, only with a non-blank summary
    (JW-15 總結, JW-20 總結經驗).

    >>> jw15 = Workflow(
    ...     [WorkflowStep("intake", Text(en="intake", zh_Hant="接單")),
    ...      WorkflowStep("assign", Text(en="assign", zh_Hant="分配")),
    ...      WorkflowStep("handle", Text(en="handle", zh_Hant="處理"))],
    ...     Citation("JW-15", "000 篇3 第六條"))
    >>> [s.id for s in jw15.next_steps("assign")], jw15.allows("intake", "handle")
    (['handle'], False)
    >>> jw15.describe().explain("en")
    'Case workflow: intake, assign, and handle (JW-15)'
    """

    steps: tuple[WorkflowStep, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(WorkflowStep, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))
    summary_cite: Citation | None = attrs.field(default=None, validator=optional_citation)
    back: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_back, hash=False)
    skip: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_skip, hash=False)

    def __attrs_post_init__(self) -> None:
        unique(self.steps, lambda s: s.id, "Workflow.steps")
        for field, jumps, earlier in (("back", self.back, True), ("skip", self.skip, False)):
            for source, targets in jumps.items():
                start = self._position(source, f"Workflow.{field}", PolicyError)
                for target in targets:
                    end = self._position(target, f"Workflow.{field}[{source}]", PolicyError)
                    if earlier and end >= start:
                        raise PolicyError(f"Workflow.back[{source}]", target, "not an earlier step")
                    if not earlier and end <= start + 1:
                        raise PolicyError(
                            f"Workflow.skip[{source}]",
                            target,
                            "not a later step beyond the next one",
                        )

    def index(self, step_id: str) -> int:
        """The position of step *step_id*; an unknown id raises listing the known ones."""
        return self._position(step_id, "step", ValidationError)

    def _position(self, step_id: object, field: str, error: type[ValidationError]) -> int:
        for i, step in enumerate(self.steps):
            if step.id == step_id:
                return i
        raise error(field, step_id, f"unknown step; known: {', '.join(s.id for s in self.steps)}")

    def step(self, step_id: str) -> WorkflowStep:
        """The step *step_id*."""
        return self.steps[self.index(step_id)]

    @property
    def first(self) -> WorkflowStep:
        """Where every case starts."""
        return self.steps[0]

    @property
    def last(self) -> WorkflowStep:
        """The step a case closes from."""
        return self.steps[-1]

    def next_steps(self, step_id: str) -> tuple[WorkflowStep, ...]:
        """The steps a case at *step_id* may move to, in workflow order."""
        i = self.index(step_id)
        ids = {*self.back.get(step_id, ()), *self.skip.get(step_id, ())}
        if i + 1 < len(self.steps):
            ids.add(self.steps[i + 1].id)
        return tuple(s for s in self.steps if s.id in ids)

    def allows(self, source: str, target: str) -> bool:
        """Whether a case may move from *source* to *target*."""
        return any(s.id == target for s in self.next_steps(source))

    def describe(self) -> Reason:
        """The steps in words."""
        return Reason(self.cite, N_("Case workflow: {steps}"), {"steps": self.steps})


# Rules -------------------------------------------------------------------------------------


@attrs.frozen
class CaseRules:
    """What a case follows: the channels served, the categories, the workflow, and the
    rules checked when cited:

    * *ownership*: first-contact ownership (首问负责制, CC-11, EH-07): the agent first asked
      owns the case until a recorded transfer; :meth:`Case.review` lists contacts handled
      by someone else;
    * *transfer*: a transfer to another department or person is registered with its reason
      (CC-13, EH-10); a transfer always needs a reason, this is the rule cited when it
      lacks one;
    * *major*: major matters are reported to the supervisor at once (EH-11, EH-16, GM-07);
      :meth:`Case.review` lists major cases not escalated.

    An organisation that names no categories still gives one (e.g. JW-18's complaint
    about products, services or staff), so that every case has a category.
    """

    channels: tuple[Channel, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Channel, nonempty=True)
    )
    categories: tuple[CaseCategory, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(CaseCategory, nonempty=True)
    )
    workflow: Workflow = attrs.field(validator=of_type(Workflow))
    ownership: Citation | None = attrs.field(default=None, validator=optional_citation)
    transfer: Citation | None = attrs.field(default=None, validator=optional_citation)
    major: Citation | None = attrs.field(default=None, validator=optional_citation)

    def __attrs_post_init__(self) -> None:
        unique(self.channels, lambda c: c, "CaseRules.channels")
        unique(self.categories, lambda c: c.id, "CaseRules.categories")

    def category(self, category_id: str) -> CaseCategory:
        """The category *category_id*; unknown ids raise listing the known ones."""
        return by_id(
            self.categories, lambda c: c.id, category_id, "CaseRules.categories", ValidationError
        )

    def describe(self) -> list[Reason]:
        """The workflow, the categories and the rules cited, in words."""
        out = [self.workflow.describe()]
        if self.workflow.summary_cite is not None:
            out.append(
                Reason(self.workflow.summary_cite, N_("a case closes with a written summary"), {})
            )
        out += [c.describe() for c in self.categories]
        for cite, message in (
            (self.ownership, N_("the agent first asked owns the case until it is transferred")),
            (self.transfer, N_("a transfer is registered with its reason")),
            (self.major, N_("major matters are escalated to the supervisor at once")),
        ):
            if cite is not None:
                out.append(Reason(cite, message, {}))
        return out


# Cases -------------------------------------------------------------------------------------


class CaseEventKind(LabelledEnum):
    """What happened to a case."""

    OPENED = "opened"
    CONTACT = "contact"
    ADVANCED = "advanced"
    PLAYBOOK = "playbook"
    TRANSFERRED = "transferred"
    ESCALATED = "escalated"
    WAITING = "waiting"
    RESUMED = "resumed"
    CLOSED = "closed"


label_members(
    {
        CaseEventKind.OPENED: N_("opened"),
        CaseEventKind.CONTACT: N_("contact"),
        CaseEventKind.ADVANCED: N_("moved on"),
        CaseEventKind.PLAYBOOK: N_("playbook step"),
        CaseEventKind.TRANSFERRED: N_("transferred"),
        CaseEventKind.ESCALATED: N_("escalated"),
        CaseEventKind.WAITING: N_("waiting on the customer"),
        CaseEventKind.RESUMED: N_("resumed"),
        CaseEventKind.CLOSED: N_("closed"),
    }
)


def _event_at(value: object) -> pendulum.DateTime:
    return instant(value, "CaseEvent.at")


@attrs.frozen
class CaseEvent:
    """One entry of a case's history.

    * OPENED: *step* is the first workflow step, *by* the owner;
    * CONTACT: *contact* is the contact's id, *by* its agent;
    * ADVANCED: *step* is the step entered, *previous* the step left, *note* the note;
    * PLAYBOOK: *step* is the playbook step taken, *option* the option chosen;
    * TRANSFERRED: *to* is the new owner, *previous* the old one, *department* where the
      case went, *note* the reason;
    * ESCALATED: *to* is the supervisor, *note* the reason;
    * WAITING / RESUMED: the case starts / stops waiting on the customer; a RESUMED with
      no *by* was caused by the customer's inbound contact *contact*;
    * CLOSED: *note* is the summary.
    """

    kind: CaseEventKind = attrs.field(validator=of_type(CaseEventKind))
    at: pendulum.DateTime = attrs.field(converter=_event_at)
    by: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    note: str = attrs.field(default="", validator=of_type(str))
    step: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    option: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    to: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    previous: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    department: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    contact: str | None = attrs.field(default=None, validator=of_type(str, optional=True))

    def to_dict(self, customer: str, reveal: bool = False) -> dict[str, Any]:
        """The event as plain JSON data; the note masked (given the case's *customer*)
        unless *reveal*."""
        return {
            "kind": self.kind.value,
            "at": self.at.isoformat(),
            "by": self.by,
            "note": _free(self.note, customer, reveal),
            "step": self.step,
            "option": self.option,
            "to": self.to,
            "previous": self.previous,
            "department": self.department,
            "contact": self.contact,
        }


def _case_at(value: object) -> pendulum.DateTime:
    return instant(value, "Case.opened_at")


def _closed_at(value: object) -> pendulum.DateTime | None:
    return None if value is None else instant(value, "Case.closed_at")


Interval = tuple[pendulum.DateTime, pendulum.DateTime]


@attrs.frozen
class Case:
    """A matter raised by a customer and every contact about it; a frozen value.

    Open a case with :meth:`open`; every change (:meth:`add_contact`, :meth:`advance`,
    :meth:`take`, :meth:`transfer`, :meth:`escalate`, :meth:`wait_on_customer`,
    :meth:`resume`, :meth:`close`) returns a new case with one more event in
    :attr:`history`.  A refused change raises a :class:`CaseError`.  (Build cases with
    :meth:`open`, not the constructor: only the methods keep the history consistent.)

    >>> from servicecodex._channels import Channel
    >>> cite = Citation("JW-15", "000 篇3 第六條")
    >>> names = [("intake", "接單"), ("assign", "分配"), ("handle", "處理"),
    ...          ("reply", "回復"), ("summarise", "總結")]
    >>> workflow = Workflow([WorkflowStep(i, Text(en=i, zh_Hant=n)) for i, n in names],
    ...                     cite, summary_cite=cite)
    >>> complaint = CaseCategory("complaint", Text(en="complaint", zh_Hant="投訴"),
    ...                          Citation("JW-18", "000 篇1 第十二條"))
    >>> rules = CaseRules([Channel.PHONE, Channel.EMAIL], [complaint], workflow)
    >>> at = pendulum.datetime(2026, 3, 2, 9, tz="Asia/Shanghai")
    >>> case = Case.open(rules, "JW-0302-1", "complaint", "phone", "陳先生", "li", at)
    >>> case = case.advance("assign", at.add(minutes=5), by="li", note="to the warehouse")
    >>> case.step.id
    'assign'
    >>> case.advance("reply", at.add(minutes=6), by="li")
    Traceback (most recent call last):
    ...
    servicecodex.TransitionError: case 'JW-0302-1', Case.step: cannot go from 'assign' to 'reply'; allowed next: handle (got 'reply') [JW-15]
    >>> for step in ("handle", "reply", "summarise"):
    ...     case = case.advance(step, at.add(hours=2), by="li")
    >>> case = case.close(at.add(hours=3), by="li", summary="wrong size shipped; resent")
    >>> case.closed_at.isoformat(), [e.kind.value for e in case.history][-2:]
    ('2026-03-02T12:00:00+08:00', ['advanced', 'closed'])
    """

    rules: CaseRules = attrs.field(validator=of_type(CaseRules))
    id: str = attrs.field(validator=_text)
    category: CaseCategory = attrs.field(validator=of_type(CaseCategory))
    channel: Channel = attrs.field(validator=of_type(Channel))
    customer: str = attrs.field(validator=_text)
    owner: str = attrs.field(validator=_text)
    opened_at: pendulum.DateTime = attrs.field(converter=_case_at)
    step: WorkflowStep = attrs.field(validator=of_type(WorkflowStep))
    major: bool = attrs.field(default=False, validator=of_type(bool))
    contacts: tuple[Contact, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Contact)
    )
    history: tuple[CaseEvent, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(CaseEvent)
    )
    closed_at: pendulum.DateTime | None = attrs.field(default=None, converter=_closed_at)
    summary: str = attrs.field(default="", validator=of_type(str))

    # Opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        rules: CaseRules,
        id: str,
        category: str,
        channel: Channel | str,
        customer: str,
        owner: str,
        at: _dt.datetime,
        contact: Contact | None = None,
        major: bool | None = None,
    ) -> Case:
        """A new case *id* at the workflow's first step, owned by *owner* (the agent first
        asked), opened *at*; *contact* is the contact that raised it, if recorded (it may
        not start before *at*).  *major* marks a major matter; by default the category
        says whether it is one.  An unknown category or a channel the rules do not serve
        raises :class:`UnknownChoiceError` listing the known ones."""
        if not isinstance(rules, CaseRules):
            raise ValidationError("rules", rules, "expected CaseRules")
        if not isinstance(id, str) or not id.strip():
            raise ValidationError("Case.id", id, "must be a non-blank str")
        if not isinstance(category, str):
            raise ValidationError("Case.category", category, "expected a category id")
        found = next((c for c in rules.categories if c.id == category), None)
        if found is None:
            raise UnknownChoiceError(
                id, "Case.category", category, [c.id for c in rules.categories]
            )
        if major is not None and not isinstance(major, bool):
            raise ValidationError("Case.major", major, "expected a bool or None")
        when = instant(at, "Case.opened_at")
        case = cls(
            rules=rules,
            id=id,
            category=found,
            channel=_served(rules, id, channel, "Case.channel"),
            customer=customer,
            owner=owner,
            opened_at=when,
            step=rules.workflow.first,
            major=found.major if major is None else major,
            history=(
                CaseEvent(CaseEventKind.OPENED, when, by=owner, step=rules.workflow.first.id),
            ),
        )
        return case if contact is None else case.add_contact(contact)

    # Read side -------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether the case is closed."""
        return self.closed_at is not None

    @property
    def transfers(self) -> tuple[CaseEvent, ...]:
        """Every transfer, in order (*to* the new owner, *previous* the old one)."""
        return self._events(CaseEventKind.TRANSFERRED)

    @property
    def escalations(self) -> tuple[CaseEvent, ...]:
        """Every escalation, in order (*to* the supervisor)."""
        return self._events(CaseEventKind.ESCALATED)

    @property
    def escalated_at(self) -> pendulum.DateTime | None:
        """When the case was first escalated, if it was."""
        escalations = self.escalations
        return escalations[0].at if escalations else None

    @property
    def taken(self) -> tuple[CaseEvent, ...]:
        """Every playbook step taken, in order (*step*, *option*)."""
        return self._events(CaseEventKind.PLAYBOOK)

    @property
    def waiting(self) -> bool:
        """Whether the case is waiting on the customer now."""
        for event in reversed(self.history):
            if event.kind is CaseEventKind.WAITING:
                return True
            if event.kind is CaseEventKind.RESUMED:
                return False
        return False

    @property
    def last_at(self) -> pendulum.DateTime:
        """When the latest event happened: changes may not be dated before it."""
        return self.history[-1].at if self.history else self.opened_at

    def waiting_periods(self, until: _dt.datetime) -> tuple[Interval, ...]:
        """The intervals during which the case waited on the customer, up to *until*: an
        open wait ends at *until* (or when the case closed, if earlier); waits starting
        at or after *until* are left out.  For the service-level clocks, which stop while
        the case waits."""
        end = instant(until, "until")
        out: list[Interval] = []
        start: pendulum.DateTime | None = None
        for event in self.history:
            if event.kind is CaseEventKind.WAITING and start is None:
                start = event.at
            elif event.kind in (CaseEventKind.RESUMED, CaseEventKind.CLOSED) and start is not None:
                out.append((start, event.at))
                start = None
        if start is not None:
            out.append((start, end))
        return tuple((a, min(b, end)) for a, b in out if a < end)

    def owner_at(self, at: _dt.datetime) -> str:
        """Who owned the case at *at*: the first owner, then each transfer's new owner."""
        when = instant(at, "at")
        owner = self.history[0].by if self.history and self.history[0].by else self.owner
        for event in self.transfers:
            if event.at <= when and event.to is not None:
                owner = event.to
        return owner

    def _events(self, kind: CaseEventKind) -> tuple[CaseEvent, ...]:
        return tuple(e for e in self.history if e.kind is kind)

    # Write side ------------------------------------------------------------------------

    def _check(self, at: object, field: str, what: str) -> pendulum.DateTime:
        """*at* as an instant a change may be dated: the case is open, *at* is not before
        it opened nor before its latest event."""
        when = instant(at, field)
        if self.closed:
            raise CaseClosedError(
                self.id, field, when, f"the case closed at {self.closed_at}; it cannot {what}"
            )
        if when < self.opened_at:
            raise CaseError(self.id, field, when, f"is before the case opened at {self.opened_at}")
        if when < self.last_at:
            raise CaseError(
                self.id,
                field,
                when,
                f"out of time order: the case's latest event is at {self.last_at}",
            )
        return when

    def _by(self, by: object, field: str) -> str:
        if not isinstance(by, str) or not by.strip():
            raise CaseError(self.id, field, by, "name who does it (a non-blank str)")
        return by

    def _append(self, *events: CaseEvent, **changes: Any) -> Case:
        return attrs.evolve(self, history=(*self.history, *events), **changes)

    def add_contact(self, contact: Contact) -> Case:
        """Record *contact*.  It may not start before the case opened or before the
        latest event, must be with the case's customer, on a channel the rules serve, and
        have an id new to the case.  An inbound contact ends a wait on the customer."""
        if not isinstance(contact, Contact):
            raise ValidationError("contact", contact, "expected a Contact")
        when = self._check(contact.at, "Contact.at", "take contacts")
        _served(self.rules, self.id, contact.channel, "Contact.channel")
        if contact.customer != self.customer:
            raise CaseError(
                self.id,
                "Contact.customer",
                "(masked)",
                "the contact is with another customer than the case's",
            )
        if any(c.id == contact.id for c in self.contacts):
            raise CaseError(self.id, "Contact.id", contact.id, "the case already has this contact")
        events = [CaseEvent(CaseEventKind.CONTACT, when, by=contact.agent, contact=contact.id)]
        if contact.direction is Direction.INBOUND and self.waiting:
            events.append(CaseEvent(CaseEventKind.RESUMED, when, contact=contact.id))
        return self._append(*events, contacts=(*self.contacts, contact))

    def advance(self, step_id: str, at: _dt.datetime, by: str, note: str = "") -> Case:
        """Move to workflow step *step_id*.  The workflow allows the next step, and the
        earlier or later steps it declares; anything else raises :class:`TransitionError`
        naming the allowed next steps."""
        when = self._check(at, "Case.advance.at", "move on")
        who = self._by(by, "Case.advance.by")
        if not isinstance(note, str):
            raise ValidationError("Case.advance.note", note, "expected a str")
        workflow = self.rules.workflow
        target = next((s for s in workflow.steps if s.id == step_id), None)
        if target is None:
            raise UnknownChoiceError(
                self.id, "Case.step", step_id, [s.id for s in workflow.steps], workflow.cite
            )
        if not workflow.allows(self.step.id, step_id):
            raise TransitionError(self.id, self.step.id, step_id, self._allowed(), workflow.cite)
        event = CaseEvent(
            CaseEventKind.ADVANCED, when, by=who, note=note, step=step_id, previous=self.step.id
        )
        return self._append(event, step=target)

    def _allowed(self) -> tuple[str, ...]:
        allowed = [s.id for s in self.rules.workflow.next_steps(self.step.id)]
        if self.step == self.rules.workflow.last:
            allowed.append(CLOSE)
        return tuple(allowed)

    def take(self, step_id: str, at: _dt.datetime, by: str, option: str | None = None) -> Case:
        """Record playbook step *step_id* of the case's category as taken; a step with
        options is taken with one of them (*option*)."""
        when = self._check(at, "Case.take.at", "take playbook steps")
        who = self._by(by, "Case.take.by")
        category = self.category
        step = next((s for s in category.playbook if s.id == step_id), None)
        if step is None:
            raise UnknownChoiceError(
                self.id,
                "Case.take.step",
                step_id,
                [s.id for s in category.playbook],
                category.cite,
            )
        if step.options and option is None:
            raise CaseError(
                self.id,
                "Case.take.option",
                option,
                f"step {step.id!r} is taken with one of: {', '.join(step.options)}",
                step.cite,
            )
        if not step.options and option is not None:
            raise CaseError(
                self.id, "Case.take.option", option, f"step {step.id!r} has no options", step.cite
            )
        if option is not None and option not in step.options:
            raise UnknownChoiceError(self.id, "Case.take.option", option, step.options, step.cite)
        event = CaseEvent(CaseEventKind.PLAYBOOK, when, by=who, step=step_id, option=option)
        return self._append(event)

    def transfer(self, to: str, department: str, reason: str, at: _dt.datetime, by: str) -> Case:
        """Hand the case over to *to* in *department*: *to* becomes the owner.  A transfer
        needs a reason (the rules' *transfer* rule is cited when it lacks one)."""
        when = self._check(at, "Case.transfer.at", "be transferred")
        who = self._by(by, "Case.transfer.by")
        cite = self.rules.transfer
        if not isinstance(reason, str) or not reason.strip():
            raise CaseError(
                self.id, "Case.transfer.reason", reason, "a transfer needs a reason", cite
            )
        if not isinstance(to, str) or not to.strip():
            raise CaseError(self.id, "Case.transfer.to", to, "name who takes the case over", cite)
        if not isinstance(department, str) or not department.strip():
            raise CaseError(
                self.id, "Case.transfer.department", department, "name the department", cite
            )
        if to == self.owner:
            raise CaseError(self.id, "Case.transfer.to", to, "already owns the case", cite)
        event = CaseEvent(
            CaseEventKind.TRANSFERRED,
            when,
            by=who,
            note=reason,
            to=to,
            previous=self.owner,
            department=department,
        )
        return self._append(event, owner=to)

    def escalate(self, to: str, at: _dt.datetime, by: str, reason: str) -> Case:
        """Report the case to the supervisor *to* (EH-11, EH-16) with *reason*, stating the
        matter and the handling proposed.  The owner does not change."""
        when = self._check(at, "Case.escalate.at", "be escalated")
        who = self._by(by, "Case.escalate.by")
        cite = self.rules.major
        if not isinstance(to, str) or not to.strip():
            raise CaseError(self.id, "Case.escalate.to", to, "name the supervisor", cite)
        if not isinstance(reason, str) or not reason.strip():
            raise CaseError(
                self.id, "Case.escalate.reason", reason, "an escalation needs a reason", cite
            )
        return self._append(CaseEvent(CaseEventKind.ESCALATED, when, by=who, note=reason, to=to))

    def wait_on_customer(self, at: _dt.datetime, by: str | None = None, note: str = "") -> Case:
        """Start waiting on the customer (for photos, a reply …): the service-level clocks
        stop until :meth:`resume` or the customer's next inbound contact."""
        when = self._check(at, "Case.wait_on_customer.at", "wait on the customer")
        if self.waiting:
            raise CaseError(self.id, "Case.wait_on_customer", when, "the case is already waiting")
        who = None if by is None else self._by(by, "Case.wait_on_customer.by")
        if not isinstance(note, str):
            raise ValidationError("Case.wait_on_customer.note", note, "expected a str")
        return self._append(CaseEvent(CaseEventKind.WAITING, when, by=who, note=note))

    def resume(self, at: _dt.datetime, by: str | None = None, note: str = "") -> Case:
        """Stop waiting on the customer."""
        when = self._check(at, "Case.resume.at", "resume")
        if not self.waiting:
            raise CaseError(self.id, "Case.resume", when, "the case is not waiting")
        who = None if by is None else self._by(by, "Case.resume.by")
        if not isinstance(note, str):
            raise ValidationError("Case.resume.note", note, "expected a str")
        return self._append(CaseEvent(CaseEventKind.RESUMED, when, by=who, note=note))

    def close(self, at: _dt.datetime, by: str, summary: str = "") -> Case:
        """Close the case: only from the workflow's last step, and with a non-blank
        *summary* when the workflow requires one.  A wait on the customer ends here."""
        when = self._check(at, "Case.close.at", "close again")
        who = self._by(by, "Case.close.by")
        workflow = self.rules.workflow
        if self.step != workflow.last:
            raise TransitionError(self.id, self.step.id, CLOSE, self._allowed(), workflow.cite)
        if not isinstance(summary, str):
            raise ValidationError("Case.close.summary", summary, "expected a str")
        if workflow.summary_cite is not None and not summary.strip():
            raise CaseError(
                self.id,
                "Case.close.summary",
                summary,
                "the case closes with a written summary",
                workflow.summary_cite,
            )
        event = CaseEvent(CaseEventKind.CLOSED, when, by=who, note=summary)
        return self._append(event, closed_at=when, summary=summary)

    # Checks ----------------------------------------------------------------------------

    def review(self, at: _dt.datetime) -> list[Reason]:
        """What is wrong with the case as of *at*, without raising (changes dated after
        *at* are not seen):

        * required playbook steps of its category not taken (yet);
        * a major matter not escalated, where the rules cite that;
        * contacts handled by someone other than the owner of the moment, where the rules
          cite first-contact ownership (the supervisor the case was escalated to may
          handle contacts after the escalation).
        """
        when = instant(at, "at")
        if when < self.opened_at:
            raise CaseError(self.id, "at", when, f"is before the case opened at {self.opened_at}")
        history = [e for e in self.history if e.at <= when]
        closed = any(e.kind is CaseEventKind.CLOSED for e in history)
        out: list[Reason] = []
        taken = {e.step for e in history if e.kind is CaseEventKind.PLAYBOOK}
        for step in self.category.playbook:
            if step.required and step.id not in taken:
                out.append(
                    Reason(
                        step.cite,
                        N_("case {case} was closed without the playbook step {step}")
                        if closed
                        else N_("case {case}: the playbook step {step} is not yet taken"),
                        {"case": self.id, "step": step},
                    )
                )
        escalated = any(e.kind is CaseEventKind.ESCALATED for e in history)
        if self.major and self.rules.major is not None and not escalated:
            out.append(
                Reason(
                    self.rules.major,
                    N_("case {case} is a major matter not escalated to the supervisor"),
                    {"case": self.id},
                )
            )
        if self.rules.ownership is not None:
            owner = self.history[0].by or self.owner
            supervisors: set[str] = set()
            for event in history:
                if event.kind is CaseEventKind.TRANSFERRED and event.to is not None:
                    owner = event.to
                elif event.kind is CaseEventKind.ESCALATED and event.to is not None:
                    supervisors.add(event.to)
                elif (
                    event.kind is CaseEventKind.CONTACT
                    and event.by is not None
                    and event.by != owner
                    and event.by not in supervisors
                ):
                    out.append(
                        Reason(
                            self.rules.ownership,
                            N_(
                                "case {case}: {agent} handled the contact of {at}, but {owner} owns the case and no transfer is recorded"
                            ),
                            {"case": self.id, "agent": event.by, "at": event.at, "owner": owner},
                        )
                    )
        return out

    # Output ----------------------------------------------------------------------------

    def to_dict(self, reveal: bool = False) -> dict[str, Any]:
        """The case as plain JSON data: ids, instants in ISO 8601, durations in whole
        seconds.  Customer data (the customer reference, contents, notes, the summary) is
        masked unless *reveal* is true."""
        return {
            "id": self.id,
            "category": self.category.id,
            "channel": self.channel.value,
            "customer": _customer(self.customer, reveal),
            "owner": self.owner,
            "major": self.major,
            "step": self.step.id,
            "opened_at": self.opened_at.isoformat(),
            "closed_at": None if self.closed_at is None else self.closed_at.isoformat(),
            "escalated_at": None if self.escalated_at is None else self.escalated_at.isoformat(),
            "summary": _free(self.summary, self.customer, reveal),
            "contacts": [c.to_dict(reveal) for c in self.contacts],
            "history": [e.to_dict(self.customer, reveal) for e in self.history],
        }

    def format(self, locale: str = "en", reveal: bool = False) -> str:
        """The case as text in *locale*: its header, then its history line by line.
        Customer data is masked unless *reveal* is true."""

        def t(msgid: str, **facts: object) -> str:
            return gettext(msgid, locale).format(
                **{k: format_fact(v, locale) for k, v in facts.items()}
            )

        def free(text: str) -> str:
            return _free(text, self.customer, reveal)

        out = [
            t(
                N_("Case {case}: {category} by {channel}, customer {customer}"),
                case=self.id,
                category=self.category,
                channel=self.channel,
                customer=_customer(self.customer, reveal),
            ),
            t(
                N_("Owner: {owner} · step: {step} · major matter: {major}"),
                owner=self.owner,
                step=self.step,
                major=self.major,
            ),
        ]
        contacts = {c.id: c for c in self.contacts}
        playbook = {s.id: s for s in self.category.playbook}
        for event in self.history:
            facts: dict[str, object] = {"at": event.at, "by": event.by or "—"}
            match event.kind:
                case CaseEventKind.OPENED:
                    line = t(N_("{at} opened by {by}"), **facts)
                case CaseEventKind.CONTACT:
                    c = contacts[event.contact or ""]
                    line = t(
                        N_("{at} {direction} {channel} contact by {by}, {handling}"),
                        direction=c.direction,
                        channel=c.channel,
                        handling=c.handling,
                        **facts,
                    )
                    if c.content:
                        line += ": " + free(c.content)
                case CaseEventKind.ADVANCED:
                    line = t(
                        N_("{at} moved on to {step} by {by}"),
                        step=self.rules.workflow.step(event.step or ""),
                        **facts,
                    )
                case CaseEventKind.PLAYBOOK:
                    step = playbook[event.step or ""]
                    line = (
                        t(
                            N_("{at} {step}: {option}, by {by}"),
                            step=step,
                            option=event.option,
                            **facts,
                        )
                        if event.option
                        else t(N_("{at} {step}, by {by}"), step=step, **facts)
                    )
                case CaseEventKind.TRANSFERRED:
                    line = t(
                        N_("{at} transferred by {by} to {to} ({department})"),
                        to=event.to or "",
                        department=event.department or "",
                        **facts,
                    )
                case CaseEventKind.ESCALATED:
                    line = t(N_("{at} escalated by {by} to {to}"), to=event.to or "", **facts)
                case CaseEventKind.WAITING:
                    line = t(N_("{at} waiting on the customer"), **facts)
                case CaseEventKind.RESUMED:
                    line = t(N_("{at} resumed"), **facts)
                case CaseEventKind.CLOSED:
                    line = t(N_("{at} closed by {by}"), **facts)
            if event.note and event.kind is not CaseEventKind.CONTACT:
                line += ": " + free(event.note)
            out.append("  " + line)
        return "\n".join(out)


def _served(rules: CaseRules, case_id: str, channel: object, field: str) -> Channel:
    """*channel* (a Channel or its value) if the rules serve it; otherwise an
    :class:`UnknownChoiceError` listing the channels served."""
    known = [c.value for c in rules.channels]
    if isinstance(channel, Channel):
        found: Channel | None = channel
    else:
        found = next((c for c in Channel if c.value == channel), None)
    if found is None or found not in rules.channels:
        raise UnknownChoiceError(case_id, field, channel, known)
    return found
