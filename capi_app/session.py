"""A logged-in session: the unlocked store, the API client of its server and who is logged in.

Made by ``capi_app.account`` (login online or offline) and used by sync and the windows; it
lives apart from the account code so that ``capi_app.sync`` can use it without importing the
login flow (which itself calls ``capi_app.sync``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from capi_app.profile import Profile
from capi_app.store import Store
from capi_app.sync.client import ApiClient
from capi_app.sync.credentials import Credentials

__all__ = ["Session"]


@dataclass
class Session:
    """An unlocked store plus the API client for its server: what sync and the windows use."""

    profile: Profile
    store: Store
    api: ApiClient
    username: str
    role: str | None = None
    scopes: list[str] = field(default_factory=list)
    online: bool = False  # True when this session logged in against the server just now
    credentials: Credentials | None = None

    @property
    def device_id(self) -> str:
        """This installation's id, sent with the login and every change-set."""
        return self.profile.settings.device_id

    def can_sync(self) -> bool:
        """True when a saved token exists and has not expired."""
        return self.credentials is not None and not self.credentials.expired()

    def close(self) -> None:
        """Lock: close the store and drop the token from memory."""
        self.api.token = None
        self.store.close()
