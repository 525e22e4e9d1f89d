"""The check engine: a loaded article -> intervals, periods, check results -> the results.json object.

:func:`check_article` is a plain function of one claims file (path in, typed results out) so that a process
pool or a distributed scheduler can call it per article (see :mod:`numclaims.parallel`).

results.json contract (extended, never broken): an object with ``article`` (id), ``source`` (``id``,
``title``, ``published``, ...), ``claims`` (each ``id``, ``quote``, ``start``, ``end``, ``value``, ``unit``,
``qualifier``, ``interval`` as ``[low, high]`` with ``null`` for an unbounded side; dates give ISO strings),
``derived`` (only when the claims file has ``derived:`` figures; see :func:`numclaims.derived.derived_records`),
``checks`` (each ``id``, ``kind``, ``claims``, ``verdict``, ``explanation``, ``note`` (the record's
``note:``, or null), ``relation`` where the record declares one; ``external`` checks add
``findings``: ``[{code, detail, evidence: [row ids]}]``, see :mod:`numclaims.checks.external`; a check
proposed by ``numclaims new``/``suggest`` adds ``status: "proposed"`` and ``proposed_because``, and its id is listed in
``summary.proposed``; a claim with fields drafted by ``numclaims new`` not yet confirmed adds ``guessed``),
``summary`` and ``coverage``
(``{mentions, claimed, waived, missing: [{start, end, text}]}``: body numbers that no claim or waiver
accounts for, see :mod:`numclaims.coverage`), ``waivers`` (``[{text, reason}]``: the numbers the
fact-checker set aside, with the reason written on the record) and ``provenance``: the files the results were computed from
and the hex SHA-256 of their text as read, ``{numclaims: version, claims_file: {path, sha256}, source_text:
{path, sha256}, source_meta: {path, sha256}}`` (paths relative to the project root, ``/``-separated).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

from . import __version__
from .checks import CheckResult, Context, run_check
from .claimvalues import claim_interval, claim_precision, rule_text, spanned_duration, written_interval
from .codes import CodedError
from .coverage import coverage_for
from .derived import add_derived, derived_records
from .errors import ErrorLine, InputErrors
from .evidence import evidence_hook, load_reference
from .extract import quote_numeral_problems
from .fastjson import declared, number, numbers, plain
from .loader import Article, load_article
from .periods import Period, back, either, resolve_over
from .records import DURATION_UNITS, Claim, PeriodSpec, is_claim_ref
from .resultmodel import (
    AttributionRef,
    Cause,
    CheckEntry,
    ClaimResult,
    ComparedFigure,
    Coverage,
    DerivedFigure,
    FileHash,
    Finding,
    MeasureRef,
    Missing,
    Provenance,
    Results,
    SourceRef,
    Summary,
    VerdictCounts,
    Waiver,
    make,
)
from .verdicts import VERDICTS, worst_entry_first
from .yamlio import LineMap


def _spec_period(spec: PeriodSpec, published: Period, resolve_claim) -> Period | None:
    """The period of a period spec; relative expressions are read against every day of their anchor
    (the publication date or period, a dated claim or an expression), keeping its uncertainty."""
    if spec.claim:
        return resolve_claim(spec.claim)
    if spec.start or spec.end:
        return Period(spec.start or spec.end, spec.end or spec.start)
    anchor = published
    if spec.anchor:
        if is_claim_ref(spec.anchor):
            ap = resolve_claim(spec.anchor)
            anchor = ap if ap else published
        else:
            anchor = resolve_over(spec.anchor, published)
    return resolve_over(spec.expression, anchor, anchor if spec.anchor else None)


def _span_fits(c: Claim, p: Period, base: str) -> None:
    """A duration's ``measure.period`` is one day (a duration measured on a date: "a median wait of 14.2
    weeks" on 30 September) or a span it fits in: the span it covers ("12 weeks" from 8 July to 30
    September) or a longer frame it falls within ("a 2-day strike in 2023").

    Raises:
        ValueError (code ``period-length-differs``): a span shorter than the shortest the duration allows (its
            interval, a day of slack for calendar months: "three years" in the one year 2021), with what to write.
    """
    if p.start == p.end:
        return
    iv = claim_interval(c)
    lo = iv.low if iv is not None else c.value
    days = (p.end - p.start).days + 1
    shortest = (p.end - back(p.end, lo, base)).days - 1 if lo else 0
    if days < shortest:
        said = f"'{c.text}'" if c.text else f"{c.value:g} {base}"
        raise CodedError("period-length-differs", f"the period {p.start.isoformat()}..{p.end.isoformat()} runs {days} days, but {said} is "
                         f"at least {shortest} days; give the span the duration covers or falls within, one day for "
                         "a duration measured on a date, or 'ends:' for its end")


def resolve_periods(article: Article) -> dict[str, Period | None]:
    """The period of every claim: dates from their words; durations counted back from their ``ends`` claim,
    else the ``measure.period`` the record gives (the span they cover, or the date a duration such as a
    median wait is measured at), else counted back from the publication; others from ``measure.period``.

    Raises:
        InputErrors: an expression that :func:`numclaims.periods.resolve` cannot read (file, line, id).
    """
    claims = {c.id: c for c in article.data.claims}
    meta = article.source.meta
    published = Period(meta.published, meta.published_until or meta.published)
    out: dict[str, Period | None] = {}
    errs: list[ErrorLine] = []

    def own(cid: str) -> Period | None:
        if cid in out:
            return out[cid]
        c = claims[cid]
        p: Period | None = None
        base = c.base_unit
        try:
            if base == "date":
                p = (_spec_period(c.date, published, own) if c.date
                     else resolve_over(c.text or c.quote, published))
            elif base in DURATION_UNITS and c.value is not None and (c.ends or c.measure.period is None):
                if c.value <= 0:  # "0 months" lasts no time: no period can be counted back from its end
                    raise CodedError("duration-zero", f"a duration of {c.text or c.value} lasts no time, so no "
                                     "period can be counted back from it; write the duration the article "
                                     f"gives (more than 0 {c.base_unit}), or give the claim a measure.period",
                                     field="value" if "value" in article.field_lines.get(cid, {}) else "text")
                # counted back from every day its end may be (a report "In September": 1-30 September);
                # a duration with a `measure.period` and no `ends` has that period (semantics section 8)
                ends = own(c.ends) if c.ends else None
                ends = ends or published
                p = either(*(Period(back(day, c.value, base) + dt.timedelta(days=1), day)
                             for day in (ends.start, ends.end)))
            elif c.measure.period is not None:
                p = _spec_period(c.measure.period, published, own)
                if p is not None and base in DURATION_UNITS and c.value is not None:
                    _span_fits(c, p, base)
        except ValueError as e:
            fld = getattr(e, "field", None) or ("date" if base == "date" else "measure.period")
            line = article.field_lines.get(cid, {}).get(fld) or article.lines.get(cid, 0)
            errs.append(ErrorLine(article.display, line, cid, fld, str(e), getattr(e, "code", "period-unreadable")))
        out[cid] = p
        return p

    for cid in claims:
        own(cid)
    if errs:
        raise InputErrors(errs)
    return out


def build_context(article: Article, reference: dict[str, dict[str, Any]] | None = None) -> Context:
    """Intervals and periods of every claim of ``article``, ready for the checks."""
    claims = {c.id: c for c in article.data.claims}
    intervals = {}
    errs = []
    for cid, c in claims.items():
        try:
            intervals[cid] = claim_interval(c)
        except ValueError as e:
            msg = str(e)
            # blame the field the rule found wrong (numclaims.rules.interval_for's messages name it)
            fld = next((f for f, words in (("precision", ("precision",)), ("margin", ("margin",)),
                                           ("low", ("range low", "needs both low"))) if msg.startswith(words)
                        or any(w in msg for w in words)), "qualifier")
            line = article.field_lines.get(cid, {}).get(fld) or article.lines.get(cid, 0)
            errs.append(ErrorLine(article.display, line, cid, fld, msg, getattr(e, "code", "interval-rule")))
    if errs:
        raise InputErrors(errs)
    periods = resolve_periods(article)
    for cid, c in claims.items():
        fixed = spanned_duration(c, periods.get(cid))
        if fixed is not None:
            intervals[cid] = fixed
    written = {cid: written_interval(c, intervals[cid]) for cid, c in claims.items()}
    ctx = Context(claims=claims, intervals=intervals, periods=periods,
                  published=article.source.meta.published, reference=reference or {}, written=written)
    if article.data.derived:
        meta = article.source.meta
        published = Period(meta.published, meta.published_until or meta.published)
        add_derived(article, ctx, lambda spec: _spec_period(spec, published, ctx.periods.get))
    return ctx


def claim_record(c: Claim, span: tuple[int, int], ctx: Context) -> ClaimResult:
    """The results.json object of one claim (:class:`numclaims.resultmodel.ClaimResult`, built without
    validation from the validated record; every number through :func:`numclaims.fastjson.number`, as
    :func:`results_for` promises)."""
    iv = ctx.intervals[c.id]
    m = c.measure
    period = ctx.periods.get(c.id)
    date = c.base_unit == "date"
    step = None if date else claim_precision(c)  # once: the precision and the rule's words both give it
    if iv is None:
        interval: list[Any] = period.to_list() if period else [None, None]
        closed = [True, True]
    else:
        interval = _ends(iv.to_list())
        closed = [iv.low_closed, iv.high_closed]
    values = {
        "id": c.id,
        "quote": c.quote,
        "text": c.text if c.text is not None else c.quote,
        "start": span[0],
        "end": span[1],
        "value": number(c.value),
        "unit": c.unit,
        "qualifier": c.qualifier,
        "precision": None if date else number(step),
        "interval": interval,
        "interval_closed": closed,
        "rule": "date period" if date else rule_text(c, step),
        "period": period.to_list() if period else None,
        "measure": make(MeasureRef, {"what": m.what, "where": m.where,  # the period spec as the record states it
                                     "period": numbers(m.period.model_dump(mode="json", exclude_none=True))
                                     if m.period else None}),
        "attribution": [_link(a) for a in c.attribution],
        "evidence": list(c.evidence),
        "status": c.status,
        "reviewer": c.reviewer,
        "reviewed_on": c.reviewed_on.isoformat() if c.reviewed_on else None,
        "notes": c.notes,
        "guessed": list(c.guessed) if c.guessed else None,
        "note": c.notes,
    }
    # "guessed" only for a claim with drafted fields, "note" only with notes (results.json as it was)
    unset = ("guessed", "note") if c.notes is None and not c.guessed else \
        ("guessed",) if not c.guessed else ("note",) if c.notes is None else ()
    return make(ClaimResult, values, unset)


def _ends(pair: list[Any]) -> list[Any]:
    """An interval's ``[low, high]`` with each end through :func:`numclaims.fastjson.number`."""
    low, high = pair
    return [number(low), number(high)]


