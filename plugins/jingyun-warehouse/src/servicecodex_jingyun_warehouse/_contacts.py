"""Contacts, cases, service levels, the survey and the registers of the Jingyun Warehouse
CS centre (the catalogue's ``contact``, ``sla`` and ``record`` rules JW-11 … JW-21 and
JW-27 … JW-30).

The regulation fixes one number here, the 3 rings of JW-12; everything else is a step, a
category, a field or a deadline without a number (AMB-05), and is modelled as such:

* channels (JW-11): phone, online chat, email; the phone answered within 3 rings (JW-12);
  no business hours are stated, so the clock runs around the clock (it only matters for
  the rings, which count seconds);
* cases follow 篇3's ticket workflow (JW-15) 接單 → 分配 → 處理 → 回復 → 總結, closing with
  the customer-service report; a reply that does not resolve the problem may send the case
  back to handling (JW-17, the plugin's reading of "keep following until resolved");
* categories: an inquiry (咨詢, JW-15) whose playbook is 篇2's call flow (JW-13, with
  JW-14's recommendation optional), and the three complaint targets of JW-18 (product,
  service, staff) whose playbook is 篇2's six-step complaint flow (JW-20, AMB-04) with
  篇1's "tell the customer the complaint process" (JW-19) and JW-17's follow-up;
* JW-16 "reply at the first moment": a one-step chain with **no deadline** (AMB-05), due
  until the first reply and met by it;
* the satisfaction survey (JW-21): four dimensions feeding the appraisal criterion
  ``customer-satisfaction`` (JW-06);
* registers: the intake register (JW-15's fields: customer name, contact details,
  inquiry/complaint content), the communication record (JW-28), customer feedback
  (JW-30) and the survey's improvement measures (JW-21); the intake register is the
  archive JW-29 counts (:func:`archive_report`); personal data is masked in every output
  unless revealed (JW-27).
"""

from __future__ import annotations

from collections.abc import Iterable

import servicecodex as sc

__all__ = [
    "ARCHIVE",
    "CASE_RULES",
    "CATEGORIES",
    "CHANNELS",
    "COMMUNICATION_RECORD",
    "COMPLAINT",
    "COMPLAINT_CATEGORIES",
    "COMPLAINT_PLAYBOOK",
    "COMPLAINT_PLAYBOOK_PIAN1",
    "CONFIDENTIALITY",
    "FEEDBACK_REGISTER",
    "FIRST_REPLY",
    "IMPROVEMENT_MEASURES",
    "INQUIRY",
    "INQUIRY_PLAYBOOK",
    "INTAKE_REGISTER",
    "PHONE_RINGS",
    "REGISTERS",
    "SATISFACTION_CRITERION",
    "SERVICE_LEVELS",
    "SURVEY",
    "TICKET_WORKFLOW",
    "TRAINING_RECORD",
    "archive_report",
]

_cite = sc.Source("000")


# Channels and the rings target (JW-11, JW-12) --------------------------------------------

#: JW-11: phone, online and email CS, in 篇1 第二條's order (the list is open, "等").
CHANNELS: tuple[sc.Channel, ...] = (sc.Channel.PHONE, sc.Channel.ONLINE_CHAT, sc.Channel.EMAIL)
#: JW-12: 「電話鈴響三聲內接聽」.
PHONE_RINGS = 3
_CHANNELS_CITE = _cite("JW-11", "篇1 第二條; 篇3 第二條")
_PHONE = sc.ResponseTarget(
    sc.Channel.PHONE, _cite("JW-12", "篇2 第四條.1, 第六條.1"), rings=PHONE_RINGS
)

# Ticket workflow (JW-15, JW-17) ----------------------------------------------------------

