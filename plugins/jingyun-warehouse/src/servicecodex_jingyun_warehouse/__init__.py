"""servicecodex plugin for the Jingyun Warehouse (京雲倉) customer-service centre.

The source is ``000_22908ae151f4f54b.txt``, "京云倉客服管理制度(3篇)": three versions
(篇1, 篇2, 篇3) of one regulation.  Rule ids ``JW-xx`` are those of the servicecodex rules
catalogue; every record cites the rule and the 篇 and article it comes from.

The regulation fixes almost no numbers: no pay, weights, pass mark, fine amounts or
deadlines, only "answer the phone within three rings".  Where it is silent this plugin
follows the catalogue's defaults (AMB-04, AMB-05) and invents nothing:

* ladder (JW-01): representative < supervisor < manager, no salary bands;
* hiring (JW-02, JW-03): a representative has passed the written test and the interview
  and completed the company's unified induction training, each a dated fact; periodic
  training (JW-04) is recorded as a fact too, and in the training record (company or
  external training), but the source sets no number for it, so nothing is required of it;
* appraisal (JW-05, JW-06): monthly and annual, 篇1's four dimensions at equal weight,
  25 points each out of 100, no pass mark; 篇2's five items (JW-07, 20 points each) and
  篇3's four dimensions (JW-08, 25 points each) are kept as alternative schemes; the
  results are the basis for promotion, pay rises and rewards/penalties (JW-09), which
  the source states without numbers: a reviewer checklist item on the supervisor and
  manager rungs;
* contacts and service levels (JW-11 … JW-21, JW-27 … JW-30, module ``_contacts``):
  phone, online chat and email, 3 rings for the phone and no other numeric target
  (AMB-05: JW-16's "first moment" is a reply due with no deadline); cases follow 篇3's
  ticket workflow (JW-15); an inquiry's playbook is 篇2's call flow (JW-13, JW-14), a
  complaint's — about a product, a service or staff (JW-18) — is 篇2's six steps (JW-20,
  AMB-04) with JW-19's and JW-17's additions; the satisfaction survey's four dimensions
  (JW-21) give the ``customer-satisfaction`` points; the intake, communication, feedback
  and improvement registers (JW-15, JW-28, JW-30, JW-21), counted as the archive (JW-29),
  personal data masked (JW-27);
* penalties (JW-10): the four failings that 篇3 sanctions with a warning, fine or
  demotion, none with an amount;
* courtesy (JW-22, JW-23, JW-24), a phrase book for checking calls: a few insults
  forbidden (JW-22, "never rude or insulting language"); on answering, a polite greeting,
  the agent's own name and the company's required in the agent's first turn (JW-23);
  on closing, thanks for the call, contact details and an offer of further help
  required in the last turn (JW-24).  The regulation quotes no phrase: the wordings are
  the plugin's reading of the rules.  JW-25 (Mandarin, speed, tone, smile) and JW-26
  (uniform) are not phrases: they are the items of an inspection checklist on the
  penalty schedule, each failure recorded under a code without a fine.

Texts are the source's traditional wording without its pinyin glosses (AMB-01); the
simplified forms are derived by servicecodex.  The phrase book, whose wordings are not
the source's, is written in simplified script like the calls it checks; servicecodex
derives the traditional book.
"""

from __future__ import annotations

from decimal import Decimal

import servicecodex as sc
from servicecodex_jingyun_warehouse._contacts import (
    ARCHIVE,
    CASE_RULES,
    CATEGORIES,
    CHANNELS,
    COMMUNICATION_RECORD,
    COMPLAINT,
    COMPLAINT_CATEGORIES,
    COMPLAINT_PLAYBOOK,
    COMPLAINT_PLAYBOOK_PIAN1,
    CONFIDENTIALITY,
    FEEDBACK_REGISTER,
    FIRST_REPLY,
    IMPROVEMENT_MEASURES,
    INQUIRY,
    INQUIRY_PLAYBOOK,
    INTAKE_REGISTER,
    PHONE_RINGS,
    REGISTERS,
    SATISFACTION_CRITERION,
    SERVICE_LEVELS,
    SURVEY,
    TICKET_WORKFLOW,
    TRAINING_RECORD,
    archive_report,
)

