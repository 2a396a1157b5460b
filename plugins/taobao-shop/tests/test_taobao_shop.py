"""The Taobao shop plugin, loaded as users load it: by its entry point.

Real cases in tables: a month scored, an agent's grade on a given day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import NamedTuple

import attrs
import pytest
import servicecodex_taobao_shop as tb

import servicecodex as sc
from servicecodex.testing import check_plugin, organization_fixture, run_cli

TB_RULE_ID = re.compile(r"^TB-\d{2}$")
LOCALES = ("zh_Hans", "zh_Hant", "en")
GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
HOOKS = (
    "servicecodex_appraisal_scheme",
    "servicecodex_courtesy_phrases",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_salary_bands",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
)
CRITERIA = ("team-task", "handover", "callback-satisfaction", "professional-quality")


org = organization_fixture("taobao-shop")


def points(team: int, handover: int, callback: int, quality: int) -> dict[str, object]:
    """The four criteria's points, in P3b (2)'s order (a)–(d)."""
    return dict(zip(CRITERIA, (team, handover, callback, quality), strict=True))


# Loading ---------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    org = check_plugin("taobao-shop", tb, hooks=HOOKS)
    assert org.ladder is tb.GRADING_LADDER
    assert org.appraisal_scheme is tb.APPRAISAL_SCHEME


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile.name.localize("en") == "Taobao shop customer service department"
    assert profile.name.localize("zh_Hant") == "淘寶客服部"
    assert profile.name.localize("zh_Hans") == "淘宝客服部"
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_every_round_is_defined(org: sc.Organization) -> None:
    """Shifts (test_taobao_shifts) and service levels (test_contacts) are here too."""
    assert org.shift_policy is tb.SHIFT_POLICY
    assert org.service_levels is tb.SERVICE_LEVELS


# Ladder (TB-01 … TB-06) ------------------------------------------------------------------


def test_four_grades_lowest_first(org: sc.Organization) -> None:
    ladder = org.ladder
    assert ladder.ids == ("junior", "intermediate", "senior", "senior-expert")
    assert [r.name.localize("zh_Hant") for r in ladder.rungs] == [
        "初級客服",
        "中級客服",
        "高級客服",
        "資深客服",
    ]
    assert [r.name.localize("zh_Hans") for r in ladder.rungs] == [
        "初级客服",
        "中级客服",
        "高级客服",
        "资深客服",
    ]
    assert {r.cite.rule_id for r in ladder.rungs} == {"TB-02"}
    assert [r.band for r in ladder.rungs] == list(ladder.ids)  # one band per grade (TB-02)


def test_transitions(org: sc.Organization) -> None:
    found = [
        (t.move, t.source, t.target, t.cite.rule_id, t.condition) for t in org.ladder.transitions
    ]
    assert found[:3] == [
        (sc.Move.PROMOTE, "junior", "intermediate", "TB-03", sc.MonthsInRung(3)),
        (sc.Move.PROMOTE, "intermediate", "senior", "TB-04", sc.MonthsEmployed(12)),
        (sc.Move.PROMOTE, "senior", "senior-expert", "TB-05", sc.MonthsEmployed(24)),
    ]
    move, source, target, rule, condition = found[3]
    assert (move, source, target, rule) == (sc.Move.DISMISS, None, None, "TB-50")
    assert condition == sc.AnyOf(
        sc.FailedAppraisals(2, consecutive=True, period=sc.PeriodKind.MONTH),
        sc.FactCount("warning", 3, name=tb.WARNING_NAME),
    )


def test_roles_are_not_rungs(org: sc.Organization) -> None:
    """TB-01: supervisor, sales CS, after-sales CS are posts, not grades."""
    assert [r.role.id for r in tb.ROLES] == ["supervisor", "sales", "after-sales"]
    assert [r.role.name.localize("zh_Hant") for r in tb.ROLES] == [
        "部門主管",
        "銷售客服",
        "售後客服",
    ]
    assert not {r.role.id for r in tb.ROLES} & set(org.ladder.ids)
    assert tb.SUPERVISOR.reports_to is not None
    assert tb.SUPERVISOR.reports_to.localize("zh_Hant") == "公司總經理"
    assert tb.SALES.reports_to is None
    assert {r.cite.rule_id for r in tb.ROLES} == {"TB-01"}


def test_grade_checklists_number_items_as_printed(org: sc.Organization) -> None:
    """TB-06: item (8) of the upper grades is the tenure condition, not a checklist item."""
    lists = tb.GRADE_CHECKLISTS
    assert tuple(lists) == org.ladder.ids
    numbers = {rung: [item.label for item in items] for rung, items in lists.items()}
    printed = [f"({n})" for n in (1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13)]
    assert numbers == {
        "junior": printed[:7],
        "intermediate": printed[:7],
        "senior": printed[:11],
        "senior-expert": printed,
    }
    last = lists["senior-expert"][-1]
    assert last.text.localize("zh_Hant").startswith("能夠獨立帶領客服團隊")
    assert last.cite == sc.Citation("TB-06", "002 第二篇 P3b 二(一).4(13)")
    assert all(org.ladder.rung(rung).checklist == items for rung, items in lists.items())


# Promotions and dismissal: real cases ----------------------------------------------------

HIRED = date(2026, 1, 10)
FAIL = points(25, 10, 15, 8)  # 58
PASS = points(25, 15, 25, 15)  # 80


class LadderCase(NamedTuple):
    rung: str
    rung_since: date
    as_of: date
    months: tuple[tuple[sc.Month, bool], ...]  # monthly appraisals: (month, passed)
    warnings: tuple[date, ...]
    move: sc.Move
    target: str | None
    rule: str


def m(year: int, month: int) -> sc.Month:
    return sc.Month(year, month)


W3 = (date(2028, 2, 1), date(2028, 3, 1), date(2028, 4, 1))
PROMOTED_AT_3_MONTHS = LadderCase(
    "junior", HIRED, date(2026, 4, 10), (), (), sc.Move.PROMOTE, "intermediate", "TB-03"
)
THIRD_WARNING = LadderCase(
    "senior-expert", date(2028, 1, 10), date(2028, 5, 1), (), W3, sc.Move.DISMISS, None, "TB-50"
)
LADDER_CASES = [
    pytest.param(
        LadderCase("junior", HIRED, date(2026, 4, 9), (), (), sc.Move.STAY, None, "TB-02"),
        id="TB-03 junior the day before 3 months: stays",
    ),
    pytest.param(
        PROMOTED_AT_3_MONTHS, id="TB-03 junior after 3 whole months in the rung: intermediate"
    ),
    pytest.param(
        LadderCase(
            "intermediate", date(2026, 4, 10), date(2027, 1, 9), (), (), sc.Move.STAY, None, "TB-02"
        ),
        id="TB-04 one day short of 12 months since hire: stays",
    ),
    pytest.param(
        LadderCase(
            "intermediate",
            date(2026, 4, 10),
            date(2027, 1, 10),
            (),
            (),
            sc.Move.PROMOTE,
            "senior",
            "TB-04",
        ),
        id="TB-04 12 months since entering the junior grade (hire): senior",
    ),
    pytest.param(
        LadderCase(
            "intermediate",
            date(2026, 12, 1),
            date(2027, 1, 10),
            (),
            (),
            sc.Move.PROMOTE,
            "senior",
            "TB-04",
        ),
        id="TB-04 counts from the junior grade, not from becoming intermediate (AMB-39)",
    ),
    pytest.param(
        LadderCase(
            "senior", date(2027, 1, 10), date(2028, 1, 9), (), (), sc.Move.STAY, None, "TB-02"
        ),
        id="TB-05 one day short of 24 months: stays",
    ),
    pytest.param(
        LadderCase(
            "senior",
            date(2027, 1, 10),
            date(2028, 1, 10),
            (),
            (),
            sc.Move.PROMOTE,
            "senior-expert",
            "TB-05",
        ),
        id="TB-05 24 months in CS: senior expert",
    ),
    pytest.param(
        LadderCase(
            "senior-expert",
            date(2028, 1, 10),
            date(2030, 1, 1),
            (),
            (),
            sc.Move.STAY,
            None,
            "TB-02",
        ),
        id="senior expert is the top grade",
    ),
    pytest.param(
        LadderCase(
            "senior-expert",
            date(2028, 1, 10),
            date(2028, 5, 1),
            ((m(2028, 3), False), (m(2028, 4), False)),
            (),
            sc.Move.DISMISS,
            None,
            "TB-50",
        ),
        id="TB-50 two consecutive failing months: dismissed",
    ),
    pytest.param(
        LadderCase(
            "senior-expert",
            date(2028, 1, 10),
            date(2028, 6, 1),
            ((m(2028, 3), False), (m(2028, 4), True), (m(2028, 5), False)),
            (),
            sc.Move.STAY,
            None,
            "TB-02",
        ),
        id="TB-50 two failing months with a pass between: stays",
    ),
    pytest.param(
        LadderCase(
            "senior-expert",
            date(2028, 1, 10),
            date(2028, 6, 1),
            ((m(2028, 3), False), (m(2028, 5), False)),
            (),
            sc.Move.STAY,
            None,
            "TB-02",
        ),
        id="TB-50 two failing months with an unappraised month between: stays",
    ),
    pytest.param(
        LadderCase(
            "junior",
            HIRED,
            date(2026, 4, 10),
            ((m(2026, 2), False), (m(2026, 3), False)),
            (),
            sc.Move.DISMISS,
            None,
            "TB-50",
        ),
        id="TB-50 dismissal wins over a promotion due the same day",
    ),
    pytest.param(THIRD_WARNING, id="TB-50 a third warning: dismissed"),
    pytest.param(
        LadderCase(
            "senior-expert",
            date(2028, 1, 10),
            date(2028, 5, 1),
            (),
            W3[:2],
            sc.Move.STAY,
            None,
            "TB-02",
        ),
        id="TB-50 two warnings: stays",
    ),
    pytest.param(
        LadderCase(
            "senior-expert",
            date(2028, 1, 10),
            date(2028, 3, 31),
            (),
            W3,
            sc.Move.STAY,
            None,
            "TB-02",
        ),
        id="TB-50 a warning dated after 'as of' does not count yet",
    ),
]


def history(case: LadderCase) -> sc.History:
    cards = [
        tb.APPRAISAL_SCHEME.score("A-017", month, PASS if passed else FAIL)
        for month, passed in case.months
    ]
    facts = [sc.DatedFact(tb.WARNING, on) for on in case.warnings]
    return sc.History("A-017", scorecards=cards, facts=facts)


def decide(org: sc.Organization, case: LadderCase) -> sc.Decision:
    agent = sc.Agent("A-017", "王芳", hired=HIRED, rung=case.rung, rung_since=case.rung_since)
    return org.ladder.evaluate(agent, history(case), case.as_of)


@pytest.mark.parametrize("case", LADDER_CASES)
def test_ladder_decisions(org: sc.Organization, case: LadderCase) -> None:
    decision = decide(org, case)
    assert (decision.move, decision.target) == (case.move, case.target)
    assert decision.reason.rule_id == case.rule


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("case", LADDER_CASES)
def test_ladder_decisions_explain_with_rule_ids(
    org: sc.Organization, case: LadderCase, locale: str
) -> None:
    lines = decide(org, case).explain(locale)
    assert case.rule in lines[0]
    for line in lines:
        assert re.search(r"[（(]TB-\d{2}[)）]$", line), line
    # every transition from the agent's grade is shown, met or not
    shown = {tc.transition.cite.rule_id for tc in decide(org, case).checks}
    assert all(any(rule in line for line in lines) for rule in shown)


def test_promotion_explained_in_three_languages(org: sc.Organization) -> None:
    decision = decide(org, PROMOTED_AT_3_MONTHS)
    assert decision.explain("en")[0] == "王芳 is promoted from Junior CS to Intermediate CS (TB-03)"
    assert decision.explain("zh_Hans")[0] == "王芳由初级客服晋升为中级客服（TB-03）"
    assert decision.explain("zh_Hant")[0] == "王芳由初級客服晉升為中級客服（TB-03）"


def test_dismissal_names_the_warnings(org: sc.Organization) -> None:
    decision = decide(org, THIRD_WARNING)
    assert decision.move is sc.Move.DISMISS
    assert any("警告處分" in line for line in decision.explain("zh_Hant"))
    assert any("警告处分" in line for line in decision.explain("zh_Hans"))
    assert any("warning" in line for line in decision.explain("en"))


# Appraisal (TB-26 … TB-37, TB-49) ----------------------------------------------------------


def test_composite_appraisal_out_of_100(org: sc.Organization) -> None:
    scheme = org.appraisal_scheme
    assert [(c.id, c.max_points, c.cite.rule_id) for c in scheme.criteria] == [
        ("team-task", Decimal(30), "TB-27"),
        ("handover", Decimal(20), "TB-28"),
        ("callback-satisfaction", Decimal(30), "TB-29"),
        ("professional-quality", Decimal(20), "TB-30"),
    ]
    assert scheme.total == Decimal(100)
    assert scheme.periods == (sc.PeriodKind.MONTH,)
    assert scheme.cite.rule_id == "TB-26"
    assert scheme.pass_mark == sc.PassMark(60, sc.Citation("TB-49", "002 第二篇 P3b (e)"))
    assert scheme.grades is None


def test_plus_and_minus_items(org: sc.Organization) -> None:
    items = [(a.id, a.points, a.cite.rule_id) for a in org.appraisal_scheme.adjustments]
    assert items == [
        ("top-workload", Decimal(5), "TB-31"),
        ("exam-full-marks", Decimal(5), "TB-32"),
        ("cover-shift", Decimal(5), "TB-33"),
        ("extra-work", Decimal(5), "TB-34"),
        ("zero-complaints", Decimal(5), "TB-35"),
        ("management-suggestion", Decimal(5), "TB-36"),
        ("no-mandarin", Decimal(-2), "TB-37"),  # the only minus item (AMB-38)
    ]


class ScoreCase(NamedTuple):
    points: dict[str, object]
    items: dict[str, int]
    total: int
    passed: bool


SCORE_CASES = [
    pytest.param(ScoreCase(points(25, 15, 25, 15), {}, 80, True), id="25/15/25/15 = 80 passes"),
    pytest.param(ScoreCase(points(25, 10, 15, 8), {}, 58, False), id="25/10/15/8 = 58 fails"),
    pytest.param(ScoreCase(points(30, 20, 10, 0), {}, 60, True), id="exactly 60 passes"),
    pytest.param(ScoreCase(points(30, 20, 9, 0), {}, 59, False), id="59 fails"),
    pytest.param(
        ScoreCase(points(25, 15, 25, 15), {"zero-complaints": 1}, 85, True),
        id="TB-35 zero valid complaints +5",
    ),
    pytest.param(
        ScoreCase(points(25, 15, 25, 15), {"no-mandarin": 2}, 76, True),
        id="TB-37 no Mandarin twice -4",
    ),
    pytest.param(
        ScoreCase(points(25, 15, 25, 15), {"zero-complaints": 1, "no-mandarin": 2}, 81, True),
        id="+5 and -2x2 together",
    ),
    pytest.param(
        ScoreCase(points(25, 10, 15, 8), {"zero-complaints": 1}, 63, True),
        id="a plus item lifts 58 over the pass mark",
    ),
    pytest.param(
        ScoreCase(points(25, 10, 15, 11), {"no-mandarin": 1}, 59, False),
        id="a minus item drops 61 below the pass mark",
    ),
    pytest.param(
        ScoreCase(
            points(30, 20, 30, 20),
            {
                "top-workload": 1,
                "exam-full-marks": 1,
                "cover-shift": 2,
                "extra-work": 1,
                "zero-complaints": 1,
                "management-suggestion": 1,
            },
            135,
            True,
        ),
        id="plus items go above 100 (TB-12 counts them)",
    ),
    pytest.param(
        ScoreCase(points(25, 15, 25, 15), {"no-mandarin": 0}, 80, True),
        id="zero occurrences change nothing",
    ),
]


@pytest.mark.parametrize("case", SCORE_CASES)
def test_scoring_a_month(org: sc.Organization, case: ScoreCase) -> None:
    card = org.appraisal_scheme.score("A-017", sc.Month(2026, 3), case.points, case.items)
    assert card.total == Decimal(case.total)
    assert card.passed is case.passed
    assert card.kind is sc.PeriodKind.MONTH
    for locale in LOCALES:
        lines = card.explain(locale)
        assert "TB-49" in lines[-1]
        assert all(re.search(r"TB-\d{2}", line) for line in lines)


def test_failing_month_explained_in_three_languages(org: sc.Organization) -> None:
    card = org.appraisal_scheme.score("A-017", sc.Month(2026, 3), points(25, 10, 15, 8))
    assert card.explain("zh_Hans")[-1] == "总分58，低于及格线60（TB-49）"
    assert card.explain("zh_Hant")[-1] == "總分58，低於及格線60（TB-49）"
    assert card.explain("en")[-1] == "Total 58, below the pass mark of 60 (TB-49)"
    assert card.explain("zh_Hant")[0] == "協助本小組出色完成本月任務：25分（滿分30）（TB-27）"


def test_items_explained(org: sc.Organization) -> None:
    card = org.appraisal_scheme.score(
        "A-017",
        sc.Month(2026, 3),
        points(25, 15, 25, 15),
        {"zero-complaints": 1, "no-mandarin": 2},
    )
    assert card.explain("en")[4:6] == [
        "Zero valid-complaint rate this month: 1 × +5 = +5 (TB-35)",
        "Not speaking Mandarin at work: 2 × −2 = −4 (TB-37)",
    ]
    assert card.explain("zh_Hans")[5] == "工作时间未使用普通话：2次 × −2 = −4（TB-37）"


class BadCase(NamedTuple):
    points: dict[str, object]
    items: dict[str, int]
    field: str


BAD_CASES = [
    pytest.param(
        BadCase(points(31, 15, 25, 15), {}, "points[team-task]"), id="31 on (a), above its 30"
    ),
    pytest.param(
        BadCase(points(25, 21, 25, 15), {}, "points[handover]"), id="21 on (b), above its 20"
    ),
    pytest.param(BadCase(points(25, -1, 25, 15), {}, "points[handover]"), id="negative points"),
    pytest.param(
        BadCase({**points(25, 15, 25, 15), "attendance": 10}, {}, "points[attendance]"),
        id="an unknown criterion",
    ),
    pytest.param(
        BadCase({"team-task": 25, "handover": 15, "callback-satisfaction": 25}, {}, "points"),
        id="a criterion left out",
    ),
    pytest.param(
        BadCase(points(25, 15, 25, 15), {"late": 1}, "adjustments[late]"), id="an unknown item"
    ),
    pytest.param(
        BadCase(points(25, 15, 25, 15), {"no-mandarin": -1}, "adjustments[no-mandarin]"),
        id="a negative count",
    ),
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_refused(org: sc.Organization, case: BadCase) -> None:
    with pytest.raises(sc.ValidationError) as raised:
        org.appraisal_scheme.score("A-017", sc.Month(2026, 3), case.points, case.items)
    assert raised.value.field == case.field


def test_above_the_maximum_names_the_rule(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match=r"maximum of 30 \(TB-27\)"):
        org.appraisal_scheme.score("A-017", sc.Month(2026, 3), points(31, 15, 25, 15))


def test_only_months_are_appraised(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError):
        org.appraisal_scheme.score("A-017", sc.Quarter(2026, 1), points(25, 15, 25, 15))


# Descriptors and forms (TB-19 … TB-25, TB-38) ----------------------------------------------


def test_descriptors_come_in_pairs_per_element(org: sc.Organization) -> None:
    """TB-21: obedience 7, cooperation 4, initiative 5, responsibility 3 pairs (第五條)."""
    descriptors = org.appraisal_scheme.descriptors
    pairs: dict[str, int] = {}
    for d in descriptors:
        element, number, sign = d.id.rsplit("-", 2)
        assert sign == ("plus" if d.sign is sc.Sign.PLUS else "minus")
        pairs[element] = max(pairs.get(element, 0), int(number))
    assert pairs == {"obedience": 7, "cooperation": 4, "initiative": 5, "responsibility": 3}
    assert len(descriptors) == 2 * sum(pairs.values())
    assert {d.table for d in descriptors} == {tb.ATTITUDE_TABLE}


@pytest.mark.parametrize(
    ("descriptor", "rule", "wording"),
    [
        ("obedience-2-plus", "TB-22", "考核觀察期內全勤,1年以上為全勤"),
        ("obedience-2-minus", "TB-22", "一月缺勤3次以上,考核觀察期內15次以上,無故缺勤1次以上"),
        ("initiative-2-plus", "TB-23", "改進和改善工作的提案,每月1次以上"),
        ("initiative-2-minus", "TB-23", "長時間內也拿不出一份提案"),
        ("obedience-1-plus", "TB-21", "遵守規章制度,并能規勸他人,作好表率"),
        ("initiative-5-plus", "TB-21", "發人深省"),  # mojibake repaired (AMB-01)
    ],
)
def test_descriptor_wording_and_rule(
    org: sc.Organization, descriptor: str, rule: str, wording: str
) -> None:
    (found,) = [d for d in org.appraisal_scheme.descriptors if d.id == descriptor]
    assert found.cite.rule_id == rule
    assert wording in found.text.localize("zh_Hant")


def test_marks_are_unweighted(org: sc.Organization) -> None:
    """AMB-37: descriptors carry no points; a marked one shows in the reasons only."""
    scheme = org.appraisal_scheme
    plain = scheme.score("A-017", sc.Month(2026, 3), points(25, 15, 25, 15))
    marked = scheme.score(
        "A-017",
        sc.Month(2026, 3),
        points(25, 15, 25, 15),
        marks=["obedience-2-plus", "initiative-2-minus"],
    )
    assert marked.total == plain.total == Decimal(80)
    assert [d.id for d in marked.marks] == ["obedience-2-plus", "initiative-2-minus"]
    rules = [r.rule_id for r in marked.reasons]
    assert "TB-22" in rules
    assert "TB-23" in rules


def test_attitude_elements_and_forms() -> None:
    """TB-20, TB-21 (第四條's questions), TB-25."""
    assert [(e.id, len(e.questions)) for e in tb.ATTITUDE_ELEMENTS] == [
        ("obedience", 7),
        ("cooperation", 6),
        ("initiative", 5),
        ("responsibility", 5),
    ]
    assert [(f.id, len(f.elements)) for f in tb.APPRAISAL_FORMS] == [
        ("attitude", 4),
        ("ability", 4),
        ("results", 0),  # the job-standard form is missing (TB-24, AMB-37)
    ]
    assert len(tb.ABILITY_ITEMS) == 9
    assert {p.cite.rule_id for p in tb.PROCEDURES} == {"TB-19", "TB-24", "TB-27", "TB-38"}


# Citations, texts and explanations ---------------------------------------------------------


def citations(org: sc.Organization) -> Iterator[sc.Citation]:
    """Every citation the plugin gives, the records' and the data's."""
    ladder, scheme = org.ladder, org.appraisal_scheme
    yield ladder.cite
    yield from (r.cite for r in ladder.rungs)
    yield from (t.cite for t in ladder.transitions)
    yield scheme.cite
    if scheme.pass_mark is not None:
        yield scheme.pass_mark.cite
    yield from (c.cite for c in scheme.criteria)
    yield from (a.cite for a in scheme.adjustments)
    yield from (d.cite for d in scheme.descriptors)
    yield from (r.cite for r in tb.ROLES)
    yield from (i.cite for items in tb.GRADE_CHECKLISTS.values() for i in items)
    yield from (e.cite for e in tb.ATTITUDE_ELEMENTS)
    yield from (f.cite for f in tb.APPRAISAL_FORMS)
    yield from (p.cite for p in tb.PROCEDURES)
    yield tb.ABILITY_ITEMS_CITE
    penalties = org.penalty_schedule
    yield from (r.cite for r in penalties.rules)
    yield from (r.cite for r in tb.SERVICE_COMPLAINT_RULES.values())
    if penalties.warning_limit is not None:
        yield penalties.warning_limit.cite
    yield from shift_citations(org.shift_policy)
    yield from (g.cite for g in tb.DUTY_GUIDANCE)


def shift_citations(policy: sc.ShiftPolicy) -> Iterator[sc.Citation]:
    """Every citation of the shift policy, its parts' included."""
    yield from (p.cite for p in policy.patterns)
    yield from (r.cite for r in policy.rest)
    yield from (c.cite for c in policy.cover)
    if policy.meals is not None:
        yield policy.meals.cite
    yield from (e.cite for e in policy.events)
    parts = (policy.swaps, policy.attendance, policy.leave)
    for part in parts:
        if part is None:
            continue
        for value in attrs.asdict(part, recurse=False).values():
            if isinstance(value, sc.Citation):
                yield value
    if policy.leave is not None:
        yield from (t.cite for t in policy.leave.types)


def test_every_citation_is_a_tb_rule(org: sc.Organization) -> None:
    cited = list(citations(org))
    for cite in cited:
        assert TB_RULE_ID.match(cite.rule_id), cite
        assert re.match(r"^002 第二篇 P(1|2|3a|3b) ", cite.clause), cite
    expected = {f"TB-{n:02}" for n in (*range(1, 7), 14, *range(19, 66))}
    assert {c.rule_id for c in cited} == expected


def texts(org: sc.Organization) -> Iterator[sc.Text]:
    scheme = org.appraisal_scheme
    yield org.profile.name
    yield from (r.name for r in org.ladder.rungs)
    yield from (c.name for c in scheme.criteria)
    yield from (a.name for a in scheme.adjustments)
    yield from (d.text for d in scheme.descriptors)
    yield from (r.role.name for r in tb.ROLES)
    yield from (i.text for items in tb.GRADE_CHECKLISTS.values() for i in items)
    for element in tb.ATTITUDE_ELEMENTS:
        yield element.name
        yield from element.questions
    for form in tb.APPRAISAL_FORMS:
        yield form.name
        yield from form.elements
    yield from tb.ABILITY_ITEMS
    yield from (p.text for p in tb.PROCEDURES)
    yield tb.WARNING_NAME
    yield from (r.name for r in tb.PENALTY_RULES)
    yield from (r.name for r in tb.SERVICE_COMPLAINT_RULES.values())
    yield from (p.name for p in tb.PATTERNS)
    yield tb.WEEKLY_MEETING.name
    yield from (t.name for t in tb.LEAVE_TYPES)
    yield from (g.text for g in tb.DUTY_GUIDANCE)


def test_no_pinyin_gloss_or_mojibake(org: sc.Organization) -> None:
    for text in texts(org):
        for locale in ("zh_Hans", "zh_Hant"):
            rendered = text.localize(locale)
            assert not GLOSS.search(rendered), text
            assert "?" not in rendered, text  # what the mojibake left (AMB-01)


def reasons(org: sc.Organization) -> Iterator[sc.Reason]:
    """Every describable record, core and plugin."""
    ladder, scheme = org.ladder, org.appraisal_scheme
    yield ladder.describe()
    yield from (ladder.describe_transition(t) for t in ladder.transitions)
    yield scheme.describe()
    if scheme.pass_mark is not None:
        yield scheme.pass_mark.describe()
    yield from (d.describe() for d in scheme.descriptors)
    yield from (c.describe() for c in scheme.criteria)
    yield from (a.describe() for a in scheme.adjustments)
    yield from (r.describe() for r in tb.ROLES)
    yield from (i.describe() for items in tb.GRADE_CHECKLISTS.values() for i in items)
    yield from (f.describe() for f in tb.APPRAISAL_FORMS)
    yield from (p.describe() for p in tb.PROCEDURES)
    yield from (r.describe() for r in tb.PENALTY_RULES)
    yield tb.WARNING_LIMIT.describe()
    yield from (p.describe() for p in tb.PATTERNS)
    yield from (g.describe() for g in tb.DUTY_GUIDANCE)


@pytest.mark.parametrize("locale", LOCALES)
def test_explanations_render(org: sc.Organization, locale: str) -> None:
    for reason in reasons(org):
        rendered = reason.explain(locale)
        assert rendered.strip()
        assert reason.rule_id in rendered


def test_data_explains_itself(org: sc.Organization) -> None:
    assert (
        tb.SUPERVISOR.describe().explain("zh_Hant") == "崗位：部門主管，向公司總經理匯報（TB-01）"
    )
    assert tb.SALES.describe().explain("en") == "Role: Sales CS (TB-01)"
    item = tb.GRADE_CHECKLISTS["junior"][3]
    junior = org.ladder.rung("junior").name
    assert (
        item.describe(junior).explain("zh_Hans")
        == "初级客服评审要点(4)：能够有效的指导顾客完成下单（TB-06）"
    )


def test_inspect_renders_the_plugin() -> None:
    """``servicecodex inspect`` shows every rule of the ladder, the scheme and the penalties."""
    stdout = run_cli("inspect", "taobao-shop", "--locale", "en")
    shifts = (*range(51, 57), *range(58, 61), 63, 64, 65)
    for n in (*range(2, 6), 21, 22, 23, *range(26, 38), *range(39, 48), 49, 50, 14, *shifts):
        assert f"(TB-{n:02})" in stdout
