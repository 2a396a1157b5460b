"""Importing servicecodex is cheap: no catalog, no plugin, no holiday or OpenCC tables."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
import servicecodex
import servicecodex._i18n
print(json.dumps({
    "catalogs": servicecodex._i18n.loaded_catalogs(),
    "modules": sorted(
        name for name in sys.modules
        if name.startswith("servicecodex_") or name.split(".")[0] in ("holidays", "opencc")
    ),
}))
"""


def test_import_loads_no_catalog_and_no_plugin() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert loaded == {"catalogs": 0, "modules": []}


def test_the_probe_would_notice_a_catalog_and_holiday_tables() -> None:
    """The same probe after first use: it does see what loads lazily."""
    used = PROBE.replace(
        "import servicecodex._i18n\n",
        "import servicecodex._i18n\nimport datetime\n"
        "servicecodex.BusinessCalendar('Asia/Shanghai', 'CN')"
        ".holiday_name(datetime.date(2026, 10, 1), 'zh_Hans')\n"
        "servicecodex.Text(en='x', zh_Hans='关').localize('zh_Hant')\n"
        "servicecodex.Quarter(2026, 4).label('zh_Hans')\n",
    )
    result = subprocess.run(
        [sys.executable, "-c", used], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert loaded["catalogs"] == 1
    assert "holidays" in loaded["modules"]
    assert "opencc" in loaded["modules"]
