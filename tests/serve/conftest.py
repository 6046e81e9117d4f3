"""Shared by the serve tests: one pool of child processes for the session, apps on fresh data
folders driven through Starlette's test client (the ASGI app in process), and a real `vbhc serve`
on a free port for the tests that need a server (the browser, several processes, a hostile file)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from serve_helpers import Server, make_client, start_server  # noqa: E402


@pytest.fixture(scope="session")
def runner():
    from vbhc.serve.runner import Runner

    pool = Runner(jobs=2, timeout=60.0)
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def client(runner, tmp_path_factory):
    """The app on a data folder shared by one test module."""
    with make_client(tmp_path_factory.mktemp("data"), runner) as c:
        yield c


@pytest.fixture()
def fresh_client(runner, tmp_path):
    with make_client(tmp_path / "data", runner) as c:
        yield c


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Server:
    """`vbhc serve` in a child process, on a free loopback port."""
    srv = start_server(tmp_path_factory.mktemp("server-data"), "--jobs", "2")
    yield srv
    srv.stop()
