"""Generic URL normalisation on yarl: IDNA, IPv6, dot segments, percent-encoding, hosts."""

from __future__ import annotations

import string
from urllib.parse import parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesomelint.urls import (
    REPORTED_TRACKING_PARAMS,
    TRACKING_PARAMS,
    canonical_url,
    host_of,
    identity_key,
    is_tracking_param,
    site_of,
    split,
)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        # IDNA: one host whatever the spelling, never a host cut at the first non-ASCII letter
        ("https://Bücher.de/Path/", "https://xn--bcher-kva.de/Path"),
        ("https://BÜCHER.de/Path", "https://xn--bcher-kva.de/Path"),
        ("https://xn--bcher-kva.de/Path", "https://xn--bcher-kva.de/Path"),
        ("http://www.bücher.de./Path", "https://xn--bcher-kva.de/Path"),
        ("https://例え.jp/", "https://xn--r8jz45g.jp"),
        # IPv6 literals keep their brackets (and a non-default port)
        ("https://[::1]:8080/x", "https://[::1]:8080/x"),
        ("http://[2001:DB8::1]/x/", "https://[2001:db8::1]/x"),
        # dot segments
        ("https://example.org/a/./b/../c", "https://example.org/a/c"),
        ("https://example.org/a/b/../../../c", "https://example.org/c"),
        # percent-encoding: unreserved characters decoded, the rest in upper case
        ("https://example.org/%7Euser", "https://example.org/~user"),
        ("https://example.org/%7euser/%41", "https://example.org/~user/A"),
        ("https://example.org/caf%c3%a9", "https://example.org/caf%C3%A9"),
        ("https://example.org/café", "https://example.org/caf%C3%A9"),
        ("https://example.org/a%2Fb", "https://example.org/a%2Fb"),  # an escaped slash stays
        ("https://example.org/a b", "https://example.org/a%20b"),
    ],
)
def test_generic_normalisation(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical
    assert canonical_url(canonical) == canonical


def test_spellings_of_one_url_share_an_identity() -> None:
    forms = ["https://Bücher.de/~x", "http://xn--bcher-kva.de/%7Ex/", "https://bücher.de/a/../~x"]
    assert len({identity_key(form) for form in forms}) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "https://example.org:99999/",
        "https://exa mple.org/",
        "https://",
        "ftp://a.b/",
    ],
)
def test_what_is_not_a_web_url_is_not_normalised(url: str) -> None:
    assert split(url) is None
    assert canonical_url(url) == url.strip()


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://Bücher.de/Path/", "xn--bcher-kva.de"),
        ("https://[::1]:8080/x", "::1"),
        ("https://EXAMPLE.org./x", "example.org"),  # `host.` and `host` are one host
        ("https://user:pw@www.Example.org:8443/x", "www.example.org"),
        ("mailto:a@b.org", ""),
        ("#anchor", ""),
        ("http://[::1", ""),
    ],
)
def test_host_of(url: str, host: str) -> None:
    assert host_of(url) == host


def test_site_of_drops_www() -> None:
    assert site_of("https://www.Example.org/x") == "example.org"


def test_one_list_of_tracking_parameters() -> None:
    assert is_tracking_param("UTM_Source") and is_tracking_param("fbclid")
    assert not is_tracking_param("id")
    # lint reports only the unambiguous ones; comparison ignores them all
    assert "si" in TRACKING_PARAMS and "si" not in REPORTED_TRACKING_PARAMS
    assert REPORTED_TRACKING_PARAMS < TRACKING_PARAMS
    assert canonical_url("https://youtu.be/x?si=abc&t=3") == "https://youtu.be/x?t=3"


_pchar = st.text(
    alphabet=string.ascii_letters + string.digits + "-._~!$&'()*+,;=:@/?%#[] ", max_size=12
)
_plain_urls = st.builds(
    lambda scheme, host, port, path, query, fragment: (
        f"{scheme}://{host}{port}/{path}" + (f"?{query}" if query else "") + f"#{fragment}"
    ),
    st.sampled_from(["http", "https", "HTTPS"]),
    st.sampled_from(
        ["example.org", "WWW.Example.ORG", "a-b.c.d", "xn--bcher-kva.de", "a..b", "x."]
    ),
    st.sampled_from(["", ":80", ":8080", ":99999", ":443"]),
    _pchar,
    _pchar,
    _pchar,
)


@given(_plain_urls)
def test_the_fast_path_agrees_with_yarl(url: str) -> None:
    """URLs that skip the parser come out as yarl would have made them."""
    from awesomelint.urls import parts

    plain = parts._plain(url)
    if plain is None:
        return
    parsed = parts._parse(url)
    assert parsed is not None
    host, _, port, path, query, fragment = plain
    assert (host, port, path, fragment) == (
        parsed.raw_host,
        parsed.explicit_port,
        parsed.raw_path,
        parsed.raw_fragment,
    )
    assert parse_qsl(query, keep_blank_values=True) == parse_qsl(
        parsed.raw_query_string, keep_blank_values=True
    )
