"""Imported once by `vbhc audit`'s fork server (multiprocessing forkserver preload), never by users.

It loads what every audit worker needs before its first file (the readers, the rule catalogue,
the language model the plan rules segment words with), so that each worker is a fork of this warm
process instead of a fresh interpreter that imports all of it again (~0.6 s per worker, and again
for every worker replaced after a timeout or a crash). Nothing here touches a file or the network;
a failure only means the workers load these themselves.
"""

from __future__ import annotations

try:
    import vbhc.check  # noqa: F401
    import vbhc.parse  # noqa: F401
    import vbhc.readers.docx  # noqa: F401
    import vbhc.readers.pdf  # noqa: F401
    import vbhc.readers.text  # noqa: F401
    from vbhc.profile.keys import indicator_key
    from vbhc.rules import all_rules

    all_rules()
    indicator_key("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn")  # loads the word segmenter
except Exception:  # noqa: BLE001 - preloading is only an optimisation
    pass
