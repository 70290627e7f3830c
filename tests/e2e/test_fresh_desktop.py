"""A fresh desktop: the xcb plugin's missing libraries named before Qt aborts, and
`capi --self-check` / `capi` without a display answering with a message (real processes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from capi_app import qt_libs

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktops")


def no_display_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    return {**env, **extra}


def capi(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "capi_app.cli", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_self_check_without_a_display_answers_instead_of_dumping_core():
    r = capi("--self-check", env=no_display_env())
    assert r.returncode == 0, r.stderr  # a core dump is -6 (SIGABRT)
    assert "self-check ok" in r.stdout
    assert "no display" in r.stderr and "Aborted" not in r.stderr


def test_the_window_without_a_display_says_so():
    r = capi(env=no_display_env())
    assert r.returncode == 1
    assert "no display" in r.stderr and "--self-check" in r.stderr


def plugin_lacking(tmp_path, name: bytes, instead: bytes) -> Path:
    """A copy of the real xcb plugin whose dependency ``name`` is renamed to a library no
    system has: ldd reports it as not found, as on a desktop that lacks it."""
    real = qt_libs.plugin()
    if real is None or shutil.which("ldd") is None:
        pytest.skip("no xcb plugin or ldd here")
    data = real.read_bytes()
    assert name in data and len(name) == len(instead)
    # Same layout as PySide6's, so the plugin's $ORIGIN run path finds Qt's own libraries.
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (tmp_path / "Qt" / "lib").symlink_to(real.parents[2] / "lib")
    fake = platforms / "libqxcb.so"
    fake.write_bytes(data.replace(name + b"\0", instead + b"\0"))
    return fake


def test_the_real_plugin_is_checked_and_a_missing_library_is_named(tmp_path, monkeypatch):
    assert qt_libs.plugin() is not None and qt_libs.missing() == []  # this machine has them
    fake = plugin_lacking(tmp_path, b"libxcb-cursor.so.0", b"libxcb-cursQr.so.0")
    monkeypatch.setenv(qt_libs.PLUGIN_ENV, str(fake))
    assert qt_libs.missing() == ["libxcb-cursQr.so.0"]
    r = capi("--self-check", env=no_display_env(DISPLAY=":12", **{qt_libs.PLUGIN_ENV: str(fake)}))
    assert r.returncode == 1 and "libxcb-cursQr.so.0" in r.stderr + r.stdout
    assert "apt-get install" in r.stderr


def test_demo_sh_names_every_missing_library_in_one_message(tmp_path):
    fake = plugin_lacking(tmp_path, b"libxcb-cursor.so.0", b"libxcb-cursQr.so.0")
    data = fake.read_bytes().replace(b"libxcb-icccm.so.4\0", b"libxcb-iccQm.so.4\0")
    fake.write_bytes(data)
    r = subprocess.run(
        ["bash", "scripts/demo.sh"], cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, qt_libs.PLUGIN_ENV: str(fake)},
    )  # fmt: skip
    assert r.returncode == 1
    lines = [line for line in r.stderr.splitlines() if "lacks" in line]
    assert len(lines) == 1  # one message names them all
    assert "libxcb-cursQr.so.0" in lines[0] and "libxcb-iccQm.so.4" in lines[0]
    assert "sudo apt-get install -y libxcb-cursQr.so.0 libxcb-iccQm.so.4" in r.stderr
