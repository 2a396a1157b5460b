"""Rule coverage: each plugin's catalogue, the states of its ids, and the files that
tools/catalogue.py writes."""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
import types
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from servicecodex import _coverage, _org
from servicecodex._coverage import (
    GAP_STATES,
    NoCatalogueError,
    RuleState,
    load_catalogue,
    rule_coverage,
)
from servicecodex._errors import UnknownPluginError

ROOT = Path(__file__).resolve().parents[1]
NINE = (
    "callcenter-general",
    "ecommerce-ladder",
    "enterprise-handbook",
    "hospital-desk",
    "jingyun-warehouse",
    "lotus-retail",
    "oppein-install",
    "property-service",
    "taobao-shop",
)
TAGS = {
    "ladder", "salary", "penalty", "appraisal", "shift", "attendance", "leave", "contact",
    "sla", "courtesy", "record",
}  # fmt: skip


def _tool() -> types.ModuleType:
    """tools/catalogue.py, loaded as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("_catalogue_tool", ROOT / "tools/catalogue.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the nine bundled plugins ----------------------------------------------------------


@pytest.mark.parametrize("plugin_id", NINE)
def test_each_plugin_ships_its_catalogue_in_order(plugin_id: str) -> None:
    catalogue = load_catalogue(plugin_id)
    assert catalogue.organization == plugin_id
    assert catalogue.ids == tuple(
        f"{catalogue.prefix}-{n:02d}" for n in range(1, len(catalogue.rules) + 1)
    )
    for rule in catalogue.rules:
        assert all((rule.statement, rule.quote, rule.clause)), rule
        assert set(rule.tags) <= TAGS, rule
        assert rule.tags, rule
        assert "\\" not in rule.statement + rule.quote, rule  # Markdown escapes undone
        assert all(a in catalogue.ambiguities for a in rule.ambiguities if a), rule


@pytest.mark.parametrize("plugin_id", NINE)
def test_no_plugin_cites_an_id_outside_its_catalogue(plugin_id: str) -> None:
    """Strict: every id a plugin cites (in a policy object or as a string in its code) is
    one of its organisation's catalogue ids, or a built-in default's."""
    report = rule_coverage(plugin_id)
    assert report.uncatalogued == (), [(c.rule_id, c.where) for c in report.uncatalogued]


@pytest.mark.parametrize("plugin_id", NINE)
def test_every_id_has_exactly_one_state(plugin_id: str) -> None:
    report = rule_coverage(plugin_id)
    assert tuple(r.rule_id for r in report.rules) == load_catalogue(plugin_id).ids
    assert sum(report.counts().values()) == len(report.rules)
    for rule in report.rules:
        assert bool(rule.where) == (rule.state in {RuleState.TESTED, RuleState.IMPLEMENTED})
        if rule.state is RuleState.DOCUMENTATION_ONLY:
            assert rule.reason, rule.rule_id


@pytest.mark.parametrize("plugin_id", NINE)
def test_documentation_only_is_never_said_of_a_cited_rule(plugin_id: str) -> None:
    """A rule marked documentation-only in rules.json that the plugin now cites: the
    marker is stale, take it out."""
    stale = [
        r.rule_id
        for r in rule_coverage(plugin_id).rules
        if r.rule.documentation_only and r.state is not RuleState.DOCUMENTATION_ONLY
    ]
    assert stale == []


#: The ids of each plugin that are still gaps (missing, or tested but not cited).  This is
#: a snapshot, not a wish list: the test below fails when it differs from what the
#: plugins give, in either direction, so whoever opens a gap has to add it here, visibly.
#: It is empty: every catalogued id of the nine plugins is cited and tested.
KNOWN_GAPS: dict[str, set[str]] = {}


def test_the_gaps_are_exactly_the_known_gaps() -> None:
    """Every id has a state; the gap states (missing, tested-only) are tracked in
    KNOWN_GAPS until the plugins close them (the issue's goal: none)."""
    gaps = {plugin_id: set(rule_coverage(plugin_id).gaps) for plugin_id in NINE}
    gaps = {plugin_id: ids for plugin_id, ids in gaps.items() if ids}
    closed = {p: sorted(KNOWN_GAPS.get(p, set()) - gaps.get(p, set())) for p in NINE}
    opened = {p: sorted(gaps.get(p, set()) - KNOWN_GAPS.get(p, set())) for p in NINE}
    assert gaps == KNOWN_GAPS, (
        f"closed (take out of KNOWN_GAPS): { {p: i for p, i in closed.items() if i} }; "
        f"opened (cite and test them, or add to KNOWN_GAPS): { {p: i for p, i in opened.items() if i} }"
    )


# -- the files tools/catalogue.py writes -----------------------------------------------


def test_tested_json_is_up_to_date() -> None:
    """Each plugin's tested.json is what the tests and docs in the tree give now."""
    tool = _tool()
    stale = tool.check(tool.index_documents(ROOT), ROOT)
    assert stale == [], f"{stale} out of date: run `python tools/catalogue.py --tests`"


def test_rules_json_matches_the_catalogue_when_it_is_at_hand() -> None:
    """A development check: the catalogue lives outside the repository (../shared); in a
    fresh clone the committed rules.json files stand on their own."""
    tool = _tool()
    if not tool.CATALOGUE.is_file():
        pytest.skip(f"no rules catalogue at {tool.CATALOGUE}")
    stale = tool.check(tool.rules_documents(tool.CATALOGUE, ROOT), ROOT)
    assert stale == [], f"{stale} out of date: run `python tools/catalogue.py`"


def test_the_catalogue_parser_reads_rules_headings_and_ambiguities() -> None:
    text = textwrap.dedent(
        """\
        | Plugin id | Organisation | Document | Part(s) | Prefix |
        |---|---|---|---|---|
        | `acme-desk` | ACME's desk | 000_x.txt; 001_y.txt | all | AD |

        ### 2.1 `acme-desk` (AD)

        Source: 000 and 001.

        **Slots**

        1. **AD-01** — Say "\\*号线" (AMB-02). — 「\\*号线班车」 — 一.1 — `courtesy`
        2. **AD-02** — A — dash inside. — 「`8:00~6:00`」 — 二 — `shift`, `record`

        Not modelled: nothing.

        ## 3. Ambiguities

        **acme-desk**

        - **AMB-02** — Slots are `*`. Default: fill them.
        """
    )
    (data,) = _tool().parse_catalogue(text).values()
    assert data["organization"] == "acme-desk"
    assert data["documents"] == ["000_x.txt", "001_y.txt"]
    assert data["source"] == "000 and 001."
    assert data["not_modelled"] == "Not modelled: nothing."
    one, two = data["rules"]
    assert one == {
        "id": "AD-01",
        "statement": 'Say "*号线" (AMB-02).',
        "quote": "*号线班车",
        "clause": "一.1",
        "tags": ["courtesy"],
        "heading": "Slots",
        "ambiguities": ["AMB-02"],
    }
    assert (two["statement"], two["quote"], two["tags"]) == (
        "A — dash inside.",
        "8:00~6:00",
        ["shift", "record"],
    )
    assert data["ambiguities"] == [{"id": "AMB-02", "text": "Slots are *. Default: fill them."}]


def test_the_tool_keeps_documentation_only_reasons(tmp_path: Path) -> None:
    tool = _tool()
    package = tmp_path / "plugins/acme-desk/src/servicecodex_acme_desk"
    package.mkdir(parents=True)
    catalogue = tmp_path / "RULES.md"
    catalogue.write_text(
        "| `acme-desk` | ACME | 000.txt | all | AD |\n\n### 2.1 `acme-desk` (AD)\n\n"
        "1. **AD-01** — Smile from the heart. — 「微笑」 — 一 — `courtesy`\n",
        encoding="utf-8",
    )
    (path, text), = tool.rules_documents(catalogue, tmp_path).items()  # fmt: skip
    assert json.loads(text)["rules"][0].get("documentation_only") is None
    data = json.loads(text)
    data["rules"][0]["documentation_only"] = "no software sees a heart"
    path.write_text(json.dumps(data), encoding="utf-8")
    (text,) = tool.rules_documents(catalogue, tmp_path).values()
    assert json.loads(text)["rules"][0]["documentation_only"] == "no software sees a heart"
    assert tool.check({path: text}, tmp_path) == [
        "plugins/acme-desk/src/servicecodex_acme_desk/rules.json"
    ]


def test_the_test_index_finds_ids_in_tests_tables_and_running_examples(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "tests/test_x.py").write_text(
        textwrap.dedent(
            '''\
            CASES = [("AD-03", 1)]

            def helper():
                return "AD-09"

            def test_one():
                """AD-01: the first rule."""

            @pytest.mark.parametrize("case", CASES)
            def test_two(case):
                assert f"({case}) AD-02" and "AMB-12"

            class TestGroup:
                def test_three(self):
                    assert "x (AD-04)"
            '''
        ),
        encoding="utf-8",
    )
    (tmp_path / "docs/page.md").write_text(
        "Prose about AD-05.\n\n```pycon\n>>> 'AD-06'\n'AD-06'\n\n```\n\n```json\n\"AD-07\"\n```\n",
        encoding="utf-8",
    )
    assert _tool().index_of_tests(tmp_path) == {
        "AD-01": ["tests/test_x.py::test_one"],
        "AD-02": ["tests/test_x.py::test_two"],
        "AD-03": ["tests/test_x.py::test_two"],
        "AD-04": ["tests/test_x.py::TestGroup::test_three"],
        "AD-06": ["docs/page.md"],
    }


# -- states, where, and errors, on a plugin made for the test ---------------------------

FAKE = "sc_fake_coverage_plugin"
FAKE_CODE = '''\
import servicecodex as sc

LEVELS = sc.ServiceLevelPolicy(
    (sc.Channel.PHONE,),
    sc.Citation("ZZ-01", "000 一"),
    targets=(sc.ResponseTarget(sc.Channel.PHONE, sc.Citation("ZZ-99", "000 九"), rings=3),),
)


def register_customer():
    """Not reachable from a policy: found in the source."""
    return {"rule": "ZZ-02"}


@sc.hookimpl
def servicecodex_service_levels():
    return LEVELS
'''


def _rule(n: int, **extra: str) -> dict[str, object]:
    return {"id": f"ZZ-{n:02d}", "statement": f"Rule {n}.", "quote": "引", "clause": "一",
            "tags": ["sla"], **extra}  # fmt: skip


@pytest.fixture
def fake_plugin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """An installed plugin ``fake`` in package FAKE: ZZ-01 cited in a policy and tested,
    ZZ-02 cited in code only (and marked documentation-only, stale), ZZ-03
    documentation-only, ZZ-04 only tested, ZZ-05 missing; ZZ-99 cited, not catalogued."""
    package = tmp_path / FAKE
    package.mkdir()
    (package / "__init__.py").write_text(FAKE_CODE, encoding="utf-8")
    rules = {
        "schema": "servicecodex.catalogue/1",
        "organization": "fake",
        "prefix": "ZZ",
        "rules": [
            _rule(1),
            _rule(2, documentation_only="stale"),
            _rule(3, documentation_only="no software sees a heart"),
            _rule(4),
            _rule(5),
        ],
    }
    tested = {"tests": {"ZZ-01": ["tests/t.py::test_a"], "ZZ-04": ["docs/p.md"]}}
    (package / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    (package / "tested.json").write_text(json.dumps(tested), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    entry = EntryPoint("fake", FAKE, "servicecodex")
    for module in (_org, _coverage):
        monkeypatch.setattr(module, "installed_plugins", lambda: {"fake": entry})
    yield package
    sys.modules.pop(FAKE, None)


def test_each_state_with_where_and_tests(fake_plugin: Path) -> None:
    report = rule_coverage("fake")
    states = {r.rule_id: (r.state, r.where, r.tests, r.reason) for r in report.rules}
    assert states == {
        "ZZ-01": (
            RuleState.TESTED,
            (f"{FAKE}:service_levels",),
            ("tests/t.py::test_a",),
            None,
        ),
        "ZZ-02": (RuleState.IMPLEMENTED, (f"{FAKE}:register_customer",), (), None),
        "ZZ-03": (RuleState.DOCUMENTATION_ONLY, (), (), "no software sees a heart"),
        "ZZ-04": (RuleState.TESTED_ONLY, (), ("docs/p.md",), None),
        "ZZ-05": (RuleState.MISSING, (), (), None),
    }
    assert report.gaps == {"ZZ-04", "ZZ-05"}
    assert {s for s in RuleState if s.value in ("tested-only", "missing")} == GAP_STATES
    ((stray, where),) = [(c.rule_id, c.where) for c in report.uncatalogued]
    assert (stray, where) == ("ZZ-99", (f"{FAKE}:service_levels.targets[0]",))
    data = report.to_json()
    assert data["counts"] == {
        "tested": 1, "implemented": 1, "documentation-only": 1, "tested-only": 1, "missing": 1,
    }  # fmt: skip
    assert data["uncatalogued"] == [{"id": "ZZ-99", "where": [f"{FAKE}:service_levels.targets[0]"]}]


def test_a_built_in_defaults_id_is_not_the_plugins_to_catalogue(
    fake_plugin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    defaults = _coverage._default_ids() | {"ZZ-99"}
    monkeypatch.setattr(_coverage, "_default_ids", lambda: defaults)
    assert rule_coverage("fake").uncatalogued == ()


def test_without_tested_json_nothing_is_tested(fake_plugin: Path) -> None:
    (fake_plugin / "tested.json").unlink()
    report = rule_coverage("fake")
    assert report.counts()[RuleState.TESTED] == 0
    assert report.counts()[RuleState.IMPLEMENTED] == 2


def test_a_plugin_without_rules_json_or_not_installed(fake_plugin: Path) -> None:
    (fake_plugin / "rules.json").unlink()
    with pytest.raises(NoCatalogueError, match=rf"plugin 'fake' ships no rule catalogue .*{FAKE}"):
        rule_coverage("fake")
    with pytest.raises(UnknownPluginError):
        load_catalogue("no-such-org")
