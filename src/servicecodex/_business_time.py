"""Business-time clocks: when a desk is open, and service-level deadlines counted in
open time only.

A :class:`BusinessHours` is a week of :class:`OpeningWindow` s, local wall-clock times
in the desk's timezone, with the organisation's :class:`~servicecodex.BusinessCalendar`
for public holidays.  The rules, precisely:

* **Windows.**  A day has any number of windows (a lunch break is the gap between two).
  A window whose end is not after its start runs past midnight into the next day
  (22:00–06:00); 00:00–00:00 is the whole day.  A window *belongs to the day it opens*:
  Monday's 22:00–06:00 runs into Tuesday and is closed when Monday is a holiday.
  Windows of one day that overlap or touch are joined (the shifts 08:30–18:00 and
  15:30–24:00 give 08:30–24:00); windows of successive days may overlap too, and their
  union counts.
* **Open instants.**  A window is open from its opening instant up to, not including, its
  closing instant (:meth:`BusinessHours.is_open`); :meth:`BusinessHours.within` counts the
  closing instant too, and is where every deadline falls.
* **Holidays.**  With a *calendar*, a day the calendar lists as a public holiday (for China
  this includes the days off in lieu, 调休放假, e.g. 6-7 October 2026) is closed, unless
  *holidays_open*.  With *holiday_breaks*, the calendar's non-working days joined to a
  public holiday by other non-working days close too: China's National Day break is
  1-7 October 2026, and the ``holidays`` package does not list Sunday 4 October.
  A weekend day the calendar says is worked in lieu (调休上班, Saturday 10 October 2026)
  opens with the hours of a normal workday: the windows of the first weekday (Monday
  first) that is not a weekend day of the calendar and has windows.  With
  *holidays_open*, the calendar changes nothing.
* **Time zones.**  Windows are wall times; every sum and difference is taken on instants,
  so a 24-hour desk's day of a daylight-saving change has 23 or 25 hours.  A wall time
  that does not exist (skipped in spring) is read with the offset before the change
  (02:30 on 29 March 2026 in Berlin is 03:30 CEST); a repeated one (autumn) is its first
  occurrence.
* **Pauses** (the clock stops while a case waits on the customer) are ``(start, end)``
  pairs of aware datetimes, *end* ``None`` while still paused; overlapping pauses merge.
* **The business day** (:meth:`BusinessHours.business_day`) of an instant is the day
  whose window holds it (of two overlapping windows, the later day's), or, while the desk
  is closed, the day of the next window to open; its **close**
  (:meth:`BusinessHours.close_of`) is the end of that day's last window, past midnight
  for a night window.  :meth:`BusinessHours.end_of_business_day` is "by the close of
  the business day": a message left at night is due by the close of the next business
  day; a pause that runs up to or past the close moves it to the close of the business
  day the pause ends in, a shorter one changes nothing.
* **Deadlines** (:meth:`BusinessHours.add`) are the first instant at which the duration
  has run; a zero duration gives the first instant the clock runs.  A pause with no end
  that begins before the deadline raises :class:`ClockPausedError` (no deadline yet); a
  desk closed every day for more than two years raises PolicyError, a deadline more than
  100 years out ValidationError, rather than searching for ever.  The walk goes window by
  window, so a deadline a year out takes milliseconds.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeAlias
from zoneinfo import ZoneInfo

import attrs
import pendulum

from servicecodex._calendar import BusinessCalendar
from servicecodex._errors import PolicyError, ServiceCodexError, ValidationError
from servicecodex._i18n import N_, babel_locale, gettext
from servicecodex._reasons import Citation, Reason, cited, optional_citation
from servicecodex._time import instant
from servicecodex._validate import duration, iana_timezone, of_type, wall_clock

__all__ = ["BusinessHours", "ClockPausedError", "OpeningWindow", "Pause", "Windows"]

#: A pause of the clock: from *start* to *end*, or still paused when *end* is ``None``.
Pause: TypeAlias = tuple[_dt.datetime, _dt.datetime | None]

_UTC = _dt.UTC
_DAY = _dt.timedelta(days=1)
_MIDNIGHT = _dt.time(0)
#: A desk closed for longer than this is refused rather than searched for ever.
_CLOSED_DAYS = 2 * 366
#: No deadline is searched further out than this.
_HORIZON = _dt.timedelta(days=100 * 366)
#: How far a holiday break is searched for either side of a non-working day.
_BREAK_DAYS = 31
_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–~～]\s*(\d{1,2}):(\d{2})\s*$")


class ClockPausedError(ServiceCodexError):
    """No deadline yet: the clock is paused with no end (the case still waits on the
    customer) before the duration has run.  :attr:`since` is when that pause began,
    :attr:`remaining` the business time still to run once it ends."""

    def __init__(self, since: pendulum.DateTime, remaining: _dt.timedelta) -> None:
        self.since = since
        self.remaining = remaining
        super().__init__(
            f"the clock is paused since {since.isoformat()} with no end and {remaining} of "
            "business time still to run: no deadline until the pause ends"
        )


ClockPausedError.__module__ = "servicecodex"


def _minutes(t: _dt.time) -> int:
    return t.hour * 60 + t.minute


def _hhmm(t: _dt.time, end: bool = False) -> str:
    return "24:00" if end and t == _MIDNIGHT else f"{t:%H:%M}"


@attrs.frozen
class OpeningWindow:
    """A desk is open from *start* to *end*, local wall-clock times in whole minutes.

    An *end* not after *start* is on the next day: 22:00–06:00 runs past midnight, an end
    of 00:00 is midnight (shown as 24:00) and 00:00–00:00 is the whole day.

    >>> night = OpeningWindow.parse("22:00-06:00")
    >>> night.ends_next_day, night.length, str(night)
    (True, datetime.timedelta(seconds=28800), '22:00–06:00')
    >>> [t.isoformat() for t in night.on(pendulum.date(2026, 10, 24), "Europe/Berlin")]
    ['2026-10-24T22:00:00+02:00', '2026-10-25T06:00:00+01:00']
    """

    start: _dt.time = attrs.field(validator=wall_clock)
    end: _dt.time = attrs.field(validator=wall_clock)

    @classmethod
    def parse(cls, text: str) -> OpeningWindow:
        """A window from ``"HH:MM-HH:MM"`` (also with ``–``, ``~`` or ``～``); ``24:00`` is
        accepted as an end and means midnight."""
        match = _WINDOW.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise PolicyError("OpeningWindow", text, "expected 'HH:MM-HH:MM', e.g. '09:00-12:00'")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h2 == 24 and m2 == 0:
            h2 = 0
        if not (h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60):
            raise PolicyError("OpeningWindow", text, "not a time of day (00:00 to 24:00)")
        return cls(_dt.time(h1, m1), _dt.time(h2, m2))

    @property
    def ends_next_day(self) -> bool:
        """Whether the window closes on the day after it opens (at or after midnight)."""
        return self.end <= self.start

    @property
    def minutes(self) -> int:
        """The window's length on the wall clock, in minutes."""
        return (_minutes(self.end) - _minutes(self.start)) % 1440 or 1440

    @property
    def length(self) -> _dt.timedelta:
        """The window's length on the wall clock (a daylight-saving change makes the
        real length an hour longer or shorter)."""
        return _dt.timedelta(minutes=self.minutes)

    def _utc(self, day: _dt.date, zone: _dt.tzinfo) -> tuple[_dt.datetime, _dt.datetime]:
        start = _dt.datetime.combine(day, self.start, tzinfo=zone).astimezone(_UTC)
        closes = day + _DAY if self.ends_next_day else day
        end = _dt.datetime.combine(closes, self.end, tzinfo=zone).astimezone(_UTC)
        return start, end

    def on(self, day: _dt.date, timezone: str) -> tuple[pendulum.DateTime, pendulum.DateTime]:
        """The window that opens on *day*, as aware opening and closing instants."""
        start, end = self._utc(day, ZoneInfo(timezone))
        return _local(start, timezone), _local(end, timezone)

    def localize(self, locale: str = "en") -> str:
        """``"09:00–12:00"``, so that windows can be facts of a reason."""
        return str(self)

    def __str__(self) -> str:
        return f"{_hhmm(self.start)}–{_hhmm(self.end, end=True)}"


