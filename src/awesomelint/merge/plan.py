"""The merge file (``lists/merge.toml``): what a maintainer decides once, obeyed on every run.

Inputs, output and report paths, the title and preamble, the taxonomy (a spine
input or an explicit tree, a heading map, the catch-all), which boilerplate to
keep, and decisions by stable id (``same``, ``different``, ``pin-title``,
``drop``).  Paths are relative to the merge file.  Unknown keys are errors.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from awesomelint.errors import ConfigError

Prefer = Literal["first", "last", "longest"]
CrossListings = Literal["keep", "one"]


@dataclass(frozen=True)
class InputSpec:
    """One upstream list: a local path, or a URL with the local copy it is cached to."""

    path: str
    url: str | None = None
    name: str | None = None
    home: str | None = None  # where readers find the upstream list (credited in "Sources")


@dataclass(frozen=True)
class Decision:
    """A maintainer's ruling, by stable id (see ``merge.ids``).

    ``same``/``different``: two or more source-entry ids; ``pin-title``: an
    entry id and its title; ``drop``: an entry or source-entry id; ``set-url``:
    a source-entry id whose upstream link is wrong, and the right ``url``.
    """

    kind: Literal["same", "different", "pin-title", "drop", "set-url"]
    ids: tuple[str, ...]
    title: str = ""
    note: str = ""
    url: str = ""


@dataclass(frozen=True)
class MergePlan:
    """Everything a merge run needs besides the parsed inputs."""

    inputs: tuple[InputSpec, ...] = ()
    output: str | None = None
    report: str | None = None
    title: str | None = None
    preamble: str | None = None
    spine: int = 0  # which input's headings make the taxonomy
    taxonomy: tuple[tuple[str, ...], ...] = ()  # an explicit tree, as paths of headings
    heading_map: tuple[tuple[str, tuple[str, ...]], ...] = ()  # upstream heading -> spine path
    catch_all: str = "More resources"
    keep_sections: tuple[str, ...] = ()  # boilerplate headings to keep anyway
    keep_blocks: bool = False  # keep prose/HTML blocks of the non-spine inputs
    cross_listings: CrossListings = "keep"
    prefer: Prefer = "longest"
    decisions: tuple[Decision, ...] = field(default=())

    def map_for(self, heading: str) -> tuple[str, ...] | None:
        """The spine path the merge file maps an upstream heading to, if any."""
        from awesomelint.merge.sections import heading_key

        key = heading_key(heading)
        for source, target in self.heading_map:
            if heading_key(source) == key:
                return target
        return None


_TOP = {
    "inputs",
    "output",
    "report",
    "title",
    "preamble",
    "spine",
    "taxonomy",
    "map",
    "catch-all",
    "keep-sections",
    "keep-blocks",
    "cross-listings",
    "prefer",
    "decisions",
}
_INPUT = {"path", "url", "name", "home"}
_DECISION_KINDS = ("same", "different", "pin-title", "drop", "set-url")


def _path(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(">") if part.strip())


def _str(where: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: expected a non-empty string")
    return value


def _file(where: str, value: object) -> str:
    """A path: a non-empty string the system can open (no NUL byte)."""
    if "\0" in _str(where, value):  # type: ignore[operator]
        raise ConfigError(f"{where}: a path cannot hold a NUL byte")
    return value  # type: ignore[return-value]


def _optional(where: str, value: object) -> str | None:
    """A string key that may be left out: a number or a table there is an error, not a crash."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string")
    return value


def _decision(where: str, table: object) -> Decision:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table")
    kinds = [k for k in _DECISION_KINDS if k in table]
    if len(kinds) != 1:
        raise ConfigError(f"{where}: give exactly one of {', '.join(_DECISION_KINDS)}")
    unknown = set(table) - {*_DECISION_KINDS, "title", "note", "url"}
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    kind = kinds[0]
    raw = table[kind]
    ids = (raw,) if isinstance(raw, str) else raw
    if not isinstance(ids, list | tuple) or not all(isinstance(i, str) and i for i in ids):
        raise ConfigError(f"{where}: {kind} takes an id or a list of ids")
    if kind in ("same", "different") and len(ids) < 2:
        raise ConfigError(f"{where}: {kind} needs at least two ids")
    title = table.get("title", "")
    if kind == "pin-title" and (not isinstance(title, str) or not title.strip()):
        raise ConfigError(f"{where}: pin-title needs a title")
    url = table.get("url", "")
    if kind == "set-url" and (
        not isinstance(url, str) or not url.startswith(("http://", "https://"))
    ):
        raise ConfigError(f"{where}: set-url needs an http(s) url")
    note = table.get("note", "")
    return Decision(kind, tuple(ids), title, note if isinstance(note, str) else "", url)  # type: ignore[arg-type]


