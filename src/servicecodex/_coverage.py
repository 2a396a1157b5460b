"""Rule coverage: which of an organisation's catalogued rules its plugin implements and tests.

Each bundled plugin ships, as package data, its organisation's part of the rules
catalogue (``rules.json``: id, statement, quote, source clause, concept tags, and a
hand-written ``documentation_only`` reason for the rare rule no software can check) and
an index of the tests that name each id (``tested.json``).  ``tools/catalogue.py`` writes
both; the plugin's code is read here, when asked.  The core ships the generic manuals'
part (GM) the same way: its organisation id is ``servicecodex-defaults``
(:data:`DEFAULTS_ID`), its policy the built-in defaults, its code ``servicecodex._defaults``.

:func:`rule_coverage` gives each catalogued id one :class:`RuleState`:

``tested``
    the plugin cites it and a test names it (both *where* and *tests* are given);
``implemented``
    the plugin cites it, no test names it;
``documentation-only``
    not cited; ``rules.json`` says why no software can check it;
``tested-only``
    a test names it but the plugin does not cite it (a gap: the test exercises something
    else, or the citation was lost);
``missing``
    none of these (a gap).

*Where* a rule is cited is found in two places, in this order: every
:class:`~servicecodex.Citation` reachable from the organisation's effective policy (its
phrase books included), as ``package:path`` (``servicecodex_taobao_shop:
penalty_schedule.rules[3]``); for an id no policy object cites, each string constant in
the plugin's modules that is exactly that id, as ``module:name`` (the function, class or
module-level name holding it).  A test names an id when the id appears in a string inside
a test function (directly, or in a module-level table the function uses) or in a running
example of a Markdown page.
"""

from __future__ import annotations

import ast
import functools
import importlib
import json
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import attrs

from servicecodex._errors import PluginError, ServiceCodexError, UnknownPluginError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._org import Organization
from servicecodex._plugins import DEFAULTS_ID, installed_plugins
from servicecodex._reasons import RULE_ID, Citation

__all__ = [
    "DEFAULTS_ID",
    "GAP_STATES",
    "Catalogue",
    "CatalogueRule",
    "CoverageReport",
    "NoCatalogueError",
    "RuleCoverage",
    "RuleState",
    "UncataloguedCitation",
    "citations",
    "load_catalogue",
    "rule_coverage",
]

_CORE = "servicecodex"
_DEFAULTS_MODULE = f"{_CORE}._defaults"
RULES_FILE = "rules.json"
TESTED_FILE = "tested.json"
#: Ambiguities (``AMB-12``) look like rule ids but are not rules.
_NOT_RULES = ("AMB-",)


class NoCatalogueError(ServiceCodexError, LookupError):
    """An installed plugin ships no rule catalogue (``rules.json`` in its package)."""

    def __init__(self, plugin_id: str, package: str) -> None:
        self.plugin_id = plugin_id
        self.package = package
        super().__init__(
            f"plugin {plugin_id!r} ships no rule catalogue ({RULES_FILE} in package {package})"
        )


NoCatalogueError.__module__ = "servicecodex"


class RuleState(LabelledEnum):
    """How far one catalogued rule is covered, best first."""

    TESTED = "tested"
    IMPLEMENTED = "implemented"
    DOCUMENTATION_ONLY = "documentation-only"
    TESTED_ONLY = "tested-only"
    MISSING = "missing"


label_members(
    {
        RuleState.TESTED: N_("tested"),
        RuleState.IMPLEMENTED: N_("implemented"),
        RuleState.DOCUMENTATION_ONLY: N_("documentation-only"),
        RuleState.TESTED_ONLY: N_("tested only"),
        RuleState.MISSING: N_("missing"),
    }
)

#: The states that are gaps: the goal is none of them.
GAP_STATES = frozenset({RuleState.TESTED_ONLY, RuleState.MISSING})


@attrs.frozen
class CatalogueRule:
    """One rule of an organisation's catalogue, as its plugin ships it."""

    rule_id: str
    statement: str
    quote: str
    clause: str
    tags: tuple[str, ...] = ()
    heading: str = ""
    ambiguities: tuple[str, ...] = ()
    #: Why no software can check this rule; ``None`` for a rule code should implement.
    documentation_only: str | None = None


