"""The assistant's errors: one root, a few leaves, each message saying what to do next."""


class AssistantError(Exception):
    """Root of every error the assistant raises on purpose."""


class InvalidQuestion(AssistantError, ValueError):
    """The question cannot be asked: empty, too long, or not text."""


class IndexUnavailable(AssistantError):
    """The index cannot be opened or built (missing corpus, unreadable store)."""


class BackendError(AssistantError):
    """A configured chat model could not be used (missing package, bad name)."""
