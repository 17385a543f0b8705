"""Which rules run, how severe, with which options: presets overlaid by the config file.

```toml
[tool.awesomelint]            # or the top level of .awesomelint.toml
preset = "awesome"            # default | awesome | strict, or a list of them
[tool.awesomelint.rules]
trailing-whitespace = false   # off
AL016 = "warning"             # a severity ("error", "warning", "off")
[tool.awesomelint.rules.duplicate-entry]
severity = "error"
cross-section-severity = "off"
```

Every key is checked: an unknown rule, option or value is a ConfigError that
names the file, because a silently ignored typo makes CI disagree with what
its author reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from awesomelint.config import Config
from awesomelint.errors import ConfigError
from awesomelint.lint.context import Options
from awesomelint.lint.diagnostic import SEVERITIES, Severity
from awesomelint.rules import PRESETS, RULES, Rule, find_rule

_RULE_KEYS = frozenset({"enabled", "severity"})


@dataclass(frozen=True)
class ActiveRule:
    """A rule that runs, with its effective options."""

    rule: Rule
    options: Options


@dataclass(frozen=True)
class LintSettings:
    """The rules to run for one file, and where the settings came from."""

    rules: tuple[ActiveRule, ...]
    origin: str


def _presets(value: Any, where: str) -> tuple[str, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"{where}: preset: expected a preset name or a list of them")
    for name in names:
        if name not in PRESETS:
            raise ConfigError(
                f"{where}: preset: unknown preset '{name}' (known: {', '.join(PRESETS)})"
            )
    return tuple(names)


def _option(rule: Rule, key: str, value: Any, where: str) -> Any:
    """``value`` checked against the type of the option's default (and its choices)."""
    default = rule.OPTIONS[key]
    label = f"{where}: rules.{rule.NAME}.{key}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{label}: expected true or false")
    elif isinstance(default, int | float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{label}: expected a number")
        if isinstance(default, int) and not isinstance(value, int):
            raise ConfigError(f"{label}: expected an integer")
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(f"{label}: expected a string")
        choices = getattr(rule, "CHOICES", {}).get(key)
        if choices and value not in choices:
            raise ConfigError(f"{label}: expected one of {', '.join(choices)}")
    elif isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{label}: expected a list of strings")
        value = tuple(value)
    return value


def _severity(value: Any, label: str) -> Severity | None:
    """A severity, or None for ``off``."""
    if value == "off":
        return None
    if value not in SEVERITIES:
        raise ConfigError(f"{label}: expected one of {', '.join(SEVERITIES)}, off")
    return value  # type: ignore[no-any-return]


@dataclass(frozen=True)
class _Override:
    enabled: bool | None
    severity: Severity | None
    options: tuple[tuple[str, Any], ...]


def _override(rule: Rule, value: Any, where: str) -> _Override:
    label = f"{where}: rules.{rule.NAME}"
    if isinstance(value, bool):
        return _Override(value, None, ())
    if isinstance(value, str):
        severity = _severity(value, label)
        return _Override(severity is not None, severity, ())
    if not isinstance(value, Mapping):
        raise ConfigError(f"{label}: expected true, false, a severity or a table")
    enabled: bool | None = None
    severity: Severity | None = None
    options = []
    for key, item in value.items():
        if key == "enabled":
            if not isinstance(item, bool):
                raise ConfigError(f"{label}.enabled: expected true or false")
            enabled = item
        elif key == "severity":
            severity = _severity(item, f"{label}.severity")
            if severity is None:
                enabled = False
        elif key in rule.OPTIONS:
            options.append((key, _option(rule, key, item, where)))
        else:
            known = ", ".join(sorted(_RULE_KEYS | set(rule.OPTIONS)))
            raise ConfigError(f"{label}: unknown key '{key}' (known: {known})")
    return _Override(enabled, severity, tuple(options))


def lint_settings(config: Config, presets: Sequence[str] = ()) -> LintSettings:
    """The rules to run under ``config``; ``presets`` (from the command line) win over its own.

    Raises ConfigError, naming the file, on anything unknown or ill-typed.
    """
    where = config.where()
    config.check_keys()
    chosen = tuple(presets) or _presets(config.table.get("preset", "default"), where)
    table = config.table.get("rules", {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: rules: expected a table of rules")
    overrides: dict[str, _Override] = {}
    for key, value in table.items():
        rule = find_rule(key)
        if rule is None:
            raise ConfigError(f"{where}: unknown rule 'rules.{key}' (see: awesomelint rules)")
        overrides[rule.ID] = _override(rule, value, where)
    active = []
    for rule in RULES:
        override = overrides.get(rule.ID, _Override(None, None, ()))
        enabled = any(name in rule.PRESETS for name in chosen)
        if override.enabled is not None:
            enabled = override.enabled
        elif override.severity is not None:
            enabled = True
        if not enabled:
            continue
        values = dict(rule.OPTIONS)
        values.update(override.options)
        severity = override.severity or rule.SEVERITY
        active.append(ActiveRule(rule, Options(severity, tuple(values.items()))))
    return LintSettings(tuple(active), where)
