"""Network work of the review windows: worker jobs tied to the widget that started them."""

from shiboken6 import isValid

from capi_app.ui import worker


def start(owner, fn, done, failed, progress=None) -> worker.Job:
    """Run fn(progress, cancel) off the GUI thread; owner.jobs holds it until it ends.

    The callbacks are dropped when the owner widget was closed and deleted meanwhile."""

    def finish(callback, value):
        if not isValid(owner):
            return
        if job in owner.jobs:
            owner.jobs.remove(job)
        callback(value)

    def report(*args):
        if progress is not None and isValid(owner):
            progress(*args)

    job = worker.start(fn, lambda r: finish(done, r), lambda e: finish(failed, e), report)
    owner.jobs.append(job)
    return job
