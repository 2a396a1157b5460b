"""The handbook's contacts, service levels, callbacks and records (EH-01 … EH-26).

* **Channels and hours** (服务途径, 服务时间): landline, mobile, email, fax, SMS, the QQ/MSN
  chat platform and the website (EH-02), 7×24 (EH-03).
* **Service levels** (服务水平): a customer's question has its first answer within 24 hours
  (EH-04, AMB-51), every email is answered within 24 hours (EH-06), a complaint is fully
  handled within 48 hours (EH-05).  No breach is fined: the handbook ties none of them to
  a deduction item.
* **Cases** (规章制度 一 首问制和专人负责制): the service types of EH-01, the duties of EH-19
  and the major matters of EH-11 and EH-16 are the case categories; the first person
  asked owns the case (EH-07), records it (EH-08), completes it in one go where it can
  (EH-09), or registers it and hands it over with a reason (EH-10), answers a
  colleague's ringing phone for them (EH-14), and reports a major matter to the
  department supervisor at once (EH-11, EH-16).  The internal customers a case is handed
  to are EH-20's departments.
* **Callbacks**: each brand account is called back once a calendar month (EH-13,
  AMB-51); every December each customer gets a New Year gift and is asked about next
  year's demand (EH-15).
* **Registers** with the fields each rule names: the brand callback file (EH-13),
  requests to superiors, level by level (EH-16, EH-17, AMB-45), the supervisor's
  instructions (EH-18), fault reports and repair appointments (EH-20), incident reports
  (EH-21), reports by type (EH-22), weekly plans and summaries, due before 10:00 every
  Friday (EH-23, AMB-46), shipping lists (EH-24), freight (EH-25) and the confidential
  customer files (EH-26).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import pendulum

import servicecodex as sc

__all__ = [
    "BRAND_CALLBACK",
    "CALLBACK_FILE",
    "CALLBACK_RULES",
    "CASE_CATEGORIES",
    "CASE_RULES",
    "CASE_WORKFLOW",
    "CHANNELS",
    "COLLEAGUE_CALL",
    "COMPLAINT",
    "COMPLAINT_RESOLUTION",
    "CUSTOMER_FILES",
    "DEPARTMENTS",
    "EMAIL_RESPONSE",
    "FIRST_ANSWER",
    "FREIGHT",
    "HOME_DEPARTMENT",
    "INCIDENT_REPORTS",
    "INCIDENT_REPORT_STEP",
    "INSTRUCTIONS",
    "MAJOR_CATEGORIES",
    "NEW_YEAR_GIFTS",
    "OVERSTEPPING",
    "RECORD_STEP",
    "REGISTERS",
    "REPAIRS",
    "REPORTS",
    "REQUESTS",
    "SERVICE_HOURS",
    "SERVICE_LEVELS",
    "SETTLE_STEP",
    "SHIPMENTS",
    "TIMEZONE",
    "WEEKLY_PLANS",
    "WEEKLY_PLAN_DAY",
    "WEEKLY_PLAN_HOUR",
    "callback_register",
    "hand_over",
    "pass_to_colleague",
    "request_review",
    "schedule_brand_callbacks",
    "schedule_new_year_gifts",
    "service_levels",
    "weekly_plan_check",
    "weekly_plan_due",
]

#: A citation of *clause* of the handbook (003), as in the rest of the plugin.
_cite = sc.Source("003")
#: The department's timezone (the profile's: a mainland-China manufacturer).
TIMEZONE = "Asia/Shanghai"


# Channels, hours and service levels (EH-02 … EH-06) ----------------------------------------

_EH02 = _cite("EH-02", "服务途径")
#: EH-02 「固定电话、移动电话、电子邮件、传真、手机短信、QQMSN交流平台、网站平台」: landline and
#: mobile are both the phone; the QQ/MSN chat platform is QQ (the core has no MSN, which
#: closed in 2014 in China).
CHANNELS: tuple[sc.Channel, ...] = (
    sc.Channel.PHONE,
    sc.Channel.EMAIL,
    sc.Channel.FAX,
    sc.Channel.SMS,
    sc.Channel.QQ,
    sc.Channel.WEBSITE,
)

_EH03 = _cite("EH-03", "服务时间")
#: EH-03 「7×24小时」: open around the clock, holidays included.
SERVICE_HOURS = sc.BusinessHours.always(TIMEZONE, cite=_EH03)

_HOURS_24 = _dt.timedelta(hours=24)
#: EH-04 「客户回复24小时内解答」: the first answer within 24 hours of the question, on every
#: channel (AMB-51: the first answer; later answers have no target but email's).
FIRST_ANSWER = sc.ResponseTarget(None, _cite("EH-04", "服务水平"), first_response=_HOURS_24)
#: EH-06 「所有电子邮件在24小时内回复」: every email, the first and each later one, answered
#: within 24 hours.
EMAIL_RESPONSE = sc.ResponseTarget(
    sc.Channel.EMAIL,
    _cite("EH-06", "服务水平"),
    first_response=_HOURS_24,
    next_response=_HOURS_24,
)
#: The complaint category (投诉受理, EH-01).
COMPLAINT = "complaint"
#: EH-05 「投诉48小时之内处理完成」: a complaint case closed within 48 hours of opening.
COMPLAINT_RESOLUTION = sc.ResponseTarget(
    None,
    _cite("EH-05", "服务水平"),
    resolution=_dt.timedelta(hours=48),
    category=COMPLAINT,
)


# Cases (EH-01, EH-07 … EH-11, EH-14, EH-16, EH-19 … EH-21) ---------------------------------

_EH07 = _cite("EH-07", "规章制度 一.1")
_EH10 = _cite("EH-10", "规章制度 一.4")
_EH11 = _cite("EH-11", "规章制度 一.5")

#: EH-08 「对要办理的业务、反映的问题或提出的要求要认真做好记录」: every case is recorded.
RECORD_STEP = sc.PlaybookStep(
    "record",
    sc.Text.hans("record the business, issue or request carefully", "认真记录业务、问题或要求"),
    _cite("EH-08", "规章制度 一.2"),
)
#: EH-09 「能够一次办结的事项,必须一次办结」, or EH-10 「认真登记,然后及时移交相关责任人」: a
#: case is settled in one go, or registered to be handed over (then :func:`hand_over`).
SETTLE_STEP = sc.PlaybookStep(
    "settle",
    sc.Text.hans("complete it in one go, or register it for handover", "一次办结，或登记后移交"),
    _cite("EH-09", "规章制度 一.3–4"),
    options=("one-go", "register-and-hand-over"),
)
#: EH-21 「将事故造成的影响、处理情况、原因分析、采取的纠正预防措施等及时写成报告交给部门主管,
#: 并存档保留」: the incident report of a major error or accident.
INCIDENT_REPORT_STEP = sc.PlaybookStep(
    "incident-report",
    sc.Text.hans(
        "report the incident to the supervisor (impact, handling, cause, corrective and "
        "preventive action) and archive it",
        "将事故的影响、处理情况、原因分析、纠正预防措施写成报告交部门主管并存档",
    ),
    _cite("EH-21", "规章制度 三 报告制度"),
)
_PLAYBOOK = (RECORD_STEP, SETTLE_STEP)

#: (id, English, source wording, rule, clause), EH-01's service types in its order, then
#: EH-19's duties a customer asks about.
_ORDINARY: tuple[tuple[str, str, str, str, str], ...] = (
    ("business", "business handling", "业务处理", "EH-01", "提供何种服务"),
    ("fault-report", "fault report", "故障申告", "EH-01", "提供何种服务"),
    (COMPLAINT, "complaint", "投诉受理", "EH-01", "提供何种服务"),
    ("technical-support", "technical support", "技术支持", "EH-01", "提供何种服务"),
    ("callback", "customer callback", "客户回访", "EH-01", "提供何种服务"),
    ("proactive-care", "proactive care", "主动关怀", "EH-01", "提供何种服务"),
    ("data-update", "customer-data update", "客户资料更新", "EH-01", "提供何种服务"),
    ("market-survey", "market survey", "市场调查", "EH-01", "提供何种服务"),
    ("order-tracking", "order production tracking", "订单跟踪", "EH-19", "客户服务部职责"),
    ("delivery", "delivery to the destination", "物流到货", "EH-19", "客户服务部职责"),
    (
        "pre-installation-training",
        "pre-installation training",
        "安装前培训",
        "EH-19",
        "客户服务部职责",
    ),
)
#: (id, English, source wording, rule, clause, incident report), the major matters.
_MAJOR: tuple[tuple[str, str, str, str, str, bool], ...] = (
    (
        "major-matter",
        "major department or company matter",
        "部门或公司重大事项",
        "EH-11",
        "规章制度 一.5",
        False,
    ),
    ("major-error", "major error", "重大差错", "EH-16", "规章制度 四 请示制度 1", True),
    ("accident", "accident", "事故", "EH-16", "规章制度 四 请示制度 1", True),
)

#: EH-11, EH-16: major matters, escalated to the department supervisor at once (no
#: deadline in hours: 「立即」 gives none, AMB-05); a major error or an accident has its
#: incident report (EH-21).
MAJOR_CATEGORIES: tuple[sc.CaseCategory, ...] = tuple(
    sc.CaseCategory(
        category_id,
        sc.Text.hans(en, zh),
        _cite(rule_id, clause),
        playbook=(*_PLAYBOOK, INCIDENT_REPORT_STEP) if report else _PLAYBOOK,
        major=True,
    )
    for category_id, en, zh, rule_id, clause, report in _MAJOR
)
#: Every category: EH-01's service types, EH-19's duties, the major matters; each has the
#: playbook record (EH-08), settle (EH-09, EH-10).
CASE_CATEGORIES: tuple[sc.CaseCategory, ...] = (
    *(
        sc.CaseCategory(
            category_id, sc.Text.hans(en, zh), _cite(rule_id, clause), playbook=_PLAYBOOK
        )
        for category_id, en, zh, rule_id, clause in _ORDINARY
    ),
    *MAJOR_CATEGORIES,
)

#: 规章制度 一 首问制和专人负责制: the first responsible person receives the customer, then
#: handles the matter; the case closes from handling, with no written summary.
CASE_WORKFLOW = sc.Workflow(
    (
        sc.WorkflowStep("receive", sc.Text.hans("receive", "接待")),
        sc.WorkflowStep("handle", sc.Text.hans("handle", "办理")),
    ),
    _cite("EH-07", "规章制度 一"),
)

#: How cases are handled: first-question ownership (EH-07), transfers with a reason
#: (EH-10), major matters to the supervisor (EH-11).
CASE_RULES = sc.CaseRules(
    CHANNELS,
    CASE_CATEGORIES,
    CASE_WORKFLOW,
    ownership=_EH07,
    transfer=_EH10,
    major=_EH11,
)

#: The department's own id, for handovers within it (EH-14).
HOME_DEPARTMENT = "customer-service"
#: EH-20 服务定位 为谁提供服务: the internal customers a case is handed over to, and the
#: department itself.
DEPARTMENTS: dict[str, sc.Text] = {
    HOME_DEPARTMENT: sc.Text.hans("Customer service department", "客户服务部"),
    "profiles": sc.Text.hans("Profiles department (sales channel)", "型材部"),
    "quality": sc.Text.hans("Quality inspection department", "质检部"),
    "production": sc.Text.hans("Production department", "生产部"),
    "research": sc.Text.hans("Research and development department", "研发部"),
    "stores": sc.Text.hans("Profile stores", "型材专卖店"),
    "management": sc.Text.hans("Senior management", "高层领导"),
}
_EH20 = _cite("EH-20", "服务定位 为谁提供服务")


def hand_over(
    case: sc.Case, to: str, department: str, reason: str, at: _dt.datetime, by: str
) -> sc.Case:
    """EH-10: hand *case* over to *to* in *department* (an id of :data:`DEPARTMENTS`,
    EH-20) with *reason*; *to* becomes the owner.

    :raises servicecodex.ValidationError: an unknown department (citing EH-20); a blank
        reason (a ``CaseError`` citing EH-10).
    """
    if department not in DEPARTMENTS:
        raise sc.ValidationError(
            "department",
            department,
            f"not a department of {_EH20.rule_id}; known: {', '.join(DEPARTMENTS)}",
        )
    return case.transfer(to, department, reason, at, by)


#: EH-14 「同事不在座位时,座机正响,要及时的帮同事接电话,记录事件交给同事」.
COLLEAGUE_CALL = _cite("EH-14", "规章制度 五.6")


def pass_to_colleague(
    case: sc.Case, colleague: str, at: _dt.datetime, by: str, note: str = ""
) -> sc.Case:
    """EH-14: the call *by* answered at *colleague*'s ringing desk phone, recorded and
    passed on: a transfer to the colleague within the department, whose reason says so
    (and *note*, if any).  Take the record step (EH-08) first."""
    reason = f"同事不在座位，代接电话并记录交给同事（{COLLEAGUE_CALL.rule_id}）"
    if note.strip():
        reason = f"{reason}：{note.strip()}"
    return case.transfer(colleague, HOME_DEPARTMENT, reason, at, by)


# Callbacks (EH-13, EH-15) ----------------------------------------------------------------

#: EH-13 「客服部服务专员对自己所负责的品牌建立回访档案 … 进行定期的电话回访,即每月回访一次」:
#: each brand account called back by phone once every calendar month (AMB-51).
BRAND_CALLBACK = sc.CallbackRule(
    "brand-callback",
    sc.Text.hans("Monthly brand callback by phone", "品牌每月电话回访"),
    _cite("EH-13", "规章制度 七.1–3"),
    sc.CallbackKind.MONTHLY,
)
#: EH-15 「客服部每年12月负责向新老客户寄送新年礼物,建立良好关系并了解客户次年的需求计划」:
#: once per customer in December.  The core's callbacks have no yearly kind: this is a
#: calendar-month rule scheduled for December only (:func:`schedule_new_year_gifts`).
NEW_YEAR_GIFTS = sc.CallbackRule(
    "new-year-gifts",
    sc.Text.hans(
        "New Year gift and next year's demand plan (every December)",
        "新年礼物与次年需求计划（每年12月）",
    ),
    _cite("EH-15", "规章制度 十一.1"),
    sc.CallbackKind.MONTHLY,
)
#: The callbacks of the policy.
CALLBACK_RULES: tuple[sc.CallbackRule, ...] = (BRAND_CALLBACK, NEW_YEAR_GIFTS)
#: EH-15's month.
_DECEMBER = 12


def callback_register(timezone: str = TIMEZONE) -> sc.CallbackRegister:
    """An empty register of the department's callbacks, in *timezone*."""
    return sc.CallbackRegister(timezone, CALLBACK_RULES)


