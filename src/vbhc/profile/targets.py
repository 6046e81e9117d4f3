"""Quantified targets: found in sentences, matched by indicator, compared with the right logic.

A target is a number with a unit (%) in a sentence, the comparator words around it ("từ 95%
trở lên", "trên 87%", "giảm 10%") and the noun phrase it qualifies. A sentence may hold two
("100% cơ quan … và 100% văn bản đi được ký số"); a coordinated number without its own words
inherits the comparator of the one before ("giảm 10% đơn vị … và 10% biên chế"). Directional
targets have no number ("Tăng tỷ lệ số hoá …", "Cải thiện Chỉ số PAR INDEX").

"=" means "reaches this value" ("đạt 100%", "100% văn bản …"); a bare value below 100 ("98% văn
bản …", "đạt 96%") is read as "≥", since reaching 98% is at least 98%.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from vbhc import rx
from vbhc.model import Document, Node
from vbhc.profile.keys import has_manner_clause, indicator_key, similarity, vocabulary_of
from vbhc.profile.lexicon import (
    COUNT_UNITS,
    IMPROVE_OBJECTS,
    IMPROVE_VERBS,
    INCREASE_OBJECTS,
    INCREASE_VERBS,
    NOT_TARGET_SECTIONS,
    OP_AFTER,
    OP_BEFORE,
    UNITS,
)
from vbhc.profile.model import DIRECTION_OPS, LEVEL_OPS, Target
from vbhc.textnorm import fold, nfc, squash

# "95%", "87,5 phần trăm", and ranges "55–60%", "55% - 60%", "55% đến 60%" (the lower bound is kept).
_NUMBER = rx.compile(r"(?<![\d/.,])(?:(?P<low>\d{1,3}(?:[.,]\d+)?)\s*%?\s*(?:[-–—]|đến|tới)\s*)?"
                     r"(?P<num>\d{1,3}(?:[.,]\d+)?)\s*(?P<unit>%|phần\s+trăm)(?![\p{L}\d])", re.I)
# "ít nhất 01 (một) sáng kiến", "không quá 05 ngày làm việc", "trên 33 triệu USD": a counted amount; the
# counted noun stays in the indicator's words.
_COUNT = rx.compile(r"(?<![\d/.,])(?P<low>)(?P<num>\d{1,4}(?:[.,]\d+)?)\s*(?:\([\p{L}\s]+\)\s*)?"
                    r"(?=(?P<unit>" + "|".join(re.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True))
                    + r")(?![\p{L}]))", re.I)
# "(nằm) trong nhóm 15 tỉnh, thành phố dẫn đầu (cả nước)": a rank, at most the 15th.
_RANK = rx.compile(r"(?:nằm\s+)?(?:trong\s+)?(?:nhóm|top)\s+(?P<low>)(?P<num>\d{1,3})\s+[\p{L}, ]{2,40}?\s+dẫn\s+đầu"
                   r"(?:\s+(?:cả\s+nước|toàn\s+quốc|khu\s+vực|toàn\s+tỉnh|của\s+tỉnh))?", re.I)
RANK_UNIT = "hạng"
# Comparator words too loose for a count: "từ 3 đơn vị" is a start, not a floor, unless "… trở lên" follows.
_WEAK_COUNT_OPS = {fold(p) for p in ("từ", "lên", "đạt", "bằng", "là", "đạt tỷ lệ", "đạt mức")}
_MONEY = {fold(u) for u in ("tỷ đồng", "triệu đồng", "nghìn đồng", "đồng", "triệu USD", "USD")}  # "đạt 400 triệu USD"
_CLAUSE_SPLIT = rx.compile(r"(?<=[.;!?])\s+(?=\S)|;\s*|,\s*(?=(?:trong đó|Trong đó)\b)")


@lru_cache(maxsize=512)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    out = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn").lower()
    return out if len(out) == 1 else ch


def fold_same_length(text: str) -> str:
    """fold() that keeps every character's position (for cutting the original at a folded match)."""
    return "".join(_fold_char(ch) for ch in text)


_COUNT_UNIT = {fold(u): u for u in COUNT_UNITS}
_OPS_BEFORE = sorted(((fold(p), op) for p, op in OP_BEFORE), key=lambda x: len(x[0]), reverse=True)
_OPS_AFTER = [(fold(p), op) for p, op in OP_AFTER]
_FILLER_END = rx.compile(r"(?:\s|^)(?:dat(?: ty le| muc)?|la|bang|phan dau|dam bao|bao dam|o muc)\s*$")
_INTRO = rx.compile(r"^\s*(?:(?:trong do|phan dau(?: den (?:het )?nam \d{4})?|dam bao|bao dam|dong thoi)\s*[,:]?|"
                    r"(?:muc tieu|chi tieu)\s*(?::|$))\s*", re.I)
