"""Registry's use cases: one small function per command, run in a unit of work."""
