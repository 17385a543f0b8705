"""GitHub: GraphQL (up to 100 repositories a query) with ``GITHUB_TOKEN``, REST without.

GraphQL (``POST {root}/graphql``): one aliased ``repository(owner:, name:)``
field per repository, each asking ``nameWithOwner isArchived pushedAt
stargazerCount``; a missing repository comes back ``null`` with an error of
type ``NOT_FOUND`` whose ``path`` names the alias.  A renamed or transferred
repository answers under its new ``nameWithOwner``.

REST (``GET {root}/repos/{owner}/{repo}``): ``full_name``, ``archived``,
``pushed_at``, ``stargazers_count``; a renamed repository answers ``301``
with a ``Location`` of ``{root}/repositories/{id}``, a deleted one ``404``.
Unauthenticated REST allows 60 requests an hour: when they are spent
(``403`` with ``x-ratelimit-remaining: 0``) the provider is reported down once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin

from awesomelint.meta.http import Api, ApiResponse, ProviderError
from awesomelint.meta.model import Record
from awesomelint.meta.providers.base import expect, text_of

PAGE = 100
_FIELDS = "nameWithOwner isArchived pushedAt stargazerCount"
_MAX_REDIRECTS = 3


def token() -> str | None:
    """The token from the environment (never from config files)."""
    return os.environ.get("GITHUB_TOKEN") or None


class GitHub:
    """Repository state: archived, moved, missing, last push, stars."""

    name = "github"

    def __init__(self, root: str) -> None:
        self.root = root
        self.token = token()
        self.batch = PAGE if self.token else 1

    def accepts(self, key: str) -> bool:
        return key.startswith("github:")

    async def fetch(self, api: Api, keys: Sequence[str]) -> list[Record]:
        if self.token:
            return await self._graphql(api, keys)
        return [await self._rest(api, key) for key in keys]

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        if self.token and self.root.startswith("https:"):
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    async def _graphql(self, api: Api, keys: Sequence[str]) -> list[Record]:
        fields = []
        for n, key in enumerate(keys):
            owner, _, repo = key.partition(":")[2].partition("/")
            fields.append(
                f"r{n}: repository(owner: {json.dumps(owner)}, name: {json.dumps(repo)})"
                f" {{ {_FIELDS} }}"
            )
        query = "query { " + " ".join(fields) + " }"
        response = await api.request(
            self.name,
            "POST",
            f"{self.root}/graphql",
            json={"query": query},
            headers=self._headers(),
            ids=len(keys),
        )
        _raise_for_limits(response)
        if response.status != 200:
            raise ProviderError(f"HTTP {response.status} from {self.root}/graphql")
        body = response.json()
        expect(isinstance(body, dict), self.name, "GraphQL answer is not an object")
        data = body.get("data")
        errors = body.get("errors") or []
        missing = {
            str(e["path"][0])
            for e in errors
            if isinstance(e, dict) and e.get("type") == "NOT_FOUND" and e.get("path")
        }
        others = [e for e in errors if not (isinstance(e, dict) and e.get("type") == "NOT_FOUND")]
        if others or not isinstance(data, dict):
            first = others[0] if others else {}
            message = first.get("message", "no data") if isinstance(first, dict) else first
            raise ProviderError(f"the GitHub GraphQL API refused the query: {message}")
        records = []
        for n, key in enumerate(keys):
            repo = data.get(f"r{n}")
            if repo is None:
                expect(f"r{n}" in missing, self.name, f"r{n} is null without NOT_FOUND")
                records.append(Record(key, self.name, found=False))
                continue
            expect(isinstance(repo, dict), self.name, f"r{n} is not an object")
            records.append(
                _record(
                    key,
                    repo.get("nameWithOwner"),
                    repo.get("isArchived"),
                    repo.get("pushedAt"),
                    repo.get("stargazerCount"),
                )
            )
        return records

    async def _rest(self, api: Api, key: str) -> Record:
        url = f"{self.root}/repos/{key.partition(':')[2]}"
        for _ in range(_MAX_REDIRECTS + 1):
            response = await api.request(self.name, "GET", url, headers=self._headers(), ids=1)
            _raise_for_limits(response)
            if response.status in (301, 302, 307, 308) and response.headers.get("location"):
                url = urljoin(url, response.headers["location"])
                continue
            if response.status in (404, 410, 451):
                return Record(key, self.name, found=False)
            if response.status != 200:
                raise ProviderError(f"HTTP {response.status} from {url}")
            repo = response.json()
            expect(isinstance(repo, dict), self.name, "repository is not an object")
            return _record(
                key,
                repo.get("full_name"),
                repo.get("archived"),
                repo.get("pushed_at"),
                repo.get("stargazers_count"),
            )
        raise ProviderError(f"more than {_MAX_REDIRECTS} redirects for {key}")


def _raise_for_limits(response: ApiResponse) -> None:
    if response.status in (403, 429) and response.headers.get("x-ratelimit-remaining") == "0":
        raise ProviderError("rate limit exhausted (set GITHUB_TOKEN for 5,000 requests an hour)")
    if response.status == 401:
        raise ProviderError("bad credentials (check GITHUB_TOKEN)")


def _record(key: str, name: Any, archived: Any, pushed: Any, stars: Any) -> Record:
    full = text_of(name)
    expect("/" in full, "github", f"repository {key} without owner/name")
    expect(isinstance(archived, bool), "github", f"repository {key} without archived flag")
    return Record(
        key=key,
        provider="github",
        name=full,
        archived=bool(archived),
        pushed_at=text_of(pushed),
        stars=stars if isinstance(stars, int) and not isinstance(stars, bool) else None,
    )
