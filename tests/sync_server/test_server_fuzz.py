"""Fuzzing with schemathesis against a live server: no 500, every reply fits the document.

Every operation of the server's own OpenAPI document is called with cases schemathesis
generates from it (valid and invalid), as each role (a valid token of enumerator, clerk,
supervisor, reviewer, admin) and without a token. A reply must not be a server error and must
conform to the document: status documented, content type, headers and body schema. Bounded
by a fixed number of cases per operation and role, and derandomized, so a CI run is the same
run every time; docs/server.md records the figures.
"""

import threading
import time
import uuid
from collections import Counter

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from server_harness import PASSWORD

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
ROLES = {"enum1": 12, "clerk1": 6, "super1": 6, "reviewer1": 12, "admin1": 12, None: 4}
"""Cases per operation for each user (None: no token)."""
LAST = ("POST", "/api/v1/auth/revoke")  # revoking the fuzzers' own tokens comes last


def _drain(process) -> list[str]:
    """Read the server's log as it comes (a full pipe would block the server), keep it."""
    lines: list[str] = []

    def read():
        for line in process.stderr:
            lines.append(line.decode(errors="replace"))

    threading.Thread(target=read, daemon=True).start()
    return lines


def _token(server, username: str) -> str:
    body = {"username": username, "password": PASSWORD, "device_id": str(uuid.uuid4())}
    r = requests.post(server.base + "/auth/token", json=body, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["token"]


def _cases(operation, examples: int, call) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        call(case)

    run()


def _fuzz(server, schema, username, examples, operations, tally, failures) -> None:
    headers = {"Authorization": f"Bearer {_token(server, username)}"} if username else {}
    session = requests.Session()

    def call(case):
        response = case.call(base_url=server.base.removesuffix("/api/v1"), session=session,
                             headers=headers, timeout=30)  # fmt: skip
        tally[(response.status_code // 100) * 100] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, FailureGroup) as error:
            failures.append(f"{username or 'no token'}: {case.method} {case.formatted_path} "
                            f"-> {response.status_code}: {str(error)[:600]}")  # fmt: skip

    for operation in operations:
        _cases(operation, examples, call)


@pytest.mark.slow
def test_fuzzing_every_operation_as_every_role_gives_no_server_error_and_fits_the_document(
    server,
):
    log = _drain(server.process)
    schema = schemathesis.openapi.from_url(server.base + "/openapi.json")
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 20
    operations.sort(key=lambda op: (op.method.upper(), op.path) == LAST)
    tally, failures, started = Counter(), [], time.monotonic()
    for username, examples in ROLES.items():
        _fuzz(server, schema, username, examples, operations, tally, failures)
    cases = sum(tally.values())
    print(f"\nschemathesis: {len(operations)} operations, {cases} cases "
          f"({dict(sorted(tally.items()))}) in {time.monotonic() - started:.0f} s, "
          f"{len(failures)} failures")  # fmt: skip
    tracebacks = [line for line in log if line.startswith(("Traceback", "ERROR"))]
    assert failures == [], "\n".join(failures[:20] + tracebacks[:5])
    assert tally[500] == 0 and cases >= 1000
