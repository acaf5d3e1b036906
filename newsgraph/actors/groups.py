"""States' sector groups and bodies ('Russian troops', 'the U.K. Ministry of Defense'), invented states,
registry mentions left over after persons, and organisations known only to NER."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.actors.context import Context, Found
from newsgraph.actors.lexicon import Entry, Role, known_persons, regions
from newsgraph.actors.names import demonym_stems, invented_code, name_parts, person_id, slug
from newsgraph.actors.persons import headline_lines, in_headline, person_country
from newsgraph.actors.places import big_place, gazetteer
from newsgraph.nlp import doc_text
from newsgraph.records import Actor

_POSSESSIVE = {"'s", "’s", "'", "’"}
_PREFIX = re.compile(
    r"\b(?:(?:Federal|Democratic|People's|Islamic|United) )?"
    r"(?:Republic|Kingdom|State|Federation|Principality|Sultanate|Union|Commonwealth|Grand Duchy|Emirate) of "
    r"((?:[A-Z][\w'-]+)(?: [A-Z][\w'-]+){0,2})"
)
_GOVERNMENT = Role("government", "GOV", "group", "Government")
_IN_PLACE = {"COP", "CVL", "GOV", "REF", "LAB", "EDU", "AGR", "UAF", "OPP", "REB"}
_PEOPLE = Role("people", "CVL", "group", "People")  # "police in Cairo" is Egypt's
# '<group> <prep> <state>': 'police in Cairo', 'students throughout Indonesia', 'refugees from Liberia'
_BACK_PREPS = {"of", "in", "throughout", "across", "near", "around", "inside", "within", "from"}
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "the",
               "northeastern", "northwestern", "southeastern", "southwestern", "occupied", "neighbouring",
               "neighboring", "rural", "war-torn"}
_PARTICIPLES = {"based", "operating", "stationed", "deployed", "living", "active", "fighting", "working"}
ETHNIC = "role:people-ethnic"  # 'ethnic Albanians': a minority, coded by the state it lives in (resolve.py)
SCENE_ONLY = "role:group-scene"  # a group noun that is a mention only once its sentence's state is known
_GENERIC_NORP = {"federal", "national", "international", "western", "eastern", "european", "african", "asian",
                 "latin", "baltic", "nordic", "scandinavian", "arab", "arabs", "regional", "local"}
_ARMED = {"MIL", "PRM"}  # armed groups named by a faith or ethnicity, not a state, are non-state ('Moslem forces')


def _invent(ctx: Context, name: str, known: dict[str, Entry]) -> Entry:
    """Return the invented state called ``name``, creating it once per article."""
    key = name.lower()
    if key not in known:
        code = invented_code(name)
        known[key] = Entry(code, name, "state", code, None, "invented", code)
    return known[key]


def find_invented(ctx: Context) -> None:
    """Find states absent from the registry: 'Republic of Veska', "Veska's defence ministry", 'Veskan troops'."""
    known: dict[str, Entry] = {}
    surfaces: dict[str, Entry] = {}
    for m in _PREFIX.finditer(doc_text(ctx.doc)):
        name = m.group(1)
        if m.group(0) in ctx.lex.entries or name in ctx.lex.entries:
            continue
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(i in ctx.registry for i in range(span.start, span.end)):
            entry = _invent(ctx, name, known)
            ctx.add_registry(span, entry)
            surfaces[name] = entry
    _invented_modifiers(ctx, known, surfaces)
    _invented_of(ctx, known, surfaces)
    for tok in ctx.doc:  # later bare uses: "Veska said", "the Veskan side"
        if tok.text in surfaces and tok.i not in ctx.registry:
            ctx.add_registry(ctx.doc[tok.i:tok.i + 1], surfaces[tok.text])


def _invented_modifiers(ctx: Context, known: dict[str, Entry], surfaces: dict[str, Entry]) -> None:
    """Find unknown demonyms and possessives that qualify a state role ('Veskan defence ministry')."""
    names, doc = ctx.lex.names, ctx.doc
    for tok in doc:
        if tok.i in ctx.registry or not tok.is_title or tok.lower_ in names["norp_stop"] or len(tok) < 4:
            continue
        if tok.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL") or tok.pos_ not in ("PROPN", "ADJ"):
            continue
        if person_id(name_parts(tok.text)) in known_persons():
            continue  # "Museveni's army", "Uribe's government": a known leader's, not an unknown state's
        if big_place(tok.text):
            continue  # "the Delhi Police": a known place's (places.find_places), not an unknown state's
        if tok.is_sent_start and tok.ent_type_ not in ("NORP", "GPE") and tok.tag_ != "NNP":
            continue  # a capitalised first word is no evidence of a proper adjective
        k = tok.i + 1
        possessive = k < len(doc) and doc[k].text in _POSSESSIVE
        hit = ctx.role_starting(k + 1 if possessive else k)
        if hit is None:
            continue
        role = hit[1]
        national = role.role in names["national_roles"]
        if possessive and national:
            entry = _invent(ctx, tok.text, known)
        elif not possessive and (national or role.kind == "group") and (stems := demonym_stems(tok.text)):
            region = next((code for name, code in regions().items() if len(name) >= 4 and tok.text.startswith(name)
                           and len(tok.text) - len(name) <= 3), None)  # "Tibet" + "an"
            match = next((s for s in stems if s.lower() in known), None)
            # "Tibetan protesters", "Chechen fighters": people of a region of a known state, no invented one
            entry = ctx.state_entry(region) if region else _invent(ctx, match or stems[0], known)
        else:
            continue
        surfaces[tok.text] = entry
        ctx.add_registry(doc[tok.i:tok.i + 1], entry)


def _invented_of(ctx: Context, known: dict[str, Entry], surfaces: dict[str, Entry]) -> None:
    """Find unknown states after a role only a state has: 'the government of Veska', 'the embassy of Norland'."""
    doc, of_roles = ctx.doc, ctx.lex.names["state_of_roles"]
    for span, role in {id(hit[0]): hit for hit in ctx.roles.values()}.values():
        k = span.end + 1
        if role.role not in of_roles or k >= len(doc) or doc[span.end].lower_ != "of":
            continue
        end = k
        while end < len(doc) and end - k < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        name = doc[k:end]
        if not len(name) or any(i in ctx.registry for i in range(k, end)) or name.text in ctx.lex.entries \
                or name.text in gazetteer():  # 'the government of Sindh province' is Pakistan's
            continue
        if any(t.ent_type_ in ("PERSON", "ORG", "NORP", "DATE") or t.lower_ in ctx.lex.names["norp_stop"]
               for t in name):
            continue
        entry = _invent(ctx, name.text, known)
        surfaces[name.text] = entry
        ctx.add_registry(name, entry)


def _skip_right(ctx: Context, k: int) -> int:
    """Move right over modifiers between an affiliation and a group noun ('Russian top officials')."""
    mods = ctx.lex.names["role_modifiers"]
    doc = ctx.doc
    if k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ == "led":
        k += 2  # 'Saudi-led forces' are that state's; 'US-backed rebels' are not, so only '-led'
    while k < len(doc) and doc[k].lower_ in mods and ctx.role_starting(k) is None:
        k += 1
    return k


def _unique_registry(ctx: Context) -> list[tuple[Span, Entry]]:
    """Return each registry match once, in text order."""
    seen: dict[int, tuple[Span, Entry]] = {}
    for span, entry in ctx.registry.values():
        seen.setdefault(span.start, (span, entry))
    return [seen[k] for k in sorted(seen)]


def _group_found(ctx: Context, entry: Entry, role: Role, start: int, end: int, rule: str) -> None:
    """Add a mention of a state's group or body ('Hamas fighters' stays Hamas: a group has no sub-groups)."""
    if entry.form == "igo" and entry.kind != "igo":
        actor_id = ctx.actor_from_entry(entry)
    else:
        actor_id = ctx.body_actor(entry, role) if role.kind == "body" else ctx.group_actor(entry, role)
    for i in range(start, end):  # "Hungarian and Romanian officials": each state keeps its own word
        other = ctx.registry.get(i)
        if other is not None and other[1] is not entry and role is not _PEOPLE:
            end = next(k for k in range(start, end) if k in ctx.registry and ctx.registry[k][1] is entry) + 1
            end = ctx.registry[end - 1][0].end
            break
    ctx.add(Found(start, end, actor_id, rule, 0.85, role.role))


