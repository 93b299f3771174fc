"""Reference data for the extractors: words, not logic.

Kept apart from the code so that a reader who must add a currency or a
number word finds one table, the way price-parser keeps its currency data.
Nothing here is specific to one story; topic words belong in rule files.
"""

from __future__ import annotations

from decimal import Decimal

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

#: multipliers that may follow a number word or digits
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    # the Indian scales, written as words after digits ("23.59 crore votes", "31 lakh")
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}

#: abbreviations of scale words, only read right after a number (``$4.2bn``)
SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000,
    "K": 1_000,
    "m": 1_000_000,
    "M": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "B": 1_000_000_000,
    "bln": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}

ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}

MONTHS: dict[str, int] = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}

#: symbols (with their prefixes) written before an amount
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "USD$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "NT$": "TWD",
    "R$": "BRL",
    "MX$": "MXN",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₦": "NGN",
    "₱": "PHP",
    "₪": "ILS",
    "₴": "UAH",
    "Rs": "INR",
    "Rs.": "INR",
}

#: ISO 4217 codes (and common aliases) written before or after an amount
CURRENCY_CODES: dict[str, str] = {
    code: code
    for code in (
        "USD EUR GBP JPY CNY RUB INR CAD AUD CHF HKD SGD KRW BRL MXN ZAR TRY SAR AED NGN KES "
        "EGP PKR IDR THB VND PLN SEK NOK DKK NZD UAH ILS TWD MYR PHP BDT ARS CLP COP"
    ).split()
} | {"RMB": "CNY"}

#: currency names written after an amount (``1.6 trillion yuan``)
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "rupee": "INR",
    "rupees": "INR",
    "real": "BRL",
    "reais": "BRL",
    "rand": "ZAR",
    "lira": "TRY",
    "naira": "NGN",
    "shilling": "KES",
    "shillings": "KES",
    "dirham": "AED",
    "dirhams": "AED",
    "riyal": "SAR",
    "riyals": "SAR",
    "ringgit": "MYR",
    "baht": "THB",
    "dong": "VND",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "zloty": "PLN",
    "zlotys": "PLN",
    "franc": "CHF",
    "francs": "CHF",
    "shekel": "ILS",
    "shekels": "ILS",
    "taka": "BDT",
    "rupiah": "IDR",
    "peso": "MXN",
    "pesos": "MXN",
    "pound": "GBP",
    "pounds": "GBP",
    "won": "KRW",
}

#: names that are also ordinary words: read as money only after a scale word
#: (``5 million pounds``, ``3 billion won``) or with ``sterling``
AMBIGUOUS_CURRENCY_NAMES: frozenset[str] = frozenset({"pound", "pounds", "won", "real", "rand"})

#: a country adjective before a currency name changes the code
CURRENCY_ADJECTIVES: dict[tuple[str, str], str] = {
    ("us", "USD"): "USD",
    ("u.s.", "USD"): "USD",
    ("american", "USD"): "USD",
    ("australian", "USD"): "AUD",
    ("canadian", "USD"): "CAD",
    ("hong kong", "USD"): "HKD",
    ("singapore", "USD"): "SGD",
    ("new zealand", "USD"): "NZD",
    ("taiwan", "USD"): "TWD",
    ("argentine", "MXN"): "ARS",
    ("chilean", "MXN"): "CLP",
    ("colombian", "MXN"): "COP",
    ("philippine", "MXN"): "PHP",
    ("mexican", "MXN"): "MXN",
    ("pakistani", "INR"): "PKR",
    ("indian", "INR"): "INR",
    ("swiss", "CHF"): "CHF",
    ("chinese", "CNY"): "CNY",
    ("japanese", "JPY"): "JPY",
    ("russian", "RUB"): "RUB",
}

#: hedges before a figure, mapped to the canonical qualifier
QUALIFIERS: dict[str, str] = {
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "exceeding": "more than",
    "upwards of": "more than",
    "upward of": "more than",
    "north of": "more than",
    "well over": "more than",
    "well above": "more than",
    "just over": "just over",
    "just above": "just over",
    "slightly more than": "just over",
    "a little over": "just over",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "a minimum of": "at least",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just below": "nearly",
    "just shy of": "nearly",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "some": "about",
    "approximately": "about",
    "approx.": "about",
    "an estimated": "about",
    "estimated": "about",
    "an approximate": "about",
    "circa": "about",
    "up to": "up to",
    "at most": "up to",
    "no more than": "up to",
    "a maximum of": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
}

