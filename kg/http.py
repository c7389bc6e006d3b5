"""HTTP to SPARQL servers, as `kg query --endpoint` and `kg load` speak it: credentials from the
environment or ~/.netrc, never from a command line (where `ps` shows them and shells keep them),
never in a message; and no redirect followed, which would carry them to wherever it points."""

from __future__ import annotations

import base64
import netrc
import os
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.errors import UsageError


@dataclass(frozen=True)
class Credentials:
    """The names of the environment variables that hold one kind of server's credentials."""

    token: str  # sent as 'Authorization: Bearer TOKEN'
    user: str  # with `password`, sent as HTTP Basic
    password: str

    def where(self) -> str:
        return f"set {self.user} and {self.password} (or {self.token}), or a ~/.netrc entry for the host"


def authorization(host: str, credentials: Credentials) -> tuple[str | None, tuple[str, ...]]:
    """The Authorization header for `host` (None without credentials), and the secrets in it, which
    no message may show: a token, else a user and password from the environment, else the host's
    entry in ~/.netrc (or its default)."""
    if token := os.environ.get(credentials.token):
        return f"Bearer {token}", (token,)
    user, password = os.environ.get(credentials.user), os.environ.get(credentials.password)
    if (user is None) != (password is None):
        raise UsageError(f"set both {credentials.user} and {credentials.password}, or neither")
    if user is None:
        user, password = _from_netrc(host)
    if user is None:
        return None, ()
    encoded = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {encoded}", tuple(secret for secret in (password, encoded) if secret)


def _from_netrc(host: str) -> tuple[str | None, str | None]:
    try:
        entry = netrc.netrc().authenticators(host)
    except FileNotFoundError:
        return None, None
    except netrc.NetrcParseError as error:  # its message may quote a token of the file: not shown
        raise UsageError(f"{error.filename}: cannot read it (line {error.lineno})") from None
    except OSError as error:
        raise UsageError(f"~/.netrc: cannot read it ({error.strerror})") from None
    return (entry[0], entry[2]) if entry else (None, None)


def refuse_credentials_in(option: str, url: str, credentials: Credentials) -> None:
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise UsageError(f"{option} {shown_url(url)}: credentials do not go in the URL; {credentials.where()}")


def shown_url(url: str) -> str:
    """The URL as messages show it: without any user name or password it holds."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def without_secrets(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx is reported as such: nothing is sent on to another URL


OPENER = urllib.request.build_opener(_NoRedirect)
