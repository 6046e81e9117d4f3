"""Run the vbhc command line with a test double as the audit's per-file check.

    python vbhc_with_double.py hang:so-treo-may audit DIR ...

The double is bound into `vbhc.audit.run_audit` (what `vbhc audit` calls) before the command
runs, so the command line is the real one; only the per-file check differs.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `doubles` must import in the workers too


def main() -> None:
    import doubles

    import vbhc.audit
    from vbhc.cli import main as vbhc_main

    double = doubles.parse(sys.argv[1])
    vbhc.audit.run_audit = functools.partial(vbhc.audit.run_audit, check=double)
    sys.argv = ["vbhc", *sys.argv[2:]]
    vbhc_main()


if __name__ == "__main__":
    main()
