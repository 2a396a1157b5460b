"""Team rankings for one period, and an agent's history of scorecards, ranks and facts."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import servicecodex as sc

EL_14 = sc.Citation("EL-14", "002 第一篇 四")
MARCH = sc.Month(2026, 3)
SCHEME = sc.AppraisalScheme(
    [sc.Criterion("monthly", sc.Text(en="Monthly appraisal", zh_Hans="月度考评"), 100, EL_14)],
    [sc.PeriodKind.MONTH, sc.PeriodKind.QUARTER],
    EL_14,
    pass_mark=sc.PassMark(60, sc.Citation("TB-49", "002 第二篇 P3b (e)")),
)


def card(agent: str, total: int | Decimal, period: sc.Month | sc.Quarter = MARCH) -> sc.Scorecard:
    return SCHEME.score(agent, period, {"monthly": total})


def positions(ranks: tuple[sc.Rank, ...]) -> dict[str, int]:
    return {r.agent_id: r.position for r in ranks}


# rank_team ----------------------------------------------------------------------------


def test_competition_ranking_shares_a_place_and_skips_the_next() -> None:
    ranks = sc.rank_team([card("li", 90), card("wang", 95), card("zhao", 90), card("qian", 80)])
    assert positions(ranks) == {"wang": 1, "li": 2, "zhao": 2, "qian": 4}
    assert [r.position for r in ranks] == [1, 2, 2, 4]  # best first
    assert all(r.of == 4 and r.period == MARCH for r in ranks)
    assert [r.total for r in ranks] == [Decimal(95), Decimal(90), Decimal(90), Decimal(80)]


def test_equal_totals_written_differently_tie() -> None:
    ranks = sc.rank_team([card("li", Decimal("90.00")), card("wang", 90), card("zhao", 89)])
    assert positions(ranks) == {"li": 1, "wang": 1, "zhao": 3}


def test_everyone_tied_shares_first_place() -> None:
    ranks = sc.rank_team([card(a, 70) for a in ("li", "wang", "zhao")])
    assert [r.position for r in ranks] == [1, 1, 1]


def test_no_cards_no_ranks() -> None:
    assert sc.rank_team([]) == ()


def test_top_three_includes_those_tied_with_the_third() -> None:
    ranks = sc.rank_team(
        [card("wang", 95), card("li", 92), card("zhao", 90), card("qian", 90), card("sun", 80)]
    )
    assert {r.agent_id for r in sc.top(ranks, 3)} == {"wang", "li", "zhao", "qian"}


def test_top_three_admits_no_one_ranked_below_a_tie_for_second() -> None:
    ranks = sc.rank_team(
        [card("wang", 95), card("li", 90), card("zhao", 90), card("qian", 90), card("sun", 89)]
    )
    assert [r.position for r in ranks] == [1, 2, 2, 2, 5]
    assert {r.agent_id for r in sc.top(ranks, 3)} == {"wang", "li", "zhao", "qian"}
    assert [r.agent_id for r in sc.top(ranks, 1)] == ["wang"]


@pytest.mark.parametrize("n", [0, -1, True])
def test_top_needs_a_whole_number_from_one(n: int) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.top(sc.rank_team([card("wang", 95)]), n)
    assert exc.value.field == "n"


def test_ranking_two_periods_at_once_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.rank_team([card("li", 90), card("wang", 95, sc.Month(2026, 4))])
    assert exc.value.field == "cards"


def test_ranking_one_agent_twice_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.rank_team([card("li", 90), card("wang", 95), card("li", 80)])
    assert exc.value.field == "cards"
    assert exc.value.value == "li"


@pytest.mark.parametrize("position", [0, 5])
def test_a_rank_lies_between_one_and_the_team_size(position: int) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Rank("li", MARCH, position, 4)
    assert exc.value.field == "Rank.position"


@given(st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=30))
def test_a_position_is_one_plus_the_number_of_strictly_better_totals(totals: list[int]) -> None:
    cards = [card(f"a{i}", total) for i, total in enumerate(totals)]
    ranks = sc.rank_team(cards)
    assert len(ranks) == len(totals)
    by_agent = positions(ranks)
    for i, total in enumerate(totals):
        assert by_agent[f"a{i}"] == 1 + sum(1 for other in totals if other > total)
    assert [r.position for r in ranks] == sorted(r.position for r in ranks)
    assert all(r.of == len(totals) for r in ranks)


# History ------------------------------------------------------------------------------


def monthly_ranks(agent: str, positions: dict[int, int], year: int = 2026) -> list[sc.Rank]:
    return [sc.Rank(agent, sc.Month(year, m), p, 8) for m, p in positions.items()]


H1 = sc.DateRange(pendulum.date(2026, 1, 1), pendulum.date(2026, 6, 30))


def test_average_rank_is_rounded_to_hundredths() -> None:
    history = sc.History("li", ranks=monthly_ranks("li", {1: 1, 2: 2, 3: 2}))
    assert history.average_rank(H1) == Decimal("1.67")
    history = sc.History("li", ranks=monthly_ranks("li", {1: 2, 2: 3, 3: 3}))
    assert history.average_rank(H1) == Decimal("2.67")


def test_average_rank_rounds_half_up() -> None:
    eight = monthly_ranks("li", dict.fromkeys(range(1, 8), 1) | {8: 2})  # 9 / 8 = 1.125
    history = sc.History("li", ranks=eight)
    assert history.average_rank(sc.Year(2026)) == Decimal("1.13")


def test_average_rank_counts_only_the_months_in_the_window() -> None:
    history = sc.History("li", ranks=monthly_ranks("li", {5: 1, 6: 1, 7: 8}))
    assert history.average_rank(H1) == Decimal(1)
    assert history.average_rank(sc.Year(2026)) == Decimal("3.33")
    assert history.average_rank(sc.Month(2026, 8)) is None


def test_a_month_counts_in_the_window_it_ends_in() -> None:
    history = sc.History("li", ranks=monthly_ranks("li", {3: 1, 4: 7}))
    from_2_march = sc.DateRange(pendulum.date(2026, 3, 2), pendulum.date(2026, 4, 30))
    assert [r.period for r in history.monthly_ranks(from_2_march)] == [
        sc.Month(2026, 3),
        sc.Month(2026, 4),
    ]
    to_29_april = sc.DateRange(pendulum.date(2026, 3, 1), pendulum.date(2026, 4, 29))
    assert [r.period for r in history.monthly_ranks(to_29_april)] == [sc.Month(2026, 3)]


def test_quarterly_ranks_are_not_monthly_ranks() -> None:
    history = sc.History("li", ranks=[sc.Rank("li", sc.Quarter(2026, 1), 5, 8)])
    assert history.monthly_ranks(H1) == ()
    assert history.average_rank(H1) is None


def test_a_history_refuses_a_scorecard_of_another_agent() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.History("li", scorecards=[card("li", 80), card("wang", 80, sc.Month(2026, 4))])
    assert exc.value.field == "History.scorecards[1].agent_id"
    assert exc.value.value == "wang"


def test_a_history_refuses_a_rank_of_another_agent() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.History("li", ranks=[sc.Rank("wang", MARCH, 1, 8)])
    assert exc.value.field == "History.ranks[0].agent_id"
    assert exc.value.value == "wang"


def test_a_history_refuses_a_period_scored_twice() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.History("li", scorecards=[card("li", 80), card("li", 70)])
    assert exc.value.field == "History.scorecards[1].period"
    assert exc.value.value == MARCH


def test_a_history_refuses_a_period_ranked_twice() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.History("li", ranks=[sc.Rank("li", MARCH, 1, 8), sc.Rank("li", MARCH, 2, 8)])
    assert exc.value.field == "History.ranks[1].period"


def test_a_month_and_its_quarter_are_different_periods() -> None:
    history = sc.History("li", scorecards=[card("li", 80), card("li", 90, sc.Quarter(2026, 1))])
    assert len(history.cards(sc.PeriodKind.MONTH, H1)) == 1
    assert len(history.cards(sc.PeriodKind.QUARTER, H1)) == 1


def test_a_history_belongs_to_someone() -> None:
    with pytest.raises(sc.ValidationError):
        sc.History(" ")


def test_cards_come_in_period_order() -> None:
    history = sc.History("li", scorecards=[card("li", 70, sc.Month(2026, m)) for m in (5, 1, 3)])
    found = history.cards(sc.PeriodKind.MONTH, H1)
    assert [c.period for c in found] == [sc.Month(2026, 1), sc.Month(2026, 3), sc.Month(2026, 5)]


def test_runs_count_back_to_back_periods_only() -> None:
    totals = {1: 50, 2: 55, 3: 70, 4: 40, 5: 45, 6: 58}  # fails: Jan, Feb | Apr, May, Jun
    history = sc.History(
        "li", scorecards=[card("li", t, sc.Month(2026, m)) for m, t in totals.items()]
    )
    failed = history.run_of_cards(sc.PeriodKind.MONTH, H1, lambda c: c.passed is False)
    assert failed == 3
    first_quarter = sc.Quarter(2026, 1)
    assert history.run_of_cards(sc.PeriodKind.MONTH, first_quarter, lambda c: not c.passed) == 2


def test_a_missing_month_breaks_a_run() -> None:
    history = sc.History("li", ranks=monthly_ranks("li", {1: 5, 2: 6, 4: 7, 5: 8}))
    assert history.run_of_ranks(H1, lambda r: r.position > 3) == 2


def test_facts_of_a_kind_in_a_window_in_date_order() -> None:
    facts = [
        sc.DatedFact("warning", pendulum.date(2026, 5, 3)),
        sc.DatedFact("warning", pendulum.date(2026, 2, 1)),
        sc.DatedFact("team-vote", pendulum.date(2026, 3, 1)),
        sc.DatedFact("warning", pendulum.date(2026, 7, 1)),
    ]
    history = sc.History("li", facts=facts)
    assert [f.on for f in history.facts_of("warning", H1)] == [
        pendulum.date(2026, 2, 1),
        pendulum.date(2026, 5, 3),
    ]
