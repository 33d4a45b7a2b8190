"""Assessment's entry points: HTTP routers, event subscribers, timers."""
