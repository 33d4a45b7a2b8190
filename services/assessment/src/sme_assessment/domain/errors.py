"""Errors the assessment rules raise; the HTTP edge maps them to problem+json (422 and 409)."""


class DomainError(Exception):
    """A rule of the guideline refused the command as asked (answered 422)."""


class StateConflict(DomainError):
    """The command is well formed but the current state does not allow it (answered 409)."""


class StationNotActive(StateConflict):
    """Only a station whose title is active submits, takes part, or can lose its title."""


class AlreadyRevoked(StateConflict):
    """A station whose title was revoked cannot be revoked (or proposed for revocation) again."""


class ProposalAlreadyOpen(StateConflict):
    """One open revocation proposal per station and ground."""
