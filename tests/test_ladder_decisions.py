"""Grading ladders: the ecommerce-ladder rules (EL-05 … EL-12) decided case by case,
which move wins, the explanation, bad input, and the consistency a ladder is built with."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pendulum
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import servicecodex as sc

T = sc.Text


def el(rule: str, clause: str) -> sc.Citation:
    return sc.Citation(rule, f"002 第一篇 {clause}")


EL_01 = el("EL-01", "三")
EL_03 = el("EL-03", "二.3")
EL_14 = el("EL-14", "四")
TB_50 = sc.Citation("TB-50", "002 第二篇 P3b (e)")

# The EL five rungs (EL-01), with the reserve supervisor exempt from appraisal (EL-12).
RUNGS = (
    sc.Rung("trial", T(en="New CS on trial", zh_Hans="新客服（试用）"), EL_01),
    sc.Rung("junior", T(en="Junior CS", zh_Hans="初级客服"), EL_01),
    sc.Rung("intermediate", T(en="Intermediate CS", zh_Hans="中级客服"), EL_01),
    sc.Rung("senior", T(en="Senior CS", zh_Hans="高级客服"), EL_01),
    sc.Rung(
        "reserve-supervisor",
        T(en="Reserve supervisor", zh_Hans="储备主管"),
        EL_01,
        exempt=el("EL-12", "四.4 H"),
    ),
)
EXCELLENT = "excellent-cs"  # 優秀客服
SINCE_PROMOTION = sc.Window(since_promotion=True)
FIRST_YEAR = sc.Window(months=12, since_promotion=True)


def el_transitions() -> list[sc.Transition]:
    below_b = frozenset({"C", "D"})  # AMB-21: "below B" is C or D
    return [
        sc.Transition(
            sc.Move.PROMOTE,
            "trial",
            "junior",
            sc.FactRecorded("probation-test", name=T(en="probation test", zh_Hans="转正考核")),
            el("EL-05", "四.1 F"),
        ),
        sc.Transition(
            sc.Move.DISMISS,
            "junior",
            None,
            sc.FailedAppraisals(3, consecutive=True, period=sc.PeriodKind.MONTH),
            el("EL-06", "四.1 G"),
        ),
        sc.Transition(
            sc.Move.PROMOTE,
            "junior",
            "intermediate",
            sc.AllOf(
                sc.AverageRankAtMost(3, sc.Window(months=3)),
                sc.GradeCount("A", 1, window=sc.Window(months=3)),
                sc.MonthsEmployed(3),
            ),
            el("EL-07", "四.2 G"),
        ),
        sc.Transition(
            sc.Move.DEMOTE,
            "intermediate",
            "junior",
            sc.AnyOf(
                sc.RankOutsideTop(3, 3, consecutive=True, window=SINCE_PROMOTION),
                sc.GradeCount("B", 2, consecutive=True, window=SINCE_PROMOTION),
                sc.GradeCount(below_b, 1, window=SINCE_PROMOTION),
            ),
            el("EL-08", "四.2 H"),
        ),
        sc.Transition(
            sc.Move.PROMOTE,
            "intermediate",
            "senior",
            sc.AllOf(
                sc.TitlesAtLeast(EXCELLENT, 1),
                sc.AverageRankAtMost(3, sc.Window(months=6)),
                sc.GradeCount("A", 2, consecutive=True, window=sc.Window(months=6)),
                sc.MonthsEmployed(6),
            ),
            el("EL-09", "四.3 F"),
        ),
        sc.Transition(
            sc.Move.DEMOTE,
            "senior",
            "intermediate",
            sc.AnyOf(
                sc.RankOutsideTop(3, 3, consecutive=False, window=FIRST_YEAR),
                sc.GradeCount("B", 2, window=FIRST_YEAR),
                sc.GradeCount(below_b, 1, window=FIRST_YEAR),
            ),
            el("EL-10", "四.3 G"),
        ),
        sc.Transition(
            sc.Move.PROMOTE,
            "senior",
            "reserve-supervisor",
            sc.AllOf(
                sc.TitlesAtLeast(EXCELLENT, 3),
                sc.AverageRankAtMost(3, sc.Window(months=12)),
                sc.GradeCount("A", 3, window=sc.Window(months=12)),
                sc.MonthsEmployed(12),
            ),
            el("EL-11", "四.4 G"),
        ),
    ]


EL = sc.GradingLadder(RUNGS, EL_01, el_transitions())
EL_PROMOTIONS_ONLY = sc.GradingLadder(
    RUNGS, EL_01, [t for t in el_transitions() if t.move is sc.Move.PROMOTE]
)

SCHEME = sc.AppraisalScheme(
    [sc.Criterion("appraisal", T(en="Appraisal", zh_Hans="考评"), 100, EL_14)],
    [sc.PeriodKind.MONTH, sc.PeriodKind.QUARTER],
    EL_14,
    pass_mark=sc.PassMark(60, sc.Citation("TB-49", "002 第二篇 P3b (e)")),  # AMB-20
    grades=sc.GradeScale(
        [sc.Grade("A", 90), sc.Grade("B", 75), sc.Grade("C", 60), sc.Grade("D", 0)], EL_14
    ),
)
GRADE_POINTS = {"A": 95, "B": 80, "C": 65, "D": 40}
AGENT = "A-017"


def d(text: str) -> pendulum.Date:
    year, month, day = (int(part) for part in text.split("-"))
    return pendulum.date(year, month, day)


@dataclass(frozen=True)
class Case:
    """One agent's situation and what the EL ladder must decide."""

    rung: str
    hired: str
    as_of: str
    move: sc.Move
    target: str | None
    rule: str
    rung_since: str | None = None
    ranks: dict[str, int] = field(default_factory=dict)  # "2026-04": position
    quarters: dict[str, str] = field(default_factory=dict)  # "2026Q2": grade
    months: dict[str, int] = field(default_factory=dict)  # "2026-04": total
    titles: tuple[str, ...] = ()
    facts: tuple[tuple[str, str, bool], ...] = ()

    def agent(self) -> sc.Agent:
        return sc.Agent(
            AGENT,
            "王芳",
            hired=d(self.hired),
            rung=self.rung,
            rung_since=d(self.rung_since or self.hired),
            titles=tuple(sc.Title(EXCELLENT, d(on)) for on in self.titles),
        )

    def history(self) -> sc.History:
        return history(self.ranks, self.quarters, self.months, self.facts)


