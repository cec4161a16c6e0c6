"""The approved programme's text (seed 004), read the way a person reads the PDF it came from."""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).parent / "seed" / "programme_004.txt"


def seed_lines(first: int, last: int) -> str:
    """Lines first..last (1-based, inclusive) as one paragraph: line breaks and runs of spaces
    become one space, a word broken at a line end with a hyphen is joined again, and the PDF's
    bullet glyph is dropped. The page furniture between two parts of one paragraph (the running
    header, a page number, the PDF's list of a page's links) is left out."""
    # Split on "\n" only, as grep and an editor number lines (splitlines also breaks at form feeds).
    lines = SEED.read_text(encoding="utf-8").split("\n")[first - 1 : last]
    text = " ".join(line.replace("\uf0b7", " ") for line in lines if not _furniture(line))
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"(\w)- (\w)", r"\1-\2", text).strip()


def _furniture(line: str) -> bool:
    line = line.strip()
    return (
        line.startswith(("http://", "https://"))
        or line == "ЖШС «Оқу және Даму Институты»"
        or line.isdigit()
    )
