"""An agent's month in the Taobao shop (plugin ``taobao-shop``): fines and pay.

王芳 is a junior in her first year.  In March 2026 she scores 80 on the composite
appraisal, wins the top-sales award, keeps full attendance, and is caught on the phone
at work twice (TB-39: 50, then doubled) and forgets to punch once (TB-42).  The
organisation assesses the fines from the violation ledger and draws up her payslip,
each line with its rule, in Chinese and in English.  Run by ``nox -s demo``.
"""

from __future__ import annotations

import pendulum

import servicecodex as sc


def at(day: int, hour: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, 3, day, hour, tz="Asia/Shanghai")


def main() -> None:
    org = sc.Organization.load("taobao-shop")
    agent = sc.Agent(
        "A-017", "王芳", hired=pendulum.date(2025, 9, 1), rung="junior",
        rung_since=pendulum.date(2025, 9, 1),
    )  # fmt: skip
    march = sc.Month(2026, 3)
    card = org.appraisal_scheme.score(
        agent.id,
        march,
        {"team-task": 25, "handover": 15, "callback-satisfaction": 25, "professional-quality": 15},
    )

    ledger = sc.Ledger()
    for vid, code, when in (
        ("V-1", "phone-at-work", at(3, 10)),
        ("V-2", "phone-at-work", at(17, 15)),
        ("V-3", "missed-punch", at(20, 18)),
    ):
        ledger.record(sc.Violation(vid, agent.id, code, when, reported_by="主管"))

    slip = org.payslip(
        agent,
        march,
        appraisal=card,
        violations=ledger,
        attendance=sc.AttendanceFacts(),
        awards=("top-sales",),
    )
    for locale in ("zh_Hans_CN", "en"):
        print(f"-- {org.profile.name.localize(locale)}: {march.label(locale)} ({locale})")
        print(slip.format(locale))


if __name__ == "__main__":
    main()