# "… đảm bảo nguyên tắc 100% hồ sơ …": what the task ensures is the target, not the task before it.
_LEAD_IN_END = rx.compile(r"(?:^|\s)(?:dam bao|bao dam|phan dau)(?: nguyen tac)?\s*$")
_CONNECTOR_EDGES = rx.compile(r"^[\s,;:.\-–]+|[\s,;:.\-–]+$")
_TRAILING_AND = rx.compile(r"(?:\s+|^)(?:va|hoac|,)\s*$")
_LEADING_AND = rx.compile(r"^\s*(?:va|hoac)\s+")


def sentences(text: str) -> list[str]:
    """Split on ". ", "; " (and "!", "?"): the units a target is read from."""
    return [s.strip() for s in _CLAUSE_SPLIT.split(squash(nfc(text))) if s and s.strip()]


_PARENTHESES = rx.compile(r"\s*\(([^()]*)\)")


def _drop_long_parentheses(text: str) -> str:
    """Drop "(Trừ tài liệu thuộc danh mục bí mật nhà nước)"; keep "(QPPL)", "(PAR INDEX)"."""
    return _PARENTHESES.sub(lambda m: m.group(0) if len(m.group(1).split()) <= 3 else "", text)


def _clean(text: str) -> str:
    text = _drop_long_parentheses(text)
    prev = None
    while prev != text:
        prev = text
        text = _CONNECTOR_EDGES.sub("", text)
        f = fold_same_length(text)
        m = _TRAILING_AND.search(f)
        if m:
            text = text[: m.start()]
            continue
        m = _LEADING_AND.match(f)
        if m:
            text = text[m.end():]
            continue
        m = _INTRO.match(f)
        if m and m.end() > 0:
            text = text[m.end():]
    return squash(text)


def _words(text: str) -> int:
    return len([w for w in text.split() if any(ch.isalpha() for ch in w)])


def _op_before(before: str) -> tuple[str | None, int, str | None]:
    """The comparator words that end `before`, where they start (with any filler before them), and the
    words themselves (folded)."""
    f = fold_same_length(before).rstrip()
    for phrase, op in _OPS_BEFORE:
        if f.endswith(phrase) and (len(f) == len(phrase) or not f[-len(phrase) - 1].isalnum()):
            start = len(f) - len(phrase)
            m = _FILLER_END.search(f[:start])
            return op, (m.start() if m else start), phrase
    m = _FILLER_END.search(f)
    return None, (m.start() if m else len(f)), None


def _value(raw: str) -> float:
    return float(raw.replace(",", "."))


@dataclass
class _Span:
    """One number of a sentence read as a target: where its comparator starts, where it ends."""

    start: int
    end: int
    op: str | None
    value: float
    unit: str


def _numbers(sentence: str) -> list[tuple[re.Match[str], str]]:
    """Percentages (and ranges of them), ranks and counted amounts, in order, not overlapping, each with
    its kind: "percent", "rank" or "count"."""
    found: list[tuple[re.Match[str], str]] = []
    for pattern, kind in ((_NUMBER, "percent"), (_RANK, "rank"), (_COUNT, "count")):
        for m in pattern.finditer(sentence):
            if not any(o.start() < m.end() and m.start() < o.end() for o, _k in found):
                found.append((m, kind))
    return sorted(found, key=lambda x: x[0].start())


def _op_after(sentence: str, end: int, op: str | None) -> tuple[str | None, int, bool]:
    """"… 95% trở lên": the comparator after the number, and where the target's words resume."""
    after_f = fold_same_length(sentence[end:])
    stripped = after_f.lstrip()
    for phrase, op_after in _OPS_AFTER:
        if stripped.startswith(phrase):
            return (op_after if op in (None, "=", ">=", "<=") else op), \
                end + (len(after_f) - len(stripped)) + len(phrase), True
    return op, end, False


