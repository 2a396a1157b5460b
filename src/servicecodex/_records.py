"""Registers (登记表) and the statistics filed from them.

A :class:`RegisterSpec` lists the fields a regulation asks to be written down for each
contact — the hospital hotline's general and targeted registration (HD-32, HD-33), the
shop's neutral/negative-review register (TB-78), the installer's daily callback register
(OP-11) — and a :class:`RegisterEntry` is one filled-in line, checked against it: an
unknown field, a missing required field, a choice not on the list or a value of the wrong
type is refused with a :class:`RegisterError` naming the register and the field.
A :class:`Register` is an append-only, time-ordered book of entries (JW-28, JW-29, GM-10);
adding returns a new register.

**Personal data** (JW-27, EH-26).  Fields of a personal kind (name, phone, address, ID
number, email) are masked by :mod:`servicecodex._masking` in every output —
:meth:`Register.rows`, :meth:`Register.to_json`, :meth:`Register.format` — unless
``reveal=True``; free-text fields are masked too (phone numbers, ID numbers, emails, and the
entry's own personal values wherever they appear).

**Statistics** (HD-36, HD-37, AMB-13, OP-10, OP-11).  :func:`report` counts entries — or
any records with an aware ``at`` — per day, ISO week (Monday to Sunday), month, quarter,
half-year or year of a period, on the organisation's calendar (an instant belongs to the
day it falls on in the organisation's timezone), optionally grouped by a field or any key.
Intervals at the period's edges are clipped to it, and every interval is listed, with a
count of 0 when empty.  :func:`conversion` is the consultation-to-visit arrival rate
(达到率) of HD-37: the regulation gives no formula, so AMB-13's default is used, visits ÷
consultations registered; given a *match* key (the patient's phone, say), the visits are
the distinct patients who consulted in the period and came afterwards.  No consultations
gives no rate (``None``) with a reason, never a division by zero.
"""

from __future__ import annotations

import datetime as _dt
import types
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

import attrs
import pendulum

from servicecodex._calendar import BusinessCalendar, zone_of
from servicecodex._errors import FloatError, PolicyError, ValidationError
from servicecodex._i18n import N_, LabelledEnum, gettext, label_members
from servicecodex._masking import _DIGIT, PersonalKind, _class, mask_text, mask_value
from servicecodex._reasons import Citation, Count, Localizable, Percent, Reason, format_fact
from servicecodex._text import Text
from servicecodex._time import DateRange, Period, PeriodKind, day, instant
from servicecodex._validate import as_tuple, enum_of, of_type, slug, tuple_of, unique

__all__ = [
    "Conversion",
    "Dated",
    "FieldKind",
    "GroupLabel",
    "Register",
    "RegisterChoice",
    "RegisterEntry",
    "RegisterError",
    "RegisterField",
    "RegisterReport",
    "RegisterSpec",
    "ReportInterval",
    "ReportRow",
    "conversion",
    "report",
]


class RegisterError(ValidationError):
    """An entry its register refuses.  :attr:`register` and :attr:`field_id` name where."""

    def __init__(self, register: str, field_id: str, value: object, problem: str) -> None:
        self.register = register
        self.field_id = field_id
        super().__init__(f"{register}.{field_id}", value, problem)


RegisterError.__module__ = "servicecodex"  # shown as servicecodex.RegisterError, as in _errors


class FieldKind(LabelledEnum):
    """What a register field holds.  The personal kinds are masked in outputs."""

    TEXT = "text"
    NUMBER = "number"
    CHOICE = "choice"
    DATE = "date"
    BOOLEAN = "boolean"
    NAME = "name"
    PHONE = "phone"
    ADDRESS = "address"
    ID_NUMBER = "id_number"
    EMAIL = "email"

    @property
    def personal(self) -> PersonalKind | None:
        """The kind of personal data the field holds, or ``None``."""
        return _PERSONAL.get(self)


_PERSONAL = {
    FieldKind.NAME: PersonalKind.NAME,
    FieldKind.PHONE: PersonalKind.PHONE,
    FieldKind.ADDRESS: PersonalKind.ADDRESS,
    FieldKind.ID_NUMBER: PersonalKind.ID_NUMBER,
    FieldKind.EMAIL: PersonalKind.EMAIL,
}
label_members(
    {
        FieldKind.TEXT: N_("text"),
        FieldKind.NUMBER: N_("number"),
        FieldKind.CHOICE: N_("choice"),
        FieldKind.DATE: N_("date"),
        FieldKind.BOOLEAN: N_("yes or no"),
        FieldKind.NAME: N_("name"),
        FieldKind.PHONE: N_("phone number"),
        FieldKind.ADDRESS: N_("address"),
        FieldKind.ID_NUMBER: N_("ID number"),
        FieldKind.EMAIL: N_("email address"),
    }
)


