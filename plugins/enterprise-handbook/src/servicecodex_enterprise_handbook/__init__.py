"""servicecodex plugin for an enterprise customer-service department (客户服务部).

The source is ``003_b5adc0bea48ad1d8.txt``, "客户服务部执行手册课件" (lines 294–312) and
its scattered continuation (lines 341–398: 规章制度, 服务定位, 服务水平, 绩效考核, 扣分条款),
a manufacturer's CS department handbook.  Rule ids ``EH-xx`` are those of the
servicecodex rules catalogue; every record cites the rule and the clause it comes from
(``Citation("EH-34", "003 绩效考核 一.A")``).

It covers the appraisal (the catalogue's ``appraisal`` rules), the bonus and the
penalties:

* EH-34, EH-35, EH-36: the monthly bonus score (每月奖金评分依据) of three parts, A the
  Friday work summaries and plans (workload) 60%, B the month's performance-appraisal
  score 30%, C other supplementary test results 10%.  Each part is scored out of 100 and
  weighted by its percentage, so the bonus score is out of 100; the handbook sets no
  pass mark and no grades.
* EH-29 (a training test at the end of every month) and EH-27 (every CS employee knows
  every company product): the month-end training test is the one supplementary test the
  handbook names, so its result is part C; product knowledge is what it examines.  The
  test is an inspection checklist on the penalty schedule (:data:`TRAINING_TEST`): a
  failed test is EH-59's deduction item, a gap in product knowledge is noted with no
  points, and :func:`untested` lists who had no test in a month.
* EH-39 (performance scores are the basis of rewards and penalties, i.e. of the bonus):
  the scheme's total is that basis, and the scheme cites EH-39.
* EH-37, EH-38 (the bonus): all work on time earns the month's base bonus, which follows
  the company's results with no fixed amount.  With AMB-50's formula, the month's bonus
  is the base bonus × the bonus score ÷ 100 (:func:`weighted_bonus`, cited EH-37); the
  base bonus is set month by month (:func:`monthly_bonus`, EH-38: no default).  The
  handbook gives neither the base bonus nor any base pay, so the plugin answers no
  ``servicecodex_salary_bands``: a company that sets them builds its table with
  :func:`salary_bands` and answers the hook in a plugin of its own.
* EH-42 … EH-67 (扣分条款): 26 deduction items, each a penalty rule of points and no
  money, 1 to 5 points, three of them ranges the assessor chooses within (EH-55 3–5,
  EH-66 and EH-67 2–5, AMB-48); EH-40: 30 points within a rolling 6 months end the
  employment (AMB-49); EH-12: a first responsible person who shirks is criticised,
  re-educated and disciplined, recorded with no points, fine or automatic consequence;
* courtesy, what of it phrases can check: EH-41's first taboo, 「忌对客户不敬」
  (disrespecting customers), as forbidden phrases; EH-44, 「文明用语」, as forbidden coarse
  words and the recommended civil words 请 / 谢谢 / 对不起 / 再见; EH-60, 「不热情礼貌的
  接电话」, as a greeting required in the agent's first turn.  The handbook quotes no
  phrase: the wordings are the plugin's reading.  Each of these rules is also a
  deduction item, so a finding names the violation to record (:data:`PHRASE_VIOLATIONS`).

* shifts (the catalogue's ``shift`` and ``attendance`` rules, EH-28, EH-30 … EH-33): the
  handbook gives no shift times, so the shift policy has no pattern; it holds EH-28's
  Wednesday-afternoon product training (14:00–17:00, the plugin's reading of 下午), which
  everyone working a Wednesday attends, and EH-47's attendance (lateness, early leaving
  and absence deduct 5 points each).  A company builds its policy over its own shift
  times with :func:`shift_policy`.  EH-30 … EH-33 (morning cleaning and the duty roster,
  desk discipline, private calls, a tidy desk) are no shift rules: they are seen by the
  supervisor and recorded as deduction items (:data:`DISCIPLINE_VIOLATIONS`), walked as
  the inspection checklist :data:`WORKPLACE_CHECK` with private business at the desk
  (EH-49, EH-50).

* contacts, service levels, callbacks and registers (the catalogue's ``contact``, ``sla``
  and ``record`` rules, EH-01 … EH-26), in ``_contacts``: seven channels, 7×24, a first
  answer within 24 hours, every email within 24 hours, complaints within 48 hours,
  first-question ownership, handovers with a reason, major matters to the supervisor, the
  monthly brand callback, December's New Year gifts, the weekly plan before Friday 10:00,
  and the registers of EH-13 … EH-26 (:data:`SERVICE_LEVELS`).

Texts are the handbook's simplified wording; the traditional forms are derived by
servicecodex (the phrase book's too).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

import pendulum

import servicecodex as sc
from servicecodex_enterprise_handbook._contacts import (
    BRAND_CALLBACK,
    CALLBACK_FILE,
    CALLBACK_RULES,
    CASE_CATEGORIES,
    CASE_RULES,
    CASE_WORKFLOW,
    CHANNELS,
    COLLEAGUE_CALL,
    COMPLAINT,
    COMPLAINT_RESOLUTION,
    CUSTOMER_FILES,
    DEPARTMENTS,
    EMAIL_RESPONSE,
    FIRST_ANSWER,
    FREIGHT,
    HOME_DEPARTMENT,
    INCIDENT_REPORT_STEP,
    INCIDENT_REPORTS,
    INSTRUCTIONS,
    MAJOR_CATEGORIES,
    NEW_YEAR_GIFTS,
    OVERSTEPPING,
    RECORD_STEP,
    REGISTERS,
    REPAIRS,
    REPORTS,
    REQUESTS,
    SERVICE_HOURS,
    SERVICE_LEVELS,
    SETTLE_STEP,
    SHIPMENTS,
    TIMEZONE,
    WEEKLY_PLAN_DAY,
    WEEKLY_PLAN_HOUR,
    WEEKLY_PLANS,
    callback_register,
    hand_over,
    pass_to_colleague,
    request_review,
    schedule_brand_callbacks,
    schedule_new_year_gifts,
    service_levels,
    weekly_plan_check,
    weekly_plan_due,
)

__all__ = [
    "ANSWERING_GREETING",
    "APPRAISAL_PERIODS",
    "APPRAISAL_SCHEME",
    "ATTENDANCE_POLICY",
    "BONUS_AMOUNT_CITE",
    "BONUS_CITE",
    "BRAND_CALLBACK",
    "CALLBACK_FILE",
    "CALLBACK_RULES",
    "CASE_CATEGORIES",
    "CASE_RULES",
    "CASE_WORKFLOW",
    "CHANNELS",
    "CIVIL_PHRASES",
    "COLLEAGUE_CALL",
    "COMPLAINT",
    "COMPLAINT_RESOLUTION",
    "CUSTOMER_FILES",
    "DEDUCTION_RULES",
    "DEPARTMENTS",
    "DISCIPLINE_VIOLATIONS",
    "DISRESPECT",
    "EMAIL_RESPONSE",
    "FIRST_ANSWER",
    "FIRST_RESPONSIBILITY_SANCTIONS",
    "FREIGHT",
    "HOME_DEPARTMENT",
    "INCIDENT_REPORTS",
    "INCIDENT_REPORT_STEP",
    "INSPECTION_CHECKLISTS",
    "INSTRUCTIONS",
    "LATE_EARLY_OR_ABSENT",
    "MAJOR_CATEGORIES",
    "NEW_YEAR_GIFTS",
    "OVERSTEPPING",
    "PART_MAX_POINTS",
    "PHRASE_BOOK",
    "PHRASE_VIOLATIONS",
    "PLUGIN_ID",
    "POINTS_LIMIT",
    "PRODUCT_TRAINING",
    "PROFILE",
    "RECORD_STEP",
    "REGISTERS",
    "REPAIRS",
    "REPORTS",
    "REQUESTS",
    "SERVICE_HOURS",
    "SERVICE_LEVELS",
    "SETTLE_STEP",
    "SHIFT_POLICY",
    "SHIPMENTS",
    "SHIRKING_FIRST_RESPONSIBILITY",
    "SHIRKING_RULE",
    "TEST_PAPER_COPIES",
    "TEST_PAPER_COPIES_NAME",
    "TIMEZONE",
    "TRAINING_HOURS",
    "TRAINING_TEST",
    "UNCIVIL_PHRASES",
    "WEEKLY_PLANS",
    "WEEKLY_PLAN_DAY",
    "WEEKLY_PLAN_HOUR",
    "WORKPLACE_CHECK",
    "callback_register",
    "hand_over",
    "monthly_bonus",
    "pass_to_colleague",
    "penalty_schedule",
    "product_training",
    "request_review",
    "salary_bands",
    "schedule_brand_callbacks",
    "schedule_new_year_gifts",
    "service_levels",
    "servicecodex_appraisal_scheme",
    "servicecodex_courtesy_phrases",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
    "shift_policy",
    "untested",
    "weekly_plan_check",
    "weekly_plan_due",
    "weighted_bonus",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "enterprise-handbook"
_SOURCE = "003"
#: A citation of *clause* of the handbook (``"绩效考核 一.A"``).
_cite = sc.Source(_SOURCE)


# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: a mainland-China manufacturer's CS department (客户服务部).
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(en="Enterprise customer service department", zh_Hans="客户服务部"),
)

# Appraisal: the monthly bonus score (EH-34, EH-35, EH-36) --------------------------------

#: 「每月奖金评分依据」: the bonus score is worked out every month.
APPRAISAL_PERIODS: tuple[sc.PeriodKind, ...] = (sc.PeriodKind.MONTH,)
#: The handbook gives only percentages: each part is scored out of 100 and weighted.
PART_MAX_POINTS = Decimal(100)

#: (id, English, source wording, weight, rule, clause), in the handbook's order A, B, C.
_PARTS: tuple[tuple[str, str, str, Decimal, str, str], ...] = (
    (
        "weekly-work",
        "Weekly work summaries and plans (workload)",
        "每星期五的工作小结与工作计划（工作量）",
        Decimal("0.6"),
        "EH-34",
        "绩效考核 一.A",
    ),
    (
        "monthly-appraisal",
        "Monthly performance-appraisal score",
        "每月的绩效考核分数",
        Decimal("0.3"),
        "EH-35",
        "绩效考核 一.B",
    ),
    (
        "supplementary-tests",
        "Other supplementary test results",
        "其它辅助测评成绩",
        Decimal("0.1"),
        "EH-36",
        "绩效考核 一.C",
    ),
)

_criteria = tuple(
    sc.Criterion(
        criterion_id,
        sc.Text(en=en, zh_Hans=zh),
        PART_MAX_POINTS,
        _cite(rule_id, clause),
        weight=weight,
    )
    for criterion_id, en, zh, weight, rule_id, clause in _PARTS
)
#: The monthly bonus score: A 60%, B 30%, C 10% of 100-point scores; no pass mark.  The
#: scheme as a whole cites EH-39: the department's performance score, the basis of the bonus.
APPRAISAL_SCHEME = sc.AppraisalScheme(
    _criteria,
    APPRAISAL_PERIODS,
    _cite("EH-39", "绩效考核"),
)

# Pay: the bonus (EH-37, EH-38, EH-39; AMB-50) --------------------------------------------

#: EH-37 (二 评分算法): 「专员如所负责的工作全部按时完成,可得本月基本奖金。如没有按时完成者则
#: 根据绩效考核扣相应分数。如为公司或部门做突出相应贡献则加分。」
BONUS_CITE = _cite("EH-37", "绩效考核 二")


def weighted_bonus(base_bonus: sc.Money) -> sc.WeightedBonus:
    """The month's bonus: *base_bonus* × the month's bonus score ÷ 100 (AMB-50), cited
    EH-37, rounded half-up to the cent on the payslip.

    *base_bonus* is the month's base bonus (本月基本奖金, EH-37): the company sets it from
    its results, and the handbook fixes no amount (EH-38, 「不设具体奖励额度」), so there is
    no default.  The score is the scheme's total out of 100 (EH-34 … EH-36), the basis of
    the bonus (EH-39): a month scored 100 earns the whole base bonus.

    :raises servicecodex.PolicyError: *base_bonus* is not ``Money``, not above 0 or not
        whole cents.
    """
    return sc.WeightedBonus(base_bonus, BONUS_CITE, out_of=APPRAISAL_SCHEME.total)


#: EH-38 (三 奖金额度): 「根据公司效益情况调整,不设具体奖励额度」: the base bonus follows the
#: company's results, and the handbook fixes no amount.
BONUS_AMOUNT_CITE = _cite("EH-38", "绩效考核 三")


def monthly_bonus(base_bonuses: Mapping[sc.Month, sc.Money], month: sc.Month) -> sc.WeightedBonus:
    """*month*'s bonus formula (:func:`weighted_bonus`) on the base bonus the company set for
    it in *base_bonuses*: EH-38 sets no amount, so it is adjusted month by month with the
    company's results, and a month the company has not set has no bonus to pay, rather
    than some default.

    :raises servicecodex.PolicyError: no base bonus set for *month* (citing EH-38), or one
        that is not a positive amount of whole cents.
    """
    if month not in base_bonuses:
        raise sc.PolicyError(
            "base_bonuses",
            month.label("en"),
            f"no base bonus set for this month; the company sets it from its results, the "
            f"handbook fixes no amount ({BONUS_AMOUNT_CITE.rule_id})",
        )
    return weighted_bonus(base_bonuses[month])


def salary_bands(base_bonus: sc.Money, bands: Iterable[sc.SalaryBand]) -> sc.SalaryBands:
    """A company's pay table: its own *bands* (base pay, which the handbook does not give)
    and the handbook's bonus on *base_bonus* (:func:`weighted_bonus`), in *base_bonus*'s
    currency.

    The handbook sets neither amount, so the plugin does not answer
    ``servicecodex_salary_bands`` itself: the company answers it in a plugin of its own
    with this table, or passes the table to ``servicecodex.payslip`` month by month as
    the base bonus follows its results (EH-38).  Without a ladder, an agent's band is the
    one whose id is the agent's ``rung``.

    :raises servicecodex.PolicyError: no band, a band in another currency, or a base bonus
        that is not a positive amount of whole cents.
    """
    bonus = weighted_bonus(base_bonus)
    return sc.SalaryBands(bonus.base.currency, tuple(bands), weighted_bonus=bonus)


# Penalties: deduction points (EH-40, EH-42 … EH-67) ---------------------------------------

_DEDUCTIONS = "扣分条款"
#: (code, English, source wording, points (low, high), rule, clause), in the 扣分条款's
#: order.  The section holding EH-64 … EH-67 has lost its heading and its item 1 (AMB-47):
#: it is cited as 「(缺标题)」 with the printed item numbers.  The 一 items are worded as
#: what to do ("文明用语 1′") and deduct for failing them (AMB-47).
_ITEMS: tuple[tuple[str, str, str, tuple[int, int], str, str], ...] = (
    (
        "area-not-cleaned",
        "Own area not cleaned daily, or the shared area not cleaned per the duty roster",
        "未每天清理自己区域卫生或未按值日表打扫公共区域",
        (1, 1),
        "EH-42",
        "一.1",
    ),
    (
        "desk-not-tidy",
        "Desk left untidy or chair not put back after work",
        "下班离开公司后桌面不整洁、椅子未归位",
        (1, 1),
        "EH-43",
        "一.2",
    ),
    ("uncivil-language", "Uncivil language", "未使用文明用语", (1, 1), "EH-44", "一.3"),
    (
        "unfriendly-to-colleagues",
        "Unhelpful or unfriendly to colleagues",
        "同事之间不互助友好",
        (1, 1),
        "EH-45",
        "一.4",
    ),
    (
        "three-taboos",
        "Breaking any of the department's three taboos",
        "违反部门三忌中任一条款",
        (5, 5),
        "EH-46",
        "二.1",
    ),
    (
        "late-early-or-absent",
        "Unexcused lateness, early leaving or absenteeism",
        "无故迟到、早退、旷工",
        (5, 5),
        "EH-47",
        "二.2",
    ),
    (
        "private-call",
        "Private call over 3 minutes at work",
        "工作时间内私人电话超过3分钟",
        (1, 1),
        "EH-48",
        "二.3a",
    ),
    (
        "unauthorised-visitor",
        "Receiving people with no business relation to the company without permission",
        "擅自接待与公司无业务关系人员",
        (1, 1),
        "EH-49",
        "二.3b",
    ),
    (
        "grooming-at-work",
        "Trimming nails, putting on make-up and the like at work",
        "工作时间内修剪指甲、化妆等",
        (1, 1),
        "EH-50",
        "二.3c",
    ),
    (
        "text-chatting",
        "Chatting by mobile text message at work",
        "发手机短消息进行闲聊",
        (1, 1),
        "EH-51",
        "二.3d",
    ),
    (
        "noise-horseplay",
        "Noise, horseplay or idle chat",
        "喧哗、嬉闹、闲聊",
        (1, 1),
        "EH-52",
        "二.4a",
    ),
    (
        "non-work-reading-music",
        "Reading non-work books or listening to music",
        "看与工作无关的书籍,听音乐",
        (1, 1),
        "EH-53",
        "二.4b",
    ),
    (
        "non-work-websites",
        "Non-work websites or videos",
        "上与工作无关的网站、看与工作无关的视频",
        (1, 1),
        "EH-54",
        "二.4c",
    ),
    ("left-post", "Leaving the post without permission", "擅离职守", (3, 5), "EH-55", "二.5"),
    (
        "cliques",
        "Forming cliques that harm the department's unity and normal work",
        "拉帮结派,组织小团体,影响部门团结和正常工作",
        (5, 5),
        "EH-56",
        "二.6",
    ),
    (
        "day-work-unfinished",
        "The day's work not finished before leaving",
        "下班前没有及时完成当天应该完成的工作",
        (2, 2),
        "EH-57",
        "三.1",
    ),
    (
        "task-overdue",
        "A task from the department supervisor not done on time",
        "部门主管交待下来的任务没有按时完成",
        (2, 2),
        "EH-58",
        "三.2",
    ),
    (
        "training-test-failed",
        "Inattentive in training and failed the test (and copies the test paper 5 times)",
        "培训时思想不集中,考核未能合格(并罚抄试卷5遍)",
        (1, 1),
        "EH-59",
        "三.3",
    ),
    (
        "discourteous-answering",
        "Phone answered without warmth or courtesy",
        "不热情礼貌的接电话",
        (1, 1),
        "EH-60",
        "四.1a",
    ),
    (
        "unprofessional-answers",
        "Non-standard or unprofessional answers",
        "回答问题不规范,不专业",
        (1, 1),
        "EH-61",
        "四.1b",
    ),
    ("arguing-with-customer", "Arguing with a customer", "与客户起争执", (3, 3), "EH-62", "四.1c"),
    (
        "call-left-on-hold",
        "A call left on hold for a long time without reason",
        "长时间无故搁置电话",
        (2, 2),
        "EH-63",
        "四.1d",
    ),
    (
        "divisive-gossip",
        "Quarrelling or gossiping with colleagues, dividing the department",
        "与同事闹意见、传闲话,导致部门不团结",
        (5, 5),
        "EH-64",
        "(缺标题) 2",
    ),
    (
        "overstepping-authority",
        "Overstepping authority or levels in work or reporting",
        "擅自越权、越级工作,汇报",
        (3, 3),
        "EH-65",
        "(缺标题) 3",
    ),
    (
        "bad-mood",
        "Bringing a bad mood to work, harming its quality",
        "带不良情绪上班,影响工作质量",
        (2, 5),
        "EH-66",
        "(缺标题) 4",
    ),
    (
        "shifting-responsibility",
        "Passing work back and forth unsolved, shifting responsibility",
        "工作上互相推拖,不解决,推卸责任",
        (2, 5),
        "EH-67",
        "(缺标题) 5",
    ),
)

#: EH-42 … EH-67: one rule per deduction item, points and no money.  A fixed item takes
#: its points when a violation gives none; a range (EH-55, EH-66, EH-67) takes the points
#: the assessor chose within it, or its lower bound if none is given (AMB-48).
DEDUCTION_RULES: tuple[sc.PenaltyRule, ...] = tuple(
    sc.PenaltyRule(
        code,
        sc.Text(en=en, zh_Hans=zh),
        _cite(rule_id, f"{_DEDUCTIONS} {clause}"),
        points=sc.PointsRange(low, high),
    )
    for code, en, zh, (low, high), rule_id, clause in _ITEMS
)
#: EH-59's second sanction, besides the point: 「并罚抄试卷5遍」.  The core has no record
#: for a sanction that is neither money, points nor a consequence; it is in the rule's name.
TEST_PAPER_COPIES = 5
#: How EH-59's copying is named.
TEST_PAPER_COPIES_NAME = sc.Text(en="Copy the test paper 5 times", zh_Hans="罚抄试卷5遍")

#: EH-40: 「半年内累计扣分达到30分将不再继续留任」: 30 points or more within a rolling
#: 6 months (AMB-49) end the employment.
POINTS_LIMIT = sc.PointsLimit(30, 6, sc.Consequence.DISMISSAL, _cite("EH-40", f"{_DEDUCTIONS} 注"))

# EH-12: criticism, re-education and discipline -------------------------------------------

#: EH-12's violation code.
SHIRKING_FIRST_RESPONSIBILITY = "shirking-first-responsibility"
#: EH-12: 「当第一责任者出现推卸、扯皮、不积极配合或态度蛮横等现象时,部门当事人将给予批评、
#: 教育和处分」: recorded with no points and no fine (the handbook gives neither), and no
#: automatic consequence: which 处分 follows is not said (the sentence is cut off there).
SHIRKING_RULE = sc.PenaltyRule(
    SHIRKING_FIRST_RESPONSIBILITY,
    sc.Text(
        en="First responsible person shirking, wrangling, not cooperating or rude",
        zh_Hans="第一责任者推卸、扯皮、不积极配合或态度蛮横",
    ),
    _cite("EH-12", "规章制度 一.6"),
)
#: EH-12's sanctions, decided by people: criticism, re-education, discipline.
FIRST_RESPONSIBILITY_SANCTIONS: tuple[sc.Text, ...] = (
    sc.Text(en="criticism", zh_Hans="批评"),
    sc.Text(en="re-education", zh_Hans="教育"),
    sc.Text(en="discipline", zh_Hans="处分"),
)


# Inspection checklists (EH-27, EH-29 … EH-33, EH-49, EH-50) -------------------------------


def _item(
    item_id: str, en: str, zh: str, rule_id: str, clause: str, code: str | None
) -> sc.InspectionItem:
    return sc.InspectionItem(item_id, sc.Text(en=en, zh_Hans=zh), _cite(rule_id, clause), code)


#: EH-29, 十.3 「每月底进行一次培训测试」: the month-end training test, walked by the
#: supervisor for each specialist.  Failing it is EH-59's deduction item (「培训时思想不集中,
#: 考核未能合格 1′(并罚抄试卷5遍)」); EH-27, 十.1 「对公司任何一种产品都要熟悉掌握」, is what
#: the test examines: a product not mastered is noted for the Wednesday training (EH-28)
#: with no points of its own, the handbook giving none.
TRAINING_TEST = sc.InspectionChecklist(
    "training-test",
    sc.Text(en="Month-end training test", zh_Hans="月底培训测试"),
    (
        _item(
            "passed",
            "attentive in training and passed the month-end test",
            "培训时思想集中，月底测试合格",
            "EH-29",
            "规章制度 十.3",
            "training-test-failed",
        ),
        _item(
            "product-knowledge",
            "knows every company product",
            "熟悉掌握公司每一种产品",
            "EH-27",
            "规章制度 十.1",
            None,
        ),
    ),
)
#: 五 行为规范制度 (EH-30 … EH-33) and the private business of 扣分条款 二.3b–c (EH-49,
#: EH-50), seen by the supervisor at the desks, each failed item recorded under the
#: deduction item of :data:`DISCIPLINE_VIOLATIONS` (五.2's upright posture has none: noted).
WORKPLACE_CHECK = sc.InspectionChecklist(
    "workplace",
    sc.Text(en="Workplace discipline", zh_Hans="行为规范"),
    (
        _item(
            "area-cleaned",
            "own area cleaned first thing; the shared areas cleaned per the duty roster",
            "早晨上班先打扫自己区域卫生，值日人员按值日表打扫公共区域",
            "EH-30",
            "规章制度 五.1",
            "area-not-cleaned",
        ),
        _item(
            "posture",
            "sits upright, alert and focused",
            "坐姿端正，精神饱满，集中精力",
            "EH-31",
            "规章制度 五.2",
            None,
        ),
        _item(
            "quiet",
            "no loud talk, horseplay or idle chat",
            "不大声喧哗、嬉闹、闲聊",
            "EH-31",
            "规章制度 五.3",
            "noise-horseplay",
        ),
        _item(
            "no-chat",
            "no chatting about non-work matters by text message or chat tool",
            "不用短信、聊天工具聊与工作无关的事",
            "EH-31",
            "规章制度 五.3",
            "text-chatting",
        ),
        _item(
            "no-reading-music",
            "no non-work books or music",
            "不看与工作无关的书籍、不听音乐",
            "EH-31",
            "规章制度 五.3",
            "non-work-reading-music",
        ),
        _item(
            "no-websites",
            "no non-work websites or videos",
            "不浏览与工作无关的网页、视频",
            "EH-31",
            "规章制度 五.3",
            "non-work-websites",
        ),
        _item(
            "private-calls",
            "private calls on the company phone at most 3 minutes",
            "用公司电话讲私人电话不超过3分钟",
            "EH-32",
            "规章制度 五.4",
            "private-call",
        ),
        _item(
            "no-visitors",
            "no people without business with the company received without permission",
            "不擅自接待与公司无业务关系人员",
            "EH-49",
            f"{_DEDUCTIONS} 二.3b",
            "unauthorised-visitor",
        ),
        _item(
            "no-grooming",
            "no trimming nails, putting on make-up and the like at work",
            "工作时间不修剪指甲、化妆等",
            "EH-50",
            f"{_DEDUCTIONS} 二.3c",
            "grooming-at-work",
        ),
        _item(
            "desk-tidy",
            "after work: desk tidy, chair in line, everything put back",
            "下班后桌面整洁，椅子归位，物品整理归位",
            "EH-33",
            "规章制度 五.5",
            "desk-not-tidy",
        ),
    ),
)
#: The two checklists on the schedule.
INSPECTION_CHECKLISTS: tuple[sc.InspectionChecklist, ...] = (TRAINING_TEST, WORKPLACE_CHECK)


def untested(
    inspections: Iterable[sc.Inspection],
    specialists: Iterable[str],
    month: sc.Month,
    timezone: str = "Asia/Shanghai",
) -> list[sc.Reason]:
    """EH-29: each of *specialists* with no month-end training test (an inspection of
    :data:`TRAINING_TEST`) dated in *month* in *timezone*, one reason each, citing EH-29."""
    tested = {
        i.agent_id
        for i in inspections
        if i.checklist.id == TRAINING_TEST.id
        and pendulum.instance(i.at).in_timezone(timezone).date() in month
    }
    cite = TRAINING_TEST.items[0].cite
    message = sc.Text(
        en="{agent} took no month-end training test in {month}",
        zh_Hans="{agent}{month}未参加月底培训测试",
    )
    return [
        sc.Reason(cite, message, {"agent": agent, "month": month})
        for agent in specialists
        if agent not in tested
    ]


def penalty_schedule(currency: str = "CNY") -> sc.PenaltySchedule:
    """EH-12 and the 26 deduction items, with EH-40's limit and the two inspection
    checklists (:data:`INSPECTION_CHECKLISTS`); *currency* is the profile's (no rule
    carries money)."""
    return sc.PenaltySchedule(
        currency,
        (SHIRKING_RULE, *DEDUCTION_RULES),
        points_limit=POINTS_LIMIT,
        checklists=INSPECTION_CHECKLISTS,
    )


# Courtesy (EH-41, EH-44, EH-60) ----------------------------------------------------------

_REQUIRED, _RECOMMENDED, _FORBIDDEN = (
    sc.PhraseKind.REQUIRED,
    sc.PhraseKind.RECOMMENDED,
    sc.PhraseKind.FORBIDDEN,
)
_EH41 = _cite("EH-41", "绩效考核 四 部门三忌")
_EH44 = _cite("EH-44", f"{_DEDUCTIONS} 一.3")
_EH60 = _cite("EH-60", f"{_DEDUCTIONS} 四.1a")

#: EH-41, the first of the three taboos: 「忌对客户不敬」.  The handbook names no phrase;
#: these are the plugin's reading of disrespect towards a customer, each with what to say
#: instead.  (The other two taboos, leaking company data and disobeying the supervisor,
#: are not phrases.)
DISRESPECT: tuple[sc.PhraseEntry, ...] = (
    sc.PhraseEntry("爱买不买", _FORBIDDEN, sc.Scenario.ANY, _EH41, instead="您可以再考虑一下"),
    sc.PhraseEntry("烦不烦", _FORBIDDEN, sc.Scenario.ANY, _EH41, instead="我再为您说明一下"),
    sc.PhraseEntry("有完没完", _FORBIDDEN, sc.Scenario.ANY, _EH41, instead="请您慢慢说，我在听"),
    sc.PhraseEntry(
        "你懂不懂",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _EH41,
        instead="我再为您详细说明一下",
        alternatives=["您懂不懂"],
    ),
    sc.PhraseEntry(
        "懒得理你",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _EH41,
        instead="我马上为您处理",
        alternatives=["懒得理您"],
    ),
)

#: EH-44, 「文明用语。1′」: the item asks for civil language and deducts a point for
#: failing it (AMB-47).  Coarse words are forbidden (the plugin's reading: the handbook
#: lists none, and nothing civil replaces them) ...
UNCIVIL_PHRASES: tuple[sc.PhraseEntry, ...] = (
    sc.PhraseEntry("他妈的", _FORBIDDEN, sc.Scenario.ANY, _EH44),
    sc.PhraseEntry("王八蛋", _FORBIDDEN, sc.Scenario.ANY, _EH44),
    sc.PhraseEntry("混蛋", _FORBIDDEN, sc.Scenario.ANY, _EH44),
    sc.PhraseEntry("滚蛋", _FORBIDDEN, sc.Scenario.ANY, _EH44, alternatives=["滚开"]),
)
#: ... and the customary civil words (文明用语 请、谢谢、对不起、再见; 您好 is EH-60's) are
#: recommended, by scenario.
CIVIL_PHRASES: tuple[sc.PhraseEntry, ...] = (
    sc.PhraseEntry("请", _RECOMMENDED, sc.Scenario.ANY, _EH44),
    sc.PhraseEntry("谢谢", _RECOMMENDED, sc.Scenario.THANKS, _EH44),
    sc.PhraseEntry("对不起", _RECOMMENDED, sc.Scenario.APOLOGY, _EH44, alternatives=["抱歉"]),
    sc.PhraseEntry("再见", _RECOMMENDED, sc.Scenario.FAREWELL, _EH44),
)

#: EH-60, 「a 不热情礼貌的接电话1′」: answering the phone without courtesy costs a point.
#: Warmth is a tone, not a phrase; courtesy is checkable as a greeting required in the
#: agent's first turn.
ANSWERING_GREETING = sc.PhraseEntry(
    "您好",
    _REQUIRED,
    sc.Scenario.GREETING,
    _EH60,
    placement="first_turn",
    alternatives=["你好", "早上好", "上午好", "中午好", "下午好", "晚上好"],
)

#: The CS department's phrases in simplified script: EH-41, EH-44, EH-60.
PHRASE_BOOK = sc.PhraseBook(
    "zh_Hans", (ANSWERING_GREETING, *CIVIL_PHRASES, *DISRESPECT, *UNCIVIL_PHRASES)
)

#: The deduction item (a code of :func:`penalty_schedule`) that a finding of each rule is
#: evidence for: disrespect breaks the first taboo (EH-46, 5 points), coarse words the
#: civil-language item (EH-44, 1 point), a call answered without a greeting EH-60's item
#: (1 point).  The department records the violation; the checker does not.
PHRASE_VIOLATIONS: dict[str, str] = {
    "EH-41": "three-taboos",
    "EH-44": "uncivil-language",
    "EH-60": "discourteous-answering",
}


# Shifts and on-duty discipline (EH-28, EH-30 … EH-33; EH-47) ------------------------------
#
# The handbook gives no shift times (7×24 service, EH-03, says nothing of who works when):
# the policy the hook answers has no pattern, and a company with its own shift times
# builds its policy with :func:`shift_policy`.

#: EH-28 「每周三下午培训学习各产品」: the handbook says Wednesday afternoon and no hours;
#: 14:00–17:00 is the plugin's reading of 下午 (:func:`product_training` takes others).
TRAINING_HOURS: tuple[_dt.time, _dt.time] = (_dt.time(14), _dt.time(17))


def product_training(
    start: _dt.time = TRAINING_HOURS[0], end: _dt.time = TRAINING_HOURS[1]
) -> sc.WeeklyEvent:
    """EH-28's weekly product training on Wednesday afternoon, from *start* to *end* (the
    company's hours; 14:00–17:00 unless given): everyone working on a Wednesday is on
    duty, not on a break, for the whole of it.

    :raises servicecodex.PolicyError: times that are not wall-clock times in whole
        minutes, or an end not after the start.
    """
    return sc.WeeklyEvent(
        "product-training",
        sc.Text(en="the product training", zh_Hans="产品培训学习"),
        2,
        start,
        end,
        _cite("EH-28", "规章制度 十.2"),
    )


#: EH-28 at the plugin's hours, 14:00–17:00 every Wednesday.
PRODUCT_TRAINING = product_training()

#: The deduction item of lateness, early leaving and absence (EH-47, 5 points).
LATE_EARLY_OR_ABSENT = "late-early-or-absent"
#: EH-47, 扣分条款 二.2 「无故迟到、早退、旷工 5′」: punches make attendance days whose
#: lateness, early leaving and absence (from the first minute: the handbook gives no
#: grace) are each a ``late-early-or-absent`` violation, 5 points.  「无故」: a lateness
#: with a reason the supervisor accepts is reversed on the ledger.  The handbook has no
#: make-up punch, meal cap or full-attendance rule.
ATTENDANCE_POLICY = sc.AttendancePolicy(
    _cite("EH-47", f"{_DEDUCTIONS} 二.2"),
    grace=_dt.timedelta(0),
    late_code=LATE_EARLY_OR_ABSENT,
    early_code=LATE_EARLY_OR_ABSENT,
    absent_code=LATE_EARLY_OR_ABSENT,
)


def shift_policy(
    patterns: Iterable[sc.ShiftPattern] = (), *, training: sc.WeeklyEvent = PRODUCT_TRAINING
) -> sc.ShiftPolicy:
    """The department's shift policy over the company's own shift *patterns* (the
    handbook gives none): EH-28's Wednesday *training* (``PRODUCT_TRAINING`` unless the
    company sets its hours with :func:`product_training`) and EH-47's attendance.  The
    handbook sets no rest days, cover, meals, swaps, handover or leave."""
    return sc.ShiftPolicy(tuple(patterns), events=(training,), attendance=ATTENDANCE_POLICY)


#: The policy ``servicecodex_shift_policy`` answers: no pattern, EH-28, EH-47.
SHIFT_POLICY = shift_policy()

#: EH-30 … EH-33, 五 行为规范制度: rules the shift core cannot check, seen by the supervisor
#: (the inspection checklists of a later issue), with the deduction items (codes of
#: :func:`penalty_schedule`) a breach of each is recorded under.
DISCIPLINE_VIOLATIONS: dict[str, tuple[str, ...]] = {
    # 五.1 clean one's own area first thing; the person on duty cleans the shared areas
    # per the duty roster (值日表) without delaying the start of work
    "EH-30": ("area-not-cleaned",),
    # 五.2–3 sit upright, no loud talk, nothing unrelated to work
    "EH-31": ("noise-horseplay", "text-chatting", "non-work-reading-music", "non-work-websites"),
    # 五.4 private calls on the company phone at most 3 minutes
    "EH-32": ("private-call",),
    # 五.5 desk tidy, chairs in line, everything put back after work
    "EH-33": ("desk-not-tidy",),
}

# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The enterprise CS department: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_appraisal_scheme() -> sc.AppraisalScheme:
    """EH-34, EH-35, EH-36: the monthly bonus score, parts weighted 60 / 30 / 10."""
    return APPRAISAL_SCHEME


@sc.hookimpl
def servicecodex_penalty_schedule(profile: sc.OrganizationProfile) -> sc.PenaltySchedule:
    """EH-12, EH-42 … EH-67 (points, no money), EH-40: 30 points in 6 months end it."""
    return penalty_schedule(profile.currency)


@sc.hookimpl
def servicecodex_shift_policy() -> sc.ShiftPolicy:
    """EH-28: the Wednesday product training; EH-47: lateness, early leaving and absence
    deduct 5 points.  No shift pattern: the handbook gives no shift times, so a company
    answers this hook with :func:`shift_policy` over its own."""
    return SHIFT_POLICY


@sc.hookimpl
def servicecodex_service_levels(profile: sc.OrganizationProfile) -> sc.ServiceLevelPolicy:
    """EH-02 … EH-26: seven channels, 7×24, a first answer within 24 hours, emails within
    24 hours, complaints handled within 48 hours; first-question ownership, handovers with
    a reason, major matters to the supervisor; the monthly brand callback and the December
    New Year gifts; in the profile's timezone."""
    if profile.timezone == TIMEZONE:
        return SERVICE_LEVELS
    return service_levels(profile.timezone)


@sc.hookimpl
def servicecodex_courtesy_phrases(
    profile: sc.OrganizationProfile, locale: str
) -> sc.PhraseBook | None:
    """EH-41, EH-44, EH-60: the zh_Hans phrase book; servicecodex derives the zh_Hant
    one, and an English book makes no sense for Chinese calls (``None``)."""
    return PHRASE_BOOK if locale == PHRASE_BOOK.locale else None
