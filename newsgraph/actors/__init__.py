"""Actors stage: mentions of political actors resolved to canonical actors."""

from newsgraph.actors.resolve import find_actors

__all__ = ["find_actors"]
