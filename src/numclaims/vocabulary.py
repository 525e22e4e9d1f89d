"""The words the suite reads numbers in, written once: number words, scales, fractions, multipliers,
vague plurals, qualifier phrases, currencies, months and time units.

Pure data and three tiny helpers (one writes a table as a regular-expression alternation,
:func:`words_re`, so that the readers' patterns are generated from the tables, not spelt out again),
standard library only; it imports nothing from :mod:`numclaims`, so every
reader can use it: the parser (:mod:`numclaims.numerals`), the extractor (:mod:`numclaims.extract`), the
period reader (:mod:`numclaims.periods`), the claim records (:mod:`numclaims.records`), drafting
(:mod:`numclaims.draft`), the loader and the figures.

Sources:

* Number words, scales and fractions: English cardinals and the short scale (10**9 is a billion), as
  the AP Stylebook ("numerals", "million, billion") and the Reuters Handbook of Journalism ("numbers")
  write them; abbreviations as newswires write them ("5m", "3 bn", "2 mln") and as the Guardian and
  Observer style guide asks for sums of money ("m, bn or tn": "£3m", "£1.2bn", "£50tn", always so in
  headlines); digit groups separated by a comma or, in SI style, a no-break or thin space (SI Brochure,
  9th edition, 5.4.4).
* Vague plurals: "hundreds" is ``[100, 1000)``, the named order of magnitude (docs/semantics.md, section
  1), with its unit as the rounding step; "dozens" is ``[12, 100)`` with step 12.
* Qualifier phrases: the canonical qualifiers of :data:`numclaims.rules.QUALIFIERS` and the phrases
  docs/semantics.md lists for each (AP Stylebook "over, more than"; Reuters "approximately").
* Currencies: every current ISO 4217 alphabetic code may be a claim's unit (list one of the standard,
  as its maintenance agency publishes it and pycountry 26.2.16 ships it, less XTS, reserved for testing,
  and XXX, "no currency"), and a claim's own words may write it; in running text the extractor reads only
  the codes of the Americas, the major reserve currencies and the Kenya shilling (KES), because three capitals such as ALL, CUP,
  TOP or TRY are also words of headlines; "$" alone is read as USD, the convention of the US wire
  services. Kenya's shilling is also read as Kenyan papers write it ("KSh", "Ksh", "Sh"); "rupees" and
  "Rs" name no one currency (India's, Pakistan's, Sri Lanka's, Nepal's ...) and are left open.
* Months: the English month names and their abbreviations (AP Stylebook "months": Jan., Feb., Aug.,
  Sept., Oct., Nov., Dec.; "Sep" as other styles write it), written out here rather than taken from
  :mod:`calendar`, whose names follow the process locale.
* Time units: the **Julian year of 365.25 days** (1 year = 12 months = 365.25 days, so a month is
  30.4375 days and a week 7 days), the year that pint, the IAU and ISO 80000-3 use for the unit "a".
  It is the one year of every conversion in the suite, so that converting a rate (:mod:`numclaims.units`,
  pint), a duration (:mod:`numclaims.periods`) and a period's length in months (the figures) agree; the
  mean Gregorian year (365.2425 days) differs from it by 0.002 % and is not used.
"""

from __future__ import annotations

# ------------------------------------------------------------------------------------ number words
#: "one" .. "nine".
UNIT_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
#: "ten" .. "nineteen".
TEEN_WORDS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
#: "twenty" .. "ninety".
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
#: Scale words of the short scale above a hundred.
BIG_SCALES: dict[str, int] = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
                              "quadrillion": 10**15}

#: Cardinal number words and their values ("hundred", "dozen" and the scale words are multipliers).
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, **UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS, "hundred": 100, "dozen": 12, **BIG_SCALES,
}

