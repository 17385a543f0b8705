"""Canonical URLs and work keys (awesomelint.urls), with link forms taken from the seed lists."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesomelint.urls import canonical_url, current_key, identity_key, key_kind, work_key


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://arxiv.org/pdf/2211.00593.pdf", "arxiv:2211.00593"),
        ("https://arxiv.org/abs/2211.00593", "arxiv:2211.00593"),
        ("http://arxiv.org/abs/2211.00593v2", "arxiv:2211.00593"),
        ("https://arxiv.org/pdf/2211.00593v1", "arxiv:2211.00593"),
        ("https://www.arxiv.org/abs/2211.00593", "arxiv:2211.00593"),
        ("https://export.arxiv.org/abs/2211.00593", "arxiv:2211.00593"),
        ("https://arxiv.org/abs//2309.15025", "arxiv:2309.15025"),  # seed 001's double slash
        ("https://arxiv.org/abs/hep-th/9901001v3", "arxiv:hep-th/9901001"),
        ("arXiv:2211.00593", "arxiv:2211.00593"),
        ("https://doi.org/10.48550/arXiv.2305.13417", "arxiv:2305.13417"),
        ("https://openreview.net/forum?id=NpsVSN6o4ul", "openreview:NpsVSN6o4ul"),
        ("https://openreview.net/pdf?id=NpsVSN6o4ul", "openreview:NpsVSN6o4ul"),
        ("https://openreview.net/forum?id=NpsVSN6o4ul&noteId=xyz", "openreview:NpsVSN6o4ul"),
        ("https://dl.acm.org/doi/10.1145/3639372", "doi:10.1145/3639372"),
        ("https://dl.acm.org/doi/abs/10.1145/3639372", "doi:10.1145/3639372"),
        ("https://doi.org/10.1145/3639372", "doi:10.1145/3639372"),
        ("http://dx.doi.org/10.1145/3639372", "doi:10.1145/3639372"),
        ("doi:10.1145/3639372", "doi:10.1145/3639372"),
        ("https://doi.org/10.1145%2F3639372", "doi:10.1145/3639372"),
        ("https://aclanthology.org/2023.acl-long.893", "acl:2023.acl-long.893"),
        ("https://aclanthology.org/2023.emnlp-main.615/", "acl:2023.emnlp-main.615"),
        ("https://aclanthology.org/2023.findings-acl.895.pdf", "acl:2023.findings-acl.895"),
        ("https://aclanthology.org/2022.tacl-1.74", "acl:2022.tacl-1.74"),
        ("https://www.aclweb.org/anthology/P19-1452.pdf", "acl:P19-1452"),
        ("https://doi.org/10.18653/v1/2023.acl-long.893", "acl:2023.acl-long.893"),
        (
            "https://www.lesswrong.com/posts/AcKRB8wDpdaN6v6ru/interpreting-gpt-the-logit-lens",
            "lesswrong:AcKRB8wDpdaN6v6ru",
        ),
        ("https://www.alignmentforum.org/posts/AcKRB8wDpdaN6v6ru", "lesswrong:AcKRB8wDpdaN6v6ru"),
        ("https://www.greaterwrong.com/posts/AcKRB8wDpdaN6v6ru/x", "lesswrong:AcKRB8wDpdaN6v6ru"),
        (
            "https://www.alignmentforum.org/s/hpWHhjvjn67LJ4xXX/p/iGuwZTHWb6DFY3sKB",
            "lesswrong:iGuwZTHWb6DFY3sKB",
        ),
        ("https://www.alignmentforum.org/s/yivyHaCAmMJ3CqSyj", "lesswrong:s/yivyHaCAmMJ3CqSyj"),
        ("https://www.lesswrong.com/s/yivyHaCAmMJ3CqSyj", "lesswrong:s/yivyHaCAmMJ3CqSyj"),
        ("https://github.com/neelnanda-io/TransformerLens", "github:neelnanda-io/transformerlens"),
        ("https://github.com/NeelNanda-io/transformerlens/", "github:neelnanda-io/transformerlens"),
        (
            "https://github.com/neelnanda-io/TransformerLens#readme",
            "github:neelnanda-io/transformerlens",
        ),
        (
            "https://github.com/neelnanda-io/TransformerLens.git",
            "github:neelnanda-io/transformerlens",
        ),
        (
            "https://proceedings.neurips.cc/paper_files/paper/2023/hash/"
            "f6a8b109d4d4fd64c75e94aaf85d9697-Abstract-Conference.html",
            "neurips:f6a8b109d4d4fd64c75e94aaf85d9697",
        ),
        (
            "https://proceedings.neurips.cc/paper_files/paper/2023/file/"
            "f6a8b109d4d4fd64c75e94aaf85d9697-Paper-Conference.pdf",
            "neurips:f6a8b109d4d4fd64c75e94aaf85d9697",
        ),
        ("https://proceedings.mlr.press/v162/mitchell22a.html", "pmlr:v162/mitchell22a"),
        ("http://proceedings.mlr.press/v162/mitchell22a/mitchell22a.pdf", "pmlr:v162/mitchell22a"),
        ("https://ieeexplore.ieee.org/abstract/document/10136140", "ieee:10136140"),
        ("https://www.youtube.com/watch?v=2Rdp9GvcYOE", "youtube:2Rdp9GvcYOE"),
        ("https://youtu.be/2Rdp9GvcYOE?t=42", "youtube:2Rdp9GvcYOE"),
    ],
)
def test_work_key(url: str, key: str) -> None:
    assert work_key(url) == key


@pytest.mark.parametrize(
    "url",
    [
        "https://transformer-circuits.pub/2022/toy_model/index.html",
        "https://www.neelnanda.io/mechanistic-interpretability/getting-started",
        "https://aclanthology.org/venues/blackboxnlp/",  # a venue, not a paper
        "https://github.com/features",  # a GitHub page, not a repository
        "https://github.com/neelnanda-io",  # a user
        "https://github.com/neelnanda-io/TransformerLens/tree/main/demos",  # part of a repo
        "https://www.lesswrong.com/",
        "https://www.youtube.com/@neelnanda2469",
        "#llm-interpretability-tools",
        "mailto:drai2@gmu.edu",
        "",
    ],
)
def test_no_work_key(url: str) -> None:
    assert work_key(url) is None


@pytest.mark.parametrize(
    ("forms", "canonical"),
    [
        (
            [
                "https://transformer-circuits.pub/2022/toy_model/index.html",
                "https://transformer-circuits.pub/2022/toy_model/",
                "http://www.transformer-circuits.pub/2022/toy_model",
                "https://transformer-circuits.pub:443/2022/toy_model#",
            ],
            "https://transformer-circuits.pub/2022/toy_model",
        ),
        (
            [
                "https://www.quantamagazine.org/a-new-approach-20230413/"
                "?mc_cid=ad9a93c472&mc_eid=506130a407",
                "https://quantamagazine.org/a-new-approach-20230413?utm_source=x&utm_medium=y",
                "http://quantamagazine.org:80/a-new-approach-20230413?fbclid=abc",
            ],
            "https://quantamagazine.org/a-new-approach-20230413",
        ),
        (
            ["https://arxiv.org/pdf/2211.00593.pdf", "http://arxiv.org/abs/2211.00593v3"],
            "https://arxiv.org/abs/2211.00593",
        ),
        (
            [
                "https://openreview.net/pdf?id=NpsVSN6o4ul",
                "https://openreview.net/forum?id=NpsVSN6o4ul",
            ],
            "https://openreview.net/forum?id=NpsVSN6o4ul",
        ),
        (
            ["https://dl.acm.org/doi/10.1145/3639372", "doi:10.1145/3639372"],
            "https://doi.org/10.1145/3639372",
        ),
        (
            [
                "https://github.com/NeelNanda-io/TransformerLens#readme",
                "github.com/neelnanda-io/transformerlens/",
            ],
            "https://github.com/neelnanda-io/transformerlens",
        ),
        (
            ["https://example.org/list?b=2&a=1", "https://example.org/list?a=1&b=2"],
            "https://example.org/list?a=1&b=2",
        ),
    ],
)
def test_canonical_url_forms(forms: list[str], canonical: str) -> None:
    assert {canonical_url(form) for form in forms} == {canonical}


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/TransformerLensOrg/TransformerLens/tree/main",
        "https://github.com/transformerlensorg/transformerlens/tree/dev/",
        "https://github.com/TransformerLensOrg/TransformerLens",
    ],
)
def test_a_branch_root_is_the_repository(url: str) -> None:
    assert work_key(url) == "github:transformerlensorg/transformerlens"
    assert canonical_url(url) == "https://github.com/transformerlensorg/transformerlens"


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/TransformerLensOrg/TransformerLens/blob/main/README.md",
        "https://github.com/TransformerLensOrg/TransformerLens/blob/main/setup.py",
        "https://github.com/TransformerLensOrg/TransformerLens/tree/main/demos",
        "https://github.com/TransformerLensOrg/TransformerLens/issues",
    ],
)
def test_a_file_or_folder_in_a_repository_is_not_the_repository(url: str) -> None:
    assert work_key(url) is None
    assert canonical_url(url) != "https://github.com/transformerlensorg/transformerlens"


def test_moved_repositories_have_one_current_key() -> None:
    # cooperleong00's list (lists/upstream) still links the old owners; GitHub redirects them.
    old = work_key("https://github.com/neelnanda-io/TransformerLens")
    new = work_key("https://github.com/TransformerLensOrg/TransformerLens")
    assert old != new  # a URL's key is the repository it names
    assert current_key(old or "") == current_key(new or "") == new
    assert current_key(work_key("https://github.com/alan-cooney/CircuitsVis") or "") == (
        "github:transformerlensorg/circuitsvis"
    )
    assert current_key("github:openai/sparse_autoencoder") == "github:openai/sparse_autoencoder"


def test_canonical_url_keeps_what_matters() -> None:
    # Anchors name parts of a page, query values select content, GitHub paths are case-sensitive.
    assert canonical_url("https://example.org/blog#post-2") == "https://example.org/blog#post-2"
    assert canonical_url("https://example.org/?p=1") != canonical_url("https://example.org/?p=2")
    assert (
        canonical_url("https://github.com/Foo/Bar/blob/Main/README.md")
        == "https://github.com/foo/bar/blob/Main/README.md"
    )
    assert canonical_url("https://example.org:8080/x") == "https://example.org:8080/x"


def test_non_web_urls_pass_through() -> None:
    assert canonical_url("  #llm-interpretability-papers ") == "#llm-interpretability-papers"
    assert canonical_url("mailto:drai2@gmu.edu") == "mailto:drai2@gmu.edu"
    assert canonical_url("images/taxonomy.png") == "images/taxonomy.png"


def test_lesswrong_and_alignment_forum_are_one_post() -> None:
    lw = "https://www.lesswrong.com/s/yivyHaCAmMJ3CqSyj"
    af = "https://www.alignmentforum.org/s/yivyHaCAmMJ3CqSyj"
    assert identity_key(lw) == identity_key(af)
    assert canonical_url(af).startswith("https://alignmentforum.org/")  # still a working link


def test_identity_key_and_kind() -> None:
    assert identity_key("https://arxiv.org/pdf/2211.00593.pdf") == "arxiv:2211.00593"
    url = "https://www.neelnanda.io/mechanistic-interpretability/getting-started/"
    assert identity_key(url) == "https://neelnanda.io/mechanistic-interpretability/getting-started"
    assert key_kind("arxiv:2211.00593") == "arxiv"
    assert key_kind("lesswrong:s/yivyHaCAmMJ3CqSyj") == "lesswrong"
    assert key_kind("https://neelnanda.io/x") == "url"
    assert key_kind("mailto:x@y.z") == "url"


def test_import_is_cheap() -> None:
    import subprocess
    import sys

    code = (
        "import sys, awesomelint.urls, awesomelint.canonical, awesomelint.titles;"
        "print('rapidfuzz' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_plain_urls_never_import_the_parser() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from awesomelint.urls import canonical_url, host_of;"
        "canonical_url('https://arxiv.org/pdf/2211.00593v2.pdf?utm_source=x');"
        "host_of('https://github.com/o/r#readme'); print('yarl' in sys.modules);"
        "canonical_url('https://Bücher.de/'); print('yarl' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


_urls = st.one_of(
    st.text(max_size=60),
    st.builds(
        lambda scheme, host, path, query, fragment: f"{scheme}://{host}/{path}?{query}#{fragment}",
        st.sampled_from(["http", "https", "HTTP"]),
        st.sampled_from(
            [
                "arxiv.org",
                "www.github.com",
                "openreview.net",
                "doi.org",
                "WWW.Example.org:443",
                "lesswrong.com",
            ]
        ),
        st.text(alphabet="abcXYZ019./-_%", max_size=30),
        st.text(alphabet="abc=&_utm019", max_size=20),
        st.text(alphabet="abcreadme", max_size=8),
    ),
)


@given(_urls)
def test_canonical_url_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once


@given(_urls)
def test_work_key_survives_canonicalisation(url: str) -> None:
    key = work_key(url)
    if key is not None:
        assert work_key(canonical_url(url)) == key
