"""Disjoint sets (union-find): the one helper factcheck groups things with."""

from __future__ import annotations

from collections.abc import Iterable


class DisjointSets:
    """Union-find over strings, with path halving; ``find`` gives a stable root (the least name).

    >>> sets = DisjointSets(["b", "a", "c"])
    >>> sets.union("b", "c")
    >>> sets.find("c"), sets.find("a")
    ('b', 'a')
    """

    __slots__ = ("_parent",)

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._parent: dict[str, str] = {item: item for item in items}

    def add(self, item: str) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: str) -> str:
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)
