"""Incremental story clustering: each article joins the most similar story above a threshold, or opens one.

A story's score for an article is the article's mean cosine to the story's members (average linkage),
computed as one sparse dot product with the sum of the members' unit vectors. Candidate stories come from
an inverted index (term → stories) over each story's heaviest terms; the stories with the best partial
score over the article's heaviest indexed terms are scored in full. Adding an article costs
O(K log K + T · P + C · K): T lookup terms, P stories per posting list, C shortlisted candidates, K terms
per vector; never a scan.

After a batch, the stories it touched merge with stories whose members are, on average, as alike as
``MERGE_FACTOR`` × the threshold (average-link agglomeration, best pair first). The factor is below 1: an
article joins a story only when clearly alike, so one pass builds tight seeds whatever the arrival order,
and the merges grow them down to the looser cut, close to what full average-link clustering would give.
Finding a story's partners costs what finding an article's story costs.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from newsgraph.link.vectors import Vector

STORY_THRESHOLD = 0.2347  # mean cosine to a story's members; the bench's grid value chosen on odd ECB+ topics
TOPIC_THRESHOLD = 0.0634  # the same, for the coarser topic level (reported by bench clustering only)
LOOKUP_TERMS = 50  # an article's heaviest indexed terms used to find candidate stories
INDEX_TERMS = 60  # a story's heaviest terms under which the inverted index lists it
SHORTLIST = 10  # candidates (best partial scores over the lookup terms) scored in full
MERGE_SHORTLIST = 3  # candidate partners of a story scored in full (their partial scores already rank them)
STORED_TERMS = 400  # centroid terms kept in the store per story
REFINE_PASSES = 2  # re-assignment passes of a full recompute (`newsgraph link`)
# stories merge at mean cross cosine ≥ this × threshold (0: never); chosen on odd ECB+ topics among 0.4 … 0.8
# and 1.2 (best topic and sub-event F1 there), with the thresholds tuned for each
MERGE_FACTOR = 0.7
WINDOW_DAYS = 10  # a story is one happening: an article dated further from its date range opens another


@dataclass(frozen=True)
class When:
    """What an article's dates say: its day (``exact``), or only the days it was written within (``last``
    None: open-ended), as the offices its text states give them for an undated page (temporal/tenure.py)."""

    first: date
    last: date | None
    exact: bool = True

    @classmethod
    def day(cls, day: date | None) -> When | None:
        """Return the When of a known day (None for an unknown one)."""
        return None if day is None else cls(day, day)


@dataclass
class Story:
    """A cluster of articles: the running sum of their unit vectors, its date range, and the bounds its
    undated members were written within (the intersection of their windows)."""

    id: str
    total: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: date | None = None
    last: date | None = None
    indexed: list[str] = field(default_factory=list)
    held_from: date | None = None
    held_until: date | None = None

    def remove(self, vec: Vector) -> None:
        """Take one article's vector out (its date stays in the range: ranges only widen)."""
        for term, weight in vec.items():
            self.total[term] = self.total.get(term, 0.0) - weight
        self.size -= 1

    def add(self, vec: Vector, when: When | None) -> None:
        """Add one article's vector and dates."""
        for term, weight in vec.items():
            self.total[term] = self.total.get(term, 0.0) + weight
        self.size += 1
        if when is not None and when.exact:
            self.widen(when.first)
        elif when is not None:
            self.narrow(when.first, when.last)

    def widen(self, day: date | None) -> None:
        """Extend the date range to ``day``."""
        if day is not None:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def narrow(self, since: date | None, until: date | None) -> None:
        """Narrow the bounds of the undated members to [since, until] (None: no bound on that side)."""
        if since is not None:
            self.held_from = max(self.held_from or since, since)
        if until is not None:
            self.held_until = min(self.held_until or until, until)

    def score(self, vec: Vector) -> float:
        """Return the mean cosine of ``vec`` to the members."""
        total = self.total
        return sum(w * total.get(t, 0.0) for t, w in vec.items()) / self.size if self.size else 0.0

    def stored_terms(self) -> list[tuple[str, float]]:
        """Return the heaviest terms of the sum, as stored."""
        return heapq.nlargest(STORED_TERMS, self.total.items(), key=lambda kv: (kv[1], kv[0]))

    def compatible(self, when: When | None, window: int) -> bool:
        """Tell whether an article with dates ``when`` may join: its days come within ``window`` days of the
        story's date range and of its undated members' bounds (unknown dates are always compatible)."""
        if when is None:
            return True
        return _near(when.first, when.last, self.first, self.last, window) and \
            _near(when.first, when.last, self.held_from, self.held_until, window)

    def overlaps(self, other: Story, window: int) -> bool:
        """Tell whether two stories' dates and bounds are within ``window`` days of each other."""
        spans = [(other.first, other.last), (other.held_from, other.held_until)]
        return all(_near(a, b, self.first, self.last, window) and _near(a, b, self.held_from, self.held_until, window)
                   for a, b in spans)

    def similarity(self, other: Story) -> float:
        """Return the mean cosine between the members of two stories (average linkage)."""
        small, large = sorted((self.total, other.total), key=len)
        if not self.size or not other.size:
            return 0.0
        return sum(w * large.get(t, 0.0) for t, w in small.items()) / (self.size * other.size)




