"""``[fmt]`` settings: keep or canonical, what to do with a ToC, and style overrides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from awesomelint.config import Config
from awesomelint.errors import ConfigError
from awesomelint.style import SEPARATORS

StyleMode = Literal["keep", "canonical"]
TocMode = Literal["keep", "generate", "off"]

_CHOICES: dict[str, tuple[str, ...]] = {
    "style": ("keep", "canonical"),
    "toc": ("keep", "generate", "off"),
    "bullet": ("-", "*", "+"),
    "numbering": ("one", "count"),
    "separator": SEPARATORS,
}


@dataclass(frozen=True)
class FmtSettings:
    """How ``fmt`` writes a list.

    ``bullet``, ``numbering`` and ``separator`` override what the list's own
    entries suggest (None: follow the list); they are the conventions fmt
    enforces, so overriding one asks fmt to bring every entry to it.
    """

    style: StyleMode = "keep"
    toc: TocMode = "keep"
    bullet: str | None = None
    numbering: str | None = None
    separator: str | None = None


def fmt_settings(config: Config) -> FmtSettings:
    """The ``[fmt]`` table of ``config``, validated: unknown keys and values are errors."""
    table: Mapping[str, Any] = config.section("fmt")
    values: dict[str, str] = {}
    for key, value in table.items():
        if key not in _CHOICES:
            known = ", ".join(sorted(_CHOICES))
            raise ConfigError(f"{config.where()}: [fmt]: unknown key '{key}' (known: {known})")
        if value not in _CHOICES[key]:
            allowed = ", ".join(repr(choice) for choice in _CHOICES[key])
            raise ConfigError(f"{config.where()}: [fmt] {key} = {value!r} is not one of {allowed}")
        values[key] = value
    return FmtSettings(**values)  # type: ignore[arg-type]
