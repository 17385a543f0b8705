"""The ``links`` table of the configuration, validated into Settings.

Unknown keys are errors (naming file and key): a typo such as ``time_out``
silently ignored would make CI behave unlike what its author reads.
``allow_private`` is deliberately not a config key: a pull request can edit
config files, and it must not be able to point CI at its internal network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from awesomelint.config import Config
from awesomelint.errors import ConfigError
from awesomelint.links.cache import parse_age
from awesomelint.links.model import HostSettings, Settings
from awesomelint.validate import finite_number, header_value

_RANGE = re.compile(r"^\s*(\d{3})\s*(?:\.\.\s*(\d{3})\s*)?$")
DEFAULT_MAX_AGE = 86400.0


@dataclass(frozen=True)
class LinksConfig:
    """Settings plus the cache options, which live outside the engine."""

    settings: Settings
    cache: str | None = None
    max_cache_age: float = DEFAULT_MAX_AGE


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


def _number(minimum: float) -> Callable[[Any], float]:
    return lambda value: finite_number(value, minimum)  # nan and inf pass a bare range test


def _integer(minimum: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ValueError(f"expected an integer >= {minimum}")
        return value

    return check


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a string")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return tuple(value)


def _patterns(value: Any) -> tuple[str, ...]:
    patterns = _strings(value)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from None
    return patterns


def _headers(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError("expected a table of strings")
    return tuple((header_value(k), header_value(v)) for k, v in value.items())


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


_HOST_KEYS: dict[str, Callable[[Any], Any]] = {
    "concurrency": _integer(1),
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
    "retries": ("retries", _integer(0)),
    "retry_after_cap": ("retry_after_cap", _number(0)),
    "max_concurrency": ("max_concurrency", _integer(1)),
    "host_concurrency": ("host_concurrency", _integer(1)),
    "host_interval": ("host_interval", _number(0)),
    "max_redirects": ("max_redirects", _integer(0)),
    "user_agent": ("user_agent", header_value),
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
    for key, value in table.items():
        try:
            if key == "hosts":
                fields["hosts"] = _hosts(value, where)
            elif key == "cache":  # relative to the config file, like any path in it
                cache = _string(value)
                if config.path is not None:
                    cache = str(config.path.parent / Path(cache).expanduser())
            elif key == "max_cache_age":
                max_age = parse_age(str(value))
            elif key in _KEYS:
                name, check = _KEYS[key]
                fields[name] = check(value)
            else:
                raise ConfigError(f"{where}: unknown key 'links.{key}'")
        except ValueError as exc:
            raise ConfigError(f"{where}: links.{key}: {exc}") from None
    return LinksConfig(replace(Settings(), **fields), cache, max_age)
