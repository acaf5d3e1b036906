"""`newsgraph bench events`: PLOVER GSR (type, actor/recipient codes) and ConfliBERT CAMEO (penta macro-F1, S/T spans).

Splits: ``test`` (default) scores the held-out parts: PLOVER GSR lines with an odd index (the rules were
developed on the even lines) and the ConfliBERT CAMEO test split. ``dev`` scores the development parts:
GSR even lines, the ConfliBERT train split and the team's own written sentences (``data/events_written.tsv``:
wire-style sentences labelled by CAMEO2PLOVER, for phrasing the GSR lacks; ``written_*`` figures), and real
wire sentences of TimeBank/AQUAINT annotated without sight of the coder (``data/events_news.tsv``: offsets into
the TempEval-3 tarball; ``news_*`` figures: the main event's type and dyad where the annotators saw one, and
whether the coder finds an event at all, against the sentences they saw none in), and 1016 web news
sentences of about 2019 from the HTML benchmark's gold bodies (``data/events_web.tsv``, ``web_*`` figures), and
868 sentences of US political news of 2015-16 from the PolNeAR train split (the quotes benchmark uses only its
dev and test splits): ``data/events_politics.tsv`` (``politics_*``) was read for development,
``data/events_politics_unread.tsv`` (``politics_unread_*``) is only ever scored.
``all`` scores every GSR line and the CAMEO test split.
The sentence-level prediction is the coder's main event of the sentence (none → "statement"), mapped to the
CAMEO quad classes (see classifier.PENTA and code.penta_of). ``*_hybrid`` figures use the sentence classifier
(trained on the ConfliBERT train split only): its label is the sentence's class, and it picks the main event
among the rule candidates. A sentence's S span is its main event's source, else its speaker (the source of a
mere statement). Note: about 250 of the 451 CAMEO test sentences are GSR sentences (both halves), so work on
the GSR dev lines also touches the CAMEO test split; the penta classifier never sees GSR text.
The type classifier, which codes sentences no pattern matched in, is trained on the development data
(``type_training_rows``) less what is only scored: the GSR odd lines, the sister sentences B3–B4, the
paraphrases of round 4 and ``events_politics_unread.tsv``. Development figures of the other sets are thus
figures on its training data; ``gsr_patterns_*`` give the held-out figures of the patterns alone.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.actors import find_actors
from newsgraph.actors.lexicon import plover_country
from newsgraph.bench._shingles import ground_truth
from newsgraph.bench.quotes import load_split as load_polnear
from newsgraph.bench.time import load_split
from newsgraph.errors import BenchmarkDataError
from newsgraph.events.arguments import ArgActor
from newsgraph.events.classifier import MODEL as MODEL_FILE
from newsgraph.events.classifier import TYPE_MODEL as TYPE_MODEL_FILE
from newsgraph.events.classifier import fit, load_model, load_type_model
from newsgraph.events.code import Candidate, code_sentences, penta_of, speaker_span
from newsgraph.events.emit import dyads
from newsgraph.events.places import load_gazetteer
from newsgraph.events.rank import main_event, rule_tokens, sentence_label
from newsgraph.nlp import analyse_many
from newsgraph.records import ActorAnalysis, Article

DESCRIPTION = "PLOVER GSR type/actor/recipient accuracy and ConfliBERT CAMEO penta macro-F1 + S/T span F1"

GSR = Path("events/plover-gsr/plover_gsr_v2labels.jsonl")
CAMEO = Path("events/conflibert-cameo")
WRITTEN = Path(__file__).parent / "data" / "events_written.tsv"
PARAPHRASED = Path(__file__).parent / "data" / "events_paraphrase.tsv"
SISTERS = Path(__file__).parent / "data" / "events_sisters.tsv"
NEWS = Path(__file__).parent / "data" / "events_news.tsv"
WEB = Path(__file__).parent / "data" / "events_web.tsv"
POLITICS = Path(__file__).parent / "data" / "events_politics.tsv"
POLITICS_UNREAD = Path(__file__).parent / "data" / "events_politics_unread.tsv"
CLASSES = ("statement", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
# the GSR uses a few non-ISO codes for states; IGOs are all coded "IGO"
GOLD_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_WORD = re.compile(r"\w+")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSONL gold file or raise BenchmarkDataError."""
    if not path.is_file():
        raise BenchmarkDataError(f"missing benchmark file {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _code_docs(texts: list[str], batch_size: int = 64, typed: bool = True
               ) -> Iterator[tuple[Doc, ActorAnalysis, list[tuple[Span, list[Candidate]]]]]:
    """Parse each text once and run the actor stage and the coder over it, as the pipeline does (``typed``: with
    the type classifier's events)."""
    for i, doc in enumerate(analyse_many(texts, batch_size=batch_size)):
        actors = find_actors(Article(id=f"bench-{i}", source="bench", source_name="bench", text=doc.text), doc)
        yield doc, actors, code_sentences(doc, actors, learned=typed)


