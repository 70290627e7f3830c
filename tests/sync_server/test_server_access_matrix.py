"""The role x scope matrix: every route of the app x every principal x three targets, sent to a
real server over HTTP, each cell answering as access_matrix.RULES (and docs/server.md) say.

A route of ``app.routes`` without a rule fails here, so a new endpoint cannot slip in
unchecked: add its Rule to access_matrix.py.
"""

import hashlib
import itertools
import uuid
from dataclasses import dataclass, field

import requests
from access_matrix import (
    DOCS,
    OK,
    PRINCIPALS,
    ROLES,
    RULES,
    TARGETS,
    Req,
    by_key,
    cell_count,
    documented,
    expected,
    render,
)
from server_harness import (
    FORM_ID,
    FORM_VERSION,
    HID,
    PASSWORD,
    ROUND,
    changeset,
    edit,
    jpeg,
    verification,
)
from server_prelist import household_id, write_prelist

from dtks.bundles.container import seal
from dtks.bundles.keys import KeyPair
from dtks.bundles.manifest import KIND_PUSH, Manifest
from dtks.wilayah import dotted
from sync_server import clock
from sync_server.app import create_app
from sync_server.services.assignments import assign
from sync_server.services.devices import register
from sync_server.services.moves import PendingMove, propose
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user, get_user, revoke_tokens
from sync_server.settings import Settings

DESA_A, DESA_C, DESA_D = "3204122002", "3204052001", "3205011001"
"""own: Dayeuhkolot (Kab. Bandung); another desa: Cileunyi Kulon (Kab. Bandung); another
kabupaten: Kota Kulon (Kab. Garut)."""
PRINCIPAL_USERS = {
    "enumerator": "enum1",
    "clerk": "clerk1",
    "supervisor": "super1",
    "reviewer": "reviewer1",
    "admin": "admin_kab",
    "revoked token": "enum_revoked",
}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def app_routes(routes) -> set[tuple[str, str]]:
    """Every (method, path) the app answers, also inside included routers."""
    out: set[tuple[str, str]] = set()
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is not None:  # FastAPI >= 0.16x: an included router
            out |= {(m, c.path_format) for c in contexts() for m in c.methods}
        elif getattr(route, "original_router", None) is not None:
            out |= app_routes(route.original_router.routes)
        else:
            out |= {(m, route.path) for m in route.methods or ()}
    return out


@dataclass
class Context:
    """What the cells need: the server, ids per target, a session per principal."""

    server: object
    household: dict = field(default_factory=dict)
    scope: dict = field(default_factory=dict)
    photo: dict = field(default_factory=dict)
    scan: dict = field(default_factory=dict)
    enumerator_of: dict = field(default_factory=dict)
    assignments: dict = field(default_factory=dict)
    submission: dict = field(default_factory=dict)
    pool: dict = field(default_factory=dict)
    """target -> approved households not yet in a submission (taken by approved())."""
    drafts: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    device_keys: dict = field(default_factory=dict)
    """author -> the KeyPair registered for their device 'matrix-device'."""
    replies: dict = field(default_factory=dict)
    """author -> reply_id of a bundle they uploaded themselves."""
    server_keys: dict = field(default_factory=dict)
    round: str = ROUND
    scan_bytes: bytes = PDF
    _seed: itertools.count = field(default_factory=lambda: itertools.count(1000))

    def values(self, principal: str, target: str) -> dict:
        """The names a path or query template may use."""
        return {
            "household": self.household[target],
            "scope": self.scope[target],
            "photo": self.photo[target],
            "scan": self.scan[target],
            "round": self.round,
            "assignment": self.assignment(principal, target),
            "submission": self.submission[target],
        }

    def assignment(self, principal: str, target: str) -> int:
        """own: a field role's own assignment, else the desa's enumerator's; others: theirs."""
        name = PRINCIPAL_USERS.get(principal)
        if target == "own" and name in self.assignments:
            return self.assignments[name]
        return self.assignments[self.enumerator_of[target]]

    def login_request(self) -> Req:
        """A good login of a user nobody else logs in as."""
        body = {"username": "enum_login", "password": PASSWORD, "device_id": "matrix-login"}
        return Req("/api/v1/auth/token", json=body)

    def revoke_request(self, principal: str, target: str) -> Req:
        """own: revoke yourself on a device that has no token; else a user of the target."""
        name = PRINCIPAL_USERS.get(principal, "enum1")
        who = name if target == "own" else self.enumerator_of[target]
        return Req("/api/v1/auth/revoke", json={"username": who, "device_id": "matrix-none"})

    def photo_upload(self) -> Req:
        """A new small JPEG each time."""
        data = jpeg(next(self._seed))
        sha = hashlib.sha256(data).hexdigest()
        return Req(f"/api/v1/photos/{sha}", data=data, headers={"Content-Type": "image/jpeg"})

    def push_request(self, target: str) -> Req:
        """A change-set confirming a value of the target's household (converges: harmless)."""
        hid = self.household[target]
        body = changeset([edit(hid, 1, rt=("002", "002"))], str(uuid.uuid4()))
        return Req("/api/v1/changesets", json=body)

    def bundle_author(self, principal: str, target: str) -> str:
        """own: a field role's own bundle, else the enumerator of the target's desa."""
        name = PRINCIPAL_USERS.get(principal)
        if target == "own" and name in ("enum1", "clerk1"):
            return name
        return self.enumerator_of[target]

    def bundle_upload(self, principal: str, target: str) -> Req:
        """A fresh, empty push bundle of the author (it asks only for the pull pages)."""
        data = _bundle(self, self.bundle_author(principal, target))
        return Req(
            "/api/v1/bundles", data=data, headers={"Content-Type": "application/octet-stream"}
        )

    def reply_request(self, principal: str, target: str) -> Req:
        """The reply of a bundle its author uploaded during the setup."""
        return Req(f"/api/v1/bundles/{self.replies[self.bundle_author(principal, target)]}")

    def approved(self, target: str) -> str:
        """An approved household of the target in no submission yet (the next once taken)."""
        while self._in_submission(self.pool[target][0]):
            self.pool[target].pop(0)
        return self.pool[target][0]

    def draft(self, target: str) -> int:
        """A draft submission of the target (a new one once the last left draft)."""
        sid = self.drafts.get(target)
        if sid is None or self._state(sid) != "draft":
            reviewer = "reviewer_d" if target == "kab" else "reviewer1"
            sid = _submit(self.server, reviewer, self.scope[target], self.approved(target))
            self.drafts[target] = sid
        return sid

    def _in_submission(self, hid: str) -> bool:
        return bool(
            self.server.scalar(
                "SELECT count(*) FROM submission_households WHERE household_id = :h", h=hid
            )
        )

    def _state(self, sid: int) -> str:
        return self.server.scalar("SELECT state FROM submissions WHERE id = :i", i=sid)

    def fresh_move(self, target: str) -> int:
        """A new pending move of another household into the target's desa; its id."""
        into = {"own": DESA_A, "desa": DESA_C, "kab": DESA_D}[target]
        source = {"own": DESA_C, "desa": DESA_A, "kab": DESA_D}[target]
        hid = household_id(source, 2 + next(self._seed) % 3)
        to = into if into != source else "3205011002"
        with self.server.engine.begin() as conn:
            user = get_user(conn, "admin1")
            return propose(conn, PendingMove(hid, source, to), user, clock.now(), source="matrix")


