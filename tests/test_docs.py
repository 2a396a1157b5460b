"""The documentation covers the code: every hook has its section in docs/hooks.md, with
its real signature and kind, and every page is listed in docs/index.md.

The examples on the pages themselves are run by Sybil (docs/conftest.py).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from servicecodex import hookspecs

DOCS = Path(__file__).resolve().parent.parent / "docs"
HOOKS_PAGE = DOCS / "hooks.md"
INDEX_PAGE = DOCS / "index.md"
HOOK_PREFIX = "servicecodex_"
_LINK_TARGET = re.compile(r"\]\(\s*(?:\./)?([^)#\s]+)")


def _hooks() -> dict[str, Callable[..., Any]]:
    """Every hook function defined in servicecodex.hookspecs, by name."""
    return {
        name: function
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith(HOOK_PREFIX) and function.__module__ == hookspecs.__name__
    }


def _sections(page: Path) -> dict[str, str]:
    """The page's level-2 sections, by heading text."""
    sections: dict[str, str] = {}
    current: str | None = None
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = ""
        elif current is not None:
            sections[current] += line + "\n"
    return sections


def _signature(name: str, function: Callable[..., Any]) -> str:
    """``name(args) -> return`` as written in the docs (annotations without quotes)."""
    return name + str(inspect.signature(function)).replace("'", "")


HOOKS = _hooks()


def test_hookspecs_define_hooks() -> None:
    assert "servicecodex_grading_ladder" in HOOKS
    assert len(HOOKS) >= 9


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_every_hook_is_documented(name: str) -> None:
    sections = _sections(HOOKS_PAGE)
    assert name in sections, f"docs/hooks.md has no '## {name}' section"
    section = sections[name]
    signature = _signature(name, HOOKS[name])
    assert f"`{signature}`" in section, f"'## {name}' should show the signature `{signature}`"
    firstresult = bool(getattr(HOOKS[name], f"{hookspecs.PROJECT}_spec", {}).get("firstresult"))
    kind = "**Pick-one.**" if firstresult else "**Collected"
    assert kind in section, f"'## {name}' should say it is {kind.strip('*.')}"
    assert "make_organization(" in section, f"'## {name}' should have an example that runs"


def test_hooks_page_documents_no_stale_hook() -> None:
    documented = {title for title in _sections(HOOKS_PAGE) if title.startswith(HOOK_PREFIX)}
    assert documented <= set(HOOKS), f"no such hooks: {sorted(documented - set(HOOKS))}"


def _pages() -> list[str]:
    return sorted(p.name for p in DOCS.glob("*.md") if p.name != INDEX_PAGE.name)


@pytest.mark.parametrize("page", _pages())
def test_every_page_is_listed_in_the_index(page: str) -> None:
    linked = set(_LINK_TARGET.findall(INDEX_PAGE.read_text(encoding="utf-8")))
    assert page in linked, f"docs/index.md does not link to {page}"