def _coded(texts: list[str], typed: bool = True) -> Iterator[tuple[list[Candidate], tuple[int, int] | None]]:
    """Yield each text's candidates and its speaker's span."""
    for doc, actors, coded in _code_docs(texts, typed=typed):
        yield [c for _, cs in coded for c in cs], speaker_span(doc, actors)


def _main_events(texts: list[str], learned: bool = False, allow_statement: bool = True, typed: bool = True
                 ) -> Iterator[tuple[Candidate | None, str, tuple[int, int] | None]]:
    """Yield the main event of each text, the sentence's penta label (the classifier's when ``learned``), and
    the source span of a mere statement (the sentence's subject); ``typed``: with the type classifier's events."""
    model = load_model() if learned else None
    for text, (cands, speaker) in zip(texts, _coded(texts, typed), strict=True):
        proba = model.proba([text], [rule_tokens(cands)])[0] if model is not None else None
        cand = main_event(cands, proba, allow_statement)
        if proba is not None and allow_statement:
            yield cand, sentence_label(proba), speaker
        else:
            yield cand, penta_of(cand) if cand else "statement", speaker


def _norm_code(arg: ArgActor) -> str | None:
    """Return a predicted actor code in the GSR's coding (IGOs → "IGO")."""
    if arg.code is None:
        return None
    igos = {c for c, kind in load_gazetteer().names.values() if kind == "igo"}
    # an armed group's id becomes its PLOVER class ("ALQAEDA" → "IMG"), as its leaders' codes already do
    code = plover_country(arg.code)
    # the GSR codes every international body IGO, PLOVER's UN and EU classes too ("MONUSCO peacekeepers": UNO)
    return "IGO" if arg.kind == "igo" or arg.code in igos or code in ("UNO", "EUR") else code


def score_gsr(rows: list[dict[str, Any]], learned: bool = False, tag: str = "gsr",
              found: list[Candidate | None] | None = None, typed: bool = True) -> dict[str, float | int]:
    """Return type accuracy and actor / recipient code accuracy of the main event per sentence.

    With ``learned`` the sentence classifier picks among the rule candidates (every GSR line is an event);
    without ``typed`` the type classifier codes nothing (the patterns alone).
    ``found``: the main events, when the caller has coded the sentences already.
    """
    type_ok = src_ok = src_n = tgt_ok = tgt_n = 0
    if found is None:
        found = [c for c, _, _ in _main_events([r["text"] for r in rows], learned, allow_statement=False,
                                               typed=typed)]
    for row, cand in zip(rows, found, strict=True):
        type_ok += int(cand is not None and cand.type == row["event"])
        gold_src = {GOLD_ALIASES.get(a["code"], a["code"]) for a in row["actor"]}
        gold_tgt = {GOLD_ALIASES.get(a["code"], a["code"]) for a in row["recipient"]}
        pairs = dyads(cand) if cand else []  # the dyads the stored records get
        pred_src = {_norm_code(s) for s, _ in pairs if s is not None and s.code}
        pred_tgt = {_norm_code(t) for _, t in pairs if t is not None and t.code}
        if gold_src:
            src_n += 1
            src_ok += int(bool(pred_src & gold_src))
        if gold_tgt:
            tgt_n += 1
            tgt_ok += int(bool(pred_tgt & gold_tgt))
    n = len(rows)
    tag = f"{tag}_hybrid" if learned else tag
    return {f"{tag}_sentences": n, f"{tag}_type_accuracy": type_ok / n if n else 0.0,
            f"{tag}_actor_accuracy": src_ok / src_n if src_n else 0.0,
            f"{tag}_recipient_accuracy": tgt_ok / tgt_n if tgt_n else 0.0}


