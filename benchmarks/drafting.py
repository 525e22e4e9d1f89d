"""How much of a hand-written claims file `numclaims new` drafts: proposed checks and drafted fields.

For every worked article (every claims/*.yaml of a project root, so articles added later count), the
source is drafted afresh (numclaims.draft.draft and numclaims.suggest.propose) and compared with the
hand-written file:

* recall: share of the hand-declared relational checks that the draft proposes (same kind, same claims
  in the core roles, numclaims.suggest.check_key; drafted claims are matched to hand claims by position:
  the drafted numeral inside the hand claim's quote). `external` and `implied_ratio` checks need
  reference rows the text does not name and are not counted.
* precision: share of proposals that match a hand-declared check.
* field agreement: share of drafted fields (id, text, value, unit, qualifier, measure.what,
  measure.where, measure.period, attribution) that the hand-written record keeps unchanged (strings
  compared after collapsing whitespace; values as numbers; qualifiers by their canonical name; periods
  through the claim matching; attribution as the list of `who`).

Targets: recall >= 0.8, precision >= 0.7, field agreement >= 0.8.

    python benchmarks/drafting.py [--root ROOT] [--kinds extra,kinds] [--exclude ARTICLE]

--kinds adds check kinds to those proposed (e.g. comparison,change,complement from another branch whose
files are read), so that held-out files using them are measured as they would be once those kinds exist.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

NOT_TEXTUAL = {"external", "implied_ratio"}
FIELDS = ("id", "text", "value", "unit", "qualifier", "measure.what", "measure.where", "measure.period",
          "attribution")


def _norm(v):
    return " ".join(v.split()) if isinstance(v, str) else v


def measure(root: Path, kinds: frozenset[str] | None) -> list[dict]:
    from numclaims.draft import draft
    from numclaims.records import canonical_qualifier, value_from_words
    from numclaims.sources import find_all, load_source
    from numclaims.suggest import CORE_FIELDS, check_key, items_for_drafts, propose
    from numclaims.yamlio import load_yaml_text, read_text_strict

    rows = []
    for path in sorted((root / "claims").glob("*.yaml")):
        hand = load_yaml_text(read_text_strict(path))
        source = load_source(hand["source"], root)
        text = source.text
        drafted = draft(hand["article"], source)
        props = propose(items_for_drafts(drafted), text, kinds)
        # hand claim spans
        spans = {}
        for c in hand["claims"]:
            starts = [c["start"]] if c.get("start") is not None else find_all(text, c["quote"])
            if starts:
                spans[c["id"]] = (starts[0], starts[0] + len(c["quote"]))
        to_hand = {}
        for d in drafted:
            m = d.mention
            inside = [cid for cid, (a, b) in spans.items() if a <= m.start and m.end <= b + 1]
            # prefer the hand claim whose text is this numeral
            best = [cid for cid in inside if _norm(next(c for c in hand["claims"] if c["id"] == cid).get("text") or "")
                    in (m.text, d.record.get("text"))]
            if best or inside:
                to_hand[d.record["id"]] = (best or inside)[0]
        # fields are compared one to one: of several drafted numbers inside one hand claim's quote
        # (merged by hand), the one whose numeral is the hand claim's text, else the first
        one: dict[str, str] = {}
        for d in drafted:
            hid = to_hand.get(d.record["id"])
            if hid is None:
                continue
            htext = _norm(next(c for c in hand["claims"] if c["id"] == hid).get("text") or "")
            if hid not in one or (d.mention.text == htext and one[hid] != htext):
                one[hid] = d.record["id"]
        hand_by_id = {c["id"]: c for c in hand["claims"]}

        def mapped(fields):
            out = {}
            for k, v in fields.items():
                if isinstance(v, list):
                    out[k] = [to_hand.get(x, "?" + x) for x in v]
                elif isinstance(v, str) and k in {f for fs in CORE_FIELDS.values() for f in fs}:
                    out[k] = to_hand.get(v, "?" + v)
                else:
                    out[k] = v
            return out

        declared = [ch for ch in hand.get("checks") or [] if ch.get("kind") not in NOT_TEXTUAL]
        dkeys = {check_key(ch["kind"], {k: v for k, v in ch.items() if k not in ("id", "kind", "note")}): ch["id"]
                 for ch in declared}
        pkeys = [check_key(p.kind, mapped(p.fields)) for p in props]
        hits = [k for k in pkeys if k in dkeys]
        # fields
        agree = Counter()
        filled = Counter()
        for d in drafted:
            hid = to_hand.get(d.record["id"])
            if hid is None or one.get(hid) != d.record["id"]:
                continue
            h, r = hand_by_id[hid], d.record
            hm, rm = h.get("measure") or {}, r.get("measure") or {}
            hv = h.get("value") if "value" in h else value_from_words(h.get("text") or h["quote"])
            rv = r.get("value") if "value" in r else value_from_words(r.get("text") or r["quote"])
            pairs = {
                "id": (r["id"], h["id"]),
                "text": (r.get("text", r["quote"]), h.get("text", h["quote"])),
                "value": (rv, hv),
                "unit": (r["unit"], h["unit"]),
                "qualifier": (canonical_qualifier(r.get("qualifier", "exact")),
                              canonical_qualifier(h.get("qualifier", "exact"))) if r["unit"] != "date" else None,
                "measure.what": (rm.get("what"), hm.get("what")),
                "measure.where": (rm.get("where"), hm.get("where")) if rm.get("where") else None,
                "measure.period": (to_hand.get(rm.get("period"), rm.get("period")), hm.get("period"))
                if rm.get("period") else None,
                "attribution": ([a["who"] for a in r["attribution"]], [a["who"] for a in h.get("attribution") or []]),
            }
            for f, pr in pairs.items():
                if pr is None:
                    continue
                filled[f] += 1
                a, b = pr
                same = (float(a) == float(b)) if f == "value" and a is not None and b is not None else \
                    ([_norm(x) for x in a] == [_norm(x) for x in b] if f == "attribution" else _norm(a) == _norm(b))
                agree[f] += bool(same)
        rows.append({"article": hand["article"], "declared": len(declared), "found": len(set(hits)),
                     "proposed": len(props), "matching": len(hits), "filled": filled, "agree": agree,
                     "missed": sorted(v for k, v in dkeys.items() if k not in set(hits)),
                     "matched_claims": len(one), "claims": len(hand["claims"]),
                     "merged": len(to_hand) - len(one), "drafted": len(drafted)})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--exclude", action="append", default=[], metavar="ARTICLE",
                    help="leave this article out (e.g. the development article when measuring held-out files)")
    ap.add_argument("--kinds", default="", help="extra check kinds to propose, comma-separated")
    args = ap.parse_args(argv)
    kinds = None
    if args.kinds:
        from numclaims.claimsfile import CHECK_KINDS

        kinds = frozenset(CHECK_KINDS) | frozenset(k.strip() for k in args.kinds.split(",") if k.strip())
    rows = [r for r in measure(args.root.resolve(), kinds) if r["article"] not in args.exclude]
    tot = Counter()
    fa, ff = Counter(), Counter()
    for r in rows:
        fields = sum(r["filled"].values())
        agree = sum(r["agree"].values())
        print(f"{r['article']}: hand claims matched {r['matched_claims']}/{r['claims']} "
              f"(drafted {r['drafted']}, {r['merged']} merged by hand into another claim); checks declared {r['declared']}, "
              f"proposed {r['proposed']}, found {r['found']}, proposals matching {r['matching']}; "
              f"fields kept {agree}/{fields}" + (f"; missed: {', '.join(r['missed'])}" if r["missed"] else ""))
        tot.update({k: r[k] for k in ("declared", "found", "proposed", "matching")})
        fa.update(r["agree"])
        ff.update(r["filled"])
    recall = tot["found"] / tot["declared"] if tot["declared"] else float("nan")
    precision = tot["matching"] / tot["proposed"] if tot["proposed"] else float("nan")
    agreement = sum(fa.values()) / sum(ff.values()) if ff else float("nan")
    print("per field kept unchanged: " + ", ".join(f"{f} {fa[f]}/{ff[f]}" for f in FIELDS if ff[f]))
    for label, group in (("read from the numeral", ("text", "value", "unit", "qualifier")),
                         ("guessed from the words", ("measure.what", "measure.where", "measure.period", "attribution")),
                         ("id", ("id",))):
        a, f = sum(fa[g] for g in group), sum(ff[g] for g in group)
        print(f"  {label}: {a}/{f} = {a / f:.2f}" if f else f"  {label}: none")
    print(f"articles {len(rows)}: recall {recall:.2f} (target 0.80), precision {precision:.2f} (target 0.70), "
          f"field agreement {agreement:.2f} (target 0.80)")
    print("targets " + ("met" if recall >= 0.8 and precision >= 0.7 and agreement >= 0.8 else "NOT met"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