def _spans(sentence: str) -> list[_Span]:
    spans: list[_Span] = []
    prev_end = 0
    for m, kind in _numbers(sentence):
        op, cut, phrase = _op_before(sentence[prev_end:m.start()])
        if kind == "rank":  # "nằm trong nhóm 15 tỉnh, thành phố dẫn đầu": at most the 15th
            spans.append(_Span(prev_end + cut, m.end(), "<=", _value(m.group("num")), RANK_UNIT))
            prev_end = m.end()
            continue
        is_count = kind == "count"
        if is_count:  # "từ 02 sáng kiến trở lên": the words after the counted noun; the noun stays
            op, _end, after = _op_after(sentence, m.end("unit"), op)
            end = m.end()
            money = fold(m.group("unit")) in _MONEY
            if op is None or (phrase in _WEAK_COUNT_OPS and not after and not (money and phrase == "dat")):
                continue  # "01 (một) tập thể", "trong 05 ngày": a number, not a target
        else:
            op, end, after = _op_after(sentence, m.end(), op)
        low = m.group("low")
        value = _value(low or m.group("num"))
        if low and op in (None, "="):
            op = ">="  # "phấn đấu đạt 55–60%": the lower bound is the commitment
        unit = _COUNT_UNIT[fold(m.group("unit"))] if is_count else UNITS.get(m.group("unit").lower(), "%")
        spans.append(_Span(prev_end + cut, end, op, value, unit))
        prev_end = end
    return spans


def _settle_op(spans: list[_Span], i: int, consumed: bool, before: str) -> str:
    span = spans[i]
    op = span.op
    if op is None and i and consumed and _words(_clean(before)) == 0:
        # "giảm 10% đơn vị … và 10% biên chế": the comparator of the one before, whose indicator
        # followed its number; not in "… đạt từ 97% trở lên, 100% hồ sơ chậm …" (a new statement)
        op = spans[i - 1].op
    if op is None:
        op = "=" if span.value == 100 and span.unit == "%" else ">="
    elif op == "=" and (span.value != 100 or span.unit != "%"):
        op = ">="
    span.op = op
    return op


_SO_VOI = rx.compile(r"\bso voi\b")


def _split_baseline(after: str) -> tuple[str, str | None]:
    """"… so với năm 2021": the words after the number without the baseline, and the baseline."""
    so_voi = _SO_VOI.search(fold_same_length(after))
    if not so_voi:
        return after, None
    return after[: so_voi.start()], _clean(after[so_voi.end():]) or None


def _read_span(sentence: str, spans: list[_Span], i: int, consumed: bool) -> tuple[Target | None, bool]:
    """The target of one span, and whether the words after it were its indicator (`consumed`)."""
    span = spans[i]
    before_start = spans[i - 1].end if i else 0
    after_end = spans[i + 1].start if i + 1 < len(spans) else len(sentence)
    before = "" if consumed else sentence[before_start:span.start]
    op = _settle_op(spans, i, consumed, before)
    after, baseline = _split_baseline(sentence[span.end:after_end])
    after_c, before_c = _clean(after), _clean(before)
    # "…, trong đó …", "…, 100% …": text after a comma starts the next statement
    consumed = _words(after_c) >= 2 and not after.lstrip().startswith((",", ";"))
    if consumed and _words(before_c) and i + 1 < len(spans) and _LEADING_AND.match(fold_same_length(after)):
        consumed = False  # "A đạt trên 90% và B đạt trên 87%": the text after "và" is the next one's
    if not consumed:
        indicator = before_c
    elif before_c and op != "reduce_by" and not before.rstrip().endswith(",") and i == 0 \
            and not _LEAD_IN_END.search(fold_same_length(sentence[before_start:span.start])):
        indicator = f"{before_c} {after_c}"
    else:
        indicator = after_c
    if _words(indicator) == 0:
        return None, consumed
    return Target(indicator=indicator, op=op, value=span.value, unit=span.unit, text=sentence,
                  baseline=baseline), consumed


def targets_in_sentence(sentence: str) -> list[Target]:
    """Every target of one sentence (clause), in order."""
    spans = _spans(sentence)
    if not spans:
        return _directional(sentence)
    found: list[Target] = []
    consumed = False  # the text before this number was the previous target's indicator
    for i in range(len(spans)):
        target, consumed = _read_span(sentence, spans, i, consumed)
        if target is not None:
            found.append(target)
    baselines = {t.baseline for t in found if t.baseline}
    if len(baselines) == 1:  # "giảm 10% A và 10% B so với năm 2021": one baseline for both
        for t in found:
            if t.op == "reduce_by" and not t.baseline:
                t.baseline = next(iter(baselines))
    return found


