"""The real ``pre-commit try-repo`` against this checkout: the lint hook fails a broken list
and passes it once fixed.

pre-commit builds the hook's environment from the repository itself (``language:
python``), so this needs nothing but PyPI; it takes a few seconds with pip's cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests_support import ROOT

BROKEN = (
    "# Awesome Things\n\n## Papers\n\n"
    "- [Tracr](https://arxiv.org/abs/2301.05062) - Compiled transformers.\n"
    "- [Tracr](https://arxiv.org/pdf/2301.05062v2.pdf) - Compiled transformers, again.\n"
)


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "awesomelint"]
        + ["--files", "README.md"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hooks_file_declares_the_four_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"awesomelint", "awesomelint-fmt", "awesomelint-links", "awesomelint-meta"}
    assert all(h["types"] == ["markdown"] and h["language"] == "python" for h in hooks.values())
    assert hooks["awesomelint"]["entry"] == "awesomelint lint"
    assert hooks["awesomelint-links"]["stages"] == ["manual", "pre-push"]
    assert hooks["awesomelint-meta"]["stages"] == ["manual", "pre-push"]
    assert hooks["awesomelint-meta"]["entry"] == "awesomelint meta"


def test_try_repo_fails_a_broken_list_then_passes_it_fixed(tmp_path: Path) -> None:
    repo = tmp_path / "list"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    readme = repo / "README.md"
    readme.write_text(BROKEN, encoding="utf-8")
    subprocess.run(["git", "add", "README.md"], cwd=repo, check=True)

    failed = _try_repo(repo, tmp_path / "pre-commit-home")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "awesomelint lint" in failed.stdout and "Failed" in failed.stdout
    assert "README.md:6:1: error AL001 duplicate-entry" in failed.stdout

    readme.write_text("\n".join(BROKEN.splitlines()[:-1]) + "\n", encoding="utf-8")
    subprocess.run(["git", "add", "README.md"], cwd=repo, check=True)
    passed = _try_repo(repo, tmp_path / "pre-commit-home")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
