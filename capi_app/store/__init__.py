"""The client's encrypted local store (SQLCipher), its keys and migrations."""

from capi_app.store.changesets import OutboxItem
from capi_app.store.db import WrongKey
from capi_app.store.errors import (
    HouseholdLocked,
    InvalidEdit,
    StaleSave,
    StoreError,
    UnknownChangeset,
    UnknownHousehold,
    UnknownMember,
)
from capi_app.store.keys import KeyFileError, WrongPassword
from capi_app.store.photos import PhotoRecord
from capi_app.store.search import SearchHit
from capi_app.store.state import STATES
from capi_app.store.store import Store
from capi_app.store.views import HouseholdSummary, HouseholdView, MemberView, PendingField

__all__ = [
    "STATES",
    "HouseholdLocked",
    "HouseholdSummary",
    "HouseholdView",
    "InvalidEdit",
    "KeyFileError",
    "MemberView",
    "OutboxItem",
    "PendingField",
    "PhotoRecord",
    "SearchHit",
    "StaleSave",
    "Store",
    "StoreError",
    "UnknownChangeset",
    "UnknownHousehold",
    "UnknownMember",
    "WrongKey",
    "WrongPassword",
]
