"""servicecodex plugin for a Taobao shop's customer-service department (淘寶客服部).

The source is ``002_3a168efc31004a78.txt``, "第二篇:淘寶客服規章制度": three templates
(P1, P2, P3 = P3a + P3b) under one heading.  Rule ids ``TB-xx`` are those of the
servicecodex rules catalogue, section 2.6; every record cites its rule and clause
(``Citation("TB-27", "002 第二篇 P3b (a)")``).

It covers the grading ladder, the appraisal, the penalties, pay, courtesy and shifts:

* ladder (TB-02 … TB-05, TB-50): junior → intermediate after 3 months in the junior
  grade; → senior 12 months after entering the junior grade, i.e. after hire (AMB-39);
  → senior expert (資深客服) after 24 months in CS; dismissal from any grade after two
  consecutive failed monthly appraisals (AMB-42) or a third warning;
* appraisal (TB-19 … TB-38, TB-49): the monthly composite appraisal out of 100 with
  four criteria (30/20/30/20), six +5 items, one −2 item (AMB-38), pass mark 60, and
  the attitude form's "+"/"−" descriptors, unweighted (AMB-37);
* data for people: the three posts (TB-01), the grade checklists (TB-06), the forms and
  ability items (TB-20, TB-21, TB-25) and the appraisal procedure (TB-19, TB-24, TB-38);
* penalties (TB-39 … TB-48, TB-50, TB-56, TB-65): fines in yuan, doubling (TB-39, TB-40), per
  full 3 (TB-44) or from the 3rd time (TB-45) within a calendar month (AMB-31 … AMB-33);
  a buyer's complaint about service fined by P1's escalating 50 (AMB-34, P2's 5 yuan as
  the alternative); a warning recorded as a violation, the third leading to dismissal
  (TB-50); quitting without notice and a meal over 35 minutes recorded without an amount
  (TB-65; TB-56, AMB-36);
* pay (TB-07 … TB-18, TB-49): one band per grade at the first-year minimum 2000 (AMB-38),
  guaranteed minimums 2000 / 2200 / 2500 by service year settled annually (TB-08,
  AMB-40), the trial month at 1600 with no bonus (TB-09), full attendance 100 (TB-14),
  awards of 100 that stack (TB-15 … TB-17, AMB-35), the streak award (TB-13, AMB-41),
  100 off a failed month (TB-49), the performance bonus (TB-07) as a share of the pool,
  results × composite appraisal (TB-10), split by appraisal totals (TB-12), what payroll
  deducts (TB-18); no
  commission tiers by default (TB-11, table missing, AMB-38): a shop supplies its own
  with :func:`commission_tiers` and :func:`salary_bands`;
* courtesy (TB-87 … TB-92): a zh_Hant phrase book (zh_Hans is derived by servicecodex)
  with the recommended civil phrases (TB-87), the forbidden insults (TB-88), blunt
  refusals, quarrels, mockery and denials (TB-89), "這不是我們的問題,我們不負責任" (TB-90),
  "我們不補貨了" → "工廠不生產了" (TB-91) and an honorific required in every conversation
  (您 / 親 / 美女, TB-92); the words of TB-87 … TB-89 are the plugin's reading;
* shifts (TB-51 … TB-65, TB-47, TB-14): day 08:30–18:00 and night 15:30–24:00 (AMB-29),
  2 rest days a month, one agent answering 08:30–24:00 with meals in rotation (TB-47,
  the plugin's reading), the Monday meeting over the hours both shifts share (TB-54),
  swaps on an approved application and a colleague's agreement (TB-55); attendance
  from punches with no grace, make-ups within 3 days and 5 a month (TB-58 … TB-60),
  producing TB-42, TB-43, TB-46 and TB-56's violations and TB-14's full-attendance
  fact; leave a day ahead, in writing, approved and covered (TB-62 … TB-64, AMB-34);
  resignation on a month's notice (TB-65); Aliwangwang sightings (TB-57, TB-44);
* contacts and service levels (TB-45, TB-66 … TB-86, TB-93, TB-29): Wangwang, SMS and
  phone, 08:30–24:00 every day (AMB-29); a call answered within 5 rings, a later answer
  an ``unanswered-rings`` violation (AMB-33); every message answered by the close of the
  shop's day (TB-67, TB-85, the core's ``CLOSE_OF_DAY`` targets); the six after-sales categories and
  the review with their playbooks, receive → handle → record closing with the record
  (TB-76), transfers with a reason (TB-84), abnormal issues escalated (TB-85); TB-79's
  message-then-phone chain; the 16:00 payment reminder (TB-69) and the after-sales
  callback whose survey feeds ``callback-satisfaction`` (TB-29); the review register
  (TB-78), the after-sales record for the Monday meeting (TB-76, TB-80) and the record of
  poor-quality customers (TB-82); no other deadline (AMB-05).

One private module per concept (``_ladder``, ``_appraisal``, ``_penalties``, ``_pay``,
``_courtesy``, ``_shifts``, ``_contacts``, ``_roles`` …).
"""

