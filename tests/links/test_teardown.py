"""A run that leaves an answer's body unread ends quietly: nothing but its report on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .server import Server

SRC = str(Path(__file__).parents[2] / "src")


def test_a_huge_body_left_unread_leaves_no_destroyed_task_behind(
    tmp_path: Path, server: Server
) -> None:
    # a 200 MB answer (drained up to the cap) and one read for its anchors: the body
    # streams left mid-way were finalised after the loop closed, and stderr said
    # "Task was destroyed but it is pending!" with the task, on every such run
    url = server.route("/big", stream=200 << 20, content_type="text/html")
    path = tmp_path / "list.md"
    path.write_text(f"# A\n\n- [a]({url}) - x.\n- [b]({url}#part) - y.\n")
    done = subprocess.run(
        [sys.executable, "-m", "awesomelint", "links", "--allow-private", "--no-progress",
         "--no-cache", "--timeout", "20", str(path)],
        env={**os.environ, "PYTHONPATH": SRC}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr  # the fragment is missing from what was read
    assert "fragment-missing" in done.stdout
    assert "Task was destroyed" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.strip() == "", done.stderr
