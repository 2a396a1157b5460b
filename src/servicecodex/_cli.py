"""The ``servicecodex`` command.

``servicecodex plugins [--json] [--locale L]``
    the installed organisation plugins: id, display name, hooks implemented.
``servicecodex inspect ORG [--json] [--locale L]``
    an organisation's effective policy (docs/cli.md documents the JSON shape).
``servicecodex rules ORG [--json] [--locale L]``
    every rule of the organisation's catalogue with its coverage: tested, implemented,
    documentation-only, or a gap (tested only, missing).

ORG ``servicecodex-defaults`` is the built-in defaults alone (no plugin): ``inspect``
shows them, ``rules`` reports them against the generic manuals' rules (GM).

Bad arguments (an unknown organisation or locale included) print one line and exit 2;
a plugin that fails prints one line and exits 1.  No tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from servicecodex import __name__ as _package
from servicecodex._appraisal import AppraisalScheme
from servicecodex._conditions import AllOf, requirement
from servicecodex._coverage import (
    DEFAULTS_ID,
    CoverageReport,
    NoCatalogueError,
    RuleState,
    rule_coverage,
)
from servicecodex._errors import ServiceCodexError, UnknownPluginError, UnsupportedLocaleError
from servicecodex._i18n import N_, catalog_locale, gettext
from servicecodex._ladder import GradingLadder
from servicecodex._org import EffectivePolicy, Organization
from servicecodex._penalties import PenaltySchedule
from servicecodex._plugins import installed_plugins
from servicecodex._reasons import Reason
from servicecodex._serialize import to_data

__all__ = ["INSPECT_SCHEMA", "PLUGINS_SCHEMA", "RULES_SCHEMA", "main"]

INSPECT_SCHEMA = "servicecodex.inspect/1"
PLUGINS_SCHEMA = "servicecodex.plugins/1"
RULES_SCHEMA = "servicecodex.rules/1"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


class _BadArgument(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="servicecodex", description="A customer-service rulebook as code.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    listing = commands.add_parser("plugins", help="list the installed organisation plugins")
    inspect = commands.add_parser("inspect", help="show an organisation's effective policy")
    inspect.add_argument("org", metavar="ORG", help=f"an organisation plugin id, or {DEFAULTS_ID}")
    rules = commands.add_parser("rules", help="list an organisation's rules and their coverage")
    rules.add_argument("org", metavar="ORG", help=f"an organisation plugin id, or {DEFAULTS_ID}")
    for sub in (listing, inspect, rules):
        sub.add_argument("--json", action="store_true", help="print JSON instead of text")
        sub.add_argument(
            "--locale", default=None, help="zh_Hans_CN, zh_Hant_TW, en … (text and messages)"
        )
    return parser


def _t(msgid: str, locale: str, /, **facts: object) -> str:
    return gettext(msgid, locale).format(**facts)


def _plugins_data(locale: str) -> list[dict[str, Any]]:
    rows = []
    for plugin_id in sorted(installed_plugins()):
        org = Organization.load(plugin_id)
        rows.append(
            {
                "id": plugin_id,
                "name": org.profile.name.localize(locale),
                "hooks": list(org.implemented_hooks()[plugin_id]),
            }
        )
    return rows


def _print_plugins(rows: list[dict[str, Any]], locale: str, out: TextIO) -> None:
    if not rows:
        print(_t(N_("No organisation plugins are installed."), locale), file=out)
    for row in rows:
        print(f"{row['id']}  {row['name']}", file=out)
        short = ", ".join(h.removeprefix("servicecodex_") for h in row["hooks"])
        print("  " + _t(N_("hooks: {hooks}"), locale, hooks=short), file=out)


def _section(title: str, reasons: Sequence[Reason] | None, locale: str, out: TextIO) -> None:
    print(title, file=out)
    if reasons is None:
        print("  " + _t(N_("not defined"), locale), file=out)
        return
    for reason in reasons:
        print("  " + reason.explain(locale), file=out)


def _print_policy(policy: EffectivePolicy, locale: str, out: TextIO) -> None:
    profile = policy.profile
    print(f"{profile.name.localize(locale)} ({profile.id})", file=out)
    plugins = ", ".join(policy.plugins) or _t(N_("none (built-in defaults only)"), locale)
    print(_t(N_("Plugins: {plugins}"), locale, plugins=plugins), file=out)
    print(
        _t(
            N_(
                "Locale {locale} · timezone {timezone} · currency {currency} · public holidays {holidays}"
            ),
            locale,
            locale=profile.locale,
            timezone=profile.timezone,
            currency=profile.currency,
            holidays=profile.holidays or "—",
        ),
        file=out,
    )

    def parts(head: Callable[[], Reason] | None, items: Sequence[Any]) -> list[Reason]:
        return ([head()] if head else []) + [item.describe() for item in items]

    ladder, bands, penalties = policy.grading_ladder, policy.salary_bands, policy.penalty_schedule
    scheme, shifts, levels = policy.appraisal_scheme, policy.shift_policy, policy.service_levels

    def ladder_parts(ladder: GradingLadder) -> list[Reason]:
        found = [ladder.describe()]
        for rung in ladder.rungs:
            if rung.exempt is not None:
                found.append(
                    Reason(rung.exempt, N_("{rung} is exempt from appraisal"), {"rung": rung.name})
                )
            if rung.requirements is not None:
                # One line per requirement, each under the rule it comes from.
                needs = rung.requirements
                for need in needs.conditions if isinstance(needs, AllOf) else (needs,):
                    facts = {"rung": rung.name, "requirements": requirement(need)}
                    cite = getattr(need, "cite", None) or rung.cite
                    found.append(Reason(cite, N_("To hold {rung}: {requirements}"), facts))
        found += [ladder.describe_transition(t) for t in ladder.transitions]
        return found + [i.describe(r.name) for r in ladder.rungs for i in r.checklist]

    def penalty_parts(schedule: PenaltySchedule) -> list[Reason]:
        limits = (schedule.points_limit, schedule.warning_limit)
        found = [r.describe() for r in schedule.rules]
        found += [x.describe() for x in limits if x is not None]
        return found + schedule.describe_checklists()

    def appraisal_parts(scheme: AppraisalScheme) -> list[Reason]:
        found = parts(scheme.describe, (*scheme.criteria, *scheme.adjustments))
        found += [x.describe() for x in (scheme.grades, scheme.pass_mark) if x is not None]
        return found + [d.describe() for d in scheme.descriptors]

    sections: list[tuple[str, list[Reason] | None]] = [
        (N_("Grading ladder"), ladder_parts(ladder) if ladder else None),
        (N_("Salary bands"), list(bands.describe_all()) if bands else None),
        (N_("Penalties"), penalty_parts(penalties) if penalties else None),
        (N_("Appraisal"), appraisal_parts(scheme) if scheme else None),
        (N_("Shifts"), shifts.describe_all() if shifts else None),
        (N_("Service levels"), levels.describe_all() if levels else None),
    ]
    for title, reasons in sections:
        _section(_t(title, locale), reasons, locale, out)
    # The phrases of the reader's language, else those of the organisation's own: an
    # English reader of a Chinese desk still sees what its agents must say.
    book = policy.phrase_books.get(catalog_locale(locale)) or policy.phrase_books.get(
        catalog_locale(policy.profile.locale)
    )
    _section(
        _t(N_("Courtesy phrases"), locale),
        [e.describe() for e in book.entries] if book else None,
        locale,
        out,
    )


#: How much of a statement a line of ``servicecodex rules`` shows (``--json`` has it all).
_STATEMENT_WIDTH = 76


def _more(items: Sequence[str], locale: str) -> str:
    """The first of *items*, and how many more there are."""
    if len(items) == 1:
        return items[0]
    return _t(N_("{first} (+{more} more)"), locale, first=items[0], more=len(items) - 1)


def _capitalized(text: str, locale: str) -> str:
    return text[:1].upper() + text[1:] if catalog_locale(locale) == "en" else text


def _print_rules(report: CoverageReport, name: str, locale: str, out: TextIO) -> None:
    total, org = len(report.rules), report.organization
    header = N_("{name} ({org}): {total} rules in the catalogue")
    print(_t(header, locale, name=name, org=org, total=total), file=out)
    counts = report.counts()
    for state in RuleState:
        rules = report.of_state(state)
        if not rules:
            continue
        heading = _t(
            N_("{state} ({count})"), locale, state=state.localize(locale), count=len(rules)
        )
        print(_capitalized(heading, locale), file=out)
        for rule in rules:
            statement = rule.rule.statement
            if len(statement) > _STATEMENT_WIDTH:
                statement = statement[: _STATEMENT_WIDTH - 1].rstrip() + "…"
            print(f"  {rule.rule_id}  {statement}", file=out)
            details = []
            if rule.where:
                details.append(_t(N_("where: {where}"), locale, where=_more(rule.where, locale)))
            if rule.tests:
                details.append(_t(N_("tests: {tests}"), locale, tests=_more(rule.tests, locale)))
            if rule.reason:
                details.append(_t(N_("why: {reason}"), locale, reason=rule.reason))
            for detail in details:
                print("    " + detail, file=out)
    if report.uncatalogued:
        heading = _t(
            N_("cited but not in the catalogue ({count})"), locale, count=len(report.uncatalogued)
        )
        print(_capitalized(heading, locale), file=out)
        for stray in report.uncatalogued:
            print(f"  {stray.rule_id}  {_more(stray.where, locale)}", file=out)
    summary = " · ".join(f"{state.localize(locale)} {counts[state]}" for state in RuleState)
    print(_t(N_("{counts} ({total} rules)"), locale, counts=summary, total=total), file=out)


def _inspect_data(org: Organization, policy: EffectivePolicy, locale: str) -> dict[str, Any]:
    data: dict[str, Any] = {"schema": INSPECT_SCHEMA, "organization": org.id, "locale": locale}
    data.update(to_data(policy, locale))
    return data


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "plugins":
        locale = args.locale or "en"
        catalog_locale(locale)
        rows = _plugins_data(locale)
        if args.json:
            json.dump(
                {"schema": PLUGINS_SCHEMA, "plugins": rows}, out, ensure_ascii=False, indent=2
            )
            print(file=out)
        else:
            _print_plugins(rows, locale, out)
        return 0
    try:
        org = Organization.load(args.org)
    except UnknownPluginError as exc:
        raise _BadArgument(str(exc)) from None
    locale = args.locale or org.profile.locale
    catalog_locale(locale)
    if args.command == "rules":
        try:
            report = rule_coverage(args.org)
        except NoCatalogueError as exc:
            raise _BadArgument(str(exc)) from None
        if args.json:
            data = {"schema": RULES_SCHEMA, **report.to_json()}
            json.dump(data, out, ensure_ascii=False, indent=2)
            print(file=out)
        else:
            _print_rules(report, org.profile.name.localize(locale), locale, out)
        return 0
    policy = org.effective_policy()
    if args.json:
        json.dump(_inspect_data(org, policy, locale), out, ensure_ascii=False, indent=2)
        print(file=out)
    else:
        _print_policy(policy, locale, out)
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (0 fine, 1 a plugin failed, 2 bad arguments)."""
    stream = out if out is not None else sys.stdout
    args = _parser().parse_args(argv)
    try:
        return _run(args, stream)
    except (_BadArgument, UnsupportedLocaleError) as exc:
        print(f"{_package}: error: {exc}", file=sys.stderr)
        return 2
    except ServiceCodexError as exc:
        print(f"{_package}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `servicecodex inspect ORG --json | head`
        sys.stderr.close()
        return 0
