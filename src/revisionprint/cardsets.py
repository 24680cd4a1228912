"""Which cards a class set holds, in what order: tags, a seeded shuffle, copies.

Plain data, so a teacher's "30 sets of the ideology cards, shuffled" can be
tested by counting cards, without drawing anything.
"""

from __future__ import annotations

import random

from .model import Flashcard
from .errors import did_you_mean


class UnknownTag(ValueError):
    pass


def tag_key(tag: str) -> str:
    """What makes two tags the same label: 'July Crisis', 'july crisis' and 'July  Crisis' are one."""
    return " ".join(tag.split()).casefold()


def select_by_tags(cards: tuple[Flashcard, ...], tags: tuple[str, ...]) -> list[Flashcard]:
    """Cards carrying any of the tags (all cards when no tag is given), whatever their case and spacing."""
    if not tags:
        return list(cards)
    known = {tag_key(tag): tag for card in cards for tag in card.tags}
    for tag in tags:
        if tag_key(tag) not in known:
            hint = did_you_mean(tag, sorted(known.values())) if known else "; no card has a tag"
            raise UnknownTag(f"no card is tagged '{tag}'{hint}")
    wanted = {tag_key(tag) for tag in tags}
    return [card for card in cards if any(tag_key(tag) in wanted for tag in card.tags)]


def class_sets(cards: tuple[Flashcard, ...], tags: tuple[str, ...] = (), shuffle_seed: int | None = None,
               copies: int = 1) -> list[list[Flashcard]]:
    """One list of cards per copy. Every copy is shuffled the same way, so sets stay alike."""
    chosen = select_by_tags(cards, tags)
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(chosen)
    return [list(chosen) for _ in range(copies)]