def _directional_verb(verbs: list[str], objects: list[str]) -> re.Pattern[str]:
    """"tăng tỷ lệ …", "nâng cao Chỉ số …" in a folded sentence: the verb, before its object."""
    return rx.compile(r"\b(?:" + "|".join(fold(v) for v in verbs) + r")\s+(?:cac\s+)?(?:ket qua\s+)?(?=(?:"
                      + "|".join(fold(o) for o in objects) + r")\b)")


# (the verb and its object, the target's op, where a list of objects is split into targets)
_DIRECTIONAL = (
    (_directional_verb(INCREASE_VERBS, INCREASE_OBJECTS), "increase",
     rx.compile(r"(?:,|\s+và)\s+(?:tăng\s+)?(?=(?:tỷ|tỉ) lệ\b)")),
    (_directional_verb(IMPROVE_VERBS, IMPROVE_OBJECTS), "improve",
     rx.compile(r"(?:,|\s+và)\s+(?=(?:Chỉ số|chỉ số|thứ hạng|xếp hạng)\b)")),
)


def _directional(sentence: str) -> list[Target]:
    f = fold_same_length(sentence)
    for verb, op, split in _DIRECTIONAL:
        m = verb.search(f)
        if not m:
            continue
        rest = sentence[m.end():]
        parts = [_clean(p) for p in split.split(rest)]
        return [Target(indicator=p, op=op, value=None, unit=None, text=sentence) for p in parts if _words(p) >= 2]
    return []


def node_texts(node: Node) -> Iterator[str]:
    """The texts of one node to read targets from: its text, or its table's cells."""
    if node.kind == "table" and node.rows:
        for row in node.rows:
            for cell in row:
                if cell:
                    yield cell
        return
    if node.text:
        yield node.text
    if node.heading and _NUMBER.search(node.heading):
        yield node.heading


_HEAD_END = rx.compile(r"\s+(?:của|về|đối với|trong|tại|ở)\s+", re.I)


def _sub_target_text(t: Target, prev: Target | None) -> str:
    """"…, trong đó lĩnh vực đất đai đạt trên 86%": the sub-target's key carries the head of the target
    it details ("Mức độ hài lòng"), which the clause leaves out. The indicator shown is not changed."""
    if prev is None or not fold(t.text).startswith("trong do"):
        return t.indicator
    head = _HEAD_END.split(prev.indicator, maxsplit=1)[0]
    if len(head.split()) > 5 or fold(head) in fold(t.indicator):
        return t.indicator
    return f"{head} {t.indicator}"


_NOT_TARGETS = tuple(fold(h) for h in NOT_TARGET_SECTIONS)


def target_nodes(nodes: list[Node]) -> Iterator[Node]:
    """The nodes targets are read from: all but the sections of award criteria and files to submit
    ("V. TIÊU CHUẨN, HÌNH THỨC, HỒ SƠ KHEN THƯỞNG": "nằm trong nhóm 03 cơ quan dẫn đầu" is a condition)."""
    for node in nodes:
        title = fold(node.heading or (node.text or "")[:80]) if node.kind in ("section", "part", "chapter") else ""
        if title.startswith(_NOT_TARGETS):
            continue
        yield node
        yield from target_nodes(node.children)


def extract_targets(doc: Document, keyed: bool = True) -> list[Target]:
    """Every target in the document's body, in reading order, with its node and line. `keyed`: with its
    key (a parent's, by the segmentation model); a sub-plan's are keyed when matched (`match_targets`)."""
    out: list[Target] = []
    for node in target_nodes(doc.body):
        prev: Target | None = None
        for text in node_texts(node):
            for sentence in sentences(text):
                for t in targets_in_sentence(sentence):
                    t.node, t.line = node.id, node.line
                    key_text = _sub_target_text(t, prev)
                    t.key_text = key_text if key_text != t.indicator else None
                    if keyed:
                        t.key = indicator_key(key_text)
                    out.append(t)
                    prev = t
    return out


def iter_sentences(doc: Document) -> Iterable[tuple[Node, str]]:
    for node in doc.nodes():
        for text in node_texts(node):
            for sentence in sentences(text):
                yield node, sentence


# --- comparing ---------------------------------------------------------------------------------

