"""trafilatura's link-density passes without the repeats that cannot change anything.

Its main rules prune each candidate frame (`prune_unwanted_sections`) by link density in two rounds of
three passes (div, list, p): the second round is there for what the first one's deletions changed. A
pass that deleted nothing, run again on a tree no pass has changed since, deletes nothing again (its
verdicts read only the tree), so it is skipped: on about half the frames the whole second round.
trafilatura's own functions still make every verdict, from clones whose deletions are counted
(scraper.extract.main_rules wires them in).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_Pass = tuple[str, bool, bool]  # (tag, backtracking, favor_precision)


class LinkPasses:
    """The link-density passes of the frame being pruned that found nothing to delete since the tree
    last changed. Nothing is skipped outside a frame's pruning (other steps change trees between)."""

    def __init__(self) -> None:
        self.deleted = 0  # (the clone's delete_element counts here: any call, even one removing nothing)
        self._delete_by_link_density: Callable[..., Any] | None = None
        self._frame: Any = None
        self._idle: set[_Pass] = set()

    def use(self, delete_by_link_density: Callable[..., Any]) -> None:
        """The pass to run: trafilatura's, cloned to count its deletions in `deleted`."""
        self._delete_by_link_density = delete_by_link_density

    def pruning(self, prune_unwanted_sections: Callable[..., Any]) -> Callable[..., Any]:
        """prune_unwanted_sections with its passes' history kept for the frame it prunes."""

        def prune(tree: Any, *args: Any, **kwargs: Any) -> Any:
            self._frame, self._idle = tree, set()
            try:
                return prune_unwanted_sections(tree, *args, **kwargs)
            finally:
                self._frame = None

        return prune

    def delete_by_link_density(
        self, subtree: Any, tagname: str, backtracking: bool = False, favor_precision: bool = False
    ) -> Any:
        """trafilatura's pass, unless this frame already ran it to no effect and nothing changed since."""
        key = (tagname, backtracking, favor_precision)
        if subtree is self._frame and key in self._idle:
            return subtree
        assert self._delete_by_link_density is not None, "LinkPasses.use was not called"
        before = self.deleted
        result = self._delete_by_link_density(subtree, tagname, backtracking, favor_precision)
        if subtree is self._frame:
            # (after a deletion every pass may find more: the parents' texts and neighbours changed)
            self._idle = self._idle | {key} if self.deleted == before else set()
        return result
