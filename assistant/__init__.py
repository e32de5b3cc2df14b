"""The article assistant: answers questions about a news article, citing its exact words.

    import assistant
    a = assistant.ask("Who mediates?")
    print(a.text)            # "… such as Oman, Qatar, and the European Union. [1]"
    for c in a.citations:    # c.quote == corpus/<c.source>[c.start:c.end]
        print(c.n, c.quote)
"""

from .engine import Assistant, ask
from .errors import AssistantError, BackendError, IndexUnavailable, InvalidQuestion
from .settings import Settings
from .values import Answer, Citation

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "BackendError",
    "Citation",
    "IndexUnavailable",
    "InvalidQuestion",
    "Settings",
    "ask",
]
