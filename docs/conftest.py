"""Run every code example in the Markdown docs (docs/*.md and subfolders) with Sybil.

Conventions for writers:

* a ```python block is executed as a script; it must not start with ``>>>`` (Sybil
  stops with "overlaps" if it does);
* an interactive example (``>>>`` prompts and the expected output) goes in a ```pycon
  block and is checked as a doctest, with ELLIPSIS and NORMALIZE_WHITESPACE on;
* any other fence (```toml, ```console …) is shown, never run;
* ``<!-- skip: next -->`` before a block skips it; an
  ``<!-- invisible-code-block: python ... -->`` comment runs code the reader does not see.

Examples in one page share one namespace, top to bottom; pages do not share names.
"""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

OPTIONFLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=OPTIONFLAGS),
        DocTestParser(optionflags=OPTIONFLAGS),
        SkipParser(),
    ],
    patterns=["*.md"],  # matched against the end of the path: docs/*.md and subfolders
).pytest()
