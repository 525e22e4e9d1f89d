"""Draft claim records in full from a source capture: ids, measures, places, periods and attributions.

``numclaims new`` reads every numeric mention of the article's *lead* (headline and standfirst) and body
(:mod:`numclaims.extract`) and turns each into a claim record. The numeral's reading (quote, text, value,
unit, qualifier, an explicit interval for a coordinated qualifier) comes from :mod:`numclaims.scaffold`;
this module drafts what the words around it support, and marks it as guessed:

* **id**: the measure's key words, the year of its period and the numeral, as a slug
  (``victims-rescued-2019-1054``, ``foreigners-nearly-half``); made unique in the file by a ``-2``, ``-3``
  suffix in order of position, so re-drafting the same capture gives the same ids.
* **measure.what** (guessed): the counted noun phrase after the numeral ("2,000 human trafficking victims
  rescued" -> ``human trafficking victims rescued``), with the verb that governs it when the numeral is its
  object ("sexually exploited 300 women" -> ``women sexually exploited``) or the passive participle after
  it ("Seven suspects were arrested" -> ``suspects arrested``); for a share, ``share of minors among ...``
  from "42 percent of the 2,000 ... were minors"; for money, the noun it is an amount of ("a fortune of
  $2 million" -> ``fortune``); for a date or duration, ``date of`` / ``period of`` the nearest figure.
* **measure.where** (guessed): the place named nearest the numeral in its sentence (a capitalised name
  after *in/at/near/across/throughout/from*, or a country or first-level subdivision known to ISO 3166
  through ``pycountry``); "there" and "the region" stand for the last place of the paragraph; a
  subdivision gets its country ("Madre de Dios, Peru"); a name ending in "County", "Province", ... is a
  place wherever it stands ("Nairobi County recorded"), a possessive is its name ("Bristol’s" -> Bristol).
  Without a place in the paragraph, the country the body names most often.
* **measure.period** (guessed): a period expression of several words or of words alone in the sentence
  ("in the first half of 2013", "between January and June this year", "so far this year", "last year":
  :func:`numclaims.periods.expressions_in`), as its dates inline; else the date right after the figure
  ("from 52,000 in 2022 to 118,000 in 2023": 2023 for the 118,000), else the date or duration record
  nearest in the same sentence (not the date of the figure it is up or down from, of a condition, of a
  statement, of a later clause's figure, nor a duration of another clause: "who has run the centre for
  12 years"); written inline (``{start, end}``) when its words lie inside the figure's own quote, else
  linked by id; a rate "until" a date runs from publication to it (inline); a duration counted back
  ("in the past two years") or up to a date ("the two years up to June 2013") gets ``ends``.
* **attribution** (guessed): from reporting phrases in the sentence: "according to X", "X said/stated/estimated/reported/announced/noted/told/found", "said X",
  "reported X", "as reported by X", "statistics by X show", "X believe(s)" ("and" between capitalised
  words stays in the name: "the Ministry of Roads and Transport"; "..., the charity said" names the
  charity); an appositive after the name
  is its role ("Colonel Mariano Cespedes, head of the country's anti-trafficking unit"), and a later
  "the <role>" stands for that name. Without a phrase in the sentence: the authority that did what the
  figure counts ("Peruvian authorities rescued"; "Police raided" with the country's adjective the article
  uses: ``Peruvian police``; a passive act, "were arrested", the authority that acted last), else the
  source named last earlier in the paragraph, or in an earlier paragraph this one goes on from ("In
  comparison, ..."). The chain goes on to the outlet that relayed it ("..., reported El Peruano" in the
  paragraph) and ends at the publisher; a news agency that relayed the news part ends it instead
  ("reported the Associated Press (AP)"), and in the outlet's own analysis a cited source ends it; with
  no source named the claim is the publisher's own reporting.
* **value**: omitted when the words of ``text`` give it (:class:`numclaims.records.Claim` reads it from
  them), so no number is retyped; written otherwise.

Every guessed field is listed in the record's ``guessed`` list; ``numclaims check`` reports such claims as
"to confirm", and no decision can be recorded on them until the list is emptied
(``numclaims review confirm``).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .extract import Mention, body_span, classify_line, find_mentions, list_blocks
from .paths import claims_files
from .periods import expressions_in, resolve
from .records import value_from_words
from .resultmodel import SlimResults
from .scaffold import _record, times_in, unique_quote
from .vocabulary import (DOLLAR_CURRENCIES, MEASURE_UNIT_WORDS, FALL_NOUNS, FALL_VERBS, MONTH_NAMES, MULTIPLIER_WORDS, PASSING_VERBS, RISE_NOUNS, RISE_VERBS, TEEN_WORDS, UNIT_WORDS,
                         change_words_re)
from .yamlio import YamlInputError, load_yaml_text, read_text_strict

#: Fields a draft may guess, in the order they are listed in a record's ``guessed``.
GUESSABLE = ("measure.what", "measure.where", "measure.period", "ends", "attribution")

# ------------------------------------------------------------------------------------------ regions
_UPPER_SHARE_MAX = 0.5


def lead_spans(text: str, title: str | None, body: tuple[int, int]) -> list[tuple[str, int, int]]:
    """The headline and standfirst of a capture: ``[(region, start, end)]`` before the body.

    The headline is the first line before the body whose stripped text equals the article ``title``
    (the breadcrumb "HomeNewsBrief<title>" is not it). The standfirst is each line between the headline
    and the body with at least 8 words, mostly lower-case, that is not a dateline or furniture marker
    (:func:`numclaims.extract.classify_line`). A capture without its headline line has no lead.
    """
    b0 = body[0]
    out: list[tuple[str, int, int]] = []
    if not title or b0 <= 0:
        return out
    pos = 0
    head_end = None
    for raw in text[:b0].split("\n"):
        s = raw.strip()
        if head_end is None and s == title.strip() and s:
            a = pos + raw.index(s)
            out.append(("headline", a, a + len(s)))
            head_end = pos + len(raw)
        elif head_end is not None and s:
            words = s.split()
            letters = [c for c in s if c.isalpha()]
            upper = sum(c.isupper() for c in letters) / len(letters) if letters else 1.0
            if len(words) >= 8 and upper < _UPPER_SHARE_MAX and classify_line(s) not in ("dateline", "marker"):
                a = pos + raw.index(s)
                out.append(("standfirst", a, a + len(s)))
        pos += len(raw) + 1
    return out


def article_mentions(text: str, markers: tuple[str, str] | None, title: str | None) -> list[Mention]:
    """The mentions that are claims of the article: lead (region ``headline``/``standfirst``) and body.

    Returns:
        :class:`numclaims.extract.Mention` objects in text order; lead mentions get their region name.
    """
    body = body_span(text, markers)
    lead = lead_spans(text, title, body)
    out = _headline_multiples(text, lead)
    for m in find_mentions(text, body=body):
        if m.region == "body":
            out.append(m)
            continue
        for region, a, b in lead:
            if a <= m.start and m.end <= b:
                m.region = region
                if region == "headline":
                    _widen_over_passing_verb(text, m, a)
                if not any(o.start < m.end and m.start < o.end for o in out):
                    out.append(m)
                break
    out.sort(key=lambda m: m.start)
    return out


#: A headline's multiplier verb in the present ("Cases More Than Double to 4,820", "Arrivals Triple in a
#: Year"), which running text writes "more than doubled": the extractor reads the multiplier words only
#: before what they multiply ("double the 287").
_HEADLINE_MULTIPLE = re.compile(r"\b(?:(more\s+than|over|nearly|almost)\s+)?(double|triple|treble|quadruple)"
                                r"(?=\s+(?:to|in|since|from|after|on|as|over)\b)", re.I)
_MULTIPLE_QUALIFIER = {"more than": "more_than", "over": "more_than", "nearly": "nearly", "almost": "nearly"}


_PASSING_BEFORE = re.compile(r"\b(" + "|".join(sorted(PASSING_VERBS, key=len, reverse=True)) + r")\s+\Z", re.I)


def _widen_over_passing_verb(text: str, m: Mention, start: int) -> None:
    """A headline's verb of passing right before a bare figure ("Waiting list tops 64,000", "Dental Waiting
    List Passes 9,000"): the mention is widened over it, text ``tops 64,000``, qualifier ``more_than``, as
    :func:`numclaims.numerals.parse` reads that text (:data:`numclaims.vocabulary.PASSING_VERBS`); a
    headline states the level reached in the present. ``start`` is where the headline begins; ``m`` is
    changed in place. Running text keeps the figure alone ("exceeded 2 of its 5 targets")."""
    if m.qualifier != "exact" or m.unit in ("date", "percent"):
        return
    mv = _PASSING_BEFORE.search(text, start, m.start)
    if mv is None:
        return
    m.start, m.text, m.qualifier = mv.start(), text[mv.start():m.end], "more_than"


def _headline_multiples(text: str, lead: list[tuple[str, int, int]]) -> list[Mention]:
    """The multiples of the headline in :data:`_HEADLINE_MULTIPLE` as ``ratio`` mentions (value 2 for
    "double", qualifier ``more_than`` for "More Than"), region ``headline``."""
    out = []
    for region, a, b in lead:
        if region != "headline":
            continue
        for hm in _HEADLINE_MULTIPLE.finditer(text, a, b):
            q = _MULTIPLE_QUALIFIER.get(" ".join(hm.group(1).lower().split())) if hm.group(1) else "exact"
            out.append(Mention(hm.start(), hm.end(), hm.group(0), float(MULTIPLIER_WORDS[hm.group(2).lower()]),
                               "ratio", q, kind="ratio", region="headline"))
    return out


# ------------------------------------------------------------------------------------------ text units
_ABBREV = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Col|Gen|Gov|Sen|Rep|St|Jr|Sr|Lt|Sgt|No|vs|etc|approx|U\.S)\.)$")


@dataclass
class Sentence:
    """One sentence of a paragraph: ``start``/``end`` offsets and its paragraph index ``para``."""

    start: int
    end: int
    para: int


def sentences(text: str, span: tuple[int, int]) -> list[Sentence]:
    """The sentences of ``text[span[0]:span[1]]``: each line is a paragraph, cut after ``.``, ``!`` or
    ``?`` (with closing quotes or brackets) followed by a space and a capital, digit or quote; a dot after
    an initial or a common abbreviation ("Col.", "U.S.") does not end a sentence. Each row of a list or
    table that a line leads into with a colon (:func:`numclaims.extract.list_blocks`) is a sentence of that
    line's paragraph ("By clinic:" then "- Northgate: 1,020 visits"), so it keeps its place and source."""
    out: list[Sentence] = []
    pos = span[0]
    para = 0
    lead_of = {r[0]: blk.lead[0] for blk in list_blocks(text) for run in blk.runs for r in run}
    para_at: dict[int, int] = {}
    for raw in text[span[0]:span[1]].split("\n"):
        if raw.strip() and pos in lead_of and lead_of[pos] in para_at:
            out.append(Sentence(pos, pos + len(raw.rstrip()), para_at[lead_of[pos]]))
        elif raw.strip():
            para_at[pos] = para
            a = pos
            for m in re.finditer(r"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"“‘'(])", raw):
                cut = pos + m.end()
                if _ABBREV.search(text[max(a, cut - 8):pos + m.start() + 1]):
                    continue
                out.append(Sentence(a, pos + m.start() + 1, para))
                a = cut
            out.append(Sentence(a, pos + len(raw.rstrip()), para))
            para += 1
        pos += len(raw) + 1
    return out


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FUNCTION = frozenset("""
of and or were are was is have has had in from who whom that which against for to with by at on into as
than per each a an the said says say while but across among between during over under within this these
those it they their its his her would will could may might can be been being not there here also only
just some many most more less such so very up down out about after before since until when where whose
""".split())
#: Participles without "-ed" that the noun-phrase reader may take for a head noun ("the 9,100 seen in 2022").
_IRREGULAR_PARTICIPLES = frozenset("""
seen given taken made held found known done shown sold paid spent built caught kept lost won brought bought
sent told left put set cut hit hurt run drawn driven written
""".split())
_BE = frozenset("are were was is be been being have has had".split())
_REPORT_VERB = (r"(?:said|says|stated|states|estimated|estimates|reported|reports|announced|announces|noted"
                r"|notes|told|found|finds|believe|believes|claimed|revealed|reveals|explained|added|warned"
                r"|confirmed)")
#: Verbs of a source's own act ("The NGO Caminando Fronteras counted 5,054", "The Ministry has pledged a
#: further KSh 20 million", "The Environment Agency put the damage at about 18 million"): the speaker when
#: the stretch has no reporting verb ("The wardens counted 40 boats, the charity said": the charity).
_ACT_VERB = r"(?:counted|counts|pledged|pledges|promised|promises|allocated|allocates|put|puts|valued|values)"
#: nouns that can speak without a capital letter ("officials said", "one NGO estimates")
_SPEAKER_NOUNS = re.compile(r"\b(?:officials?|authorities|authority|police|government|NGOs?|investigation|newspaper|"
                            r"organi[sz]ation|ministry|minister|experts?|investigators|prosecutors?|report|study|"
                            r"survey|agency|observatory|spokes\w+|secretary|director|chief|analysts?|researchers?|"
                            r"charity|charities|trust|council|commission|board|bureau|institute|office|department|"
                            r"association|foundation|union|court|master|campaigners?|owners?|operators?|treasury|"
                            r"unit|hospital|registry|committee|service)\b", re.I)


def _words_after(text: str, pos: int, limit: int) -> list[re.Match]:
    return list(_WORD.finditer(text, pos, limit))


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = re.compile(r"[,;:.!?()]|\s(?:while|but|and that|which|who|according)\b").search(text, pos, limit)
    return m.start() if m else limit


# ------------------------------------------------------------------------------------------ measure
#: after "and" and one word, a figure: "jobs and save £4 million" joins no noun phrase ("save" is a verb of
#: another figure)
_AND_FIGURE = re.compile(r"\s+(?:an?\s+|some\s+|about\s+)?[$€£\u20b9]?\d")


def _noun_phrase_after(text: str, pos: int, limit: int) -> tuple[str, str | None, int]:
    """``(phrase, head noun, end)`` of the noun phrase right after ``pos`` (after the numeral): up to four
    words stopping at a function word or a verb, looking past "of" once ("hundreds of Peruvians",
    "757 reports of kidnappings"); a participle that follows ("2,000 victims rescued") joins the phrase,
    and so does one after "were/are" ("Seven suspects were arrested")."""
    ws = _words_after(text, pos, min(limit, _clause_end(text, pos, limit)))
    words: list[str] = []
    end = pos
    i = 0
    while i < len(ws) and len(words) < 5:
        w = ws[i].group().lower()
        gap = text[end:ws[i].start()] if words else text[pos:ws[i].start()]
        if words and re.search(r"[,;:()\"“”]", gap):
            break
        if w == "of" and (not words or len(words) == 1) and i + 1 < len(ws):
            if not words and ws[i + 1].group().lower() in ("the", "all", "these", "those", "them", "whom", "which"):
                break
            words.append("of") if words else None
            end = ws[i].end()
            i += 1
            continue
        if w == "and" and words and i + 1 < len(ws) and ws[i + 1].group().lower() not in _FUNCTION \
                and not re.match(r"\s*\d", text[ws[i].end():ws[i].end() + 3]) \
                and not _AND_FIGURE.match(text, ws[i + 1].end()):
            words.append("and")
            end = ws[i].end()
            i += 1
            continue
        if w in _FUNCTION or w in _BE:
            break
        if words and w.endswith("ed") and words[-1] not in ("of", "and"):
            words.append(w)
            end = ws[i].end()
            break
        if words and w.endswith("ly"):
            break
        if w.endswith("ing") and (i + 1 >= len(ws) or ws[i + 1].group().lower() in _FUNCTION):
            break  # "working as prostitutes": a verb; "trafficking victims": a modifier
        words.append(ws[i].group() if ws[i].group()[0].isupper() and i > 0 else w)
        end = ws[i].end()
        i += 1
    if words and words[-1] == "of":
        words.pop()
    phrase = " ".join(words)
    head = next((w for w in reversed(words) if not w.endswith("ed") and w != "of"), None)
    # "Seven suspects were arrested": the participle after a form of "be" says what happened to them
    if words and i < len(ws) and ws[i].group().lower() in _BE:
        j = i + 1
        while j < len(ws) and ws[j].group().lower() in _BE | {"being", "not", "also", "then"}:
            j += 1
        if j < len(ws) and (ws[j].group().lower().endswith("ed") or ws[j].group().lower().endswith("ly")):
            parts = [ws[j].group().lower()]
            if parts[0].endswith("ly") and j + 1 < len(ws) and ws[j + 1].group().lower().endswith("ed"):
                parts.append(ws[j + 1].group().lower())
            if parts[-1].endswith("ed"):
                phrase = f"{phrase} {' '.join(parts)}"
    return phrase, head, end


def _verb_before(text: str, start: int, lo: int) -> str | None:
    """The past-tense or -ing verb (with an -ly adverb before it) whose object the numeral is:
    "sexually exploited 300 women" -> ``sexually exploited``; "rescued at least 234" -> ``rescued``."""
    seg = text[lo:start]
    m = re.search(r"(?:\b([a-z]+ly)\s+)?\b([a-z]+(?:ed|ing))\s+(?:(?:at least|at most|as many as|up to|more than|"
                  r"over|nearly|almost|around|about|some|an estimated|approximately|roughly|only|just)\s+)?$", seg)
    if not m or m.group(2) in ("including", "during", "according", "being", "following", "regarding"):
        return None
    return f"{m.group(1)} {m.group(2)}" if m.group(1) else m.group(2)


def _share_what(text: str, men: Mention, sent: Sentence, total: Mention | None) -> str:
    """``share of <group> among <total's phrase>`` for a percentage or fraction."""
    after = re.sub(r"(?<=\d)[,.](?=\d)", "", text[men.end:sent.end])
    group = None
    m = re.match(r"\s+of\s+(?:the\s+)?(?:[^,.;]*?)\s+(?:were|are|was|is)\s+([a-z][a-z ]*?)(?=[,.;]|\s+(?:and|who|while|in)\b|$)",
                 after)
    if m:
        group = m.group(1)
    m2 = re.match(r"\s+(?:were|are|was|is)\s+([a-z][a-z -]*?)(?=[,.;]|\s+(?:and|who|while|in|from)\b|$)", after)
    if group is None and m2:
        group = m2.group(1)
    m3 = re.match(r"\s+of\s+(?:whom|which)\s+([^,.;]+)", after)
    if group is None and m3 and total is not None:
        return f"share of {_what_of_total(text, total, sent)} who {m3.group(1).strip()}"
    if group is None:
        m4 = re.match(r"\s+of\s+(?:the\s+|all\s+)?([A-Za-z][\w -]*?)(?=[,.;]|\s+(?:are|were|is|was|who|in|and)\b|$)", after)
        if m4 and not re.match(r"\d", m4.group(1)):
            group = m4.group(1)
    base = _what_of_total(text, total, sent) if total is not None else None
    if group and base:
        return f"share of {group} among {base}"
    if group:
        return f"share of {group}"
    if base:
        return f"share of {base}"
    return "share"


def _what_of_total(text: str, total: Mention, sent: Sentence) -> str:
    phrase, _head, _ = _noun_phrase_after(text, total.end, sent.end)
    return phrase or "the total"


def _money_what(text: str, men: Mention, sent: Sentence) -> str:
    before = text[sent.start:men.start]
    m = re.search(r"\b([a-z]+)\s+of\s+(?:around\s+|about\s+|some\s+|nearly\s+|over\s+|up to\s+)?$", before)
    tail = ""
    mt = re.match(r"\s+(allocated|earmarked|spent|paid|received|raised|set aside)\b[^,.;]*", text[men.end:sent.end])
    if mt:
        tail = " " + mt.group(0).strip()
    if m and m.group(1) not in _FUNCTION:
        return m.group(1) + tail
    v = _verb_before(text, men.start, sent.start)
    mf = re.match(r"\s+(?:from|for|in|on)\s+(?:the\s+)?[a-z][a-z ]*?(?=[,.;]|\s+and\b|$)", text[men.end:sent.end])
    if v:
        return (v + (" " + mf.group(0).strip() if mf else "")).strip()
    phrase, _, _ = _noun_phrase_after(text, men.end, sent.end)
    return phrase or "amount"


#: Words before a percentage or fraction that make it the size of a change, not a share of something:
#: "up 10 percent on", "down by half", "a rise of 20 percent", "fell by around a third".
#: ("made up 42 percent of", "make up", "summed up", "broken down": a share, not a change)
CHANGE_CUE = re.compile(r"(?<!\bmade )(?<!\bmake )(?<!\bmakes )(?<!\bmaking )(?<!\bbroken )(?<!\bbroke )\b("
                        + change_words_re(RISE_VERBS, FALL_VERBS) + r"|an?\s+(?:" + change_words_re(RISE_NOUNS, FALL_NOUNS) + r")"
                        r"|(?:cut|cuts|reduce|reduces|reduced|reducing|slash|slashed)\s+(?P<obj>[a-z]+(?:\s+[a-z]+){0,2}?)\s+(?=by\s))"
                        r"\s*(?:by\s+|in\s+)?(?:of\s+)?"
                        r"(?:around\s+|about\s+|some\s+|nearly\s+|almost\s+|over\s+|more than\s+)?$", re.I)


#: Words around a numeral that make it an age bound: "aged 15 to 64", "children under 15", "65 or over",
#: "15-year-olds", "under five years old".
_AGE_BEFORE = re.compile(r"(?:\baged?|\bages|\b(?:children|girls|boys|people|persons|those|adults|minors|patients|"
                         r"residents|women|men)\s+(?:under|over|below|above|older\s+than|younger\s+than))\s+\Z", re.I)
_AGE_AFTER = re.compile(r"(?:\s+years?\s+(?:old|of\s+age)|-years?-olds?|\s+or\s+(?:over|older|above)\b|\s+and\s+"
                        r"(?:over|older|above)\b)", re.I)
_AGE_OWN = re.compile(r"(?:under|over|below|above)\s+\d", re.I)


def table_header(text: str, pos: int) -> tuple[str, list[str]] | None:
    """The header of the table row that holds offset ``pos``: ``(the cell of its column, all the header
    cells)``, lower case, when the row is a line of cells split by tabs or pipes
    (:func:`numclaims.extract.list_blocks`) and the first row of its run holds no digit ("Region\tVisits\t
    Share" over "North\t1,020\t51%": ``("visits", ["region", "visits", "share"])`` for the 1,020); else None."""
    for blk in list_blocks(text):
        for run in blk.runs:
            if not any(a <= pos <= b for a, b in run):
                continue
            split = re.compile(r"\s*(?:\t|\|)\s*")
            head = text[run[0][0]:run[0][1]].strip().strip("|")
            if len(run) < 2 or re.search(r"\d", head) or not split.search(head):
                return None
            row = next((a, b) for a, b in run if a <= pos <= b)
            cells = split.split(head.strip())
            col = len(split.findall(text[row[0]:pos].lstrip(" |")))
            return (cells[col].lower() if col < len(cells) else ""), [c.lower() for c in cells]
    return None


def _table_columns(text: str, items: list["Drafted"]) -> None:
    """A figure of a table row counts what its column header names ("Visits": `visits`); a percentage,
    the share of the column of counts before it (`share of visits`)."""
    for it in items:
        th = table_header(text, it.mention.start)
        if th is None or not th[0]:
            continue
        col, cells = th
        if it.mention.unit == "percent":
            counts = cells[1:cells.index(col)] if col in cells else []
            it.what = f"{col} of {counts[-1]}" if counts else col
        else:
            it.what = col


#: "Of the 4,820 patients, ...": the total a sentence opens with, restating a figure named before.
_OPENING_OF = re.compile(r"\s*(?:Of|Among)\s+(?:the|these|those|all)\s+\Z")


def _finer_places(items: list["Drafted"]) -> None:
    """A place drafted without the places it lies in, where another figure of the article names them
    ("La Rinconada, Peru" after "La Rinconada, Puno, Peru" from "La Rinconada, in Puno region"): the
    longest such ``where`` that starts with the same place and ends with the same country."""
    wheres = {it.record.get("measure", {}).get("where") for it in items} - {None}
    for it in items:
        where = it.record.get("measure", {}).get("where")
        if not where or "," not in where:
            continue
        first, country = where.split(", ")[0], where.split(", ")[-1]
        longer = [w for w in wheres if len(w) > len(where) and w.startswith(first + ", ") and
                  w.endswith(", " + country) and set(where.split(", ")) <= set(w.split(", "))]
        if longer:
            it.record["measure"]["where"] = max(longer, key=len)


def _restated_places(text: str, items: list["Drafted"], home: str | None) -> None:
    """A sentence that opens with a total named before ("Of the 4,820 patients, 1,510 were children ...",
    after "Mombasa County recorded 4,820 dengue cases") and names no place of its own is of that figure's
    place: its figures placed in the article's country only (``home``) or nowhere take it."""
    for it in items:
        m, s = it.mention, it.sentence
        where = it.record.get("measure", {}).get("where")
        if not _OPENING_OF.match(text[s.start:m.start]) or where not in (None, home) or m.region != "body":
            continue
        named = [o for o in items if o.mention.end <= s.start and o.mention.region == "body" and
                 o.mention.value == m.value and o.record.get("measure", {}).get("where") not in (None, home)]
        if not named:
            continue
        place = named[-1].record["measure"]["where"]
        for o in items:
            if o.sentence is s and o.record.get("measure", {}).get("where") in (None, home) and \
                    "measure" in o.record and o.mention.unit != "date":
                o.record["measure"]["where"] = place
                if "measure.where" not in o.guessed:
                    o.guessed.append("measure.where")


#: "1,510 were children under 15", "2,760 were adults aged 15 to 64", "450 were aged 65 or over": the group
#: a count is said to be, with its age bound.
_AGE_GROUP = re.compile(r"\s+(?:were|are|was|is)\s+((?:[a-z]+\s+)?(?:under|over|below|above|aged)\s+\d+"
                        r"(?:\s*(?:to|and|-|\u2013)\s*\d+)?(?:\s+(?:or|and)\s+(?:over|older|above|more|under|"
                        r"younger))?)\b")


def _age_groups(text: str, items: list["Drafted"]) -> None:
    """A count said to be a group with an age bound counts that group, among the total the sentence opens
    with: "Of the 4,820 patients, 1,510 were children under 15" -> `children under 15 among patients`,
    "450 were aged 65 or over" -> `aged 65 or over among patients` (the bound itself is no claim:
    :func:`age_bound`)."""
    for it in items:
        m, s = it.mention, it.sentence
        g = _AGE_GROUP.match(text, m.end, s.end)
        if g is None or m.unit not in ("persons", "count") or m.kind != "quantity":
            continue
        it.what = g.group(1)
        lead = [o for o in items if o.sentence is s and o.mention.end <= m.start and
                _OPENING_OF.match(text[s.start:o.mention.start])]
        if lead:
            noun = re.match(r"\s+([a-z][\w'’-]*)", text[lead[0].mention.end:m.start])
            if noun:
                it.what += f" among {noun.group(1)}"


def age_bound(text: str, m: Mention) -> bool:
    """Whether the numeral of mention ``m`` in ``text`` is an age bound rather than a count of its own:
    preceded by "aged" or by a noun of people with "under"/"over" ("children under 15", the mention's own
    "under 15" after "children"), or followed by "years old", "-year-olds", "or over". "aged 65 or over"
    and "children under 15" are True; "1,510 were children" and "under 15 percent" (a percent has no
    age) are False for the 1,510 and are never asked for the percent (counts only)."""
    lo = max(0, m.start - 40)
    if _AGE_BEFORE.search(text[lo:m.start]):
        return True
    if _AGE_OWN.match(m.text) and re.search(r"\b(?:children|girls|boys|people|persons|those|adults|minors|patients|"
                                            r"residents|women|men)\s+\Z", text[lo:m.start], re.I):
        return True
    return bool(_AGE_AFTER.match(text, m.end))


#: A relative clause about a person before a duration: "said Ann Kerr, who has run the port for 12 years"
#: (set off by a comma or after a name; "5,054 people who died ... in the first five months" is the figure's
#: own clause, its period).
_WHO_CLAUSE = re.compile(r"(?:,|\b[A-Z][\w'’-]*)\s+who\s+[^,;.!?]*$")


def personal_duration(text: str, men: Mention, sent_start: int) -> bool:
    """Whether a duration mention says how long a person did something ("who has run the centre for 12
    years"): such a duration is no period of a figure and no duration of a rate."""
    return men.kind == "duration" and _WHO_CLAUSE.search(text, sent_start, men.start) is not None


def change_cue(text: str, men: Mention, sent_start: int) -> re.Match | None:
    """The change words before a percentage or fraction mention ("were up" of "were up 10 percent on the
    year before"), searched in the 40 characters before it within its sentence, or the change noun right
    after it ("a 10 percent increase on the 190 arrests"); None for a share."""
    if men.unit not in ("percent", "fraction"):
        return None
    lo = max(sent_start, men.start - 40)
    # "a 10 percent increase on the 190 arrests": the change noun after the numeral
    return CHANGE_CUE.search(text, lo, men.start) or _CHANGE_NOUN_AFTER.match(text, men.end)


#: A change noun right after a percentage, then the figure it is a change on: "a 10 percent increase on
#: the 190 arrests of 2014", "a 20 percent drop from the 50 seizures"; ``obj`` is the noun after that figure.
_CHANGE_NOUN_AFTER = re.compile(r"\s+(" + change_words_re(RISE_NOUNS, FALL_NOUNS) + r")\s+(?:on|from|over|compared\s+"
                                r"(?:with|to))\s+(?:the\s+|a\s+)?(?:[\d,.]+\s+|[a-z]+\s+){0,2}?(?P<obj>[a-z]+s)\b", re.I)


def _subject(text: str, a: int, b: int) -> str:
    """The noun phrase a sentence starts with, up to its verb ("Thefts at the port were ..." -> ``thefts at
    the port``; "The number of kidnappings was ..." -> ``kidnappings``); "" when there is none."""
    seg = text[a:b]
    m = re.match(r"\s*(?:the\s+)?(?:number|total|count|amount)\s+of\s+", seg, re.I)
    seg = seg[m.end():] if m else seg
    m = re.match(r"\s*(?:the\s+)?([A-Za-z][\w'’ -]*?)\s+(?:were|was|are|is|have|has|had|\w+ed)\b", seg, re.I)
    return m.group(1).lower().strip() if m and len(m.group(1).split()) <= 5 else ""


#: "N were pedestrians", "the remaining N were drivers and passengers of cars": a plural noun said of a count.
_PREDICATE_NOUN = re.compile(r"\s+(?:were|are)\s+(?:all\s+)?([a-z]+s|children|people|men|women)\b"
                             r"(?:\s+and\s+([a-z]+s)\b)?(?!\s+(?:by|of\s+the)\b)")


def measure_what(text: str, men: Mention, sent: Sentence, others: list[Mention]) -> str:
    """The counted noun phrase of a mention (see the module docstring); never empty."""
    cue = change_cue(text, men, sent.start)
    if cue is not None:
        # "cut crashes by half": the object of the verb is what changes
        subject = cue.group("obj") or _subject(text, sent.start, cue.start())
        return f"change in {subject}" if subject else "change"
    if men.unit in ("percent", "fraction"):
        total = next((o for o in others if men.of and o.start == men.of[0]), None)
        return _share_what(text, men, sent, total)
    if men.currency is not None:
        return _money_what(text, men, sent)
    if men.kind == "rate":
        # "The harbour office is now open five days a week": what the clause says happens at that rate
        m = re.search(r"(?:^|[,;]\s*)(?:(?:and|but|while)\s+)?(?:the\s+)?([A-Za-z][\w'’ -]*?)\s+"
                      r"(is|are|was|were|has been|have been)\s+(?:now\s+|still\s+|only\s+)?([a-z]+)\s+$",
                      text[sent.start:men.start], re.I)
        unit, per = men.unit.split(" per ")
        if m and len(m.group(1).split()) <= 4:
            return f"{unit} a {per} the {m.group(1).lower()} {m.group(2)} {m.group(3)}"
        # "admitted 38 dengue patients a day": the noun counted at that rate, and the verb before it
        phrase = _noun_phrase_after(text, men.end, sent.end)[0]
        phrase = re.split(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b", phrase)[0]
        if phrase and men.currency is None and phrase.split()[0] not in ("a", "an", "per", "each", "every"):
            verb = _verb_before(text, men.start, sent.start)
            return f"{phrase} {verb} a {per}" if verb and verb.split()[-1] not in phrase.split() else f"{phrase} a {per}"
        return f"{'count' if unit == 'persons' else unit} a {per}"  # "more than 33 a day": no noun
    if men.kind == "duration":
        # "prison sentences from five to 15 years", "a term of three years": the noun it is a length of
        prep = "" if re.match(r"(?:from|between)\b", men.text, re.I) else r"(?:of|from|lasting)\s+"
        m = re.search(r"\b([a-z]+(?:\s+[a-z]+)?)\s+" + prep + "$", text[sent.start:men.start])
        if m and not any(w in _FUNCTION or w.endswith("ed") for w in m.group(1).split()):
            return m.group(1)
        # "The harbour was closed for 24 hours": how long what the clause says lasted
        m = re.search(r"(?:^|[,;]\s*)(?:the\s+)?([A-Za-z][\w'’ -]*?)\s+(was|were|is|are|has been|have been|had been)\s+"
                      r"([a-z]+ed)\s+(?:for|during)\s+$", text[sent.start:men.start], re.I)
        if m and len(m.group(1).split()) <= 4:
            return f"period the {m.group(1).lower()} {m.group(2)} {m.group(3)}"
        return ""  # filled from the nearest figure by the caller
    if men.unit == "date":
        return ""  # filled from the nearest figure by the caller
    if men.kind == "age":
        before = text[sent.start:men.start]
        m = re.search(r"\b(?:the\s+)?([a-z]+)\s+(?:of\s+(?:whom|who)\s+)?(?:is|was|are|were)?\s*(?:reportedly\s+)?$", before)
        return f"age of {m.group(1)}" if m and m.group(1) not in _FUNCTION else "age"
    if men.qualifier == "range" and re.search(r"\bages?\s+of\s*$|between the ages", text[max(sent.start, men.start - 30):men.start + 20]):
        before = text[sent.start:men.start]
        m = re.search(r"\b([a-z]+)\s+(?:are|were|is|was)\s+(?:between\s+)?(?:the\s+)?$", before)
        return f"ages of {m.group(1)}" if m else "ages"
    if men.kind == "ratio":
        return "multiple"
    phrase, _, _ = _noun_phrase_after(text, men.end, sent.end)
    verb = _verb_before(text, men.start, sent.start)
    if phrase and verb and not phrase.endswith("ed") and verb.split()[-1] not in phrase.split():
        phrase = f"{phrase} {verb}"
    pred = _PREDICATE_NOUN.match(text, men.end, sent.end) if not phrase else None
    if pred and not pred.group(1).endswith("ed") and pred.group(1) not in _FUNCTION:
        # "1,730 were pedestrians and 1,150 were motorcyclists": the noun each count is said to be
        return pred.group(1) + (f" and {pred.group(2)}" if pred.group(2) else "")
    if not phrase:
        # "Of the boats, 2 were seized": the noun named before the numeral, and what happened to it
        before = text[sent.start:men.start]
        m = re.search(r"\b(?:of|among)\s+(?:the|these|those|all)\s+([a-z][a-z ]*?),\s*$", before, re.I) or \
            re.search(r"\b([A-Za-z][a-z]+s)\b[^,.;]*$", before)  # "the second half of 2012 saw 688"
        phrase = m.group(1).lower() if m and m.group(1).lower() not in _FUNCTION else "count"
        done = re.match(r"\s+(?:were|was|are|is|have been|had been|has been)\s+([a-z]+ed)\b", text[men.end:sent.end])
        if done:
            phrase = f"{phrase} {done.group(1)}" if phrase != "count" else done.group(1)
    return phrase


# ------------------------------------------------------------------------------------------ places
_PLACE_PREP = re.compile(r"\b(?:in|at|near|across|throughout|from|to|of|inside|within)\s+(?:the\s+)?$")
_NAME = re.compile(r"\b[A-Z][a-záéíóúñü'’-]+(?:\s+(?:de|del|la|las|los|el|of|y|da|do)?\s*[A-Z][a-záéíóúñü'’-]+)*")
_NOT_PLACE = frozenset("""
The A An In On At Of According Authorities Police Officials Statistics National Citizen Observatory Ministry
Interior Attorney General Secretary Department State Law President Colonel Association Asociacion
Madame Mr Mrs Ms Dr United Nations Development Program Criminal Code InSight Crime Analysis Trafficking
Human Persons Report Day Anti NGO However Following Upon Known Victims Most Many Now Cayo Some
Authority Agency Office Commission Court Council Institute Bureau Unit Party Committee Service
""".split())
_PLACE_WORDS = frozenset("region province department state city town district municipality country border".split())


#: Words of an organisation's name: no place ("Spanish Red Cross", "World Food Programme").
_ORG_WORDS = frozenset("Cross Crescent Fund Programme Program Bank Foundation Organisation Organization Union "
                       "Society Trust Group Network Coalition Hospital Ministry Treasury Fronteras "
                       "Party Democrats Republicans Socialists Conservatives Liberals Greens Labour".split())
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
#: "Kisauni, the worst-hit sub-county,": a name in apposition with a kind of place.
_PLACE_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:sub-county|county|district|region|province|"
                               r"town|city|village|island|state|municipality|ward|suburb|neighbou?rhood|archipelago)"
                               r"(?=\s*[,;.)])")
#: "18,540 landed on El Hierro", "7,320 on Gran Canaria": "on" before a name after a figure or a verb of
#: arriving.
_ON_PLACE = re.compile(r"(?:\d\s+|\b(?:landed|arrived|stranded|living|lives|live|based|born)\s+)on\s+$")


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """``({country name: country}, {subdivision name: its country's name})`` from pycountry (ISO 3166),
    names lower-cased and without accents; countries under their common and short names."""

    def fold(s: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()

    countries: dict[str, str] = {}
    by_code: dict[str, str] = {}
    import pycountry  # lazy: 1.9 s to load its ISO 3166 tables, needed only when drafting

    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name.split(",")[0]
        by_code[c.alpha_2] = name
        for n in {c.name, name, c.name.split(",")[0]}:
            countries[fold(n)] = name
    subs: dict[str, str] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None:  # first level only: regions, states, provinces
            subs.setdefault(fold(s.name), by_code.get(s.country_code, ""))
    return countries, subs


@lru_cache(maxsize=1)
def _currency_names() -> dict[str, str]:
    """``{ISO 4217 name, lower case: code}`` from pycountry ("canadian dollar": CAD, "swiss franc": CHF, "us
    dollar": USD), read once (lazy, as :func:`_gazetteer`)."""
    import pycountry  # lazy, as in _gazetteer

    return {c.name.lower(): c.alpha_3 for c in pycountry.currencies}


#: "24,600 tonnes", "2.2 million hectares of maize": a unit of measure right after a count.
_MEASURE_UNIT_AFTER = re.compile(r"\s+(" + "|".join(sorted(map(re.escape, MEASURE_UNIT_WORDS), key=len, reverse=True))
                                 + r")\b", re.I)
#: "318 million Canadian dollars", "5 million Swiss francs": one or two capitalised words and a currency noun.
_CURRENCY_NAMED_AFTER = re.compile(r"\s+((?:[A-Z][A-Za-z.]*\s+){1,2})([a-z]+)\b")
_RATE_BASE_AFTER = re.compile(r"\s+(?:a|an|per|each|every)\s+(day|week|month|year)\b")
#: A figure's words that name the US dollar itself ("US$", "U.S. dollars", "USD"), not a bare "$"/"dollars".
_NAMED_USD = re.compile(r"US\$|U\.S\.\s?\$|\bUSD\b|\bU\.?S\.?\s+dollars?\b|\bUS\s+dollars?\b")


#: "25 basis points", "1.5 points": points after a number the extractor read as a count.
_POINTS_AFTER_COUNT = re.compile(r"\s+(?:(basis[\s-]+points?)|points?)\b|\s?(bps?)\b", re.I)
#: Words before "N points" in its sentence that make the points percentage points ("the jobless rate fell
#: 1.5 points", "a share ... down 2 points").
_POINTS_OF_A_RATE = re.compile(r"\b(?:rates?|percentages?|shares?|percent|per\s+cent)\b", re.I)


def _points(text: str, it: "Drafted", items: list["Drafted"]) -> bool:
    """A count followed by "basis points" (hundredths of a percentage point: "25 basis points" is 0.25
    percentage points, :data:`numclaims.vocabulary.BASIS_POINTS_PER_POINT`), or by "points" after a
    percentage figure or a rate, share or percentage named earlier in its sentence ("rose to 65.3 percent,
    up 1.5 points"; "the pass rate rose 1.5 points"), is a figure in ``percentage_points``: its mention and
    record take the words ("25 basis points", value 0.25; "1.5 points"). "points" with no such word before it
    (a score, an index) stays a count. Returns whether it was read so."""
    m, rec, s = it.mention, it.record, it.sentence
    pm = _POINTS_AFTER_COUNT.match(text, m.end)
    if pm is None:
        return False
    basis = bool(pm.group(1) or pm.group(2))
    if not basis and not (_POINTS_OF_A_RATE.search(text, s.start, m.start) or any(
            o.sentence is s and o.mention.unit == "percent" and o.mention.end <= m.start for o in items)):
        return False
    words = text[m.start:pm.end()]
    q = value_from_words_safe(words)
    if q is None:
        return False
    m.end, m.text, m.unit, m.value = pm.end(), words, "percentage_points", q
    rec.update(text=words, unit="percentage_points", value=q)
    return True


def units_from_words(text: str, items: list["Drafted"]) -> None:
    """The unit a count's next words give, written into its record. A unit of measure right after the numeral
    (:data:`numclaims.vocabulary.MEASURE_UNIT_WORDS`: "24,600 tonnes" is ``tonnes``, "2.2 million hectares"
    ``hectares``) and a currency named by its ISO 4217 name (pycountry's: "318 million Canadian dollars" is
    ``CAD``, "85,000 Canadian dollars a week" ``CAD per week``); the record's ``text`` stays the numeral,
    which fits any of these units. Then, when the article names exactly one dollar other than the US dollar
    this way (or by its code) and never the US dollar by name ("US$", "US dollars", "USD"), a bare "$" or
    "dollars" of its other figures is that dollar ("318 million Canadian dollars last season from 472
    million dollars in 2024": both ``CAD``; a record may give any dollar to such a text,
    :data:`numclaims.vocabulary.DOLLAR_CURRENCIES`)."""
    named: set[str] = set()
    for it in items:
        m, rec = it.mention, it.record
        if m.kind != "quantity" or rec.get("unit") != "count":
            continue
        if _points(text, it, items):
            continue
        um = _MEASURE_UNIT_AFTER.match(text, m.end)
        if um is not None:
            rec["unit"] = MEASURE_UNIT_WORDS[" ".join(um.group(1).lower().split())]
            continue
        cm = _CURRENCY_NAMED_AFTER.match(text, m.end)
        if cm is None:
            continue
        words, noun = " ".join(cm.group(1).split()).lower(), cm.group(2)
        code = next((c for n in (noun, noun[:-1]) if (c := _currency_names().get(f"{words} {n}"))), None)
        if code is not None:
            per = _RATE_BASE_AFTER.match(text, cm.end())
            rec["unit"] = code + (f" per {per.group(1)}" if per else "")
            named.add(code)
    for it in items:
        code = (it.mention.currency or "") if _NAMED_USD.search(it.mention.text) or it.mention.currency != "USD" else ""
        named.add(code)
    dollars = {c for c in named if c in DOLLAR_CURRENCIES}
    if len(dollars) != 1 or dollars == {"USD"}:
        return
    (only,) = dollars
    for it in items:
        m, rec = it.mention, it.record
        if m.currency == "USD" and not _NAMED_USD.search(m.text) and str(rec.get("unit", "")).startswith("USD"):
            rec["unit"] = only + rec["unit"][3:]


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


@dataclass
class Place:
    """A place named in the text: ``name`` as written, its ``country`` (None when unknown) and offset."""

    name: str
    start: int
    country: str | None = None
    is_country: bool = False
    sub_unit: bool = False  # "Kisauni, the worst-hit sub-county": a part of the larger place named before


_MONTH_NAMES = frozenset(m.lower() for m in MONTH_NAMES)


#: The last word of a name that makes it a place ("Nairobi County", "Puno Region", "Kandahar Province").
_PLACE_SUFFIX = re.compile(r"\s+(?:County|Province|Region|District|Department|Municipality|Governorate|Prefecture)$")


def _speaks(text: str, name: str) -> bool:
    """Whether the text makes ``name`` a speaker ("Ridgeway said it would move ..."): a company or a person,
    so "at Ridgeway's laundry division" names no place."""
    return re.search(r"\b" + re.escape(name) + r"\s+(?:said|says|announced|reported|told|added|stated)\b", text) is not None


def places_in(text: str, a: int, b: int, headline: bool = False) -> list[Place]:
    """Places named in ``text[a:b]`` (see the module docstring), in order; in a headline (title case)
    only the names ISO 3166 knows count."""
    countries, subs = _gazetteer()
    out: list[Place] = []
    named = {countries[_fold(m.group())] for m in _NAME.finditer(text) if _fold(m.group()) in countries}
    for m in _NAME.finditer(text, a, b):
        name = m.group().strip()
        words = name.split()
        while words and words[0] in _NOT_PLACE:
            words.pop(0)
        if not words:
            continue
        name = re.sub(r"['’]s$", "", " ".join(words))  # "Bristol’s 472,000 residents": Bristol
        start = m.start() + m.group().index(words[0])
        f = _fold(name)
        base = _PLACE_SUFFIX.sub("", name)
        cited = re.search(r"\baccording\s+to\s+(?:the\s+)?$", text[max(0, start - 18):start], re.I) is not None
        if base != name and len(base) > 1 and not _quoted(text, start) and not headline and not (
                cited and name.endswith(" Department")):
            # ("according to Vermont Labor Department figures": a source, not a French department)
            # "Nairobi County recorded 1,020": a name that says it is a place ("County", "Province", ...)
            out.append(Place(name, start, subs.get(_fold(base))))
            continue
        nxt = text[m.end():m.end() + 14].lower()
        if re.search(r"\baccording\s+to\s+(?:the\s+)?$", text[max(0, start - 18):start], re.I) or \
                any(w in _ORG_WORDS for w in words):
            continue  # "according to the Spanish Red Cross": a source, not a place
        if not headline and not _quoted(text, start) and (
                re.search(r"\s+Islands?$", name) or _PLACE_APPOSITION.match(text, m.end()) or
                (_IN_PLACE_AFTER.match(text, m.end()) and not _speaks(text, name) and
                 not any(w in _NOT_PLACE for w in words)) or
                (f not in subs and f not in countries and not _speaks(text, name) and
                 not any(w in _NOT_PLACE for w in words) and _fold(words[0]) not in _MONTH_NAMES and
                 words[0] not in _WEEKDAYS and len(words) > 1 and
                 re.search(r"(?<![Aa]ccording )\b(?:in|at|near|to)\s+" + re.escape(name) + r"\b(?![\w'’])", text) is not None and
                 not _PLACE_PREP.search(text[max(a, start - 14):start])) or
                (_ON_PLACE.search(text[max(a, start - 24):start]) and _fold(words[0]) not in _MONTH_NAMES
                 and words[0] not in _WEEKDAYS and not (f not in subs and f not in countries and _speaks(text, name)))):
            # "the Canary Islands", "Kisauni, the worst-hit sub-county,", "18,540 landed on El Hierro,
            # 7,320 on Gran Canaria": names the text says are places
            app = _PLACE_APPOSITION.match(text, m.end())
            out.append(Place(name, start, subs.get(f) or (countries.get(f)),
                             sub_unit=bool(app and re.search(r"\bsub-|ward|suburb|neighbou?rhood", app.group(0)))))
            continue
        if f in countries and not re.match(r"'s\b|\s+(?:police|government|ministry)", text[m.end():m.end() + 12]):
            out.append(Place(countries[f], start, countries[f], True))
        elif f in subs and (subs[f] in named or _PLACE_PREP.search(text[max(a, start - 14):start]) or
                            (len(words) > 1 and not headline)) and not _quoted(text, start):
            # a subdivision of several words needs no country named ("The Eastern Cape's matric pass rate":
            # ZA-EC, South Africa); one word does ("Queen of the Delta" is no Nigerian state)
            out.append(Place(name, start, subs[f] or None))
        elif _PLACE_PREP.search(text[max(a, start - 14):start]) and words[0] not in _NOT_PLACE \
                and not any(w in _NOT_PLACE for w in words) and not re.match(r"\s*\(", nxt) \
                and not re.search(r"(?:ian|ean|ese|ish|can)s?$", words[-1]) and not _quoted(text, start) \
                and _fold(words[0]) not in _MONTH_NAMES and words[0] not in _WEEKDAYS and not headline \
                and not re.match(r"\s+(?:administration|government|police|ministry|law|said|reported)\b", text[m.end():m.end() + 16]) \
                and not _speaks(text, name):
            out.append(Place(name, start))
    return out


#: After a name, the place it lies in, in apposition: "La Rinconada, in Puno region near the border".
_IN_PLACE_AFTER = re.compile(r",\s+in\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+(?:region|province|"
                             r"county|district|state|department|prefecture|governorate)\b")


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a double-quoted stretch of its line ("Queen of the Delta")."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def nearest_places(ps: list[Place], pos: int, text: str) -> list[Place]:
    """The place nearest ``pos`` and the places that follow it in apposition ("in La Rinconada, in the
    Puno region"), plus any country named in the same stretch."""
    if not ps:
        return []
    i = min(range(len(ps)), key=lambda k: abs(ps[k].start - pos))
    # "its plant in Monterrey, Mexico, where it has added 600 jobs": a country right after a place (a comma
    # between) is that place's country, so the place it follows is named too
    while i > 0 and ps[i].is_country and not ps[i - 1].is_country and \
            re.fullmatch(r",\s*", text[ps[i - 1].start + len(ps[i - 1].name):ps[i].start]):
        i -= 1
    # "La Rinconada, in Puno region near the Bolivian border, is a town of around 40,000": the place a
    # nearer one is said to lie in stands first ("La Rinconada, Puno")
    while i > 0 and not ps[i].is_country and re.fullmatch(r",\s+in\s+(?:the\s+)?", text[ps[i - 1].start + len(ps[i - 1].name):ps[i].start]):
        i -= 1
    out = [ps[i]]
    j = i
    # not over a figure: "18,540 landed on El Hierro, 7,320 on Gran Canaria" names one island each
    while j + 1 < len(ps) and ps[j + 1].start - (ps[j].start + len(ps[j].name)) <= 18 and \
            not re.search(r"\d", text[ps[j].start + len(ps[j].name):ps[j + 1].start]):
        out.append(ps[j + 1])
        j += 1
    return out


def _where_text(ps: list[Place], home: str | None) -> str:
    """"La Rinconada, Puno, Peru" from the places of one sentence (local first, country last)."""
    names: list[str] = []
    country = None
    for p in ps:
        if p.is_country:
            country = country or p.name
            continue
        if p.name not in names:
            names.append(p.name)
        country = country or p.country
    if not names:
        return country or ""
    country = country or home
    return ", ".join(names + ([country] if country and country not in names else []))


# ------------------------------------------------------------------------------------------ attribution
_ORG_ROLE = [
    (re.compile(r"\bNGOs?\b|organi[sz]ation|association|asociaci[oó]n|foundation|observatory|civil society|"
                r"\bcharit(?:y|ies)\b|\btrust\b|Red Cross|Red Crescent", re.I),
     "non-governmental organisation"),
    (re.compile(r"\bpolice\b|anti-trafficking unit|\bcolonel\b|\bofficers?\b", re.I), "police"),
    (re.compile(r"ministry|minister|government|officials?|authorities|\bauthority\b|secretary|attorney general|"
                r"president|director|department|agency of|\bcouncil\b|\bcommission\b|\btreasury\b", re.I), "government"),
    (re.compile(r"newspaper|investigation|press|news agency|\(AP\)|Associated Press|Reuters|AFP|La Republica|"
                r"El Peruano|La Razon|Los Andes|Peru 21|El Comercio|television|radio|magazine", re.I), "press"),
    (re.compile(r"\bUnited Nations\b|\bUN\b|UNODC|World Bank|State Department", re.I), "international body"),
]


_GENERIC_ROLES = frozenset({"source named in the article", "the outlet's own reporting", "outlet",
                            "news outlet that relayed it"})


def _role(who: str, apposition: str | None) -> str:
    if apposition:
        return apposition
    for rx, role in _ORG_ROLE:
        if rx.search(who):
            return role
    return "source named in the article"


_NP = r"((?:the\s+|a\s+|an\s+|one\s+|another\s+)?(?:[A-Z][\w'’.-]*|[a-z][\w'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?(?:[A-Z(][\w'’.()-]*|[a-z][\w'’-]*)){0,7}?)"
# "and" ends the source unless a capitalised word follows: "the National Transport and Safety Authority"
_ACCORDING = re.compile(r"\b(?:according to|as reported by|reported by|cited by|as stated by)\s+" + _NP +
                        r"(?=\s*[,.;]|\s+(?:while|which|that|in|on|to|with)\b|\s+and\b(?!\s+(?-i:[A-Z]))|$)", re.I)
_SAID_BY = re.compile(r"\b(?:said|reported|stated|announced|noted|told|wrote|according to)\s+" +
                      r"((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|del\s+|la\s+)?(?:[A-Z(][\w'’.()-]*|\d+\b)){0,7})"
                      r"(?:,\s+((?:the|a|an)\s+[^,.;]+?)(?=[,.;]))?")
#: "council figures show", "Home Office data show": the owner of the figures (not "new figures show").
_OWNER_SHOWS = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,4}|[a-z]+\s+)(?:figures|data|statistics|records)\s+"
                          r"(?:show|shows|showed|indicate|indicates|reveal|reveals|suggest|suggests)\b")