def _link(a: Any) -> AttributionRef:
    """One link of a record's attribution chain, its ``role`` and ``kind`` only when the record gives them."""
    unset = ((("role",) if a.role is None else ()) + (("kind",) if a.kind is None else ()))
    return make(AttributionRef, {"who": a.who, "role": a.role, "kind": a.kind}, unset)


def check_entry(r: CheckResult, spec: Any) -> CheckEntry:
    """The results.json object of one check: the check's result (:class:`numclaims.checks.CheckResult`,
    its compared figures and cause typed), the ``relation`` the record declares, and for a check proposed
    by ``numclaims new``/``suggest``, ``status: proposed`` and, as ``proposed_because``, the record's
    ``reason`` (the words of the text that suggested it; ``reason`` in results.json is the check's machine
    reason code). Those keys are absent otherwise. Every number goes through
    :func:`numclaims.fastjson.number` (the check's ``details`` and findings through
    :func:`numclaims.fastjson.numbers`; its ``cause`` holds strings), as :func:`results_for` promises."""
    relation = declared(spec, "relation") or None
    proposed = declared(spec, "status") == "proposed"
    values = {"id": r.id, "kind": r.kind, "claims": list(r.claims), "verdict": r.verdict,
              "explanation": r.explanation, "details": numbers(r.details),
              "findings": [make(Finding, numbers(f)) for f in r.findings] if r.findings is not None else None,
              "reason": r.reason,
              "figures": [make(ComparedFigure, {"role": f.role, "claims": list(f.claims),
                                                "written": number(f.written),
                                                "interval": _ends(f.interval.to_list()),
                                                "unit": f.unit})
                          for f in r.figures],
              "cause": make(Cause, r.cause) if r.cause is not None else None,  # role and bound: strings
              "note": r.note,
              "relation": relation,
              "status": "proposed" if proposed else None,
              "proposed_because": spec.reason if proposed else None}
    unset = (("findings",) if r.findings is None else ()) + (("relation",) if relation is None else ()) + \
        (() if proposed else ("status", "proposed_because"))
    return make(CheckEntry, values, unset)


