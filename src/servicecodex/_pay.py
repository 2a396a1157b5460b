"""Salary bands: the base pay of each band, in the organisation's currency."""

from __future__ import annotations

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import N_
from servicecodex._money import Money
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._validate import as_tuple, by_id, currency, of_type, slug, tuple_of, unique

__all__ = ["SalaryBand", "SalaryBands"]


@attrs.frozen
class SalaryBand:
    """One band: its id (rungs refer to it), its name and its monthly base pay."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    base: Money = attrs.field(validator=of_type(Money))
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The band in words."""
        return Reason(
            self.cite,
            N_("{band}: base pay {amount} a month"),
            {"band": self.name, "amount": self.base},
        )


@attrs.frozen
class SalaryBands:
    """The answer of ``servicecodex_salary_bands``: every band, all in *currency*.

    >>> c = Citation("EL-20", "002 第一篇 六")
    >>> bands = SalaryBands("CNY", (SalaryBand("junior", Text(en="Junior", zh_Hans="初级客服"),
    ...                                        Money(2200, "CNY"), c),))
    >>> bands.band("junior").describe().explain("zh_Hans_CN")
    '初级客服：月基本工资¥2,200.00（EL-20）'
    """

    currency: str = attrs.field(validator=currency)
    bands: tuple[SalaryBand, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(SalaryBand, nonempty=True)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.bands, lambda b: b.id, "SalaryBands.bands")
        for band in self.bands:
            if band.base.currency != self.currency:
                raise PolicyError(
                    f"SalaryBands.bands[{band.id}].base", band.base, f"not in {self.currency}"
                )

    def band(self, band_id: str) -> SalaryBand:
        """The band with that id."""
        return by_id(self.bands, lambda b: b.id, band_id, "salary band")
