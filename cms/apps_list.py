"""The project's own apps, written once: the `root_packages` of the import-linter contract in
pyproject.toml (the contract that keeps the dependency rule). The checks that walk every app (the
settings readers, the tasks, the personal-data coverage, the catalogues) read this list, so a new
app named in the contract is checked everywhere at once."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


@cache
def project_apps() -> tuple[str, ...]:
    """The project's apps, in the contract's order (cms first)."""
    with PYPROJECT.open("rb") as f:
        return tuple(tomllib.load(f)["tool"]["importlinter"]["root_packages"])
