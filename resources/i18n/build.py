"""Update the Qt translation sources from the code and compile them.

Usage: python resources/i18n/build.py [--check]

1. pyside6-lupdate collects every tr()/translate() string of capi_app/ui and capi_app/reports into
   verivali_id.ts and verivali_en.ts (existing translations are kept; strings no longer in the
   code are dropped).
2. English needs no translating: its .ts gets each source text as its translation.
3. pyside6-lrelease compiles both into the .qm files the app loads.
4. Qt's own dialogs (file dialog, message box details, standard buttons, text menus) ask
   Qt's qtbase catalogue, which Qt ships in many languages but not in Bahasa Indonesia:
   qtbase_id.ts holds the Indonesian of the Qt strings our windows show. It is edited by
   hand (not made by lupdate; the source texts are Qt's) and compiled to qtbase_id.qm here.

Translate Bahasa Indonesia by editing verivali_id.ts (Qt Linguist: pyside6-linguist). With
--check, nothing is written: the exit code is 1 when a string lacks its Indonesian translation
or the sources are out of date, which the tests also check.
"""

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = sorted(str(p) for d in ("ui", "reports") for p in (ROOT / "capi_app" / d).rglob("*.py"))
LANGUAGES = ("id", "en")
QT_CATALOGUES = ("qtbase_id",)
"""Hand-kept translations of Qt's own strings, for languages Qt ships no catalogue of."""


def tool(name: str) -> str:
    """The path of a PySide6 tool next to the running Python."""
    path = Path(sys.executable).with_name(name)
    return str(path) if path.exists() else name


def lupdate(ts: Path) -> None:
    """Merge the code's strings into a .ts file."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *SOURCES,
            "-ts",
            str(ts),
        ],
        check=True,
    )


def fill_english(ts: Path) -> None:
    """English translations are the source texts themselves."""
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        source = message.findtext("source")
        if message.get("numerus") == "yes":  # English has a singular and a plural form
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = source
        else:
            translation.text = source
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def untranslated(ts: Path) -> list[str]:
    """Source texts of a .ts file without a finished translation."""
    out = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        text = "".join(translation.itertext())
        if not text.strip() or translation.get("type") in (
            "unfinished",
            "vanished",
            "obsolete",
        ):
            out.append(message.findtext("source"))
    return out


def build(check: bool = False) -> int:
    """Update and compile (or only check) the translations; return an exit code."""
    target = HERE
    if check:
        target = Path(tempfile.mkdtemp())
        for lang in LANGUAGES:
            shutil.copy(HERE / f"verivali_{lang}.ts", target)
    for lang in LANGUAGES:
        ts = target / f"verivali_{lang}.ts"
        lupdate(ts)
        if lang == "en":
            fill_english(ts)
    missing = untranslated(target / "verivali_id.ts")
    for text in missing:
        print(f"verivali_id.ts: no Indonesian translation for {text!r}")
    for name in QT_CATALOGUES:
        qt_missing = untranslated(HERE / f"{name}.ts")
        for text in qt_missing:
            print(f"{name}.ts: no translation for {text!r}")
        missing += qt_missing
    if check:
        stale = [
            lang
            for lang in LANGUAGES
            if (target / f"verivali_{lang}.ts").read_bytes()
            != (HERE / f"verivali_{lang}.ts").read_bytes()
        ]
        for lang in stale:
            print(f"verivali_{lang}.ts is out of date: run python resources/i18n/build.py")
        return 1 if missing or stale else 0
    for name in [f"verivali_{lang}" for lang in LANGUAGES] + list(QT_CATALOGUES):
        subprocess.run(
            [
                tool("pyside6-lrelease"),
                "-silent",
                str(HERE / f"{name}.ts"),
                "-qm",
                str(HERE / f"{name}.qm"),
            ],
            check=True,
        )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(build(check="--check" in sys.argv))
