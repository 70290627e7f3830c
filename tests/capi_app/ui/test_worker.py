"""Work off the GUI thread: progress with an unknown total reaches the window as None."""

from __future__ import annotations

from capi_app.ui import worker


def test_progress_with_an_unknown_total_arrives_as_none_without_a_warning(qtbot, capfd):
    seen, done = [], []

    def work(progress, cancel):
        progress("pull", 3, None)  # pull pages: the total is unknown until the last page
        progress("push", 1, 4)
        return "ok"

    job = worker.start(work, done.append, done.append, lambda *a: seen.append(a))  # noqa: F841 (held)
    qtbot.waitUntil(lambda: done == ["ok"] and len(seen) == 2)
    assert seen == [("pull", 3, None), ("push", 1, 4)]
    assert "copy-convert" not in capfd.readouterr().err


def test_the_sync_dialog_shows_an_unknown_total_as_a_busy_bar(qtbot):
    from types import SimpleNamespace

    from capi_app.ui.sync_dialog import SyncDialog

    dialog = SyncDialog(SimpleNamespace(api=None, profile=None))
    qtbot.addWidget(dialog)
    dialog._progress("pull", 2, None)
    assert dialog.bars["pull"].maximum() == 0 and dialog.bars["pull"].format() == "2"