#: One window, as an :class:`OpeningWindow` or a ``"HH:MM-HH:MM"`` string, or several.
Windows: TypeAlias = OpeningWindow | str | Iterable[OpeningWindow | str]


def _window(value: object, field: str) -> OpeningWindow:
    if isinstance(value, OpeningWindow):
        return value
    if isinstance(value, str):
        return OpeningWindow.parse(value)
    raise PolicyError(field, value, "expected an OpeningWindow or 'HH:MM-HH:MM'")


def _windows(value: object, field: str) -> tuple[OpeningWindow, ...]:
    if isinstance(value, OpeningWindow | str):
        items: list[object] = [value]
    elif isinstance(value, Iterable):
        items = list(value)
    else:
        raise PolicyError(field, value, "expected windows: 'HH:MM-HH:MM' strings or OpeningWindows")
    spans: list[list[int]] = []  # [opens, closes] in minutes from the day's midnight
    for window in sorted((_window(v, field) for v in items), key=lambda w: _minutes(w.start)):
        opens = _minutes(window.start)
        closes = opens + window.minutes
        if spans and opens <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], closes)
            if spans[-1][1] - spans[-1][0] > 1440:
                raise PolicyError(field, value, "the windows of a day join into more than 24 hours")
        else:
            spans.append([opens, closes])
    return tuple(
        OpeningWindow(_dt.time(*divmod(opens, 60)), _dt.time(*divmod(closes % 1440, 60)))
        for opens, closes in spans
    )


