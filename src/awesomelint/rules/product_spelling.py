"""A product name misspelt in prose: ``Github``, ``Javascript``, ``Mac OS``, ``NodeJS``.

awesome-lint's most frequent complaint on submissions.  Only spellings that
are wrong wherever they stand in running text are listed (``Github`` →
``GitHub``); a lower-case form is listed only for brands that are not also
a command or package name (``javascript`` yes, ``numpy`` no).  Never
looked at: code, URLs and link targets, HTML tags, definitions, an entry's
own name (the first link or bold text of a list item: a project spells
itself), image alt text, a lower-case tag such as ``[github]``, and words
glued to ``-``, ``_``, ``.``, ``/`` or ``@`` (``awesome-nodejs``,
``github.io``, ``@github``); ``Mac OS X`` is the name of its day.  The fix
writes the right spelling; in a heading only where the anchor stays the
same (a change of letter case).

Fails::

    - [Octokit](https://github.com/octokit/octokit.js) - Github API client for Javascript.

Passes::

    - [Octokit](https://github.com/octokit/octokit.js) - GitHub API client for JavaScript.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME
from awesomelint.syntax import ATX_HEADING

ID = "AL034"
NAME = "product-spelling"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({CODE})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

# right spelling -> the wrong ones (case-sensitive: each listed form is wrong as written)
_NAMES: dict[str, tuple[str, ...]] = {
    "GitHub": ("Github", "github", "GitHUB", "GItHub"),
    "GitLab": ("Gitlab", "gitlab"),
    "Bitbucket": ("BitBucket",),
    "JavaScript": ("Javascript", "javascript", "JAVASCRIPT", "Java Script", "JavaScipt"),
    "TypeScript": ("Typescript", "typescript"),
    "Node.js": ("NodeJS", "NodeJs", "Nodejs", "nodejs", "nodeJS", "Node.JS", "Node.Js", "node.js"),
    "macOS": ("Mac OS", "MacOS", "MacOs", "MAC OS", "macOs", "Macos"),
    "YouTube": ("Youtube", "youtube", "YOUTUBE"),
    "LinkedIn": ("Linkedin", "linkedin", "LinkedIN"),
    "WordPress": ("Wordpress", "wordpress"),
    "PayPal": ("Paypal",),
    "Stack Overflow": ("Stackoverflow", "StackOverflow", "stackoverflow"),
    "PostgreSQL": ("Postgresql", "PostgresSQL", "PostGreSQL", "PostgreSql"),
    "MySQL": ("Mysql", "MySql", "MYSQL"),
    "MongoDB": ("Mongodb", "MongoDb", "Mongo DB"),
    "GraphQL": ("Graphql", "GraphQl"),
    "TensorFlow": ("Tensorflow", "TensorFLow", "Tensor Flow"),
    "PyTorch": ("Pytorch", "PyTorh", "Py Torch"),
    "NumPy": ("Numpy",),
    "jQuery": ("Jquery", "JQuery", "JQUERY"),
    "PowerShell": ("Powershell",),
    "WebAssembly": ("Webassembly", "webassembly", "Web Assembly"),
    "SQLite": ("Sqlite", "SQlite", "SqLite"),
    "OpenAI": ("Openai", "OpenAi"),
    "ChatGPT": ("Chatgpt", "ChatGpt", "chatGPT", "chatgpt", "Chat GPT"),
    "iOS": ("Ios", "IOs"),
    "iPhone": ("Iphone", "IPhone", "iphone"),
    "Xcode": ("XCode", "xCode"),
    "Elasticsearch": ("ElasticSearch", "Elastic Search"),
    "RabbitMQ": ("Rabbitmq", "RabbitMq"),
    "Vue.js": ("VueJS", "VueJs", "Vuejs", "vuejs"),
    "Next.js": ("NextJS", "NextJs", "Nextjs", "nextjs"),
    "AngularJS": ("Angularjs", "AngularJs"),
    "JetBrains": ("Jetbrains",),
    "IntelliJ": ("Intellij",),
    "PyCharm": ("Pycharm",),
    "Cloudflare": ("CloudFlare",),
    "DigitalOcean": ("Digitalocean", "Digital Ocean"),
    "FastAPI": ("Fastapi", "FastApi"),
    "Dropbox": ("DropBox",),
}
_WRONG: dict[str, str] = {
    wrong: right for right, wrongs in _NAMES.items() for wrong in wrongs if wrong != right
}
# a wrong form standing as a word: not glued to a name, path, domain, handle or tag
_WORD = re.compile(
    r"(?<![\w\-./@#:$~+])("
    + "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(_WRONG, key=len, reverse=True))
    + r")(?![\w\-/@+]|[.:][\w])"  # "node.js:176" is a file, "Node.JS," a word
)
# after a lower-case form, a word that makes it an identifier: the "javascript" protocol
# (``javascript:``), the "nodejs" organisation on GitHub
_IDENTIFIER = re.compile(
    r"\s+(?:git(?:hub|lab)\s+)?(?:protocol|scheme|urls?|org|organi[sz]ation|account|user)\b",
    re.IGNORECASE,
)
_ITEM = r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?"  # a list item, task box included
_MASKS = (
    re.compile(rf"{_ITEM}(?:\*\*)?\[(?:[^\[\]]|\[[^\]]*\])*\]"),  # an entry's name
    re.compile(rf"{_ITEM}\*\*(?:[^*\n]|\*(?!\*))+\*\*"),  # an entry named in bold
    re.compile(r"!\[[^\[\]\n]*\]"),  # image alt text: not shown as prose
    re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\s*\)"),  # targets
    re.compile(r"<[^<>\n]*>"),  # HTML tags and autolinks
    re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+"),  # bare URLs, e-mail
)
# what to look for first, as plain text: each wrong form as listed
_NEEDLES = tuple(sorted({wrong.lower().encode() for wrong in _WRONG}))  # searched in lower case
# bytes a wrong form may not follow: ASCII letters and digits, and the glue of names and URLs
_GLUED = frozenset(b"-./@#:$~+_0123456789abcdefghijklmnopqrstuvwxyz")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")
_BRACKETED = re.compile(r"\[([^\[\]\n]*)\]")
_OS_X = re.compile(r"\s*(?:X\b|\d)")  # "Mac OS X", "Mac OS 9": the names of their day


def _masked(line: str) -> str:
    """``line`` with what is not prose blanked (columns kept)."""
    for pattern in _MASKS:
        line = pattern.sub(lambda m: " " * len(m.group(0)), line)
    return line


def _candidate_lines(ctx: LintContext) -> list[int]:
    """Numbers of the lines where a wrong form may stand unglued (most ``github`` is in URLs).

    A byte search of the whole file, in lower case, per form: far cheaper than a regex
    per line (the lines then searched decide; this only has to let every candidate through).
    """
    data = "\n".join(ctx.code_free_lines).encode("utf-8").lower()  # ASCII only: bytes stay put
    breaks = []
    at = data.find(b"\n")
    while at >= 0:
        breaks.append(at)
        at = data.find(b"\n", at + 1)
    found: set[int] = set()
    for needle in _NEEDLES:
        at = data.find(needle)
        while at >= 0:
            if not at or data[at - 1] not in _GLUED:
                found.add(bisect_right(breaks, at) + 1)
            at = data.find(needle, at + len(needle))
    return sorted(found - ctx.verbatim_lines)


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Look for each wrong form in the prose of every markdown line."""
    for number in _candidate_lines(ctx):
        line = ctx.code_free_lines[number - 1]
        if _DEFINITION.match(line):
            continue
        prose = _masked(line)
        heading = ATX_HEADING.match(line) is not None
        labels = [m.span(1) for m in _BRACKETED.finditer(line)] if "[" in line else []
        for match in _WORD.finditer(prose):
            wrong = ctx.lines[number - 1][match.start() : match.end()]
            right = _WRONG.get(re.sub(r"\s+", " ", wrong))
            if right is None:
                continue
            if right == "macOS" and _OS_X.match(prose, match.end()):
                continue
            if wrong.islower() and _IDENTIFIER.match(prose, match.end()):
                continue
            in_label = any(start <= match.start() < end for start, end in labels)
            if in_label and wrong.islower():
                continue  # "[github]", "[youtube]": a lower-case tag, not prose
            # a heading's anchor must not move: there only a change of letter case is fixed
            fixable = not heading or wrong.lower() == right.lower()
            yield ctx.diagnostic(
                ID,
                options,
                number,
                match.start() + 1,
                f'"{wrong}" is spelt "{right}"',
                fix=Fix.replace(number, match.start() + 1, wrong, right) if fixable else None,
            )