__all__ = [
    "ANSWERING_PHRASES",
    "APPEARANCE_AND_MANNER",
    "APPRAISAL_BASIS",
    "APPRAISAL_PERIODS",
    "APPRAISAL_SCHEME",
    "APPRAISAL_SCHEME_PIAN2",
    "APPRAISAL_SCHEME_PIAN3",
    "APPRAISAL_TOTAL",
    "ARCHIVE",
    "CASE_RULES",
    "CATEGORIES",
    "CHANNELS",
    "CLOSING_PHRASES",
    "COMMUNICATION_RECORD",
    "COMPLAINT",
    "COMPLAINT_CATEGORIES",
    "COMPLAINT_PLAYBOOK",
    "COMPLAINT_PLAYBOOK_PIAN1",
    "CONFIDENTIALITY",
    "FEEDBACK_REGISTER",
    "FIRST_REPLY",
    "GRADING_LADDER",
    "HIRING_QUALITIES",
    "IMPROVEMENT_MEASURES",
    "INDUCTION_TOPICS",
    "INDUCTION_TRAINING",
    "INQUIRY",
    "INQUIRY_PLAYBOOK",
    "INSPECTION_RULES",
    "INSULTS",
    "INTAKE_REGISTER",
    "INTERVIEW",
    "PERIODIC_TRAINING",
    "PHONE_RINGS",
    "PHRASE_BOOK",
    "PLUGIN_ID",
    "PROFILE",
    "REGISTERS",
    "REPRESENTATIVE_REQUIREMENTS",
    "SANCTIONS",
    "SATISFACTION_CRITERION",
    "SERVICE_LEVELS",
    "SURVEY",
    "TICKET_WORKFLOW",
    "TRAINING_RECORD",
    "UNIFORM_BREACH",
    "VOICE_AND_MANNER_BREACH",
    "WRITTEN_TEST",
    "archive_report",
    "penalty_rules",
    "penalty_schedule",
    "servicecodex_appraisal_scheme",
    "servicecodex_courtesy_phrases",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "jingyun-warehouse"
_SOURCE = "000"
#: A citation of *clause* of the source (``"篇2 第二條"``).
_cite = sc.Source(_SOURCE)


# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: a mainland-China CS centre (the name is 篇2's "京云倉客服中心").
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(
        en="Jingyun Warehouse customer service centre",
        zh_Hans="京云仓客服中心",
        zh_Hant="京雲倉客服中心",
    ),
)

# Grading ladder (JW-01) ------------------------------------------------------------------

_LADDER_CITE = _cite("JW-01", "篇2 第二條")
#: JW-01: (id, English, source wording), lowest first, as 篇2 第二條 lists them.
_RUNGS: tuple[tuple[str, str, str], ...] = (
    ("representative", "CS representative", "客服代表"),
    ("supervisor", "Supervisor", "主管"),
    ("manager", "Manager", "經理"),
)

# Hiring and training (JW-02, JW-03, JW-04) -----------------------------------------------

_HIRING_CITE = _cite("JW-02", "篇1 第四條")
_INDUCTION_CITE = _cite("JW-03", "篇1 第五條")
#: JW-02: the fact kind of the written test (筆試), recorded passed or failed.
WRITTEN_TEST = "written-test"
#: JW-02: the fact kind of the interview (面試), recorded passed or failed.
INTERVIEW = "interview"
#: JW-03: the fact kind of the company's unified training for new hires, once completed.
INDUCTION_TRAINING = "induction-training"
#: JW-04: the fact kind under which each periodic training attended may be recorded.  No
#: condition counts it: "定期" gives no number of sessions and no interval.  The training
#: record (``TRAINING_RECORD``, a register of the service levels) keeps the sessions.
PERIODIC_TRAINING = "periodic-training"
#: JW-02: what the written test and interview select for, in 篇1 第四條's order.
HIRING_QUALITIES: tuple[sc.Text, ...] = (
    sc.Text(
        en="Good communication skills and service awareness", zh_Hant="良好的溝通能力和服務意識"
    ),
    sc.Text(en="Knows the company's business and products", zh_Hant="熟悉公司業務和產品知識"),
    sc.Text(en="Basic computer skills", zh_Hant="一定的計算機操作能力"),
    sc.Text(en="Team spirit", zh_Hant="團隊合作精神"),
)
#: JW-03: the induction training's four topics, in 篇1 第五條's order.
INDUCTION_TOPICS: tuple[sc.Text, ...] = (
    sc.Text(en="Company culture and rules", zh_Hant="公司文化、規章制度"),
    sc.Text(en="Product knowledge and business processes", zh_Hant="產品知識、業務流程"),
    sc.Text(en="Customer-service and communication skills", zh_Hant="客戶服務技巧、溝通技巧"),
    sc.Text(en="System operation", zh_Hant="系統操作培訓"),
)
#: What a CS representative must have: JW-02's written test and interview, both passed,
#: and JW-03's unified induction training.
REPRESENTATIVE_REQUIREMENTS = sc.AllOf(
    sc.FactRecorded(
        WRITTEN_TEST, name=sc.Text(en="Written test", zh_Hant="筆試"), cite=_HIRING_CITE
    ),
    sc.FactRecorded(INTERVIEW, name=sc.Text(en="Interview", zh_Hant="面試"), cite=_HIRING_CITE),
    sc.FactRecorded(
        INDUCTION_TRAINING,
        name=sc.Text(en="Unified induction training", zh_Hant="公司統一培訓"),
        cite=_INDUCTION_CITE,
    ),
)
_REQUIREMENTS: dict[str, sc.Condition] = {"representative": REPRESENTATIVE_REQUIREMENTS}

