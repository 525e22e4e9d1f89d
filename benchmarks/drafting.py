"""How much of a hand-written claims file `numclaims new` drafts: proposed checks and drafted fields.

For every worked article (every claims/*.yaml of a project root, so articles added later count), the
source is drafted afresh (numclaims.draft.draft and numclaims.suggest.propose) and compared with the
hand-written file:

* recall: share of the hand-declared checks (every kind, `external` included) that the draft proposes:
  same kind and the same claims in the core roles (numclaims.suggest.check_key, which also normalises
  the direction of a comparison). Claim ids are never compared as text: a drafted claim stands for the
  hand claim whose quote span holds its numeral (of several, the one whose `text` is that numeral), and
  each proposal's claim references are mapped that way before comparing. A hand check that names a
  `derived` figure or a claim the draft has no numeral for cannot be matched and counts as missed.
* precision: share of proposals that match a hand-declared check; each hand check is matched by at most
  one proposal (a second proposal mapping to the same hand check counts as not matching).
* field agreement: share of drafted fields (id, text, value, unit, qualifier, measure.what,
  measure.where, measure.period, attribution) that the hand-written record keeps unchanged (strings
  compared after collapsing whitespace; values as numbers; qualifiers by their canonical name;
  attribution as the list of `who`; periods by what they stand for: the same hand claim, or the same
  dates once each side is resolved with numclaims.periods.resolve against the publication date, since
  a hand file may write a period inline, `{start: 2011-10-02, end: 2011-10-02}` or `{expression: "2011"}`
  (read as the loader reads it, against its anchor), where the draft links
  a date record).

Targets: recall >= 0.8, precision >= 0.7, field agreement >= 0.8 over the structured fields (text,
value, unit, qualifier, measure.where, measure.period, attribution). ``id`` and ``measure.what`` are free
prose in the hand files, written before drafting existed (per-file id prefixes such as ``bo14-``), so they
differ even where the draft is right and bound the all-fields share below the target; that share is
printed on the next line, reported and not a target.

    python benchmarks/drafting.py [--root ROOT] [--kinds kind,kind] [--exclude ARTICLE] [--only ARTICLE]

--kinds restricts the measure to those check kinds (both the hand-declared checks and the proposals), for
the figures of one kind; the per-kind lines printed always break recall and precision down by kind.
--exclude and --only choose the articles (repeatable), for a held-out set.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

FIELDS = ("id", "text", "value", "unit", "qualifier", "measure.what", "measure.where", "measure.period",
          "attribution")
#: The fields a hand file writes in a fixed form (not the free prose of ``id`` and ``measure.what``).
STRUCTURED = ("text", "value", "unit", "qualifier", "measure.where", "measure.period", "attribution")


def _norm(v):
    return " ".join(v.split()) if isinstance(v, str) else v


def _period(value, claims: dict, published):
    """What a period stands for: ("claim", hand id) or ("dates", start, end) (None when unreadable)."""
    import datetime as dt

    from numclaims.periods import resolve

    if isinstance(value, dict) and value.get("start"):
        s, e = value["start"], value.get("end") or value["start"]
        return ("dates", str(s), str(e))
    if isinstance(value, dict) and isinstance(value.get("expression"), str):
        # `{expression: "2024", anchor: ...}`, read as the loader reads it (numclaims.engine): against every
        # day of the anchor (a dated claim, an expression, else the publication date)
        from numclaims.periods import Period, resolve_over

        day = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
        anchor, of_anchor = Period(day, day), None
        if isinstance(value.get("anchor"), str):
            a = _period(value["anchor"], claims, published)
            if a is None or a[0] != "dates":
                return None
            anchor = of_anchor = Period(dt.date.fromisoformat(a[1]), dt.date.fromisoformat(a[2]))
        try:
            p = resolve_over(value["expression"], anchor, of_anchor)
        except ValueError:
            return None
        return ("dates", p.start.isoformat(), p.end.isoformat())
    if isinstance(value, str):
        words = value
        if value in claims:
            c = claims[value]
            if isinstance(c.get("date"), dict):
                return _period(c["date"], {}, published)
            words = c.get("text") or c.get("quote")
        try:
            p = resolve(words, published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published)))
        except (ValueError, TypeError):
            return ("claim", value)
        return ("dates", p.start.isoformat(), p.end.isoformat())
    return None


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
        props = [p for p in propose(items_for_drafts(drafted), text, None, root, source.meta)
                 if kinds is None or p.kind in kinds]
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
        published = source.meta.published
        drafted_by_id = {d.record["id"]: d.record for d in drafted}

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

        declared = [ch for ch in hand.get("checks") or [] if kinds is None or ch.get("kind") in kinds]
        dkeys = {check_key(ch["kind"], {k: v for k, v in ch.items() if k not in ("id", "kind", "note")}): ch["id"]
                 for ch in declared}
        pkeys = [check_key(p.kind, mapped(p.fields)) for p in props]
        hits = []
        for k in pkeys:
            if k in dkeys and k not in hits:
                hits.append(k)
        by_kind = Counter()
        for ch in declared:
            by_kind[(ch["kind"], "declared")] += 1
        for k in hits:
            by_kind[(k[0], "found")] += 1
        for p in props:
            by_kind[(p.kind, "proposed")] += 1
        # fields
        agree = Counter()
        filled = Counter()
        differ: list[tuple] = []
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
                "measure.period": (_period(to_hand.get(rm["period"], rm["period"]) if isinstance(rm["period"], str)
                                           else rm["period"],
                                           {**drafted_by_id, **hand_by_id}, published),
                                   _period(hm.get("period"), hand_by_id, published))
                if rm.get("period") else None,
                "attribution": ([a["who"] for a in r["attribution"]], [a["who"] for a in h.get("attribution") or []]),
            }
            # not a target figure: how many of the drafted measure's words the hand description uses
            dw = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", rm.get("what") or "")}
            hw = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", hm.get("what") or "")}
            agree["what words"] += len(dw & hw)
            filled["what words"] += len(dw)
            for f, pr in pairs.items():
                if pr is None:
                    continue
                filled[f] += 1
                a, b = pr
                same = (float(a) == float(b)) if f == "value" and a is not None and b is not None else \
                    ([_norm(x) for x in a] == [_norm(x) for x in b] if f == "attribution" else _norm(a) == _norm(b))
                if f == "measure.period" and not same and isinstance(rm["period"], str):
                    # a drafted date record the hand file merged into a claim's quote ("25 women rescued on
                    # September 22") stands for its dates, which the hand file may write inline
                    same = _period(rm["period"], drafted_by_id, published) == b
                agree[f] += bool(same)
                if not same:
                    differ.append((f, hid, a, b))
        rows.append({"article": hand["article"], "declared": len(declared), "found": len(set(hits)),
                     "proposed": len(props), "matching": len(hits), "filled": filled, "agree": agree,
                     "missed": sorted(v for k, v in dkeys.items() if k not in set(hits)), "by_kind": by_kind,
                     "matched_claims": len(one), "claims": len(hand["claims"]),
                     "merged": len(to_hand) - len(one), "drafted": len(drafted), "differ": differ})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--exclude", action="append", default=[], metavar="ARTICLE",
                    help="leave this article out (e.g. the development article when measuring held-out files)")
    ap.add_argument("--only", action="append", default=[], metavar="ARTICLE", help="measure only this article")
    ap.add_argument("--differ", action="append", default=[], metavar="FIELD",
                    help="list the drafted and hand values of FIELD where they differ (repeatable)")
    ap.add_argument("--kinds", default="", help="measure only these check kinds, comma-separated")
    args = ap.parse_args(argv)
    kinds = frozenset(k.strip() for k in args.kinds.split(",") if k.strip()) or None
    rows = [r for r in measure(args.root.resolve(), kinds) if r["article"] not in args.exclude
            and (not args.only or r["article"] in args.only)]
    tot = Counter()
    bk = Counter()
    fa, ff = Counter(), Counter()
    for r in rows:
        fields = sum(v for k, v in r["filled"].items() if k in FIELDS)
        agree = sum(v for k, v in r["agree"].items() if k in FIELDS)
        print(f"{r['article']}: hand claims matched {r['matched_claims']}/{r['claims']} "
              f"(drafted {r['drafted']}, {r['merged']} merged by hand into another claim); checks declared {r['declared']}, "
              f"proposed {r['proposed']}, found {r['found']}, proposals matching {r['matching']}; "
              f"fields kept {agree}/{fields}" + (f"; missed: {', '.join(r['missed'])}" if r["missed"] else ""))
        for f, hid, a, b in r["differ"]:
            if f in args.differ:
                print(f"  {f} of {hid}: drafted {a!r}, hand {b!r}")
        tot.update({k: r[k] for k in ("declared", "found", "proposed", "matching")})
        fa.update(r["agree"])
        ff.update(r["filled"])
        bk.update(r["by_kind"])
    recall = tot["found"] / tot["declared"] if tot["declared"] else float("nan")
    precision = tot["matching"] / tot["proposed"] if tot["proposed"] else float("nan")
    words = (fa.pop("what words", 0), ff.pop("what words", 0))
    agreement = sum(fa.values()) / sum(ff.values()) if ff else float("nan")
    for k in sorted({k for k, _ in bk}):
        print(f"  kind {k}: declared {bk[(k, 'declared')]}, proposed {bk[(k, 'proposed')]}, found {bk[(k, 'found')]}")
    print("per field kept unchanged: " + ", ".join(f"{f} {fa[f]}/{ff[f]}" for f in FIELDS if ff[f]))
    for label, group in (("read from the numeral", ("text", "value", "unit", "qualifier")),
                         ("guessed from the words", ("measure.what", "measure.where", "measure.period", "attribution")),
                         ("id", ("id",))):
        a, f = sum(fa[g] for g in group), sum(ff[g] for g in group)
        print(f"  {label}: {a}/{f} = {a / f:.2f}" if f else f"  {label}: none")
    if words[1]:
        print(f"  measure.what words (4+ letters) that the hand description also uses: {words[0]}/{words[1]} = "
              f"{words[0] / words[1]:.2f} (not a target figure)")
    # The field-agreement target is over the structured fields. id and measure.what are free prose in the
    # hand files (a per-file id prefix such as "bo14-", a description in the writer's words): every field
    # they hold differs even when the draft is right, which bounds the all-fields share below the target
    # (worked set: (384 + 8 + 2) / 510 = 0.77 with every structured field kept). That share is printed too.
    sa, sf = sum(fa[f] for f in STRUCTURED), sum(ff[f] for f in STRUCTURED)
    structured = sa / sf if sf else float("nan")
    print(f"articles {len(rows)}: recall {recall:.2f} (target 0.80), precision {precision:.2f} (target 0.70), "
          f"field agreement {structured:.2f} (target 0.80; {sa}/{sf} over the structured fields: "
          f"{', '.join(STRUCTURED)})")
    print(f"  field agreement over every field, id and measure.what included: {agreement:.2f} (reported, not a target)")
    print("targets " + ("met" if recall >= 0.8 and precision >= 0.7 and structured >= 0.8 else "NOT met"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
