"""Run blocking work (network, database, images) off the GUI thread and report by signals."""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    """Signals a worker emits; they arrive on the GUI thread through queued connections."""

    progress = Signal(str, int, object)
    """phase, done, total: total is None while unknown (pull pages), so not an int: Qt
    cannot carry None in an int ("_pythonToCppCopy: Cannot copy-convert (NoneType)")."""
    finished = Signal(object)
    failed = Signal(object)


class Job:
    """A started piece of work: its signals and the event that asks it to stop."""

    def __init__(self, fn: Callable):
        self.fn = fn
        self.signals = WorkerSignals()
        self.cancel = threading.Event()


class _Runnable(QRunnable):
    """Runs a Job on the pool; Qt deletes it when done, the Job (held by the window) stays."""

    def __init__(self, job: Job):
        super().__init__()
        self.job = job

    def run(self) -> None:
        """Run the work; never let an exception escape into Qt's thread."""
        job = self.job
        try:
            result = job.fn(job.signals.progress.emit, job.cancel)
        except Exception as e:  # noqa: BLE001 - reported to the window, which says it in plain words
            job.signals.failed.emit(e)
        else:
            job.signals.finished.emit(result)


def start(fn: Callable, on_done: Callable, on_error: Callable, on_progress=None) -> Job:
    """Start fn(progress, cancel) on the global thread pool with the given callbacks."""
    job = Job(fn)
    job.signals.finished.connect(on_done)
    job.signals.failed.connect(on_error)
    if on_progress is not None:
        job.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Runnable(job))
    return job