_NO_OWNER = frozenset("new latest official recent provisional preliminary annual monthly weekly these the its their "
                      "such other our my his her".split())
_BY_SHOW = re.compile(r"\b(?:statistics|figures|data|a report|reports|records)\s+(?:by|from)\s+" + _NP +
                      r"\s+(?:show|shows|showed|indicate|indicates|reveal|reveals)\b", re.I)


def _speaker_before(text: str, a: int, vstart: int) -> str | None:
    """The noun phrase just before a reporting verb at ``vstart`` (back to a clause boundary)."""
    seg = text[a:vstart]
    rel = re.search(r",\s+(?:which|who|that)\s+(?:(?:has|have|had)\s+)?$", seg)
    if rel:
        # "highlighted by a newspaper investigation earlier this year, which found that": the speaker is
        # the noun phrase the relative clause hangs on
        head = seg[:rel.start()]
        mb = re.search(r"\b(?:by|from)\s+((?:the|a|an|one|another)\s+[^,;]+?)(?:\s+(?:earlier|last|this|in|on)\b[^,;]*)?$",
                       head)
        if mb:
            return mb.group(1).strip()
        seg = head
    # "The mayor, who took office in 2023, said": the speaker is before the relative clause
    # (a comma between digits is no clause boundary: "who operate about 70,000 minibuses")
    seg = re.sub(r",\s+(?:who|which|whose|where)\b(?:[^,;]|(?<=\d),(?=\d))*,\s*$", " ", seg)
    # "Asociacion Hurayo, a Peruvian NGO operating in the region, estimates": the name before the apposition
    seg = re.sub(r"(\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*),\s+(?:a|an|the)\s+[^,;]*,\s*$", r"\1 ", seg)
    cut = max((m.start() for m in re.finditer(r"[;:]|,(?!(?<=\d,)\d)", seg)), default=-1)  # not "1,200"
    # "and" between capitalised words belongs to a name ("the Department for Work and Pensions")
    m_while = [m for m in re.finditer(r"\b(?:while|but|and|that|which|when|whereas|although)\s+", seg)
               if not (m.group().startswith("and") and re.search(r"\b[A-Z][\w'’-]*\s+$", seg[:m.start()])
                       and re.match(r"[A-Z]", seg[m.end():]))]
    start = max(cut + 1, m_while[-1].end() if m_while else 0)
    np = seg[start:].strip().strip("\"“”'")
    if re.search(r"\b(?:is|are|was|were|be|been|being)$", np):
        return None  # "Quispe is believed": a passive names no speaker
    np = re.sub(r"\s+(?:has|have|had|also|previously|recently|reportedly|later|then)$", "", np).strip()
    np = re.sub(r"\s+(?:has|have|had|also)$", "", np).strip()
    # "The trust's survey of 1,200 people ... found": the survey of whoever owns it
    owned = re.match(r"((?:the\s+)?[\w-]+['’]s\s+(?:survey|report|study|analysis|figures|data|count|census|review))\b",
                     np, re.I)
    if owned:
        return owned.group(1)
    if not np or len(np.split()) > 10 or np.lower() in ("it", "they", "he", "she", "this", "which", "who"):
        return None
    if re.search(r"\d", np) or not (_SPEAKER_NOUNS.search(np) or re.search(r"\b[A-Z][a-z]", np)):
        return None
    if np.split()[0].lower() in ("there", "this", "these", "that", "it", "in", "on", "the number"):
        return None
    return np


