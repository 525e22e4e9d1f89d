"""ClaimReview (schema.org) of the reviewed claims of an article, as a publisher can post it.

Who publishes the reviews and where they live are the project's :class:`ReportConfig`, read from
``numclaims.toml`` (table ``[claimreview]``) or ``[tool.numclaims.claimreview]`` of ``pyproject.toml``
(:func:`load_config`); ``numclaims report`` and ``numclaims export`` can override it with ``--author``,
``--author-url`` and ``--base-url``. The reviewing organisation's name (``author``) and home page
(``author_url``) and the public address of the ``reports/`` folder (``base_url``) are required as soon as an
article has a reviewed claim: without them no ClaimReview is written and the article is an input error
(:class:`ClaimReviewConfigError`), never a placeholder organisation or a relative ``url``. Both addresses
must be absolute ``http(s)://`` URLs (a ``javascript:`` or ``data:`` address is refused).

Sources:

* schema.org ClaimReview, Claim, Rating, CreativeWork (https://schema.org/ClaimReview, version 29.x): the
  vocabulary; ``tests/data/schemaorg-claimreview-subset.json`` holds the part the tests validate against.
* Google Search Central, "Fact Check (ClaimReview) structured data"
  (https://developers.google.com/search/docs/appearance/structured-data/factcheck): required
  ``claimReviewed``, ``reviewRating`` (with ``alternateName``), ``url``; recommended ``author``,
  ``itemReviewed`` (a ``Claim`` with ``author``, ``datePublished``, ``appearance``); a 1 (worst) to 5 (best)
  rating scale; ``claimReviewed`` "less than 75 characters to minimize wrapping when displayed on a mobile
  device".
"""

from __future__ import annotations

import re
import tomllib
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .codes import CodedError
from .errors import ErrorLine, reading_problem
from .paths import read_input
from .verdicts import worst_by_claim

if TYPE_CHECKING:  # pydantic models; `numclaims --help` loads this module and not pydantic
    from .resultmodel import ClaimResult, Results, SourceRef

#: ``(status, worst verdict class) -> (ratingValue, alternateName)`` of the ClaimReview export.
#: The verdict class is ``"inconsistent"``, ``"tension"`` or ``"other"`` (consistent, unverifiable or
#: no check). Scale 1 (worst) to 5 (best), as Google's fact-check markup documentation asks: the closer to
#: ``bestRating``, the truer. The reviewer's status decides the band; the arithmetic only lowers it.
RATINGS: dict[tuple[str, str], tuple[int, str]] = {
    ("verified", "other"): (5, "Accurate"),
    ("verified", "tension"): (4, "Accurate, at the limit of other figures"),
    ("verified", "inconsistent"): (4, "Accurate; other figures in the article disagree"),
    ("unverifiable", "other"): (3, "Unproven"),
    ("unverifiable", "tension"): (3, "Unproven"),
    ("unverifiable", "inconsistent"): (2, "Unproven; contradicts other figures"),
    ("disputed", "other"): (2, "Disputed"),
    ("disputed", "tension"): (2, "Disputed"),
    ("disputed", "inconsistent"): (1, "Incorrect"),
}
BEST_RATING, WORST_RATING = 5, 1

#: Google's advice for ``claimReviewed``: under 75 characters.
CLAIM_REVIEWED_MAX = 75

CONFIG_KEYS = ("author", "author_type", "author_url", "base_url")
#: what each required key is, for the error line
_REQUIRED = {
    "author": 'the reviewing organisation\'s name (author = "Fact Desk")',
    "author_url": 'its home page (author_url = "https://factdesk.example/")',
    "base_url": 'the public address of the reports/ folder (base_url = "https://factdesk.example/reports")',
}
_FLAGS = {"author": "--author", "author_url": "--author-url", "base_url": "--base-url"}


def absolute_http_url(url: Any) -> bool:
    """True when ``url`` is text of an absolute ``http://`` or ``https://`` address with a host and no
    white space, control character, quote or angle bracket (so ``javascript:``, ``data:``, ``//host`` and
    relative paths are all refused)."""
    if not isinstance(url, str) or not re.fullmatch(r"[^\s\x00-\x1f\x7f-\x9f<>\"'`]+", url):
        return False
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


