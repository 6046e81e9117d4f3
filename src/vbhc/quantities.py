"""Numbers, units and comparisons as officers read them: "87,5%", "≥ 95%", "25,0 mm".

Written once here; messages, reports and profiles format through these functions.
"""

from __future__ import annotations

# The comparators a target can carry (contract/profile.schema.json) and how each is shown.
OP_SIGNS = {">=": "≥", ">": ">", "=": "=", "<=": "≤", "<": "<", "reduce_by": "giảm", "increase": "tăng",
            "improve": "nâng cao"}
OPS = tuple(OP_SIGNS)


def plain(value: float | int | None) -> float | int | None:
    """95.0 → 95: a whole number is kept as an int (JSON, YAML, messages)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def vn_number(value: float | int | None, decimals: int | None = None) -> str:
    """95 → "95", 87.5 → "87,5", (25, 1) → "25,0": the Vietnamese decimal comma."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}" if decimals is not None else str(plain(value))
    return text.replace(".", ",")


def show(op: str, value: float | None, unit: str | None = None) -> str:
    """"≥ 95%", "> 87%", "giảm 10%", "tăng": a comparator with its value and unit."""
    sign = OP_SIGNS.get(op, op)
    if value is None:
        return sign
    unit = unit or ""
    space = "" if unit in ("%", "") else " "
    return f"{sign} {vn_number(value)}{space}{unit}"
