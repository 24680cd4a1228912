"""Every size a topic or layout may have, in one place (documented in docs/limits.md).

Each maximum is far above real use: a teacher meets one only by accident (a pasted
file, a slipped decimal point), and then gets a message at the file and line
instead of a hang or a crash. Keep docs/limits.md in step with these numbers.
"""

from __future__ import annotations

# ---- files
MAX_FILE_BYTES = 30_000_000  # MAX_CARDS cards of about 600 characters each (a 10,000-card deck is about 4 MB)
MAX_DEPTH = 20  # lists and mappings inside each other; a topic needs 4
MAX_ALIAS_EXPANSIONS = 100_000  # items that aliases (*name) would repeat; a topic needs none

# ---- a topic
MAX_CARDS = 50_000
MAX_FACTORS = 500
MAX_EVENTS = 2_000
MAX_LIST_ITEMS = 500  # one list: a back, evidence, for, against, tags, a layout's lists
MAX_TEXT_CHARACTERS = 5_000  # one text: a front, a back, a piece of evidence...
MAX_TEXT_LINES = 100  # lines in one text written with | or >

# ---- a layout (lengths in millimetres, text sizes in points)
MAX_LENGTH_MM = 2_000  # any length at all: twice the long side of A0
SMALLEST_PAPER_MM = 100  # each side of the paper
LARGEST_PAPER_MM = 1_200  # each side: A0 is 841 x 1189 mm
SMALLEST_CONTENT_MM = 60  # the paper less its margins, each way (on its short side)
SMALLEST_TEXT_PT = 4
LARGEST_TEXT_PT = 72  # an inch high; JCQ large print is 18-24 pt, 36 pt on A3
LARGEST_SAFE_MARGIN_MM = 30
LARGEST_CORNER_RADIUS_MM = 20
LARGEST_WRITING_LINE_SPACING_MM = 30
LARGEST_PAGE_PART_MM = 250  # a width or height of part of a page: a writing line, a strip, a lane
LARGEST_GAP_MM = 50  # a padding, gap, box or mark
LARGEST_NAME_FIELD_MM = 150  # each line of the Name / Class / Date field
LARGEST_LINE_WIDTH_MM = 5  # the width of a drawn line (lines: ...: width, grid_width)
LARGEST_BAND_HEIGHT_MM = 20  # the tag band across a card's front
SMALLEST_COLUMN_MM = 12  # a factor table's narrowest column, once widths are shared out
SMALLEST_STRIP_TEXT_MM = 12  # across a card-sort strip's text, inside its padding and beside its number
SMALLEST_MAT_ZONE_MM = 10  # each of a sorting mat's three spaces for strips, below its title
SMALLEST_WIDTH_SHARE = 0.1  # factors.widths
LARGEST_WIDTH_SHARE = 100
MAX_NUMBER_CHARACTERS = 12  # digits and point in one number: 1234567.8901

# ---- a pack (revisionprint pack, revisionprint course)
MAX_COPIES = 500  # copies of one pack, and names on one class list: a whole year group is about 300
MAX_PACK_TOPICS = 200  # topics in one pack or course: a two-year course has a few dozen

# ---- what a message repeats of a value
EXCERPT_CHARACTERS = 60