def _setup(server) -> Context:
    ctx = Context(server)
    prelist = server.data_dir.parent / "prelist-matrix"
    for desa in (DESA_C, DESA_D):
        write_prelist(prelist / desa, 20, desa)
        import_prelist(server.engine, prelist / desa)
    with server.engine.begin() as conn:
        for name, role, scopes in (
            ("admin_kab", "admin", ["3204"]),
            ("reviewer_d", "reviewer", ["3205"]),
            ("enum_c", "enumerator", [DESA_C]),
            ("enum_d", "enumerator", [DESA_D]),
            ("enum_revoked", "enumerator", [DESA_A]),
            ("enum_login", "enumerator", [DESA_A]),
        ):
            create_user(conn, name, role, scopes, PASSWORD)
        for name, desa in (("enum_c", DESA_C), ("enum_d", DESA_D), ("enum_revoked", DESA_A)):
            ctx.assignments[name] = assign(conn, name, desa, ROUND, FORM_ID, FORM_VERSION).id
    ctx.assignments |= server.assignment_ids
    ctx.household = {"own": HID, "desa": household_id(DESA_C, 1), "kab": household_id(DESA_D, 1)}
    ctx.scope = {"own": dotted(DESA_A), "desa": dotted(DESA_C), "kab": dotted(DESA_D)}
    ctx.enumerator_of = {"own": "enum1", "desa": "enum_c", "kab": "enum_d"}
    for target, (enumerator, reviewer) in {
        "own": ("enum1", "reviewer1"),
        "desa": ("enum_c", "reviewer1"),
        "kab": ("enum_d", "reviewer_d"),
    }.items():
        ctx.photo[target] = _named_photo(server, enumerator, ctx.household[target], target)
        ctx.scan[target] = _scan(server, reviewer, ctx.scope[target], target)
    for target, desa, reviewer in (
        ("own", DESA_A, "reviewer1"),
        ("desa", DESA_C, "reviewer1"),
        ("kab", DESA_D, "reviewer_d"),
    ):
        ctx.pool[target] = [_approve(server, reviewer, household_id(desa, n)) for n in range(8, 20)]
        ctx.submission[target] = _submit(server, reviewer, ctx.scope[target], ctx.approved(target))
    for principal, name in PRINCIPAL_USERS.items():
        ctx.sessions[principal] = server.client(name)
    _bundle_setup(ctx)
    with server.engine.begin() as conn:
        revoke_tokens(conn, "enum_revoked")
    ctx.sessions["no token"] = requests.Session()
    garbage = requests.Session()
    garbage.headers["Authorization"] = "Bearer not-a-token-" + "x" * 32
    ctx.sessions["garbage token"] = garbage
    return ctx


