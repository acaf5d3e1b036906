"""Entry point of the actors stage: every mention of a political actor, resolved to a canonical actor.

The passes run in an order that encodes which evidence wins:
1. invented states ('Republic of Veska') and gazetteer places ('Donetsk') join the registry first, so later
   passes treat them like Russia;
2. persons: names with the title, affiliation and apposition stated beside them take their tokens first, so
   'U.S.' in 'U.S. Secretary of State Antony Blinken' is Blinken's affiliation, not a separate mention;
3. state groups and bodies ('Russian troops', 'the U.K. Ministry of Defense');
4. role nominals ('the secretary of state', 'a US official') point back to persons or to a state's group;
5. the registry matches still free become state, IGO and seat-of-power mentions; NER-only ORGs follow,
   then group nouns with no state at all ('rebels') as sector-only groups;
6. pronouns, since they need every person mention before them;
7. the setting last (setting.py): actors whose words name no state take the state their sentence is set in
   (titled persons, unaffiliated groups, domestic organisations, ethnic minorities), behind any stated
   affiliation and, for persons, behind the known office holders of persons.csv.

NER against the registry: a surface form the registry lists ('Nato', 'NATO', 'Kyiv') is resolved by the
registry whatever label the small model gave it, because the registry holds exact, curated forms while
the model's labels on lone capitalised words are unreliable ('Kyiv' PERSON, 'Blinken' GPE); NER decides
only what the registry does not know (new persons, organisations, places). See persons.py for the rules
between NER persons, registry words and surnames.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.actors.context import Context
from newsgraph.actors.coref import find_nominals, find_pronouns
from newsgraph.actors.groups import (
    ETHNIC,
    SCENE_ONLY,
    find_bare_groups,
    find_groups,
    find_invented,
    find_named_bodies,
    find_named_orgs,
    find_orgs,
    find_registry,
)
from newsgraph.actors.lexicon import Role, known_persons
from newsgraph.actors.persons import find_persons
from newsgraph.actors.places import find_places
from newsgraph.actors.setting import Setting
from newsgraph.records import Actor, ActorAnalysis, Article


def _person_actors(ctx: Context) -> None:
    """Build one Actor per person from what all its mentions said."""
    known_ids = known_persons()
    for pid, info in ctx.persons.items():
        known = known_ids.get(pid)
        role = info.roles.most_common(1)[0][0] if info.roles else None
        sector = info.sectors.most_common(1)[0][0] if info.sectors else (known.sector if known else None)
        country = info.countries.most_common(1)[0][0] if info.countries else None
        if country is None and known is not None:  # what the article says wins; then who they are; then the scene
            plover = ctx.lex.plover_of.get(known.country)
            # a national armed group's leader is of its state ('Sinwar' → PSE), an IGO's of the IGO ('Annan' → UN)
            country = plover if plover and plover not in _CLASS_CODES else known.country
        if country is None and info.scene:
            country = info.scene.most_common(1)[0][0]
        ctx.actors[pid] = Actor(pid, " ".join(info.parts), "person", country, sector, role, [])


# a bare name takes the article's leading state only from a story that names that state in this many sentences:
# one sentence naming a state says nothing of who the others in it are ("Russia granted asylum to Snowden").
# Chosen on the real-news development sets of bench events (web source accuracy 0.430 -> 0.490 at 2 or 1, 0.463
# at 3; news 0.418 -> 0.432 at all three), with no change on the single-sentence development data at 2.
BARE_NAME_SENTENCES = 2
_DOMESTIC = {"PTY", "MIL", "COP", "GOV", "JUD", "LEG", "REB", "OPP", "LAB", "MED"}  # sectors of a state's own bodies


# seats of power whose bare name (a role of the role lexicon, as written) other states' bodies share
_BARE_SEATS = {"org:us-congress"}
_CLASS_CODES = {"IGO", "UNO", "EUR", "NGO", "IMG"}  # PLOVER codes that name a kind of actor, not a state
# troops and weapons named without a state may be the invader's as well as the defender's ('more forces
# towards Ukraine'): where they are says nothing of whose they are
_UNPLACED = {"group:any-mil", "group:any-prm"}


def place_by_setting(ctx: Context) -> None:
    """Give actors that name no country the country their sentence is set in (see setting.py).

    Persons keep it as a fallback behind any affiliation stated in another mention; groups of unknown state
    ('the rebels') become that state's group.
    """
    setting = Setting(ctx)
    foreign = {r.lower() for r in ctx.lex.names["foreign_roles"]}
    placed = []
    for found in ctx.found:
        placed.append(found)
        info = ctx.persons.get(found.actor_id)
        if found.role and found.role.lower() in foreign:
            continue  # 'diplomats met in Geneva' are no Swiss diplomats
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in ctx.doc[found.end - 1].children):
            continue  # 'his troops', 'its forces', 'our experts': the owner is elsewhere, not the scene
        if info is not None:
            # a titled person ("President Banda") is read as of the scene; a bare name may be anyone, so only the
            # article's clear leader places it
            if info.roles and not info.countries and not (set(map(str.lower, info.roles)) & foreign) and \
                    (country := setting.country_at(found.start)):
                info.scene[country] += 1
            elif not info.roles and not info.countries and (country := setting.leader(sentences=BARE_NAME_SENTENCES)):
                info.scene[country] += 1  # a bare name in a story of one country: of that country, at last resort
        elif found.actor_id.startswith("group:any-") and found.actor_id not in _UNPLACED:
            country = setting.country_at(found.start)
            if country is not None:
                any_group = ctx.actors[found.actor_id]
                role = Role(found.role.lower() if found.role else "", any_group.sector or "", "group",
                            found.role or "")
                found.actor_id = ctx.group_actor(ctx.state_entry(country), role)
                found.rule += "+setting"
                found.confidence *= 0.8
            elif found.rule == SCENE_ONLY:
                placed.pop()
        elif found.actor_id in _BARE_SEATS and (body := ctx.lex.roles.get(ctx.doc[found.start:found.end].text.lower())):
            # a bare "Congress" (a body any state may have) in a sentence set in Lima is Peru's, not the U.S. one
            country = setting.country_at(found.start, sentence_only=True)
            if country is not None and country != ctx.actors[found.actor_id].country:
                found.actor_id = ctx.body_actor(ctx.state_entry(country), body)
                found.rule += "+setting"
        elif found.rule == "ner:org":
            org = ctx.actors[found.actor_id]
            if org.country is None and org.sector in _DOMESTIC and (country := setting.country_at(found.start)):
                org.country = country  # 'the Umma party', 'the Federal Police': a body of the state at hand
        elif found.rule == ETHNIC:  # 'ethnic Albanians demonstrated in Serbia': Serbia's civilians
            own = ctx.actors[found.actor_id].country
            country = setting.country_at(found.start, exclude=own)
            if country is not None:
                found.actor_id = ctx.group_actor(ctx.state_entry(country), Role("people", "CVL", "group", "People"))
                found.rule += "+setting"
    ctx.found = placed


def find_actors(article: Article, doc: Doc) -> ActorAnalysis:
    """Return the actors mentioned in ``doc`` and each mention's resolution."""
    ctx = Context(article, doc)
    find_invented(ctx)
    find_places(ctx)
    find_persons(ctx)
    find_named_bodies(ctx)
    find_groups(ctx)
    find_nominals(ctx)
    find_named_orgs(ctx)
    find_registry(ctx)
    find_orgs(ctx)
    find_bare_groups(ctx)
    find_pronouns(ctx)
    place_by_setting(ctx)
    _person_actors(ctx)  # last: nominals may add a role learnt from a lede ('The US Secretary of State')
    return ctx.analysis()
