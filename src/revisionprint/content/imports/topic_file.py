"""Imported cards written as a topic file a teacher can read and edit.

Block style as in docs/content-format.md: `- front:`, `front_image:` (when the card has a picture),
`back:` (a list when the answer had several lines), `back_image:`, `tags: [...]`, a blank line
between cards. PyYAML's emitter decides the quoting, so a text that YAML would read as something
else (`no`, `null`, `&anchor`, `# comment`, `: `) is quoted and every other text is written as it is; the topic loader reads back exactly the text imported.
"""

from __future__ import annotations

import yaml

from .cards import ImportedCard, one_line

# Every text is one line (cards.one_line/lines_of), so no value ever wraps onto a second line.
_NO_WRAPPING = 1 << 30


class _TopicDumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False):
        # '  - front:' under 'flashcards:', as the docs and the example write it.
        return super().increase_indent(flow, False)


class _Tags(tuple):
    """Tags on one line, `tags: [ideology, people]`, as a teacher writes them."""


_TopicDumper.add_representer(_Tags, lambda dumper, tags: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", list(tags), flow_style=True))


def _card(card: ImportedCard, pictures_folder: str) -> dict:
    entry: dict = {"front": card.front}
    if card.front_image:
        entry["front_image"] = f"{pictures_folder}/{card.front_image}"
    entry["back"] = card.back[0] if len(card.back) == 1 else list(card.back)
    if card.back_image:
        entry["back_image"] = f"{pictures_folder}/{card.back_image}"
    if card.tags:
        entry["tags"] = _Tags(card.tags)
    return entry


def topic_yaml(title: str, cards: tuple[ImportedCard, ...], heading: str, pictures_folder: str = "") -> str:
    """The topic file's text; the same cards always give the same bytes. A card's pictures are
    written as paths from the topic's folder, in `pictures_folder` beside it."""
    document = {"title": one_line(title), "flashcards": [_card(card, pictures_folder) for card in cards]}
    text = yaml.dump(document, Dumper=_TopicDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=_NO_WRAPPING)
    lines = text.splitlines()
    first_card = lines.index("flashcards:") + 1
    spaced = lines[:first_card]
    for line in lines[first_card:]:
        if line.startswith("  - ") and len(spaced) > first_card:
            spaced.append("")
        spaced.append(line)
    comment = [f"# {line}" for line in heading.splitlines()]
    return "\n".join([*comment, *spaced]) + "\n"