def schedule_brand_callbacks(
    register: sc.CallbackRegister, brands: Iterable[str], month: sc.Month
) -> sc.CallbackRegister:
    """EH-13: *register* with the monthly callback of each of *brands* scheduled for
    *month*."""
    for brand in brands:
        register = register.schedule(BRAND_CALLBACK, brand, month)
    return register


def schedule_new_year_gifts(
    register: sc.CallbackRegister, customers: Iterable[str], year: int
) -> sc.CallbackRegister:
    """EH-15: *register* with the New Year gift of each of *customers*, new and existing,
    scheduled for December of *year*."""
    december = sc.Month(year, _DECEMBER)
    for customer in customers:
        register = register.schedule(NEW_YEAR_GIFTS, customer, december)
    return register


# Registers (EH-13, EH-16 … EH-18, EH-20 … EH-26) -------------------------------------------
#
# Each register has the fields its rule names; where a rule names the register and not its
# fields (EH-20's fault reports and repair appointments, EH-24's shipping lists, EH-25's
# freight), the fields are the plugin's reading of what the rule asks to be kept.


def _field(
    field_id: str,
    en: str,
    zh: str,
    kind: sc.FieldKind = sc.FieldKind.TEXT,
    *,
    required: bool = True,
    choices: Iterable[sc.RegisterChoice] = (),
) -> sc.RegisterField:
    return sc.RegisterField(
        field_id, sc.Text.hans(en, zh), kind, required=required, choices=choices
    )


