"""Each plugin's rule list and test index, as package data.

``python tools/catalogue.py``
    parse the rules catalogue (``../shared/design/RULES.md``, outside the repository) and
    write ``plugins/<id>/src/servicecodex_<id>/rules.json`` for each organisation: its
    rules (id, statement, quote, source clause, concept tags, the ambiguities a rule
    names) and the organisation's ambiguities; and ``src/servicecodex/rules.json``, the
    generic manuals' rules (GM), which the built-in defaults implement (their
    organisation id is ``servicecodex-defaults``).  A rule's hand-written
    ``"documentation_only": "reason"`` is kept.
``python tools/catalogue.py --tests``
    write ``plugins/<id>/src/servicecodex_<id>/tested.json`` (and the core's
    ``src/servicecodex/tested.json``): for each id of the ``rules.json`` beside it, the
    tests that name it (see :func:`index_of_tests`).
``--check`` (with either)
    write nothing; exit 1 naming every file that differs from what would be written.
    Without the catalogue (a fresh clone has no ``../shared``) ``--check`` of the rule
    lists says so and exits 0: the committed ``rules.json`` files are then the source
    of truth.

``--catalogue PATH`` reads another copy of the catalogue.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "CATALOGUE",
    "NOT_RULE_TESTS",
    "ROOT",
    "check",
    "index_documents",
    "index_of_tests",
    "main",
    "package_dir",
    "parse_catalogue",
    "rules_documents",
]

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT.parent / "shared" / "design" / "RULES.md"
RULES_SCHEMA = "servicecodex.catalogue/1"
TESTED_SCHEMA = "servicecodex.tested/1"

#: A numbered rule: ``12. **JW-12** — statement — 「quote」 — clause — `tag```.
_RULE = re.compile(r"^\d+\. \*\*(?P<id>[A-Z]{2,4}-\d{2,3})\*\* — (?P<rest>.*)$")
_RULE_PARTS = re.compile(
    r"^(?P<statement>.+?) — 「(?P<quote>.+)」 — (?P<clause>.+?)"
    r" — (?P<tags>`[a-z]+`(?:, `[a-z]+`)*)$"
)
_ORG_SECTION = re.compile(r"^### 2\.\d+ `(?P<org>[a-z][a-z-]*)` \((?P<prefix>[A-Z]{2,4})\)")
_ORG_ROW = re.compile(
    r"^\| (?:— \()?`(?P<org>[a-z][a-z-]*)`(?:, optional\))? \| (?P<cells>.*)\|\s*$"
)
#: The generic manuals (GM) have no organisation: the built-in defaults implement them.
GENERIC = "generic-manual"
DEFAULTS_ID = "servicecodex-defaults"
_HEADING = re.compile(r"^\*\*(?P<title>[^*]+)\*\*(?P<note>.*)$")
_AMB_GROUP = re.compile(r"^\*\*(?P<org>[a-z][a-z-]*)\*\*\s*$")
_AMB = re.compile(r"^- \*\*(?P<id>AMB-\d{2,3})\*\* — (?P<text>.*)$")
_AMB_REF = re.compile(r"AMB-\d{2,3}")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~])")
_CODE_SPAN = re.compile(r"`([^`]*)`")
#: A catalogue id inside a text (an ambiguity, ``AMB-nn``, is not a rule).
_ID_IN_TEXT = re.compile(r"(?<![A-Za-z-])(?!AMB-)([A-Z]{2,4}-\d{2,3})(?!\d)")


def _plain(markdown: str) -> str:
    """*markdown* as plain text: code spans kept verbatim without their backticks,
    backslash escapes (``\\*``) undone elsewhere."""
    out, last = [], 0
    for span in _CODE_SPAN.finditer(markdown):
        out.append(_ESCAPE.sub(r"\1", markdown[last : span.start()]))
        out.append(span.group(1))
        last = span.end()
    out.append(_ESCAPE.sub(r"\1", markdown[last:]))
    return "".join(out).strip()


def _organisations(lines: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The table of section 1: plugin id → name, documents, parts, prefix."""
    found: dict[str, dict[str, Any]] = {}
    for line in lines:
        row = _ORG_ROW.match(line)
        if row is None:
            continue
        name, documents, parts, prefix = (c.strip() for c in row["cells"].split(" | "))
        found[row["org"]] = {
            "name": _plain(name),
            "documents": [d.strip() for d in documents.split(";")],
            "parts": _plain(parts),
            "prefix": prefix,
        }
    return found


