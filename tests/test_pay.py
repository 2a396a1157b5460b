"""Pay tables and the bonus-pool split: salary bands (EL-17…EL-21), trial pay (TB-09),
guaranteed minimums (TB-08, AMB-40), the full-attendance bonus (TB-14), awards (TB-15…TB-17,
AMB-35), streak awards (TB-13, AMB-41), the fail deduction (TB-49), commission tiers
(TB-11; the tier table is missing from the source, AMB-38, so the one here is our own),
the bonus pool (TB-12) and the weighted bonus (EH-34…EH-38, AMB-50).

Every table is built here, not taken from a plugin (AMB-44: each organisation keeps its
own table).  Payslips themselves are in test_payslips.py.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc


def cny(amount: Decimal | int | str) -> sc.Money:
    return sc.Money(amount, "CNY")


def usd(amount: Decimal | int | str) -> sc.Money:
    return sc.Money(amount, "USD")


# Citations: rule ids and clauses from RULES.md.
EL17 = sc.Citation("EL-17", "002 第一篇 六.1")
EL18 = sc.Citation("EL-18", "002 第一篇 六.2")
EL19 = sc.Citation("EL-19", "002 第一篇 六.3")
EL20 = sc.Citation("EL-20", "002 第一篇 六.4")
EL21 = sc.Citation("EL-21", "002 第一篇 六.5")
TB08 = sc.Citation("TB-08", "002 P3b 二(二)")
TB09 = sc.Citation("TB-09", "002 P3b 二(二)")
TB11 = sc.Citation("TB-11", "002 P3b (1)")
TB12 = sc.Citation("TB-12", "002 P3b (g)")
TB13 = sc.Citation("TB-13", "002 P3b (e)")
TB14 = sc.Citation("TB-14", "002 P1 六(1)")
TB15 = sc.Citation("TB-15", "002 P1 六(3)")
TB16 = sc.Citation("TB-16", "002 P1 六(3)")
TB17 = sc.Citation("TB-17", "002 P1 六(4)")
TB49 = sc.Citation("TB-49", "002 P3b (e)")
EH34 = sc.Citation("EH-34", "003 绩效考核 一.A")
EH35 = sc.Citation("EH-35", "003 绩效考核 一.B")
EH36 = sc.Citation("EH-36", "003 绩效考核 一.C")
EH37 = sc.Citation("EH-37", "003 绩效考核 二")

# EL-17 … EL-21: the ecommerce-ladder pay table.
EL_BANDS = (
    sc.SalaryBand(
        "trial", sc.Text(en="New CS on trial", zh_Hant="新員工(試用期)"), cny(1800), EL17
    ),
    sc.SalaryBand("junior", sc.Text(en="Junior CS", zh_Hant="初級客服"), cny(2200), EL18),
    sc.SalaryBand(
        "intermediate", sc.Text(en="Intermediate CS", zh_Hant="中級客服"), cny(2500), EL19
    ),
    sc.SalaryBand("senior", sc.Text(en="Senior CS", zh_Hant="高級客服"), cny(3000), EL20),
    sc.SalaryBand("reserve", sc.Text(en="Reserve supervisor", zh_Hant="儲備主管"), cny(4000), EL21),
)
JUNIOR = EL_BANDS[1]

TOP_SALES = sc.Award("top-sales", sc.Text(en="Top sales", zh_Hant="銷售業績第一"), cny(100), TB15)
TOP_COMPOSITE = sc.Award(
    "top-composite", sc.Text(en="Top composite score", zh_Hant="綜合評分最高"), cny(100), TB16
)
TOP_CONVERSION = sc.Award(
    "top-conversion", sc.Text(en="Top conversion rate", zh_Hant="轉化率最高"), cny(100), TB17
)
FIRST_COMPOSITE = sc.StreakAward(
    "first-composite",
    sc.Text(en="First in composite score", zh_Hant="綜合業績第一"),
    3,
    cny(100),
    TB13,
)
# AMB-38: the source has no tier table; a plausible one, documented here only.
TIERS = sc.CommissionTiers(
    [
        (cny(0), Decimal("0.01")),
        (cny(10000), Decimal("0.02")),
        (cny(30000), Decimal("0.03")),
    ],
    TB11,
)


def minimums() -> list[sc.GuaranteedMinimum]:
    """TB-08: 2000 / 2200 / 2500 a month in service years 1, 2 and 3 on."""
    return [
        sc.GuaranteedMinimum(1, cny(2000), TB08),
        sc.GuaranteedMinimum(2, cny(2200), TB08),
        sc.GuaranteedMinimum(3, cny(2500), TB08),
    ]


def tb_table(**overrides: object) -> sc.SalaryBands:
    """The taobao-shop table (TB-07 … TB-18, TB-49), every element present."""
    fields: dict[str, object] = {
        "trial": sc.TrialPay(cny(1600), 1, False, TB09),
        "minimums": minimums(),
        "settlement": sc.MinimumSettlement.ANNUAL,
        "full_attendance": sc.AttendanceBonus(cny(100), TB14),
        "awards": [TOP_SALES, TOP_COMPOSITE, TOP_CONVERSION],
        "streak_awards": [FIRST_COMPOSITE],
        "fail_deduction": sc.FailDeduction(cny(100), TB49),
        "commission": TIERS,
        "bonus_pool": sc.BonusPool(TB12),
    }
    fields.update(overrides)
    junior = sc.SalaryBand("junior", sc.Text(en="Junior CS", zh_Hant="初級客服"), cny(2000), TB08)
    return sc.SalaryBands("CNY", [junior], **fields)  # type: ignore[arg-type]


def weighted_scheme() -> sc.AppraisalScheme:
    """EH-34 … EH-36: workload 60%, monthly appraisal 30%, other tests 10%, each out of 100."""
    return sc.AppraisalScheme(
        [
            sc.Criterion(
                "workload", sc.Text(en="Workload", zh_Hans="工作量"), 100, EH34, Decimal("0.6")
            ),
            sc.Criterion(
                "appraisal", sc.Text(en="Appraisal", zh_Hans="绩效考核"), 100, EH35, Decimal("0.3")
            ),
            sc.Criterion(
                "tests", sc.Text(en="Other tests", zh_Hans="其它测评"), 100, EH36, Decimal("0.1")
            ),
        ],
        [sc.PeriodKind.MONTH],
        EH37,
    )


# The EL table ----------------------------------------------------------------------------


def test_el_pay_table_pays_each_band_its_base() -> None:
    bands = sc.SalaryBands("CNY", EL_BANDS)
    assert [(b.id, b.base) for b in bands.bands] == [
        ("trial", cny(1800)),
        ("junior", cny(2200)),
        ("intermediate", cny(2500)),
        ("senior", cny(3000)),
        ("reserve", cny(4000)),
    ]
    assert bands.band("junior") is JUNIOR
    assert JUNIOR.describe().explain("zh_Hans_CN") == "初级客服：月基本工资¥2,200.00（EL-18）"
    assert JUNIOR.describe().explain("zh_Hant") == "初級客服：月基本工資CN¥2,200.00（EL-18）"
    assert JUNIOR.describe().explain("en") == "Junior CS: base pay CN¥2,200.00 a month (EL-18)"
    # Nothing but bands: no minimum, no settlement to describe.
    assert bands.minimum_for(1) is None
    assert bands.describe_settlement() is None
    assert [r.rule_id for r in bands.describe_all()] == [
        "EL-17",
        "EL-18",
        "EL-19",
        "EL-20",
        "EL-21",
    ]


def test_an_unknown_band_is_refused_naming_the_known_ones() -> None:
    bands = sc.SalaryBands("CNY", EL_BANDS)
    with pytest.raises(sc.PolicyError, match="known: trial, junior") as info:
        bands.band("expert")
    assert info.value.field == "salary band"


def test_the_tb_table_describes_every_element_with_its_rule() -> None:
    table = tb_table()
    assert [r.rule_id for r in table.describe_all()] == [
        "TB-08",  # the junior band
        "TB-09",  # trial pay
        "TB-08",
        "TB-08",
        "TB-08",  # three minimums
        "TB-08",  # settled annually
        "TB-14",
        "TB-15",
        "TB-16",
        "TB-17",
        "TB-13",
        "TB-49",
        "TB-11",
        "TB-12",
    ]
    texts = [r.explain("en") for r in table.describe_all()]
    assert "Trial pay: CN¥1,600.00 a month within 1 month of hire, no bonus (TB-09)" in texts
    assert "Guaranteed minimum from service year 2: CN¥2,200.00 a month (TB-08)" in texts
    assert (
        "Full-attendance bonus: CN¥100.00 for a whole month with no lateness, early leaving,"
        " absence or leave (TB-14)" in texts
    )
    assert "Appraisal below the pass mark: CN¥100.00 deducted that month (TB-49)" in texts
    assert (
        "Commission, each tier at its own rate: 1% from CN¥0.00, 2% from CN¥10,000.00,"
        " and 3% from CN¥30,000.00 (TB-11)" in texts
    )
    for locale in ("zh_Hans_CN", "zh_Hant_TW"):
        for reason in table.describe_all():
            assert reason.explain(locale).endswith(f"（{reason.rule_id}）")


def test_trial_pay_with_bonuses_describes_itself_so() -> None:
    # AMB-44: each table sets its own trial pay and length; EL-17 pays 1800.
    trial = sc.TrialPay(cny(1800), 3, True, EL17)
    assert trial.describe().explain("en") == (
        "Trial pay: CN¥1,800.00 a month within 3 months of hire, bonuses paid (EL-17)"
    )


# Construction errors ---------------------------------------------------------------------


def _band(base: object) -> sc.SalaryBand:
    return sc.SalaryBand("junior", sc.Text(en="Junior CS", zh_Hans="初级客服"), base, EL18)  # type: ignore[arg-type]


CURRENCY_MISMATCHES: list[tuple[Callable[[], object], str]] = [
    (lambda: sc.SalaryBands("CNY", [_band(usd(2200))]), "SalaryBands.bands[junior].base"),
    (lambda: tb_table(trial=sc.TrialPay(usd(1600), 1, False, TB09)), "SalaryBands.trial.amount"),
    (
        lambda: tb_table(
            minimums=[
                sc.GuaranteedMinimum(1, cny(2000), TB08),
                sc.GuaranteedMinimum(2, usd(2200), TB08),
            ]
        ),
        "SalaryBands.minimums[2].amount",
    ),
    (
        lambda: tb_table(full_attendance=sc.AttendanceBonus(usd(100), TB14)),
        "SalaryBands.full_attendance.amount",
    ),
    (
        lambda: tb_table(awards=[sc.Award("top-sales", TOP_SALES.name, usd(100), TB15)]),
        "SalaryBands.awards[top-sales].amount",
    ),
    (
        lambda: tb_table(
            streak_awards=[
                sc.StreakAward("first-composite", FIRST_COMPOSITE.name, 3, usd(100), TB13)
            ]
        ),
        "SalaryBands.streak_awards[first-composite].amount",
    ),
    (
        lambda: tb_table(fail_deduction=sc.FailDeduction(usd(100), TB49)),
        "SalaryBands.fail_deduction.amount",
    ),
    (
        lambda: tb_table(commission=sc.CommissionTiers([(usd(0), Decimal("0.01"))], TB11)),
        "SalaryBands.commission.tiers.threshold",
    ),
    (
        lambda: tb_table(weighted_bonus=sc.WeightedBonus(usd(500), EH37)),
        "SalaryBands.weighted_bonus.base",
    ),
    (
        lambda: sc.CommissionTiers(
            [(cny(0), Decimal("0.01")), (usd(10000), Decimal("0.02"))], TB11
        ),
        "CommissionTiers.tiers",
    ),
]


@pytest.mark.parametrize(("build", "field"), CURRENCY_MISMATCHES)
def test_an_amount_in_another_currency_is_refused_naming_the_field(
    build: Callable[[], object], field: str
) -> None:
    with pytest.raises(sc.PolicyError) as info:
        build()
    assert info.value.field == field
    assert field in str(info.value)


def test_an_unknown_currency_is_refused() -> None:
    with pytest.raises(sc.PolicyError) as info:
        sc.SalaryBands("RMB", [JUNIOR])
    assert info.value.field == "SalaryBands.currency"


def test_a_float_is_refused_for_money() -> None:
    with pytest.raises(sc.FloatMoneyError) as info:
        sc.Money(2200.0, "CNY")
    assert info.value.field == "Money.amount"


# Each pay-table field given a float instead of Money.
FLOAT_AMOUNTS: list[tuple[Callable[[float], object], str]] = [
    (_band, "SalaryBand.base"),
    (lambda x: sc.TrialPay(x, 1, False, TB09), "TrialPay.amount"),  # type: ignore[arg-type]
    (lambda x: sc.GuaranteedMinimum(1, x, TB08), "GuaranteedMinimum.amount"),  # type: ignore[arg-type]
    (lambda x: sc.AttendanceBonus(x, TB14), "AttendanceBonus.amount"),  # type: ignore[arg-type]
    (lambda x: sc.Award("top-sales", TOP_SALES.name, x, TB15), "Award.amount"),  # type: ignore[arg-type]
    (
        lambda x: sc.StreakAward("first", FIRST_COMPOSITE.name, 3, x, TB13),  # type: ignore[arg-type]
        "StreakAward.amount",
    ),
    (lambda x: sc.FailDeduction(x, TB49), "FailDeduction.amount"),  # type: ignore[arg-type]
    (lambda x: sc.WeightedBonus(x, EH37), "WeightedBonus.base"),  # type: ignore[arg-type]
    (lambda x: sc.CommissionTier(x, Decimal("0.01")), "CommissionTier.threshold"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("build", "field"), FLOAT_AMOUNTS)
def test_a_float_amount_in_a_pay_table_is_a_float_money_error_naming_the_field(
    build: Callable[[float], object], field: str
) -> None:
    # A float where money is due is refused as such (FloatMoneyError), as money_input and
    # Money itself do, not as a mere "expected Money".
    with pytest.raises(sc.FloatMoneyError) as info:
        build(100.0)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: sc.CommissionTier(cny(0), 0.05), "CommissionTier.rate"),
        (lambda: sc.WeightedBonus(cny(500), EH37, 100.0), "WeightedBonus.out_of"),
    ],
)
def test_a_float_rate_or_scale_is_a_float_error(build: Callable[[], object], field: str) -> None:
    with pytest.raises(sc.FloatError) as info:
        build()
    assert info.value.field == field


# Each pay-table amount, given as Money.
AMOUNTS: list[tuple[Callable[[sc.Money], object], str]] = [
    (_band, "SalaryBand.base"),
    (lambda m: sc.TrialPay(m, 1, False, TB09), "TrialPay.amount"),
    (lambda m: sc.GuaranteedMinimum(1, m, TB08), "GuaranteedMinimum.amount"),
    (lambda m: sc.AttendanceBonus(m, TB14), "AttendanceBonus.amount"),
    (lambda m: sc.Award("top-sales", TOP_SALES.name, m, TB15), "Award.amount"),
    (lambda m: sc.StreakAward("first", FIRST_COMPOSITE.name, 3, m, TB13), "StreakAward.amount"),
    (lambda m: sc.FailDeduction(m, TB49), "FailDeduction.amount"),
    (lambda m: sc.WeightedBonus(m, EH37), "WeightedBonus.base"),
]


@pytest.mark.parametrize(("build", "field"), AMOUNTS)
@pytest.mark.parametrize("amount", ["0", "-100", "-0.01"])
def test_a_zero_or_negative_amount_is_refused_naming_the_field(
    build: Callable[[sc.Money], object], field: str, amount: str
) -> None:
    with pytest.raises(sc.PolicyError, match="must be above 0") as info:
        build(cny(amount))
    assert info.value.field == field


@pytest.mark.parametrize(("build", "field"), AMOUNTS)
def test_an_amount_below_the_cent_is_refused_naming_the_field(
    build: Callable[[sc.Money], object], field: str
) -> None:
    with pytest.raises(sc.PolicyError, match="whole cents") as info:
        build(cny("100.005"))
    assert info.value.field == field


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: sc.TrialPay(cny(1600), 0, False, TB09), "TrialPay.months"),
        (lambda: sc.TrialPay(cny(1600), True, False, TB09), "TrialPay.months"),
        (lambda: sc.TrialPay(cny(1600), 1, 0, TB09), "TrialPay.bonus_eligible"),  # type: ignore[arg-type]
        (lambda: sc.GuaranteedMinimum(0, cny(2000), TB08), "GuaranteedMinimum.from_service_year"),
        (
            lambda: sc.StreakAward("first", FIRST_COMPOSITE.name, 0, cny(100), TB13),
            "StreakAward.step",
        ),
        (lambda: sc.CommissionTier(cny(-1), Decimal("0.01")), "CommissionTier.threshold"),
        (lambda: sc.CommissionTier(cny(0), Decimal("-0.01")), "CommissionTier.rate"),
        (lambda: sc.CommissionTier(cny(0), Decimal("1.5")), "CommissionTier.rate"),
        (lambda: sc.WeightedBonus(cny(500), EH37, 0), "WeightedBonus.out_of"),
        (lambda: sc.Award("Top Sales", TOP_SALES.name, cny(100), TB15), "Award.code"),
    ],
)
def test_other_bad_values_are_refused_naming_the_field(
    build: Callable[[], object], field: str
) -> None:
    with pytest.raises(sc.PolicyError) as info:
        build()
    assert info.value.field == field


@pytest.mark.parametrize("years", [[1, 3, 2], [2, 2], [2, 1], [1, 1, 2]])
def test_minimum_years_must_rise_strictly(years: list[int]) -> None:
    table = [sc.GuaranteedMinimum(y, cny(2000 + 100 * i), TB08) for i, y in enumerate(years)]
    with pytest.raises(sc.PolicyError, match="rise strictly") as info:
        sc.SalaryBands("CNY", [JUNIOR], minimums=table)
    assert info.value.field == "SalaryBands.minimums"
    assert info.value.value == years


def test_the_last_minimum_holds_for_every_later_year() -> None:
    # TB-08 / AMB-40: service years; year 3 and later 2500.
    table = tb_table()
    assert [table.minimum_for(y) for y in (1, 2, 3, 4, 10)] == [
        minimums()[0],
        minimums()[1],
        minimums()[2],
        minimums()[2],
        minimums()[2],
    ]
    later = sc.SalaryBands("CNY", [JUNIOR], minimums=[sc.GuaranteedMinimum(2, cny(2200), TB08)])
    assert later.minimum_for(1) is None
    assert later.minimum_for(2) == sc.GuaranteedMinimum(2, cny(2200), TB08)


def test_settlement_is_monthly_unless_said_otherwise() -> None:
    monthly = sc.SalaryBands("CNY", [JUNIOR], minimums=minimums())
    assert monthly.settlement is sc.MinimumSettlement.MONTHLY
    described = monthly.describe_settlement()
    assert described is not None
    assert described.explain("en").startswith("Guaranteed minimums are settled monthly")
    assert sc.MinimumSettlement.ANNUAL.localize("zh_Hans") != "annual"


def test_duplicate_award_codes_are_refused() -> None:
    twin = sc.Award("top-sales", sc.Text(en="Top sales again", zh_Hans="销售第一"), cny(50), TB17)
    with pytest.raises(sc.PolicyError, match="duplicate") as info:
        tb_table(awards=[TOP_SALES, twin])
    assert info.value.field == "SalaryBands.awards"
    assert info.value.value == "top-sales"


def test_an_award_and_a_streak_award_cannot_share_a_code() -> None:
    streak = sc.StreakAward("top-sales", TOP_SALES.name, 3, cny(100), TB13)
    with pytest.raises(sc.PolicyError) as info:
        tb_table(streak_awards=[streak])
    assert info.value.field == "SalaryBands.awards"
    assert info.value.value == "top-sales"


def test_duplicate_band_ids_are_refused() -> None:
    with pytest.raises(sc.PolicyError) as info:
        sc.SalaryBands("CNY", [JUNIOR, _band(cny(2300))])
    assert info.value.field == "SalaryBands.bands"


def test_awards_are_found_by_code() -> None:
    table = tb_table()
    assert table.award("top-conversion") is TOP_CONVERSION
    assert table.streak_award("first-composite") is FIRST_COMPOSITE
    with pytest.raises(sc.ValidationError, match="known: top-sales, top-composite") as info:
        table.award("best-smile")
    assert not isinstance(info.value, sc.PolicyError)  # a user's input, not policy data
    assert info.value.field == "awards[best-smile]"


# Streak awards (TB-13, AMB-41) -----------------------------------------------------------


def test_a_streak_award_pays_at_each_multiple_of_its_step() -> None:
    paid = {n: FIRST_COMPOSITE.amount_for(n) for n in range(13)}
    assert paid == {
        0: None,
        1: None,
        2: None,
        3: cny(100),
        4: None,
        5: None,
        6: cny(200),
        7: None,
        8: None,
        9: cny(300),
        10: None,
        11: None,
        12: cny(400),
    }
    assert FIRST_COMPOSITE.amount_for(-3) is None
    assert FIRST_COMPOSITE.describe().explain("en") == (
        "First in composite score: CN¥100.00 for each 3 months in a row, paid when the streak"
        " reaches a multiple of 3 months (TB-13)"
    )


# Commission tiers (TB-11, AMB-38) --------------------------------------------------------


def test_commission_is_marginal_each_tier_at_its_own_rate() -> None:
    # 10000 × 1% + 20000 × 2% + 15000 × 3% = 100 + 400 + 450 = 950.
    breakdown = TIERS.breakdown(cny(45000))
    assert [(p.sales, p.tier.rate, p.commission) for p in breakdown.parts] == [
        (cny(10000), Decimal("0.01"), cny(100)),
        (cny(20000), Decimal("0.02"), cny(400)),
        (cny(15000), Decimal("0.03"), cny(450)),
    ]
    assert breakdown.total == cny(950)
    assert TIERS.commission(cny(45000)) == cny(950)
    assert breakdown.localize("zh_Hans_CN") == (
        "¥10,000.00 × 1% + ¥20,000.00 × 2% + ¥15,000.00 × 3%"
    )
    assert breakdown.localize("en") == ("CN¥10,000.00 × 1% + CN¥20,000.00 × 2% + CN¥15,000.00 × 3%")


@pytest.mark.parametrize(
    ("sales", "commission", "parts"),
    [
        ("0", "0", 0),
        ("9999.99", "99.9999", 1),
        ("10000", "100", 1),  # the tier's threshold itself still earns the lower rate
        ("10000.01", "100.0002", 2),
        ("30000", "500", 2),
        ("30001", "500.03", 3),
        ("100000", "2600", 3),  # 100 + 400 + 70000 × 3%
    ],
)
def test_commission_at_the_tier_boundaries(sales: str, commission: str, parts: int) -> None:
    breakdown = TIERS.breakdown(cny(sales))
    assert len(breakdown.parts) == parts
    assert TIERS.commission(cny(sales)) == cny(commission)
    if not parts:
        assert breakdown.total is None
        assert breakdown.localize("en") == "—"


def test_commission_tiers_accept_tier_records_and_start_anywhere() -> None:
    tiers = sc.CommissionTiers(
        [
            sc.CommissionTier(cny(5000), Decimal("0.05")),
            sc.CommissionTier(cny(8000), Decimal("0.08")),
        ],
        TB11,
    )
    assert tiers.currency == "CNY"
    assert tiers.commission(cny(4000)) == cny(0)
    assert tiers.commission(cny(10000)) == cny(150 + 160)
    assert tiers.tiers[1].localize("zh_Hans_CN") == "¥8,000.00起8%"
    assert sc.CommissionTier(cny(8000), Decimal("0.075")).localize("en") == "7.5% from CN¥8,000.00"


@pytest.mark.parametrize(
    "tiers",
    [
        [(cny(0), Decimal("0.01")), (cny(0), Decimal("0.02"))],
        [(cny(10000), Decimal("0.01")), (cny(5000), Decimal("0.02"))],
    ],
)
def test_commission_thresholds_must_rise_strictly(tiers: list[tuple[sc.Money, Decimal]]) -> None:
    with pytest.raises(sc.PolicyError, match="rise strictly") as info:
        sc.CommissionTiers(tiers, TB11)
    assert info.value.field == "CommissionTiers.tiers"


def test_commission_tiers_are_not_empty() -> None:
    with pytest.raises(sc.PolicyError) as info:
        sc.CommissionTiers([], TB11)
    assert info.value.field == "CommissionTiers.tiers"


def test_commission_sales_are_money_in_the_tiers_currency() -> None:
    with pytest.raises(sc.CurrencyMismatchError) as info:
        TIERS.commission(usd(45000))
    assert info.value.field == "sales"
    with pytest.raises(sc.FloatMoneyError) as float_info:
        TIERS.commission(45000.0)  # type: ignore[arg-type]
    assert float_info.value.field == "sales"
    with pytest.raises(sc.ValidationError, match="negative"):
        TIERS.commission(cny(-1))


sales_amounts = st.decimals(min_value=0, max_value=10**7, places=2).map(cny)


@given(sales_amounts, sales_amounts)
def test_commission_is_continuous_and_never_jumps_at_a_threshold(a: sc.Money, b: sc.Money) -> None:
    low, high = (a, b) if a <= b else (b, a)
    # Marginal tiers: more sales never earn less, and the extra earns between the lowest
    # and the highest rate (no cliff at a threshold).
    extra = TIERS.commission(high) - TIERS.commission(low)
    assert (high - low) * Decimal("0.01") <= extra <= (high - low) * Decimal("0.03")
    parts = TIERS.breakdown(high).parts
    assert sum((p.sales.amount for p in parts), Decimal(0)) == high.amount


# The weighted bonus (EH-34 … EH-38, AMB-50) -----------------------------------------------


def test_the_weighted_bonus_is_base_times_total_over_100() -> None:
    bonus = sc.WeightedBonus(cny(500), EH37)
    card = weighted_scheme().score(
        "A-017", sc.Month(2026, 3), {"workload": 80, "appraisal": 90, "tests": 70}
    )
    assert card.total == 82  # 80 × 0.6 + 90 × 0.3 + 70 × 0.1
    assert bonus.amount(card) == cny(410)
    assert bonus.describe().explain("en") == (
        "Bonus: CN¥500.00 × the weighted appraisal total ÷ 100 (EH-37)"
    )
    zero = weighted_scheme().score(
        "A-017", sc.Month(2026, 3), {"workload": 0, "appraisal": 0, "tests": 0}
    )
    assert bonus.amount(zero) == cny(0)


def test_the_weighted_bonus_may_be_out_of_another_total() -> None:
    bonus = sc.WeightedBonus(cny(600), EH37, out_of=Decimal(120))
    card = weighted_scheme().score(
        "A-017", sc.Month(2026, 3), {"workload": 100, "appraisal": 100, "tests": 100}
    )
    assert bonus.amount(card) == cny(500)  # 600 × 100 ÷ 120


# split_pool (TB-12) ----------------------------------------------------------------------


def test_split_pool_tb12_numbers_add_up_to_the_pool() -> None:
    # 1000.00 ÷ 245 × 90 = 367.3469…, × 85 = 346.9387…, × 70 = 285.7142…
    # Rounded down: 367.34 + 346.93 + 285.71 = 999.98; the two cents left go to the largest
    # remainders: A-02 (0.87…), then A-01 (0.69…).
    shares = sc.split_pool(cny("1000.00"), {"A-01": 90, "A-02": 85, "A-03": 70})
    assert shares == {"A-01": cny("367.35"), "A-02": cny("346.94"), "A-03": cny("285.71")}
    assert sum((s.amount for s in shares.values()), Decimal(0)) == Decimal("1000.00")
    assert sc.BonusPool(TB12).split(cny("1000.00"), {"A-01": 90, "A-02": 85, "A-03": 70}) == shares


def test_split_pool_counts_plus_and_minus_points() -> None:
    # TB-12: the individual's score includes plus and minus points, so scores need not be
    # whole; numeric strings are accepted.
    shares = sc.split_pool(cny(300), {"A-01": Decimal("92.5"), "A-02": "87.5", "A-03": 120})
    assert shares == {"A-01": cny("92.50"), "A-02": cny("87.50"), "A-03": cny("120.00")}


def test_split_pool_ties_go_to_the_agent_id_that_sorts_first() -> None:
    shares = sc.split_pool(cny(100), {"A-3": 1, "A-1": 1, "A-2": 1})
    assert list(shares) == ["A-3", "A-1", "A-2"]  # the order of the scores is kept
    assert shares == {"A-3": cny("33.33"), "A-1": cny("33.34"), "A-2": cny("33.33")}
    two_cents = sc.split_pool(cny("0.02"), {"B": 1, "C": 1, "A": 1})
    assert two_cents == {"B": cny("0.01"), "C": cny(0), "A": cny("0.01")}


def test_split_pool_gives_a_zero_score_nothing_and_splits_an_empty_pool() -> None:
    assert sc.split_pool(cny(100), {"A-1": 0, "A-2": 3}) == {"A-1": cny(0), "A-2": cny(100)}
    assert sc.split_pool(cny(0), {"A-1": 1, "A-2": 3}) == {"A-1": cny(0), "A-2": cny(0)}


def test_split_pool_shares_are_whole_cents_in_the_pools_currency() -> None:
    shares = sc.split_pool(usd("10.00"), {"A-1": 1, "A-2": 2})
    assert shares == {"A-1": usd("3.33"), "A-2": usd("6.67")}
    assert all(s.amount.as_tuple().exponent == -2 for s in shares.values())


@pytest.mark.parametrize(
    ("pool", "scores", "error", "field"),
    [
        (cny(1000), {"A-1": 0, "A-2": 0}, sc.ValidationError, "scores"),
        (cny(1000), {}, sc.ValidationError, "scores"),
        (cny(1000), {"A-1": 90, "A-2": -5}, sc.ValidationError, "scores[A-2]"),
        (cny(1000), {"A-1": 90, "A-2": Decimal("-0.5")}, sc.ValidationError, "scores[A-2]"),
        (cny("1000.005"), {"A-1": 1}, sc.ValidationError, "pool"),
        (cny(-1000), {"A-1": 1}, sc.ValidationError, "pool"),
        (cny(1000), {"A-1": 0.5}, sc.FloatError, "scores[A-1]"),
        (cny(1000), {"A-1": True}, sc.ValidationError, "scores[A-1]"),
        (cny(1000), {"A-1": "ninety"}, sc.ValidationError, "scores[A-1]"),
        (cny(1000), {"": 1}, sc.ValidationError, "scores"),
        (1000.0, {"A-1": 1}, sc.FloatMoneyError, "pool"),
        (1000, {"A-1": 1}, sc.ValidationError, "pool"),
    ],
)
def test_split_pool_refuses(
    pool: object, scores: dict[str, object], error: type[sc.ValidationError], field: str
) -> None:
    with pytest.raises(error) as info:
        sc.split_pool(pool, scores)  # type: ignore[arg-type]
    assert info.value.field == field


def test_split_pool_refuses_a_negative_score_even_when_the_total_is_positive() -> None:
    with pytest.raises(sc.ValidationError, match="negative score"):
        sc.split_pool(cny(1000), {"A-1": 90, "A-2": -5, "A-3": 70})


pools = st.integers(min_value=0, max_value=10**9).map(lambda cents: cny(Decimal(cents).scaleb(-2)))
score_values = st.decimals(min_value=0, max_value=1000, places=2)
score_maps = st.dictionaries(
    st.from_regex(r"A-[0-9]{1,3}", fullmatch=True), score_values, min_size=1, max_size=12
).filter(lambda m: sum(m.values(), Decimal(0)) > 0)


@settings(max_examples=300)
@given(pools, score_maps)
def test_split_pool_sums_to_the_pool_and_each_share_is_within_a_cent(
    pool: sc.Money, scores: dict[str, Decimal]
) -> None:
    shares = sc.split_pool(pool, scores)
    assert list(shares) == list(scores)
    assert sum((s.amount for s in shares.values()), Decimal(0)) == pool.amount
    total = sum((Fraction(v) for v in scores.values()), Fraction(0))
    for agent_id, share in shares.items():
        assert share.currency == "CNY"
        assert share.amount == share.amount.quantize(Decimal("0.01"))
        assert share.amount >= 0
        exact = Fraction(pool.amount) * Fraction(scores[agent_id]) / total
        assert abs(Fraction(share.amount) - exact) < Fraction(1, 100)


@given(pools, score_maps)
def test_split_pool_rewards_a_higher_score_at_least_as_much(
    pool: sc.Money, scores: dict[str, Decimal]
) -> None:
    shares = sc.split_pool(pool, scores)
    for a in scores:
        for b in scores:
            if scores[a] > scores[b]:
                assert shares[a] >= shares[b]


# No float enters a money path ------------------------------------------------------------


@given(st.floats())
def test_a_float_never_becomes_money(value: float) -> None:
    with pytest.raises(sc.FloatMoneyError):
        sc.Money(value, "CNY")
    with pytest.raises(sc.FloatMoneyError):
        sc.split_pool(value, {"A-1": 1})  # type: ignore[arg-type]
    with pytest.raises(sc.FloatMoneyError):
        TIERS.commission(value)  # type: ignore[arg-type]
    with pytest.raises(sc.FloatMoneyError):
        cny(100) * value  # type: ignore[operator]


@given(st.floats())
def test_a_float_is_never_a_score_or_a_rate(value: float) -> None:
    with pytest.raises(sc.FloatError):
        sc.split_pool(cny(100), {"A-1": value})  # type: ignore[dict-item]
    with pytest.raises(sc.FloatError):
        sc.CommissionTier(cny(0), value)
    with pytest.raises(sc.FloatError):
        sc.WeightedBonus(cny(500), EH37, value)


@given(st.floats())
def test_a_float_is_never_a_pay_table_amount(value: float) -> None:
    for build, field in FLOAT_AMOUNTS:
        with pytest.raises(sc.FloatError) as info:
            build(value)
        assert info.value.field == field
