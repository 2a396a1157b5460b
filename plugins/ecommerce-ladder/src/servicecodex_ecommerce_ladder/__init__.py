"""servicecodex plugin for an e-commerce customer-service department's promotion ladder.

The source is ``002_3a168efc31004a78.txt``, "第一篇:客服晉升制度" (客服部員工晉升體制管理制度,
sections 一–六).  Rule ids ``EL-xx`` are those of the servicecodex rules catalogue; every
record cites the rule and the section and item it comes from (``"002 第一篇 四.2 G"``).

What the plugin provides:

* ladder (EL-01): new CS on trial → junior → intermediate → senior → reserve supervisor,
  one rung at a time (EL-03, AMB-25), each rung paid from its salary band; the promotion,
  demotion and dismissal rules EL-05 … EL-11 as typed conditions, with the assessment
  windows of EL-15 / EL-16 (3, 6 and 12 months, AMB-22); the reserve supervisor is exempt
  from appraisal (EL-12);
* appraisal (EL-14): a monthly score out of 100 that ranks the department (pass mark 60,
  AMB-20) and a quarterly appraisal graded A > B > C > D by the reviewer (AMB-21);
* pay (EL-17 … EL-21): 1800, 2200, 2500, 3000 and 4000 yuan a month, the 2018 table
  (EL-22, AMB-28), one salary band per rung, the trial rung's included (no
  ``sc.TrialPay``: see :func:`salary_bands`); ``Organization.payslip`` pays each rung's
  band and nothing else (第一篇 has no bonus, commission, minimum or deduction);
* the qualitative checklists (EL-05 A–E, EL-13) as data for reviewers, checked by no
  condition.

Texts are the source's traditional wording without its pinyin glosses (AMB-01); the
simplified forms are derived by servicecodex.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import servicecodex as sc

__all__ = [
    "ANONYMOUS_VOTE",
    "APPRAISAL_PERIODS",
    "APPRAISAL_SCHEME",
    "APPRAISAL_TOTAL",
    "ASSESSMENT_WINDOWS",
    "ASSESSMENT_WINDOW_CITE",
    "BELOW_B",
    "EXCELLENT_CS",
    "EXCELLENT_CS_NAME",
    "GRADE_SCALE",
    "GRADING_LADDER",
    "INTERMEDIATE",
    "JUNIOR",
    "PASS_MARK",
    "PAY_CURRENCY",
    "PAY_TABLE_CITE",
    "PAY_TABLE_YEAR",
    "PLUGIN_ID",
    "PROBATION_TEST",
    "PROFILE",
    "PROMOTION_DEFENCE",
    "REGULARISATION_APPROVAL",
    "RESERVE_SUPERVISOR",
    "REVIEWER_CHECKLISTS",
    "SCORE",
    "SENIOR",
    "SKIP_LEVEL_CITE",
    "SKIP_LEVEL_PROMOTIONS",
    "TOP_RANKS",
    "TOP_RUNG_CITE",
    "TRANSFER_CITE",
    "TRIAL",
    "TransferApplicant",
    "grading_ladder",
    "rank_transfer_applicants",
    "salary_bands",
    "servicecodex_appraisal_scheme",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_salary_bands",
    "skip_level_review",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "ecommerce-ladder"
_SOURCE = "002 第一篇"
#: A citation of *clause* of 第一篇 (``"四.2 G"``).
_cite = sc.Source(_SOURCE)


# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: the CS department (客服部) of a mainland-China e-commerce business.
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(
        en="E-commerce customer service department",
        zh_Hans="电商客服部",
        zh_Hant="電商客服部",
    ),
)

# Rungs (EL-01) ---------------------------------------------------------------------------

TRIAL = "trial"
JUNIOR = "junior"
INTERMEDIATE = "intermediate"
SENIOR = "senior"
RESERVE_SUPERVISOR = "reserve-supervisor"

#: EL-01: (id, English, source wording), lowest first, as 三 draws the ladder.
_RUNGS: tuple[tuple[str, str, str], ...] = (
    (TRIAL, "New CS on trial", "新客服(試用)"),
    (JUNIOR, "Junior CS", "初級客服"),
    (INTERMEDIATE, "Intermediate CS", "中級客服"),
    (SENIOR, "Senior CS", "高級客服"),
    (RESERVE_SUPERVISOR, "Reserve supervisor", "儲備主管"),
)
_NAMES = {rung_id: sc.Text(en=en, zh_Hant=zh) for rung_id, en, zh in _RUNGS}

# Appraisal (EL-14; AMB-20, AMB-21) -------------------------------------------------------

#: EL-14: a monthly appraisal (月度考評, ranked in the department) and a quarterly one (季度考核).
APPRAISAL_PERIODS: tuple[sc.PeriodKind, ...] = (sc.PeriodKind.MONTH, sc.PeriodKind.QUARTER)
#: The source gives no breakdown of the appraisal: one score out of 100.
APPRAISAL_TOTAL = Decimal(100)
#: The id of that single criterion.
SCORE = "appraisal-score"
#: AMB-20: the source names no pass mark; 60 of 100 is the default (EL-06 needs one).
PASS_MARK = sc.PassMark(60, _cite("EL-06", "四.1 G"), applies_to=(sc.PeriodKind.MONTH,))
#: AMB-21: the source names A, B and "below B"; the reviewer grades A > B > C > D, no floors.
GRADE_SCALE = sc.GradeScale(
    tuple(sc.Grade(grade) for grade in ("A", "B", "C", "D")),
    _cite("EL-14", "四.2 G–H; 五.2"),
    applies_to=(sc.PeriodKind.QUARTER,),
)
#: "B等級以下": the grades below B (C and D, AMB-21).
BELOW_B = GRADE_SCALE.below("B")

_score = sc.Criterion(
    SCORE,
    sc.Text(en="Appraisal score", zh_Hant="考評得分"),
    APPRAISAL_TOTAL,
    _cite("EL-14", "四.2 G; 五.2"),
)
#: Monthly and quarterly appraisals, each one score out of 100; quarters are appraised on
#: their own (never derived from the months) and graded by the reviewer.
APPRAISAL_SCHEME = sc.AppraisalScheme(
    (_score,),
    APPRAISAL_PERIODS,
    _cite("EL-14", "四; 五.2"),
    pass_mark=PASS_MARK,
    grades=GRADE_SCALE,
    quarters=sc.QuarterRule.SCORED,
)

# Facts and titles the conditions read ----------------------------------------------------

#: EL-05 F: the probation test of professional knowledge and skills (試用期…考核), a dated fact.
PROBATION_TEST = "probation-test"
#: EL-05, 五.1: the company's regularisation approval (轉正審批流程), a dated fact.
REGULARISATION_APPROVAL = "regularisation-approval"
#: EL-16: the promotion defence run by HR (晉升答辯: speech, panel score, Q&A), a dated fact.
PROMOTION_DEFENCE = "promotion-defence"
#: EL-14: the department's anonymous vote (匿名評選) is only a supplement ("為輔"): record it
#: as a dated fact for the reviewers if you like; no condition reads it.
ANONYMOUS_VOTE = "anonymous-vote"
#: EL-09, EL-11: the "excellent CS" title (優秀客服稱號), as ``sc.Title(EXCELLENT_CS, on)``.
EXCELLENT_CS = "excellent-cs"
EXCELLENT_CS_NAME = sc.Text(en="Excellent CS", zh_Hant="優秀客服")
#: "月均前三名" and "未進前三名": the department's top 3.
TOP_RANKS = 3

_probation_test = sc.FactRecorded(
    PROBATION_TEST,
    name=sc.Text(
        en="Probation test of professional knowledge and skills",
        zh_Hant="試用期專業知識及工作技巧考核",
    ),
)
_regularisation = sc.FactRecorded(
    REGULARISATION_APPROVAL,
    name=sc.Text(en="Regularisation approval", zh_Hant="轉正審批"),
)
_defence = sc.FactRecorded(
    PROMOTION_DEFENCE,
    window=sc.Window(since_promotion=True),
    name=sc.Text(en="Promotion defence", zh_Hant="晉升答辯"),
    cite=_cite("EL-16", "五.3"),
)


def _titles(count: int) -> sc.TitlesAtLeast:
    return sc.TitlesAtLeast(EXCELLENT_CS, count, name=EXCELLENT_CS_NAME)


# Transitions (EL-05 … EL-11; AMB-20 … AMB-25, AMB-27) -----------------------------------

#: EL-15, 五.2: "以考核期內(3個月/6個月)月度考評、季度考核為基礎": the promotions to
#: intermediate and to senior are assessed on the last 3 and the last 6 full months; the
#: department leader then nominates to 總經辦 and the approval flow runs (people's work,
#: not a condition).  EL-16, 五.3: the promotion to reserve supervisor on the last 12.
ASSESSMENT_WINDOW_CITE = _cite("EL-15", "五.2")
#: The assessment window (考核期) of each promotion, by the rung promoted to (AMB-22: the
#: average rank and the quarterly grades are counted over it).
ASSESSMENT_WINDOWS: dict[str, sc.Window] = {
    INTERMEDIATE: sc.Window(months=3),
    SENIOR: sc.Window(months=6),
    RESERVE_SUPERVISOR: sc.Window(months=12),
}
_LAST_3_MONTHS = ASSESSMENT_WINDOWS[INTERMEDIATE]
_LAST_6_MONTHS = ASSESSMENT_WINDOWS[SENIOR]
_LAST_12_MONTHS = ASSESSMENT_WINDOWS[RESERVE_SUPERVISOR]
#: EL-08 "晉升后": since entering the rung; EL-10 "晉升后一年內": the first 12 months in it.
_SINCE_PROMOTION = sc.Window(since_promotion=True)
_FIRST_YEAR_AFTER_PROMOTION = sc.Window(months=12, since_promotion=True)

_TRANSITIONS: tuple[sc.Transition, ...] = (
    # EL-05: the department's regularisation assessment and the company's approval flow.
    sc.Transition(
        sc.Move.PROMOTE,
        TRIAL,
        JUNIOR,
        sc.AllOf(_probation_test, _regularisation),
        _cite("EL-05", "四.1 F; 五.1"),
    ),
    # EL-06 (AMB-20): "連續三次月度考評及格" read as three consecutive *failed* months, as
    # a junior (the rule sits in the junior section, 四.1 G): months failed on another rung
    # before a demotion do not count.
    sc.Transition(
        sc.Move.DISMISS,
        JUNIOR,
        None,
        sc.FailedAppraisals(
            3,
            consecutive=True,
            period=sc.PeriodKind.MONTH,
            window=sc.Window(since_promotion=True),
        ),
        _cite("EL-06", "四.1 G"),
    ),
    # EL-07 with EL-15's 3-month window (AMB-22); tenure from hire (AMB-27).
    sc.Transition(
        sc.Move.PROMOTE,
        JUNIOR,
        INTERMEDIATE,
        sc.AllOf(
            sc.AverageRankAtMost(TOP_RANKS, _LAST_3_MONTHS),
            sc.GradeCount("A", 1, window=_LAST_3_MONTHS),
            sc.MonthsEmployed(3),
        ),
        _cite("EL-07", "四.2 G; 五.2"),
    ),
    # EL-08 as written (AMB-24): consecutive misses, consecutive Bs, or one grade below B.
    sc.Transition(
        sc.Move.DEMOTE,
        INTERMEDIATE,
        JUNIOR,
        sc.AnyOf(
            sc.RankOutsideTop(TOP_RANKS, 3, consecutive=True, window=_SINCE_PROMOTION),
            sc.GradeCount("B", 2, consecutive=True, window=_SINCE_PROMOTION),
            sc.GradeCount(BELOW_B, 1, window=_SINCE_PROMOTION),
        ),
        _cite("EL-08", "四.2 H"),
    ),
    # EL-09 with EL-15's 6-month window.
    sc.Transition(
        sc.Move.PROMOTE,
        INTERMEDIATE,
        SENIOR,
        sc.AllOf(
            _titles(1),
            sc.AverageRankAtMost(TOP_RANKS, _LAST_6_MONTHS),
            sc.GradeCount("A", 2, consecutive=True, window=_LAST_6_MONTHS),
            sc.MonthsEmployed(6),
        ),
        _cite("EL-09", "四.3 F; 五.2"),
    ),
    # EL-10 as written (AMB-24): within the first year after promotion, not consecutive.
    sc.Transition(
        sc.Move.DEMOTE,
        SENIOR,
        INTERMEDIATE,
        sc.AnyOf(
            sc.RankOutsideTop(TOP_RANKS, 3, window=_FIRST_YEAR_AFTER_PROMOTION),
            sc.GradeCount("B", 2, window=_FIRST_YEAR_AFTER_PROMOTION),
            sc.GradeCount(BELOW_B, 1, window=_FIRST_YEAR_AFTER_PROMOTION),
        ),
        _cite("EL-10", "四.3 G"),
    ),
    # EL-11 with EL-16's 12-month window and the promotion defence.
    sc.Transition(
        sc.Move.PROMOTE,
        SENIOR,
        RESERVE_SUPERVISOR,
        sc.AllOf(
            _titles(3),
            sc.AverageRankAtMost(TOP_RANKS, _LAST_12_MONTHS),
            sc.GradeCount("A", 3, window=_LAST_12_MONTHS),
            sc.MonthsEmployed(12),
            _defence,
        ),
        _cite("EL-11", "四.4 G; 五.3"),
    ),
)

_LADDER_CITE = _cite("EL-01", "三")
#: EL-02, 三.1: "儲備主管為客服崗最高級別職位": the reserve supervisor is the top CS rung (the
#: last one, with nothing above it).  The step to CS department supervisor (客服部主管),
#: when that post falls vacant, is a manual decision and no part of the ladder (AMB-26).
TOP_RUNG_CITE = _cite("EL-02", "三.1")
#: EL-12: the reserve supervisor takes no CS appraisal; 總經辦 decides their moves.
_EXEMPT = _cite("EL-12", "四.4 H")

# Reviewer checklists (EL-05 A–E, EL-13) --------------------------------------------------


#: (rung, rule, letter, English, source wording): 四.1 A–E (EL-05) and 四.2–四.4 (EL-13).
_CHECKLISTS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        JUNIOR,
        "EL-05",
        "A",
        "Keeps every rule of the company and the department, with no disciplinary breach",
        "遵守公司及部門各項規章制度,無違紀行為",
    ),
    (
        JUNIOR,
        "EL-05",
        "B",
        "Embraces the company culture and the department's spirit; behaves professionally",
        "認同公司企業文化和部門氛圍,有職業涵養",
    ),
    (
        JUNIOR,
        "EL-05",
        "C",
        "Honest, practical, hard-working, proactive, innovative and willing to give",
        "誠實守信、務實拼搏、積極主動、勇于創新、樂意奉獻",
    ),
    (
        JUNIOR,
        "EL-05",
        "D",
        "Does the job very well and masters the knowledge and skills of the job and of the department's processes",
        "能出色完成本職工作,精通本職工作及部門流程的相關專業知識及專業技能",
    ),
    (JUNIOR, "EL-05", "E", "Shows outstanding work results", "有突出的工作業績表現"),
    (
        INTERMEDIATE,
        "EL-13",
        "A",
        "Communicates and expresses themselves well, earning the recognition and praise of customers and other departments",
        "具有較強的溝通技巧、表達能力,能以自身的影響力得到客戶及其他部門的肯定和贊譽",
    ),
    (
        INTERMEDIATE,
        "EL-13",
        "B",
        "Excels at their own job and knows the processes and details of the department's other posts and the related processes of other departments",
        "在本職工作表現優異的基礎上熟練部門其他崗位各項工作流程和工作細節,并熟練與部門工作相關的其他部門業務流程",
    ),
    (
        INTERMEDIATE,
        "EL-13",
        "C",
        "Spots shortcomings in their own or other posts' work unprompted and proposes improvements",
        "能主動發現本崗位或部門其他崗位工作中的不足并提出改善方案",
    ),
    (
        INTERMEDIATE,
        "EL-13",
        "E",
        "Helps the department's leaders with work beyond their own job",
        "能較好的協助部門領導完成本職以外的工作",
    ),
    (
        INTERMEDIATE,
        "EL-13",
        "F",
        "Reports on time and plans their own work efficiently and sensibly",
        "按時匯報工作,能高效、合理安排本職工作規劃",
    ),
    (
        SENIOR,
        "EL-13",
        "A",
        "Communicates strongly, reads customers well, and wins the recognition and praise of most customers, colleagues and leaders",
        "溝通能力強,客戶心態把握熟練,能以出色的影響力獲得多數客戶、同事及領導的肯定和贊譽",
    ),
    (
        SENIOR,
        "EL-13",
        "B",
        "Steps in when colleagues are absent, treating their work as their own",
        "在其他同事不在崗的情況下能主動承擔、把他人的事當成自己的事",
    ),
    (
        SENIOR,
        "EL-13",
        "C",
        "Finds shortcomings in their own or other posts' work, proposes effective solutions and helps the leaders improve the department's rules and processes",
        "善于發現本崗位或部門其他崗位工作中的不足,能提出有效解決方案,協助部門領導一起完善部門制度流程",
    ),
    (
        SENIOR,
        "EL-13",
        "D",
        "Under the leaders' guidance, organises colleagues and keeps them on track to finish their tasks quickly",
        "在部門領導的提點下能合理安排和督促其他同事快速完成各項工作任務",
    ),
    (
        SENIOR,
        "EL-13",
        "E",
        "Is active and giving in team building, guiding and influencing colleagues",
        "在團隊建設中表現活躍、樂于奉獻,能引導及影響部門其他同事",
    ),
    (
        RESERVE_SUPERVISOR,
        "EL-13",
        "A",
        "Stood out in every part of the senior CS job and can handle their own and other agents' work independently",
        "在高級客服崗位上各項工作表現突出,并對本人及其他客服工作皆能獨當一面",
    ),
    (
        RESERVE_SUPERVISOR,
        "EL-13",
        "B",
        "Outstanding results and ability, strong identification with the company, and an optimistic, positive attitude that influences colleagues",
        "工作業績和工作能力表現突出,同時企業認同感強,擁有樂觀積極的心態并能影響周圍同事",
    ),
    (
        RESERVE_SUPERVISOR,
        "EL-13",
        "C",
        "Writes the department's procedures, rules or PPT proposals alone, fluently and clearly",
        "能獨立編制部門工作流程制度或PPT方案,文筆流暢,思路清晰",
    ),
    (
        RESERVE_SUPERVISOR,
        "EL-13",
        "D",
        "Organises department training alone and leads the department in learning and improving",
        "能獨立組織部門培訓,帶領部門一起學習和提升",
    ),
    (
        RESERVE_SUPERVISOR,
        "EL-13",
        "E",
        "When the leader is absent, keeps the department's work organised and running efficiently, and deputises for the leader with other departments",
        "部門領導不在崗的情況下能督促和有效安排部門各項工作,保證部門的正常高效運轉,同時能代理部門領導對接其他部門溝通交流",
    ),
    (
        RESERVE_SUPERVISOR,
        "EL-13",
        "F",
        "Handles the department's emergencies calmly and quickly, raising the department's and the company's satisfaction",
        "面對部門突發事件能有條不紊的快速協調解決,提升部門和公司滿意度",
    ),
)
_SECTION = {JUNIOR: "四.1", INTERMEDIATE: "四.2", SENIOR: "四.3", RESERVE_SUPERVISOR: "四.4"}

#: The qualitative items reviewers weigh before a promotion to each rung, in the source's
#: order; the intermediate list skips D as the source does (AMB-23).
REVIEWER_CHECKLISTS: dict[str, tuple[sc.ChecklistItem, ...]] = {
    rung: tuple(
        sc.ChecklistItem(
            letter,
            sc.Text(en=en, zh_Hant=zh),
            _cite(rule_id, f"{_SECTION[rung]} {letter}"),
        )
        for item_rung, rule_id, letter, en, zh in _CHECKLISTS
        if item_rung == rung
    )
    for rung in _SECTION
}

_rungs = tuple(
    sc.Rung(
        rung_id,
        _NAMES[rung_id],
        TOP_RUNG_CITE if rung_id == RESERVE_SUPERVISOR else _LADDER_CITE,
        band=rung_id,
        exempt=_EXEMPT if rung_id == RESERVE_SUPERVISOR else None,
        checklist=REVIEWER_CHECKLISTS.get(rung_id, ()),
    )
    for rung_id, _, _ in _RUNGS
)
#: The five rungs, lowest first, each paid from the band of the same id, and the moves:
#: one rung at a time (EL-03, AMB-25), so the core refuses any promotion past the next rung
#: that is not marked ``skip_level``.
GRADING_LADDER = sc.GradingLadder(_rungs, _LADDER_CITE, _TRANSITIONS)

# Skip-level promotions (EL-03; AMB-25) ---------------------------------------------------

#: EL-03, 二.3: "員工一般逐級晉升,為公司做出突出貢獻或有特殊技能經考核評審非常優秀者可越級晉升".
SKIP_LEVEL_CITE = _cite("EL-03", "二.3")


def skip_level_review(target: str) -> str:
    """The dated-fact kind that records the exception flag of AMB-25 for a skip to
    *target*: the review (考核評審) rated the agent very excellent for an outstanding
    contribution or special skills, and the skip to *target* was approved."""
    if target not in _NAMES:
        raise sc.PolicyError(
            "skip_level_review.target", target, f"not a rung ({', '.join(_NAMES)})"
        )
    return f"skip-level-to-{target}"


def _skip(source: str, target: str) -> sc.Transition:
    name = _NAMES[target]
    return sc.Transition(
        sc.Move.PROMOTE,
        source,
        target,
        sc.FactRecorded(
            skip_level_review(target),
            window=sc.Window(since_promotion=True),
            name=sc.Text(
                en=f"Skip-level review to {name.localize('en')}",
                zh_Hant=f"越級晉升評審(至{name.localize('zh_Hant')})",
            ),
        ),
        SKIP_LEVEL_CITE,
        skip_level=True,
    )


_IDS = [rung_id for rung_id, _, _ in _RUNGS]
#: Every promotion past the next rung, each held by its own exception flag (a passed
#: ``skip_level_review(target)`` fact recorded on the current rung).  They are not in
#: :data:`GRADING_LADDER`: 第一篇 leaves the exception to a review, so a department that
#: records those reviews opts in with :func:`grading_ladder` ``(skip_level=True)``.
SKIP_LEVEL_PROMOTIONS: tuple[sc.Transition, ...] = tuple(
    _skip(source, target) for i, source in enumerate(_IDS) for target in _IDS[i + 2 :]
)


def grading_ladder(*, skip_level: bool = False) -> sc.GradingLadder:
    """The ladder; with *skip_level*, also the skip-level promotions of EL-03, each of
    which needs its recorded exception flag (AMB-25)."""
    if not skip_level:
        return GRADING_LADDER
    return sc.GradingLadder(_rungs, _LADDER_CITE, (*_TRANSITIONS, *SKIP_LEVEL_PROMOTIONS))


# Transfers (EL-04) -----------------------------------------------------------------------

#: EL-04, 三.2: "各級別客服可根據本人條件和興趣申請調崗,同等條件下公司將給與優先錄取".
TRANSFER_CITE = _cite("EL-04", "三.2")


@dataclass(frozen=True)
class TransferApplicant:
    """One applicant for a post: *qualification* is the receiving post's own assessment
    (any scale, higher is better; 第一篇 gives none); *rung* is the applicant's rung in the
    CS department, ``None`` for someone from outside it."""

    id: str
    qualification: Decimal
    rung: str | None = None

    def __post_init__(self) -> None:
        given: object = self.qualification  # typed Decimal, but a caller may pass a float
        if isinstance(given, float):
            raise sc.FloatError(
                "TransferApplicant.qualification", given, "give a Decimal, int or str"
            )
        object.__setattr__(self, "qualification", Decimal(self.qualification))
        if self.rung is not None and self.rung not in _NAMES:
            raise sc.ValidationError(
                "TransferApplicant.rung",
                self.rung,
                f"not a rung ({', '.join(_NAMES)}); None for an outside applicant",
            )

    @property
    def internal(self) -> bool:
        """A CS agent of the department, at any rung (EL-04: "各級別客服")."""
        return self.rung is not None


def rank_transfer_applicants(
    applicants: Iterable[TransferApplicant],
) -> tuple[TransferApplicant, ...]:
    """The applicants for a post, best first (EL-04): by qualification, and at equal
    qualification ("同等條件下") the department's CS agents first, whatever their rung;
    otherwise in the order given.  A better-qualified outsider still comes first: the
    priority is a tie-break, not a quota."""
    return tuple(sorted(applicants, key=lambda a: (-a.qualification, not a.internal)))


# Salary bands (EL-17 … EL-22; AMB-28) ----------------------------------------------------

#: EL-22 / AMB-28: "以上薪資僅適用于2018年": the table is the 2018 one.
PAY_TABLE_YEAR = 2018
PAY_TABLE_CITE = _cite("EL-22", "六 附加信息")
#: (band id, monthly base in yuan, rule, item, English, source wording), as 六 lists them.
_PAY: tuple[tuple[str, int, str, str, str, str], ...] = (
    (TRIAL, 1800, "EL-17", "六.1", "New employee on trial", "新員工(試用期)"),
    (JUNIOR, 2200, "EL-18", "六.2", "Junior CS", "初級客服"),
    (INTERMEDIATE, 2500, "EL-19", "六.3", "Intermediate CS", "中級客服"),
    (SENIOR, 3000, "EL-20", "六.4", "Senior CS", "高級客服"),
    (RESERVE_SUPERVISOR, 4000, "EL-21", "六.5", "Reserve supervisor", "儲備主管"),
)


#: The table's amounts are yuan (第一篇 六), whatever currency a deployment's profile names.
PAY_CURRENCY = "CNY"


def salary_bands() -> sc.SalaryBands:
    """The 2018 pay table, one band per rung (the band ids are the rung ids), and nothing
    else: 第一篇 pays no bonus, commission, guaranteed minimum or deduction.

    EL-17's 1800 yuan for the new employee on trial is the band of the ``trial`` rung,
    not an ``sc.TrialPay``: 六 lists it as one of the five levels' pay (級別薪資), the
    ladder has a trial rung (EL-01) that ends with the probation test and the approval
    (EL-05), and the document gives no trial length in months (AMB-27), which
    ``TrialPay`` would need; it has no bonus for ``TrialPay`` to withhold either.  So the
    pay follows the rung alone: an agent on the ``trial`` rung is paid 1800 whatever
    ``Agent.status`` says, and a junior is paid 2200.
    """
    return sc.SalaryBands(
        PAY_CURRENCY,
        tuple(
            sc.SalaryBand(
                band_id,
                sc.Text(en=f"{en} ({PAY_TABLE_YEAR} pay)", zh_Hant=f"{zh}({PAY_TABLE_YEAR}年薪資)"),
                sc.Money(amount, PAY_CURRENCY),
                _cite(rule_id, item),
            )
            for band_id, amount, rule_id, item, en, zh in _PAY
        ),
    )


# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The e-commerce CS department: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_grading_ladder() -> sc.GradingLadder:
    """EL-01 … EL-12: five rungs, their moves, the exempt reserve supervisor."""
    return GRADING_LADDER


@sc.hookimpl
def servicecodex_appraisal_scheme() -> sc.AppraisalScheme:
    """EL-14: monthly and quarterly, one score out of 100, pass mark 60, grades A–D."""
    return APPRAISAL_SCHEME


@sc.hookimpl
def servicecodex_salary_bands() -> sc.SalaryBands:
    """EL-17 … EL-22: the 2018 pay table in yuan, one band per rung.  A profile in another
    currency is refused when the organisation loads, not silently relabelled."""
    return salary_bands()
