"""The e-commerce ladder plugin, loaded as users load it: by its entry point.

The heart of it is ``TABLE``: agents of a five-agent department with concrete hire dates,
monthly scores ranked with ``sc.rank_team``, quarterly grades, titles and dated facts, and
the decision the regulation (002 第一篇) gives for each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import attrs
import pytest
import servicecodex_ecommerce_ladder as el

import servicecodex as sc
from servicecodex.testing import check_plugin, make_organization, organization_fixture

EL_RULE_ID = re.compile(r"^EL-\d{2}$")
HOOKS = (
    "servicecodex_appraisal_scheme",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_salary_bands",
)
RUNG_IDS = ["trial", "junior", "intermediate", "senior", "reserve-supervisor"]


org = organization_fixture("ecommerce-ladder")


# The department ----------------------------------------------------------------------------

AGENT = "A-017"
#: The four colleagues' monthly scores; the agent's score decides the agent's rank among five.
COLLEAGUES = {"A-001": 96, "A-002": 91, "A-003": 86, "A-004": 81}
#: A score that earns each rank among the five.
SCORE_FOR_RANK = {1: 98, 2: 93, 3: 88, 4: 83, 5: 75}
#: A quarter's points: the grade is the reviewer's, not derived from them (AMB-21).
QUARTER_POINTS = 80


def _month(text: str) -> sc.Month:
    year, month = text.split("-")
    return sc.Month(int(year), int(month))


def by_score(start: str, *scores: int) -> tuple[tuple[sc.Month, int], ...]:
    """The agent's monthly scores, month after month from *start* (``"2026-01"``)."""
    months: list[sc.Month] = [_month(start)]
    while len(months) < len(scores):
        months.append(months[-1].next())
    return tuple(zip(months, scores, strict=True))


def by_rank(start: str, *ranks: int) -> tuple[tuple[sc.Month, int], ...]:
    """Monthly scores that rank the agent *ranks* in the department, from *start*."""
    return by_score(start, *(SCORE_FOR_RANK[r] for r in ranks))


def graded(start: str, *grades: str) -> tuple[tuple[sc.Quarter, str], ...]:
    """The agent's quarterly grades, quarter after quarter from *start* (``"2026Q1"``)."""
    year, quarter = start.split("Q")
    quarters: list[sc.Quarter] = [sc.Quarter(int(year), int(quarter))]
    while len(quarters) < len(grades):
        quarters.append(quarters[-1].next())
    return tuple(zip(quarters, grades, strict=True))


def passed(kind: str, on: date) -> sc.DatedFact:
    return sc.DatedFact(kind, on)


def failed(kind: str, on: date) -> sc.DatedFact:
    return sc.DatedFact(kind, on, passed=False)


@dataclass(frozen=True)
class Case:
    """One agent's record and the decision expected as of *as_of*."""

    rung: str
    hired: date
    as_of: date
    move: sc.Move
    target: str | None = None
    rung_since: date | None = None
    monthly: tuple[tuple[sc.Month, int], ...] = ()
    quarterly: tuple[tuple[sc.Quarter, str], ...] = ()
    titles: tuple[date, ...] = ()
    facts: tuple[sc.DatedFact, ...] = ()

    def agent(self) -> sc.Agent:
        return sc.Agent(
            AGENT,
            "王芳",
            hired=self.hired,
            rung=self.rung,
            rung_since=self.rung_since or self.hired,
            titles=tuple(sc.Title(el.EXCELLENT_CS, on) for on in self.titles),
        )

    def history(self, scheme: sc.AppraisalScheme) -> sc.History:
        """Monthly cards ranked against the colleagues, quarterly cards with their grade."""
        cards: list[sc.Scorecard] = []
        ranks: list[sc.Rank] = []
        for month, points in self.monthly:
            team = [scheme.score(a, month, {el.SCORE: p}) for a, p in COLLEAGUES.items()]
            own = scheme.score(AGENT, month, {el.SCORE: points})
            cards.append(own)
            ranks += [r for r in sc.rank_team([*team, own]) if r.agent_id == AGENT]
        cards += [
            scheme.score(AGENT, quarter, {el.SCORE: QUARTER_POINTS}, grade=grade)
            for quarter, grade in self.quarterly
        ]
        return sc.History(AGENT, cards, ranks, self.facts)

    def decide(self, org: sc.Organization) -> sc.Decision:
        return org.ladder.evaluate(self.agent(), self.history(org.appraisal_scheme), self.as_of)


PROMOTE, DEMOTE, DISMISS, STAY = sc.Move.PROMOTE, sc.Move.DEMOTE, sc.Move.DISMISS, sc.Move.STAY


# EL-05 trial → junior
_TRIAL = Case("trial", hired=date(2026, 1, 5), as_of=date(2026, 4, 7), move=STAY)
_PROBATION_PASSED = passed(el.PROBATION_TEST, date(2026, 3, 27))
_APPROVED = passed(el.REGULARISATION_APPROVAL, date(2026, 4, 3))
# EL-06 junior, regularised in January
_JUNIOR = Case(
    "junior",
    hired=date(2025, 10, 8),
    rung_since=date(2026, 1, 8),
    as_of=date(2026, 4, 1),
    move=STAY,
)
# EL-07 junior → intermediate, assessed on a quarter's last day (the window then fits)
_JUNIOR_Q1 = Case("junior", hired=date(2025, 12, 29), as_of=date(2026, 3, 31), move=STAY)
# A junior hired 5 January, regularised in February, ranks 2, 1, 3 and Q1 A
_JUNIOR_JAN5 = Case(
    "junior",
    hired=date(2026, 1, 5),
    rung_since=date(2026, 2, 2),
    as_of=date(2026, 4, 5),
    move=STAY,
    monthly=by_rank("2026-01", 2, 1, 3),
    quarterly=graded("2026Q1", "A"),
)
# EL-08 / EL-09 intermediate, promoted on 1 April 2026
_INTERMEDIATE = Case(
    "intermediate",
    hired=date(2025, 10, 8),
    rung_since=date(2026, 4, 1),
    as_of=date(2026, 9, 30),
    move=STAY,
)
# EL-09 the quickest intermediate: hired 5 January, intermediate after 3 months
_FAST = Case(
    "intermediate",
    hired=date(2026, 1, 5),
    rung_since=date(2026, 4, 5),
    as_of=date(2026, 6, 30),
    move=STAY,
    monthly=by_rank("2026-01", 2, 1, 1, 2, 1, 1),
    quarterly=graded("2026Q1", "A", "A"),
    titles=(date(2026, 5, 29),),
)
# EL-10 / EL-11 senior, promoted on 1 April 2026
_SENIOR = Case(
    "senior",
    hired=date(2025, 1, 6),
    rung_since=date(2026, 4, 1),
    as_of=date(2027, 3, 31),
    move=STAY,
)
_THREE_TITLES = (date(2025, 6, 30), date(2025, 12, 31), date(2026, 12, 31))
_SENIOR_YEAR = replace(
    _SENIOR,
    monthly=by_rank("2026-04", 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2),
    quarterly=graded("2026Q2", "A", "A", "B", "A"),
    titles=_THREE_TITLES,
)
_DEFENCE = passed(el.PROMOTION_DEFENCE, date(2027, 3, 25))

