"""Read awesome lists of any dialect into the common model (``awesomelint.model``)."""

from __future__ import annotations

import os
import sys

from awesomelint.errors import InputError
from awesomelint.fileio import TooLarge, max_bytes, read_limited
from awesomelint.model import Document
from awesomelint.parse.decode import Decoded, decode
from awesomelint.parse.document import parse_text

__all__ = [
    "Decoded",
    "decode",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "read_bytes",
    "read_file",
]


def read_bytes(path: str) -> bytes:
    """A list file's bytes (``-``: standard input), read with the size limit.

    Every failure, a file past the limit included, is an ``InputError`` naming
    the file; the limit is ``fileio.max_bytes()`` (64 MiB unless raised).
    """
    name = "<stdin>" if path == "-" else path
    try:
        limit = max_bytes()
        if path == "-":
            if sys.stdin is None:  # started with standard input closed
                raise InputError("<stdin>: standard input is closed")
            return read_limited(sys.stdin.buffer, limit)
        if os.path.isdir(path):
            raise InputError(f"{path}: is a directory, not a markdown file")
        with open(path, "rb") as handle:
            return read_limited(handle, limit)
    except TooLarge as exc:
        raise InputError(f"{name}: {exc}") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def read_file(path: str) -> Decoded:
    """Read and decode a list file."""
    return decode(read_bytes(path), path)


def parse_bytes(data: bytes, path: str) -> Document:
    """Decode and parse a list's bytes; ``path`` is how the file is named in messages."""
    decoded = decode(data, path)
    return parse_text(decoded.text, path, decoded.newline, decoded.repairs)


def parse_file(path: str) -> Document:
    """Read, decode and parse one list file."""
    decoded = read_file(path)
    return parse_text(decoded.text, path, decoded.newline, decoded.repairs)