from __future__ import annotations

import servicecodex as sc
from servicecodex_taobao_shop._appraisal import (
    ABILITY_ITEMS,
    ABILITY_ITEMS_CITE,
    ADJUSTMENTS,
    APPRAISAL_FORMS,
    APPRAISAL_SCHEME,
    ATTITUDE_ELEMENTS,
    ATTITUDE_TABLE,
    CRITERIA,
    DESCRIPTORS,
    PASS_MARK,
    PROCEDURES,
)
from servicecodex_taobao_shop._contacts import (
    AFTER_SALES_CALLBACK,
    AFTER_SALES_RECORD,
    CASE_RULES,
    CATEGORIES,
    CHANNELS,
    CONTACT_GUIDANCE,
    MESSAGE_CHANNELS,
    PAYMENT_REMINDER,
    PAYMENT_ROUND,
    POOR_CUSTOMERS,
    REVIEW_CHAIN,
    REVIEW_REGISTER,
    REVIEW_SILENCE,
    RING_TARGET,
    RINGS,
    SAME_DAY_REPLIES,
    SERVICE_HOURS,
    SERVICE_LEVELS,
    SURVEY,
    WORKFLOW,
    buyer_chases,
    callback_register,
    payment_reminder_day,
    record_case,
    reply_findings,
    schedule_payment_reminder,
    service_report,
)
from servicecodex_taobao_shop._courtesy import HONORIFICS, PHRASE_BOOK, PHRASE_ENTRIES, SWEARING
from servicecodex_taobao_shop._ladder import (
    DISMISSAL,
    GRADE_CHECKLISTS,
    GRADING_LADDER,
    PROMOTIONS,
    RUNGS,
    WARNING,
    WARNING_NAME,
)
from servicecodex_taobao_shop._pay import (
    ATTENDANCE_BONUS,
    AWARDS,
    BASE_PAY,
    BONUS_POOL,
    COMMISSION_CITE,
    FAIL_DEDUCTION,
    GUARANTEED_MINIMUMS,
    PAYROLL,
    PERFORMANCE_PAY,
    SALARY_BANDS,
    STREAK_AWARD,
    TOP_COMPOSITE,
    TOP_CONVERSION,
    TOP_SALES,
    TRIAL_PAY,
    commission_tiers,
    pool_shares,
    salary_bands,
    service_year_months,
)
from servicecodex_taobao_shop._penalties import (
    ABSENTEEISM,
    CURRENCY,
    LEFT_POST,
    MEAL_OVERRUN,
    MISSED_PUNCH,
    PENALTY_RULES,
    PENALTY_SCHEDULE,
    PHONE_AT_WORK,
    QUITTING_SUDDENLY,
    SERVICE_COMPLAINT,
    SERVICE_COMPLAINT_RULES,
    SWEARING_AT_CUSTOMER,
    UNANSWERED_DURING_MEALS,
    UNANSWERED_RINGS,
    WANGWANG_OFFLINE,
    WARNING_LIMIT,
    WARNING_RULE,
    ComplaintRule,
    penalty_schedule,
    warning_facts,
)
from servicecodex_taobao_shop._profile import PROFILE
from servicecodex_taobao_shop._records import (
    AppraisalForm,
    AttitudeElement,
    Guidance,
    RoleDefinition,
)
from servicecodex_taobao_shop._roles import AFTER_SALES, ROLES, SALES, SUPERVISOR
from servicecodex_taobao_shop._shifts import (
    ATTENDANCE_POLICY,
    COVER,
    DAY_SHIFT,
    DUTY_GUIDANCE,
    LEAVE_POLICY,
    LEAVE_TYPES,
    MEAL_CAP,
    MEALS,
    MEETING_WINDOW,
    NIGHT_SHIFT,
    OPENING_HOURS,
    PATTERNS,
    PERSONAL_LEAVE,
    REST_DAYS,
    SHIFT_POLICY,
    SWAP_POLICY,
    WEEKLY_MEETING,
    leave_days,
    meal_break,
    review_leave,
    shift_policy,
    wangwang_offline,
)
from servicecodex_taobao_shop._source import PLUGIN_ID, SOURCE

