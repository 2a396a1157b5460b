"""Root conftest: names for doctests in src/, and README.md's tour run as a doctest."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from typing import Any

import pendulum
import pytest
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

import servicecodex


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["pendulum"] = pendulum
    doctest_namespace["sc"] = servicecodex


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(),
        DocTestParser(optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["README.md"],
).pytest()
