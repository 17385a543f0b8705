"""awesomelint: lint, format, link-check and merge awesome lists."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__`` from the installed package's metadata: pyproject.toml is its one source.

    Looked up on first use, so the lint path does not pay for importlib.metadata.
    """
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("awesomelint")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"
