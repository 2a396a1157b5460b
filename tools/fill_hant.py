"""Fill the zh_Hant catalog's untranslated messages from the zh_Hans translations.

Run by ``nox -s i18n`` after ``pybabel update``.  Each message filled this way is
converted with OpenCC (``s2tw``: Taiwan standard characters) and marked with the
translator comment ``derived from zh_Hans by OpenCC``; a hand-written zh_Hant
translation is never overwritten.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc
from babel.messages.pofile import read_po, write_po

LOCALE_DIR = Path(__file__).resolve().parents[1] / "src" / "servicecodex" / "locale"
NOTE = "derived from zh_Hans by OpenCC"


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / "servicecodex.po"


def main() -> int:
    with po_path("zh_Hans").open("rb") as f:
        hans = read_po(f)
    with po_path("zh_Hant").open("rb") as f:
        hant = read_po(f)
    convert = opencc.OpenCC("s2tw").convert
    filled = 0
    for message in hant:
        if not message.id:
            continue
        source = hans.get(message.id)
        derived = (
            message.string == "" or NOTE in message.auto_comments or NOTE in message.user_comments
        )
        if source is not None and source.string and derived:
            message.string = convert(str(source.string))
            message.user_comments = [NOTE]
            message.flags.discard("fuzzy")
            filled += 1
    with po_path("zh_Hant").open("wb") as f:
        write_po(f, hant, omit_header=False, sort_output=True, width=100)
    untranslated = [m.id for m in hans if m.id and not m.string]
    for msgid in untranslated:
        print(f"zh_Hans has no translation for {msgid!r}", file=sys.stderr)
    print(f"zh_Hant: {filled} messages derived from zh_Hans")
    return 1 if untranslated else 0


if __name__ == "__main__":
    raise SystemExit(main())
