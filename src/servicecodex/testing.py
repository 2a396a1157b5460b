"""Helpers for plugin authors' tests: build an Organization from plugin objects defined
inline, with nothing installed.

Use :func:`make_organization` directly, or the ``organization_factory`` pytest fixture by
adding ``pytest_plugins = ["servicecodex.testing"]`` to your ``conftest.py``.

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

from collections.abc import Callable, Sequence

import pytest

from servicecodex._org import Organization

__all__ = ["check_plugin", "make_organization", "organization_factory", "plugin_name"]


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


def check_plugin(plugin_id: str, module: object) -> Organization:
    """Check an installed organisation plugin the way servicecodex loads it, and return the
    organisation loaded by id.

    The entry point *plugin_id* (group ``servicecodex``) must name *module*; loaded by
    id, the organisation holds exactly that plugin and its profile id is *plugin_id*;
    built from *module* directly it has the same profile; and every policy it defines
    builds (:meth:`Organization.effective_policy`).  Each check fails with an
    ``AssertionError`` saying which.
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
    org.effective_policy()
    return org


@pytest.fixture
def organization_factory() -> Callable[..., Organization]:
    """A pytest fixture returning :func:`make_organization`."""
    return make_organization
