"""action.yml: it parses, names only the inputs it uses, and its command runs as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .server import Server

ACTION = Path(__file__).parents[2] / "action.yml"


def _action() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def test_action_parses_and_uses_exactly_its_inputs() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    declared = set(action["inputs"])
    used = set(re.findall(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}", ACTION.read_text()))
    assert used == declared
    assert {"paths", "args", "cache"} <= declared
    for step in action["runs"]["steps"]:
        if "run" in step:  # inputs reach scripts through env only: no injection into bash
            assert "${{" not in step["run"]


def _run_check(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The action's "Run awesomelint" step, exactly as written, with the inputs' values."""
    action = _action()
    [step] = [s for s in action["runs"]["steps"] if s.get("id") == "check"]
    defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values = {**defaults, **env}
    step_env = {
        key: re.sub(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}", lambda m: values[m.group(1)], raw)
        for key, raw in step["env"].items()
    }
    bindir = str(Path(sys.executable).parent)
    return subprocess.run(
        [shutil.which("bash") or "bash", "-c", step["run"]],
        cwd=cwd,
        env={**os.environ, **step_env, "PATH": bindir + os.pathsep + os.environ["PATH"]},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_action_command_runs_links_and_lint(tmp_path: Path, server: Server) -> None:
    good = tmp_path / "good.md"
    good.write_text(f"# Good\n\n- [Ok]({server.route('/ok')}) - Fine.\n", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text(f"# Bad\n\n- [Gone]({server.url('/gone')}) - Gone.\n", encoding="utf-8")
    args = "--allow-private --no-progress --format text"
    done = _run_check({"paths": "good.md", "args": args}, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / ".awesomelint-cache.sqlite3").is_file()  # the cache input is used
    done = _run_check({"paths": "good.md bad.md", "args": args, "command": "both"}, tmp_path)
    assert done.returncode == 1
    assert f"bad.md:3: dead 404 {server.url('/gone')}" in done.stdout
    done = _run_check({"paths": "good.md", "command": "nonsense"}, tmp_path)
    assert done.returncode == 2 and "command must be" in done.stdout