#: JW-09 (篇1 第十五條; 篇2 第十四條) 「考核結果作為晉升、加薪、獎懲的重要依據」: what reviewers
#: weigh before promoting someone to supervisor or manager — the monthly and annual
#: appraisal results (JW-05).  The source sets no score or grade for it, so it is a
#: reviewer checklist item, checked by no condition; pay rises have no pay table to act
#: on, and rewards and penalties are JW-10's (``SANCTIONS``, ``penalty_rules``).
APPRAISAL_BASIS = sc.ChecklistItem(
    "第十五條",
    sc.Text(
        en="Monthly and annual appraisal results, the important basis for promotion",
        zh_Hant="月度和年度考核結果,作為晉升的重要依據",
    ),
    _cite("JW-09", "篇1 第十五條; 篇2 第十四條"),
)
_CHECKLISTS: dict[str, tuple[sc.ChecklistItem, ...]] = {
    "supervisor": (APPRAISAL_BASIS,),
    "manager": (APPRAISAL_BASIS,),
}

_rungs = tuple(
    sc.Rung(
        id_,
        sc.Text(en=en, zh_Hant=zh),
        _LADDER_CITE,
        requirements=_REQUIREMENTS.get(id_),
        checklist=_CHECKLISTS.get(id_, ()),
    )
    for id_, en, zh in _RUNGS
)
#: The CS centre's three roles, lowest first; the source gives no pay, so no bands.  The
#: entry rung requires JW-02 and JW-03; the others are reached by appointment, the
#: appraisal results weighed (JW-09, ``APPRAISAL_BASIS``).
GRADING_LADDER = sc.GradingLadder(_rungs, _LADDER_CITE)

# Appraisal (JW-05, JW-06; AMB-04) --------------------------------------------------------

#: JW-05: appraised monthly and annually (篇1 第十四條, 篇3 第八條).
APPRAISAL_PERIODS: tuple[sc.PeriodKind, ...] = (sc.PeriodKind.MONTH, sc.PeriodKind.YEAR)
#: AMB-04: the source gives no weights; the chosen scorecard shares 100 points equally.
APPRAISAL_TOTAL = Decimal(100)
#: JW-06: 篇1 第十四條's four dimensions as (id, English, source wording), in its order.
_DIMENSIONS: tuple[tuple[str, str, str], ...] = (
    ("service-attitude", "Service attitude", "服務態度"),
    ("business-ability", "Business ability", "業務能力"),
    ("efficiency", "Work efficiency", "工作效率"),
    ("customer-satisfaction", "Customer satisfaction", "客戶滿意度"),
)

_criteria = tuple(
    sc.Criterion(
        criterion_id,
        sc.Text(en=en, zh_Hant=zh),
        APPRAISAL_TOTAL / len(_DIMENSIONS),
        _cite("JW-06", f"篇1 第十四條.{number}"),
    )
    for number, (criterion_id, en, zh) in enumerate(_DIMENSIONS, start=1)
)
#: Monthly and annual appraisal on 篇1's four dimensions, 25 points each; no pass mark.
APPRAISAL_SCHEME = sc.AppraisalScheme(
    _criteria,
    APPRAISAL_PERIODS,
    _cite("JW-05", "篇1 第十四條; 篇3 第八條"),
)


