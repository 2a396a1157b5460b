"""TB-66 … TB-86, TB-93: the shop's contacts, after-sales cases and service levels.

P1 三 (pre-sales: TB-66 … TB-69), P1 四 (after-sales consultations TB-70 … TB-76 and
reviews TB-77 … TB-80), P1 五.6 (TB-93), P2 二(二) and 二(三) (the sales and after-sales
duties TB-81 … TB-85) and P2 二(一).7 (TB-86) become one
:class:`servicecodex.ServiceLevelPolicy`, with the plugin's readings where the source
is silent:

* **Channels** (TB-79): Aliwangwang (旺旺, ``online_chat``), SMS and the phone, the three
  TB-79 names.
* **Hours** (TB-51, TB-52, AMB-29): the clocks run while the shop is staffed, 08:30–24:00
  every day (the day shift's start to the night shift's end).  The source closes no day,
  public holidays included: an online shop stays open and TB-53's two rest days a month
  are each agent's own.
* **Rings** (TB-45): 「電話響起超過五聲未接」: a call is answered within 5 rings, a ring
  counted as the core's 5 seconds (the source gives no length).  A call answered later is
  a ledger violation ``unanswered-rings``: the measured wait is the verification TB-45
  asks for, and the penalty schedule fines the 3rd and each further one in a calendar
  month 5 yuan (AMB-33).
* **No other numeric target** (AMB-05): TB-67 「及時回復」 and TB-81 「第一時間」 give no
  deadline.  TB-85 「做到當日工作當日完成」 does: every buyer's message gets its reply
  (TB-67) by the close of the shop's day, 24:00; one sent while the shop is closed is the
  first task of the next day (TB-68), due by that day's close.  These are the core's
  :data:`servicecodex.CLOSE_OF_DAY` targets (:data:`SAME_DAY_REPLIES`): a case opened by
  a Wangwang message or an SMS gets its first reply by the close of the day, and every
  buyer's message after a reply its next one; a case opened by a call was answered when
  the call was picked up (TB-45).
* **Cases** (TB-70 … TB-75, TB-78, TB-79): the six after-sales categories with their
  playbooks as printed, and the neutral/negative review (中差評).  Steps the source makes
  conditional ("if that fails", "if signed for", "once confirmed") are not required.
  The workflow is receive → handle → record, closing with the detailed record TB-76
  asks for (the case's summary).  What the agent cannot solve goes to a colleague
  (a transfer, with its reason, TB-84); an abnormal issue is reported to the CS
  supervisor at once (a major matter, TB-85).  The source has no first-contact
  ownership rule.
* **Escalation** (TB-79): a Wangwang message and an SMS; if the buyer does not respond
  within 48 hours (calendar hours: the buyer's time, not the shop's), a phone call.  The
  source sets no deadline for any of the three steps.
* **Callbacks** (TB-69, TB-29): the payment reminder for an unpaid order in the 16:00
  round of its day (:func:`payment_reminder_day`); the after-sales callback whose
  satisfaction TB-29 scores, made the day the case closes (TB-85, the source gives no
  day).
* **Survey** (TB-29): one dimension, satisfaction with the callback, scored 1 to 5 (the
  core's scale; the source gives none), feeding the appraisal criterion
  ``callback-satisfaction`` (30 points).
* **Registers** (TB-76, TB-78, TB-80, TB-82): the review register with TB-78's fields, the
  after-sales record (one line per closed case, :func:`record_case`) counted per week for
  the Monday meeting, and the supervisor's record of poor-quality customers.
* **Checks for people** (TB-67, TB-73): :func:`reply_findings` lists one-character replies,
  :func:`buyer_chases` the times a buyer of a late delivery had to ask again.
* **Guidance** (TB-66, TB-68, TB-71, TB-77, TB-79 … TB-83, TB-85, TB-86, TB-93): rules for
  people, ``CONTACT_GUIDANCE``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

import pendulum

import servicecodex as sc
from servicecodex_taobao_shop._penalties import UNANSWERED_RINGS
from servicecodex_taobao_shop._profile import PROFILE
from servicecodex_taobao_shop._records import Guidance
from servicecodex_taobao_shop._shifts import OPENING_HOURS
from servicecodex_taobao_shop._source import cite

__all__ = [
    "AFTER_SALES_CALLBACK",
    "AFTER_SALES_RECORD",
    "CASE_RULES",
    "CATEGORIES",
    "CHANNELS",
    "CONTACT_GUIDANCE",
    "MESSAGE_CHANNELS",
    "PAYMENT_REMINDER",
    "PAYMENT_ROUND",
    "POOR_CUSTOMERS",
    "REVIEW_CHAIN",
    "REVIEW_REGISTER",
    "REVIEW_SILENCE",
    "RINGS",
    "RING_TARGET",
    "SAME_DAY_REPLIES",
    "SERVICE_HOURS",
    "SERVICE_LEVELS",
    "SURVEY",
    "WORKFLOW",
    "buyer_chases",
    "callback_register",
    "payment_reminder_day",
    "record_case",
    "reply_findings",
    "schedule_payment_reminder",
    "service_report",
]


# Channels and hours (TB-79, TB-51, TB-52) -------------------------------------------------

#: TB-79 「留言旺旺并短信發送,如48小時內無響應,進行電話溝通」: Aliwangwang, SMS, phone.
CHANNELS: tuple[sc.Channel, ...] = (sc.Channel.ONLINE_CHAT, sc.Channel.SMS, sc.Channel.PHONE)
#: The channels a buyer leaves messages on, each of which gets a reply (TB-67, TB-85); a
#: call is a conversation, answered when it is picked up (TB-45).
MESSAGE_CHANNELS: tuple[sc.Channel, ...] = (sc.Channel.ONLINE_CHAT, sc.Channel.SMS)
_TB79 = cite("TB-79", "P1 四.2(2)")

#: The clocks run 08:30–24:00 every day, from the day shift's start (TB-51 「白班
#: 8:30-18:00」) to the night shift's end (TB-52 「晚班15:30-12:00」, read 24:00, AMB-29),
#: public holidays included (the source closes no day).
SERVICE_HOURS = sc.BusinessHours.daily(
    PROFILE.timezone,
    [sc.OpeningWindow(*OPENING_HOURS)],
    calendar=PROFILE.calendar,
    holidays_open=True,
    cite=cite("TB-51", "P1 二.1"),
)

# Targets (TB-45) ----------------------------------------------------------------------------

#: TB-45: 「電話響起超過五聲未接」: the phone is picked up by the 5th ring.
RINGS = 5
#: TB-45 as a target: within 5 rings; a later answer is an ``unanswered-rings`` violation.
RING_TARGET = sc.ResponseTarget(
    sc.Channel.PHONE, cite("TB-45", "P2 2.4)"), rings=RINGS, violation=UNANSWERED_RINGS
)

_TB85 = cite("TB-85", "P2 二(三).9")
#: TB-85 「做到當日工作當日完成」 (P2 二(三).9), with TB-67 「禁止不回復」 and TB-68 (a
#: message left overnight is the next day's first task): replies by the close of the shop's
#: day, 24:00.  A case opened by a Wangwang message or an SMS gets its first reply that
#: day; every buyer's message after a reply, on any channel, its next reply.  A case
#: opened by a call was answered when the call was picked up (TB-45), so the phone has
#: no first-reply target.  No violation code: the source fines nothing for it.
SAME_DAY_REPLIES: tuple[sc.ResponseTarget, ...] = (
    *(
        sc.ResponseTarget(channel, _TB85, first_response=sc.CLOSE_OF_DAY)
        for channel in MESSAGE_CHANNELS
    ),
    sc.ResponseTarget(None, _TB85, next_response=sc.CLOSE_OF_DAY),
)

# Case categories and playbooks (TB-70 … TB-75, TB-77 … TB-80) ------------------------------

#: Resolutions P1 四.1 names: 「轉入現金補償,退貨及換貨流程」.
_RESOLUTIONS = ("compensate", "return", "exchange")


def _step(
    id: str,
    en: str,
    zh_hant: str,
    citation: sc.Citation,
    options: Sequence[str] = (),
    required: bool = True,
) -> sc.PlaybookStep:
    return sc.PlaybookStep(id, sc.Text.hant(en, zh_hant), citation, tuple(options), required)


def _apologise(citation: sc.Citation, required: bool = True) -> sc.PlaybookStep:
    return _step("apologise", "apologise to the buyer", "向買家道歉", citation, required=required)


def _resolve(citation: sc.Citation, required: bool = True) -> sc.PlaybookStep:
    return _step(
        "resolve",
        "cash compensation, return or exchange",
        "現金補償、退貨或換貨",
        citation,
        _RESOLUTIONS,
        required,
    )


def _read_chat(citation: sc.Citation) -> sc.PlaybookStep:
    return _step("read-chat", "read the chat log", "查詢聊天記錄", citation)


def _photos(citation: sc.Citation, required: bool = True) -> sc.PlaybookStep:
    return _step("photos", "ask the buyer for photos", "要求買家拍照", citation, required=required)


_TB70 = cite("TB-70", "P1 四.1(1)")
_TB71 = cite("TB-71", "P1 四.1(2)")
_TB72 = cite("TB-72", "P1 四.1(3)")
_TB73 = cite("TB-73", "P1 四.1(4)")
_TB74 = cite("TB-74", "P1 四.1(5)")
_TB75 = cite("TB-75", "P1 四.1(6)")
_TB78 = cite("TB-78", "P1 四.2(1)")

#: TB-70 與想象不符: apologise, explain performance and value; if that fails, resolve.
NOT_AS_EXPECTED = sc.CaseCategory(
    "not-as-expected",
    sc.Text.hant("Not as expected", "與想象不符"),
    _TB70,
    (
        _apologise(_TB70),
        _step(
            "explain",
            "explain the product's performance and value",
            "詳細介紹產品性能與性價",
            _TB70,
        ),
        _resolve(_TB70, required=False),
    ),
)
#: TB-71 服務不滿意: read the chat log, record the service fault, find the buyer's real
#: intent, resolve (a pretext to return is never pointed out: ``CONTACT_GUIDANCE``).
UNHAPPY_WITH_SERVICE = sc.CaseCategory(
    "service",
    sc.Text.hant("Unhappy with the service", "服務不滿意"),
    _TB71,
    (
        _read_chat(_TB71),
        _step("record-fault", "record the service fault", "記錄服務所在問題", _TB71),
        _step("intent", "find the buyer's real intent", "掌握買家真實想法", _TB71),
        _resolve(_TB71),
    ),
)
#: TB-72 少發貨缺貨: apologise; check the chat log, the quantity, split parcels and staff
#: error; reship either way; at fault: a low-threshold coupon too; shipped right: photos
#: first.
SHORT_SHIPMENT = sc.CaseCategory(
    "short-shipment",
    sc.Text.hant("Short shipment or missing item", "少發貨缺貨"),
    _TB72,
    (
        _apologise(_TB72),
        _step(
            "check-order",
            "check the chat log, the order quantity, split-parcel numbers and staff error",
            "核查聊天記錄,訂單數量,是否有分包單號,員工是否失誤",
            _TB72,
        ),
        _photos(_TB72, required=False),
        _step("reship", "register and reship", "登記補發", _TB72),
        _step(
            "coupon",
            "a low-threshold shop coupon (when the shop was at fault)",
            "發放店鋪低門檻優惠券(責任在我時)",
            _TB72,
            required=False,
        ),
    ),
)
#: TB-73 到貨延遲: pull the logistics details, find the cause (late dispatch, address or
#: contact incomplete, the courier), chase the courier, apologise and explain, tell the
#: buyer first and follow up.
LATE_DELIVERY = sc.CaseCategory(
    "late-delivery",
    sc.Text.hant("Late delivery", "到貨延遲"),
    _TB73,
    (
        _step("logistics", "pull the order's logistics details", "調出訂單詳細物流信息", _TB73),
        _step(
            "cause",
            "find the cause",
            "查明原因",
            _TB73,
            ("late-dispatch", "incomplete-address", "courier"),
        ),
        _step("chase-courier", "chase the courier", "快遞催單", _TB73),
        _step("apologise", "apologise and explain", "道歉及靈活解釋", _TB73),
        _step("tell-buyer", "tell the buyer first", "第一時間告訴買家", _TB73),
        _step("follow-up", "follow up", "主動跟進", _TB73),
    ),
)
#: TB-74 運輸破損: signed for: photo evidence, then compensate, return or exchange; not
#: signed for: agree a reshipment and have the courier verify and return the parcel.
TRANSIT_DAMAGE = sc.CaseCategory(
    "transit-damage",
    sc.Text.hant("Damaged in transit", "運輸破損"),
    _TB74,
    (
        _step(
            "signed",
            "check whether the buyer signed for it",
            "確認買家是否簽收",
            _TB74,
            ("signed", "not-signed"),
        ),
        _photos(_TB74, required=False),
        _resolve(_TB74, required=False),
        _step("reship", "agree a reshipment", "與客戶協商處理補發", _TB74, required=False),
        _step(
            "courier",
            "have the courier verify and return it",
            "聯繫快遞求證、退回",
            _TB74,
            required=False,
        ),
    ),
)
#: TB-75 質量問題: the buyer's photos and the fault, the on-duty agent's judgement; once
#: confirmed, apologise and resolve.
QUALITY_PROBLEM = sc.CaseCategory(
    "quality",
    sc.Text.hant("Quality problem", "質量問題"),
    _TB75,
    (
        _step("photos", "ask for photos and the fault", "買家提供照片及質量問題所在", _TB75),
        _step(
            "judge", "judge the fault", "當班客服做好判斷", _TB75, ("confirmed", "not-confirmed")
        ),
        _apologise(_TB75, required=False),
        _resolve(_TB75, required=False),
    ),
)
#: TB-77 … TB-80 中差評: found in the review tool (TB-77), registered (TB-78), read the chat
#: and the transaction, then TB-79's chain (:data:`REVIEW_CHAIN`), the handling and its
#: outcome recorded for the Monday meeting (TB-80).
NEGATIVE_REVIEW = sc.CaseCategory(
    "negative-review",
    sc.Text.hant("Neutral or negative review", "中差評"),
    _TB78,
    (
        _step("register", "enter it in the review register", "登記中差評記錄表", _TB78),
        _read_chat(_TB79),
        _step("details", "learn the transaction's details", "了解客戶交易細節", _TB79),
        _step("wangwang", "leave a Wangwang message", "留言旺旺", _TB79),
        _step("sms", "send an SMS", "短信發送", _TB79),
        _step(
            "phone",
            "phone the buyer (no response within 48 hours)",
            "電話溝通(48小時內無響應)",
            _TB79,
            required=False,
        ),
    ),
)
#: The categories, after-sales first in P1 四.1's order, then the review.
CATEGORIES: tuple[sc.CaseCategory, ...] = (
    NOT_AS_EXPECTED,
    UNHAPPY_WITH_SERVICE,
    SHORT_SHIPMENT,
    LATE_DELIVERY,
    TRANSIT_DAMAGE,
    QUALITY_PROBLEM,
    NEGATIVE_REVIEW,
)

# Workflow and case rules (TB-76, TB-84, TB-85) ------------------------------------------------

_TB76 = cite("TB-76", "P1 四.1(7)")
#: Receive (接待) → handle (處理) → record (記錄); a case closes with the detailed record
#: TB-76 asks for: 「值班客服必須進行詳情記錄」.
WORKFLOW = sc.Workflow(
    (
        sc.WorkflowStep("receive", sc.Text.hant("receive", "接待")),
        sc.WorkflowStep("handle", sc.Text.hant("handle", "處理")),
        sc.WorkflowStep("record", sc.Text.hant("record", "記錄")),
    ),
    _TB76,
    summary_cite=_TB76,
)
#: TB-84 「自己無法解決的求助同事或客服主管」: a transfer to a colleague, with its reason;
#: TB-85 「日常工作中出現非正常問題,必須及時向客服主管請示和匯報」: an abnormal issue is a
#: major matter, reported to the CS supervisor at once (open the case with ``major=True``).
CASE_RULES = sc.CaseRules(
    CHANNELS,
    CATEGORIES,
    WORKFLOW,
    transfer=cite("TB-84", "P2 二(二).4"),
    major=cite("TB-85", "P2 二(三).7"),
)

# Escalation (TB-79) ------------------------------------------------------------------------

#: TB-79 「如48小時內無響應」.
REVIEW_SILENCE = dt.timedelta(hours=48)
#: TB-79: a Wangwang message and an SMS, then, if the buyer has not responded within 48
#: hours, a phone call.  No step has a deadline of its own (「優先處理」 gives none).
REVIEW_CHAIN = sc.EscalationChain(
    "negative-review",
    sc.Text.hant("Review follow-up", "中差評處理"),
    _TB79,
    (NEGATIVE_REVIEW.id,),
    (
        sc.EscalationStep(sc.Text.hant("Wangwang message", "留言旺旺"), (sc.Channel.ONLINE_CHAT,)),
        sc.EscalationStep(sc.Text.hant("SMS", "短信發送"), (sc.Channel.SMS,)),
        sc.EscalationStep(
            sc.Text.hant("phone call", "電話溝通"),
            (sc.Channel.PHONE,),
            after=REVIEW_SILENCE,
            unless_answered=True,
            clock=sc.Clock.CALENDAR,
        ),
    ),
)

# Callbacks and survey (TB-69, TB-29) --------------------------------------------------------

#: TB-69 「每天下午16.00對未付款訂單進行催付」: the daily payment round's hour.
PAYMENT_ROUND = dt.time(16)
#: TB-69: an unpaid order is reminded in the 16:00 round of the day it falls in
#: (:func:`payment_reminder_day`), once: the order is flagged and annotated so the buyer
#: is not harassed.
PAYMENT_REMINDER = sc.CallbackRule(
    "payment-reminder",
    sc.Text.hant("Payment reminder", "催付"),
    cite("TB-69", "P1 三.4"),
    sc.CallbackKind.AFTER,
)
#: TB-29 「客戶回訪滿意度」: the after-sales callback whose satisfaction is scored.  The
#: source gives no day; it is made the day the case closes (TB-85 「當日工作當日完成」).
AFTER_SALES_CALLBACK = sc.CallbackRule(
    "after-sales-callback",
    sc.Text.hant("After-sales callback", "售後回訪"),
    cite("TB-29", "P3b (c)"),
    sc.CallbackKind.AFTER,
)
#: TB-29: satisfaction with the callback, 1 to 5 (the core's scale: the source gives
#: none), feeding the appraisal criterion ``callback-satisfaction`` (30 points).
SURVEY = sc.Survey(
    (
        sc.SurveyDimension(
            "satisfaction", sc.Text.hant("Satisfaction with the callback", "回訪滿意度")
        ),
    ),
    cite("TB-29", "P3b (c)"),
    criterion="callback-satisfaction",
)

# Registers (TB-76, TB-78, TB-80, TB-82) ---------------------------------------------------------


def _field(
    id: str,
    en: str,
    zh_hant: str,
    kind: sc.FieldKind,
    required: bool = True,
    choices: Sequence[sc.RegisterChoice] = (),
) -> sc.RegisterField:
    return sc.RegisterField(id, sc.Text.hant(en, zh_hant), kind, required, tuple(choices))


#: TB-78 「建議中差評記錄表格。表格內容:時間,旺旺id,聯系電話,購買物品,評價內容,嚴重程度,處理
#: 狀態,進展情況」.  時間 is the entry's moment (when the review was left); the Wangwang id
#: is the buyer's and masked like a name; 嚴重程度 is severe or ordinary (TB-79 handles
#: 「評價嚴重的」 first; the source names no other levels); the progress may be filled in
#: later.
REVIEW_REGISTER = sc.RegisterSpec(
    "reviews",
    sc.Text.hant("Neutral and negative reviews", "中差評記錄表"),
    (
        _field("wangwang", "Wangwang id", "旺旺id", sc.FieldKind.NAME),
        _field("phone", "Phone", "聯繫電話", sc.FieldKind.PHONE),
        _field("item", "Item bought", "購買物品", sc.FieldKind.TEXT),
        _field("review", "Review", "評價內容", sc.FieldKind.TEXT),
        _field(
            "severity",
            "Severity",
            "嚴重程度",
            sc.FieldKind.CHOICE,
            choices=(
                sc.RegisterChoice("severe", sc.Text.hant("severe", "嚴重")),
                sc.RegisterChoice("ordinary", sc.Text.hant("ordinary", "一般")),
            ),
        ),
        _field("status", "Handling status", "處理狀態", sc.FieldKind.TEXT),
        _field("progress", "Progress", "進展情況", sc.FieldKind.TEXT, required=False),
    ),
    _TB78,
)

_AFTER_SALES_CHOICES = tuple(sc.RegisterChoice(c.id, c.name) for c in CATEGORIES)
#: TB-76 「以上所有問題,值班客服必須進行詳情記錄,并與周日提交與客服主管,作為周一例會內容」 and
#: TB-80 (the reviews' handling and outcome, the Monday meeting's main item): one line per
#: closed case, dated when it closed; the week's lines (Monday to Sunday) are handed to the
#: CS supervisor on Sunday: ``register.report("week", …, by="category")``.  Fill it with
#: :func:`record_case`.
AFTER_SALES_RECORD = sc.RegisterSpec(
    "after-sales",
    sc.Text.hant("After-sales record", "售後記錄"),
    (
        _field("case", "Case", "工單", sc.FieldKind.TEXT),
        _field("category", "Category", "類別", sc.FieldKind.CHOICE, choices=_AFTER_SALES_CHOICES),
        _field("buyer", "Buyer", "買家", sc.FieldKind.NAME),
        _field("details", "Details", "詳情", sc.FieldKind.TEXT),
        _field("agent", "On-duty agent", "值班客服", sc.FieldKind.TEXT),
    ),
    _TB76,
)
#: TB-82 「對劣質客戶加以區分并上報客服主管,由客服主管確認并備案記錄」: the supervisor's record
#: of the buyers agents flagged and the supervisor confirmed.
POOR_CUSTOMERS = sc.RegisterSpec(
    "poor-customers",
    sc.Text.hant("Poor-quality customers", "劣質客戶備案"),
    (
        _field("wangwang", "Wangwang id", "旺旺id", sc.FieldKind.NAME),
        _field("reason", "Reason", "原因", sc.FieldKind.TEXT),
        _field("reported_by", "Reported by", "上報客服", sc.FieldKind.TEXT),
        _field("confirmed_by", "Confirmed by", "確認主管", sc.FieldKind.TEXT),
    ),
    cite("TB-82", "P2 二(二).9"),
)


def record_case(register: sc.Register, case: sc.Case) -> sc.Register:
    """*register* (of :data:`AFTER_SALES_RECORD`) with *case*'s line added: dated when the
    case closed, its category, the buyer, its record (the summary) and its owner
    (TB-76).  Only a closed case has its record."""
    if register.spec != AFTER_SALES_RECORD:
        raise sc.ValidationError("register", register.spec.id, "not the after-sales record")
    if case.closed_at is None:
        raise sc.ValidationError("case", case.id, "not closed yet: its record is its summary")
    return register.add(
        case.closed_at,
        case=case.id,
        category=case.category.id,
        buyer=case.customer,
        details=case.summary,
        agent=case.owner,
    )


# The policy ------------------------------------------------------------------------------------

#: The shop's service levels: the channels, the hours, TB-45's rings and TB-85's same-day
#: replies, the cases, TB-79's chain, the payment reminder and the callback, TB-29's
#: survey and the three registers.
SERVICE_LEVELS = sc.ServiceLevelPolicy(
    CHANNELS,
    _TB79,
    (RING_TARGET, *SAME_DAY_REPLIES),
    hours=SERVICE_HOURS,
    cases=CASE_RULES,
    escalations=(REVIEW_CHAIN,),
    callbacks=(PAYMENT_REMINDER, AFTER_SALES_CALLBACK),
    survey=SURVEY,
    registers=(REVIEW_REGISTER, AFTER_SALES_RECORD, POOR_CUSTOMERS),
)


def callback_register() -> sc.CallbackRegister:
    """An empty register of the shop's callbacks (payment reminders, after-sales
    callbacks) in Asia/Shanghai."""
    return sc.CallbackRegister(PROFILE.timezone, SERVICE_LEVELS.callbacks)


def payment_reminder_day(ordered_at: dt.datetime) -> pendulum.Date:
    """The day whose 16:00 round reminds an order placed at *ordered_at* and still unpaid:
    that day before 16:00, the next day from 16:00 on (TB-69).

    >>> payment_reminder_day(pendulum.datetime(2026, 3, 2, 15, 59, tz="Asia/Shanghai"))
    Date(2026, 3, 2)
    >>> payment_reminder_day(pendulum.datetime(2026, 3, 2, 16, tz="Asia/Shanghai"))
    Date(2026, 3, 3)
    """
    local = sc.instant(ordered_at, "ordered_at").in_timezone(PROFILE.timezone)
    day = local.date()
    return day if local.time() < PAYMENT_ROUND else day.add(days=1)


def schedule_payment_reminder(
    register: sc.CallbackRegister, buyer: str, ordered_at: dt.datetime
) -> sc.CallbackRegister:
    """*register* with *buyer*'s payment reminder scheduled for the round that follows
    *ordered_at* (:func:`payment_reminder_day`).  A buyer is reminded once a day: a second
    unpaid order that day is the same reminder (DuplicateCallbackError)."""
    return register.schedule(PAYMENT_REMINDER, buyer, payment_reminder_day(ordered_at))


# The report (TB-45, TB-67, TB-68, TB-79, TB-85) -----------------------------------------------


def service_report(
    case: sc.Case, at: dt.datetime, policy: sc.ServiceLevelPolicy = SERVICE_LEVELS
) -> sc.SlaReport:
    """What *case* has due, met and breached at *at* under *policy* (the shop's by
    default): ``policy.report(case, at)``, TB-45's rings, TB-85's same-day replies
    (:data:`SAME_DAY_REPLIES`, core :data:`servicecodex.CLOSE_OF_DAY` targets) and
    TB-79's chain.  The same-day items carry no violation code: the source fines nothing
    for them."""
    return policy.report(case, at)


# Checks for people (TB-67, TB-73) ------------------------------------------------------------

_TB67 = cite("TB-67", "P1 三.2")
_ONE_CHARACTER = sc.Text.hant(
    "case {case}: the reply of {at} by {agent} is a one-character reply: “{reply}”",
    "工單{case}：{agent}於{at}的回復為單字回復：「{reply}」",
)
_CHASED = sc.Text.hant(
    "case {case}: the buyer had to ask again at {at}, with no word from the shop since {since}",
    "工單{case}：買家於{at}再次催促，自{since}起店鋪未主動告知",
)


def _letters(text: str) -> str:
    """*text* without spaces, punctuation and symbols."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def reply_findings(case: sc.Case, at: dt.datetime) -> list[sc.Reason]:
    """TB-67 「禁止不回復或者單字回復」: each reply on Wangwang or SMS up to *at* whose
    content is one character or none once spaces and punctuation are dropped ("嗯", "好!",
    "?").  A reply recorded without its content is not judged.  (A message left without a
    reply is :func:`service_report`'s.)  The reply is quoted masked."""
    when = sc.instant(at, "at")
    found = []
    for contact in case.contacts:
        if (
            contact.at > when
            or contact.direction is not sc.Direction.OUTBOUND
            or contact.channel not in MESSAGE_CHANNELS
            or not contact.content.strip()
        ):
            continue
        if len(_letters(contact.content)) <= 1:
            found.append(
                sc.Reason(
                    _TB67,
                    _ONE_CHARACTER,
                    {
                        "case": case.id,
                        "at": contact.at,
                        "agent": contact.agent,
                        "reply": sc.mask_text(contact.content.strip(), known=(case.customer,)),
                    },
                )
            )
    return found


