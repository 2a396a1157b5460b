"""The source and how records cite it.

The regulation is ``002_3a168efc31004a78.txt``, "第二篇:淘寶客服規章制度": three templates
under one heading, which the rules catalogue calls P1 (【篇1:淘寶客服管理制度表】),
P2 (【篇2:淘寶客服部管理制度】) and P3 (【篇3:淘寶客服管理制度獎金制】), the last made of
P3a "員工考核標準" and P3b "客服工作考核標準".  P3b's list markers (a)–(h) are cited as
printed.  Texts quote the source without its pinyin glosses (AMB-01).
"""

from __future__ import annotations

import servicecodex as sc

__all__ = ["PLUGIN_ID", "SOURCE", "cite"]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "taobao-shop"
#: The document and the part of it this plugin reads.
SOURCE = "002 第二篇"
#: The rule *rule_id* (``"TB-27"``) from *clause* of the source (``"P3b (a)"``).
cite = sc.Source(SOURCE)
