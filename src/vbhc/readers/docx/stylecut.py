"""styles.xml read without parsing the styles no paragraph uses.

A styles.xml holds 10–160 styles (python-docx's template: 164 styles in 350 KB, 2.7 ms to parse) and
a document uses a handful. The part is cut at its `<w:style>` elements: the head (declaration, root,
`w:docDefaults`, `w:latentStyles`) is parsed at once, each style's bytes only when a paragraph asks
for that id. Whatever the cut cannot be sure of (another encoding or prefix, a namespace declared
on a style, a comment, text or another element between styles, an entity or a line break in an
attribute) is parsed whole as before, and so is the part when one style's bytes do not parse alone:
a damaged part is still reported as damaged when its styles are used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from vbhc.errors import InputError
from vbhc.readers.docx.names import W_NS, w

Parse = Callable[[bytes], etree._Element]

_STYLE = w("style")
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml(?P<attrs>[^<>?]*)\?>\s*)?")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
_ATTRS = rb"""(?:\s+[^\s=<>/"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*"""
_ROOT_TAG = re.compile(rb"<w:styles(?P<attrs>" + _ATTRS + rb")\s*>")
_STYLE_TAG = re.compile(rb"<w:style(?P<attrs>" + _ATTRS + rb")\s*(?P<empty>/?)>")
_ATTR = re.compile(rb"""\s+([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_OPEN, _END, _CLOSE_ROOT = b"<w:style", b"</w:style>", b"</w:styles>"
_AFTER_NAME = (b" ", b"\t", b"\r", b"\n", b"/", b">")
_W_DECL = f'xmlns:w="{W_NS}"'.encode()
_UNSURE_VALUE = re.compile(rb"[\t\n\r]")
# Below this size the whole part parses faster than it is cut (a cut costs about what parsing 0.5 KB
# does, per style); python-docx's template is 350 KB, the styles.xml of real documents 7–52 KB.
CUT_MIN_BYTES = 128 * 1024


@dataclass
class Cut:
    """styles.xml cut at its styles: the head to parse now, each style's byte span by id."""

    head: bytes
    prefix: bytes  # the declaration and the root's start tag: what a style's bytes are parsed inside
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    defaults: list[tuple[str, str]] = field(default_factory=list)  # (type, id) of w:default styles, in order


def _attrs(raw: bytes) -> dict[bytes, str] | None:
    if b"&" in raw or b"xmlns" in raw:
        return None
    pairs = _ATTR.findall(raw)
    if (b"\t" in raw or b"\n" in raw or b"\r" in raw) and any(_UNSURE_VALUE.search(dq or sq) for _, dq, sq in pairs):
        return None  # attribute-value normalization turns these into spaces: the parser decides
    try:
        return {name: (dq or sq).decode("utf-8") for name, dq, sq in pairs}
    except UnicodeDecodeError:  # not UTF-8: the whole part's parse says it is damaged
        return None


def _style_at(data: bytes, pos: int) -> tuple[int, dict[bytes, str]] | None:
    """(end, attributes) of the w:style element starting at pos; None when it cannot be cut."""
    tag = _STYLE_TAG.match(data, pos)
    attrs = _attrs(tag["attrs"]) if tag else None
    if tag is None or attrs is None:
        return None
    if tag["empty"]:
        return tag.end(), attrs
    end = data.find(_END, tag.end())
    return (end + len(_END), attrs) if end >= 0 else None


def _after_style(data: bytes, end: int) -> int | None:
    """Where the next style starts after one ending at `end`; -1 at the root's end tag; None when
    anything else (text, a comment, another element) comes first."""
    nxt = data.find(b"<", end)
    if nxt < 0 or data[end:nxt].strip():
        return None
    if _opens_style(data, nxt):
        return nxt
    if data.startswith(_CLOSE_ROOT, nxt) and not data[nxt + len(_CLOSE_ROOT):].strip():
        return -1
    return None


def _opens_style(data: bytes, pos: int) -> bool:
    """`<w:style` at pos, and not `<w:styles` or a longer name."""
    after = pos + len(_OPEN)
    return data.startswith(_OPEN, pos) and data[after:after + 1] in _AFTER_NAME


def _first_style(data: bytes, start: int) -> int:
    pos = data.find(_OPEN, start)
    while pos >= 0 and not _opens_style(data, pos):
        pos = data.find(_OPEN, pos + 1)
    return pos


def _root(data: bytes) -> re.Match[bytes] | None:
    decl = _DECLARATION.match(data)
    if decl is None:
        return None
    enc = _ENCODING.search(decl["attrs"] or b"")
    if enc and enc[1].lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return None
    root = _ROOT_TAG.match(data, decl.end())
    if root is None or _W_DECL not in root["attrs"] or root["attrs"].count(W_NS.encode()) != 1:
        return None
    return root


def cut(data: bytes) -> Cut | None:
    """The part cut at its styles, or None when it must be parsed whole."""
    if len(data) < CUT_MIN_BYTES:
        return None
    root = _root(data)
    if root is None:
        return None
    pos = _first_style(data, root.end())
    if pos < 0 or data.find(b"<!", root.end()) >= 0 or data.find(b"<?", root.end()) >= 0:
        return None  # no style, or a comment, CDATA or processing instruction: markup in it is not markup
    out = Cut(head=data[:pos] + _CLOSE_ROOT, prefix=data[:root.end()])
    while pos >= 0:
        got = _style_at(data, pos)
        if got is None:
            return None
        end, attrs = got
        sid = attrs.get(b"w:styleId")
        if sid is not None:
            out.spans.pop(sid, None)  # a later definition of the same id wins
            out.spans[sid] = (pos, end)
            if attrs.get(b"w:default", "").lower() in ("1", "true", "on"):
                out.defaults.append((attrs.get(b"w:type") or "paragraph", sid))
        nxt = _after_style(data, end)
        if nxt is None:
            return None
        pos = nxt
    return out


class StyleElements:
    """Style id → its w:style element, each parsed from its own bytes when first asked for."""

    def __init__(self, data: bytes, parts: Cut, parse: Parse):
        self._data = data
        self._cut = parts
        self._parse = parse
        self._parsed: dict[str, etree._Element] = {}
        self._whole = False

    def __setitem__(self, sid: str, st: etree._Element) -> None:
        """A style found in the head (before the first cut style); a cut one of the same id wins."""
        if sid not in self._cut.spans:
            self._parsed[sid] = st

    def __contains__(self, sid: object) -> bool:
        return sid in self._parsed or sid in self._cut.spans

    def __getitem__(self, sid: str) -> etree._Element:
        got = self._parsed.get(sid)
        if got is not None:
            return got
        start, end = self._cut.spans[sid]
        try:
            root = self._parse(self._cut.prefix + self._data[start:end] + _CLOSE_ROOT)
            got = root[0] if len(root) == 1 and root[0].tag == _STYLE else None
        except InputError:
            got = None
        if got is None:
            return self._parse_whole()[sid]
        self._parsed[sid] = got
        return got

    def _parse_whole(self) -> dict[str, etree._Element]:
        """The whole part, parsed as before (a damaged part raises here, naming it)."""
        root = self._parse(self._data)
        self._parsed = {}
        for st in root.iter(_STYLE):
            sid = st.get(w("styleId"))
            if sid is not None:
                self._parsed[sid] = st
        self._cut.spans.clear()
        return self._parsed
