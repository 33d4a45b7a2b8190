"""The durable timers of this service, by kind (keys say which object they belong to)."""

WORK_DOCUMENT_DEADLINE = "work_document.deadline"  # key: "<kind>:<year>"
RECTIFICATION_DEADLINE = "rectification.deadline"  # key: rectification id
