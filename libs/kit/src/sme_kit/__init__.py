"""Shared plumbing of the SME station services.

One way of doing each thing: settings, the database and its unit of work, the transactional
outbox and its relay, idempotent consumers with dead letters, durable timers, auth, problem+json
errors, telemetry and the app factory. Nothing here opens a connection at import time.
"""
