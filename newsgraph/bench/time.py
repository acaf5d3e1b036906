"""`newsgraph bench time`: TempEval-3 timex extents and TIMEX3 values.

Reads ``time/tempeval3.tar.xz`` directly (nothing is extracted): split ``test`` (default) is
TE3-Platinum (20 docs, held out), ``dev`` is TBAQ-cleaned (TimeBank + AQUAINT, 256 docs). Each
document's creation time (DCT) is given; timexes inside ``<TEXT>`` are scored like TempEval-3:
relaxed extent match (overlap, one-to-one), value accuracy = exact value string on matched timexes,
value F1 = value accuracy x relaxed F1 (the headline figure).

It also scores article dating: ``dating_page_kept`` is the share of documents whose real-date estimate,
given the DCT as page date, keeps it (a re-post false alarm lowers it; a dateline one day earlier, the
wires' convention, counts as kept).
"""

from __future__ import annotations

import html
import re
import tarfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import BenchmarkDataError

DESCRIPTION = "TempEval-3 timex extent P/R/F1 and TIMEX3 value F1 (test: TE3-Platinum, dev: TBAQ-cleaned)"

_SPLITS = {"test": ("te3-platinum/",), "dev": ("tbaq-cleaned/TimeBank/", "tbaq-cleaned/AQUAINT/")}
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    """One gold TIMEX3 inside <TEXT>: char offsets into the plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""


@dataclass
class GoldEvent:
    """One gold EVENT inside <TEXT> and the values of the timexes it happened within (TLINK IS_INCLUDED)."""

    start: int
    end: int
    text: str
    pos: str = ""
    within: list[str] = field(default_factory=list)


@dataclass
class GoldDoc:
    """A TimeML document reduced to its plain text, DCT, gold timexes and gold events."""

    name: str
    dct: date
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)


def parse_timeml(name: str, xml: str) -> GoldDoc:
    """Return the plain <TEXT> of a TimeML file with its DCT and gold timexes (offsets into that text)."""
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", xml, re.S)
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
    if not dct_m or not body_m:
        raise BenchmarkDataError(f"{name}: no DCT or TEXT")
    dct = date.fromisoformat(dct_m.group(1))
    out: list[str] = []
    length = 0
    opened: dict[str, tuple[int, dict[str, str]]] = {}
    timexes: list[GoldTimex] = []
    events: dict[str, GoldEvent] = {}
    pos = 0
    body = body_m.group(1)
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        tag = m.group(2)
        if tag not in ("TIMEX3", "EVENT"):
            continue
        if not m.group(1):
            opened[tag] = (length, dict(_ATTR.findall(m.group(3))))
        elif tag in opened:
            start, attrs = opened.pop(tag)
            text = "".join(out)[start:length]
            if tag == "TIMEX3":
                timexes.append(GoldTimex(start, length, text, attrs.get("type", ""), attrs.get("value", ""),
                                         attrs.get("tid", "")))
            else:
                events[attrs.get("eid", "")] = GoldEvent(start, length, text)
    out.append(html.unescape(body[pos:]))
    _link_events(xml, events, {t.tid: t.value for t in timexes} | {"t0": dct.isoformat()})
    return GoldDoc(name, dct, "".join(out), timexes, list(events.values()))


def _link_events(xml: str, events: dict[str, GoldEvent], values: dict[str, str]) -> None:
    """Give each event its part of speech and the values of the timexes a TLINK puts it within."""
    instances: dict[str, str] = {}
    for m in re.finditer(r"<MAKEINSTANCE([^>]*)>", xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        instances[attrs.get("eiid", "")] = attrs.get("eventID", "")
        if (event := events.get(attrs.get("eventID", ""))) is not None:
            event.pos = attrs.get("pos", "")
    for m in re.finditer(r"<TLINK([^>]*)>", xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        event = events.get(instances.get(attrs.get("eventInstanceID", ""), ""))
        value = values.get(attrs.get("relatedToTime", ""))
        if event is not None and value and attrs.get("relType") == "IS_INCLUDED":
            event.within.append(value)


def load_split(data: Path, split: str = "test", limit: int | None = None) -> list[GoldDoc]:
    """Return the gold documents of ``split`` read from the tarball."""
    if split not in _SPLITS:
        raise BenchmarkDataError(f"unknown split {split!r}: choose one of {', '.join(_SPLITS)}")
    archive = data / "time" / "tempeval3.tar.xz"
    if not archive.is_file():
        raise BenchmarkDataError(f"missing {archive}")
    docs: list[GoldDoc] = []
    with tarfile.open(archive) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.name.endswith(".tml") or not member.name.startswith(_SPLITS[split]):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            docs.append(parse_timeml(member.name, handle.read().decode("utf-8")))
            if limit and len(docs) >= limit:
                break
    return docs


def match_relaxed(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return one-to-one (gold index, system index) pairs whose extents overlap, in text order."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, (gs, ge) in enumerate(gold):
        best, best_overlap = -1, 0
        for si, (ss, se) in enumerate(system):
            overlap = min(ge, se) - max(gs, ss)
            if si not in used and overlap > best_overlap:
                best, best_overlap = si, overlap
        if best >= 0:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def score(docs: list[GoldDoc], verbose: bool = False) -> dict[str, Any]:
    """Tag every document and return TempEval-3 style figures."""
    from newsgraph.temporal.dating import estimate
    from newsgraph.temporal.tagger import tag

    n_gold = n_sys = n_match = n_value = n_type = 0
    kept = 0
    elapsed = 0.0
    for doc in docs:
        started = time.perf_counter()
        found = tag(doc.text, doc.dct)
        elapsed += time.perf_counter() - started
        pairs = match_relaxed([(g.start, g.end) for g in doc.timexes], [(t.start, t.end) for t in found])
        n_gold, n_sys, n_match = n_gold + len(doc.timexes), n_sys + len(found), n_match + len(pairs)
        for gi, si in pairs:
            n_value += doc.timexes[gi].value == found[si].value
            n_type += doc.timexes[gi].type == found[si].type
        if verbose:
            _explain(doc, found, pairs)
        given = estimate(doc.text, doc.dct.isoformat(), found)
        kept += given.anchor is not None and 0 <= (doc.dct - given.anchor).days <= 1
    precision = n_match / n_sys if n_sys else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    value_acc = n_value / n_match if n_match else 0.0
    return {
        "docs": len(docs),
        "gold_timexes": n_gold,
        "system_timexes": n_sys,
        "relaxed_precision": precision,
        "relaxed_recall": recall,
        "relaxed_f1": f1,
        "type_accuracy": n_type / n_match if n_match else 0.0,
        "value_accuracy": value_acc,
        "value_f1": value_acc * f1,
        "ms_per_doc": 1000 * elapsed / len(docs) if docs else 0.0,
        "dating_page_kept": kept / len(docs) if docs else 0.0,
    }


def _explain(doc: GoldDoc, found: list[Any], pairs: list[tuple[int, int]]) -> None:
    """Print misses, false alarms and wrong values of one document (development aid)."""
    matched_g = {g for g, _ in pairs}
    matched_s = {s for _, s in pairs}
    for gi, si in pairs:
        g, s = doc.timexes[gi], found[si]
        if g.value != s.value:
            print(f"VAL  {doc.name} dct={doc.dct} {g.text!r}={g.value} | {s.text!r}={s.value} ({s.rule})")
    for gi, g in enumerate(doc.timexes):
        if gi not in matched_g:
            ctx = doc.text[max(0, g.start - 40):g.end + 30].replace("\n", " ")
            print(f"MISS {doc.name} dct={doc.dct} {g.text!r}={g.value} [{ctx}]")
    for si, s in enumerate(found):
        if si not in matched_s:
            ctx = doc.text[max(0, s.start - 40):s.end + 30].replace("\n", " ")
            print(f"FA   {doc.name} {s.text!r}={s.value} ({s.rule}) [{ctx}]")


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, Any]:
    """Score the temporal tagger on ``split`` (default: the held-out TE3-Platinum)."""
    return {"split": split or "test", **score(load_split(data, split or "test", limit))}
