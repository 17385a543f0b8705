"""The ``links`` table of the configuration, validated into Settings.

Unknown keys are errors (naming file and key): a typo such as ``time_out``
silently ignored would make CI behave unlike what its author reads.
``allow_private`` is deliberately not a config key: a pull request can edit
config files, and it must not be able to point CI at its internal network.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from awesomelint.config import Config
from awesomelint.errors import ConfigError
from awesomelint.links.cache import parse_age
from awesomelint.links.model import HostSettings, Settings
from awesomelint.validate import header_name, header_value

_HOUR = 3600.0
_RANGE = re.compile(r"^\s*(\d{3})\s*(?:\.\.\s*(\d{3})\s*)?$")
DEFAULT_MAX_AGE = 86400.0


@dataclass(frozen=True)
class LinksConfig:
    """Settings plus the cache options, which live outside the engine."""

    settings: Settings
    cache: str | None = None
    max_cache_age: float = DEFAULT_MAX_AGE
    jobs: int | None = None  # worker processes; None: as many as there are cores, up to 4


def parse_accept(values: list[Any] | str) -> frozenset[int]:
    """Status codes from ``[200, "200..299", 429]`` or ``"200..299,429"``; ValueError if bad."""
    items = values.split(",") if isinstance(values, str) else values
    codes: set[int] = set()
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool) and 100 <= item <= 999:
            codes.add(item)
            continue
        match = _RANGE.match(str(item))
        if not match:
            raise ValueError(f"not a status code or range: {item!r}")
        low = int(match.group(1))
        codes.update(range(low, int(match.group(2) or low) + 1))
    return frozenset(codes)


def _number(minimum: float, maximum: float = _HOUR) -> Callable[[Any], float]:
    """A finite number in range: ``inf`` would wait forever, ``nan`` compares false to all."""

    def check(value: Any) -> float:
        ok = not isinstance(value, bool) and isinstance(value, int | float)
        if not ok or not math.isfinite(value) or not minimum <= value <= maximum:
            raise ValueError(f"expected a number from {minimum:g} to {maximum:g}")
        return float(value)

    return check


def _integer(minimum: int, maximum: int = 100_000) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        ok = not isinstance(value, bool) and isinstance(value, int)
        if not ok or not minimum <= value <= maximum:
            raise ValueError(f"expected an integer from {minimum} to {maximum}")
        return value

    return check


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a string")
    return value


def _http_url(value: Any) -> str:
    text = _string(value)
    if not text.startswith(("http://", "https://")):
        raise ValueError("expected an http(s) URL")
    return text


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return tuple(value)


def check_pattern(pattern: str) -> str:
    """A valid exclude regex (run later with a time bound by the engine); ValueError if not."""
    import regex

    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise ValueError(f"bad regex {pattern!r}: {exc}") from None
    return pattern


def _patterns(value: Any) -> tuple[str, ...]:
    patterns = _strings(value)
    for pattern in patterns:
        check_pattern(pattern)
    return patterns


def _headers(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, Mapping):
        raise ValueError("expected a table of strings")
    return tuple((header_name(k), header_value(v)) for k, v in value.items())


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


_HOST_KEYS: dict[str, Callable[[Any], Any]] = {
    "concurrency": _integer(1, 1024),
    "interval": _number(0),
    "headers": _headers,
}


def _hosts(value: Any, where: str) -> tuple[tuple[str, HostSettings], ...]:
    if not isinstance(value, Mapping):
        raise ValueError("expected a table of hosts")
    hosts = []
    for host, table in value.items():
        if not isinstance(table, Mapping):
            raise ValueError(f"hosts.{host} must be a table")
        fields = {}
        for key, raw in table.items():
            check = _HOST_KEYS.get(key)
            if check is None:
                raise ConfigError(f"{where}: unknown key 'links.hosts.\"{host}\".{key}'")
            fields[key] = check(raw)
        hosts.append((host.lower(), HostSettings(**fields)))
    return tuple(hosts)


# config key -> (Settings field, validator)
_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "accept": ("accept", parse_accept),
    "exclude": ("exclude", _patterns),
    "timeout": ("timeout", _number(0.001)),
    "retries": ("retries", _integer(0, 20)),
    "retry_after_cap": ("retry_after_cap", _number(0)),
    "block_after": ("block_after", _integer(1)),
    "max_concurrency": ("max_concurrency", _integer(1, 1024)),
    "host_concurrency": ("host_concurrency", _integer(1, 1024)),
    "host_interval": ("host_interval", _number(0)),
    "max_redirects": ("max_redirects", _integer(0, 50)),
    "user_agent": ("user_agent", header_value),
    "root_dir": ("root_dir", _string),
    "archive_api": ("archive_api", _http_url),
    "headers": ("headers", _headers),
    "get_only_hosts": ("get_only_hosts", lambda v: frozenset(h.lower() for h in _strings(v))),
    "check_fragments": ("check_fragments", _flag),
}


def links_config(config: Config) -> LinksConfig:
    """Validate the ``links`` table of ``config``; ConfigError names the file and the key."""
    where = config.where()
    table = config.section("links")
    fields: dict[str, Any] = {}
    cache: str | None = None
    max_age = DEFAULT_MAX_AGE
    jobs: int | None = None
    for key, value in table.items():
        try:
            if key == "hosts":
                fields["hosts"] = _hosts(value, where)
            elif key == "cache":  # relative to the config file, like any path in it
                cache = _string(value)
                if config.path is not None:
                    cache = str(config.path.parent / Path(cache).expanduser())
            elif key == "jobs":
                jobs = _integer(1, 64)(value)
            elif key == "max_cache_age":
                max_age = parse_age(str(value))
            elif key in _KEYS:
                name, check = _KEYS[key]
                fields[name] = check(value)
            else:
                raise ConfigError(f"{where}: unknown key 'links.{key}'")
        except ValueError as exc:
            raise ConfigError(f"{where}: links.{key}: {exc}") from None
    if "root_dir" in fields and config.path is not None:
        fields["root_dir"] = str(config.path.parent / Path(fields["root_dir"]).expanduser())
    return LinksConfig(replace(Settings(), **fields), cache, max_age, jobs)