__all__ = [
    "ABILITY_ITEMS",
    "ABILITY_ITEMS_CITE",
    "ABSENTEEISM",
    "ADJUSTMENTS",
    "AFTER_SALES",
    "AFTER_SALES_CALLBACK",
    "AFTER_SALES_RECORD",
    "APPRAISAL_FORMS",
    "APPRAISAL_SCHEME",
    "ATTENDANCE_BONUS",
    "ATTENDANCE_POLICY",
    "ATTITUDE_ELEMENTS",
    "ATTITUDE_TABLE",
    "AWARDS",
    "BASE_PAY",
    "BONUS_POOL",
    "CASE_RULES",
    "CATEGORIES",
    "CHANNELS",
    "COMMISSION_CITE",
    "CONTACT_GUIDANCE",
    "COVER",
    "CRITERIA",
    "CURRENCY",
    "DAY_SHIFT",
    "DESCRIPTORS",
    "DISMISSAL",
    "DUTY_GUIDANCE",
    "FAIL_DEDUCTION",
    "GRADE_CHECKLISTS",
    "GRADING_LADDER",
    "GUARANTEED_MINIMUMS",
    "HONORIFICS",
    "LEAVE_POLICY",
    "LEAVE_TYPES",
    "LEFT_POST",
    "MEALS",
    "MEAL_CAP",
    "MEAL_OVERRUN",
    "MEETING_WINDOW",
    "MESSAGE_CHANNELS",
    "MISSED_PUNCH",
    "NIGHT_SHIFT",
    "OPENING_HOURS",
    "PASS_MARK",
    "PATTERNS",
    "PAYMENT_REMINDER",
    "PAYMENT_ROUND",
    "PAYROLL",
    "PENALTY_RULES",
    "PENALTY_SCHEDULE",
    "PERFORMANCE_PAY",
    "PERSONAL_LEAVE",
    "PHONE_AT_WORK",
    "PHRASE_BOOK",
    "PHRASE_ENTRIES",
    "PLUGIN_ID",
    "POOR_CUSTOMERS",
    "PROCEDURES",
    "PROFILE",
    "PROMOTIONS",
    "QUITTING_SUDDENLY",
    "REST_DAYS",
    "REVIEW_CHAIN",
    "REVIEW_REGISTER",
    "REVIEW_SILENCE",
    "RINGS",
    "RING_TARGET",
    "ROLES",
    "RUNGS",
    "SALARY_BANDS",
    "SALES",
    "SAME_DAY_REPLIES",
    "SERVICE_COMPLAINT",
    "SERVICE_COMPLAINT_RULES",
    "SERVICE_HOURS",
    "SERVICE_LEVELS",
    "SHIFT_POLICY",
    "SOURCE",
    "STREAK_AWARD",
    "SUPERVISOR",
    "SURVEY",
    "SWAP_POLICY",
    "SWEARING",
    "SWEARING_AT_CUSTOMER",
    "TOP_COMPOSITE",
    "TOP_CONVERSION",
    "TOP_SALES",
    "TRIAL_PAY",
    "UNANSWERED_DURING_MEALS",
    "UNANSWERED_RINGS",
    "WANGWANG_OFFLINE",
    "WARNING",
    "WARNING_LIMIT",
    "WARNING_NAME",
    "WARNING_RULE",
    "WEEKLY_MEETING",
    "WORKFLOW",
    "AppraisalForm",
    "AttitudeElement",
    "ComplaintRule",
    "Guidance",
    "RoleDefinition",
    "buyer_chases",
    "callback_register",
    "commission_tiers",
    "leave_days",
    "meal_break",
    "payment_reminder_day",
    "penalty_schedule",
    "pool_shares",
    "record_case",
    "reply_findings",
    "review_leave",
    "salary_bands",
    "schedule_payment_reminder",
    "service_report",
    "service_year_months",
    "servicecodex_appraisal_scheme",
    "servicecodex_courtesy_phrases",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_salary_bands",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
    "shift_policy",
    "wangwang_offline",
    "warning_facts",
]


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The shop's CS department: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_grading_ladder() -> sc.GradingLadder:
    """TB-02 … TB-05, TB-50: four grades, promotion by tenure, dismissal from any grade."""
    return GRADING_LADDER


