"""Within-article coreference by rules: role nominals ('the secretary of state', 'a US official') and
pronouns ('he said') resolved to the most recent compatible person.

Measured alternative: coreferee needs a separately downloaded model and pins older spaCy versions, so it
is not used; these rules run in linear time over the mentions already found.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Token

from newsgraph.actors.context import Context, Found
from newsgraph.actors.groups import SCENE_ONLY
from newsgraph.actors.lexicon import Role, known_persons
from newsgraph.actors.persons import Stated, _affiliation_before, _skip_modifiers, person_country
from newsgraph.nlp import doc_text

_QUOTED = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")
_DETERMINERS = {"the", "a", "an", "this", "that"}


def _is_person(found: Found) -> bool:
    """Say whether a mention can be the antecedent of a personal pronoun."""
    return found.actor_id.startswith("person:") or found.rule == "role:anonymous"


def _role_matches(want: Role, have: str | None) -> bool:
    """Say whether a nominal's role names the role a person holds ('the secretary' ~ 'Secretary of State')."""
    if not have:
        return False
    have_l = have.lower().removeprefix("former ")
    return have_l == want.role.lower() or have_l.split()[0] == want.phrase.split()[-1] or \
        have_l.split()[-1] == want.phrase.split()[-1]


def _person_role(ctx: Context, found: Found) -> tuple[set[str], str | None]:
    """Return the roles and country known for the actor of a mention."""
    info = ctx.persons.get(found.actor_id)
    if info is not None:
        known = known_persons().get(found.actor_id)
        # an office the article never states is the one the person is known for ('the Russian foreign
        # minister' after 'his Russian counterpart Sergei Lavrov')
        roles = set(info.roles) or ({known.role} if known and known.role else set())
        return roles, person_country(ctx, found.actor_id)
    actor = ctx.actors.get(found.actor_id)
    return ({found.role} if found.role else set()), (actor.country if actor else None)


def find_nominals(ctx: Context) -> None:
    """Resolve person-role noun phrases without a name to a person named earlier, or to a state's group."""
    doc = ctx.doc
    seen: set[int] = set()
    for i in range(len(doc)):
        hit = ctx.roles.get(i)
        if hit is None or hit[0].start in seen or hit[1].kind != "person":
            continue
        rspan, role = hit
        seen.add(rspan.start)
        if not ctx.free(rspan.start, rspan.end) or doc[rspan.end - 1].tag_ in ("NNS", "NNPS"):
            continue
        if rspan.end < len(doc) and doc[rspan.end].pos_ == "PROPN" and doc[rspan.end].is_title:
            continue  # a title before a name the person pass did not take
        stated = Stated(role=role)
        first = _skip_modifiers(ctx, rspan.start, stated)
        aff = _affiliation_before(ctx, first)
        if aff is not None:
            stated.entry, first = aff
            first = _skip_modifiers(ctx, first, stated)  # "the top US diplomat"
        det = doc[first - 1].lower_ if first > 0 else ""
        if det not in _DETERMINERS and stated.entry is None:
            continue
        if det in _DETERMINERS:
            first -= 1
        _resolve_nominal(ctx, stated, first, rspan.end, det)


def _resolve_nominal(ctx: Context, stated: Stated, start: int, end: int, det: str) -> None:
    """Pick the antecedent of one nominal, or make it an anonymous member of its state's group."""
    role = stated.role
    assert role is not None
    country = stated.entry.country if stated.entry else None
    if det not in ("a", "an"):
        # only a definite 'the American diplomat' may point back to a differently titled person
        generic = role.phrase in ctx.lex.names["nominal_heads"] and det in ("the", "this", "that")
        same, exact, loose = None, None, None
        for found in sorted(ctx.found, key=lambda f: f.start, reverse=True):
            if found.start >= start or not _is_person(found):
                continue
            roles, have_country = _person_role(ctx, found)
            if country and country != have_country:
                continue
            # the same office ('foreign minister') beats a nearer holder of a kindred one ('defence minister')
            if same is None and any(r.lower().removeprefix("former ") == role.role.lower() for r in roles):
                same = found
            if exact is None and any(_role_matches(role, r) for r in roles):
                exact = found
            if loose is None and generic and country and have_country == country and found.kind == "named":
                loose = found
        exact = same or exact
        target = exact or loose
        if target is not None:
            rule = "alias:role" if target is exact else "alias:role-generic"
            ctx.add(Found(start, end, target.actor_id, rule, 0.7 if target is exact else 0.55, role.role, "nominal"))
            return
        if _cataphora(ctx, stated, start, end):
            return
    if stated.entry is not None:
        actor_id = ctx.group_actor(stated.entry, role)
        ctx.add(Found(start, end, actor_id, "role:anonymous", 0.6, role.role, "nominal"))
    elif det in ("the", "a", "an") and role.phrase in ctx.lex.names["nominal_heads"]:
        # 'the official said' with nobody to point back to: still a speaker, of known sector, unknown state
        ctx.add(Found(start, end, ctx.any_group(role.sector), "role:anonymous", 0.3, role.role, "nominal"))
    elif det == "the":
        # 'the finance minister said' with no holder named: the minister of the state the sentence is about,
        # kept only if the setting pass finds that state
        ctx.add(Found(start, end, ctx.any_group(role.sector), SCENE_ONLY, 0.3, role.role, "nominal"))


