"""The channels customers use to reach an organisation."""

from __future__ import annotations

from servicecodex._i18n import N_, LabelledEnum, label_members

__all__ = ["Channel"]


class Channel(LabelledEnum):
    """How a customer reaches the organisation."""

    PHONE = "phone"
    ONLINE_CHAT = "online_chat"
    EMAIL = "email"
    SMS = "sms"
    QQ = "qq"
    FAX = "fax"
    WEBSITE = "website"
    WALK_IN = "walk_in"
    VISIT = "visit"


label_members(
    {
        Channel.PHONE: N_("phone"),
        Channel.ONLINE_CHAT: N_("online chat"),
        Channel.EMAIL: N_("email"),
        Channel.SMS: N_("SMS"),
        Channel.QQ: N_("QQ"),
        Channel.FAX: N_("fax"),
        Channel.WEBSITE: N_("website"),
        Channel.WALK_IN: N_("walk-in"),
        Channel.VISIT: N_("home visit"),
    }
)
