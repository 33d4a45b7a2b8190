"""Review's entry points: HTTP routers, the Kafka subscriber, and the timers."""