TABLE = [
    # EL-05: the probation test and the regularisation approval, both recorded as passed.
    pytest.param(
        replace(
            _TRIAL,
            as_of=date(2026, 4, 7),
            move=PROMOTE,
            target="junior",
            facts=(_PROBATION_PASSED, _APPROVED),
        ),
        id="EL-05 trial: test passed and approved -> junior",
    ),
    pytest.param(
        replace(_TRIAL, as_of=date(2026, 4, 7), move=STAY, facts=(_PROBATION_PASSED,)),
        id="EL-05 trial: test passed, approval pending -> stays",
    ),
    pytest.param(
        replace(
            _TRIAL,
            as_of=date(2026, 4, 7),
            move=STAY,
            facts=(failed(el.PROBATION_TEST, date(2026, 3, 27)), _APPROVED),
        ),
        id="EL-05 trial: probation test failed -> stays",
    ),
    # EL-06 (AMB-20): three consecutive monthly appraisals below 60.
    pytest.param(
        replace(
            _JUNIOR, as_of=date(2026, 4, 1), move=DISMISS, monthly=by_score("2026-01", 59, 59, 59)
        ),
        id="EL-06 junior: 59, 59, 59 -> dismissed",
    ),
    pytest.param(
        replace(_JUNIOR, as_of=date(2026, 3, 2), move=STAY, monthly=by_score("2026-01", 59, 59)),
        id="EL-06 junior: 59, 59 -> stays",
    ),
    pytest.param(
        replace(
            _JUNIOR, as_of=date(2026, 5, 4), move=STAY, monthly=by_score("2026-01", 59, 60, 59, 59)
        ),
        id="EL-06 junior: 59, 60, 59, 59 (not 3 in a row) -> stays",
    ),
    # EL-07 (EL-15's 3-month window, AMB-22; tenure from hire, AMB-27).
    pytest.param(
        replace(
            _JUNIOR_Q1,
            move=PROMOTE,
            target="intermediate",
            monthly=by_rank("2026-01", 2, 1, 3),
            quarterly=graded("2026Q1", "A"),
        ),
        id="EL-07 junior: ranks 2,1,3, Q1 A, 3 months -> intermediate",
    ),
    pytest.param(
        replace(
            _JUNIOR_Q1,
            move=STAY,
            monthly=by_rank("2026-01", 4, 3, 3),
            quarterly=graded("2026Q1", "A"),
        ),
        id="EL-07 junior: ranks 4,3,3 (average 3.33) -> stays",
    ),
    pytest.param(
        replace(
            _JUNIOR_Q1,
            move=STAY,
            monthly=by_rank("2026-01", 2, 1, 3),
            quarterly=graded("2026Q1", "B"),
        ),
        id="EL-07 junior: Q1 graded B -> stays",
    ),
    pytest.param(
        Case(
            rung="junior",
            hired=date(2026, 1, 2),
            as_of=date(2026, 3, 31),
            move=STAY,
            monthly=by_rank("2026-01", 1, 1, 1),
            quarterly=graded("2026Q1", "A"),
        ),
        id="EL-07 junior hired 2 Jan: 2 whole months on 31 Mar -> stays",
    ),
    pytest.param(
        replace(_JUNIOR_JAN5, as_of=date(2026, 4, 4), move=STAY),
        id="EL-07 junior hired 5 Jan: not yet 3 whole months on 4 Apr -> stays",
    ),
    pytest.param(
        replace(_JUNIOR_JAN5, as_of=date(2026, 4, 5), move=PROMOTE, target="intermediate"),
        id="EL-07 junior hired 5 Jan: 3 whole months on 5 Apr -> intermediate",
    ),
    # EL-08 as written (AMB-24), counted since the promotion on 1 April 2026.
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2026, 10, 1),
            move=DEMOTE,
            target="junior",
            monthly=by_rank("2026-04", 2, 2, 2, 2, 2, 2),
            quarterly=graded("2026Q2", "B", "B"),
        ),
        id="EL-08 intermediate: Q2 B, Q3 B -> junior",
    ),
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2027, 1, 4),
            move=STAY,
            monthly=by_rank("2026-04", *[2] * 9),
            quarterly=graded("2026Q2", "B", "A", "B"),
        ),
        id="EL-08 intermediate: B, A, B (not consecutive) -> stays",
    ),
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2026, 7, 1),
            move=DEMOTE,
            target="junior",
            monthly=by_rank("2026-04", 2, 2, 2),
            quarterly=graded("2026Q2", "C"),
        ),
        id="EL-08 intermediate: one quarter below B (C) -> junior",
    ),
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2026, 7, 1),
            move=DEMOTE,
            target="junior",
            monthly=by_rank("2026-04", 4, 5, 4),
            quarterly=graded("2026Q2", "A"),
        ),
        id="EL-08 intermediate: ranks 4,5,4 (3 in a row outside the top 3) -> junior",
    ),
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2026, 8, 3),
            move=STAY,
            monthly=by_rank("2026-04", 4, 2, 4, 5),
            quarterly=graded("2026Q2", "A"),
        ),
        id="EL-08 intermediate: ranks 4,2,4,5 (not 3 in a row) -> stays",
    ),
    # EL-09 (EL-15's 6-month window).
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2026, 9, 30),
            move=PROMOTE,
            target="senior",
            monthly=by_rank("2026-04", 1, 2, 1, 3, 2, 1),
            quarterly=graded("2026Q2", "A", "A"),
            titles=(date(2026, 6, 30),),
        ),
        id="EL-09 intermediate: title, ranks top 3, Q2 A, Q3 A -> senior",
    ),
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2026, 9, 30),
            move=STAY,
            monthly=by_rank("2026-04", 1, 2, 1, 3, 2, 1),
            quarterly=graded("2026Q2", "A", "A"),
        ),
        id="EL-09 intermediate: no Excellent CS title -> stays",
    ),
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2026, 9, 30),
            move=STAY,
            monthly=by_rank("2026-04", 1, 2, 1, 3, 2, 1),
            quarterly=graded("2026Q2", "A", "B"),
            titles=(date(2026, 6, 30),),
        ),
        id="EL-09 intermediate: Q2 A, Q3 B -> stays",
    ),
    pytest.param(
        replace(
            _INTERMEDIATE,
            as_of=date(2026, 9, 30),
            move=STAY,
            monthly=by_rank("2026-04", 3, 4, 3, 4, 3, 4),
            quarterly=graded("2026Q2", "A", "A"),
            titles=(date(2026, 6, 30),),
        ),
        id="EL-09 intermediate: average rank 3.5 -> stays",
    ),
    pytest.param(
        replace(_FAST, as_of=date(2026, 6, 30), move=STAY),
        id="EL-09 intermediate hired 5 Jan: 5 whole months on 30 Jun -> stays",
    ),
    pytest.param(
        replace(_FAST, as_of=date(2026, 7, 6), move=PROMOTE, target="senior"),
        id="EL-09 intermediate hired 5 Jan: 6 whole months on 6 Jul -> senior",
    ),
    # EL-10 as written (AMB-24): within the first year after the promotion on 1 April 2026.
    pytest.param(
        replace(
            _SENIOR,
            as_of=date(2026, 12, 1),
            move=DEMOTE,
            target="intermediate",
            monthly=by_rank("2026-04", 2, 4, 2, 2, 4, 2, 2, 4),
            quarterly=graded("2026Q2", "A", "A"),
        ),
        id="EL-10 senior: May, Aug, Nov 2026 outside the top 3 -> intermediate",
    ),
    pytest.param(
        replace(
            _SENIOR,
            as_of=date(2027, 12, 1),
            move=STAY,
            monthly=by_rank("2026-04", *[2] * 12, 2, 4, 2, 2, 4, 2, 2, 4),
            quarterly=graded("2026Q2", *["A"] * 6),
        ),
        id="EL-10 senior: May, Aug, Nov 2027 (after the first year) -> stays",
    ),
    pytest.param(
        replace(
            _SENIOR,
            as_of=date(2027, 6, 1),
            move=STAY,
            monthly=by_rank("2026-04", 2, 2, 2, 2, 4, 2, 2, 4, 2, 2, 2, 2, 2, 4),
            quarterly=graded("2026Q2", *["A"] * 4),
        ),
        id="EL-10 senior: Aug, Nov 2026 and May 2027 (2 in the first year) -> stays",
    ),
    pytest.param(
        replace(
            _SENIOR,
            as_of=date(2027, 1, 4),
            move=DEMOTE,
            target="intermediate",
            monthly=by_rank("2026-04", *[2] * 9),
            quarterly=graded("2026Q2", "B", "A", "B"),
        ),
        id="EL-10 senior: Q2 B, Q4 B 2026 (not consecutive) -> intermediate",
    ),
    pytest.param(
        replace(
            _SENIOR,
            as_of=date(2026, 10, 8),
            move=DEMOTE,
            target="intermediate",
            monthly=by_rank("2026-04", *[2] * 6),
            quarterly=graded("2026Q2", "A", "D"),
        ),
        id="EL-10 senior: Q3 2026 graded D (below B) -> intermediate",
    ),
    pytest.param(
        replace(
            _SENIOR,
            as_of=date(2027, 10, 8),
            move=STAY,
            monthly=by_rank("2026-04", *[2] * 18),
            quarterly=graded("2026Q2", *"AAAABB"),
        ),
        id="EL-10 senior: Q2 B, Q3 B 2027 (after the first year) -> stays",
    ),
    # EL-11 (EL-16's 12-month window and the promotion defence).
    pytest.param(
        replace(_SENIOR_YEAR, move=PROMOTE, target="reserve-supervisor", facts=(_DEFENCE,)),
        id="EL-11 senior: 3 titles, ranks top 3, 3 quarters A, 26 months, defence -> reserve",
    ),
    pytest.param(
        replace(_SENIOR_YEAR, move=STAY),
        id="EL-11 senior: no promotion defence yet -> stays",
    ),
    pytest.param(
        replace(_SENIOR_YEAR, move=STAY, facts=(failed(el.PROMOTION_DEFENCE, date(2027, 3, 25)),)),
        id="EL-11 senior: promotion defence failed -> stays",
    ),
    pytest.param(
        replace(_SENIOR_YEAR, titles=_THREE_TITLES[:2], facts=(_DEFENCE,)),
        id="EL-11 senior: 2 titles -> stays",
    ),
    # EL-12: the reserve supervisor is not appraised; nothing moves them automatically.
    pytest.param(
        Case(
            rung="reserve-supervisor",
            hired=date(2024, 3, 4),
            rung_since=date(2025, 6, 2),
            as_of=date(2026, 4, 1),
            move=STAY,
            monthly=by_score("2026-01", 40, 40, 40),
            quarterly=graded("2026Q1", "D"),
        ),
        id="EL-12 reserve supervisor: failing scores and a D -> stays (exempt)",
    ),
]


