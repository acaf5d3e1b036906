"""Incremental story clustering: each article joins the nearest story centroid above a threshold, or opens one.

Candidate stories come from an inverted index term → stories over the centroids' terms, so adding an article
costs O(K · P) (K terms per article, P stories per posting list) instead of a scan over all stories.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from newsgraph.link.vectors import Vector

STORY_THRESHOLD = 0.30  # cosine to a centroid; chosen on odd ECB+ topics by `newsgraph bench clustering`
CENTROID_TERMS = 400  # terms kept per centroid: bounds memory and posting-list length
WINDOW_DAYS = 10  # a story is one happening: an article dated further from its date range opens another


@dataclass
class Story:
    """A cluster of articles: the running sum of their unit vectors and its date range."""

    id: str
    total: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: date | None = None
    last: date | None = None

    def centroid(self) -> Vector:
        """Return the mean of the member vectors truncated to its heaviest terms.

        Its dot product with an article vector is the article's mean cosine to the members (average linkage),
        which keeps a story from drifting towards whatever joined it first.
        """
        items = heapq.nlargest(CENTROID_TERMS, self.total.items(), key=lambda kv: (kv[1], kv[0]))
        return {term: weight / self.size for term, weight in items} if self.size else {}

    def add(self, vec: Vector, day: date | None) -> None:
        """Add one article's vector and date."""
        for term, weight in vec.items():
            self.total[term] = self.total.get(term, 0.0) + weight
        self.size += 1
        if day is not None:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)


def compatible(story: Story, day: date | None, window: int = WINDOW_DAYS) -> bool:
    """Tell whether an article dated ``day`` may join ``story`` (unknown dates are always compatible)."""
    if day is None or story.first is None or story.last is None:
        return True
    return (story.first - day).days <= window and (day - story.last).days <= window


class StoryIndex:
    """The stories with their centroids and the inverted index over centroid terms."""

    def __init__(self, threshold: float = STORY_THRESHOLD, window: int = WINDOW_DAYS) -> None:
        self.threshold = threshold
        self.window = window
        self.stories: dict[str, Story] = {}
        self.centroids: dict[str, Vector] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)

    def load(self, story: Story, centroid: Vector | None = None) -> None:
        """Put a stored story (with its stored centroid, if given) into the index."""
        self.stories[story.id] = story
        self._index(story.id, centroid if centroid is not None else story.centroid())

    def _index(self, sid: str, centroid: Vector) -> None:
        """Replace the centroid of story ``sid`` in the inverted index."""
        for term in self.centroids.get(sid, {}):
            self.postings[term].discard(sid)
        self.centroids[sid] = centroid
        for term in centroid:
            self.postings[term].add(sid)

    def nearest(self, vec: Vector, day: date | None) -> tuple[str | None, float]:
        """Return the most similar date-compatible story and its cosine (None, 0.0 when none shares a term)."""
        scores: dict[str, float] = defaultdict(float)
        for term, weight in vec.items():
            for sid in self.postings.get(term, ()):
                scores[sid] += weight * self.centroids[sid][term]
        best, best_score = None, 0.0
        for sid, score in scores.items():
            if (score > best_score or (score == best_score and best is not None and sid < best)) and compatible(
                self.stories[sid], day, self.window
            ):
                best, best_score = sid, score
        return best, best_score

    def assign(self, vec: Vector, day: date | None, new_id: str, forced: str | None = None) -> str:
        """Put an article in its nearest story (or ``forced``, e.g. its original's), else open ``new_id``."""
        sid = forced if forced in self.stories else None
        if sid is None:
            best, score = self.nearest(vec, day)
            sid = best if best is not None and score >= self.threshold else None
        if sid is None:
            sid = new_id
            self.stories[sid] = Story(sid)
        story = self.stories[sid]
        story.add(vec, day)
        self._index(sid, story.centroid())
        return sid

    def merge(self, keep: str, gone: str) -> None:
        """Merge story ``gone`` into story ``keep``."""
        a, b = self.stories[keep], self.stories.pop(gone)
        for term, weight in b.total.items():
            a.total[term] = a.total.get(term, 0.0) + weight
        a.size += b.size
        a.first = min((d for d in (a.first, b.first) if d), default=None)
        a.last = max((d for d in (a.last, b.last) if d), default=None)
        for term in self.centroids.pop(gone):
            self.postings[term].discard(gone)
        self._index(keep, a.centroid())

    def consolidate(self, threshold: float, touched: set[str] | None = None) -> dict[str, str]:
        """Merge stories whose centroids are at least ``threshold`` similar; return {merged id: kept id}."""
        merged: dict[str, str] = {}
        queue = sorted(touched if touched is not None else self.stories, key=lambda s: (-self.stories[s].size, s))
        while queue:
            sid = queue.pop(0)
            if sid not in self.stories:
                continue
            best, score = self._nearest_story(sid)
            if best is None or score < threshold:
                continue
            keep, gone = sorted((sid, best), key=lambda s: (-self.stories[s].size, s))
            self.merge(keep, gone)
            merged[gone] = keep
            queue.insert(0, keep)
        return merged

    def _nearest_story(self, sid: str) -> tuple[str | None, float]:
        """Return the story most similar to story ``sid`` (excluding itself) that its dates allow."""
        story = self.stories[sid]
        scores: dict[str, float] = defaultdict(float)
        for term, weight in self.centroids[sid].items():
            for other in self.postings.get(term, ()):
                if other != sid:
                    scores[other] += weight * self.centroids[other][term]
        best, best_score = None, 0.0
        for other, score in sorted(scores.items()):
            if score > best_score and _overlaps(story, self.stories[other], self.window):
                best, best_score = other, score
        return best, best_score


def _overlaps(a: Story, b: Story, window: int) -> bool:
    """Tell whether two stories' date ranges are within ``window`` days of each other."""
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return (a.first - b.last).days <= window and (b.first - a.last).days <= window
