"""Scaffold a claims file from a source: one record per body mention, ready for a fact-checker to edit.

:func:`scaffold` turns each numeric mention of the article body (:mod:`numclaims.extract`) into a claim
record that validates and passes ``numclaims check`` as it stands:

* ``quote``: the shortest verbatim span around the numeral, grown word by word (up to three words each
  side, inside one line), that occurs once in the source; ``start`` is added when none is unique;
* ``text``, ``value``, ``unit``, ``qualifier`` (and ``low``/``high`` of a range) as read; a qualifier
  carried over from a coordinated number ("as many as 400 adolescents and 1,200 adults") is written as
  an explicit ``interval`` with a ``rule``, since the words of ``text`` alone do not say it;
* dates: ``value: null``, ``unit: date``; a date that :func:`numclaims.periods.resolve` cannot read
  ("September 23") gets an explicit ``date: {start, end}`` in the publication year (or the year before
  when that would fall after publication);
* ``measure.what: "TODO: what is counted"`` and ``attribution: [{who: "TODO: who said it"}]``, which
  validate but are plainly unfinished; ``status: unreviewed``.

The YAML is written by hand (strings as JSON double-quoted scalars, which YAML reads verbatim) so that
the file keeps a stable, readable layout.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from .claimvalues import claim_interval, value_problems
from .errors import one_line
from .extract import Mention, body_span, find_mentions, quote_numeral_problems
from .periods import resolve
from .records import Claim
from .sources import find_all

TODO_WHAT = "TODO: what is counted"
TODO_WHO = "TODO: who said it"
TODO_ROLE = "TODO: their role (person, body, outlet)"


def times_in(text: str, quote: str) -> int:
    """How many times ``quote`` occurs in ``text``, overlapping occurrences included, as the loader counts
    them (:func:`numclaims.sources.find_all`): "in Puno. The ministry ... in Puno. The" twice in a row is two
    occurrences that :meth:`str.count` counts once."""
    return len(find_all(text, quote))


def unique_quote(text: str, start: int, end: int, max_words: int = 3) -> tuple[str, int, bool]:
    """A verbatim span of ``text`` holding ``text[start:end]``, widened by whole words inside its line.

    Widens alternately to the right and to the left until the span occurs once in ``text`` (or
    ``max_words`` words were added on each side).

    Returns:
        ``(quote, quote start, unique)``.
    """
    line_start = text.rfind("\n", 0, start) + 1
    nl = text.find("\n", end)
    line_end = nl if nl >= 0 else len(text)
    a, b = start, end

    def grow_right(b: int) -> int:
        m = re.match(r"\s*[^\s]+", text[b:line_end])
        return b + m.end() if m else b

    def grow_left(a: int) -> int:
        m = re.search(r"[^\s]+\s*$", text[line_start:a])
        return line_start + m.start() if m else a

    # start with one word of context on the right when there is one: "300 women" reads better than "300"
    b = grow_right(b)
    for _ in range(3):  # never end on a function word: "hundreds of Peruvians", not "hundreds of"
        if re.search(r"\b(?:of|the|a|an|and|or|to|in|on|for|by|with|from|at|as)$", text[a:b], re.IGNORECASE) is None:
            break
        b = grow_right(b)
    for _ in range(max_words):
        if times_in(text, text[a:b]) == 1:
            break
        b2 = grow_right(b)
        if times_in(text, text[a:b2]) == 1:
            b = b2
            break
        a2 = grow_left(a)
        b, a = b2, a2
    q = text[a:b]
    while len(q) > end - start and q[-1] in " ,;:.!?()\"“”'":
        q = q[:-1]
    return q, a, times_in(text, q) == 1


def _slug(s: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", s.lower())).strip("-")


def _date_spec(value: str, published: dt.date) -> dict[str, str] | None:
    """``{start, end}`` ISO dates for a partial ISO date value, placed in the publication year."""
    m = re.fullmatch(r"--(\d\d)-(\d\d)", value)
    if m:
        month, day = int(m.group(1)), int(m.group(2))
        year = published.year
        try:
            d = dt.date(year, month, day)
            if d > published:
                d = dt.date(year - 1, month, day)
        except ValueError:
            return None
        return {"start": d.isoformat(), "end": d.isoformat()}
    return None


def _record(men: Mention, cid: str, text: str, published: dt.date) -> dict[str, Any]:
    quote, qstart, unique = unique_quote(text, men.start, men.end)
    rec: dict[str, Any] = {"id": cid, "quote": quote}
    if not unique:
        rec["start"] = qstart
    written = men.text
    if men.kind == "age":
        written = re.sub(r"(?:-|\s)old$", "", written)
        written = re.sub(r"-year$", " years", written) if written.endswith("-year") else written
    rec["text"] = written
    if men.unit == "date":
        rec.update(value=None, unit="date")
        try:
            resolve(written, published)
        except ValueError:
            spec = _date_spec(str(men.value), published)
            if spec:
                rec["date"] = spec
    else:
        rec.update(value=men.value, unit=men.unit, qualifier=men.qualifier)
        if men.qualifier == "range" and men.low is not None and men.high is not None:
            rec.update(low=men.low, high=men.high)
    rec["measure"] = {"what": TODO_WHAT}
    rec["attribution"] = [{"who": TODO_WHO, "role": TODO_ROLE}]
    rec["status"] = "unreviewed"
    # the record must agree with its own words; where the context says more than the words, make it explicit
    try:
        claim = Claim.model_validate(rec)
        problems = value_problems(claim) + quote_numeral_problems(claim)
    except Exception:  # noqa: BLE001 - fall back to the plainest valid record below
        problems = [("text", "text-unreadable", "unreadable")]
    if problems and all(f == "qualifier" for f, *_ in problems) and men.qualifier in ("up_to", "more_than", "at_least",
                                                                                      "less_than"):
        # the interval the context gives (read without the words of ``text``), written out explicitly
        iv = claim_interval(Claim.model_validate({**rec, "text": None}))
        # the qualifier stays the one the context gives, as a hand file writes it ("as many as 400 adolescents
        # and 1,200 adults": 1,200 up to), with its interval
        rec["interval"] = [iv.low, iv.high] if iv is not None else [None, None]
        rec["rule"] = ("TODO: confirm; a qualifier written before a coordinated number governs this one too "
                       f"(read as {men.qualifier.replace('_', ' ')})")
    elif problems:
        rec.pop("text", None)
    return rec


def _y(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 2**53 else repr(v)
    if isinstance(v, int):
        return str(v)
    # text: a double-quoted scalar from the YAML library's own emitter, which escapes what a reader would
    # take as a line break or markup (newline, NEL, U+2028/U+2029, C0 and C1 controls), so no text of the
    # source can inject keys into the scaffold
    return _emit(str(v))


def _emit(text: str) -> str:
    return yaml.dump(text, Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True, width=1 << 30).rstrip("\n")


def render(article_id: str, source_id: str, records: list[dict[str, Any]], title: str,
           checks: list[dict[str, Any]] | None = None, header: list[str] | None = None) -> str:
    """The YAML text of a scaffolded claims file (``checks``: check mappings; ``header``: comment lines
    replacing the default ones after the first). Every text is a double-quoted scalar written by the YAML
    emitter, and the title in the first comment has its control characters and line separators escaped
    (:func:`numclaims.errors.one_line`): a source title or quote holding a newline, NEL or U+2028 cannot
    add keys to the file."""
    lines = [
        f"# Numeric claims of {one_line(str(title), 200)} -- scaffolded by `numclaims new`; edit before use.",
        "# Every record below is one number of the article body, read by numclaims.extract. Replace each",
        f"# {TODO_WHAT!r} and {TODO_WHO!r}, check value/unit/qualifier against the words, merge or",
        "# drop records that are not claims (move them to `waived:` with a reason), then add `checks:`.",
    ]
    if header is not None:
        lines[1:] = header
    lines += [
        f"article: {article_id}",
        f"source: {source_id}",
        "",
        "claims:",
    ]
    for r in records:
        first = True
        for k, v in r.items():
            lead = "  - " if first else "    "
            first = False
            if k == "measure":
                lines.append(f"{lead}measure:")
                for mk, mv in v.items():  # a period spelled out: {start, end} dates
                    lines.append(f"      {mk}: " + (f"{{start: {mv['start']}, end: {mv['end']}}}" if isinstance(mv, dict)
                                                    else _y(mv)))
            elif k == "attribution":
                lines.append(f"{lead}attribution:")
                for a in v:
                    lines.append("      - {" + ", ".join(f"{ak}: {_y(av)}" for ak, av in a.items()) + "}")
            elif k == "date":
                lines.append(f"{lead}date: {{start: {v['start']}, end: {v['end']}}}")
            elif k == "interval":
                lines.append(f"{lead}interval: [{_y(v[0])}, {_y(v[1])}]")
            elif isinstance(v, list):
                lines.append(f"{lead}{k}: [" + ", ".join(_y(x) for x in v) + "]")
            else:
                lines.append(f"{lead}{k}: {_y(v)}")
        lines.append("")
    lines += render_checks(checks or [])
    lines += ["waived: []", ""]
    return "\n".join(lines)


def render_checks(checks: list[dict[str, Any]]) -> list[str]:
    """The ``checks:`` lines of a claims file for check mappings (lists written in flow style)."""
    if not checks:
        return ["checks: []", ""]
    lines = ["checks:"]
    for ch in checks:
        for i, (k, v) in enumerate(ch.items()):
            lead = "  - " if i == 0 else "    "
            lines.append(f"{lead}{k}: " + ("[" + ", ".join(_y(x) for x in v) + "]" if isinstance(v, list) else _y(v)))
        lines.append("")
    return lines


def scaffold(article_id: str, source: Any) -> str:
    """The claims YAML for ``source`` (a :class:`numclaims.sources.Source`) under ``article_id``.

    Raises:
        ValueError: the article body holds no numeric mention (a claims file needs at least one claim).
    """
    markers = (source.meta.body.start, source.meta.body.end) if source.meta.body is not None else None
    body = body_span(source.text, markers)
    ms = [m for m in find_mentions(source.text, body=body) if m.region == "body"]
    if not ms:
        raise ValueError(f"no numeric mention in the body of source {source.meta.id!r}")
    prefix = article_id[: 120 - 12]
    records = []
    for i, m in enumerate(ms, 1):
        tail = _slug(m.text)[:40].strip("-") or "n"
        cid = f"{prefix}-{i:02d}-{tail}"[:120].strip("-")
        records.append(_record(m, cid, source.text, source.meta.published))
    return render(article_id, source.meta.id, records, source.meta.title)