def _equal_scheme(
    rule_id: str,
    article: str,
    items: tuple[tuple[str, str, str], ...],
    periods_cite: sc.Citation,
) -> sc.AppraisalScheme:
    """*items* at equal weight out of 100 (AMB-04), monthly and annual (JW-05)."""
    criteria = tuple(
        sc.Criterion(
            criterion_id,
            sc.Text(en=en, zh_Hant=zh),
            APPRAISAL_TOTAL / len(items),
            _cite(rule_id, f"{article}.{number}"),
        )
        for number, (criterion_id, en, zh) in enumerate(items, start=1)
    )
    return sc.AppraisalScheme(criteria, APPRAISAL_PERIODS, periods_cite)


#: JW-07: 篇2 第十三條's five items as (id, English, source wording), in its order.
_ITEMS_PIAN2: tuple[tuple[str, str, str], ...] = (
    ("business-knowledge", "Mastery of business knowledge", "業務知識掌握程度"),
    ("service-attitude", "Service attitude", "服務態度"),
    ("efficiency", "Work efficiency", "工作效率"),
    ("customer-satisfaction", "Customer satisfaction", "客戶滿意度"),
    ("teamwork", "Teamwork", "團隊協作能力"),
)
#: JW-08: 篇3 第八條's four dimensions as (id, English, source wording), in its order.
_DIMENSIONS_PIAN3: tuple[tuple[str, str, str], ...] = (
    ("work-attitude", "Work attitude", "工作態度"),
    ("business-ability", "Business ability", "業務能力"),
    ("customer-satisfaction", "Customer satisfaction", "客戶滿意度"),
    ("efficiency", "Work efficiency", "工作效率"),
)
#: JW-07, an alternative to 篇1's scheme: 篇2's five items, 20 points each (AMB-04).  篇2
#: names no period; the plugin's monthly and annual periods (JW-05, 篇1 and 篇3) apply.
APPRAISAL_SCHEME_PIAN2 = _equal_scheme(
    "JW-07", "篇2 第十三條", _ITEMS_PIAN2, _cite("JW-05", "篇1 第十四條; 篇3 第八條")
)
#: JW-08, an alternative to 篇1's scheme: 篇3's four dimensions, 25 points each (AMB-04),
#: monthly and annual (篇3 第八條 itself).
APPRAISAL_SCHEME_PIAN3 = _equal_scheme(
    "JW-08", "篇3 第八條", _DIMENSIONS_PIAN3, _cite("JW-05", "篇3 第八條")
)

# Penalties (JW-10) -----------------------------------------------------------------------

_PENALTY_CITE = _cite("JW-10", "篇3 第九條.2")
#: JW-10: the failings sanctioned, as (code, English, source wording), in the source's order.
_FAILINGS: tuple[tuple[str, str, str], ...] = (
    ("poor-work-attitude", "Poor work attitude", "工作態度不端正"),
    ("insufficient-business-ability", "Insufficient business ability", "業務能力不足"),
    ("low-customer-satisfaction", "Low customer satisfaction", "客戶滿意度低"),
    ("low-efficiency", "Low work efficiency", "工作效率低下"),
)
#: JW-10: the sanctions named for any of the failings: 「給予警告、罰款、降職等處罰」.  None
#: is a rule's ``consequence``: the list is open ("等") and the source does not say which
#: sanction follows which failing, or after how many; the reviewer decides.
SANCTIONS: tuple[sc.Text, ...] = (
    sc.Text(en="warning", zh_Hant="警告"),
    sc.Text(en="fine", zh_Hant="罰款"),
    sc.Text(en="demotion", zh_Hant="降職"),
)


# Appearance and manner (JW-25, JW-26): an inspection checklist -------------------------

_JW25_VOICE = _cite("JW-25", "篇2 第五條.3")
_JW25_SMILE = _cite("JW-25", "篇2 第五條.4")
_JW26 = _cite("JW-26", "篇2 第五條.1")
#: JW-26's violation code: the company uniform not worn, or not clean and tidy.
UNIFORM_BREACH = "uniform-breach"
#: JW-25's violation code: not standard Mandarin, speed or tone, or not smiling.
VOICE_AND_MANNER_BREACH = "voice-and-manner-breach"
#: The codes of the checklist; 篇2 第五條 names no sanction, so none has a fine, points or
#: consequence (JW-10's warning, fine or demotion are for its four failings).
INSPECTION_RULES: tuple[sc.PenaltyRule, ...] = (
    sc.PenaltyRule(
        UNIFORM_BREACH,
        sc.Text(
            en="Company uniform not worn, clean and tidy",
            zh_Hant="未著整潔的公司統一工作服",
            zh_Hans="未着整洁的公司统一工作服",  # 著 (wear) is 着 in simplified script
        ),
        _JW26,
    ),
    sc.PenaltyRule(
        VOICE_AND_MANNER_BREACH,
        sc.Text(en="Voice or manner not to standard", zh_Hant="語音語調或姿態表情不合規範"),
        _cite("JW-25", "篇2 第五條.3–4"),
    ),
)


