"""Penalty schedules: what each violation costs, and what it leads to.

A :class:`PenaltyRule` names a violation code and what one occurrence brings: a fine of
one of four kinds, deduction points within an allowed range, and/or a consequence
(warning, demotion, dismissal).  The schedule may add limits across violations: so many
points within a rolling window, or so many warnings, and the agent is let go.

:meth:`PenaltySchedule.assess` turns an agent's violations for a period into an
:class:`Assessment`: each fine and consequence with its reason ("occurrence 3 in March
2026, ¥50.00 × 2^2 = ¥200.00 (TB-39)").  Occurrences are counted per calendar period of
the fine's kind (AMB-31: the doubling restarts each month), in the organisation's
timezone.  Pass the :class:`~servicecodex.Ledger` rather than a list so that earlier
occurrences (earlier in the month, earlier in the points window) count.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from decimal import Decimal

import attrs

from servicecodex._calendar import BusinessCalendar
from servicecodex._errors import PolicyError, ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._inspection import InspectionChecklist
from servicecodex._money import Money, to_amount
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._time import DateRange, Period, PeriodKind
from servicecodex._validate import as_tuple, by_id, currency, of_type, slug, tuple_of, unique
from servicecodex._violations import Ledger, Violation

__all__ = [
    "Assessment",
    "BatchFine",
    "Consequence",
    "ConsequenceLine",
    "DoublingFine",
    "FineLine",
    "FixedFine",
    "PenaltyRule",
    "PenaltySchedule",
    "PointsLimit",
    "PointsRange",
    "ThresholdFine",
    "WarningLimit",
]


class Consequence(LabelledEnum):
    """What a violation, or an accumulation of them, leads to beyond money."""

    WARNING = "warning"
    DEMOTION = "demotion"
    DISMISSAL = "dismissal"


label_members(
    {
        Consequence.WARNING: N_("a warning"),
        Consequence.DEMOTION: N_("demotion"),
        Consequence.DISMISSAL: N_("dismissal"),
    }
)


def _whole(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise PolicyError(
            f"{type(instance).__name__}.{attribute.name}", value, "a whole number >= 1"
        )


def _free(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise PolicyError("ThresholdFine.free", value, "a whole number >= 0")


@attrs.frozen
class FixedFine:
    """*amount* each time (HD-01: 10 元 per breach)."""

    amount: Money = attrs.field(validator=of_type(Money))


@attrs.frozen
class DoublingFine:
    """*base* the first time in a period of kind *per*, doubled on each repeat within it
    (TB-39: 50, 100, 200 …; AMB-31: restarting each month)."""

    base: Money = attrs.field(validator=of_type(Money))
    per: PeriodKind = attrs.field(default=PeriodKind.MONTH, validator=of_type(PeriodKind))


@attrs.frozen
class ThresholdFine:
    """Free for the first *free* occurrences in a period of kind *per*, then *amount* each
    time ("fined from the 3rd time in a month": ``free=2``)."""

    amount: Money = attrs.field(validator=of_type(Money))
    free: int = attrs.field(validator=_free)
    per: PeriodKind = attrs.field(default=PeriodKind.MONTH, validator=of_type(PeriodKind))


@attrs.frozen
class BatchFine:
    """*amount* for each full *every* occurrences in a period of kind *per* (TB-44,
    AMB-32: 10 元 for each full 3 times in a month)."""

    amount: Money = attrs.field(validator=of_type(Money))
    every: int = attrs.field(validator=_whole)
    per: PeriodKind = attrs.field(default=PeriodKind.MONTH, validator=of_type(PeriodKind))


Fine = FixedFine | DoublingFine | ThresholdFine | BatchFine


def _fine(value: object) -> Fine | None:
    return FixedFine(value) if isinstance(value, Money) else value  # type: ignore[return-value]


def _positive_points(value: object) -> Decimal:
    points = to_amount(value, "PointsRange", "points")
    if points <= 0:
        raise PolicyError("PointsRange", points, "points are above 0")
    return points


@attrs.frozen
class PointsRange:
    """Deduction points per occurrence: *low* to *high* (EH-55: 3–5); equal for a fixed number."""

    low: Decimal = attrs.field(converter=_positive_points)
    high: Decimal = attrs.field(converter=_positive_points)

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            raise PolicyError("PointsRange.high", self.high, f"below low {self.low}")

    @classmethod
    def exactly(cls, points: object) -> PointsRange:
        """A fixed number of points."""
        return cls(points, points)

    def localize(self, locale: str = "en") -> str:
        """ "3–5" or "1"."""
        return f"{self.low}" if self.low == self.high else f"{self.low}–{self.high}"


@attrs.frozen
class PenaltyRule:
    """One violation code and what each occurrence brings.

    *fine* is a :class:`FixedFine` (a bare ``Money`` is taken as one), a
    :class:`DoublingFine`, a :class:`ThresholdFine` or a :class:`BatchFine`, or ``None``
    where the regulation names no amount; *points* the deduction points allowed;
    *consequence* what each occurrence draws besides (a warning …).
    """

    code: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    fine: Fine | None = attrs.field(
        default=None,
        converter=_fine,
        validator=of_type((FixedFine, DoublingFine, ThresholdFine, BatchFine), optional=True),
    )
    points: PointsRange | None = attrs.field(
        default=None, validator=of_type(PointsRange, optional=True)
    )
    consequence: Consequence | None = attrs.field(
        default=None, validator=of_type(Consequence, optional=True)
    )

    @property
    def currency(self) -> str | None:
        """The fine's currency, if there is a fine."""
        if self.fine is None:
            return None
        return (
            self.fine.base if isinstance(self.fine, DoublingFine) else self.fine.amount
        ).currency

    def describe(self) -> Reason:
        """The rule in words."""
        facts: dict[str, object] = {"violation": self.name}
        fine = self.fine
        if isinstance(fine, FixedFine):
            message, facts["fine"] = N_("{violation}: fine {fine} each time"), fine.amount
        elif isinstance(fine, DoublingFine):
            message, facts["fine"], facts["per"] = (
                N_("{violation}: fine {fine}, doubled on each repeat ({per} count)"),
                fine.base,
                fine.per,
            )
        elif isinstance(fine, ThresholdFine):
            message = N_("{violation}: the first {free} free ({per} count), then {fine} each time")
            facts.update(fine=fine.amount, free=fine.free, per=fine.per)
        elif isinstance(fine, BatchFine):
            message = N_("{violation}: fine {fine} for each full {every} ({per} count)")
            facts.update(fine=fine.amount, every=fine.every, per=fine.per)
        elif self.points is not None:
            message, facts["points"] = N_("{violation}: points {points}"), self.points
        elif self.consequence is not None:
            message, facts["consequence"] = N_("{violation}: {consequence}"), self.consequence
        else:
            message = N_("{violation}: no fixed fine")
        return Reason(self.cite, message, facts)


