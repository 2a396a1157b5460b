"""The customer-service group of 003 "客户服务部运行手册" (PS-14 … PS-22): the matters it
handles, the move-in, the visits to owners, the fees, its files and its audits.

The 运行手册 names ten sub-regulations (PS-14) whose texts are absent (AMB-19): their
names are kept (:data:`REGULATIONS`, and a case category for each kind of matter), never
steps of their own.  Steps come only from what the manual does say: the move-in (PS-15,
PS-16, PS-17), the visits (PS-18), renovation control (PS-19), fees (PS-20), customer
claims and opinions (PS-22).  No deadline is given anywhere, so the policy has no
response target.

The duty handover's record rules (PS-01, PS-02, PS-05, PS-09) are the core's
:class:`~servicecodex.HandoverLog` under ``HANDOVER_POLICY``, not repeated here.
"""

from __future__ import annotations

from collections.abc import Iterable

import servicecodex as sc

__all__ = [
    "AUDITS",
    "CASE_RULES",
    "CATEGORIES",
    "CHANNELS",
    "CUSTOMER_FILES",
    "MANUALS",
    "MOVE_IN",
    "MOVE_IN_REGISTER",
    "OWNER_VISIT",
    "REGISTERS",
    "REGULATIONS",
    "RENOVATION_FILES",
    "SERVICE_LEVELS",
    "WORKFLOW",
    "service_levels",
]

#: A citation of *clause* of 003 "客户服务部运行手册".
_cite = sc.Source("003 客户服务部运行手册")

_PS14 = _cite("PS-14", "三; AMB-19")
_PS15 = _cite("PS-15", "二.2")
_PS16 = _cite("PS-16", "一 概述")
_PS17 = _cite("PS-17", "一 概述")
_PS18 = _cite("PS-18", "二.1")
_PS19 = _cite("PS-19", "二.3")
_PS20 = _cite("PS-20", "二.4")
_PS21 = _cite("PS-21", "二.5")
_PS22 = _cite("PS-22", "一 概述")


#: PS-14 「三、客户服务组规章管理制度」: the ten sub-regulations, by id, in the manual's
#: order.  Their texts are absent (AMB-19): names only.
REGULATIONS: tuple[tuple[str, sc.Text], ...] = (
    ("move-in", sc.Text.hans("Owner move-in procedure", "业主入住手续办理流程")),
    ("renovation", sc.Text.hans("Secondary renovation rules", "二次装修管理规定")),
    ("complaint", sc.Text.hans("Complaint management procedure", "投诉管理程序")),
    ("shop", sc.Text.hans("Shop management rules", "商铺管理规定")),
    ("repair", sc.Text.hans("Owner repair requests", "业主报修管理制度")),
    ("visit", sc.Text.hans("Customer visits", "走访客户制度")),
    ("front-desk", sc.Text.hans("Front desk", "前台管理制度")),
    ("standards", sc.Text.hans("Management standards", "管理标准")),
    ("security", sc.Text.hans("Security management", "安全管理制度")),
    ("paid-service", sc.Text.hans("Paid-service charges", "有偿服务收费管理制度")),
)

#: PS-18 「与业主接触和定期用拜访」: owners come to the desk (前台, PS-14) and the group
#: visits them.  The manual names no other channel.
CHANNELS: tuple[sc.Channel, ...] = (sc.Channel.WALK_IN, sc.Channel.VISIT)

# Categories ------------------------------------------------------------------------------

#: PS-15 「安排新入伙的业户办理入驻手续,领取钥匙、核验能源表底及填写单元设施交接单,协助业户
#: 办理装修申请,负责安排业户的搬家事宜」; PS-16 「在业主入住时向客户解释有关设备设施的配比
#: 情况及运行情况…水电费计算方法、电梯和手扶电梯的数量及使用方法」; PS-17 「编制成用户手册、
#: 装修手册提供给客户参考」.  The renovation application and the move are the owner's
#: choice: not required.
MOVE_IN = sc.CaseCategory(
    "move-in",
    REGULATIONS[0][1],
    _PS14,
    (
        sc.PlaybookStep("keys", sc.Text.hans("Hand over the keys", "领取钥匙"), _PS15),
        sc.PlaybookStep(
            "meters", sc.Text.hans("Verify the meter base readings", "核验能源表底"), _PS15
        ),
        sc.PlaybookStep(
            "facilities-sheet",
            sc.Text.hans("Fill in the unit-facilities sheet", "填写单元设施交接单"),
            _PS15,
        ),
        sc.PlaybookStep(
            "explain-facilities",
            sc.Text.hans("Explain the facilities and how they run", "解释设备设施的配比及运行情况"),
            _PS16,
        ),
        sc.PlaybookStep(
            "explain-charges",
            sc.Text.hans("Explain how water and electricity are charged", "解释水电费计算方法"),
            _PS16,
        ),
        sc.PlaybookStep(
            "explain-lifts",
            sc.Text.hans("Explain the lifts and escalators", "解释电梯和手扶电梯的数量及使用方法"),
            _PS16,
        ),
        sc.PlaybookStep(
            "manuals",
            sc.Text.hans("Give the user and renovation manuals", "提供用户手册、装修手册"),
            _PS17,
        ),
        sc.PlaybookStep(
            "renovation-application",
            sc.Text.hans("Help with the renovation application", "协助办理装修申请"),
            _PS15,
            required=False,
        ),
        sc.PlaybookStep(
            "move", sc.Text.hans("Arrange the move", "安排搬家"), _PS15, required=False
        ),
    ),
)

