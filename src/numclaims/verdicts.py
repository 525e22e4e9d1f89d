"""The four verdict words and their severity (defined in :mod:`numclaims.checks.base`), in a module that
imports nothing, for code that only counts or sorts verdicts (the summary line of ``numclaims check``),
and the one rule for the worst verdict of a claim (:func:`worst`)."""

CONSISTENT, TENSION, INCONSISTENT, UNVERIFIABLE = "consistent", "tension", "inconsistent", "unverifiable"
#: In the order summaries print them.
VERDICTS = (CONSISTENT, TENSION, INCONSISTENT, UNVERIFIABLE)
#: Higher is worse; used to sort findings.
SEVERITY = {INCONSISTENT: 3, TENSION: 2, UNVERIFIABLE: 1, CONSISTENT: 0}


def worst(verdicts) -> str | None:
    """The most severe of an iterable of verdict words by :data:`SEVERITY` (inconsistent > tension >
    unverifiable > consistent); None when there is none. Words that are not verdicts are passed over.

    The one "worst verdict" rule: the report's claim badges, the ClaimReview rating, the review queue and
    the figures' colours all come from here (:func:`worst_by_claim`)."""
    out: str | None = None
    for v in verdicts:
        if v in SEVERITY and (out is None or SEVERITY[v] > SEVERITY[out]):
            out = v
    return out


def worst_by_claim(results) -> dict[str, str | None]:
    """``{claim id: worst verdict of the checks it takes part in}`` of typed results
    (:class:`numclaims.resultmodel.Results`), claims in article order, then ids that only checks name;
    None for a claim in no check. Checks still ``proposed`` (:mod:`numclaims.suggest`) rate nothing until
    the fact-checker accepts them."""
    out: dict[str, list[str]] = {c.id: [] for c in results.claims}
    for ch in results.checks:
        if ch.status == "proposed":
            continue
        for cid in ch.claims:
            out.setdefault(cid, []).append(ch.verdict)
    return {cid: worst(vs) for cid, vs in out.items()}


def worst_first(check: dict) -> tuple[int, str]:
    """Sort key of a results.json check (as data: a dict), worst verdict first then by id: ``sorted(checks,
    key=worst_first)`` is the order of findings in the summary, the report and ``numclaims check``."""
    return rank(check["verdict"], check["id"])


def worst_entry_first(check) -> tuple[int, str]:
    """:func:`worst_first` of a typed check (:class:`numclaims.resultmodel.CheckEntry` or
    :class:`numclaims.resultmodel.SlimCheck`)."""
    return rank(check.verdict, check.id)


def rank(verdict: str, ident: str) -> tuple[int, str]:
    """The order of checks: the worst ``verdict`` first (:data:`SEVERITY`), then by the check's id."""
    return (-SEVERITY[verdict], ident)