@dataclass
class Said:
    """One link of an attribution found in the text: ``who``, its ``role`` and where it was found."""

    who: str
    role: str
    at: int
    relays: bool = False  # an outlet that relayed the words ("reported the AP")


#: ", Declan Moriarty" after a role ("the council's head of finance"), or " for education, Fundile Gade" after
#: "the MEC": the name in apposition, then the end of the phrase.
_NAME_AFTER_ROLE = re.compile(r"((?:\s+(?:for|of)\s+[a-z][\w'’ -]{0,40}?)?),\s+((?:[A-Z][\w'’-]+\s+){1,3}?[A-Z][\w'’-]+)"
                              r"(?=\s*(?:[,.;:!?\"”]|$))")


#: "said the director of health, Tom Rea": a reporting verb, a role in lower case, a comma and a name.
_SAID_ROLE = re.compile(r"\b(?:said|told|stated|announced)\s+(the\s+[a-z][\w'’ -]{0,50}?)(?=,\s+[A-Z])")


def _named_after_role(text: str, who: str, end: int, b: int) -> Said | None:
    """The person named in apposition after a role ("according to figures presented by the council's head of
    finance, Declan Moriarty"; "said the MEC for education, Fundile Gade"): a :class:`Said` of the name with
    the role as its ``role``; None when ``who`` is no role (it names no "the ..." or "X's ...") or no name
    follows."""
    role = re.sub(r"^.*?\b(?:by|from)\s+(?=the\b|[A-Z])", "", who)
    if not re.match(r"the\s|[\w-]+['’]s\s", role, re.I):
        return None
    m = _NAME_AFTER_ROLE.match(text, end, b)
    if m is None or any(w in _ORG_WORDS or w in _NOT_PLACE for w in m.group(2).split()):
        return None
    role = (role + m.group(1)).strip()
    return Said(m.group(2), role, end)


