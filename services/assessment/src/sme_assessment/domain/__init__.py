"""Assessment's domain (built with the service's own issue)."""
