"""servicecodex plugin for an enterprise customer-service department (客户服务部).

The source is ``003_b5adc0bea48ad1d8.txt``, "客户服务部执行手册课件" (lines 294–312) and
its scattered continuation (lines 341–398: 规章制度, 服务定位, 服务水平, 绩效考核, 扣分条款),
a manufacturer's CS department handbook.  Rule ids ``EH-xx`` are those of the
servicecodex rules catalogue; every record cites the rule and the clause it comes from
(``Citation("EH-34", "003 绩效考核 一.A")``).

This round covers the appraisal (the catalogue's ``appraisal`` rules):

* EH-34, EH-35, EH-36: the monthly bonus score (每月奖金评分依据) of three parts, A the
  Friday work summaries and plans (workload) 60%, B the month's performance-appraisal
  score 30%, C other supplementary test results 10%.  Each part is scored out of 100 and
  weighted by its percentage, so the bonus score is out of 100; the handbook sets no
  pass mark and no grades.
* EH-29 (a training test at the end of every month) and EH-27 (every CS employee knows
  every company product): the month-end training test is the one supplementary test the
  handbook names, so its result is part C; product knowledge is what it examines.  No
  record of their own: neither carries a number the core could check.
* EH-39 (performance scores are the basis of rewards and penalties, i.e. of the bonus):
  the scheme's total is that basis, and the scheme cites EH-39.  The handbook gives no bonus amount (EH-38,
  AMB-50); turning the score into money is for the pay round.

Texts are the handbook's simplified wording; the traditional forms are derived by
servicecodex.
"""

from __future__ import annotations

from decimal import Decimal

import servicecodex as sc

__all__ = [
    "APPRAISAL_PERIODS",
    "APPRAISAL_SCHEME",
    "PART_MAX_POINTS",
    "PLUGIN_ID",
    "PROFILE",
    "servicecodex_appraisal_scheme",
    "servicecodex_organization_profile",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "enterprise-handbook"
_SOURCE = "003"


def _cite(rule_id: str, clause: str) -> sc.Citation:
    """A citation of *clause* of the handbook (``"绩效考核 一.A"``)."""
    return sc.Citation(rule_id, f"{_SOURCE} {clause}")


# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: a mainland-China manufacturer's CS department (客户服务部).
PROFILE = sc.OrganizationProfile(
    id=PLUGIN_ID,
    name=sc.Text(en="Enterprise customer service department", zh_Hans="客户服务部"),
    locale="zh_Hans_CN",
    timezone="Asia/Shanghai",
    currency="CNY",
    holidays="CN",
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

# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The enterprise CS department: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_appraisal_scheme() -> sc.AppraisalScheme:
    """EH-34, EH-35, EH-36: the monthly bonus score, parts weighted 60 / 30 / 10."""
    return APPRAISAL_SCHEME