def summarise(checks: list[CheckEntry], n_claims: int) -> Summary:
    """Counts of verdicts and the ids of the worst findings, of the declared checks only: a check still
    ``proposed`` (by ``numclaims new``/``suggest``) rates nothing until the fact-checker accepts it, so it
    counts in no verdict, no finding and no ``--strict`` exit status (``proposed`` lists it, when there are
    any)."""
    declared = [ch for ch in checks if ch.status != "proposed"]
    counts = {v: 0 for v in VERDICTS}
    for ch in declared:
        counts[ch.verdict] += 1
    worst = sorted((ch for ch in declared if ch.verdict != "consistent"), key=worst_entry_first)
    values = {"claims": n_claims, "checks": len(declared), "verdicts": make(VerdictCounts, counts),
              "findings": [ch.id for ch in worst]}
    proposed = [ch.id for ch in checks if ch.status == "proposed"]
    if proposed:
        values["proposed"] = proposed
    return make(Summary, values)


def results_for(article: Article, reference: dict[str, dict[str, Any]] | None = None) -> Results:
    """Run every check of a loaded article and build its results (:class:`numclaims.resultmodel.Results`,
    built without validation: every value comes from the validated records and the checks).

    Every number of the results is as results.json writes it (:func:`numclaims.fastjson.number`: an
    integral float below 2**53 is an ``int``; a float orjson would write differently from the standard
    library is an :class:`numclaims.fastjson.Exact`), and the results are marked so
    (:func:`numclaims.fastjson.plain`): :func:`numclaims.results.dumps` writes them with orjson directly,
    without walking them. The other numbers are ints already: offsets, counts, coverage spans.

    Raises:
        InputErrors: periods or intervals that cannot be computed from the records.
    """
    ctx = build_context(article, reference)
    checks = [check_entry(run_check(spec, ctx), spec) for spec in article.data.checks]
    meta = article.source.meta
    values: dict[str, Any] = {
        "article": article.id,
        "source": make(SourceRef, {
            "id": meta.id,
            "title": meta.title,
            "publisher": meta.publisher,
            "author": meta.author,
            "published": meta.published_text,
            "url": meta.url,
            "licence": meta.licence,
            "attribution": meta.attribution,
        }),
        "claims": [claim_record(c, article.spans[c.id], ctx) for c in article.data.claims],
    }
    if article.data.derived:
        values["derived"] = [make(DerivedFigure, {**numbers(d), "measure": make(MeasureRef, numbers(d["measure"]))})
                             for d in derived_records(article, ctx)]
    values["checks"] = checks
    values["summary"] = summarise(checks, len(article.data.claims))
    values["coverage"] = _coverage(coverage_for(article))
    values["waivers"] = [make(Waiver, {"text": w.text, "reason": w.reason}) for w in article.data.waived]
    values["provenance"] = provenance(article)
    return plain(make(Results, values))


