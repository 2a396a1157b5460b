"""servicecodex: a customer-service department's rulebook as typed, tested code.

Load an organisation with :meth:`Organization.load` and ask it about its rules.
Importing this package loads no plugin and no message catalog; both load on first use.
"""

from servicecodex._appraisal import (
    Adjustment,
    AppraisalScheme,
    Criterion,
    Descriptor,
    Grade,
    GradeScale,
    PassMark,
    QuarterRule,
    Scorecard,
    ScoreLine,
    Sign,
)
from servicecodex._calendar import BusinessCalendar
from servicecodex._conditions import (
    AllOf,
    AnyOf,
    AverageRankAtMost,
    Check,
    Condition,
    Context,
    FactCount,
    FactRecorded,
    FailedAppraisals,
    GradeCount,
    MeasuredAtLeast,
    MonthsEmployed,
    MonthsInRung,
    Not,
    RankOutsideTop,
    TitlesAtLeast,
    Window,
)
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
from servicecodex._history import History
from servicecodex._i18n import SUPPORTED_LOCALES
from servicecodex._ladder import Decision, GradingLadder, Move, Rung, Transition, TransitionCheck
from servicecodex._money import Money
from servicecodex._org import EffectivePolicy, Organization
from servicecodex._pay import SalaryBand, SalaryBands
from servicecodex._penalties import PenaltyRule, PenaltySchedule
from servicecodex._plugins import installed_plugins
from servicecodex._profile import OrganizationProfile
from servicecodex._ranking import Rank, rank_team, top
from servicecodex._reasons import Citation, Outcome, Reason
from servicecodex._service_levels import Channel, ResponseTarget, ServiceLevelPolicy
from servicecodex._shifts import Break, ShiftPattern, ShiftPolicy
from servicecodex._staff import Agent, AgentStatus, DatedFact, Title
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
    "Adjustment",
    "Agent",
    "AgentStatus",
    "AllOf",
    "AnyOf",
    "AppraisalScheme",
    "AverageRankAtMost",
    "Break",
    "BusinessCalendar",
    "CalendarPeriod",
    "Channel",
    "Check",
    "Citation",
    "Condition",
    "Context",
    "Criterion",
    "CurrencyMismatchError",
    "DateRange",
    "DatedFact",
    "Decision",
    "Descriptor",
    "EffectivePolicy",
    "FactCount",
    "FactRecorded",
    "FailedAppraisals",
    "FloatMoneyError",
    "Grade",
    "GradeCount",
    "GradeScale",
    "GradingLadder",
    "HalfYear",
    "History",
    "MeasuredAtLeast",
    "Money",
    "MoneyError",
    "Month",
    "MonthsEmployed",
    "MonthsInRung",
    "Move",
    "NaiveDateTimeError",
    "Not",
    "Organization",
    "OrganizationProfile",
    "Outcome",
    "PassMark",
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
    "QuarterRule",
    "Rank",
    "RankOutsideTop",
    "Reason",
    "ResponseTarget",
    "Role",
    "Rung",
    "SalaryBand",
    "SalaryBands",
    "Scenario",
    "ScoreLine",
    "Scorecard",
    "ServiceCodexError",
    "ServiceLevelPolicy",
    "ShiftPattern",
    "ShiftPolicy",
    "Sign",
    "Text",
    "Title",
    "TitlesAtLeast",
    "Transition",
    "TransitionCheck",
    "UnknownPluginError",
    "UnsupportedLocaleError",
    "ValidationError",
    "Window",
    "Year",
    "day",
    "hookimpl",
    "installed_plugins",
    "instant",
    "months_between",
    "rank_team",
    "top",
]
