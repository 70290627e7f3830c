"""Routes whose JSON bodies are decoded strictly, by the protocol's own decoder.

Python's ``json`` accepts ``NaN``, ``Infinity`` and a key given twice (the last wins), none of
which is JSON: a NaN would be stored and break every later reader, a repeated key hides what
the client meant. Every router of the API is made with :func:`api_router`, so each route
reads its body with ``dtks.model.load_json``; a refusal is FastAPI's own ``json_invalid``
validation error, which the error handlers answer 422 ``malformed`` naming the problem.

    router = api_router(tags=["review"])
"""

import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute

from dtks.model import InvalidPayload, load_json


class StrictJsonRequest(Request):
    """A request whose ``json()`` refuses NaN, Infinity and duplicate keys."""

    async def json(self) -> Any:
        """The body decoded strictly; json.JSONDecodeError naming the problem otherwise."""
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                self._json = load_json(body)
            except InvalidPayload as e:
                text = body.decode("utf-8", "replace")
                raise json.JSONDecodeError(e.problem, text, 0) from None
        return self._json


class StrictJsonRoute(APIRoute):
    """An API route that hands its endpoint a :class:`StrictJsonRequest`."""

    def get_route_handler(self) -> Callable:
        """FastAPI's handler, given the strict request."""
        handler = super().get_route_handler()

        async def strict_handler(request: Request) -> Response:
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return strict_handler


def api_router(**kwargs) -> APIRouter:
    """An APIRouter whose routes decode JSON strictly (every router of the API uses it)."""
    return APIRouter(route_class=StrictJsonRoute, **kwargs)