#: The scale words of the Indian numbering system after digits, plural first: a lakh is 10**5, a crore
#: 10**7 ("Rs 5 crore" is 50,000,000 rupees), as Indian papers and the Reserve Bank of India write sums.
INDIAN_SCALES: dict[str, int] = {"lakhs": 10**5, "lakh": 10**5, "crores": 10**7, "crore": 10**7}
#: Scale words accepted after digits ("2 million", "20 thousand", "2 dozen", "5 crore") and their multipliers.
SCALE_WORDS: dict[str, int] = {"dozen": 12, "hundred": 100, **BIG_SCALES, **INDIAN_SCALES}

#: Abbreviated scales after digits. Single letters must be attached ("5m", "2k", "3b"); the longer
#: forms may also follow a space ("5 mln", "3 bn"). Case is ignored.
SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9,
    "tn": 10**12, "trn": 10**12,
}

#: Characters that may stand between groups of three digits: the comma of English notation, and the
#: spaces of SI style (SI Brochure, 9th edition, 5.4.4: the digits of a long number may be divided into
#: groups of three by a thin space, with no dot or comma between the groups), as text pasted from the web
#: carries them: the no-break space U+00A0, the narrow no-break space U+202F
#: and the thin space U+2009 (an ordinary space only where the groups fit: :data:`SPACE_GROUPED_DIGITS_RE`).
DIGIT_GROUP_SEPARATORS: str = ",\u00a0\u202f\u2009"
#: Digits grouped by threes with an ordinary space ("15 000 people", "R250 000", "1 250 000"), as South
#: African, French and other papers set them after SI and ISO style (SI Brochure, 9th edition, 5.4.4, and
#: ISO 80000-1:2009, 7.3.1: the digits of a long number may be divided into groups of three by a space,
#: never by a point or a comma): a first group of one to three digits (not starting with 0), then groups of
#: exactly three, the last followed by no other digit (a decimal part may follow: "4 500.5"). A four-digit
#: first group never joins, so a year stays apart ("in 2019 200 people" is two numbers), and a group of
#: another length after a space is another number ("3 50", "120 4500").
SPACE_GROUPED_DIGITS_RE = r"(?<![\d.,])[1-9]\d{0,2}(?:[ ]\d{3})+(?![\d]|,\d)"
#: The same in running text, where nothing says the space is a separator: only groups of three zeros join
#: ("15 000 people", "R250 000", "1 000 000"), so that two numbers side by side stay two ("between 10 and 20
#: 300 people", "aged 15 to 24 100 people were hired", "Scores: 10 100 200 300", "0800 123 456"). A claim's
#: own ``text``, which the fact-checker wrote, is read by :data:`SPACE_GROUPED_DIGITS_RE` ("12 500").
RUNNING_TEXT_SPACE_GROUPED_RE = r"(?<![\d.,])[1-9]\d{0,2}(?:[ ]000)+(?![\d]|,\d)"

#: Percent written as letters after the digits, attached: "12pc" (British papers' money pages, the Daily
#: Telegraph's "rose 12pc"), besides "12 percent", "12 per cent", "12%" and "12 pct".
PERCENT_ABBREVIATIONS: tuple[str, ...] = ("pc",)
#: Percentage points written attached after the number ("2.5pp", "3.2ppt"; "p.p." and the words are read
#: too): the unit of the difference of two percentages (docs/semantics.md, sections 7 and 10).
POINTS_ABBREVIATIONS: tuple[str, ...] = ("ppts", "ppt", "pp")
#: What follows a number written in percentage points, as a regular expression both readers use
#: (``numclaims.numerals`` and ``numclaims.extract``): the words, or an abbreviation with or without a space.
POINTS_AFTER_RE = (r"\s+(?:percentage|percent|per\s+cent)[\s-]+points?\b|\s?(?:(?:"
                   + "|".join(POINTS_ABBREVIATIONS) + r")\b|p\.p\.)")
#: Basis points after a number ("25 basis points", "25bp", "50 bps"): hundredths of a percentage point, so
#: "25 basis points" is 0.25 percentage points (Morningstar glossary, "Basis point": "one one-hundredth of 1%
#: (0.01%) ... a change in interest rates from 6.25% to 6.75% would be an increase of 50 basis points";
#: docs/semantics.md, section on points). Read by ``numclaims.numerals`` only: the extractor's mention
#: scan reads the number, and drafting (``numclaims.draft.units_from_words``) the words after it.
BASIS_POINTS_AFTER_RE = r"\s+basis[\s-]+points?\b|\s?bps?\b"
#: Hundredths of a percentage point in one basis point.
BASIS_POINTS_PER_POINT = 100