def _coverage(cov: dict[str, Any] | None) -> Coverage | None:
    """:func:`numclaims.coverage.coverage_for`'s object as the model's :class:`Coverage`."""
    if cov is None:
        return None
    # counts and character offsets: ints already (numclaims.coverage), as results.json writes them
    return make(Coverage, {**cov, "missing": [make(Missing, m) for m in cov["missing"]]})


def provenance(article: Article) -> Provenance:
    """Which files an article's results come from, with the SHA-256 of each as read: ``{numclaims:
    version, claims_file: {path, sha256}, source_text: {...}, source_meta: {...}}``. Paths are relative to
    the project root with ``/`` (:func:`numclaims.paths.file_key`: a symlinked claims file keeps its name
    under ``claims/``); a claims file outside the root is named by its file name only (no machine-specific
    path in results.json)."""
    key = article.key or article.display
    src = f"datasets/sources/{article.source.id}"
    text_sha, meta_sha = article.source.sha256
    return make(Provenance, {
        "numclaims": __version__,
        "claims_file": make(FileHash, {"path": Path(key).name if Path(key).is_absolute() else key,
                                       "sha256": article.sha256}),
        "source_text": make(FileHash, {"path": f"{src}.txt", "sha256": text_sha}),
        "source_meta": make(FileHash, {"path": f"{src}.meta.yaml", "sha256": meta_sha}),
    })


