"""The ``meta`` table of the configuration, validated: unknown keys and odd numbers are errors.

``[tool.awesomelint.meta]`` (or ``[meta]`` of ``.awesomelint.toml``) holds
``providers``, ``title-threshold``, ``stale-days``, ``title-drift``,
``timeout``, ``retries``, ``cache``, ``max-cache-age``; ``[...meta.api]`` the
API root of each provider as its documentation gives it, and
``[...meta.intervals]`` seconds between two requests to one provider.
Tokens come from the environment only, and ``allow-private`` is a flag, not
a key: a pull request can edit config files.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from awesomelint.config import Config
from awesomelint.errors import ConfigError

PROVIDERS: tuple[str, ...] = ("arxiv", "openreview", "crossref", "semanticscholar", "github")
LABELS: dict[str, str] = {
    "arxiv": "arXiv API",
    "openreview": "OpenReview API",
    "crossref": "Crossref API",
    "semanticscholar": "Semantic Scholar API",
    "github": "GitHub API",
}
DEFAULT_ROOTS: dict[str, str] = {
    "arxiv": "https://export.arxiv.org/api",
    "openreview": "https://api2.openreview.net",
    "crossref": "https://api.crossref.org",
    "semanticscholar": "https://api.semanticscholar.org/graph/v1",
    "github": "https://api.github.com",
}
# Seconds between two requests, from each provider's published limits: arXiv asks for
# one request every 3 s; Semantic Scholar's shared pool allows about one a second;
# Crossref's public pool 5 a second; GitHub counts points per hour, not intervals.
DEFAULT_INTERVALS: dict[str, float] = {
    "arxiv": 3.0,
    "openreview": 0.5,
    "crossref": 0.2,
    "semanticscholar": 1.0,
    "github": 0.1,
}
DEFAULT_MAX_AGE = 7 * 86400.0


@dataclass(frozen=True)
class MetaConfig:
    """Everything ``meta`` reads from the configuration, defaults filled in."""

    providers: tuple[str, ...] = PROVIDERS
    title_threshold: float = 90.0
    stale_days: int = 730
    title_drift: bool = False
    timeout: float = 30.0
    retries: int = 2
    cache: str | None = None
    max_cache_age: float = DEFAULT_MAX_AGE
    roots: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ROOTS))
    intervals: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_INTERVALS))


def number(value: Any, minimum: float = 0.0, maximum: float = math.inf) -> float:
    """A finite number in [minimum, maximum]; ValueError otherwise (bools, nan, inf)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("expected a number")
    if not math.isfinite(value) or not minimum <= value <= maximum:
        bound = f"between {minimum:g} and {maximum:g}" if math.isfinite(maximum) else ""
        raise ValueError(f"expected a finite number {bound or f'>= {minimum:g}'}")
    return float(value)


def _integer(value: Any, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"expected an integer >= {minimum}")
    return value


def _providers(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of provider names")
    for name in value:
        if name not in PROVIDERS:
            raise ValueError(f"unknown provider {name!r} (known: {', '.join(PROVIDERS)})")
    return tuple(dict.fromkeys(value))


def _root(value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ValueError("expected an http(s) URL")
    return value.rstrip("/")


def _table(value: Any, name: str, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: meta.{name} must be a table")
    for key in value:
        if key not in PROVIDERS:
            raise ConfigError(f"{where}: unknown key 'meta.{name}.{key}'")
    return value


def parse_age(text: str) -> float:
    """Seconds from ``3600``, ``12h``, ``7d`` (the link cache's syntax)."""
    from awesomelint.links.cache import parse_age as age

    return age(text)


def meta_config(config: Config) -> MetaConfig:
    """Validate the ``meta`` table of ``config``; ConfigError names the file and the key."""
    where = config.where()
    table = config.section("meta")
    fields: dict[str, Any] = {}
    roots = dict(DEFAULT_ROOTS)
    intervals = dict(DEFAULT_INTERVALS)
    for key, raw in table.items():
        try:
            if key == "providers":
                fields["providers"] = _providers(raw)
            elif key == "title-threshold":
                fields["title_threshold"] = number(raw, 50.0, 100.0)
            elif key == "stale-days":
                fields["stale_days"] = _integer(raw, 1)
            elif key == "title-drift":
                if not isinstance(raw, bool):
                    raise ValueError("expected true or false")
                fields["title_drift"] = raw
            elif key == "timeout":
                fields["timeout"] = number(raw, 0.001)
            elif key == "retries":
                fields["retries"] = _integer(raw, 0)
            elif key == "cache":
                if not isinstance(raw, str):
                    raise ValueError("expected a path")
                path = Path(raw).expanduser()
                fields["cache"] = str(config.path.parent / path if config.path else path)
            elif key == "max-cache-age":
                fields["max_cache_age"] = parse_age(str(raw))
            elif key == "api":
                for name, root in _table(raw, "api", where).items():
                    try:
                        roots[name] = _root(root)
                    except ValueError as exc:
                        raise ConfigError(f"{where}: meta.api.{name}: {exc}") from None
            elif key == "intervals":
                for name, seconds in _table(raw, "intervals", where).items():
                    try:
                        intervals[name] = number(seconds, 0.0)
                    except ValueError as exc:
                        raise ConfigError(f"{where}: meta.intervals.{name}: {exc}") from None
            else:
                raise ConfigError(f"{where}: unknown key 'meta.{key}'")
        except ValueError as exc:
            raise ConfigError(f"{where}: meta.{key}: {exc}") from None
    return MetaConfig(**fields, roots=roots, intervals=intervals)
