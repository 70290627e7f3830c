"""Photos: EXIF GPS and time, orientation, resize and re-encode, encryption at rest."""

from capi_app.media.exif import PhotoMeta, read_exif
from capi_app.media.photos import (
    PhotoError,
    ProcessedPhoto,
    gps_of,
    import_photo,
    process_photo,
    read_and_process,
    read_photo,
    read_record,
    store_photo,
    thumbnail,
)

__all__ = [
    "PhotoError",
    "PhotoMeta",
    "ProcessedPhoto",
    "gps_of",
    "import_photo",
    "process_photo",
    "read_and_process",
    "read_exif",
    "read_photo",
    "read_record",
    "store_photo",
    "thumbnail",
]