@pytest.mark.parametrize("case", TABLE)
def test_decision(org: sc.Organization, case: Case) -> None:
    decision = case.decide(org)
    assert (decision.move, decision.target) == (case.move, case.target), decision.explain("en")


# The regulation's numbers inside the decisions -------------------------------------------


def _case(case_id: str) -> Case:
    (param,) = [p for p in TABLE if p.id == case_id]
    case = param.values[0]
    assert isinstance(case, Case)
    return case


def _checks(decision: sc.Decision) -> list[sc.Check]:
    found: list[sc.Check] = []

    def walk(check: sc.Check) -> None:
        found.append(check)
        for part in check.parts:
            walk(part)

    for transition in decision.checks:
        walk(transition.check)
    return found


def test_department_of_five_ranked_by_monthly_score(org: sc.Organization) -> None:
    case = Case(
        rung="junior",
        hired=date(2025, 12, 1),
        as_of=date(2026, 6, 1),
        move=STAY,
        monthly=by_rank("2026-01", 1, 2, 3, 4, 5),
    )
    ranks = case.history(org.appraisal_scheme).ranks
    assert [(r.position, r.of) for r in ranks] == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_junior_promotion_shows_the_average_rank_and_tenure(org: sc.Organization) -> None:
    decision = _case("EL-07 junior: ranks 4,3,3 (average 3.33) -> stays").decide(org)
    lines = decision.explain("en")
    assert any(
        "Average monthly rank in the last 3 full months: 3.33 over 3 months" in line
        for line in lines
    ), lines
    assert any("Whole months since hire on Dec 29, 2025: 3 (needs 3)" in line for line in lines)
    assert decision.reason.rule_id == "EL-01"


