"""Salary bands: base pay per band, and the rest of an organisation's pay policy.

The answer of ``servicecodex_salary_bands`` is a :class:`SalaryBands` table: one
:class:`SalaryBand` per band (rungs name their band), and optionally

* :class:`PerformancePay`: pay is the base salary plus a performance bonus (TB-07);
* :class:`TrialPay`: the pay of a trial month and whether bonuses are paid in it (TB-09);
* :class:`GuaranteedMinimum` amounts by year of service (TB-08), settled monthly or
  annually (:class:`MinimumSettlement`, AMB-40);
* :class:`AttendanceBonus` for a whole month without lateness, absence or leave (TB-14);
* :class:`Award` amounts (TB-15 … TB-17) and :class:`StreakAward` amounts for months in a
  row (TB-13, AMB-41);
* :class:`FailDeduction`: money deducted for a month appraised below the pass mark (TB-49);
* :class:`CommissionTiers`: commission paid marginally, each tier at its own rate (TB-11);
* :class:`BonusPool`: a pool split in proportion to appraisal scores (TB-12), see
  :func:`split_pool`;
* :class:`WeightedBonus`: a base bonus scaled by the weighted appraisal total (AMB-50);
* :class:`PayrollDeductions`: what payroll takes off, the month's fines and a
  full-attendance bonus not earned (TB-18).

Each element cites its rule and describes itself; :meth:`SalaryBands.describe_all` lists
them all.  :func:`~servicecodex.payslip` applies the table to one agent's month.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from servicecodex._errors import (
    CurrencyMismatchError,
    FloatMoneyError,
    PolicyError,
    ValidationError,
)
from servicecodex._i18n import N_, LabelledEnum, gettext, label_members
from servicecodex._money import CENT, Money, to_amount
from servicecodex._reasons import Citation, Months, Percent, Reason
from servicecodex._text import Text
from servicecodex._validate import (
    Validator,
    as_tuple,
    by_id,
    currency,
    of_type,
    slug,
    tuple_of,
    unique,
)

if TYPE_CHECKING:
    from servicecodex._appraisal import Scorecard

__all__ = [
    "AttendanceBonus",
    "Award",
    "BonusPool",
    "CommissionBreakdown",
    "CommissionPart",
    "CommissionTier",
    "CommissionTiers",
    "FailDeduction",
    "GuaranteedMinimum",
    "MinimumSettlement",
    "PayrollDeductions",
    "PerformancePay",
    "SalaryBand",
    "SalaryBands",
    "StreakAward",
    "TrialPay",
    "WeightedBonus",
    "money_input",
    "split_pool",
]


# Facts that render themselves ------------------------------------------------------------


def money_input(field: str, value: object, currency: str | None = None) -> Money:
    """*value*, a user's amount of money, checked: ``Money`` (a float is refused with
    :class:`~servicecodex.FloatMoneyError`), in *currency* when given
    (:class:`~servicecodex.CurrencyMismatchError`), not negative."""
    if isinstance(value, float):
        raise FloatMoneyError(field, value, "floats are not accepted for money; use Money")
    if not isinstance(value, Money):
        example = f"Money('1000.00', '{currency or 'CNY'}')"
        raise ValidationError(field, value, f"expected Money, e.g. {example}")
    if currency is not None and value.currency != currency:
        raise CurrencyMismatchError(
            field, value, f"currency {value.currency} does not match the pay table's {currency}"
        )
    if value.amount < 0:
        raise ValidationError(field, value, "cannot be negative")
    return value


# Validators ------------------------------------------------------------------------------


def _no_float(field: str, value: object) -> None:
    if isinstance(value, float):
        raise FloatMoneyError(
            field, value, "floats are not accepted for money; use Money(Decimal('…'), …)"
        )


def _positive_money(instance: object, attribute: attrs.Attribute[Money], value: object) -> None:
    field = f"{type(instance).__name__}.{attribute.name}"
    _no_float(field, value)
    if not isinstance(value, Money):
        raise PolicyError(field, value, "expected Money")
    if value.amount <= 0:
        raise PolicyError(field, value, "must be above 0")
    if value.amount != value.amount.quantize(CENT):
        raise PolicyError(field, value, "a pay table's amounts are whole cents (0.01)")


def _whole(low: int) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            raise PolicyError(
                f"{type(instance).__name__}.{attribute.name}", value, f"a whole number >= {low}"
            )

    return check


def _rate(value: object) -> Decimal:
    rate = to_amount(value, "CommissionTier.rate", "rates")
    if not 0 <= rate <= 1:
        raise PolicyError("CommissionTier.rate", rate, "a rate is 0 to 1 (0.05 is 5%)")
    return rate


def _out_of(value: object) -> Decimal:
    points = to_amount(value, "WeightedBonus.out_of", "points")
    if points <= 0:
        raise PolicyError("WeightedBonus.out_of", points, "must be above 0")
    return points


# The records -----------------------------------------------------------------------------


@attrs.frozen
class SalaryBand:
    """One band: its id (rungs refer to it), its name and its monthly base pay."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    base: Money = attrs.field(validator=_positive_money)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The band in words."""
        return Reason(
            self.cite,
            N_("{band}: base pay {amount} a month"),
            {"band": self.name, "amount": self.base},
        )


