"""Serve one of the system's services over HTTP, the same way everywhere (`make run`, tests, images).

    python -m sme_kit.serve registry --port 8101

uvicorn with the app factory of ``sme_<service>.bootstrap`` and the server keep-alive of
`sme_kit.http_client` (longer than any client of ours keeps an idle connection).
"""

from __future__ import annotations

import argparse

import uvicorn

from sme_contracts.topics import SERVICES
from sme_kit.http_client import SERVER_KEEP_ALIVE_S


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sme_kit.serve", description=__doc__.splitlines()[0])
    parser.add_argument("service", choices=SERVICES)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--no-access-log", action="store_true", help="leave out one log line per request")
    args = parser.parse_args(argv)
    uvicorn.run(
        f"sme_{args.service}.bootstrap:app",
        factory=True,
        host=args.host,
        port=args.port,
        timeout_keep_alive=SERVER_KEEP_ALIVE_S,
        access_log=not args.no_access_log,
    )


if __name__ == "__main__":
    main()