def _choice(choice_id: str, en: str, zh: str) -> sc.RegisterChoice:
    return sc.RegisterChoice(choice_id, sc.Text.hans(en, zh))


_BOOLEAN, _CHOICE, _DATE = sc.FieldKind.BOOLEAN, sc.FieldKind.CHOICE, sc.FieldKind.DATE

#: EH-13 「对自己所负责的品牌建立回访档案 … 详细记录回访内容 … 总结存档」: the brand's
#: callback file, one entry per callback, its content in detail, and the summary filed.
CALLBACK_FILE = sc.RegisterSpec(
    "callback-file",
    sc.Text.hans("Callback file", "回访档案"),
    (
        _field("brand", "Brand", "品牌"),
        _field("content", "Callback content", "回访内容"),
        _field("summary", "Summary", "总结", required=False),
    ),
    _cite("EH-13", "规章制度 七.1–3"),
)

#: EH-16 「发现重大差错,事故,严重违反部门纪律问题,要向部门主管汇报及请示 … 超出本职范围以外需
#: 解决的问题,需向部门主管请示 … 请示报告要及时,准确,并根据情况提出处理意见」 and EH-17
#: (AMB-45) 「遇有紧急情况可越级进行,但事后应向部门主管汇报」: each request to a superior,
#: its matter, the handling proposed, whom it went to, and whether a level was skipped
#: (:func:`request_review` checks the skips).
REQUESTS = sc.RegisterSpec(
    "requests",
    sc.Text.hans("Requests and reports to superiors", "请示报告"),
    (
        _field(
            "matter",
            "Matter",
            "事项",
            _CHOICE,
            choices=(
                _choice("major-error", "major error", "重大差错"),
                _choice("accident", "accident", "事故"),
                _choice(
                    "discipline", "serious breach of department discipline", "严重违反部门纪律"
                ),
                _choice("beyond-remit", "beyond one's remit", "超出本职范围"),
            ),
        ),
        _field("details", "Details", "情况"),
        _field("proposal", "Handling proposed", "处理意见"),
        _field("to", "Requested of", "请示对象"),
        _field("level-skipped", "Level skipped", "越级", _BOOLEAN),
        _field("emergency", "Emergency", "紧急情况", _BOOLEAN, required=False),
        _field(
            "reported-after",
            "Supervisor told afterwards",
            "事后已向部门主管汇报",
            _BOOLEAN,
            required=False,
        ),
    ),
    _cite("EH-17", "规章制度 四 请示制度 3"),
)

