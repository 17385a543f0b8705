"""awesomelint.canonical is a deprecated shim: the same objects as awesomelint.urls."""

from __future__ import annotations

import awesomelint.canonical as canonical
import awesomelint.urls as urls


def test_shim_reexports_the_url_module() -> None:
    for name in canonical.__all__:
        assert getattr(canonical, name) is getattr(urls, name)
    assert "deprecated" in (canonical.__doc__ or "").lower()
