"""Requests to a SPARQL server: credentials from the environment or ~/.netrc, and retries with
exponential backoff when the server cannot be reached or fails (5xx), never when it refuses (4xx):
a refusal comes again on every retry."""

from __future__ import annotations

import http.client
import os
import socket
import ssl
import time
import urllib.request
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from kg.errors import KgError
from kg.http import OPENER, authorization, shown_url, without_secrets
from kg.remote.endpoints import CREDENTIALS

RETRIES = 6  # after the first attempt; with the first wait of 0.5 s, 31.5 s of waiting in all
BACKOFF_VARIABLE = "KG_STORE_BACKOFF"  # the first wait in seconds, doubled at each retry
FIRST_WAIT = 0.5
TIMEOUT = 900  # seconds a request may take: loading a chunk, or moving a large graph in the switch


class ServerError(KgError):
    """The server refused a request, failed it after every retry, or could not be reached."""


class Server:
    """Requests to a SPARQL server's endpoints, each sent with the credentials of its own URL's
    host (the update or query endpoint may be on another host than the store's, which must not
    get the store host's ~/.netrc password); counts the requests sent."""

    def __init__(self, *urls: str) -> None:
        self._authorizations: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        for url in urls:  # worked out now: an unreadable ~/.netrc fails the load before it sends anything
            self._authorization(url)
        self.requests = 0

    def _authorization(self, url: str) -> tuple[str | None, tuple[str, ...]]:
        """The Authorization header for `url`'s host, and the secrets in it."""
        host = urlsplit(url).hostname or ""
        if host not in self._authorizations:
            self._authorizations[host] = authorization(host, CREDENTIALS)
        return self._authorizations[host]

    def post(self, url: str, body: bytes, content_type: str, *, accept: str | None = None,
             on_retry=None, retries: int = RETRIES, timeout: float = TIMEOUT) -> bytes:
        """POST `body` to `url`; the answer's body. `on_retry(reason)` hears of each retry."""
        header, secrets = self._authorization(url)
        headers = {"Content-Type": content_type, **({"Accept": accept} if accept else {})}
        first_wait = float(os.environ.get(BACKOFF_VARIABLE, FIRST_WAIT))
        for attempt in range(retries + 1):
            request = urllib.request.Request(url, data=body, method="POST", headers=headers)
            if header:
                request.add_unredirected_header("Authorization", header)
            self.requests += 1
            try:
                with OPENER.open(request, timeout=timeout) as response:
                    return response.read()
            except HTTPError as error:
                if error.code < 500:  # its text may echo what was sent, credentials included
                    raise ServerError(without_secrets(_refusal(url, error), secrets)) from None
                reason = without_secrets(f"{error.code} {error.reason}", secrets)
            except (URLError, OSError, http.client.HTTPException) as error:
                cause = getattr(error, "reason", error)
                if isinstance(cause, (socket.gaierror, ssl.SSLCertVerificationError)):  # a retry finds the same
                    raise ServerError(f"{shown_url(url)}: {cause}") from None
                reason = str(cause) or type(cause).__name__
            if attempt == retries:
                raise ServerError(f"{shown_url(url)}: {reason}" + (f", still after {retries} retries" if retries else ""))
            if on_retry is not None:
                on_retry(reason)
            time.sleep(first_wait * 2**attempt)
        raise AssertionError("unreachable")


def _refusal(url: str, error: HTTPError) -> str:
    """One line for a 4xx: the status, what the server said (its first line), and a hint."""
    try:
        said = error.read(2000).decode("utf-8", errors="replace").strip().splitlines()
    except OSError:
        said = []
    detail = f": {said[0][:300]}" if said else ""
    hints = {401: f" (credentials: {CREDENTIALS.where()})",
             403: " (the credentials are not allowed to write here)",
             413: " (a smaller --chunk-size sends less at once)"}
    if 300 <= error.code < 400:
        return f"{shown_url(url)}: redirected to {shown_url(error.headers.get('Location', '?'))}; give that URL"
    return f"{shown_url(url)}: {error.code} {error.reason}{detail}{hints.get(error.code, '')}"
