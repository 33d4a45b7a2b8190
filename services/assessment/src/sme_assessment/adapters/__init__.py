"""Assessment's adapters (built with the service's own issue)."""
