"""Who may call which route on whose data: the expected role x scope table of every route.

One ``Rule`` per route (method and path as the app registers them). For each of the five roles
it says on which targets the call is allowed: ``own`` (the caller's own desa, or the caller
themselves), ``desa`` (another desa of the caller's kabupaten) and ``kab`` (a desa of another
kabupaten); anywhere else the route answers ``role_refusal`` (the role may not call it at
all) or ``scope_refusal`` (the role may, but not on that target). Requests without a token,
with a garbage token or with a revoked one answer 401, unless the route is ``public``.
``request`` builds the call for a principal and a target from the test's context.

tests/sync_server/test_server_access_matrix.py sends every cell to a real server over HTTP,
checks that every route of ``app.routes`` has exactly one rule here, and that the table in
docs/server.md is ``render()`` of these rules. **A new endpoint: add its Rule below**, then
run ``python tests/sync_server/access_matrix.py`` to rewrite the table in docs/server.md.

>>> rule = by_key()[("GET", "/api/v1/review/queue")]
>>> [expected(rule, p, "kab") for p in ("reviewer", "enumerator", "no token")]
[403, 403, 401]
>>> expected(rule, "admin", "desa")
'ok'
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROLES = ("enumerator", "clerk", "supervisor", "reviewer", "admin")
TOKENS = ("no token", "garbage token", "revoked token")
PRINCIPALS = ROLES + TOKENS
TARGETS = ("own", "desa", "kab")
TARGET_TITLES = {
    "own": "own scope (desa 32.04.12.2002, or the caller)",
    "desa": "another desa of the same kabupaten (32.04.05.2001)",
    "kab": "another kabupaten (32.05.01.1001)",
}
OWN = ("own",)
KAB = ("own", "desa")
"""Everything inside a kabupaten: what a reviewer or admin of 32.04 reaches."""
ALL = TARGETS
OK = "ok"
API = "/api/v1"


@dataclass(frozen=True)
class Req:
    """One HTTP request of a cell."""

    path: str
    params: dict | None = None
    json: Any = None
    data: bytes | None = None
    headers: dict | None = None


Build = Callable[[Any, str, str], Req]
"""request(context, principal, target) -> Req; may prepare state (a fresh move) first."""


@dataclass(frozen=True)
class Rule:
    """The expected answers of one route for every principal and target."""

    method: str
    path: str
    request: Build
    allow: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    role_refusal: int = 403
    scope_refusal: int = 403
    scope_refusal_of: Mapping[str, int] = field(default_factory=dict)
    """A role whose scope refusal differs from scope_refusal."""
    passed: str | int = "ok"
    """What an allowed cell answers: any 2xx, or the status of a check after access (the
    matrix's request then stops at it, e.g. 422 for choices naming nothing to settle)."""
    public: bool = False
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """(method, path) as the app registers the route."""
        return self.method, self.path


def expected(rule: Rule, principal: str, target: str) -> str | int:
    """'ok' (any 2xx) or the status a cell must answer."""
    if rule.public:
        return OK
    if principal in TOKENS:
        return 401
    if principal not in rule.allow:
        return rule.role_refusal
    if target in rule.allow[principal]:
        return rule.passed
    return rule.scope_refusal_of.get(principal, rule.scope_refusal)


def _get(path: str, **params) -> Build:
    """A GET-like request whose path and query take the target's values by name."""

    def build(c, principal, target):
        values = c.values(principal, target)
        return Req(path.format(**values), {k: v.format(**values) for k, v in params.items()})

    return build


def _plain(path: str) -> Build:
    return lambda c, p, t: Req(path)


RULES: tuple[Rule, ...] = (
    # --- public ---------------------------------------------------------------------------
    Rule("GET", f"{API}/health", _plain(f"{API}/health"), public=True, note="liveness"),
    Rule("GET", f"{API}/openapi.json", _plain(f"{API}/openapi.json"), public=True),
    Rule("HEAD", f"{API}/openapi.json", _plain(f"{API}/openapi.json"), public=True),
    Rule("GET", f"{API}/docs", _plain(f"{API}/docs"), public=True),
    Rule("HEAD", f"{API}/docs", _plain(f"{API}/docs"), public=True),
    Rule("GET", "/docs/oauth2-redirect", _plain("/docs/oauth2-redirect"), public=True),
    Rule("HEAD", "/docs/oauth2-redirect", _plain("/docs/oauth2-redirect"), public=True),
    Rule(
        "POST",
        f"{API}/auth/token",
        lambda c, p, t: c.login_request(),
        public=True,
        note="login needs no token (throttled per username and address)",
    ),
    # --- auth -----------------------------------------------------------------------------
    Rule(
        "POST",
        f"{API}/auth/revoke",
        lambda c, p, t: c.revoke_request(p, t),
        allow={r: OWN for r in ROLES} | {"admin": KAB},
        scope_refusal_of={"admin": 404},
        note="own: your own tokens; another user's only as admin of all their scopes "
        "(anyone else: 404 as an unknown user)",
    ),
    # --- bundles and progress (docs/bundles.md) -------------------------------------------
    Rule(
        "GET",
        f"{API}/server/keys",
        _plain(f"{API}/server/keys"),
        allow={r: ALL for r in ROLES},
        note="public keys only; any logged-in user",
    ),
    Rule(
        "POST",
        f"{API}/bundles",
        lambda c, p, t: c.bundle_upload(p, t),
        allow={"enumerator": OWN, "clerk": OWN, "supervisor": OWN},
        note="own: your own bundle, or (supervisor) an enumerator's of your scope; a bundle of "
        "anyone else is refused",
    ),
    Rule(
        "GET",
        f"{API}/bundles/{{reply_id}}",
        lambda c, p, t: c.reply_request(p, t),
        allow={"enumerator": OWN, "clerk": OWN, "supervisor": OWN},
        role_refusal=404,
        scope_refusal=404,
        note="its enumerator, its uploader or a supervisor of the enumerator; anyone else: 404",
    ),
    Rule(
        "GET",
        f"{API}/progress",
        _get(f"{API}/progress", scope="{scope}"),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
        note="scope inside your user scopes",
    ),
    Rule(
        "GET",
        f"{API}/requests",
        _get(f"{API}/requests", scope="{scope}"),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
        note="usul warga, sanggahan, usulan Kemensos; scope inside your user scopes",
    ),
    # --- pull -----------------------------------------------------------------------------
    Rule(
        "GET",
        f"{API}/assignments/mine",
        _plain(f"{API}/assignments/mine"),
        allow={r: ALL for r in ROLES},
        note="your own assignments, whatever the target",
    ),
    Rule(
        "GET",
        f"{API}/assignments/{{assignment_id}}/households",
        _get(f"{API}/assignments/{{assignment}}/households"),
        allow={"enumerator": OWN, "clerk": OWN, "supervisor": OWN, "reviewer": KAB, "admin": KAB},
        note="your own assignment, or one inside your user scopes (not for field roles)",
    ),
    # --- photos ---------------------------------------------------------------------------
    Rule(
        "PUT",
        f"{API}/photos/{{sha256}}",
        lambda c, p, t: c.photo_upload(),
        allow={"enumerator": ALL, "clerk": ALL, "supervisor": ALL},
        note="any processed JPEG (the target does not apply: a photo has no wilayah until "
        "a verification names it)",
    ),
    Rule(
        "HEAD",
        f"{API}/photos/{{sha256}}",
        _get(f"{API}/photos/{{photo}}"),
        allow={"enumerator": OWN, "clerk": OWN, "supervisor": OWN},
        scope_refusal=404,
        note="outside your scope a photo answers as one never uploaded",
    ),
    Rule(
        "GET",
        f"{API}/photos/{{sha256}}",
        _get(f"{API}/photos/{{photo}}"),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
        scope_refusal=404,
        note="outside your scope a photo answers as one never uploaded",
    ),
    # --- push -----------------------------------------------------------------------------
    Rule(
        "POST",
        f"{API}/changesets",
        lambda c, p, t: c.push_request(t),
        allow={"enumerator": OWN, "clerk": OWN, "supervisor": OWN},
        note="field roles: their assignments; supervisors: their user scopes",
    ),
    # --- review ---------------------------------------------------------------------------
    Rule(
        "GET",
        f"{API}/review/queue",
        _get(f"{API}/review/queue", scope="{scope}"),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "GET",
        f"{API}/review/households/{{household_id}}",
        _get(f"{API}/review/households/{{household}}"),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "POST",
        f"{API}/review/households/{{household_id}}",
        lambda c, p, t: Req(
            f"{API}/review/households/{c.household[t]}",
            json={"decision": "return", "note": "matrix: periksa lagi"},
        ),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "POST",
        f"{API}/review/bulk-approve",
        lambda c, p, t: Req(
            f"{API}/review/bulk-approve", json={"scope": c.scope[t], "round": c.round}
        ),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "GET",
        f"{API}/review/moves",
        _get(f"{API}/review/moves", scope="{scope}"),
        allow={"reviewer": KAB, "admin": KAB},
        note="moves into or out of your scope",
    ),
    Rule(
        "POST",
        f"{API}/review/moves/{{move_id}}",
        lambda c, p, t: Req(
            f"{API}/review/moves/{c.fresh_move(t)}", json={"decision": "refuse", "note": "x"}
        ),
        allow={"reviewer": KAB, "admin": KAB},
        scope_refusal=404,
        note="a reviewer of the new wilayah decides; a move on neither side of your scope "
        "answers as none",
    ),
    Rule(
        "GET",
        f"{API}/households/{{household_id}}/history",
        _get(f"{API}/households/{{household}}/history"),
        allow={"enumerator": OWN, "clerk": OWN, "supervisor": OWN, "reviewer": KAB, "admin": KAB},
    ),
    # --- exports, reports, pengesahan ------------------------------------------------------
    Rule(
        "GET",
        f"{API}/exports/results",
        _get(f"{API}/exports/results", round="{round}", scope="{scope}"),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "GET",
        f"{API}/reports/bnba",
        _get(f"{API}/reports/bnba", round="{round}", scope="{scope}"),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "PUT",
        f"{API}/rounds/{{round}}/pengesahan",
        lambda c, p, t: Req(
            f"{API}/rounds/{c.round}/pengesahan",
            params={"scope": c.scope[t]},
            data=c.scan_bytes,
            headers={"Content-Type": "application/pdf"},
        ),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "GET",
        f"{API}/rounds/{{round}}/pengesahan",
        _get(f"{API}/rounds/{{round}}/pengesahan", scope="{scope}"),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "GET",
        f"{API}/rounds/{{round}}/pengesahan/{{sha256}}",
        _get(f"{API}/rounds/{{round}}/pengesahan/{{scan}}"),
        allow={"reviewer": KAB, "admin": KAB},
        scope_refusal=404,
        note="outside your scope a scan answers as one never uploaded",
    ),
    # --- submissions (pengajuan) -----------------------------------------------------------
    Rule(
        "POST",
        f"{API}/submissions",
        lambda c, p, t: Req(
            f"{API}/submissions",
            json={"round": c.round, "scope": c.scope[t], "household_ids": [c.approved(t)]},
        ),
        allow={"reviewer": KAB, "admin": KAB},
        note="a kabupaten/kota reviewer, for a scope inside theirs",
    ),
    Rule(
        "GET",
        f"{API}/submissions",
        _get(f"{API}/submissions", scope="{scope}"),
        allow={"reviewer": ALL, "admin": ALL},
        note="lists only the submissions you see (own kabupaten/kota and the levels above)",
    ),
    Rule(
        "GET",
        f"{API}/submissions/{{submission_id}}",
        _get(f"{API}/submissions/{{submission}}"),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "POST",
        f"{API}/submissions/{{submission_id}}",
        lambda c, p, t: Req(
            f"{API}/submissions/{c.draft(t)}", json={"decision": "withdraw", "note": "matrix"}
        ),
        allow={"reviewer": KAB, "admin": KAB},
        note="the level the submission waits at, within its scope",
    ),
    Rule(
        "GET",
        f"{API}/submissions/{{submission_id}}/report",
        _get(f"{API}/submissions/{{submission}}/report"),
        allow={"reviewer": KAB, "admin": KAB},
    ),
    # --- PAPI double entry -----------------------------------------------------------------
    Rule(
        "PUT",
        f"{API}/papi/sampling",
        lambda c, p, t: Req(
            f"{API}/papi/sampling", json={"round": c.round, "scope": c.scope[t], "every": 5}
        ),
        allow={"supervisor": OWN, "admin": KAB},
        note="supervisors and admins, for a scope inside their user scopes",
    ),
    Rule(
        "GET",
        f"{API}/papi/verify",
        _get(f"{API}/papi/verify", scope="{scope}", round="{round}"),
        allow={"clerk": OWN, "supervisor": OWN},
        note="clerks and supervisors, within their user scopes",
    ),
    Rule(
        "GET",
        f"{API}/papi/differences",
        _get(f"{API}/papi/differences", scope="{scope}"),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
    ),
    Rule(
        "POST",
        f"{API}/papi/differences/{{household_id}}",
        lambda c, p, t: Req(f"{API}/papi/differences/{c.household[t]}", json={"choices": {}}),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
        passed=422,
        note="✓422: past the role and scope checks, refused for its empty choices",
    ),
    Rule(
        "GET",
        f"{API}/papi/keyers",
        _get(f"{API}/papi/keyers", scope="{scope}", round="{round}"),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
    ),
    # --- visit integrity (docs/integrity.md) ----------------------------------------------
    Rule(
        "GET",
        f"{API}/integrity/households/{{household_id}}",
        _get(f"{API}/integrity/households/{{household}}"),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
        note="the household inside your user scopes",
    ),
    Rule(
        "GET",
        f"{API}/integrity/points",
        _get(f"{API}/integrity/points", scope="{scope}"),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
        note="one desa inside your user scopes",
    ),
    Rule(
        "GET",
        f"{API}/integrity/enumerators",
        _get(f"{API}/integrity/enumerators", scope="{scope}", round="{round}"),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
        note="scope inside your user scopes",
    ),
    Rule(
        "POST",
        f"{API}/integrity/refresh",
        lambda c, p, t: Req(f"{API}/integrity/refresh", json={"scope": c.scope[t]}),
        allow={"supervisor": OWN, "reviewer": KAB, "admin": KAB},
        note="recompute the desas of a scope inside your user scopes",
    ),
    # --- rounds ---------------------------------------------------------------------------
    Rule(
        "GET",
        f"{API}/rounds/{{round}}",
        _get(f"{API}/rounds/{{round}}", scope="{scope}"),
        allow={"enumerator": OWN, "clerk": OWN, "supervisor": OWN, "reviewer": KAB, "admin": KAB},
        note="scope inside your user scopes",
    ),
    Rule(
        "PUT",
        f"{API}/rounds/{{round}}/windows/{{activity}}",
        lambda c, p, t: Req(
            f"{API}/rounds/{c.round}/windows/usulan",
            params={"scope": c.scope[t]},
            json={"closes": "2026-11-26"},
        ),
        allow={"admin": KAB},
    ),
    Rule(
        "DELETE",
        f"{API}/rounds/{{round}}/windows/{{activity}}",
        _get(f"{API}/rounds/{{round}}/windows/usulan", scope="{scope}"),
        allow={"admin": KAB},
    ),
)


def by_key() -> dict[tuple[str, str], Rule]:
    """The rules by (method, path); a route given twice is a mistake in this file."""
    out: dict[tuple[str, str], Rule] = {}
    for rule in RULES:
        assert rule.key not in out, f"two rules for {rule.key}"
        out[rule.key] = rule
    return out


def cell_count() -> int:
    """How many cells the matrix test sends: every rule x principal x target."""
    return len(RULES) * len(PRINCIPALS) * len(TARGETS)


def _mark(value: str | int, passed: str | int = OK) -> str:
    if value == OK:
        return "✓"
    return f"✓{value}" if value == passed else str(value)


def render() -> str:
    """The markdown table of docs/server.md: one row per route."""
    head = "| route | " + " | ".join(ROLES) + " | no / garbage / revoked token | note |"
    lines = [head, "| --- " * (len(ROLES) + 3) + "|"]
    for rule in sorted(RULES, key=lambda r: (r.path, r.method)):
        cells = [
            " ".join(_mark(expected(rule, role, t), rule.passed) for t in TARGETS) for role in ROLES
        ]
        token = _mark(expected(rule, "no token", "own"))
        lines.append(
            f"| `{rule.method} {rule.path}` | " + " | ".join(cells) + f" | {token} | {rule.note} |"
        )
    return "\n".join(lines)


BEGIN, END = "<!-- access-matrix:begin -->", "<!-- access-matrix:end -->"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "server.md"


def documented(text: str) -> str:
    """The generated table as it stands in docs/server.md."""
    match = re.search(re.escape(BEGIN) + r"\n(.*?)\n" + re.escape(END), text, re.S)
    return match.group(1) if match else ""


def write_docs(path: Path = DOCS) -> None:
    """Rewrite the table between the markers of docs/server.md from RULES."""
    text = path.read_text("utf-8")
    if BEGIN not in text:
        raise SystemExit(f"{path}: no {BEGIN} marker")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:start] + "\n" + render() + "\n" + text[end:], "utf-8")


if __name__ == "__main__":
    write_docs()
    print(f"{DOCS}: {len(RULES)} routes, {cell_count()} cells", file=sys.stderr)
