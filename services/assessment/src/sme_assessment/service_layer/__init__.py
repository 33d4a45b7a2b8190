"""Assessment's service_layer (built with the service's own issue)."""
