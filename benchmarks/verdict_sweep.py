"""Sweep of share_of_total verdicts against brute force: false and missed `inconsistent` verdicts.

Every integer share 1-99 % written with each qualifier ("42 percent", "about 42 percent", "more than 42
percent", ...) against every exact total 1-99 persons. The truth for each case is worked by brute force,
independently of the check: is there a whole count k in 0..n with 100 k / n inside the share's interval
(numclaims.claimvalues.claim_interval, i.e. the rule table with the step the words imply: "40 percent"
has step 10 by its trailing zero)? A verdict `inconsistent` where such a k exists is a false
alarm; a verdict other than `inconsistent` where none exists is a missed contradiction.

Run: python benchmarks/verdict_sweep.py   (prints one line per qualifier and a total)
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from numclaims.checks import Context, run_check
from numclaims.claimvalues import claim_interval
from numclaims.records import Claim, ShareOfTotalCheck

WORDS = {"exact": "", "approximately": "about ", "nearly": "nearly ", "more_than": "more than ",
         "at_least": "at least ", "less_than": "less than ", "up_to": "up to "}


def _claim(cid: str, words: str, value: float, unit: str, qualifier: str, **kw) -> Claim:
    return Claim(id=cid, quote=words, text=words, value=value, unit=unit, qualifier=qualifier,
                 measure={"what": "sweep"}, attribution=[{"who": "sweep"}], **kw)


def truth(share: Claim, n: int) -> bool:
    """Some whole k of n has 100 k / n in the share's interval (exact rational comparison)."""
    iv = claim_interval(share)
    for k in range(n + 1):
        x = Fraction(100 * k, n)
        lo_ok = iv.low is None or x > Fraction(iv.low) or (x == Fraction(iv.low) and iv.low_closed)
        hi_ok = iv.high is None or x < Fraction(iv.high) or (x == Fraction(iv.high) and iv.high_closed)
        if lo_ok and hi_ok:
            return True
    return False


def main() -> None:
    spec = ShareOfTotalCheck(id="sweep", kind="share_of_total", share="share", total="total")
    grand = [0, 0, 0]
    for q, word in WORDS.items():
        false_alarm = missed = cases = 0
        for value in range(1, 100):
            share = _claim("share", f"{word}{value} percent", value, "percent", q)
            for n in range(1, 100):
                total = _claim("total", f"{n}", n, "persons", "exact", precision=1)  # an exact count
                claims = {"share": share, "total": total}
                ctx = Context(claims=claims, intervals={k: claim_interval(c) for k, c in claims.items()},
                              periods={}, published=dt.date(2020, 1, 1))
                verdict = run_check(spec, ctx).verdict
                ok = truth(share, n)
                cases += 1
                false_alarm += verdict == "inconsistent" and ok
                missed += verdict != "inconsistent" and not ok
        grand[0] += cases
        grand[1] += false_alarm
        grand[2] += missed
        print(f"{q:14s} cases {cases:5d}  false inconsistent {false_alarm:5d} ({100 * false_alarm / cases:5.1f} %)"
              f"  missed inconsistent {missed:5d}")
    print(f"{'all':14s} cases {grand[0]:5d}  false inconsistent {grand[1]:5d} ({100 * grand[1] / grand[0]:5.1f} %)"
          f"  missed inconsistent {grand[2]:5d}")


if __name__ == "__main__":
    main()
