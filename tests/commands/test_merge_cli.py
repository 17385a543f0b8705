"""``awesomelint merge`` end to end: files, URLs from a local server, cache, refusals, README."""

from __future__ import annotations

import json
import shlex
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from awesomelint.cli import main
from tests_support import ROOT

LIST_A = b"# A\n\n## Papers\n\n- [Toy Models of Superposition](https://arxiv.org/abs/2209.10652)\n"
LIST_B = (
    b"# B\n\n## Papers\n\n- [toy models of superposition](https://arxiv.org/pdf/2209.10652v2.pdf)"
    b" - Toy models.\n- [Other](https://github.com/o/r) - Other.\n"
)


class _Server:
    def __init__(self, httpd: ThreadingHTTPServer) -> None:
        self.httpd = httpd
        self.url = f"http://127.0.0.1:{httpd.server_address[1]}"
        self.running = True

    def stop(self) -> None:
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.running = False


@pytest.fixture
def server() -> Iterator[_Server]:
    """A real HTTP server on 127.0.0.1 serving two lists."""
    pages = {"/a.md": LIST_A, "/b.md": LIST_B}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    handle = _Server(httpd)
    yield handle
    handle.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_merge_files_writes_list_and_report(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_bytes(LIST_A)
    b.write_bytes(LIST_B)
    out, report = tmp_path / "out.md", tmp_path / "merge.json"
    assert main(["merge", str(a), str(b), "-o", str(out), "--report", str(report)]) == 0
    text = out.read_text()
    assert text.count("Toy Models of Superposition") == 1
    data = json.loads(report.read_text())
    toy = next(e for e in data["entries"] if e["title"] == "Toy Models of Superposition")
    assert toy["url"] == "https://arxiv.org/abs/2209.10652"
    assert [(s["file"], s["line"]) for s in toy["sources"]] == [(str(a), 5), (str(b), 5)]
    assert data["merges"][0]["reason"] == "same-arxiv-id"
    assert data["conflicts"] == []


def test_merge_urls_from_a_local_server_then_offline_from_cache(
    tmp_path: Path, server: _Server, capsys: pytest.CaptureFixture[str]
) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out.md"
    urls = [f"{server.url}/a.md", f"{server.url}/b.md"]
    args = ["merge", "--allow-private", *urls, "-o", str(out), "--cache-dir", str(cache)]
    assert main(args) == 0
    first = out.read_bytes()
    assert b"[Other](https://github.com/o/r)" in first
    assert len(list(cache.iterdir())) == 2
    # the server is gone: the same URLs come from the cache
    server.stop()
    out.unlink()
    capsys.readouterr()
    assert main(args) == 0
    assert out.read_bytes() == first
    assert "using the cached copy" in capsys.readouterr().err


def test_unreachable_url_is_exit_2_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.md"
    url = f"http://127.0.0.1:{_free_port()}/list.md"
    code = main(
        ["merge", "--allow-private", url, "-o", str(out), "--cache-dir", str(tmp_path / "c")]
    )
    assert code == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "cannot fetch" in err and url in err and "Traceback" not in err


def test_http_error_status_is_exit_2(tmp_path: Path, server: _Server) -> None:
    out = tmp_path / "out.md"
    url = f"{server.url}/missing.md"  # was f"{server}": a path, so it never hit the server
    args = ["merge", "--allow-private", url, "-o", str(out), "--cache-dir", str(tmp_path)]
    assert main(args) == 2
    assert not out.exists()


def test_bad_file_input_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x00")
    out = tmp_path / "out.md"
    out.write_text("keep me")
    assert main(["merge", str(bad), "-o", str(out)]) == 2
    assert out.read_text() == "keep me"


def test_the_committed_canonical_list_is_what_the_readme_command_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-running the README's main command on a copy of lists/ changes nothing."""
    readme = (ROOT / "README.md").read_text()
    command = next(line for line in readme.splitlines() if "awesomelint merge --config" in line)
    args = shlex.split(command.split("awesomelint ", 1)[1])
    shutil.copytree(ROOT / "lists", tmp_path / "lists")
    monkeypatch.chdir(tmp_path)
    assert main(args) == 0
    for name in ("awesome-llm-interpretability.md", "merge-report.json"):
        assert (tmp_path / "lists" / name).read_bytes() == (ROOT / "lists" / name).read_bytes()
    assert main(["fmt", "--check", "lists/awesome-llm-interpretability.md"]) == 0
    # from scratch (no previous output or report) it makes the same list
    (tmp_path / "lists" / "awesome-llm-interpretability.md").unlink()
    (tmp_path / "lists" / "merge-report.json").unlink()
    assert main(args) == 0
    for name in ("awesome-llm-interpretability.md", "merge-report.json"):
        assert (tmp_path / "lists" / name).read_bytes() == (ROOT / "lists" / name).read_bytes()


def test_the_canonical_list_passes_lint_with_the_default_preset() -> None:
    """What .pre-commit-config.yaml runs on lists/: no errors, and no special config."""
    canonical = ROOT / "lists" / "awesome-llm-interpretability.md"
    assert main(["lint", str(canonical)]) == 0
    hook = (ROOT / ".pre-commit-config.yaml").read_text()
    assert "entry: awesomelint lint\n" in hook


def test_unwritable_output_is_exit_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.md"
    source.write_bytes(LIST_A)
    target = tmp_path / "missing-dir" / "out.md"
    assert main(["merge", str(source), "-o", str(target)]) == 2
    assert f"{target}: cannot write" in capsys.readouterr().err


def test_a_merge_file_keeps_a_fetched_input_at_its_path_and_reads_it_offline(
    tmp_path: Path, server: _Server, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "merge.toml"
    config.write_text(
        'output = "out.md"\nreport = "report.json"\n'
        f'[[inputs]]\nurl = "{server.url}/a.md"\npath = "upstream/a.md"\nname = "A"\n'
        f'[[inputs]]\nurl = "{server.url}/b.md"\npath = "upstream/b.md"\nname = "B"\n'
    )
    (tmp_path / "upstream").mkdir()
    args = ["merge", "--config", str(config), "--allow-private", "--cache-dir", str(tmp_path)]
    assert main(args) == 0
    assert (tmp_path / "upstream" / "a.md").read_bytes() == LIST_A
    first = (tmp_path / "out.md").read_bytes()
    server.stop()
    for cached in tmp_path.glob("*.md"):
        if cached.name != "out.md":
            cached.unlink()
    capsys.readouterr()
    assert main(args) == 0
    assert "unreachable; using" in capsys.readouterr().err
    assert (tmp_path / "out.md").read_bytes() == first


def test_inputs_can_be_directories_and_globs_with_exclude(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_bytes(LIST_A)
    (tmp_path / "in" / "b.md").write_bytes(LIST_B)
    (tmp_path / "in" / "draft.md").write_bytes(b"# D\n\n- [Draft](https://draft.example/x)\n")
    out = tmp_path / "out.md"
    assert main(["merge", str(tmp_path / "in"), "--exclude", "draft.md", "-o", str(out)]) == 0
    text = out.read_text()
    assert "github.com/o/r" in text and "draft.example" not in text
    assert main(["merge", str(tmp_path / "in" / "[ab].md"), "-o", str(out)]) == 0
    assert out.read_text() == text