def _when_word(who: str) -> bool:
    """Whether the words after a reporting verb open with a day or month ("said Tuesday", "said on Monday",
    "announced in June"): when it was said, not who said it."""
    w = who.split()[0].strip(",.;:") if who.split() else ""
    return w in _WEEKDAYS or _fold(w) in _MONTH_NAMES or w.lower() in ("today", "yesterday", "tonight")


def reporting_phrases(text: str, a: int, b: int) -> list[Said]:
    """Every attributed source named by a reporting phrase in ``text[a:b]``, in order; a person named in
    apposition after a role is the source, the role its role (:func:`_named_after_role`)."""
    out: list[Said] = []
    for m in _ACCORDING.finditer(text, a, b):
        who = m.group(1).strip()
        named = _named_after_role(text, who, m.end(1), b)
        if named is not None:
            named.at = m.start()
            out.append(named)
            continue
        rest = text[m.end(1):b]
        app = re.match(r",\s+((?:the\s+|a\s+|an\s+)?(?:head|director|chief|secretary|minister|spokes\w+|president|"
                       r"leader|member|coordinator|founder|commander|general|deputy|official)[^,.;]*)", rest, re.I)
        out.append(Said(_clean_who(who), _role(who, app.group(1).strip() if app else None), m.start()))
    for m in _SAID_BY.finditer(text, a, b):
        who = m.group(1).strip()
        if who.split()[0] in ("In", "On", "At", "That", "This", "These") or any(s.at == m.start() for s in out) or \
                _when_word(who):
            continue  # "Ridgeway Home Appliances said Tuesday it will": a day, no speaker after the verb
        if m.group(0).lower().startswith("according"):
            continue
        if re.search(r"\b(?:who|which|that)\s+\Z", text[max(a, m.start() - 8):m.start()]):
            continue  # "candidates who wrote the National Senior Certificate exams": no reporting phrase
        named = _named_after_role(text, who, m.end(1), b)
        if named is not None:
            named.at = m.start()
            out.append(named)
            continue
        app = m.group(2)
        relays = m.group(0).lower().startswith("reported") and _role(who, None) == "press"
        out.append(Said(_clean_who(who), _role(who, app.strip() if app else None), m.start(), relays))
    for m in _SAID_ROLE.finditer(text, a, b):
        # "said the director of health, Tom Rea": a role in lower case, then the name
        named = None if any(s.at == m.start() for s in out) else _named_after_role(text, m.group(1), m.end(1), b)
        if named is not None:
            named.at = m.start()
            out.append(named)
    for m in _BY_SHOW.finditer(text, a, b):
        out.append(Said(_clean_who(m.group(1)), _role(m.group(1), None), m.start()))
    for m in _OWNER_SHOWS.finditer(text, a, b):
        owner = m.group(1).strip()
        if owner.lower() not in _NO_OWNER and not any(abs(s.at - m.start()) < 40 for s in out):
            out.append(Said(_clean_who(owner), _role(owner, None), m.start()))
    for m in re.finditer(r"\b(?:(?:has|have|had)\s+)?" + _REPORT_VERB + r"\b", text[a:b]):
        vstart = a + m.start()
        if any(abs(s.at - vstart) < 3 for s in out):
            continue
        if re.match(r"\s+(?:by|the\s+[A-Z]|[A-Z])", text[a + m.end():a + m.end() + 4]) and \
                text[a + m.start():a + m.end()].split()[-1] in ("reported", "said", "stated") and \
                not _when_word(text[a + m.end():a + m.end() + 12].split()[0] if text[a + m.end():b].split() else ""):
            continue  # "said X" / "reported the X": handled above
        who = _speaker_before(text, a if not out else max(a, out[-1].at), vstart)
        if who:
            out.append(Said(_clean_who(who), _role(who, None), vstart))
    if not out:
        for m in re.finditer(r"\b(?:(?:has|have|had)\s+)?" + _ACT_VERB + r"\b", text[a:b]):
            who = _speaker_before(text, a, a + m.start())
            if who:
                out.append(Said(_clean_who(who), _role(who, None), a + m.start()))
    out.sort(key=lambda s: s.at)
    return out


#: Common words that open a speaker's noun phrase only with a capital at the start of a sentence.
_LOWER_OPENERS = frozenset("one another officials authorities police prosecutors investigators experts analysts "
                           "researchers a an the".split())


def _clean_who(who: str) -> str:
    """A speaker as the text names it mid-sentence: without a leading "The" before a name, a trailing
    relative pronoun, or "a report from" ("a report from the National Citizen Observatory (ONC)" ->
    ``National Citizen Observatory (ONC)``); a common opening word in lower case ("One NGO" -> ``one NGO``,
    "Officials" -> ``officials``)."""
    who = re.sub(r"^(?:an?\s+|the\s+)?(?:(?:new|recent|latest|annual)\s+)?(?:report|study|survey|figures|data|statistics)\s+"
                 r"(?:from|by|of)\s+(?=(?:the\s+)?[A-Z])", "", who.strip(), flags=re.I)
    # "CARVER, Ohio - Ridgeway Home Appliances said": the dateline before the dash is no part of the name
    who = re.sub(r"^(?:[A-Z][A-Z .'’-]*,\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+[-–—]\s+(?=[A-Z])", "", who.strip())
    # "according to NHS England figures published on Thursday": the body whose figures they are
    who = re.sub(r"\s+(?:published|released|issued)$", "", who)
    own = re.fullmatch(r"((?:[A-Z][\w&'’.-]*\s+)*[A-Z][\w&'’.-]*)\s+(?:figures|data|statistics)", who)
    if own and own.group(1).split()[0] not in ("The", "New", "Official", "Latest"):
        who = own.group(1)
    who = re.sub(r"^(?:The|the)\s+(?=[A-Z])", "", who)
    who = re.sub(r"\s+(?:that|which|who)$", "", who)
    first = who.split(" ", 1)
    if first and first[0][:1].isupper() and first[0].lower() in _LOWER_OPENERS:
        who = " ".join([first[0].lower()] + first[1:])
    return who.strip(" ,.;:")


