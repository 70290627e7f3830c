"""The collector pause around a push: counted across threads, always undone."""

import gc
import threading

import pytest

from sync_server import gcpause
from sync_server.errors import MalformedBody
from sync_server.services.merge import push
from sync_server.services.users import User


def test_collector_comes_back_only_when_the_last_of_concurrent_pauses_ends():
    inside, release = threading.Barrier(3), threading.Event()

    def hold():
        with gcpause.paused():
            inside.wait()
            release.wait()

    threads = [threading.Thread(target=hold) for _ in range(2)]
    for t in threads:
        t.start()
    inside.wait()
    assert not gc.isenabled()
    with gcpause.paused():
        pass
    assert not gc.isenabled()  # the other two still hold it
    release.set()
    for t in threads:
        t.join()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with gcpause.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_refused_push_leaves_the_collector_on():
    user = User(1, "enum1", "enumerator", ("3204",))
    with pytest.raises(MalformedBody):
        push(None, user, b"{not json")
    assert gc.isenabled()
