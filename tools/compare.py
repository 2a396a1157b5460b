"""Write docs/organisations/compare.md: the nine organisations side by side.

One agent, one month (王芳, A-017, March 2026), the same facts under every installed
organisation plugin: what each would pay her (where it has salary bands), what the same
violations would cost (mapped to each organisation's nearest penalty code, where it has
a schedule), and what each requires of her (answering, response and resolution targets,
shifts and rest, callbacks, survey).  Everything on the page is computed from the
plugins' policies; nothing is typed in but the facts and the mapping of facts to codes.

Run ``python tools/compare.py`` after a plugin changes; ``tests/test_compare.py`` fails
while the committed page differs from what this script generates.
"""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs
import pendulum

import servicecodex as sc

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "organisations" / "compare.md"
COMMAND = "python tools/compare.py"
LOCALE = "en"
MARCH = sc.Month(2026, 3)
TZ = "Asia/Shanghai"
AGENT_ID = "A-017"
HIRED = pendulum.date(2025, 1, 5)
RUNG = "senior"  # the rung both organisations with salary bands call 高级客服 (senior CS)
DASH = "—"


@attrs.frozen
class Fact:
    """One thing 王芳 did in March 2026, and the nearest penalty code of each organisation
    (organisations not named have no code for it)."""

    id: str
    text: str
    day: int
    hour: int
    codes: Mapping[str, str]


FACTS = (
    Fact(
        "late",
        "Late for her shift (3 and 17 March)",
        3,
        9,
        {"callcenter-general": "lateness", "enterprise-handbook": "late-early-or-absent"},
    ),
    Fact(
        "phone",
        "A 40-minute private phone call at work (10 March)",
        10,
        15,
        {"taobao-shop": "phone-at-work", "enterprise-handbook": "private-call"},
    ),
    Fact(
        "left-post",
        "Left her post without cover (12 March)",
        12,
        14,
        {"taobao-shop": "left-post", "enterprise-handbook": "left-post"},
    ),
    Fact(
        "rings",
        "A call left ringing more than five times, the caller complained (16 March)",
        16,
        10,
        {"taobao-shop": "unanswered-rings", "enterprise-handbook": "call-left-on-hold"},
    ),
    Fact(
        "argued",
        "Argued back at a customer (20 March)",
        20,
        11,
        {
            "taobao-shop": "swearing-at-customer",
            "enterprise-handbook": "arguing-with-customer",
            "callcenter-general": "hung-up-on-caller",
            "jingyun-warehouse": "poor-work-attitude",
        },
    ),
    Fact(
        "appearance",
        "No name badge at the pre-shift check (24 March)",
        24,
        8,
        {"hospital-desk": "appearance-breach"},
    ),
    Fact(
        "absent",
        "Absent a whole day without leave (26 March)",
        26,
        9,
        {
            "taobao-shop": "absenteeism",
            "callcenter-general": "absenteeism",
            "enterprise-handbook": "late-early-or-absent",
        },
    ),
)
# The second lateness: the same code as the first, on 17 March.
SECOND_LATE_DAY = 17
ATTENDANCE = sc.AttendanceFacts(late=2, absent=1)

HOOK_COLUMNS = (
    ("grading_ladder", "Ladder"),
    ("salary_bands", "Pay"),
    ("penalty_schedule", "Fines"),
    ("appraisal_scheme", "Appraisal"),
    ("shift_policy", "Shifts"),
    ("service_levels", "Service levels"),
    ("courtesy_phrases", "Phrases"),
)


def agent() -> sc.Agent:
    """王芳: hired on 5 January 2025, 14 whole months by 31 March 2026, on the senior rung."""
    return sc.Agent("A-017", "王芳", hired=HIRED, rung=RUNG, rung_since=pendulum.date(2026, 1, 5))


