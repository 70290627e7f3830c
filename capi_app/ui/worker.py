"""Run blocking work (network, database, images) off the GUI thread and report by signals."""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    """Signals a worker emits; they arrive on the GUI thread through queued connections."""

    progress = Signal(str, int, int)
    """phase, done, total."""
    finished = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    """Call fn(progress, cancel) on the thread pool; emit finished(result) or failed(exception).

    `progress(phase, done, total)` may be called from the work; `cancel` is a threading.Event
    the work checks between steps.
    """

    def __init__(self, fn: Callable):
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self.cancel = threading.Event()

    def run(self) -> None:
        """Run the work; never let an exception escape into Qt's thread."""
        try:
            result = self.fn(self.signals.progress.emit, self.cancel)
        except Exception as e:  # noqa: BLE001 - reported to the window, which says it in plain words
            self.signals.failed.emit(e)
        else:
            self.signals.finished.emit(result)


def start(fn: Callable, on_done: Callable, on_error: Callable, on_progress=None) -> Worker:
    """Start fn on the global thread pool with the given callbacks; return the worker."""
    worker = Worker(fn)
    worker.signals.finished.connect(on_done)
    worker.signals.failed.connect(on_error)
    if on_progress is not None:
        worker.signals.progress.connect(on_progress)
    worker.setAutoDelete(False)
    QThreadPool.globalInstance().start(worker)
    return worker