def _ambiguities(lines: Sequence[str]) -> dict[str, list[dict[str, str]]]:
    """Section 3, by organisation: each ``AMB-nn`` with its text."""
    found: dict[str, list[dict[str, str]]] = {}
    group: str | None = None
    for line in lines:
        if line.startswith("## 3."):
            group = ""
        elif line.startswith("## ") and group is not None:
            break
        if group is None:
            continue
        if heading := _AMB_GROUP.match(line):
            group = heading["org"]
        elif (entry := _AMB.match(line)) and group:
            found.setdefault(group, []).append({"id": entry["id"], "text": _plain(entry["text"])})
    return found


def _paragraph(lines: Sequence[str], start: int) -> str:
    """The paragraph starting at line *start*, joined into one line."""
    taken = []
    for line in lines[start:]:
        if not line.strip():
            break
        taken.append(line.strip())
    return _plain(" ".join(taken))


def parse_catalogue(text: str) -> dict[str, dict[str, Any]]:
    """Each organisation of the catalogue *text* (RULES.md) → its ``rules.json`` data,
    without hand-written fields.  The generic manuals (GM, no organisation) are under
    ``generic-manual``, with ``servicecodex-defaults`` as their organisation.

    :raises ValueError: a numbered rule line that does not parse, or ids out of order.
    """
    lines = text.splitlines()
    table = _organisations(lines)
    ambiguities = _ambiguities(lines)
    result: dict[str, dict[str, Any]] = {}
    data: dict[str, Any] | None = None
    heading = ""
    for number, line in enumerate(lines):
        if line.startswith(("### ", "## ")):
            data = None
        if section := _ORG_SECTION.match(line):
            org = section["org"]
            about = table.get(org)
            if about is None:
                raise ValueError(f"line {number + 1}: {org} is not in the table of section 1")
            if about["prefix"] != section["prefix"]:
                raise ValueError(f"line {number + 1}: {org}'s prefix is not {about['prefix']}")
            data = {
                "schema": RULES_SCHEMA,
                "organization": DEFAULTS_ID if org == GENERIC else org,
                "prefix": about["prefix"],
                "name": about["name"],
                "documents": about["documents"],
                "parts": about["parts"],
                "source": "",
                "not_modelled": "",
                "rules": [],
                "ambiguities": ambiguities.get(org, []),
            }
            result[org] = data
            heading = ""
            continue
        if data is None:
            continue
        if line.startswith(("Source: ", "Sources: ")) and not data["source"]:
            data["source"] = _paragraph(lines, number).split(": ", 1)[1]
        elif line.startswith("Not modelled"):
            data["not_modelled"] = _paragraph(lines, number)
        elif match := _RULE.match(line):
            parts = _RULE_PARTS.match(match["rest"])
            if parts is None:
                raise ValueError(f"line {number + 1}: a rule that does not parse: {line}")
            rule_id = match["id"]
            expected = f"{data['prefix']}-{len(data['rules']) + 1:02d}"
            if rule_id != expected:
                raise ValueError(f"line {number + 1}: {rule_id} where {expected} was expected")
            rule: dict[str, Any] = {
                "id": rule_id,
                "statement": _plain(parts["statement"]),
                "quote": _plain(parts["quote"]),
                "clause": _plain(parts["clause"]),
                "tags": [t.strip(" `") for t in parts["tags"].split(",")],
                "heading": heading,
            }
            named = sorted(set(_AMB_REF.findall(match["rest"])), key=lambda a: int(a[4:]))
            if named:
                rule["ambiguities"] = named
            data["rules"].append(rule)
        elif title := _HEADING.match(line):
            heading = _plain(title["title"])
    return result