BUNDLE_AUTHORS = ("enum1", "clerk1", "enum_c", "enum_d")


def _bundle_setup(ctx: Context) -> None:
    """Register device keys for the bundle authors; each uploads one bundle of their own."""
    with ctx.server.engine.begin() as conn:
        for name in BUNDLE_AUTHORS:
            keys = KeyPair.generate()
            register(conn, get_user(conn, name).id, "matrix-device", keys.public())
            ctx.device_keys[name] = keys
    ctx.server_keys = ctx.sessions["enumerator"].get(ctx.server.base + "/server/keys").json()
    for name in BUNDLE_AUTHORS:
        client = _client(ctx.server, name)
        r = client.post(client.url("/bundles"), data=_bundle(ctx, name))
        assert r.status_code == 200, r.text
        ctx.replies[name] = r.json()["reply_id"]


def _bundle(ctx: Context, author: str) -> bytes:
    """A new, empty push bundle made on the author's registered device."""
    manifest = Manifest(
        str(uuid.uuid4()), KIND_PUSH, "matrix-device", author, clock.now(),
        ctx.server_keys["key_id"],
    )  # fmt: skip
    return seal(manifest, [], ctx.server_keys["x25519"], ctx.device_keys[author])


def _named_photo(server, enumerator: str, hid: str, target: str) -> str:
    client = _client(server, enumerator)
    data = jpeg({"own": 1, "desa": 2, "kab": 3}[target])
    sha = hashlib.sha256(data).hexdigest()
    assert client.put(client.url(f"/photos/{sha}"), data=data).status_code == 201
    r = client.push([{**edit(hid, 1), "verification": verification(photos=[sha])}])
    assert r.status_code == 200, r.text
    return sha


def _scan(server, reviewer: str, scope: str, target: str) -> str:
    client = _client(server, reviewer)
    data = PDF + f"% {target}\n".encode()
    r = client.put(
        client.url(f"/rounds/{ROUND}/pengesahan"),
        params={"scope": scope},
        data=data,
        headers={"Content-Type": "application/pdf"},
    )
    assert r.status_code == 201, r.text
    return hashlib.sha256(data).hexdigest()


def _client(server, name: str):
    """One logged-in client per user for the setup (logins are slow on purpose)."""
    cache = server.__dict__.setdefault("matrix_clients", {})
    if name not in cache:
        cache[name] = server.client(name)
    return cache[name]


def _approve(server, reviewer: str, hid: str) -> str:
    client = _client(server, reviewer)
    r = client.post(client.url(f"/review/households/{hid}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text
    return hid


def _submit(server, reviewer: str, scope: str, hid: str) -> int:
    client = _client(server, reviewer)
    body = {"round": ROUND, "scope": scope, "household_ids": [hid]}
    r = client.post(client.url("/submissions"), json=body)
    assert r.status_code == 201, r.text
    return r.json()["submission_id"]


def _send(ctx: Context, rule, principal: str, target: str) -> int:
    req = rule.request(ctx, principal, target)
    session = ctx.sessions[principal]
    r = session.request(
        rule.method,
        ctx.server.base.removesuffix("/api/v1") + req.path,
        params=req.params,
        json=req.json,
        data=req.data,
        headers=req.headers,
        timeout=60,
    )
    return r.status_code


def _matches(want, status: int) -> bool:
    return 200 <= status < 300 if want == OK else status == want


def test_every_route_of_the_app_has_one_rule(tmp_path):
    app = create_app(Settings.resolve(data_dir=tmp_path))
    routes, rules = app_routes(app.routes), set(by_key())
    assert sorted(routes - rules) == [], "add a Rule to tests/sync_server/access_matrix.py"
    assert sorted(rules - routes) == [], "a rule for a route the app does not have"


def test_the_table_in_docs_server_md_is_the_rules():
    text = DOCS.read_text("utf-8")
    assert documented(text) == render(), "run: python tests/sync_server/access_matrix.py"
    assert f"{cell_count():,} cells" in text


def test_every_cell_of_the_matrix_answers_as_the_table_says(server):
    ctx = _setup(server)
    wrong, sent = [], 0
    for rule in RULES:
        for principal in PRINCIPALS:
            for target in TARGETS:
                want = expected(rule, principal, target)
                status = _send(ctx, rule, principal, target)
                sent += 1
                if not _matches(want, status):
                    wrong.append(
                        f"{rule.method} {rule.path} {principal}/{target}: {status}, want {want}"
                    )
    assert wrong == [], "\n".join(wrong)
    assert sent == cell_count() == len(RULES) * len(PRINCIPALS) * 3
    assert len(ROLES) == 5