#: A paragraph that goes on from the one before ("In comparison, there were 505 ...", "Homicide numbers,
#: meanwhile, ...") or points back at its figures ("If December 2012 is included in the 2013 figure"): its
#: figures are the earlier source's.
_GOES_ON = re.compile(r"^\s*(?:In\s+comparison|By\s+contrast|In\s+contrast|Meanwhile|Similarly|Likewise|"
                      r"In\s+addition|Also)\b|^[^.;]{0,60},\s+(?:meanwhile|by\s+contrast|in\s+comparison),|"
                      r"\bthe\s+(?:(?:1[89]|20)\d\d\s+)?(?:figures?|numbers?|data|tally|total)\b(?!\s+of\b)", re.M)
#: A news agency whose report a brief rewrites ("..., reported the Associated Press (AP)"): the chain ends
#: at it, for every figure of the news part of the article.
_WIRE = re.compile(r"Associated Press|\(AP\)|Reuters|\bAFP\b|Agence France|\bEFE\b|Xinhua|\bANSA\b|"
                   r"\bUPI\b|Press Association|news agency", re.I)
#: A heading that opens the outlet's own analysis ("InSight Crime Analysis"): there a source it cites is
#: the end of the chain.
_ANALYSIS_HEADING = re.compile(r"^[^.!?\n]{0,40}\b(?:Analysis|Comment|Commentary)\s*$", re.M)


@dataclass(frozen=True)
class Context:
    """What the attribution of a figure needs from outside its paragraph (:func:`attribution_for`).

    ``earlier``: the sentences of the body's earlier paragraphs, latest paragraph first (one list each);
    ``analysis``: the figure stands after a heading of the outlet's own analysis; ``demonym``: the
    adjective of the article's country as the article writes it ("Peruvian"), or None; ``wire``: the
    news agency that relayed the news part (before any analysis heading), or None."""

    earlier: tuple[tuple[Sentence, ...], ...] = ()
    analysis: bool = False
    demonym: str | None = None
    wire: str | None = None


#: The authority that did what a sentence counts, as its subject (or that of its main clause after an
#: opening phrase: "In one 2011 case, authorities rescued over 200 women").
_ACTOR = re.compile(r"(?:\s*|[^,;]*,\s+)((?:[A-Z][\w'’-]*\s+)?(?:police|authorities|officials|officers|"
                    r"prosecutors|ministry|government|army|navy|troops))(?:\s+in\s+[A-Z][\w'’-]*)?\s+"
                    r"(?:have\s+|has\s+|had\s+)?[a-z]+ed\b", re.I)
#: An act of an authority in the passive with no agent: "Seven suspects were arrested".
_PASSIVE_ACT = re.compile(r"\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:arrested|rescued|detained|"
                          r"captured|seized|freed|raided|dismantled|charged)\b(?!\s+by\b)", re.I)


#: "a figure Mr Clavijo called", "which the mayor described as": a speaker characterising a figure, then a
#: quotation of theirs.
_CALLED = re.compile(r"\b(?:a\s+(?:figure|sum|number|total|amount)|which|it)\s+((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
                     r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:called|described\s+as|termed)\s+[\"“]")
#: "is believed to", "are thought to", "is said to": a hedge with no source named.
_BELIEVED = re.compile(r"\b((?:is|are|was|were)\s+(?:believed|thought|said|understood|estimated))\s+to\b")


def _full_name(text: str, who: str) -> str:
    """The speaker's name as the article first writes it in full: "Mr Clavijo" -> "Fernando Clavijo" (a
    capitalised word right before the surname); else as written."""
    surname = who.split()[-1]
    first = re.search(r"\b([A-Z][\w'’-]+)\s+" + re.escape(surname) + r"\b", text)
    if first and first.group(1) not in ("Mr", "Mrs", "Ms", "Dr", "Prof", "Mr.", "Mrs.", "Ms.", "Dr."):
        return f"{first.group(1)} {surname}"
    return who


def _actor_who(actor: re.Match, ctx: "Context") -> str:
    who = _clean_who(actor.group(1))
    if ctx.demonym and who.lower() in ("police", "authorities"):
        who = f"{ctx.demonym} {who.lower()}"  # "Police raided": Peruvian police
    return who


def demonym_in(text: str, country: str | None) -> str | None:
    """The adjective of ``country`` that ``text`` uses most ("Peruvian" for Peru, "Mexican" for Mexico:
    a capitalised word that starts with the name, or with the name less its final vowel, and ends in
    -an, -ese, -ish or -i), or None when the text uses none."""
    if not country or " " in country:
        return None
    stem = country[:-1] if country[-1] in "aeiouy" and len(country) > 3 else country
    found = Counter(w for w in re.findall(r"\b" + re.escape(stem) + r"[a-z]*(?:an|ese|ish|i)\b", text)
                    if len(w) > len(country))
    return found.most_common(1)[0][0] if found else None


#: A source named by a common noun of an institution, and what it owns: "the trust's own board papers",
#: "the council", "the company's annual report".
_DEFINITE_BODY = re.compile(r"the\s+(trust|council|company|firm|ministry|department|board|agency|authority|"
                            r"commission|union|university|hospital|club|charity|bank|regulator|group|party|"
                            r"institute|foundation|federation|association|service)(?:['’]s?\b.*)?", re.I)


def named_before(text: str, who: str, before: int) -> str:
    """The institution a source names by a common noun ("the trust's own board papers", "the council"), as
    the article named it in full earlier (before offset ``before``): the last name of capitalised words
    ending in that noun ("Northmoor Teaching Hospitals NHS Foundation Trust"); ``who`` itself when no
    such name comes before, or when it is no such noun (an editor's coreference: docs/drafting.md)."""
    m = _DEFINITE_BODY.fullmatch(who.strip())
    if m is None:
        return who
    noun = m.group(1).lower()
    names = re.findall(r"\b((?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and|the|&)\s+)?){1,7}" + noun.capitalize() + r")\b",
                       text[:before])
    return names[-1].strip() if names else who


#: A document a source is named by ("the regulator's annual performance report", "its own accounts",
#: "the survey"): the owner in the possessive (group 1, may be absent) and the document's noun (group 2).
_DOCUMENT = re.compile(r"(?:(?:the\s+)?(.+?)['’]s?\s+|(its|their)\s+|(?:the|an?)\s+)?(?:own\s+)?"
                       r"(?:[a-z-]+\s+){0,3}?(report|survey|accounts|filing|analysis|audit|review|statement|"
                       r"results|census|study)(?:\s+(?:filed|published|released|issued|presented)\b.*)?\Z", re.I | re.S)
#: A title before a person's name: "Mr Moriarty", "Councillor Niamh O'Sullivan", "Dr. Rea".
_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Councillor|Cllr|Senator|Sen|Rep|Judge|Mayor|Minister)"
                    r"\.?\s+((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)\Z")
#: A capitalised name opening a sentence ("Westlink paid out ...", "Harbourside FC made a pre-tax loss").
_SUBJECT_NAME = re.compile(r"\s*((?:[A-Z][\w&'’.-]*\s+)*?[A-Z][\w&'’.-]*)\s+(?!of\b|and\b)[a-z]")


def _longest_name(text: str, name: str, before: int) -> str:
    """``name`` as the article writes it in full: the first longer run of capitalised words that starts
    with it ("Westlink" -> "Westlink Rail"), outside a title-case line (a headline); else ``name``."""
    for m in re.finditer(r"\b" + re.escape(name) + r"((?:[ \t]+[A-Z][\w&'’.-]*)+)", text[:before]):
        line = text[text.rfind("\n", 0, m.start()) + 1:text.find("\n", m.end()) % (len(text) + 1)]
        words = re.findall(r"\b[A-Za-z][\w'’-]*", line)
        if sum(w[0].isupper() for w in words) * 2 > len(words):
            continue  # a headline in title case capitalises every word
        return name + m.group(1)
    return name


def source_named(text: str, who: str, before: int, sent_start: int) -> str:
    """The source a reporting phrase names, as a fact-checker records it (docs/drafting.md, attribution):

    * a document is its owner: "the Ministry of Agriculture's crop forecast survey" -> ``Ministry of
      Agriculture``; "its own accounts" -> the name the sentence opens with ("Westlink paid out ...");
      a document with no owner ("accounts filed at Companies House") -> that opening name; "the survey",
      "the report" later -> the owner of the last document of that noun named before;
    * a person after a title is the name as first written in full: "Mr Moriarty" -> ``Declan Moriarty``,
      "Councillor Niamh O'Sullivan" -> ``Niamh O'Sullivan``;
    * a short name of a body is its name in full: "Westlink" -> ``Westlink Rail``;
    * a common noun of an institution is the institution named before (:func:`named_before`).

    ``before`` is the figure's offset, ``sent_start`` that of its sentence; ``who`` is returned when no rule
    applies."""
    doc = _DOCUMENT.fullmatch(who.strip())
    if doc is not None:
        owner = doc.group(1)
        opening = _SUBJECT_NAME.match(text, sent_start)
        if owner is None:
            if doc.group(2) or not re.match(r"the\s", who.strip(), re.I):
                owner = opening.group(1) if opening and opening.group(1).split()[0] not in ("The", "A", "An", "In",
                                                                                          "Of", "On", "At") else None
            else:
                # "the survey said": the document of that noun named last before, as its own phrase read it
                noun = doc.group(3).lower()
                for e in reversed(list(re.finditer(r"\b" + noun + r"\b", text[:sent_start], re.I))):
                    stop = text.rfind(". ", 0, e.start())
                    opens = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, e.start()) + 1)
                    cut = re.search(r"(?:.*\b(?:according\s+to|by|from)\s+|.*,\s+|\A)(.*)\Z",
                                    text[opens:e.end()], re.S)
                    phrase = cut.group(1).strip() if cut else ""
                    if phrase and not re.fullmatch(r"the\s+(?:[a-z-]+\s+){0,3}?" + noun, phrase, re.I):
                        return source_named(text, phrase, e.start(), opens)
        if owner:
            who = owner
    # "chief executive Helen Varga said": the role in lower case before the name is no part of it
    who = re.sub(r"^(?:[a-z][\w-]*\s+){1,4}(?=(?:[A-Z][\w'’-]+\s+)+[A-Z][\w'’-]+\Z)", "", who.strip())
    title = _TITLE.fullmatch(who)
    if title is not None:
        name = title.group(1)
        if " " in name:
            return name
        full = _full_name(text, name)
        return full if full != name else who
    who = named_before(text, who, before)
    if re.fullmatch(r"(?:[A-Z][\w&'’.-]*\s+)*[A-Z][\w&'’.-]*", who) and len(who.split()) <= 2:
        who = _longest_name(text, who, before)
    return who


#: A note in brackets after an outlet's name in a capture's metadata: "Trial7 Regional Wire (invented)",
#: "Wire (fictional held-out test article)".
_NAME_NOTE = re.compile(r"\s*\([^()]*\)\s*\Z")


def outlet_name(publisher: str) -> str:
    """The outlet's name as a source is named, from the capture's ``publisher`` (datasets/sources/README.md):
    a note in brackets at its end is no part of the name ("Trial10 Business Wire (invented)" -> "Trial10
    Business Wire"); a name that is all brackets is kept as written."""
    name = _NAME_NOTE.sub("", publisher)
    return name if name.strip() else publisher


def attribution_for(text: str, men: Mention, sent: Sentence, para: list[Sentence], publisher: str,
                    cache: dict[int, list[Said]], ctx: Context = Context()) -> list[dict[str, str]]:
    """The attribution chain of a mention: the source named by a reporting phrase of its sentence (the
    nearest to the numeral; without one, the authority that did what the figure counts, "Police raided
    60 brothels", with the country's adjective the article uses, ``Peruvian police``; else the source
    named last in an earlier sentence of the paragraph, or of an earlier paragraph when this one goes on
    from it: "In comparison, there were 505 ..."), then an outlet that relayed words in the paragraph
    ("reported El Peruano"), then the publisher (role ``outlet``); with no source named, the publisher
    alone (the outlet's own reporting). A news agency that relayed the news part (``ctx.wire``) ends the
    chain there instead of the publisher; in the outlet's own analysis (``ctx.analysis``) a source named by
    a reporting phrase ends it."""

    def found(s: Sentence) -> list[Said]:
        if s.start not in cache:
            cache[s.start] = reporting_phrases(text, s.start, s.end)
        return cache[s.start]

    chain: list[dict[str, str]] = []
    acted = False
    own = [s for s in found(sent) if not s.relays]
    # "Officials stated that 10 minors were among those rescued, the youngest of who is reportedly 13 years
    # old": a clause of its own that says "reportedly" is the outlet's hedge, not the source's words
    a, b = _clause_bounds(text, men, sent)
    if re.search(r"\b(?:reportedly|allegedly|supposedly)\b", text[a:b]) and not [x for x in own if a <= x.at < b]:
        return [{"who": publisher, "role": "the outlet's own reporting (\"reportedly\")"}]
    if not own:
        # "Peruvian authorities rescued at least 234 women": the authority that did what the figure counts
        # (the subject of the sentence or of its main clause after an opening phrase: "In one 2011 case,
        # authorities rescued over 200 women")
        actor = _ACTOR.match(text, sent.start, men.start)
        if actor:
            own = [Said(_actor_who(actor, ctx), _role(actor.group(1), None), sent.start)]
            acted = True
    if not own:
        # '"We used to see 40 families on a Friday. Now it's 110," said Margaret Okafor': a quotation opened
        # in this sentence and closed in a later one is the words of the speaker named after it closes
        words = text[sent.start:sent.end]
        if words.count("\u201c") > words.count("\u201d"):
            close = text.find("\u201d", sent.end)
            later = [s for s in para if s.start >= sent.end and s.start <= close <= s.end]
            if close >= 0 and later:
                own = [x for x in found(later[0]) if not x.relays and x.at >= close]
    if not own:
        # "According to a report from the ONC, there were 757 ... The second highest number was ...": the
        # source named last before this sentence in its paragraph goes on speaking
        earlier = [x for s in para if s.end <= sent.start for x in found(s) if not x.relays]
        own = earlier[-1:]
    called = _CALLED.search(text, sent.start, men.start)
    if called and text.count("\u201d", called.end(), men.start) + text.count('"', called.end(), men.start) == 0:
        # 'a figure Mr Clavijo called "less than half of what we need"': the words quoted after "called"
        # are the speaker's, named in full where the article names them first ("Fernando Clavijo")
        last = {"who": ctx.wire, "role": "news agency that relayed it"} if ctx.wire else \
            {"who": publisher, "role": "outlet"}
        return [{"who": _full_name(text, called.group(1)), "role": "source named in the article"}, last]
    hedged = _BELIEVED.search(text, sent.start, men.start)
    if not own and (hedged or _PASSIVE_ACT.search(text, sent.start, sent.end)):
        # "Seven suspects were arrested": the authority that acted last before (in the paragraph, or in the
        # nearest earlier paragraph that names one: "Authorities in Peru have dismantled a network"); "Quispe
        # is believed to have been earning $60,000 a month": a belief the article reports with no source
        # named, taken as that authority's (the role says so: docs/drafting.md)
        for before in ((*[x for x in para if x.end <= sent.start][::-1],), *ctx.earlier):
            acts = [a for x in reversed(before) for a in [_ACTOR.match(text, x.start, x.end)] if a]
            if acts:
                role = f'belief reported ("{hedged.group(1)}")' if hedged else _role(acts[0].group(1), None)
                own = [Said(_actor_who(acts[0], ctx), role, sent.start)]
                acted = True
                break
    # (a figure only: a multiple is the outlet's own comparison, a date or duration its own framing)
    if not own and ctx.earlier and men.unit not in ("ratio", "date") and men.kind != "duration" and \
            (_GOES_ON.search(text, sent.start, sent.end) or
                                    (para and _GOES_ON.search(text, para[0].start, para[0].end))):
        for before in ctx.earlier:  # the nearest earlier paragraph that names a source
            named = [x for s in before for x in found(s) if not x.relays]
            if named:
                own = named[-1:]
                break
    if own:
        best = min(own, key=lambda s: abs(s.at - men.start))
        chain.append({"who": best.who, "role": best.role})
    relays = [x for s in para for x in found(s) if x.relays]
    if ctx.wire and not ctx.analysis:
        if chain and all(c["who"] != ctx.wire for c in chain):
            chain.append({"who": ctx.wire, "role": "news agency that relayed it"})
        return chain or [{"who": ctx.wire, "role": "news agency that relayed it"}]
    for r in relays:
        if all(c["who"] != r.who for c in chain):
            chain.append({"who": r.who, "role": "news outlet that relayed it"})
            break
    if ctx.analysis and chain and not acted:
        return chain  # the outlet's analysis cites the source itself
    if not chain:
        chain.append({"who": publisher, "role": "the outlet's own reporting"})
    elif all(c["who"] != publisher for c in chain):
        chain.append({"who": publisher, "role": "outlet"})  # the chain ends at the outlet that published it
    return chain