#: EH-18 「对部门主管指示要详细记载,认真执行.如有不同意见可提出建议,当部门主管坚持原意应先
#: 执行,然后按组织原则向上级反映」: the supervisor's instructions, written down in detail.
INSTRUCTIONS = sc.RegisterSpec(
    "instructions",
    sc.Text.hans("Supervisor's instructions", "部门主管指示记载"),
    (
        _field("instruction", "Instruction", "指示内容"),
        _field("carried-out", "Carried out", "已执行", _BOOLEAN),
        _field("suggestion", "Suggestion made", "所提建议", required=False),
        _field("raised-upward", "Raised upward afterwards", "事后向上级反映", required=False),
    ),
    _cite("EH-18", "规章制度 四 请示制度 5"),
)

#: EH-20 「为生产部提供故障申告和维修预约登记」: the fault reports and repair appointments
#: registered for the production department.
REPAIRS = sc.RegisterSpec(
    "repairs",
    sc.Text.hans("Fault reports and repair appointments", "故障申告和维修预约登记"),
    (
        _field("customer", "Customer", "客户", sc.FieldKind.NAME),
        _field("phone", "Phone", "电话", sc.FieldKind.PHONE),
        _field("fault", "Fault", "故障"),
        _field("appointment", "Repair appointment", "维修预约", _DATE, required=False),
    ),
    _cite("EH-20", "服务定位 为谁提供服务"),
)

