"""Logging in: online against the server (first time sets up the profile), or offline.

The first online login of a user creates their encrypted store with a key wrapped under the
password; every later login unlocks that key, online or not. The server's token is saved
inside the store, so after an offline unlock a sync works until the token expires. Several
users may share a profile (one laptop, a switch of user): each has a store of their own
(``Profile.store_dir``), so one user's waiting change-sets are never sent under another's login.

>>> session = login_online(Profile(path), "https://dinsos.example", "enum1", "rahasia")  # doctest: +SKIP
>>> session = unlock_offline(Profile(path), "rahasia")                                  # doctest: +SKIP
>>> logout(session)                                                                     # doctest: +SKIP
"""

from __future__ import annotations

from capi_app.profile import Profile
from capi_app.session import Session
from capi_app.store import Store, keys
from capi_app.store.keys import WrongPassword
from capi_app.store.store import KEY_FILE
from capi_app.sync import credentials, device_keys
from capi_app.sync.client import ApiClient, normalize_url
from capi_app.sync.credentials import Credentials
from capi_app.sync.errors import SyncError
from dtks.bundles.keys import KeyPair

__all__ = [
    "AccountError",
    "NotSetUp",
    "PasswordOutOfDate",
    "Session",
    "WrongPassword",
    "login_online",
    "logout",
    "unlock_offline",
]


class AccountError(Exception):
    """Base of login failures on this device; str() is the English message for the CLI and
    the log. The login window says each kind in the user's language (ui/login.py)."""


class NotSetUp(AccountError):
    """No key file yet: the first login must be online."""


class PasswordOutOfDate(AccountError):
    """The server accepted the password but this device's data is locked with an older one."""


def _api(profile: Profile, server_url: str, token: str | None = None) -> ApiClient:
    return ApiClient(server_url, token=token, ca_bundle=profile.settings.ca_bundle or None)


def _open_store(profile: Profile, username: str, password: str, old_password: str | None) -> Store:
    """Create the user's store on their first login, else unlock it; re-wrap when the password
    changed."""
    directory = profile.store_dir(username)
    if not profile.is_set_up(username):
        return Store.create(directory, password)
    try:
        return Store.unlock(directory, password)
    except WrongPassword:
        if old_password is None:
            raise PasswordOutOfDate(
                "the server accepted this password, but the data on this device is still "
                "locked with your previous password: give the previous password once to "
                "move the data to the new one"
            ) from None
    keyfile = directory / KEY_FILE
    key = keys.unlock(keyfile, old_password)  # WrongPassword when the old one is wrong too
    # Same database key, new wrap: the data stays, the new password opens it from now on.
    keys.set_password(keyfile, key, password)
    return Store.open(directory, key)


def login_online(
    profile: Profile,
    server_url: str,
    username: str,
    password: str,
    *,
    old_password: str | None = None,
) -> Session:
    """Log in against the server, then create or unlock the store and save the token in it.

    Raises LoginFailed/LoginThrottled/ServerUnreachable (nothing on the device changes),
    or PasswordOutOfDate (call again with ``old_password``)."""
    url = normalize_url(server_url)
    api = _api(profile, url)
    # The server first: a wrong password must never create or touch the local key file.
    sent = device_keys.public_for_login(profile.store_dir(username))
    fresh = None if sent else KeyPair.generate()
    sent = sent or fresh.public()
    reply = api.login(username, password, profile.settings.device_id, sent)
    store = _open_store(profile, username, password, old_password)
    try:
        keys = device_keys.ensure(store, fresh)
        if keys.public() != sent:  # the store holds other keys than the file said: register them
            reply = api.login(username, password, profile.settings.device_id, keys.public())
        _keep_server_keys(api, store)
        creds = Credentials(
            token=reply["token"],
            expires_at=str(reply.get("expires_at") or ""),
            username=str(reply.get("user") or username),
            role=str(reply.get("role") or ""),
            scopes=list(reply.get("scopes") or []),
            server_url=url,
        )
        credentials.save(store, creds)
    except BaseException:
        store.close()
        raise
    profile.settings.server_url = url
    profile.remember_user(username, store.profile_dir)
    return Session(profile, store, api, creds.username, creds.role, creds.scopes, True, creds)


def _keep_server_keys(api: ApiClient, store: Store) -> None:
    """Keep the server's public keys for bundles made offline (none from an older server)."""
    try:
        device_keys.save_server_keys(store, api.server_keys())
    except (SyncError, KeyError, TypeError, ValueError):
        pass  # a server without bundles: export says to log in against one that has them


def unlock_offline(profile: Profile, password: str, username: str | None = None) -> Session:
    """Unlock a user's store (the last user's by default) with the password, no network; the
    saved token (if any) is reused.

    Raises NotSetUp, or ``keys.WrongPassword`` (after the store's growing delay)."""
    name = username or profile.settings.username
    if not profile.is_set_up(name):
        raise NotSetUp(
            f"this device has no data for {name or 'anyone'} yet: "
            "the first login needs the server (capi login --server URL --user NAME)"
        )
    directory = profile.store_dir(name)
    try:
        store = Store.unlock(directory, password)
    except WrongPassword:
        tries = keys.failed_attempts(directory / KEY_FILE)
        raise WrongPassword(
            f"wrong password for {name or 'this profile'} "
            f"({tries} failed attempt{'s' if tries != 1 else ''}; nothing was changed)"
        ) from None
    creds = credentials.load(store)
    if name:
        profile.remember_user(name, directory)
    url = (creds.server_url if creds else "") or profile.settings.server_url
    api = _api(profile, url or "http://127.0.0.1", creds.token if creds else None)
    return Session(
        profile,
        store,
        api,
        creds.username if creds else name,
        creds.role if creds else None,
        creds.scopes if creds else [],
        False,
        creds,
    )


def logout(session: Session, *, forget: bool = False) -> None:
    """Lock the session; with ``forget``, also revoke the device's token and remove it.

    Revoking is best effort: offline, the token is still removed from this device."""
    if forget:
        if session.api.token:
            try:
                session.api.revoke()
            except SyncError:
                pass
        credentials.forget(session.store)
        session.credentials = None
    session.close()
