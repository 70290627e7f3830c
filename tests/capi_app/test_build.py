"""The PyInstaller build of the client starts, knows its version and passes its self-check."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_built_client_runs_version_and_self_check(tmp_path):
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "pyinstaller is part of the dev extra"
    subprocess.run(
        [
            pyinstaller,
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        cwd=tmp_path,
    )
    app = tmp_path / "dist" / "verivali" / "verivali"
    version = subprocess.run([app, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("verivali capi ")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env.pop("VERIVALI_RESOURCES", None)
    check = subprocess.run([app, "--self-check"], capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "self-check ok" in check.stdout
    assert not list((tmp_path / "dist").rglob("ODK_Validate.jar"))
