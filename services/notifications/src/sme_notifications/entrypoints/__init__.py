"""Notifications' entry points: event subscribers and HTTP routes, both thin."""
