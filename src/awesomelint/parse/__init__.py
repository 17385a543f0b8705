"""Read awesome lists of any dialect into the common model (``awesomelint.model``)."""

from __future__ import annotations

from pathlib import Path

from awesomelint.errors import InputError
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
    """A list file's bytes; every failure is an ``InputError`` naming the file."""
    file = Path(path)
    try:
        if file.is_dir():
            raise InputError(f"{path}: is a directory, not a markdown file")
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


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
