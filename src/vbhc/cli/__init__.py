"""The command line: a stable contract (see README). Heavy imports happen inside commands.

`frame` holds the Vietnamese help and the one error handler, `vietnamese` click's own words,
`common` what the commands share; the commands are in `reading` (parse, check, rules, profile),
`auditing` (audit) and `drafting` (templates, new, draft); `app` puts them in the `vbhc` group.
"""

from vbhc.cli.app import cli, main

__all__ = ["cli", "main"]
