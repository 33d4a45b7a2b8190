"""Where requests, events and timers enter the activities service."""