def test_dismissal_cites_el_06_and_the_pass_mark(org: sc.Organization) -> None:
    case = _case("EL-06 junior: 59, 59, 59 -> dismissed")
    decision = case.decide(org)
    assert decision.reason.rule_id == "EL-06"
    cards = case.history(org.appraisal_scheme).scorecards
    assert [(c.total, c.passed) for c in cards] == [(Decimal(59), False)] * 3
    assert "低于及格线60" in cards[0].explain("zh_Hans")[-1]


def test_reserve_supervisor_is_exempt(org: sc.Organization) -> None:
    decision = _case("EL-12 reserve supervisor: failing scores and a D -> stays (exempt)").decide(
        org
    )
    assert decision.reason.rule_id == "EL-12"
    assert decision.checks == ()
    (line,) = decision.explain("zh_Hans")
    assert line.startswith("王芳")
    assert "储备主管" in line
    assert line.endswith("（EL-12）")


@pytest.mark.parametrize("locale", ["zh_Hans", "en"])
@pytest.mark.parametrize(
    "case_id",
    [
        "EL-07 junior: ranks 2,1,3, Q1 A, 3 months -> intermediate",
        "EL-11 senior: no promotion defence yet -> stays",
    ],
)
def test_promotion_explains_every_condition(
    org: sc.Organization, case_id: str, locale: str
) -> None:
    decision = _case(case_id).decide(org)
    lines = [line.strip() for line in decision.explain(locale)]
    checks = _checks(decision)
    for check in checks:
        assert f"{'✓' if check.met else '✗'} {check.reason.explain(locale)}" in lines
    assert len(lines) == 1 + len(checks)
    promotion = next(tc for tc in decision.checks if tc.transition.move is PROMOTE)
    (condition,) = promotion.check.parts
    assert isinstance(promotion.transition.condition, sc.AllOf)
    assert len(condition.parts) == len(promotion.transition.condition.conditions)


def test_promotion_explanation_in_chinese(org: sc.Organization) -> None:
    decision = _case("EL-07 junior: ranks 2,1,3, Q1 A, 3 months -> intermediate").decide(org)
    text = "\n".join(decision.explain("zh_Hans"))
    assert decision.reason.explain("zh_Hans").startswith("王芳")
    assert "中级客服" in text
    assert "EL-07" in text
    tenure = [line for line in text.splitlines() if "2025年12月29日" in line]
    assert len(tenure) == 1
    assert tenure[0].strip().startswith("✓")
    assert "3个月" in tenure[0]
    assert "✗" in text  # the dismissal check, not met


def test_promotion_defence_cites_el_16(org: sc.Organization) -> None:
    decision = _case("EL-11 senior: no promotion defence yet -> stays").decide(org)
    (promotion,) = [tc for tc in decision.checks if tc.transition.move is PROMOTE]
    (condition,) = promotion.check.parts
    assert [(c.met, c.reason.rule_id) for c in condition.parts] == [
        (True, "EL-11"),
        (True, "EL-11"),
        (True, "EL-11"),
        (True, "EL-11"),
        (False, "EL-16"),
    ]
    assert "No “Promotion defence” recorded" in condition.parts[-1].reason.explain("en")


# Loading ---------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    check_plugin("ecommerce-ladder", el, hooks=HOOKS)


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile.name.localize("en") == "E-commerce customer service department"
    assert profile.name.localize("zh_Hant") == "電商客服部"
    assert profile.name.localize("zh_Hans") == "电商客服部"
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_module_object_without_entry_points() -> None:
    org = make_organization(el)
    assert org.profile is el.PROFILE
    assert [r.id for r in org.ladder.rungs] == RUNG_IDS
    assert org.salary_bands.currency == "CNY"


def test_policies_the_source_does_not_give_stay_undefined(org: sc.Organization) -> None:
    policy = org.effective_policy()
    assert policy.penalty_schedule is None
    assert policy.shift_policy is None
    # 第一篇 has no phrases and no channels: the core's generic-manual defaults stand in
    # (GM rules): never argue (GM-08), restate the problem (GM-09), the service levels.
    assert {e.cite.rule_id for e in org.phrase_book().entries} == {"GM-08", "GM-09"}
    assert policy.service_levels is not None
    assert policy.service_levels.cite.rule_id.startswith("GM-")


# Ladder (EL-01, EL-03, EL-12) ------------------------------------------------------------


def test_five_rungs_lowest_first(org: sc.Organization) -> None:
    ladder = org.ladder
    assert [r.id for r in ladder.rungs] == RUNG_IDS
    assert [r.name.localize("zh_Hant") for r in ladder.rungs] == [
        "新客服(試用)",
        "初級客服",
        "中級客服",
        "高級客服",
        "儲備主管",
    ]
    assert [r.name.localize("zh_Hans") for r in ladder.rungs] == [
        "新客服(试用)",
        "初级客服",
        "中级客服",
        "高级客服",
        "储备主管",
    ]


def test_only_the_reserve_supervisor_is_exempt(org: sc.Organization) -> None:
    exempt = {r.id: r.exempt for r in org.ladder.rungs if r.exempt is not None}
    assert list(exempt) == ["reserve-supervisor"]
    assert exempt["reserve-supervisor"].rule_id == "EL-12"
    assert org.ladder.transitions_from("reserve-supervisor") == ()


