"""Persons learnt from the text: names, the role and affiliation stated beside them, and name variants.

Which wins when NER and the registry disagree (the small model tags "Kyiv" PERSON and "Blinken" GPE):
1. A registry surface form wins over a one-word PERSON entity: the registry lists exact forms of states,
   capitals and IGOs, while the small model's PERSON label on a lone capitalised word is often wrong.
2. A multi-word PERSON entity wins over a registry match inside it ("Jordan Peterson"): the name is more
   specific than the lone word.
3. A word equal to the surname of a person named in full elsewhere in the article is that person, whatever
   NER called it: a surname reused in one article almost never switches referent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.actors.context import Context, Found, PersonInfo
from newsgraph.actors.firstnames import first_name_gender
from newsgraph.actors.lexicon import Entry, Role, known_persons
from newsgraph.actors.names import name_parts, part_key, person_id
from newsgraph.nlp import doc_text

_POSSESSIVE = {"'s", "’s", "'", "’"}
_NAME_LABELS = {"PERSON"}
_MISLABELS = {"GPE", "ORG", "NORP", "LOC", "FAC"}


@dataclass
class Stated:
    """A role and affiliation stated next to a person name."""

    role: Role | None = None
    entry: Entry | None = None
    former: bool = False
    gender: str | None = None


def _name_spans(ctx: Context) -> list[Span]:
    """Return candidate person-name spans: PERSON entities, and mislabelled names right after a title."""
    out = []
    honorifics = ctx.lex.names["honorifics"]
    headlines = headline_lines(ctx)
    for ent in ctx.doc.ents:
        span = _trim(ctx, ent)
        if span is None or in_headline(span, headlines) or span.text.lower() in ctx.lex.names["norp_stop"]:
            continue  # Title Case lines fool NER ('Blinken Urges Putin To Choose'): only the surname sweep reads them
        if ent.label_ in _NAME_LABELS:
            if all(i in ctx.registry and ctx.registry[i][1].form != "place" for i in range(span.start, span.end)):
                continue  # rule 1: registry wins over a PERSON made only of registry words ('Kyiv', 'Sri Lanka')
            if (body := ctx.role_ending(span.start)) is not None and body[1].kind == "body":
                continue  # 'the newspaper La Prensa': an outlet or firm named after its kind (groups.find_named_bodies)
            out.append(span)
        elif ent.label_ in _MISLABELS and span.start not in ctx.registry:
            before = ctx.doc[span.start - 1] if span.start else None
            title = ctx.role_ending(span.start)
            titled = title is not None and title[1].kind == "person"
            known = person_id(name_parts(span.text)) in known_persons()  # 'Trump' tagged ORG
            if titled or known or (before is not None and before.lower_ in honorifics) or \
                    _acts_like_person(ctx, span):
                out.append(span)
    return [_extend(ctx, s) for s in out]


def headline_lines(ctx: Context) -> list[tuple[int, int]]:
    """Return the character ranges of Title Case lines without final punctuation (headlines, link lists)."""
    spans = []
    pos = 0
    for line in doc_text(ctx.doc).split("\n"):
        words = [w.strip("'\"‘’“”") for w in line.split()]
        words = [w for w in words if w[:1].isalpha() and len(w) > 3]
        title = sum(w[:1].isupper() for w in words)
        if len(words) >= 3 and title >= 0.75 * len(words) and not line.rstrip().endswith((".", "!", "?", "\"", "”")):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def in_headline(span: Span, lines: list[tuple[int, int]]) -> bool:
    """Say whether a span starts inside one of the headline ``lines``."""
    return any(a <= span.start_char < b for a, b in lines)


def _acts_like_person(ctx: Context, span: Span) -> bool:
    """Say whether a one-word non-acronym entity is the subject of a verb only people do ('Lavrov said')."""
    tok = span.root
    if len(span) != 1 or tok.is_upper or any(w.lower_ in ctx.lex.names["org_keywords"] for w in span):
        return False
    return tok.dep_ == "nsubj" and tok.head.lemma_ in ctx.lex.names["human_verbs"]


def _extend(ctx: Context, span: Span) -> Span:
    """Grow a name over neighbouring capitalised proper nouns NER left out ('Valerii' of 'Valerii Zaluzhnyi')."""
    doc, start, end = ctx.doc, span.start, span.end

    def namelike(i: int) -> bool:
        tok = doc[i]
        return (tok.pos_ == "PROPN" and tok.is_title and i not in ctx.registry and i not in ctx.roles
                and tok.lower_ not in ctx.lex.names["honorifics"] and tok.ent_type_ not in ("ORG", "GPE", "DATE"))

    while start > max(span.sent.start, span.start - 2) and namelike(start - 1) \
            and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    while end < min(span.sent.end, span.end + 2) and namelike(end) and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return doc[start:end]


def _trim(ctx: Context, ent: Span) -> Span | None:
    """Strip titles, honorifics and a possessive ending from an entity span."""
    start, end = ent.start, ent.end
    honorifics = ctx.lex.names["honorifics"]
    doc = ctx.doc
    nouns = ctx.lex.names["human_nouns"]
    while start < end and (doc[start].lower_ in honorifics or (start in ctx.roles and start not in ctx.registry)
                           or doc[start].is_punct or doc[start].lower_ in nouns or doc[start].lower_ == "the"):
        start += 1
    for i in range(start, end):  # a name never spans a line break ("Vladimir Putin\n- Kyiv")
        inner = doc[i].text == "-" and not doc[i].whitespace_ and i > start and not doc[i - 1].whitespace_
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_ or (doc[i].is_punct and doc[i].text != "." and not inner):
            end = i + 1 if "\n" in doc[i].whitespace_ and not doc[i].is_punct else i
            break
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end or not doc[start].text[:1].isupper():
        return None
    return doc[start:end]


def _left_context(ctx: Context, start: int) -> tuple[Stated, int]:
    """Read 'U.S. Secretary of State' / 'Kremlin spokesman' / 'Mr.' before a name; return it and its start."""
    doc, names = ctx.doc, ctx.lex.names
    stated = Stated()
    i = start
    if i > 0 and doc[i - 1].lower_ in names["honorifics"]:
        stated.gender = names["honorifics"][doc[i - 1].lower_]
        i -= 1
    while (hit := ctx.role_ending(i)) and hit[1].kind == "person":
        if stated.role is None:
            stated.role = hit[1]
        i = hit[0].start
    if stated.role is None:
        return _bare_demonym(ctx, stated, i), start
    i = _skip_modifiers(ctx, i, stated)
    aff = _affiliation_before(ctx, i)
    if aff:
        stated.entry = aff[0]
        i = aff[1]
    return stated, i


def _bare_demonym(ctx: Context, stated: Stated, i: int) -> Stated:
    """Read 'Israeli right-winger Ariel Sharon': a demonym a few lowercase words before a name is its country."""
    doc = ctx.doc
    j = i
    while j > 0 and i - j < 3 and (doc[j - 1].is_lower or doc[j - 1].text == "-") and doc[j - 1].pos_ in (
            "NOUN", "ADJ", "PUNCT"):
        j -= 1
    hit = ctx.registry_ending(j)
    if hit is not None and hit[1].form == "demonym":
        stated.entry = hit[1]
        ctx.taken.update(range(hit[0].start, hit[0].end))
    return stated


def _skip_modifiers(ctx: Context, i: int, stated: Stated) -> int:
    """Move left over 'top', 'senior', 'former', '-appointed'… between an affiliation and a role."""
    doc, names = ctx.doc, ctx.lex.names
    while i > 0:
        word = doc[i - 1].lower_
        if word in names["former_markers"]:
            stated.former = True
        elif word not in names["role_modifiers"] and word not in ("-", "appointed", "backed", "installed"):
            break
        i -= 1
    return i


def _affiliation_before(ctx: Context, i: int) -> tuple[Entry, int] | None:
    """Return the registry entry ending at token ``i`` ('U.S.', 'Russia's', 'Moscow-appointed') and its start.

    Up to three portfolio words may stand between ('Serbian Labour Minister', 'Planning and Investment
    Minister'): titles name a ministry the lexicon cannot list in full.
    """
    doc = ctx.doc
    for skip in range(4):
        j = i - skip
        if skip and (j < 0 or not (doc[j].is_title or doc[j].lower_ == "and") or j in ctx.registry):
            break
        if j > 0 and doc[j - 1].text in _POSSESSIVE:
            hit = ctx.registry_ending(j - 1)
        else:
            hit = ctx.registry_ending(j)
        if hit is not None:
            return hit[1], hit[0].start
    return None


def _chunk_context(ctx: Context, a: int, b: int) -> Stated | None:
    """Read the role and affiliation of a comma-delimited noun phrase [a, b) next to a name."""
    doc = ctx.doc
    if b <= a or b - a > 14:
        return None
    words = {t.lower_ for t in doc[a:b]}
    stop = {"who", "which", "said", "says", "told", "whose", "and"}
    if words & stop or any(t.tag_ in ("VBZ", "VBP", "MD") for t in doc[a:b]):
        return None
    best: tuple[Span, Role] | None = None
    for i in range(a, b):
        hit = ctx.roles.get(i)
        if hit and hit[1].kind == "person" and hit[0].end <= b:
            best = hit
            break
    if best is None:
        return None
    stated = Stated(role=best[1])
    aff = _affiliation_before(ctx, _skip_modifiers(ctx, best[0].start, stated))
    if aff is None:  # "the governor of Ukraine's Donetsk province": affiliation after 'of'
        for i in range(best[0].end, b):
            reg = ctx.registry.get(i)
            if reg and reg[0].start == i and i not in ctx.taken and doc[i - 1].lower_ in ("of", "for"):
                aff = (reg[1], i)
                break
    if aff:
        stated.entry = aff[0]
    stated.former = stated.former or bool(words & set(ctx.lex.names["former_markers"]))
    _take_affiliation(ctx, stated, (a, b))
    ctx.taken.update(range(a, best[0].end))  # the appositive describes this person: no separate nominal mention
    return stated


def _boundary(tok: Token) -> bool:
    """Say whether a token ends an appositive chunk."""
    return (tok.is_punct and tok.text not in ("-", "'", "’", ".")) or "\n" in tok.text


def _appositive(ctx: Context, name: Span) -> Stated | None:
    """Read 'Peskov, the Kremlin spokesman,' or 'Russia's foreign minister, Sergei Lavrov'."""
    doc = ctx.doc
    sent = name.sent
    if name.end < sent.end - 1 and doc[name.end].text == ",":
        a = b = name.end + 1
        while b < sent.end and not _boundary(doc[b]):
            b += 1
        if b < len(doc) and doc[b].text in (",", ".", ";", ")", "—"):
            got = _chunk_context(ctx, a, b)
            if got:
                return got
    if name.start - 1 > sent.start and doc[name.start - 1].text == ",":
        a = b = name.start - 1
        while a > sent.start and not _boundary(doc[a - 1]):
            a -= 1
        return _chunk_context(ctx, a, b)
    return None


def _take_affiliation(ctx: Context, stated: Stated, bounds: tuple[int, int]) -> None:
    """Mark the affiliation's tokens inside an appositive as used, so it is not also a bare mention."""
    if stated.entry is None:
        return
    for i in range(*bounds):
        hit = ctx.registry.get(i)
        if hit and hit[1] is stated.entry:
            ctx.taken.update(range(hit[0].start, hit[0].end))
            return


def person_country(ctx: Context, pid: str) -> str | None:
    """Return the country the article gives a person, else the one the person is known for."""
    info = ctx.persons.get(pid)
    if info is not None and info.countries:
        return info.countries.most_common(1)[0][0]
    known = known_persons().get(pid)
    return known.country if known else None


def _gender_of_role(ctx: Context, role: Role | None) -> str | None:
    """Return the gender a role word implies ('spokeswoman' → f)."""
    if role is None:
        return None
    gendered: dict[str, str] = ctx.lex.names["gendered_roles"]
    return gendered.get(role.phrase.split()[-1])


def _record(ctx: Context, pid: str, parts: list[str], stated: Stated, surface: str) -> str | None:
    """Accumulate what a mention says about a person; return the role stated there."""
    info = ctx.persons.setdefault(pid, PersonInfo(parts=parts))
    if len(parts) > len(info.parts):
        info.parts = parts
    if surface not in info.aliases:
        info.aliases.append(surface)
    role_text = None
    if stated.role is not None:
        role_text = ("Former " + stated.role.role) if stated.former and not stated.role.role.startswith("Former") \
            else stated.role.role
        info.roles[role_text] += 1
        info.sectors["ELI" if stated.former else stated.role.sector] += 1
    if stated.entry is not None and stated.entry.country:
        info.countries[stated.entry.country] += 1
    gender = stated.gender or _gender_of_role(ctx, stated.role)
    if gender and info.gender is None:
        info.gender = gender
    if info.gender is None and len(info.parts) >= 2:  # a full name: its first name, when clearly gendered
        info.gender = first_name_gender(info.parts[0])
    return role_text


def find_persons(ctx: Context) -> None:
    """Find person names, resolve variants to one id per person, and record roles and affiliations."""
    spans = _name_spans(ctx)
    full = [s for s in spans if len(name_parts(s.text)) >= 2]
    counts = Counter((person_id(parts), part_key(parts[-1])) for parts in (name_parts(s.text) for s in full))
    surname_ids: dict[str, str] = {}
    for (pid, surname), _ in counts.most_common():  # the full name seen most often owns its surname
        surname_ids.setdefault(surname, pid)
    for span in sorted(spans, key=lambda s: s.start):
        if not ctx.free(span.start, span.end):
            continue
        parts = name_parts(span.text)
        if not parts:
            continue
        if len(parts) >= 2:
            pid, rule = person_id(parts), "ner"
            owner = surname_ids.get(part_key(parts[-1]))
            if owner and owner != pid and span.start == span.sent.start and len(parts) == 2:
                pid, rule = owner, "alias:surname"  # 'Overnight Shoigu': a capitalised first word is no first name
        else:
            key = part_key(parts[0])
            pid, rule = (surname_ids[key], "alias:surname") if key in surname_ids else (person_id(parts), "ner")
        _add_person(ctx, span, pid, parts if len(parts) >= 2 else parts, rule)
    _surname_sweep(ctx, surname_ids)
    _known_sweep(ctx)


def _known_sweep(ctx: Context) -> None:
    """Catch well-known persons NER missed ('Erdogan said'): a free capitalised word listed in persons.csv."""
    known = known_persons()
    for tok in ctx.doc:
        if tok.i in ctx.taken or tok.i in ctx.registry or not tok.is_title or len(tok) < 4:
            continue
        # the small model tags a sentence-opening name NOUN ("Zelenskyy urged"): a speaking subject is a name
        if tok.pos_ != "PROPN" and not _acts_like_person(ctx, ctx.doc[tok.i:tok.i + 1]):
            continue
        pid = person_id([tok.text])
        if pid in known:
            _add_person(ctx, ctx.doc[tok.i:tok.i + 1], pid, [tok.text], "ner")


def _add_person(ctx: Context, span: Span, pid: str, parts: list[str], rule: str) -> None:
    """Read the context of one person-name mention and keep it."""
    stated, left = _left_context(ctx, span.start)
    if stated.role is None:
        stated = _appositive(ctx, span) or stated
        left = span.start
    else:
        ctx.taken.update(range(left, span.start))  # the title and affiliation belong to this mention
    role_text = _record(ctx, pid, parts, stated, span.text)
    if role_text and rule == "ner":
        rule = "ner+role"
    conf = {"ner": 0.75, "ner+role": 0.9, "alias:surname": 0.85}.get(rule, 0.8)
    ctx.add(Found(span.start, span.end, pid, rule, conf, role_text))


def _surname_sweep(ctx: Context, surname_ids: dict[str, str]) -> None:
    """Catch surnames NER missed or mislabelled ('Blinken' as GPE) once the full name is known."""
    for tok in ctx.doc:
        if tok.i in ctx.taken or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB"):
            continue
        key = part_key(tok.text)
        if key in surname_ids and len(key) > 2:
            if tok.i in ctx.registry and ctx.registry[tok.i][1].form != "place":
                continue  # a registry word equal to a surname keeps the registry reading; a town does not
            _add_person(ctx, ctx.doc[tok.i:tok.i + 1], surname_ids[key], [tok.text], "alias:surname")
