"""Config discovery (awesomelint.config) and the links table."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.config import Config, find_config, load_config
from awesomelint.errors import ConfigError
from awesomelint.links.config import links_config, parse_accept
from awesomelint.links.model import HostSettings

from .server import Server


def test_nearest_file_wins_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.awesomelint.links]\ntimeout = 5\n", encoding="utf-8"
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "README.md").write_text("# x\n", encoding="utf-8")
    found = find_config(deep / "README.md")
    assert found.path == tmp_path / "pyproject.toml"
    assert links_config(found).settings.timeout == 5
    (tmp_path / "a" / ".awesomelint.toml").write_text("[links]\ntimeout = 7\n", encoding="utf-8")
    assert links_config(find_config(deep / "README.md")).settings.timeout == 7


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".awesomelint.toml").write_text("[links]\nretries = 0\n", encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.ruff]\nline-length = 90\n", encoding="utf-8")
    assert find_config(inner).path == tmp_path / ".awesomelint.toml"


def test_malformed_toml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / ".awesomelint.toml"
    bad.write_text("[links\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.awesomelint\.toml: invalid TOML"):
        find_config(tmp_path)


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "pyproject.toml"
    bad.write_text("[tool.awesomelint.links]\ntime_out = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: unknown key 'links\.time_out'"):
        links_config(load_config(bad))
    bad.write_text('[tool.awesomelint.links.hosts."a.org"]\nspeed = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="speed"):
        links_config(load_config(bad))


def test_allow_private_is_not_a_config_key() -> None:
    with pytest.raises(ConfigError, match="allow_private"):
        links_config(Config(Path("x.toml"), {"links": {"allow_private": True}}))


def test_full_links_table() -> None:
    table = {
        "links": {
            "accept": [200, "300..302", 429],
            "exclude": ["^https://internal\\."],
            "timeout": 3,
            "retries": 1,
            "max_concurrency": 16,
            "host_concurrency": 2,
            "host_interval": 0.5,
            "user_agent": "bot",
            "headers": {"X-A": "1"},
            "hosts": {"GitHub.com": {"concurrency": 1, "interval": 1, "headers": {"X-B": "2"}}},
            "max_cache_age": "2h",
            "check_fragments": True,
        }
    }
    conf = links_config(Config(Path("c.toml"), table))
    s = conf.settings
    assert s.accept == frozenset({200, 300, 301, 302, 429}) and s.timeout == 3.0
    assert s.host("api.github.com") == HostSettings(1, 1.0, (("X-B", "2"),))
    assert s.host("example.org") == HostSettings()
    assert conf.max_cache_age == 7200 and s.check_fragments


def test_bad_values_are_errors() -> None:
    for table in ({"timeout": -1}, {"retries": "3"}, {"exclude": ["(["]}, {"accept": ["2xx"]}):
        with pytest.raises(ConfigError, match="c.toml: links."):
            links_config(Config(Path("c.toml"), {"links": table}))
    assert parse_accept("200..204,429") == frozenset({200, 201, 202, 203, 204, 429})


def test_cache_path_is_relative_to_the_config_file(tmp_path: Path) -> None:
    conf = links_config(Config(tmp_path / ".awesomelint.toml", {"links": {"cache": "c.db"}}))
    assert conf.cache == str(tmp_path / "c.db")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('user_agent = "日本"', "printable ASCII"),
        ('user_agent = "a\\r\\nX-Injected: 1"', "printable ASCII"),
        ('headers = { "X-Token" = "é" }', "printable ASCII"),
    ],
)
def test_values_that_would_break_a_request_are_config_errors(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / ".awesomelint.toml"
    path.write_text(f"[links]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        links_config(load_config(path))
    assert ".awesomelint.toml" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "line",
    [
        "host_interval = inf",
        "timeout = nan",
        "timeout = -1",
        "retries = -2",
        "max_concurrency = 0",
        "host_interval = 1e9",
        'user_agent = "日本"',
        "block_after = 0",
    ],
)
def test_values_that_would_hang_or_crash_a_run_are_refused(tmp_path: Path, line: str) -> None:
    path = tmp_path / ".awesomelint.toml"
    path.write_text(f"[links]\n{line}\n", encoding="utf-8")
    key = line.split(" ", 1)[0]
    with pytest.raises(ConfigError, match=rf"\.awesomelint\.toml: links\.{key}: expected"):
        links_config(load_config(path))


def test_flags_refuse_nan_and_inf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from awesomelint.cli import main

    good = tmp_path / "good.md"
    good.write_text("# A\n\n- [Ok](https://example.org) - Fine.\n", encoding="utf-8")
    base = ["links", "--no-cache", "--no-progress"]
    for flag, value in [
        ("--timeout", "nan"),
        ("--timeout", "inf"),
        ("--timeout", "-1"),
        ("--host-interval", "inf"),
        ("--user-agent", "日本"),
    ]:
        assert main([*base, flag, value, str(good)]) == 2
        err = capsys.readouterr().err
        assert f"Invalid value for '{flag}'" in err and "Traceback" not in err
    (tmp_path / ".awesomelint.toml").write_text('[links]\nuser_agent = "日本"\n', encoding="utf-8")
    assert main([*base, str(good)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "links.user_agent" in err and "Traceback" not in err


def test_unknown_keys_are_refused_like_lint_does_including_allow_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pull request may edit config: it must not be able to lift the address guard."""
    from awesomelint.cli import main

    good = tmp_path / "good.md"
    good.write_text("# A\n\n- [Ok](https://example.org) - Fine.\n", encoding="utf-8")
    for line in ("allow_private = true", "timout = 3", '[links.hosts."a.org"]\nspeed = 1'):
        (tmp_path / ".awesomelint.toml").write_text(f"[links]\n{line}\n", encoding="utf-8")
        assert main(["links", "--no-cache", "--no-progress", str(good)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "unknown key" in err and "Traceback" not in err

    for flag, value in (("--timeout", "nan"), ("--host-interval", "inf"), ("--timeout", "-1")):
        assert main(["links", "--no-cache", flag, value, str(good)]) == 2
        err = capsys.readouterr().err
        assert value in err and "Traceback" not in err


def test_catastrophic_exclude_pattern_is_stopped_not_run_forever(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    from awesomelint.cli import main

    path = tmp_path / "list.md"
    path.write_text("# A\n\n- [x](https://example.org/" + "a" * 40 + "!) - y.\n", encoding="utf-8")
    began = time.monotonic()
    code = main(["links", "--no-cache", "--no-progress", "--exclude", "(a|aa)+$", str(path)])
    assert code == 2 and time.monotonic() - began < 5
    err = capsys.readouterr().err
    assert "(a|aa)+$" in err and "ran longer" in err and "Traceback" not in err


def test_one_header_rule_a_tab_is_allowed_in_a_value_not_in_a_name(tmp_path: Path) -> None:
    """RFC 9110: a field value may hold a tab; a field name is a token."""
    path = tmp_path / ".awesomelint.toml"
    path.write_text(
        '[links]\nuser_agent = "bot\\t1"\nheaders = { "X-A" = "a\\tb" }\n', encoding="utf-8"
    )
    conf = links_config(load_config(path))
    assert conf.settings.user_agent == "bot\t1"
    assert conf.settings.headers == (("X-A", "a\tb"),)
    path.write_text('[links]\nheaders = { "X\\tA" = "1" }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"links\.headers: expected an HTTP header name"):
        links_config(load_config(path))


def test_user_agent_flag_takes_what_the_config_takes(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    from awesomelint.cli import main

    server.route("/ok")
    good = tmp_path / "good.md"
    good.write_text(f"# A\n\n- [Ok]({server.url('/ok')}) - Fine.\n", encoding="utf-8")
    base = ["links", "--allow-private", "--no-cache", "--no-progress"]
    assert main([*base, "--user-agent", "bot\t1", str(good)]) == 0
    assert server.hits("/ok") >= 1
    assert main([*base, "--user-agent", "bot\r\n1", str(good)]) == 2
    assert "Invalid value for '--user-agent'" in capsys.readouterr().err