#: Denominator words of fractions, singular and plural.
FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100,
    "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}

#: Multiplier words, read as ratios ("more than triple", "twice as many").
MULTIPLIER_WORDS: dict[str, int] = {
    "twice": 2, "double": 2, "thrice": 3, "triple": 3, "treble": 3, "quadruple": 4,
}
#: Multiplier verbs: the subject became that many times what it was ("ticket numbers more than doubled",
#: headline "Demand More Than Doubles"): a ratio, read by the extractor wherever they stand.
MULTIPLIER_VERBS: dict[str, int] = {
    "doubled": 2, "doubles": 2, "tripled": 3, "triples": 3, "trebled": 3, "trebles": 3,
    "quadrupled": 4, "quadruples": 4,
}
#: Every multiplier word and verb with its factor (the parser's and the extractor's one lookup).
MULTIPLIERS: dict[str, int] = {**MULTIPLIER_WORDS, **MULTIPLIER_VERBS}

#: Vague plurals: phrase -> ``(low, high, step)``, read as ``[low, high)`` with rounding step ``step``.
VAGUE_PLURALS: dict[str, tuple[int, int, int]] = {"dozens": (12, 100, 12), "hundreds": (100, 1000, 100)}
for _w, _s in (("thousands", 10**3), ("millions", 10**6), ("billions", 10**9), ("trillions", 10**12)):
    VAGUE_PLURALS[_w] = (_s, 10 * _s, _s)
    VAGUE_PLURALS["tens of " + _w] = (10 * _s, 100 * _s, 10 * _s)
    VAGUE_PLURALS["hundreds of " + _w] = (100 * _s, 1000 * _s, 100 * _s)
del _w, _s

#: "scores of": several twenties, read as at least two of them (the parser does not read it; the
#: extractor finds it as a mention ``at_least`` 40).
SCORES_AT_LEAST = 40

# ------------------------------------------------------------------------------------- qualifiers
#: Qualifier phrases written before a numeral, mapped to the canonical names of :data:`rules.QUALIFIERS`.
QUALIFIER_PHRASES: dict[str, str] = {
    "about": "approximately", "around": "approximately", "approximately": "approximately",
    "approx.": "approximately", "approx": "approximately", "roughly": "approximately",
    "some": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "circa": "approximately", "in the region of": "approximately", "~": "approximately",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "close to": "nearly",
    "not quite": "nearly", "just shy of": "nearly",
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "just over": "more_than", "well over": "more_than",
    "well above": "more_than", "greater than": "more_than", "higher than": "more_than",
    # a headline's verb of passing a figure ("Waiting list tops 64,000"): AP Stylebook, "top" as exceed
    "tops": "more_than", "topped": "more_than", "exceeds": "more_than", "exceeded": "more_than",
    "surpasses": "more_than", "surpassed": "more_than", "passes": "more_than", "crosses": "more_than",
    # ... and, in a claim's own text only (not among PASSING_VERBS: "Senate to pass 12 bills" is no bound),
    # their base forms after "to" or "will" ("expected turnover to pass £95m": text "pass £95m"), and the
    # plural present of a headline ("Insurance claims top $400 million": text "top $400 million")
    "pass": "more_than", "passed": "more_than", "exceed": "more_than", "surpass": "more_than",
    "top": "more_than", "cross": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not fewer than": "at_least", "not less than": "at_least", "a minimum of": "at_least",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "well under": "less_than", "well below": "less_than", "lower than": "less_than",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
    "at most": "up_to", "no more than": "up_to", "not more than": "up_to", "a maximum of": "up_to",
}

