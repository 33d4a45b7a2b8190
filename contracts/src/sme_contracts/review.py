"""Events published by the review service. Declared with the service's own issue."""
