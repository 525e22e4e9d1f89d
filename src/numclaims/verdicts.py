"""The four verdict words and their severity (defined in :mod:`numclaims.checks.base`), in a module that
imports nothing, for code that only counts or sorts verdicts (the summary line of ``numclaims check``)."""

CONSISTENT, TENSION, INCONSISTENT, UNVERIFIABLE = "consistent", "tension", "inconsistent", "unverifiable"
#: In the order summaries print them.
VERDICTS = (CONSISTENT, TENSION, INCONSISTENT, UNVERIFIABLE)
#: Higher is worse; used to sort findings.
SEVERITY = {INCONSISTENT: 3, TENSION: 2, UNVERIFIABLE: 1, CONSISTENT: 0}