#: units of time, singular, with their canonical unit and factor
TIME_UNITS: dict[str, tuple[str, int]] = {
    "second": ("second", 1),
    "minute": ("minute", 1),
    "hour": ("hour", 1),
    "day": ("day", 1),
    "night": ("day", 1),
    "week": ("week", 1),
    "fortnight": ("day", 14),
    "month": ("month", 1),
    "year": ("year", 1),
    "decade": ("year", 10),
    "century": ("year", 100),
}

#: units a whole number of which is a rounded length of time ("six weeks", "three months"),
#: allowed a quarter of the unit either way (its step is half a unit): "almost six weeks"
#: agrees with six, five weeks does not; days, hours and smaller units are counted exactly
ROUNDED_TIME_UNITS = frozenset({"week", "month", "year"})
ROUNDED_TIME_STEP = Decimal("0.5")

#: words after a number that count people hurt, killed, held... (``12 killed``)
CASUALTY_WORDS: frozenset[str] = frozenset(
    "killed dead injured wounded hurt missing displaced homeless evacuated arrested detained "
    "hospitalised hospitalized rescued infected deaths identified buried died perished "
    "drowned".split()
)

#: words between a bare number and the casualty word that says what it counts
#: (``133 have been identified``, ``six are feared dead``, ``320 still missing``)
CASUALTY_AUXILIARIES: frozenset[str] = frozenset(
    "have has had been were was are is remain remains remained still now "
    "feared believed presumed confirmed reported thought".split()
)

#: words after which "over" is a preposition, never a hedge ("victory over two rivals");
#: not the verbs ("wins over 5.58 million votes" hedges)
OVER_AS_PREPOSITION: frozenset[str] = frozenset("victory victories triumph triumphs".split())

#: plural nouns that do not end in "s"
IRREGULAR_PLURALS: frozenset[str] = frozenset(
    "people children men women police personnel staff cattle feet teeth geese mice data "
    "media criteria phenomena alumni crew aircraft livestock militia infantry".split()
)

#: words ending in "s" that are not plural nouns
NOT_PLURAL: frozenset[str] = frozenset(
    "various numerous previous serious famous religious dangerous this its his hers was is "
    "has does goes thus plus less unless across always perhaps ours yours theirs whereas "
    "analysis basis crisis status news bus gas chaos campus census consensus".split()
)

#: words that end a noun phrase after a number: a head noun is never looked for past them
STOP_WORDS: frozenset[str] = frozenset(
    """a an the and or but nor of in on at to for from by with without into onto over under
    about after before between during since until than then that this these those which who
    whom whose what when where while as is are was were be been being am have has had do does
    did will would shall should can could may might must not no so if also only just even
    still yet per each every all both either neither any some more most less least few other
    another such own same its it he she they we you i me him her them us our your their his
    my mine there here now ago later earlier again away back up down out off more""".split()
)

#: modifiers skipped between an ordinal and its noun (``fourth such gathering``)
ORDINAL_SKIP: frozenset[str] = frozenset(
    "such consecutive straight successive annual official state formal".split()
)

#: determiners before a number word that make it a reference, not a claim (``the two leaders``)
DETERMINERS: frozenset[str] = frozenset(
    "the these those their its our his her your my both all".split()
)

#: words before a 4-digit number that put it in a date role (``in 2023``)
YEAR_CUES: frozenset[str] = frozenset(
    """in since by until till from to through during of before after between and early late
    mid end year years quarter half circa around fiscal fy spring summer autumn fall winter january
    february march april may june july august september october november december""".split()
)

#: verbs a photo caption tells what its picture shows with, in the present tense
#: ("Tim Cook listens during a program ... on Nov. 17, 2023")
CAPTION_VERBS: tuple[str, ...] = tuple(
    """listens listen speaks speak attends attend poses pose waves wave gestures gesture
    looks look walks walk sits sit stands stand delivers shakes shake greets greet smiles
    smile reacts react celebrates celebrate addresses address inspects inspect prays
    pray""".split()
)

#: units of measure read after a number whatever its plural (``6.4 magnitude``, ``140 km``)
MEASURE_UNITS: frozenset[str] = frozenset(
    """km kilometre kilometer mile metre meter foot tonne ton kg kilogram barrel degree hectare
    acre mm cm litre liter magnitude mph gigawatt megawatt gw mw kwh twh bcm""".split()
)