def check_article(path: str | Path, root: str | Path) -> Results:
    """Load, validate and check one claims file; the unit of work for pools and schedulers.

    Args:
        path: the claims YAML; root: the project root (holding ``datasets/``).

    Returns:
        The results (:class:`numclaims.resultmodel.Results`; see the module docstring).

    Raises:
        InputErrors: every input problem of the file.
    """
    return check_file(path, root)[0]


def input_hooks(root: Path) -> Callable[[Any, Any, str], list[ErrorLine]]:
    """The ``extra_checks`` of :func:`numclaims.loader.load_article` for a check: cited reference rows must
    exist (:func:`numclaims.evidence.evidence_hook`), and a claim without ``text`` must have the only number
    of its quote as its ``value`` (:func:`numclaims.extract.quote_numeral_problems`; the loader sits below
    the mention finder, so the engine hands it in). Returns ``(claims_file, raw_yaml, display) -> lines``."""
    evidence = evidence_hook(root)

    def check(data, raw, display: str) -> list[ErrorLine]:
        errs = evidence(data, raw, display)
        claims_raw = raw.get("claims", []) if hasattr(raw, "get") else []
        for i, c in enumerate(data.claims):
            item = claims_raw[i] if i < len(claims_raw) else None
            for fld, code, msg in quote_numeral_problems(c):
                line = item.line_of(fld) if isinstance(item, LineMap) else getattr(item, "line", 0)
                errs.append(ErrorLine(display, line, c.id, fld, msg, code))
        return errs

    return check


def check_file(path: str | Path, root: str | Path) -> tuple[Results, dict[str, int]]:
    """Like :func:`check_article`, also returning ``{claim id: line}`` for cross-file error reports.

    An input error found after loading (an interval or period that cannot be computed) is reported from the
    article read again by the line-numbered loader, so that its line is the field's, whichever reader
    loaded the file first."""
    path, root = Path(path), Path(root)  # made once: each is passed on several times
    article = load_article(path, root, extra_checks=input_hooks(root))
    try:
        return results_for(article, load_reference(root)), dict(article.lines)
    except InputErrors:
        if article.field_lines:
            raise
    article = load_article(path, root, extra_checks=input_hooks(root), exact=True)
    return results_for(article, load_reference(root)), dict(article.lines)