#: EH-21 「将事故造成的影响、处理情况、原因分析、采取的纠正预防措施等及时写成报告交给部门主管,
#: 并存档保留」: the incident report, filed.
INCIDENT_REPORTS = sc.RegisterSpec(
    "incident-reports",
    sc.Text.hans("Incident reports", "事故报告"),
    (
        _field("incident", "Incident", "事件"),
        _field("impact", "Impact", "造成的影响"),
        _field("handling", "Handling", "处理情况"),
        _field("cause", "Cause analysis", "原因分析"),
        _field("measures", "Corrective and preventive action", "纠正预防措施"),
    ),
    _cite("EH-21", "规章制度 三 报告制度"),
)

#: EH-22 「1、订单跟踪报告 2、发货报告 3、客户回访报告 4、产品质量报告 5、产品整改报告 6、其他
#: 报告等」: the department's reports, by type.
REPORTS = sc.RegisterSpec(
    "reports",
    sc.Text.hans("Reports", "报告"),
    (
        _field(
            "type",
            "Type",
            "类别",
            _CHOICE,
            choices=(
                _choice("order-tracking", "order tracking", "订单跟踪报告"),
                _choice("shipping", "shipping", "发货报告"),
                _choice("callback", "customer callback", "客户回访报告"),
                _choice("quality", "product quality", "产品质量报告"),
                _choice("rectification", "product rectification", "产品整改报告"),
                _choice("other", "other", "其他报告"),
            ),
        ),
        _field("content", "Content", "内容"),
    ),
    _cite("EH-22", "规章制度 三 报告制度 1–6"),
)