def _entries(count: int) -> Count:
    return Count(count, N_("{n} entry"), N_("{n} entries"))


@attrs.frozen
class RegisterChoice:
    """One of the values a choice field allows: an id, and its name to show (the id is
    shown when there is none)."""

    id: str = attrs.field(validator=slug)
    name: Text | None = attrs.field(default=None, validator=of_type(Text, optional=True))

    def localize(self, locale: str = "en") -> str:
        """The choice's name in *locale*."""
        return self.id if self.name is None else self.name.localize(locale)


def _field_kind(value: object) -> FieldKind:
    return enum_of(FieldKind, "RegisterField.kind")(value)


def _choices(value: Iterable[Any]) -> tuple[Any, ...]:
    """Choices given as ids or :class:`RegisterChoice` records."""
    if isinstance(value, str):
        raise PolicyError("RegisterField.choices", value, "a list of choices, not one string")
    return tuple(RegisterChoice(v) if isinstance(v, str) else v for v in value)


def _count_digits(text: str) -> int:
    return sum(_class(ch)[0] == _DIGIT for ch in text)


def _looks_like_email(value: str) -> bool:
    plain = unicodedata.normalize("NFKC", value.strip())
    local, at, domain = plain.rpartition("@")
    return bool(at and local and "." in domain.strip(".") and " " not in plain)


@attrs.frozen
class RegisterField:
    """A field of a register: its id, its name, what it holds, whether it must be filled
    in, and (for a choice) the values allowed.

    >>> sex = RegisterField("sex", Text(en="Sex", zh_Hans="性别"), FieldKind.CHOICE,
    ...                     choices=[RegisterChoice("female", Text(en="female", zh_Hans="女")),
    ...                              RegisterChoice("male", Text(en="male", zh_Hans="男"))])
    >>> sex.check("female", "hotline"), sex.display("female", "zh_Hans")
    ('female', '女')
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    kind: FieldKind = attrs.field(converter=_field_kind)
    required: bool = attrs.field(default=True, validator=of_type(bool))
    choices: tuple[RegisterChoice, ...] = attrs.field(
        default=(), converter=_choices, validator=tuple_of(RegisterChoice)
    )

    def __attrs_post_init__(self) -> None:
        where = f"RegisterField[{self.id}].choices"
        if self.kind is FieldKind.CHOICE:
            if not self.choices:
                raise PolicyError(where, (), "a choice field needs choices")
            unique(self.choices, lambda c: c.id, where)
        elif self.choices:
            raise PolicyError(
                where,
                tuple(c.id for c in self.choices),
                f"only a choice field has choices, not a {self.kind.value} field",
            )

    @property
    def personal(self) -> PersonalKind | None:
        """The kind of personal data the field holds, or ``None``."""
        return self.kind.personal

    def choice(self, choice_id: str) -> RegisterChoice:
        """The choice with this id."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        known = ", ".join(c.id for c in self.choices) or "none"
        raise ValidationError(
            f"RegisterField[{self.id}].choices", choice_id, f"not one of the choices: {known}"
        )

    def check(self, value: object, register: str) -> object:
        """*value* as the field stores it (a date as a pendulum ``Date``); a value the field
        does not accept raises :class:`RegisterError` naming *register* and the field."""

        def refuse(problem: str) -> RegisterError:
            return RegisterError(register, self.id, value, problem)

        kind = self.kind
        if kind is FieldKind.NUMBER:
            if isinstance(value, float):
                raise FloatError(f"{register}.{self.id}", value, "use an int or a Decimal")
            if isinstance(value, bool) or not isinstance(value, int | Decimal):
                raise refuse(f"expected a number (int or Decimal), not {type(value).__name__}")
            if isinstance(value, Decimal) and not value.is_finite():
                raise refuse("not a finite number")
            return value
        if kind is FieldKind.BOOLEAN:
            if not isinstance(value, bool):
                raise refuse(f"expected True or False, not {type(value).__name__}")
            return value
        if kind is FieldKind.DATE:
            if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
                raise refuse(f"expected a calendar date, not {type(value).__name__}")
            return day(value)
        if not isinstance(value, str):
            raise refuse(f"expected text, not {type(value).__name__}")
        if not value.strip():
            raise refuse("is blank")
        if kind is FieldKind.CHOICE and value not in {c.id for c in self.choices}:
            raise refuse(f"not one of the choices: {', '.join(c.id for c in self.choices)}")
        if kind is FieldKind.PHONE and _count_digits(value) < 7:
            raise refuse("a phone number has at least 7 digits")
        if kind is FieldKind.EMAIL and not _looks_like_email(value):
            raise refuse("not an email address")
        return value

    def display(
        self,
        value: object,
        locale: str = "en",
        reveal: bool = False,
        known: Iterable[tuple[PersonalKind, str]] = (),
    ) -> str:
        """*value* (as stored) for a person reading *locale*, ``—`` when not given;
        personal data masked unless *reveal* (free text with the *known* values too)."""
        if value is None:
            return "—"
        if self.kind is FieldKind.CHOICE and isinstance(value, str):
            return self.choice(value).localize(locale)
        if isinstance(value, str):
            return _masked(self, value, known, reveal)
        return format_fact(value, locale)


