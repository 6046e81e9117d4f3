"""Every limit a reader applies to its input, in one place.

Files arrive from hundreds of offices by e-mail and e-office systems; a few are broken, a few may
be crafted. A reader checks what it can *before* doing the work (sizes in the zip directory, the
page count of a PDF, the size of a text file) and guards again *while* doing it (inflating in
chunks, watching the clock between PDF pages), so one file can neither exhaust memory nor hang a
run. Each limit is far above what a real administrative document needs (a 200-page plan is a
~5 MB document.xml and a 3 MB PDF) and far below what would hurt the machine; the numbers are
chosen so that refusing any hostile input takes well under 10 s and 500 MB.
"""

from __future__ import annotations

MB = 1024 * 1024

# --- .docx (a zip package of XML parts) -----------------------------------------------------
# One part as inflated. Only XML parts are ever inflated (document, styles, numbering, …), never
# images; lxml needs a few times the part's size, so this also bounds the parse's memory.
MAX_PART_BYTES = 64 * MB
# One part as stored (compressed) in the zip.
MAX_PART_COMPRESSED_BYTES = 64 * MB
# All parts together as the zip directory declares them inflated (images included).
MAX_TOTAL_UNCOMPRESSED_BYTES = 1024 * MB
# Inflated size / stored size of one part. Word's XML deflates 5–20×, repetitive tables up to
# ~80×; zeros reach ~1000×. Only checked for parts above INFLATE_RATIO_MIN_BYTES inflated (tiny
# parts have meaningless ratios).
MAX_INFLATE_RATIO = 200
INFLATE_RATIO_MIN_BYTES = 1 * MB
# Entries in the zip directory: a Word file has 10–60, one with many images a few hundred.
MAX_ZIP_ENTRIES = 2000
# Size of the zip's central directory, read from the end record before zipfile parses it.
MAX_ZIP_DIRECTORY_BYTES = 4 * MB
# Inflating is done in chunks of this size, stopping as soon as the running total passes the
# limit (the directory's sizes can lie).
INFLATE_CHUNK_BYTES = 1 * MB
# Element nesting depth of an XML part. libxml2 enforces 256 itself when `huge_tree=False`
# (the readers' parser setting; "Excessive depth in document: 256"); the readers translate that
# error into a plain message. A test pins that the library still behaves so.
MAX_XML_DEPTH = 256

# --- PDF -------------------------------------------------------------------------------------
# Pages, counted from the page tree before any page is extracted.
MAX_PDF_PAGES = 500
# Time to read one file: a base plus an allowance per page, so a long sound file is never
# refused (PDFium and vbhc need ~5–30 ms for an ordinary page, a dense table page ~100 ms);
# and no single page may take more than PDF_PAGE_SECONDS, so a hostile page is stopped early
# whatever the length of the file. Checked while reading, and by a SIGALRM deadline per page
# where that is possible (see readers.guard; it cannot cut into one call into PDFium, which the
# stream and operator limits below keep short).
PDF_SECONDS_BASE = 5.0
PDF_SECONDS_PER_PAGE = 0.2
PDF_PAGE_SECONDS = 3.0
# One page content stream, as decoded (a stream that inflates to gigabytes is a bomb).
MAX_PDF_STREAM_BYTES = 64 * MB
# What PDFium may build for one page, measured before it does: PDFium holds a page's objects in
# memory (~600 bytes per text object, ~15 bytes per byte of content). A dense real page has
# < 10,000 drawing operators (text shown, paths painted, XObjects invoked) in < 1 MB; a page
# beyond either limit (a detailed map, or a crafted page) is left out with a note.
MAX_PDF_PAGE_OPERATORS = 300_000
MAX_PDF_PAGE_CONTENT_BYTES = 16 * MB
# Glyphs kept for the whole file: the reader holds every glyph's box, font and size until the
# paragraphs are built (~380 bytes each, measured), on top of PDFium's page (~150 MB for a page of
# 250,000 glyphs). A dense real page has ~2,200 glyphs (bc01, 35 pages: 75,600), so this is ~200
# such pages; a crafted file of 250,000-glyph pages stops after its second, under 450 MB.
MAX_PDF_GLYPHS = 450_000

# --- plain text ------------------------------------------------------------------------------
# A 200-page plan exported as text is ~600 KB; parsing runs at ~50,000 lines/s, so 2 MB of
# short lines still parses within the 10 s bound.
MAX_TEXT_BYTES = 2 * MB
# Columns of one table drawn in Markdown (a grid's "+", a multiline table's groups of dashes): a plan's
# widest table has a dozen; each source line of a table is cut at every column edge, so 2 MB of
# "+-+-+…" would otherwise cost lines × columns. A wider "table" is read as text.
MAX_MARKDOWN_COLUMNS = 64

# --- every format ----------------------------------------------------------------------------
# Blocks (paragraphs, table-cell lines, text lines) of one file: a 200-page plan has ~5,000.
# Checked by the text reader before building blocks and by `readers.read` after any reader.
MAX_BLOCKS = 50_000

# --- .doc through LibreOffice ----------------------------------------------------------------
MAX_DOC_BYTES = 64 * MB
DOC_CONVERT_SECONDS = 60.0


def pdf_time_limit(pages: int) -> float:
    """Seconds allowed to read a PDF of this many pages."""
    return PDF_SECONDS_BASE + PDF_SECONDS_PER_PAGE * max(pages, 1)


def pdf_page_time_limit(pages: int) -> float:
    """Seconds allowed to read any one page of a PDF of this many pages (never above the total)."""
    return min(PDF_PAGE_SECONDS, pdf_time_limit(pages))


# --- YAML (template data, saved profiles) --------------------------------------------------------
# A saved provincial profile is ~16 KB and ~550 nodes, a template's data ~3 KB and ~110 nodes.
# PyYAML's pure-Python loader reads ~1 MB a second here. libyaml's parser feeds yamlsafe's own
# composer; libyaml's composer is not used because it recurses on the C stack, where depth cannot
# be bounded. profile/ownyaml.py, which reads the profiles vbhc writes, holds to the same bytes and nodes.
MAX_YAML_BYTES = 1 * MB
# Nesting of lists and mappings (a profile nests 4 deep, a template's body ~8).
MAX_YAML_DEPTH = 64
# Nodes once every alias is expanded: a 4 KB alias bomb stands for billions of items for whoever
# walks the result. Counted on the composed graph (shared nodes once each), before construction.
MAX_YAML_NODES = 50_000

# --- other small files read whole (vbhc.toml) -----------------------------------------------------
MAX_CONFIG_BYTES = 1 * MB

# --- the start-up cache (vbhc.cache) ---------------------------------------------------------------
# Its largest file, the word list's index, is ≈1 MB; a file above this is not vbhc's and is not read.
MAX_CACHE_BYTES = 8 * MB
# Compiled patterns kept: vbhc's own are ≈150; a pattern built from a document's words goes through
# `regex` as well, and no run may grow the file without end.
MAX_CACHED_PATTERNS = 1000
# Texts whose words the segmentation model gave, kept (`profile.segmenter`): a parent plan has a few dozen
# indicators, so this is hundreds of parents; an edited text is a new entry, and the file must not grow
# without end (≈ 200 bytes a text: ≈ 2 MB at most).
MAX_CACHED_SEGMENTS = 10_000
