"""Response headers every answer carries, as ASGI middleware.

``X-Content-Type-Options: nosniff``: a browser shows a served photo or scan only as the type
the server names (image/jpeg, application/pdf), never as HTML it guessed from the bytes.
"""

NOSNIFF = (b"x-content-type-options", b"nosniff")


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                if not any(k.lower() == NOSNIFF[0] for k, _ in headers):
                    headers.append(NOSNIFF)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
