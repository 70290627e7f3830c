"""The desktop application: `capi` opens the login window; `capi --demo` runs the demo."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

import dtks
from capi_app.profile import Profile, default_profile_dir
from capi_app.ui import i18n
from capi_app.ui.style import STYLE_SHEET


def build_parser() -> argparse.ArgumentParser:
    """Options of the desktop application."""
    p = argparse.ArgumentParser(prog="capi", description="Verivali DTKS desktop client")
    p.add_argument(
        "--profile",
        metavar="DIR",
        help=f"the users' local data (default: {default_profile_dir()}; "
        "$VERIVALI_PROFILE changes it; the demo keeps its own)",
    )
    p.add_argument("--demo", action="store_true", help="start a local demo server and log in to it")
    p.add_argument(
        "--user",
        metavar="NAME",
        help="the user the login starts with; with --demo, the demo user to log in as (default "
        "enum1; the demo prints them all)",
    )
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


def self_check(screen: str | None = None) -> int:
    """Load what the app needs (forms, translations, wilayah table) and build a window;
    ``screen`` is what keeps a window from this desktop (no display, missing libraries)."""
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
    if screen and "lacks libraries" in screen:
        problems.append(screen)
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
    problem = screen_problem(args.self_check)
    if problem:
        print(problem, file=sys.stderr)
        if not args.self_check:
            return 1
    if args.demo:
        return run_demo(args)
    profile = Profile(args.profile)
    if args.lang:
        profile.settings.language = args.lang
        profile.save()
    if args.user:
        profile.settings.username = args.user  # the login window starts with this user
    app = make_app(profile.settings.language)
    if args.self_check:
        return self_check(problem)
    return run_login(app, profile)


def screen_problem(self_check: bool = False) -> str | None:
    """Why Qt could not open a window here, said before Qt aborts with a core dump: no display
    (Linux, no DISPLAY or WAYLAND_DISPLAY, no QT_QPA_PLATFORM) or the xcb plugin's missing
    system libraries (capi_app.qt_libs). For the self-check, a missing display switches to
    the offscreen platform: everything else is still checked."""
    import os

    from capi_app import qt_libs

    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the user chose
    if not platform and not os.environ.get("DISPLAY"):
        if os.environ.get("WAYLAND_DISPLAY"):
            return None
        if self_check:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            return "no display here (DISPLAY is not set): checked offscreen; the window needs a desktop"
        return (
            "capi: no display to open the window on (DISPLAY is not set): run it on a desktop, "
            "or check the installation with capi --self-check"
        )
    files = qt_libs.missing()
    if files:
        if self_check:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return qt_libs.message(files)
    return None


def log_in(profile: Profile, *, switch_user: bool = False):
    """Show the login window; the session, or None when the user closed it."""
    from capi_app.ui.login import LoginDialog

    dialog = LoginDialog(profile, switch_user=switch_user)
    if dialog.exec() != LoginDialog.DialogCode.Accepted:
        return None
    return dialog.session


def run_login(app: QApplication, profile: Profile) -> int:
    """Show the login window, then the main window until the user quits."""
    session = log_in(profile)
    return 0 if session is None else show_main(app, session)


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


def show_main(app: QApplication, session, login=log_in) -> int:
    """The main window for a logged-in session; after a log out or a switch of user (Settings),
    the login window again and the main window of whoever logs in, until the user quits."""
    from capi_app.ui import account_switch

    while True:
        window = main_window_for(session)
        window.showMaximized()  # old laptops have 1366×768 screens: use all of it
        code = app.exec()
        kind = account_switch.take()
        profile = session.profile
        QThreadPool.globalInstance().waitForDone(10_000)  # no job still reading this store
        session.close()  # locked: the next user cannot read this one's data
        window.deleteLater()
        if kind is None:
            return code
        session = login(profile, switch_user=kind == account_switch.SWITCH_USER)
        if session is None:
            return 0


FIELD_ROLES = ("enumerator", "clerk")
"""Roles with assignments: the demo pulls their households before the window opens."""


def run_demo(args) -> int:
    """Start the demo server, log in as a demo user (enum1 by default), pull, open the window."""
    from capi_app import account, demo
    from capi_app.sync.session import run_sync

    try:
        user = demo.check_user(args.user or demo.DEMO_USER)
    except demo.DemoError as e:
        print(f"demo: {e}", file=sys.stderr)
        print("\n".join(demo.user_commands()), file=sys.stderr)
        return 2
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
    print(f"demo server at {server.url}; logging in as {user} (password {demo.DEMO_PASSWORD})")
    print("Every demo user (or Settings > Switch user in the window):")
    print("\n".join(demo.user_commands()), flush=True)
    try:
        session = account.login_online(profile, server.url, user, demo.DEMO_PASSWORD)
        if session.role in FIELD_ROLES:
            run_sync(session)
    except Exception as e:  # noqa: BLE001 - shown to the person running the demo
        QMessageBox.critical(None, "Verivali demo", f"The demo could not log in: {e}")
        server.stop()
        return 1
    try:
        return show_main(app, session)
    finally:
        server.stop()