def _item(
    item_id: str, en: str, zh_hant: str, cite: sc.Citation, code: str, zh_hans: str | None = None
) -> sc.InspectionItem:
    text = sc.Text(en=en, zh_Hant=zh_hant, zh_Hans=zh_hans)
    return sc.InspectionItem(item_id, text, cite, code=code)


#: 篇2 第五條 客戶服務規範, what a supervisor checks on the floor and on the line: JW-26
#: (5.1) 「客服人員需著公司統一工作服,保持整潔、大方」 and JW-25 (5.3–4) 「使用標準普通話,
#: 語速適中,語調親切」「保持微笑,展現親和力」.  5.2's 儀容儀表 has no catalogue rule of its
#: own and no item.
APPEARANCE_AND_MANNER = sc.InspectionChecklist(
    "appearance-and-manner",
    sc.Text(en="Appearance and manner", zh_Hant="著裝與語音語調"),
    (
        _item(
            "company-uniform",
            "Wears the company uniform",
            "著公司統一工作服",
            _JW26,
            UNIFORM_BREACH,
            zh_hans="着公司统一工作服",  # 著 (wear) is 着 in simplified script
        ),
        _item(
            "uniform-tidy", "Uniform clean, tidy and neat", "保持整潔、大方", _JW26, UNIFORM_BREACH
        ),
        _item(
            "standard-mandarin",
            "Standard Mandarin",
            "使用標準普通話",
            _JW25_VOICE,
            VOICE_AND_MANNER_BREACH,
        ),
        _item("moderate-speed", "Moderate speed", "語速適中", _JW25_VOICE, VOICE_AND_MANNER_BREACH),
        _item("friendly-tone", "Friendly tone", "語調親切", _JW25_VOICE, VOICE_AND_MANNER_BREACH),
        _item(
            "smiling",
            "Keeps smiling, shows warmth",
            "保持微笑,展現親和力",
            _JW25_SMILE,
            VOICE_AND_MANNER_BREACH,
        ),
    ),
)


def penalty_schedule(currency: str = "CNY") -> sc.PenaltySchedule:
    """JW-10's four failings and the appearance-and-manner codes in *currency*, no fines,
    with the checklist ``APPEARANCE_AND_MANNER`` (JW-25, JW-26)."""
    return sc.PenaltySchedule(
        currency, (*penalty_rules(), *INSPECTION_RULES), checklists=(APPEARANCE_AND_MANNER,)
    )


def penalty_rules() -> tuple[sc.PenaltyRule, ...]:
    """One rule per failing of JW-10: no fine (the source names a fine but no amount), no
    points and no consequence (warning, fine or demotion are alternatives, not tied to a
    failing).  An assessment records each failing with its rule and costs nothing."""
    return tuple(
        sc.PenaltyRule(code, sc.Text(en=en, zh_Hant=zh), _PENALTY_CITE, fine=None)
        for code, en, zh in _FAILINGS
    )


# Courtesy (JW-22, JW-23, JW-24) ----------------------------------------------------------

_REQUIRED, _FORBIDDEN = sc.PhraseKind.REQUIRED, sc.PhraseKind.FORBIDDEN
_JW22 = _cite("JW-22", "篇1 第八條")
_JW23 = _cite("JW-23", "篇2 第四條.1")
_JW24 = _cite("JW-24", "篇2 第六條.8")
_GREETING, _FAREWELL = sc.Scenario.GREETING, sc.Scenario.FAREWELL

