"""Notifications service: who hears about each event, over which channel, and the delivery record."""
