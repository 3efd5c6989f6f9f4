"""The whole suite runs with network access blocked (pytest-socket, enabled in
pyproject.toml's addopts), so any code path that tries to reach the network
fails the test that took it. These tests prove the block is on."""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketBlockedError

# pytest-socket warns each time it blocks: here that is the point.
pytestmark = pytest.mark.filterwarnings("ignore:A test tried to use socket")


def test_block_is_on_for_the_whole_suite(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.getoption("disable_socket") is True
    assert pytestconfig.getoption("allow_unix_socket") is True


def test_connecting_fails() -> None:
    """Only a loopback address is tried, so even if the block were off no
    packet would leave the machine."""
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_creating_an_internet_socket_fails() -> None:
    for family in (socket.AF_INET, socket.AF_INET6):
        with pytest.raises(SocketBlockedError):
            socket.socket(family, socket.SOCK_STREAM)


def test_name_lookup_fails() -> None:
    with pytest.raises(SocketBlockedError):
        socket.getaddrinfo("localhost", 80)


def test_local_socket_pairs_still_work() -> None:
    """asyncio's self-pipe (Playwright's sync API) and multiprocessing use these."""
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ping")
        assert right.recv(4) == b"ping"
