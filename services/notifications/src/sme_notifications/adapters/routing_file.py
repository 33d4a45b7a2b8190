"""The routing table as shipped with the package (``routing.json``)."""

from __future__ import annotations

import json
from pathlib import Path

from sme_notifications.domain.routing import RoutingTable
from sme_notifications.domain.routing_document import parse_routing_document

ROUTING_FILE = Path(__file__).resolve().parents[1] / "routing.json"


def load_routing_table(path: Path = ROUTING_FILE) -> RoutingTable:
    """Read and validate the routing document; raises RoutingError naming every bad row."""
    return parse_routing_document(json.loads(path.read_text(encoding="utf-8")))
