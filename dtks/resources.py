"""Find the project's shipped data files (resources/, forms/) in a checkout or a frozen app."""

import os
import sys
from pathlib import Path


def _shipped_dir(name: str, env: str) -> Path:
    """The directory `name` beside the packages: $env, else the PyInstaller bundle, else the checkout."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / name
    return Path(__file__).resolve().parent.parent / name


def resources_dir() -> Path:
    """Return the resources/ directory ($VERIVALI_RESOURCES overrides it).

    >>> (resources_dir() / "wilayah").is_dir()
    True
    """
    return _shipped_dir("resources", "VERIVALI_RESOURCES")


def forms_dir() -> Path:
    """Return the forms/ directory ($VERIVALI_FORMS overrides it)."""
    return _shipped_dir("forms", "VERIVALI_FORMS")


def resource_path(*parts: str) -> Path:
    """Return the path of a file under resources/, raising FileNotFoundError naming it if absent."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"resource file {path} is missing; set VERIVALI_RESOURCES to the resources/ directory"
        )
    return path
