"""What core says the user can do (`errors.UserAction`), worded as a command to type."""

from __future__ import annotations

from typing import Any

from desktop.core import errors
from desktop.core.errors import Do, UserAction

# Each kind's sentence; {names} are the action's arguments, or the placeholders below.
_SENTENCES = {
    Do.LIST_GPTS: "Run `capsule gpt list` to see the ids.",
    Do.LIST_GPT_VERSIONS: "Run `capsule gpt versions {gpt_id}` to see them.",
    Do.START_NEW_THREAD: "Leave out --thread to start a new conversation.",
    Do.CANCEL_RUN: "Cancel it with `capsule runs cancel {run_id}`.",
    Do.LIST_THREAD_FILES: "`capsule threads files {thread_id}` lists them.",
    Do.LIST_KNOWLEDGE: "Run `capsule knowledge list {gpt_id}` to see the files.",
    Do.LIST_ACTIONS: "Run `capsule actions list {gpt_id}` to see its actions.",
    Do.SET_ACTION_AUTH: "Use `capsule actions auth {gpt_id} {action_id}`.",
    Do.SET_ACTION_SERVER: "Use `capsule actions import ... --server URL`.",
    Do.LIST_MODELS: "`capsule models list` shows the ids.",
    Do.CHOOSE_MODEL: "Use `capsule gpt edit {gpt_id} --model MODEL`.",
    Do.SHOW_CATALOG: "Run `capsule models catalog` for the ids.",
    Do.IMPORT_MODEL: "Use `capsule models import PATH`.",
    Do.REMOVE_MODEL: "Use `capsule models remove {model_id}`.",
    Do.SET_PROVIDER_KEY: "Use `capsule providers add {profile} --api-key-stdin`.",
    Do.LIST_PROVIDER_MODELS: "`capsule providers test {profile}` lists the ids it serves.",
    Do.LIST_PROVIDERS: "`capsule providers list` shows the profiles.",
    Do.SET_SEARCH_KEY: "Use `capsule capabilities search-key {provider}`.",
    Do.ALLOW_HTTP_HOST: "To allow it anyway, add --allow-http to `capsule providers add` "
    "or `capsule actions auth`.",
    Do.ALLOW_UNISOLATED_CODE: "`capsule capabilities allow-unisolated` turns the code "
    "interpreter on after a warning.",
    Do.SET_KNOWLEDGE_MODEL: "Use `capsule gpt edit {gpt_id} --{role}-model MODEL`.",
    Do.DOWNLOAD_MODEL: "Get it with `capsule models download {model_id}`.",
    Do.INSTALL_OCR: 'Install it with `pip install "capsule-studio[ocr]"` (about 100 MB) '
    "and add the file again with `capsule knowledge add`, or add a copy with a text layer "
    "(for example made by ocrmypdf).",
    Do.GIVE_CAPSULE_PASSWORD: "Pipe the password in: `capsule import {path} --password-stdin` "
    "(or `capsule inspect {path} --password-stdin`).",
    Do.TRUST_SIGNER: "Trust the signer with `capsule signing trust {fingerprint}`.",
    Do.REPLACE_GPT: "Add --replace to `capsule import {path}` to replace {gpt_id} (its old "
    "versions stay in its history).",
}
_PLACEHOLDERS = {
    "gpt_id": "GPT_ID",
    "run_id": "RUN_ID",
    "thread_id": "THREAD_ID",
    "action_id": "ACTION_ID",
    "model_id": "MODEL_ID",
    "profile": "NAME",
    "provider": "PROVIDER",
    "host": "HOST",
    "role": "embedding",
    "path": "FILE",
    "fingerprint": "FINGERPRINT",
}


def command(action: UserAction | None) -> str:
    """The sentence telling a terminal user what to type (empty without an action)."""
    if action is None:
        return ""
    values = {**_PLACEHOLDERS, **action.args}
    if action.kind == Do.ADD_PROVIDER:
        return _add_provider(values)
    sentence = _SENTENCES.get(action.kind)
    return sentence.format(**values) if sentence else ""


def _add_provider(values: dict[str, str]) -> str:
    if values.get("needs") == "base_url" and values.get("preset"):
        options = f"--preset {values['preset']} --base-url URL"
    else:
        options = "--base-url URL --api-key-stdin"
    return f"Add it with `capsule providers add {values['profile']} {options}`."


def worded(message: str, action: UserAction | None) -> str:
    """A core message followed by what to type about it."""
    return f"{message} {command(action)}".strip()


def error_text(error: errors.CapsuleError | dict[str, Any]) -> str:
    """A raised error, or a stored one (a run's `last_error`), worded for the terminal."""
    if isinstance(error, errors.CapsuleError):
        return worded(error.message, error.action)
    return worded(str(error.get("message", "")), UserAction.from_dict(error.get("action")))
