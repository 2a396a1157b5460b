"""Masking customers' personal data (JW-27, EH-26): what a register, a case or a report
shows unless the caller asks to reveal it.

The rules follow the usual Chinese de-identification practice (GB/T 35273 个人信息安全规范,
GB/T 37964 去标识化指南: keep what identifies the kind of data, hide what identifies the
person).  The mask character is ``*``.

**Per kind** (:func:`mask_value`):

* ``NAME`` — the first character, then ``**`` whatever the length: ``张三`` and
  ``欧阳娜娜`` become ``张**`` and ``欧**``.  A name without Chinese characters keeps each
  word's first letter: ``John Smith`` becomes ``J** S**``.
* ``PHONE`` — a mobile number keeps its first 3 and last 4 digits (``138****5678``); a
  landline keeps its area code and the last 4 digits of the subscriber number
  (``021-****5678``, ``0755-***4567``).  A country prefix (``+86``, ``0086``, ``86``) or a
  long-distance ``0`` before a mobile number is kept as written; so are the separators.
  A number of no known shape keeps its last 4 digits only (``****5678``).
* ``ID_NUMBER`` — a resident ID number (居民身份证号码) keeps its 6-digit region code and
  what follows the date of birth; the date of birth is hidden: ``110101********4518``
  (18 digits, ``X`` check digit allowed), ``110101******451`` (15 digits).  Any other
  document number keeps its first character and last 4 (from 10 characters), otherwise
  nothing.
* ``EMAIL`` — the first character of the mailbox, then ``***``; the domain stays:
  ``z***@example.com``.
* ``ADDRESS`` — the administrative part stays (province, prefecture, county or district:
  ``省/自治区/特别行政区``, ``市/自治州/地区/盟``, ``区/县/市/旗``), the rest becomes ``****``:
  ``上海市浦东新区****``.  A residential compound (``幸福小区``) is not a district.  An address
  without an administrative part is ``****``.

A blank value is returned as it is.

**In free text** (:func:`mask_text`), each of these is found and masked by the rules above:

* mobile numbers ``1[3-9]`` + 9 digits, optionally after ``+86``, ``0086``, ``86`` or ``0``;
* landlines with an area code (``010``, ``02x``, ``0[3-9]xx``) and a 7- or 8-digit
  subscriber number, optionally after ``+86`` / ``0086`` / ``86`` (with or without the
  trunk ``0``); a local number without an area code is not recognised;
* 18-digit (date of birth 18xx–20xx) and 15-digit resident ID numbers;
* email addresses;
* each *known* value (a customer's name, address, phone …) wherever it appears, matched on
  the folded text (:func:`~servicecodex.fold`: width, case, traditional script, spaces and
  punctuation do not hide it); a plain string is masked as a name unless it reads as a
  phone number, ID number or email; a ``(PersonalKind, value)`` pair names its kind.
  A known value that folds to one character is replaced by ``**``; one that is already
  masked (holds ``**``) is not looked for; one that starts or ends with a Latin letter or
  digit is not looked for inside a longer word or number (``Li`` is not found in
  ``client``).

Digits are read through NFKC, so full-width ``１３８`` is ``138``.  Between the digits of a
number anything is a *separator* that the fold drops (spaces of every width, dashes, dots,
brackets, slashes, plus signs, zero-width characters …), and so is a single ``*``.  A run
of two or more ``*`` between digits stands for masked digits.  A number must stand on its
own: one glued to further digits (``138123456789``) is a longer number and is left alone,
while digits set off by a separator are a neighbour (``7 13812345678``).  Masking errs on
the side of hiding: an 11-digit order number that starts like a mobile number is masked.
Bank card numbers are not recognised.

Masking is idempotent (masking masked text changes nothing) and never leaves the 11 digits
of a recognised mobile number in order, whatever separators or widths are used.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._normalize import _DROPPED_CATEGORIES
from servicecodex._validate import enum_of

__all__ = ["PERSONAL_FIELDS", "PersonalKind", "mask_json", "mask_text", "mask_value"]

MASK = "*"


class PersonalKind(LabelledEnum):
    """The kinds of personal data a masker knows."""

    NAME = "name"
    PHONE = "phone"
    ADDRESS = "address"
    ID_NUMBER = "id_number"
    EMAIL = "email"


label_members(
    {
        PersonalKind.NAME: N_("name"),
        PersonalKind.PHONE: N_("phone number"),
        PersonalKind.ADDRESS: N_("address"),
        PersonalKind.ID_NUMBER: N_("ID number"),
        PersonalKind.EMAIL: N_("email address"),
    }
)

#: The field names :func:`mask_json` treats as personal when it is given no *kinds*.
PERSONAL_FIELDS: Mapping[str, PersonalKind] = {
    "customer_name": PersonalKind.NAME,
    "contact_name": PersonalKind.NAME,
    "patient_name": PersonalKind.NAME,
    "phone": PersonalKind.PHONE,
    "mobile": PersonalKind.PHONE,
    "telephone": PersonalKind.PHONE,
    "tel": PersonalKind.PHONE,
    "phone_number": PersonalKind.PHONE,
    "address": PersonalKind.ADDRESS,
    "id_number": PersonalKind.ID_NUMBER,
    "id_card": PersonalKind.ID_NUMBER,
    "email": PersonalKind.EMAIL,
}

# Characters --------------------------------------------------------------------------

_DIGIT, _STAR, _X, _SEP, _OTHER = range(5)


@functools.lru_cache(maxsize=8192)
def _nfkc(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


@functools.lru_cache(maxsize=8192)
def _class(ch: str) -> tuple[int, str]:
    """What *ch* is to a number: a digit (and its ASCII form), a star, an ``X``, a
    separator or anything else."""
    folded = _nfkc(ch)
    value = unicodedata.decimal(folded, None)
    if value is not None:
        return _DIGIT, str(value)
    if folded == MASK:
        return _STAR, MASK
    if folded in "Xx":
        return _X, "X"
    if unicodedata.category(ch) in _DROPPED_CATEGORIES:
        return _SEP, ""
    return _OTHER, ""


def _normalized(text: str) -> str:
    """*text* with each character in its NFKC form (one character for one)."""
    return "".join(_nfkc(ch) for ch in text)


# Numbers -----------------------------------------------------------------------------

_D = r"[\d*]"
_AREA = r"(?:10|2\d|[3-9]\d\d)"
_DATE8 = r"(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_DATE6 = r"\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
# Stars stand for digits only where a mask puts them, so that masked text reads the same.
_PHONES = (
    re.compile(rf"(?:(?:00)?86|0)?1[3-9]\d(?P<mask>{_D}{{4}})\d{{4}}", re.ASCII),
    re.compile(rf"(?:(?:00)?860?|0){_AREA}(?P<mask>{_D}{{3,4}})\d{{4}}", re.ASCII),
)
_IDS = (
    re.compile(rf"[1-9]\d{{5}}(?P<mask>{_DATE8}|\*{{8}})\d{{3}}[\dX]", re.ASCII),
    re.compile(rf"[1-9]\d{{5}}(?P<mask>{_DATE6}|\*{{6}})\d{{3}}", re.ASCII),
)
_SHORTEST, _LONGEST = 11, 18


class _Item(NamedTuple):
    at: int  # index in the text
    symbol: str  # "0"-"9", "*" or "X"
    after_separator: bool


class _Group(NamedTuple):
    items: list[_Item]
    star_separators: list[int]  # indexes of lone "*" read as separators


def _groups(text: str, frozen: list[bool]) -> list[_Group]:
    """The runs of digits (with separators, stars and a trailing ``X``) in *text*."""
    groups: list[_Group] = []
    items: list[_Item] = []
    stars: list[int] = []
    separated = False
    for i, ch in enumerate(text):
        kind, symbol = (_OTHER, "") if frozen[i] else _class(ch)
        if kind == _X and not (items and items[-1].at == i - 1 and items[-1].symbol != "X"):
            kind = _OTHER
        if kind == _OTHER:
            if items:
                groups.append(_resolve_stars(items, stars))
            items, stars, separated = [], [], False
        elif kind == _SEP:
            separated = bool(items)
        else:
            items.append(_Item(i, symbol, separated))
            separated = False
    if items:
        groups.append(_resolve_stars(items, stars))
    return groups


def _resolve_stars(items: list[_Item], stars: list[int]) -> _Group:
    """A run of two or more stars between digits stands for masked digits; any other star
    (alone, or at either end of the group) is a separator."""
    kept: list[_Item] = []
    separated = False
    start = 0
    while start < len(items):
        end = start
        while end < len(items) and items[end].symbol == MASK:
            end += 1
        if end == start:
            item = items[start]
            kept.append(item._replace(after_separator=item.after_separator or separated))
            separated = False
            start += 1
            continue
        inside = start > 0 and end < len(items) and items[end].symbol != "X"
        if inside and end - start >= 2:
            run = items[start:end]
            kept.append(run[0]._replace(after_separator=run[0].after_separator or separated))
            kept.extend(run[1:])
            separated = False
        else:
            stars.extend(item.at for item in items[start:end])
            separated = True
        start = end
    return _Group(kept, stars)


class _Match(NamedTuple):
    first: int  # item positions in the group, end exclusive
    end: int
    masked: range


def _matches(group: _Group, patterns: Iterable[re.Pattern[str]]) -> list[_Match]:
    """Every way a number of *patterns* stands on its own in *group*."""
    items = group.items
    symbols = "".join(item.symbol for item in items)
    count = len(items)

    def opens(k: int) -> bool:
        return k == 0 or items[k].after_separator or symbols[k - 1] == "X"

    def closes(k: int) -> bool:
        return k == count - 1 or items[k + 1].after_separator or symbols[k + 1] == "X"

    found: list[_Match] = []
    for first in range(count):
        if not symbols[first].isdigit() or not opens(first):
            continue
        for end in range(first + _SHORTEST, min(first + _LONGEST, count) + 1):
            if not closes(end - 1):
                continue
            piece = symbols[first:end]
            for pattern in patterns:
                m = pattern.fullmatch(piece)
                if m is not None:
                    masked = range(first + m.start("mask"), first + m.end("mask"))
                    found.append(_Match(first, end, masked))
    return found


def _apply(group: _Group, matches: Iterable[_Match], out: list[str | None]) -> bool:
    """Mask the digits of *matches* in *out*; lone stars inside a match go (they would
    read as masked digits).  Whether anything matched."""
    any_match = False
    for match in matches:
        any_match = True
        for k in match.masked:
            item = group.items[k]
            if item.symbol != MASK:
                out[item.at] = MASK
        low, high = group.items[match.first].at, group.items[match.end - 1].at
        for index in group.star_separators:
            if low < index < high:
                out[index] = ""
    return any_match


def _join(text: str, out: list[str | None]) -> str:
    return "".join(ch if o is None else o for ch, o in zip(text, out, strict=True))


def _mask_numbers(
    text: str, frozen: list[bool], out: list[str | None], patterns: tuple[re.Pattern[str], ...]
) -> bool:
    found = False
    for group in _groups(text, frozen):
        found = _apply(group, _matches(group, patterns), out) or found
    return found


# Emails ------------------------------------------------------------------------------

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"[A-Za-z0-9._%+-]+(?=@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,}})", re.ASCII)


def _mask_emails(text: str, frozen: list[bool], out: list[str | None]) -> None:
    """Mask the mailbox of each email address; the domain is left to the number masker."""
    plain = "".join("\0" if frozen[i] else ch for i, ch in enumerate(_normalized(text)))
    for m in _EMAIL.finditer(plain):
        out[m.start()] = text[m.start()] + MASK * 3
        for i in range(m.start() + 1, m.end()):
            out[i] = ""
        for i in range(m.start(), m.end()):
            frozen[i] = True


# Known values ------------------------------------------------------------------------

Known = str | tuple[PersonalKind, str]


def _known_values(known: Iterable[Known]) -> list[tuple[str, PersonalKind, str]]:
    """(folded key, kind, value) of each known value, longest key first."""
    from servicecodex._normalize import fold_key

    if isinstance(known, str):
        raise ValidationError("known", known, "give a list of values, not one string")
    values: list[tuple[str, PersonalKind, str]] = []
    for entry in known:
        if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], PersonalKind):
            kind, value = entry
        elif isinstance(entry, str):
            kind, value = _guess_kind(entry), entry
        else:
            raise ValidationError("known", entry, "a string or a (PersonalKind, string) pair")
        if not isinstance(value, str):
            raise ValidationError("known", entry, "a known value is a string")
        key = fold_key(value)
        if key and not _stars_in(value):  # a masked value: nothing left to look for
            values.append((key, kind, value))
    values.sort(key=lambda v: -len(v[0]))
    return values


def _guess_kind(value: str) -> PersonalKind:
    """The kind of a plain known value: a phone number, ID number or email if it reads as
    one, otherwise a name."""
    nothing = [False] * len(value)
    for kind, patterns in ((PersonalKind.PHONE, _PHONES), (PersonalKind.ID_NUMBER, _IDS)):
        if any(_matches(group, patterns) for group in _groups(value, nothing)):
            return kind
    if _EMAIL.search(_normalized(value)):
        return PersonalKind.EMAIL
    return PersonalKind.NAME


def _stars_in(text: str) -> bool:
    """Whether *text* holds a run of two or more stars: a mask already applied."""
    return MASK * 2 in _normalized(text)


def _latin(ch: str) -> bool:
    folded = _nfkc(ch)
    return folded.isascii() and folded.isalnum()


def _whole_word(text: str, low: int, high: int) -> bool:
    """Whether ``text[low:high]`` is not part of a longer Latin word or number: ``Li`` is
    not looked for inside ``client``."""
    if _latin(text[low]) and low > 0 and _latin(text[low - 1]):
        return False
    return not (_latin(text[high - 1]) and high < len(text) and _latin(text[high]))


def _mask_known(
    text: str, known: list[tuple[str, PersonalKind, str]], frozen: list[bool], out: list[str | None]
) -> None:
    from servicecodex._normalize import fold

    folded = fold(text)
    for key, kind, _ in known:
        start = folded.text.find(key)
        while start != -1:
            low, high = folded.original_span(start, start + len(key))
            span = text[low:high]
            if not any(frozen[low:high]) and not _stars_in(span) and _whole_word(text, low, high):
                out[low] = MASK * 2 if len(key) == 1 else mask_value(kind, span)
                for i in range(low, high):
                    frozen[i] = True
                    if i > low:
                        out[i] = ""
                start = folded.text.find(key, start + len(key))
            else:
                start = folded.text.find(key, start + 1)


# Public API --------------------------------------------------------------------------


def mask_text(text: str, known: Iterable[Known] = ()) -> str:
    """*text* with every phone number, ID number, email address and *known* value masked
    (see the module's documentation for the rules).

    >>> mask_text("张三来电：+86 138-1234-5678，邮箱 zhang.san@example.com", known=["张三"])
    '张**来电：+86 138-****-5678，邮箱 z***@example.com'
    >>> mask_text("身份证 11010119900307451X，座机（0755）8765 4321")
    '身份证 110101********451X，座机（0755）**** 4321'
    >>> mask_text("订单 20260302 已发货")
    '订单 20260302 已发货'
    """
    if not isinstance(text, str):
        raise ValidationError("text", text, f"expected a str, not {type(text).__name__}")
    values = _known_values(known)
    frozen = [False] * len(text)
    out: list[str | None] = [None] * len(text)
    if values:
        _mask_known(text, values, frozen, out)
    if "@" in text or "＠" in text or "﹫" in text:
        _mask_emails(text, frozen, out)
    _mask_numbers(text, frozen, out, _PHONES + _IDS)
    return _join(text, out)


def _positions(value: str) -> list[int]:
    """Indexes of the characters of *value* that are digits, letters or stars."""
    return [i for i, ch in enumerate(value) if _nfkc(ch) == MASK or _nfkc(ch).isalnum()]


def _keep_ends(value: str, head: int, tail: int, minimum: int) -> str:
    """*value* with every digit, letter or star but the first *head* and last *tail* of
    them masked; everything masked when there are fewer than *minimum*."""
    positions = _positions(value)
    if len(positions) < minimum:
        head = tail = 0
    hidden = positions[head : len(positions) - tail]
    out: list[str | None] = [None] * len(value)
    for i in hidden:
        out[i] = MASK
    return _join(value, out)


def _mask_number(value: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    out: list[str | None] = [None] * len(value)
    if not _mask_numbers(value, [False] * len(value), out, patterns):
        return None
    return _join(value, out)


def _mask_name(value: str) -> str:
    stripped = value.strip()
    if any(unicodedata.name(ch, "").startswith("CJK") for ch in stripped):
        return stripped[0] + MASK * 2
    return " ".join(word[0] + MASK * 2 for word in stripped.split())


def _mask_phone(value: str) -> str:
    masked = _mask_number(value, _PHONES)
    if masked is not None:
        return masked
    digits = [i for i, ch in enumerate(value) if _class(ch)[0] in (_DIGIT, _STAR)]
    out: list[str | None] = [None] * len(value)
    for i in digits[: max(0, len(digits) - 4)]:
        out[i] = MASK
    return _join(value, out)


def _mask_id(value: str) -> str:
    masked = _mask_number(value, _IDS)
    return masked if masked is not None else _keep_ends(value, 1, 4, 10)


def _mask_email(value: str) -> str:
    plain = _normalized(value)
    at = plain.rfind("@")
    if at == -1:
        stripped = value.strip()
        return stripped[0] + MASK * 3
    local = value[:at].strip()
    return (local[:1] + MASK * 3 if local else "") + "@" + mask_text(value[at + 1 :])


_ROAD = "路街道巷弄号號村镇鎮乡鄉楼樓栋棟幢室单單元座层層"
_ADMIN = rf"(?:(?![省市区區县縣{_ROAD}])[\u3400-\u9fff])"
_ADDRESS = re.compile(
    rf"(?P<province>{_ADMIN}{{2,7}}?(?:省|自治区|自治區|特别行政区|特別行政區))?"
    rf"(?P<city>{_ADMIN}{{1,7}}?(?:市|自治州|地区|地區|盟))?"
    rf"(?P<district>{_ADMIN}{{1,7}}?(?:区|區|县|縣|市|旗))?"
)
_NOT_DISTRICTS = (
    "小区",
    "社区",
    "校区",
    "厂区",
    "营区",
    "街区",
    "片区",
    "学区",
    "园区",
    "住宅区",
    "生活区",
    "宿舍区",
    "小區",
    "社區",
    "校區",
    "廠區",
    "街區",
    "片區",
    "學區",
    "園區",
)


def _mask_address(value: str) -> str:
    stripped = value.strip()
    m = _ADDRESS.match(_normalized(stripped))
    assert m is not None  # every group is optional
    end = m.end()
    district = m.group("district")
    if district and district.endswith(_NOT_DISTRICTS) and not district.endswith("工业园区"):
        end = m.start("district")
    if end == len(stripped):
        return stripped
    return stripped[:end] + MASK * 4


_MASKERS = {
    PersonalKind.NAME: _mask_name,
    PersonalKind.PHONE: _mask_phone,
    PersonalKind.ADDRESS: _mask_address,
    PersonalKind.ID_NUMBER: _mask_id,
    PersonalKind.EMAIL: _mask_email,
}


def mask_value(kind: PersonalKind | str, value: str) -> str:
    """*value*, a piece of personal data of *kind*, masked by that kind's rule (see the
    module's documentation).

    >>> mask_value(PersonalKind.NAME, "张三"), mask_value("name", "John Smith")
    ('张**', 'J** S**')
    >>> mask_value(PersonalKind.PHONE, "13812345678"), mask_value("phone", "021-12345678")
    ('138****5678', '021-****5678')
    >>> mask_value(PersonalKind.ID_NUMBER, "110101199003074518")
    '110101********4518'
    >>> mask_value(PersonalKind.EMAIL, "zhang.san@example.com")
    'z***@example.com'
    >>> mask_value(PersonalKind.ADDRESS, "上海市浦东新区张江路88号")
    '上海市浦东新区****'
    """
    kind = enum_of(PersonalKind, "kind", ValidationError)(kind)
    if not isinstance(value, str):
        raise ValidationError(kind.value, value, f"expected a str, not {type(value).__name__}")
    if not value.strip():
        return value
    return _MASKERS[kind](value)


def _kind_of(key: object, kinds: Mapping[str, PersonalKind]) -> PersonalKind | None:
    if not isinstance(key, str):
        return None
    return kinds.get(key.casefold())


def _collect(
    data: Any, kinds: Mapping[str, PersonalKind], kind: PersonalKind | None
) -> list[Known]:
    """The personal values in *data*: known values for the rest of it."""
    found: list[Known] = []
    if isinstance(data, str):
        if kind is not None and data.strip():
            found.append((kind, data))
    elif isinstance(data, Mapping):
        for key, value in data.items():
            found.extend(_collect(value, kinds, _kind_of(key, kinds) or kind))
    elif isinstance(data, list | tuple):
        for value in data:
            found.extend(_collect(value, kinds, kind))
    elif kind is not None and isinstance(data, int) and not isinstance(data, bool):
        found.append((kind, str(data)))
    return found


def _walk(
    data: Any, kinds: Mapping[str, PersonalKind], kind: PersonalKind | None, known: list[Known]
) -> Any:
    if isinstance(data, str):
        return mask_value(kind, data) if kind is not None else mask_text(data, known)
    if isinstance(data, Mapping):
        return {
            key: _walk(value, kinds, _kind_of(key, kinds) or kind, known)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_walk(value, kinds, kind, known) for value in data]
    if isinstance(data, tuple):
        return tuple(_walk(value, kinds, kind, known) for value in data)
    if kind is not None and isinstance(data, int) and not isinstance(data, bool):
        return mask_value(kind, str(data))
    return data


def mask_json(data: Any, kinds: Mapping[str, PersonalKind] | None = None) -> Any:
    """JSON-like *data* (dicts, lists, strings, numbers) with personal data masked.

    A value under a key named in *kinds* (default :data:`PERSONAL_FIELDS`; case does not
    matter) is masked with :func:`mask_value` for that kind, every string
    inside it if it is a list or a dict (a number becomes a masked string); every other
    string goes through :func:`mask_text`, with the personal values found anywhere in
    *data* as known values.  Keys are never masked.  The data is copied, not changed.

    >>> mask_json({"phone": "13812345678", "customer_name": "王芳",
    ...            "notes": ["王芳 asks for a call back", 3]})
    {'phone': '138****5678', 'customer_name': '王**', 'notes': ['王** asks for a call back', 3]}
    """
    table: dict[str, PersonalKind] = {}
    for key, kind in (PERSONAL_FIELDS if kinds is None else kinds).items():
        if not isinstance(key, str) or not isinstance(kind, PersonalKind):
            raise ValidationError("kinds", (key, kind), "map field names to PersonalKind")
        table[key.casefold()] = kind
    return _walk(data, table, None, _collect(data, table, None))
