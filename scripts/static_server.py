"""A small static web server that behaves like the hosts the site is published on.

It serves site/ under the path of `site_url` (as GitHub Pages does), answers a missing address
with the root 404.html and status 404, and compresses text with gzip when the browser accepts it,
so that the browser tests and the benchmark see what a reader sees.

    python -m scripts.static_server [--port 8000] [--dir site] [--base /toimi-opas/]
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import ssl
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Every answer: (path, bytes on the wire). The tests and the benchmark count what a reader really
# downloads here, because a browser's own counters miss what a web worker fetches.
SENT: list[tuple[str, int]] = []
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class Handler(BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, base: str, **kwargs):
        self.root, self.base = root, base
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:  # quiet: tests read responses, not logs
        pass

    def resolve(self, path: str) -> Path | None:
        if not path.startswith(self.base):
            return None
        relative = unquote(path[len(self.base) :])
        target = (self.root / relative).resolve()
        if self.root not in target.parents and target != self.root:
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == self.base.rstrip("/"):
            path = self.base
        target = self.resolve(path)
        if target is not None and target.name == "index.html" and not path.endswith("/"):
            # A folder asked for without its slash: redirect, as static hosts do.
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.end_headers()
            return
        status = 200
        if target is None:
            status, target = 404, self.root / "404.html"
        body = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        SENT.append((path, len(body)))
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser moved on before the answer arrived (a test navigating away)


def start(
    directory: Path, base: str = "/toimi-opas/", port: int = 0, certificate: tuple[Path, Path] | None = None
) -> ThreadingHTTPServer:
    """Start serving in a background thread; the caller reads server.server_port and calls shutdown().
    With `certificate` (a certificate and its key, PEM) it answers HTTPS: the browser tests open the site
    at its published address (site_url), which Chromium is told to resolve to this server."""
    handler = partial(Handler, root=directory.resolve(), base=base)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    if certificate:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(*map(str, certificate))
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(server: ThreadingHTTPServer, directory: Path, base: str = "/toimi-opas/") -> None:
    """Point a running server at another folder: the next request is answered from it (the tests move from
    their HTML build to the same site with its PDFs)."""
    server.RequestHandlerClass = partial(Handler, root=directory.resolve(), base=base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", default="site")
    parser.add_argument("--base", default="/toimi-opas/")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = start(Path(args.dir), args.base, args.port)
    print(f"Serving {args.dir} on http://127.0.0.1:{server.server_port}{args.base}")
    threading.Event().wait()


if __name__ == "__main__":
    main()