_JW15 = _cite("JW-15", "篇3 第六條")
#: JW-15: 篇3 第六條's five steps.  The case closes from 總結 with the written summary,
#: 「形成客戶服務報告」; from 回復 it may go back to 處理 when the follow-up shows the
#: problem unresolved (JW-17 「持續跟進,確保問題得到有效解決」, the plugin's reading).
TICKET_WORKFLOW = sc.Workflow(
    (
        sc.WorkflowStep("intake", sc.Text.hant("Intake", "接單")),
        sc.WorkflowStep("assign", sc.Text.hant("Assign", "分配")),
        sc.WorkflowStep("handle", sc.Text.hant("Handle", "處理")),
        sc.WorkflowStep("reply", sc.Text.hant("Reply", "回復")),
        sc.WorkflowStep("summarise", sc.Text.hant("Summarise", "總結")),
    ),
    _JW15,
    summary_cite=_cite("JW-15", "篇3 第六條.5"),
    back={"reply": ("handle",)},
)

# Categories and playbooks (JW-13, JW-14, JW-17, JW-18, JW-19, JW-20) ---------------------

_JW13 = "篇2 第六條"
#: JW-13: 篇2 第六條's call flow after 1 接聽電話 (the rings target, JW-12, and the
#: greeting, JW-23): the steps of an inquiry.  5 (after-sales), 6 (other departments) and
#: 7 (recommendation: only without hurting the customer's experience, JW-14) are taken
#: when the inquiry calls for them, so they are not required.
INQUIRY_PLAYBOOK: tuple[sc.PlaybookStep, ...] = (
    sc.PlaybookStep(
        "understand",
        sc.Text.hant("Understand the need", "了解客戶需求"),
        _cite("JW-13", f"{_JW13}.2"),
    ),
    sc.PlaybookStep(
        "advise", sc.Text.hant("Answer and advise", "答疑解惑"), _cite("JW-13", f"{_JW13}.3")
    ),
    sc.PlaybookStep(
        "resolve", sc.Text.hant("Resolve the problem", "問題處理"), _cite("JW-13", f"{_JW13}.4")
    ),
    sc.PlaybookStep(
        "after-sales",
        sc.Text.hant("After-sales follow-up", "售後服務"),
        _cite("JW-13", f"{_JW13}.5"),
        required=False,
    ),
    sc.PlaybookStep(
        "collaborate",
        sc.Text.hant("Work with other departments", "跨部門協作"),
        _cite("JW-13", f"{_JW13}.6"),
        required=False,
    ),
    sc.PlaybookStep(
        "recommend",
        sc.Text.hant("Recommend products and services", "營銷推廣"),
        _cite("JW-14", "篇2 第四條.6, 第六條.7"),
        required=False,
    ),
    sc.PlaybookStep(
        "close",
        sc.Text.hant("Close the call", "結束通話"),
        _cite("JW-13", f"{_JW13}.8"),
    ),
)

_JW20 = "篇2 第九條"
#: JW-20 (AMB-04: 篇2's six steps, a superset of 篇1's four), with 篇1's "tell the customer
#: the complaint process" (JW-19) after receiving it and JW-17's follow-up until the
#: problem is effectively resolved before the result is reported.
COMPLAINT_PLAYBOOK: tuple[sc.PlaybookStep, ...] = (
    sc.PlaybookStep(
        "receive",
        sc.Text.hant("Receive the complaint", "接收投訴"),
        _cite("JW-20", f"{_JW20}.1"),
    ),
    sc.PlaybookStep(
        "explain-process",
        sc.Text.hant("Tell the customer the complaint process", "告知客戶投訴處理流程"),
        _cite("JW-19", "篇1 第十三條.1"),
    ),
    sc.PlaybookStep(
        "analyse", sc.Text.hant("Analyse the cause", "分析原因"), _cite("JW-20", f"{_JW20}.2")
    ),
    sc.PlaybookStep(
        "plan", sc.Text.hant("Draw up a solution", "制定解決方案"), _cite("JW-20", f"{_JW20}.3")
    ),
    sc.PlaybookStep(
        "execute", sc.Text.hant("Carry out the solution", "執行方案"), _cite("JW-20", f"{_JW20}.4")
    ),
    sc.PlaybookStep(
        "follow-up",
        sc.Text.hant("Follow up until resolved", "持續跟進"),
        _cite("JW-17", "篇3 第七條.4"),
    ),
    sc.PlaybookStep(
        "feedback",
        sc.Text.hant("Report the result", "反饋結果"),
        _cite("JW-20", f"{_JW20}.5"),
    ),
    sc.PlaybookStep(
        "lessons", sc.Text.hant("Sum up the experience", "總結經驗"), _cite("JW-20", f"{_JW20}.6")
    ),
)