@attrs.frozen
class Catalogue:
    """An organisation's part of the rules catalogue: its rules in catalogue order, and
    its ambiguities (``AMB-nn`` → text)."""

    organization: str
    prefix: str
    name: str
    documents: tuple[str, ...]
    rules: tuple[CatalogueRule, ...]
    ambiguities: Mapping[str, str] = attrs.field(factory=dict, hash=False)

    @property
    def ids(self) -> tuple[str, ...]:
        """The rule ids, in catalogue order."""
        return tuple(rule.rule_id for rule in self.rules)


@attrs.frozen
class RuleCoverage:
    """One rule's state, with where it is cited and which tests name it."""

    rule: CatalogueRule
    state: RuleState
    where: tuple[str, ...] = ()
    tests: tuple[str, ...] = ()

    @property
    def rule_id(self) -> str:
        """The rule's catalogue id."""
        return self.rule.rule_id

    @property
    def reason(self) -> str | None:
        """Why the rule is documentation-only (``None`` in any other state)."""
        if self.state is RuleState.DOCUMENTATION_ONLY:
            return self.rule.documentation_only
        return None

    def to_json(self) -> dict[str, Any]:
        """The rule and its coverage as plain JSON data."""
        rule = self.rule
        return {
            "id": rule.rule_id,
            "statement": rule.statement,
            "quote": rule.quote,
            "clause": rule.clause,
            "tags": list(rule.tags),
            "state": self.state.value,
            "where": list(self.where),
            "tests": list(self.tests),
            "reason": self.reason,
        }


@attrs.frozen
class UncataloguedCitation:
    """An id the plugin cites that is not in its catalogue (nor a built-in default's)."""

    rule_id: str
    where: tuple[str, ...]