def find_groups(ctx: Context) -> None:
    """Resolve '<state> <group noun>' and '<group noun> of/in <state>' phrases to group and body actors."""
    doc = ctx.doc
    by_token: dict[int, Role] = {}
    for span, entry in _unique_registry(ctx):
        if not ctx.free(span.start, span.end) or entry.kind not in ("state", "igo", "organisation", "group"):
            continue
        if any(t.lower_ in ("pro", "anti") for t in doc[max(0, span.start - 2):span.start]):
            continue  # 'pro-Russian separatists' are no Russian group
        k = span.end
        if k < len(doc) and doc[k].text in _POSSESSIVE:
            k += 1
        hit = ctx.role_starting(_skip_right(ctx, k)) or _role_of_head(ctx, span)
        if hit and hit[1].kind in ("group", "body") and ctx.free(hit[0].start, hit[0].end):
            # "ethnic Albanian pupils" are a minority, coded by the state they live in (resolve.py)
            ethnic = entry.form == "demonym" and _after_ethnic(span)
            _group_found(ctx, entry, hit[1], span.start, hit[0].end, ETHNIC if ethnic else f"role:{hit[1].kind}")
            by_token[span.root.i] = hit[1]
            by_token[hit[0].root.i] = hit[1]  # 'Sierra Leonean and Liberian refugees' may hang the noun on the first
            continue
        if k < len(doc) and (doc[k].tag_ == "NNPS" or (k in ctx.registry and ctx.registry[k][1].form == "people")) \
                and entry.kind == "state" and k == span.end:  # "Iraqi Kurds", "Bosnian Serbs": a population
            end = ctx.registry[k][0].end if k in ctx.registry else k + 1
            _group_found(ctx, entry, _PEOPLE, span.start, end, "role:people")
            continue
        _group_before(ctx, span, entry)
    _conjuncts(ctx, by_token)


