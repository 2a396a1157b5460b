"""servicecodex.testing.check_plugin: the conformance check plugin authors run."""

from __future__ import annotations

import types

import pytest

import servicecodex as sc
from servicecodex.testing import check_plugin


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
