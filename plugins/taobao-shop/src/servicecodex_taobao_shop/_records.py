"""Plugin-level records for what the core has no type for: guidance for reviewers,
roles with their reporting line, grade checklists and appraisal forms.

Each carries the citation of its rule and can describe itself as a
:class:`servicecodex.Reason`, so that it explains itself with its rule id like the core's
records do.  They are data for people: no condition is derived from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import servicecodex as sc

__all__ = ["AppraisalForm", "AttitudeElement", "Guidance", "RoleDefinition"]


@dataclass(frozen=True)
class Guidance:
    """A rule for people rather than code (who appraises, what a form decides)."""

    text: sc.Text
    cite: sc.Citation

    def describe(self) -> sc.Reason:
        """The rule in words, with its id."""
        return sc.Reason(self.cite, self.text)


@dataclass(frozen=True)
class RoleDefinition:
    """A post in the department (TB-01).  Roles are not rungs: a sales or after-sales
    agent holds a grade of the ladder as well.  *role* is the core's
    :class:`servicecodex.Role`, ready for role-specific phrase books; *reports_to* is
    the superior the source names, where it names one."""

    role: sc.Role
    cite: sc.Citation
    reports_to: sc.Text | None = None

    def describe(self) -> sc.Reason:
        """The role in words, with its reporting line when the source gives one."""
        if self.reports_to is None:
            return sc.Reason(
                self.cite,
                sc.Text(en="Role: {role}", zh_Hans="岗位：{role}", zh_Hant="崗位：{role}"),
                {"role": self.role.name},
            )
        return sc.Reason(
            self.cite,
            sc.Text(
                en="Role: {role}, reporting to {superior}",
                zh_Hans="岗位：{role}，向{superior}汇报",
                zh_Hant="崗位：{role}，向{superior}匯報",
            ),
            {"role": self.role.name, "superior": self.reports_to},
        )


@dataclass(frozen=True)
class AttitudeElement:
    """One element of the attitude form (TB-20, TB-21) with the questions a reviewer
    asks about it (P3a 第四條); the "+"/"−" answers are the scheme's descriptors."""

    id: str
    name: sc.Text
    questions: tuple[sc.Text, ...]
    cite: sc.Citation


@dataclass(frozen=True)
class AppraisalForm:
    """One of the three appraisal standard forms (TB-20) and the elements it names;
    *elements* is empty where the source gives none (the results form, TB-24)."""

    id: str
    name: sc.Text
    elements: tuple[sc.Text, ...]
    cite: sc.Citation

    def describe(self) -> sc.Reason:
        """The form in words."""
        if not self.elements:
            return sc.Reason(
                self.cite,
                sc.Text(
                    en="{form}: no elements given",
                    zh_Hans="{form}：未列要素",
                    zh_Hant="{form}：未列要素",
                ),
                {"form": self.name},
            )
        return sc.Reason(
            self.cite,
            sc.Text(en="{form}: {elements}", zh_Hans="{form}：{elements}"),
            {"form": self.name, "elements": self.elements},
        )