def test_one_rung_at_a_time(org: sc.Organization) -> None:
    ladder = org.ladder
    moves = [(t.move, t.source, t.target, t.cite.rule_id) for t in ladder.transitions]
    assert moves == [
        (PROMOTE, "trial", "junior", "EL-05"),
        (DISMISS, "junior", None, "EL-06"),
        (PROMOTE, "junior", "intermediate", "EL-07"),
        (DEMOTE, "intermediate", "junior", "EL-08"),
        (PROMOTE, "intermediate", "senior", "EL-09"),
        (DEMOTE, "senior", "intermediate", "EL-10"),
        (PROMOTE, "senior", "reserve-supervisor", "EL-11"),
    ]
    for t in ladder.transitions:
        assert not t.skip_level
        if t.source is not None and t.target is not None:
            assert abs(ladder.position(t.target) - ladder.position(t.source)) == 1


def test_el_02_the_reserve_supervisor_is_the_top_rung(org: sc.Organization) -> None:
    """EL-02 (三.1): 儲備主管 is the highest CS rung; the step to CS department supervisor
    is a manual decision outside the ladder (AMB-26)."""
    ladder = org.ladder
    top = ladder.rungs[-1]
    assert top.id == "reserve-supervisor"
    assert top.cite == sc.Citation("EL-02", "002 第一篇 三.1") == el.TOP_RUNG_CITE
    assert ladder.above("reserve-supervisor") is None
    assert ladder.transitions_from("reserve-supervisor") == ()
    assert {r.cite.rule_id for r in ladder.rungs[:-1]} == {"EL-01"}
    assert all(t.target != "supervisor" for t in ladder.transitions)


# Skip-level promotions (EL-03; AMB-25) ---------------------------------------------------


def skip_case(rung: str, facts: tuple[sc.DatedFact, ...]) -> Case:
    """A regular agent of the rung since 1 January 2026 whose record meets no ordinary
    promotion (ranks 2nd, but no quarterly grade or title), assessed on 31 March 2026."""
    return Case(
        rung=rung,
        hired=date(2025, 1, 6),
        rung_since=date(2026, 1, 1),
        as_of=date(2026, 3, 31),
        move=STAY,
        monthly=by_rank("2026-01", 2, 2, 2),
        facts=facts,
    )


def test_el_03_the_skip_level_promotions_are_opt_in() -> None:
    """EL-03 (二.3): one rung at a time (the loaded ladder has no skip), and a skip only
    with an explicit exception flag (AMB-25): six skip-level promotions, all EL-03."""
    assert sc.Citation("EL-03", "002 第一篇 二.3") == el.SKIP_LEVEL_CITE
    assert el.grading_ladder() is el.GRADING_LADDER
    assert not any(t.skip_level for t in el.GRADING_LADDER.transitions)
    skips = [(t.source, t.target) for t in el.SKIP_LEVEL_PROMOTIONS]
    assert skips == [
        ("trial", "intermediate"),
        ("trial", "senior"),
        ("trial", "reserve-supervisor"),
        ("junior", "senior"),
        ("junior", "reserve-supervisor"),
        ("intermediate", "reserve-supervisor"),
    ]
    assert all(t.skip_level and t.cite.rule_id == "EL-03" for t in el.SKIP_LEVEL_PROMOTIONS)
    ladder = el.grading_ladder(skip_level=True)
    assert ladder.transitions == (*el.GRADING_LADDER.transitions, *el.SKIP_LEVEL_PROMOTIONS)
    assert el.skip_level_review("senior") == "skip-level-to-senior"
    with pytest.raises(sc.PolicyError):
        el.skip_level_review("supervisor")


@pytest.mark.parametrize(
    ("rung", "flag", "move", "target"),
    [
        ("junior", "senior", PROMOTE, "senior"),
        ("junior", "reserve-supervisor", PROMOTE, "reserve-supervisor"),
        ("trial", "intermediate", PROMOTE, "intermediate"),
        ("intermediate", "reserve-supervisor", PROMOTE, "reserve-supervisor"),
        # a flag for a skip that starts elsewhere, or none at all: one rung at a time
        ("intermediate", "intermediate", STAY, None),
        ("junior", None, STAY, None),
    ],
)
def test_el_03_a_skip_needs_its_exception_flag(
    org: sc.Organization, rung: str, flag: str | None, move: sc.Move, target: str | None
) -> None:
    """EL-03: the review (考核評審) rating the agent very excellent, recorded as a passed
    ``skip-level-to-<rung>`` fact on the current rung, promotes past the next rung."""
    facts = () if flag is None else (passed(el.skip_level_review(flag), date(2026, 3, 20)),)
    case = skip_case(rung, facts)
    ladder = el.grading_ladder(skip_level=True)
    decision = ladder.evaluate(case.agent(), case.history(org.appraisal_scheme), case.as_of)
    assert (decision.move, decision.target) == (move, target)
    if move is PROMOTE:
        assert decision.reason.rule_id == "EL-03"
    # the loaded ladder never skips, flag or not
    assert case.decide(org).move is STAY


def test_el_03_a_failed_review_or_one_before_the_rung_does_not_count(
    org: sc.Organization,
) -> None:
    ladder, scheme = el.grading_ladder(skip_level=True), org.appraisal_scheme
    kind = el.skip_level_review("senior")
    for fact in (failed(kind, date(2026, 3, 20)), passed(kind, date(2025, 12, 31))):
        case = skip_case("junior", (fact,))
        decision = ladder.evaluate(case.agent(), case.history(scheme), case.as_of)
        assert decision.move is STAY, fact


# Assessment windows (EL-15, EL-16; AMB-22) -----------------------------------------------


def _windows(condition: sc.Condition) -> list[sc.Window]:
    found = [getattr(condition, "window", None)]
    for part in getattr(condition, "conditions", ()):
        found += _windows(part)
    return [w for w in found if isinstance(w, sc.Window) and not w.since_promotion]


def test_el_15_the_assessment_windows_are_3_6_and_12_months(org: sc.Organization) -> None:
    """EL-15 (五.2): 3 months for junior → intermediate, 6 for intermediate → senior;
    EL-16 (五.3): 12 for senior → reserve supervisor; each promotion's rank average and
    quarterly grades are counted over its window (AMB-22)."""
    assert sc.Citation("EL-15", "002 第一篇 五.2") == el.ASSESSMENT_WINDOW_CITE
    assert {rung: w.months for rung, w in el.ASSESSMENT_WINDOWS.items()} == {
        "intermediate": 3,
        "senior": 6,
        "reserve-supervisor": 12,
    }
    for t in org.ladder.transitions:
        if t.move is PROMOTE and t.target in el.ASSESSMENT_WINDOWS:
            assert set(_windows(t.condition)) == {el.ASSESSMENT_WINDOWS[t.target]}, t.target