def month(text: str) -> sc.Month:
    year, number = text.split("-")
    return sc.Month(int(year), int(number))


def history(
    ranks: dict[str, int] | None = None,
    quarters: dict[str, str] | None = None,
    months: dict[str, int] | None = None,
    facts: Iterable[tuple[str, str, bool]] = (),
) -> sc.History:
    cards = [
        SCHEME.score(AGENT, sc.Quarter(int(q[:4]), int(q[-1])), {"appraisal": GRADE_POINTS[g]})
        for q, g in (quarters or {}).items()
    ]
    cards += [
        SCHEME.score(AGENT, month(m), {"appraisal": total}) for m, total in (months or {}).items()
    ]
    return sc.History(
        AGENT,
        scorecards=cards,
        ranks=[sc.Rank(AGENT, month(m), p, 8) for m, p in (ranks or {}).items()],
        facts=[sc.DatedFact(kind, d(on), passed=ok) for kind, on, ok in facts],
    )


def spread(first: str, positions: Sequence[int]) -> dict[str, int]:
    """Monthly ranks from month *first* on."""
    start = month(first)
    out = {}
    for i, position in enumerate(positions):
        m = sc.Month.of(start.first.add(months=i))
        out[f"{m.year}-{m.month:02d}"] = position
    return out


STAY, PROMOTE, DEMOTE, DISMISS = sc.Move.STAY, sc.Move.PROMOTE, sc.Move.DEMOTE, sc.Move.DISMISS