_JW19 = "篇1 第十三條"
#: JW-19, an alternative to the hook's complaint playbook: 篇1's four steps, each covered
#: by the six of JW-20 (接收 = receive; 分析 = analyse + plan; 解決 = execute; 反饋 =
#: feedback).
COMPLAINT_PLAYBOOK_PIAN1: tuple[sc.PlaybookStep, ...] = (
    sc.PlaybookStep(
        "receive",
        sc.Text.hant("Receive the complaint", "接收投訴"),
        _cite("JW-19", f"{_JW19}.1"),
    ),
    sc.PlaybookStep(
        "analyse",
        sc.Text.hant("Analyse the complaint", "分析投訴"),
        _cite("JW-19", f"{_JW19}.2"),
    ),
    sc.PlaybookStep(
        "resolve",
        sc.Text.hant("Resolve the complaint", "解決投訴"),
        _cite("JW-19", f"{_JW19}.3"),
    ),
    sc.PlaybookStep(
        "feedback",
        sc.Text.hant("Report the result", "反饋結果"),
        _cite("JW-19", f"{_JW19}.4"),
    ),
)

#: The inquiry category's id (咨詢, JW-15's 「咨詢或投訴」).
INQUIRY = "inquiry"
#: JW-18: the complaint categories, one per target, as (id, English, source wording).
_TARGETS: tuple[tuple[str, str, str], ...] = (
    ("complaint-product", "Complaint about a product", "對公司產品的投訴"),
    ("complaint-service", "Complaint about a service", "對公司服務的投訴"),
    ("complaint-staff", "Complaint about CS staff", "對客服人員的投訴"),
)
#: The ids of JW-18's complaint categories.
COMPLAINT: tuple[str, ...] = tuple(id_ for id_, _, _ in _TARGETS)
_JW18 = _cite("JW-18", "篇1 第十二條")
#: JW-18: 「客戶對公司產品、服務或客服人員的不滿意表現」, each with JW-20's playbook.
COMPLAINT_CATEGORIES: tuple[sc.CaseCategory, ...] = tuple(
    sc.CaseCategory(id_, sc.Text.hant(en, zh), _JW18, COMPLAINT_PLAYBOOK)
    for id_, en, zh in _TARGETS
)
#: An inquiry (JW-15) and the three complaints (JW-18).
CATEGORIES: tuple[sc.CaseCategory, ...] = (
    sc.CaseCategory(
        INQUIRY, sc.Text.hant("Inquiry", "咨詢"), _cite("JW-15", "篇3 第六條.1"), INQUIRY_PLAYBOOK
    ),
    *COMPLAINT_CATEGORIES,
)
#: How cases are handled: JW-15's workflow, the four categories.  The regulation names
#: no first-contact ownership, transfer or major-matter rule.
CASE_RULES = sc.CaseRules(CHANNELS, CATEGORIES, TICKET_WORKFLOW)

# Reply at the first moment (JW-16, AMB-05) -----------------------------------------------

#: JW-16: 「接到客戶咨詢或投訴後,應在第一時間內給予回復」.  "第一時間" has no number
#: (AMB-05), so the one step has no deadline: the report lists the reply as due, "with no
#: deadline set", until the first reply on any channel, then as met.
FIRST_REPLY = sc.EscalationChain(
    "first-reply",
    sc.Text.hant("Reply at the first moment", "第一時間回復"),
    _cite("JW-16", "篇3 第七條.1"),
    tuple(c.id for c in CATEGORIES),
    (sc.EscalationStep(sc.Text.hant("reply to the customer", "給予回復"), CHANNELS),),
)

# Satisfaction survey (JW-21) -------------------------------------------------------------

