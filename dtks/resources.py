"""Find the project's shipped data files (resources/) in a checkout, an install or a frozen app."""

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the resources/ directory: $VERIVALI_RESOURCES, the PyInstaller bundle, or the checkout.

    >>> (resources_dir() / "wilayah").is_dir()
    True
    """
    override = os.environ.get("VERIVALI_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a file under resources/, raising FileNotFoundError naming it if absent."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"resource file {path} is missing; set VERIVALI_RESOURCES to the resources/ directory"
        )
    return path


def forms_dir() -> Path:
    """Return the forms/ directory: $VERIVALI_FORMS, the PyInstaller bundle, or the checkout."""
    override = os.environ.get("VERIVALI_FORMS")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "forms"
    return Path(__file__).resolve().parent.parent / "forms"
