"""The bad-input corpus: every file in ``tests/bad_inputs/`` is run through ``numclaims check`` on a copy of
``tests/data/project`` and must give exit status 2, exactly the error lines in :data:`CASES` on stderr
(``file:line: claim <id>: <field>: <what to fix>``), no traceback, and no change to ``reports/``.

Each case file is the valid ``tests/data/project/claims/town-news.yaml`` with one fault (its first line says
which) and replaces that file in the project; ``_companions/other-news.yaml`` is a second valid article on the
same source, present in every run, so that cross-file cases (duplicate ids, relations to another article)
have something to collide with. The comments above each entry quote the line of the case file that the error
line points at: the line number is part of what is tested.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import tree_bytes
from numclaims.claimsfile import CHECK_KINDS
from numclaims.cli import main

HERE = Path(__file__).parent
BAD = HERE / "bad_inputs"
COMPANION = BAD / "_companions" / "other-news.yaml"

# The fixture source with one non-ASCII character (line 3, "Perú"), written as latin-1 bytes or with a BOM
# for the encoding cases.
_TEXT = (HERE / "data" / "project" / "datasets" / "sources" / "town-news.txt").read_text(encoding="utf-8")
_NON_ASCII = _TEXT.replace("Mine raid frees", "Mine raid in Perú frees")
EXTRA_SOURCES = {
    "latin-news": _NON_ASCII.encode("latin-1"),
    "bom-news": b"\xef\xbb\xbf" + _NON_ASCII.encode("utf-8"),
    # "1.600" with a European thousands separator; "Two-thirds" where the fixture says "40 percent"
    "euro-news": _TEXT.replace("1,600 people", "1.600 people").encode("utf-8"),
    "thirds-news": _TEXT.replace("40 percent are minors", "Two-thirds are minors").encode("utf-8"),
    "marker-news": _TEXT.encode("utf-8"),
    "badmeta-news": _TEXT.encode("utf-8"),
}
#: Lines added to the metadata of an extra source (body markers that are not in its text).
EXTRA_META = {
    "marker-news": "body:\n  start: Mine raid frees workers\n  end: In a third raid\n",
    "badmeta-news": "body:\n  start: 2014\n  end: again.\n",
}

#: the kinds an error line lists, in the registry's order (a kind added as a module joins it)
KIND_LIST = ", ".join(CHECK_KINDS)

CASES: dict[str, list[str]] = {
    # YAML aliases that expand to 10^8 values (billion laughs).
    'alias-bomb': [
        'claims/town-news.yaml:0: YAML aliases expand the document to over 12,292 values; remove the repeated aliases (*name) [yaml-alias-bomb]',
    ],
    # an article id that would escape reports/.
    # town-news.yaml line 2 is `article: ../../etc`
    'article-path-traversal': [
        "claims/town-news.yaml:2: article: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # a review status that is not one of the four.
    # town-news.yaml line 9 is `status: checked`
    'bad-status': [
        "claims/town-news.yaml:9: claim rescued-300: status: expected one of 'unreviewed', 'verified', 'disputed' or 'unverifiable', got text 'checked' [not-allowed]",
    ],
    # a check without one of its claims.
    # town-news.yaml line 78 is `- id: earnings-times-period-vs-fortune`
    'check-missing-field': [
        'claims/town-news.yaml:78: claim earnings-times-period-vs-fortune (check): checks[1].duration: required field is missing [field-missing]',
    ],
    # only comments, no data.
    # town-news.yaml line 1 is `# bad input: only comments, no data`
    'comments-only': [
        "claims/town-news.yaml:1: file holds no data (only comments or blank lines); expected a mapping with 'article', 'source' and 'claims' [file-no-data]",
    ],
    # claim references that form a cycle (measure.period -> claim, ends -> claim).
    # town-news.yaml line 54 is `ends: fortune-120000`
    'cycle-period-ends': [
        'claims/town-news.yaml:54: claim period-two-years: ends: claim references form a cycle: period-two-years -> fortune-120000 -> period-two-years; a period or end date cannot depend on itself, remove one reference [reference-cycle]',
    ],
    # an article id already used by another claims file.
    # town-news.yaml line 2 is `article: other-news`
    'duplicate-article-id': [
        "claims/town-news.yaml:2: article: article id 'other-news' is also used by claims/other-news.yaml; give each claims file its own article id [duplicate-article]",
    ],
    # a check with the id of a claim.
    # town-news.yaml line 84 is `- id: rescued-300`
    'duplicate-check-id': [
        'claims/town-news.yaml:84: claim rescued-300 (check): id: duplicate id (claims and checks share one namespace) [duplicate-id]',
    ],
    # two claims with the same id in one file.
    # town-news.yaml line 16 is `- id: rescued-300`
    # town-news.yaml line 76 is `total: workers-1600`
    # town-news.yaml line 87 is `whole: workers-1600`
    'duplicate-id': [
        'claims/town-news.yaml:16: claim rescued-300: id: duplicate claim id (first defined at line 5) [duplicate-id]',
        "claims/town-news.yaml:76: claim minors-share-of-workers (check): checks[0].total: names unknown claim 'workers-1600'; relations may only name claims of this article [unknown-claim]",
        "claims/town-news.yaml:87: claim rescued-within-workers (check): checks[2].whole: names unknown claim 'workers-1600'; relations may only name claims of this article [unknown-claim]",
    ],
    # a claim id also defined in another claims file (other-news).
    # other-news.yaml line 5 is `- id: other-news-workers`
    # town-news.yaml line 72 is `- id: other-news-workers`
    'duplicate-id-across-files': [
        'claims/other-news.yaml:5: claim other-news-workers: id: duplicate claim id: also defined at claims/town-news.yaml:72; claim ids must be unique across all claims files [duplicate-id-across-files]',
        'claims/town-news.yaml:72: claim other-news-workers: id: duplicate claim id: also defined at claims/other-news.yaml:5; claim ids must be unique across all claims files [duplicate-id-across-files]',
    ],
    # a key given twice in one mapping.
    # town-news.yaml line 9 is `value: 3000`
    'duplicate-key': [
        "claims/town-news.yaml:9: claim rescued-300: value: duplicate key 'value' in one mapping (first at line 8); keep one [duplicate-key]",
    ],
    # an empty file (0 bytes).
    'empty-file': [
        "claims/town-news.yaml:1: file is empty; expected 'article', 'source' and 'claims' [file-empty]",
    ],
    # 1e300, far beyond any news figure.
    # town-news.yaml line 63 is `value: 1.0e+300`
    'huge-value': [
        'claims/town-news.yaml:63: claim fortune-120000: value: 1e+300 is larger than 1e15; no news figure is that large [number-too-large]',
    ],
    # a claim id with a path separator.
    # town-news.yaml line 5 is `- id: ../x`
    'id-path-separator': [
        "claims/town-news.yaml:5: claim ../x: id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # `.inf` as a value.
    # town-news.yaml line 19 is `value: .inf`
    'infinite-value': [
        'claims/town-news.yaml:19: claim workers-1600: value: expected a finite number, got inf [not-finite]',
    ],
    # a claim without its unit.
    # town-news.yaml line 5 is `- id: rescued-300`
    'missing-field': [
        'claims/town-news.yaml:5: claim rescued-300: unit: required field is missing [field-missing]',
    ],
    # a measure without `what`.
    # town-news.yaml line 11 is `measure:`
    'missing-nested-field': [
        'claims/town-news.yaml:11: claim rescued-300: measure.what: required field is missing [field-missing]',
    ],
    # a source that does not exist.
    # town-news.yaml line 3 is `source: no-such-source`
    'missing-source': [
        "claims/town-news.yaml:3: source: source 'no-such-source' could not be loaded [source-unloadable]",
        "datasets/sources/no-such-source.meta.yaml:0: source: source file for 'no-such-source' not found [source-missing]",
        "datasets/sources/no-such-source.txt:0: source: source file for 'no-such-source' not found [source-missing]",
    ],
    # `.nan` as a value.
    # town-news.yaml line 8 is `value: .nan`
    'nan-value': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a finite number, got nan [not-finite]',
    ],
    # a negative number of persons.
    # town-news.yaml line 8 is `value: -300`
    'negative-count': [
        'claims/town-news.yaml:8: claim rescued-300: value: -300 is negative; counts, amounts and shares cannot be [value-negative]',
    ],
    # an empty claims list.
    # town-news.yaml line 4 is `claims: []`
    'no-claims': [
        'claims/town-news.yaml:4: claims: expected at least 1 item, got 0 [too-few-items]',
    ],
    # a percentage over 100 where the words say 40 percent: a percent may exceed 100 ("a rise of 900%"),
    # so the error is that the value is not the numeral written. town-news.yaml line 30 is `value: 140`
    'percent-over-100': [
        "claims/town-news.yaml:30: claim minors-40-percent: value: 140 differs from the numeral written '40 percent', "
        "read as 40 [value-differs]",
    ],
    # a measure.period naming a claim of another article.
    # town-news.yaml line 66 is `measure:`
    'period-other-article': [
        "claims/town-news.yaml:66: claim fortune-120000: measure.period: names unknown claim 'other-news-period' (claims may only refer to claims of this article) [unknown-claim]",
    ],
    # a PyYAML object-construction tag (must not be executed).
    # town-news.yaml line 8 is `value: !!python/object/apply:os.system ["touch PWNED"]`
    'python-tag': [
        "claims/town-news.yaml:8: claim rescued-300: value: tag '!!python/object/apply:os.system' is not allowed: claims files hold plain data (text, numbers, lists, mappings); remove the tag [yaml-tag]",
    ],
    # a quote that is not copied verbatim.
    # town-news.yaml line 6 is `quote: Police rescued 300 girls from the mines`
    'quote-not-in-source': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'Police rescued 300 girls from the mines' is not in the source text (it must be copied verbatim) [quote-not-found]",
    ],
    # a quote that occurs twice in the source, without `start`.
    # town-news.yaml line 6 is `quote: rescued 300 women`
    'quote-twice': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'rescued 300 women' occurs 2 times (offsets [58, 282]); add 'start' to say which [quote-ambiguous]",
    ],
    # a `start` offset that is not where the quote is.
    # town-news.yaml line 6 is `quote: rescued 300 women`
    'quote-wrong-start': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'rescued 300 women' is not at offset 10; it occurs at [58, 282] [quote-not-at-offset]",
    ],
    # qualifier range without low and high.
    # town-news.yaml line 10 is `qualifier: range`
    'range-without-bounds': [
        "claims/town-news.yaml:10: claim rescued-300: qualifier: 'range' needs 'low' and 'high' [range-needs-bounds]",
    ],
    # a check naming a claim of another article.
    # town-news.yaml line 87 is `whole: other-news-workers`
    'relation-other-article': [
        "claims/town-news.yaml:87: claim rescued-within-workers (check): checks[2].whole: names unknown claim 'other-news-workers'; relations may only name claims of this article [unknown-claim]",
    ],
    # a duration that ends at itself.
    # town-news.yaml line 54 is `ends: period-two-years`
    'self-reference': [
        'claims/town-news.yaml:54: claim period-two-years: ends: claim references form a cycle: period-two-years -> period-two-years; a period or end date cannot depend on itself, remove one reference [reference-cycle]',
    ],
    # a source text starting with a UTF-8 byte-order mark (the test writes datasets/sources/bom-news.*).
    # town-news.yaml line 3 is `source: bom-news`
    'source-bom': [
        "claims/town-news.yaml:3: source: source 'bom-news' could not be loaded [source-unloadable]",
        'datasets/sources/bom-news.txt:1: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM [byte-order-mark]',
    ],
    # a source text saved as latin-1 bytes (the test writes datasets/sources/latin-news.*).
    # town-news.yaml line 3 is `source: latin-news`
    'source-latin1': [
        "claims/town-news.yaml:3: source: source 'latin-news' could not be loaded [source-unloadable]",
        'datasets/sources/latin-news.txt:3: not valid UTF-8 (byte 0xfa at offset 42); convert the file to UTF-8 [not-utf8]',
    ],
    # a key indented deeper than its siblings.
    # town-news.yaml line 10 is `qualifier: exact`
    'syntax-bad-indent': [
        'claims/town-news.yaml:10: claim rescued-300: qualifier: YAML syntax error: mapping values are not allowed in this context; check the quotes and indentation [yaml-syntax]',
    ],
    # a tab used for indentation.
    # town-news.yaml line 12 is `what: women rescued from the mines`
    'syntax-tab-indent': [
        'claims/town-news.yaml:12: claim rescued-300: measure.what: YAML syntax error: found character that cannot start any token (line has a tab: YAML indents with spaces only) (while scanning for the next token that starts at line 12); check the quotes and indentation [yaml-syntax]',
    ],
    # a double quote that is never closed.
    # town-news.yaml line 7 is `text: "300"`
    'syntax-unclosed-quote': [
        'claims/town-news.yaml:7: claim rescued-300: text: YAML syntax error: did not find expected key (while parsing a block mapping that starts at line 5); check the quotes and indentation [yaml-syntax]',
    ],
    # a numeral text that is not part of the quote.
    # town-news.yaml line 18 is `text: "1,500"`
    'text-not-in-quote': [
        "claims/town-news.yaml:18: claim workers-1600: text: '1,500' is not part of the quote 'Officials said 1,600 people work in the mines' [text-not-in-quote]",
    ],
    # a list at the top.
    # town-news.yaml line 1 is `# bad input: a list at the top`
    'top-level-list': [
        "claims/town-news.yaml:1: expected a mapping with 'article', 'source' and 'claims', got a list of 2 items [file-not-mapping]",
    ],
    # a check kind that does not exist.
    # town-news.yaml line 85 is `kind: part_of`
    'unknown-check-kind': [
        f'claims/town-news.yaml:85: claim rescued-within-workers (check): checks[2].kind: unknown check kind; expected one of {KIND_LIST} [kind-unknown]',
    ],
    # a three-letter code that is not an ISO 4217 currency.
    # town-news.yaml line 64 is `unit: XYZ`
    'unknown-currency': [
        "claims/town-news.yaml:64: claim fortune-120000: unit: unknown currency 'XYZ'; expected a current ISO 4217 code such as USD, EUR, PEN or KES [currency-unknown]",
    ],
    # a misspelt key (`qualifer`).
    # town-news.yaml line 10 is `qualifer: exact`
    'unknown-field': [
        "claims/town-news.yaml:10: claim rescued-300: qualifer: unknown field; did you mean 'qualifier'? [field-unknown]",
    ],
    # a rate per hour.
    # town-news.yaml line 42 is `unit: USD per hour`
    'unknown-rate-base': [
        "claims/town-news.yaml:42: claim earnings-5000-month: unit: unknown rate base 'hour'; expected one of ['day', 'week', 'month', 'year'] [rate-base-unknown]",
    ],
    # a unit written as an everyday word: the base unit it stands for is named.
    # town-news.yaml line 9 is `unit: people`
    'unit-everyday-word': [
        "claims/town-news.yaml:9: claim rescued-300: unit: unknown unit 'people'; write 'persons' (the base units are spelt out in full) [unit-unknown]",
    ],
    # a unit written as its symbol: pint reads 'kg' as exactly one kilogram, so 'kilograms' is named.
    # town-news.yaml line 9 is `unit: kg`
    'unit-symbol': [
        "claims/town-news.yaml:9: claim rescued-300: unit: unknown unit 'kg'; write 'kilograms' (the base units are spelt out in full) [unit-unknown]",
    ],
    # a unit that is not in the unit list and stands for none of its units.
    # town-news.yaml line 9 is `unit: furlongs`
    'unknown-unit': [
        "claims/town-news.yaml:9: claim rescued-300: unit: unknown unit 'furlongs'; expected one of ['centimetres', 'count', 'date', 'days', 'fraction', 'hectares', 'hours', 'kilograms', 'kilometres', 'metres', 'miles', 'millimetres', 'months', 'ounces', 'percent', 'percentage_points', 'persons', 'ratio', 'square_kilometres', 'tonnes', 'troy_ounces', 'weeks', 'years'] or an ISO 4217 currency code [unit-unknown]",
    ],
    # a value that is not the numeral written.
    # town-news.yaml line 8 is `value: 3000`
    'value-differs-from-text': [
        "claims/town-news.yaml:8: claim rescued-300: value: 3000 differs from the numeral written '300', read as 300 [value-differs]",
    ],
    # attribution as a plain string instead of a list.
    # town-news.yaml line 13 is `attribution: officials`
    'wrong-type-attribution': [
        "claims/town-news.yaml:13: claim rescued-300: attribution: expected a list ('- item' lines or [a, b]), got text 'officials' [not-a-list]",
    ],
    # a list where a number is expected.
    # town-news.yaml line 8 is `value: [300]`
    'wrong-type-value-list': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a number, got a list [not-a-number]',
    ],
    # `value: 1e6` is a string in YAML 1.1 (it needs a dot: 1.0e+6).
    # town-news.yaml line 63 is `value: 1e6`
    'yaml11-exponent-without-dot': [
        "claims/town-news.yaml:63: claim fortune-120000: value: expected a number, got text '1e6' (YAML 1.1 reads an exponent without a dot and sign as text; write 1.0e+06 or the plain number) [not-a-number]",
    ],
    # an unquoted date that does not exist (month 13).
    # town-news.yaml line 68 is `period: {start: 2012-13-01, end: 2014-03-03}`
    'yaml11-impossible-date': [
        "claims/town-news.yaml:68: claim fortune-120000: measure.period.start: expected an existing date as YYYY-MM-DD, got text '2012-13-01' (month value is outside expected range of 1-12) [not-a-date]",
    ],
    # `where: NO` (Norway) read as the boolean false.
    # town-news.yaml line 13 is `where: NO`
    'yaml11-no-boolean': [
        'claims/town-news.yaml:13: claim rescued-300: measure.where: expected text, got boolean False (YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans); put the text in quotes [not-text]',
    ],
    # `value: on` read as the boolean true.
    # town-news.yaml line 8 is `value: on`
    'yaml11-on-boolean-value': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a number, got boolean True (YAML 1.1 reads unquoted yes/no/on/off as booleans) [not-a-number]',
    ],
    # `value: 1,600` read as the string '1,600'.
    # town-news.yaml line 19 is `value: 1,600`
    'yaml11-thousands-separator': [
        "claims/town-news.yaml:19: claim workers-1600: value: expected a number, got text '1,600' (YAML 1.1 reads a number with thousands separators as text; write it without them, e.g. 1600) [not-a-number]",
    ],
    # `text: 4.10` read as the number 4.1 where text is expected.
    # town-news.yaml line 29 is `text: 4.10`
    'yaml11-trailing-zero': [
        'claims/town-news.yaml:29: claim minors-40-percent: text: expected text, got the number 4.1 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # `quote: 2014-03-03` read as a date where text is expected.
    # town-news.yaml line 28 is `quote: 2014-03-03`
    'yaml11-unquoted-date': [
        'claims/town-news.yaml:28: claim minors-40-percent: quote: expected text, got the date 2014-03-03 (YAML reads an unquoted YYYY-MM-DD as a date); put the text in quotes [not-text]',
    ],
    # `text: yes` read as the boolean true.
    # town-news.yaml line 29 is `text: yes`
    'yaml11-yes-boolean-text': [
        'claims/town-news.yaml:29: claim minors-40-percent: text: expected text, got boolean True (YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans); put the text in quotes [not-text]',
    ],
    # --- cases added with the one number reader, the path guard and the one error formatter
    # an explicit interval of +-1e308 (overflows the checks).
    # town-news.yaml line 13 is `interval: [-1.0e+308, 1.0e+308]`
    'interval-huge-bounds': [
        'claims/town-news.yaml:13: claim rescued-300: interval: low end: -1e+308 is below -1e15; no news figure is that large [number-too-large]',
    ],
    # an explicit interval with an infinite end (null is unbounded).
    # town-news.yaml line 13 is `interval: [280, .inf]`
    'interval-infinite-end': [
        'claims/town-news.yaml:13: claim rescued-300: interval: high end: expected a finite number, got inf; write null for an unbounded end [not-finite]',
    ],
    # an explicit interval with a NaN end.
    # town-news.yaml line 13 is `interval: [.nan, 320]`
    'interval-nan-end': [
        'claims/town-news.yaml:13: claim rescued-300: interval: low end: expected a finite number, got nan; write null for an unbounded end [not-finite]',
    ],
    # an explicit interval of three numbers.
    # town-news.yaml line 13 is `interval: [280, 300, 320]`
    'interval-three-items': [
        'claims/town-news.yaml:13: claim rescued-300: interval: expected two ends [low, high] (null for an unbounded end), got a list of 3 items [interval-form]',
    ],
    # an explicit interval of one number.
    # town-news.yaml line 13 is `interval: [300]`
    'interval-one-item': [
        'claims/town-news.yaml:13: claim rescued-300: interval: expected two ends [low, high] (null for an unbounded end), got a list of 1 item [interval-form]',
    ],
    # an explicit interval with a word for an end.
    # town-news.yaml line 13 is `interval: [280, many]`
    'interval-text-end': [
        "claims/town-news.yaml:13: claim rescued-300: interval: high end: expected a number, got text 'many' [not-a-number]",
    ],
    # an explicit interval with a boolean end.
    # town-news.yaml line 13 is `interval: [280, yes]`
    'interval-boolean-end': [
        'claims/town-news.yaml:13: claim rescued-300: interval: high end: expected a number, got boolean True (YAML 1.1 reads unquoted yes/no/on/off as booleans) [not-a-number]',
    ],
    # an explicit interval whose low end is above its high end.
    # town-news.yaml line 13 is `interval: [320, 280]`
    'interval-low-above-high': [
        'claims/town-news.yaml:13: claim rescued-300: interval: low 320 is above high 280 [range-reversed]',
    ],
    # an explicit interval without the rule that explains it.
    # town-news.yaml line 13 is `interval: [280, 320]`
    'interval-without-rule': [
        "claims/town-news.yaml:13: claim rescued-300: interval: an explicit interval needs a 'rule' saying why [interval-needs-rule]",
    ],
    # an explicit interval written as text.
    # town-news.yaml line 13 is `interval: 280-320`
    'interval-as-text': [
        "claims/town-news.yaml:13: claim rescued-300: interval: expected a number, got text '280-320' [not-a-number]",
    ],
    # an explicit interval written as a mapping.
    # town-news.yaml line 13 is `interval: {low: 280, high: 320}`
    'interval-as-mapping': [
        'claims/town-news.yaml:13: claim rescued-300: interval: expected a number, got a mapping [not-a-number]',
    ],
    # `margin: true` (a boolean, not 1).
    # town-news.yaml line 13 is `margin: true`
    'margin-true': [
        'claims/town-news.yaml:13: claim rescued-300: margin: expected a number, got boolean True (YAML 1.1 reads unquoted yes/no/on/off as booleans) [not-a-number]',
    ],
    # a margin of 15 (a fraction from 0 to 1 is expected).
    # town-news.yaml line 13 is `margin: 15`
    'margin-over-one': [
        'claims/town-news.yaml:13: claim rescued-300: margin: expected a number at most 1 (a fraction: 0.1 is 10 %), got 15 [out-of-range]',
    ],
    # a negative margin.
    # town-news.yaml line 13 is `margin: -0.1`
    'margin-negative': [
        'claims/town-news.yaml:13: claim rescued-300: margin: expected a number at least 0 (a fraction: 0.1 is 10 %), got -0.1 [out-of-range]',
    ],
    # a margin written as '10%'.
    # town-news.yaml line 13 is `margin: 10%`
    'margin-percent-text': [
        "claims/town-news.yaml:13: claim rescued-300: margin: expected a number, got text '10%' (write the number, 10, with unit: percent) [not-a-number]",
    ],
    # an infinite margin.
    # town-news.yaml line 13 is `margin: .inf`
    'margin-infinite': [
        'claims/town-news.yaml:13: claim rescued-300: margin: expected a finite number, got inf [not-finite]',
    ],
    # a rounding precision of 0.
    # town-news.yaml line 13 is `precision: 0`
    'precision-zero': [
        'claims/town-news.yaml:13: claim rescued-300: precision: expected a number above 0 (the rounding step, such as 1, 10 or 0.5), got 0 [out-of-range]',
    ],
    # a negative rounding precision.
    # town-news.yaml line 13 is `precision: -10`
    'precision-negative': [
        'claims/town-news.yaml:13: claim rescued-300: precision: expected a number above 0 (the rounding step, such as 1, 10 or 0.5), got -10 [out-of-range]',
    ],
    # a rounding precision of 1e20.
    # town-news.yaml line 13 is `precision: 1.0e+20`
    'precision-huge': [
        'claims/town-news.yaml:13: claim rescued-300: precision: 1e+20 is larger than 1e15; no news figure is that large [number-too-large]',
    ],
    # `precision: on` (a boolean).
    # town-news.yaml line 13 is `precision: on`
    'precision-boolean': [
        'claims/town-news.yaml:13: claim rescued-300: precision: expected a number, got boolean True (YAML 1.1 reads unquoted yes/no/on/off as booleans) [not-a-number]',
    ],
    # `value: 1.0e+309`, beyond a float (read as infinity).
    # town-news.yaml line 8 is `value: 1.0e+309`
    'value-1e309': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a finite number, got inf [not-finite]',
    ],
    # a 22-digit integer value.
    # town-news.yaml line 8 is `value: 3000000000000000000000`
    'value-huge-integer': [
        'claims/town-news.yaml:8: claim rescued-300: value: 3000000000000000000000 is larger than 1e15; no news figure is that large [number-too-large]',
    ],
    # a value of -1e300.
    # town-news.yaml line 8 is `value: -1.0e+300`
    'value-negative-huge': [
        'claims/town-news.yaml:8: claim rescued-300: value: -1e+300 is below -1e15; no news figure is that large [number-too-large]',
    ],
    # a value of -.inf.
    # town-news.yaml line 8 is `value: -.inf`
    'value-negative-infinite': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a finite number, got -inf [not-finite]',
    ],
    # a mapping where a number is expected.
    # town-news.yaml line 8 is `value: {n: 300}`
    'value-mapping': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a number, got a mapping [not-a-number]',
    ],
    # `value: null` for a count.
    # town-news.yaml line 8 is `value: null`
    'value-null': [
        "claims/town-news.yaml:8: claim rescued-300: value: a number is required (only unit 'date' may omit it) [value-required]",
    ],
    # `value: 40%` (text).
    # town-news.yaml line 30 is `value: 40%`
    'value-percent-text': [
        "claims/town-news.yaml:30: claim minors-40-percent: value: expected a number, got text '40%' (write the number, 40, with unit: percent) [not-a-number]",
    ],
    # `value: 0300`, which YAML 1.1 reads as the octal number 192.
    # town-news.yaml line 8 is `value: 0300`
    'value-octal-looking': [
        "claims/town-news.yaml:8: claim rescued-300: value: 192 differs from the numeral written '300', read as 300 [value-differs]",
    ],
    # a fraction over 1.
    # town-news.yaml line 30 is `value: 1.4`
    'value-fraction-over-one': [
        'claims/town-news.yaml:30: claim minors-40-percent: value: fraction 1.4 is over 1 (use unit percent for 0-100) [fraction-over-one]',
    ],
    # a negative percentage.
    # town-news.yaml line 30 is `value: -40`
    'value-negative-percent': [
        'claims/town-news.yaml:30: claim minors-40-percent: value: -40 is negative; counts, amounts and shares cannot be [value-negative]',
    ],
    # a range whose low end is 1e16.
    # town-news.yaml line 11 is `low: 1.0e+16`
    'low-huge': [
        'claims/town-news.yaml:11: claim rescued-300: low: 1e+16 is larger than 1e15; no news figure is that large [number-too-large]',
    ],
    # a range whose high end is infinite.
    # town-news.yaml line 12 is `high: .inf`
    'high-infinite': [
        'claims/town-news.yaml:12: claim rescued-300: high: expected a finite number, got inf [not-finite]',
    ],
    # a range whose low end is a word.
    # town-news.yaml line 11 is `low: some`
    'low-text': [
        "claims/town-news.yaml:11: claim rescued-300: low: expected a number, got text 'some' [not-a-number]",
    ],
    # a negative start offset.
    # town-news.yaml line 7 is `start: -1`
    'start-negative': [
        'claims/town-news.yaml:7: claim rescued-300: start: expected a number at least 0 (a character offset in the source), got -1 [out-of-range]',
    ],
    # a start offset written as a word.
    # town-news.yaml line 7 is `start: ten`
    'start-text': [
        "claims/town-news.yaml:7: claim rescued-300: start: expected a whole number, got text 'ten' [not-a-whole-number]",
    ],
    # a start offset of 5.5.
    # town-news.yaml line 7 is `start: 5.5`
    'start-fraction': [
        'claims/town-news.yaml:7: claim rescued-300: start: expected a whole number, got float 5.5 [not-a-whole-number]',
    ],
    # a start offset past the end of the source.
    # town-news.yaml line 6 is `quote: Police rescued 300 women from the mines`
    'start-past-end': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'Police rescued 300 women from the mines' is not at offset 99999999; it occurs at [51] [quote-not-at-offset]",
    ],
    # `start: yes`.
    # town-news.yaml line 7 is `start: yes`
    'start-boolean': [
        'claims/town-news.yaml:7: claim rescued-300: start: expected a whole number (a character offset), got boolean True (YAML 1.1 reads unquoted yes/no/on/off as booleans) [not-a-whole-number]',
    ],
    # an empty quote.
    # town-news.yaml line 6 is `quote: ""`
    'quote-empty': [
        'claims/town-news.yaml:6: claim rescued-300: quote: is empty; expected text [text-empty]',
    ],
    # `quote: null`.
    # town-news.yaml line 6 is `quote: null`
    'quote-null': [
        'claims/town-news.yaml:6: claim rescued-300: quote: expected text, got nothing (null) [not-text]',
    ],
    # a quote that YAML reads as a number.
    # town-news.yaml line 6 is `quote: 300`
    'quote-number': [
        'claims/town-news.yaml:6: claim rescued-300: quote: expected text, got the number 300 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # a quote given as a list.
    # town-news.yaml line 6 is `quote: [Police rescued 300 women]`
    'quote-list': [
        'claims/town-news.yaml:6: claim rescued-300: quote: expected text, got a list [not-text]',
    ],
    # a quote whose capitals differ from the source.
    # town-news.yaml line 6 is `quote: police rescued 300 women from the mines`
    'quote-case-differs': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'police rescued 300 women from the mines' is not in the source text (it must be copied verbatim) [quote-not-found]",
    ],
    # a quote with a trailing space inside its quotes.
    # town-news.yaml line 6 is `quote: "Police rescued 300 women from the mines "`
    'quote-trailing-space': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'Police rescued 300 women from the mines ' is not in the source text (it must be copied verbatim) [quote-not-found]",
    ],
    # a quote with a curly apostrophe the source does not have.
    # town-news.yaml line 6 is `quote: Police rescued 300 women from the mines’`
    'quote-curly-apostrophe': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'Police rescued 300 women from the mines’' is not in the source text (it must be copied verbatim) [quote-not-found]",
    ],
    # a one-letter quote that occurs many times.
    # town-news.yaml line 6 is `quote: e`
    'quote-many-times': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'e' occurs 30 times (offsets [8, 29, 38, 39, 46, 56, 59, 63, 73, 83, ...] and 20 more); add 'start' to say which [quote-ambiguous]",
    ],
    # a quote with a control character (escaped in the error line).
    # town-news.yaml line 6 is `quote: "Police rescued 300\x07 women"`
    'quote-control-character': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'Police rescued 300\\x07 women' is not in the source text (it must be copied verbatim) [quote-not-found]",
    ],
    # a quote with a C1 control character U+0085 (escaped in the error line).
    # town-news.yaml line 6 is `quote: "Police rescued\x85300 women"`
    'quote-c1-control': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'Police rescued\\x85300 women' is not in the source text (it must be copied verbatim) [quote-not-found]",
    ],
    # a 3,000-character quote that is not in the source (the line is cut).
    # town-news.yaml line 6 is `quote: Police rescued 300 women Police rescued 300 women Police rescued 300 women Polic...`
    'quote-very-long': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'Police rescued 300 women Police rescued 300 women Police rescued 300 women Police rescued 300 women Police rescued 300 w'... (2,879 more characters) is not in the source text (it must be copied verbatim) [quote-not-found]",
    ],
    # an empty numeral text.
    # town-news.yaml line 7 is `text: ""`
    'text-empty': [
        "claims/town-news.yaml:7: claim rescued-300: text: cannot read a quantity in '' [text-unreadable]",
    ],
    # a numeral text given as a list.
    # town-news.yaml line 7 is `text: ["300"]`
    'text-list': [
        'claims/town-news.yaml:7: claim rescued-300: text: expected text, got a list [not-text]',
    ],
    # a numeral text with a newline (escaped in the error line).
    # town-news.yaml line 7 is `text: "300\nwomen"`
    'text-with-newline': [
        "claims/town-news.yaml:7: claim rescued-300: text: '300\\nwomen' is not part of the quote 'Police rescued 300 women from the mines' [text-not-in-quote]",
    ],
    # the key `id` misspelt: one line, not "id missing" and "idd unknown".
    # town-news.yaml line 5 is `- idd: rescued-300`
    'misspelt-id': [
        "claims/town-news.yaml:5: idd: unknown field; did you mean 'id'? (id is required) [field-unknown]",
    ],
    # a claim without an id (the unknown key is not suggested "quote": the record has a quote).
    # town-news.yaml line 5 is `- quote_id: x`
    'id-missing': [
        'claims/town-news.yaml:5: id: required field is missing [field-missing]',
        'claims/town-news.yaml:5: quote_id: unknown field (check the spelling; see the record schema in numclaims.records) [field-unknown]',
    ],
    # a claim id with capitals.
    # town-news.yaml line 5 is `- id: Rescued-300`
    'id-uppercase': [
        "claims/town-news.yaml:5: claim Rescued-300: id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # a claim id with a double hyphen.
    # town-news.yaml line 5 is `- id: rescued--300`
    'id-double-hyphen': [
        "claims/town-news.yaml:5: claim rescued--300: id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # a claim id ending in a hyphen.
    # town-news.yaml line 5 is `- id: rescued-300-`
    'id-trailing-hyphen': [
        "claims/town-news.yaml:5: claim rescued-300-: id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # a claim id with a space.
    # town-news.yaml line 5 is `- id: rescued 300`
    'id-space': [
        "claims/town-news.yaml:5: claim rescued 300: id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # a claim id that YAML reads as a number.
    # town-news.yaml line 5 is `- id: 300`
    'id-number': [
        'claims/town-news.yaml:5: claim 300: id: expected text, got the number 300 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # a claim id with a control character (escaped in the error line).
    # town-news.yaml line 5 is `- id: "rescued\x1b[31m300"`
    'id-control-character': [
        "claims/town-news.yaml:5: claim rescued\\x1b[31m300: id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # a claim id with U+2028 (escaped in the error line).
    # town-news.yaml line 5 is `- id: "rescued\u2028300"`
    'id-unicode-line-separator': [
        "claims/town-news.yaml:5: claim rescued\\u2028300: id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # no article id.
    # town-news.yaml line 2 is `source: town-news`
    'article-missing': [
        'claims/town-news.yaml:2: article: required field is missing [field-missing]',
    ],
    # an article id with capitals.
    # town-news.yaml line 2 is `article: Town-News`
    'article-uppercase': [
        "claims/town-news.yaml:2: article: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # an article id that YAML reads as a number.
    # town-news.yaml line 2 is `article: 2014`
    'article-number': [
        'claims/town-news.yaml:2: article: expected text, got the number 2014 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # no source id.
    # town-news.yaml line 2 is `article: town-news`
    'source-missing-key': [
        'claims/town-news.yaml:2: source: required field is missing [field-missing]',
    ],
    # a source id with a path.
    # town-news.yaml line 3 is `source: ../town-news`
    'source-with-slash': [
        "claims/town-news.yaml:3: source: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # a source given as a list.
    # town-news.yaml line 3 is `source: [town-news]`
    'source-list': [
        'claims/town-news.yaml:3: source: expected text, got a list [not-text]',
    ],
    # `claims:` a word instead of a list.
    # town-news.yaml line 4 is `claims: none`
    'claims-text': [
        "claims/town-news.yaml:4: claims: expected a list ('- item' lines or [a, b]), got text 'none' [not-a-list]",
    ],
    # `claims:` with nothing under it.
    # town-news.yaml line 4 is `claims:`
    'claims-null': [
        "claims/town-news.yaml:4: claims: expected a list ('- item' lines or [a, b]), got nothing (null) [not-a-list]",
    ],
    # a claim that is a word, not a record.
    # town-news.yaml line 4 is `claims:`
    'claim-scalar': [
        "claims/town-news.yaml:4: claims[0]: expected a mapping of fields (key: value), got text 'rescued-300' [not-a-mapping]",
    ],
    # an empty claim entry (`-` alone).
    # town-news.yaml line 4 is `claims:`
    'claim-null': [
        'claims/town-news.yaml:4: claims[0]: expected a mapping of fields (key: value), got nothing (null) [not-a-mapping]',
    ],
    # a unit with spaces around it.
    # town-news.yaml line 9 is `unit: " persons "`
    'unit-spaces': [
        "claims/town-news.yaml:9: claim rescued-300: unit: ' persons ' has spaces around it; write 'persons' [unit-spaces]",
    ],
    # a unit that YAML reads as a number.
    # town-news.yaml line 9 is `unit: 5`
    'unit-number': [
        'claims/town-news.yaml:9: claim rescued-300: unit: expected text, got the number 5 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # a currency code in lower case.
    # town-news.yaml line 64 is `unit: usd`
    'unit-lowercase-currency': [
        "claims/town-news.yaml:64: claim fortune-120000: unit: unknown unit 'usd'; currency codes are written in capitals: 'USD' [unit-unknown]",
    ],
    # a rate base in the plural (`per months`).
    # town-news.yaml line 42 is `unit: USD per months`
    'unit-plural-rate': [
        "claims/town-news.yaml:42: claim earnings-5000-month: unit: unknown rate base 'months'; expected one of ['day', 'week', 'month', 'year'] [rate-base-unknown]",
    ],
    # a rate written with a slash (`USD/month`).
    # town-news.yaml line 42 is `unit: USD/month`
    'unit-slash-rate': [
        "claims/town-news.yaml:42: claim earnings-5000-month: unit: unit 'USD/month' is not of the form '<unit>' or '<unit> per <day|week|month|year>' [unit-form]",
    ],
    # an empty unit.
    # town-news.yaml line 9 is `unit: ""`
    'unit-empty': [
        "claims/town-news.yaml:9: claim rescued-300: unit: unit '' is not of the form '<unit>' or '<unit> per <day|week|month|year>' [unit-form]",
    ],
    # an unknown qualifier.
    # town-news.yaml line 10 is `qualifier: roughly speaking`
    'qualifier-unknown': [
        "claims/town-news.yaml:10: claim rescued-300: qualifier: unknown qualifier 'roughly speaking'; expected one of: about, above, almost, an estimated, approx, approximately, around, as many as, at least, at most, at_least, estimated, exact, fewer than, just under, less than, less_than, more than, more_than, nearly, over, range, roughly, some, under, up to, up_to, upwards of [qualifier-unknown]",
    ],
    # a qualifier that YAML reads as a number.
    # town-news.yaml line 10 is `qualifier: 1`
    'qualifier-number': [
        'claims/town-news.yaml:10: claim rescued-300: qualifier: expected text, got the number 1 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # `qualifier: null`.
    # town-news.yaml line 10 is `qualifier: null`
    'qualifier-null': [
        'claims/town-news.yaml:10: claim rescued-300: qualifier: expected text, got nothing (null) [not-text]',
    ],
    # a measure written as text.
    # town-news.yaml line 11 is `measure: women rescued from the mines`
    'measure-text': [
        "claims/town-news.yaml:11: claim rescued-300: measure: expected a mapping of fields (key: value), got text 'women rescued from the mines' [not-a-mapping]",
    ],
    # a misspelt key in a measure.
    # town-news.yaml line 13 is `wher: Peru`
    'measure-unknown-key': [
        "claims/town-news.yaml:13: claim rescued-300: measure.wher: unknown field; did you mean 'where'? [field-unknown]",
    ],
    # an unquoted comma inside a flow-mapping value: YAML ends the value at the comma and reads the words
    # after it as a key. town-news.yaml line 11 is `measure: {what: women rescued, from the mines, where: Peru}`
    'measure-comma-in-flow-value': [
        'claims/town-news.yaml:11: claim rescued-300: measure.from the mines: unknown field: a comma inside an '
        'unquoted value in { } ends that value, so the words after it were read as a field; quote the whole '
        'value (what: "votes cast, under review") [field-unknown]',
    ],
    # an empty measure.what.
    # town-news.yaml line 12 is `what: ""`
    'measure-what-empty': [
        'claims/town-news.yaml:12: claim rescued-300: measure.what: is empty; expected text [text-empty]',
    ],
    # a period given both as a claim and as dates.
    # town-news.yaml line 68 is `period: {claim: period-two-years, start: 2012-03-03, end: 2014-03-03}`
    'measure-period-both-forms': [
        "claims/town-news.yaml:68: claim fortune-120000: measure.period: give exactly one of 'claim', 'expression' or 'start'/'end' [period-form]",
    ],
    # a period that starts after it ends.
    # town-news.yaml line 68 is `period: {start: 2014-03-03, end: 2012-03-03}`
    'period-start-after-end': [
        'claims/town-news.yaml:68: claim fortune-120000: measure.period: start 2014-03-03 is after end 2012-03-03 [period-reversed]',
    ],
    # a period end with a time of day.
    # town-news.yaml line 68 is `period: {start: 2012-03-03, end: 2014-03-03 10:00:00}`
    'period-datetime': [
        'claims/town-news.yaml:68: claim fortune-120000: measure.period.end: expected a date as YYYY-MM-DD, got a date with a time of day (2014-03-03 10:00:00); write the date alone, 2014-03-03 [date-with-time]',
    ],
    # a period end written as words.
    # town-news.yaml line 68 is `period: {start: 2012-03-03, end: March 2014}`
    'period-text-date': [
        "claims/town-news.yaml:68: claim fortune-120000: measure.period.end: expected an existing date as YYYY-MM-DD, got text 'March 2014' [not-a-date]",
    ],
    # an empty attribution list.
    # town-news.yaml line 13 is `attribution: []`
    'attribution-empty': [
        'claims/town-news.yaml:13: claim rescued-300: attribution: expected at least 1 item, got 0 [too-few-items]',
    ],
    # an attribution item that is a word.
    # town-news.yaml line 13 is `attribution:`
    'attribution-item-text': [
        "claims/town-news.yaml:13: claim rescued-300: attribution[0]: expected a mapping of fields (key: value), got text 'officials' [not-a-mapping]",
    ],
    # an attribution without who.
    # town-news.yaml line 14 is `- {role: government}`
    'attribution-missing-who': [
        'claims/town-news.yaml:14: claim rescued-300: attribution[0].who: required field is missing [field-missing]',
    ],
    # a misspelt key in an attribution.
    # town-news.yaml line 14 is `- {who: officials, rol: government}`
    'attribution-unknown-key': [
        "claims/town-news.yaml:14: claim rescued-300: attribution[0].rol: unknown field; did you mean 'role'? [field-unknown]",
    ],
    # an attribution whose who YAML reads as a number.
    # town-news.yaml line 14 is `- {who: 1600, role: government}`
    'attribution-who-number': [
        'claims/town-news.yaml:14: claim rescued-300: attribution[0].who: expected text, got the number 1600 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # a review date on an unreviewed claim.
    # town-news.yaml line 5 is `- id: rescued-300`
    'status-unreviewed-with-date': [
        "claims/town-news.yaml:5: claim rescued-300: status: 'reviewed_on' is set but status is 'unreviewed' [status-inconsistent]",
    ],
    # a review date with a time of day.
    # town-news.yaml line 17 is `reviewed_on: 2014-03-05 10:30:00`
    'reviewed-on-datetime': [
        'claims/town-news.yaml:17: claim rescued-300: reviewed_on: expected a date as YYYY-MM-DD, got a date with a time of day (2014-03-05 10:30:00); write the date alone, 2014-03-05 [date-with-time]',
    ],
    # a review date written as words.
    # town-news.yaml line 17 is `reviewed_on: yesterday`
    'reviewed-on-words': [
        "claims/town-news.yaml:17: claim rescued-300: reviewed_on: expected an existing date as YYYY-MM-DD, got text 'yesterday' [not-a-date]",
    ],
    # a reviewer that YAML reads as a number.
    # town-news.yaml line 16 is `reviewer: 007`
    'reviewer-number': [
        'claims/town-news.yaml:16: claim rescued-300: reviewer: expected text, got the number 7 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # evidence given as a word, not a list.
    # town-news.yaml line 15 is `evidence: police-report`
    'evidence-text': [
        "claims/town-news.yaml:15: claim rescued-300: evidence: expected a list ('- item' lines or [a, b]), got text 'police-report' [not-a-list]",
    ],
    # a duration ending at a claim that does not exist.
    # town-news.yaml line 54 is `ends: no-such-claim`
    'ends-unknown-claim': [
        "claims/town-news.yaml:54: claim period-two-years: ends: names unknown claim 'no-such-claim' (claims may only refer to claims of this article) [unknown-claim]",
    ],
    # `checks:` a mapping instead of a list.
    # town-news.yaml line 72 is `checks:`
    'checks-mapping': [
        "claims/town-news.yaml:72: checks: expected a list ('- item' lines or [a, b]), got a mapping [not-a-list]",
    ],
    # a check without a kind.
    # town-news.yaml line 73 is `- id: minors-share-of-workers`
    # the key `kind` of a check misspelt: one line at that key, not "kind is missing" at the id line.
    # town-news.yaml line 74 is `knd: share_of_total`
    'check-kind-misspelt': [
        "claims/town-news.yaml:74: claim minors-share-of-workers (check): checks[0].knd: unknown field; did you mean 'kind'? (kind is required) [field-unknown]",
    ],
    'check-kind-missing': [
        f"claims/town-news.yaml:73: claim minors-share-of-workers (check): checks[0]: required field 'kind' is missing; expected one of {KIND_LIST} [kind-missing]",
    ],
    # a check kind that YAML reads as a number.
    # town-news.yaml line 74 is `kind: 1`
    'check-kind-number': [
        f'claims/town-news.yaml:74: claim minors-share-of-workers (check): checks[0].kind: unknown check kind; expected one of {KIND_LIST} [kind-unknown]',
    ],
    # a misspelt key in a check.
    # town-news.yaml line 73 is `- id: minors-share-of-workers`
    # town-news.yaml line 75 is `shar: minors-40-percent`
    'check-unknown-field': [
        # one line: the required field "share" is missing because it is misspelt "shar" (misspelt_fields)
        "claims/town-news.yaml:75: claim minors-share-of-workers (check): checks[0].shar: unknown field; did you mean 'share'? (share is required) [field-unknown]",
    ],
    # a check id with capitals.
    # town-news.yaml line 73 is `- id: Minors-Share`
    'check-id-uppercase': [
        "claims/town-news.yaml:73: claim Minors-Share (check): checks[0].id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces) [not-a-slug]",
    ],
    # a check naming a claim that does not exist.
    # town-news.yaml line 75 is `share: minors-41-percent`
    'check-names-unknown-claim': [
        "claims/town-news.yaml:75: claim minors-share-of-workers (check): checks[0].share: names unknown claim 'minors-41-percent'; relations may only name claims of this article [unknown-claim]",
    ],
    # a check naming a list where one claim is expected.
    # town-news.yaml line 87 is `whole: [workers-1600]`
    'check-relation-list': [
        'claims/town-news.yaml:87: claim rescued-within-workers (check): checks[2].whole: expected text, got a list [not-text]',
    ],
    # a check that is a word.
    # town-news.yaml line 72 is `checks:`
    'check-scalar': [
        "claims/town-news.yaml:72: checks[0]: expected a mapping of fields (key: value), got text 'minors-share-of-workers' [not-a-mapping]",
    ],
    # a misspelt top-level key.
    # town-news.yaml line 4 is `soruce: town-news`
    'top-level-unknown-key': [
        'claims/town-news.yaml:4: soruce: unknown field (check the spelling; see the record schema in numclaims.records) [field-unknown]',
    ],
    # the key `article` twice.
    # town-news.yaml line 4 is `article: town-news`
    'top-level-duplicate-key': [
        "claims/town-news.yaml:4: article: duplicate key 'article' in one mapping (first at line 2); keep one [duplicate-key]",
    ],
    # a single word instead of a mapping.
    # town-news.yaml line 1 is `# bad input: a single word instead of a mapping`
    'top-level-scalar': [
        "claims/town-news.yaml:1: expected a mapping with 'article', 'source' and 'claims', got text 'hello' [file-not-mapping]",
    ],
    # two YAML documents in one file.
    # town-news.yaml line 88 is `---`
    'two-documents': [
        'claims/town-news.yaml:88: YAML syntax error: but found another document (expected a single document in the stream that starts at line 2); check the quotes and indentation [yaml-syntax]',
    ],
    # an alias to an anchor that does not exist.
    # town-news.yaml line 7 is `text: *numeral`
    'undefined-alias': [
        'claims/town-news.yaml:7: claim rescued-300: text: YAML syntax error: found undefined alias; check the quotes and indentation [yaml-syntax]',
    ],
    # a custom YAML tag.
    # town-news.yaml line 8 is `value: !number 300`
    'custom-tag': [
        "claims/town-news.yaml:8: claim rescued-300: value: tag '!number' is not allowed: claims files hold plain data (text, numbers, lists, mappings); remove the tag [yaml-tag]",
    ],
    # a !!binary value.
    # town-news.yaml line 8 is `value: !!binary MzAw`
    'binary-tag': [
        "claims/town-news.yaml:8: claim rescued-300: value: tag '!!binary' is not allowed: claims files hold plain data (text, numbers, lists, mappings); remove the tag [yaml-tag]",
    ],
    # a value nested 200 levels deep.
    # town-news.yaml line 8 is `value: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...`
    'deep-nesting': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a number, got a list [not-a-number]',
    ],
    # a NUL byte in a comment.
    # town-news.yaml line 2 is `# a NUL \x00 here`
    'nul-byte': [
        'claims/town-news.yaml:2: control character U+0000 is not allowed in a YAML file; remove it (inside double quotes it can be written as an escape, \\x00) [yaml-control-character]',
    ],
    # a raw BEL control character in a quote.
    # town-news.yaml line 6 is `quote: Police rescued 300\x07 women`
    'control-character-raw': [
        'claims/town-news.yaml:6: claim rescued-300: quote: control character U+0007 is not allowed in a YAML file; remove it (inside double quotes it can be written as an escape, \\x07) [yaml-control-character]',
    ],
    # a NEL (U+0085) in a comment, which must not shift later line numbers.
    # town-news.yaml line 2 is `# a NEL \x85 in a comment`
    'nel-in-comment': [
        'claims/town-news.yaml:2: character U+0085 (next line, NEL) is read by YAML as a line break (it would end a comment or a plain text and shift every later line number); remove it, or write it as \\u0085 inside double quotes [yaml-line-break]',
    ],
    # a U+2028 in a comment, which must not shift later line numbers.
    # town-news.yaml line 2 is `# a line separator \u2028 in a comment`
    'line-separator-in-comment': [
        'claims/town-news.yaml:2: character U+2028 (line separator) is read by YAML as a line break (it would end a comment or a plain text and shift every later line number); remove it, or write it as \\u2028 inside double quotes [yaml-line-break]',
    ],
    # an unclosed [ list.
    # town-news.yaml line 15 is `- id: workers-1600`
    'unclosed-flow-list': [
        "claims/town-news.yaml:15: claim rescued-300: attribution: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 13); check the quotes and indentation [yaml-syntax]",
    ],
    # a plain quote with ': ' inside.
    # town-news.yaml line 6 is `quote: Officials said: 300 women`
    'colon-in-plain-text': [
        "claims/town-news.yaml:6: claim rescued-300: quote: YAML syntax error: mapping values are not allowed in this context (a plain text holding ': ' must be put in quotes); check the quotes and indentation [yaml-syntax]",
    ],
    # '1.600' (a European thousands separator) read as 1.6 persons.
    # town-news.yaml line 18 is `text: "1.600"`
    'euro-thousands-separator': [
        "claims/town-news.yaml:18: claim workers-1600: text: '1.600' reads as 1.6 (numerals are read in English notation, '.' before decimals), but persons are whole; if '.' separates thousands here, write value: 1600 with interval: [1600, 1600] and a rule naming the notation [thousands-separator]",
    ],
    # '1.600' recorded as 1600 without saying why.
    # town-news.yaml line 18 is `text: "1.600"`
    'euro-thousands-as-1600': [
        "claims/town-news.yaml:18: claim workers-1600: text: '1.600' reads as 1.6 (numerals are read in English notation, '.' before decimals), but persons are whole; if '.' separates thousands here, write value: 1600 with interval: [1600, 1600] and a rule naming the notation [thousands-separator]",
    ],
    # 'Two-thirds' recorded as 0.6667.
    # town-news.yaml line 30 is `value: 0.6667`
    'two-thirds-rounded': [
        "claims/town-news.yaml:30: claim minors-40-percent: value: 0.6667 differs from the numeral written 'Two-thirds', read as 0.666667; 0.6667 rounds it: write 0.666666667 (or more digits) [value-differs]",
    ],
    # a source whose body end marker is not in its text.
    # town-news.yaml line 3 is `source: marker-news`
    'body-marker-not-in-text': [
        "claims/town-news.yaml:3: source: source 'marker-news' could not be loaded [source-unloadable]",
        "datasets/sources/marker-news.meta.yaml:10: body.end: marker 'In a third raid' is not in the source text after the start marker; copy it verbatim from datasets/sources/marker-news.txt [marker-not-found]",
    ],
    # a period ending 85 years after the publication.
    # town-news.yaml line 68 is `period: {start: 2012-03-03, end: 2099-03-03}`
    'period-ends-far-after-publication': [
        'claims/town-news.yaml:68: claim fortune-120000: measure.period.end: 2099-03-03 is 85 years after the publication (2014-03-03); a period may end at most 50 years after it: check the year [date-too-far]',
    ],
    # a source whose metadata has a number where text is expected.
    # town-news.yaml line 3 is `source: badmeta-news`
    'source-meta-schema-error': [
        "claims/town-news.yaml:3: source: source 'badmeta-news' could not be loaded [source-unloadable]",
        'datasets/sources/badmeta-news.meta.yaml:10: body.start: expected text, got the number 2014 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written [not-text]',
    ],
    # a range whose low end is above its high end.
    # town-news.yaml line 10 is `low: 320`
    'range-low-above-high': [
        'claims/town-news.yaml:10: claim rescued-300: low: range low 320.0 is above high 280.0 [range-reversed]',
    ],
    # 'less than 0' persons, which leaves no count; but the quote's only number is 300, not the value 0, and
    # that is found first, when the file is read (the empty interval is reported once the value is mended:
    # tests/test_rules.py). town-news.yaml line 7 is `value: 0`
    'less-than-zero': [
        "claims/town-news.yaml:7: claim rescued-300: value: 0 differs from the only number of the quote, '300' (read "
        "as 300); correct 'value', or give 'text' to name the numeral meant [value-differs]",
    ],

    # a comparison whose factor is 0: `times` takes a claim id or a number above 0; one line naming the
    # member of the union the value belongs to (not pydantic's two branch names). Line 74 is the check.
    'comparison-times-zero': [
        'claims/town-news.yaml:74: claim cmp-x (check): checks[0].times: expected a number above 0, got 0 [out-of-range]',
    ],
    # a comparison whose factor is a list: neither member of the union takes it. Line 74 is the check.
    'comparison-times-list': [
        'claims/town-news.yaml:74: claim cmp-x (check): checks[0].times: expected a claim id or a number, got a list '
        'of 1 item [claim-or-number]',
    ],
}


@pytest.fixture(scope="module")
def bases(tmp_path_factory) -> tuple[Path, Path]:
    """Two prepared projects: ``fresh`` (claims/town-news.yaml, claims/other-news.yaml, the sources of the
    encoding cases; no reports yet) and ``reported`` (the same after one valid ``numclaims check``)."""
    fresh = tmp_path_factory.mktemp("fresh") / "project"
    shutil.copytree(HERE / "data" / "project", fresh)
    shutil.copy(COMPANION, fresh / "claims" / "other-news.yaml")
    src = fresh / "datasets" / "sources"
    meta = (src / "town-news.meta.yaml").read_text(encoding="utf-8")
    for sid, data in EXTRA_SOURCES.items():
        (src / f"{sid}.txt").write_bytes(data)
        (src / f"{sid}.meta.yaml").write_text(meta.replace("id: town-news", f"id: {sid}") + EXTRA_META.get(sid, ""),
                                              encoding="utf-8")
    reported = tmp_path_factory.mktemp("reported") / "project"
    shutil.copytree(fresh, reported)
    assert main(["check", "--quiet", "--root", str(reported)]) == 0
    assert {"town-news/results.json", "other-news/results.json"} <= set(tree_bytes(reported / "reports"))
    return fresh, reported


def _check(project: Path, capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    rc = main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return rc, err.splitlines()


def test_corpus_is_complete():
    # every case file has an expected output and vice versa, and the corpus has at least 30 cases
    files = {p.stem for p in BAD.glob("*.yaml")}
    assert files == set(CASES)
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(case, bases, tmp_path, capsys, monkeypatch):
    fresh, reported = bases
    for kind, base in (("fresh", fresh), ("reported", reported)):
        project = tmp_path / kind
        shutil.copytree(base, project)
        before = tree_bytes(project / "reports")
        monkeypatch.chdir(project)  # python-tag: os.system("touch PWNED") would create the file here
        shutil.copy(BAD / f"{case}.yaml", project / "claims" / "town-news.yaml")
        rc, lines = _check(project, capsys)
        # exit 2 and exactly the expected lines, one per error, nothing else on stderr
        assert (rc, lines) == (2, CASES[case])
        if kind == "fresh":
            # no report was created for the invalid article (other-news, when valid, gets its own)
            assert not (project / "reports" / "town-news").exists()
        else:
            # the earlier valid reports are byte for byte as they were (none created, changed, truncated)
            assert tree_bytes(project / "reports") == before
        assert not (project / "PWNED").exists()
        assert not list(project.glob(".numclaims-staging-*"))  # the staging folder is cleaned up
