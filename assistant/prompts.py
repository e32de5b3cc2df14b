"""Prompt files, loaded by name and rendered strictly.

A prompt is a text file in `prompts/` named after what it does and its version
(`answer_system_v1.md`); a new wording is a new file, so an eval run names exactly the prompt it
used. Placeholders are written `{{name}}`. Rendering is strict both ways: a placeholder without a
value is an error, and so is a value the prompt never uses (a typo would otherwise pass silently).
Values are inserted in one pass and never re-scanned, so article text or a question that happens
to contain `{{question}}` stays literal text.
"""

from __future__ import annotations

import re
from pathlib import Path

from .settings import default_prompts_dir

PROMPTS_DIR = default_prompts_dir()
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def placeholders(template: str) -> set[str]:
    """The variable names a template uses."""
    return {m.group(1) for m in _PLACEHOLDER.finditer(template)}


def render(template: str, variables: dict[str, str], *, name: str = "<template>") -> str:
    """Fill every `{{name}}` of a template; missing or unused variables raise ValueError."""
    needed, given = placeholders(template), set(variables)
    if needed - given:
        raise ValueError(
            f"prompt {name!r} needs {sorted(needed)}; missing {sorted(needed - given)}"
        )
    if given - needed:
        raise ValueError(
            f"prompt {name!r} takes {sorted(needed)}; got unused {sorted(given - needed)}"
        )
    return _PLACEHOLDER.sub(lambda m: str(variables[m.group(1)]), template)


def prompt_path(name: str, directory: Path | None = None) -> Path:
    """The file of prompt `name` (with or without its .md suffix)."""
    folder = directory or PROMPTS_DIR
    path = folder / (name if name.endswith(".md") else f"{name}.md")
    if not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.md")) if folder.is_dir() else []
        raise FileNotFoundError(f"no prompt {name!r} in {folder}; known prompts: {known}")
    return path


def load_prompt(name: str, /, directory: Path | None = None, **variables: str) -> str:
    """Prompt `name` from `directory` (default prompts/), rendered with `variables`."""
    template = prompt_path(name, directory).read_text(encoding="utf-8")
    return render(template, variables, name=name).strip()