# fmt: off
CASES = {
    # EL-05: trial -> junior on the regularisation test
    "EL-05 test passed": Case(
        "trial", "2026-01-01", "2026-02-28", PROMOTE, "junior", "EL-05",
        facts=(("probation-test", "2026-02-20", True),),
    ),
    "EL-05 test failed": Case(
        "trial", "2026-01-01", "2026-02-28", STAY, None, "EL-01",
        facts=(("probation-test", "2026-02-20", False),),
    ),
    # EL-07: junior -> intermediate
    "EL-07 all three met": Case(
        "junior", "2026-01-01", "2026-06-30", PROMOTE, "intermediate", "EL-07",
        ranks=spread("2026-04", [2, 3, 4]), quarters={"2026Q2": "A"},
    ),
    "EL-07 hired 5 January, Q1 graded A, assessed 5 April": Case(
        "junior", "2026-01-05", "2026-04-05", PROMOTE, "intermediate", "EL-07",
        ranks=spread("2026-01", [3, 2, 1]), quarters={"2026Q1": "A"},
    ),
    "EL-07 assessed 4 April, a day short of 3 months": Case(
        "junior", "2026-01-05", "2026-04-04", STAY, None, "EL-01",
        ranks=spread("2026-01", [3, 2, 1]), quarters={"2026Q1": "A"},
    ),
    "EL-07 average rank 3.33": Case(
        "junior", "2026-01-01", "2026-06-30", STAY, None, "EL-01",
        ranks=spread("2026-04", [3, 3, 4]), quarters={"2026Q2": "A"},
    ),
    "EL-07 no quarterly A in the window": Case(
        "junior", "2026-01-01", "2026-06-30", STAY, None, "EL-01",
        ranks=spread("2026-04", [1, 1, 1]), quarters={"2026Q1": "A", "2026Q2": "B"},
    ),
    "EL-07 hired 1 April: 2 whole months on 30 June": Case(
        "junior", "2026-04-01", "2026-06-30", STAY, None, "EL-01",
        ranks=spread("2026-04", [1, 1, 1]), quarters={"2026Q2": "A"},
    ),
    "EL-07 hired 31 March: 3 whole months on 30 June": Case(
        "junior", "2026-03-31", "2026-06-30", PROMOTE, "intermediate", "EL-07",
        ranks=spread("2026-04", [1, 1, 1]), quarters={"2026Q2": "A"},
    ),
    # EL-06 (AMB-20): junior dismissed after 3 consecutive failing months
    "EL-06 three failing months in a row": Case(
        "junior", "2026-01-01", "2026-06-30", DISMISS, None, "EL-06",
        months={"2026-04": 55, "2026-05": 59, "2026-06": 30},
    ),
    "EL-06 three failing months not in a row": Case(
        "junior", "2026-01-01", "2026-06-30", STAY, None, "EL-01",
        months={"2026-02": 55, "2026-03": 59, "2026-04": 60, "2026-05": 30},
    ),
    "EL-06 beats a met EL-07": Case(
        "junior", "2026-01-01", "2026-06-30", DISMISS, None, "EL-06",
        months={"2026-04": 55, "2026-05": 59, "2026-06": 30},
        ranks=spread("2026-04", [1, 1, 1]), quarters={"2026Q2": "A"},
    ),
    # EL-08: intermediate -> junior, counted after the promotion
    "EL-08 three months in a row outside the top 3": Case(
        "intermediate", "2025-10-01", "2026-06-30", DEMOTE, "junior", "EL-08",
        rung_since="2026-01-01", ranks=spread("2026-01", [2, 1, 3, 4, 5, 6]),
    ),
    "EL-08 three months outside the top 3 not in a row": Case(
        "intermediate", "2025-10-01", "2026-06-30", STAY, None, "EL-01",
        rung_since="2026-01-01", ranks=spread("2026-01", [4, 5, 3, 6, 2, 1]),
    ),
    "EL-08 misses before the promotion do not count": Case(
        "intermediate", "2025-10-01", "2026-06-30", STAY, None, "EL-01",
        rung_since="2026-03-01", ranks=spread("2025-12", [4, 5, 6, 1, 2, 3, 4]),
    ),
    "EL-08 two quarterly Bs in a row": Case(
        "intermediate", "2025-10-01", "2026-06-30", DEMOTE, "junior", "EL-08",
        rung_since="2026-01-01", quarters={"2026Q1": "B", "2026Q2": "B"},
    ),
    "EL-08 two quarterly Bs not in a row": Case(
        "intermediate", "2025-10-01", "2026-09-30", STAY, None, "EL-01",
        rung_since="2026-01-01", quarters={"2026Q1": "B", "2026Q2": "A", "2026Q3": "B"},
    ),
    "EL-08 one quarterly grade below B": Case(
        "intermediate", "2025-10-01", "2026-06-30", DEMOTE, "junior", "EL-08",
        rung_since="2026-01-01", quarters={"2026Q2": "C"},
    ),
    "EL-08 a quarter that ended after the promotion counts": Case(
        "intermediate", "2025-10-01", "2026-06-30", DEMOTE, "junior", "EL-08",
        rung_since="2026-05-15", quarters={"2026Q1": "D", "2026Q2": "C"},
    ),
    "EL-08 a quarter that ended before the promotion does not": Case(
        "intermediate", "2025-10-01", "2026-06-30", STAY, None, "EL-01",
        rung_since="2026-04-01", quarters={"2026Q1": "D", "2026Q2": "B"},
    ),
    # EL-09: intermediate -> senior
    "EL-09 all four met": Case(
        "intermediate", "2025-10-01", "2026-06-30", PROMOTE, "senior", "EL-09",
        rung_since="2026-01-01", ranks=spread("2026-01", [1, 2, 3, 4, 2, 3]),
        quarters={"2026Q1": "A", "2026Q2": "A"}, titles=("2026-03-31",),
    ),
    "EL-09 no excellent-CS title": Case(
        "intermediate", "2025-10-01", "2026-06-30", STAY, None, "EL-01",
        rung_since="2026-01-01", ranks=spread("2026-01", [1, 2, 3, 4, 2, 3]),
        quarters={"2026Q1": "A", "2026Q2": "A"},
    ),
    "EL-09 the two As not in a row": Case(
        "intermediate", "2025-10-01", "2026-09-30", STAY, None, "EL-01",
        rung_since="2026-01-01", ranks=spread("2026-04", [1, 2, 3, 1, 2, 3]),
        quarters={"2026Q1": "A", "2026Q2": "B", "2026Q3": "A"}, titles=("2026-03-31",),
    ),
    "EL-09 hired 5 whole months ago": Case(
        "intermediate", "2026-01-31", "2026-06-30", STAY, None, "EL-01",
        rung_since="2026-01-31", ranks=spread("2026-02", [1, 1, 1, 1, 1]),
        quarters={"2026Q1": "A", "2026Q2": "A"}, titles=("2026-03-31",),
    ),
    # EL-10: senior -> intermediate within one year of the promotion
    "EL-10 three misses within the year, not in a row": Case(
        "senior", "2025-01-01", "2026-09-30", DEMOTE, "intermediate", "EL-10",
        rung_since="2026-01-01", ranks=spread("2026-01", [4, 1, 2, 5, 1, 2, 3, 1, 6]),
    ),
    "EL-10 the third miss after the year": Case(
        "senior", "2025-01-01", "2026-07-31", STAY, None, "EL-01",
        rung_since="2025-06-01", ranks={"2025-07": 4, "2025-12": 5, "2026-07": 6},
    ),
    "EL-10 two quarterly Bs within the year": Case(
        "senior", "2025-01-01", "2026-09-30", DEMOTE, "intermediate", "EL-10",
        rung_since="2026-01-01", quarters={"2026Q1": "B", "2026Q2": "A", "2026Q3": "B"},
    ),
    "EL-10 one quarterly D": Case(
        "senior", "2025-01-01", "2026-03-31", DEMOTE, "intermediate", "EL-10",
        rung_since="2026-01-01", quarters={"2026Q1": "D"},
    ),
    # EL-11: senior -> reserve supervisor
    "EL-11 all four met": Case(
        "senior", "2025-01-01", "2026-06-30", PROMOTE, "reserve-supervisor", "EL-11",
        rung_since="2025-07-01", ranks=spread("2025-07", [1, 2, 3] * 4),
        quarters={"2025Q3": "A", "2025Q4": "A", "2026Q1": "A", "2026Q2": "B"},
        titles=("2025-09-30", "2025-12-31", "2026-03-31"),
    ),
    "EL-11 two excellent-CS titles": Case(
        "senior", "2025-01-01", "2026-06-30", STAY, None, "EL-01",
        rung_since="2025-07-01", ranks=spread("2025-07", [1, 2, 3] * 4),
        quarters={"2025Q3": "A", "2025Q4": "A", "2026Q1": "A", "2026Q2": "B"},
        titles=("2025-09-30", "2025-12-31"),
    ),
    "EL-11 hired 11 whole months ago": Case(
        "senior", "2025-07-31", "2026-06-30", STAY, None, "EL-01",
        rung_since="2025-07-31", ranks=spread("2025-08", [1] * 11),
        quarters={"2025Q4": "A", "2026Q1": "A", "2026Q2": "A"},
        titles=("2025-09-30", "2025-12-31", "2026-03-31"),
    ),
    # EL-12: the reserve supervisor takes no CS appraisal
    "EL-12 exempt whatever the record": Case(
        "reserve-supervisor", "2024-01-01", "2026-06-30", STAY, None, "EL-12",
        rung_since="2026-01-01", ranks=spread("2026-01", [8] * 6),
        quarters={"2026Q1": "D", "2026Q2": "D"},
        months={"2026-04": 10, "2026-05": 10, "2026-06": 10},
    ),
}
# fmt: on


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_el_ladder_decides(case: Case) -> None:
    decision = EL.evaluate(case.agent(), case.history(), d(case.as_of))
    assert (decision.move, decision.target) == (case.move, case.target), decision.explain("en")
    assert decision.reason.rule_id == case.rule
    assert decision.agent_id == AGENT
    assert decision.rung == case.rung
    assert decision.as_of == d(case.as_of)


