"""Service levels: the channels customers use and how fast each must be answered."""

from __future__ import annotations

import datetime as _dt

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._reasons import Citation, Reason
from servicecodex._validate import as_tuple, of_type, tuple_of, unique

__all__ = ["Channel", "ResponseTarget", "ServiceLevelPolicy"]


class Channel(LabelledEnum):
    """How a customer reaches the organisation."""

    PHONE = "phone"
    ONLINE_CHAT = "online_chat"
    EMAIL = "email"
    SMS = "sms"
    QQ = "qq"
    WALK_IN = "walk_in"


label_members(
    {
        Channel.PHONE: N_("phone"),
        Channel.ONLINE_CHAT: N_("online chat"),
        Channel.EMAIL: N_("email"),
        Channel.SMS: N_("SMS"),
        Channel.QQ: N_("QQ"),
        Channel.WALK_IN: N_("walk-in"),
    }
)


def _rings(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise PolicyError("ResponseTarget.rings", value, "a whole number of rings >= 1")


def _duration(
    instance: object, attribute: attrs.Attribute[_dt.timedelta | None], value: object
) -> None:
    if value is not None and (not isinstance(value, _dt.timedelta) or value <= _dt.timedelta(0)):
        raise PolicyError("ResponseTarget.first_response", value, "a positive timedelta")


@attrs.frozen
class ResponseTarget:
    """How fast one channel is answered: within *rings* rings and/or within *first_response*.

    >>> t = ResponseTarget(Channel.PHONE, Citation("JW-12", "000 篇2 第四條.1"), rings=3)
    >>> t.describe().explain("zh_Hant")
    '電話：響鈴3聲內接聽（JW-12）'
    """

    channel: Channel = attrs.field(validator=of_type(Channel))
    cite: Citation = attrs.field(validator=of_type(Citation))
    rings: int | None = attrs.field(default=None, validator=_rings)
    first_response: _dt.timedelta | None = attrs.field(default=None, validator=_duration)

    def __attrs_post_init__(self) -> None:
        if self.rings is None and self.first_response is None:
            raise PolicyError("ResponseTarget", self.channel, "give rings, first_response or both")
        if self.rings is not None and self.channel is not Channel.PHONE:
            raise PolicyError(
                "ResponseTarget.rings", self.rings, f"only a phone rings, not {self.channel.value}"
            )

    def describe(self) -> Reason:
        """The target in words."""
        if self.first_response is None:
            return Reason(
                self.cite,
                N_("{channel}: answer within {rings} rings"),
                {"channel": self.channel, "rings": self.rings},
            )
        if self.rings is None:
            return Reason(
                self.cite,
                N_("{channel}: first response within {within}"),
                {"channel": self.channel, "within": self.first_response},
            )
        return Reason(
            self.cite,
            N_("{channel}: answer within {rings} rings, first response within {within}"),
            {"channel": self.channel, "rings": self.rings, "within": self.first_response},
        )


def _seconds_per_ring(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise PolicyError("ServiceLevelPolicy.seconds_per_ring", value, "whole seconds >= 1")


@attrs.frozen
class ServiceLevelPolicy:
    """The answer of ``servicecodex_service_levels``: the channels served and their targets.

    *seconds_per_ring* converts rings into time (a ring cycle is about 5 seconds in China,
    stated here so that a rings target can be checked against measured waits).
    """

    channels: tuple[Channel, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Channel, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))
    targets: tuple[ResponseTarget, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(ResponseTarget)
    )
    seconds_per_ring: int = attrs.field(default=5, validator=_seconds_per_ring)

    def __attrs_post_init__(self) -> None:
        unique(self.targets, lambda t: t.channel, "ServiceLevelPolicy.targets")
        for target in self.targets:
            if target.channel not in self.channels:
                raise PolicyError(
                    "ResponseTarget.channel",
                    target.channel,
                    "not a channel this organisation serves",
                )

    def describe(self) -> Reason:
        """The channels in words."""
        return Reason(self.cite, N_("Channels served: {channels}"), {"channels": self.channels})