def test_el_15_junior_months_before_the_3_month_window_do_not_count(
    org: sc.Organization,
) -> None:
    """EL-15: ranked 5th in October–December, then 2, 1, 3: the average over all six
    months is 3.5, but over the 3-month window 2, so EL-07 promotes on 31 March."""
    case = Case(
        rung="junior",
        hired=date(2025, 10, 1),
        as_of=date(2026, 3, 31),
        move=PROMOTE,
        target="intermediate",
        monthly=by_rank("2025-10", 5, 5, 5, 2, 1, 3),
        quarterly=graded("2026Q1", "A"),
    )
    decision = case.decide(org)
    assert (decision.move, decision.target) == (PROMOTE, "intermediate")
    assert any("2 over 3 months" in line for line in decision.explain("en"))
    # one month of the window outside the top 3 (ranks 5, 2, 3: average 3.33) stops it
    worse = replace(case, monthly=by_rank("2025-10", 5, 5, 5, 5, 2, 3))
    assert worse.decide(org).move is STAY


def test_el_15_intermediate_is_assessed_on_6_months(org: sc.Organization) -> None:
    """EL-15: intermediate → senior looks at the last 6 full months: ranks 4 and 5 in
    April and May are inside it (average 2.67 over April–September), a 5th in March is
    not.  (Promoted on 1 June, so April and May were a junior's months.)"""
    case = replace(
        _INTERMEDIATE,
        rung_since=date(2026, 6, 1),
        as_of=date(2026, 9, 30),
        move=PROMOTE,
        target="senior",
        monthly=by_rank("2026-03", 5, 4, 5, 1, 2, 3, 1),
        quarterly=graded("2026Q2", "A", "A"),
        titles=(date(2026, 6, 30),),
    )
    decision = case.decide(org)
    assert (decision.move, decision.target) == (PROMOTE, "senior")
    assert any("2.67 over 6 months" in line for line in decision.explain("en"))


# Transfers (EL-04) -----------------------------------------------------------------------


def test_el_04_any_rung_may_apply_and_wins_a_tie() -> None:
    """EL-04 (三.2): CS agents at every rung may apply for a transfer; at equal
    qualification they are taken first; a better-qualified outsider still comes first."""
    assert sc.Citation("EL-04", "002 第一篇 三.2") == el.TRANSFER_CITE
    outsider = el.TransferApplicant("X-1", Decimal(85))
    better_outsider = el.TransferApplicant("X-2", Decimal(90))
    applicants = [
        outsider,
        *(el.TransferApplicant(f"A-{i}", Decimal(85), rung) for i, rung in enumerate(RUNG_IDS)),
        better_outsider,
    ]
    ranked = el.rank_transfer_applicants(applicants)
    assert [a.id for a in ranked] == ["X-2", "A-0", "A-1", "A-2", "A-3", "A-4", "X-1"]
    assert [a.internal for a in ranked] == [False, True, True, True, True, True, False]
    assert ranked[1].qualification == Decimal(85)
    with pytest.raises(sc.ValidationError, match="not a rung"):
        el.TransferApplicant("A-9", Decimal(85), "supervisor")


# Appraisal (EL-14, EL-06; AMB-20, AMB-21) ------------------------------------------------


def test_monthly_and_quarterly_one_score_of_100(org: sc.Organization) -> None:
    scheme = org.appraisal_scheme
    assert scheme.periods == (sc.PeriodKind.MONTH, sc.PeriodKind.QUARTER)
    assert [(c.id, c.max_points) for c in scheme.criteria] == [("appraisal-score", Decimal(100))]
    assert scheme.total == Decimal(100)
    assert scheme.quarters is sc.QuarterRule.SCORED
    assert scheme.cite.rule_id == "EL-14"


def test_pass_mark_60(org: sc.Organization) -> None:
    scheme = org.appraisal_scheme
    assert scheme.pass_mark is not None
    assert scheme.pass_mark.points == Decimal(60)
    assert scheme.pass_mark.cite.rule_id == "EL-06"
    month = sc.Month(2026, 3)
    assert scheme.score(AGENT, month, {el.SCORE: 60}).passed is True
    assert scheme.score(AGENT, month, {el.SCORE: 59}).passed is False


def test_reviewer_grades_a_to_d_without_floors(org: sc.Organization) -> None:
    scale = org.appraisal_scheme.grades
    assert scale is not None
    assert scale.ids == ("A", "B", "C", "D")
    assert not scale.scored
    assert scale.below("B") == el.BELOW_B == frozenset({"C", "D"})


def test_a_quarter_is_graded_by_the_reviewer(org: sc.Organization) -> None:
    scheme, quarter = org.appraisal_scheme, sc.Quarter(2026, 1)
    a = scheme.score(AGENT, quarter, {el.SCORE: QUARTER_POINTS}, grade="A")
    c = scheme.score(AGENT, quarter, {el.SCORE: QUARTER_POINTS}, grade="C")
    assert (a.grade, c.grade) == ("A", "C")
    assert a.total == c.total == Decimal(QUARTER_POINTS)
    with pytest.raises(sc.ValidationError):
        scheme.score(AGENT, quarter, {el.SCORE: QUARTER_POINTS}, grade="E")


# Salary bands (EL-17 … EL-22; AMB-28) ----------------------------------------------------


def test_bands_1800_to_4000_linked_from_the_rungs(org: sc.Organization) -> None:
    bands = org.salary_bands
    pay = {r.id: bands.band(r.band).base for r in org.ladder.rungs if r.band is not None}
    assert pay == {
        "trial": sc.Money(1800, "CNY"),
        "junior": sc.Money(2200, "CNY"),
        "intermediate": sc.Money(2500, "CNY"),
        "senior": sc.Money(3000, "CNY"),
        "reserve-supervisor": sc.Money(4000, "CNY"),
    }
    assert [b.cite.rule_id for b in bands.bands] == ["EL-17", "EL-18", "EL-19", "EL-20", "EL-21"]


