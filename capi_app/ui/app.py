"""The desktop application: `capi` opens the login window; `capi --demo` runs the demo."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

import dtks
from capi_app.profile import Profile
from capi_app.ui import i18n
from capi_app.ui.style import STYLE_SHEET


def build_parser() -> argparse.ArgumentParser:
    """Options of the desktop application."""
    p = argparse.ArgumentParser(prog="capi", description="Verivali DTKS desktop client")
    p.add_argument("--profile", help="local data directory (default: per-user data dir)")
    p.add_argument("--demo", action="store_true", help="start a local demo server and log in to it")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    p.add_argument("--self-check", action="store_true", help="check the installation and exit")
    p.add_argument("--lang", choices=["id", "en"], help="language of the windows")
    return p


def make_app(language: str) -> QApplication:
    """The QApplication with the style and the language's translations installed."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Verivali")
    app.setOrganizationName("Verivali")
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
    i18n.set_language(language)
    return app


def self_check() -> int:
    """Load what the app needs (forms, translations, wilayah table) and build a window offscreen."""
    from capi_app.forms import DEFAULT_FORM_ID, load
    from capi_app.ui.login import LoginDialog
    from dtks import wilayah

    form = load(DEFAULT_FORM_ID)
    problems = []
    for lang in ("id", "en"):
        if not i18n.set_language(lang):
            problems.append(f"translation {lang} missing ({i18n.qm_path(lang)})")
    if len(wilayah.table()) < 90000:
        problems.append("kode wilayah table incomplete")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        LoginDialog(Profile(tmp)).close()
    if problems:
        print("self-check FAILED: " + "; ".join(problems))
        return 1
    print(
        f"self-check ok: form {form.id} {form.version}, translations id/en, {len(wilayah.table())} regions"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the desktop client; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.version:
        print(f"verivali capi {dtks.__version__}")
        return 0
    if args.demo:
        return run_demo(args)
    profile = Profile(args.profile)
    if args.lang:
        profile.settings.language = args.lang
        profile.save()
    app = make_app(profile.settings.language)
    if args.self_check:
        return self_check()
    return run_login(app, profile)


def run_login(app: QApplication, profile: Profile) -> int:
    """Show the login window, then the main window until the user quits."""
    from capi_app.ui.login import LoginDialog

    dialog = LoginDialog(profile)
    if dialog.exec() != LoginDialog.DialogCode.Accepted:
        return 0
    return show_main(app, dialog.session)


REVIEW_ROLES = ("reviewer", "admin")


def main_window_for(session):
    """The review queue for kabupaten/kota reviewers and admins, the submissions for reviewers
    of a province or Kemensos, relay and progress for supervisors, heads-down PAPI entry for
    clerks, the household list for everyone else."""
    from capi_app.submissions import works_up_the_chain

    if session.role == "reviewer" and works_up_the_chain(session.scopes):
        from capi_app.ui.submissions_window import SubmissionsWindow

        return SubmissionsWindow(session)
    if session.role in REVIEW_ROLES:
        from capi_app.ui.review_window import ReviewWindow

        return ReviewWindow(session)
    if session.role == "supervisor":
        from capi_app.ui.supervisor_window import SupervisorWindow

        return SupervisorWindow(session)
    if session.role == "clerk":
        from capi_app.ui.papi.entry_window import PapiEntryWindow

        return PapiEntryWindow(session)
    from capi_app.ui.main_window import MainWindow

    return MainWindow(session)


def show_main(app: QApplication, session) -> int:
    """The main window for a logged-in session."""
    window = main_window_for(session)
    window.showMaximized()  # old laptops have 1366×768 screens: use all of it
    return app.exec()


def run_demo(args) -> int:
    """Start the demo server, log in as the demo enumerator, pull, and open the list."""
    from capi_app import account, demo
    from capi_app.sync.session import run_sync

    try:
        server = demo.start_demo_server()
    except demo.DemoError as e:
        print(f"demo: {e}", file=sys.stderr)
        return 1
    profile = Profile(args.profile or demo.demo_dir() / "client-profile")
    if args.lang:
        profile.settings.language = args.lang
        profile.save()
    app = make_app(profile.settings.language)
    print(f"demo server at {server.url}; logging in as {demo.DEMO_USER}")
    try:
        session = account.login_online(profile, server.url, demo.DEMO_USER, demo.DEMO_PASSWORD)
        run_sync(session)
    except Exception as e:  # noqa: BLE001 - shown to the person running the demo
        QMessageBox.critical(None, "Verivali demo", f"The demo could not log in: {e}")
        server.stop()
        return 1
    try:
        return show_main(app, session)
    finally:
        server.stop()
