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
  survey (GM-04); a register of customer needs and problems (GM-10);
* the courtesy phrases, in simplified Chinese and English (traditional Chinese is
  converted), **only for an organisation none of whose plugins implements the courtesy
  hook** (AMB-56:
  the manuals are a fallback, never an organisation's rules): never argue with the
  customer (GM-08) and restate the customer's problem in one's own words (GM-09).  The
  manuals give the rule, not the words: the arguing phrases and the restating phrases
  below are servicecodex's reading of it, listed in docs/organisations/defaults.md.

Every other policy stays undefined until a plugin gives it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from servicecodex._cases import CaseCategory, CaseRules, PlaybookStep, Workflow, WorkflowStep
from servicecodex._channels import Channel
from servicecodex._courtesy import PhraseBook, PhraseEntry, PhraseKind, Placement, Scenario
from servicecodex._plugins import DEFAULTS_ID
from servicecodex._profile import OrganizationProfile
from servicecodex._reasons import Source
from servicecodex._records import FieldKind, RegisterField, RegisterSpec
from servicecodex._service_levels import ServiceLevelPolicy
from servicecodex._surveys import Survey, SurveyDimension
from servicecodex._text import Text
from servicecodex.hookspecs import hookimpl

__all__ = [
    "DEFAULT_PHRASE_BOOKS",
    "DEFAULT_PROFILE",
    "DEFAULT_SERVICE_LEVELS",
    "servicecodex_courtesy_phrases",
    "servicecodex_organization_profile",
    "servicecodex_service_levels",
]

DEFAULT_PROFILE = OrganizationProfile.mainland_china(
    DEFAULTS_ID,
    Text(en="Default organisation", zh_Hans="默认组织", zh_Hant="預設組織"),
)

#: The generic manuals of document 003 (客户服务执行操作手册 and the training slides).
_cite = Source("003")


def _step(step_id: str, en: str, zh: str, rule: str, clause: str) -> PlaybookStep:
    return PlaybookStep(step_id, Text.hans(en, zh), _cite(rule, clause))


_GM_02 = _cite("GM-02", "客户服务执行操作手册 4.2.3")
_GM_03 = _cite("GM-03", "客户服务执行操作手册 4.3.3; 5.2.2")
_GM_05 = _cite("GM-05", "客户服务执行操作手册 5.1.1–5.1.3")

_CATEGORIES = (
    CaseCategory(
        "inquiry",
        Text.hans("Inquiry", "咨询"),
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
        Text.hans("Complaint", "投诉"),
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
        Text.hans("After-sales problem", "售后问题"),
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
        WorkflowStep("receive", Text.hans("Receive", "接收投诉")),
        WorkflowStep("analyse", Text.hans("Analyse", "分析投诉")),
        WorkflowStep("handle", Text.hans("Handle", "处理投诉")),
        WorkflowStep("reply", Text.hans("Reply to the customer", "回复客户")),
    ],
    _cite("GM-06", "精美客户服务管理…ppt"),
)

_CHANNELS = (Channel.PHONE, Channel.EMAIL, Channel.SMS)

#: GM-10: customer needs and problems, recorded promptly, summarised periodically.
_NEEDS_REGISTER = RegisterSpec(
    "customer-needs",
    Text.hans("Customer needs and problems", "客户需求和问题记录"),
    (
        RegisterField("customer", Text.hans("Customer", "客户"), FieldKind.NAME),
        RegisterField("phone", Text.hans("Phone", "电话"), FieldKind.PHONE, required=False),
        RegisterField("need", Text.hans("Need or problem", "需求或问题"), FieldKind.TEXT),
        RegisterField("assigned-to", Text.hans("Followed up by", "跟进人"), FieldKind.TEXT),
    ),
    _cite("GM-10", "客户服务培训手册"),
)

#: GM-04: satisfaction evaluated regularly; the manuals name no dimensions, so one.
_SURVEY = Survey(
    (SurveyDimension("overall", Text.hans("Overall satisfaction", "总体满意度")),),
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


#: GM-08 「在处理客户投诉时保持冷静和耐心,不与客户争执」 and GM-09 「用自己的话复述客户的
#: 问题和需求,确保自己正确理解客户的意图」 (客户服务培训手册).
_GM_08 = _cite("GM-08", "客户服务培训手册 处理客户投诉与纠纷")
_GM_09 = _cite("GM-09", "客户服务培训手册 确认理解")

_FORBIDDEN, _REQUIRED = PhraseKind.FORBIDDEN, PhraseKind.REQUIRED


def _argue(
    phrase: str, instead: str, *alternatives: str, unless: tuple[str, ...] = ()
) -> PhraseEntry:
    """An arguing phrase (GM-08), never said, with what to say instead."""
    return PhraseEntry(
        phrase,
        _FORBIDDEN,
        Scenario.ANY,
        _GM_08,
        instead=instead,
        alternatives=alternatives,
        unless=unless,
    )


def _restate(
    phrase: str, alternatives: tuple[str, ...], cue: tuple[str, ...], unless: tuple[str, ...]
) -> PhraseEntry:
    """GM-09: the reply to a customer who describes a problem restates it; *unless* are
    words around a cue that describe no problem ("没问题", "no problem")."""
    return PhraseEntry(
        phrase,
        _REQUIRED,
        Scenario.ANY,
        _GM_09,
        placement=Placement.REPLY,
        alternatives=alternatives,
        cue=cue,
        unless=unless,
    )


#: The generic manuals' phrases by locale (see the module documentation).  Arguing is
#: what an agent says against the customer, not every "impossible": bare 不可能 or
#: "calm down" are reassurances as often as not, so only their arguing forms are listed.
DEFAULT_PHRASE_BOOKS: Mapping[str, PhraseBook] = MappingProxyType(
    {
        "zh_Hans": PhraseBook(
            "zh_Hans",
            (
                _argue(
                    "你错了",
                    "可能是我没有说清楚，我再为您确认一下",
                    "您错了",
                    unless=("不是你错了", "不是您错了", "不是说你错了", "不是说您错了"),
                ),
                _argue("这不可能", "我马上为您核实一下", "那不可能", "绝对不可能"),
                _argue("不是我们的问题", "我来帮您查清楚原因", "跟我们没关系", "不关我们的事"),
                _argue("我已经说过了", "我再为您说明一下", "跟你说过了", "我说过多少遍了"),
                _argue("你听我说", "请您先讲，我在听", "你先听我说"),
                _argue("你怎么不讲道理", "我理解您的心情"),
                _restate(
                    "您的意思是",
                    ("您是说", "跟您确认一下", "我理解您的问题是", "您反映的是", "也就是说"),
                    ("坏了", "不能用", "用不了", "没收到", "出问题", "出了问题", "故障", "投诉"),
                    ("不是投诉", "没坏", "没有坏", "不是坏了"),
                ),
            ),
        ),
        "en": PhraseBook(
            "en",
            (
                _argue(
                    "you're wrong",
                    "maybe I was not clear; let me check it again",
                    "you are wrong",
                    unless=("you're wrongly", "you are wrongly", "not saying you're wrong"),
                ),
                _argue(
                    "that's impossible",
                    "let me check that for you right away",
                    "that is impossible",
                    unless=(
                        "that's impossible to say",
                        "that is impossible to say",
                        "that's impossible to tell",
                        "that is impossible to tell",
                    ),
                ),
                _argue("not our problem", "let me find out what went wrong", "not my problem"),
                _argue("I already told you", "let me explain it again", "I've already told you"),
                _argue("you need to calm down", "I understand how you feel", "just calm down"),
                _restate(
                    "you mean",
                    (
                        "you're saying",
                        "you are saying",
                        "you're telling me",
                        "if I understand correctly",
                        "if I understood correctly",
                        "so the problem is",
                    ),
                    (
                        "is broken",
                        "not working",
                        "doesn't work",
                        "stopped working",
                        "never arrived",
                        "hasn't arrived",
                        "want to complain",
                        "like to complain",
                        "a complaint",
                    ),
                    ("no complaint",),
                ),
            ),
        ),
    }
)


@hookimpl
def servicecodex_organization_profile() -> OrganizationProfile:
    """The default profile."""
    return DEFAULT_PROFILE


@hookimpl
def servicecodex_service_levels() -> ServiceLevelPolicy:
    """The generic manuals' service levels (GM-01 … GM-07, GM-10)."""
    return DEFAULT_SERVICE_LEVELS


@hookimpl
def servicecodex_courtesy_phrases(locale: str) -> PhraseBook | None:
    """The generic manuals' phrases (GM-08, GM-09) in *locale*, ``None`` for zh_Hant
    (converted from zh_Hans).  The plugin host asks the defaults only when no loaded
    plugin implements this hook."""
    return DEFAULT_PHRASE_BOOKS.get(locale)
