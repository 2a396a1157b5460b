"""The same month under four organisations: pay, fines and one chat checked.

王芳 (A-017), hired on 5 January 2025 and on the senior rung, has the same March 2026
everywhere: late twice, a long private call at work, her post left without cover, a
customer argued with, no name badge at the pre-shift check.  Each organisation records
these under its own violation codes (where it has one) and:

* pays her, where it has salary bands: the Taobao shop (``taobao-shop``: base 2000, no
  full-attendance bonus, its fines deducted) and the 2018 pay table of the same
  regulation (``ecommerce-ladder``: base 3000, no fines at all);
* fines her: money in the Taobao shop and at the hospital desk (``hospital-desk``),
  deduction points in the enterprise handbook (``enterprise-handbook``);
* checks the chat of ``chat_check.py`` against its phrase book: the Taobao shop misses
  its forms of address, the hospital desk forbids half of what was said, the handbook
  finds nothing, the e-commerce ladder has no phrase book.

Run by ``nox -s demo``; ``python tools/compare.py`` sets all nine side by side.
"""

from __future__ import annotations

import pendulum
from chat_check import CHAT

import servicecodex as sc

MARCH = sc.Month(2026, 3)
AGENT = sc.Agent(
    "A-017", "王芳", hired=pendulum.date(2025, 1, 5), rung="senior",
    rung_since=pendulum.date(2026, 1, 5),
)  # fmt: skip
# What happened, when, and the code each organisation records it under (none: no rule).
MONTH = (
    ("late", 3, {"enterprise-handbook": "late-early-or-absent"}),
    ("late", 17, {"enterprise-handbook": "late-early-or-absent"}),
    ("private call", 10, {"taobao-shop": "phone-at-work", "enterprise-handbook": "private-call"}),
    ("left post", 12, {"taobao-shop": "left-post", "enterprise-handbook": "left-post"}),
    (
        "argued",
        20,
        {"taobao-shop": "swearing-at-customer", "enterprise-handbook": "arguing-with-customer"},
    ),
    ("no badge", 24, {"hospital-desk": "appearance-breach"}),
)
ORGANISATIONS = ("taobao-shop", "ecommerce-ladder", "enterprise-handbook", "hospital-desk")


def ledger(plugin: str) -> sc.Ledger:
    """The month's facts, under *plugin*'s codes."""
    found = sc.Ledger()
    for what, day, codes in MONTH:
        if plugin in codes:
            at = pendulum.datetime(2026, 3, day, 10, tz="Asia/Shanghai")
            found.record(sc.Violation(f"{what}-{day}", AGENT.id, codes[plugin], at))
    return found


def main() -> None:
    for plugin in ORGANISATIONS:
        org = sc.Organization.load(plugin)
        policy = org.effective_policy()
        print(f"== {org.profile.name.localize('zh_Hans')} / {org.profile.name.localize('en')}")
        month = ledger(plugin)
        if policy.penalty_schedule is None:
            print("fines: no penalty schedule")
        else:
            assessment = policy.penalty_schedule.assess(AGENT.id, month, MARCH, org.calendar)
            print(f"fines: {assessment.total.format('en')}, points: {assessment.points}")
            for line in assessment.explain("en"):
                print(f"  {line}")
        if policy.salary_bands is None:
            print("pay: no salary bands")
        else:
            slip = org.payslip(
                AGENT,
                MARCH,
                violations=month if policy.penalty_schedule else None,
                attendance=sc.AttendanceFacts(late=2),
            )
            print(f"pay: net {slip.net.format('en')}")
            for line in slip.explain("en"):
                print(f"  {line}")
        if not org.phrase_book("zh_Hans").entries:
            print("chat: no phrase book")
        else:
            check = org.phrase_checker().check(CHAT)
            print(f"chat: {len(check.findings)} finding(s)")
            for line in check.explain("en"):
                print(f"  {line}")
        print()


if __name__ == "__main__":
    main()