#: EH-23 「每周五上前10点前工作计划与工作小结交与部门主管」: the weekly plan and summary, one
#: entry per week (any day of it), registered when handed in (:func:`weekly_plan_check`).
WEEKLY_PLANS = sc.RegisterSpec(
    "weekly-plans",
    sc.Text.hans("Weekly work plans and summaries", "周工作计划与工作小结"),
    (
        _field("week", "Week of", "周", _DATE),
        _field("plan", "Work plan", "工作计划"),
        _field("summary", "Work summary", "工作小结"),
    ),
    _cite("EH-23", "规章制度 (缺标题) 2"),
)

#: EH-24 「发货时员工统一制作各种发货清单,及时发给相关部门与客户 … 发货及时跟踪,要知道货物的
#: 最新去向,以及到达目的地后的最终状况」: every shipment's lists, who got them, and where
#: the goods are.
SHIPMENTS = sc.RegisterSpec(
    "shipments",
    sc.Text.hans("Shipping lists", "发货清单"),
    (
        _field("order", "Order", "订单"),
        _field("lists", "Shipping lists made", "发货清单"),
        _field(
            "sent-to-departments", "Sent to the departments concerned", "已发相关部门", _BOOLEAN
        ),
        _field("sent-to-customer", "Sent to the customer", "已发客户", _BOOLEAN),
        _field("whereabouts", "Latest whereabouts", "最新去向", required=False),
        _field("final-state", "Final state at the destination", "到达后的最终状况", required=False),
    ),
    _cite("EH-24", "规章制度 六 运输发货制度 1–2"),
)