def _news_events(rows: list[dict[str, Any]], docs: dict[str, str]) -> list[Candidate | None]:
    """Return the main event of each news row, coded as the pipeline codes it: the whole document parsed once,
    its actors resolved across it (a surname stands for the official named earlier), then the row's sentence."""
    wanted: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        wanted.setdefault(row["doc"], []).append(i)
    found: list[Candidate | None] = [None] * len(rows)
    names = list(wanted)
    for name, (_, _, coded) in zip(names, _code_docs([docs[n] for n in names], batch_size=8), strict=True):
        for i in wanted[name]:
            start, end = rows[i]["start"], rows[i]["end"]
            cands = [c for sent, cs in coded if start <= sent.start_char < end for c in cs]
            found[i] = main_event(cands, None, allow_statement=False)
    return found


def score_news(rows: list[dict[str, Any]], docs: dict[str, str], tag: str = "news") -> dict[str, float | int]:
    """Return the GSR figures over the sentences with a gold event, and the precision / recall / F1 of finding
    an event at all over every sentence (gold NONE: the annotators saw no event). An event is found, as the
    pipeline stores one, when the main event has a resolved actor (extract_events drops the others)."""
    found = _news_events(rows, docs)
    stored = [c is not None and any(a.code for a in c.sources + c.targets) for c in found]
    hit = sum(1 for r, s in zip(rows, stored, strict=True) if s and r["event"] != "NONE")
    n_found, n_gold = sum(stored), sum(r["event"] != "NONE" for r in rows)
    precision, recall = hit / n_found if n_found else 0.0, hit / n_gold if n_gold else 0.0
    events = [(r, c) for r, c in zip(rows, found, strict=True) if r["event"] != "NONE"]
    return score_gsr([r for r, _ in events], tag=tag, found=[c for _, c in events]) | {
        f"{tag}_all_sentences": len(rows), f"{tag}_detection_precision": precision,
        f"{tag}_detection_recall": recall, f"{tag}_detection_f1": _f1(precision, recall)}


def _f1(p: float, r: float) -> float:
    """Return the harmonic mean."""
    return 2 * p * r / (p + r) if p + r else 0.0


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Return macro-F1 over the five penta classes."""
    scores = []
    for cls in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == cls)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == cls and g != cls)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p != cls)
        scores.append(_f1(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0))
    return sum(scores) / len(scores)


def _words(text: str) -> list[str]:
    """Return the lower-case word tokens of a span (gold spans are pre-tokenised)."""
    return [w.lower() for w in _WORD.findall(text)]


class _SpanScore:
    """Exact and token-overlap P/R for one role (S or T)."""

    def __init__(self) -> None:
        """Start empty counts."""
        self.exact = Counter[str]()
        self.tok = Counter[str]()

    def add(self, pred: str | None, gold: list[str]) -> None:
        """Count one sentence: the predicted phrase against the gold phrases of the role."""
        pw = _words(pred) if pred else []
        golds = [_words(g) for g in gold]
        self.exact["pred"] += int(bool(pw))
        self.exact["gold"] += len(golds)
        self.exact["tp"] += int(bool(pw) and pw in golds)
        best = max((sum((Counter(pw) & Counter(g)).values()) for g in golds), default=0)
        self.tok["pred"] += len(pw)
        self.tok["gold"] += sum(len(g) for g in golds)
        self.tok["tp"] += best

    def f1(self, counts: Counter[str]) -> float:
        """Return F1 from tp/pred/gold counts."""
        p = counts["tp"] / counts["pred"] if counts["pred"] else 0.0
        r = counts["tp"] / counts["gold"] if counts["gold"] else 0.0
        return _f1(p, r)


def score_cameo(rows: list[dict[str, Any]], learned: bool = False) -> dict[str, float | int]:
    """Return penta macro-F1, accuracy, and S/T span F1 (exact and token overlap) of the main events."""
    gold, pred = [], []
    spans = {"S": _SpanScore(), "T": _SpanScore()}
    for row, (cand, label, speaker) in zip(rows, _main_events([r["text"] for r in rows], learned), strict=True):
        gold.append(row["penta"])
        pred.append(label)
        if row.get("spans") is None:
            continue  # a sentence without argument annotation says nothing about spans
        gspans = row["spans"]
        source = (cand.source_span if cand else None) or speaker  # else the speaker: a statement's source
        for role, span in (("S", source), ("T", cand.target_span if cand else None)):
            text = row["text"][span[0]:span[1]] if span else None
            spans[role].add(text, list(gspans.get(role, [])))
    n = len(rows)
    tag = "cameo_hybrid" if learned else "cameo"
    out: dict[str, float | int] = {
        f"{tag}_sentences": n, f"{tag}_macro_f1": macro_f1(gold, pred),
        f"{tag}_accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / n if n else 0.0,
    }
    for role, sc in spans.items():
        out[f"{tag}_{role}_span_f1_exact"] = sc.f1(sc.exact)
        out[f"{tag}_{role}_span_f1_token"] = sc.f1(sc.tok)
    return out


def _gsr_rows(data: Path, split: str) -> list[dict[str, Any]]:
    """Return the GSR lines of a split: dev = even line index, test = odd, all = every line."""
    rows = _read_jsonl(data / GSR)
    if split == "all":
        return rows
    parity = 0 if split == "dev" else 1
    return [r for i, r in enumerate(rows) if i % 2 == parity]


def _tsv_rows(path: Path) -> list[list[str]]:
    """Return the fields of a development TSV's lines, without its comment lines and header."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def _gsr_shaped(etype: str, source: str, target: str, text: str) -> dict[str, Any]:
    """Return one labelled sentence in the GSR row shape (text, event, actor, recipient)."""
    return {"text": text, "event": etype, "actor": [{"code": c} for c in source.split(",") if c],
            "recipient": [{"code": c} for c in target.split(",") if c]}  # "SAU,ARE": joint parties