def test_every_transition_from_the_rung_is_checked() -> None:
    decision = EL.evaluate(
        CASES["EL-08 one quarterly grade below B"].agent(),
        CASES["EL-08 one quarterly grade below B"].history(),
        d("2026-06-30"),
    )
    assert [(tc.transition.cite.rule_id, tc.met) for tc in decision.checks] == [
        ("EL-08", True),
        ("EL-09", False),
    ]


def test_the_exempt_rung_stays_without_checking_anything() -> None:
    case = CASES["EL-12 exempt whatever the record"]
    decision = EL.evaluate(case.agent(), case.history(), d(case.as_of))
    assert decision.checks == ()
    [verdict] = decision.explain("en")
    assert verdict.startswith("王芳")
    assert "Reserve supervisor" in verdict
    assert verdict.endswith(" (EL-12)")


# Which move wins ----------------------------------------------------------------------


def rungs(*ids: str) -> list[sc.Rung]:
    return [sc.Rung(i, T(en=i.title(), zh_Hans=i), EL_01) for i in ids]


def agent_on(rung: str, hired: str = "2026-01-01", rung_since: str | None = None) -> sc.Agent:
    return sc.Agent(AGENT, "王芳", hired=d(hired), rung=rung, rung_since=d(rung_since or hired))