#: JW-22: 「應使用禮貌用語,尊重客戶,避免使用粗魯、侮辱性語言」.  The source names no
#: insult; these are the plugin's reading of "rude or insulting language", forbidden at
#: any moment.  Nothing polite replaces an insult, so none has an ``instead``.
INSULTS: tuple[sc.PhraseEntry, ...] = tuple(
    sc.PhraseEntry(phrase, _FORBIDDEN, sc.Scenario.ANY, _JW22, alternatives=alternatives)
    for phrase, alternatives in (
        ("神经病", ()),
        ("白痴", ()),
        ("笨蛋", ()),
        ("蠢货", ()),
        ("滚蛋", ("滚开",)),
        ("闭嘴", ()),
    )
)

#: JW-23: 「接聽電話時使用禮貌用語,主動介紹自己及公司」: three things required in the
#: agent's first turn, each its own entry so that a finding says which is missing — a
#: polite greeting, the agent's own name ("我是*", "工号*" or "*为您服务", ``*`` the name
#: or number) and the company's name, 京云仓 (in either script: matching folds it).
ANSWERING_PHRASES: tuple[sc.PhraseEntry, ...] = (
    sc.PhraseEntry(
        "您好",
        _REQUIRED,
        _GREETING,
        _JW23,
        placement="first_turn",
        alternatives=["你好", "早上好", "上午好", "中午好", "下午好", "晚上好"],
    ),
    sc.PhraseEntry(
        "我是*",
        _REQUIRED,
        _GREETING,
        _JW23,
        placement="first_turn",
        alternatives=["工号*", "*为您服务"],
    ),
    sc.PhraseEntry("京云仓", _REQUIRED, _GREETING, _JW23, placement="first_turn"),
)

#: JW-24: 「感謝客戶來電,告知聯系方式,并主動詢問是否需要其他幫助」: three things required
#: in the agent's last turn — thanks for the call, words that give the contact details
#: (the number or address itself is the agent's to fill in; the checker sees the words
#: that announce it), and the question whether anything else is needed.
CLOSING_PHRASES: tuple[sc.PhraseEntry, ...] = (
    sc.PhraseEntry(
        "感谢您的来电",
        _REQUIRED,
        _FAREWELL,
        _JW24,
        placement="last_turn",
        alternatives=["感谢*来电", "谢谢*来电", "感谢来电", "谢谢来电", "感谢*致电", "谢谢*致电"],
    ),
    sc.PhraseEntry(
        "联系电话",
        _REQUIRED,
        _FAREWELL,
        _JW24,
        placement="last_turn",
        alternatives=["联系方式", "热线", "请拨打", "请致电", "邮箱"],
    ),
    sc.PhraseEntry(
        "还有什么可以帮您",
        _REQUIRED,
        _FAREWELL,
        _JW24,
        placement="last_turn",
        alternatives=["还有什么*帮您", "还有*需要", "还需要*帮助", "还有*问题"],
    ),
)

#: The CS centre's phrases in simplified script: JW-22, JW-23, JW-24.
PHRASE_BOOK = sc.PhraseBook("zh_Hans", (*ANSWERING_PHRASES, *INSULTS, *CLOSING_PHRASES))


# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The Jingyun Warehouse CS centre: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_grading_ladder() -> sc.GradingLadder:
    """JW-01: representative, supervisor, manager; JW-02, JW-03 to be a representative."""
    return GRADING_LADDER


@sc.hookimpl
def servicecodex_appraisal_scheme() -> sc.AppraisalScheme:
    """JW-05, JW-06: monthly and annual, 篇1's four dimensions of 25 points (AMB-04)."""
    return APPRAISAL_SCHEME


@sc.hookimpl
def servicecodex_service_levels() -> sc.ServiceLevelPolicy:
    """JW-11 … JW-21: channels, the 3-ring phone target, JW-15's cases with their
    playbooks, JW-16's reply with no deadline (AMB-05) and JW-21's survey."""
    return SERVICE_LEVELS


@sc.hookimpl
def servicecodex_penalty_schedule(profile: sc.OrganizationProfile) -> sc.PenaltySchedule:
    """JW-10: the four sanctioned failings; JW-25, JW-26: the appearance-and-manner
    checklist and its two codes; in the organisation's currency, no fines."""
    return penalty_schedule(profile.currency)


@sc.hookimpl
def servicecodex_courtesy_phrases(
    profile: sc.OrganizationProfile, locale: str
) -> sc.PhraseBook | None:
    """JW-22, JW-23, JW-24: the zh_Hans phrase book; servicecodex derives the zh_Hant
    one, and an English book makes no sense for Chinese calls (``None``)."""
    return PHRASE_BOOK if locale == PHRASE_BOOK.locale else None