def _written_rows() -> list[dict[str, Any]]:
    """Return the team-written development sentences in the GSR row shape."""
    return [_gsr_shaped(*fields) for fields in _tsv_rows(WRITTEN)]


def _derived_rows(path: Path) -> list[dict[str, Any]]:
    """Return the sentences derived from the GSR development lines (round or part, kind, line, then as written:
    paraphrases, sister events) in the GSR shape."""
    return [_gsr_shaped(*fields[3:]) for fields in _tsv_rows(path)]


def news_docs(data: Path) -> dict[str, str]:
    """Return the TimeBank/AQUAINT texts by file name (the tarball's texts are not ours to ship)."""
    return {d.name.rsplit("/", 1)[-1]: d.text for d in load_split(data, "dev")}


def web_docs(data: Path) -> dict[str, str]:
    """Return the web articles' gold bodies of the HTML benchmark by page id."""
    return {page: row["articleBody"] for page, row in ground_truth(data).items()}


@lru_cache(maxsize=1)  # both halves of the set point into it
def politics_docs(data: Path) -> dict[str, str]:
    """Return the PolNeAR train articles by name (the quotes benchmark scores only its dev and test splits)."""
    return {name: text for name, text, _ in load_polnear(data, "train")}


# the annotated real-news sets: figures' prefix, data file, the loader of the documents its offsets point into
REAL_NEWS = (("news", NEWS, news_docs), ("web", WEB, web_docs), ("politics", POLITICS, politics_docs),
             ("politics_unread", POLITICS_UNREAD, politics_docs))