#: PS-19 「配合工程、秩序维护队对二次装修进行管理,及时纠正违章施工」: when the works break the
#: rules, they are corrected with engineering and the order-maintenance team.
_RENOVATION = sc.CaseCategory(
    "renovation",
    REGULATIONS[1][1],
    _PS14,
    (
        sc.PlaybookStep(
            "correct-violation",
            sc.Text.hans("Correct rule-breaking works", "纠正违章施工"),
            _PS19,
            required=False,
        ),
    ),
)

#: PS-18 「通过与业主接触和定期用拜访收集、整理业户信息和需求,并及时传达给有关部门」.
_VISIT = sc.CaseCategory(
    "visit",
    REGULATIONS[5][1],
    _PS14,
    (
        sc.PlaybookStep(
            "collect",
            sc.Text.hans("Collect the owner's information and needs", "收集业户信息和需求"),
            _PS18,
        ),
        sc.PlaybookStep(
            "pass-on",
            sc.Text.hans("Pass them on to the departments concerned", "传达给有关部门"),
            _PS18,
        ),
    ),
)

#: PS-20 「核发及催缴物业管理费、能源费及其他相关费用」: a bill issued for one of the three
#: kinds of charge, and chased when it is not paid.
_FEES = sc.CaseCategory(
    "fees",
    sc.Text.hans("Fees", "收费"),
    _PS20,
    (
        sc.PlaybookStep(
            "bill",
            sc.Text.hans("Issue the bill", "核发费用"),
            _PS20,
            options=("management-fee", "energy-fee", "other"),
        ),
        sc.PlaybookStep("chase", sc.Text.hans("Chase payment", "催缴"), _PS20, required=False),
    ),
)

#: PS-22 「收集反馈客户意见与建议、督促与协调相关部门处理客户诉求」: an opinion is fed back;
#: a claim another department handles is pushed and coordinated until it is.
_OPINION = sc.CaseCategory(
    "opinion",
    sc.Text.hans("Opinions and suggestions", "意见与建议"),
    _PS22,
    (sc.PlaybookStep("feed-back", sc.Text.hans("Feed back", "反馈"), _PS22),),
)
_CLAIM = sc.CaseCategory(
    "claim",
    sc.Text.hans("Customer claim", "客户诉求"),
    _PS22,
    (
        sc.PlaybookStep(
            "coordinate",
            sc.Text.hans("Push and coordinate the department concerned", "督促与协调相关部门处理"),
            _PS22,
        ),
    ),
)


def _named(index: int) -> sc.CaseCategory:
    """A category of PS-14 with its name only: its regulation is absent (AMB-19)."""
    id, name = REGULATIONS[index]
    return sc.CaseCategory(id, name, _PS14)


#: The matters a case is about: the kinds of matter PS-14's regulations name (move-in,
#: renovation, complaint, shop, repair, visit, paid service — 前台, 管理标准 and 安全管理
#: are rules for the group, not matters), then fees (PS-20), opinions and claims (PS-22).
CATEGORIES: tuple[sc.CaseCategory, ...] = (
    MOVE_IN,
    _RENOVATION,
    _named(2),
    _named(3),
    _named(4),
    _VISIT,
    _named(9),
    _FEES,
    _OPINION,
    _CLAIM,
)

#: PS-14's procedures are absent (AMB-19), 投诉管理程序 among them: a case has one step,
#: handled, and closes from it.  A site with its procedures gives its workflow to
#: :func:`service_levels`.
WORKFLOW = sc.Workflow((sc.WorkflowStep("handle", sc.Text.hans("Handle", "处理")),), _PS14)

#: The group's case rules.  No ownership or transfer rule: PS-22's group pushes the other
#: departments (督促与协调) and keeps the claim.
CASE_RULES = sc.CaseRules(CHANNELS, CATEGORIES, WORKFLOW)

# Callbacks (PS-18) -----------------------------------------------------------------------

