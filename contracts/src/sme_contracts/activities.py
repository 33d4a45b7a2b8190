"""Events published by the activities service. Declared with the service's own issue."""
