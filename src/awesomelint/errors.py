"""Errors that end a command with exit code 2 and a one-line message, never a traceback."""

from __future__ import annotations


class AwesomelintError(Exception):
    """Base of the errors the CLI turns into ``awesomelint: <message>`` and exit 2."""


class InputError(AwesomelintError):
    """A list that cannot be read: missing, binary, invalid UTF-8, too large."""


class ConfigError(AwesomelintError):
    """A configuration file that is malformed or has unknown keys (names the file)."""