def _masked(
    field: RegisterField, value: str, known: Iterable[tuple[PersonalKind, str]], reveal: bool
) -> str:
    if reveal:
        return value
    if field.personal is not None:
        return mask_value(field.personal, value)
    if field.kind is FieldKind.TEXT:
        return mask_text(value, known)
    return value


@attrs.frozen
class RegisterSpec:
    """A register a regulation asks for: its id, its name, its fields and the rule.

    >>> hotline = RegisterSpec(
    ...     "hotline", Text(en="Consultation register", zh_Hans="咨询登记"),
    ...     [RegisterField("age", Text(en="Age", zh_Hans="年龄"), "number"),
    ...      RegisterField("phone", Text(en="Phone", zh_Hans="电话"), "phone")],
    ...     Citation("HD-32", "001 篇4 .3"))
    >>> entry = hotline.entry(pendulum.datetime(2026, 3, 2, 9, tz="Asia/Shanghai"),
    ...                       age=45, phone="13812345678")
    >>> entry.row()
    {'at': DateTime(2026, 3, 2, 9, 0, 0, tzinfo=Timezone('Asia/Shanghai')), 'age': 45, 'phone': '138****5678'}
    >>> hotline.entry(entry.at, age=45, phone="13812345678", mood="calm")
    Traceback (most recent call last):
    ...
    servicecodex.RegisterError: hotline.mood: unknown field of the register hotline; known: age, phone (got 'calm')
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    fields: tuple[RegisterField, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(RegisterField, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))

    def __attrs_post_init__(self) -> None:
        unique(self.fields, lambda f: f.id, f"RegisterSpec[{self.id}].fields")

    def field(self, field_id: str) -> RegisterField:
        """The field with this id (an unknown id raises :class:`RegisterError`)."""
        for f in self.fields:
            if f.id == field_id:
                return f
        raise self._unknown(field_id, field_id)

    def _unknown(self, field_id: object, value: object) -> RegisterError:
        known = ", ".join(f.id for f in self.fields)
        return RegisterError(
            self.id,
            str(field_id),
            value,
            f"unknown field of the register {self.id}; known: {known}",
        )

    @property
    def kinds(self) -> Mapping[str, PersonalKind]:
        """The personal fields and their kinds (for :func:`~servicecodex._masking.mask_json`)."""
        return {f.id: f.personal for f in self.fields if f.personal is not None}

    def check(self, values: Mapping[str, object]) -> dict[str, object]:
        """*values* as an entry stores them, in the fields' order; an optional field given
        as ``None`` (or blank text) is left out.  Raises :class:`RegisterError`."""
        ids = {f.id for f in self.fields}
        for field_id, value in values.items():
            if field_id not in ids:
                raise self._unknown(field_id, value)
        checked: dict[str, object] = {}
        for f in self.fields:
            value = values.get(f.id)
            blank = isinstance(value, str) and not value.strip()
            if value is None or (blank and not f.required):
                if f.required:
                    raise RegisterError(
                        self.id, f.id, None, f"required by the register {self.id}, not given"
                    )
                continue
            checked[f.id] = f.check(value, self.id)
        return checked

    def entry(
        self, at: _dt.datetime, values: Mapping[str, object] | None = None, **more: object
    ) -> RegisterEntry:
        """A checked entry of this register at *at* (values as a mapping or keywords)."""
        return RegisterEntry(self, at, {**(values or {}), **more})

    def register(self, entries: Iterable[RegisterEntry] = ()) -> Register:
        """A register of this kind holding *entries*."""
        return Register(self, entries)


def _entry_at(value: object) -> pendulum.DateTime:
    return instant(value, "RegisterEntry.at")


def _values(value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise ValidationError("RegisterEntry.values", value, "a mapping of field ids to values")
    return types.MappingProxyType(dict(value))


@attrs.frozen
class RegisterEntry:
    """One line of a register at an aware instant, its values checked against the spec
    (see :meth:`RegisterSpec.check`).  ``entry["phone"]`` is a field's value as given
    (``None`` when an optional field was not filled in)."""

    spec: RegisterSpec = attrs.field(validator=of_type(RegisterSpec))
    at: pendulum.DateTime = attrs.field(converter=_entry_at)
    values: Mapping[str, object] = attrs.field(factory=dict, converter=_values, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "values", types.MappingProxyType(self.spec.check(self.values)))

    def __getitem__(self, field_id: str) -> object:
        return self.get(field_id)

    def get(self, field_id: str, default: object = None) -> object:
        """A field's value, *default* when it was not filled in (an unknown field id raises
        :class:`RegisterError`)."""
        self.spec.field(field_id)
        return self.values.get(field_id, default)

    def personal_values(self) -> tuple[tuple[PersonalKind, str], ...]:
        """The entry's personal data, kind by kind (the known values masking looks for)."""
        out = []
        for f in self.spec.fields:
            value = self.values.get(f.id)
            if f.personal is not None and isinstance(value, str):
                out.append((f.personal, value))
        return tuple(out)

    def row(self, reveal: bool = False) -> dict[str, object]:
        """``at`` and every field's value (``None`` when not filled in), personal data
        masked unless *reveal*."""
        known = self.personal_values()
        row: dict[str, object] = {"at": self.at}
        for f in self.spec.fields:
            value = self.values.get(f.id)
            row[f.id] = _masked(f, value, known, reveal) if isinstance(value, str) else value
        return row

    def to_json(self, reveal: bool = False) -> dict[str, Any]:
        """The entry as plain JSON data (see :meth:`Register.to_json`)."""
        values = self.row(reveal)
        del values["at"]
        return {"at": self.at.isoformat(), "values": {k: _json(v) for k, v in values.items()}}

    def format(self, locale: str = "en", reveal: bool = False) -> str:
        """The entry on one line: when, then each field's name and value."""
        known = self.personal_values()
        line = format_fact(self.at, locale)
        for f in self.spec.fields:
            shown = f.display(self.values.get(f.id), locale, reveal, known)
            part = gettext(N_("{field}: {value}"), locale).format(
                field=f.name.localize(locale), value=shown
            )
            line = gettext(N_("{first}; {rest}"), locale).format(first=line, rest=part)
        return line


