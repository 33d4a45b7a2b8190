"""The activities service's domain: entities and rules, free of I/O and frameworks."""
