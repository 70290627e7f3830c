"""Photo phase: upload every stored photo the server lacks, before the change-sets naming them.

Uploads are keyed by the JPEG's SHA-256, so a repeat after a cut connection is a no-op on the
server; a photo is marked uploaded only after the server said so.
"""

from __future__ import annotations

from collections.abc import Callable

from capi_app.store import PhotoRecord, Store
from capi_app.sync.summary import Progress, SyncNote, SyncSummary
from capi_app.sync.transport import Transport

PhotoReader = Callable[[Store, PhotoRecord], bytes]


def read_photo(store: Store, photo: PhotoRecord) -> bytes:
    """The processed JPEG of a stored photo, decrypted (capi_app.media owns the file format)."""
    from capi_app.media import read_record

    return read_record(store, photo)


def upload_photos(
    store: Store,
    api: Transport,
    summary: SyncSummary,
    progress: Progress | None = None,
    reader: PhotoReader = read_photo,
) -> None:
    """HEAD each photo not yet uploaded; PUT the ones the server does not hold."""
    todo = store.photos_to_upload()
    for done, photo in enumerate(todo, start=1):
        if api.has_photo(photo.sha256):
            summary.photos_present += 1
        else:
            try:
                data = reader(store, photo)
            except Exception as e:  # noqa: BLE001 - a damaged file must not stop the others
                summary.note(
                    SyncNote(
                        "photo_unreadable",
                        photo.household_id,
                        detail=str(e),
                        photo=photo.sha256[:12],
                    )
                )
                continue
            if not api.put_photo(photo.sha256, data):
                continue  # carried in a bundle: marked uploaded when the server's reply says so
            summary.photos_uploaded += 1
        store.mark_photo_uploaded(photo.sha256)
        if progress:
            progress("photos", done, len(todo))