PRECEDENCE = sc.GradingLadder(
    rungs("junior", "intermediate", "senior"),
    EL_01,
    [  # listed promotion first: the order of the list must not matter
        sc.Transition(sc.Move.PROMOTE, "junior", "intermediate", sc.MonthsEmployed(1), EL_01),
        sc.Transition(
            sc.Move.PROMOTE, "intermediate", "senior", sc.MonthsEmployed(3), el("EL-09", "四.3 F")
        ),
        sc.Transition(
            sc.Move.DEMOTE,
            "intermediate",
            "junior",
            sc.GradeCount({"C", "D"}, 1),
            el("EL-08", "四.2 H"),
        ),
        sc.Transition(sc.Move.DISMISS, None, None, sc.FailedAppraisals(2), TB_50),
    ],
)


@pytest.mark.parametrize(
    ("months", "quarters", "move", "rule"),
    [
        ({"2026-05": 50, "2026-06": 50}, {"2026Q2": "C"}, DISMISS, "TB-50"),
        ({"2026-05": 90, "2026-06": 50}, {"2026Q2": "C"}, DEMOTE, "EL-08"),
        ({"2026-05": 90, "2026-06": 50}, {"2026Q2": "B"}, PROMOTE, "EL-09"),
        ({"2026-05": 50, "2026-06": 50}, {"2026Q2": "B"}, DISMISS, "TB-50"),
    ],
)
def test_dismissal_beats_demotion_beats_promotion(
    months: dict[str, int], quarters: dict[str, str], move: sc.Move, rule: str
) -> None:
    decision = PRECEDENCE.evaluate(
        agent_on("intermediate"), history(months=months, quarters=quarters), d("2026-06-30")
    )
    assert decision.move is move
    assert decision.reason.rule_id == rule
    assert all(tc.met for tc in decision.checks if tc.transition.move is sc.Move.PROMOTE)


def test_an_any_rung_dismissal_applies_on_every_rung() -> None:
    failing = history(months={"2026-05": 50, "2026-06": 50})
    for rung in ("junior", "intermediate", "senior"):
        decision = PRECEDENCE.evaluate(agent_on(rung), failing, d("2026-06-30"))
        assert (decision.move, decision.target) == (DISMISS, None)
        verdict = decision.explain("en")[0]
        assert verdict.startswith("王芳")
        assert rung.title() in verdict
        assert verdict.endswith(" (TB-50)")


SKIP = sc.GradingLadder(
    rungs("junior", "intermediate", "senior"),
    EL_01,
    [
        sc.Transition(
            sc.Move.PROMOTE, "junior", "senior", sc.MonthsEmployed(6), EL_03, skip_level=True
        ),
        sc.Transition(sc.Move.PROMOTE, "junior", "intermediate", sc.MonthsEmployed(3), EL_01),
        sc.Transition(sc.Move.PROMOTE, "intermediate", "senior", sc.MonthsEmployed(3), EL_01),
    ],
)


@pytest.mark.parametrize(
    ("as_of", "target"),
    [("2026-03-31", None), ("2026-04-01", "intermediate"), ("2026-07-01", "senior")],
)
def test_among_met_promotions_the_highest_wins(as_of: str, target: str | None) -> None:
    decision = SKIP.evaluate(agent_on("junior"), history(), d(as_of))
    assert decision.target == target
    assert decision.move is (STAY if target is None else PROMOTE)
    if target == "senior":
        assert decision.reason.rule_id == "EL-03"
        assert [tc.met for tc in decision.checks] == [True, True]


# Explanations -------------------------------------------------------------------------


LINE = re.compile(r"^( *)([✓✗]) (.*)[(（]([A-Z]+-\d+)[)）]$")


