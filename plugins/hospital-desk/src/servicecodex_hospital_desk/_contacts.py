"""The consultation hotline (001 篇4, HD-31 … HD-38): channels, cases, registers,
statistics and the follow-up calls to the day's patients.

篇4 gives no deadline in numbers: 「及时准确地接转电话」 (HD-34) is "promptly" (AMB-05: no
numeric deadline), 「定期填报统计分析报表」 (HD-36) and 「对每日就诊患者定期进行电话回(访)」
(HD-38) give no period, and 「来院就诊达到率」 (HD-37) no formula.  AMB-13's defaults are
followed: statistics monthly, the arrival rate = visits ÷ consultations registered, and
the follow-up call within a period the plugin sets (:data:`FOLLOW_UP_DAYS` ±
:data:`FOLLOW_UP_TOLERANCE`, stated below).  So the policy has no response target.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from collections.abc import Iterable

import servicecodex as sc

__all__ = [
    "ARRIVAL_RATE",
    "CASE_RULES",
    "CHANNELS",
    "CONSULTATION",
    "CONSULTATIONS",
    "EXPERT",
    "FOLLOW_UP",
    "FOLLOW_UP_DAYS",
    "FOLLOW_UP_TOLERANCE",
    "GENERAL_FIELDS",
    "REFERENCE_DATA",
    "REFERENCE_TOPICS",
    "REGISTERS",
    "SERVICE_LEVELS",
    "STATISTICS",
    "STATISTICS_INTERVAL",
    "TARGETED",
    "TARGETED_FIELDS",
    "VISITS",
    "WORKFLOW",
    "arrival_rate",
    "follow_up_rule",
    "missing_general_fields",
    "schedule_follow_ups",
    "service_levels",
    "statistics_report",
]

#: A citation of *clause* of 001 篇4, the consultation hotline (``".3"``, as the
#: catalogue numbers its items).
_cite = sc.Source("001 篇4")

_HD31 = _cite("HD-31", ".1")
_HD32 = _cite("HD-32", ".3")
_HD33 = _cite("HD-33", ".3")
_HD34 = _cite("HD-34", ".4")
_HD35 = _cite("HD-35", ".4–5")
_HD36 = _cite("HD-36", ".6; AMB-13")
_HD37 = _cite("HD-37", ".7; AMB-13")
_HD38 = _cite("HD-38", ".7; AMB-13")


# Channels, cases (HD-31, HD-34) ----------------------------------------------------------

#: HD-31 「负责医院咨询电话的接听、解释、登记、统计分析和商务通、QQ咨询等工作」: the
#: consultation phone, 商务通 (the web-chat software of the hospital's site: an online
#: chat) and QQ.
CHANNELS: tuple[sc.Channel, ...] = (sc.Channel.PHONE, sc.Channel.ONLINE_CHAT, sc.Channel.QQ)

#: HD-31 「接听、解释、登记」: each consultation is answered, explained and registered, in
#: that order (统计分析 is done over the register, not per call: HD-36).  No summary is
#: asked for, and no step is skipped or gone back to.
WORKFLOW = sc.Workflow(
    (
        sc.WorkflowStep("answer", sc.Text.hans("Answer", "接听")),
        sc.WorkflowStep("explain", sc.Text.hans("Explain", "解释")),
        sc.WorkflowStep("register", sc.Text.hans("Register", "登记")),
    ),
    _HD31,
)

_REGISTER_GENERAL = sc.PlaybookStep(
    "register-general", sc.Text.hans("General registration", "一般性登记"), _HD32
)
#: HD-33's targeted registration is for the callers it fits (定向性登记): not required.
_REGISTER_TARGETED = sc.PlaybookStep(
    "register-targeted", sc.Text.hans("Targeted registration", "定向性登记"), _HD33, required=False
)

#: HD-31: a consultation by phone, 商务通 or QQ, registered (HD-32; HD-33 where it fits).
CONSULTATION = sc.CaseCategory(
    "consultation",
    sc.Text.hans("Consultation", "咨询"),
    _HD31,
    (_REGISTER_GENERAL, _REGISTER_TARGETED),
)
#: HD-34 「专家咨询电话要及时准确地接转电话」: a call for an expert is transferred to the
#: expert (the playbook step; ``Case.transfer`` records to whom, in which department and
#: why).  "及时" has no number (AMB-05): no deadline.
EXPERT = sc.CaseCategory(
    "expert",
    sc.Text.hans("Expert consultation", "专家咨询"),
    _HD34,
    (
        _REGISTER_GENERAL,
        _REGISTER_TARGETED,
        sc.PlaybookStep(
            "transfer", sc.Text.hans("Transfer the call to the expert", "接转专家电话"), _HD34
        ),
    ),
)

#: The hotline's case rules.  HD-34's "准确" is the transfer rule: a transfer names the
#: expert, the department and the reason, or it is refused citing HD-34.
CASE_RULES = sc.CaseRules(CHANNELS, (CONSULTATION, EXPERT), WORKFLOW, transfer=_HD34)


# Registers (HD-32, HD-33, HD-35, HD-37) --------------------------------------------------


def _text(id: str, en: str, zh: str, kind: str = "text") -> sc.RegisterField:
    """An optional field (see :func:`missing_general_fields` for HD-32's check)."""
    return sc.RegisterField(id, sc.Text.hans(en, zh), kind, required=False)


_CHANNEL = sc.RegisterField(
    "channel",
    sc.Text.hans("Channel", "渠道"),
    "choice",
    choices=[
        sc.RegisterChoice("phone", sc.Text.hans("phone", "来电")),
        sc.RegisterChoice("online_chat", sc.Text.hans("商务通 web chat", "商务通")),
        sc.RegisterChoice("qq", sc.Text.hans("QQ", "QQ")),
    ],
)

#: HD-32 「登记包括年龄、性别、病程、病史、病种、住址、电话、就诊意向、关心内容等一般性登记」,
#: in the clause's order.  Optional when the entry is made (a web visitor may give no
#: phone, a caller no address): :func:`missing_general_fields` lists those left blank.
GENERAL_FIELDS: tuple[sc.RegisterField, ...] = (
    _text("age", "Age", "年龄", "number"),
    sc.RegisterField(
        "sex",
        sc.Text.hans("Sex", "性别"),
        "choice",
        required=False,
        choices=[
            sc.RegisterChoice("female", sc.Text.hans("female", "女")),
            sc.RegisterChoice("male", sc.Text.hans("male", "男")),
        ],
    ),
    _text("course", "Course of illness", "病程"),
    _text("history", "Medical history", "病史"),
    _text("disease", "Disease type", "病种"),
    _text("address", "Address", "住址", "address"),
    _text("phone", "Phone", "电话", "phone"),
    _text("intention", "Intention to visit", "就诊意向"),
    _text("concerns", "Concerns", "关心内容"),
)

#: HD-32 and HD-37: the master register (总册) of phone and web consultations, one entry a
#: consultation, with the channel it came by.
CONSULTATIONS = sc.RegisterSpec(
    "consultations",
    sc.Text.hans("Phone and web consultations", "网络和来电咨询总册"),
    (_CHANNEL, *GENERAL_FIELDS),
    _HD32,
)

#: HD-33 「就诊意向、健康咨询、价格比对、消费习惯、经济状况、人员类型等定向性登记」, in the
#: clause's order, for the callers it fits: every field optional.  The phone links an
#: entry to the caller's consultation.
TARGETED_FIELDS: tuple[sc.RegisterField, ...] = (
    _text("intention", "Intention to visit", "就诊意向"),
    _text("health-question", "Health question", "健康咨询"),
    _text("price-comparison", "Price comparison", "价格比对"),
    _text("spending-habits", "Spending habits", "消费习惯"),
    _text("economic-situation", "Economic situation", "经济状况"),
    _text("person-type", "Person type", "人员类型"),
)
TARGETED = sc.RegisterSpec(
    "targeted",
    sc.Text.hans("Targeted registration", "定向性登记"),
    (_CHANNEL, _text("phone", "Phone", "电话", "phone"), *TARGETED_FIELDS),
    _HD33,
)

#: HD-37 「建立咨询来电和来院就诊达到率统计机制」: the patients who came, one entry a visit,
#: for the arrival rate (the phone matches a visit to the consultation) and for HD-38's
#: follow-up calls (the patient reference is whom the desk calls back).
VISITS = sc.RegisterSpec(
    "visits",
    sc.Text.hans("Patients' visits", "来院就诊登记"),
    (
        sc.RegisterField("patient", sc.Text.hans("Patient reference", "患者编号"), "text"),
        _text("phone", "Phone", "电话", "phone"),
        _text("department", "Department", "就诊科室"),
    ),
    _HD37,
)

#: HD-35 (篇4 .4 and .5): what the desk keeps itself informed of, in the clauses' order —
#: surroundings and routes, department layout, staff, experts' specialties, services,
#: equipment, prices, news, the main specialties and each period's advertisements.
REFERENCE_TOPICS: tuple[sc.RegisterChoice, ...] = tuple(
    sc.RegisterChoice(id, sc.Text.hans(en, zh))
    for id, en, zh in (
        ("surroundings", "surroundings inside and outside the hospital", "院内外环境"),
        ("routes", "routes", "路线"),
        ("departments", "department layout", "科室布局"),
        ("staff", "staff", "人员状况"),
        ("experts", "experts' specialties", "专家特长"),
        ("services", "services offered", "技术项目"),
        ("equipment", "equipment", "仪器设备"),
        ("prices", "prices", "收费价格"),
        ("news", "news", "业务动态"),
        ("specialties", "main specialties", "主要专科的业务知识"),
        ("advertisements", "each period's advertisements", "各期广告的内容"),
    )
)
#: HD-35 「适时更新相关资料,做到准确无误」: each update of the desk's reference data, by
#: topic, with the department it was checked with (「和相关各科室勤沟通、勤联络」).  篇4
#: gives no period for the updates, so none is checked.
REFERENCE_DATA = sc.RegisterSpec(
    "reference-data",
    sc.Text.hans("Reference data updates", "相关资料更新"),
    (
        sc.RegisterField(
            "topic", sc.Text.hans("Topic", "资料类别"), "choice", choices=REFERENCE_TOPICS
        ),
        sc.RegisterField("content", sc.Text.hans("What changed", "更新内容"), "text"),
        _text("department", "Checked with", "联络科室"),
    ),
    _HD35,
)

#: The hotline's registers: HD-32, HD-33, HD-37, HD-35.
REGISTERS: tuple[sc.RegisterSpec, ...] = (CONSULTATIONS, TARGETED, VISITS, REFERENCE_DATA)


def missing_general_fields(entry: sc.RegisterEntry) -> list[sc.Reason]:
    """HD-32's general fields a consultation entry left blank, as one reason (none when
    all nine are there)."""
    if entry.spec != CONSULTATIONS:
        raise sc.ValidationError("entry", entry.spec.id, "not an entry of the consultations")
    missing = tuple(f.name for f in GENERAL_FIELDS if entry.get(f.id) is None)
    if not missing:
        return []
    return [
        sc.Reason(
            _HD32,
            sc.Text(
                en="Registration without {fields}",
                zh_Hans="登记缺少{fields}",
            ),
            {"fields": missing},
        )
    ]


# Statistics (HD-36, HD-37) ---------------------------------------------------------------

#: HD-36 「定期填报统计分析报表」: the period is not stated; AMB-13 — monthly.
STATISTICS_INTERVAL = sc.ReportInterval.MONTH
#: HD-36's citation, which the statistics filed carry.
STATISTICS = _HD36
#: HD-37's citation, which the arrival rate carries.
ARRIVAL_RATE = _HD37


def statistics_report(
    consultations: sc.Register,
    period: sc.Period,
    timezone: str | sc.BusinessCalendar,
    by: str | None = "channel",
) -> sc.RegisterReport:
    """HD-36: the consultations of *period* counted month by month (AMB-13), by channel
    unless *by* names another field (or is ``None``), cited HD-36."""
    if consultations.spec != CONSULTATIONS:
        raise sc.ValidationError("consultations", consultations.spec.id, "not the consultations")
    return consultations.report(STATISTICS_INTERVAL, period, timezone, by=by, cite=STATISTICS)


def _phone_key(entry: object) -> str | None:
    """The digits of an entry's phone (so that 138-1234-5678 matches 13812345678)."""
    phone = entry.get("phone") if isinstance(entry, sc.RegisterEntry) else None
    if not isinstance(phone, str):
        return None
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", phone) if ch.isdigit())
    return digits[-11:] or None


def arrival_rate(
    consultations: sc.Register,
    visits: sc.Register,
    period: sc.Period,
    timezone: str | sc.BusinessCalendar,
    *,
    until: _dt.date | None = None,
) -> sc.Conversion:
    """HD-37's arrival rate (达到率) for the consultations of *period*: AMB-13, visits ÷
    consultations registered.  A visit counts when its phone matches a consultation of the
    period made before it (each patient once), and it falls on or before *until* (the
    period's last day unless given); a consultation without a phone stays in the count of
    consultations but cannot be matched."""
    if consultations.spec != CONSULTATIONS or visits.spec != VISITS:
        raise sc.ValidationError(
            "registers", (consultations.spec.id, visits.spec.id), "give consultations, visits"
        )
    return sc.conversion(
        consultations,
        visits,
        period,
        timezone=timezone,
        cite=ARRIVAL_RATE,
        match=_phone_key,
        until=until,
    )


# Follow-up calls (HD-38) -----------------------------------------------------------------

#: HD-38 「对每日就诊患者定期进行电话回(访)」 gives no period (AMB-13: "within the period the
#: plugin sets").  **The plugin's choice**: each patient is called back 1 to 3 days after
#: the visit — :data:`FOLLOW_UP_DAYS` days after it, ± :data:`FOLLOW_UP_TOLERANCE` — so
#: not on the day itself, and within the days the visit is still fresh.  A hospital sets
#: its own with :func:`follow_up_rule` and :func:`service_levels`.
FOLLOW_UP_DAYS = 2
FOLLOW_UP_TOLERANCE = 1


def follow_up_rule(
    days: int = FOLLOW_UP_DAYS, tolerance: int = FOLLOW_UP_TOLERANCE
) -> sc.CallbackRule:
    """HD-38's follow-up call, *days* after the visit ± *tolerance* days."""
    return sc.CallbackRule(
        "patient-follow-up",
        sc.Text.hans("Follow-up call to a patient", "就诊患者电话回访"),
        _HD38,
        sc.CallbackKind.AFTER,
        days=days,
        tolerance=tolerance,
    )


#: HD-38 with the plugin's period: 2 days after the visit, ± 1 day.
FOLLOW_UP = follow_up_rule()


def schedule_follow_ups(
    callbacks: sc.CallbackRegister, visits: Iterable[sc.RegisterEntry]
) -> sc.CallbackRegister:
    """HD-38: a follow-up call scheduled for each visit (an entry of :data:`VISITS`), for
    the patient reference, after the visit's day in the register's timezone.  A patient
    who came twice the same day is called back once."""
    rule = callbacks.rule(FOLLOW_UP.id)
    register = callbacks
    for visit in visits:
        if visit.spec != VISITS:
            raise sc.ValidationError("visits", visit.spec.id, "not an entry of the visits")
        patient = str(visit["patient"])
        day = visit.at.in_timezone(register.timezone).date()
        window = rule.window(day)
        if any(
            c.rule.id == rule.id and c.customer == patient and c.window == window
            for c in register.callbacks
        ):
            continue
        register = register.schedule(rule, patient, day)
    return register


# The policy ------------------------------------------------------------------------------


def service_levels(follow_up: sc.CallbackRule = FOLLOW_UP) -> sc.ServiceLevelPolicy:
    """The hotline's policy: its channels (HD-31), cases (HD-31, HD-34), the follow-up call
    (HD-38, *follow_up*) and its registers (HD-32, HD-33, HD-37, HD-35).  No response
    target: 篇4 gives none in numbers (AMB-05)."""
    return sc.ServiceLevelPolicy(
        CHANNELS,
        _HD31,
        cases=CASE_RULES,
        callbacks=(follow_up,),
        registers=REGISTERS,
    )


#: The answer of ``servicecodex_service_levels``.
SERVICE_LEVELS = service_levels()
