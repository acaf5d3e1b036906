"""Build the store the API and browser tests share: the seeds and examples through the real pipeline, plus a
hostile page (script tags, onerror, javascript: links), a document that fails, and a few quote and event rows
placed on real sentences of the ingested articles (the quote and event stages may not have landed yet)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsgraph import ingest, open_store

# the flag every injected script would set; a browser test proves it never is
XSS_FLAG = "__ngPwned"
XSS_TITLE = f'Border <img src=x onerror="window.{XSS_FLAG}=1"> talks'
XSS_HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{XSS_TITLE.replace('<', '&lt;').replace('>', '&gt;')} | The Mallory Post</title>
<meta property="og:site_name" content="The Mallory Post">
<meta property="article:published_time" content="2024-03-15T10:00:00+00:00">
<script>window.{XSS_FLAG} = 1; alert("pwned")</script>
</head><body><article>
<h1>Border &lt;img src=x onerror="window.{XSS_FLAG}=1"&gt; talks</h1>
<p>VESKAGRAD, March 15 — Veska said on Friday that the talks with Norland would go ahead as planned, officials said.
<script>window.{XSS_FLAG} = 1;</script></p>
<p>A reader wrote &lt;script&gt;window.{XSS_FLAG}=1;alert(1)&lt;/script&gt; in the comments, and another
pasted &lt;img src=x onerror="window.{XSS_FLAG}=1;alert(2)"&gt; into the page.</p>
<p>Read the <a href="javascript:window.{XSS_FLAG}=1">full statement</a> or
<a href="javascript:alert(3)">javascript:alert(3)</a> on the ministry's site.</p>
<p><img src="x" onerror="window.{XSS_FLAG}=1"> Norland's foreign ministry did not comment on the report.</p>
</article></body></html>
"""
XSS_JSONL = {
    "url": "https://mallory.example/wire/1", "outlet": "Mallory Wire <script>window.__ngPwned=1</script>",
    "date": "2024-03-16", "title": "<script>window.__ngPwned=1</script>Talks update",
    "text": "<script>window.__ngPwned=1</script>Talks update\n\nVESKAGRAD, March 16 — Veska and Norland met again "
            "on Saturday. <img src=x onerror=\"window.__ngPwned=1\"> The EU said it welcomed the meeting, "
            "according to <a href=\"javascript:window.__ngPwned=1\">a statement</a>.",
}
EVENT_TYPES = ["CONSULT", "ACCUSE", "AID", "THREATEN", "AGREE", "REJECT"]


def write_hostile_inputs(folder: Path) -> Path:
    """Write the hostile pages and one document that must fail; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mallory.html").write_text(XSS_HTML, encoding="utf-8")
    (folder / "mallory.jsonl").write_text(json.dumps(XSS_JSONL) + "\n", encoding="utf-8")
    (folder / "empty-page.txt").write_text("   \n", encoding="utf-8")
    return folder


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the offsets of the sentence around [start, end) (split at '. ' and newlines)."""
    dot, newline = text.rfind(". ", 0, start), text.rfind("\n", 0, start)
    left = max(dot + 2 if dot != -1 else 0, newline + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    return left, right


def add_sample_records(db: Path) -> dict[str, int]:
    """Insert events and quotes between actors mentioned in one sentence of each article (ids start 'test:')."""
    added = {"events": 0, "quotes": 0}
    with open_store(db) as store:
        arts = store.query("SELECT id, text, published FROM articles ORDER BY id")
        for n, art in enumerate(arts):
            ments = store.query(
                """SELECT m.start, m."end", m.actor_id, a.name, a.kind
                   FROM mentions m JOIN actors a ON a.id = m.actor_id
                   WHERE m.article_id = ? ORDER BY m.start""", [art["id"]])
            pair = next(((a, b) for a, b in zip(ments, ments[1:], strict=False)
                         if a["actor_id"] != b["actor_id"] and b["start"] - a["end"] < 150
                         and "\n" not in art["text"][a["start"]:b["end"]]), None)
            if pair is None:
                continue
            s, e = _sentence(art["text"], pair[0]["start"], pair[1]["end"])
            date = art["published"] or f"2023-0{1 + n % 9}-1{n % 10}"
            store.con.execute(
                "INSERT INTO events (id, article_id, event_type, sentence, start, \"end\", mode, source, target, "
                "date, rule, confidence, sources) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 'test:sample', 0.9, 1)",
                [f"test:e{n}", art["id"], EVENT_TYPES[n % len(EVENT_TYPES)], art["text"][s:e], s, e,
                 pair[0]["actor_id"], pair[1]["actor_id"], date])
            added["events"] += 1
            speaker = next((m for m in ments if m["kind"] == "person"), pair[0])
            store.con.execute(
                "INSERT INTO quotes (id, article_id, text, kind, start, \"end\", cue, speaker, speaker_id, date, rule, "
                "confidence, sources) VALUES (?, ?, ?, 'indirect', ?, ?, 'said', ?, ?, ?, 'test:sample', 0.8, ?)",
                [f"test:q{n}", art["id"], art["text"][s:e], s, e, speaker["name"], speaker["actor_id"], date,
                 1 + n % 3])
            added["quotes"] += 1
    return added


def build_store(db: Path, seeds: Path, examples: Path, work: Path) -> Path:
    """Ingest the seeds, the examples and the hostile inputs with the real pipeline, then add sample records."""
    hostile = write_hostile_inputs(work / "hostile")
    ingest([seeds, examples, hostile], db)
    add_sample_records(db)
    return db


def flag_pattern() -> re.Pattern[str]:
    """The injected flag, as it would appear in any executed payload."""
    return re.compile(re.escape(XSS_FLAG))


def session_store(base: Path, seeds: Path, examples: Path) -> Path:
    """Build the shared store once per test session (the API and browser conftests both ask for it)."""
    folder = base / "ng-shared-store"
    db = folder / "store.duckdb"
    if not (folder / "ready").exists():
        folder.mkdir(parents=True, exist_ok=True)
        build_store(db, seeds, examples, folder)
        (folder / "ready").touch()
    return db