def test_the_2018_pay_table() -> None:
    assert el.PAY_TABLE_YEAR == 2018
    assert el.PAY_TABLE_CITE.rule_id == "EL-22"
    for band in el.salary_bands().bands:
        assert "2018" in band.name.localize("en")
        assert "2018年" in band.name.localize("zh_Hans")
    band = el.salary_bands().band("junior")
    assert (
        band.describe().explain("zh_Hans_CN")
        == "初级客服(2018年薪资)：月基本工资¥2,200.00（EL-18）"
    )


# Payslips (EL-17 … EL-22; AMB-27, AMB-28) ------------------------------------------------

MARCH = sc.Month(2026, 3)
#: Each rung's agent in March 2026 (rung, hired, on the rung since), the pay of the 2018
#: table, its rule and item of 六, and the band's name as the payslip prints it.
PAYSLIPS = [
    ("trial", date(2026, 1, 5), date(2026, 1, 5), 1800, "EL-17", "六.1", "新员工(试用期)"),
    ("junior", date(2025, 10, 8), date(2026, 1, 8), 2200, "EL-18", "六.2", "初级客服"),
    ("intermediate", date(2025, 10, 8), date(2026, 1, 5), 2500, "EL-19", "六.3", "中级客服"),
    ("senior", date(2025, 1, 6), date(2025, 7, 7), 3000, "EL-20", "六.4", "高级客服"),
    ("reserve-supervisor", date(2024, 3, 4), date(2025, 6, 2), 4000, "EL-21", "六.5", "储备主管"),
]


def on_rung(
    rung: str,
    hired: date,
    since: date,
    status: sc.AgentStatus = sc.AgentStatus.REGULAR,
    probation_end: date | None = None,
) -> sc.Agent:
    return sc.Agent(
        AGENT,
        "王芳",
        hired=hired,
        rung=rung,
        rung_since=since,
        status=status,
        probation_end=probation_end,
    )


@pytest.mark.parametrize(
    ("rung", "hired", "since", "amount", "rule_id", "item", "name"),
    PAYSLIPS,
    ids=[row[0] for row in PAYSLIPS],
)
def test_a_payslip_per_rung(
    org: sc.Organization,
    rung: str,
    hired: date,
    since: date,
    amount: int,
    rule_id: str,
    item: str,
    name: str,
) -> None:
    slip = org.payslip(on_rung(rung, hired, since), MARCH)
    pay = sc.Money(f"{amount}.00", "CNY")
    assert (slip.rung, slip.band.id, slip.trial) == (rung, rung, False)
    (line,) = slip.lines
    assert (line.kind, line.code, line.amount) == (sc.LineKind.EARNING, "base", pay)
    assert (slip.gross, slip.deductions, slip.fines, slip.net) == (
        pay,
        sc.Money(0, "CNY"),
        sc.Money(0, "CNY"),
        pay,
    )
    assert slip.notes == ()
    assert slip.minimum is None
    assert (line.reason.rule_id, line.reason.cite.clause) == (rule_id, f"002 第一篇 {item}")
    # EL-22 / AMB-28: the band's name says the table is the 2018 one.
    assert line.title("zh_Hans") == f"{name}(2018年薪资)"
    assert line.reason.explain("zh_Hans_CN") == (
        f"{name}(2018年薪资)：月基本工资¥{amount:,}.00（{rule_id}）"
    )
    assert line.reason.explain("en").endswith(
        f"(2018 pay): base pay CN¥{amount:,}.00 a month ({rule_id})"
    )
    data = slip.to_dict("zh_Hans")
    assert (data["band"], data["gross"], data["net"]) == (rung, f"{amount}.00", f"{amount}.00")
    assert [entry["reason"]["rule_id"] for entry in data["lines"]] == [rule_id]


def test_the_trial_payslip_reads_in_full(org: sc.Organization) -> None:
    rung, hired, since, *_ = PAYSLIPS[0]
    text = org.payslip(on_rung(rung, hired, since), MARCH).format("zh_Hans_CN")
    assert text.splitlines()[:5] == [
        "工资条：王芳（A-017），2026年3月",
        "薪级：新员工(试用期)(2018年薪资) · 第1服务年度",
        "收入",
        "  新员工(试用期)(2018年薪资)：¥1,800.00",
        "    新员工(试用期)(2018年薪资)：月基本工资¥1,800.00（EL-17）",
    ]
    assert "实发合计：¥1,800.00" in text


def test_a_month_before_hire_has_no_payslip(org: sc.Organization) -> None:
    rung, hired, since, *_ = PAYSLIPS[0]
    with pytest.raises(sc.ValidationError, match=r"before A-017's hire date 2026-01-05"):
        org.payslip(on_rung(rung, hired, since), sc.Month(2025, 12))


def test_the_month_of_hire_is_paid_whole(org: sc.Organization) -> None:
    # Hired on 5 January: the core pays a month joined part-way in full (no proration).
    rung, hired, since, *_ = PAYSLIPS[0]
    slip = org.payslip(on_rung(rung, hired, since), sc.Month(2026, 1))
    assert slip.net == sc.Money(1800, "CNY")


def test_a_month_is_paid_at_the_rung_held_on_its_last_day(org: sc.Organization) -> None:
    # EL-05 on 7 April 2026: the trial agent becomes a junior.
    junior = on_rung("junior", date(2026, 1, 5), date(2026, 4, 7))
    assert org.payslip(junior, sc.Month(2026, 4)).net == sc.Money(2200, "CNY")
    with pytest.raises(sc.ValidationError, match="ends before A-017 entered rung junior"):
        org.payslip(junior, MARCH)
    trial = on_rung("trial", date(2026, 1, 5), date(2026, 1, 5))
    assert org.payslip(trial, MARCH).net == sc.Money(1800, "CNY")


def test_pay_follows_the_rung_not_the_probation_status(org: sc.Organization) -> None:
    # The trial is a rung (EL-01, EL-05) with no length in months (AMB-27), so the table
    # has no sc.TrialPay: Agent.status and probation_end play no part in pay.
    bands = org.salary_bands
    assert bands.trial is None
    junior = on_rung(
        "junior",
        date(2026, 1, 5),
        date(2026, 2, 2),
        status=sc.AgentStatus.PROBATION,
        probation_end=date(2026, 6, 30),
    )
    slip = org.payslip(junior, MARCH)
    assert (slip.trial, slip.net) == (False, sc.Money(2200, "CNY"))
    trial = on_rung("trial", date(2025, 9, 1), date(2025, 9, 1))
    assert org.payslip(trial, MARCH).net == sc.Money(1800, "CNY")


