"""Registry's entry points: HTTP routes and event subscribers, both thin."""
