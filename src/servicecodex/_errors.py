"""Every error servicecodex raises.

One root, :class:`ServiceCodexError`; each error also subclasses the builtin it *is*
(a bad value is a :class:`ValueError`, an unknown id a :class:`LookupError`), so callers
can catch either.  Messages name what went wrong: the field, the value, the plugin, the
hook.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "CurrencyMismatchError",
    "FloatError",
    "FloatMoneyError",
    "MoneyError",
    "NaiveDateTimeError",
    "PluginConflictError",
    "PluginError",
    "PolicyError",
    "PolicyNotDefinedError",
    "ServiceCodexError",
    "UnknownPluginError",
    "UnsupportedLocaleError",
    "ValidationError",
]


class ServiceCodexError(Exception):
    """Root of every error raised by servicecodex."""


class ValidationError(ServiceCodexError, ValueError):
    """A value given to servicecodex is not acceptable.

    ``field`` names where the value was given (``"Money.amount"``), ``value`` is the value.
    """

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        super().__init__(f"{field}: {problem} (got {value!r})")


class PolicyError(ValidationError):
    """An organisation's policy data (a ladder, a band table, a phrase book …) is invalid."""


class MoneyError(ValidationError):
    """An amount of money is invalid: not a number, not finite, or an unknown currency."""


class FloatError(ValidationError, TypeError):
    """A ``float`` was given where an exact number is needed (money, points, scores).
    Floats cannot hold 0.10 exactly; use ``Decimal``."""


class FloatMoneyError(FloatError, MoneyError):
    """A ``float`` was used for money."""


class CurrencyMismatchError(MoneyError):
    """Two amounts in different currencies were combined or compared."""


class NaiveDateTimeError(ValidationError):
    """A datetime without a timezone was given where an instant is needed."""


class UnsupportedLocaleError(ValidationError):
    """A locale that servicecodex has no messages for (it speaks zh_Hans, zh_Hant and en)."""


class UnknownPluginError(ServiceCodexError, LookupError):
    """No organisation plugin with that id is installed.

    The message lists the ids that are installed; so does :attr:`installed`.
    """

    def __init__(self, plugin_id: str, installed: Iterable[str]) -> None:
        self.plugin_id = plugin_id
        self.installed = tuple(sorted(installed))
        listed = ", ".join(self.installed) if self.installed else "none"
        super().__init__(
            f"no organisation plugin {plugin_id!r} is installed "
            f"(entry-point group 'servicecodex'); installed: {listed}"
        )


class PluginError(ServiceCodexError, RuntimeError):
    """A plugin failed: its hook implementation raised, returned the wrong type, or does
    not fit the hook's specification.  :attr:`plugin` and :attr:`hook` name both."""

    def __init__(self, plugin: str, hook: str, problem: str) -> None:
        self.plugin = plugin
        self.hook = hook
        self.problem = problem
        super().__init__(f"plugin {plugin!r}, hook {hook}: {problem}")


class PluginConflictError(ServiceCodexError, ValueError):
    """Two explicitly loaded plugins both answer a pick-one hook and no precedence says
    which one wins.  :attr:`plugins` names them in load order."""

    def __init__(self, hook: str, plugins: Sequence[str]) -> None:
        self.hook = hook
        self.plugins = tuple(plugins)
        named = " and ".join(repr(p) for p in self.plugins)
        super().__init__(
            f"plugins {named} both answer {hook}, which takes one answer; "
            f"pass precedence=[...] naming the plugin that wins"
        )


class PolicyNotDefinedError(ServiceCodexError, LookupError):
    """The organisation (its plugins and the built-in defaults) defines no such policy."""

    def __init__(self, organization: str, policy: str, hook: str) -> None:
        self.organization = organization
        self.policy = policy
        self.hook = hook
        super().__init__(
            f"organisation {organization!r} defines no {policy} (no plugin answers {hook})"
        )


# Public errors show as servicecodex.X in tracebacks and doctests, not servicecodex.X.
for _name in __all__:
    globals()[_name].__module__ = "servicecodex"
del _name
