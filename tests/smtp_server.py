"""A real SMTP server for tests (aiosmtpd, on localhost), collecting what it receives."""

from __future__ import annotations

import email
import email.policy
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller

Received = list[tuple[list[str], EmailMessage]]  # (envelope recipients, parsed message)


class Inbox:
    """aiosmtpd handler: keeps each received message, parsed, with its envelope."""

    def __init__(self) -> None:
        self.messages: Received = []

    async def handle_DATA(self, server, session, envelope) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def wait_for(self, count: int = 1, timeout: float = 20.0) -> Received:
        """The messages, once ``count`` have arrived (AssertionError after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(self.messages)} of {count} emails in {timeout}s")
            time.sleep(0.05)
        return self.messages


def smtp_server(port: int) -> tuple[Controller, Inbox]:
    """An SMTP server on 127.0.0.1:``port``, not yet started (``controller.start()``)."""
    inbox = Inbox()
    return Controller(inbox, hostname="127.0.0.1", port=port), inbox


def use_smtp(settings, port: int) -> None:
    """Point Django's SMTP backend at the test server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