# ------------------------------------------------------------------------------------------ ids
#: "one" .. "twelve" as digits in ids ("3-years").
_NUM_WORD_DIGITS = {w: str(v) for w, v in {**UNIT_WORDS, **TEEN_WORDS}.items() if v <= 12}


def _slug(s: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", s.lower())).strip("-")


def value_token(men: Mention) -> str:
    """The numeral part of an id: digits without separators ("1054", "2-million", "42-percent",
    "60000-month"), number words as digits ("3-years"), fraction words as written ("nearly-half",
    "three-quarters"), a date as its words ("2011", "september")."""
    t = men.text
    if men.unit == "date":
        return _slug(re.sub(r"^(?:in|on|during|since|from)\s+", "", t, flags=re.I))
    if men.unit == "fraction":
        return _slug(t)
    if men.qualifier == "range" and men.low is not None and men.high is not None:
        return f"{men.low:g}-{men.high:g}"  # "between 1,500 and 4,000" -> 1500-4000
    core = re.sub(r"^(?:as many as|no fewer than|no more than|more than|less than|fewer than|at least|up to|"
                  r"over|around|about|nearly|almost|some|approximately|roughly|an estimated|just under|close to|"
                  r"under|above|below|between|from)\s+", "", t, flags=re.I)
    core = re.sub(r"(?<=\d),(?=\d)", "", core)
    core = re.sub(r"\b(?:a|an|per|each|every)\s+(day|week|month|year)\b", r"\1", core)
    words = [_NUM_WORD_DIGITS.get(w.lower(), w) for w in re.split(r"[\s-]+", core)]
    return _slug(" ".join(words).replace("%", " percent").replace("$", "").replace("US", ""))


def _keywords(what: str, n: int = 2) -> list[str]:
    """Key words of a measure for its id: the head noun of the phrase before its first preposition and
    the participle, if any ("human trafficking victims rescued" -> victims, rescued; "share of minors
    among ..." -> minors; "earning from the trade" -> earning)."""
    share = re.match(r"(?:share|period|date|ages?) of (?:the )?", what)
    core = what[share.end():] if share else what
    core = re.split(r"\s+(?:of|from|for|in|on|among|who|to|by|with|and)\s+", core)[0]
    ws = [w.lower().strip("'’") for w in _WORD.findall(core)
          if w.lower() not in _FUNCTION and w.lower() not in ("period", "date", "share", "count", "multiple")]
    if not ws:
        return []
    nouns = [w for w in ws if not w.endswith("ed") and not w.endswith("ly")]
    verbs = [w for w in ws if w.endswith("ed")]
    head = nouns[-1] if nouns else ws[0]
    out = [head] + ([] if share else verbs[:1])
    return out[:n]


def make_id(what: str, year: str | None, men: Mention, region: str) -> str:
    """A readable id: measure key words, period year, numeral (``victims-rescued-2019-1054``)."""
    if men.kind in ("rate", "duration") or men.unit == "date":
        # "dengue patients admitted a day" (and the period of it): the counted noun, not the rate's base
        what = re.sub(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)$", "", what)
    parts = list(dict.fromkeys(_keywords(what)))  # "recorded thefts recorded": each word once
    tok = value_token(men)
    if not parts and not year and re.fullmatch(r"\d+", tok):
        parts = [men.unit]  # "count-2" rather than "2"
    if men.unit == "date":
        parts = parts[:1] or ["date"]
    elif men.kind == "duration":
        parts = (parts[:1] or []) + ["period"]
    if year and year not in tok:
        parts.append(year)
    if region == "headline":
        parts.insert(0, "headline")
    cid = _slug("-".join(parts + [tok]))[:110].strip("-")
    return cid or "claim"


# ------------------------------------------------------------------------------------------ drafting
@dataclass(frozen=True, slots=True)
class _Expression:
    """A period expression of a sentence (:func:`numclaims.periods.expressions_in`): its span and dates."""

    start: int
    end: int
    period: Any


def _start(o: "Drafted | _Expression") -> int:
    return o.start if isinstance(o, _Expression) else o.mention.start


def _gap(o: "Drafted | _Expression", m: Mention) -> int:
    """Characters between a date, duration or period expression and a figure's numeral."""
    a, b = (o.start, o.end) if isinstance(o, _Expression) else (o.mention.start, o.mention.end)
    return a - m.end if a >= m.end else max(0, m.start - b)


@dataclass
class Drafted:
    """A drafted record (``record``, the YAML mapping) and the mention it was read from."""

    record: dict[str, Any]
    mention: Mention
    sentence: Sentence
    what: str = ""
    head: str | None = None
    guessed: list[str] = field(default_factory=list)


def _persons_like(unit: str) -> bool:
    return unit in ("persons", "count")


#: Words before a figure that make it the country's ("the national pass rate", "nationwide").
_NATIONAL = re.compile(r"\b(?:national(?:ly)?|nationwide|country-wide|countrywide)\b(?!\s+(?:police|government|guard|army|"
                       r"assembly|congress|institute|office|agency|authority|bureau|council|ministry|newspaper|"
                       r"television|radio|statistics\s+office)\b)[^,;.]*\Z", re.I)
#: A dateline's place: "CORK, 19 November 2024 / By Aoife Brennan".
_DATELINE_PLACE = re.compile(r"([A-Z][A-Z .'’-]+),\s+\d")
#: An AP dateline line with its region: "CARVER, Ohio (Oct. 27, 2026)".
_DATELINE_REGION = re.compile(r"([A-Z][A-Z .'’-]+),\s+([A-Z][a-z.]+(?:\s+[A-Z][a-z.]+)?)\s*\([^()]*\b\d{4}\)")


@lru_cache(maxsize=1)
def _subdivisions_any_level() -> dict[str, str]:
    """{subdivision name (folded): its country's name} over every level of ISO 3166-2 (pycountry): "Cork"
    (IE-CO, a county within the province of Munster) -> Ireland."""
    import pycountry  # lazy, as in _gazetteer

    by_code = {c.alpha_2: getattr(c, "common_name", None) or c.name.split(",")[0] for c in pycountry.countries}
    out: dict[str, str] = {}
    for sd in pycountry.subdivisions:
        out.setdefault(_fold(sd.name), by_code.get(sd.country_code, ""))
    return out


def article_place(text: str, body: tuple[int, int]) -> str | None:
    """The dateline's place ("CORK, 19 November 2024 / By ...": `Cork, Ireland`, its country from ISO
    3166-2 at any level), for the figures of an article whose body names no country; None without a
    dateline place. (Not the place of the lede: the same place on every figure would make part and whole
    of figures that share no measure.)"""
    for line in text[:body[0]].splitlines():
        m = _DATELINE_PLACE.match(line.strip())
        if m and classify_line(line.strip()) == "dateline":
            city = m.group(1).strip().title()
            country = _subdivisions_any_level().get(_fold(city))
            return ", ".join([city] + ([country] if country else []))
        m = _DATELINE_REGION.fullmatch(line.strip())
        if m:  # "CARVER, Ohio (Oct. 27, 2026)": the city and the region as the dateline writes them
            return f"{m.group(1).strip().title()}, {m.group(2)}"
    return None


def _home_country(text: str, body: tuple[int, int]) -> tuple[str | None, int]:
    """The country the body names most (directly or through a place in it) and how many times."""
    counts = Counter(p.name for p in places_in(text, *body) if p.is_country)
    counts.update(p.country for p in places_in(text, *body) if not p.is_country and p.country)
    return counts.most_common(1)[0] if counts else (None, 0)


#: "... from 472 million dollars in 2024": the words between a figure and the date that is its own.
_OWN_DATE = re.compile(r"\s+(?:[A-Za-z]+\s+){0,2}?(?:in|during)\s+(?:the\s+)?")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|nearly\s+)?\Z")
#: Words that set a later figure against the one before ("... 63.7 percent in 2020 and below the regional
#: average of 64.0 percent").
_SET_AGAINST = re.compile(r"\b(?:below|above|behind|ahead\s+of|than|compared\s+(?:with|to)|against)\b")


def _dates_another(text: str, it: "Drafted", date: "Drafted", items: list["Drafted"]) -> bool:
    """Whether the date (or duration) ``date`` of ``it``'s sentence is another figure's own: written right
    after that figure ("472 million dollars in 2024", "71.8 percent in 2024") and either that figure is the
    one a change or comparison starts "from" with ``it`` before it ("fell to 318 million Canadian dollars last
    season from 472 million dollars in 2024": 2024 is the 472 million's, not the 318 million's; "down 6.5
    percentage points from 71.8 percent in 2024": not the 6.5's), or ``it`` comes after the date, set against
    the figure before it or a change between the two ("... 63.7 percent in 2020 and below the regional average
    of 64.0 percent"; "..., a drop of 22 percent"), nor of a change before that figure ("rose 9 percent to
    21.4 million in 2025": the change between two years has neither's date). Figures coordinated before one
    date ("907 women and 147 men in 2019") share it."""
    m, s = it.mention, it.sentence
    for o in items:
        om = o.mention
        if o is it or o.sentence is not s or om.unit == "date" or om.kind == "duration" or \
                om.end > date.mention.start or not _OWN_DATE.fullmatch(text, om.end, date.mention.start):
            continue
        if m.end <= om.start and _FROM_BEFORE.search(text, max(s.start, om.start - 24), om.start):
            return True
        if m.start >= date.mention.end and (_SET_AGAINST.search(text, date.mention.end, m.start) or
                                             change_cue(text, m, s.start) is not None):
            return True
        if m.end <= om.start and change_cue(text, m, s.start) is not None:
            return True  # "rose 9 percent to 21.4 million in 2025, from 19.6 million": the change is of no year
    return False