def _news_rows(path: Path, docs: dict[str, str]) -> list[dict[str, Any]]:
    """Return the annotated sentences of a real-news set in the GSR row shape (event "NONE": no event) with their
    document and offsets, the text cut from the document by the stored offsets."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, start, end, etype, source, target = line.split("\t")
        if name not in docs:
            raise BenchmarkDataError(f"{path.name}: no document {name!r} in the benchmark data")
        rows.append({"doc": name, "start": int(start), "end": int(end), "event": etype,
                     "text": " ".join(docs[name][int(start):int(end)].split()),
                     "actor": [{"code": c} for c in source.split(",") if c],
                     "recipient": [{"code": c} for c in target.split(",") if c]})
    return rows


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, float | int | str]:
    """Score the coder on both event benchmarks (``split``: test (default), dev, all)."""
    split = split or "test"
    if split not in ("test", "dev", "all"):
        raise BenchmarkDataError(f"unknown split {split!r}: use test, dev or all")
    started = time.perf_counter()
    gsr = _gsr_rows(data, split)[:limit]
    cameo_file = "conflibert_cameo_train_joined.jsonl" if split == "dev" else "conflibert_cameo_test_joined.jsonl"
    cameo = _read_jsonl(data / CAMEO / cameo_file)[:limit]
    figures: dict[str, float | int | str] = {"split": split}
    figures.update(score_gsr(gsr))
    if load_type_model() is not None:
        figures.update(score_gsr(gsr, tag="gsr_patterns", typed=False))
    figures.update(score_cameo(cameo))
    if split == "dev":
        figures.update(score_gsr(_written_rows()[:limit], tag="written"))
        figures.update(score_gsr(_derived_rows(PARAPHRASED)[:limit], tag="paraphrase"))
        figures.update(score_gsr(_derived_rows(SISTERS)[:limit], tag="sister"))
        for tag, path, load in REAL_NEWS:
            docs = load(data)
            figures.update(score_news(_news_rows(path, docs)[:limit], docs, tag))
    if load_model() is not None:  # trained on the CAMEO train split only: GSR dev and test are both unseen
        figures.update(score_gsr(gsr, learned=True))
        if split != "dev":
            figures.update(score_cameo(cameo, learned=True))
    figures["seconds"] = round(time.perf_counter() - started, 2)
    return figures


# what only the benchmark scores and no model learns from: sister parts and the paraphrase round
ONLY_SCORED_SISTERS = ("B3", "B4")
ONLY_SCORED_ROUND = "4"
# the type classifier's vocabulary: its 20000 most frequent word n-grams score as all 53000 do on the only-scored
# sister sentences, in a file of a third the size
TYPE_FEATURES = 20000


def only_scored_texts(data: Path) -> set[str]:
    """Return the sentences that are only ever scored: GSR test lines, sister parts B3–B4, paraphrase round 4 and the
    unread political news."""
    texts = {r["text"] for r in _gsr_rows(data, "test")}
    texts |= {f[6] for f in _tsv_rows(SISTERS) if f[0][:2] in ONLY_SCORED_SISTERS}
    texts |= {f[6] for f in _tsv_rows(PARAPHRASED) if f[0] == ONLY_SCORED_ROUND}
    return texts | {r["text"] for r in _news_rows(POLITICS_UNREAD, politics_docs(data))}


def type_training_rows(data: Path) -> list[tuple[str, str]]:
    """Return the (sentence, PLOVER type or NONE) pairs the type classifier learns from: the written sentences,
    the GSR development lines, their sister sentences and paraphrases, and every annotated sentence of the real
    news read for development; never what is only scored (a few GSR lines stand in both halves, word for word)."""
    rows = [(r["text"], r["event"]) for r in _written_rows() + _gsr_rows(data, "dev")]
    rows += [(f[6], f[3]) for f in _tsv_rows(SISTERS) + _tsv_rows(PARAPHRASED)]
    for tag, path, load in REAL_NEWS:
        if tag != "politics_unread":
            rows += [(r["text"], r["event"]) for r in _news_rows(path, load(data))]
    scored = only_scored_texts(data)
    return [(text, label) for text, label in rows if text not in scored]


def _save(model: dict[str, Any], file: Path) -> None:
    """Write a fitted model into the package."""
    file.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")


def train(data: Path) -> dict[str, float | int | str]:
    """Retrain both sentence classifiers and save them in the package: the type classifier on the development data
    (``type_training_rows``), then the penta classifier on the ConfliBERT CAMEO train split, whose rule features
    come from the coder with the new type classifier."""
    started = time.perf_counter()
    typed = type_training_rows(data)
    type_model = fit([t for t, _ in typed], [label for _, label in typed], max_features=TYPE_FEATURES)
    _save(type_model, TYPE_MODEL_FILE)
    load_type_model.cache_clear()
    rows = _read_jsonl(data / CAMEO / "conflibert_cameo_train_joined.jsonl")
    texts = [r["text"] for r in rows]
    rules = [rule_tokens(cands) for cands, _ in _coded(texts)]  # the coder's findings are features too
    model = fit(texts, [r["penta"] for r in rows], rules)
    _save(model, MODEL_FILE)
    load_model.cache_clear()
    return {"sentences": len(rows), "features": len(model["vocabulary"]) + len(model["rule_vocabulary"]),
            "file": str(MODEL_FILE), "type_sentences": len(typed), "type_features": len(type_model["vocabulary"]),
            "type_file": str(TYPE_MODEL_FILE), "seconds": round(time.perf_counter() - started, 2)}