@attrs.frozen
class TrialPay:
    """The pay of a trial month, instead of the band's base pay.

    A month is a trial month when, on its last day, the agent is on probation
    (:meth:`Agent.on_probation`) or still within the first *months* months from the hire
    date.  *bonus_eligible* ``False`` (TB-09 "無獎金") leaves out every bonus that month:
    full attendance, awards, streak awards, commission and performance bonus.

    >>> trial = TrialPay(Money(1600, "CNY"), 1, False, Citation("TB-09", "002 P3b 二(二)"))
    >>> trial.describe().explain("zh_Hans")
    '试用期工资：入职起1个月内每月¥1,600.00，无奖金（TB-09）'
    """

    amount: Money = attrs.field(validator=_positive_money)
    months: int = attrs.field(validator=_whole(1))
    bonus_eligible: bool = attrs.field(validator=of_type(bool))
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The trial pay in words."""
        message = (
            N_("Trial pay: {amount} a month within {months} of hire, bonuses paid")
            if self.bonus_eligible
            else N_("Trial pay: {amount} a month within {months} of hire, no bonus")
        )
        return Reason(self.cite, message, {"amount": self.amount, "months": Months(self.months)})


class MinimumSettlement(LabelledEnum):
    """When the guaranteed minimum is settled.

    * ``MONTHLY``: each month's pay (earnings less deductions, before fines) is topped up
      to that month's minimum on the payslip itself.
    * ``ANNUAL`` (AMB-40): payslips show the minimum but do not top up;
      :func:`~servicecodex.settle_year` tops the year's pay up to the sum of its months'
      minimums (12 × the minimum for a full year at one rate).
    """

    MONTHLY = "monthly"
    ANNUAL = "annual"


label_members({MinimumSettlement.MONTHLY: N_("monthly"), MinimumSettlement.ANNUAL: N_("annual")})


@attrs.frozen
class GuaranteedMinimum:
    """The least an agent is paid a month from service year *from_service_year* on (1 = the
    first 12 months after the hire date), until the next minimum takes over (TB-08).

    >>> m = GuaranteedMinimum(2, Money(2200, "CNY"), Citation("TB-08", "002 P3b 二(二)"))
    >>> m.describe().explain("en")
    'Guaranteed minimum from service year 2: CN¥2,200.00 a month (TB-08)'
    """

    from_service_year: int = attrs.field(validator=_whole(1))
    amount: Money = attrs.field(validator=_positive_money)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The minimum in words."""
        return Reason(
            self.cite,
            N_("Guaranteed minimum from service year {year}: {amount} a month"),
            {"year": self.from_service_year, "amount": self.amount},
        )


