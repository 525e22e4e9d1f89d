"""Coverage of an article: every number of its body is a claim record or is waived with a reason.

:func:`coverage_for` finds the numeric mentions of the article body (:mod:`numclaims.extract`) and
accounts for each one:

* **claimed** when it lies inside the quote span of a claim record (the ``start``/``end`` of the claim in
  results.json); a quote that holds the numeral but stops before trailing unit words
  ("a fortune of $2 million" for the mention "$2 million") also covers it;
* **waived** when it lies inside an occurrence of a ``waived`` entry of the claims file
  (``{text, reason, start?}``; without ``start`` every occurrence of the text counts);
* the headline and standfirst (:func:`numclaims.draft.lead_spans`) are counted like the body;
* otherwise **missing**: a finding, printed by ``numclaims check`` and listed in results.json under
  ``coverage.missing`` as ``{start, end, text}``.

The body is the span between the source metadata's ``body`` markers when they are given and found,
else the span found by the heuristics of :func:`numclaims.extract.body_span`.
"""

from __future__ import annotations

import sys
from typing import Any

from .draft import (
    lead_spans,  # the headline and standfirst are claims of the article too
)
from .extract import body_span, coverage


def coverage_for(article: Any) -> dict[str, Any]:
    """``{mentions, claimed, waived, missing: [{start, end, text}]}`` for a loaded
    :class:`numclaims.loader.Article` (counts are of body mentions)."""
    src = article.source
    markers = (src.meta.body.start, src.meta.body.end) if src.meta.body is not None else None
    body = body_span(src.text, markers)
    spans = [article.spans[c.id] for c in article.data.claims]
    waived = [(w.text, w.start) for w in article.data.waived]

    lead = [(a, b) for _, a, b in lead_spans(src.text, src.meta.title, body)]
    return coverage(src.text, body, spans, waived, lead=lead)


def print_coverage(results: list, stream=None) -> int:
    """Print one line per body mention that no claim or waiver accounts for; returns how many.
    ``results``: :class:`numclaims.resultmodel.Results` or :class:`numclaims.resultmodel.SlimResults`.

    Format: ``<article>: coverage: <start>-<end> '<text>' is neither a claim nor waived``.
    """
    out = stream or sys.stdout
    n = 0
    for res in results:
        cov = res.coverage
        if not cov:
            continue
        for m in cov.missing:
            print(f"{res.article}: coverage: {m.start}-{m.end} {m.text!r} is neither a claim nor waived",
                  file=out)
            n += 1
    return n