#: PS-18 「定期用拜访」 names no period.  **The plugin's reading**: once per owner each
#: calendar month — as AMB-13 reads the hospital's 「定期」 (monthly), the only reading of
#: 定期 the catalogue gives; a site sets its own with :func:`service_levels`.
OWNER_VISIT = sc.CallbackRule(
    "owner-visit",
    sc.Text.hans("Regular visit to the owner", "定期拜访业户"),
    _cite("PS-18", "二.1; AMB-13 by analogy"),
    sc.CallbackKind.MONTHLY,
)

# Registers (PS-15, PS-17, PS-21, PS-22) --------------------------------------------------

_UNIT = sc.RegisterField("unit", sc.Text.hans("Unit", "单元"), "text")

#: PS-15: one entry a unit handed over — the keys, the meter base readings verified
#: (water and electricity, the charges PS-16 explains; 能源表 names no others) and the
#: unit-facilities handover sheet (单元设施交接单); the renovation application and the move
#: when there are any.
MOVE_IN_REGISTER = sc.RegisterSpec(
    "move-in",
    sc.Text.hans("Move-in handover", "入伙登记"),
    (
        _UNIT,
        sc.RegisterField("occupant", sc.Text.hans("Occupant", "业户"), "name"),
        sc.RegisterField("keys", sc.Text.hans("Keys handed over", "领取钥匙数"), "number"),
        sc.RegisterField(
            "water-meter", sc.Text.hans("Water meter base reading", "水表底数"), "number"
        ),
        sc.RegisterField(
            "electricity-meter",
            sc.Text.hans("Electricity meter base reading", "电表底数"),
            "number",
        ),
        sc.RegisterField(
            "facilities-sheet",
            sc.Text.hans("Unit-facilities sheet filled in", "单元设施交接单"),
            "boolean",
        ),
        sc.RegisterField(
            "renovation-application",
            sc.Text.hans("Renovation application", "装修申请"),
            "boolean",
            required=False,
        ),
        sc.RegisterField(
            "move-date", sc.Text.hans("Move date", "搬家日期"), "date", required=False
        ),
    ),
    _PS15,
)

#: PS-17: the two manuals given to customers.
MANUALS: tuple[sc.Text, ...] = (
    sc.Text.hans("User manual", "用户手册"),
    sc.Text.hans("Renovation manual", "装修手册"),
)

#: PS-21 「建立客户档案和二装施工管理档案」: the manual names the files, not their contents;
#: one entry a document filed for a unit.
CUSTOMER_FILES = sc.RegisterSpec(
    "customer-files",
    sc.Text.hans("Customer files", "客户档案"),
    (
        _UNIT,
        sc.RegisterField("customer", sc.Text.hans("Customer", "业户"), "name"),
        sc.RegisterField("document", sc.Text.hans("Document", "文件"), "text"),
    ),
    _PS21,
)
RENOVATION_FILES = sc.RegisterSpec(
    "renovation-files",
    sc.Text.hans("Secondary-renovation files", "二装施工管理档案"),
    (_UNIT, sc.RegisterField("document", sc.Text.hans("Document", "文件"), "text")),
    _PS21,
)

#: PS-22 「监督稽核其他职能部门服务质量」: one entry an audit of a department's service, with
#: what was found.
AUDITS = sc.RegisterSpec(
    "audits",
    sc.Text.hans("Service-quality audits", "服务质量稽核"),
    (
        sc.RegisterField("department", sc.Text.hans("Department", "部门"), "text"),
        sc.RegisterField("finding", sc.Text.hans("Finding", "稽核结果"), "text"),
    ),
    _PS22,
)

#: PS-15, PS-21, PS-22.
REGISTERS: tuple[sc.RegisterSpec, ...] = (
    MOVE_IN_REGISTER,
    CUSTOMER_FILES,
    RENOVATION_FILES,
    AUDITS,
)

# The policy ------------------------------------------------------------------------------


def service_levels(
    workflow: sc.Workflow = WORKFLOW,
    visits: Iterable[sc.CallbackRule] = (OWNER_VISIT,),
) -> sc.ServiceLevelPolicy:
    """The group's policy: walk-in and visits, the categories (PS-14 … PS-22) under
    *workflow*, the regular visits to owners (*visits*, PS-18) and the registers (PS-15,
    PS-21, PS-22).  No response target: the manual gives none."""
    return sc.ServiceLevelPolicy(
        CHANNELS,
        _PS18,
        cases=sc.CaseRules(CHANNELS, CATEGORIES, workflow),
        callbacks=tuple(visits),
        registers=REGISTERS,
    )


#: The answer of ``servicecodex_service_levels``.
SERVICE_LEVELS = service_levels()