def shape(lines: list[str]) -> list[tuple[int, str, str]]:
    """Each check line as (depth, mark, rule id); the verdict line is left out."""
    out = []
    for line in lines[1:]:
        match = LINE.fullmatch(line)
        assert match is not None, line
        out.append((len(match[1]) // 2, match[2], match[4]))
    return out


EL_07_SHAPE = [
    (1, "✗", "EL-06"),  # dismissal
    (2, "✗", "EL-06"),  # its condition: failing months in a row
    (1, "✓", "EL-07"),  # promotion to intermediate
    (2, "✓", "EL-07"),  # all of:
    (3, "✓", "EL-07"),  # average rank
    (3, "✓", "EL-07"),  # a quarterly A
    (3, "✓", "EL-07"),  # months since hire
]


def test_a_decision_explains_every_transition_in_english() -> None:
    case = CASES["EL-07 all three met"]
    lines = EL.evaluate(case.agent(), case.history(), d(case.as_of)).explain("en")
    verdict = lines[0]
    assert verdict.startswith("王芳")
    assert "Junior CS" in verdict
    assert "Intermediate CS" in verdict
    assert verdict.endswith(" (EL-07)")
    assert shape(lines) == EL_07_SHAPE
    assert "Intermediate CS" in lines[3]
    assert "3" in lines[5]
    assert "Jan 1, 2026" in lines[7]


def test_a_decision_explains_every_transition_in_chinese() -> None:
    case = CASES["EL-07 average rank 3.33"]
    lines = EL.evaluate(case.agent(), case.history(), d(case.as_of)).explain("zh_Hans")
    verdict = lines[0]
    assert verdict.startswith("王芳")
    assert "初级客服" in verdict
    assert verdict.endswith("（EL-01）")
    assert shape(lines) == [
        (1, "✗", "EL-06"),
        (2, "✗", "EL-06"),
        (1, "✗", "EL-07"),
        (2, "✗", "EL-07"),
        (3, "✗", "EL-07"),  # an average rank of 3.33
        (3, "✓", "EL-07"),
        (3, "✓", "EL-07"),
    ]
    assert "中级客服" in lines[3]
    assert "3.33" in lines[5]
    assert "2026年1月1日" in lines[7]
    assert not any(word in line for line in lines for word in ("months", "rank", "graded"))


def test_a_decisions_reasons_are_the_verdict_then_every_check() -> None:
    case = CASES["EL-07 average rank 3.33"]
    decision = EL.evaluate(case.agent(), case.history(), d(case.as_of))
    reasons = decision.reasons
    assert reasons[0] == decision.reason
    assert len(reasons) == len(decision.explain("en"))
    assert [r.rule_id for r in reasons] == ["EL-01", "EL-06", "EL-06"] + ["EL-07"] * 5


# Bad input ----------------------------------------------------------------------------


def test_the_history_of_another_agent_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        EL.evaluate(agent_on("junior"), sc.History("A-018"), d("2026-06-30"))
    assert exc.value.field == "history.agent_id"
    assert exc.value.value == "A-018"


def test_as_of_before_hire_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        EL.evaluate(agent_on("junior"), sc.History(AGENT), d("2025-12-31"))
    assert exc.value.field == "as_of"
    assert exc.value.value == d("2025-12-31")


def test_as_of_before_the_rung_was_entered_is_refused() -> None:
    promoted = agent_on("intermediate", "2025-10-01", rung_since="2026-01-01")
    with pytest.raises(sc.ValidationError) as exc:
        EL.evaluate(promoted, sc.History(AGENT), d("2025-12-31"))
    assert exc.value.field == "as_of"
    assert "intermediate" in exc.value.problem


def test_an_agent_on_a_rung_not_on_the_ladder_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        EL.evaluate(agent_on("supervisor"), sc.History(AGENT), d("2026-06-30"))
    assert "rung" in exc.value.field
    assert exc.value.value == "supervisor"
    assert "reserve-supervisor" in exc.value.problem  # the known rungs are listed


# Building a ladder --------------------------------------------------------------------


def promote(source: str, target: str, skip_level: bool = False) -> sc.Transition:
    return sc.Transition(
        sc.Move.PROMOTE, source, target, sc.MonthsEmployed(3), EL_01, skip_level=skip_level
    )


def demote(source: str, target: str) -> sc.Transition:
    return sc.Transition(sc.Move.DEMOTE, source, target, sc.GradeCount("D", 1), EL_01)


def test_a_ladder_refuses_a_rung_twice() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder(rungs("junior", "senior", "junior"), EL_01)
    assert exc.value.field == "GradingLadder.rungs"
    assert exc.value.value == "junior"


@pytest.mark.parametrize(("source", "target"), [("senior", "junior"), ("junior", "junior")])
def test_a_promotion_that_does_not_go_up_is_refused(source: str, target: str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder(
            rungs("junior", "senior"), EL_01, [promote("junior", "senior"), promote(source, target)]
        )
    assert exc.value.field == "Transition"
    assert exc.value.value == f"{source} -> {target}"
    assert "cyclic" in exc.value.problem


@pytest.mark.parametrize(("source", "target"), [("junior", "senior"), ("senior", "senior")])
def test_a_demotion_that_does_not_go_down_is_refused(source: str, target: str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder(
            rungs("junior", "senior"), EL_01, [promote("junior", "senior"), demote(source, target)]
        )
    assert exc.value.value == f"{source} -> {target}"
    assert "cyclic" in exc.value.problem


def test_a_skip_level_promotion_must_be_marked() -> None:
    three = rungs("junior", "intermediate", "senior")
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder(
            three, EL_01, [promote("junior", "intermediate"), promote("junior", "senior")]
        )
    assert exc.value.value == "junior -> senior"
    assert "skip_level" in exc.value.problem
    marked = sc.GradingLadder(
        three, EL_01, [promote("junior", "intermediate"), promote("junior", "senior", True)]
    )
    assert len(marked.transitions) == 2


@pytest.mark.parametrize(
    "transition",
    [promote("junior", "manager"), promote("trainee", "senior"), demote("senior", "trainee")],
)
def test_a_transition_naming_an_unknown_rung_is_refused(transition: sc.Transition) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder(
            rungs("junior", "senior"), EL_01, [promote("junior", "senior"), transition]
        )
    assert exc.value.field in ("Transition.source", "Transition.target")
    assert exc.value.value in ("manager", "trainee")


def test_a_rung_no_promotion_reaches_is_refused() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder(
            rungs("junior", "intermediate", "senior"), EL_01, [promote("junior", "intermediate")]
        )
    assert exc.value.field == "GradingLadder.transitions"
    assert exc.value.value == ["senior"]


def test_rungs_above_an_unreachable_rung_are_named_too() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder(
            rungs("junior", "intermediate", "senior"), EL_01, [promote("intermediate", "senior")]
        )
    assert exc.value.value == ["intermediate", "senior"]


def test_a_ladder_without_transitions_is_fine_and_nobody_moves() -> None:
    appointments = sc.GradingLadder(rungs("agent", "supervisor"), EL_01)
    assert appointments.transitions == ()
    decision = appointments.evaluate(agent_on("agent"), sc.History(AGENT), d("2026-06-30"))
    assert (decision.move, decision.checks) == (STAY, ())


def test_a_ladder_of_demotions_only_needs_no_reachability() -> None:
    ladder = sc.GradingLadder(rungs("junior", "senior"), EL_01, [demote("senior", "junior")])
    assert ladder.transitions_from("senior") == ladder.transitions


@pytest.mark.parametrize(
    ("move", "source", "target", "field"),
    [
        (sc.Move.STAY, "junior", "senior", "Transition.move"),
        (sc.Move.DISMISS, "junior", "senior", "Transition.target"),
        (sc.Move.PROMOTE, "junior", None, "Transition.target"),
        (sc.Move.PROMOTE, None, "senior", "Transition.source"),
        (sc.Move.DEMOTE, None, "junior", "Transition.source"),
    ],
)
def test_a_malformed_transition_is_refused(
    move: sc.Move, source: str | None, target: str | None, field: str
) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Transition(move, source, target, sc.MonthsEmployed(3), EL_01)
    assert exc.value.field == field


def test_the_el_ladder_reads_lowest_first() -> None:
    assert EL.ids == ("trial", "junior", "intermediate", "senior", "reserve-supervisor")
    assert EL.above("senior") == RUNGS[4]
    assert EL.below("trial") is None
    assert [t.cite.rule_id for t in EL.transitions_from("junior")] == ["EL-06", "EL-07"]


def test_a_rungs_requirements_are_checked_by_qualifies() -> None:
    cc_02 = sc.Citation("CC-02", "001 一.5")
    typist = sc.Rung(
        "agent",
        T(en="Agent", zh_Hans="客服代表"),
        cc_02,
        requirements=sc.MeasuredAtLeast("typing-speed", 80),
    )
    ladder = sc.GradingLadder([typist], cc_02)
    slow = [sc.DatedFact("typing-speed", d("2026-01-05"), value=72)]
    check = ladder.qualifies(agent_on("agent"), sc.History(AGENT, facts=slow), d("2026-01-31"))
    assert check is not None
    assert not check.met
    assert check.reason.rule_id == "CC-02"
    assert EL.qualifies(agent_on("junior"), sc.History(AGENT), d("2026-01-31")) is None


# Properties ---------------------------------------------------------------------------

QUARTERS = ("2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2")
MONTHS = tuple(f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13))[:18]
RANKS = (1, 1, 2, 2, 3, 3, 4, 6)  # mostly in the top 3, so that promotions happen
GRADES = ("A", "A", "A", "A", "B", "C", "D", None)


@settings(deadline=None, max_examples=300)
@given(
    data=st.data(),
    rung=st.sampled_from(["trial", "junior", "intermediate", "senior"]),
    since=st.integers(min_value=0, max_value=12),
    positions=st.lists(st.sampled_from(RANKS), min_size=18, max_size=18),
    graded=st.lists(st.sampled_from(GRADES), min_size=6, max_size=6),
    titles=st.sampled_from([0, 1, 2, 3, 3, 4]),
    test_passed=st.booleans(),
)
def test_an_a_graded_quarter_never_undoes_a_promotion(
    data: st.DataObject,
    rung: str,
    since: int,
    positions: list[int],
    graded: list[str | None],
    titles: int,
    test_passed: bool,
) -> None:
    extra = data.draw(st.sampled_from(QUARTERS))  # the quarter the A is added for
    grades = {q: g for q, g in zip(QUARTERS, graded, strict=True) if g is not None and q != extra}
    hired = d("2025-01-01")
    a = sc.Agent(
        AGENT,
        "王芳",
        hired=hired,
        rung=rung,
        rung_since=hired.add(months=since),
        titles=tuple(sc.Title(EXCELLENT, hired.add(months=i + 1)) for i in range(titles)),
    )
    facts = [("probation-test", "2025-01-20", test_passed)]
    ranks = dict(zip(MONTHS, positions, strict=True))
    as_of = d("2026-06-30")
    before = EL_PROMOTIONS_ONLY.evaluate(a, history(ranks, grades, facts=facts), as_of)
    after = EL_PROMOTIONS_ONLY.evaluate(
        a, history(ranks, {**grades, extra: "A"}, facts=facts), as_of
    )
    event(f"{rung}: {before.move.value} -> {after.move.value}")
    for was, now in zip(before.checks, after.checks, strict=True):
        assert now.met or not was.met
    if before.move is PROMOTE:
        assert after.move is PROMOTE
        assert before.target is not None
        assert after.target is not None
        assert EL.position(after.target) >= EL.position(before.target)


@st.composite
def starved_ladders(draw: st.DrawFn) -> tuple[list[sc.Rung], list[sc.Transition], str]:
    """A ladder of 3 to 6 rungs with promotions (some skipping rungs) and demotions,
    where one rung above the lowest gets no promotion at all."""
    size = draw(st.integers(min_value=3, max_value=6))
    ids = [f"r{i}" for i in range(size)]
    starved = draw(st.integers(min_value=1, max_value=size - 1))
    ups = [(i, j) for i in range(size) for j in range(i + 1, size) if j != starved]
    downs = [(i, j) for i in range(size) for j in range(i)]
    chosen_ups = draw(st.lists(st.sampled_from(ups), unique=True, min_size=1))
    chosen_downs = draw(st.lists(st.sampled_from(downs), unique=True))
    transitions = [promote(ids[i], ids[j], skip_level=j - i > 1) for i, j in chosen_ups]
    transitions += [demote(ids[i], ids[j]) for i, j in chosen_downs]
    return rungs(*ids), draw(st.permutations(transitions)), ids[starved]


@given(starved_ladders())
def test_a_rung_without_a_promotion_to_it_is_refused(
    ladder: tuple[list[sc.Rung], list[sc.Transition], str],
) -> None:
    rung_list, transitions, starved = ladder
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder(rung_list, EL_01, transitions)
    assert exc.value.field == "GradingLadder.transitions"
    assert isinstance(exc.value.value, list)
    assert starved in exc.value.value


@given(
    st.integers(min_value=1, max_value=6), st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)))
)
def test_a_ladder_with_a_promotion_into_every_rung_is_accepted(
    size: int, extra: list[tuple[int, int]]
) -> None:
    ids = [f"r{i}" for i in range(size + 1)]
    transitions = [promote(ids[i], ids[i + 1]) for i in range(size)]
    for i, j in extra:
        if i < j <= size:
            transitions.append(promote(ids[i], ids[j], skip_level=j - i > 1))
        elif j < i <= size:
            transitions.append(demote(ids[i], ids[j]))
    assert sc.GradingLadder(rungs(*ids), EL_01, transitions).ids == tuple(ids)