#: The appraisal criterion the survey feeds: "customer-satisfaction" in 篇1's scheme
#: (JW-06), 篇2's (JW-07) and 篇3's (JW-08) alike.
SATISFACTION_CRITERION = "customer-satisfaction"
#: JW-21: 篇2 第十條's four items.  The regulation gives no scale; the core's 1 to 5 is
#: used.  Each agent's result gives the points of ``SATISFACTION_CRITERION``.
SURVEY = sc.Survey(
    (
        sc.SurveyDimension("staff", sc.Text.hant("CS staff", "客服人員")),
        sc.SurveyDimension("process", sc.Text.hant("Service process", "服務流程")),
        sc.SurveyDimension(
            "quality",
            sc.Text.hant("Products and service quality", "公司產品和服務質量"),
        ),
        sc.SurveyDimension("brand", sc.Text.hant("Brand image", "公司品牌形象")),
    ),
    _cite("JW-21", "篇2 第十條"),
    criterion=SATISFACTION_CRITERION,
)

# Registers and confidentiality (JW-15, JW-21, JW-27 … JW-30) -----------------------------

#: JW-27: 「妥善保管客戶信息,不得泄露給任何第三方」 (篇1 第十條), 「嚴格遵守公司保密制度,不泄露
#: 客戶信息」 (篇2 第五條.6).  Every register's names and contact details are personal
#: fields, masked in every output unless revealed; this is the rule that masking serves.
CONFIDENTIALITY = _cite("JW-27", "篇1 第十條; 篇2 第五條.6")

_KINDS = (
    sc.RegisterChoice("inquiry", sc.Text.hant("inquiry", "咨詢")),
    sc.RegisterChoice("complaint", sc.Text.hant("complaint", "投訴")),
)
_NAME = sc.Text.hant("Customer name", "客戶姓名")
_CONTACT = sc.Text.hant("Contact details", "聯系方式")

#: JW-15 接單: 「立即記錄相關信息,如客戶姓名、聯系方式、咨詢/投訴內容等」.  Contact details
#: may be a phone number, an email or another handle, so the field is text (phone numbers
#: and emails in it are masked all the same).
INTAKE_REGISTER = sc.RegisterSpec(
    "intake",
    sc.Text.hant("Inquiry and complaint intake", "咨詢/投訴登記"),
    (
        sc.RegisterField("customer", _NAME, "name"),
        sc.RegisterField("contact", _CONTACT, "text"),
        sc.RegisterField(
            "kind", sc.Text.hant("Inquiry or complaint", "咨詢/投訴"), "choice", choices=_KINDS
        ),
        sc.RegisterField(
            "content", sc.Text.hant("Inquiry or complaint content", "咨詢/投訴內容"), "text"
        ),
    ),
    _cite("JW-15", "篇3 第六條.1"),
)

#: JW-28: 「詳細記錄客戶溝通內容,確保信息準確無誤」: every communication, its channel and
#: what was said.
COMMUNICATION_RECORD = sc.RegisterSpec(
    "communication",
    sc.Text.hant("Customer communication record", "客戶溝通記錄"),
    (
        sc.RegisterField("customer", _NAME, "name"),
        sc.RegisterField(
            "channel",
            sc.Text.hant("Channel", "渠道"),
            "choice",
            choices=[sc.RegisterChoice(c.value) for c in CHANNELS],
        ),
        sc.RegisterField("agent", sc.Text.hant("CS agent", "客服人員"), "text"),
        sc.RegisterField("content", sc.Text.hant("What was said", "溝通內容"), "text"),
    ),
    _cite("JW-28", "篇2 第五條.5"),
)

#: JW-30: 「定期收集客戶反饋,對客戶提出的問題和建議進行整理和分析」: the feedback, the
#: problems and suggestions in it, and the analysis (filled in when it is done).
FEEDBACK_REGISTER = sc.RegisterSpec(
    "feedback",
    sc.Text.hant("Customer feedback", "客戶反饋"),
    (
        sc.RegisterField("customer", _NAME, "name", required=False),
        sc.RegisterField("feedback", sc.Text.hant("Feedback", "反饋內容"), "text"),
        sc.RegisterField(
            "problems", sc.Text.hant("Problems raised", "客戶提出的問題"), "text", required=False
        ),
        sc.RegisterField(
            "suggestions", sc.Text.hant("Suggestions", "客戶提出的建議"), "text", required=False
        ),
        sc.RegisterField(
            "analysis", sc.Text.hant("Analysis", "整理和分析"), "text", required=False
        ),
    ),
    _cite("JW-30", "篇1 第十一條"),
)

