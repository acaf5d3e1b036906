"""The actor registry and role lexicon, loaded once from the data files beside this module.

Sources: ``states.csv`` (ISO3 code, extra names, demonyms, capitals; pycountry adds its official names),
``igos.csv`` (IGOs, NGOs and armed groups with their PLOVER code), ``seats.csv`` (seats of power and
government bodies used as metonyms), ``roles.csv`` (titles and group nouns → PLOVER sectors) and
``names.yaml`` (honorifics, pronouns, transliteration rules, stop words); ``persons.csv`` lists well-known
office holders (heads of state and government, foreign ministers, rebel and IGO leaders) whose country and
sector a story often leaves unsaid ('Putin said'). ``regions.csv`` is read by places.py.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

DATA = Path(__file__).parent / "data"
VERSION = "actors-registry@1"


@dataclass(frozen=True)
class Entry:
    """One registry surface form and what it stands for."""

    actor_id: str
    name: str  # canonical display name of the actor
    kind: str  # state, igo, organisation, group
    country: str | None
    sector: str | None
    form: str  # name, demonym, capital, seat, igo
    # PLOVER country-field code (ISO3, IGO, UNO, EUR, NGO, IMG); international NGOs (Red Cross, Amnesty) are IGO,
    # as the PLOVER GSR codes them
    plover: str | None = None


@dataclass(frozen=True)
class Role:
    """A title or group noun of the role lexicon."""

    phrase: str
    sector: str
    kind: str  # person, group, body
    role: str  # canonical display form


@dataclass(frozen=True)
class KnownPerson:
    """A well-known person: the country and sector to use when an article states none."""

    name: str
    country: str
    sector: str
    role: str


@dataclass
class Lexicon:
    """Everything the actors stage looks up, keyed for O(1) access."""

    entries: dict[str, Entry] = field(default_factory=dict)  # surface (as written) → entry
    roles: dict[str, Role] = field(default_factory=dict)  # lowercase phrase → role
    states: dict[str, str] = field(default_factory=dict)  # ISO3 → display name
    demonym_of: dict[str, str] = field(default_factory=dict)  # ISO3 → main demonym ("Russian")
    plover_of: dict[str, str] = field(default_factory=dict)  # IGO / group id → PLOVER country code
    names: dict[str, Any] = field(default_factory=dict)  # names.yaml
    translit: list[tuple[re.Pattern[str], str]] = field(default_factory=list)


def _split(cell: str) -> list[str]:
    """Split a ';'-separated CSV cell."""
    return [p.strip() for p in cell.split(";") if p.strip()]


def _read_csv(name: str) -> list[dict[str, str]]:
    """Read one CSV data file."""
    with (DATA / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _add(lex: Lexicon, surface: str, entry: Entry) -> None:
    """Register a surface form, with and without a leading 'the'; the first registration wins."""
    for form in (surface, surface[4:] if surface.lower().startswith("the ") else "the " + surface):
        if form and form not in lex.entries:
            lex.entries[form] = entry
        cap = form[:1].upper() + form[1:]
        if cap not in lex.entries:  # sentence-initial "The Kremlin"
            lex.entries[cap] = entry


def _load_states(lex: Lexicon) -> None:
    """Add every state: names from the CSV first (they are the common ones), then pycountry's."""
    rows = _read_csv("states.csv")
    for row in rows:
        code = row["iso3"]
        aliases = _split(row["aliases"])
        name = aliases[0] if aliases else code
        lex.states[code] = name
        state = Entry(code, name, "state", code, None, "name", code)
        for alias in aliases:
            _add(lex, alias, state)
        demonyms = _split(row["demonyms"])
        if demonyms:
            lex.demonym_of[code] = demonyms[0]
        for dem in demonyms:
            lex.entries.setdefault(dem, Entry(code, name, "state", code, None, "demonym", code))
            if dem[-1:].isalpha() and dem[-1] not in "sh" and not dem.endswith("ese"):  # "Israelis", "Serbs"
                lex.entries.setdefault(dem + "s", Entry(code, name, "state", code, None, "people", code))
        for cap in _split(row["capitals"]):
            lex.entries.setdefault(cap, Entry(code, name, "state", code, None, "capital", code))
    for country in pycountry.countries:
        code = country.alpha_3
        if code not in lex.states:  # dependencies are folded into nothing: still name them (PLOVER folds them)
            lex.states[code] = getattr(country, "common_name", None) or country.name
        state = Entry(code, lex.states[code], "state", code, None, "name", code)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                _add(lex, value, state)


def _spellings(alias: str, pairs: list[list[str]]) -> list[str]:
    """Return an organisation's name in each mix of British and American spelling, the listed form first."""
    forms = [alias]
    for us, uk in pairs:
        forms += [f.replace(a, b) for f in list(forms) for a, b in ((us, uk), (uk, us)) if a in f]
    return list(dict.fromkeys(forms))


def _load_orgs(lex: Lexicon) -> None:
    """Add IGOs, NGOs, armed groups and seats of power."""
    for row in _read_csv("igos.csv"):
        plover = row["plover"]
        country = row["id"] if row["kind"] == "igo" else (plover if len(plover) == 3 else None)
        entry = Entry(row["id"], row["name"], row["kind"], country, row["sector"] or None, "igo", plover)
        lex.plover_of[row["id"]] = plover
        for alias in _split(row["aliases"]):
            for form in _spellings(alias, lex.names["spellings"]):
                _add(lex, form, entry)
    for row in _read_csv("seats.csv"):
        entry = Entry(row["id"], row["name"], row["kind"], row["country"], row["sector"], "seat", row["country"])
        for alias in _split(row["aliases"]):
            _add(lex, alias, entry)


def _load_roles(lex: Lexicon) -> None:
    """Add the role lexicon (lowercase phrases)."""
    for row in _read_csv("roles.csv"):
        lex.roles[row["phrase"].lower()] = Role(row["phrase"].lower(), row["sector"], row["kind"], row["role"])


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Return the English region names of ``regions.csv`` with their state ('British Columbia' → CAN)."""
    with (DATA / "regions.csv").open(encoding="utf-8") as fh:
        return {name.strip(): row["iso3"] for row in csv.DictReader(fh) for name in row["names"].split(";")}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Return the registry, loaded once per process."""
    lex = Lexicon()
    with (DATA / "names.yaml").open(encoding="utf-8") as fh:
        lex.names = yaml.safe_load(fh)
    _load_orgs(lex)  # organisations first: "the Kremlin" is a seat, not a capital
    _load_states(lex)
    _load_roles(lex)
    lex.translit = [(re.compile(pat), rep) for pat, rep in lex.names["translit"]]
    return lex


@lru_cache(maxsize=1)
def known_persons() -> dict[str, KnownPerson]:
    """Return person id (as the names module builds it from each listed alias) → known person."""
    from newsgraph.actors.names import name_parts, person_id  # names needs the lexicon: import late

    out: dict[str, KnownPerson] = {}
    for row in _read_csv("persons.csv"):
        person = KnownPerson(row["name"], row["country"], row["sector"], row["role"])
        for alias in _split(row["aliases"]):
            out.setdefault(person_id(name_parts(alias)), person)
    return out


def plover_country(actor_country: str | None) -> str | None:
    """Return the PLOVER country-field code of an actor country (IGO ids become their PLOVER class)."""
    if actor_country is None:
        return None
    return lexicon().plover_of.get(actor_country, actor_country)
