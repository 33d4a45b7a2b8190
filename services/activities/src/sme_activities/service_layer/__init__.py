"""The activities service's use cases, each run in a unit of work."""
