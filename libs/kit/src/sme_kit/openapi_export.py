"""Write every service's OpenAPI document, from the code (no service runs, nothing connects).

    python -m sme_kit.openapi_export web/openapi            write <service>.json for each service
    python -m sme_kit.openapi_export web/openapi --check    fail when a written document is stale

The web application's TypeScript types are generated from these documents, so a change to a
service's API that the web has not caught up with fails the build.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from sme_contracts.topics import SERVICES


def document(service: str) -> dict[str, Any]:
    """The OpenAPI document of one service, as its app serves it at /openapi.json."""
    # Building the app needs a token verifier; a throwaway secret serves, nothing is signed here.
    os.environ.setdefault("AUTH_DEV_SECRET", "openapi-export-" + "x" * 32)
    os.environ.setdefault("ENVIRONMENT", "dev")
    bootstrap = importlib.import_module(f"sme_{service}.bootstrap")
    return dict(bootstrap.app().openapi())


def rendered(service: str) -> str:
    return json.dumps(document(service), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sme_kit.openapi_export", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", action="store_true", help="compare with the written documents instead")
    args = parser.parse_args(argv)
    stale = []
    for service in SERVICES:
        path = args.out / f"{service}.json"
        text = rendered(service)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.stderr.write(f"stale OpenAPI documents (run `make web-types`): {', '.join(stale)}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
