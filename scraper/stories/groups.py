"""Union-find over record numbers: a story is every record connected by confirmed pairs."""

from __future__ import annotations


class Groups:
    """Union-find whose groups are rooted at their first-seen (lowest-numbered) record.

    Grows one record at a time (`add`), so the offline builder and the crawl stage share it.
    """

    def __init__(self, size: int = 0) -> None:
        self.parent = list(range(size))

    def __len__(self) -> int:
        return len(self.parent)

    def add(self) -> int:
        """A new record in a group of its own; returns its number."""
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, number: int) -> int:
        root = number
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[number] != root:
            self.parent[number], number = root, self.parent[number]
        return root

    def join(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)