def _group_before(ctx: Context, span: Span, entry: Entry) -> None:
    """Resolve '<group noun> [based] in/near/from [western] <state>' to the state's group or body."""
    doc = ctx.doc
    j = span.start
    while j > max(0, span.start - 2) and doc[j - 1].lower_ in _DIRECTIONS:
        j -= 1
    if j < 2 or doc[j - 1].lower_ not in _BACK_PREPS:
        return
    prep = doc[j - 1]
    k = j - 1
    if doc[k - 1].lower_ in _PARTICIPLES:
        k -= 1
    back = ctx.role_ending(k)
    if back is None or not ctx.free(back[0].start, back[0].end):
        return
    rspan, role = back
    owners = (c for c in rspan.root.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < rspan.start)
    if any(c.i in ctx.registry for c in owners):
        return  # 'the U.S. envoy in Jerusalem' is the United States' envoy, posted there
    attached = rspan.start <= prep.head.i < rspan.end or (
        prep.head.i == k and rspan.start <= doc[k].head.i < rspan.end)
    if (prep.lower_ not in ("of", "in") or k < j - 1) and not attached:
        return  # 'withdraw workers from Iraq': the phrase belongs to the verb, not the group
    # armed forces 'in' a state are often foreign ones ('the peacekeeping force in Lebanon'): only 'from' places them
    if (prep.lower_ == "of" and role.kind in ("body", "person")) or role.sector in _IN_PLACE or \
            (prep.lower_ == "from" and role.kind == "group"):
        start = rspan.start - (1 if rspan.start and doc[rspan.start - 1].lower_ == "the" else 0)
        _group_found(ctx, entry, role, start, span.end, f"role:{role.kind}")


