"""Names every doctest in src/ may use without importing them."""

from typing import Any

import pendulum
import pytest

import servicecodex


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["pendulum"] = pendulum
    doctest_namespace["sc"] = servicecodex
