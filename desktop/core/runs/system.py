"""The system prompt a GPT's runs send, and the parts it is made of.

The engine sends `system_prompt(definition)`; the builder shows `system_prompt_parts`
so that what a user previews is exactly what the model gets. Token counts are
`approx_tokens` estimates (the model's own tokenizer may count a little differently).
Pure functions; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.gpt import GptDefinition
from desktop.core.knowledge.tokens import approx_tokens
from desktop.core.runs.citations import CITATION_GUIDE, PROTECTION_RULE
from desktop.core.runs.outputs import WEB_CITATION_GUIDE

# What each part is, by `SystemPart.kind`.
INSTRUCTIONS = "instructions"  # the GPT's own instructions
KNOWLEDGE_CITATIONS = "knowledge_citations"  # with knowledge files: how to cite excerpts
WEB_CITATIONS = "web_citations"  # with web browsing: how to cite pages
PROTECTION = "protection"  # with knowledge protection: keep instructions and files private
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class SystemPart:
    """One part of the system prompt: its kind and its exact text."""

    kind: str
    text: str

    @property
    def tokens(self) -> int:
        """The part's tokens, estimated (counted when asked: a run needs only the text)."""
        return approx_tokens(self.text)


def system_prompt_parts(definition: GptDefinition) -> list[SystemPart]:
    """The parts of the system prompt, in the order sent; empty instructions are left out."""
    texts = [(INSTRUCTIONS, definition.instructions.strip())]
    if definition.knowledge.files:
        texts.append((KNOWLEDGE_CITATIONS, CITATION_GUIDE))
    if definition.capabilities.web_browsing.enabled:
        texts.append((WEB_CITATIONS, WEB_CITATION_GUIDE))
    if definition.knowledge_protection:
        texts.append((PROTECTION, PROTECTION_RULE))
    return [SystemPart(kind, text) for kind, text in texts if text]


def system_prompt(definition: GptDefinition) -> str:
    """The system prompt, stable for a whole thread so that a local model's KV cache holds."""
    return SEPARATOR.join(part.text for part in system_prompt_parts(definition))