#: EH-25 「运费控制及核算,月底结算运费,回执联要回并保管」: the freight of each shipment,
#: settled at month end (a monthly report of the register), and its return receipt kept.
FREIGHT = sc.RegisterSpec(
    "freight",
    sc.Text.hans("Freight settlement", "运费结算"),
    (
        _field("shipment", "Shipment", "发货"),
        _field("freight", "Freight (yuan)", "运费（元）", sc.FieldKind.NUMBER),
        _field("receipt-kept", "Return receipt retrieved and kept", "回执联已要回并保管", _BOOLEAN),
    ),
    _cite("EH-25", "规章制度 六 运输发货制度 3"),
)

#: EH-26 「建立完整的客户与广告公司资料及时反馈客户意见及市场信息 … 保护客户资料和管理客户资料,
#: 保证客户资料的保密性」: the files of customers and advertising agencies; the name, phone
#: and address are masked in every output unless revealed.
CUSTOMER_FILES = sc.RegisterSpec(
    "customer-files",
    sc.Text.hans("Customer and advertising-agency files", "客户与广告公司资料"),
    (
        _field(
            "kind",
            "Kind",
            "类别",
            _CHOICE,
            choices=(
                _choice("customer", "customer", "客户"),
                _choice("agency", "advertising agency", "广告公司"),
            ),
        ),
        _field("name", "Name", "名称", sc.FieldKind.NAME),
        _field("phone", "Phone", "电话", sc.FieldKind.PHONE),
        _field("address", "Address", "地址", sc.FieldKind.ADDRESS, required=False),
        _field("feedback", "Opinions and market information", "客户意见及市场信息", required=False),
    ),
    _cite("EH-26", "规章制度 九.1–2"),
)

#: Every register the department keeps, in the rules' order.
REGISTERS: tuple[sc.RegisterSpec, ...] = (
    CALLBACK_FILE,
    REQUESTS,
    INSTRUCTIONS,
    REPAIRS,
    INCIDENT_REPORTS,
    REPORTS,
    WEEKLY_PLANS,
    SHIPMENTS,
    FREIGHT,
    CUSTOMER_FILES,
)

#: EH-65's deduction item, 「擅自越权、越级工作,汇报」 (3 points): what a level skipped with
#: no emergency is recorded under.
OVERSTEPPING = "overstepping-authority"
_EH17 = REQUESTS.cite


def request_review(entry: sc.RegisterEntry) -> list[sc.Reason]:
    """EH-17 (AMB-45): what is wrong with a request of :data:`REQUESTS`: a level skipped
    with no emergency (recorded as :data:`OVERSTEPPING`, EH-65), or skipped in an
    emergency and the supervisor not told afterwards.  Nothing when it went level by
    level."""
    if not isinstance(entry, sc.RegisterEntry) or entry.spec != REQUESTS:
        raise sc.ValidationError("entry", entry, f"an entry of the register {REQUESTS.id}")
    if not entry["level-skipped"]:
        return []
    facts: dict[str, object] = {"at": entry.at.in_timezone(TIMEZONE), "to": str(entry["to"])}
    if not entry["emergency"]:
        return [
            sc.Reason(
                _EH17,
                sc.Text.hans(
                    "the request of {at} to {to} skipped a level with no emergency",
                    "{at}向{to}的请示无紧急情况而越级",
                ),
                facts,
            )
        ]
    if not entry["reported-after"]:
        return [
            sc.Reason(
                _EH17,
                sc.Text.hans(
                    "the request of {at} to {to} skipped a level in an emergency; the "
                    "supervisor is still to be told",
                    "{at}向{to}的请示因紧急情况越级，尚未事后向部门主管汇报",
                ),
                facts,
            )
        ]
    return []


# The weekly plan and summary (EH-23, AMB-46) ---------------------------------------------

#: EH-23 「每周五上前10点前工作计划与工作小结交与部门主管」: Friday (weekday 4) …
WEEKLY_PLAN_DAY = 4
#: … before 10:00 local time (AMB-46: 上前 = 上午).
WEEKLY_PLAN_HOUR = 10
_EH23 = WEEKLY_PLANS.cite


