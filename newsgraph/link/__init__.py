"""Cross-document linking over the store: copies, story clusters, merged quotes and events.

``link_articles(store, ids)`` runs incrementally after each ingest (the new articles against the stored
ones); ``link_store(store)`` recomputes everything. Cost, for n new articles among N stored:

- copies: sampled 5-gram fingerprints in an indexed table; candidates by a join on hash with posting lists
  capped at ``MAX_POSTING`` (boilerplate), exact containment only for candidates: O(n · F · P), F
  fingerprints per article, P ≤ MAX_POSTING;
- stories: the stored centroids are read once (O(S · K)), then each new article looks up its 20 heaviest
  terms in an inverted index and scores the candidate stories: O(n · (T · P + C · K)); then the stories
  the batch touched merge with alike ones (average linkage, found through the same index): O(M · (T · P + C · K));
- quotes / events: compared only within a speaker / a (story, PLOVER family) block: O(n · b).

There is no all-pairs loop over the corpus.
"""

from __future__ import annotations

from newsgraph.link.stage import link_articles, link_store

__all__ = ["link_articles", "link_store"]
