"""Find and read awesomelint's configuration: ``.awesomelint.toml`` or ``[tool.awesomelint]``.

The nearest file wins, walking up from the checked file's directory, the way
ruff and mdformat do it, so a monorepo can hold lists with different settings.
Each command validates its own table; this module only finds and parses.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from awesomelint.errors import ConfigError

DEDICATED = ".awesomelint.toml"
PYPROJECT = "pyproject.toml"
# Every top-level key and the part of awesomelint that reads it.  A key that is
# not here is a typo: commands call ``Config.check_keys`` to say so.
TOP_LEVEL_KEYS: dict[str, str] = {
    "fmt": "awesomelint fmt",
    "links": "awesomelint links",
    "meta": "awesomelint meta",
    "preset": "awesomelint lint",
    "rules": "awesomelint lint",
}


@dataclass(frozen=True)
class Config:
    """A configuration table and the file it came from (None: defaults only)."""

    path: Path | None = None
    table: Mapping[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> Mapping[str, Any]:
        """The sub-table ``name`` (``[links]`` / ``[tool.awesomelint.links]``), empty if absent."""
        value = self.table.get(name, {})
        if not isinstance(value, Mapping):
            raise ConfigError(f"{self.path}: '{name}' must be a table")
        return value

    def check_keys(self) -> None:
        """Raise ConfigError naming the file and the first unknown top-level key."""
        for key in self.table:
            if key not in TOP_LEVEL_KEYS:
                known = ", ".join(sorted(TOP_LEVEL_KEYS))
                raise ConfigError(f"{self.where()}: unknown key '{key}' (known: {known})")

    def where(self) -> str:
        """The file name for messages."""
        return str(self.path) if self.path else "defaults"


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # only a run that finds a config file pays for the TOML parser

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def load_config(path: str | Path) -> Config:
    """Read an explicitly named config file (either kind)."""
    path = Path(path)
    data = _read(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("awesomelint", {}) if isinstance(tool, Mapping) else {}
        if not isinstance(table, Mapping):
            raise ConfigError(f"{path}: [tool.awesomelint] must be a table")
        return Config(path, table)
    return Config(path, data)


def find_config(start: str | Path) -> Config:
    """The nearest config above ``start`` (a file or directory), or the empty default.

    In one directory ``.awesomelint.toml`` wins over ``pyproject.toml``; a
    ``pyproject.toml`` without ``[tool.awesomelint]`` is passed over.
    """
    try:
        here = Path(start).resolve()
    except (OSError, RuntimeError):  # a symlink loop: the command reports the file itself
        here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        dedicated = directory / DEDICATED
        if dedicated.is_file():
            return load_config(dedicated)
        pyproject = directory / PYPROJECT
        if pyproject.is_file():
            data = _read(pyproject)
            tool = data.get("tool", {})
            if isinstance(tool, Mapping) and "awesomelint" in tool:
                return load_config(pyproject)
    return Config()