#: The verbs of passing a figure among :data:`QUALIFIER_PHRASES` ("tops 64,000", "Passes 9,000"): read in a
#: claim's own text, and by the draft in a headline (the present tense of a headline states a level
#: reached), never in running text ("exceeded 2 of its 5 targets").
PASSING_VERBS: frozenset[str] = frozenset({"tops", "topped", "exceeds", "exceeded", "surpasses", "surpassed",
                                           "passes", "crosses"})

#: The phrases of :data:`QUALIFIER_PHRASES` the extractor widens a mention in running text over. The
#: comparatives ("higher than", "greater than", "lower than"), the "well"/"just"/"not" forms and the bare
#: "estimated" are left out there: in running text they compare with a figure ("ten times higher than
#: nine years ago") more often than they bound it; inside a quoted claim the parser reads them all.
RUNNING_TEXT_QUALIFIERS: frozenset[str] = frozenset({
    "no fewer than", "no less than", "a minimum of", "at least", "as many as", "as much as", "no more than",
    "a maximum of", "up to", "at most", "more than", "upwards of", "in excess of", "over", "above",
    "fewer than", "less than", "under", "below", "just under", "close to", "nearly", "almost",
    "an estimated", "approximately", "roughly", "around", "about", "some", "approx.", "circa", "~",
})

#: Qualifiers written after the numeral ("4,500+", "200 or more").
QUALIFIER_SUFFIXES: dict[str, str] = {
    "+": "more_than", "-plus": "more_than",
    "or more": "at_least", "or over": "at_least", "or above": "at_least", "and over": "at_least",
    "and above": "at_least", "and up": "at_least",
    "or fewer": "up_to", "or less": "up_to", "or under": "up_to", "or below": "up_to",
}

# ------------------------------------------------------------------------------------- currencies
#: Every current ISO 4217 alphabetic code (see the module docstring): the currency units a claim record
#: may use (``KES``, ``KES per month``). ``tests/test_vocabulary.py`` compares it with pycountry's list.
ISO_4217_CODES: tuple[str, ...] = (
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BHD", "BIF", "BMD",
    "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CLF",
    "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB",
    "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
    "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW",
    "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT",
    "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
    "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD",
    "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
    "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS",
    "VED", "VES", "VND", "VUV", "WST", "XAD", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG",
    "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XUA", "YER", "ZAR", "ZMW", "ZWG",
)
#: The ISO 4217 codes the extractor reads before a number in running text ("PEN 300", "KES 4,500"): the
#: currencies of the Americas, the major reserve currencies and the Kenya shilling, a subset of
#: :data:`ISO_4217_CODES` (a claim's own ``text`` may write any code, before or after the number).
CURRENCY_CODES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "PEN", "BRL", "MXN", "COP", "CLP", "ARS", "BOB", "CAD", "AUD", "NZD", "JPY", "CNY",
    "CHF", "INR", "VES", "GTQ", "HNL", "NIO", "CRC", "PAB", "DOP", "ZAR", "KES",
)