def satisfies(parent_op: str, parent_value: float | None, found_op: str, found_value: float | None) -> bool:
    """Does a sub-plan's target meet the parent's? Stricter is fine, weaker is not.

    ≥97 meets ≥95; "trên 86%" does not meet "trên 87%"; "đạt 100%" meets "từ 95% trở lên";
    giảm 12% meets giảm 10%; a target with no number meets a directional parent target only.
    """
    if parent_op in DIRECTION_OPS:
        return True
    if parent_op == "reduce_by":
        return found_op == "reduce_by" and found_value is not None and parent_value is not None \
            and found_value >= parent_value
    if found_op not in LEVEL_OPS or found_value is None or parent_value is None:
        return False
    pv, fv = parent_value, found_value
    if parent_op in (">=", ">", "="):  # a floor: the sub-plan's guaranteed minimum must reach it
        if found_op in ("<", "<="):
            return False
        if fv > pv:
            return True
        return fv == pv and (parent_op != ">" or found_op == ">")
    if found_op in (">", ">="):  # a ceiling ("không quá", "dưới")
        return False
    if fv < pv:
        return True
    return fv == pv and (parent_op != "<" or found_op == "<")


def _family(op: str) -> str:
    return "level" if op in LEVEL_OPS else op if op == "reduce_by" else "direction"


def comparable(parent: Target, found: Target) -> bool:
    """Can `found` be a statement of `parent`'s indicator at all (comparator family, unit)?"""
    pf, ff = _family(parent.op), _family(found.op)
    if pf == "direction":
        return True
    if pf == "level":
        if ff == "reduce_by":
            return False
        return ff == "direction" or parent.unit == found.unit
    return ff == "reduce_by" and parent.unit == found.unit


MATCH_THRESHOLD = 0.5


def _key(t: Target, vocabulary: frozenset[str] | None = None) -> str:
    if not t.key:  # a sub-plan's target: cut into its parent's words
        t.key = indicator_key(t.key_text or t.indicator, vocabulary=vocabulary)
    return t.key


def _core_key(t: Target, vocabulary: frozenset[str] | None) -> str:
    if not has_manner_clause(t.indicator):
        return _key(t, vocabulary)
    return indicator_key(t.indicator, without_manner=True, vocabulary=vocabulary)


def _scored_pairs(parents: list[Target], found: list[Target], threshold: float) -> list[tuple[float, int, int]]:
    """Every (score, parent index, found index) at or above the threshold, best first."""
    vocabulary = vocabulary_of([_key(p) for p in parents])
    pairs = []
    for i, p in enumerate(parents):
        for j, f in enumerate(found):
            if not comparable(p, f):
                continue
            score = similarity(_key(p), _key(f, vocabulary))
            if has_manner_clause(p.indicator) or has_manner_clause(f.indicator):  # compare the cores too
                score = max(score, similarity(_core_key(p, vocabulary), _core_key(f, vocabulary)))
            if score >= threshold:
                pairs.append((score, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    return pairs


def _second_targets(parents: list[Target], found: list[Target], pairs: list[tuple[float, int, int]],
                    taken_p: dict[int, tuple[int, float]], taken_f: dict[int, int]) -> None:
    """One sentence may state two of the parent's targets ("Tăng tỷ lệ số hóa thành phần hồ sơ, kết
    quả giải quyết TTHC"): a target already paired also serves a second parent target when it names
    what sets that one apart from every other parent target (a word of its key no other key has:
    "thành_phần", "ioffice"; not "người_dân", which half of them share)."""
    counts: dict[str, int] = {}
    for p in parents:
        for w in set(_key(p).split()):
            counts[w] = counts.get(w, 0) + 1
    for score, i, j in pairs:
        if i in taken_p or j not in taken_f:
            continue
        own = {w for w in _key(parents[i]).split() if counts.get(w) == 1}
        if own & set(_key(found[j]).split()):
            taken_p[i] = (j, score)


def match_targets(parents: list[Target], found: list[Target],
                  threshold: float = MATCH_THRESHOLD) -> list[tuple[Target, Target | None, float]]:
    """Pair each parent target with the sub-plan target that states the same indicator (one to one)."""
    pairs = _scored_pairs(parents, found, threshold)
    taken_p: dict[int, tuple[int, float]] = {}
    taken_f: dict[int, int] = {}  # found index → the parent it was paired with first
    for score, i, j in pairs:
        if i in taken_p or j in taken_f:
            continue
        taken_p[i] = (j, score)
        taken_f[j] = i
    _second_targets(parents, found, pairs, taken_p, taken_f)
    out: list[tuple[Target, Target | None, float]] = []
    for i, p in enumerate(parents):
        if i in taken_p:
            j, score = taken_p[i]
            out.append((p, found[j], score))
        else:
            out.append((p, None, 0.0))
    return out