def package_dir(org: str, root: Path = ROOT) -> Path:
    """The package folder of plugin *org*: ``plugins/<org>/src/servicecodex_<org>``; for
    the generic manuals, the core's ``src/servicecodex``."""
    if org in (GENERIC, DEFAULTS_ID):
        return root / "src" / "servicecodex"
    return root / "plugins" / org / "src" / f"servicecodex_{org.replace('-', '_')}"


def _dump(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _read_json(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def rules_documents(catalogue: Path, root: Path = ROOT) -> dict[Path, str]:
    """Each plugin's ``rules.json`` as it should read, keeping each rule's hand-written
    ``documentation_only`` reason from the file in place."""
    parsed = parse_catalogue(catalogue.read_text(encoding="utf-8"))
    documents = {}
    for org, data in sorted(parsed.items()):
        target = package_dir(org, root)
        if not target.is_dir():
            print(f"{org}: no plugin at {target.relative_to(root)}; skipped", file=sys.stderr)
            continue
        path = target / "rules.json"
        kept = {
            rule["id"]: rule["documentation_only"]
            for rule in _read_json(path).get("rules", [])
            if isinstance(rule, dict) and rule.get("documentation_only")
        }
        for rule in data["rules"]:
            if rule["id"] in kept:
                rule["documentation_only"] = kept.pop(rule["id"])
        for rule_id in kept:
            print(f"{org}: {rule_id} is documentation-only but no longer in the catalogue")
        documents[path] = _dump(data)
    return documents


# -- the tests that name each id ------------------------------------------------------


def _ids_in(node: ast.AST) -> set[str]:
    """The rule ids in the string constants under *node* (docstrings, f-string parts,
    decorator arguments included)."""
    found: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            found.update(_ID_IN_TEXT.findall(sub.value))
    return found


def _names_in(node: ast.AST) -> set[str]:
    return {sub.id for sub in ast.walk(node) if isinstance(sub, ast.Name)}


def _tests(tree: ast.Module) -> Iterator[tuple[str, ast.AST]]:
    """Each test function of a module (``test*``, alone or in a ``Test*`` class), with
    its node-id suffix."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if node.name.startswith("test"):
                yield node.name, node
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            functions = (
                m for m in node.body if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef)
            )
            for method in functions:
                if method.name.startswith("test"):
                    yield f"{node.name}::{method.name}", method


def _module_constants(tree: ast.Module) -> dict[str, set[str]]:
    """Module-level names bound to values that hold ids (tables that tests use)."""
    found: dict[str, set[str]] = {}
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        ids = _ids_in(value)
        for target in targets:
            for name in _names_in(target) if ids else ():
                found.setdefault(name, set()).update(ids)
    return found


def _python_tests(path: Path, node_path: str) -> Iterator[tuple[str, str]]:
    """(rule id, test node id) for each id a test function of *path* names, directly or
    through a module-level table it uses."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    tables = _module_constants(tree)
    for suffix, function in _tests(tree):
        ids = _ids_in(function)
        for name in _names_in(function) & set(tables):
            ids |= tables[name]
        for rule_id in ids:
            yield rule_id, f"{node_path}::{suffix}"


_FENCE = re.compile(r"^\s*```(?P<info>\S*)")


def _markdown_tests(path: Path, node_path: str) -> Iterator[tuple[str, str]]:
    """(rule id, page) for each id in the examples that run (```pycon and ```python
    blocks): a page's examples share one namespace, so the page is the test."""
    running: bool | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        fence = _FENCE.match(line)
        if fence is not None:
            running = None if running is not None else fence["info"] in ("pycon", "python")
            continue
        if running:
            for rule_id in _ID_IN_TEXT.findall(line):
                yield rule_id, node_path


def _test_sources(root: Path) -> Iterator[Path]:
    """Where tests are: each plugin's tests and README, the core tests, the docs and the
    README (the files ``nox -s tests`` runs)."""
    yield from sorted(root.glob("plugins/*/tests/**/*.py"))
    yield from sorted(root.glob("plugins/*/README.md"))
    yield from sorted(root.glob("tests/**/*.py"))
    yield from sorted(root.glob("docs/**/*.md"))
    yield root / "README.md"


#: Tests that name ids without testing the rules: the coverage tests list the gaps.
NOT_RULE_TESTS = frozenset({"tests/test_coverage.py"})


def index_of_tests(root: Path = ROOT) -> dict[str, list[str]]:
    """Every rule id any test names → the test node ids (``path::function``, a Markdown
    page as ``path``), sorted."""
    index: dict[str, set[str]] = {}
    for path in _test_sources(root):
        node_path = path.relative_to(root).as_posix()
        if not path.is_file() or node_path in NOT_RULE_TESTS:
            continue
        if path.suffix == ".py":
            pairs = _python_tests(path, node_path)
        else:
            pairs = _markdown_tests(path, node_path)
        for rule_id, node in pairs:
            index.setdefault(rule_id, set()).add(node)
    return {rule_id: sorted(nodes) for rule_id, nodes in sorted(index.items())}


def _plugins(root: Path) -> Iterator[tuple[str, Path, str]]:
    """Each bundled plugin with a ``rules.json`` (and the core, for the generic manuals):
    its id, package folder and the folder of its own tests."""
    for folder in sorted((root / "plugins").iterdir()):
        target = package_dir(folder.name, root)
        if (target / "rules.json").is_file():
            yield folder.name, target, f"plugins/{folder.name}/"
    core = package_dir(DEFAULTS_ID, root)
    if (core / "rules.json").is_file():
        yield DEFAULTS_ID, core, ""


def index_documents(root: Path = ROOT) -> dict[Path, str]:
    """Each plugin's ``tested.json`` as it should read, from its ``rules.json`` ids: each
    id's tests, the plugin's own first."""
    index = index_of_tests(root)
    documents = {}
    for org, target, home in _plugins(root):
        ids = [rule["id"] for rule in _read_json(target / "rules.json")["rules"]]

        def own_first(node: str, home: str = home) -> tuple[bool, bool, str]:
            # The plugin's own tests, then its README, then the core's tests and docs.
            return (not node.startswith(f"{home}tests/"), not node.startswith(home), node)

        data = {
            "schema": TESTED_SCHEMA,
            "organization": org,
            "tests": {
                rule_id: sorted(index[rule_id], key=own_first)
                for rule_id in ids
                if rule_id in index
            },
        }
        documents[target / "tested.json"] = _dump(data)
    return documents


def check(documents: Mapping[Path, str], root: Path = ROOT) -> list[str]:
    """The files of *documents* whose content on disk differs (repository paths)."""
    stale = []
    for path, text in documents.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.relative_to(root).as_posix())
    return stale


def _write(documents: Mapping[Path, str], root: Path) -> None:
    for path, text in documents.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(root).as_posix()}")


def main(argv: Iterable[str] | None = None) -> int:
    """Run the tool; 0 when written or up to date, 1 when ``--check`` finds a stale file."""
    parser = argparse.ArgumentParser(prog="tools/catalogue.py", description=__doc__.split("\n")[0])
    parser.add_argument("--tests", action="store_true", help="write tested.json, not rules.json")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if stale")
    parser.add_argument("--catalogue", type=Path, default=CATALOGUE, help="RULES.md to read")
    args = parser.parse_args(None if argv is None else list(argv))
    if args.tests:
        documents, fix = index_documents(ROOT), "python tools/catalogue.py --tests"
    elif not args.catalogue.is_file():
        print(f"{args.catalogue}: no rules catalogue here; the committed rules.json files stand")
        return 0
    else:
        documents, fix = rules_documents(args.catalogue, ROOT), "python tools/catalogue.py"
    if not args.check:
        _write(documents, ROOT)
        return 0
    stale = check(documents, ROOT)
    for path in stale:
        print(f"{path} is out of date; run `{fix}`")
    if not stale:
        print(f"{len(documents)} files up to date")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