@attrs.frozen
class PointsLimit:
    """*points* or more within a rolling *months*-month window lead to *consequence*
    (EH-40: 30 points in half a year, no longer retained; AMB-49: rolling)."""

    points: Decimal = attrs.field(converter=_positive_points)
    months: int = attrs.field(validator=_whole)
    consequence: Consequence = attrs.field(validator=of_type(Consequence))
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The limit in words."""
        facts = {"points": self.points, "months": self.months, "consequence": self.consequence}
        return Reason(
            self.cite, N_("Points within {months} months reaching {points}: {consequence}"), facts
        )


@attrs.frozen
class WarningLimit:
    """*count* warnings (within *months*, or ever) lead to *consequence* (TB-50: 3 warnings,
    dismissal)."""

    count: int = attrs.field(validator=_whole)
    consequence: Consequence = attrs.field(validator=of_type(Consequence))
    cite: Citation = attrs.field(validator=of_type(Citation))
    months: int | None = attrs.field(default=None, validator=attrs.validators.optional(_whole))

    def describe(self) -> Reason:
        """The limit in words."""
        facts: dict[str, object] = {"count": self.count, "consequence": self.consequence}
        if self.months is None:
            return Reason(self.cite, N_("Warnings reaching {count}: {consequence}"), facts)
        facts["months"] = self.months
        message = N_("Warnings within {months} months reaching {count}: {consequence}")
        return Reason(self.cite, message, facts)


def _consequence_only(rule: PenaltyRule) -> bool:
    return rule.fine is None and rule.points is None and rule.consequence is not None


@attrs.frozen
class FineLine:
    """One violation's fine and why."""

    violation: Violation
    amount: Money
    reason: Reason


@attrs.frozen
class ConsequenceLine:
    """A consequence and why; *violation* is the one that drew it, ``None`` for a limit reached."""

    consequence: Consequence
    reason: Reason
    violation: Violation | None = None


