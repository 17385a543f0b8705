"""Keep mode: the list's own text, with only the entries that break its own style rewritten.

Each rule below changes one part of one entry's first line (its bullet, its
number, its separator) and only when the list's house style is clear and the
entry's own list agrees with it; everything else comes back as written.  When
in doubt a line is left alone: a false rewrite costs a maintainer more than a
missed one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from awesomelint.format.edits import Lines
from awesomelint.format.settings import FmtSettings
from awesomelint.model import Document, Entry, Repair
from awesomelint.style import EntryLine, HouseStyle, detect, list_runs, numbering_of

# Within one markdown list, the house convention must also be the list's own
# majority (or the list too short to have one) before an item is brought to it.
_RUN_MAJORITY = 0.5
_RUN_SHORT = 3
# A list is renumbered only when most of it already follows the numbering.
_NUMBER_AGREEMENT = 2 / 3


def entry_last_line(entry: Entry, lines: Sequence[str], following: int | None) -> int:
    """The last source line of ``entry``.

    From the span when it records an end; otherwise the line before the next
    item (``following``), blank lines trimmed, or up to the first blank line.
    """
    if entry.source.end_line:
        return entry.source.last_line
    last = entry.source.line
    if following is not None:
        last = max(last, following - 1)
        while last > entry.source.line and not lines[last - 1].strip():
            last -= 1
        return last
    while last < len(lines) and lines[last].strip():
        last += 1
    return last


def style_with(style: HouseStyle, settings: FmtSettings) -> HouseStyle:
    """The detected style with the configured overrides applied."""
    changes: dict[str, object] = {}
    if settings.separator is not None:
        changes["separator"] = settings.separator
    if settings.numbering is not None:
        changes["numbering"] = settings.numbering
    if settings.bullet is not None:
        changes["bullets"] = tuple((indent, settings.bullet) for indent, _ in style.bullets)
    return dataclasses.replace(style, **changes) if changes else style  # type: ignore[arg-type]


def apply_repairs(out: Lines, repairs: Sequence[Repair]) -> None:
    """Mojibake repairs, which the decoder already kept out of URLs."""
    for repair in repairs:
        if out.get(repair.line) == repair.before:
            out.set(repair.line, repair.after, "mojibake")


def restyle(
    out: Lines, document: Document, lines: Sequence[str], style: HouseStyle, forced: FmtSettings
) -> None:
    """Bring deviating entries to the house style: bullet, numbering, separator."""
    for run in list_runs(document, lines):
        numbers = _numbers(run, lines, style, forced)
        for index, (entry, cut) in enumerate(run):
            fixed = _bullet(cut, run, style, forced)
            following = run[index + 1][0].source.line if index + 1 < len(run) else None
            one_line = entry_last_line(entry, lines, following) == entry.source.line
            fixed = _gap(fixed, run, style, one_line)
            if index in numbers:
                fixed = dataclasses.replace(fixed, marker=numbers[index])
            fixed = _separator(fixed, run, style, forced)
            if fixed != cut:
                out.set(entry.source.line, fixed.text(), _reason(cut, fixed))


def _reason(before: EntryLine, after: EntryLine) -> str:
    """What an entry's rewrite changed, for the report (``bullet``, ``separator``…)."""
    changed = []
    if before.marker != after.marker:
        changed.append("bullet" if before.number is None else "numbering")
    if before.gap != after.gap:
        changed.append("bullet spacing")
    if before.separator != after.separator:
        spacing = (before.separator or "").strip() == (after.separator or "").strip()
        changed.append("separator spacing" if spacing else "separator")
    return "+".join(changed)


def _majority(run: Sequence[tuple[Entry, EntryLine]], value: str, attribute: str) -> bool:
    shown = [getattr(cut, attribute) for _, cut in run]
    shown = [item for item in shown if item is not None]
    if len(shown) < _RUN_SHORT:
        return True
    return shown.count(value) >= _RUN_MAJORITY * len(shown)


def _bullet(
    cut: EntryLine, run: Sequence[tuple[Entry, EntryLine]], style: HouseStyle, forced: FmtSettings
) -> EntryLine:
    if cut.number is not None:
        return cut
    target = forced.bullet or style.bullet(cut.indent)
    if target is None or target == cut.marker:
        return cut
    if forced.bullet is None and not _majority(run, target, "marker"):
        return cut
    return dataclasses.replace(cut, marker=target)


def _gap(
    cut: EntryLine, run: Sequence[tuple[Entry, EntryLine]], style: HouseStyle, one_line: bool
) -> EntryLine:
    """``*  [x]`` in a ``* [x]`` list; only on a one-line item, whose text cannot move out."""
    target = style.gap(cut.indent)
    if cut.number is not None or target is None or target == cut.gap or not one_line:
        return cut
    if not _majority(run, target, "gap"):
        return cut
    return dataclasses.replace(cut, gap=target)


def _separator(
    cut: EntryLine, run: Sequence[tuple[Entry, EntryLine]], style: HouseStyle, forced: FmtSettings
) -> EntryLine:
    target = style.separator
    # a list without separators is never given one, nor are marks taken out of it
    if not cut.head or cut.separator is None or target in (None, " ") or cut.separator == target:
        return cut
    # "[Name](url) Does x" lacks the mark; "[Name](url) (PDF)", "[a](u) and [b](v)" do not
    if cut.separator == " " and (not cut.rest[:1].isupper() or target in cut.rest):
        return cut
    if forced.separator is None and not _majority(run, target, "separator"):
        return cut
    return dataclasses.replace(cut, separator=target)


def _numbers(
    run: Sequence[tuple[Entry, EntryLine]],
    lines: Sequence[str],
    style: HouseStyle,
    forced: FmtSettings,
) -> dict[int, str]:
    """New markers (by position in ``run``) that bring an ordered list to the numbering."""
    numbers = [cut.number for _, cut in run]
    target = forced.numbering or style.numbering
    if len(numbers) < 2 or None in numbers or target is None:
        return {}
    if numbering_of(numbers) == target:  # type: ignore[arg-type]
        return {}
    first = numbers[0]
    assert first is not None
    if target == "one" and first != 1:
        return {}  # the first number is the list's start: changing it changes the page
    wanted = [1] * len(numbers) if target == "one" else list(range(first, first + len(numbers)))
    agree = sum(1 for have, want in zip(numbers, wanted, strict=True) if have == want)
    if forced.numbering is None and agree < _NUMBER_AGREEMENT * len(numbers):
        return {}
    markers: dict[int, str] = {}
    for index, ((entry, cut), want) in enumerate(zip(run, wanted, strict=True)):
        if cut.number == want:
            continue
        marker = f"{want}{cut.marker[-1]}"
        if len(marker) != len(cut.marker):
            following = run[index + 1][0].source.line if index + 1 < len(run) else None
            if entry_last_line(entry, lines, following) != entry.source.line:
                continue  # a wider number would move the item's other lines out of it
        markers[index] = marker
    return markers


def keep_format(
    out: Lines, document: Document, lines: Sequence[str], settings: FmtSettings
) -> HouseStyle:
    """Edit ``out`` in place; returns the style the edits followed."""
    style = style_with(document.style or detect(document, lines), settings)
    if style.entries == 0 and not any(True for _ in document.entries()):
        return style  # a file with no entries is not a list: leave it as it is
    apply_repairs(out, document.repairs)
    restyle(out, document, lines, style, settings)
    return style