@attrs.frozen
class CoverageReport:
    """Every catalogued rule of one organisation plugin, each with its state."""

    organization: str
    package: str
    catalogue: Catalogue
    rules: tuple[RuleCoverage, ...]
    uncatalogued: tuple[UncataloguedCitation, ...] = ()

    def of_state(self, state: RuleState) -> tuple[RuleCoverage, ...]:
        """The rules in *state*, in catalogue order."""
        return tuple(rule for rule in self.rules if rule.state is state)

    def counts(self) -> dict[RuleState, int]:
        """How many rules are in each state (every state, best first)."""
        return {state: len(self.of_state(state)) for state in RuleState}

    @property
    def gaps(self) -> frozenset[str]:
        """The ids in a gap state (missing, or tested but not cited)."""
        return frozenset(rule.rule_id for rule in self.rules if rule.state in GAP_STATES)

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON data (docs/cli.md, ``servicecodex rules --json``)."""
        return {
            "organization": self.organization,
            "package": self.package,
            "counts": {state.value: count for state, count in self.counts().items()},
            "rules": [rule.to_json() for rule in self.rules],
            "uncatalogued": [{"id": c.rule_id, "where": list(c.where)} for c in self.uncatalogued],
        }


# -- the plugin's package and its data ------------------------------------------------


def _is_rule_id(value: str) -> bool:
    return RULE_ID.fullmatch(value) is not None and not value.startswith(_NOT_RULES)


def _package(plugin_id: str) -> tuple[str, Traversable]:
    """The package holding plugin *plugin_id*'s ``rules.json``: the entry point's module
    or the nearest package above it that has one."""
    if plugin_id == DEFAULTS_ID:
        return _CORE, resources.files(_CORE)
    entry_point = installed_plugins().get(plugin_id)
    if entry_point is None:
        raise UnknownPluginError(plugin_id, installed_plugins())
    parts = entry_point.module.split(".")
    for end in range(len(parts), 0, -1):
        name = ".".join(parts[:end])
        try:
            module = importlib.import_module(name)
        except Exception as exc:
            raise PluginError(plugin_id, "(import)", f"{type(exc).__name__}: {exc}") from exc
        if not hasattr(module, "__path__"):  # a module, not a package
            continue
        try:
            folder = resources.files(module)
        except (AttributeError, TypeError, ValueError):  # a package with no files (no spec)
            continue
        if folder.joinpath(RULES_FILE).is_file():
            return name, folder
    raise NoCatalogueError(plugin_id, parts[0])


def _read(plugin_id: str, folder: Traversable, file: str) -> dict[str, Any]:
    try:
        data = json.loads(folder.joinpath(file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PluginError(plugin_id, f"({file})", f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(data, dict):
        raise PluginError(plugin_id, f"({file})", "not a JSON object")
    return data


def _catalogue(plugin_id: str, data: Mapping[str, Any]) -> Catalogue:
    try:
        rules = tuple(
            CatalogueRule(
                rule_id=rule["id"],
                statement=rule["statement"],
                quote=rule["quote"],
                clause=rule["clause"],
                tags=tuple(rule.get("tags", ())),
                heading=rule.get("heading", ""),
                ambiguities=tuple(rule.get("ambiguities", ())),
                documentation_only=rule.get("documentation_only") or None,
            )
            for rule in data["rules"]
        )
        return Catalogue(
            organization=data["organization"],
            prefix=data["prefix"],
            name=data.get("name", ""),
            documents=tuple(data.get("documents", ())),
            rules=rules,
            ambiguities={a["id"]: a["text"] for a in data.get("ambiguities", ())},
        )
    except (KeyError, TypeError) as exc:
        raise PluginError(plugin_id, f"({RULES_FILE})", f"malformed: {exc!r}") from exc


def load_catalogue(plugin_id: str) -> Catalogue:
    """The rules catalogue that plugin *plugin_id* ships (its ``rules.json``).

    :raises UnknownPluginError: no such plugin is installed.
    :raises NoCatalogueError: the plugin ships no ``rules.json``.
    :raises PluginError: the plugin cannot be imported, or its ``rules.json`` is unreadable.

    >>> catalogue = load_catalogue("jingyun-warehouse")
    >>> catalogue.prefix, catalogue.rules[11].rule_id, catalogue.rules[11].clause
    ('JW', 'JW-12', '篇2 第四條.1, 第六條.1')
    """
    _, folder = _package(plugin_id)
    return _catalogue(plugin_id, _read(plugin_id, folder, RULES_FILE))


# -- where the plugin cites each id ---------------------------------------------------


def _key(key: object) -> str:
    return str(key.value) if isinstance(key, LabelledEnum) else str(key)


def citations(value: object, path: str = "") -> Iterator[tuple[Citation, str]]:
    """Every citation under *value* with the path of the object holding it: fields of
    attrs records, items of tuples, lists and mappings, members of sets (``[*]``)."""
    stack: list[tuple[object, str]] = [(value, path)]
    seen: set[int] = set()
    while stack:
        item, here = stack.pop()
        if isinstance(item, Citation):
            yield item, here
            continue
        if isinstance(item, str | bytes | int | float) or item is None:
            continue
        if id(item) in seen:  # a cycle, or one object under two paths: the first wins
            continue
        seen.add(id(item))
        children: list[tuple[object, str]] = []
        kind = type(item)
        if attrs.has(kind):
            for field in attrs.fields(kind):
                child = getattr(item, field.name)
                inner = f"{here}.{field.name}" if here else field.name
                # A citation is reported at the record that holds it.
                children.append((child, here if isinstance(child, Citation) else inner))
        elif isinstance(item, Mapping):
            children += [(v, f"{here}[{_key(k)}]") for k, v in item.items()]
        elif isinstance(item, tuple | list):
            children += [(v, f"{here}[{i}]") for i, v in enumerate(item)]
        elif isinstance(item, frozenset | set):
            children += [(v, f"{here}[*]") for v in item]
        stack.extend(reversed(children))


def _policy_citations(organization: Organization) -> dict[str, list[str]]:
    """Each id cited in *organization*'s effective policy → the paths citing it."""
    found: dict[str, list[str]] = {}
    for cite, path in citations(organization.effective_policy()):
        found.setdefault(cite.rule_id, []).append(path)
    return found


@functools.cache
def _default_ids() -> frozenset[str]:
    """The ids the built-in defaults cite (the generic manuals' GM rules): an
    organisation inherits them, they are not its plugin's."""
    return frozenset(_policy_citations(Organization.load()))


