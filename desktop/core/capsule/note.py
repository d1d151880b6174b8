"""A note on what an import dropped or changed, as a kind and its arguments, and in English.

Importers from other apps and the review say what they had to do as `Note`s: `text` is the
English sentence the CLI prints, `kind` and `args` let a front end word it in its own
language. A note without a kind of its own is `other` (only its `text` says it). Plain
data; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Note:
    """One thing an import dropped or changed. Every argument is a string.

    The kinds and their arguments:
    `cut`: `field` (name, description or starter), `limit`; `no_name`: `name` (the one
    given); `starters_kept`: `kept`, `total`; `temperature_range`, `top_p_range`: `value`;
    `picture_link`, `picture_invalid`, `picture_unusable`, `avatar_not_emoji`: none;
    `model_none`, `prompt_no_model`: none; `model_profile`: `model`, `profile`;
    `model_local`: `model`, `local`; `model_missing`: `model`, `service` (may be empty);
    `dropped`: `what` (metadata, functions, webui_tools, tags, plugins), `items`
    (comma-separated, at most five), `more` (how many beyond those);
    `dropped_tool`: `tool`; `dropped_response_format`, `dropped_canvas`, `dropped_vision`,
    `dropped_penalties`: none; `dropped_greetings`: `count`;
    `files_at_openai`: `count`, `items`; `files_missing`: `count`, `items`;
    `knowledge_elsewhere`: `app` (Open WebUI or LobeHub), `count`, `items`;
    `browsing_search`, `images_need_provider`, `opening_message`, `greeting`: none;
    `action_oauth`: `action`; `variables_unfilled`: `names`;
    `book_left_out`, `book_knowledge`: `count`;
    `action_unreadable`: `action`, `reason` (English); `bad_signature`: `problem` (English);
    `other`: none.
    """

    kind: str
    args: dict[str, str]
    text: str

    @classmethod
    def other(cls, text: str) -> Note:
        """A note only its English says."""
        return cls("other", {}, text)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "args": dict(self.args), "text": self.text}
