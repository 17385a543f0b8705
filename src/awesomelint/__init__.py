"""awesomelint: lint, format, link-check and merge awesome lists."""

__version__ = "0.1.0"
