"""The customer-service group of 003 "客户服务部运行手册" (PS-14 … PS-22), as the plugin
answers ``servicecodex_service_levels``: the matters it handles, the move-in, the
regular visits to owners, fees, files and audits."""

from __future__ import annotations

import json
from decimal import Decimal

import pendulum
import pytest
import servicecodex_property_service as ps

import servicecodex as sc
from servicecodex.testing import run_cli

TZ = "Asia/Shanghai"
DESK = "小周"


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=TZ)


@pytest.fixture(scope="module")
def policy() -> sc.ServiceLevelPolicy:
    return sc.Organization.load("property-service").service_levels


# The policy ------------------------------------------------------------------------------


def test_the_hook_answers_the_groups_policy(policy: sc.ServiceLevelPolicy) -> None:
    assert policy is ps.SERVICE_LEVELS
    assert policy.channels == (sc.Channel.WALK_IN, sc.Channel.VISIT)
    assert policy.targets == ()  # the manual gives no deadline
    assert [r.id for r in policy.callbacks] == ["owner-visit"]
    assert [s.id for s in policy.registers] == [
        "move-in",
        "customer-files",
        "renovation-files",
        "audits",
    ]


def test_every_rule_of_the_manual_is_cited(policy: sc.ServiceLevelPolicy) -> None:
    rules = policy.case_rules
    cited = {c.cite.rule_id for c in rules.categories}
    cited |= {s.cite.rule_id for c in rules.categories for s in c.playbook}
    cited |= {r.cite.rule_id for r in policy.callbacks}
    cited |= {s.cite.rule_id for s in policy.registers}
    cited |= {rules.workflow.cite.rule_id}
    assert cited == {f"PS-{n}" for n in range(14, 23)}
    assert all(r.explain(loc) for r in policy.describe_all() for loc in ("en", "zh_Hant"))


def test_ps14_names_ten_regulations_and_no_steps_of_their_own() -> None:
    """AMB-19: the sub-regulations' texts are absent; names only."""
    assert [name.localize("zh_Hans") for _, name in ps.REGULATIONS] == [
        "业主入住手续办理流程",
        "二次装修管理规定",
        "投诉管理程序",
        "商铺管理规定",
        "业主报修管理制度",
        "走访客户制度",
        "前台管理制度",
        "管理标准",
        "安全管理制度",
        "有偿服务收费管理制度",
    ]
    categories = {c.id: c for c in ps.CATEGORIES}
    assert list(categories) == [
        "move-in",
        "renovation",
        "complaint",
        "shop",
        "repair",
        "visit",
        "paid-service",
        "fees",
        "opinion",
        "claim",
    ]
    for named in ("complaint", "shop", "repair", "paid-service"):
        assert categories[named].playbook == ()
        assert categories[named].cite.rule_id == "PS-14"
    # Steps come only from what the manual says: PS-15 … PS-19.
    assert {s.cite.rule_id for s in categories["move-in"].playbook} == {"PS-15", "PS-16", "PS-17"}
    assert {s.cite.rule_id for s in categories["renovation"].playbook} == {"PS-19"}
    assert {s.cite.rule_id for s in categories["visit"].playbook} == {"PS-18"}
    assert [s.id for s in ps.WORKFLOW.steps] == ["handle"]


# Cases -----------------------------------------------------------------------------------


def test_a_move_in_with_its_handover_and_explanations(policy: sc.ServiceLevelPolicy) -> None:
    case = policy.open_case("M-0301", "move-in", "walk_in", "陈先生", DESK, at(3, 2, 9))
    case = case.take("keys", at(3, 2, 9), by=DESK)
    case = case.take("meters", at(3, 2, 9, 10), by=DESK)
    case = case.take("facilities-sheet", at(3, 2, 9, 20), by=DESK)
    assert [r.explain("en") for r in case.review(at(3, 2, 9, 30))] == [
        "Case M-0301: the playbook step Explain the facilities and how they run is not yet taken (PS-16)",
        "Case M-0301: the playbook step Explain how water and electricity are charged is not yet taken (PS-16)",
        "Case M-0301: the playbook step Explain the lifts and escalators is not yet taken (PS-16)",
        "Case M-0301: the playbook step Give the user and renovation manuals is not yet taken (PS-17)",
    ]
    for step in ("explain-facilities", "explain-charges", "explain-lifts", "manuals"):
        case = case.take(step, at(3, 2, 9, 40), by=DESK)
    assert case.review(at(3, 2, 10)) == []  # no renovation application, no move to arrange
    assert case.close(at(3, 2, 10), by=DESK).closed_at == at(3, 2, 10)
    assert len(ps.MANUALS) == 2


def test_a_bill_is_issued_for_one_of_three_charges_and_chased(
    policy: sc.ServiceLevelPolicy,
) -> None:
    case = policy.open_case("F-1", "fees", "visit", "3-1201", DESK, at(3, 5))
    with pytest.raises(sc.UnknownChoiceError, match="known: management-fee, energy-fee, other"):
        case.take("bill", at(3, 5), by=DESK, option="parking")
    assert case.category.cite.rule_id == "PS-20"
    case = case.take("bill", at(3, 5), by=DESK, option="management-fee")
    assert case.review(at(3, 5)) == []  # chasing only when unpaid
    case = case.take("chase", at(4, 5), by=DESK)
    assert [e.step for e in case.history if e.kind is sc.CaseEventKind.PLAYBOOK] == [
        "bill",
        "chase",
    ]


