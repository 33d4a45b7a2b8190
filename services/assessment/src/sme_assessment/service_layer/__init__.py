"""Assessment's use cases, one small function per command or handled event, each in a unit of work."""
