"""A card face's picture: read once, checked against the layout's limit, placed beside or
above the face's text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator, Union

from ...model import Flashcard

Box = tuple[float, float, float, float]  # x, y, width, height from the bottom left of a face's inner box

# A picture takes at most this share of a face (across or down, whichever shows it larger);
# the text has the rest.
PICTURE_SHARE = 0.5


@dataclass(frozen=True)
class Picture:
    """A card face's picture and the room left for its text, within the face's inner box."""

    path: str
    box: Box
    text: Box


def place_picture(path: str, pixels: tuple[int, int], width: float, height: float, gap: float) -> Picture:
    """Above the text or beside it, whichever shows the picture larger; aspect ratio kept."""
    pixel_width, pixel_height = pixels
    above = min(width / pixel_width, (height * PICTURE_SHARE - gap) / pixel_height)
    beside = min((width * PICTURE_SHARE - gap) / pixel_width, height / pixel_height)
    scale = max(above, beside, 0.0)
    drawn_width, drawn_height = pixel_width * scale, pixel_height * scale
    if above >= beside:
        return Picture(path, ((width - drawn_width) / 2, height - drawn_height, drawn_width, drawn_height),
                       (0.0, 0.0, width, height - drawn_height - gap))
    return Picture(path, (0.0, (height - drawn_height) / 2, drawn_width, drawn_height),
                   (drawn_width + gap, 0.0, width - drawn_width - gap, height))


def read_picture(path: str, largest_mb: int) -> Union[tuple[int, int], str]:
    """The picture's size in pixels, or what is wrong with it, in a teacher's words."""
    from reportlab.lib.utils import ImageReader

    megabytes = os.path.getsize(path) / 1e6
    if megabytes > largest_mb:
        return (f"the picture is {megabytes:.0f} MB, more than the layout allows (flashcards.images."
                f"largest_file_mb: {largest_mb}); save it smaller (1500 pixels across is plenty for a card)")
    try:
        return ImageReader(path).getSize()
    except Exception as error:  # Pillow's own errors, for a damaged or cut-short file
        return f"the picture cannot be read ({error}); save it again as PNG or JPEG"


def picture_problems(card: Flashcard, largest_mb: int) -> Iterator[tuple[str, str]]:
    """(field, message) for each of a card's pictures that cannot be printed."""
    for field_name in ("front_image", "back_image"):
        path = getattr(card, field_name)
        read = read_picture(path, largest_mb) if path is not None else None
        if isinstance(read, str):
            yield field_name, read
