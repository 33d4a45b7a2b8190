"""Activities's tables."""

from sme_kit.db import new_metadata

metadata = new_metadata()