#: JW-21 (篇2 第十一條): 「根據客戶滿意度調查結果,制定改進措施」: what the survey found and
#: the measure taken.
IMPROVEMENT_MEASURES = sc.RegisterSpec(
    "improvement-measures",
    sc.Text.hant("Improvement measures from the satisfaction survey", "滿意度調查改進措施"),
    (
        sc.RegisterField("finding", sc.Text.hant("Survey finding", "調查結果"), "text"),
        sc.RegisterField("measure", sc.Text.hant("Improvement measure", "改進措施"), "text"),
    ),
    _cite("JW-21", "篇2 第十一條"),
)

#: JW-04: the periodic training each agent attends — 「客服人員應定期參加公司組織的培訓」
#: (篇1 第六條; 篇2 第十二條; 篇3 第十–十一條) — and the external training 篇3 第十二條
#: encourages (「公司鼓勵客服人員參加外部培訓」).  "定期" gives no interval, so nothing
#: is due: the record is kept, and counted like any register.
TRAINING_RECORD = sc.RegisterSpec(
    "training",
    sc.Text.hant("Training record", "培訓記錄"),
    (
        sc.RegisterField("agent", sc.Text.hant("CS agent", "客服人員"), "text"),
        sc.RegisterField("course", sc.Text.hant("Course", "培訓內容"), "text"),
        sc.RegisterField(
            "organiser",
            sc.Text.hant("Organised by", "組織方"),
            "choice",
            choices=[
                sc.RegisterChoice("company", sc.Text.hant("The company", "公司組織")),
                sc.RegisterChoice("external", sc.Text.hant("External", "外部培訓")),
            ],
        ),
    ),
    _cite("JW-04", "篇1 第六條; 篇2 第十二條; 篇3 第十–十二條"),
)

#: The registers kept: intake (JW-15), communications (JW-28), feedback (JW-30),
#: improvement measures (JW-21), training (JW-04).
REGISTERS: tuple[sc.RegisterSpec, ...] = (
    INTAKE_REGISTER,
    COMMUNICATION_RECORD,
    FEEDBACK_REGISTER,
    IMPROVEMENT_MEASURES,
    TRAINING_RECORD,
)

#: JW-29: 「對客戶咨詢/投訴信息,應進行歸檔管理,便于查詢和統計」: the intake register is the
#: archive; :func:`archive_report` counts it.
ARCHIVE = _cite("JW-29", "篇3 第七條.5")


def archive_report(
    entries: sc.Register | Iterable[sc.RegisterEntry],
    interval: str | sc.PeriodKind,
    period: sc.Period,
    timezone: str | sc.BusinessCalendar = "Asia/Shanghai",
) -> sc.RegisterReport:
    """JW-29: the inquiries and complaints of the intake register counted per *interval*
    (``"day"``, ``"week"``, ``"month"`` …) of *period*, by kind (inquiry, complaint), on
    the organisation's calendar (*timezone*), each count cited JW-29."""
    return sc.report(entries, interval, period, timezone, by="kind", cite=ARCHIVE)


# The policy ------------------------------------------------------------------------------

#: What ``servicecodex_service_levels`` answers: JW-11's channels, JW-12's rings, JW-15's
#: cases, JW-16's reply at the first moment, JW-21's survey and the registers.
SERVICE_LEVELS = sc.ServiceLevelPolicy(
    CHANNELS,
    _CHANNELS_CITE,
    (_PHONE,),
    cases=CASE_RULES,
    escalations=(FIRST_REPLY,),
    survey=SURVEY,
    registers=REGISTERS,
)