#: Currency markers written in letters before the numeral, in the case they are written (only so: "Sh" is
#: a currency, "sh" is not), and their ISO 4217 codes: the Kenya shilling as Kenyan papers write it
#: ("KSh 65 million", "Ksh 4,500", the Nation's "Sh65 million"; "Sh" alone is read as Kenyan, as "shillings"
#: is), the Uganda and Tanzania shillings with their own letters ("USh", "TSh").
CURRENCY_LETTER_PREFIXES: dict[str, str] = {
    "KShs": "KES", "Kshs": "KES", "KSh": "KES", "Ksh": "KES", "Shs": "KES", "Sh": "KES",
    "UShs": "UGX", "USh": "UGX", "TShs": "TZS", "TSh": "TZS",
}
#: The ISO 4217 currencies named a dollar (pycountry's currency names containing "Dollar", less USN, a
#: next-day fund code): "$" and "dollars" with no country before them ("US$", "C$", "A$" name theirs) are
#: read as USD in running text, and a claim record may give any of these as the unit of such a text
#: ("472 million dollars" with unit CAD in a Canadian story).
DOLLAR_CURRENCIES: tuple[str, ...] = (
    "AUD", "BBD", "BMD", "BND", "BSD", "BZD", "CAD", "FJD", "GYD", "HKD", "JMD", "KYD", "LRD", "NAD", "NZD",
    "SBD", "SGD", "SRD", "TTD", "TWD", "USD", "XCD",
)
#: Currency letters that are a currency only before an amount written large: the South African rand's
#: "R" ("R1.1 billion", "R46 million", "R12,500"; the South African Reserve Bank and the country's papers
#: write the sign so, attached), read only before digits in groups of three or a scale word, so that a
#: road ("the R445"), a grade or a model number is never money; an amount with a rate after it ("R350 a
#: month") is money too. ``{letters: (ISO 4217 code, regex the amount must match)}``; "R500" alone is not
#: read (a record may still write unit ZAR).
CURRENCY_LETTERS_BEFORE_LARGE: dict[str, tuple[str, str]] = {
    "R": ("ZAR", r"\d{1,3}(?:[,\u00a0\u202f\u2009\x20]\d{3})+(?![\d,])|\d+(?:\.\d+)?\s?(?i:million|billion|trillion|bn|m)\b"
                 r"|\d+(?:\.\d+)?(?=\s+(?:a|an|per|each|every)\s+(?i:day|week|month|year)\b)"),
}
#: Currency markers (symbols, codes and words, lower case) and their ISO 4217 codes. "$" is read as USD.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "s/.": "PEN", "s/": "PEN",
    "r$": "BRL", "mx$": "MXN", "a$": "AUD", "au$": "AUD", "nz$": "NZD",
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euro": "EUR",
    "euros": "EUR", "soles": "PEN", "sol": "PEN", "nuevos soles": "PEN", "pounds sterling": "GBP",
    "sterling": "GBP", "bolivianos": "BOB", "reais": "BRL",
    # "1.2 quadrillion yen", "5 billion yuan": each the name of one currency (ISO 4217 JPY, CNY); the signs
    # ¥ and "pounds" alone are not read (¥ is both, a pound is also a weight)
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    # "25,000 shillings" in running text: Kenya shillings (Uganda's, Tanzania's and Somalia's shillings
    # are written with their codes, UGX, TZS, SOS)
    "shilling": "KES", "shillings": "KES",
    "\u20b9": "INR",  # the rupee sign, India's alone
    **{k.lower(): v for k, v in CURRENCY_LETTER_PREFIXES.items()},
    **{k.lower(): code for k, (code, _) in CURRENCY_LETTERS_BEFORE_LARGE.items()},
    **{c.lower(): c for c in CURRENCY_CODES},
}


#: Currency words written after the numeral ("20 euros", "5 billion yuan", "300 pounds sterling"), as
#: alternatives of a pattern (plural forms optional), longest first where one begins another: the one list
#: the parser (numclaims.numerals) and the mention scan (numclaims.extract) read them from. Each maps to its
#: code through CURRENCY_SYMBOLS, except "rupees" (AMBIGUOUS_CURRENCY_WORDS).
CURRENCY_WORDS_AFTER_RE = (r"(?:US|U\.S\.)\s+dollars|dollars?|euros?|nuevos\s+soles|soles|sol|pounds\s+sterling|sterling"
                           r"|rupees?|bolivianos|reais|shillings?|yen|yuan|renminbi")

#: Currency words that name no one currency: a rupee is India's, Pakistan's, Sri Lanka's, Nepal's,
#: Mauritius's or the Seychelles' (ISO 4217: INR, PKR, LKR, NPR, MUR, SCR). "1.2 billion rupees" and
#: "Rs 5 million" are read as an amount of money whose currency the words leave open: the parser gives
#: ``currency=None`` (a claim record names it with its ``unit``, any of these codes), the extractor a
#: currency-less count; the article's country is not taken to settle it.
AMBIGUOUS_CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    w: ("INR", "PKR", "LKR", "NPR", "MUR", "SCR") for w in ("rupees", "rupee", "rs", "rs.")
}