@attrs.frozen
class AttendanceBonus:
    """Paid for a whole month worked with no lateness, early leaving, absence or leave
    (TB-14); see :class:`~servicecodex.AttendanceFacts`."""

    amount: Money = attrs.field(validator=_positive_money)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The bonus in words."""
        return Reason(
            self.cite,
            N_(
                "Full-attendance bonus: {amount} for a whole month with no lateness, early leaving, absence or leave"
            ),
            {"amount": self.amount},
        )


@attrs.frozen
class Award:
    """A fixed award, paid in a month the agent wins it (TB-15 top sales 100 元).  Awards
    stack: an agent who wins two gets both (TB-17); each is paid at most once a month."""

    code: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    amount: Money = attrs.field(validator=_positive_money)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The award in words."""
        return Reason(
            self.cite, N_("{award}: award of {amount}"), {"award": self.name, "amount": self.amount}
        )


@attrs.frozen
class StreakAward:
    """An award for *step* months in a row and each further *step* (TB-13, AMB-41): paid in
    the month a streak reaches a multiple of *step*, *amount* × streak ÷ *step*.

    >>> s = StreakAward("first-composite", Text(en="First in composite score", zh_Hans="综合评分第一"),
    ...                 3, Money(100, "CNY"), Citation("TB-13", "002 P3b (e)"))
    >>> [s.amount_for(n) for n in (2, 3, 4, 6)]
    [None, Money(amount=Decimal('100'), currency='CNY'), None, Money(amount=Decimal('200'), currency='CNY')]
    """

    code: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    step: int = attrs.field(validator=_whole(1))
    amount: Money = attrs.field(validator=_positive_money)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def amount_for(self, streak: int) -> Money | None:
        """What a streak of *streak* months pays this month (``None``: not a multiple of
        *step*)."""
        if streak <= 0 or streak % self.step:
            return None
        return self.amount * (streak // self.step)

    def describe(self) -> Reason:
        """The award in words."""
        return Reason(
            self.cite,
            N_(
                "{award}: {amount} for each {step} in a row, paid when the streak reaches a multiple of {step}"
            ),
            {"award": self.name, "amount": self.amount, "step": Months(self.step)},
        )


@attrs.frozen
class FailDeduction:
    """Deducted from a month's pay when the month's appraisal is below the pass mark
    (TB-49: below 60, minus 100 元)."""

    amount: Money = attrs.field(validator=_positive_money)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The deduction in words."""
        return Reason(
            self.cite,
            N_("Appraisal below the pass mark: {amount} deducted that month"),
            {"amount": self.amount},
        )


def _money_threshold(instance: object, attribute: attrs.Attribute[Money], value: object) -> None:
    _no_float("CommissionTier.threshold", value)
    if not isinstance(value, Money):
        raise PolicyError("CommissionTier.threshold", value, "expected Money")


@attrs.frozen
class CommissionTier:
    """Sales from *threshold* up to the next tier's threshold earn *rate* (0.05 = 5%)."""

    threshold: Money = attrs.field(validator=_money_threshold)
    rate: Decimal = attrs.field(converter=_rate)

    def __attrs_post_init__(self) -> None:
        if self.threshold.amount < 0:
            raise PolicyError("CommissionTier.threshold", self.threshold, "cannot be negative")

    def localize(self, locale: str = "en") -> str:
        """ "5% from ¥10,000.00"."""
        return gettext(N_("{rate} from {threshold}"), locale).format(
            rate=Percent(self.rate).localize(locale), threshold=self.threshold.format(locale)
        )


def _tier(value: object) -> object:
    if isinstance(value, tuple) and len(value) == 2:
        return CommissionTier(*value)
    return value


def _tiers(value: Iterable[object]) -> tuple[object, ...]:
    return tuple(_tier(v) for v in value)


@attrs.frozen
class CommissionPart:
    """The part of the sales inside one tier, and what it earns."""

    tier: CommissionTier
    sales: Money
    commission: Money

    def localize(self, locale: str = "en") -> str:
        """ "¥15,000.00 × 8%"."""
        return f"{self.sales.format(locale)} × {Percent(self.tier.rate).localize(locale)}"


@attrs.frozen
class CommissionBreakdown:
    """The parts of a commission, rendered "¥10,000.00 × 5% + ¥5,000.00 × 8%"."""

    parts: tuple[CommissionPart, ...]

    @property
    def total(self) -> Money | None:
        """The commission (exact, not rounded); ``None`` with no parts."""
        if not self.parts:
            return None
        return Money.total((p.commission for p in self.parts), self.parts[0].sales.currency)

    def localize(self, locale: str = "en") -> str:
        """The parts joined by " + "."""
        return " + ".join(p.localize(locale) for p in self.parts) or "—"


@attrs.frozen
class CommissionTiers:
    """Commission paid like tax brackets (TB-11 "每一个阶段为一个基点"): each tier's part of the
    sales at that tier's own rate.  *tiers* are :class:`CommissionTier` records or
    ``(threshold, rate)`` pairs, thresholds strictly rising.

    >>> c = CommissionTiers([(Money(0, "CNY"), Decimal("0.01")), (Money(10000, "CNY"), Decimal("0.02")),
    ...                      (Money(50000, "CNY"), Decimal("0.03"))], Citation("TB-11", "002 P3b (1)"))
    >>> c.commission(Money(60000, "CNY")).amount      # 10000 × 1% + 40000 × 2% + 10000 × 3%
    Decimal('1200.00')
    >>> c.breakdown(Money(25000, "CNY")).localize("zh_Hans_CN")
    '¥10,000.00 × 1% + ¥15,000.00 × 2%'
    >>> c.describe().explain("en")
    'Commission, each tier at its own rate: 1% from CN¥0.00, 2% from CN¥10,000.00, and 3% from CN¥50,000.00 (TB-11)'
    """

    tiers: tuple[CommissionTier, ...] = attrs.field(
        converter=_tiers, validator=tuple_of(CommissionTier, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))

    def __attrs_post_init__(self) -> None:
        currencies = {t.threshold.currency for t in self.tiers}
        if len(currencies) > 1:
            raise PolicyError("CommissionTiers.tiers", sorted(currencies), "mixed currencies")
        for low, high in zip(self.tiers, self.tiers[1:], strict=False):
            if high.threshold <= low.threshold:
                raise PolicyError(
                    "CommissionTiers.tiers",
                    str(high.threshold),
                    f"thresholds must rise strictly (after {low.threshold})",
                )

    @property
    def currency(self) -> str:
        """The currency of the thresholds."""
        return self.tiers[0].threshold.currency

    def _sales(self, sales: object) -> Money:
        return money_input("sales", sales, self.currency)

    def breakdown(self, sales: Money) -> CommissionBreakdown:
        """Each tier's part of *sales* and what it earns (tiers the sales do not reach are
        left out)."""
        amount = self._sales(sales)
        parts = []
        for i, tier in enumerate(self.tiers):
            if amount <= tier.threshold:
                break
            top = self.tiers[i + 1].threshold if i + 1 < len(self.tiers) else None
            inside = (amount if top is None or amount < top else top) - tier.threshold
            parts.append(CommissionPart(tier, inside, inside * tier.rate))
        return CommissionBreakdown(tuple(parts))

    def commission(self, sales: Money) -> Money:
        """The commission on *sales*, exact (not rounded)."""
        return self.breakdown(sales).total or Money.zero(self.currency)

    def describe(self) -> Reason:
        """The tiers in words."""
        return Reason(
            self.cite, N_("Commission, each tier at its own rate: {tiers}"), {"tiers": self.tiers}
        )


def split_pool(pool: Money, scores: Mapping[str, Decimal | int | str]) -> dict[str, Money]:
    """Split *pool* among agents in proportion to their *scores* (TB-12: pool ÷ sum of all
    scores × own score, plus and minus points included).

    The remainder rule: each share is first rounded **down** to the cent; the cents left
    over (fewer than the number of agents) go one each to the agents whose shares lost
    the most in rounding down (the largest remainders), ties going to the agent id that
    sorts first.  The shares therefore add up to the pool exactly.  Arithmetic is exact
    (fractions), so no remainder is lost to precision.

    *pool* must be whole cents and not negative; *scores* (``Decimal``, ``int`` or numeric
    ``str``, never ``float``) must not be negative and must add up to more than 0.  The
    result keeps the order of *scores*.

    >>> split_pool(Money(100, "CNY"), {"A-1": 1, "A-2": 1, "A-3": 1})
    {'A-1': Money(amount=Decimal('33.34'), currency='CNY'), 'A-2': Money(amount=Decimal('33.33'), currency='CNY'), 'A-3': Money(amount=Decimal('33.33'), currency='CNY')}
    >>> shares = split_pool(Money("1000.00", "CNY"), {"A-1": Decimal("92.5"), "A-2": 88, "A-3": Decimal("61")})
    >>> [str(s.amount) for s in shares.values()], sum(s.amount for s in shares.values())
    (['383.02', '364.39', '252.59'], Decimal('1000.00'))
    >>> split_pool(Money(100, "CNY"), {"A-1": 0.5})
    Traceback (most recent call last):
    ...
    servicecodex.FloatError: scores[A-1]: floats are not accepted for points; use Decimal('…') (got 0.5)
    """
    pool = money_input("pool", pool)
    if pool.amount != pool.amount.quantize(CENT):
        raise ValidationError("pool", pool, "a bonus pool is whole cents (0.01)")
    if not isinstance(scores, Mapping) or not scores:
        raise ValidationError("scores", scores, "give each agent's score, by agent id")
    points: dict[str, Decimal] = {}
    for agent_id, score in scores.items():
        if not isinstance(agent_id, str) or not agent_id.strip():
            raise ValidationError("scores", agent_id, "keys are agent ids")
        value = to_amount(score, f"scores[{agent_id}]", "points")
        if value < 0:
            raise ValidationError(
                f"scores[{agent_id}]", value, "a negative score has no share of a pool"
            )
        points[agent_id] = value
    total = sum(points.values(), Decimal(0))
    if total <= 0:
        raise ValidationError("scores", total, "the scores add up to 0: the pool cannot be split")
    cents = int(pool.amount * 100)
    exact = {a: Fraction(cents) * Fraction(p) / Fraction(total) for a, p in points.items()}
    floor = {a: int(share) for a, share in exact.items()}  # shares are >= 0: int() floors
    left = cents - sum(floor.values())
    by_remainder = sorted(exact, key=lambda a: (-(exact[a] - floor[a]), a))
    for agent_id in by_remainder[:left]:
        floor[agent_id] += 1
    return {a: Money(Decimal(floor[a]).scaleb(-2), pool.currency) for a in points}


@attrs.frozen
class BonusPool:
    """A bonus pool split among the agents by appraisal score (TB-12); the split itself is
    :func:`split_pool`, :meth:`shares` splits by the month's scorecards, and each agent's
    share goes on the payslip as ``bonus=``.

    *formula*, when given, cites the rule that makes the share the agent's performance
    bonus: the pool is what the results earn, each share follows the composite appraisal
    (TB-10 「績效獎金通過業績考評*綜合考評兩部分考核評分進行獎勵」).  The payslip's bonus
    line then cites it.
    """

    cite: Citation = attrs.field(validator=of_type(Citation))
    formula: Citation | None = attrs.field(
        default=None, kw_only=True, validator=of_type(Citation, optional=True)
    )

    def split(self, pool: Money, scores: Mapping[str, Decimal | int | str]) -> dict[str, Money]:
        """:func:`split_pool`."""
        return split_pool(pool, scores)

    def shares(self, pool: Money, cards: Iterable[Scorecard]) -> dict[str, Money]:
        """Each agent's share of one month's *pool*, in proportion to the totals of that
        month's scorecards *cards* (plus and minus points included), by agent id in the
        order of *cards*; :func:`split_pool` does the arithmetic and the rounding.

        :raises ValidationError: no cards, something other than scorecards, cards of
            different months, two cards for one agent, or totals that cannot split a pool.
        """
        from servicecodex._appraisal import Scorecard

        given = list(cards)
        if not given or not all(isinstance(card, Scorecard) for card in given):
            raise ValidationError("cards", given, "give the month's scorecards")
        periods = {card.period for card in given}
        if len(periods) > 1:
            labels = sorted(period.label("en") for period in periods)
            raise ValidationError("cards", labels, "split one month's pool at a time")
        scores: dict[str, Decimal] = {}
        for card in given:
            if card.agent_id in scores:
                raise ValidationError("cards", card.agent_id, "two scorecards for one agent")
            scores[card.agent_id] = card.total
        return split_pool(pool, scores)

    def describe(self) -> Reason:
        """The split in words, with its rounding rule."""
        return Reason(
            self.cite,
            N_(
                "Individual bonus = the bonus pool ÷ the sum of all scores × one's own score (plus and minus points included); shares are rounded down to the cent and the cents left over go to the largest remainders"
            ),
        )

    def describe_formula(self) -> Reason | None:
        """What the share pays, in words (``None`` without a *formula*)."""
        if self.formula is None:
            return None
        return Reason(
            self.formula,
            N_(
                "Performance bonus = results appraisal × composite appraisal: the results make the pool, the composite appraisal each one's share of it"
            ),
        )


@attrs.frozen
class WeightedBonus:
    """A base bonus scaled by the month's weighted appraisal total (AMB-50): *base* ×
    total ÷ *out_of*, never below 0.  The weights themselves (EH-34 … EH-36: 60% / 30% /
    10%) are the criteria's weights in the appraisal scheme.

    >>> wb = WeightedBonus(Money(500, "CNY"), Citation("EH-37", "003 绩效考核 二"))
    >>> wb.describe().explain("zh_Hans")
    '奖金：¥500.00 × 加权考核总分 ÷ 100（EH-37）'
    """

    base: Money = attrs.field(validator=_positive_money)
    cite: Citation = attrs.field(validator=of_type(Citation))
    out_of: Decimal = attrs.field(default=Decimal(100), converter=_out_of)

    def amount(self, card: Scorecard) -> Money:
        """The bonus for the scorecard *card* (exact, not rounded)."""
        if card.total <= 0:
            return Money.zero(self.base.currency)
        return self.base * card.total / self.out_of

    def describe(self) -> Reason:
        """The formula in words."""
        return Reason(
            self.cite,
            N_("Bonus: {base} × the weighted appraisal total ÷ {out_of}"),
            {"base": self.base, "out_of": self.out_of},
        )


@attrs.frozen
class PerformancePay:
    """Pay is the base salary plus a performance bonus (TB-07 「工資包含:基本工資、
    績效獎金」).

    A table with it must say how the bonus is paid (a ``bonus_pool`` or a
    ``weighted_bonus``); a payslip for a month that could carry the bonus but has none
    says so in a note, so a bonus left out is seen, not silently missing.

    >>> PerformancePay(Citation("TB-07", "002 P3b 二(二)")).describe().explain("zh_Hans")
    '工资 = 基本工资 + 绩效奖金（TB-07）'
    """

    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The composition in words."""
        return Reason(self.cite, N_("Pay = base salary + performance bonus"))


@attrs.frozen
class PayrollDeductions:
    """What payroll takes off the month's pay: its fines, and a full-attendance bonus the
    month did not earn (TB-18 「結算工資時按公司相關規定扣除全勤獎金和相應罰款」).

    The payslip deducts the fines of the assessment it is given in any case; with this
    rule it also states, under the organisation's citation, what payroll took off.
    """

    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The rule in words."""
        return Reason(
            self.cite,
            N_(
                "At payroll, the month's fines are deducted and a full-attendance bonus not earned is withheld"
            ),
        )


def _sorted_minimums(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    years = [m.from_service_year for m in value]
    if years != sorted(set(years)):
        raise PolicyError(
            "SalaryBands.minimums", years, "service years must rise strictly, one minimum each"
        )


@attrs.frozen
class SalaryBands:
    """The answer of ``servicecodex_salary_bands``: every band, all in *currency*, and the
    rest of the pay policy (all optional; see the module documentation).

    >>> c = Citation("EL-20", "002 第一篇 六")
    >>> bands = SalaryBands("CNY", (SalaryBand("junior", Text(en="Junior", zh_Hans="初级客服"),
    ...                                        Money(2200, "CNY"), c),))
    >>> bands.band("junior").describe().explain("zh_Hans_CN")
    '初级客服：月基本工资¥2,200.00（EL-20）'

    A table with guaranteed minimums by year of service (TB-08):

    >>> tb08 = Citation("TB-08", "002 P3b 二(二)")
    >>> bands = SalaryBands("CNY", bands.bands, minimums=[
    ...     GuaranteedMinimum(n, Money(pay, "CNY"), tb08)
    ...     for n, pay in ((1, 2000), (2, 2200), (3, 2500))],
    ...     settlement=MinimumSettlement.ANNUAL)
    >>> bands.minimum_for(1).amount, bands.minimum_for(7).amount
    (Money(amount=Decimal('2000'), currency='CNY'), Money(amount=Decimal('2500'), currency='CNY'))
    >>> [r.explain("en") for r in bands.describe_all()][-1]
    'Guaranteed minimums are settled annually: the pay of the months settled together is topped up to the sum of their minimums (TB-08)'
    """

    currency: str = attrs.field(validator=currency)
    bands: tuple[SalaryBand, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(SalaryBand, nonempty=True)
    )
    trial: TrialPay | None = attrs.field(
        default=None, kw_only=True, validator=of_type(TrialPay, optional=True)
    )
    minimums: tuple[GuaranteedMinimum, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=as_tuple,
        validator=[tuple_of(GuaranteedMinimum), _sorted_minimums],
    )
    settlement: MinimumSettlement = attrs.field(
        default=MinimumSettlement.MONTHLY, kw_only=True, validator=of_type(MinimumSettlement)
    )
    full_attendance: AttendanceBonus | None = attrs.field(
        default=None, kw_only=True, validator=of_type(AttendanceBonus, optional=True)
    )
    awards: tuple[Award, ...] = attrs.field(
        default=(), kw_only=True, converter=as_tuple, validator=tuple_of(Award)
    )
    streak_awards: tuple[StreakAward, ...] = attrs.field(
        default=(), kw_only=True, converter=as_tuple, validator=tuple_of(StreakAward)
    )
    fail_deduction: FailDeduction | None = attrs.field(
        default=None, kw_only=True, validator=of_type(FailDeduction, optional=True)
    )
    commission: CommissionTiers | None = attrs.field(
        default=None, kw_only=True, validator=of_type(CommissionTiers, optional=True)
    )
    bonus_pool: BonusPool | None = attrs.field(
        default=None, kw_only=True, validator=of_type(BonusPool, optional=True)
    )
    weighted_bonus: WeightedBonus | None = attrs.field(
        default=None, kw_only=True, validator=of_type(WeightedBonus, optional=True)
    )
    performance_pay: PerformancePay | None = attrs.field(
        default=None, kw_only=True, validator=of_type(PerformancePay, optional=True)
    )
    payroll_deductions: PayrollDeductions | None = attrs.field(
        default=None, kw_only=True, validator=of_type(PayrollDeductions, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.bands, lambda b: b.id, "SalaryBands.bands")
        for band in self.bands:
            if band.base.currency != self.currency:
                raise PolicyError(
                    f"SalaryBands.bands[{band.id}].base", band.base, f"not in {self.currency}"
                )
        codes = [a.code for a in self.awards] + [s.code for s in self.streak_awards]
        unique(codes, lambda code: code, "SalaryBands.awards")
        for field, amount in self._amounts():
            if amount.currency != self.currency:
                raise PolicyError(f"SalaryBands.{field}", amount, f"not in {self.currency}")
        if self.performance_pay is not None and not (self.bonus_pool or self.weighted_bonus):
            raise PolicyError(
                "SalaryBands.performance_pay",
                self.performance_pay.cite.rule_id,
                "pay includes a performance bonus, but the table pays none: "
                "give a bonus_pool or a weighted_bonus",
            )

    def _amounts(self) -> Iterable[tuple[str, Money]]:
        if self.trial is not None:
            yield "trial.amount", self.trial.amount
        for m in self.minimums:
            yield f"minimums[{m.from_service_year}].amount", m.amount
        if self.full_attendance is not None:
            yield "full_attendance.amount", self.full_attendance.amount
        for a in self.awards:
            yield f"awards[{a.code}].amount", a.amount
        for s in self.streak_awards:
            yield f"streak_awards[{s.code}].amount", s.amount
        if self.fail_deduction is not None:
            yield "fail_deduction.amount", self.fail_deduction.amount
        if self.commission is not None:
            for t in self.commission.tiers:
                yield "commission.tiers.threshold", t.threshold
        if self.weighted_bonus is not None:
            yield "weighted_bonus.base", self.weighted_bonus.base

    def band(self, band_id: str) -> SalaryBand:
        """The band with that id."""
        return by_id(self.bands, lambda b: b.id, band_id, "salary band")

    def award(self, code: str) -> Award:
        """The award with that code (:class:`~servicecodex.ValidationError` if unknown)."""
        return by_id(self.awards, lambda a: a.code, code, f"awards[{code}]", ValidationError)

    def streak_award(self, code: str) -> StreakAward:
        """The streak award with that code (:class:`~servicecodex.ValidationError` if unknown)."""
        return by_id(
            self.streak_awards, lambda a: a.code, code, f"streaks[{code}]", ValidationError
        )

    def minimum_for(self, service_year: int) -> GuaranteedMinimum | None:
        """The guaranteed minimum of service year *service_year* (1 = the first), ``None``
        where none applies; the last minimum holds for every later year (AMB-40)."""
        found = None
        for minimum in self.minimums:
            if minimum.from_service_year <= service_year:
                found = minimum
        return found

    def describe_settlement(self) -> Reason | None:
        """How the minimums are settled, cited to the first minimum; ``None`` without any."""
        if not self.minimums:
            return None
        message = (
            N_(
                "Guaranteed minimums are settled monthly: a month's pay before fines is topped up to the month's minimum"
            )
            if self.settlement is MinimumSettlement.MONTHLY
            else N_(
                "Guaranteed minimums are settled annually: the pay of the months settled together is topped up to the sum of their minimums"
            )
        )
        return Reason(self.minimums[0].cite, message)

    def describe_all(self) -> tuple[Reason, ...]:
        """Every element of the table in words: what pay is made of, bands, trial pay,
        minimums and how they are settled, full-attendance bonus, awards, streak awards,
        the fail deduction, commission tiers, the bonus pool and what its shares pay, the
        weighted bonus, and what payroll deducts."""
        single = (
            self.performance_pay,
            self.trial,
            self.full_attendance,
            self.fail_deduction,
            self.commission,
            self.bonus_pool,
            self.weighted_bonus,
            self.payroll_deductions,
        )
        composition, trial, attendance, fail, commission, pool, weighted, payroll = (
            [x.describe()] if x is not None else [] for x in single
        )
        settlement = self.describe_settlement()
        formula = self.bonus_pool.describe_formula() if self.bonus_pool is not None else None
        return (
            *composition,
            *(b.describe() for b in self.bands),
            *trial,
            *(m.describe() for m in self.minimums),
            *([settlement] if settlement is not None else []),
            *attendance,
            *(a.describe() for a in self.awards),
            *(s.describe() for s in self.streak_awards),
            *fail,
            *commission,
            *pool,
            *([formula] if formula is not None else []),
            *weighted,
            *payroll,
        )
