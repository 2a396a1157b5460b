"""servicecodex: a customer-service department's rulebook as typed, tested code.

Load an organisation with :meth:`Organization.load` and ask it about its rules.
Importing this package loads no plugin and no message catalog; both load on first use.
"""

from servicecodex._appraisal import AppraisalScheme, Criterion
from servicecodex._calendar import BusinessCalendar
from servicecodex._courtesy import PhraseBook, PhraseEntry, PhraseKind, Role, Scenario
from servicecodex._errors import (
    CurrencyMismatchError,
    FloatMoneyError,
    MoneyError,
    NaiveDateTimeError,
    PluginConflictError,
    PluginError,
    PolicyError,
    PolicyNotDefinedError,
    ServiceCodexError,
    UnknownPluginError,
    UnsupportedLocaleError,
    ValidationError,
)
from servicecodex._i18n import SUPPORTED_LOCALES
from servicecodex._ladder import GradingLadder, Rung
from servicecodex._money import Money
from servicecodex._org import EffectivePolicy, Organization
from servicecodex._pay import SalaryBand, SalaryBands
from servicecodex._penalties import PenaltyRule, PenaltySchedule
from servicecodex._plugins import installed_plugins
from servicecodex._profile import OrganizationProfile
from servicecodex._reasons import Citation, Outcome, Reason
from servicecodex._service_levels import Channel, ResponseTarget, ServiceLevelPolicy
from servicecodex._shifts import Break, ShiftPattern, ShiftPolicy
from servicecodex._text import Text
from servicecodex._time import (
    DateRange,
    HalfYear,
    Month,
    Period,
    PeriodKind,
    Quarter,
    Year,
    day,
    instant,
)
from servicecodex.hookspecs import hookimpl

__all__ = [
    "SUPPORTED_LOCALES",
    "AppraisalScheme",
    "Break",
    "BusinessCalendar",
    "Channel",
    "Citation",
    "Criterion",
    "CurrencyMismatchError",
    "DateRange",
    "EffectivePolicy",
    "FloatMoneyError",
    "GradingLadder",
    "HalfYear",
    "Money",
    "MoneyError",
    "Month",
    "NaiveDateTimeError",
    "Organization",
    "OrganizationProfile",
    "Outcome",
    "PenaltyRule",
    "PenaltySchedule",
    "Period",
    "PeriodKind",
    "PhraseBook",
    "PhraseEntry",
    "PhraseKind",
    "PluginConflictError",
    "PluginError",
    "PolicyError",
    "PolicyNotDefinedError",
    "Quarter",
    "Reason",
    "ResponseTarget",
    "Role",
    "Rung",
    "SalaryBand",
    "SalaryBands",
    "Scenario",
    "ServiceCodexError",
    "ServiceLevelPolicy",
    "ShiftPattern",
    "ShiftPolicy",
    "Text",
    "UnknownPluginError",
    "UnsupportedLocaleError",
    "ValidationError",
    "Year",
    "day",
    "hookimpl",
    "installed_plugins",
    "instant",
]