def _conjuncts(ctx: Context, by_token: dict[int, Role]) -> None:
    """Share a group noun among conjoined states: 'Hungarian and Romanian officials', 'US and British forces'."""
    for span, entry in _unique_registry(ctx):
        if not ctx.free(span.start, span.end):
            continue
        root = span.root
        partners = [root.head] if root.dep_ == "conj" else []
        partners += [c for c in root.children if c.dep_ == "conj"]
        role = next((by_token[p.i] for p in partners if p.i in by_token), None)
        if role is not None:
            _group_found(ctx, entry, role, span.start, span.end, "role:conj")


def _role_of_head(ctx: Context, span: Span) -> tuple[Span, Role] | None:
    """Return the group noun a state word modifies a few words on ('Tamil civilian refugees')."""
    root = span.root
    head = root.head
    if root.dep_ not in ("amod", "compound", "nmod", "poss") or not 0 < head.i - span.end + 1 <= 3:
        return None
    hit = ctx.roles.get(head.i)
    return hit if hit and hit[0].end == head.i + 1 else None


def _acts(span: Span) -> bool:
    """Say whether a place name is used as an agent: subject, possessor, or 'by Moscow'."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass", "poss") or (root.dep_ == "pobj" and root.head.lower_ == "by")


def _after_ethnic(span: Span) -> bool:
    """Tell whether a people word follows "ethnic" ('ethnic Albanians'): a minority, not the state's people."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic"


def _counted(span: Span) -> bool:
    """Say whether a people word names some of its people: 'ethnic Albanians', '100 Palestinians', 'thousands of
    Kurds' are civilians; a bare 'the Palestinians' speaks for the nation."""
    root = span.root
    if span.start and span.doc[span.start - 1].lower_ in ("ethnic", "young", "fellow", "local", "ordinary", "many"):
        return True
    if any(c.dep_ in ("amod", "nummod", "quantmod") and c.i < span.start for c in root.children):
        return True
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and (head.head.like_num or head.head.tag_ == "CD" or
                                                           head.head.lower_ in ("thousands", "hundreds", "dozens",
                                                                                "millions", "scores", "tens"))


def _place_of_people(ctx: Context, span: Span) -> bool:
    """Say whether a city is where something happens to people ('a curfew in Algiers', 'blockade Paris'),
    which event coding reads as that state's civilians; 'talks in Geneva' stay a mention of the state."""
    root = span.root
    if root.dep_ not in ("pobj", "dobj") or (root.dep_ == "pobj" and root.head.lower_ == "by"):
        return False
    cues = ctx.lex.names["violence_cues"]
    return any(t.lemma_.lower() in cues or t.lower_ in cues for t in span.sent)


def find_registry(ctx: Context) -> None:
    """Turn the registry matches no other pass used into mentions of states, IGOs and seats of power."""
    for span, entry in _unique_registry(ctx):
        if not ctx.free(span.start, span.end):
            continue
        if entry.form == "capital" and _acts(span):  # "Moscow denied", "Washington's demands": the government
            ctx.add(Found(span.start, span.end, ctx.group_actor(entry, _GOVERNMENT), "registry:metonym", 0.75))
            continue
        ethnic = _after_ethnic(span)
        if entry.form == "demonym" and ethnic:  # "the country's ethnic Turkish minority": people of where they live
            ctx.add(Found(span.start, span.end, ctx.group_actor(entry, _PEOPLE), ETHNIC, 0.6, _PEOPLE.role))
            continue
        if entry.form == "people" and (_counted(span) or len(span) > 1):  # "Bosnian Serbs": a population
            ctx.add(Found(span.start, span.end, ctx.group_actor(entry, _PEOPLE), ETHNIC if ethnic else "role:people",
                          0.7, _PEOPLE.role))
            continue
        if entry.form in ("capital", "place") and _place_of_people(ctx, span):
            rule = "registry:metonym" if entry.form == "capital" else "gazetteer:place"
            ctx.add(Found(span.start, span.end, ctx.group_actor(entry, _PEOPLE), rule, 0.5, None))
            continue
        rule, conf = {
            "capital": ("registry:metonym", 0.8), "seat": ("registry:metonym", 0.9),
            "demonym": ("registry:demonym", 0.7), "invented": ("invented:state", 0.7),
            "place": ("gazetteer:place", 0.6), "people": ("registry:people", 0.8),
        }.get(entry.form, ("registry", 0.95))
        ctx.add(Found(span.start, span.end, ctx.actor_from_entry(entry), rule, conf))