def test_the_2018_table_pays_nothing_but_the_band(org: sc.Organization) -> None:
    bands = org.salary_bands
    assert (bands.minimums, bands.awards, bands.streak_awards) == ((), (), ())
    assert bands.full_attendance is None
    assert bands.fail_deduction is None
    assert bands.commission is None
    assert bands.bonus_pool is None
    assert bands.weighted_bonus is None
    assert [r.rule_id for r in bands.describe_all()] == [
        "EL-17",
        "EL-18",
        "EL-19",
        "EL-20",
        "EL-21",
    ]
    rung, hired, since, *_ = PAYSLIPS[1]
    junior = on_rung(rung, hired, since)
    with pytest.raises(sc.ValidationError, match="no bonus"):
        org.payslip(junior, MARCH, bonus=sc.Money(100, "CNY"))
    with pytest.raises(sc.ValidationError, match="no commission"):
        org.payslip(junior, MARCH, sales=sc.Money(50000, "CNY"))


def test_a_failed_month_costs_no_pay(org: sc.Organization) -> None:
    # EL-06 dismisses after three failed months; 第一篇 deducts nothing from pay for one.
    rung, hired, since, *_ = PAYSLIPS[1]
    card = org.appraisal_scheme.score(AGENT, MARCH, {el.SCORE: 59})
    assert card.passed is False
    slip = org.payslip(on_rung(rung, hired, since), MARCH, appraisal=card)
    assert [(line.code, line.amount) for line in slip.lines] == [("base", sc.Money(2200, "CNY"))]


# Reviewer checklists (EL-05 A–E, EL-13; AMB-23) ------------------------------------------


def test_reviewer_checklists(org: sc.Organization) -> None:
    lists = el.REVIEWER_CHECKLISTS
    letters = {rung: "".join(i.label for i in items) for rung, items in lists.items()}
    assert letters == {
        "junior": "ABCDE",
        "intermediate": "ABCEF",
        "senior": "ABCDE",
        "reserve-supervisor": "ABCDEF",
    }
    assert {i.cite.rule_id for i in lists["junior"]} == {"EL-05"}
    others = [i for rung, items in lists.items() if rung != "junior" for i in items]
    assert {i.cite.rule_id for i in others} == {"EL-13"}
    first = lists["reserve-supervisor"][3]
    assert first.cite.clause == "002 第一篇 四.4 D"
    top = org.ladder.rung("reserve-supervisor")
    assert top.checklist == lists["reserve-supervisor"]
    assert first.describe(top.name).explain("zh_Hans") == (
        "储备主管评审要点D：能独立组织部门培训,带领部门一起学习和提升（EL-13）"
    )


# Citations and explanations --------------------------------------------------------------


def citations(org: sc.Organization) -> list[sc.Citation]:
    """Every citation in every record the plugin defines."""
    ladder, scheme, bands = org.ladder, org.appraisal_scheme, org.salary_bands
    conditions: list[sc.Condition] = [t.condition for t in ladder.transitions]
    cited: list[sc.Citation] = [
        ladder.cite,
        *(rung.cite for rung in ladder.rungs),
        *(rung.exempt for rung in ladder.rungs if rung.exempt is not None),
        *(t.cite for t in ladder.transitions),
        scheme.cite,
        *(c.cite for c in scheme.criteria),
        *(b.cite for b in bands.bands),
        el.PAY_TABLE_CITE,
        *(i.cite for items in el.REVIEWER_CHECKLISTS.values() for i in items),
    ]
    if scheme.grades is not None:
        cited.append(scheme.grades.cite)
    if scheme.pass_mark is not None:
        cited.append(scheme.pass_mark.cite)
    while conditions:
        condition = conditions.pop()
        own = getattr(condition, "cite", None)
        if isinstance(own, sc.Citation):
            cited.append(own)
        conditions += getattr(condition, "conditions", ())
    return cited


def test_every_citation_is_an_el_rule(org: sc.Organization) -> None:
    cited = citations(org)
    for cite in cited:
        assert EL_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("002 第一篇 "), cite
    assert {c.rule_id for c in cited} == {
        "EL-01", "EL-02", "EL-05", "EL-06", "EL-07", "EL-08", "EL-09", "EL-10", "EL-11", "EL-12",
        "EL-13", "EL-14", "EL-16", "EL-17", "EL-18", "EL-19", "EL-20", "EL-21", "EL-22",
    }  # fmt: skip


def test_no_pinyin_gloss_in_texts(org: sc.Organization) -> None:
    gloss = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
    names = [
        org.profile.name,
        el.EXCELLENT_CS_NAME,
        *(r.name for r in org.ladder.rungs),
        *(c.name for c in org.appraisal_scheme.criteria),
        *(b.name for b in org.salary_bands.bands),
        *(i.text for items in el.REVIEWER_CHECKLISTS.values() for i in items),
    ]
    for name in names:
        for locale in sc.SUPPORTED_LOCALES:
            assert not gloss.search(name.localize(locale)), name


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_explanations_render(org: sc.Organization, locale: str) -> None:
    ladder, scheme = org.ladder, org.appraisal_scheme
    reasons = [
        ladder.describe(),
        *(ladder.describe_transition(t) for t in ladder.transitions),
        scheme.describe(),
        *(c.describe() for c in scheme.criteria),
        *(b.describe() for b in org.salary_bands.bands),
        *(i.describe() for items in el.REVIEWER_CHECKLISTS.values() for i in items),
    ]
    for reason in reasons:
        rendered = reason.explain(locale)
        assert rendered.strip()
        assert reason.rule_id in rendered


def test_the_pay_table_stays_in_yuan_under_another_currency() -> None:
    """The 2018 table is yuan: under a profile in dollars the organisation refuses to load
    instead of paying 1800 dollars."""

    class Dollars:
        @sc.hookimpl
        def servicecodex_organization_profile(self) -> sc.OrganizationProfile:
            return attrs.evolve(el.PROFILE, currency="USD")

    assert el.salary_bands().band("trial").base == sc.Money(1800, "CNY")
    org = make_organization(Dollars(), el, precedence=["Dollars"])
    with pytest.raises(sc.PolicyError, match="pays in USD"):
        org.salary_bands  # noqa: B018


def test_el_04_a_float_qualification_is_refused() -> None:
    with pytest.raises(sc.FloatError):
        el.TransferApplicant("A-1", 85.1)  # type: ignore[arg-type]