def violations(plugin: str) -> list[sc.Violation]:
    """The month's facts as violations of *plugin*'s codes (those it has a code for)."""
    found: list[sc.Violation] = []
    for fact in FACTS:
        code = fact.codes.get(plugin)
        if code is None:
            continue
        days = (fact.day, SECOND_LATE_DAY) if fact.id == "late" else (fact.day,)
        for day in days:
            at = pendulum.datetime(2026, 3, day, fact.hour, tz=TZ)
            found.append(sc.Violation(f"{fact.id}-{day}", AGENT_ID, code, at, reported_by="S-001"))
    return found


def organisations() -> list[tuple[str, sc.Organization]]:
    """Every installed organisation plugin, by id."""
    return [(plugin, sc.Organization.load(plugin)) for plugin in sorted(sc.installed_plugins())]


def money(amount: sc.Money) -> str:
    return amount.format("en")


def span(value: _dt.timedelta | sc.CloseOfDay) -> str:
    """A duration in hours or minutes, as short as it goes, or the close of the day."""
    if isinstance(value, sc.CloseOfDay):
        return "by the close of the business day"
    seconds = int(value.total_seconds())
    if seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


def cell(parts: Iterable[str]) -> str:
    """Table cell: the parts joined by line breaks, a dash when there are none."""
    items = [p.replace("|", "\\|") for p in parts if p]
    return "<br>".join(items) if items else DASH


