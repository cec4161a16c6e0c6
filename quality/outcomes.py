"""The programme's 16 expected outcomes as the self-assessment checklist.

The texts have one source, `course.programme_data.PROGRAMME["outcomes"]` (loaded verbatim from the
approved programme); this module only gives each outcome a stable code (`knows-1` … `skills-4`),
so a rating stored today still names the same outcome when a translation is corrected."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from course.programme_data import PROGRAMME

GROUPS = ("knows", "can", "skills")
LEVELS = (1, 2, 3, 4)
# What each level of the scale means, shown next to every outcome.
LEVEL_LABELS = {
    1: _("1 — I know little about this yet"),
    2: _("2 — I know it in theory, but rarely use it"),
    3: _("3 — I use it in my work with some help"),
    4: _("4 — I use it confidently and can explain it to a colleague"),
}


@dataclass(frozen=True)
class Outcome:
    code: str
    group: str
    number: int  # 1 … 16, in the programme's order
    texts: dict[str, str]

    @property
    def title(self) -> str:
        """The approved Kazakh wording (what the report prints as the outcome's title)."""
        return self.texts["kk"]

    @property
    def group_heading(self) -> str:
        return group_heading(self.group)

    def text(self, language: str | None = None) -> str:
        language = (language or get_language() or "kk")[:2]
        return self.texts.get(language) or self.texts["kk"]


def _load() -> tuple[Outcome, ...]:
    out = []
    for group in PROGRAMME["outcomes"]["groups"]:
        items = group["items"]
        for index in range(len(items["kk"])):
            out.append(
                Outcome(
                    code=f"{group['group']}-{index + 1}",
                    group=group["group"],
                    number=len(out) + 1,
                    texts={code: items[code][index] for code in items},
                )
            )
    return tuple(out)


OUTCOMES = _load()
OUTCOME_CODES = tuple(o.code for o in OUTCOMES)
BY_CODE = {o.code: o for o in OUTCOMES}


def group_heading(group: str, language: str | None = None) -> str:
    language = (language or get_language() or "kk")[:2]
    for entry in PROGRAMME["outcomes"]["groups"]:
        if entry["group"] == group:
            return entry["heading"].get(language) or entry["heading"]["kk"]
    raise KeyError(group)