def find_named_orgs(ctx: Context) -> None:
    """Name organisations that start with a state word: 'Palestinian Islamic Jihad', 'Kenya Anti-Corruption
    Commission' are organisations of that state, not mentions of the state."""
    keywords: dict[str, str] = ctx.lex.names["org_keywords"]
    doc = ctx.doc
    headlines = headline_lines(ctx)
    for ent in doc.ents:
        if ent.label_ != "ORG" or in_headline(ent, headlines):
            continue
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        hit = ctx.registry.get(start)
        if hit is None or hit[0].start not in (start, ent.start) or hit[1].kind != "state" or hit[0].end >= ent.end:
            continue  # ent.start: the registry also lists 'the Kenya'
        rest = doc[hit[0].end:ent.end]
        if not any(t.is_title for t in rest) or any(t.i in ctx.registry or t.i in ctx.roles for t in rest):
            continue
        if not ctx.free(hit[0].start, ent.end):
            continue
        name = doc[start:ent.end].text
        actor_id = "org:" + slug(name)
        if actor_id not in ctx.actors:
            sector = next((keywords[w.lower_] for w in rest if w.lower_ in keywords), None)
            ctx.actors[actor_id] = Actor(actor_id, name, "organisation", hit[1].country, sector)
        ctx.add(Found(start, ent.end, actor_id, "ner:org+registry", 0.7))


def find_bare_groups(ctx: Context) -> None:
    """Keep group nouns with no stated state ('Shona rebels', 'protesters') as sector-only groups.

    Their country is unknown (null), but the sector is still what an event coder needs; the id is shared
    by every unaffiliated group of that sector, e.g. group:any-reb.
    """
    seen: set[int] = set()
    for rspan, role in ctx.roles.values():
        if rspan.start in seen or role.kind != "group" or not ctx.free(rspan.start, rspan.end):
            continue
        seen.add(rspan.start)
        if rspan[-1].tag_ not in ("NNS", "NNPS", "NN", "NNP"):
            continue
        rule = "role:group-unaffiliated"
        word = rspan[-1].lower_
        if word in ("people", "government"):
            # 'the government', '18 people' (killed) stand for the state the sentence is about: kept only if
            # the setting pass finds that state (resolve.place_by_setting drops them otherwise)
            if word == "people" and not any(c.dep_ in ("nummod", "quantmod", "amod") for c in rspan[-1].children):
                continue
            rule = SCENE_ONLY
        sector = role.sector
        leader = _leader_state(ctx, rspan) if sector == "GOV" else None
        if leader is not None:  # 'the Biden administration', 'the Putin regime': that leader's state
            entry = Entry(leader, ctx.lex.states.get(leader, leader), "state", leader, None, "leader", leader)
            ctx.add(Found(rspan.start, rspan.end, ctx.group_actor(entry, role), "role:leader-group", 0.7,
                          role.role))
            continue
        if rspan.start and _communal(ctx, ctx.doc[rspan.start - 1]):
            if sector in _ARMED:
                sector = "REB"
            elif sector == "GOV":  # 'Yoruba leaders', 'Jewish leaders': community elites, not a government
                sector = "ELI"
        ctx.add(Found(rspan.start, rspan.end, ctx.any_group(sector), rule, 0.4, role.role))


