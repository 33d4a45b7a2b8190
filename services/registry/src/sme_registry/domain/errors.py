"""Errors the registry's rules raise; the HTTP edge maps them to problem+json."""


class DomainError(Exception):
    """A rule of the guideline refused the command."""


class InvalidTransition(DomainError):
    """The application is not in a state that allows this step."""
