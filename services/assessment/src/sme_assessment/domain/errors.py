"""Errors the assessment rules raise; kinds of the kit's refusals, which the HTTP edge maps to problem+json."""

from sme_kit.errors import Invalid


class DomainError(Invalid):
    """A rule of the guideline refused the command as asked (answered 422)."""


class StateConflict(DomainError):
    """The command is well formed but the current state does not allow it (answered 409)."""

    kind = "conflict"


class StationNotActive(StateConflict):
    """Only a station whose title is active submits, takes part, or can lose its title."""


class AlreadyRevoked(StateConflict):
    """A station whose title was revoked cannot be revoked (or proposed for revocation) again."""


class ProposalAlreadyOpen(StateConflict):
    """One open revocation proposal per station and ground."""


class ResultNotPublished(StateConflict):
    """A result is printed only once the bureau has published it."""
