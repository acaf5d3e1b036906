"""Events stage: PLOVER events with dyads, dates and evidence sentences."""

from newsgraph.events.emit import extract_events

__all__ = ["extract_events"]