def _week(value: Mapping[int, Windows]) -> tuple[tuple[OpeningWindow, ...], ...]:
    if not isinstance(value, Mapping):
        raise PolicyError(
            "BusinessHours.week", value, "expected a mapping of weekday (0 = Monday) to windows"
        )
    week: list[tuple[OpeningWindow, ...]] = [()] * 7
    for key, windows in value.items():
        if not isinstance(key, int) or isinstance(key, bool) or not 0 <= key <= 6:
            raise PolicyError("BusinessHours.week", key, "weekdays are 0 (Monday) to 6 (Sunday)")
        week[key] = _windows(windows, f"BusinessHours.week[{key}]")
    return tuple(week)


def _utc(value: _dt.datetime) -> _dt.datetime:
    """An aware instant as a plain UTC datetime (exact arithmetic, no DST)."""
    u = value.astimezone(_UTC)
    return _dt.datetime(
        u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond, tzinfo=_UTC
    )


def _local(value: _dt.datetime, timezone: str) -> pendulum.DateTime:
    return pendulum.instance(value).in_timezone(timezone)


def _pauses(pauses: object) -> list[tuple[_dt.datetime, _dt.datetime | None]]:
    """The pauses in UTC, sorted and merged where they overlap or touch."""
    if isinstance(pauses, str) or not isinstance(pauses, Iterable):
        raise ValidationError("pauses", pauses, "expected (start, end) pairs")
    spans: list[tuple[_dt.datetime, _dt.datetime | None]] = []
    for i, pause in enumerate(pauses):
        if not isinstance(pause, Sequence) or isinstance(pause, str) or len(pause) != 2:
            raise ValidationError(f"pauses[{i}]", pause, "expected a (start, end) pair")
        start = _utc(instant(pause[0], f"pauses[{i}].start"))
        end = None if pause[1] is None else _utc(instant(pause[1], f"pauses[{i}].end"))
        if end is not None and end < start:
            raise ValidationError(f"pauses[{i}].end", pause[1], "is before the pause's start")
        spans.append((start, end))
    spans.sort(key=lambda s: s[0])
    merged: list[tuple[_dt.datetime, _dt.datetime | None]] = []
    for start, end in spans:
        if merged:
            last_start, last_end = merged[-1]
            if last_end is None:
                break
            if start <= last_end:
                merged[-1] = (last_start, None if end is None else max(last_end, end))
                continue
        merged.append((start, end))
    return merged


