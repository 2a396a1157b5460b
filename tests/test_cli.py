"""The servicecodex command: plugins, inspect, and its errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types
from importlib.metadata import EntryPoint

import pytest

from servicecodex import _cli, _org, hookimpl
from servicecodex._cli import INSPECT_SCHEMA, PLUGINS_SCHEMA, main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def test_plugins_lists_the_warehouse_with_its_name_and_hooks() -> None:
    code, text = run("plugins", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["schema"] == PLUGINS_SCHEMA
    (row,) = [p for p in data["plugins"] if p["id"] == "jingyun-warehouse"]
    assert row["name"] == "Jingyun Warehouse customer service centre"
    assert "servicecodex_grading_ladder" in row["hooks"]
    assert "servicecodex_salary_bands" not in row["hooks"]


def test_inspect_json_is_valid_and_carries_every_policy_key() -> None:
    code, text = run("inspect", "jingyun-warehouse", "--json", "--locale", "zh_Hans")
    assert code == 0
    data = json.loads(text)
    assert data["schema"] == INSPECT_SCHEMA
    assert set(data) == {
        "schema", "organization", "locale", "plugins", "profile", "grading_ladder",
        "salary_bands", "penalty_schedule", "appraisal_scheme", "shift_policy",
        "service_levels", "phrase_books",
    }  # fmt: skip
    rungs = data["grading_ladder"]["rungs"]
    assert [r["name"]["zh_Hant"] for r in rungs] == ["客服代表", "主管", "經理"]
    assert data["grading_ladder"]["explanation"].endswith("（JW-01）")
    assert data["service_levels"]["targets"][0]["rings"] == 3


def test_inspect_text_follows_the_locale() -> None:
    _, hans = run("inspect", "jingyun-warehouse", "--locale", "zh_Hans_CN")
    _, hant = run("inspect", "jingyun-warehouse", "--locale", "zh_TW")
    _, en = run("inspect", "jingyun-warehouse", "--locale", "en")
    assert "电话：响铃3声内接听（JW-12）" in hans
    assert "電話：響鈴3聲內接聽（JW-12）" in hant
    assert "Phone: answer within 3 rings (JW-12)" in en
    assert "Salary bands\n  not defined" in en


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["inspect", "no-such-org"], "installed: "),
        (["inspect", "jingyun-warehouse", "--locale", "fr"], "supported: zh_Hans, zh_Hant, en"),
        (["inspect", "jingyun-warehouse", "--locale", "!!"], "not a locale"),
        (["inspect"], "required: ORG"),
        (["frobnicate"], "invalid choice"),
        ([], "required"),
    ],
)
def test_bad_arguments_print_one_line_and_exit_2(argv: list[str], needle: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "servicecodex", *argv], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert needle in result.stderr


def test_a_failing_plugin_prints_one_line_naming_it_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = types.ModuleType("servicecodex_broken_for_test")

    @hookimpl
    def servicecodex_grading_ladder() -> None:
        raise RuntimeError("ladder table missing")

    broken.servicecodex_grading_ladder = servicecodex_grading_ladder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, broken.__name__, broken)
    entry = EntryPoint("broken", broken.__name__, "servicecodex")
    monkeypatch.setattr(_org, "installed_plugins", lambda: {"broken": entry})
    monkeypatch.setattr(_cli, "installed_plugins", lambda: {"broken": entry})

    code, _ = run("inspect", "broken")
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert "PluginError: plugin 'broken', hook servicecodex_grading_ladder" in err
    assert "ladder table missing" in err


def test_inspect_shows_every_shift_rule_even_without_patterns() -> None:
    """property-service has no shift times, only handover and swap rules (PS-xx): they are
    listed each with its rule id, in text and in JSON."""
    code, text = run("inspect", "property-service", "--locale", "en")
    assert code == 0
    shifts = text.split("Shifts\n", 1)[1].split("Service levels", 1)[0]
    assert "  No handover while a major or emergency event is open (PS-10)\n" in shifts
    assert "  Each problem handed over states its cause, course and result (PS-02)\n" in shifts
    code, out = run("inspect", "property-service", "--json", "--locale", "zh_Hans")
    handover = json.loads(out)["shift_policy"]["handover"]
    assert handover["major_incident"]["rule_id"] == "PS-10"
    assert "重大或紧急事件未处理完，不得交接（PS-10）" in handover["explanation"]


def test_rules_json_gives_every_catalogue_id_a_state() -> None:
    from servicecodex._cli import RULES_SCHEMA
    from servicecodex._coverage import RuleState, load_catalogue

    code, text = run("rules", "taobao-shop", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["schema"] == RULES_SCHEMA == "servicecodex.rules/1"
    assert data["organization"] == "taobao-shop"
    assert [r["id"] for r in data["rules"]] == list(load_catalogue("taobao-shop").ids)
    assert {r["state"] for r in data["rules"]} <= {s.value for s in RuleState}
    assert sum(data["counts"].values()) == len(data["rules"]) == 93
    (penalty,) = [r for r in data["rules"] if r["id"] == "TB-39"]
    assert penalty["clause"] == "P1 七(1)"
    assert penalty["state"] == "tested"
    assert "servicecodex_taobao_shop:penalty_schedule.rules[0]" in penalty["where"]
    assert penalty["tests"][0].startswith("plugins/taobao-shop/tests/")


def test_rules_text_is_grouped_by_state_with_counts_at_the_end() -> None:
    code, text = run("rules", "jingyun-warehouse", "--locale", "en")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == (
        "Jingyun Warehouse customer service centre (jingyun-warehouse): 30 rules in the catalogue"
    )
    assert lines[1].startswith("Tested (")
    assert "  JW-12  Answer the phone within 3 rings." in lines
    assert "    where: servicecodex_jingyun_warehouse:service_levels.targets[0]" in lines
    assert lines[-1].startswith("tested ")
    assert lines[-1].endswith("(30 rules)")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["rules", "no-such-org"], "installed: "),
        (["rules", "taobao-shop", "--locale", "fr"], "supported: zh_Hans, zh_Hant, en"),
        (["rules"], "required: ORG"),
    ],
)
def test_rules_bad_arguments_print_one_line_and_exit_2(argv: list[str], needle: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "servicecodex", *argv], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert needle in result.stderr


def test_rules_of_a_plugin_without_a_catalogue_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from servicecodex import _coverage

    bare = types.ModuleType("servicecodex_bare_for_test")
    bare.__path__ = []  # a package with no files, so no rules.json
    monkeypatch.setitem(sys.modules, bare.__name__, bare)
    entry = EntryPoint("bare", bare.__name__, "servicecodex")
    for module in (_org, _coverage):
        monkeypatch.setattr(module, "installed_plugins", lambda: {"bare": entry})

    code, out = run("rules", "bare")
    err = capsys.readouterr().err
    assert (code, out) == (2, "")
    assert err == (
        "servicecodex: error: plugin 'bare' ships no rule catalogue "
        "(rules.json in package servicecodex_bare_for_test)\n"
    )
