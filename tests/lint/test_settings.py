from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.config import Config, find_config
from awesomelint.errors import ConfigError
from awesomelint.lint.settings import lint_settings
from awesomelint.rules import RULES


def active(config: Config, presets: tuple[str, ...] = ()) -> dict[str, object]:
    return {a.rule.NAME: a.options for a in lint_settings(config, presets).rules}


def test_default_preset_without_config() -> None:
    names = active(Config())
    assert names.keys() == {r.NAME for r in RULES if "default" in r.PRESETS}


def test_presets_combine_and_the_command_line_wins() -> None:
    both = active(Config(table={"preset": ["awesome", "strict"]}))
    assert "awesome-badge" in both and "insecure-url" in both
    assert "awesome-badge" not in active(Config(table={"preset": "awesome"}), ("strict",))


def test_rule_forms_enable_severity_and_options() -> None:
    table = {
        "rules": {
            "duplicate-entry": {"severity": "warning", "cross-section-severity": "off"},
            "AL016": "off",
            "insecure-url": True,
            "al017": {"enabled": False},
            "blank-lines": {"maximum": 2},
        }
    }
    rules = active(Config(table=table))
    duplicate = rules["duplicate-entry"]
    assert duplicate.severity == "warning"  # type: ignore[attr-defined]
    assert duplicate["cross-section-severity"] == "off"  # type: ignore[index]
    assert "empty-section" not in rules and "duplicate-heading" not in rules
    assert "insecure-url" in rules
    assert "blank-lines" not in rules  # options alone do not enable a rule
    assert active(Config(table=table), ("strict",))["blank-lines"]["maximum"] == 2  # type: ignore[index]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"presets": "x"}, "unknown key 'presets'"),
        ({"preset": "loud"}, "unknown preset 'loud'"),
        ({"rules": {"no-such-rule": True}}, "unknown rule 'rules.no-such-rule'"),
        ({"rules": {"AL001": {"treshold": 3}}}, "unknown key 'treshold'"),
        ({"rules": {"AL001": {"threshold": "high"}}}, "rules.duplicate-entry.threshold"),
        ({"rules": {"AL001": "fatal"}}, "expected one of error, warning, off"),
        ({"rules": {"AL001": {"cross-section-severity": "info"}}}, "expected one of"),
        ({"rules": {"AL008": {"hosts": "x.org"}}}, "expected a list of strings"),
        ({"rules": ["AL001"]}, "expected a table of rules"),
    ],
)
def test_config_errors_name_the_file(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match="cfg.toml") as info:
        lint_settings(Config(Path("cfg.toml"), table))
    assert message in str(info.value)


def test_pyproject_table_is_found_walking_up_and_links_keys_are_known(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.awesomelint]\npreset = "strict"\n[tool.awesomelint.links]\ntimeout = 3\n'
        "[tool.awesomelint.rules]\nfinal-newline = false\n",
        encoding="utf-8",
    )
    nested = tmp_path / "lists" / "deep"
    nested.mkdir(parents=True)
    config = find_config(nested / "README.md")
    assert config.path == tmp_path / "pyproject.toml"
    rules = active(config)
    assert "insecure-url" in rules and "final-newline" not in rules