def table(head: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def overview(orgs: list[tuple[str, sc.Organization]]) -> list[str]:
    rows = []
    for plugin, org in orgs:
        hooks = {h.removeprefix("servicecodex_") for h in org.implemented_hooks()[plugin]}
        effective = org.effective_policy()
        marks = []
        for hook, _ in HOOK_COLUMNS:
            if hook == "courtesy_phrases":
                given = bool(org.phrase_book().entries)
            else:
                given = getattr(effective, hook, None) is not None
            marks.append("✓" if hook in hooks else "defaults" if given else DASH)
        rows.append([f"`{plugin}`", org.profile.name.localize(LOCALE), *marks])
    return table(["Plugin", "Organisation", *(label for _, label in HOOK_COLUMNS)], rows)


def payslip(plugin: str, org: sc.Organization) -> sc.Payslip | None:
    """王芳's March payslip under *plugin*, with its fines, or ``None`` without salary bands."""
    policy = org.effective_policy()
    if policy.salary_bands is None:
        return None
    ledger = violations(plugin) if policy.penalty_schedule is not None else None
    return org.payslip(agent(), MARCH, violations=ledger, attendance=ATTENDANCE)


def pay(orgs: list[tuple[str, sc.Organization]]) -> list[str]:
    rows = []
    for plugin, org in orgs:
        slip = payslip(plugin, org)
        if slip is None:
            rows.append([f"`{plugin}`", *[DASH] * 5])
            continue
        earned = [
            line.reason.explain(LOCALE) for line in slip.lines if line.kind is sc.LineKind.EARNING
        ]
        rows.append(
            [
                f"`{plugin}`",
                cell(earned),
                money(slip.gross),
                money(slip.fines),
                f"**{money(slip.net)}**",
                cell(note.explain(LOCALE) for note in slip.notes),
            ]
        )
    return table(["Plugin", "Earnings", "Gross", "Fines", "Net", "Notes"], rows)


def fine_parts(rule: sc.PenaltyRule, line: sc.FineLine) -> str:
    """What one violation costs: money, points, a consequence."""
    what = []
    if rule.fine is not None:
        what.append(money(line.amount))
    if rule.points is not None:
        points = line.violation.points or rule.points.low
        what.append(f"{points} pt" if points == 1 else f"{points} pts")
    if rule.consequence is not None:
        what.append(rule.consequence.localize(LOCALE))
    return f"`{rule.code}` ({rule.cite.rule_id}): {', '.join(what) or 'no fixed fine'}"


def fines(orgs: list[tuple[str, sc.Organization]]) -> list[str]:
    rows = []
    for plugin, org in orgs:
        schedule = org.effective_policy().penalty_schedule
        if schedule is None:
            rows.append([f"`{plugin}`", *[DASH] * (len(FACTS) + 1)])
            continue
        ledger = sc.Ledger()
        for violation in violations(plugin):
            ledger.record(violation)
        assessment = schedule.assess(AGENT_ID, ledger, MARCH, org.calendar)
        by_fact: dict[str, list[str]] = {}
        for line in assessment.fines:
            fact_id = line.violation.id.rsplit("-", 1)[0]
            by_fact.setdefault(fact_id, []).append(
                fine_parts(schedule.rule(line.violation.code), line)
            )
        month = [money(assessment.total)]
        if assessment.points:
            month.append(f"{assessment.points} pts")
        month += [c.reason.explain(LOCALE) for c in assessment.consequences]
        cells = [cell(by_fact.get(fact.id, ())) for fact in FACTS]
        rows.append([f"`{plugin}`", *cells, cell(month)])
    return table(["Plugin", *(f"({n})" for n, _ in enumerate(FACTS, 1)), "March"], rows)


def scope(target: sc.ResponseTarget) -> str:
    channel = "every channel" if target.channel is None else target.channel.localize(LOCALE)
    return channel if target.category is None else f"{channel}, {target.category}"


def spans(policy: sc.ServiceLevelPolicy, attribute: str, what: str = "") -> list[str]:
    """Each target setting *attribute*: its scope, *what* it is, the span and the rule."""
    found = []
    for target in policy.targets:
        value = getattr(target, attribute)
        if value is not None:
            clock = " (calendar)" if target.clock is sc.Clock.CALENDAR else ""
            found.append(f"{scope(target)}: {what}{span(value)}{clock} ({target.cite.rule_id})")
    return found


def answering(orgs: list[tuple[str, sc.Organization]]) -> list[str]:
    rows = []
    for plugin, org in orgs:
        policy = org.effective_policy().service_levels
        if policy is None:
            rows.append([f"`{plugin}`", *[DASH] * 6])
            continue
        rings = [
            f"{t.rings} rings = {t.rings * policy.seconds_per_ring} s ({t.cite.rule_id})"
            for t in policy.targets
            if t.rings is not None
        ]
        hours = [r.explain(LOCALE) for r in policy.hours.describe()] if policy.hours else []
        chains = [c.describe()[0].explain(LOCALE) for c in policy.escalations]
        rows.append(
            [
                f"`{plugin}`",
                ", ".join(c.localize(LOCALE) for c in policy.channels),
                cell(hours),
                cell(rings),
                cell(
                    spans(policy, "first_response", "first ")
                    + spans(policy, "next_response", "each next ")
                ),
                cell(spans(policy, "resolution")),
                cell(chains),
            ]
        )
    head = ["Plugin", "Channels", "Hours", "Phone rings", "Response", "Resolution", "Escalation"]
    return table(head, rows)


def duties(orgs: list[tuple[str, sc.Organization]]) -> list[str]:
    rows = []
    for plugin, org in orgs:
        policy = org.effective_policy()
        shifts = policy.shift_policy
        levels = policy.service_levels
        if shifts is None:
            patterns: list[str] = []
            rest: list[str] = []
        else:
            patterns = [p.describe().explain(LOCALE) for p in shifts.patterns]
            patterns += [e.describe().explain(LOCALE) for e in shifts.events]
            rest = [r.describe().explain(LOCALE) for r in shifts.rest]
            rest += [c.describe().explain(LOCALE) for c in shifts.cover]
            if shifts.meals is not None:
                rest.append(shifts.meals.describe().explain(LOCALE))
            if shifts.swaps is not None:
                rest += [r.explain(LOCALE) for r in shifts.swaps.describe()]
        callbacks = [] if levels is None else [c.describe()[0] for c in levels.callbacks]
        survey = [] if levels is None or levels.survey is None else levels.survey.describe()
        rows.append(
            [
                f"`{plugin}`",
                cell(patterns),
                cell(rest),
                cell(r.explain(LOCALE) for r in callbacks),
                cell(r.explain(LOCALE) for r in survey),
            ]
        )
    return table(["Plugin", "Shifts", "Rest, cover, meals, swaps", "Callbacks", "Survey"], rows)


INTRO = """\
# The nine organisations compared

<!-- Generated by `{command}` from the installed plugins; do not edit by hand.
     tests/test_compare.py fails while this page differs from what the script writes. -->

*This page is generated: run `{command}` after changing a plugin.*

One agent, one month, nine rule books. 王芳 (A-017) was hired on 5 January 2025; in March
2026 she is in her 15th month of service, on the rung both organisations with salary bands
call senior CS (`{rung}`). Her March, the same under every organisation:

{facts}

Attendance for pay: late twice, absent one day, nothing else. No appraisal, award,
commission or bonus pool is given, so the pay below is what the bands and the fines alone
make of the month.
"""


def page() -> str:
    """The whole page, as the script writes it."""
    orgs = organisations()
    facts = "\n".join(f"{n}. {fact.text}" for n, fact in enumerate(FACTS, 1))
    out = [INTRO.format(command=COMMAND, rung=RUNG, facts=facts)]
    out += ["## What each organisation defines", ""]
    out += [
        "✓: the plugin answers the hook; *defaults*: the [built-in defaults](defaults.md)",
        "(the generic manuals' rules) answer it; —: nobody does.",
        "",
        *overview(orgs),
        "",
        "## Pay",
        "",
        "Only the organisations with salary bands can pay her. Each payslip has the",
        "organisation's own fines for the facts above.",
        "",
        *pay(orgs),
        "",
        "## Fines",
        "",
        "Each fact is recorded under the organisation's nearest violation code, where it",
        "has one (the code is named in the cell), and the month assessed with its penalty",
        "schedule; — means no code for that fact, or no schedule at all. Points are",
        "deduction points: where a rule gives a range and no points are chosen, its lower",
        "bound counts.",
        "",
        *fines(orgs),
        "",
        "## What each requires: answering and resolving",
        "",
        "From each organisation's service-level policy: the channels it serves, its",
        "business hours, how fast the phone is answered, the first and next response and",
        "resolution targets (hours count in business hours unless marked calendar), and",
        "its escalation chains.",
        "",
        *answering(orgs),
        "",
        "## What each requires: shifts, rest, callbacks and surveys",
        "",
        *duties(orgs),
        "",
        "## Notes",
        "",
        *NOTES,
    ]
    return "\n".join(out).rstrip("\n") + "\n"


NOTES = [
    "* The mapping of facts to codes is the script's (`FACTS` in tools/compare.py), the",
    "  nearest code each organisation has, never a code made up for it; where the match",
    "  is loose the cell still names the code, so it can be judged. The Taobao shop fines",
    "  no lateness: being late costs its full-attendance bonus (TB-14) instead.",
    "* Fines that repeat (doubling, free thresholds, batches) restart every calendar",
    "  month (AMB-31); a range of points counts its lower bound (AMB-48).",
    "* The Taobao shop settles its guaranteed minimum over the service year (TB-08), so a",
    "  month below it is only noted on the payslip; see [Pay](../pay.md).",
    "* Each organisation's own page under docs/organisations/ tours its rules in full.",
]


def main(argv: list[str]) -> int:
    text = page()
    if "--check" in argv:
        if PAGE.exists() and PAGE.read_text(encoding="utf-8") == text:
            return 0
        print(f"{PAGE.relative_to(ROOT)} is out of date: run {COMMAND}", file=sys.stderr)
        return 1
    PAGE.parent.mkdir(parents=True, exist_ok=True)
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
