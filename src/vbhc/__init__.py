"""vbhc: read, check and write Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP)."""

__version__ = "0.1.0"
