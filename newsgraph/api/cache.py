"""A response cache for GET /api calls: the store is opened read-only, so an answer never changes while the server
runs. Bounded (LRU by entries, large bodies are not kept); ``X-Cache: hit|miss`` says which one a client got."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 2 * 1024 * 1024


class ResponseCache:
    """ASGI middleware caching successful GET /api responses by path and query string."""

    def __init__(self, app: ASGIApp, entries: int = 1024) -> None:
        self.app = app
        self.entries = entries
        self.store: OrderedDict[tuple[str, bytes], tuple[list[Any], bytes]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/") \
                or self.entries <= 0:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        if (hit := self.store.get(key)) is not None:
            self.store.move_to_end(key)
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": [*headers, (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        await self._miss(key, scope, receive, send)

    async def _miss(self, key: tuple[str, bytes], scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request and keep a 200 answer of moderate size."""
        start: dict[str, Any] = {}
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
                message["headers"] = [*message.get("headers", []), (b"x-cache", b"miss")]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
                if size <= MAX_BODY:
                    chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200 and size <= MAX_BODY:
                    self._keep(key, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: tuple[str, bytes], headers: list[Any], body: bytes) -> None:
        """Store an answer, dropping the least recently used beyond the bound."""
        headers = [(k, v) for k, v in headers if k.lower() not in (b"x-cache",)]
        self.store[key] = (headers, body)
        self.store.move_to_end(key)
        while len(self.store) > self.entries:
            self.store.popitem(last=False)