def load_plan(path: str) -> MergePlan:
    """Read and validate a merge file; every error names the file and the key."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    unknown = set(data) - _TOP
    if unknown:
        raise ConfigError(f"{path}: unknown key {sorted(unknown)[0]!r}")
    base = file.parent

    def rel(value: str) -> str:
        target = Path(value)
        return str(target if target.is_absolute() else base / target)

    inputs = []
    raw_inputs = data.get("inputs", [])
    if not isinstance(raw_inputs, list) or not raw_inputs:
        raise ConfigError(f"{path}: inputs: expected a non-empty array of tables")
    for n, spec in enumerate(raw_inputs):
        where = f"{path}: inputs[{n}]"
        if isinstance(spec, str):
            spec = {"path": spec}
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: expected a table or a path")
        bad = set(spec) - _INPUT
        if bad:
            raise ConfigError(f"{where}: unknown key {sorted(bad)[0]!r}")
        url = _optional(f"{where}.url", spec.get("url"))
        if url is not None and not url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}: url must be http(s)")
        inputs.append(
            InputSpec(
                path=rel(_file(f"{where}.path", spec.get("path"))),
                url=url,
                name=_optional(f"{where}.name", spec.get("name")),
                home=_optional(f"{where}.home", spec.get("home")),
            )
        )
    spine = data.get("spine", 0)
    if isinstance(spine, str):
        wanted = rel(spine)
        matches = [n for n, spec in enumerate(inputs) if spec.path == wanted or spec.name == spine]
        if not matches:
            raise ConfigError(f"{path}: spine: {spine!r} is not one of the inputs")
        spine = matches[0]
    if not isinstance(spine, int) or isinstance(spine, bool) or not 0 <= spine < len(inputs):
        raise ConfigError(f"{path}: spine: expected an input's path, name or index")
    heading_map = data.get("map", {})
    if not isinstance(heading_map, dict):
        raise ConfigError(f'{path}: map: expected a table of heading = "Spine > Path"')
    taxonomy = data.get("taxonomy", [])
    if not isinstance(taxonomy, list) or not all(isinstance(t, str) for t in taxonomy):
        raise ConfigError(f'{path}: taxonomy: expected an array of "A > B" heading paths')
    choice = {
        "cross-listings": ("keep", "one"),
        "prefer": ("first", "last", "longest"),
    }
    for key, allowed in choice.items():
        if key in data and data[key] not in allowed:
            raise ConfigError(f"{path}: {key}: expected one of {', '.join(allowed)}")
    decisions = data.get("decisions", [])
    if not isinstance(decisions, list):
        raise ConfigError(f"{path}: decisions: expected an array of tables")
    keep = data.get("keep-sections", [])
    if not isinstance(keep, list) or not all(isinstance(k, str) for k in keep):
        raise ConfigError(f"{path}: keep-sections: expected an array of headings")
    if not isinstance(data.get("keep-blocks", False), bool):
        raise ConfigError(f"{path}: keep-blocks: expected true or false")
    return MergePlan(
        inputs=tuple(inputs),
        output=rel(_file(f"{path}: output", data["output"])) if "output" in data else None,
        report=rel(_file(f"{path}: report", data["report"])) if "report" in data else None,
        title=_optional(f"{path}: title", data.get("title")),
        preamble=_optional(f"{path}: preamble", data.get("preamble")),
        spine=spine,
        taxonomy=tuple(_path(t) for t in taxonomy),
        heading_map=tuple((k, _path(_str(f"{path}: map.{k}", v))) for k, v in heading_map.items()),
        catch_all=_str(f"{path}: catch-all", data.get("catch-all", "More resources")),
        keep_sections=tuple(keep),
        keep_blocks=bool(data.get("keep-blocks", False)),
        cross_listings=data.get("cross-listings", "keep"),
        prefer=data.get("prefer", "longest"),
        decisions=tuple(_decision(f"{path}: decisions[{n}]", d) for n, d in enumerate(decisions)),
    )