@sc.hookimpl
def servicecodex_appraisal_scheme() -> sc.AppraisalScheme:
    """TB-26 … TB-37, TB-49: monthly composite appraisal out of 100, pass mark 60."""
    return APPRAISAL_SCHEME


@sc.hookimpl
def servicecodex_penalty_schedule() -> sc.PenaltySchedule:
    """TB-39 … TB-47, TB-50, TB-65 in yuan; a service complaint per P1 (TB-40, AMB-34);
    TB-56's meal overrun recorded without a fine (AMB-36)."""
    return PENALTY_SCHEDULE


@sc.hookimpl
def servicecodex_salary_bands() -> sc.SalaryBands:
    """TB-07 … TB-18, TB-49 in yuan: four grade bands at 2000 (AMB-38), minimums by
    service year settled annually (TB-08, AMB-40), trial 1600 (TB-09), bonuses, awards,
    the fail deduction and the bonus pool; no commission tiers (AMB-38)."""
    return SALARY_BANDS


@sc.hookimpl
def servicecodex_shift_policy() -> sc.ShiftPolicy:
    """TB-51 … TB-65: day 08:30–18:00 and night 15:30–24:00 (AMB-29), 2 rest days a month,
    one agent answering 08:30–24:00 with meals in rotation (TB-47), meals at most 35
    minutes (TB-56, AMB-36), the Monday meeting (TB-54), swaps on application (TB-55),
    punches and make-ups (TB-58 … TB-60), leave a day ahead in writing (TB-63, TB-64,
    AMB-34), resignation on a month's notice (TB-65)."""
    return SHIFT_POLICY


@sc.hookimpl
def servicecodex_service_levels() -> sc.ServiceLevelPolicy:
    """TB-45, TB-66 … TB-86, TB-93 (with TB-29 and TB-51/TB-52): Wangwang, SMS and phone;
    08:30–24:00 every day; the phone answered within 5 rings (``unanswered-rings``); the
    six after-sales categories and the review with their playbooks, receive → handle →
    record with the detailed record (TB-76); TB-79's message-then-phone chain; the 16:00
    payment reminder and the after-sales callback; TB-29's survey feeding
    ``callback-satisfaction``."""
    return SERVICE_LEVELS


@sc.hookimpl
def servicecodex_courtesy_phrases(locale: str) -> sc.PhraseBook | None:
    """TB-87 … TB-92: the zh_Hant book (``PHRASE_BOOK``), in the source's script;
    servicecodex derives zh_Hans from it, and there is no English book."""
    return PHRASE_BOOK if locale == PHRASE_BOOK.locale else None