@dataclass(frozen=True)
class ReportConfig:
    """Who publishes the reviews and where the reports live.

    Attributes:
        author: name of the reviewing organisation or person (ClaimReview ``author.name``), or None (not
            configured: no ClaimReview can be published).
        author_type: ``"Organization"`` or ``"Person"``.
        author_url: the reviewer's home page (absolute http(s) URL), or None.
        base_url: the public address of the ``reports/`` folder (``https://example.org/reports``, absolute
            http(s), no query or fragment); the review of claim C of article A is then at
            ``<base_url>/A/report.html#claim-C``. None: not configured.
        origin: the file the configuration belongs in (named by error lines; not compared).

    Raises:
        ValueError: an empty ``author``, a bad ``author_type``, or an address that is not absolute http(s).
    """

    author: str | None = None
    author_type: str = "Organization"
    author_url: str | None = None
    base_url: str | None = None
    origin: str = field(default="numclaims.toml", compare=False)

    def __post_init__(self) -> None:
        if self.author_type not in ("Organization", "Person"):
            raise ValueError(f"author_type must be 'Organization' or 'Person', got {self.author_type!r}")
        if self.author is not None and (not self.author.strip() or re.search(r"[\x00-\x1f\x7f-\x9f]", self.author)):
            raise ValueError(f"author must be a name on one line, got {self.author!r}")
        for key in ("author_url", "base_url"):
            v = getattr(self, key)
            if v is not None and not absolute_http_url(v):
                raise ValueError(f"{key} must be an absolute http:// or https:// address, got {v!r}")
        if self.base_url is not None:
            parts = urllib.parse.urlsplit(self.base_url)
            if parts.query or parts.fragment or "#" in self.base_url or "?" in self.base_url:
                raise ValueError(f"base_url must be a folder address without ?query or #fragment, got {self.base_url!r}")

    def missing(self) -> list[str]:
        """The keys a ClaimReview needs that are not set, in :data:`CONFIG_KEYS` order."""
        return [k for k in _REQUIRED if getattr(self, k) is None]


class ClaimReviewConfigError(ValueError):
    """An article has reviewed claims but the publisher is not configured; ``line`` is the
    :class:`numclaims.errors.ErrorLine` to print (the configuration file, the first reviewed claim, the
    first missing key)."""

    def __init__(self, line: Any):
        self.line = line
        super().__init__(str(line))