def _json(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


Grouping = str | RegisterField | Callable[[Any], Hashable | None]


@attrs.frozen
class Register:
    """A register: entries of one :class:`RegisterSpec`, in time order (an entry added
    later but dated earlier takes its place by date).  Adding returns a new register.

    >>> hotline = RegisterSpec("hotline", Text(en="Consultations", zh_Hans="咨询登记"),
    ...     [RegisterField("caller", Text(en="Caller", zh_Hans="来电人"), "name"),
    ...      RegisterField("concerns", Text(en="Concerns", zh_Hans="关心内容"), "text")],
    ...     Citation("HD-32", "001 篇4 .3"))
    >>> book = hotline.register().add(pendulum.datetime(2026, 3, 2, 9, tz="Asia/Shanghai"),
    ...     caller="王芳", concerns="王芳 asks about the price; call back on 13812345678")
    >>> len(book), book.rows()[0]["concerns"]
    (1, '王** asks about the price; call back on 138****5678')
    >>> book.format("en").splitlines()[0], book.format("en").split("; ")[1]
    ('Consultations (HD-32)', 'Caller: 王**')
    """

    spec: RegisterSpec = attrs.field(validator=of_type(RegisterSpec))
    entries: tuple[RegisterEntry, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(RegisterEntry)
    )

    def __attrs_post_init__(self) -> None:
        for entry in self.entries:
            if entry.spec != self.spec:
                raise ValidationError(
                    f"Register[{self.spec.id}].entries",
                    entry.spec.id,
                    "an entry of another register",
                )
        object.__setattr__(self, "entries", tuple(sorted(self.entries, key=lambda e: e.at)))

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[RegisterEntry]:
        return iter(self.entries)

    def add(
        self,
        entry: RegisterEntry | _dt.datetime,
        values: Mapping[str, object] | None = None,
        **more: object,
    ) -> Register:
        """A new register with one more entry: a :class:`RegisterEntry`, or its instant
        and values (a mapping or keywords), checked against the spec."""
        if not isinstance(entry, RegisterEntry):
            entry = self.spec.entry(entry, values, **more)
        elif values is not None or more:
            raise ValidationError("Register.add", values or more, "an entry already has its values")
        return Register(self.spec, (*self.entries, entry))

    def rows(self, reveal: bool = False) -> list[dict[str, object]]:
        """Every entry as a dict (``at`` and each field), personal data masked unless
        *reveal*."""
        return [entry.row(reveal) for entry in self.entries]

    def to_json(self, reveal: bool = False) -> dict[str, Any]:
        """The register as plain JSON data: its id, name, rule, fields and entries (instants
        and dates ISO 8601, Decimals as strings), personal data masked unless *reveal*."""
        return {
            "id": self.spec.id,
            "name": {loc: self.spec.name.localize(loc) for loc in ("en", "zh_Hans", "zh_Hant")},
            "rule_id": self.spec.cite.rule_id,
            "clause": self.spec.cite.clause,
            "fields": [
                {
                    "id": f.id,
                    "kind": f.kind.value,
                    "required": f.required,
                    "choices": [c.id for c in f.choices],
                }
                for f in self.spec.fields
            ],
            "entries": [entry.to_json(reveal) for entry in self.entries],
        }

    def format(self, locale: str = "en", reveal: bool = False) -> str:
        """The register as text: its name and rule, then one line an entry."""
        title = gettext(N_("{text} ({rule_id})"), locale).format(
            text=self.spec.name.localize(locale), rule_id=self.spec.cite.rule_id
        )
        lines = [entry.format(locale, reveal) for entry in self.entries]
        return "\n".join([title, *(lines or [gettext(N_("no entries"), locale)])])

    def report(
        self,
        interval: ReportInterval | PeriodKind | str,
        period: Period,
        timezone: str | BusinessCalendar,
        by: Grouping | None = None,
        cite: Citation | None = None,
    ) -> RegisterReport:
        """:func:`report` of this register's entries, cited to the register's rule unless
        *cite* is given; *by* names one of its fields or is a function of an entry."""
        field = self.spec.field(by) if isinstance(by, str) else by
        return report(
            self.entries, interval, period, timezone, by=field, cite=cite or self.spec.cite
        )


# Statistics ----------------------------------------------------------------------------


class Dated(Protocol):
    """Anything with an aware instant ``at``: register entries, contacts, visits …"""

    @property
    def at(self) -> _dt.datetime: ...


class ReportInterval(LabelledEnum):
    """How a report splits its period."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"

    def of(self, value: _dt.date) -> Period:
        """The interval containing a day (a week runs Monday to Sunday).

        >>> ReportInterval.WEEK.of(pendulum.date(2026, 3, 4))
        DateRange(first=Date(2026, 3, 2), last=Date(2026, 3, 8))
        """
        d = day(value)
        if self is ReportInterval.DAY:
            return DateRange(d, d)
        if self is ReportInterval.WEEK:
            monday = d.subtract(days=d.weekday())
            return DateRange(monday, monday.add(days=6))
        return PeriodKind(self.value).of(d)


label_members(
    {
        ReportInterval.DAY: N_("daily"),
        ReportInterval.WEEK: N_("weekly"),
        ReportInterval.MONTH: N_("monthly"),
        ReportInterval.QUARTER: N_("quarterly"),
        ReportInterval.HALF_YEAR: N_("half-yearly"),
        ReportInterval.YEAR: N_("annual"),
    }
)


def _interval(value: object) -> ReportInterval:
    if isinstance(value, PeriodKind):
        value = value.value
    return enum_of(ReportInterval, "interval", ValidationError)(value)


def _period(value: object) -> Period:
    if not isinstance(value, Period):
        raise ValidationError("period", value, "expected a Period (Month, DateRange, …)")
    return value


def _clip(bucket: Period, period: Period) -> Period:
    if bucket.first >= period.first and bucket.last <= period.last:
        return bucket
    return DateRange(max(bucket.first, period.first), min(bucket.last, period.last))


def _local_day(item: object, timezone: str, what: str) -> pendulum.Date:
    if not hasattr(item, "at"):
        raise ValidationError(what, item, "expected records with an aware datetime `at`")
    return instant(item.at, f"{what}.at").in_timezone(timezone).date()


_FACTS = (str, Localizable, bool, int, Decimal, _dt.date)


@attrs.frozen
class GroupLabel:
    """How a report's group shows in a locale: a choice's name, a value (personal data
    masked), or "not given"."""

    value: object
    field: RegisterField | None = None

    def localize(self, locale: str = "en") -> str:
        """The group in *locale*."""
        if self.value is None:
            return gettext(N_("not given"), locale)
        if self.field is not None and self.field.kind is FieldKind.CHOICE:
            return self.field.choice(str(self.value)).localize(locale)
        if self.field is not None and isinstance(self.value, str):
            return _masked(self.field, self.value, (), False)
        value = self.value if isinstance(self.value, _FACTS) else str(self.value)
        return format_fact(value, locale)


@attrs.frozen
class ReportRow:
    """How many records fell in one interval (and one group, when grouped)."""

    period: Period
    group: Hashable | None
    count: int
    reason: Reason | None = None
    label: GroupLabel | None = attrs.field(default=None, eq=False, repr=False)

    def group_label(self, locale: str = "en") -> str | None:
        """The group in *locale* (a choice's name; personal data masked); ``None`` when
        the report is not grouped."""
        return None if self.label is None else self.label.localize(locale)


def _bucket_fact(bucket: Period, interval: ReportInterval) -> object:
    """A day shows as a date, any other interval as its label or range."""
    return bucket.first if interval is ReportInterval.DAY else bucket


@attrs.frozen
class RegisterReport:
    """Counts per interval of a period (and per group), with the total and the reasons.

    ``rows`` go interval by interval and, within one, group by group: a choice field's
    groups in the order of its choices (0 for a choice nobody picked), other groups in
    order of appearance, "not given" (``None``) last.  ``reasons`` (when the report is
    cited) are the total's, then each row's."""

    period: Period
    interval: ReportInterval
    timezone: str
    grouped: bool
    rows: tuple[ReportRow, ...] = attrs.field(converter=as_tuple)
    total: int
    reasons: tuple[Reason, ...] = attrs.field(converter=as_tuple)

    def counts(self) -> dict[Period, int]:
        """The count of each interval (all groups together)."""
        out: dict[Period, int] = {}
        for row in self.rows:
            out[row.period] = out.get(row.period, 0) + row.count
        return out

    def by_group(self) -> dict[Hashable | None, int]:
        """The count of each group over the whole period."""
        out: dict[Hashable | None, int] = {}
        for row in self.rows:
            out[row.group] = out.get(row.group, 0) + row.count
        return out

    def explain(self, locale: str = "en") -> list[str]:
        """The total and every row, in words (when the report is cited)."""
        return [r.explain(locale) for r in self.reasons]

    def to_json(self, locale: str = "en") -> dict[str, Any]:
        """The report as plain JSON data, labels in *locale*."""
        return {
            "first": self.period.first.isoformat(),
            "last": self.period.last.isoformat(),
            "interval": self.interval.value,
            "timezone": self.timezone,
            "total": self.total,
            "rows": [
                {
                    "first": row.period.first.isoformat(),
                    "last": row.period.last.isoformat(),
                    **({"group": row.group_label(locale)} if self.grouped else {}),
                    "count": row.count,
                }
                for row in self.rows
            ],
            "reasons": [r.to_json(locale) for r in self.reasons],
        }

    def format(self, locale: str = "en") -> str:
        """The report as text: a heading, a line a row, then the total."""
        lines = [
            gettext(N_("{interval} report, {first} to {last}"), locale).format(
                interval=self.interval.localize(locale),
                first=format_fact(self.period.first, locale),
                last=format_fact(self.period.last, locale),
            )
        ]
        for row in self.rows:
            when = format_fact(_bucket_fact(row.period, self.interval), locale)
            if self.grouped:
                when = gettext(N_("{period}, {group}"), locale).format(
                    period=when, group=row.group_label(locale)
                )
            lines.append(
                gettext(N_("{field}: {value}"), locale).format(
                    field=when, value=format_fact(row.count, locale)
                )
            )
        lines.append(
            gettext(N_("total: {count}"), locale).format(count=format_fact(self.total, locale))
        )
        return "\n".join(lines)


def _grouping(
    items: list[Any], by: Grouping | None
) -> tuple[Callable[[Any], Hashable | None] | None, RegisterField | None]:
    """The key function, and the field grouped by when it is a register field."""
    if by is None:
        return None, None
    field: RegisterField | None
    if isinstance(by, RegisterField):
        field, name = by, by.id
    elif isinstance(by, str):
        specs = {item.spec for item in items if isinstance(item, RegisterEntry)}
        field = specs.pop().field(by) if len(specs) == 1 else None
        name = by
    elif callable(by):
        return by, None
    else:
        raise ValidationError("by", by, "a field, a field id or a function of a record")

    def key(item: Any) -> Hashable | None:
        if isinstance(item, RegisterEntry):
            return item.get(name)
        return getattr(item, name, None)

    return key, field


def report(
    items: Iterable[Dated],
    interval: ReportInterval | PeriodKind | str,
    period: Period,
    timezone: str | BusinessCalendar,
    *,
    by: Grouping | None = None,
    cite: Citation | None = None,
) -> RegisterReport:
    """How many of *items* (register entries, or anything with an aware ``at``) fall in
    each *interval* (``"day"``, ``"week"``, ``"month"`` … or a :class:`PeriodKind`) of
    *period*, on the calendar of *timezone* (a name or a ``BusinessCalendar``); grouped
    *by* a field (or field id; an attribute of other records) or a function of a record.
    Items outside the period are left out.  With *cite* (a register's rule, or HD-36 for
    the statistics filed), the total and each row carry a reason.

    >>> from servicecodex._time import Month
    >>> hotline = RegisterSpec("hotline", Text(en="Consultations", zh_Hans="咨询登记"),
    ...     [RegisterField("channel", Text(en="Channel", zh_Hans="渠道"), "choice",
    ...                    choices=["phone", "web"])], Citation("HD-32", "001 篇4 .3"))
    >>> book = hotline.register([hotline.entry(pendulum.datetime(2026, 3, d, 23, tz="UTC"),
    ...                                        channel=c)
    ...                          for d, c in [(1, "phone"), (2, "web"), (9, "phone")]])
    >>> weekly = book.report("week", Month(2026, 3), "Asia/Shanghai", by="channel")
    >>> [(str(r.period.first), r.group, r.count) for r in weekly.rows][:4]
    [('2026-03-01', 'phone', 0), ('2026-03-01', 'web', 0), ('2026-03-02', 'phone', 1), ('2026-03-02', 'web', 1)]
    >>> weekly.explain("en")[0]
    '3 entries in March 2026 (HD-32)'
    """
    kind = _interval(interval)
    span = _period(period)
    tz = zone_of(timezone, "timezone")
    if cite is not None and not isinstance(cite, Citation):
        raise ValidationError("cite", cite, "expected a Citation")
    records = list(items)
    key, field = _grouping(records, by)

    buckets: dict[_dt.date, Period] = {}
    start_of: dict[_dt.date, _dt.date] = {}
    for d in span.days():
        bucket = _clip(kind.of(d), span)
        buckets.setdefault(bucket.first, bucket)
        start_of[d] = bucket.first

    counts: dict[tuple[_dt.date, Hashable | None], int] = {}
    seen: list[Hashable | None] = []
    total = 0
    for record in records:
        local = _local_day(record, tz, "items")
        if local not in span:
            continue
        group = None if key is None else key(record)
        if group not in seen:
            seen.append(group)
        slot = (start_of[local], group)
        counts[slot] = counts.get(slot, 0) + 1
        total += 1
    groups: list[Hashable | None]
    if key is None:
        groups = [None]
    elif field is not None and field.kind is FieldKind.CHOICE:
        groups = [c.id for c in field.choices] + [None] * (None in seen)
    else:
        groups = [g for g in seen if g is not None] + [None] * (None in seen)

    reasons: list[Reason] = []
    if cite is not None:
        reasons.append(
            Reason(cite, N_("{entries} in {period}"), {"entries": _entries(total), "period": span})
        )
    rows = []
    for first, bucket in buckets.items():
        for group in groups:
            count = counts.get((first, group), 0)
            label = None if key is None else GroupLabel(group, field)
            reason = None
            if cite is not None:
                facts: dict[str, object] = {
                    "entries": _entries(count),
                    "period": _bucket_fact(bucket, kind),
                }
                if label is None:
                    reason = Reason(cite, N_("{entries} in {period}"), facts)
                else:
                    facts["group"] = label
                    reason = Reason(cite, N_("{group}: {entries} in {period}"), facts)
                reasons.append(reason)
            rows.append(ReportRow(bucket, group, count, reason, label))
    return RegisterReport(span, kind, tz, key is not None, rows, total, reasons)


# Conversion ----------------------------------------------------------------------------


_RATE_PLACES = Decimal("0.0001")


@attrs.frozen
class Conversion:
    """The consultation-to-visit arrival rate of a period (HD-37): *came* ÷ *inquiries*,
    a fraction rounded half up to 4 places, ``None`` when nobody consulted.

    *visits* is the number of visits dated in the period; *came* the visits counted: all
    of them, or with a *match* key the distinct patients who consulted and came."""

    period: Period
    inquiries: int
    visits: int
    came: int
    rate: Decimal | None
    reasons: tuple[Reason, ...] = attrs.field(converter=as_tuple)

    @property
    def percent(self) -> Decimal | None:
        """The rate as a percentage, to 2 places."""
        return None if self.rate is None else (self.rate * 100).quantize(Decimal("0.01"))

    def explain(self, locale: str = "en") -> list[str]:
        """The numbers, in words."""
        return [r.explain(locale) for r in self.reasons]

    def to_json(self, locale: str = "en") -> dict[str, Any]:
        """Plain JSON data: the numbers (the rate as a string), and the reasons."""
        return {
            "first": self.period.first.isoformat(),
            "last": self.period.last.isoformat(),
            "inquiries": self.inquiries,
            "visits": self.visits,
            "came": self.came,
            "rate": None if self.rate is None else str(self.rate),
            "reasons": [r.to_json(locale) for r in self.reasons],
        }


def conversion(
    inquiries: Iterable[Dated],
    visits: Iterable[Dated],
    period: Period,
    *,
    timezone: str | BusinessCalendar,
    cite: Citation,
    match: Callable[[Any], Hashable | None] | None = None,
    until: _dt.date | None = None,
) -> Conversion:
    """The arrival rate (达到率) of *period*: visits ÷ consultations registered (AMB-13).

    Without *match*, every visit dated in the period counts.  With *match* — a key of a
    record, such as the patient's phone, ``None`` for a record that cannot be matched — a
    patient counts once when they consulted in the period and a visit with the same key
    follows their first consultation of the period, on or before *until* (default: the
    period's last day).  Days are the organisation's (*timezone*).

    >>> from servicecodex._time import Month
    >>> hd37 = Citation("HD-37", "001 篇4 .7")
    >>> class Visit:
    ...     def __init__(self, at): self.at = at
    >>> march = Month(2026, 3)
    >>> calls = [Visit(pendulum.datetime(2026, 3, d, 10, tz="Asia/Shanghai")) for d in range(1, 9)]
    >>> came = [Visit(pendulum.datetime(2026, 3, d, 15, tz="Asia/Shanghai")) for d in (2, 5, 7)]
    >>> rate = conversion(calls, came, march, timezone="Asia/Shanghai", cite=hd37)
    >>> rate.rate, rate.percent, rate.explain("en")
    (Decimal('0.3750'), Decimal('37.50'), ['3 visits from 8 consultations registered in March 2026: an arrival rate of 37.5% (HD-37)'])
    >>> conversion([], came, march, timezone="Asia/Shanghai", cite=hd37).explain("en")
    ['No consultations registered in March 2026: no arrival rate (HD-37)']
    """
    span = _period(period)
    tz = zone_of(timezone, "timezone")
    if not isinstance(cite, Citation):
        raise ValidationError("cite", cite, "expected a Citation (HD-37)")
    last = span.last if until is None else day(until, "until")
    if last < span.first:
        raise ValidationError("until", last, f"is before the period starts ({span.first})")
    asked = [i for i in inquiries if _local_day(i, tz, "inquiries") in span]
    seen = [(v, _local_day(v, tz, "visits")) for v in visits]
    in_period = sum(local in span for _, local in seen)
    facts: dict[str, object] = {"inquiries": len(asked), "period": span}
    if match is None:
        came = in_period
        message = N_(
            "{came} visits from {inquiries} consultations registered in {period}: "
            "an arrival rate of {rate}"
        )
    else:
        first_asked: dict[Hashable, pendulum.DateTime] = {}
        for item in asked:
            k, at = match(item), instant(item.at)
            if k is not None and (k not in first_asked or at < first_asked[k]):
                first_asked[k] = at
        matched = set()
        for item, local in seen:
            k = match(item)
            if k in first_asked and instant(item.at) >= first_asked[k] and local <= last:
                matched.add(k)
        came = len(matched)
        facts["until"] = last
        message = N_(
            "{came} patients who consulted in {period} came by {until}, "
            "of {inquiries} consultations registered: an arrival rate of {rate}"
        )
    facts["came"] = came
    if not asked:
        reason = Reason(
            cite, N_("no consultations registered in {period}: no arrival rate"), {"period": span}
        )
        return Conversion(span, 0, in_period, came, None, [reason])
    rate = (Decimal(came) / Decimal(len(asked))).quantize(_RATE_PLACES, ROUND_HALF_UP)
    facts["rate"] = Percent(rate)
    return Conversion(span, len(asked), in_period, came, rate, [Reason(cite, message, facts)])
