"""Activities's entrypoints (built with the service's own issue)."""