def _near(first: date | None, last: date | None, lo: date | None, hi: date | None, window: int) -> bool:
    """Tell whether the days [first, last] come within ``window`` days of [lo, hi] (None: open on that side)."""
    if first is not None and hi is not None and (first - hi).days > window:
        return False
    return not (last is not None and lo is not None and (lo - last).days > window)


class StoryIndex:
    """The stories and the inverted index over their members' heaviest terms."""

    def __init__(self, threshold: float = STORY_THRESHOLD, window: int = WINDOW_DAYS,
                 merge: float = MERGE_FACTOR) -> None:
        self.threshold = threshold
        self.merge = merge
        self.window = window
        self.stories: dict[str, Story] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)

    def load(self, story: Story) -> None:
        """Put a stored story into the index."""
        self.stories[story.id] = story
        self._reindex(story)

    def _reindex(self, story: Story) -> None:
        """List ``story`` under its current heaviest terms (bounded, so posting lists stay short)."""
        for term in story.indexed:
            self.postings[term].discard(story.id)
        story.indexed = [t for t, _ in heapq.nlargest(INDEX_TERMS, story.total.items(), key=lambda kv: (kv[1], kv[0]))]
        for term in story.indexed:
            self.postings[term].add(story.id)

    def lookup_terms(self, weights: dict[str, float], own: str | None = None) -> list[str]:
        """Return the heaviest of ``weights``' terms under which another story than ``own`` is indexed.

        Terms no other story is listed under are skipped: the heaviest terms are the rarest (IDF squared),
        often an article's own words, and looking them up would leave the shared names unread.
        O(K log LOOKUP_TERMS) for K terms: the listed terms are filtered first, then the heaviest kept.
        """
        postings = self.postings
        listed = ((t, w) for t, w in weights.items()
                  if (ids := postings.get(t)) and (own is None or len(ids) > (own in ids)))
        return [t for t, _ in heapq.nsmallest(LOOKUP_TERMS, listed, key=lambda kv: (-kv[1], kv[0]))]

    def nearest(self, vec: Vector, when: When | None) -> tuple[str | None, float]:
        """Return the most similar date-compatible story and its score (None, 0.0 when none is found)."""
        partial: dict[str, float] = defaultdict(float)
        for term in self.lookup_terms(vec):
            weight = vec[term]
            for sid in self.postings.get(term, ()):
                partial[sid] += weight * self.stories[sid].total[term] / self.stories[sid].size
        shortlist = heapq.nlargest(SHORTLIST, partial.items(), key=lambda kv: (kv[1], kv[0]))
        best, best_score = None, 0.0
        for sid, _ in sorted(shortlist):
            story = self.stories[sid]
            score = story.score(vec)
            if score > best_score and story.compatible(when, self.window):
                best, best_score = sid, score
        return best, best_score

    def assign(self, vec: Vector, when: When | None, new_id: str, forced: str | None = None) -> str:
        """Put an article in ``forced`` (e.g. its original's story) or its nearest story, else open ``new_id``."""
        sid = forced if forced in self.stories else None
        if sid is None:
            best, score = self.nearest(vec, when)
            sid = best if best is not None and score >= self.threshold else None
        if sid is None:
            sid, n = new_id, 1
            while sid in self.stories:  # the article's own id is taken when it left and re-opens a story
                n += 1
                sid = f"{new_id}-{n}"
            self.stories[sid] = Story(sid)
        story = self.stories[sid]
        story.add(vec, when)
        if story.size & (story.size - 1) == 0:  # re-rank the index terms at sizes 1, 2, 4, 8 …: amortised O(1)
            self._reindex(story)
        return sid

    def refine(self, vecs: dict[str, Vector], days: dict[str, When | None], members: dict[str, str],
               fixed: set[str], new_id: Callable[[str], str], passes: int = REFINE_PASSES) -> dict[str, str]:
        """Move each article (but ``fixed`` ones) to its best story given all the others; return new members.

        A single pass depends on arrival order; re-assigning with every story complete (as k-means does)
        repairs early mistakes. Each pass costs what one incremental pass costs.
        """
        members = dict(members)
        for _ in range(passes):
            moved = 0
            for aid in sorted(vecs):
                if aid in fixed:
                    continue
                old = self.stories[members[aid]]
                old.remove(vecs[aid])
                if old.size == 0:
                    self._drop(old.id)
                sid = self.assign(vecs[aid], days.get(aid), new_id(aid))
                moved += sid != members[aid]
                members[aid] = sid
            if not moved:
                break
        return members

    def partner(self, story: Story) -> tuple[str | None, float]:
        """Return the date-compatible story most like ``story`` (average linkage) and the similarity."""
        partial: dict[str, float] = defaultdict(float)
        for term in self.lookup_terms(story.total, story.id):
            weight = story.total[term]
            for sid in self.postings.get(term, ()):
                if sid != story.id:
                    other = self.stories[sid]
                    partial[sid] += weight * other.total[term] / other.size
        shortlist = heapq.nlargest(MERGE_SHORTLIST, partial.items(), key=lambda kv: (kv[1], kv[0]))
        best, best_sim = None, 0.0
        for sid, _ in sorted(shortlist):
            other = self.stories[sid]
            sim = story.similarity(other)
            if sim > best_sim and story.overlaps(other, self.window):
                best, best_sim = sid, sim
        return best, best_sim

    def merge_stories(self, touched: set[str]) -> dict[str, str]:
        """Merge the ``touched`` stories with alike ones, most alike pair first; return absorbed → kept id.

        Only stories a merge changed are looked at again, so a batch costs O(M · (T · P + C · K)) for M
        touched stories: the same order as assigning its articles.
        """
        if self.merge <= 0:  # merging switched off
            return {}
        cutoff = self.threshold * self.merge
        heap: list[tuple[float, int, str, str]] = []
        tick = itertools.count()  # ties pop in insertion order: deterministic

        def push(sid: str) -> None:
            other, sim = self.partner(self.stories[sid])
            if other is not None and sim >= cutoff:
                heapq.heappush(heap, (-sim, next(tick), sid, other))

        for sid in sorted(touched):
            if sid in self.stories:
                push(sid)
        renamed: dict[str, str] = {}
        while heap:
            neg, _, a, b = heapq.heappop(heap)
            if a not in self.stories:
                continue
            # the partner was absorbed, or either side grew, since the pair was pushed: look again
            if b not in self.stories or self.stories[a].similarity(self.stories[b]) != -neg:
                push(a)
                continue
            keep, gone = sorted((self.stories[a], self.stories[b]), key=lambda s: (-s.size, s.id))
            for term, weight in gone.total.items():
                keep.total[term] = keep.total.get(term, 0.0) + weight
            keep.size += gone.size
            keep.widen(gone.first)
            keep.widen(gone.last)
            keep.narrow(gone.held_from, gone.held_until)
            self._drop(gone.id)
            self._reindex(keep)
            renamed[gone.id] = keep.id
            push(keep.id)
        # an absorbed story may itself have absorbed others first: point every id at its final story
        for old in renamed:
            target = renamed[old]
            while target in renamed:
                target = renamed[target]
            renamed[old] = target
        return renamed

    def _drop(self, sid: str) -> None:
        """Forget an empty story."""
        story = self.stories.pop(sid)
        for term in story.indexed:
            self.postings[term].discard(sid)