#: nouns that name a count stated after them (``the toll rose to 37``)
MEASURE_NOUNS: frozenset[str] = frozenset(
    """toll tally total number count population turnout attendance headcount employment
    payrolls payroll crowd""".split()
)

#: what a bare number scores off a count of attempts (``137 off 120 balls``: runs)
SCORED_PER: dict[str, str] = {
    "balls": "runs",
    "ball": "runs",
    "deliveries": "runs",
    "delivery": "runs",
}

#: measure nouns that only say "how many" of what follows them (``the number of dead``)
COUNTING_NOUNS: frozenset[str] = frozenset("number count tally total".split())

#: measure nouns that count another thing (``payroll employment rose by 303,000``: jobs)
MEASURE_NOUN_OF: dict[str, str] = {
    "employment": "jobs",
    "payrolls": "jobs",
    "payroll": "jobs",
    "crowd": "attendance",
}

#: verbs after which a bare number counts people (``injuring more than 60``)
CASUALTY_VERBS: dict[str, str] = {
    "killing": "killed",
    "kills": "killed",
    "killed": "killed",
    "injuring": "injured",
    "injures": "injured",
    "injured": "injured",
    "wounding": "wounded",
    "wounded": "wounded",
    "displacing": "displaced",
    "displaced": "displaced",
    "evacuating": "evacuated",
    "evacuated": "evacuated",
}

#: verbs after which a bare number counts what the clause before counted
#: (``lost 15 seats and now has nine``)
ELLIPSIS_VERBS: frozenset[str] = frozenset(
    "has have had holds hold held won win wins lost loses lose gained gains gain took takes "
    "kept keeps got gets secured secures scored scores added adds".split()
)

#: nouns (and their verbs) that name a dated news event; rule files may add more
EVENT_WORDS: dict[str, str] = {
    "visit": "visit", "visits": "visit", "visited": "visit", "visiting": "visit",
    "trip": "visit", "trips": "visit", "tour": "visit",
    "summit": "summit", "summits": "summit", "forum": "summit", "conference": "conference",
    "meeting": "meeting", "meetings": "meeting", "met": "meeting", "talks": "meeting",
    "election": "election", "elections": "election", "vote": "election", "poll": "election",
    "referendum": "referendum", "earthquake": "earthquake", "quake": "earthquake",
    "tremor": "earthquake", "flood": "flood", "floods": "flood", "flooding": "flood",
    "fire": "fire", "wildfire": "fire", "blaze": "fire", "storm": "storm", "hurricane": "storm",
    "typhoon": "storm", "cyclone": "storm", "attack": "attack", "bombing": "attack",
    "explosion": "explosion", "blast": "explosion", "crash": "crash", "collision": "crash",
    "derailment": "crash", "shooting": "shooting", "protest": "protest", "protests": "protest",
    "strike": "strike", "ceremony": "ceremony", "celebration": "ceremony",
    "celebrations": "ceremony", "commemoration": "ceremony", "commemorations": "ceremony",
    "parade": "ceremony", "inauguration": "inauguration", "funeral": "funeral",
    "launch": "launch", "results": "results", "earnings": "results",
    "victory": "victory", "won": "victory", "win": "victory", "wins": "victory",
    "briefing": "briefing", "announcement": "announcement", "announced": "announcement",
    "statement": "announcement", "interview": "interview", "speech": "speech",
    "outbreak": "outbreak", "epidemic": "outbreak", "emergency": "emergency",
    "sentencing": "sentencing", "sentenced": "sentencing", "verdict": "verdict",
    "trial": "trial", "collapse": "collapse", "collapsed": "collapse",
    "landslide": "landslide", "landslides": "landslide", "mudslide": "landslide",
    "avalanche": "landslide", "eruption": "eruption",
    "tornado": "storm", "tsunami": "tsunami", "capsized": "crash",
}  # fmt: skip

#: adjectives that mark an earlier, different occurrence of the event (``his first visit``)
EARLIER_EVENT_MARKERS: frozenset[str] = frozenset(
    "first maiden previous last earlier prior former inaugural".split()
)

#: how far a count has got ("with 98% of votes counted"): it changes by the hour, so two
#: sources giving two values tell of two moments, never a conflict
PROGRESS_METRIC = "counted share"

#: measures that only grow while an event unfolds (tolls): a later, higher figure is no conflict
CUMULATIVE_METRICS: frozenset[str] = frozenset(
    "killed injured missing displaced evacuated arrested rescued hospitalised infected case".split()
)