# ----------------------------------------------------------------------------------------- months
#: English month names, January first.
MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
#: Month names and abbreviations (lower case) -> month number 1-12.
MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)})
MONTHS["sept"] = 9

# ------------------------------------------------------------------------------------- time units
#: Time units of durations and rate bases, shortest first (``USD per month``, ``3 years``).
TIME_UNITS: tuple[str, ...] = ("hour", "day", "week", "month", "year")
#: Time bases of a rate (``USD per month``), shortest first: an hour is a duration ("closed for 24
#: hours"), never a rate base.
RATE_BASES: tuple[str, ...] = tuple(u for u in TIME_UNITS if u != "hour")

#: Nouns that are units of measure, not what is measured ("24,600 tonnes" of quota, "61,000 tonnes" of
#: biomass): two figures sharing only such a word are not two estimates of one measure.
MEASURE_UNIT_NOUNS: frozenset[str] = frozenset({
    "tonnes", "tonne", "tons", "ton", "kilograms", "kilogram", "kg", "kilos", "grams", "hectares", "hectare",
    "acres", "acre", "kilometres", "kilometers", "km", "miles", "mile", "metres", "meters", "litres", "liters",
    "barrels", "gallons", "megawatts", "mw", "gigawatts", "kilowatts", "ounces", "pounds", "units",
})
#: Units of measure written after a count ("24,600 tonnes", "2.2 million hectares", "40 kg"), lower case,
#: and the base unit of a claim record they are (numclaims.records.BASE_UNITS): the figure is a quantity in
#: that unit, not a count of things. "tons" is left out: a short ton (907.18474 kg) or a metric one, the
#: word does not say which.
MEASURE_UNIT_WORDS: dict[str, str] = {
    "tonnes": "tonnes", "tonne": "tonnes", "metric tons": "tonnes", "metric tonnes": "tonnes",
    "hectares": "hectares", "hectare": "hectares", "ha": "hectares",
    "kilograms": "kilograms", "kilogram": "kilograms", "kilos": "kilograms", "kg": "kilograms",
    "square kilometres": "square_kilometres", "square kilometers": "square_kilometres", "sq km": "square_kilometres",
    "km2": "square_kilometres", "troy ounces": "troy_ounces", "ounces": "ounces",
    # lengths ("95 mm of rain", "15 cm an hour", "a 12 km stretch", "40 miles"); a bare "m" stays unread (a
    # million as often as a metre)
    "millimetres": "millimetres", "millimeters": "millimetres", "mm": "millimetres",
    "centimetres": "centimetres", "centimeters": "centimetres", "cm": "centimetres",
    "metres": "metres", "meters": "metres", "kilometres": "kilometres", "kilometers": "kilometres",
    "km": "kilometres", "miles": "miles",
}
#: Days in a Julian year (see the module docstring).
DAYS_PER_YEAR = 365.25
#: Days in each time unit: a month is a twelfth of the Julian year.
DAYS_PER: dict[str, float] = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": DAYS_PER_YEAR / 12, "year": DAYS_PER_YEAR}


def time_unit(word: str) -> str | None:
    """``"years"`` / ``"Year"`` -> ``"year"``; ``"annum"`` -> ``"year"``; None for a word that is no time unit."""
    w = word.lower()
    if w == "annum":
        return "year"
    w = w.removesuffix("s")
    return w if w in DAYS_PER else None


def words_re(words, plural: bool = False) -> str:
    """A regular-expression alternation of ``words`` (literal words, in the order given), each with an
    optional plural ``s`` when ``plural``: ``words_re(RATE_BASES)`` is ``"day|week|month|year"``,
    ``words_re(reversed(RATE_BASES), plural=True)`` is ``"years?|months?|weeks?|days?"``. The order is
    the caller's: the first alternative that matches wins."""
    return "|".join(w + ("s?" if plural else "") for w in words)


def months_in(days: float) -> float:
    """A number of days in months of the Julian year (``DAYS_PER_YEAR / 12`` days each)."""
    return days / DAYS_PER["month"]