def test_a_claim_is_pushed_to_the_department(policy: sc.ServiceLevelPolicy) -> None:
    case = policy.open_case("C-1", "claim", "walk_in", "陈先生", DESK, at(3, 6))
    assert [r.explain("en") for r in case.review(at(3, 6))] == [
        "Case C-1: the playbook step Push and coordinate the department concerned is not yet taken (PS-22)"
    ]
    case = case.take("coordinate", at(3, 6, 11), by=DESK)
    assert case.close(at(3, 7), by=DESK).review(at(3, 7)) == []


def test_only_the_desk_and_visits(policy: sc.ServiceLevelPolicy) -> None:
    with pytest.raises(sc.UnknownChoiceError, match="known: walk_in, visit"):
        policy.open_case("X", "repair", "phone", "陈先生", DESK, at(3, 2))
    with pytest.raises(sc.ValidationError, match="unknown; known: move-in, renovation"):
        policy.open_case("X", "security", "walk_in", "陈先生", DESK, at(3, 2))


def test_a_site_gives_its_own_workflow() -> None:
    own = sc.Workflow(
        [
            sc.WorkflowStep("receive", sc.Text(en="Receive", zh_Hans="受理")),
            sc.WorkflowStep("dispatch", sc.Text(en="Dispatch", zh_Hans="派单")),
        ],
        sc.Citation("SITE-01", "site procedure"),
    )
    policy = ps.service_levels(workflow=own)
    case = policy.open_case("R-1", "repair", "walk_in", "陈先生", DESK, at(3, 2))
    with pytest.raises(sc.TransitionError):
        case.close(at(3, 2, 11), by=DESK)
    case = case.advance("dispatch", at(3, 2, 11), by=DESK)
    assert case.close(at(3, 2, 12), by=DESK).closed_at == at(3, 2, 12)


# PS-18: regular visits (monthly, by analogy with AMB-13) -----------------------------------


def test_each_owner_is_visited_once_a_calendar_month() -> None:
    register = sc.CallbackRegister(TZ, [ps.OWNER_VISIT])
    register = register.schedule("owner-visit", "3-1201", sc.Month(2026, 3))
    register = register.schedule("owner-visit", "3-1202", sc.Month(2026, 3))
    register = register.record(("owner-visit", "3-1201"), at(3, 18), by=DESK)
    states = register.status(at(4, 1, 9))
    assert [s.state for s in states] == [sc.CallbackState.DONE, sc.CallbackState.OVERDUE]
    assert states[1].explain("en") == (
        "Regular visit to the owner for 3-1202 is overdue by 1 day (March 2026) (PS-18)"
    )
    assert ps.service_levels(visits=()).callbacks == ()


# Registers (PS-15, PS-21, PS-22) ---------------------------------------------------------


def test_the_move_in_register_keeps_keys_meters_and_the_facilities_sheet() -> None:
    book = ps.MOVE_IN_REGISTER.register().add(
        at(3, 2, 9, 20),
        {
            "unit": "3-1201",
            "occupant": "陈志强",
            "keys": 4,
            "water-meter": Decimal("12.5"),
            "electricity-meter": 305,
            "facilities-sheet": True,
        },
    )
    (row,) = book.rows()
    assert row["occupant"] == "陈**"
    assert (row["keys"], row["water-meter"], row["electricity-meter"]) == (4, Decimal("12.5"), 305)
    assert row["facilities-sheet"] is True
    assert row["move-date"] is None
    assert book.format("zh_Hans").splitlines()[0] == "入伙登记（PS-15）"
    assert "陈志强" not in json.dumps(book.to_json(), ensure_ascii=False)
    with pytest.raises(sc.RegisterError, match="required by the register move-in"):
        book.add(at(3, 3), unit="3-1202", occupant="李四", keys=2)  # no meter readings
    with pytest.raises(sc.FloatError):
        book.add(
            at(3, 3),
            {
                "unit": "3-1202",
                "occupant": "李四",
                "keys": 2,
                "water-meter": 1.5,
                "electricity-meter": 3,
                "facilities-sheet": True,
            },
        )


def test_customer_and_renovation_files_and_audits() -> None:
    files = ps.CUSTOMER_FILES.register().add(
        at(3, 2), unit="3-1201", customer="陈志强", document="入伙资料、身份证复印件"
    )
    works = ps.RENOVATION_FILES.register().add(at(3, 9), unit="3-1201", document="装修申请表及图纸")
    audits = ps.AUDITS.register().add(at(3, 31), department="工程部", finding="报修平均两天才上门")
    assert [b.spec.cite.rule_id for b in (files, works, audits)] == ["PS-21", "PS-21", "PS-22"]
    assert files.rows()[0]["customer"] == "陈**"
    report = audits.report("month", sc.Month(2026, 3), TZ, by="department")
    assert report.explain("en")[0] == "1 entry in March 2026 (PS-22)"


# The command line ------------------------------------------------------------------------


def test_inspect_lists_the_groups_policy() -> None:
    for args, needle in ((["--locale", "en"], "(PS-18)"), (["--json"], "PS-15")):
        stdout = run_cli("inspect", "property-service", *args)
        assert needle in stdout
