"""awesomelint: lint, format, link-check and merge awesome lists."""

# The one place the version is written: pyproject.toml reads it at build time
# ([tool.setuptools.dynamic]), so the package metadata that ``awesomelint
# --version`` prints (importlib.metadata) always says the same.  A plain
# literal: the cache fingerprint and SARIF logs read it without the cost of
# importing importlib.metadata.
__version__ = "0.2.0"
