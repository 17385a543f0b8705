"""Read awesome lists of any dialect into the common model (``awesomelint.model``)."""

from __future__ import annotations

from awesomelint.fileio import read_bytes
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
