"""Time stage: temporal expressions normalised to TIMEX3 values, and each article's real date."""

from newsgraph.temporal.resolve import resolve_times

__all__ = ["resolve_times"]
