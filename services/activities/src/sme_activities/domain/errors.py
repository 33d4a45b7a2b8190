"""Errors the activities rules raise; the HTTP edge maps them to problem+json (422 and 409)."""


class DomainError(Exception):
    """A rule of the guideline refused the command as asked (answered 422)."""


class StateConflict(DomainError):
    """The command is well formed but the current state does not allow it (answered 409)."""


class StationNotActive(StateConflict):
    """Only stations whose title is active may organise, co-organise, report or receive requests."""


class CapacityReached(StateConflict):
    """Every place of the activity is taken."""


class AlreadyRegistered(StateConflict):
    """One registration per enterprise (USCC) and activity."""
