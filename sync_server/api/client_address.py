"""The address a request comes from: the peer, or what a trusted proxy says it forwarded.

``X-Forwarded-For`` is believed only when the peer is a proxy the admin named
(``sync-server serve --trust-proxy``); the client is then the right-most address in the chain
that is not itself a trusted proxy. With no proxy named (the default) the header is ignored,
so a client cannot pick a new address per request to dodge the login throttle.

>>> trusted = parse_proxies(["127.0.0.1", "10.8.0.0/16"])
>>> client_address("203.0.113.9", ["198.51.100.7"], ())
'203.0.113.9'
>>> client_address("127.0.0.1", ["1.2.3.4, 198.51.100.7, 10.8.1.1"], trusted)
'198.51.100.7'
>>> client_address("127.0.0.1", [], trusted)
'127.0.0.1'
"""

import ipaddress
from collections.abc import Iterable, Sequence

from fastapi import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_proxies(values: Iterable[str]) -> tuple[Network, ...]:
    """Parse proxy addresses or networks (10.0.0.1, 10.8.0.0/16, ::1); ValueError if malformed."""
    out = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if not part:
                continue
            try:
                out.append(ipaddress.ip_network(part, strict=False))
            except ValueError:
                raise ValueError(f"--trust-proxy {part!r}: not an IP address or network") from None
    return tuple(out)


def is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    """True when address lies in one of the trusted proxy networks."""
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip in net for net in trusted)


def client_address(peer: str, forwarded_for: Sequence[str], trusted: Sequence[Network]) -> str:
    """The client's address given the peer and the X-Forwarded-For header values."""
    if not trusted or not is_trusted(peer, trusted):
        return peer
    chain = [a.strip() for value in forwarded_for for a in value.split(",") if a.strip()]
    for hop in reversed(chain):
        if not is_trusted(hop, trusted):
            return hop[:64]
    return chain[0][:64] if chain else peer


def request_address(request: Request) -> str:
    """The client address of a request, by the app's trusted proxies."""
    peer = request.client.host if request.client else "?"
    forwarded = request.headers.getlist("x-forwarded-for")
    return client_address(peer, forwarded, request.app.state.trusted_proxies)
