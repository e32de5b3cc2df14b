"""Choosing the chat model: one line of configuration → a LangChain chat model.

The line (setting `llm`, env `ASSISTANT_LLM`, CLI `--llm`) is LangChain's `init_chat_model`
form with two additions:

    PROVIDER:MODEL        any provider init_chat_model knows: ollama:qwen2.5:7b, openai:gpt-4o-mini
    PROVIDER:MODEL@URL    the same, served at URL (llama.cpp server, vLLM, LM Studio, remote
                          Ollama): openai:qwen2.5-7b@http://127.0.0.1:8080/v1
    llamacpp:PATH.gguf    a local GGUF file run in-process by llama-cpp-python:
                          llamacpp:/models/qwen2.5-3b-instruct-q4_k_m.gguf
    SPEC,SPEC,...         several models; the first is the default, the page offers the rest

Only the first `:` separates the provider, so Ollama tags (`qwen2.5:7b`) need no quoting; `@`
followed by `http://` or `https://` starts the URL. A server at a URL that wants no key gets a
placeholder key (the OpenAI client refuses to start without one). API keys are never part of
the line: providers read their usual environment variables (`OPENAI_API_KEY`, ...).

Provider packages are optional extras; a missing one raises BackendError naming the extra
(`pip install 'article-assistant[ollama]'`). Building a model never contacts it: the first
request does, and failures there are the answerer's to handle (it falls back). Sampling is
greedy (temperature 0) where we know the provider accepts it, since answers should be as
repeatable as the model allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from langchain_core.language_models import BaseChatModel

from .errors import BackendError

# Provider → the extra of pyproject.toml that installs its package.
EXTRAS = {"openai": "openai", "azure_openai": "openai", "ollama": "ollama", "llamacpp": "llamacpp"}
# Providers known to accept temperature=0 (hosted OpenAI reasoning models reject it, so a bare
# `openai:` model keeps its default; an OpenAI-compatible server at a URL gets 0).
GREEDY = {"ollama", "llamacpp"}
# Retries inside the provider client; our own deadline bounds the total wait anyway.
MAX_RETRIES = 1
# Context and answer length for an in-process GGUF model: the prompt is ~8 sentences.
GGUF_CONTEXT = 4096
GGUF_MAX_TOKENS = 512
# Key sent to an OpenAI-compatible server that does not check keys.
PLACEHOLDER_KEY = "sk-no-key-required"

EXAMPLES = (
    "ollama:qwen2.5:7b, openai:gpt-4o-mini, openai:MODEL@http://127.0.0.1:8080/v1, "
    "llamacpp:/path/model.gguf"
)
_SPEC = re.compile(r"^(?P<provider>[A-Za-z][\w-]*):(?P<model>.+?)(?:@(?P<url>https?://\S+))?$")


@dataclass(frozen=True)
class ModelSpec:
    """One parsed model line: provider, model name (or GGUF path) and optional server URL."""

    provider: str
    model: str
    base_url: str | None = None

    @property
    def label(self) -> str:
        """The line as shown to users (Draft.backend): no credentials from the URL."""
        if not self.base_url:
            return f"{self.provider}:{self.model}"
        parts = urlsplit(self.base_url)
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return f"{self.provider}:{self.model}@{urlunsplit(parts._replace(netloc=netloc))}"


def parse_spec(text: str) -> ModelSpec:
    """Parse one model line; BackendError says what the line should look like."""
    m = _SPEC.match(text.strip())
    if not m:
        raise BackendError(f"cannot read model {text!r}: expected PROVIDER:MODEL, e.g. {EXAMPLES}")
    provider = m.group("provider").lower().replace("-", "_")
    return ModelSpec(provider, m.group("model"), m.group("url"))


def parse_specs(text: str | None) -> tuple[ModelSpec, ...]:
    """Every model of a comma-separated line, the default first; () when unset."""
    if not text or not text.strip():
        return ()
    return tuple(parse_spec(part) for part in text.split(",") if part.strip())


def install_hint(provider: str, package: str | None = None) -> str:
    """The pip command that installs a provider's package."""
    extra = EXTRAS.get(provider)
    if extra:
        return f"pip install 'article-assistant[{extra}]'"
    return f"pip install {package or 'langchain-' + provider.replace('_', '-')}"


def build_chat_model(spec: str | ModelSpec, *, timeout: float = 60.0) -> BaseChatModel:
    """A LangChain chat model for a model line, without contacting it."""
    spec = parse_spec(spec) if isinstance(spec, str) else spec
    if spec.provider == "llamacpp":
        return _gguf_model(spec)
    kwargs: dict[str, Any] = {}
    if spec.provider in GREEDY or (spec.provider == "openai" and spec.base_url):
        kwargs["temperature"] = 0
    if spec.provider in ("openai", "azure_openai"):
        kwargs.update(timeout=timeout, max_retries=MAX_RETRIES)
    if spec.provider == "ollama":
        kwargs["client_kwargs"] = {"timeout": timeout}
    if spec.base_url:
        kwargs["base_url"] = spec.base_url
    try:
        return _init(spec, kwargs)
    except BackendError:
        raise
    except Exception as e:
        # A local server needs no key, but the OpenAI client will not start without one.
        if spec.base_url and "credentials" in str(e).lower():
            return _init(spec, {**kwargs, "api_key": PLACEHOLDER_KEY})
        raise BackendError(f"cannot build model {spec.label}: {e}") from e


def _init(spec: ModelSpec, kwargs: dict[str, Any]) -> BaseChatModel:
    from langchain.chat_models import init_chat_model

    try:
        return init_chat_model(spec.model, model_provider=spec.provider, **kwargs)
    except ImportError as e:
        raise BackendError(
            f"model {spec.label} needs the {spec.provider} provider package: "
            f"run `{install_hint(spec.provider)}` ({e})"
        ) from e
    except ValueError as e:
        raise BackendError(f"cannot use model {spec.label}: {e}") from e


def _gguf_model(spec: ModelSpec) -> BaseChatModel:
    path = Path(spec.model).expanduser()
    if not path.is_file():
        raise BackendError(f"no GGUF model file at {path}; expected llamacpp:/path/to/model.gguf")
    hint = f"running {path.name} needs llama-cpp-python: run `{install_hint('llamacpp')}`"
    try:
        from langchain_community.chat_models import ChatLlamaCpp

        model: BaseChatModel = ChatLlamaCpp(
            model_path=str(path),
            n_ctx=GGUF_CONTEXT,
            max_tokens=GGUF_MAX_TOKENS,
            temperature=0,
            verbose=False,
        )
    except ImportError as e:  # langchain-community or llama-cpp-python missing
        raise BackendError(f"{hint} ({e})") from e
    except Exception as e:  # llama.cpp reports a bad file as a plain ValueError/RuntimeError
        raise BackendError(f"llama.cpp could not load {path}: {e}") from e
    return model