@attrs.frozen
class Assessment:
    """What an agent's violations in *period* cost: every fine and consequence with its
    reason, the points deducted in the period and in the rolling window."""

    agent_id: str
    period: Period
    fines: tuple[FineLine, ...]
    consequences: tuple[ConsequenceLine, ...]
    total: Money
    points: Decimal
    window_points: Decimal
    notes: tuple[Reason, ...] = ()

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every fine's, then every consequence's, then the notes' reasons."""
        return (
            *(f.reason for f in self.fines),
            *(c.reason for c in self.consequences),
            *self.notes,
        )

    def explain(self, locale: str = "en") -> list[str]:
        """Every reason in *locale*."""
        return [r.explain(locale) for r in self.reasons]


@attrs.frozen
class PenaltySchedule:
    """The answer of ``servicecodex_penalty_schedule``: every violation code; fines in *currency*.

    >>> import pendulum
    >>> tb39 = Citation("TB-39", "002 第二篇 P1 七(1)")
    >>> phone = PenaltyRule("phone-at-work", Text(en="Phone or TV at work", zh_Hans="上班看电视"),
    ...                     tb39, DoublingFine(Money(50, "CNY")))
    >>> schedule = PenaltySchedule("CNY", [phone])
    >>> ledger = Ledger()
    >>> for day in (3, 10, 17):
    ...     _ = ledger.record(Violation(f"V-{day}", "A-017", "phone-at-work",
    ...                                 pendulum.datetime(2026, 3, day, 10, tz="Asia/Shanghai")))
    >>> from servicecodex import BusinessCalendar, Month
    >>> a = schedule.assess("A-017", ledger, Month(2026, 3), BusinessCalendar("Asia/Shanghai", "CN"))
    >>> a.total.format("zh_Hans_CN"), a.explain("en")[-1]
    ('¥350.00', 'Phone or TV at work on Mar 17, 2026: occurrence 3 in March 2026, CN¥50.00 × 4 = CN¥200.00 (TB-39)')
    """

    currency: str = attrs.field(validator=currency)
    rules: tuple[PenaltyRule, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(PenaltyRule, nonempty=True)
    )
    points_limit: PointsLimit | None = attrs.field(
        default=None, validator=of_type(PointsLimit, optional=True)
    )
    warning_limit: WarningLimit | None = attrs.field(
        default=None, validator=of_type(WarningLimit, optional=True)
    )
    checklists: tuple[InspectionChecklist, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(InspectionChecklist)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.rules, lambda r: r.code, "PenaltySchedule.rules")
        unique(self.checklists, lambda c: c.id, "PenaltySchedule.checklists")
        codes = {r.code for r in self.rules}
        for checklist in self.checklists:
            for item in checklist.items:
                if item.code is not None and item.code not in codes:
                    raise PolicyError(
                        f"InspectionChecklist[{checklist.id}].items[{item.id}].code",
                        item.code,
                        "not a rule of this penalty schedule",
                    )
        for rule in self.rules:
            if rule.currency is not None and rule.currency != self.currency:
                raise PolicyError(
                    f"PenaltySchedule.rules[{rule.code}].fine",
                    rule.currency,
                    f"not in {self.currency}",
                )

    def checklist(self, checklist_id: str) -> InspectionChecklist:
        """The inspection checklist with that id."""
        return by_id(self.checklists, lambda c: c.id, checklist_id, "inspection checklist")

    def describe_checklists(self) -> list[Reason]:
        """Every item of every inspection checklist in words, each failure named by the
        penalty rule it is recorded under."""
        names = {rule.code: rule.name for rule in self.rules}
        return [r for checklist in self.checklists for r in checklist.describe(names)]

    def rule(self, code: str) -> PenaltyRule:
        """The rule with that code."""
        return by_id(self.rules, lambda r: r.code, code, "penalty rule code")

    def check(self, violation: Violation) -> PenaltyRule:
        """The violation's rule, after checking the violation fits it.

        :raises ValidationError: an unknown rule code, points outside the rule's range, or
            points given for a rule without them.
        """
        rule = by_id(
            self.rules, lambda r: r.code, violation.code, "Violation.code", ValidationError
        )
        if rule.points is None:
            if violation.points is not None:
                raise ValidationError(
                    "Violation.points",
                    violation.points,
                    f"rule {rule.code} deducts no points ({rule.cite.rule_id})",
                )
        elif violation.points is None:
            pass  # AMB-48: where the assessor gives no points, the range's low bound counts
        elif not rule.points.low <= violation.points <= rule.points.high:
            raise ValidationError(
                "Violation.points",
                violation.points,
                f"outside {rule.points.low}–{rule.points.high} ({rule.cite.rule_id})",
            )
        return rule

    def _checked(self, violation: Violation) -> PenaltyRule:
        """:meth:`check`, with the error naming the violation (an old, wrong entry in a
        ledger is found by its id and reversed)."""
        try:
            return self.check(violation)
        except ValidationError as exc:
            raise ValidationError(
                f"violations[{violation.id}].{exc.field.removeprefix('Violation.')}",
                exc.value,
                exc.problem,
            ) from None

    def assess(
        self,
        agent_id: str,
        violations: Ledger | Iterable[Violation],
        period: Period,
        calendar: BusinessCalendar,
    ) -> Assessment:
        """Every fine and consequence of *agent_id*'s violations in *period*.

        *violations* is the ledger (earlier occurrences then count towards doubling,
        thresholds and the points window) or the violations themselves, which must then
        all lie in *period*, each once.  A violation of a range rule without points counts
        the range's low bound (AMB-48).  The points limit is checked on every day of the
        period that has a violation, so a limit reached mid-period is reported on that day.

        :raises ValidationError: a violation of another agent or outside *period* (when
            a list is given), or one that does not fit its rule (see :meth:`check`).
        """
        local = calendar.local_date
        if isinstance(violations, Ledger):
            record = violations.active(agent_id=agent_id)
        else:
            record = tuple(sorted(violations, key=lambda v: (v.at, v.id)))
            ids = [v.id for v in record]
            for vid in sorted({i for i in ids if ids.count(i) > 1}):
                raise ValidationError("violations", vid, "listed twice")
            for v in record:
                if v.agent_id != agent_id:
                    raise ValidationError(
                        "violations", v.id, f"belongs to {v.agent_id}, not {agent_id}"
                    )
                if local(v.at) not in period:
                    raise ValidationError(
                        f"violations[{v.id}].at",
                        v.at,
                        f"outside the period assessed ({period.label('en')})",
                    )
        in_period = [v for v in record if local(v.at) in period]
        rules = {v.id: self._checked(v) for v in record}

        # A rule that only draws a consequence (a warning) gets its consequence line alone.
        fined = [v for v in in_period if not _consequence_only(rules[v.id])]
        fines = tuple(self._fine_line(v, rules[v.id], record, calendar) for v in fined)
        consequences = [
            self._consequence_line(v, rules[v.id], calendar)
            for v in in_period
            if rules[v.id].consequence is not None
        ]
        points = sum((self._points(v, rules[v.id]) for v in in_period), Decimal(0))
        window_points, notes = Decimal(0), []
        if self.points_limit is not None:
            limit = self.points_limit

            def points_to(day: _dt.date) -> Decimal:
                window = DateRange.months_before(day, limit.months)
                in_window = (self._points(v, rules[v.id]) for v in record if local(v.at) in window)
                return sum(in_window, Decimal(0))

            # The rolling window ends on each day with a violation, then on the last day.
            days = sorted({local(v.at) for v in in_period if rules[v.id].points is not None})
            day = next((d for d in days if points_to(d) >= limit.points), period.last)
            window_points = points_to(day)
            facts = {
                "points": window_points,
                "months": limit.months,
                "day": day,
                "limit": limit.points,
                "consequence": limit.consequence,
            }
            if window_points >= limit.points:
                reason = Reason(
                    limit.cite,
                    N_(
                        "Points in the {months} months to {day}: {points}, at or above {limit}: {consequence}"
                    ),
                    facts,
                )
                consequences.append(ConsequenceLine(limit.consequence, reason))
            else:
                notes.append(
                    Reason(
                        limit.cite,
                        N_("Points in the {months} months to {day}: {points}, below {limit}"),
                        facts,
                    )
                )
        if self.warning_limit is not None:
            consequences += self._warnings(record, rules, period, calendar)
        total = Money.total((f.amount for f in fines), self.currency)
        return Assessment(
            agent_id, period, fines, tuple(consequences), total, points, window_points, tuple(notes)
        )

    @staticmethod
    def _points(violation: Violation, rule: PenaltyRule) -> Decimal:
        if rule.points is None:
            return Decimal(0)
        return violation.points if violation.points is not None else rule.points.low

    def _fine_line(
        self,
        v: Violation,
        rule: PenaltyRule,
        record: tuple[Violation, ...],
        calendar: BusinessCalendar,
    ) -> FineLine:
        day = calendar.local_date(v.at)
        facts: dict[str, object] = {"violation": rule.name, "day": day}
        fine = rule.fine
        if fine is None:
            zero = Money.zero(self.currency)
            if rule.points is not None:
                facts["points"] = self._points(v, rule)
                return FineLine(
                    v,
                    zero,
                    Reason(rule.cite, N_("{violation} on {day}: points deducted: {points}"), facts),
                )
            return FineLine(
                v,
                zero,
                Reason(rule.cite, N_("{violation} on {day}: recorded, no fixed fine"), facts),
            )
        if isinstance(fine, FixedFine):
            facts["amount"] = fine.amount
            return FineLine(
                v, fine.amount, Reason(rule.cite, N_("{violation} on {day}: fine {amount}"), facts)
            )
        span = fine.per.of(day)
        n = 1 + sum(
            1
            for o in record
            if o.code == v.code
            and (o.at, o.id) < (v.at, v.id)
            and calendar.local_date(o.at) in span
        )
        facts.update(n=n, span=span)
        if isinstance(fine, DoublingFine):
            factor = 2 ** (n - 1)
            amount = fine.base * factor
            facts.update(base=fine.base, factor=factor, amount=amount)
            return FineLine(
                v,
                amount,
                Reason(
                    rule.cite,
                    N_(
                        "{violation} on {day}: occurrence {n} in {span}, {base} × {factor} = {amount}"
                    ),
                    facts,
                ),
            )
        if isinstance(fine, ThresholdFine):
            facts.update(free=fine.free, amount=fine.amount)
            if n <= fine.free:
                return FineLine(
                    v,
                    Money.zero(self.currency),
                    Reason(
                        rule.cite,
                        N_("{violation} on {day}: occurrence {n} in {span}, free up to {free}"),
                        facts,
                    ),
                )
            return FineLine(
                v,
                fine.amount,
                Reason(
                    rule.cite,
                    N_(
                        "{violation} on {day}: occurrence {n} in {span}, past the {free} free: {amount}"
                    ),
                    facts,
                ),
            )
        facts.update(every=fine.every, amount=fine.amount)
        if n % fine.every == 0:
            return FineLine(
                v,
                fine.amount,
                Reason(
                    rule.cite,
                    N_(
                        "{violation} on {day}: occurrence {n} in {span} completes a batch of {every}: {amount}"
                    ),
                    facts,
                ),
            )
        return FineLine(
            v,
            Money.zero(self.currency),
            Reason(
                rule.cite,
                N_(
                    "{violation} on {day}: occurrence {n} in {span}, fined {amount} for each full {every}"
                ),
                facts,
            ),
        )

    @staticmethod
    def _consequence_line(
        v: Violation, rule: PenaltyRule, calendar: BusinessCalendar
    ) -> ConsequenceLine:
        assert rule.consequence is not None
        facts = {
            "violation": rule.name,
            "day": calendar.local_date(v.at),
            "consequence": rule.consequence,
        }
        return ConsequenceLine(
            rule.consequence, Reason(rule.cite, N_("{violation} on {day}: {consequence}"), facts), v
        )

    def _warnings(
        self,
        record: tuple[Violation, ...],
        rules: dict[str, PenaltyRule],
        period: Period,
        calendar: BusinessCalendar,
    ) -> list[ConsequenceLine]:
        limit = self.warning_limit
        assert limit is not None
        start = DateRange.months_before(period.last, limit.months).first if limit.months else None
        warned = [
            v
            for v in record
            if rules[v.id].consequence is Consequence.WARNING
            and calendar.local_date(v.at) <= period.last
            and (start is None or calendar.local_date(v.at) >= start)
        ]
        if len(warned) < limit.count:
            return []
        facts = {
            "count": len(warned),
            "limit": limit.count,
            "day": max(calendar.local_date(warned[limit.count - 1].at), period.first),
            "consequence": limit.consequence,
        }
        reason = Reason(
            limit.cite, N_("Warnings by {day}: {count}, at or above {limit}: {consequence}"), facts
        )
        return [ConsequenceLine(limit.consequence, reason)]
