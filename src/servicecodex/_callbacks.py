"""Scheduled follow-up calls (回访): the rules that set them, and the register of who was
called back, when, and whether on time.

A :class:`CallbackRule` says when a callback falls due:

* **monthly** — once per account in every calendar month (EH-13 「每月回访一次」, one
  callback per brand account per calendar month: AMB-51);
* **before** an appointment — *days* before it, give or take *tolerance* days (OP-02
  「电话提前三天左右」 = 3 days ±1, AMB-54; OP-05 the day before the home visit);
* **after** an event — *days* after it, give or take *tolerance* days (OP-06 the second
  callback after use; HD-38 the follow-up call to each day's patients).

A rule may name the *role* that makes the callback (OP-06: the dispatcher makes the first,
the CS specialist the second) and the rule whose callback must come first (*follows*).

Windows are whole calendar days in the organisation's timezone: a callback is on time when
it is made on a day of its window, wherever the agent's clock says it is.
:class:`CallbackRegister` is a frozen value: :meth:`~CallbackRegister.schedule` and
:meth:`~CallbackRegister.record` return a new register.  Its :meth:`~CallbackRegister.status`
tells, for a moment, which callbacks are upcoming, due, overdue, done, done late or done too
early, each with a cited reason.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import attrs
import pendulum

from servicecodex._calendar import zone_of
from servicecodex._errors import PolicyError, ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._masking import mask_text
from servicecodex._reasons import Citation, Days, Reason
from servicecodex._text import Text
from servicecodex._time import DateRange, Month, day, instant
from servicecodex._validate import (
    as_tuple,
    by_id,
    enum_of,
    nonblank,
    of_type,
    optional_slug,
    slug,
    tuple_of,
    unique,
    user_input,
    whole,
)

__all__ = [
    "Callback",
    "CallbackError",
    "CallbackKind",
    "CallbackRegister",
    "CallbackRoleError",
    "CallbackRule",
    "CallbackState",
    "CallbackStatus",
    "DuplicateCallbackError",
    "NotScheduledError",
]


# -- errors ----------------------------------------------------------------------------


class CallbackError(ValidationError):
    """A callback cannot be scheduled or recorded.  :attr:`rule_id` names the rule that
    refuses it, when one does."""

    def __init__(self, field: str, value: object, problem: str, rule_id: str | None = None):
        self.rule_id = rule_id
        super().__init__(field, value, problem if rule_id is None else f"{problem} ({rule_id})")


class NotScheduledError(CallbackError, LookupError):
    """A callback was recorded that the register has not scheduled."""


class DuplicateCallbackError(CallbackError):
    """A callback scheduled twice (the same rule, account and month or event), or
    recorded twice."""


class CallbackRoleError(CallbackError):
    """A callback made by someone in a role other than the one its rule names."""


# Shown as servicecodex.X in tracebacks and doctests, like the errors of _errors.
for _error in (CallbackError, NotScheduledError, DuplicateCallbackError, CallbackRoleError):
    _error.__module__ = "servicecodex"
del _error


# -- rules -----------------------------------------------------------------------------


class CallbackKind(LabelledEnum):
    """When a callback falls due."""

    MONTHLY = "monthly"  # once per account each calendar month
    BEFORE = "before"  # so many days before an appointment
    AFTER = "after"  # so many days after an event


label_members(
    {
        CallbackKind.MONTHLY: N_("once a calendar month"),
        CallbackKind.BEFORE: N_("before an appointment"),
        CallbackKind.AFTER: N_("after an event"),
    }
)


def _kind(value: object) -> CallbackKind:
    return enum_of(CallbackKind, "CallbackRule.kind")(value)


@attrs.frozen
class CallbackRule:
    """One kind of follow-up call an organisation makes.

    * ``MONTHLY``: the window is the calendar month; *days* and *tolerance* stay 0;
    * ``BEFORE``: *days* (at least 1) before the appointment's day, ± *tolerance* days;
      the window ends before the appointment's day (*tolerance* < *days*);
    * ``AFTER``: *days* after the event's day, ± *tolerance* days; the window starts no
      earlier than the event's day (*tolerance* ≤ *days*).

    *role* is the id of the role that must make the callback, *role_name* its name to
    show (the id is shown without one); *follows* the id of the rule whose callback (for
    the same customer and event) must be made first.

    >>> op = Citation("OP-02", "003 关键要点; AMB-54")
    >>> call = CallbackRule("pre-install", Text(en="Pre-installation call", zh_Hans="安装前电话"),
    ...                     op, CallbackKind.BEFORE, days=3, tolerance=1)
    >>> call.window(pendulum.date(2026, 5, 20))
    DateRange(first=Date(2026, 5, 16), last=Date(2026, 5, 18))
    >>> [r.explain("en") for r in call.describe()]
    ['Pre-installation call: 3 days before the appointment, give or take 1 day (OP-02)']
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    kind: CallbackKind = attrs.field(converter=_kind)
    days: int = attrs.field(default=0, validator=whole(0))
    tolerance: int = attrs.field(default=0, validator=whole(0))
    role: str | None = attrs.field(default=None, validator=optional_slug)
    follows: str | None = attrs.field(default=None, validator=optional_slug)
    role_name: Text | None = attrs.field(
        default=None, kw_only=True, validator=of_type(Text, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.role_name is not None and self.role is None:
            raise PolicyError("CallbackRule.role_name", self.role_name, "names no role: give role")
        if self.kind is CallbackKind.MONTHLY:
            if self.days or self.tolerance:
                raise PolicyError(
                    "CallbackRule.days",
                    (self.days, self.tolerance),
                    "a monthly callback's window is the calendar month: no days or tolerance",
                )
            if self.follows is not None:
                raise PolicyError(
                    "CallbackRule.follows", self.follows, "a monthly callback follows no other"
                )
        if self.kind is CallbackKind.BEFORE:
            if self.days < 1:
                raise PolicyError(
                    "CallbackRule.days",
                    self.days,
                    "a call before an appointment is 1 day or more before it",
                )
            if self.tolerance >= self.days:
                raise PolicyError(
                    "CallbackRule.tolerance",
                    self.tolerance,
                    f"the window would reach the appointment's day; keep it below {self.days}",
                )
        if self.kind is CallbackKind.AFTER and self.tolerance > self.days:
            raise PolicyError(
                "CallbackRule.tolerance",
                self.tolerance,
                f"the window would start before the event; at most {self.days}",
            )
        if self.follows == self.id:
            raise PolicyError(
                "CallbackRule.follows", self.follows, "a callback cannot follow itself"
            )

    def window(self, on: Month | _dt.date) -> DateRange:
        """The days on which the callback is on time: the month *on* for a monthly rule,
        or around the appointment's or event's day *on*."""
        if self.kind is CallbackKind.MONTHLY:
            if not isinstance(on, Month):
                raise ValidationError("on", on, f"a monthly callback ({self.id}) needs a Month")
            return DateRange(on.first, on.last)
        if isinstance(on, Month):
            raise ValidationError(
                "on", on, f"the callback {self.id} needs the day of the appointment or event"
            )
        nominal = day(on, "on").add(
            days=self.days if self.kind is CallbackKind.AFTER else -self.days
        )
        return DateRange(nominal.subtract(days=self.tolerance), nominal.add(days=self.tolerance))

    def describe(self) -> list[Reason]:
        """The rule in words: when the callback is due, and by whom."""
        facts: dict[str, object] = {
            "callback": self.name,
            "days": Days(self.days),
            "tolerance": Days(self.tolerance),
        }
        if self.kind is CallbackKind.MONTHLY:
            message = N_("{callback}: once per account each calendar month")
        elif self.kind is CallbackKind.BEFORE:
            message = (
                N_("{callback}: {days} before the appointment, give or take {tolerance}")
                if self.tolerance
                else N_("{callback}: {days} before the appointment")
            )
        else:
            message = (
                N_("{callback}: {days} after the event, give or take {tolerance}")
                if self.tolerance
                else N_("{callback}: {days} after the event")
            )
        found = [Reason(self.cite, message, facts)]
        if self.role is not None:
            found.append(
                Reason(
                    self.cite,
                    N_("{callback}: made by the {role}"),
                    {"callback": self.name, "role": self.role_name or self.role},
                )
            )
        if self.follows is not None:
            found.append(
                Reason(
                    self.cite,
                    N_("{callback}: only after the {first} callback is made"),
                    {"callback": self.name, "first": self.follows},
                )
            )
        return found


# -- callbacks -------------------------------------------------------------------------


class CallbackState(LabelledEnum):
    """Where a scheduled callback stands at a given moment."""

    UPCOMING = "upcoming"  # its window has not opened yet
    DUE = "due"  # its window is open and it is not made yet
    OVERDUE = "overdue"  # its window has closed and it is not made
    DONE = "done"  # made within its window
    DONE_LATE = "done_late"  # made after its window closed
    DONE_EARLY = "done_early"  # made before its window opened

    @property
    def done(self) -> bool:
        """Whether the callback is made (on time or not)."""
        return self in (CallbackState.DONE, CallbackState.DONE_LATE, CallbackState.DONE_EARLY)


label_members(
    {
        CallbackState.UPCOMING: N_("upcoming"),
        CallbackState.DUE: N_("due"),
        CallbackState.OVERDUE: N_("overdue"),
        CallbackState.DONE: N_("done"),
        CallbackState.DONE_LATE: N_("done late"),
        CallbackState.DONE_EARLY: N_("done too early"),
    }
)


def _callback_timezone(value: object) -> str:
    return zone_of(value, "Callback.timezone")


def _done_at(value: object) -> pendulum.DateTime | None:
    return None if value is None else instant(value, "Callback.done_at")


def _event(value: object) -> pendulum.Date | None:
    return None if value is None else day(value, "Callback.event")


_text = user_input(nonblank)
_optional_text = attrs.validators.optional(_text)


@attrs.frozen
class Callback:
    """One scheduled callback: the rule, the customer (or account) called back, the
    window of local days it is due in, the appointment's or event's day (``None`` for a
    monthly callback), and once made: when, by whom, in which role, with a note.

    Build callbacks with :meth:`CallbackRegister.schedule`; :meth:`status` tells where
    one stands at a moment.
    """

    id: str = attrs.field(validator=_text)
    rule: CallbackRule = attrs.field(validator=of_type(CallbackRule))
    customer: str = attrs.field(validator=_text)
    window: DateRange = attrs.field(validator=of_type(DateRange))
    timezone: str = attrs.field(converter=_callback_timezone)
    event: pendulum.Date | None = attrs.field(default=None, converter=_event)
    done_at: pendulum.DateTime | None = attrs.field(default=None, converter=_done_at)
    by: str | None = attrs.field(default=None, validator=_optional_text)
    role: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    note: str = attrs.field(default="", validator=of_type(str))

    def __attrs_post_init__(self) -> None:
        if (self.done_at is None) != (self.by is None):
            raise ValidationError("Callback.by", self.by, "a callback made names who made it")
        if (self.event is None) != (self.rule.kind is CallbackKind.MONTHLY):
            raise ValidationError(
                "Callback.event",
                self.event,
                "a monthly callback has no event; the others have one",
            )

    @property
    def due_from(self) -> pendulum.DateTime:
        """The local midnight the window opens at."""
        first = self.window.first
        return pendulum.datetime(first.year, first.month, first.day, tz=self.timezone)

    @property
    def due_until(self) -> pendulum.DateTime:
        """The local midnight the window closes at (the first moment too late)."""
        after = self.window.last.add(days=1)
        return pendulum.datetime(after.year, after.month, after.day, tz=self.timezone)

    @property
    def done(self) -> bool:
        """Whether the callback is recorded as made."""
        return self.done_at is not None

    def local_day(self, at: _dt.datetime) -> pendulum.Date:
        """The organisation's calendar day on which the instant *at* falls."""
        return instant(at, "at").in_timezone(self.timezone).date()

    def _window_fact(self) -> object:
        if self.rule.kind is CallbackKind.MONTHLY:
            return Month.of(self.window.first)
        if self.window.first == self.window.last:
            return self.window.first
        return self.window

    def status(self, at: _dt.datetime) -> CallbackStatus:
        """Where the callback stands at *at*: a callback recorded as made after *at* is
        not made yet at *at*."""
        today = self.local_day(at)
        moment = instant(at, "at")
        first, last = self.window.first, self.window.last
        facts: dict[str, object] = {
            "callback": self.rule.name,
            "customer": mask_text(self.customer),
            "window": self._window_fact(),
        }
        if self.done_at is not None and self.done_at <= moment:
            done = self.local_day(self.done_at)
            facts |= {"done": done, "agent": self.by or ""}
            if done < first:
                state, days = CallbackState.DONE_EARLY, (first - done).days
                message = N_(
                    "{callback} for {customer} was made on {done} by {agent}, {days} before its window ({window})"
                )
            elif done > last:
                state, days = CallbackState.DONE_LATE, (done - last).days
                message = N_(
                    "{callback} for {customer} was made on {done} by {agent}, {days} late ({window})"
                )
            else:
                state, days = CallbackState.DONE, 0
                message = N_(
                    "{callback} for {customer} was made on {done} by {agent}, on time ({window})"
                )
        elif today < first:
            state, days = CallbackState.UPCOMING, (first - today).days
            message = N_("{callback} for {customer} falls due in {days} ({window})")
        elif today > last:
            state, days = CallbackState.OVERDUE, (today - last).days
            message = N_("{callback} for {customer} is overdue by {days} ({window})")
        else:
            state, days = CallbackState.DUE, (last - today).days
            message = N_("{callback} for {customer} is due, {days} left ({window})")
        facts["days"] = Days(days)
        return CallbackStatus(self, state, Reason(self.rule.cite, message, facts), days)


@attrs.frozen
class CallbackStatus:
    """Where one callback stands at a moment, with the reason.

    *days* counts whole local days: until the window opens (upcoming), left in it
    after today (due), since it closed (overdue, done late), before it opened (done too
    early); 0 for a callback done on time.
    """

    callback: Callback
    state: CallbackState
    reason: Reason
    days: int = 0

    def explain(self, locale: str = "en") -> str:
        """The reason in words."""
        return self.reason.explain(locale)


# -- the register ----------------------------------------------------------------------


def _register_timezone(value: object) -> str:
    return zone_of(value, "CallbackRegister.timezone")


Ref = str | tuple[str, str]


@attrs.frozen
class CallbackRegister:
    """The callbacks an organisation has scheduled and made (回访档案), as a frozen value.

    *timezone* (an IANA name or a :class:`BusinessCalendar`) sets the calendar days of the
    windows; *rules* are the organisation's callback rules.

    EH-13: every brand account is called back once a calendar month.

    >>> eh = Citation("EH-13", "003 七.1–3; AMB-51")
    >>> monthly = CallbackRule("monthly", Text(en="Monthly callback", zh_Hans="每月回访"),
    ...                        eh, CallbackKind.MONTHLY)
    >>> register = CallbackRegister("Asia/Shanghai", [monthly])
    >>> register = register.schedule("monthly", "brand-a", Month(2026, 3))
    >>> register = register.schedule("monthly", "brand-b", Month(2026, 3))
    >>> register = register.record(("monthly", "brand-a"),
    ...     pendulum.datetime(2026, 3, 12, 10, tz="Asia/Shanghai"), by="li")
    >>> for status in register.status(pendulum.datetime(2026, 4, 2, 9, tz="Asia/Shanghai")):
    ...     print(status.state.value, "-", status.explain("en"))
    done - Monthly callback for brand-a was made on Mar 12, 2026 by li, on time (March 2026) (EH-13)
    overdue - Monthly callback for brand-b is overdue by 2 days (March 2026) (EH-13)
    >>> register.schedule("monthly", "brand-a", Month(2026, 3))
    Traceback (most recent call last):
    ...
    servicecodex.DuplicateCallbackError: schedule: brand-a already has a monthly callback scheduled for March 2026 (EH-13) (got 'monthly/brand-a/2026-03')
    """

    timezone: str = attrs.field(converter=_register_timezone)
    rules: tuple[CallbackRule, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(CallbackRule, nonempty=True)
    )
    callbacks: tuple[Callback, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Callback)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.rules, lambda r: r.id, "CallbackRegister.rules")
        ids = {r.id for r in self.rules}
        for rule in self.rules:
            if rule.follows is not None and rule.follows not in ids:
                raise PolicyError(
                    "CallbackRule.follows",
                    rule.follows,
                    f"not a callback rule of this register; known: {', '.join(sorted(ids))}",
                )
        seen: set[str] = set()
        for callback in self.callbacks:
            if callback.id in seen:
                raise DuplicateCallbackError(
                    "CallbackRegister.callbacks", callback.id, "duplicate id"
                )
            seen.add(callback.id)
            if callback.rule not in self.rules:
                raise ValidationError(
                    "CallbackRegister.callbacks",
                    callback.id,
                    "its rule is not one of this register's",
                )
            if callback.timezone != self.timezone:
                raise ValidationError(
                    "CallbackRegister.callbacks",
                    callback.id,
                    f"scheduled in {callback.timezone}, not {self.timezone}",
                )

    # -- reading -------------------------------------------------------------------------

    def rule(self, rule: CallbackRule | str) -> CallbackRule:
        """The register's rule with that id (or equal to that rule)."""
        wanted = rule.id if isinstance(rule, CallbackRule) else rule
        known = by_id(self.rules, lambda r: r.id, wanted, "callback rule", ValidationError)
        if isinstance(rule, CallbackRule) and rule != known:
            raise ValidationError(
                "rule", rule.id, "differs from this register's rule of the same id"
            )
        return known

    def callback(self, callback_id: str) -> Callback:
        """The callback with that id."""
        for callback in self.callbacks:
            if callback.id == callback_id:
                return callback
        raise NotScheduledError("callback", callback_id, "no callback with this id is scheduled")

    def status(self, at: _dt.datetime) -> list[CallbackStatus]:
        """Every callback's status at *at*, by the start of its window (then by id).
        Callbacks recorded as made after *at* count as not made yet."""
        instant(at, "at")
        ordered = sorted(self.callbacks, key=lambda c: (c.window.first, c.id))
        return [c.status(at) for c in ordered]

    def overdue(self, at: _dt.datetime) -> list[CallbackStatus]:
        """The callbacks whose window has closed by *at* without their being made."""
        return [s for s in self.status(at) if s.state is CallbackState.OVERDUE]

    # -- writing -------------------------------------------------------------------------

    def schedule(
        self,
        rule: CallbackRule | str,
        customer: str,
        on: Month | _dt.date,
        id: str | None = None,
    ) -> CallbackRegister:
        """A new register with a callback of *rule* for *customer* scheduled.

        *on* is the :class:`Month` of a monthly callback, or the appointment's or
        event's day: a date, or an aware datetime whose day in the register's timezone
        is taken.  *id* defaults to ``rule/customer/month-or-day``.

        :raises DuplicateCallbackError: the customer already has a callback of this rule
            for that month or event, or the id is taken.
        """
        found = self.rule(rule)
        if not isinstance(customer, str) or not customer.strip():
            raise ValidationError("customer", customer, "must be a non-blank str")
        event: pendulum.Date | None = None
        if isinstance(on, _dt.datetime):
            event = instant(on, "on").in_timezone(self.timezone).date()
        elif found.kind is not CallbackKind.MONTHLY and isinstance(on, _dt.date):
            event = day(on, "on")
        window = found.window(on if event is None else event)
        key = (
            f"{window.first.year:04d}-{window.first.month:02d}"
            if found.kind is CallbackKind.MONTHLY
            else event.isoformat()  # type: ignore[union-attr]  # set for BEFORE / AFTER
        )
        callback_id = f"{found.id}/{customer}/{key}" if id is None else id
        when = Month.of(window.first) if event is None else event
        for other in self.callbacks:
            if other.rule.id == found.id and other.customer == customer and other.window == window:
                raise DuplicateCallbackError(
                    "schedule",
                    callback_id,
                    f"{customer} already has a {found.id} callback scheduled for "
                    f"{when.label('en') if isinstance(when, Month) else when.isoformat()}",
                    found.cite.rule_id,
                )
            if other.id == callback_id:
                raise DuplicateCallbackError(
                    "id", callback_id, "a callback with this id is scheduled"
                )
        new = Callback(callback_id, found, customer, window, self.timezone, event=event)
        return attrs.evolve(self, callbacks=(*self.callbacks, new))

    def schedule_all(
        self, rules: Iterable[CallbackRule | str], customer: str, on: Month | _dt.date
    ) -> CallbackRegister:
        """:meth:`schedule` for each of *rules* (e.g. the calls 3 days and 1 day before
        one installation)."""
        register = self
        for rule in rules:
            register = register.schedule(rule, customer, on)
        return register

    def _find(self, ref: Ref, at: pendulum.DateTime) -> Callback:
        if isinstance(ref, str):
            return self.callback(ref)
        if (
            not isinstance(ref, tuple)
            or len(ref) != 2
            or not all(isinstance(part, str) for part in ref)
        ):
            raise ValidationError(
                "callback", ref, "give a callback id or a (rule id, customer) pair"
            )
        rule_id, customer = ref
        found = self.rule(rule_id)
        mine = [c for c in self.callbacks if c.rule.id == found.id and c.customer == customer]
        if not mine:
            raise NotScheduledError(
                "callback",
                ref,
                f"no {found.id} callback is scheduled for {customer}",
                found.cite.rule_id,
            )
        open_ = [c for c in mine if not c.done]
        if not open_:
            raise DuplicateCallbackError(
                "callback",
                ref,
                f"every {found.id} callback scheduled for {customer} is already recorded",
                found.cite.rule_id,
            )
        if len(open_) == 1:
            return open_[0]
        today = at.in_timezone(self.timezone).date()
        current = [c for c in open_ if c.window.first <= today <= c.window.last]
        if len(current) == 1:
            return current[0]
        raise CallbackError(
            "callback",
            ref,
            f"several callbacks match; give the id: {', '.join(c.id for c in open_)}",
        )

    def record(
        self,
        ref: Ref,
        at: _dt.datetime,
        by: str,
        role: str | None = None,
        note: str = "",
    ) -> CallbackRegister:
        """A new register with a callback recorded as made at *at* by *by* (in *role*).

        *ref* is the callback's id, or a ``(rule id, customer)`` pair: the one callback of
        that rule for that customer not yet made (if several are open, the one whose window
        holds *at*'s day).  A callback made outside its window is recorded; its status says
        it was late or early.

        :raises NotScheduledError: nothing of the kind is scheduled.
        :raises DuplicateCallbackError: the callback is already recorded.
        :raises CallbackRoleError: the rule names a role and *role* is another or missing.
        :raises CallbackError: the callback the rule follows is not made by *at*.
        :raises NaiveDateTimeError: *at* has no timezone.
        """
        moment = instant(at, "at")
        if not isinstance(by, str) or not by.strip():
            raise ValidationError("by", by, "name the agent who made the callback")
        if role is not None and not isinstance(role, str):
            raise ValidationError("role", role, "a role id, or None")
        if not isinstance(note, str):
            raise ValidationError("note", note, "a str")
        callback = self._find(ref, moment)
        rule = callback.rule
        if callback.done_at is not None:
            raise DuplicateCallbackError(
                "callback",
                callback.id,
                f"already recorded as made at {callback.done_at.isoformat()} by {callback.by}",
                rule.cite.rule_id,
            )
        if rule.role is not None and role != rule.role:
            raise CallbackRoleError(
                "role",
                role,
                f"the {rule.id} callback is made by the {rule.role}",
                rule.cite.rule_id,
            )
        if rule.follows is not None:
            first = [
                c
                for c in self.callbacks
                if c.rule.id == rule.follows
                and c.customer == callback.customer
                and c.event == callback.event
            ]
            if not any(c.done_at is not None and c.done_at <= moment for c in first):
                raise CallbackError(
                    "callback",
                    callback.id,
                    f"the {rule.follows} callback for {callback.customer} is not made yet; "
                    f"it comes first",
                    rule.cite.rule_id,
                )
        made = attrs.evolve(callback, done_at=moment, by=by, role=role, note=note)
        return attrs.evolve(
            self, callbacks=tuple(made if c is callback else c for c in self.callbacks)
        )
