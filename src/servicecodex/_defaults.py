"""The built-in defaults: what an organisation is when no plugin says otherwise.

They are registered first in every organisation, so any explicitly loaded plugin's
answer wins over them.  They answer:

* the profile: a mainland-China organisation (simplified Chinese, Asia/Shanghai, CNY,
  China's public holidays and in-lieu working days);
* the service levels, from the generic customer-service manuals (GM-01 … GM-07, GM-10 of
  the rules catalogue): phone, email and SMS answered (GM-01, no numeric deadline is
  given, so none is set); inquiries, complaints and after-sales problems as case
  categories with the manuals' playbooks (GM-02, GM-03, GM-05); the complaint workflow
  receive → analyse → handle → reply (GM-06); the person assigned owns the case (GM-02);
  what cannot be solved goes to higher-level support (GM-07); a regular satisfaction
  survey (GM-04); a register of customer needs and problems (GM-10).

Every other policy stays undefined until a plugin gives it.
"""

from __future__ import annotations

from servicecodex._cases import CaseCategory, CaseRules, PlaybookStep, Workflow, WorkflowStep
from servicecodex._channels import Channel
from servicecodex._profile import OrganizationProfile
from servicecodex._reasons import Source
from servicecodex._records import FieldKind, RegisterField, RegisterSpec
from servicecodex._service_levels import ServiceLevelPolicy
from servicecodex._surveys import Survey, SurveyDimension
from servicecodex._text import Text
from servicecodex.hookspecs import hookimpl

__all__ = [
    "DEFAULT_PROFILE",
    "DEFAULT_SERVICE_LEVELS",
    "servicecodex_organization_profile",
    "servicecodex_service_levels",
]

DEFAULT_PROFILE = OrganizationProfile.mainland_china(
    "servicecodex-defaults",
    Text(en="Default organisation", zh_Hans="默认组织", zh_Hant="預設組織"),
)

#: The generic manuals of document 003 (客户服务执行操作手册 and the training slides).
_cite = Source("003")


def _t(en: str, zh: str) -> Text:
    return Text(en=en, zh_Hans=zh)


def _step(step_id: str, en: str, zh: str, rule: str, clause: str) -> PlaybookStep:
    return PlaybookStep(step_id, _t(en, zh), _cite(rule, clause))


_GM_02 = _cite("GM-02", "客户服务执行操作手册 4.2.3")
_GM_03 = _cite("GM-03", "客户服务执行操作手册 4.3.3; 5.2.2")
_GM_05 = _cite("GM-05", "客户服务执行操作手册 5.1.1–5.1.3")

_CATEGORIES = (
    CaseCategory(
        "inquiry",
        _t("Inquiry", "咨询"),
        _GM_02,
        (
            _step(
                "record-details", "record the customer's details", "记录客户信息", "GM-02", "4.2.3"
            ),
            _step(
                "assign-person",
                "assign a named person to follow up",
                "安排专人跟进",
                "GM-02",
                "4.2.3",
            ),
        ),
    ),
    CaseCategory(
        "complaint",
        _t("Complaint", "投诉"),
        _GM_05,
        (
            _step("listen", "listen to the complaint", "聆听客户投诉内容", "GM-05", "5.1.1"),
            _step(
                "apologise", "express understanding and apology", "表达理解和歉意", "GM-05", "5.1.1"
            ),
            _step(
                "record",
                "record the complaint and the customer's details",
                "记录投诉内容和客户信息",
                "GM-05",
                "5.1.2",
            ),
            _step("follow-up", "follow up quickly", "迅速跟进处理", "GM-05", "5.1.3"),
            _step(
                "report-outcome",
                "tell the customer the outcome",
                "向客户反馈处理结果",
                "GM-05",
                "5.1.3",
            ),
        ),
    ),
    CaseCategory(
        "after-sales",
        _t("After-sales problem", "售后问题"),
        _GM_03,
        (
            _step(
                "expected-time",
                "tell the customer the expected resolution time",
                "告知客户预计解决时间",
                "GM-03",
                "5.2.2",
            ),
            _step("follow-up", "follow up on the progress", "及时跟进解决进展", "GM-03", "5.2.2"),
        ),
    ),
)

_WORKFLOW = Workflow(
    [
        WorkflowStep("receive", _t("Receive", "接收投诉")),
        WorkflowStep("analyse", _t("Analyse", "分析投诉")),
        WorkflowStep("handle", _t("Handle", "处理投诉")),
        WorkflowStep("reply", _t("Reply to the customer", "回复客户")),
    ],
    _cite("GM-06", "精美客户服务管理…ppt"),
)

_CHANNELS = (Channel.PHONE, Channel.EMAIL, Channel.SMS)

#: GM-10: customer needs and problems, recorded promptly, summarised periodically.
_NEEDS_REGISTER = RegisterSpec(
    "customer-needs",
    _t("Customer needs and problems", "客户需求和问题记录"),
    (
        RegisterField("customer", _t("Customer", "客户"), FieldKind.NAME),
        RegisterField("phone", _t("Phone", "电话"), FieldKind.PHONE, required=False),
        RegisterField("need", _t("Need or problem", "需求或问题"), FieldKind.TEXT),
        RegisterField("assigned-to", _t("Followed up by", "跟进人"), FieldKind.TEXT),
    ),
    _cite("GM-10", "客户服务培训手册"),
)

#: GM-04: satisfaction evaluated regularly; the manuals name no dimensions, so one.
_SURVEY = Survey(
    (SurveyDimension("overall", _t("Overall satisfaction", "总体满意度")),),
    _cite("GM-04", "客户服务执行操作手册 4.4.1–4.4.3"),
)

DEFAULT_SERVICE_LEVELS = ServiceLevelPolicy(
    _CHANNELS,
    _cite("GM-01", "客户服务执行操作手册 4.2.1"),
    cases=CaseRules(
        _CHANNELS,
        _CATEGORIES,
        _WORKFLOW,
        ownership=_GM_02,
        major=_cite("GM-07", "公司客户服务执行手册 3.4"),
    ),
    survey=_SURVEY,
    registers=(_NEEDS_REGISTER,),
)


@hookimpl
def servicecodex_organization_profile() -> OrganizationProfile:
    """The default profile."""
    return DEFAULT_PROFILE


@hookimpl
def servicecodex_service_levels() -> ServiceLevelPolicy:
    """The generic manuals' service levels (GM-01 … GM-07, GM-10)."""
    return DEFAULT_SERVICE_LEVELS
