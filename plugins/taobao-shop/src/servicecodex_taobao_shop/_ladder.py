"""TB-02 … TB-06 and TB-50: the four CS grades, the tenure that promotes, the grade
checklists for reviewers, and dismissal.

The grades are P3b 一's 「初級客服、中級客服、高級客服、資深客服」.  Each grade's list in
P3b 二(一) ends with a tenure item (8), which is the promotion condition here; the other
items are a reviewer's checklist (TB-06) and decide nothing automatically.  Each grade is
paid from the salary band of the same id (TB-02 "base salary is set by grade"; the
amounts are in ``_pay``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import servicecodex as sc
from servicecodex_taobao_shop._source import cite

__all__ = [
    "DISMISSAL",
    "GRADE_CHECKLISTS",
    "GRADING_LADDER",
    "PROMOTIONS",
    "RUNGS",
    "WARNING",
    "WARNING_NAME",
]

# Rungs (TB-02) ---------------------------------------------------------------------------

_RUNG_CITE = cite("TB-02", "P3b 一; 二(一)")
#: TB-02: (id, English, source wording), lowest first, as P3b 一 lists them.
_GRADES: tuple[tuple[str, str, str], ...] = (
    ("junior", "Junior CS", "初級客服"),
    ("intermediate", "Intermediate CS", "中級客服"),
    ("senior", "Senior CS", "高級客服"),
    ("senior-expert", "Senior-expert CS", "資深客服"),
)

# Promotions (TB-03, TB-04, TB-05) ----------------------------------------------------------

#: TB-03: 「必須在初級客服上干滿3個月以上」: three whole months on the junior rung,
#: counted from the day the agent entered it (``Agent.rung_since``).
_TB03 = sc.Transition(
    sc.Move.PROMOTE,
    "junior",
    "intermediate",
    sc.MonthsInRung(3),
    cite("TB-03", "P3b 二(一).2(8)"),
)
#: TB-04: 「必須在初級客服上干滿1年以上」, read with AMB-39 as "at least 12 months since
#: entering the junior grade".  Junior is the grade every agent is hired into (probation,
#: TB-09, is a pay status, not a rung), so the day the agent entered the junior grade is
#: the hire date and the condition is exactly ``MonthsEmployed(12)``.
#: ``MonthsInRung(12)`` would be wrong: on this transition the agent is intermediate, and
#: it would count from the promotion to intermediate.
_TB04 = sc.Transition(
    sc.Move.PROMOTE,
    "intermediate",
    "senior",
    sc.MonthsEmployed(12),
    cite("TB-04", "P3b 二(一).3(8)"),
)
#: TB-05: 「必須在客服上干滿2年以上」: two years in customer service, counted from the
#: hire date (the source says nothing of experience elsewhere).
_TB05 = sc.Transition(
    sc.Move.PROMOTE,
    "senior",
    "senior-expert",
    sc.MonthsEmployed(24),
    cite("TB-05", "P3b 二(一).4(8)"),
)
#: The promotions, one grade at a time, lowest first.
PROMOTIONS: tuple[sc.Transition, ...] = (_TB03, _TB04, _TB05)

# Dismissal (TB-50) -----------------------------------------------------------------------

#: The kind of :class:`servicecodex.DatedFact` that records a warning (警告處分).
WARNING = "warning"
#: How a warning is named in explanations.
WARNING_NAME = sc.Text(en="warning", zh_Hant="警告處分")

_TB50 = cite("TB-50", "P3b (e)")
#: TB-50: 「連續2個月綜合考評不及格或連續3次警告處分按辭退處理」, from any grade.
#:
#: * "綜合考評不及格" is a monthly composite appraisal below 60 (AMB-42, TB-49): the
#:   scorecards of :data:`~servicecodex_taobao_shop.APPRAISAL_SCHEME` carry
#:   ``passed=False`` then, and two of them in back-to-back months trigger dismissal; a
#:   month without a scorecard breaks the run.
#: * "連續3次警告": the source defines nothing that interrupts a series of warnings (no
#:   expiry, no clearing, no "good conduct" in between), so every warning on record
#:   counts and the third one triggers dismissal.  A shop that clears warnings leaves
#:   cleared ones out of the history it passes in.
DISMISSAL = sc.Transition(
    sc.Move.DISMISS,
    None,
    None,
    sc.AnyOf(
        sc.FailedAppraisals(2, consecutive=True, period=sc.PeriodKind.MONTH),
        sc.FactCount(WARNING, 3, name=WARNING_NAME),
    ),
    _TB50,
)


# Grade checklists (TB-06) ------------------------------------------------------------------

# Shared wording of P3b 二(一): (English, source wording).
_PROMOTE_BRAND = (
    "Promotes the brand in a targeted way in the post",
    "在本職崗位能夠很好的有針對性進行品牌宣傳",
)
_SUPPORT_CAMPAIGNS = (
    "Supports the company's (promotional) activities and feeds back customers' needs",
    "很好的配合好公司的各項(促銷)工作的展開、反饋顧客的需求",
)
_OBEY = (
    "Obeys the company's management and protects the company's interests",
    "服從公司的管理,切實維護公司利益",
)
_MANAGEMENT = (
    ("Assists the supervisor with the department's management work", "協助主管完成部門的管理工作"),
    ("Is able to train and manage new staff", "具備新進員工的培訓管理的能力"),
    # The source prints 反潰, a typo for 反饋 (feedback).
    ("Compiles the monthly customer feedback and statistics", "對每月的顧客情況的反饋和統計工作"),
    ("Coordinates the departments to handle related issues", "協調各個部門處理有關問題"),
)

#: (rung, clause, items as (number as printed, English, source wording)).  Item (8) of
#: the upper grades is the tenure condition of the promotion into them (TB-03 … TB-05)
#: and is left out here, so the numbering jumps from (7) to (9).
_CHECKLISTS: tuple[tuple[str, str, tuple[tuple[int, str, str], ...]], ...] = (
    (
        "junior",
        "P3b 二(一).1",
        (
            (
                1,
                "Knows e-commerce etiquette and has some grounding in e-commerce sales",
                "了解關于電子商務禮儀,對電子商務銷售有一定基礎",
            ),
            (
                2,
                "Uses the e-commerce platform to communicate effectively with customers",
                "能夠有效的利用電子商務平臺和顧客進行有效的溝通",
            ),
            (
                3,
                "Knows the ordering process and basic product knowledge; familiar with product specifications and parameters",
                "了解公司下單流程和貨品基本常識,熟悉商品規格和參數",
            ),
            (
                4,
                "Guides customers effectively through placing an order",
                "能夠有效的指導顧客完成下單",
            ),
            (5, *_PROMOTE_BRAND),
            (6, *_SUPPORT_CAMPAIGNS),
            (7, *_OBEY),
        ),
    ),
    (
        "intermediate",
        "P3b 二(一).2",
        (
            (
                1,
                "Familiar with e-commerce etiquette, with a good grounding in e-commerce sales",
                "熟悉電子商務禮儀,對電子商務銷售有良好基礎",
            ),
            (
                2,
                "Uses the e-commerce platform well to communicate effectively with customers",
                "能夠很好的利用電子商務平臺和顧客進行有效的溝通",
            ),
            (
                3,
                "Familiar with the ordering process, basic product knowledge, product specifications and parameters",
                "熟悉公司下單流程和貨品基本常識,熟悉商品規格和參數",
            ),
            (
                4,
                "Guides customers effectively through placing an order and leads them to buy",
                "能夠有效的指導顧客完成下單 引導顧客消費",
            ),
            (5, *_PROMOTE_BRAND),
            (6, *_SUPPORT_CAMPAIGNS),
            (7, *_OBEY),
        ),
    ),
    (
        "senior",
        "P3b 二(一).3",
        (
            (
                1,
                "Familiar with e-commerce etiquette, with a very good grounding in e-commerce sales",
                "熟悉電子商務禮儀,對電子商務銷售有很好的基礎",
            ),
            (
                2,
                "Uses the e-commerce platform to communicate effectively with customers",
                "能夠有效的利用電子商務平臺和顧客進行有效的溝通",
            ),
            (
                3,
                "Familiar with the ordering process, basic product knowledge, product specifications and parameters",
                "熟悉公司下單流程和貨品基本常識,熟悉商品規格和參數",
            ),
            (
                4,
                "Guides customers effectively through placing an order and leads them to buy",
                "能夠有效的指導顧客完成下單,引導顧客消費",
            ),
            (5, *_PROMOTE_BRAND),
            (6, *_SUPPORT_CAMPAIGNS),
            (7, *_OBEY),
            *((number, en, zh) for number, (en, zh) in enumerate(_MANAGEMENT, start=9)),
        ),
    ),
    (
        "senior-expert",
        "P3b 二(一).4",
        (
            (
                1,
                "Familiar with e-commerce etiquette, with a very good grounding in e-commerce sales",
                "熟悉電子商務禮儀,對電子商務銷售有很好的基礎",
            ),
            (
                2,
                "Uses the e-commerce platform well to communicate with customers",
                "能夠很好的利用電子商務平臺和顧客進行溝通",
            ),
            (
                3,
                "Familiar with the ordering process, product business knowledge, product specifications and parameters",
                "熟悉公司下單流程和貨品業務知識悉商品規格和參數",
            ),
            (
                4,
                "Guides customers effectively through placing an order and leads them to buy",
                "能夠有效的指導顧客完成下單引導顧客消費",
            ),
            (5, *_PROMOTE_BRAND),
            (6, *_SUPPORT_CAMPAIGNS),
            (
                7,
                "Obeys the company's management and protects the company's interests",
                "服從公司的管理的,切實維護公司利益",
            ),
            *((number, en, zh) for number, (en, zh) in enumerate(_MANAGEMENT, start=9)),
            (
                13,
                "Leads the CS team independently and completes the tasks the supervisor assigns with distinction",
                "能夠獨立帶領客服團隊 出色完成主管安排下的任務",
            ),
        ),
    ),
)

#: TB-06: each grade's checklist for reviewers, by rung id, items numbered as printed.
#: Guidance only: no ladder condition reads it.
GRADE_CHECKLISTS: Mapping[str, tuple[sc.ChecklistItem, ...]] = MappingProxyType(
    {
        rung: tuple(
            sc.ChecklistItem(
                f"({number})", sc.Text(en=en, zh_Hant=zh), cite("TB-06", f"{clause}({number})")
            )
            for number, en, zh in items
        )
        for rung, clause, items in _CHECKLISTS
    }
)

#: The four grades, lowest first; junior is the grade a new agent is hired into.  Each is
#: paid from the salary band of the same id (TB-02; the bands are in ``_pay``).
RUNGS: tuple[sc.Rung, ...] = tuple(
    sc.Rung(
        rung_id,
        sc.Text(en=en, zh_Hant=zh),
        _RUNG_CITE,
        band=rung_id,
        checklist=GRADE_CHECKLISTS[rung_id],
    )
    for rung_id, en, zh in _GRADES
)

#: TB-02 … TB-05, TB-50: the grades, promotions by tenure, and dismissal from any grade.
GRADING_LADDER = sc.GradingLadder(RUNGS, _RUNG_CITE, (*PROMOTIONS, DISMISSAL))
