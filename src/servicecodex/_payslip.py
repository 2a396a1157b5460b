"""Payslips: one agent's month of pay, line by line, each line with its reason.

:func:`payslip` applies an organisation's :class:`~servicecodex.SalaryBands` to one
agent's month, given the facts known so far: the month's appraisal scorecard, the
penalty :class:`~servicecodex.Assessment` of the month's violations, attendance, awards
won, streaks, sales and a bonus.  :meth:`Organization.payslip
<servicecodex.Organization.payslip>` does the same with the organisation's own bands,
ladder, penalty schedule and calendar.

How a month is paid
-------------------

* **Base pay**: the band of the agent's rung (through the ladder, else the band whose id
  is the rung id), as the agent stands on the month's last day.  A month is paid whole:
  a month joined part-way is not prorated.
* **Trial**: with :class:`~servicecodex.TrialPay` in the table, a trial month (on
  probation on the month's last day, or within the trial's months of the hire date) is
  paid the trial amount instead; when the trial carries no bonus, every bonus (full
  attendance, awards, streak awards, commission, performance bonus) is left out with a
  note saying so.  No guaranteed minimum applies in a trial month.
* **Bonuses**: the full-attendance bonus (from :class:`AttendanceFacts`), awards, streak
  awards, commission on *sales*, and the performance bonus: *bonus* when given (a share
  of a pool from :meth:`BonusPool.shares <servicecodex.BonusPool.shares>`), else the
  weighted bonus computed from the appraisal.  When the table says pay includes a
  performance bonus (:class:`~servicecodex.PerformancePay`, TB-07), a month that could
  carry one but has none gets a note saying so.
* **Deductions**: the fail deduction when the month's appraisal did not pass.
* **Guaranteed minimum**: the minimum of the agent's service year (1 = the first 12 months
  from the hire date, counted on the month's last day) guarantees the month's *pay* —
  earnings less deductions, before fines.  Settled monthly, a shortfall is paid as a
  "guaranteed minimum top-up" earning line, and :attr:`Payslip.minimum_applied` is true;
  settled annually, the payslip only notes the minimum and :func:`settle_year` tops up.
* **Fines**: each non-zero fine of the assessment; free occurrences and points-only
  violations appear as notes.  With :class:`~servicecodex.PayrollDeductions` (TB-18) a
  note states what payroll took off: the fines and a full-attendance bonus not earned.

Rounding rule (:data:`PAYSLIP_ROUNDING`): every line is rounded to 0.01 half-up
(``ROUND_HALF_UP``) when it is made; the totals are exact sums of the rounded lines, so
they add up on paper.  No float enters: amounts are ``Money``, scores and rates
``Decimal``; a float is refused with :class:`~servicecodex.FloatMoneyError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from servicecodex._appraisal import Scorecard
from servicecodex._errors import CurrencyMismatchError, PolicyError, ValidationError
from servicecodex._i18n import N_, LabelledEnum, gettext, label_members
from servicecodex._ladder import GradingLadder
from servicecodex._money import CENT, Money
from servicecodex._pay import (
    Award,
    GuaranteedMinimum,
    MinimumSettlement,
    SalaryBand,
    SalaryBands,
    money_input,
)
from servicecodex._penalties import Assessment
from servicecodex._reasons import Citation, Label, Months, Reason
from servicecodex._staff import Agent
from servicecodex._text import Text
from servicecodex._time import Month, months_between
from servicecodex._validate import as_tuple, by_id, of_type, tuple_of

__all__ = [
    "PAYSLIP_ROUNDING",
    "AttendanceFacts",
    "LineKind",
    "PayLine",
    "Payslip",
    "Rounding",
    "YearSettlement",
    "check_month",
    "payslip",
    "settle_year",
]

PAYSLIP_SCHEMA = "servicecodex.payslip/1"


class LineKind(LabelledEnum):
    """What a payslip line does to the pay."""

    EARNING = "earning"
    DEDUCTION = "deduction"
    FINE = "fine"


label_members(
    {
        LineKind.EARNING: N_("earning"),
        LineKind.DEDUCTION: N_("deduction"),
        LineKind.FINE: N_("fine"),
    }
)


@attrs.frozen
class _Count:
    msgid: str
    n: int

    def localize(self, locale: str = "en") -> str:
        return gettext(self.msgid, locale).format(n=self.n)


def _label_fact(label: str | Text) -> Text | Label:
    return label if isinstance(label, Text) else Label(label)


def _count(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(f"AttendanceFacts.{attribute.name}", value, "a whole number >= 0")


@attrs.frozen
class AttendanceFacts:
    """An agent's attendance in one month, as far as pay needs it (TB-14): times late, times
    left early, days absent, days on leave, and whether the whole month was worked (not
    joined or left part-way).

    >>> AttendanceFacts().full, AttendanceFacts(late=2).full
    (True, False)
    >>> AttendanceFacts(late=2, on_leave=1).shortfalls()[0].localize("zh_Hans")
    '迟到2次'
    """

    late: int = attrs.field(default=0, validator=_count)
    left_early: int = attrs.field(default=0, validator=_count)
    absent: int = attrs.field(default=0, validator=_count)
    on_leave: int = attrs.field(default=0, validator=_count)
    whole_month: bool = attrs.field(default=True, validator=of_type(bool))

    @property
    def full(self) -> bool:
        """Full attendance: the whole month worked, never late, early, absent or on leave."""
        return self.whole_month and not (
            self.late or self.left_early or self.absent or self.on_leave
        )

    def shortfalls(self) -> tuple[Label | _Count, ...]:
        """What stands in the way of full attendance, as facts of a reason."""
        found: list[Label | _Count] = []
        for msgid, n in (
            (N_("times late: {n}"), self.late),
            (N_("times left early: {n}"), self.left_early),
            (N_("days absent: {n}"), self.absent),
            (N_("days on leave: {n}"), self.on_leave),
        ):
            if n:
                found.append(_Count(msgid, n))
        if not self.whole_month:
            found.append(Label(N_("not the whole month worked")))
        return tuple(found)


@attrs.frozen
class Rounding:
    """How payslip amounts are rounded: each line to *quantum* with *mode*, when made."""

    quantum: Decimal = CENT
    mode: str = ROUND_HALF_UP

    def apply(self, amount: Money) -> Money:
        """*amount* rounded."""
        return amount.rounded(self.quantum, self.mode)

    def localize(self, locale: str = "en") -> str:
        """The rule in words."""
        message = (
            N_("Each line is rounded half-up to {quantum}; totals are sums of the rounded lines")
            if self.mode == ROUND_HALF_UP
            else N_(
                "Each line is rounded ({mode}) to {quantum}; totals are sums of the rounded lines"
            )
        )
        return gettext(message, locale).format(quantum=self.quantum, mode=self.mode)

    def to_json(self) -> dict[str, str]:
        """``{"mode": "ROUND_HALF_UP", "quantum": "0.01", "applies_to": "each line"}``."""
        return {"mode": self.mode, "quantum": str(self.quantum), "applies_to": "each line"}


#: The rounding rule of every payslip: half-up to the cent, line by line.
PAYSLIP_ROUNDING = Rounding()


@attrs.frozen
class PayLine:
    """One line of a payslip: an earning, a deduction or a fine (amounts are never
    negative; the kind says which way they count), with its reason.

    *code* says what the line is: ``base``, ``trial-pay``, ``full-attendance``,
    ``award:<code>``, ``streak:<code>``, ``commission``, ``bonus``, ``minimum-top-up``,
    ``fail-deduction`` or ``fine:<violation id>``.  *label* is a catalog msgid (the core's
    own labels) or a :class:`~servicecodex.Text` (a band's, an award's, a rule's name).
    """

    kind: LineKind = attrs.field(validator=of_type(LineKind))
    code: str = attrs.field(validator=of_type(str))
    label: str | Text = attrs.field(validator=of_type((str, Text)))
    amount: Money = attrs.field(validator=of_type(Money))
    reason: Reason = attrs.field(validator=of_type(Reason))

    def title(self, locale: str = "en") -> str:
        """The label in *locale*."""
        return _label_fact(self.label).localize(locale)

    def to_json(self, locale: str = "en") -> dict[str, Any]:
        """The line as plain JSON data, texts rendered in *locale*."""
        return {
            "kind": self.kind.value,
            "code": self.code,
            "label": self.title(locale),
            "amount": str(self.amount.amount),
            "reason": self.reason.to_json(locale),
        }


def _money_str(amount: Money) -> str:
    return str(amount.amount.quantize(PAYSLIP_ROUNDING.quantum))


@attrs.frozen
class Payslip:
    """One agent's pay for one month: every line with its reason, and the totals.

    *gross* is the sum of the earnings (a minimum top-up included), *deductions* and
    *fines* the sums of those lines, *net* = gross − deductions − fines, and *pay* =
    gross − deductions: what the guaranteed *minimum* guarantees.  *notes* say what was
    considered and not paid (a trial month's bonuses, a missed full-attendance bonus, a
    free occurrence of a violation, the minimum met).  Build it with :func:`payslip`.
    """

    agent_id: str = attrs.field(validator=of_type(str))
    agent_name: str = attrs.field(validator=of_type(str))
    month: Month = attrs.field(validator=of_type(Month))
    rung: str = attrs.field(validator=of_type(str))
    band: SalaryBand = attrs.field(validator=of_type(SalaryBand))
    currency: str = attrs.field(validator=of_type(str))
    service_year: int = attrs.field(validator=of_type(int))
    trial: bool = attrs.field(validator=of_type(bool))
    lines: tuple[PayLine, ...] = attrs.field(converter=as_tuple, validator=tuple_of(PayLine))
    notes: tuple[Reason, ...] = attrs.field(converter=as_tuple, validator=tuple_of(Reason))
    minimum: GuaranteedMinimum | None = attrs.field(
        default=None, validator=of_type(GuaranteedMinimum, optional=True)
    )
    settlement: MinimumSettlement | None = attrs.field(
        default=None, validator=of_type(MinimumSettlement, optional=True)
    )
    rounding: Rounding = attrs.field(default=PAYSLIP_ROUNDING, validator=of_type(Rounding))

    def __attrs_post_init__(self) -> None:
        for line in self.lines:
            field = f"Payslip.lines[{line.code}].amount"
            if line.amount.currency != self.currency:
                raise CurrencyMismatchError(field, line.amount, f"not in {self.currency}")
            if line.amount.amount < 0:
                raise ValidationError(field, line.amount, "line amounts are not negative")
            if self.rounding.apply(line.amount) != line.amount:
                raise ValidationError(field, line.amount, "not rounded to the payslip's rule")

    def _sum(self, kind: LineKind) -> Money:
        return Money.total(
            (line.amount for line in self.lines if line.kind is kind), self.currency
        ).rounded(self.rounding.quantum)

    @property
    def earnings(self) -> tuple[PayLine, ...]:
        """The earning lines."""
        return tuple(line for line in self.lines if line.kind is LineKind.EARNING)

    @property
    def gross(self) -> Money:
        """The sum of the earnings."""
        return self._sum(LineKind.EARNING)

    @property
    def deductions(self) -> Money:
        """The sum of the deductions."""
        return self._sum(LineKind.DEDUCTION)

    @property
    def fines(self) -> Money:
        """The sum of the fines."""
        return self._sum(LineKind.FINE)

    @property
    def pay(self) -> Money:
        """Gross less deductions, before fines: what the guaranteed minimum guarantees."""
        return self.gross - self.deductions

    @property
    def net(self) -> Money:
        """Gross less deductions and fines (negative when the fines exceed the pay)."""
        return self.gross - self.deductions - self.fines

    @property
    def minimum_line(self) -> PayLine | None:
        """The guaranteed-minimum top-up, if the minimum was applied."""
        for line in self.lines:
            if line.code == "minimum-top-up":
                return line
        return None

    @property
    def minimum_applied(self) -> bool:
        """Whether the month's pay was topped up to the guaranteed minimum."""
        return self.minimum_line is not None

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every line's reason, then the notes."""
        return (*(line.reason for line in self.lines), *self.notes)

    def explain(self, locale: str = "en") -> list[str]:
        """Every line's reason and every note, in *locale*."""
        return [r.explain(locale) for r in self.reasons]

    def format(self, locale: str = "en") -> str:
        """The payslip as text in *locale*, money in the locale's currency format."""

        def t(msgid: str, **facts: object) -> str:
            return gettext(msgid, locale).format(**facts)

        band = self.band.name.localize(locale)
        out = [
            t(
                N_("Payslip: {name} ({agent_id}), {month}"),
                name=self.agent_name,
                agent_id=self.agent_id,
                month=self.month.label(locale),
            ),
            t(
                N_("Band: {band} (trial month) · service year {year}")
                if self.trial
                else N_("Band: {band} · service year {year}"),
                band=band,
                year=self.service_year,
            ),
        ]
        for kind, heading in (
            (LineKind.EARNING, N_("Earnings")),
            (LineKind.DEDUCTION, N_("Deductions")),
            (LineKind.FINE, N_("Fines")),
        ):
            out.append(t(heading))
            lines = [line for line in self.lines if line.kind is kind]
            if not lines:
                out.append("  " + t(N_("none")))
            for line in lines:
                out.append(
                    "  "
                    + t(
                        N_("{label}: {amount}"),
                        label=line.title(locale),
                        amount=line.amount.format(locale),
                    )
                )
                out.append("    " + line.reason.explain(locale))
        if self.notes:
            out.append(t(N_("Notes")))
            out += ["  " + note.explain(locale) for note in self.notes]
        for msgid, amount in (
            (N_("Gross pay: {amount}"), self.gross),
            (N_("Total deductions: {amount}"), self.deductions),
            (N_("Total fines: {amount}"), self.fines),
            (N_("Net pay: {amount}"), self.net),
        ):
            out.append(t(msgid, amount=amount.format(locale)))
        if self.minimum_applied:
            assert self.minimum is not None
            out.append(
                t(
                    N_("Guaranteed minimum {minimum} applied"),
                    minimum=self.minimum.amount.format(locale),
                )
            )
        out.append(self.rounding.localize(locale))
        return "\n".join(out)

    def to_dict(self, locale: str = "en") -> dict[str, Any]:
        """The payslip as plain JSON data: amounts as exact decimal strings ("2200.00") in
        :attr:`currency`, labels and reasons rendered in *locale*."""
        return {
            "schema": PAYSLIP_SCHEMA,
            "agent_id": self.agent_id,
            "agent_name": self.agent_name,
            "month": f"{self.month.year:04d}-{self.month.month:02d}",
            "rung": self.rung,
            "band": self.band.id,
            "currency": self.currency,
            "service_year": self.service_year,
            "trial": self.trial,
            "lines": [line.to_json(locale) for line in self.lines],
            "gross": _money_str(self.gross),
            "deductions": _money_str(self.deductions),
            "fines": _money_str(self.fines),
            "pay": _money_str(self.pay),
            "net": _money_str(self.net),
            "minimum": None if self.minimum is None else _money_str(self.minimum.amount),
            "minimum_applied": self.minimum_applied,
            "settlement": None if self.settlement is None else self.settlement.value,
            "notes": [note.to_json(locale) for note in self.notes],
            "rounding": self.rounding.to_json(),
        }


# Building a payslip ----------------------------------------------------------------------


def check_month(agent: Agent, month: Month) -> None:
    """Refuse a month that is not a :class:`~servicecodex.Month`, or one that ends before
    the agent's hire date or before the agent entered the current rung."""
    if not isinstance(agent, Agent):
        raise ValidationError("agent", agent, "expected an Agent")
    if not isinstance(month, Month):
        raise ValidationError("month", month, "a payslip is for a Month, e.g. Month(2026, 3)")
    if month.last < agent.hired:
        raise ValidationError(
            "month",
            month,
            f"{month.label('en')} is before {agent.id}'s hire date {agent.hired}; "
            "there is no pay to compute",
        )
    if month.last < agent.rung_since:
        raise ValidationError(
            "month",
            month,
            f"{month.label('en')} ends before {agent.id} entered rung {agent.rung} on "
            f"{agent.rung_since}; pay that month from the agent record as it stood then",
        )


def _band(agent: Agent, bands: SalaryBands, ladder: GradingLadder | None) -> SalaryBand:
    if ladder is None:
        return by_id(
            bands.bands,
            lambda b: b.id,
            agent.rung,
            "Agent.rung (the band id without a ladder)",
            ValidationError,
        )
    rung = by_id(ladder.rungs, lambda r: r.id, agent.rung, "Agent.rung", ValidationError)
    if rung.band is None:
        raise PolicyError(
            f"Rung[{rung.id}].band", None, f"the ladder pays rung {rung.id} from no salary band"
        )
    return bands.band(rung.band)


class _Builder:
    """Collects the lines and notes of one payslip, rounding each line as it comes."""

    def __init__(self, currency: str, bonus_ok: bool, trial_cite: Citation | None) -> None:
        self.currency = currency
        self.bonus_ok = bonus_ok
        self.trial_cite = trial_cite
        self.lines: list[PayLine] = []
        self.notes: list[Reason] = []

    def add(
        self, kind: LineKind, code: str, label: str | Text, amount: Money, reason: Reason
    ) -> None:
        rounded = PAYSLIP_ROUNDING.apply(amount)
        if rounded.amount == 0:
            self.notes.append(reason)
        else:
            self.lines.append(PayLine(kind, code, label, rounded, reason))

    def bonus(self, code: str, label: str | Text, amount: Money, reason: Reason) -> None:
        if self.bonus_ok:
            self.add(LineKind.EARNING, code, label, amount, reason)
            return
        assert self.trial_cite is not None
        self.notes.append(
            Reason(
                self.trial_cite,
                N_("Not paid in a trial month, which carries no bonus: {item} {amount}"),
                {"item": _label_fact(label), "amount": PAYSLIP_ROUNDING.apply(amount)},
            )
        )

    def total(self, kind: LineKind) -> Money:
        return Money.total((x.amount for x in self.lines if x.kind is kind), self.currency)


def payslip(
    agent: Agent,
    month: Month,
    bands: SalaryBands,
    ladder: GradingLadder | None = None,
    *,
    appraisal: Scorecard | None = None,
    assessment: Assessment | None = None,
    attendance: AttendanceFacts | None = None,
    awards: Iterable[str] = (),
    streaks: Mapping[str, int] | None = None,
    sales: Money | None = None,
    bonus: Money | None = None,
) -> Payslip:
    """*agent*'s payslip for *month* under the pay table *bands* (see the module
    documentation for how each line comes about).

    *ladder* finds the band of the agent's rung (without it, the band id is the rung id);
    *appraisal* is the month's scorecard (fail deduction, weighted bonus); *assessment*
    the penalty assessment of the month (its fines); *attendance* the month's attendance
    (full-attendance bonus); *awards* the codes of the awards won this month; *streaks*
    each streak award's current run of months, this month included; *sales* the agent's
    sales (commission); *bonus* the agent's performance bonus, e.g. a share from
    :func:`~servicecodex.split_pool`.

    :raises ValidationError: a month before the hire date (or before the current rung),
        facts of another agent or month, an unknown or repeated award, a float
        (:class:`~servicecodex.FloatMoneyError`) or another currency
        (:class:`~servicecodex.CurrencyMismatchError`) for money, sales without commission
        tiers, a bonus without a bonus policy.

    >>> c = Citation("TB-08", "002 P3b 二(二)")
    >>> bands = SalaryBands(
    ...     "CNY", [SalaryBand("junior", Text(en="Junior CS", zh_Hans="初级客服"), Money(1900, "CNY"), c)],
    ...     minimums=[GuaranteedMinimum(1, Money(2000, "CNY"), c)])
    >>> agent = Agent("A-017", "王芳", hired=pendulum.date(2026, 1, 5), rung="junior",
    ...               rung_since=pendulum.date(2026, 1, 5))
    >>> slip = payslip(agent, Month(2026, 3), bands)
    >>> print(slip.format("zh_Hans_CN"))
    工资条：王芳（A-017），2026年3月
    薪级：初级客服 · 第1服务年度
    收入
      初级客服：¥1,900.00
        初级客服：月基本工资¥1,900.00（TB-08）
      保底补足：¥100.00
        工资¥1,900.00低于第1服务年度保底¥2,000.00：补足¥100.00（TB-08）
    扣款
      无
    罚款
      无
    应发合计：¥2,000.00
    扣款合计：¥0.00
    罚款合计：¥0.00
    实发合计：¥2,000.00
    已按保底¥2,000.00发放
    每项四舍五入至0.01；合计为各项取整后之和
    >>> [(line.code, str(line.amount.amount)) for line in slip.lines]
    [('base', '1900.00'), ('minimum-top-up', '100.00')]
    >>> slip.minimum_applied, slip.net.format("zh_Hans_CN")
    (True, '¥2,000.00')
    >>> slip.explain("en")[-1]
    'Pay of CN¥1,900.00 is below the guaranteed minimum of CN¥2,000.00 for service year 1: topped up by CN¥100.00 (TB-08)'
    >>> payslip(agent, Month(2025, 12), bands)
    Traceback (most recent call last):
    ...
    servicecodex.ValidationError: month: December 2025 is before A-017's hire date 2026-01-05; there is no pay to compute (got Month(year=2025, month=12))
    """
    check_month(agent, month)
    if not isinstance(bands, SalaryBands):
        raise ValidationError("bands", bands, "expected SalaryBands")
    currency = bands.currency
    band = _band(agent, bands, ladder)
    sales = None if sales is None else money_input("sales", sales, currency)
    bonus = None if bonus is None else money_input("bonus", bonus, currency)
    _check_appraisal(agent, month, appraisal)
    _check_assessment(agent, month, currency, assessment)
    if attendance is not None and not isinstance(attendance, AttendanceFacts):
        raise ValidationError("attendance", attendance, "expected AttendanceFacts")
    won = _awards(bands, awards)
    runs = _streaks(bands, streaks or {})

    last = month.last
    trial_pay = bands.trial
    on_probation = agent.on_probation(last)
    within_trial = trial_pay is not None and last < agent.hired.add(months=trial_pay.months)
    trial = trial_pay is not None and (on_probation or within_trial)
    bonus_ok = trial_pay is None or not trial or trial_pay.bonus_eligible
    build = _Builder(currency, bonus_ok, trial_pay.cite if trial_pay else None)

    # Base or trial pay.
    if trial and trial_pay is not None:
        facts: dict[str, object] = {"amount": trial_pay.amount}
        if on_probation:
            facts["day"] = last
            message = N_("On probation on {day}: trial pay {amount}")
        else:
            facts.update(months=Months(trial_pay.months), hired=agent.hired)
            message = N_("Within {months} of the hire date {hired}: trial pay {amount}")
        build.add(
            LineKind.EARNING,
            "trial-pay",
            N_("Trial pay"),
            trial_pay.amount,
            Reason(trial_pay.cite, message, facts),
        )
    else:
        build.add(LineKind.EARNING, "base", band.name, band.base, band.describe())

    # Bonuses.
    _attendance_lines(build, bands, attendance)
    for award in won:
        build.bonus(
            f"award:{award.code}",
            award.name,
            award.amount,
            Reason(
                award.cite,
                N_("{award} in {month}: {amount}"),
                {"award": award.name, "month": month, "amount": award.amount},
            ),
        )
    for code, run in runs.items():
        streak = bands.streak_award(code)
        amount = streak.amount_for(run)
        facts = {"award": streak.name, "streak": Months(run), "step": streak.step}
        if amount is not None:
            facts.update(amount=streak.amount, count=run, total=amount)
            build.bonus(
                f"streak:{code}",
                streak.name,
                amount,
                Reason(
                    streak.cite,
                    N_("{award}: {streak} in a row, {amount} × {count} ÷ {step} = {total}"),
                    facts,
                ),
            )
        elif run > 0:
            build.notes.append(
                Reason(
                    streak.cite,
                    N_(
                        "{award}: {streak} in a row, paid when the run reaches a multiple of {step}"
                    ),
                    facts,
                )
            )
    if sales is not None:
        _commission_line(build, bands, sales)
    bonus_seen = _bonus_line(build, bands, appraisal, bonus)
    composition = bands.performance_pay
    if composition is not None and build.bonus_ok and not bonus_seen:
        build.notes.append(
            Reason(
                composition.cite,
                N_("Pay = base salary + performance bonus: no performance bonus given for {month}"),
                {"month": month},
            )
        )

    # Deductions.
    deduction = bands.fail_deduction
    if deduction is not None and appraisal is not None and appraisal.passed is False:
        build.add(
            LineKind.DEDUCTION,
            "fail-deduction",
            N_("Appraisal deduction"),
            deduction.amount,
            Reason(
                deduction.cite,
                N_("Appraisal total {total} for {month} is below the pass mark: {amount} deducted"),
                {"total": appraisal.total, "month": month, "amount": deduction.amount},
            ),
        )

    # The guaranteed minimum.
    service_year = months_between(agent.hired, last) // 12 + 1
    minimum = None if trial else bands.minimum_for(service_year)
    if minimum is not None:
        _minimum(build, bands.settlement, minimum, service_year)
    elif trial and bands.minimums and trial_pay is not None:
        build.notes.append(Reason(trial_pay.cite, N_("Trial month: no guaranteed minimum applies")))

    # Fines.
    for fine in assessment.fines if assessment is not None else ():
        name = fine.reason.facts.get("violation")
        build.add(
            LineKind.FINE,
            f"fine:{fine.violation.id}",
            name if isinstance(name, Text) else N_("Fine"),
            fine.amount,
            fine.reason,
        )

    _payroll_note(build, bands, attendance)

    return Payslip(
        agent_id=agent.id,
        agent_name=agent.name,
        month=month,
        rung=agent.rung,
        band=band,
        currency=currency,
        service_year=service_year,
        trial=trial,
        lines=build.lines,
        notes=build.notes,
        minimum=minimum,
        settlement=None if minimum is None else bands.settlement,
    )


def _check_appraisal(agent: Agent, month: Month, appraisal: Scorecard | None) -> None:
    if appraisal is None:
        return
    if not isinstance(appraisal, Scorecard):
        raise ValidationError("appraisal", appraisal, "expected a Scorecard")
    if appraisal.agent_id != agent.id:
        raise ValidationError(
            "appraisal", appraisal.agent_id, f"a scorecard of another agent, not {agent.id}"
        )
    if appraisal.period != month:
        raise ValidationError(
            "appraisal",
            appraisal.period,
            f"the scorecard of {appraisal.period.label('en')}, not the month's own "
            f"({month.label('en')})",
        )


def _check_assessment(
    agent: Agent, month: Month, currency: str, assessment: Assessment | None
) -> None:
    if assessment is None:
        return
    if not isinstance(assessment, Assessment):
        raise ValidationError("assessment", assessment, "expected an Assessment")
    if assessment.agent_id != agent.id:
        raise ValidationError(
            "assessment", assessment.agent_id, f"an assessment of another agent, not {agent.id}"
        )
    if assessment.period != month:
        raise ValidationError(
            "assessment",
            assessment.period,
            f"the assessment of {assessment.period.label('en')}, not of {month.label('en')}",
        )
    if assessment.total.currency != currency:
        raise CurrencyMismatchError(
            "assessment",
            assessment.total,
            f"fines in {assessment.total.currency}, the pay table is in {currency}",
        )


def _awards(bands: SalaryBands, awards: Iterable[str]) -> list[Award]:
    if isinstance(awards, str):
        raise ValidationError("awards", awards, "give the award codes as a list, not one str")
    won = []
    seen: set[str] = set()
    for code in awards:
        if code in seen:
            raise ValidationError(f"awards[{code}]", code, "an award is paid once a month")
        seen.add(code)
        won.append(bands.award(code))
    return won


def _streaks(bands: SalaryBands, streaks: Mapping[str, int]) -> dict[str, int]:
    if not isinstance(streaks, Mapping):
        raise ValidationError("streaks", streaks, "a mapping of streak-award code to months")
    for code, run in streaks.items():
        bands.streak_award(code)
        if not isinstance(run, int) or isinstance(run, bool) or run < 0:
            raise ValidationError(f"streaks[{code}]", run, "a whole number of months >= 0")
    return dict(streaks)


def _attendance_lines(
    build: _Builder, bands: SalaryBands, attendance: AttendanceFacts | None
) -> None:
    policy = bands.full_attendance
    if policy is None or attendance is None:
        return
    if attendance.full:
        build.bonus(
            "full-attendance",
            N_("Full-attendance bonus"),
            policy.amount,
            Reason(
                policy.cite,
                N_(
                    "A whole month worked with no lateness, early leaving, absence or leave: {amount}"
                ),
                {"amount": policy.amount},
            ),
        )
    else:
        build.notes.append(
            Reason(
                policy.cite,
                N_("No full-attendance bonus of {amount}: {shortfalls}"),
                {"amount": policy.amount, "shortfalls": attendance.shortfalls()},
            )
        )


def _commission_line(build: _Builder, bands: SalaryBands, sales: Money) -> None:
    tiers = bands.commission
    if tiers is None:
        raise ValidationError("sales", sales, "the salary bands define no commission tiers")
    breakdown = tiers.breakdown(sales)
    amount = breakdown.total or Money.zero(build.currency)
    if PAYSLIP_ROUNDING.apply(amount).amount == 0:
        build.notes.append(
            Reason(tiers.cite, N_("Sales of {sales}: no commission"), {"sales": sales})
        )
        return
    build.bonus(
        "commission",
        N_("Commission"),
        amount,
        Reason(
            tiers.cite,
            N_("Commission on sales of {sales}, each tier at its own rate: {parts} = {amount}"),
            {"sales": sales, "parts": breakdown, "amount": PAYSLIP_ROUNDING.apply(amount)},
        ),
    )


def _bonus_line(
    build: _Builder, bands: SalaryBands, appraisal: Scorecard | None, bonus: Money | None
) -> bool:
    """Adds the month's performance bonus, or a note why there is none; ``False`` when
    the month has neither (no bonus given, none the table computes)."""
    pool, weighted = bands.bonus_pool, bands.weighted_bonus
    if bonus is not None:
        if pool is not None and pool.formula is not None:
            reason = Reason(
                pool.formula,
                N_(
                    "Performance bonus by the results and the composite appraisal: share of the bonus pool {amount}"
                ),
                {"amount": bonus},
            )
        elif pool is not None:
            reason = Reason(pool.cite, N_("Share of the bonus pool: {amount}"), {"amount": bonus})
        elif weighted is not None:
            reason = Reason(weighted.cite, N_("Performance bonus: {amount}"), {"amount": bonus})
        else:
            raise ValidationError(
                "bonus",
                bonus,
                "the salary bands define no bonus (no bonus_pool, no weighted_bonus)",
            )
        build.bonus("bonus", N_("Bonus"), bonus, reason)
        return True
    if weighted is not None and appraisal is not None:
        amount = weighted.amount(appraisal)
        facts = {
            "base": weighted.base,
            "total": appraisal.total,
            "out_of": weighted.out_of,
            "amount": PAYSLIP_ROUNDING.apply(amount),
        }
        build.bonus(
            "bonus",
            N_("Bonus"),
            amount,
            Reason(
                weighted.cite,
                N_("Bonus: {base} × appraisal total {total} ÷ {out_of} = {amount}"),
                facts,
            ),
        )
        return True
    if weighted is not None:
        build.notes.append(
            Reason(weighted.cite, N_("No bonus: the month has no appraisal scorecard"), {})
        )
        return True
    return False


def _payroll_note(build: _Builder, bands: SalaryBands, attendance: AttendanceFacts | None) -> None:
    """What payroll took off the month (TB-18), when the table has the rule."""
    rule = bands.payroll_deductions
    if rule is None:
        return
    fines = build.total(LineKind.FINE)
    bonus = bands.full_attendance
    # In a trial month without bonuses (TB-09) there was nothing to withhold.
    lost = build.bonus_ok and bonus is not None and attendance is not None and not attendance.full
    facts: dict[str, object] = {"fines": fines}
    if bonus is not None:
        facts["bonus"] = bonus.amount
    if fines.amount > 0 and lost:
        message = N_(
            "Deducted at payroll: fines of {fines}, and the full-attendance bonus of {bonus} is withheld"
        )
    elif fines.amount > 0:
        message = N_("Deducted at payroll: fines of {fines}")
    elif lost:
        message = N_("Withheld at payroll: the full-attendance bonus of {bonus}, not earned")
    else:
        return
    build.notes.append(Reason(rule.cite, message, facts))


def _minimum(
    build: _Builder, settlement: MinimumSettlement, minimum: GuaranteedMinimum, year: int
) -> None:
    pay = build.total(LineKind.EARNING) - build.total(LineKind.DEDUCTION)
    facts: dict[str, object] = {"pay": pay, "minimum": minimum.amount, "year": year}
    if settlement is MinimumSettlement.ANNUAL:
        build.notes.append(
            Reason(
                minimum.cite,
                N_(
                    "Guaranteed minimum of {minimum} a month for service year {year}, settled annually (pay this month {pay})"
                ),
                facts,
            )
        )
    elif pay < minimum.amount:
        top_up = minimum.amount - pay
        facts["amount"] = top_up
        build.add(
            LineKind.EARNING,
            "minimum-top-up",
            N_("Guaranteed minimum top-up"),
            top_up,
            Reason(
                minimum.cite,
                N_(
                    "Pay of {pay} is below the guaranteed minimum of {minimum} for service year {year}: topped up by {amount}"
                ),
                facts,
            ),
        )
    else:
        build.notes.append(
            Reason(
                minimum.cite,
                N_(
                    "Pay of {pay} meets the guaranteed minimum of {minimum} for service year {year}"
                ),
                facts,
            )
        )


# Annual settlement -----------------------------------------------------------------------


@attrs.frozen
class YearSettlement:
    """The annual settlement of the guaranteed minimum (AMB-40): over the months settled
    together, *actual* pay (before fines) against *guaranteed*, the sum of their monthly
    minimums; *top_up* = max(0, guaranteed − actual), so that *settled* = max(actual,
    guaranteed)."""

    agent_id: str
    months: tuple[Month, ...]
    actual: Money
    guaranteed: Money
    top_up: Money
    reason: Reason

    @property
    def settled(self) -> Money:
        """The year's pay after settlement: max(actual, guaranteed)."""
        return self.actual + self.top_up

    def explain(self, locale: str = "en") -> str:
        """The settlement in words."""
        return self.reason.explain(locale)


def settle_year(payslips: Iterable[Payslip]) -> YearSettlement:
    """Settle a year of one agent's payslips to max(actual pay, the sum of the monthly
    minimums) — 12 × the monthly minimum for a full year at one rate (TB-08, AMB-40).

    Only months with a guaranteed minimum count, on both sides (a trial month has none);
    *actual* is each month's :attr:`Payslip.pay` (earnings less deductions, before fines;
    any monthly top-up included, so monthly-settled slips never need one).  The payslips
    must be one agent's, in one currency, for at most 12 different months.

    >>> c = Citation("TB-08", "002 P3b 二(二)")
    >>> bands = SalaryBands(
    ...     "CNY", [SalaryBand("junior", Text(en="Junior CS", zh_Hans="初级客服"), Money(2000, "CNY"), c)],
    ...     minimums=[GuaranteedMinimum(1, Money(2000, "CNY"), c)], settlement=MinimumSettlement.ANNUAL,
    ...     fail_deduction=sc.FailDeduction(Money(100, "CNY"), Citation("TB-49", "002 P3b (e)")))
    >>> agent = Agent("A-017", "王芳", hired=pendulum.date(2026, 1, 1), rung="junior",
    ...               rung_since=pendulum.date(2026, 1, 1))
    >>> from servicecodex import AppraisalScheme, Criterion, PassMark, PeriodKind
    >>> scheme = AppraisalScheme([Criterion("score", Text(en="Score", zh_Hans="得分"), 100, c)],
    ...                          [PeriodKind.MONTH], c, pass_mark=PassMark(60, c))
    >>> slips = [payslip(agent, Month(2026, m), bands,
    ...                  appraisal=scheme.score("A-017", Month(2026, m), {"score": 55 if m <= 3 else 80}))
    ...          for m in range(1, 13)]
    >>> settled = settle_year(slips)
    >>> settled.actual.amount, settled.top_up.amount, settled.settled.amount
    (Decimal('23700.00'), Decimal('300.00'), Decimal('24000.00'))
    >>> settled.explain("zh_Hans_CN")
    '按12个月年度结算：工资¥23,700.00，保底合计¥24,000.00，补足¥300.00（TB-08）'
    """
    slips = list(payslips)
    if not slips or not all(isinstance(s, Payslip) for s in slips):
        raise ValidationError("payslips", slips, "give the year's payslips")
    agents = sorted({s.agent_id for s in slips})
    if len(agents) > 1:
        raise ValidationError("payslips", agents, "payslips of more than one agent")
    currencies = sorted({s.currency for s in slips})
    if len(currencies) > 1:
        raise CurrencyMismatchError("payslips", currencies, "payslips in more than one currency")
    months = [s.month for s in slips]
    for month in months:
        if months.count(month) > 1:
            raise ValidationError("payslips", month, "two payslips for the same month")
    if len(slips) > 12:
        raise ValidationError("payslips", len(slips), "a year is at most 12 monthly payslips")
    covered = sorted((s for s in slips if s.minimum is not None), key=lambda s: s.month.first)
    if not covered:
        raise ValidationError("payslips", months, "no payslip has a guaranteed minimum to settle")
    currency = currencies[0]
    actual = Money.total((s.pay for s in covered), currency)
    guaranteed = Money.total((s.minimum.amount for s in covered if s.minimum), currency).rounded(
        PAYSLIP_ROUNDING.quantum
    )
    top_up = guaranteed - actual if actual < guaranteed else Money.zero(currency)
    top_up = top_up.rounded(PAYSLIP_ROUNDING.quantum)
    first = covered[0].minimum
    assert first is not None
    reason = Reason(
        first.cite,
        N_("Annual settlement of {months}: pay {actual}, guaranteed {guaranteed}, top-up {amount}"),
        {
            "months": Months(len(covered)),
            "actual": actual,
            "guaranteed": guaranteed,
            "amount": top_up,
        },
    )
    return YearSettlement(
        agents[0], tuple(s.month for s in covered), actual, guaranteed, top_up, reason
    )
