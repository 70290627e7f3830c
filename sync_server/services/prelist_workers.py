"""Worker processes of the pre-list import: the checks of every line and the anomaly rules of
every household run there while the importing process reads the files and writes the database.

A runner has ``submit(fn, *args)`` (a job whose ``result()`` is ``fn(*args)``) and
``ordered(fn, jobs)`` (the results of many jobs in the order given, at most ``window`` jobs
ahead, so memory stays bounded). The database is written by the importing process only, in
the same order and the same transactions as without workers, so a killed import resumes as
before and the report is the same. ``IN_PROCESS`` runs the same functions inline: the
one-process import, for tiny machines and small files.

>>> with start(1) as run:
...     [r for _, r in run.ordered(pow, ((n, (n, 2)) for n in range(5)))]
[0, 1, 4, 9, 16]
>>> IN_PROCESS.submit(pow, 3, 2).result()
9
"""

import gc
import multiprocessing
import os
import queue
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

POLL_S = 1.0
"""How often a waiting worker checks that the importing process still lives (and the
importing process that its workers do)."""


class WorkerFailed(RuntimeError):
    """A job raised in a worker process, or the worker died; the message holds its traceback."""


class _Done:
    """A job already run."""

    def __init__(self, value):
        self.value = value

    def result(self):
        """The job's result."""
        return self.value


class InProcess:
    """Runs every job at once, in this process."""

    count = 0
    window = 0

    def submit(self, fn: Callable, *args) -> _Done:
        """Run fn(*args) now."""
        return _Done(fn(*args))

    def ordered(self, fn: Callable, jobs: Iterable[tuple]) -> Iterator[tuple]:
        """(tag, fn(*args)) for each (tag, args) of jobs, in order."""
        return _ordered(self, fn, jobs)

    def close(self) -> None:
        """Nothing to stop."""


IN_PROCESS = InProcess()


class _Pending:
    """A job sent to a worker; result() waits for it (and for the jobs sent before it)."""

    def __init__(self, owner: "Workers", worker: int):
        self.owner, self.worker, self.done, self.value = owner, worker, False, None

    def result(self):
        """The job's result, once the worker sent it back."""
        while not self.done:
            self.owner._receive(self.worker)
        ok, value = self.value
        if not ok:
            raise WorkerFailed(value)
        return value


class Workers:
    """count worker processes, given jobs in turn."""

    def __init__(self, count: int):
        methods = multiprocessing.get_all_start_methods()
        # fork starts a worker in milliseconds with every module already imported; the
        # worker never touches the database connections it inherits and leaves by os._exit.
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.count, self.window = count, 2 * count + 1
        self._jobs = [ctx.Queue() for _ in range(count)]
        self._results = [ctx.Queue() for _ in range(count)]
        self._pending: list[deque] = [deque() for _ in range(count)]
        self._next = 0
        gc.freeze()  # a forked worker must never collect (and finalise) our objects
        try:
            self._procs = [
                ctx.Process(
                    target=_serve,
                    args=(self._jobs[i], self._results[i], os.getpid()),
                    name=f"prelist-import-worker-{i + 1}",
                    daemon=True,
                )
                for i in range(count)
            ]
            for p in self._procs:
                p.start()
        finally:
            gc.unfreeze()

    def submit(self, fn: Callable, *args) -> _Pending:
        """Send fn(*args) to the next worker."""
        i, self._next = self._next, (self._next + 1) % self.count
        job = _Pending(self, i)
        self._pending[i].append(job)
        self._jobs[i].put((fn, args))
        return job

    def ordered(self, fn: Callable, jobs: Iterable[tuple]) -> Iterator[tuple]:
        """(tag, fn(*args)) for each (tag, args) of jobs, in order, window jobs ahead."""
        return _ordered(self, fn, jobs)

    def _receive(self, i: int) -> None:
        while True:
            try:
                value = self._results[i].get(timeout=POLL_S)
                break
            except queue.Empty:
                if not self._procs[i].is_alive():
                    code = self._procs[i].exitcode
                    raise WorkerFailed(f"import worker {i + 1} died (exit code {code})") from None
        job = self._pending[i].popleft()
        job.done, job.value = True, value

    def close(self) -> None:
        """Stop the workers (at once: they hold nothing that needs saving)."""
        for q in self._jobs:
            q.cancel_join_thread()
        for p in self._procs:
            if p.is_alive():
                p.terminate()
        for p in self._procs:
            p.join()
        for q in (*self._jobs, *self._results):
            q.close()


def _ordered(runner, fn: Callable, jobs: Iterable[tuple]) -> Iterator[tuple]:
    out: deque = deque()
    for tag, args in jobs:
        out.append((tag, runner.submit(fn, *args)))
        while len(out) > runner.window:
            tag, job = out.popleft()
            yield tag, job.result()
    while out:
        tag, job = out.popleft()
        yield tag, job.result()


def _serve(jobs, results, parent: int) -> None:
    """A worker's loop: run each job, send back (True, result) or (False, traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the importing process's to handle
    while True:
        try:
            job = jobs.get(timeout=POLL_S)
        except queue.Empty:
            if os.getppid() != parent:  # the importing process was killed: nobody to answer
                os._exit(0)
            continue
        fn, args = job
        try:
            out = (True, fn(*args))
        except BaseException:  # noqa: BLE001 - handed to the importing process
            out = (False, traceback.format_exc())
        results.put(out)


@contextmanager
def start(count: int):
    """A runner with count worker processes (0: IN_PROCESS), stopped on leaving."""
    runner = Workers(count) if count > 0 else IN_PROCESS
    try:
        yield runner
    finally:
        runner.close()


MIN_PARALLEL_BYTES = 1_000_000
"""Below this (households.csv + members.csv, about 2,000 households) the import runs in one
process: starting a worker would not pay."""


def default_count(size: int) -> int:
    """Workers for files of size bytes: one when the machine has a second core that is free
    (the load average leaves one idle) and the files are big enough, else none. A worker
    costs 10-40 % more CPU in all (what it is sent and sends back): on a busy machine it makes
    the import no faster (docs/benchmarks.md, "Issue 17, fourth pass")."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    idle = cores - os.getloadavg()[0] if hasattr(os, "getloadavg") else cores
    return 1 if cores >= 2 and idle >= 1 and size >= MIN_PARALLEL_BYTES else 0
