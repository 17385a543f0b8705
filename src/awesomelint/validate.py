"""Values checked at the edge (flags and config), so bad input is one line, never a traceback.

``float("nan")`` passes every ``<`` test and ``inf`` every ``>=`` test, so
ranges alone let them through into timeouts and sleeps; HTTP header values
must be ASCII without line breaks, or the client fails on the first request.
Only click is imported: the lint path imports this module's users.
"""

from __future__ import annotations

import math
import re
from typing import Any

import click

# RFC 9110 field values: visible ASCII, spaces and tabs (obs-text refused: clients
# differ on it); field names: a token, no space, tab or separator.
_HEADER_TEXT = re.compile(r"[\x20-\x7e\t]*")
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


def finite_number(value: Any, minimum: float) -> float:
    """``value`` as a float if it is a finite number >= ``minimum``; ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number >= {minimum:g}")
    if not math.isfinite(value) or value < minimum:
        raise ValueError(f"expected a finite number >= {minimum:g}, not {value!r}")
    return float(value)


def header_value(value: Any) -> str:
    """``value`` if it can be sent as an HTTP header value; ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError("expected a string")
    if not _HEADER_TEXT.fullmatch(value):
        bad = next(ch for ch in value if not _HEADER_TEXT.fullmatch(ch))
        raise ValueError(
            f"expected an HTTP header value (printable ASCII or a tab), not {bad!r} in {value!r}"
        )
    return value


def header_name(value: Any) -> str:
    """``value`` if it can be an HTTP header name (an RFC 9110 token); ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError("expected a string")
    if not _HEADER_NAME.fullmatch(value):
        raise ValueError(f"expected an HTTP header name (letters, digits, -), not {value!r}")
    return value


class FiniteFloat(click.ParamType):
    """A click option type for finite numbers >= a minimum (``nan``, ``inf``, ``-1`` refused)."""

    name = "seconds"

    def __init__(self, minimum: float) -> None:
        self.minimum = minimum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, float):
            number: Any = value
        else:
            try:
                number = float(value)
            except (TypeError, ValueError):
                self.fail(f"{value!r} is not a number", param, ctx)
        try:
            return finite_number(number, self.minimum)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class HeaderText(click.ParamType):
    """A click option type for text sent as an HTTP header value."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return header_value(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


HEADER_TEXT = HeaderText()