#: Words of a rise and of a fall, one table for every reader of changes: the extractor (a fraction after
#: "down by", two counts "risen from 18 to 31"), the drafter (``change in`` the subject of "up 10 percent")
#: and the proposals (a ``change`` check, a comparison "fallen from A to B"). Verbs in the forms the text
#: writes them ("up" and "down" as in "arrests were up 10 percent"), then two-word phrases.
RISE_VERBS = ("up", "rise", "rises", "rising", "rose", "risen", "grow", "grows", "growing", "grew", "grown",
              "increase", "increases", "increasing", "increased", "climb", "climbs", "climbing", "climbed",
              "jump", "jumps", "jumped", "doubled", "tripled", "quadrupled", "went up", "gone up")
FALL_VERBS = ("down", "fall", "falls", "falling", "fell", "fallen", "drop", "drops", "dropped", "decline",
              "declines", "declined", "decrease", "decreases", "decreasing", "decreased", "cut", "reduced",
              "shrank", "slashed", "halved", "went down", "gone down")
#: Nouns of a change, before or after its percentage: "a rise of 5 percent", "a 10 percent increase on".
RISE_NOUNS = ("increase", "rise", "jump")
FALL_NOUNS = ("decrease", "fall", "drop", "decline", "reduction")


def change_words_re(*tables) -> str:
    """:func:`words_re` of the words of ``tables`` (e.g. ``RISE_VERBS, FALL_VERBS``), longest first so
    that no word stops a longer one short ("rises" before "rise"), two-word phrases with any space."""
    words = sorted({w for t in tables for w in t}, key=lambda w: (-len(w), w))
    return words_re(w.replace(" ", r"\s+") for w in words)


def falls(word: str) -> bool:
    """Whether a change word (a verb or noun of :data:`FALL_VERBS`, :data:`FALL_NOUNS`, after "a"/"an"
    if any: "a drop") says a fall; every other change word is a rise."""
    w = " ".join(word.lower().split())
    w = w.removeprefix("a ").removeprefix("an ")
    return w in FALL_VERBS or w in FALL_NOUNS


#: Groups of people and the narrower groups each holds, for a part/whole between differently worded
#: measures ("300 women" within "1,600 adolescents and adults"): women and men are adults, girls and boys
#: minors and children, and everyone is one of the people. Words as the drafted measures write them
#: (plural, lower case). Limits (docs/drafting.md): age words only, by the usual senses (a woman is an
#: adult female; an adolescent, WHO's 10 to 19, is counted a minor here although 18- and 19-year-olds are
#: adults); no sex or role is inferred ("workers", "victims" hold no one).
GROUP_MEMBERS: dict[str, frozenset[str]] = {
    "adults": frozenset({"women", "men"}),
    "minors": frozenset({"girls", "boys", "children", "adolescents", "teenagers"}),
    "children": frozenset({"girls", "boys"}),
    "adolescents": frozenset({"teenagers"}),
    "people": frozenset({"women", "men", "girls", "boys", "children", "adults", "minors", "adolescents",
                         "teenagers"}),
}
GROUP_MEMBERS["persons"] = GROUP_MEMBERS["people"]

#: Nouns that count groups of people living together, not people: a count of households or families and a
#: count of persons are different counted things, so neither is a part of the other ("190 households with
#: young children, including 342 children under five": the children are no part of the households'
#: number). Plural, lower case.
HOUSEHOLD_NOUNS: frozenset[str] = frozenset({"households", "families", "couples", "homes"})

#: Modifiers of a counted noun that name different sets of it: figures whose nouns carry different
#: modifiers of one group ("10,400 homes" of the council, "1,200 new homes"; "98,560 full-time candidates",
#: "2,870 part-time candidates") are no estimates of one measure and no part of each other. A noun without
#: a modifier of the group stands for the set the modified one is not (the homes there are, not new ones).
CONTRASTING_MODIFIERS: tuple[frozenset[str], ...] = (
    frozenset({"new", "existing", "old"}),
    frozenset({"part-time", "full-time"}),
    frozenset({"rural", "urban"}),
    frozenset({"public", "private"}),
    frozenset({"primary", "secondary"}),
)