def weekly_plan_due(day: _dt.date, timezone: str = TIMEZONE) -> pendulum.DateTime:
    """EH-23: when the plan and summary of the week (Monday to Sunday) holding *day* is
    due: its Friday at 10:00 in *timezone*, a public holiday or not (the handbook makes
    no exception)."""
    if isinstance(day, _dt.datetime) or not isinstance(day, _dt.date):
        raise sc.ValidationError("day", day, "expected a date")
    friday = day + _dt.timedelta(days=WEEKLY_PLAN_DAY - day.weekday())
    return pendulum.datetime(friday.year, friday.month, friday.day, WEEKLY_PLAN_HOUR, tz=timezone)


def weekly_plan_check(
    plans: sc.Register,
    week: _dt.date,
    at: _dt.datetime,
    timezone: str = TIMEZONE,
) -> tuple[sc.SlaStatus, sc.Reason]:
    """Where the weekly plan and summary of the week holding *week* stands at *at*, from
    *plans* (a register of :data:`WEEKLY_PLANS`, each entry dated when it was handed in):
    MET when handed in before Friday 10:00, BREACHED when handed in at or after it (or
    not handed in once it has passed), DUE otherwise; with a reason citing EH-23.  An
    entry dated after *at* is not handed in yet at *at*."""
    if not isinstance(plans, sc.Register) or plans.spec != WEEKLY_PLANS:
        raise sc.ValidationError("plans", plans, f"a register of {WEEKLY_PLANS.id}")
    due = weekly_plan_due(week, timezone)
    moment = sc.instant(at, "at")
    done = next(
        (
            e.at
            for e in plans
            if e.at <= moment and weekly_plan_due(_as_date(e["week"]), timezone) == due
        ),
        None,
    )
    status, late = sc.deadline_status(due, done, moment, due_included=False)
    facts: dict[str, object] = {"due": due}
    if done is not None:
        facts["done"] = done.in_timezone(timezone)
    if late is not None:
        facts["late"] = sc.whole_minutes(late)
    if status is sc.SlaStatus.MET:
        message = sc.Text.hans(
            "weekly plan and summary handed in {done}, due before {due}: on time",
            "{done}交周工作计划与小结，应于{due}前交：按时",
        )
    elif status is sc.SlaStatus.DUE:
        message = sc.Text.hans(
            "weekly plan and summary due before {due}", "周工作计划与小结应于{due}前交"
        )
    elif done is not None:
        message = sc.Text.hans(
            "weekly plan and summary handed in {done}, due before {due}: late by {late}",
            "{done}交周工作计划与小结，应于{due}前交：迟交{late}",
        )
    else:
        message = sc.Text.hans(
            "weekly plan and summary not handed in, due before {due}: late by {late}",
            "周工作计划与小结未交，应于{due}前交：已超时{late}",
        )
    return status, sc.Reason(_EH23, message, facts)


def _as_date(value: object) -> _dt.date:
    assert isinstance(value, _dt.date)  # a required date field of WEEKLY_PLANS
    return value


# The policy --------------------------------------------------------------------------------


def service_levels(timezone: str = TIMEZONE) -> sc.ServiceLevelPolicy:
    """The department's service-level policy with its clocks in *timezone*: the channels
    of EH-02, 7×24 hours (EH-03), the targets of EH-04, EH-05 and EH-06, the case rules,
    the callbacks of EH-13 and EH-15, and the registers of EH-13 … EH-26."""
    hours = SERVICE_HOURS if timezone == TIMEZONE else sc.BusinessHours.always(timezone, _EH03)
    return sc.ServiceLevelPolicy(
        CHANNELS,
        _EH02,
        (FIRST_ANSWER, EMAIL_RESPONSE, COMPLAINT_RESOLUTION),
        hours=hours,
        cases=CASE_RULES,
        callbacks=CALLBACK_RULES,
        registers=REGISTERS,
    )


#: The policy ``servicecodex_service_levels`` answers for the profile's timezone.
SERVICE_LEVELS = service_levels()