def _cataphora(ctx: Context, stated: Stated, start: int, end: int) -> bool:
    """Resolve a lede's 'The US Secretary of State …' to the person named next ('Antony Blinken …').

    News writing introduces a person by title and names them in the following sentence; only a specific
    title (not 'the official') with no earlier holder is read this way, and the name must not already
    hold another role.
    """
    role = stated.role
    if role is None or role.phrase in ctx.lex.names["nominal_heads"] and stated.entry is None:
        return False
    sents = list(ctx.doc[start].sent.doc.sents)
    here = next(k for k, s in enumerate(sents) if s.start <= start < s.end)
    limit = sents[min(here + 1, len(sents) - 1)].end
    for found in sorted(ctx.found, key=lambda f: f.start):
        if found.start < end or found.start >= limit or not found.actor_id.startswith("person:"):
            continue
        info = ctx.persons[found.actor_id]
        if info.roles and role.role not in info.roles:
            continue  # holds another title: someone else
        stated_country = stated.entry.country if stated.entry is not None else None
        if stated_country and _person_role(ctx, found)[1] not in (None, stated_country):
            continue  # "Mali's interim president … spoke with Russian President Vladimir Putin": not Putin
        info.roles[role.role] += 1
        info.sectors[role.sector] += 1
        if stated.entry is not None and stated.entry.country:
            info.countries[stated.entry.country] += 1
        ctx.add(Found(start, end, found.actor_id, "alias:role-cataphora", 0.6, role.role, "nominal"))
        return True
    return False


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the character spans of quoted passages."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _inside(spans: list[tuple[int, int]], char: int) -> bool:
    """Say whether offset ``char`` lies inside one of the sorted ``spans``."""
    k = bisect_left(spans, (char + 1, 0)) - 1
    return k >= 0 and spans[k][0] <= char < spans[k][1]


def find_pronouns(ctx: Context) -> None:
    """Resolve he/she/his/her to the most recent compatible person (subjects preferred across sentences)."""
    doc = ctx.doc
    genders: dict[str, str] = ctx.lex.names["pronouns"]
    quotes = _quote_spans(doc_text(doc))
    sent_of = {}
    for k, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = k
    cands = sorted((f for f in ctx.found if _is_person(f)), key=lambda f: f.start)
    for tok in doc:
        gender = genders.get(tok.lower_)
        if gender is None or tok.i in ctx.taken:
            continue
        quoted = _inside(quotes, tok.idx)
        pick = _speaker_antecedent(ctx, cands, tok, sent_of, gender) if not quoted else None
        pick = pick or _antecedent(ctx, cands, tok.i, sent_of, gender, quoted, quotes)
        if pick is not None:
            info = ctx.persons.get(pick.actor_id)
            if info is not None and info.gender is None:
                info.gender = gender  # later pronouns of the other gender skip this person
            found = Found(tok.i, tok.i + 1, pick.actor_id, "coref:pronoun", 0.6, None, "pronoun")
            ctx.add(found)
            cands.append(found)
            cands.sort(key=lambda f: f.start)


def _is_speaker(ctx: Context, found: Found) -> bool:
    """Say whether a mention is the subject of a reporting verb ('Bryant said', 'he added')."""
    tok = ctx.doc[found.end - 1]
    return tok.dep_ == "nsubj" and tok.head.lemma_ in ctx.lex.names["human_verbs"]


def _speaker_antecedent(ctx: Context, cands: list[Found], tok: Token, sent_of: dict[int, int],
                        gender: str) -> Found | None:
    """Resolve a reporting 'he said' closing reported speech to the last speaker, not a person it mentions.

    In '… would require Putin to double his troops, he said.' the pronoun is the source of the report:
    the nearest earlier subject of a reporting verb (within three sentences) is preferred to 'Putin'.
    """
    if tok.dep_ != "nsubj" or tok.head.lemma_ not in ctx.lex.names["human_verbs"] or tok.head.i < tok.i:
        return None
    here = sent_of[tok.i]
    for found in reversed(cands):
        if found.start >= tok.i or sent_of[found.start] < here - 3:
            continue
        info = ctx.persons.get(found.actor_id)
        if info is not None and info.gender and info.gender != gender:
            continue
        if _is_speaker(ctx, found):
            return found
    return None


def _blocked(ctx: Context, start: int, end: int, gender: str) -> bool:
    """Say whether a person noun of the pronoun's gender lies between a candidate and the pronoun."""
    nouns: dict[str, str] = ctx.lex.names["human_nouns"]
    return any(nouns.get(t.lower_) == gender for t in ctx.doc[start:end])


def _antecedent(ctx: Context, cands: list[Found], i: int, sent_of: dict[int, int], gender: str, quoted: bool,
                quotes: list[tuple[int, int]]) -> Found | None:
    """Return the antecedent of the pronoun at token ``i``, looking back at most three sentences."""
    here = sent_of[i]
    best: Found | None = None
    for found in reversed(cands):
        if found.start >= i:
            continue
        where = sent_of[found.start]
        if where < here - 3 or (best is not None and where < sent_of[best.start]):
            break
        info = ctx.persons.get(found.actor_id)
        if info is not None and info.gender and info.gender != gender:
            continue
        if not quoted and _inside(quotes, ctx.doc[found.start].idx):
            continue  # a name inside a quote is rarely what 'he said' after it refers to
        if _blocked(ctx, found.end, i, gender):
            return None
        if where == here:
            return found  # same sentence: the nearest person before the pronoun
        if best is None or ctx.doc[found.start].dep_ in ("nsubj", "nsubjpass") or \
                ctx.doc[found.end - 1].dep_ in ("nsubj", "nsubjpass"):
            best = found
    return best
