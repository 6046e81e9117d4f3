"""The profile of a parent plan: what every sub-plan must contain, cite and reach.

    from_parent(path)            -> Profile   (parse the parent plan file and read it)
    from_parsed(parsed)          -> Profile
    read_profile(path)           -> Profile   (a saved YAML/JSON profile, validated)
    write_profile(profile, path, fmt="yaml"|"json")   (atomic)
    to_yaml(profile), profile_dict(profile)

`from_parent` and `read_profile` raise `vbhc.errors.InputError(path, reason)` on bad input.
The deadline is inclusive: a sub-plan issued on or before `deadline` is on time ("trước ngày
31/7/2025" is read as "no later than 31/7/2025").
"""

from __future__ import annotations

import os
from typing import Any

from vbhc.errors import InputError
from vbhc.profile.model import Area, Element, Parent, Profile, Reporting, Target

_YAMLIO = ("profile_dict", "read_profile", "to_yaml", "write_profile")


def __getattr__(name: str) -> Any:
    """The YAML functions, imported on first use: `vbhc.profile.summary` (on every check result) must not
    pull in the keys' tables and the YAML reader."""
    if name in _YAMLIO:
        from vbhc.profile import yamlio

        return getattr(yamlio, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["Area", "Element", "Parent", "Profile", "Reporting", "Target", "from_parent", "from_parsed",
           "profile_dict", "read_profile", "to_yaml", "write_profile"]


def from_parsed(parsed) -> Profile:
    from vbhc.profile.extract import profile_of

    return profile_of(parsed)


def from_parent(path: str | os.PathLike[str]) -> Profile:
    """Parse a parent plan file and extract its profile."""
    from vbhc.parse import parse_file

    parsed = parse_file(path)  # raises InputError on unreadable input
    if not parsed.documents:
        raise InputError(str(path), "tệp không có văn bản nào để trích hồ sơ")
    profile = from_parsed(parsed)
    if not profile.areas and not profile.targets:
        raise InputError(str(path), "không tìm thấy lĩnh vực cải cách hay chỉ tiêu nào: có phải kế hoạch cấp trên?")
    return profile