def load_config(root: Path) -> ReportConfig:
    """The :class:`ReportConfig` of a project.

    Read from ``root/numclaims.toml`` (table ``[claimreview]``) when it exists, else from
    ``[tool.numclaims.claimreview]`` of ``root/pyproject.toml``, else the defaults (nothing configured).
    Keys: ``author``, ``author_type``, ``author_url``, ``base_url``.

    Raises:
        ValueError: an unknown key, a value that is not text, a bad ``author_type``, an address that is
            not absolute http(s), or invalid TOML (the message names the file).
    """
    root = Path(root)
    table: dict[str, Any] = {}
    origin = "numclaims.toml"
    if (root / "numclaims.toml").is_file():
        data = _read_toml(root / "numclaims.toml")
        table = data.get("claimreview", {})
    elif (root / "pyproject.toml").is_file():
        data = _read_toml(root / "pyproject.toml")
        table = data.get("tool", {}).get("numclaims", {}).get("claimreview", {})
        if table:
            origin = "pyproject.toml"
    if not isinstance(table, dict):
        raise CodedError("config-invalid", f"{origin}: claimreview must be a table, got {table!r}")
    unknown = sorted(set(table) - set(CONFIG_KEYS))
    if unknown:
        raise CodedError("config-invalid", f"{origin}: unknown claimreview key(s) {unknown}; expected some of {list(CONFIG_KEYS)}")
    for k, v in table.items():
        if not isinstance(v, str):
            raise CodedError("config-invalid", f"{origin}: claimreview.{k} must be text, got {v!r}")
    try:
        return ReportConfig(**table, origin=origin)
    except ValueError as e:
        raise CodedError("config-invalid", f"{origin}: claimreview: {e}") from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_input(path).decode("utf-8"))  # the input guard: no FIFO, no device
    except tomllib.TOMLDecodeError as e:
        raise CodedError("config-invalid", f"{path.name}: invalid TOML: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        why = reading_problem(e) if isinstance(e, OSError) else f"not valid UTF-8 ({e.reason})"
        raise CodedError("file-unreadable", f"{path.name}: cannot read file: {why}") from None


def rating_for(status: str, worst: str | None) -> tuple[int, str]:
    """``(ratingValue, alternateName)`` of a reviewed claim (see :data:`RATINGS`).

    Raises:
        ValueError: for ``status`` ``"unreviewed"`` (nothing to publish) or an unknown status.
    """
    cls = worst if worst in ("inconsistent", "tension") else "other"
    try:
        return RATINGS[(status, cls)]
    except KeyError:
        raise ValueError(f"no rating for status {status!r}; expected one of verified, disputed, unverifiable") from None


def claim_reviewed(quote: str, limit: int = CLAIM_REVIEWED_MAX, numeral: str | None = None) -> str:
    """The quote as a short readable sentence for ``claimReviewed``.

    White space runs become one space; leading and trailing ellipses, dashes and commas are dropped; the
    first letter is capitalised; a text longer than ``limit`` characters is cut at the last word boundary
    that leaves room for "\u2026" (a single word longer than the limit is cut inside it); otherwise a full
    stop is added unless the text already ends with ``.``, ``!``, ``?`` or a closing quote after one. When
    ``numeral`` (the claim's ``text``) is given and that cut would drop it, the quote's head goes instead:
    "\u2026" and the words from the first word boundary that leaves the rest within ``limit`` ("\u2026found
    mosquito breeding sites at 864 of them, or 31 percent."), so the claim reviewed still holds its figure.
    The result is at most ``limit`` characters (Google's advice: under 75). Raises nothing; an empty quote
    gives an empty string.
    """
    s = " ".join(quote.split())
    s = re.sub(r"^(?:\.\.\.|\u2026|[-\u2013\u2014,;:\s])+", "", s)
    s = re.sub(r"(?:\.\.\.|\u2026|[-\u2013\u2014,;:\s])+$", "", s)
    if not s:
        return ""
    s = s[0].upper() + s[1:]
    num = " ".join(numeral.split()) if numeral else ""
    if len(s) > limit and num and num in s and s.find(num) + len(num) > limit - 1:
        tail = s if re.search(r"[.!?][\"'\u201d\u2019)]*$", s) else s + "."
        room = limit - 1  # the ellipsis
        sp = tail.find(" ", len(tail) - room - 1)
        if 0 <= sp < s.find(num) and len(tail) - sp - 1 <= room:
            return "\u2026" + tail[sp + 1:]
    if len(s) > limit:
        cut = s[:limit]  # a space at position limit - 1 or earlier leaves room for the ellipsis
        sp = cut.rfind(" ")
        head = cut[:sp] if sp > 0 else cut[:limit - 1]
        return head.rstrip(" ,;:-\u2013\u2014") + "\u2026"
    if not re.search(r"[.!?][\"'\u201d\u2019)]*$", s) and len(s) < limit:
        s += "."
    return s


def speaker(claim: ClaimResult, source: SourceRef) -> dict[str, Any]:
    """``itemReviewed.author``: the first link of the claim's attribution chain (the original speaker), as a
    ``Person`` when its ``kind`` is ``person``, else an ``Organization`` (an agency, NGO or body, as most
    number sources are; write ``kind: person`` on a named individual). A claim without attribution falls
    back on the outlet (``source.publisher``)."""
    chain = claim.attribution
    if chain:
        first = chain[0]
        return {"@type": "Person" if first.kind == "person" else "Organization", "name": first.who}
    return {"@type": "Organization", "name": source.publisher}


def claimreview(results: Results, config: ReportConfig) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects (JSON-LD) for every reviewed claim (status other than unreviewed),
    in claims-file order; ``[]`` when no claim is reviewed.

    Each has what Google's fact-check structured data requires (``claimReviewed``: :func:`claim_reviewed`
    of the quote, keeping its numeral; ``reviewRating`` with ``alternateName``; an absolute ``url``
    ``<base_url>/<article>/report.html#claim-<id>``) and recommends (``author``: the configured reviewing
    organisation with its ``url``; ``itemReviewed``: a ``Claim`` whose ``author`` is the first speaker of the
    attribution chain (:func:`speaker`), with the source's publication date and, as ``appearance``, the
    article (a ``CreativeWork`` with headline, date, url and the outlet as ``publisher``);
    ``ratingValue``/``bestRating``/``worstRating``), plus ``datePublished`` (the review date, when the record
    has one) and ``ratingExplanation`` (the reviewer's notes). The rating comes from :func:`rating_for`.

    Raises:
        ClaimReviewConfigError: a claim is reviewed and ``config`` lacks ``author``, ``author_url`` or
            ``base_url``.
    """
    reviewed = [c for c in results.claims if c.status != "unreviewed"]
    if not reviewed:
        return []
    missing = config.missing()
    if missing:

        what = "; ".join(_REQUIRED[k] for k in missing)
        raise ClaimReviewConfigError(ErrorLine(
            config.origin, 0, reviewed[0].id, f"claimreview.{missing[0]}",
            f"not set, and article {results.article} has {len(reviewed)} reviewed claim(s) to publish as "
            f"ClaimReview: write {what} under [claimreview] in {config.origin}, or pass "
            + " ".join(_FLAGS[k] for k in missing), "config-missing"))
    src = results.source
    worst = worst_by_claim(results)
    publisher = {"@type": "Organization", "name": src.publisher}
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": src.title,
                                  "datePublished": src.published, "publisher": publisher}
    if src.author:
        appearance["author"] = {"@type": "Person", "name": src.author}
    if absolute_http_url(src.url):
        appearance["url"] = src.url
    author = {"@type": config.author_type, "name": config.author, "url": config.author_url}
    base = config.base_url.rstrip("/")
    article = urllib.parse.quote(results.article, safe="")
    out = []
    for c in reviewed:
        value, name = rating_for(c.status, worst[c.id])
        rating: dict[str, Any] = {"@type": "Rating", "ratingValue": value, "bestRating": BEST_RATING,
                                  "worstRating": WORST_RATING, "alternateName": name}
        if c.notes:
            rating["ratingExplanation"] = c.notes
        item = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}/{article}/report.html#claim-{urllib.parse.quote(c.id, safe='')}",
            "claimReviewed": claim_reviewed(c.quote, numeral=c.text),
            "itemReviewed": {"@type": "Claim", "author": speaker(c, src), "datePublished": src.published,
                             "appearance": appearance},
            "author": author,
            "reviewRating": rating,
        }
        if c.reviewed_on:
            item["datePublished"] = c.reviewed_on
        out.append(item)
    return out
