"""Helpers for plugin authors' tests: build an Organization from plugin objects defined
inline, with nothing installed; check an installed plugin; load it into a fixture; run
the command line; build conversations and disguise the words a courtesy check must see.

Use :func:`make_organization` directly, or the ``organization_factory`` pytest fixture by
adding ``pytest_plugins = ["servicecodex.testing"]`` to your ``conftest.py``.

- :func:`check_plugin` checks an installed plugin the way servicecodex loads it (and,
  with ``hooks=``, which hooks it answers);
- :func:`organization_fixture` makes a pytest fixture of an installed organisation;
- :func:`run_cli` runs the ``servicecodex`` command and returns what it printed;
- :func:`make_transcript` builds a conversation from ``(speaker, text)`` pairs;
- :func:`disguises` gives the ways a forbidden phrase is hidden that a courtesy check sees
  through.

>>> from servicecodex import hookimpl, Text, OrganizationProfile
>>> class Acme:
...     @hookimpl
...     def servicecodex_organization_profile(self):
...         return OrganizationProfile("acme", Text(en="ACME", zh_Hans="顶点"),
...                                    "en", "Europe/London", "GBP", "GB")
>>> org = make_organization(Acme())
>>> org.plugins, org.profile.currency
(('Acme',), 'GBP')
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

import pytest

from servicecodex._org import Organization
from servicecodex._text import to_simplified, to_traditional
from servicecodex._transcript import Transcript, Turn

__all__ = [
    "check_plugin",
    "disguises",
    "make_organization",
    "make_transcript",
    "organization_factory",
    "organization_fixture",
    "plugin_name",
    "run_cli",
]


def plugin_name(plugin: object) -> str:
    """The name a plugin object gets when none is given: a module's or class's name, or
    the class name of an instance."""
    name = getattr(plugin, "__name__", None)
    return name if isinstance(name, str) else type(plugin).__name__


def make_organization(
    *plugins: object | tuple[str, object],
    precedence: Sequence[str] = (),
) -> Organization:
    """An organisation made of *plugins* over the built-in defaults, nothing installed.

    Each plugin is an object with ``servicecodex_*`` hook functions (a module, a class,
    an instance), or a ``(name, object)`` pair to choose its name.
    """
    named: list[tuple[str, object]] = []
    for plugin in plugins:
        if isinstance(plugin, tuple) and len(plugin) == 2 and isinstance(plugin[0], str):
            named.append((plugin[0], plugin[1]))
        else:
            named.append((plugin_name(plugin), plugin))
    return Organization.from_plugins(named, precedence=precedence)


def check_plugin(
    plugin_id: str, module: object, *, hooks: Iterable[str] | None = None
) -> Organization:
    """Check an installed organisation plugin the way servicecodex loads it, and return the
    organisation loaded by id.

    The entry point *plugin_id* (group ``servicecodex``) must name *module*; loaded by
    id, the organisation holds exactly that plugin and its profile id is *plugin_id*;
    built from *module* directly it has the same profile; and every policy it defines
    builds (:meth:`Organization.effective_policy`).  With *hooks* (hook names, in any
    order), the plugin must answer exactly those hooks, no more and no fewer.  Each check
    fails with an ``AssertionError`` saying which.

    >>> import servicecodex_lotus_retail
    >>> org = check_plugin(
    ...     "lotus-retail",
    ...     servicecodex_lotus_retail,
    ...     hooks=["servicecodex_organization_profile", "servicecodex_courtesy_phrases"],
    ... )
    >>> org.id
    'lotus-retail'
    >>> check_plugin(
    ...     "lotus-retail", servicecodex_lotus_retail, hooks=["servicecodex_organization_profile"]
    ... )
    Traceback (most recent call last):
    ...
    AssertionError: plugin 'lotus-retail' answers other hooks than expected: not expected servicecodex_courtesy_phrases
    """
    from servicecodex._plugins import installed_plugins

    installed = installed_plugins()
    assert plugin_id in installed, f"no entry point {plugin_id!r} in group 'servicecodex'"
    assert installed[plugin_id].load() is module, f"entry point {plugin_id!r} names another object"
    org = Organization.load(plugin_id)
    assert org.plugins == (plugin_id,), org.plugins
    assert org.profile.id == plugin_id, f"profile id {org.profile.id!r} is not {plugin_id!r}"
    assert make_organization(module).profile == org.profile, (
        "the module object gives another profile"
    )
    if hooks is not None:
        expected, answered = set(hooks), set(org.implemented_hooks()[plugin_id])
        if expected != answered:
            differences = [
                f"{how} {', '.join(sorted(names))}"
                for how, names in (
                    ("missing", expected - answered),
                    ("not expected", answered - expected),
                )
                if names
            ]
            raise AssertionError(
                f"plugin {plugin_id!r} answers other hooks than expected: {'; '.join(differences)}"
            )
    org.effective_policy()
    return org


def organization_fixture(
    plugin_id: str,
    *,
    scope: Literal["session", "package", "module", "class", "function"] = "module",
) -> Callable[[], Organization]:
    """A pytest fixture giving the installed organisation *plugin_id*, loaded once per
    *scope* (a module, by default).

    The fixture takes the name it is assigned to in a test module (or ``conftest.py``)::

        org = organization_fixture("jingyun-warehouse")

        def test_three_rungs(org: sc.Organization) -> None:
            assert len(org.ladder.rungs) == 3

    Like every fixture, pytest calls it: calling it directly is an error.
    """

    def load() -> Organization:
        return Organization.load(plugin_id)

    load.__doc__ = f"The installed organisation {plugin_id!r}."
    return pytest.fixture(load, scope=scope)


def run_cli(*args: str) -> str:
    """Run the ``servicecodex`` command with *args* (``python -m servicecodex``, in a
    subprocess of this interpreter), assert that it exits 0, and return its output.

    >>> import json
    >>> json.loads(run_cli("plugins", "--json"))["schema"]
    'servicecodex.plugins/1'

    A failure is an ``AssertionError`` carrying the exit status and the error output:

    >>> run_cli("frobnicate")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    AssertionError: servicecodex frobnicate exited 2: ...invalid choice: 'frobnicate'...
    """
    done = subprocess.run(
        [sys.executable, "-m", "servicecodex", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise AssertionError(
            f"servicecodex {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}"
        )
    return done.stdout


def make_transcript(
    *turns: tuple[str, str],
    start: datetime.datetime,
    every: datetime.timedelta = datetime.timedelta(seconds=30),
    role: str | None = None,
    scenarios: Iterable[str] = (),
) -> Transcript:
    """A conversation of ``(speaker, text)`` *turns*, the first at *start* (tz-aware) and
    each one *every* later than the one before, with the agent's *role* and the
    *scenarios* declared (see :class:`~servicecodex.Transcript`).

    >>> chat = make_transcript(
    ...     ("customer", "在吗"),
    ...     ("agent", "您好，请问有什么可以帮您？"),
    ...     start=pendulum.datetime(2026, 3, 2, 20, tz="Asia/Shanghai"),
    ...     every=datetime.timedelta(seconds=20),
    ...     scenarios=["hold"],
    ... )
    >>> [(t.speaker.value, t.at.to_time_string()) for t in chat.turns]
    [('customer', '20:00:00'), ('agent', '20:00:20')]
    >>> sorted(s.value for s in chat.scenarios)
    ['hold']
    """
    return Transcript(
        [Turn(speaker, start + every * i, text) for i, (speaker, text) in enumerate(turns)],
        role=role,
        scenarios=scenarios,
    )


#: Punctuation put between a wording's characters, in turn.
_MARKS = "，-。~！…·"


def _spaced(wording: str) -> str:
    return " ".join(wording)


def _ideographic_spaces(wording: str) -> str:
    return "\u3000".join(wording)


def _punctuated(wording: str) -> str:
    return "".join(c + _MARKS[i % len(_MARKS)] for i, c in enumerate(wording[:-1])) + wording[-1:]


def _zero_width(wording: str) -> str:
    return "\u200b\ufeff".join(wording) + "\u200d\u2060"


def disguises(script: Literal["zh_Hans", "zh_Hant"]) -> dict[str, Callable[[str], str]]:
    """Ways to disguise a wording that a courtesy check must see through, by name: the
    wording written in *script* (named ``"traditional"`` or ``"simplified"``), with spaces,
    ideographic spaces, punctuation or zero-width characters between its characters, and
    ``"all-at-once"`` (*script*, full-width marks between the characters and after).

    Give the script your phrase book is *not* written in.  Every disguise begins with the
    wording's first character, so a finding's span starts where the disguise does.

    >>> ways = disguises("zh_Hant")
    >>> list(ways)
    ['traditional', 'spaces', 'ideographic-spaces', 'punctuation', 'zero-width', 'all-at-once']
    >>> [ways[name]("不关我事") for name in ("traditional", "spaces", "punctuation", "all-at-once")]
    ['不關我事', '不 关 我 事', '不，关-我。事', '不＊／關＊／我＊／事！！！']
    >>> len(ways["zero-width"]("不关我事")), sc.fold(ways["zero-width"]("不关我事")).text
    (12, '不关我事')
    """
    convert = {"zh_Hant": to_traditional, "zh_Hans": to_simplified}[script]

    def all_at_once(wording: str) -> str:
        return "＊／".join(convert(wording)) + "！！！"

    return {
        "traditional" if script == "zh_Hant" else "simplified": convert,
        "spaces": _spaced,
        "ideographic-spaces": _ideographic_spaces,
        "punctuation": _punctuated,
        "zero-width": _zero_width,
        "all-at-once": all_at_once,
    }


@pytest.fixture
def organization_factory() -> Callable[..., Organization]:
    """A pytest fixture returning :func:`make_organization`."""
    return make_organization
