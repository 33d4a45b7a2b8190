"""Notifications' domain: routing rules and deliveries, free of I/O."""
