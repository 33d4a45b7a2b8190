"""Events published by the notifications service. Declared with the service's own issue."""
