"""Staff: agents, their tenure in whole months, titles, probation and dated facts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import servicecodex as sc

HIRED = pendulum.date(2026, 1, 31)
EXCELLENT = "excellent-cs"  # 優秀客服 (EL-09, EL-11)


def agent(
    hired: pendulum.Date = HIRED,
    rung_since: pendulum.Date | None = None,
    probation_end: pendulum.Date | None = None,
    status: sc.AgentStatus = sc.AgentStatus.REGULAR,
    titles: tuple[sc.Title, ...] = (),
) -> sc.Agent:
    return sc.Agent(
        "A-017",
        "王芳",
        hired=hired,
        rung="junior",
        rung_since=hired if rung_since is None else rung_since,
        probation_end=probation_end,
        status=status,
        titles=titles,
    )


# Validation ---------------------------------------------------------------------------


def test_an_agent_is_built_with_pendulum_days_from_plain_dates() -> None:
    a = sc.Agent("A-017", "王芳", hired=dt.date(2026, 1, 31), rung="junior", rung_since=HIRED)
    assert isinstance(a.hired, pendulum.Date)
    assert a.hired == HIRED


def test_rung_since_before_hire_is_refused_naming_the_field() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        agent(rung_since=pendulum.date(2026, 1, 30))
    assert exc.value.field == "Agent.rung_since"
    assert exc.value.value == pendulum.date(2026, 1, 30)
    assert "2026-01-31" in str(exc.value)


def test_rung_since_on_the_hire_day_is_fine() -> None:
    assert agent(rung_since=HIRED).rung_since == HIRED


def test_probation_end_before_hire_is_refused_naming_the_field() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        agent(probation_end=pendulum.date(2025, 12, 31), status=sc.AgentStatus.PROBATION)
    assert exc.value.field == "Agent.probation_end"
    assert exc.value.value == pendulum.date(2025, 12, 31)


def test_a_title_earned_before_hire_is_refused_naming_the_title() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        agent(titles=(sc.Title(EXCELLENT, pendulum.date(2025, 12, 31)),))
    assert exc.value.field == f"Agent.titles[{EXCELLENT}].on"
    assert exc.value.value == pendulum.date(2025, 12, 31)


def test_a_datetime_is_not_a_hire_date() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Agent(
            "A-017",
            "王芳",
            hired=dt.datetime(2026, 1, 31, 9),
            rung="junior",
            rung_since=HIRED,
        )
    assert exc.value.field == "Agent.hired"


@pytest.mark.parametrize("rung", ["Junior", "初级客服", "", "2nd"])
def test_the_rung_is_an_id(rung: str) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Agent("A-017", "王芳", hired=HIRED, rung=rung, rung_since=HIRED)
    assert exc.value.field == "Agent.rung"


# Tenure at month ends -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "months"),
    [
        (pendulum.date(2026, 1, 31), 0),
        (pendulum.date(2026, 2, 27), 0),
        (pendulum.date(2026, 2, 28), 1),  # 31 Jan + 1 month clamps to 28 Feb
        (pendulum.date(2026, 3, 30), 1),
        (pendulum.date(2026, 3, 31), 2),
        (pendulum.date(2026, 4, 30), 3),  # EL-07: "入職滿3個月"
        (pendulum.date(2027, 1, 30), 11),
        (pendulum.date(2027, 1, 31), 12),  # EL-11: "入職滿12個月"
    ],
)
def test_months_employed_counts_whole_months_with_month_end_clamping(
    as_of: pendulum.Date, months: int
) -> None:
    assert agent().months_employed(as_of) == months


@pytest.mark.parametrize(
    ("hired", "as_of", "months"),
    [
        (pendulum.date(2028, 1, 31), pendulum.date(2028, 2, 28), 0),
        (pendulum.date(2028, 1, 31), pendulum.date(2028, 2, 29), 1),  # leap February
        (pendulum.date(2028, 2, 29), pendulum.date(2028, 3, 28), 0),
        (pendulum.date(2028, 2, 29), pendulum.date(2028, 3, 29), 1),
        (pendulum.date(2028, 2, 29), pendulum.date(2029, 2, 27), 11),
        (pendulum.date(2028, 2, 29), pendulum.date(2029, 2, 28), 12),
    ],
)
def test_months_employed_in_a_leap_year(
    hired: pendulum.Date, as_of: pendulum.Date, months: int
) -> None:
    assert agent(hired=hired).months_employed(as_of) == months


def test_months_in_rung_counts_from_rung_since_not_from_hire() -> None:
    a = agent(rung_since=pendulum.date(2026, 4, 30))
    assert a.months_employed(pendulum.date(2026, 7, 31)) == 6
    assert a.months_in_rung(pendulum.date(2026, 7, 29)) == 2
    assert a.months_in_rung(pendulum.date(2026, 7, 30)) == 3


def test_as_of_before_hire_is_refused_naming_as_of() -> None:
    a = agent()
    for ask in (a.months_employed, a.months_in_rung, a.on_probation):
        with pytest.raises(sc.ValidationError) as exc:
            ask(pendulum.date(2026, 1, 30))
        assert exc.value.field == "as_of"
        assert exc.value.value == pendulum.date(2026, 1, 30)
        assert "A-017" in str(exc.value)


def test_months_in_rung_refuses_a_day_before_the_rung_was_entered() -> None:
    a = agent(rung_since=pendulum.date(2026, 4, 30))
    with pytest.raises(sc.ValidationError) as exc:
        a.months_in_rung(pendulum.date(2026, 4, 29))
    assert exc.value.field == "as_of"
    assert "junior" in str(exc.value)


def test_as_of_must_be_a_day_not_an_instant() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        agent().months_employed(pendulum.datetime(2026, 3, 31, 9, tz="Asia/Shanghai"))
    assert exc.value.field == "as_of"


# Titles and probation -----------------------------------------------------------------


def test_titles_held_counts_only_that_title_earned_by_the_day() -> None:
    a = agent(
        titles=(
            sc.Title(EXCELLENT, pendulum.date(2026, 3, 31)),
            sc.Title("full-attendance", pendulum.date(2026, 4, 30)),
            sc.Title(EXCELLENT, pendulum.date(2026, 6, 30)),
        )
    )
    assert a.titles_held(EXCELLENT, pendulum.date(2026, 3, 30)) == ()
    assert [t.on for t in a.titles_held(EXCELLENT, pendulum.date(2026, 3, 31))] == [
        pendulum.date(2026, 3, 31)
    ]
    assert len(a.titles_held(EXCELLENT, pendulum.date(2026, 12, 31))) == 2
    assert len(a.titles_held("full-attendance", pendulum.date(2026, 12, 31))) == 1
    assert a.titles_held("star-of-the-month", pendulum.date(2026, 12, 31)) == ()


def test_on_probation_until_the_end_day_inclusive() -> None:
    a = agent(probation_end=pendulum.date(2026, 2, 28), status=sc.AgentStatus.PROBATION)
    assert a.on_probation(HIRED)
    assert a.on_probation(pendulum.date(2026, 2, 28))
    assert not a.on_probation(pendulum.date(2026, 3, 1))


def test_on_probation_without_an_end_day_lasts() -> None:
    a = agent(status=sc.AgentStatus.PROBATION)
    assert a.on_probation(pendulum.date(2030, 1, 1))


@pytest.mark.parametrize(
    "status", [sc.AgentStatus.REGULAR, sc.AgentStatus.DISMISSED, sc.AgentStatus.RESIGNED]
)
def test_only_the_probation_status_is_on_probation(status: sc.AgentStatus) -> None:
    a = agent(probation_end=pendulum.date(2026, 2, 28), status=status)
    assert not a.on_probation(pendulum.date(2026, 2, 1))


def test_status_labels_render_in_chinese() -> None:
    assert sc.AgentStatus.PROBATION.localize("en") == "on probation"
    assert sc.AgentStatus.PROBATION.localize("zh_Hans") == "试用期"


# Dated facts --------------------------------------------------------------------------


def test_a_dated_fact_refuses_a_float_value() -> None:
    with pytest.raises(sc.FloatError) as exc:
        sc.DatedFact("typing-speed", pendulum.date(2026, 3, 2), value=85.5)
    error = exc.value
    assert isinstance(error, TypeError)
    assert not isinstance(error, sc.MoneyError)  # not money: a number of points, a speed
    assert error.field == "DatedFact.value"
    assert error.value == 85.5
    assert "float" in error.problem


@pytest.mark.parametrize("value", [85, "85", Decimal("85")])
def test_a_dated_fact_takes_exact_values(value: object) -> None:
    fact = sc.DatedFact("typing-speed", pendulum.date(2026, 3, 2), value=value)
    assert fact.value == Decimal(85)
    assert isinstance(fact.value, Decimal)


def test_a_dated_fact_defaults_to_passed_without_a_value() -> None:
    fact = sc.DatedFact("team-vote", pendulum.date(2026, 3, 2))
    assert fact.passed is True
    assert fact.value is None


def test_a_dated_fact_passed_is_a_bool() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.DatedFact("defence", pendulum.date(2026, 3, 2), passed=0)  # type: ignore[arg-type]
    assert exc.value.field == "DatedFact.passed"


def test_a_dated_fact_is_on_a_day() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.DatedFact("defence", pendulum.datetime(2026, 3, 2, 10, tz="Asia/Shanghai"))
    assert exc.value.field == "DatedFact.on"


# months_between -----------------------------------------------------------------------


def test_every_public_name_resolves() -> None:
    assert [name for name in sc.__all__ if not hasattr(sc, name)] == []


def test_months_between_is_public_and_follows_month_ends() -> None:
    assert sc.months_between(pendulum.date(2026, 1, 31), pendulum.date(2026, 2, 28)) == 1
    assert sc.months_between(pendulum.date(2026, 1, 15), pendulum.date(2027, 1, 14)) == 11
    with pytest.raises(sc.ValidationError) as exc:
        sc.months_between(pendulum.date(2026, 2, 1), pendulum.date(2026, 1, 31))
    assert exc.value.field == "end"


@given(
    start=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    n=st.integers(min_value=0, max_value=600),
)
def test_months_between_a_day_and_n_months_later_is_n(start: dt.date, n: int) -> None:
    first = pendulum.date(start.year, start.month, start.day)
    later = first.add(months=n)
    assert sc.months_between(first, later) == n
    if n > 0:  # a day short of the n-th month end is one whole month less
        assert sc.months_between(first, later.subtract(days=1)) == n - 1