def draft(article_id: str, source: Any, taken: set[str] | frozenset[str] = frozenset()) -> list[Drafted]:
    """Draft one record per claim mention of ``source`` (a :class:`numclaims.sources.Source`); ids are
    unique in the file and avoid the ids in ``taken`` (claim ids of the project's other claims files:
    claim ids are unique across files).

    Returns:
        :class:`Drafted` items in text order; each ``record`` validates as a
        :class:`numclaims.records.Claim` and lists its guessed fields in ``guessed``.

    Raises:
        ValueError: the article holds no numeric mention in its lead or body.
    """

    text = source.text
    meta = source.meta
    markers = (meta.body.start, meta.body.end) if meta.body is not None else None
    body = body_span(text, markers)
    ms = article_mentions(text, markers, meta.title)
    if not ms:
        raise ValueError(f"no numeric mention in the body of source {meta.id!r}")
    lead = lead_spans(text, meta.title, body)
    sents: list[Sentence] = []
    for i, (_region, a, b) in enumerate(lead):
        sents.extend(Sentence(s.start, s.end, -1 - i) for s in sentences(text, (a, b)))
    sents.extend(sentences(text, body))
    home, named = _home_country(text, body)
    local = article_place(text, body) if not home or named == 1 else None
    if local and home:
        # "CARVER, Ohio (Oct. 27, 2026)" over a body that names Mexico once, near its end ("its plant in
        # Monterrey, Mexico"): the dateline's place is the story's, the country named once only its
        # sentence's
        home = None
    home = home or (local.split(", ")[-1] if local and ", " in local else None)
    cache: dict[int, list[Said]] = {}
    demonym = demonym_in(text[body[0]:body[1]], home)
    heading = _ANALYSIS_HEADING.search(text, body[0], body[1])
    analysis = heading.start() if heading else None
    wires = [x for x in (x for st in sents if st.para >= 0 and (analysis is None or st.end <= analysis)
                         for x in reporting_phrases(text, st.start, st.end)) if x.relays and _WIRE.search(x.who)]
    wire = wires[0].who if wires else None

    def sentence_of(m: Mention) -> Sentence:
        return next((s for s in sents if s.start <= m.start < s.end + 1), Sentence(m.start, m.end, -99))

    items: list[Drafted] = []
    for m in ms:
        rec = _record(m, "x", text, meta.published)
        sent = sentence_of(m)
        if m.region != "headline":  # a headline writes the figure, not a sentence's period ("in 16 Years": 16 Years)
            _with_preposition(rec, m, text, sent)
            _with_bound_after(rec, m, text)
        clause_quote(rec, m, sent, text)
        items.append(Drafted(rec, m, sent))
    # "1,510 were children under 15": the age bound is no claim of its own; the count's quote holds it
    spans = [(q, q + len(it.record["quote"])) for it in items if not age_bound(text, it.mention)
             for q in [it.record.get("start", text.find(it.record["quote"]))] if q >= 0]
    items = [it for it in items if not (age_bound(text, it.mention) and
                                        any(a <= it.mention.start and it.mention.end <= b for a, b in spans))]
    # measures of figures first, then dates and durations from the nearest figure
    for it in items:
        it.what = measure_what(text, it.mention, it.sentence, [o.mention for o in items])
        if it.mention.region == "headline":  # title case says nothing of the words: "Human Trafficking Victims"
            it.what = it.what.lower()
        it.what = it.what.strip("\"'“”‘’ ")
    _table_columns(text, items)
    _age_groups(text, items)
    units_from_words(text, items)
    # "57 people ..., 12 more than in 2024": a difference from the figure before it, in that figure's unit
    for it in items:
        m = it.mention
        mm = re.match(r"\s+(more|fewer|less)\b(?:\s+than\s+(?:in\s+)?(\d{4})\b)?", text[m.end:m.end + 30])
        if not mm or m.unit not in ("count", "persons") or _noun_phrase_after(text, m.end, it.sentence.end)[0]:
            continue
        prev = [o for o in items if o.sentence is it.sentence and o.mention.end <= m.start and
                o.mention.unit in ("count", "persons") and o.mention.kind == "quantity"]
        if prev:
            it.record["unit"] = prev[-1].record["unit"]
            it.what = (f"{'increase' if mm.group(1) == 'more' else 'decrease'} in {prev[-1].what}"
                       + (f" over {mm.group(2)}" if mm.group(2) else ""))
    # "open five days a week, up from two in 2023": a bare count that a rate is "up/down from" is in the rate's
    # unit, of the same measure
    for it in items:
        m = it.mention
        if m.kind != "quantity" or _noun_phrase_after(text, m.end, it.sentence.end)[0]:
            continue
        prev = [o for o in items if o.sentence is it.sentence and o.mention.end <= m.start and o.mention.kind == "rate"
                and o.mention.currency is None]
        if prev and re.fullmatch(r"[^.;]{0,60}?,\s+(?:up|down)\s+from\s+(?:around\s+|about\s+|some\s+)?",
                                 text[prev[-1].mention.end:m.start]):
            # the words ("two") read as a count, so the value is written and the quote holds the numeral
            it.record["unit"] = prev[-1].record["unit"]
            it.record.pop("text", None)
            it.record["value"] = m.value
            it.what = prev[-1].what
    # "killed 4,120 people ..., down 8 percent on the 4,690 recorded in 2022", "Of the 4,120 dead, 1,730
    # were ...": a bare count (no noun of its own) that points back with "the", "than", "from", "to" or
    # "of", or partitions "Of the N ...", counts the noun of the count of persons before it in its sentence
    for it in items:
        m = it.mention
        if it.record.get("unit") != "count" or m.kind != "quantity" or \
                (_noun_phrase_after(text, m.end, it.sentence.end)[1] or "seen") not in _IRREGULAR_PARTICIPLES:
            continue
        before = text[it.sentence.start:m.start]
        prev = [o for o in items if o.sentence is it.sentence and o.mention.end <= m.start and
                o.record.get("unit") == "persons" and o.mention.kind == "quantity"]
        if prev and (re.search(r"\b(?:the|than|from|to|of)\s+(?:about\s+|around\s+|some\s+)?$", before) or
                     re.match(r"\s*(?:Of|Among)\s+(?:the|these|those|all)\b", before)):
            it.record["unit"] = "persons"
    for it in items:
        if it.what:
            continue
        m = it.mention
        figs = [o for o in items if o.sentence is it.sentence and o.what and o.mention.unit != "date"]
        near = min(figs, key=lambda o: abs(o.mention.start - m.start), default=None)
        base = near.what if near else None
        if m.unit == "date":
            nxt = re.match(r"\s+([a-z]{3,})\b", text[m.end:m.end + 20])
            det = re.search(r"\b(?:one|a|an|the|this|that|its|their)\s+$", text[max(0, m.start - 8):m.start], re.I)
            noun = nxt.group(1) if nxt and det and nxt.group(1) not in _FUNCTION else None
            it.what = f"date of {base}" if base else (f"date of the {noun}" if noun else "date")
            it.head = noun
        else:
            it.what = f"period of {base}" if base else "period"
    ids: Counter[str] = Counter()
    for it in items:
        m, s = it.mention, it.sentence
        rec = it.record
        rec["measure"] = {"what": it.what}
        it.guessed.append("measure.what")
        if m.unit != "date" and m.kind != "duration":
            para = [x for x in sents if x.para == s.para]
            # the total a sentence opens with has none of the places of its parts after it ("Of the 30,808,
            # 18,540 landed on El Hierro": El Hierro is the 18,540's); coordinated figures share theirs
            # ("400 adolescents and 1,200 adults ... in Madre de Dios")
            opening = re.fullmatch(r"\s*(?:Of|Among)\s+(?:the|these|those|all)\s+", text[s.start:m.start])
            figs = [o.mention for o in items if opening and o.sentence is s and o is not it and
                    o.mention.unit != "date" and o.mention.kind != "duration" and o.mention.start >= m.end]
            ps = [p for p in places_in(text, s.start, s.end, m.region == "headline")
                  if not any(f.end <= p.start for f in figs)]
            near = nearest_places(ps, m.start, text)
            if any(p.sub_unit for p in near):
                # "Kisauni, the worst-hit sub-county": within the county (province, region) named before it
                bigger = [p for p in places_in(text, body[0], s.start) if _PLACE_SUFFIX.search(p.name)]
                if bigger and bigger[-1].name not in {p.name for p in near}:
                    near = near + [bigger[-1]]
            where = _where_text(near, home)
            if re.search(r"\b(?:there|the region|the area|the town|the city)\b", text[s.start:s.end]) or not where:
                prev = [p for x in para if x.start < s.start for p in places_in(text, x.start, x.end)]
                if prev and (not where or where == home):
                    last = [p for p in prev if not p.is_country][-1:] or prev[-1:]
                    where = _where_text(last, home)
            if re.search(r"\b(?:in|at|near|to|into)\s+the\s+(?:town|city|village)\b", text[s.start:s.end]):
                # "between 1,500 and 4,000 minors are sexually exploited in the town": the last town named
                # before (a place no gazetteer knows, not a country or a region: "La Rinconada"), not "Puno
                # police"
                towns = [p for p in places_in(text, body[0], s.start) if not p.is_country and p.country is None]
                if towns:
                    where = _where_text(towns[-1:], home)
            if _NATIONAL.search(text, max(s.start, m.start - 60), m.start) and home:
                where = home  # "the national pass rate of 87.3 percent": the country's, not a province's
            where = where or local or home
            if where:
                rec["measure"]["where"] = where
                it.guessed.append("measure.where")
    _restated_places(text, items, home)
    _finer_places(items)
    # "Peru Rescues Over 200 ..." over "rescued at least 234 women ... in Madre de Dios": a headline figure
    # placed in a country only is of the finer place of the body figure it restates (the body count of its
    # unit nearest in value, within a factor 1.5, placed in that country)
    for it in items:
        where = it.record["measure"].get("where")
        m = it.mention
        if m.region != "headline" or not where or "," in where or not isinstance(m.value, float) or m.value <= 0:
            continue
        body_figs = [o for o in items if o.mention.region not in ("headline", "standfirst") and
                     _persons_like(o.record["unit"]) == _persons_like(it.record["unit"]) and
                     isinstance(o.mention.value, float) and o.mention.value > 0 and
                     max(o.mention.value, m.value) / min(o.mention.value, m.value) <= 1.5]
        words = set(re.findall(r"[a-z]{4,}", it.what.lower()))
        near = min(body_figs, key=lambda o: (not words & set(re.findall(r"[a-z]{4,}", o.what.lower())),
                                             abs(o.mention.value - m.value)), default=None)
        finer = near.record["measure"].get("where") if near else None
        if finer and finer.endswith(", " + where):
            it.record["measure"]["where"] = finer
    anchors: set[int] = set()
    for it in items:
        m, s = it.mention, it.sentence
        if m.kind == "duration" and re.search(r"\b(?:past|last|previous)\s*$", text[max(s.start, m.start - 14):m.start]):
            dates = [o for o in items if o.sentence is s and o.mention.unit == "date" and o.mention.start < m.start]
            if dates:
                it.record["_ends"] = dates[-1]
                anchors.add(id(dates[-1]))
        elif m.kind == "duration":
            # "in the two years up to June 2013": the duration ends with the date after it
            dates = [o for o in items if o.sentence is s and o.mention.unit == "date" and
                     re.fullmatch(r"\s+(?:up\s+to|to|ending(?:\s+in)?|until|through)\s+(?:the\s+end\s+of\s+)?",
                                  text[m.end:o.mention.start])]
            if dates:
                it.record["_ends"] = dates[0]
                anchors.add(id(dates[0]))
    for it in items:
        m, s = it.mention, it.sentence
        rec = it.record
        if m.unit != "date" and m.kind != "duration":
            # a period expression of several words ("in the first half of 2013", "between January and June
            # this year") or of words alone ("so far this year", "last year") stands for the dates inside it
            exprs = [_Expression(a, b, p) for a, b, p in expressions_in(text, s.start, s.end, meta.published)
                     if not (a <= m.start < b)]

            def _free(a: int, b: int) -> bool:
                # not the date of what a figure is compared with ("12 more than in 2024"), nor that of the
                # figure it is up or down from ("five days a week, up from two in 2023")
                # nor a year that names another figure ("If December 2012 is included in the 2013 figure"),
                # nor the date of a statement after its reporting verb ("42 percent were minors, said ...,
                # speaking on ..., September 23"), nor a date after another figure of a later clause, or after
                # the figure a multiple multiplies ("878 ..., more than triple the 287 kidnappings reported
                # ... in 2006"), nor a date of a condition ("If December 2012 is included ..., there were 878")
                # ("than in 2005, when 80 were reported": 2005 is the 80's own)
                return not (re.search(r"\bthan\s+(?:in\s+|during\s+)?$", text[max(0, a - 14):a]) and
                            not (b <= m.start and re.fullmatch(r",\s+when\s+(?:only\s+|about\s+|around\s+)?",
                                                                text[b:m.start]))) and \
                    not (a > m.end and re.search(r",\s+(?:up|down)\s+from\s", text[m.end:a])) and \
                    not _FIGURE_NOUN.match(text, b) and \
                    not (a > m.end and re.search(r"\b(?:from|on)\s+$", text[max(0, a - 6):a]) and
                         change_cue(text, m, s.start) is not None) and \
                    not (a > m.end and re.search(r",\s+(?:[\w'’.]+\s+){0,5}?" + _REPORT_VERB + r"\b", text[m.end:a])) and \
                    not (b <= m.start and re.search(r"\b(?:if|unless)\b[^,;]*$", text[s.start:a], re.I) and
                         "," in text[b:m.start]) and \
                    not (a > m.end and any(
                        m.end <= o.mention.start and o.mention.end <= a and
                        (m.unit == "ratio" or _CLAUSE_CUT.search(text, m.end, o.mention.start)) for o in items
                        if o.sentence is s and o.mention.unit != "date" and o.mention.kind != "duration"))
            # a date that a duration counts back from ("In September ... in the past two years") dates the
            # report, not the figure
            times = [o for o in items if o.sentence is s and o is not it and id(o) not in anchors and
                     (o.mention.unit == "date" or o.mention.kind == "duration") and
                     _free(o.mention.start, o.mention.end) and not _dates_another(text, it, o, items) and
                     not any(e.start <= o.mention.start and o.mention.end <= e.end for e in exprs)
                     # nor a duration of what someone did in another clause ("110, said Margaret Okafor, who
                     # has run the centre for 12 years"); "over the past five years, deaths ..." dates the sentence
                     and not (o.mention.kind == "duration" and not _ADVERBIAL_PERIOD.match(o.record.get("text", "")) and
                              "_ends" not in o.record and
                              _CLAUSE_CUT.search(text, min(m.end, o.mention.end), max(m.start, o.mention.start)))
                     # nor a duration a verb takes as its object ("may not get the 10 weeks they need")
                     and not (o.mention.kind == "duration" and _OBJECT_DURATION.search(text, max(s.start, o.mention.start - 30),
                                                                                       o.mention.start))
                     # nor the span of a record ("the first increase in four years", "the highest in a decade")
                     and not (o.mention.kind == "duration" and re.search(
                         r"\b(?:first|highest|lowest|largest|biggest|smallest|best|worst|most|fewest)\b[^,;.]{0,30}?"
                         r"\bin\s+(?:the\s+(?:past|last)\s+)?$", text[max(0, o.mention.start - 50):o.mention.start]))
                     # nor a part of a named period ("in the first seven months of President X's administration"),
                     # which no date of the text gives
                     and not (o.mention.kind == "duration" and
                              re.search(r"\b(?:first|last|initial|final)\s+$", text[max(0, o.mention.start - 10):o.mention.start])
                              and re.match(r"\s+of\s+(?!(?:1[89]|20)\d\d\b)", text[o.mention.end:o.mention.end + 12]))]
            times += [e for e in exprs if _free(e.start, e.end)]
            # a figure compared with ("higher than the 5,874 seen in ...", "triple the 287 kidnappings
            # reported ... in 2006") is dated by what follows it, not by the dates of the figure it is compared to
            if re.search(r"\b(?:than|triple|double|quadruple|times)\s+(?:the\s+)?(?:about\s+|around\s+|some\s+)?$",
                         text[max(s.start, m.start - 30):m.start]):
                times = [o for o in times if _start(o) >= m.end]
            # "£150,000 a month until the scheme closes in March 2026": a rate that runs from publication to then
            until = [o for o in items if o.sentence is s and o.mention.unit == "date" and o.mention.start > m.end and
                     re.search(r"\b(?:until|till|through)\b[^,;.]*$", text[m.end:o.mention.start])]
            if m.kind == "rate" and until:
                try:
                    end = resolve(until[0].record.get("text", until[0].mention.text), meta.published).end
                except ValueError:
                    end = None
                if end is not None and end >= meta.published:
                    rec["_period_span"] = {"start": meta.published, "end": end}
                    times = []
            if times:
                # "from 52,000 in 2022 to 118,000 in 2023": a date right after the figure ("in", "during")
                # dates it; else the nearest
                after = [o for o in times if _start(o) >= m.end and
                         re.fullmatch(r"\s+(?:(?:in|during)\s+(?:the\s+)?)?", text[m.end:_start(o)])]
                near = after[0] if after else min(times, key=lambda o: _gap(o, m))
                since = re.search(r"\b(1[89]\d\d|20\d\d)\b", near.mention.text) if not isinstance(near, _Expression) and \
                    re.match(r"since\b", near.record.get("text", ""), re.I) and near.mention.end <= m.start and \
                    re.fullmatch(r"\s*,\s+when\b[^.;]*", text[near.mention.end:m.start]) else None
                if isinstance(near, _Expression):
                    rec["_period_span"] = {"start": near.period.start, "end": near.period.end}
                    rec["_period_year"] = near.period.end.year if near.period.start.year == near.period.end.year \
                        else None
                elif since is not None:
                    # "the lowest since 2010, when fishers were allowed 22,100 tonnes": the figure of that year
                    y = int(since.group(1))
                    rec["_period_span"] = {"start": dt.date(y, 1, 1), "end": dt.date(y, 12, 31)}
                    rec["_period_year"] = y
                else:
                    rec["_period"] = near
        para = [x for x in sents if x.para == s.para]
        ctx = Context(earlier=tuple(tuple(x for x in sents if x.para == p) for p in range(s.para - 1, -1, -1)),
                      analysis=analysis is not None and m.start > analysis, demonym=demonym,
                      wire=wire if analysis is None or m.start < analysis else None)
        rec["attribution"] = [{**a, "who": source_named(text, a["who"], m.start, s.start)} for a in
                              attribution_for(text, m, s, para, outlet_name(meta.publisher), cache, ctx)]
        it.guessed.append("attribution")
    # "The secretary general also noted ...": the person named earlier with that role ("said Patricia
    # Figueroa Valderrama, the secretary general of the Interior Ministry")
    named: list[tuple[str, str]] = []
    for it in items:
        first = it.record["attribution"][0]
        desc = re.match(r"(?:the|this|that)\s+(.+)$", first["who"], re.I)
        if desc and not re.match(r"[A-Z]", desc.group(1)):
            hit = [w for w, role in named if role.lower().startswith(("the " + desc.group(1).lower(),
                                                                     desc.group(1).lower()))]
            if hit:
                it.record["attribution"][0] = {"who": hit[-1], "role": next(r for w, r in named if w == hit[-1])}
        elif re.match(r"[A-Z]", first["who"]) and first["role"] not in _GENERIC_ROLES:
            named.append((first["who"], first["role"]))
    same_period(items, text, meta.published)
    # ids, unique in the file in order of position
    for it in items:
        period = it.record.get("_period")
        year = it.record.pop("_period_year", None)
        year = str(year) if year is not None else None
        if period is not None and period.mention.unit == "date":
            y = re.search(r"\b(1[89]\d\d|20\d\d)\b", period.mention.text)
            year = y.group(1) if y else None
        key = (it.head or "date") if it.mention.unit == "date" else it.what
        cid = make_id(key, year, it.mention, it.mention.region)
        ids[cid] += 1
        while (cid if ids[cid] == 1 else f"{cid}-{ids[cid]}") in taken:
            ids[cid] += 1
        it.record["id"] = cid if ids[cid] == 1 else f"{cid}-{ids[cid]}"
    for it in items:
        rec = it.record
        period = rec.pop("_period", None)
        ends = rec.pop("_ends", None)
        span = rec.pop("_period_span", None)
        st = it.sentence
        ahead = bool(_FUTURE.search(text, st.start, st.end) or _PLAN.search(text, st.start, st.end))
        inline = _inline_period(rec, it.mention, period, text, meta.published, ahead) if period is not None else None
        if inline is not None:
            # the period's words are in the figure's own quote: its dates, written inline, as a hand file does
            rec["measure"]["period"] = inline
            it.guessed.append("measure.period")
        elif period is not None:
            rec["measure"]["period"] = period.record["id"]
            it.guessed.append("measure.period")
        elif span is not None:
            rec["measure"]["period"] = span
            it.guessed.append("measure.period")
        if ends is not None:
            rec["ends"] = ends.record["id"]
            it.guessed.append("ends")
        _omit_value(rec)
        order = ["id", "quote", "start", "text", "value", "unit", "qualifier", "low", "high", "interval", "rule",
                 "date", "ends", "measure", "attribution"]
        new = {k: rec[k] for k in order if k in rec}
        new.update({k: v for k, v in rec.items() if k not in new and k != "status"})
        new["guessed"] = [g for g in GUESSABLE if g in it.guessed]
        new["status"] = "unreviewed"
        it.record = new
    return items


#: "the 13,632 who arrived in the same period of 2023", "the 1,104 recorded in the same period last year".
_SAME_PERIOD = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:in|during|over|for)\s+the\s+same\s+period\s+(?:(?:of|in)\s+"
                          r"(1[89]\d\d|20\d\d)\b|(?:last\s+year|a\s+year\s+(?:earlier|before|ago)|the\s+year\s+before|"
                          r"the\s+previous\s+year)\b)", re.I)


