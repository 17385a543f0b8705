"""Run the enabled rules over a file, honour inline directives, and apply fixes.

``--fix`` works in rounds: lint, apply every fix that does not overlap another
(bottom-up), parse the new text and lint again, until nothing fixable is left
or a round changes nothing.  The file is written once, atomically, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from awesomelint.errors import AwesomelintError, InputError
from awesomelint.fileio import atomic_write
from awesomelint.lint.context import LintContext
from awesomelint.lint.diagnostic import Diagnostic, Fix, sort_key
from awesomelint.lint.directives import suppressed
from awesomelint.lint.fixes import apply_fixes
from awesomelint.lint.precedence import one_per_defect
from awesomelint.lint.settings import LintSettings
from awesomelint.parse import decode, read_bytes, read_file
from awesomelint.rules import consumes

MAX_ROUNDS = 10
_BOM = b"\xef\xbb\xbf"


class RuleError(AwesomelintError):
    """A rule failed on a file: a bug in awesomelint, reported instead of a traceback."""


@dataclass(frozen=True)
class FileResult:
    """What lint left on one file, and how many fixes ``--fix`` applied to it."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    fixed: int = 0


def needed_inputs(settings: LintSettings) -> frozenset[str]:
    """The context views the enabled rules consume: each is computed once, the rest never."""
    return frozenset().union(*(consumes(active.rule) for active in settings.rules))


def lint_context(ctx: LintContext, settings: LintSettings) -> list[Diagnostic]:
    """Every diagnostic of the enabled rules that no directive silences, in file order."""
    directives = ctx.directives
    found: list[Diagnostic] = []
    # rules with costly shared work start it first and run last, so it overlaps the rest
    # (the other views included)
    for active in settings.rules:
        prefetch = getattr(active.rule, "prefetch", None)
        if prefetch is not None:
            prefetch(ctx, active.options)
    ctx.prepare(needed_inputs(settings))
    ordered = sorted(settings.rules, key=lambda a: hasattr(a.rule, "prefetch"))
    for active in ordered:
        rule = active.rule
        try:
            diagnostics = list(rule.check(ctx, active.options))
        except Exception as exc:  # a rule's bug must end in a message, not a traceback
            raise RuleError(
                f"{ctx.path}: rule {rule.ID} ({rule.NAME}) failed: {type(exc).__name__}: {exc}"
            ) from exc
        if directives:
            diagnostics = [
                d for d in diagnostics if not suppressed(directives, rule.ID, rule.NAME, d.line)
            ]
        found.extend(diagnostics)
    found = one_per_defect(found, ctx.lines)
    found.sort(key=sort_key)
    return found


def lint_bytes(data: bytes, path: str, settings: LintSettings) -> FileResult:
    """Lint a list's bytes (``path`` names it in diagnostics)."""
    ctx = LintContext.from_decoded(decode(data, path), path)
    return FileResult(path, tuple(lint_context(ctx, settings)))


def lint_file(path: str, settings: LintSettings) -> FileResult:
    """Read, parse and lint one file; InputError if it cannot be read."""
    ctx = LintContext.from_decoded(read_file(path), path)
    return FileResult(path, tuple(lint_context(ctx, settings)))


def _applicable(fix: Fix, ctx: LintContext) -> bool:
    """Fixes are edits of the raw lines; on a line the decoder repaired, rules saw other
    text, so only a fix that replaces the whole raw line (the mojibake fix) may go there.
    """
    for edit in fix.edits:
        index = edit.line - 1
        damaged = 0 <= index < len(ctx.lines) and ctx.lines[index] != ctx.raw_lines[index]
        if damaged and (edit.column != 1 or edit.delete != len(ctx.raw_lines[index])):
            return False
    return True


def _raw_text(ctx: LintContext) -> str:
    return "\n".join(ctx.raw_lines) + ("\n" if ctx.final_newline else "")


def fix_text(ctx: LintContext, settings: LintSettings) -> tuple[str, list[Diagnostic], int]:
    """The file's text (LF, raw) with every fix applied, what is left, and the fixes applied."""
    text = _raw_text(ctx)
    applied = 0
    for _ in range(MAX_ROUNDS):
        diagnostics = lint_context(ctx, settings)
        fixes = [d.fix for d in diagnostics if d.fix is not None and _applicable(d.fix, ctx)]
        if not fixes:
            break
        new_text, count = apply_fixes(text, fixes)
        if count == 0 or new_text == text:
            break
        try:
            new_ctx = LintContext.from_decoded(decode(new_text.encode("utf-8"), ctx.path), ctx.path)
        except InputError:  # the fixes would leave no list (only blank lines): keep it,
            # and say so: what is left is not fixable after all
            diagnostics = [replace(d, fix=None) if d.fix is not None else d for d in diagnostics]
            break
        applied += count
        text, ctx = new_text, new_ctx
    else:
        diagnostics = lint_context(ctx, settings)
    return text, diagnostics, applied


def fix_file(path: str, settings: LintSettings, *, force: bool = False) -> FileResult:
    """Apply every fixable diagnostic, write the file if it changed, report what is left.

    ``force`` rewrites a read-only file too.
    """
    original = read_bytes(path)
    decoded = decode(original, path)
    ctx = LintContext.from_decoded(decoded, path)
    text, diagnostics, applied = fix_text(ctx, settings)
    if text != _raw_text(ctx):
        from awesomelint.guard import lost_web_links  # only --fix writes: lint never pays

        lost = lost_web_links(_raw_text(ctx), text)
        if lost:  # a fix changes a URL's form at most; losing one is a bug: write nothing
            shown = ", ".join(lost[:5]) + (" …" if len(lost) > 5 else "")
            raise AwesomelintError(f"{path}: not fixed: {len(lost)} link(s) would be lost: {shown}")
        bom = original.startswith(_BOM)
        data = text.replace("\n", decoded.newline) if decoded.newline != "\n" else text
        try:
            data_out = (_BOM if bom else b"") + data.encode("utf-8")
            atomic_write(path, data_out, expect=original, force=force)
        except OSError as exc:
            raise AwesomelintError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return FileResult(path, tuple(diagnostics), applied)
