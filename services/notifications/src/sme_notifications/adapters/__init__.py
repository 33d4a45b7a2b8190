"""Notifications' adapters: ORM tables and repositories."""
