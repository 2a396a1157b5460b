"""servicecodex.testing: the conformance check plugin authors run, and the helpers their
tests share (a fixture per organisation, the command line, transcripts, disguises)."""

from __future__ import annotations

import datetime as dt
import json
import types
from typing import Literal

import pendulum
import pytest

import servicecodex as sc
from servicecodex.testing import (
    check_plugin,
    disguises,
    make_transcript,
    organization_fixture,
    run_cli,
)


def test_an_installed_plugin_conforms() -> None:
    plugin = sc.installed_plugins()["jingyun-warehouse"].load()
    org = check_plugin("jingyun-warehouse", plugin)
    assert org.plugins == ("jingyun-warehouse",)


def test_another_object_under_the_entry_point_is_reported() -> None:
    with pytest.raises(AssertionError, match="names another object"):
        check_plugin("jingyun-warehouse", types.ModuleType("impostor"))


def test_an_id_that_is_not_installed_is_reported() -> None:
    with pytest.raises(AssertionError, match="no entry point 'no-such-org'"):
        check_plugin("no-such-org", types.ModuleType("no_such_org"))


# check_plugin(hooks=...) -----------------------------------------------------------------

WAREHOUSE_HOOKS = (
    "servicecodex_appraisal_scheme",
    "servicecodex_courtesy_phrases",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
)


def warehouse_module() -> object:
    return sc.installed_plugins()["jingyun-warehouse"].load()


def test_the_hooks_answered_are_checked_in_any_order() -> None:
    org = check_plugin("jingyun-warehouse", warehouse_module(), hooks=WAREHOUSE_HOOKS[::-1])
    assert org.implemented_hooks() == {"jingyun-warehouse": WAREHOUSE_HOOKS}


def test_a_hook_not_answered_is_reported() -> None:
    hooks = [*WAREHOUSE_HOOKS, "servicecodex_salary_bands"]
    with pytest.raises(AssertionError) as raised:
        check_plugin("jingyun-warehouse", warehouse_module(), hooks=hooks)
    assert str(raised.value) == (
        "plugin 'jingyun-warehouse' answers other hooks than expected: "
        "missing servicecodex_salary_bands"
    )


def test_a_hook_answered_but_not_expected_is_reported() -> None:
    hooks = [h for h in WAREHOUSE_HOOKS if "ladder" not in h and "scheme" not in h]
    hooks.append("servicecodex_shift_policy")
    with pytest.raises(AssertionError) as raised:
        check_plugin("jingyun-warehouse", warehouse_module(), hooks=hooks)
    assert str(raised.value) == (
        "plugin 'jingyun-warehouse' answers other hooks than expected: "
        "missing servicecodex_shift_policy; "
        "not expected servicecodex_appraisal_scheme, servicecodex_grading_ladder"
    )


# organization_fixture ----------------------------------------------------------------------

warehouse = organization_fixture("jingyun-warehouse")
fresh_warehouse = organization_fixture("jingyun-warehouse", scope="function")


def test_the_fixture_loads_the_plugin_by_id(warehouse: sc.Organization) -> None:
    assert warehouse.plugins == ("jingyun-warehouse",)
    assert warehouse.id == "jingyun-warehouse"


def test_the_fixture_is_loaded_once_per_scope(
    warehouse: sc.Organization, fresh_warehouse: sc.Organization, request: pytest.FixtureRequest
) -> None:
    assert request.getfixturevalue("warehouse") is warehouse
    assert fresh_warehouse is not warehouse
    assert fresh_warehouse.profile == warehouse.profile


# run_cli -----------------------------------------------------------------------------------


def test_run_cli_returns_what_the_command_printed() -> None:
    data = json.loads(run_cli("plugins", "--json"))
    (row,) = [p for p in data["plugins"] if p["id"] == "jingyun-warehouse"]
    assert row["hooks"] == list(WAREHOUSE_HOOKS)
    text = run_cli("inspect", "jingyun-warehouse", "--locale", "en")
    assert text.splitlines()[0] == "Jingyun Warehouse customer service centre (jingyun-warehouse)"


def test_run_cli_reports_a_failure_with_its_status_and_message() -> None:
    with pytest.raises(AssertionError) as raised:
        run_cli("inspect", "no-such-org")
    message = str(raised.value)
    assert message.startswith("servicecodex inspect no-such-org exited 2: ")
    assert "\n" not in message  # the command's one-line error, stripped


# make_transcript ---------------------------------------------------------------------------

START = pendulum.datetime(2026, 3, 2, 9, 30, tz="Asia/Shanghai")


def test_turns_are_spaced_from_the_start() -> None:
    chat = make_transcript(
        ("customer", "在吗"),
        ("agent", "您好"),
        ("agent", "请稍等"),
        start=START,
        every=pendulum.duration(seconds=15),
    )
    assert [(t.speaker, t.at, t.text) for t in chat.turns] == [
        (sc.Speaker.CUSTOMER, START, "在吗"),
        (sc.Speaker.AGENT, START.add(seconds=15), "您好"),
        (sc.Speaker.AGENT, START.add(seconds=30), "请稍等"),
    ]
    assert (chat.role, chat.scenarios) == (None, frozenset())


def test_half_a_minute_apart_by_default_with_role_and_scenarios() -> None:
    chat = make_transcript(
        ("agent", "您好"), ("agent", "请稍等"), start=START, role="cashier", scenarios=["hold"]
    )
    assert chat.turns[1].at == START.add(seconds=30)
    assert chat.turns[1].at.timezone_name == "Asia/Shanghai"
    assert (chat.role, chat.scenarios) == ("cashier", frozenset({sc.Scenario.HOLD}))


def test_a_naive_start_is_refused() -> None:
    with pytest.raises(sc.ValidationError, match=r"Turn\.at"):
        make_transcript(("agent", "您好"), start=dt.datetime(2026, 3, 2, 9, 30))


# disguises ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "wording", "written"),
    [("zh_Hant", "不关我事", "不關我事"), ("zh_Hans", "愛買不買", "爱买不买")],
)
def test_each_disguise_folds_back_to_the_wording(
    script: Literal["zh_Hans", "zh_Hant"], wording: str, written: str
) -> None:
    ways = disguises(script)
    converted = "traditional" if script == "zh_Hant" else "simplified"
    assert list(ways) == [
        converted,
        "spaces",
        "ideographic-spaces",
        "punctuation",
        "zero-width",
        "all-at-once",
    ]
    assert ways[converted](wording) == written
    for name, disguise in ways.items():
        said = disguise(wording)
        assert said != wording, name
        assert said[0] in (wording[0], written[0]), name  # the span starts where it does
        assert sc.fold(said).text == sc.fold(wording).text, name
    assert ways["all-at-once"](wording).startswith(written[0] + "＊／")


def test_a_checker_sees_through_every_disguise() -> None:
    entry = sc.PhraseEntry(
        "不关我事", sc.PhraseKind.FORBIDDEN, sc.Scenario.ANY, sc.Citation("XX-01", "a test")
    )
    checker = sc.PhraseChecker(sc.PhraseBook("zh_Hans", [entry]))
    for name, disguise in disguises("zh_Hant").items():
        text = f"好的，{disguise('不关我事')}。"
        (hits,) = checker.scan([text])
        assert [(h.wording, h.start) for h in hits] == [("不关我事", 3)], name