def _period_of(it: Drafted, published: dt.date):
    """The period a drafted figure's record has so far (its inline span or its date record read against
    ``published``), or None."""
    span = it.record.get("_period_span")
    if span is not None:
        return span["start"], span["end"]
    near = it.record.get("_period")
    if near is None:
        return None
    try:
        p = resolve(near.record.get("text", near.mention.text), published)
    except ValueError:
        return None
    return p.start, p.end


def same_period(items: list[Drafted], text: str, published: dt.date) -> None:
    """Date the figures followed by "in the same period of 2023" or "in the same period last year" (a
    year earlier) by the period of the figure they are compared with, moved to that year: "30,808 ... in the
    first nine months of 2024, up 126 percent on the 13,632 who arrived in the same period of 2023" gives
    the 13,632 2023-01-01 .. 2023-09-30. The figure compared with is the nearest earlier one of the
    sentence, else of the paragraph, that has a period. Changes the records' ``_period_span`` and
    ``_period_year`` in place; a figure with no such earlier figure keeps what it had."""
    for i, it in enumerate(items):
        m = it.mention
        if m.unit == "date" or m.kind == "duration":
            continue
        sm = _SAME_PERIOD.match(text, m.end, it.sentence.end) or _YEAR_EARLIER.match(text, m.end, it.sentence.end)
        if sm is None:
            continue
        before = [o for o in items[:i] if o.mention.unit != "date" and o.mention.kind != "duration" and
                  o.sentence.para == it.sentence.para and _period_of(o, published) is not None]
        before.sort(key=lambda o: (o.sentence is not it.sentence, -o.mention.start))
        if not before:
            continue
        start, end = _period_of(before[0], published)
        shift = int(sm.group(1)) - end.year if sm.re is _SAME_PERIOD and sm.group(1) else -1
        start, end = _shift_years(start, shift), _shift_years(end, shift)
        it.record.pop("_period", None)
        it.record["_period_span"] = {"start": start, "end": end}
        it.record["_period_year"] = end.year if start.year == end.year else None


#: "up from 3,450 a year earlier", "from 2,500 kilograms the year before": the figure of the period of the one
#: before it, a year back (a unit word may stand between).
_YEAR_EARLIER = re.compile(r"(?:\s+(?!and\b|or\b|but\b)[a-z]+)?\s+(?:a\s+year\s+(?:earlier|before|ago)|the\s+(?:year\s+before|"
                           r"previous\s+year))\b", re.I)


def _shift_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


#: A sentence about spending planned: "The council also adopted a €450 million capital programme over three
#: years", "The housing budget includes ... €78 million over 12 months".
_PLAN = re.compile(r"\b(?:budget|programme|program|plan|scheme|allocation)s?\b", re.I)
#: A duration of a spell: "over three years", "for 12 months", "within two years".
_SPELL = re.compile(r"(over|for|within|in)\s+(?:the\s+)?(\S+\s+(?:year|month|week|day)s?)", re.I)


def _inline_period(rec: dict[str, Any], men: Mention, period: "Drafted", text: str,
                   published: dt.date, ahead: bool = False) -> dict[str, dt.date] | None:
    """The dates of a figure's period record when the record's words lie inside the figure's own quote
    ("25 women were rescued ... on September 22": ``{start: 2013-09-22, end: 2013-09-22}``), so the figure
    reads alone; None when they lie outside it, when the record ends at another ("in the past two years"
    after "In September") or when its words are no period :func:`numclaims.periods.resolve` reads."""
    if "_ends" in period.record or "ends" in period.record:
        return None
    quote = rec["quote"]
    qs = rec["start"] if "start" in rec else text.find(quote, max(0, men.end - len(quote)))
    pm = period.mention
    words = period.record.get("text", pm.text)
    ws = text.find(words, max(0, pm.start - len(words)), pm.end + len(words))
    if qs < 0 or ws < 0 or not (qs <= ws and ws + len(words) <= qs + len(quote)):
        return None
    spell = _SPELL.fullmatch(words) if ahead else None
    if spell:
        # "a €450 million capital programme over three years" (spending planned): from publication forward
        words = f"{spell.group(1)} the next {spell.group(2)}"
    try:
        p = resolve(words, published)
    except ValueError:
        return None
    return {"start": p.start, "end": p.end}


#: Words before a date or duration that belong to the period expression (:func:`numclaims.periods.resolve`
#: reads "in September", "in the past two years", "over three years", "for five years").
_PERIOD_LEAD = re.compile(r"\b(?:in|during|over|for|within|since)(?:\s+the\s+(?:past|last|previous|first|next))?\s+$", re.I)
#: The end of a period written after its first year or month: "2025/26", "2024/2025" (a financial year),
#: "January–March", "January-March" (a span of months).
_FISCAL_TAIL = re.compile(r"/(?:\d\d|\d{4})(?![\d/])|\s?[-\u2013]\s?(?:" + "|".join(MONTH_NAMES) + r")\b")
#: "by" or "until" right before a date: a deadline ahead ("40 guards by March").
_BY_UNTIL_BEFORE = re.compile(r"\b(?:by|until)\s+$", re.I)


#: A noun after a year that makes the year the name of a figure, not a period: "the 2013 figure".
_FIGURE_NOUN = re.compile(r"\s+(?:figures?|totals?|numbers?|counts?|estimates?|tally|data)\b")


#: "get the 10 weeks", "need the 12 months": a duration after "the" that no period preposition leads, the
#: object of a verb, not a time of the sentence's figures.
_OBJECT_DURATION = re.compile(r"\b(?!(?:in|over|during|within|throughout|for|of|past|last|first|next|since|from|to|"
                              r"after|before|until)\b)[a-z]+\s+the\s+\Z")
#: A duration that dates its whole sentence, whatever clause it stands in ("Over the past five years, ...").
_ADVERBIAL_PERIOD = re.compile(r"(?:in|over|during|within|throughout)\b", re.I)


#: A clause about the future: "the port will hire 40 guards by March" (a deadline ahead, not a past month).
_FUTURE = re.compile(r"\b(?:will|shall|would|(?:plans?|aims?|expects?|intends?|hopes?|promised|pledged|vowed)\s+"
                     r"(?:[\w'’-]+\s+){0,2}?to|"
                     r"(?:is|are)\s+(?:due|set|going)?\s*to)\b", re.I)


#: "60 or more", "65 or over": a lower bound written after the numeral (numclaims.numerals: ``at_least``).
_BOUND_AFTER = re.compile(r"\s+or\s+(?:more|over|above)\b")


def _with_bound_after(rec: dict[str, Any], men: Mention, text: str) -> None:
    """Widen ``text`` of an exact count over a bound written after it ("classrooms with 60 or more pupils":
    `60 or more`, qualifier ``at_least``, as :func:`numclaims.numerals.parse` reads it); the quote is
    widened to hold it when it does not."""
    mb = _BOUND_AFTER.match(text, men.end)
    if mb is None or rec.get("text") != men.text or rec.get("qualifier", "exact") != "exact" or \
            men.unit not in ("count", "persons") or "interval" in rec:
        return
    words = text[men.start:mb.end()]
    rec["text"] = words
    rec["qualifier"] = "at_least"
    if words not in rec["quote"]:
        quote, qstart, unique = unique_quote(text, men.start, mb.end())
        rec["quote"] = quote
        rec.pop("start", None)
        if not unique:
            rec["start"] = qstart


def _with_preposition(rec: dict[str, Any], men: Mention, text: str, sent: Sentence | None = None) -> None:
    """Widen ``text`` (and ``quote``) of a date or duration record over the preposition before it, so
    that the record's words are the whole period expression ("In September", "in the past two years");
    a month after "by" or "until" in a clause about the future is a deadline ("will hire 40 guards by
    March": ``by March``, the next March, :func:`numclaims.periods.resolve`)."""

    if men.unit != "date" and men.kind != "duration":
        return
    if rec.get("text") != men.text or "date" in rec or "interval" in rec:
        return
    m = _PERIOD_LEAD.search(text, max(0, men.start - 24), men.start)
    if (not m or m.end() != men.start) and men.unit == "date" and sent is not None:
        m = _BY_UNTIL_BEFORE.search(text, max(0, men.start - 8), men.start)
        if m and not _FUTURE.search(text, sent.start, men.start):
            m = None
    if not m or m.end() != men.start:
        return
    # "in 2025/26": the financial year the year starts; "in January–March": the span (numclaims.periods.resolve)
    fy = _FISCAL_TAIL.match(text, men.end) if men.unit == "date" else None
    end = fy.end() if fy else men.end
    words = text[m.start():end]
    try:
        resolve(words, dt.date(2000, 1, 1))
    except ValueError:
        try:  # "since 2010" reads only against a later anchor
            resolve(words, dt.date(2100, 12, 31))
        except ValueError:
            return  # the widened words would not read as a period: keep the numeral alone
    if men.kind == "duration" and value_from_words_safe(words) != men.value:
        return
    quote, qstart, unique = unique_quote(text, m.start(), end)
    rec["quote"] = quote
    rec.pop("start", None)
    rec["text"] = words
    if not unique:
        rec["start"] = qstart


_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x85\x0b\x0c")
_CLAUSE_CUT = re.compile(r"[,;:()\u2014](?!\d)")


#: a clause that only restates the figure before it ("..., or 31 percent", "or 42 percent of arrivals")
_RESTATING_CLAUSE = re.compile(r"\s*(?:or|i\.e\.|that is)\s", re.I)


def _clause_bounds(text: str, men: Mention, sent: Sentence) -> tuple[int, int]:
    """``(start, end)`` of the clause of ``sent`` that holds ``men``: between the cuts of
    :data:`_CLAUSE_CUT` around it, where a bracketed aside that does not hold the numeral is no cut ("It
    spends €5.2 million (about $5.7 million) a month on their care and has spent €58 million": the €58
    million's clause runs from "It spends"), and a clause that only restates the figure before it ("..., or
    31 percent") takes in the clause before it ("found mosquito breeding sites at 864 of them, or 31
    percent"), so the quote names what is counted."""
    asides = [(x.start(), x.end() - 1) for x in re.finditer(r"\([^()]*\)", text[sent.start:sent.end])]
    asides = [(o + sent.start, c + sent.start) for o, c in asides]
    own = next(((o, c) for o, c in asides if o < men.start < c), None)
    cuts = [x.start() for x in _CLAUSE_CUT.finditer(text, sent.start, sent.end)
            if x.start() in (own or ()) or (own is not None and own[0] < x.start() < own[1])
            or not any(o <= x.start() <= c for o, c in asides)]
    before = [c for c in cuts if c < men.start]
    after = [c for c in cuts if c >= men.end]
    a = before[-1] + 1 if before else sent.start
    if before and _RESTATING_CLAUSE.match(text, a) and text[before[-1]] == ",":
        a = before[-2] + 1 if len(before) > 1 else sent.start
    b = after[0] if after else sent.end
    return a, b


def clause_quote(rec: dict[str, Any], men: Mention, sent: Sentence, text: str) -> None:
    """Widen a record's ``quote`` to the clause that holds its numeral (between commas, semicolons,
    colons, brackets or dashes of its sentence, without a leading conjunction or reporting verb ("said
    that") or the final stop), so
    the quote reads as what the article claims ("the port will hire 40 guards by March", not "40
    guards"); at most 24 words, else the quote is left as it is. ``start`` is set when the clause
    occurs more than once in ``text``. A record without ``text`` keeps its quote (its one numeral)."""
    if "text" not in rec:
        return
    qs = rec["start"] if "start" in rec else text.find(rec["quote"], max(0, men.start - len(rec["quote"])))
    if qs < 0:
        return
    qe = qs + len(rec["quote"])
    a, b = _clause_bounds(text, men, sent)
    # and within its line (U+2028 and other line breaks than "\n" end a line too)
    breaks = [i for i in range(a, qs) if text[i] in _LINE_BREAKS]
    a = breaks[-1] + 1 if breaks else a
    b = next((i for i in range(qe, b) if text[i] in _LINE_BREAKS), b)
    a, b = min(a, qs), max(b, qe)
    lead = re.match(r"\s*(?:(?:and|but|while|whereas|although|that|which|who|so)\s+)?(?:" + _REPORT_VERB +
                    r"\s+(?:that\s+)?)?", text[a:b], re.I)
    a = min(a + lead.end(), qs)
    while b > qe and text[b - 1] in " .!?\"”’'":
        b -= 1
    quote = text[a:b]
    if len(quote.split()) > 24:
        return
    rec["quote"] = quote
    rec.pop("start", None)
    if times_in(text, quote) > 1:
        rec["start"] = a


def value_from_words_safe(words: str) -> float | None:
    """:func:`numclaims.records.value_from_words`, imported late."""

    return value_from_words(words)


def _omit_value(rec: dict[str, Any]) -> None:
    """Drop ``value`` when the words of ``text`` give exactly that value (the record reads it from them)."""

    if rec.get("unit") == "date" or "value" not in rec or rec.get("interval") is not None:
        return
    words = rec.get("text", rec.get("quote"))
    v = value_from_words(words) if isinstance(words, str) else None
    if v is not None and rec["value"] is not None and float(v) == float(rec["value"]):
        del rec["value"]


HEADER = [
    "# Drafted by `numclaims new`: one record per number of the headline, standfirst and body. Fields",
    "# listed in a record's `guessed:` were read from the words around the number and must be confirmed",
    "# (edit them, then `numclaims review confirm ID`); checks with `status: proposed` were found in the",
    "# text (their `reason` says where): `numclaims review accept ID` or `numclaims review drop ID`.",
]


def project_ids(root: Any, skip: Any = None) -> set[str]:
    """Claim ids defined in the claims files of the project at ``root`` (except the file ``skip``);
    unreadable files are passed over (``numclaims check`` reports them)."""

    out: set[str] = set()
    for _, data in _project_files(root, skip):
        for c in data.get("claims") or []:
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                out.add(c["id"])
    return out


def article_ids(root: Any) -> set[str]:
    """The ``article`` ids of the readable claims files of the project at ``root`` (an id a command is
    given that is not among them names no article at all, rather than one not checked yet)."""
    return {data["article"] for _, data in _project_files(root) if isinstance(data.get("article"), str)}


def files_using_source(root: Any, source_id: str) -> list[Path]:
    """The claims files of the project at ``root`` whose ``source`` is ``source_id`` (drafting it again
    would give its claims ids with ``-2`` suffixes); unreadable files are passed over."""
    return [p for p, data in _project_files(root) if data.get("source") == source_id]


def _project_files(root: Any, skip: Any = None) -> list[tuple[Path, dict[str, Any]]]:
    """``(path, mapping)`` of each readable claims file of the project at ``root`` but ``skip``."""
    out = []
    for p in claims_files(Path(root)):
        if skip is not None and Path(p).resolve() == Path(skip).resolve():
            continue
        try:
            data = load_yaml_text(read_text_strict(p))
        except (YamlInputError, OSError):
            continue
        if isinstance(data, dict):
            out.append((Path(p), data))
    return out


def to_confirm(res) -> list[tuple[str, list[str]]]:
    """``[(claim id, guessed fields)]`` of results (:class:`numclaims.resultmodel.Results`; slim results
    keep no guessed fields: none for them, without a look at their claims): the drafted fields nobody
    confirmed."""
    if isinstance(res, SlimResults):
        return []
    return [(c.id, list(c.guessed)) for c in res.claims if c.guessed]


def print_to_confirm(results: list, stream=None) -> int:
    """Print, on stderr, the claims whose drafted fields are still to confirm and the proposed checks still
    to decide, one line per article; returns how many claims and checks were named.

    Format: ``<article>: N claim(s) with guessed fields to confirm: id (fields), ...`` and
    ``<article>: N proposed check(s) to accept or drop: id, ...``.
    """

    out = stream or sys.stderr
    n = 0
    for res in results:
        todo = to_confirm(res)
        if todo:
            shown = ", ".join(f"{cid} ({', '.join(f)})" for cid, f in todo[:3]) + (" ..." if len(todo) > 3 else "")
            print(f"{res.article}: {len(todo)} claim(s) with guessed fields to confirm: {shown}", file=out)
            n += len(todo)
        prop = res.summary.proposed or []
        if prop:
            print(f"{res.article}: {len(prop)} proposed check(s) to accept or drop (numclaims review accept|drop): "
                  + ", ".join(prop[:5]) + (" ..." if len(prop) > 5 else ""), file=out)
            n += len(prop)
    return n
