"""TB-01: the department's posts.

Roles are not rungs of the ladder: every sales or after-sales agent also holds one of
the four grades (TB-02), and the supervisor is an appointment, not a promotion.  The
phrase book (``_courtesy``) carries these roles, so that a checked chat may name the
agent's post; none of its rules is for one post only.
"""

from __future__ import annotations

import servicecodex as sc
from servicecodex_taobao_shop._records import RoleDefinition
from servicecodex_taobao_shop._source import cite

__all__ = ["AFTER_SALES", "ROLES", "SALES", "SUPERVISOR"]

#: The department supervisor (部門主管), who 「直接向公司總經理報告并接受其領導」.
SUPERVISOR = RoleDefinition(
    sc.Role("supervisor", sc.Text(en="Department supervisor", zh_Hant="部門主管")),
    cite("TB-01", "P2 二(一).1"),
    reports_to=sc.Text(en="the general manager", zh_Hant="公司總經理"),
)
#: Sales CS (銷售客服); P2 二(二) names no superior for the post itself.
SALES = RoleDefinition(
    sc.Role("sales", sc.Text(en="Sales CS", zh_Hant="銷售客服")),
    cite("TB-01", "P2 二(二)"),
)
#: After-sales CS (售後客服), who works 「在客服主管的直接領導下」.
AFTER_SALES = RoleDefinition(
    sc.Role("after-sales", sc.Text(en="After-sales CS", zh_Hant="售後客服")),
    cite("TB-01", "P2 二(三).1"),
    reports_to=sc.Text(en="the CS supervisor", zh_Hant="客服主管"),
)
#: TB-01: the three posts, in P2 二's order.
ROLES: tuple[RoleDefinition, ...] = (SUPERVISOR, SALES, AFTER_SALES)
