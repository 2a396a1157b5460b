"""The built-in defaults: what an organisation is when no plugin says otherwise.

They are registered first in every organisation, so any explicitly loaded plugin's
answer wins over them.  So far they answer the profile only: a mainland-China
organisation (simplified Chinese, Asia/Shanghai, CNY, China's public holidays and in-lieu
working days).  Every other policy stays undefined until a plugin gives it.
"""

from __future__ import annotations

from servicecodex._profile import OrganizationProfile
from servicecodex._text import Text
from servicecodex.hookspecs import hookimpl

__all__ = ["DEFAULT_PROFILE", "servicecodex_organization_profile"]

DEFAULT_PROFILE = OrganizationProfile.mainland_china(
    "servicecodex-defaults",
    Text(en="Default organisation", zh_Hans="默认组织", zh_Hant="預設組織"),
)


@hookimpl
def servicecodex_organization_profile() -> OrganizationProfile:
    """The default profile."""
    return DEFAULT_PROFILE