def _modules(package: str, folder: Traversable) -> Iterator[tuple[str, str]]:
    """Each module of the package (subpackages included): its name and source."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir() and entry.joinpath("__init__.py").is_file():
            yield from _modules(f"{package}.{entry.name}", entry)
        elif entry.is_file() and entry.name.endswith(".py"):
            stem = entry.name.removesuffix(".py")
            name = package if stem == "__init__" else f"{package}.{stem}"
            yield name, entry.read_text(encoding="utf-8")


class _IdFinder(ast.NodeVisitor):
    """The string constants that are exactly a rule id, each with the name of the
    function, class or module-level variable holding it."""

    def __init__(self) -> None:
        self.scope: list[str] = []
        self.found: list[tuple[str, str]] = []

    def _named(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _named

    def _assigned(self, node: ast.Assign | ast.AnnAssign) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if self.scope or not names:
            self.generic_visit(node)
            return
        self.scope.append(names[0])
        self.generic_visit(node)
        self.scope.pop()

    visit_Assign = visit_AnnAssign = _assigned

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and _is_rule_id(node.value):
            self.found.append((node.value, ".".join(self.scope) or "<module>"))


def _source_ids(package: str, folder: Traversable) -> dict[str, list[str]]:
    """Each id written as a string in the package's modules → ``module:name``s (for the
    core, only the defaults' module: the rest of the core cites no organisation)."""
    found: dict[str, list[str]] = {}
    for module, source in _modules(package, folder):
        if package == _CORE and module != _DEFAULTS_MODULE:
            continue
        finder = _IdFinder()
        finder.visit(ast.parse(source))
        for rule_id, name in finder.found:
            where = found.setdefault(rule_id, [])
            if f"{module}:{name}" not in where:
                where.append(f"{module}:{name}")
    return found


# -- the report -----------------------------------------------------------------------


def _state(where: Sequence[str], tests: Sequence[str], rule: CatalogueRule) -> RuleState:
    if where:
        return RuleState.TESTED if tests else RuleState.IMPLEMENTED
    if rule.documentation_only:
        return RuleState.DOCUMENTATION_ONLY
    return RuleState.TESTED_ONLY if tests else RuleState.MISSING


def rule_coverage(plugin_id: str) -> CoverageReport:
    """Each rule of plugin *plugin_id*'s catalogue with its :class:`RuleState`, where it is
    cited and which tests name it; and the ids it cites that its catalogue lacks.

    *plugin_id* :data:`DEFAULTS_ID` reports the built-in defaults against the generic
    manuals' rules (GM).

    :raises UnknownPluginError: no such plugin is installed.
    :raises NoCatalogueError: the plugin ships no ``rules.json``.
    :raises PluginError: the plugin fails, or its package data is unreadable.

    >>> report = rule_coverage("jingyun-warehouse")
    >>> twelve = report.rules[11]
    >>> twelve.rule_id, twelve.state, twelve.where[0]
    ('JW-12', <RuleState.TESTED: 'tested'>, 'servicecodex_jingyun_warehouse:service_levels.targets[0]')
    """
    package, folder = _package(plugin_id)
    catalogue = _catalogue(plugin_id, _read(plugin_id, folder, RULES_FILE))
    tested: Mapping[str, Sequence[str]] = {}
    if folder.joinpath(TESTED_FILE).is_file():
        tested = _read(plugin_id, folder, TESTED_FILE).get("tests", {})
    organization = Organization.load(plugin_id)
    cited = {
        rule_id: [f"{package}:{path}" for path in paths]
        for rule_id, paths in _policy_citations(organization).items()
    }
    for rule_id, places in _source_ids(package, folder).items():
        cited.setdefault(rule_id, places)  # only for ids no policy object cites
    rules = []
    for rule in catalogue.rules:
        where = tuple(cited.get(rule.rule_id, ()))
        tests = tuple(tested.get(rule.rule_id, ()))
        rules.append(RuleCoverage(rule, _state(where, tests, rule), where, tests))
    known = set(catalogue.ids) | _default_ids()
    uncatalogued = tuple(
        UncataloguedCitation(rule_id, tuple(places))
        for rule_id, places in sorted(cited.items())
        if rule_id not in known
    )
    return CoverageReport(plugin_id, package, catalogue, tuple(rules), uncatalogued)