def _leader_state(ctx: Context, rspan: Span) -> str | None:
    """Return the state of a person named right before a government noun ('Biden administration'), if known."""
    if not rspan.start:
        return None
    tok = ctx.doc[rspan.start - 1]
    if tok.text in _POSSESSIVE and tok.i:
        tok = ctx.doc[tok.i - 1]
    found = next((f for f in ctx.found if f.start <= tok.i < f.end and f.actor_id.startswith("person:")), None)
    if found is None or tok.dep_ not in ("compound", "poss", "nmod"):
        return None
    return person_country(ctx, found.actor_id)


def _communal(ctx: Context, tok: Token) -> bool:
    """Say whether a modifier names a faith, ethnicity or movement rather than a state ('Moslem', 'Hutu')."""
    if tok.i in ctx.registry or not tok.is_title or tok.lower_ in _GENERIC_NORP:
        return False
    if tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].text == "-":
        return False  # 'Iranian-made drones'
    return tok.ent_type_ in ("NORP", "GPE") or tok.lower_ in ctx.lex.names["norp_stop"]  # GPE: unknown peoples


def find_named_bodies(ctx: Context) -> None:
    """Name outlets, parties and firms introduced by their kind: 'the opposition newspaper La Prensa', 'the
    daily Haaretz'. The kind gives the sector; a state word before it, the country."""
    doc = ctx.doc
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "GPE") or not ctx.free(ent.start, ent.end):
            continue
        hit = ctx.role_ending(ent.start)
        if hit is None or hit[1].kind != "body" or not doc[ent.start].text[:1].isupper():
            continue
        end = ent.end
        while end > ent.start + 1 and (doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVE):
            end -= 1
        name = doc[ent.start:end].text
        actor_id = "org:" + slug(name)
        if actor_id == "org:":
            continue
        first = _skip_back(ctx, hit[0].start)
        aff = ctx.registry_ending(first)
        ctx.taken.update(range(first, hit[0].end))  # 'opposition' in 'the opposition newspaper' describes it
        if actor_id not in ctx.actors:
            country = aff[1].country if aff and aff[1].kind == "state" else None
            ctx.actors[actor_id] = Actor(actor_id, name, "organisation", country, hit[1].sector)
        ctx.add(Found(ent.start, end, actor_id, "ner:org", 0.65))


def _skip_back(ctx: Context, i: int) -> int:
    """Move left over modifiers before a kind noun ('the opposition newspaper', 'the Sandinista daily')."""
    while i > 0 and ctx.doc[i - 1].is_lower and ctx.doc[i - 1].pos_ in ("NOUN", "ADJ") and \
            ctx.doc[i - 1].lower_ not in ("the", "a", "an"):
        i -= 1
    return i


def find_orgs(ctx: Context) -> None:
    """Turn ORG entities outside the registry into organisation actors, sector from their name's words."""
    keywords: dict[str, str] = ctx.lex.names["org_keywords"]
    doc = ctx.doc
    headlines = headline_lines(ctx)
    for ent in doc.ents:
        if ent.label_ != "ORG" or in_headline(ent, headlines):
            continue  # Title Case lines make NER call any capitalised phrase an ORG
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if start >= end or not ctx.free(start, end) or not doc[start].text[:1].isupper():
            continue
        name = doc[start:end].text
        actor_id = "org:" + slug(name)
        if actor_id == "org:":
            continue
        if actor_id not in ctx.actors:
            sector = next((keywords[w.lower_] for w in doc[start:end] if w.lower_ in keywords), None)
            ctx.actors[actor_id] = Actor(actor_id, name, "organisation", None, sector)
        ctx.add(Found(start, end, actor_id, "ner:org", 0.6))
