"""A real HTTP receiver for the webhook tests: an ``http.server`` in a thread on a local port.

It can be down (nothing listens: connection refused), or up, answering ``answer`` (204 by
default; it keeps what it received only with a 2xx answer). Signatures are checked as the
README tells receivers to.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: The task gives this helper ports 19950–19999.
PORTS = range(19950, 20000)


def signature_is_valid(secret: str, headers, body: bytes) -> bool:
    """The README's verification, written independently of ``moderation.webhooks.sign``."""
    timestamp = headers["X-AI-Moderation-Timestamp"]
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body,
                        hashlib.sha256).hexdigest()
    return hmac.compare_digest("sha256=" + expected, headers["X-AI-Moderation-Signature"])


class Receiver:
    def __init__(self) -> None:
        self.received: list[dict] = []  # accepted requests: headers, raw body, parsed event
        self.refused = 0  # requests answered with something else than 2xx
        self.answer = 204
        self._server: ThreadingHTTPServer | None = None
        self.port = self._free_port()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def events(self) -> list[dict]:
        return [request["event"] for request in self.received]

    def up(self) -> None:
        """Listen (again) on the same port."""
        if self._server is None:
            self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
            threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def down(self) -> None:
        """Stop listening: requests are refused at the TCP level."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if 200 <= receiver.answer < 300:
                    receiver.received.append({"headers": self.headers, "body": body,
                                              "event": json.loads(body)})
                else:
                    receiver.refused += 1
                self.send_response(receiver.answer)
                self.send_header("Location", "/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:  # keep the test output quiet
                pass

        return Handler

    @staticmethod
    def _free_port() -> int:
        for port in PORTS:
            with socket.socket() as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    probe.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
        raise RuntimeError("no free port in 19950–19999")