def buyer_chases(case: sc.Case, at: dt.datetime) -> list[sc.Reason]:
    """TB-73 「一定第一時間告訴買家,主動跟進,決不允許買家再三催促」 for a late delivery: each
    time up to *at* the buyer contacted the shop again with no contact from the shop since
    their previous one.  The plugin reads the rule strictly: the shop tells first, so
    every such chase is listed, not only the third."""
    when = sc.instant(at, "at")
    if case.category.id != LATE_DELIVERY.id:
        return []
    found = []
    previous: pendulum.DateTime | None = None
    for contact in case.contacts:
        if contact.at > when:
            break
        if contact.direction is sc.Direction.OUTBOUND:
            previous = None
            continue
        if previous is not None:
            found.append(
                sc.Reason(
                    _TB73,
                    _CHASED,
                    {"case": case.id, "at": contact.at, "since": previous},
                )
            )
        previous = contact.at
    return found


# Guidance (TB-66 … TB-93) --------------------------------------------------------------------


def _guide(en: str, zh_hant: str, rule_id: str, clause: str) -> Guidance:
    return Guidance(sc.Text.hant(en, zh_hant), cite(rule_id, clause))


#: The contact rules that are for people, not checks, in the source's order.
CONTACT_GUIDANCE: tuple[Guidance, ...] = (
    _guide(
        "Know every product's models, colours and specifications, and read the product details and the shop's current promotions",
        "對公司產品及型號、顏色、規格必須熟練掌握,仔細閱讀公司產品詳情和店鋪活動內容",
        "TB-66",
        "P1 三.1",
    ),
    _guide(
        "The first task on logging in for duty each day: check for buyers' messages and issues to follow up",
        "每天登號值班第一件事:查件有無客戶留言與需要追蹤問題",
        "TB-68",
        "P1 三.3",
    ),
    _guide(
        "If the buyer uses a pretext to return the goods, never point it out",
        "如買家找理由退貨,切勿指出",
        "TB-71",
        "P1 四.1(2)",
    ),
    _guide(
        "The after-sales agent checks the review tool (好評助手) at a fixed time every day",
        "售後客服每日定時查詢好評助手",
        "TB-77",
        "P1 四.2(1)",
    ),
    _guide(
        "Severe reviews are handled first",
        "評價嚴重的優先處理",
        "TB-79",
        "P1 四.2(2)",
    ),
    _guide(
        "The Monday meeting reviews the handling and outcomes and updates the after-sales flows, message norms, scripts and communication skills",
        "記錄好處理流程及結果,作為周一例會主要內容,對已有的售後處理流程、留言規範、話術技巧及溝通技巧進行完善更新",
        "TB-80",
        "P1 四.2(3)",
    ),
    _guide(
        "React to a buyer's inquiry at the first moment, and thank the buyer at the end of each conversation",
        "對客戶的詢問第一時間做出快速反應;在洽談結束時表示感謝",
        "TB-81",
        "P2 二(二).5, .7",
    ),
    _guide(
        "Flag poor-quality customers to the CS supervisor, who confirms and records them",
        "對劣質客戶加以區分并上報客服主管,由客服主管確認并備案記錄",
        "TB-82",
        "P2 二(二).9",
    ),
    _guide(
        "Complete stock-out in the system promptly and annotate orders correctly, so that no wrong goods are sent",
        "及時完成產品的出庫工作;及時正確的做好備注工作,避免發錯貨的情況",
        "TB-83",
        "P2 二(二).10–11",
    ),
    _guide(
        "The after-sales agent reports monthly to the CS supervisor and finishes each day's work the same day",
        "負責每月定期向客服主管提交所擔任工作的匯報、分析;做到當日工作當日完成",
        "TB-85",
        "P2 二(三).7, .9",
    ),
    _guide(
        "The supervisor reports monthly to the marketing vice general manager",
        "負責每月定期向營銷副總經理提交所管轄工作的匯報、分析和提出措施",
        "TB-86",
        "P2 二(一).7",
    ),
    _guide(
        "Never leave Wangwang for long without setting it to away (掛起), never go invisible, never put a password on the computer",
        "嚴禁長時間離開旺旺不掛起、旺旺隱身、電腦設置密碼",
        "TB-93",
        "P1 五.6",
    ),
)
