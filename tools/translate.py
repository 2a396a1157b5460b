"""Write zh_Hans translations into the catalog: ``python tools/translate.py FILE``.

FILE is a Python file defining ``T = {msgid: translation}``; only untranslated messages
are filled (an existing translation is never overwritten).  Then run ``nox -s i18n``
to derive zh_Hant and compile.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = (
    Path(__file__).resolve().parents[1]
    / "src/servicecodex/locale/zh_Hans/LC_MESSAGES/servicecodex.po"
)


def main(source: str) -> int:
    translations: dict[str, str] = runpy.run_path(source)["T"]
    with PO.open("rb") as f:
        catalog = read_po(f)
    filled = 0
    for message in catalog:
        if message.id and not message.string and message.id in translations:
            message.string = translations[str(message.id)]
            filled += 1
    with PO.open("wb") as f:
        write_po(f, catalog, sort_output=True, width=100)
    print(f"zh_Hans: {filled} messages translated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
