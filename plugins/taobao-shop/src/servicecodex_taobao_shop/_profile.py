"""Who the organisation is: a Taobao shop's CS department in mainland China."""

from __future__ import annotations

import servicecodex as sc
from servicecodex_taobao_shop._source import PLUGIN_ID

__all__ = ["PROFILE"]

#: The shop's CS department (P2's title: 「淘寶客服部管理制度」): zh_Hans_CN,
#: Asia/Shanghai, CNY, China's public holidays.
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(
        en="Taobao shop customer service department",
        zh_Hans="淘宝客服部",
        zh_Hant="淘寶客服部",
    ),
)
