"""TB-39 … TB-48, TB-50, TB-56, TB-65: the shop's fines, warnings and dismissal on warnings.

P1 七 「懲罰制度」 (TB-39 … TB-41) and P2 「2.獎懲制度」 1)–7) (TB-42 … TB-48) fix the fines;
P3b (e) (TB-50) dismisses on the third warning; P1 二.6 (TB-65) penalises quitting
without notice but names no amount.  Every amount is in yuan (元, AMB-30: "50/次" is 50
yuan), and every counter of repeats restarts each calendar month in Asia/Shanghai
(AMB-31 … AMB-33).

Not here but in ``_pay``: TB-49's 100 yuan off the month's pay for a composite appraisal
below 60 (a payroll deduction driven by the scorecard, not a violation,
``FAIL_DEDUCTION``); the payslip deducts the month's fines (TB-18).  TB-56's 35-minute
meal limit is a shift rule (``_shifts``) whose overrun is recorded here without a fine
(AMB-36).  Attendance (``_shifts``) produces TB-42, TB-43, TB-46 and TB-56's violations,
a rota check TB-47's, and :func:`~servicecodex_taobao_shop.wangwang_offline` TB-44's.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import servicecodex as sc
from servicecodex_taobao_shop._ladder import WARNING
from servicecodex_taobao_shop._source import cite

__all__ = [
    "ABSENTEEISM",
    "CURRENCY",
    "LEFT_POST",
    "MEAL_OVERRUN",
    "MISSED_PUNCH",
    "PENALTY_RULES",
    "PENALTY_SCHEDULE",
    "PHONE_AT_WORK",
    "QUITTING_SUDDENLY",
    "SERVICE_COMPLAINT",
    "SERVICE_COMPLAINT_RULES",
    "SWEARING_AT_CUSTOMER",
    "UNANSWERED_DURING_MEALS",
    "UNANSWERED_RINGS",
    "WANGWANG_OFFLINE",
    "WARNING_LIMIT",
    "WARNING_RULE",
    "ComplaintRule",
    "penalty_schedule",
    "warning_facts",
]

#: The source's money: 元 (AMB-30).  The amounts are yuan whatever the profile says, so a
#: profile in another currency is refused by the organisation rather than re-denominated.
CURRENCY = "CNY"

#: Violation codes, one per rule.
PHONE_AT_WORK = "phone-at-work"
SERVICE_COMPLAINT = "service-complaint"
SWEARING_AT_CUSTOMER = "swearing-at-customer"
MISSED_PUNCH = "missed-punch"
LEFT_POST = "left-post"
WANGWANG_OFFLINE = "wangwang-offline"
UNANSWERED_RINGS = "unanswered-rings"
ABSENTEEISM = "absenteeism"
UNANSWERED_DURING_MEALS = "unanswered-during-meals"
MEAL_OVERRUN = "meal-overrun"
QUITTING_SUDDENLY = "quitting-suddenly"

#: Which template's fine for a buyer's complaint about service (AMB-34): ``"P1"`` (P1 七(2),
#: TB-40, the default) or ``"P2"`` (P2 2.7), TB-48).
ComplaintRule = Literal["P1", "P2"]


def _yuan(amount: int) -> sc.Money:
    return sc.Money(amount, CURRENCY)


def _rule(
    code: str,
    en: str,
    zh_hant: str,
    rule_id: str,
    clause: str,
    fine: sc.FixedFine | sc.DoublingFine | sc.ThresholdFine | sc.BatchFine | None,
    consequence: sc.Consequence | None = None,
) -> sc.PenaltyRule:
    return sc.PenaltyRule(
        code,
        sc.Text(en=en, zh_Hant=zh_hant),
        cite(rule_id, clause),
        fine,
        consequence=consequence,
    )


_MONTH = sc.PeriodKind.MONTH

# Fines (TB-39 … TB-48) ---------------------------------------------------------------------

#: TB-39: 「工作期間長時間打電話,玩游戲,看電視影響正常工作 50元/次。第二次翻倍,以此類推」:
#: 50, 100, 200 … within a calendar month (AMB-31: the source gives no window; the
#: counter restarts each month, as TB-40's does).
_TB39 = _rule(
    PHONE_AT_WORK,
    "Long phone calls, games or TV at work",
    "工作期間長時間打電話,玩游戲,看電視影響正常工作",
    "TB-39",
    "P1 七(1)",
    sc.DoublingFine(_yuan(50), _MONTH),
)

#: The two templates' fines for a buyer's complaint about service (AMB-34), by template.
#:
#: * ``"P1"`` (TB-40, the default): 「一個月內因服務原因收到買家投訴,予以實情進行處罰 50/次,
#:   第二次翻倍,以此類推」: 50, 100, 200 … within a calendar month (AMB-31);
#: * ``"P2"`` (TB-48): 「若因服務態度接受顧客投訴,損壞公司形象者,扣懲5元」: 5 yuan each.
#:
#: Both are the rule of one violation code, ``service-complaint``: AMB-34 reads them as
#: one matter on which P1 and P2 disagree, so a complaint is fined under one of them, never
#: both, and a ledger stays valid whichever template a shop follows.
SERVICE_COMPLAINT_RULES: Mapping[ComplaintRule, sc.PenaltyRule] = MappingProxyType(
    {
        "P1": _rule(
            SERVICE_COMPLAINT,
            "Buyer complaint caused by service",
            "因服務原因收到買家投訴",
            "TB-40",
            "P1 七(2)",
            sc.DoublingFine(_yuan(50), _MONTH),
        ),
        "P2": _rule(
            SERVICE_COMPLAINT,
            "Customer complaint about service attitude, damaging the company's image",
            "因服務態度接受顧客投訴,損壞公司形象",
            "TB-48",
            "P2 2.7)",
            sc.FixedFine(_yuan(5)),
        ),
    }
)

#: TB-41: 「遇到蠻不講理的客戶有罵人現象,可以不搭理他但不能出現和客戶對罵現象…如有查到
#: 聊天內容50/次」: 50 yuan each time the chat log shows it.
_TB41 = _rule(
    SWEARING_AT_CUSTOMER,
    "Swearing back at a customer (found in the chat log)",
    "和客戶對罵(查到聊天內容)",
    "TB-41",
    "P1 七(3)",
    sc.FixedFine(_yuan(50)),
)
#: TB-42: 「如員工忘記打卡未填寫補卡申請表則視為擅自離崗、脫崗,每次扣懲10元」.
_TB42 = _rule(
    MISSED_PUNCH,
    "Forgotten punch without a make-up form (unauthorised absence from post)",
    "忘記打卡未填寫補卡申請表(視為擅自離崗、脫崗)",
    "TB-42",
    "P2 2.1)",
    sc.FixedFine(_yuan(10)),
)
#: TB-43: 「如有私自離崗未做好調班,每次扣懲20元」.
_TB43 = _rule(
    LEFT_POST,
    "Left the post without arranging a swap",
    "私自離崗未做好調班",
    "TB-43",
    "P2 2.2)",
    sc.FixedFine(_yuan(20)),
)
#: TB-44: 「如發現值班客服未登錄旺旺(特別是中午時間),每月累計3次且無特別原因,則扣懲10元」:
#: 10 yuan for each full 3 times in a calendar month (AMB-32): 3 → 10, 5 → 10, 6 → 20.
#: A time with a special reason is not a violation and is not recorded.
_TB44 = _rule(
    WANGWANG_OFFLINE,
    "On duty and not logged in to Aliwangwang",
    "值班客服未登錄旺旺",
    "TB-44",
    "P2 2.3)",
    sc.BatchFine(_yuan(10), 3, _MONTH),
)
#: TB-45: 「電話響起超過五聲未接,接到客戶或者同事投訴3次以上,查明情況屬實則扣懲5元」.  One
#: violation is one verified complaint from a customer or colleague about a call left
#: ringing more than five times; AMB-33: the complaints are counted per calendar month.
#: The first two in a month are free; the 3rd costs 5 yuan and so does each further one
#: (``free=2``): 2 → 0, 3 → 5, 4 → 10.
_TB45 = _rule(
    UNANSWERED_RINGS,
    "Verified complaint about a call left ringing more than five times",
    "電話響起超過五聲未接,接到客戶或者同事投訴且查明屬實",
    "TB-45",
    "P2 2.4)",
    sc.ThresholdFine(_yuan(5), 2, _MONTH),
)
#: TB-46: 「否則按曠工處理,曠工一次扣懲30元」: 30 yuan each (AMB-34: P1 names no amount, P2's
#: 30 yuan applies).  Leave taken without the written application approved in advance,
#: or an unreported absence (TB-62 … TB-64, P1 二.4–5), is recorded under this code.
_TB46 = _rule(
    ABSENTEEISM,
    "Absenteeism",
    "曠工",
    "TB-46",
    "P2 2.5)",
    sc.FixedFine(_yuan(30)),
)
#: TB-47: 「如出現同時用餐電話無人接聽,對值班人員扣懲5元」: 5 yuan, recorded against each
#: on-duty agent.  A meal over 35 minutes on its own (TB-56, AMB-36) is a shift rule.
_TB47 = _rule(
    UNANSWERED_DURING_MEALS,
    "Everyone eating at once, the phone unanswered (on-duty staff)",
    "同時用餐電話無人接聽(值班人員)",
    "TB-47",
    "P2 2.6)",
    sc.FixedFine(_yuan(5)),
)

#: TB-56: 「客服人員用餐時間不可超過35分鐘」 names no fine (only everyone eating at once is
#: fined, TB-47): AMB-36 records a meal over 35 minutes as a violation without a fine.
#: Attendance produces it from the meal punches (``_shifts``).
_TB56 = _rule(
    MEAL_OVERRUN,
    "Meal break over 35 minutes",
    "用餐時間超過35分鐘",
    "TB-56",
    "P2 2.6)",
    None,
)

# No amount (TB-65) ----------------------------------------------------------------------------

#: TB-65: 「離職需提早一個月遞交辭職報告,如臨時辭職不予通報影響公司正常員工編制,按公司相關
#: 規定處罰」: penalised "under the company's rules", which are not given: no fine.
_TB65 = _rule(
    QUITTING_SUDDENLY,
    "Quitting without a month's written notice",
    "臨時辭職不予通報",
    "TB-65",
    "P1 二.6",
    None,
)

# Warnings and dismissal (TB-50) -------------------------------------------------------------

_TB50 = cite("TB-50", "P3b (e)")
#: A warning (警告處分) as a violation: recording one is how a warning is issued.  Its code
#: is the ladder's fact kind :data:`~servicecodex_taobao_shop.WARNING`, ``"warning"``; no
#: fine.  The source does not say which failings earn a warning (TB-38: the supervisor
#: proposes penalties), so no other rule draws one automatically.
WARNING_RULE = sc.PenaltyRule(
    WARNING,
    sc.Text(en="Warning", zh_Hant="警告處分"),
    _TB50,
    consequence=sc.Consequence.WARNING,
)
#: TB-50: 「連續3次警告處分按辭退處理」: the third warning on record leads to dismissal.
#: "連續" is read as the ladder reads it: the source defines nothing that interrupts a
#: series of warnings (no expiry, no clearing), so every warning not reversed counts, with
#: no time limit (``months=None``).
WARNING_LIMIT = sc.WarningLimit(3, sc.Consequence.DISMISSAL, _TB50)


def penalty_schedule(complaints: ComplaintRule = "P1") -> sc.PenaltySchedule:
    """The shop's penalty schedule, in yuan.

    *complaints* picks the fine for a buyer's complaint about service (AMB-34): ``"P1"``,
    the default, is TB-40's 50 yuan doubled on each repeat in a month; ``"P2"`` is TB-48's
    5 yuan each.
    """
    if complaints not in SERVICE_COMPLAINT_RULES:
        raise sc.PolicyError("complaints", complaints, "'P1' (TB-40) or 'P2' (TB-48)")
    rules = (
        _TB39,
        SERVICE_COMPLAINT_RULES[complaints],
        _TB41,
        _TB42,
        _TB43,
        _TB44,
        _TB45,
        _TB46,
        _TB47,
        _TB56,
        _TB65,
        WARNING_RULE,
    )
    return sc.PenaltySchedule(CURRENCY, rules, warning_limit=WARNING_LIMIT)


#: The schedule the plugin answers: AMB-34's default, P1's escalating complaint fine.
PENALTY_SCHEDULE = penalty_schedule()
#: Its rules, in the source's order (P1 七, P2 2.1)–2.6), P1 二.6, P3b (e)).
PENALTY_RULES: tuple[sc.PenaltyRule, ...] = PENALTY_SCHEDULE.rules


def warning_facts(
    ledger: sc.Ledger, agent_id: str, calendar: sc.BusinessCalendar
) -> tuple[sc.DatedFact, ...]:
    """The warnings *agent_id* has on *ledger*, as the ladder's dated facts.

    The ladder's TB-50 dismissal counts ``DatedFact("warning", on=...)`` in a
    :class:`~servicecodex.History`; the penalty schedule counts ``warning`` violations on the
    ledger.  This turns the second into the first (each on its day in the shop's timezone,
    the violation id as the note), so one record of warnings serves both.
    """
    return tuple(
        sc.DatedFact(WARNING, calendar.local_date(v.at), note=v.id)
        for v in ledger.active(agent_id=agent_id, code=WARNING)
    )
