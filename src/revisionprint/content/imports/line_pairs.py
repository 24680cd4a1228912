"""Line pairs: a question line followed by its answer lines, as a set copied off a web page or
typed in a word processor lays it out.

With a blank line between cards, each block is a card: its first line the front, the rest the
back. Without blank lines, a line is taken as a question when it ends with '?' or starts as
questions do (What, When, Define, Explain, "Causes of", "Main point of" ...), and the lines up
to the next question are its answer. Either way a first line on its own is the title, and a line
in brackets on its own, such as "(Context)", is a heading: the cards after it get it as a tag.
"""

from __future__ import annotations

import re
from typing import Optional

from .cards import ImportedCard, ImportedDeck, Reading, card_from_text

_QUESTION = re.compile(
    r"""^(?:
        (?:what|when|where|who|whom|whose|why|how|which|define|describe|explain|outline|identify|compare
          |contrast|evaluate|assess|summari[sz]e|discuss|analy[sz]e|justify|calculate|translate|suggest)\b
      | (?:name|give|list|state)\s+(?:the|a|an|one|two|three|four|five|some|\d+)\b
      | (?:context|causes?|consequences?|effects?|impacts?|significance|importance|reasons?|results?|aims?
          |features?|factors?|main\s+points?|key\s+points?|definition|meaning|role|summary|examples?
          |advantages?|disadvantages?|strengths?|weaknesses?|origins?)\s+(?:of|for)\b(?!.*\.$)
    )""", re.IGNORECASE | re.VERBOSE)
_ENDS_AS_QUESTION = re.compile(r"\?\s*(?:\([^)]*\))?$")
_HEADING = re.compile(r"^[(\[]([^()\[\]]{1,40})[)\]]$")


def is_question(line: str) -> bool:
    return bool(_ENDS_AS_QUESTION.search(line) or _QUESTION.match(line))


def heading(line: str) -> Optional[str]:
    match = _HEADING.match(line.strip())
    return match.group(1).strip() if match else None


def read_line_pairs(text: str, reading: Reading) -> ImportedDeck:
    blocks = _blocks(text)
    title = ""
    if len(blocks) > 1 and len(blocks[0]) == 1 and not heading(blocks[0][0][1]):
        title = blocks.pop(0)[0][1]
    if len(blocks) > 1:
        how = "line pairs, a blank line between cards"
        groups = blocks
    else:
        lines = blocks[0] if blocks else []
        if not title and len(lines) > 1 and not is_question(lines[0][1]) and not heading(lines[0][1]) \
                and is_question(lines[1][1]):
            title = lines.pop(0)[1]
        groups = _by_questions(lines)
        how = "line pairs, fronts found by their wording as there are no blank lines between cards"
        reading.notes.append("There are no blank lines between the cards, so each line that ends with '?' or "
                             "starts as a question does (What, Explain, Causes of ...) was taken as a front and "
                             "the lines after it as its back. Check the cards; for exact control put a blank "
                             "line between cards and import again.")
    cards = _cards(groups, reading)
    if title:
        reading.notes.append(f"The first line, '{title}', was taken as the title.")
    return reading.finish(cards, "line-pairs", how, title=title)


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, each line with its number."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            blocks[-1].append((number, line.strip()))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _by_questions(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = []
    for number, line in lines:
        if is_question(line) or heading(line) or not groups or heading(groups[-1][0][1]):
            groups.append([(number, line)])
        else:
            groups[-1].append((number, line))
    return groups


def _cards(groups: list[list[tuple[int, str]]], reading: Reading) -> list[ImportedCard]:
    cards, tags = [], ()
    for group in groups:
        if heading(group[0][1]):
            tags = (heading(group[0][1]),)
            group = group[1:]  # a block may start with its heading
            if not group:
                continue
        (line, first), rest = group[0], group[1:]
        if not rest:
            reading.problem(line, f"'{first[:60]}' has no answer; a card is a question line with its answer on "
                                  "the lines after it (put a blank line between cards)")
            continue
        card = card_from_text(first, "\n".join(text for _, text in rest), tags, line, reading, what="lines")
        if card:
            cards.append(card)
    return cards