@attrs.frozen
class _Weekdays:
    """Weekdays as a fact: "Monday to Friday", "Saturday and Sunday", in the reader's
    language."""

    days: tuple[int, ...]

    def localize(self, locale: str = "en") -> str:
        from babel.dates import get_day_names
        from babel.lists import format_list

        loc = babel_locale(locale)
        names = get_day_names("wide", locale=loc)
        runs: list[list[int]] = []
        for d in self.days:
            if runs and runs[-1][-1] == d - 1:
                runs[-1].append(d)
            else:
                runs.append([d])
        parts: list[str] = []
        for run in runs:
            if len(run) >= 3:
                parts.append(
                    gettext(N_("{first} to {last}"), locale).format(
                        first=names[run[0]], last=names[run[-1]]
                    )
                )
            else:
                parts.extend(str(names[d]) for d in run)
        return str(format_list(parts, locale=loc))


@attrs.frozen
class BusinessHours:
    """When a desk is open, and deadlines counted in its open time.

    *week* maps a weekday (0 = Monday) to its windows, each an :class:`OpeningWindow` or
    a ``"HH:MM-HH:MM"`` string (a single window may be given alone); a weekday left out is
    closed.  *calendar* supplies public holidays and in-lieu working days (see the module
    notes for the exact rules), *cite* the rule the hours come from.  The constructors
    :meth:`always`, :meth:`daily` and :meth:`weekdays` cover the usual desks.

    >>> cn = BusinessCalendar("Asia/Shanghai", "CN")
    >>> desk = BusinessHours.weekdays("Asia/Shanghai", ["09:00-12:00", "13:30-18:00"], calendar=cn)
    >>> asked = pendulum.datetime(2026, 9, 30, 17, tz="Asia/Shanghai")  # eve of National Day
    >>> desk.add(asked, _dt.timedelta(hours=2)).isoformat()  # 1 h today, 1 h after the break
    '2026-10-08T10:00:00+08:00'
    >>> desk.is_open(pendulum.datetime(2026, 10, 8, 12, 30, tz="Asia/Shanghai"))  # lunch
    False
    >>> str(desk.elapsed(asked, pendulum.datetime(2026, 10, 8, 14, 30, tz="Asia/Shanghai")))
    '5:00:00'
    """

    timezone: str = attrs.field(validator=iana_timezone)
    week: tuple[tuple[OpeningWindow, ...], ...] = attrs.field(converter=_week)
    calendar: BusinessCalendar | None = attrs.field(
        default=None, validator=of_type(BusinessCalendar, optional=True)
    )
    holidays_open: bool = attrs.field(default=False, validator=of_type(bool))
    holiday_breaks: bool = attrs.field(default=False, validator=of_type(bool))
    cite: Citation | None = attrs.field(default=None, validator=optional_citation)

    def __attrs_post_init__(self) -> None:
        if not any(self.week):
            raise PolicyError(
                "BusinessHours.week", {}, "no open window on any day: the clock would never run"
            )
        if self.holiday_breaks and (self.calendar is None or self.holidays_open):
            raise PolicyError(
                "BusinessHours.holiday_breaks",
                True,
                "closes holiday breaks: give a calendar, and do not set holidays_open",
            )
        if self.calendar is not None and self.calendar.timezone != self.timezone:
            raise PolicyError(
                "BusinessHours.calendar",
                self.calendar.timezone,
                f"the calendar's timezone differs from the hours' {self.timezone}",
            )

    # -- constructors ---------------------------------------------------------------

    @classmethod
    def always(cls, timezone: str, cite: Citation | None = None) -> BusinessHours:
        """A 7×24 desk: open around the clock every day, holidays included."""
        whole_day = (OpeningWindow(_MIDNIGHT, _MIDNIGHT),)
        return cls(timezone, dict.fromkeys(range(7), whole_day), holidays_open=True, cite=cite)

    @classmethod
    def daily(
        cls,
        timezone: str,
        windows: Windows,
        *,
        calendar: BusinessCalendar | None = None,
        holidays_open: bool = False,
        holiday_breaks: bool = False,
        cite: Citation | None = None,
    ) -> BusinessHours:
        """The same *windows* every day of the week."""
        return cls(
            timezone,
            dict.fromkeys(range(7), windows),
            calendar=calendar,
            holidays_open=holidays_open,
            holiday_breaks=holiday_breaks,
            cite=cite,
        )

    @classmethod
    def weekdays(
        cls,
        timezone: str,
        windows: Windows,
        *,
        calendar: BusinessCalendar | None = None,
        holidays_open: bool = False,
        holiday_breaks: bool = False,
        cite: Citation | None = None,
    ) -> BusinessHours:
        """The same *windows* Monday to Friday; closed at the weekend."""
        return cls(
            timezone,
            dict.fromkeys(range(5), windows),
            calendar=calendar,
            holidays_open=holidays_open,
            holiday_breaks=holiday_breaks,
            cite=cite,
        )

    # -- days -----------------------------------------------------------------------

    def _workday(self) -> tuple[OpeningWindow, ...]:
        weekend = self.calendar.weekend if self.calendar is not None else frozenset({5, 6})
        return next((w for d, w in enumerate(self.week) if d not in weekend and w), ())

    def _in_break(self, d: _dt.date, calendar: BusinessCalendar) -> bool:
        if calendar.is_working_day(d):
            return False
        for step in (-_DAY, _DAY):
            other = d
            for _ in range(_BREAK_DAYS):
                other += step
                if calendar.is_public_holiday(other):
                    return True
                if calendar.is_working_day(other):
                    break
        return False

    def windows_on(self, day: _dt.date) -> tuple[OpeningWindow, ...]:
        """The windows that open on *day* (a local calendar day), holidays applied."""
        if isinstance(day, _dt.datetime) or not isinstance(day, _dt.date):
            raise ValidationError("day", day, "expected a calendar date, not a datetime")
        cal = self.calendar
        if cal is not None and not self.holidays_open:
            if cal.is_public_holiday(day) or (self.holiday_breaks and self._in_break(day, cal)):
                return ()
            if cal.is_in_lieu_working_day(day):
                return self._workday() or self.week[day.weekday()]
        return self.week[day.weekday()]

    # -- the walk -------------------------------------------------------------------

    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def _first_day(self, moment: _dt.datetime) -> _dt.date:
        # two days back: a window opens at most a day before it closes, and a
        # daylight-saving change at midnight may shift a day's start by an hour
        local = moment.astimezone(self._zone())
        return _dt.date(local.year, local.month, local.day) - 2 * _DAY

    def _spans(
        self, moment: _dt.datetime, until: _dt.datetime | None = None
    ) -> Iterator[tuple[_dt.datetime, _dt.datetime]]:
        """Open spans (UTC) from the windows opening two days before *moment*'s day on,
        in order and disjoint (a span starts at or after the previous one's end).  With
        *until*, stops after the day of *until*; without, the walk is endless unless the
        desk stays closed for over two years, which raises."""
        zone = self._zone()
        d = self._first_day(moment)
        last_day = None if until is None else until.astimezone(zone).date()
        reach: _dt.datetime | None = None
        last_open = d
        while last_day is None or d <= last_day:
            windows = self.windows_on(d)
            if windows:
                last_open = d
            for window in windows:
                start, end = window._utc(d, zone)
                if reach is not None and start < reach:
                    start = reach
                if start < end:
                    yield start, end
                    reach = end
            if last_day is None and (d - last_open).days > _CLOSED_DAYS:
                raise PolicyError(
                    "BusinessHours.calendar",
                    last_open + _DAY,
                    "closed every day for more than two years from this day: "
                    "the clock would never run",
                )
            d += _DAY

    def _running(
        self,
        start: _dt.datetime,
        pauses: list[tuple[_dt.datetime, _dt.datetime | None]],
        until: _dt.datetime | None = None,
    ) -> Iterator[tuple[_dt.datetime, _dt.datetime]]:
        """The spans from *start* on in which the clock runs: open and not paused.  Ends
        when a pause with no end begins."""
        i = 0
        for s, e in self._spans(start, until):
            if e <= start:
                continue
            s = max(s, start)
            while s < e:
                while i < len(pauses) and (end := pauses[i][1]) is not None and end <= s:
                    i += 1
                if i == len(pauses) or pauses[i][0] >= e:
                    yield s, e
                    break
                pause_start, pause_end = pauses[i]
                if pause_start > s:
                    yield s, pause_start
                if pause_end is None:
                    return
                s = pause_end

    # -- questions ------------------------------------------------------------------

    def is_open(self, moment: _dt.datetime) -> bool:
        """Whether the desk is open at *moment*: from a window's opening instant up to, not
        including, its closing instant."""
        t = _utc(instant(moment, "moment"))
        return any(s <= t < e for s, e in self._spans(t, until=t))

    def within(self, moment: _dt.datetime) -> bool:
        """Whether *moment* lies in business hours counting a window's closing instant
        as inside: where a deadline may fall (a deadline can end a window)."""
        t = _utc(instant(moment, "moment"))
        return any(s <= t <= e for s, e in self._spans(t, until=t))

    def next_open(self, moment: _dt.datetime) -> pendulum.DateTime:
        """*moment* itself if the desk is open then, otherwise the next opening instant
        (in the desk's timezone)."""
        t = _utc(instant(moment, "moment"))
        for s, e in self._spans(t):
            if e > t:
                return _local(max(s, t), self.timezone)
        raise AssertionError("unreachable: the walk ends only by raising")  # pragma: no cover

    # -- the business day -----------------------------------------------------------

    def _openings(
        self, moment: _dt.datetime
    ) -> Iterator[tuple[_dt.date, _dt.datetime, _dt.datetime]]:
        """Every window from two days before *moment*'s day on, as (the day it opens on,
        opening, closing) in UTC, in order of opening; endless unless the desk stays
        closed for over two years, which raises."""
        zone = self._zone()
        d = self._first_day(moment)
        last_open = d
        while True:
            windows = self.windows_on(d)
            if windows:
                last_open = d
            for window in windows:
                start, end = window._utc(d, zone)
                if start < end:  # a window skipped by a daylight-saving change is empty
                    yield d, start, end
            if (d - last_open).days > _CLOSED_DAYS:
                raise PolicyError(
                    "BusinessHours.calendar",
                    last_open + _DAY,
                    "closed every day for more than two years from this day: "
                    "there is no next business day",
                )
            d += _DAY

    def _business_day(self, t: _dt.datetime) -> _dt.date:
        found: _dt.date | None = None
        for d, s, e in self._openings(t):
            if s > t:
                return d if found is None else found
            if t < e:
                found = d  # the latest day whose window holds t
        raise AssertionError("unreachable: the walk ends only by raising")  # pragma: no cover

    def business_day(self, moment: _dt.datetime) -> pendulum.Date:
        """The business day whose work *moment* is: the day the window holding *moment*
        opened on (of two overlapping windows, the later day's), or, when the desk is
        closed at *moment*, the day of the next window to open.  A window past midnight
        belongs to the day it opens on, so 03:00 on a night desk open 22:00–06:00 is the
        previous day's work; at a window's closing instant the desk is closed.

        >>> desk = BusinessHours.weekdays("Asia/Shanghai", ["09:00-12:00", "13:30-18:00"])
        >>> desk.business_day(pendulum.datetime(2026, 3, 6, 12, 30, tz="Asia/Shanghai"))  # lunch
        Date(2026, 3, 6)
        >>> desk.business_day(pendulum.datetime(2026, 3, 6, 18, tz="Asia/Shanghai"))  # Friday's close
        Date(2026, 3, 9)
        """
        d = self._business_day(_utc(instant(moment, "moment")))
        return pendulum.date(d.year, d.month, d.day)

    def close_of(self, day: _dt.date) -> pendulum.DateTime | None:
        """The close of business of *day*: the end of the last window that opens on *day*
        (a window past midnight closes on the next day), holidays applied; ``None`` when
        the desk does not open that day.

        >>> night = BusinessHours.daily("Europe/Berlin", "22:00-06:00")
        >>> night.close_of(pendulum.date(2026, 3, 2)).isoformat()
        '2026-03-03T06:00:00+01:00'
        """
        if not self.windows_on(day):
            return None
        return _local(self._close_utc(day), self.timezone)

    def _close(
        self, begin: _dt.datetime, stops: list[tuple[_dt.datetime, _dt.datetime | None]]
    ) -> tuple[_dt.date, _dt.datetime]:
        """(business day, its close in UTC) for a clock started at *begin* (UTC) with
        *stops* (merged, UTC): see :meth:`end_of_business_day`."""
        day = self._business_day(begin)
        due = self._close_utc(day)
        for pause_start, pause_end in stops:
            if pause_end is not None and pause_end <= begin:
                continue
            if pause_start >= due:
                break
            if pause_end is None:
                remaining = self.elapsed(max(pause_start, begin), due)
                raise ClockPausedError(_local(max(pause_start, begin), self.timezone), remaining)
            if pause_end >= due:  # the wait ran past the close: the day it ends on
                day = self._business_day(pause_end)
                due = self._close_utc(day)
        return day, due

    def _close_utc(self, day: _dt.date) -> _dt.datetime:
        zone = self._zone()
        return max(w._utc(day, zone)[1] for w in self.windows_on(day))

    def end_of_business_day(
        self, moment: _dt.datetime, pauses: Iterable[Pause] = ()
    ) -> pendulum.DateTime:
        """The close of the business day *moment* falls in (:meth:`business_day`): the end
        of that day's last window, so a message left while the desk is closed is due by the
        close of the next business day.  The result is always after *moment* and at the
        end of an opening window (:meth:`within`).

        With *pauses* (the case waits on the customer), a pause that begins and ends
        before the close changes nothing: the day's close is a fixed point, not a span
        of open time.  A pause that runs up to or past the close moves the deadline to
        the close of the business day the pause ends in; one that covers *moment* moves
        the start to its end.  A pause with no end that begins before the close raises
        :class:`ClockPausedError` (:attr:`~ClockPausedError.remaining` is the open time
        that was left in the day).

        >>> shop = BusinessHours.daily("Asia/Shanghai", "08:30-24:00")
        >>> def at(day, hour, minute=0):
        ...     return pendulum.datetime(2026, 3, day, hour, minute, tz="Asia/Shanghai")
        >>> shop.end_of_business_day(at(3, 19, 40)).isoformat()  # by 24:00
        '2026-03-04T00:00:00+08:00'
        >>> shop.end_of_business_day(at(4, 2)).isoformat()  # the shop is closed: Wednesday's
        '2026-03-05T00:00:00+08:00'
        >>> shop.end_of_business_day(at(3, 10), [(at(3, 11), at(3, 15))]).isoformat()
        '2026-03-04T00:00:00+08:00'
        >>> shop.end_of_business_day(at(3, 10), [(at(3, 11), at(4, 9))]).isoformat()
        '2026-03-05T00:00:00+08:00'
        """
        return self._day_and_close(moment, pauses)[1]

    def _day_and_close(
        self, moment: _dt.datetime, pauses: Iterable[Pause] = ()
    ) -> tuple[pendulum.Date, pendulum.DateTime]:
        """:meth:`end_of_business_day`, with the business day it closes."""
        day, close = self._close(_utc(instant(moment, "moment")), _pauses(pauses))
        return pendulum.date(day.year, day.month, day.day), _local(close, self.timezone)

    def add(
        self, start: _dt.datetime, duration: _dt.timedelta, pauses: Iterable[Pause] = ()
    ) -> pendulum.DateTime:
        """The deadline: the first instant at which *duration* of open time, not counting
        *pauses*, has run since *start* (in the desk's timezone).

        A positive duration's deadline lies in business hours (:meth:`within`), possibly
        at a window's closing instant.  A zero duration gives the first instant at or
        after *start* at which the clock runs: :meth:`next_open` when nothing is paused.
        A pause with no end that begins before the deadline raises
        :class:`ClockPausedError`; a negative duration a ValidationError.
        """
        begin = _utc(instant(start, "start"))
        left = _duration(duration)
        stops = _pauses(pauses)
        horizon = begin + _HORIZON
        for s, e in self._running(begin, stops):
            if s > horizon:
                raise ValidationError(
                    "duration", duration, "no deadline within 100 years of the start"
                )
            if e - s >= left:
                return _local(s + left, self.timezone)
            left -= e - s
        raise ClockPausedError(_local(stops[-1][0], self.timezone), left)

    def elapsed(
        self, start: _dt.datetime, end: _dt.datetime, pauses: Iterable[Pause] = ()
    ) -> _dt.timedelta:
        """The open time from *start* to *end*, not counting *pauses*."""
        a = _utc(instant(start, "start"))
        b = _utc(instant(end, "end"))
        if b < a:
            raise ValidationError("end", end, f"is before start {start.isoformat()}")
        total = _dt.timedelta(0)
        for s, e in self._running(a, _pauses(pauses), until=b):
            if s >= b:
                break
            total += min(e, b) - s
        return total

    def describe(self) -> list[Reason]:
        """The hours in words, cited (none without a citation)."""
        groups: dict[tuple[OpeningWindow, ...], list[int]] = {}
        for d, windows in enumerate(self.week):
            if windows:
                groups.setdefault(windows, []).append(d)
        rules: list[tuple[Citation | None, str, Mapping[str, object]]] = []
        only = next(iter(groups))
        if len(groups) == 1 and len(groups[only]) == 7:
            if len(only) == 1 and only[0].minutes == 1440:
                rules.append((self.cite, N_("open around the clock, every day"), {}))
            else:
                rules.append((self.cite, N_("open every day: {windows}"), {"windows": only}))
        else:
            for windows, days in groups.items():
                rules.append(
                    (
                        self.cite,
                        N_("open {days}: {windows}"),
                        {"days": _Weekdays(tuple(days)), "windows": windows},
                    )
                )
        if self.calendar is not None and self.calendar.country is not None:
            if self.holidays_open:
                rules.append((self.cite, N_("open on public holidays"), {}))
            else:
                rules.append((self.cite, N_("closed on public holidays"), {}))
                if self.holiday_breaks:
                    rules.append(
                        (
                            self.cite,
                            N_("closed for the whole holiday break, weekend days included"),
                            {},
                        )
                    )
                workday = self._workday()
                if workday:
                    rules.append(
                        (
                            self.cite,
                            N_("open on weekend days worked in lieu of a holiday: {windows}"),
                            {"windows": workday},
                        )
                    )
        return cited(rules)


def _duration(value: object) -> _dt.timedelta:
    return duration(value, "duration", ValidationError)
