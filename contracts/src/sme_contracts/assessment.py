"""Events published by the assessment service. Declared with the service's own issue."""
