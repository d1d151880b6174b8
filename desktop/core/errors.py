"""Typed errors: what happened, and what the user can do about it as data.

Every error the core raises on purpose derives from `CapsuleError`. Its `message` says
what went wrong in words any front end can show; where there is a next step, `action`
carries it as a `UserAction` (a kind from `Do` and its arguments). Core never names a
command or a flag: the CLI words an action as a command, the GUI as a button or a menu
path. `code` is a stable, machine-readable name recorded in a failed run's `last_error`.

Core speaks English and never translates. A message made with `said(template, **values)`
is still the English sentence (a `str`), and also keeps its fixed sentence and the values
that fill it, so that a front end can put the sentence in its own language: the window
looks the template up in its translations ("CoreTexts") and fills in the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Said(str):
    """An English sentence made from a fixed template and its values (see `said`)."""

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, values: dict[str, str]) -> Said:
        made = super().__new__(cls, template.format(**values))
        made.template = template
        made.values = values
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (a child process's error) keep it
        return (Said, (self.template, self.values))

    def to_dict(self) -> dict[str, Any]:
        """The template and values, a value that is itself a `Said` as such a dict."""
        return {
            "template": self.template,
            "values": {
                k: v.to_dict() if isinstance(v, Said) else str(v) for k, v in self.values.items()
            },
        }

    @classmethod
    def from_dict(cls, data: object) -> Said | None:
        """A `Said` back from `to_dict`'s form (None when `data` is not one)."""
        if not isinstance(data, dict) or not isinstance(data.get("template"), str):
            return None
        raw = data.get("values")
        values: dict[str, str] = {}
        for name, value in (raw if isinstance(raw, dict) else {}).items():
            values[str(name)] = cls.from_dict(value) or str(value)
        try:
            return cls(data["template"], values)
        except (KeyError, IndexError, ValueError):
            return None


def said(template: str, /, **values: object) -> Said:
    """`template` with its `{name}` fields filled in: a message a front end can translate.

    `template` must be a literal with plain `{name}` fields (format numbers into the
    values, not the template), so the translations can be made from the code. A value
    that is itself made with `said` is translated too.
    """
    return Said(
        template,
        {name: value if isinstance(value, Said) else str(value) for name, value in values.items()},
    )


class Do:
    """The kinds of `UserAction`, each with the arguments it takes."""

    LIST_GPTS = "list_gpts"
    LIST_GPT_VERSIONS = "list_gpt_versions"  # gpt_id
    START_NEW_THREAD = "start_new_thread"  # gpt_id (optional)
    CANCEL_RUN = "cancel_run"  # run_id
    LIST_THREAD_FILES = "list_thread_files"  # thread_id
    LIST_KNOWLEDGE = "list_knowledge"  # gpt_id (optional)
    LIST_ACTIONS = "list_actions"  # gpt_id
    SET_ACTION_AUTH = "set_action_auth"  # gpt_id (optional), action_id
    SET_ACTION_SERVER = "set_action_server"  # gpt_id (optional), action_id (optional)
    LIST_MODELS = "list_models"
    CHOOSE_MODEL = "choose_model"  # gpt_id (optional)
    SHOW_CATALOG = "show_catalog"
    IMPORT_MODEL = "import_model"
    REMOVE_MODEL = "remove_model"  # model_id (optional)
    ADD_PROVIDER = "add_provider"  # profile, preset (optional), needs: base_url or api_key
    SET_PROVIDER_KEY = "set_provider_key"  # profile
    LIST_PROVIDER_MODELS = "list_provider_models"  # profile
    LIST_PROVIDERS = "list_providers"
    SET_SEARCH_KEY = "set_search_key"  # provider: searxng, brave or tavily
    ALLOW_HTTP_HOST = "allow_http_host"  # host: may get secrets over plain http
    ALLOW_UNISOLATED_CODE = "allow_unisolated_code"  # run code with nothing isolating it
    SET_KNOWLEDGE_MODEL = "set_knowledge_model"  # gpt_id (optional), role: embedding or rerank
    DOWNLOAD_MODEL = "download_model"  # model_id: a catalog id
    INSTALL_OCR = "install_ocr"  # install the optional OCR engine
    GIVE_CAPSULE_PASSWORD = "give_capsule_password"  # path: the capsule to open
    TRUST_SIGNER = "trust_signer"  # fingerprint, name (optional)
    REPLACE_GPT = "replace_gpt"  # path, gpt_id: import over the GPT with the capsule's id


@dataclass(frozen=True)
class UserAction:
    """What the user can do next: a kind from `Do`, and the arguments it needs."""

    kind: str
    args: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "args": dict(self.args)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> UserAction | None:
        """The action stored in an error's dict (None when it has none)."""
        if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
            return None
        args = data.get("args") if isinstance(data.get("args"), dict) else {}
        return cls(data["kind"], {str(k): str(v) for k, v in (args or {}).items()})


def do(kind: str, **args: str) -> UserAction:
    """A `UserAction`; arguments left empty are left out."""
    return UserAction(kind, {k: v for k, v in args.items() if v})


class CapsuleError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, action: UserAction | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.action = action

    def to_dict(self) -> dict[str, Any]:
        """The form stored in a run's `last_error` (and a tool call's `error`)."""
        data: dict[str, Any] = {"code": self.code, "message": str(self.message)}
        if isinstance(self.message, Said):
            data["said"] = self.message.to_dict()
        if self.action is not None:
            data["action"] = self.action.to_dict()
        return data


# --- definitions and lookups ---------------------------------------------------------


class ValidationError(CapsuleError):
    """A GPT definition (or another user input) does not validate."""

    code = "invalid_input"

    def __init__(
        self,
        message: str,
        problems: list[str] | None = None,
        action: UserAction | None = None,
    ) -> None:
        super().__init__(message, action)
        self.problems = problems or []


class NotFoundError(CapsuleError):
    """An id that names nothing."""

    code = "not_found"


class UnknownGptError(NotFoundError):
    code = "unknown_gpt"

    def __init__(self, gpt_id: str) -> None:
        super().__init__(said("No GPT with id '{gpt_id}'.", gpt_id=gpt_id), do(Do.LIST_GPTS))
        self.gpt_id = gpt_id


class UnknownThreadError(NotFoundError):
    code = "unknown_thread"

    def __init__(self, thread_id: str) -> None:
        super().__init__(
            said("No thread with id '{thread_id}'.", thread_id=thread_id),
            do(Do.START_NEW_THREAD),
        )
        self.thread_id = thread_id


class UnknownRunError(NotFoundError):
    code = "unknown_run"

    def __init__(self, run_id: str) -> None:
        super().__init__(said("No run with id '{run_id}'.", run_id=run_id))
        self.run_id = run_id


class UnknownVersionError(NotFoundError):
    code = "unknown_version"


# --- the store -------------------------------------------------------------------------


class StoreError(CapsuleError):
    """The database cannot be used."""

    code = "store_error"


class StoreCorruptError(StoreError):
    code = "store_corrupt"


class StoreTooNewError(StoreError):
    code = "store_too_new"


class StoreLockedError(StoreError):
    code = "store_locked"


# --- models and providers --------------------------------------------------------------


class ModelError(CapsuleError):
    """A model cannot be found, read, loaded or used."""

    code = "model_error"


class NoModelError(ModelError):
    code = "no_model"


class ModelNotFoundError(ModelError):
    code = "model_not_found"


class ModelFileError(ModelError):
    """The file is missing, truncated, not a GGUF, or otherwise unreadable."""

    code = "model_file_invalid"


class ModelLoadError(ModelError):
    """llama.cpp refused to load a file that looked like a GGUF."""

    code = "model_load_failed"


class ModelCrashedError(ModelError):
    """The model host process ended while loading or running a model.

    A crash, an abort, or a kill for memory: the app and the run's data are unharmed.
    """

    code = "model_crashed"


class ContextOverflowError(ModelError):
    """The prompt does not fit the context window, even after truncation."""

    code = "context_length_exceeded"


class ProviderError(CapsuleError):
    """A model backend failed while answering."""

    code = "provider_error"


class ProviderAuthError(ProviderError):
    """The remote service rejected the API key (or wants one)."""

    code = "provider_auth"


class ProviderUnreachableError(ProviderError):
    """The remote service cannot be reached (refused, DNS, TLS, dropped connection)."""

    code = "provider_unreachable"


class ProviderTimeoutError(ProviderError):
    """The remote service did not answer in time."""

    code = "provider_timeout"


class ProviderRateLimitedError(ProviderError):
    """The remote service kept answering 429 after the retries ran out."""

    code = "provider_rate_limited"


class ProviderResponseError(ProviderError):
    """The remote service answered with an error or with something unreadable."""

    code = "provider_bad_response"


# --- settings, secrets and downloads -------------------------------------------------------


class SettingsError(CapsuleError):
    """The settings file cannot be read or written, or a setting is invalid."""

    code = "settings_error"


class UnknownProfileError(NotFoundError):
    """A provider profile name that is not in settings."""

    code = "unknown_profile"


class SecretsUnavailableError(CapsuleError):
    """No usable OS keyring: secrets are never kept anywhere else."""

    code = "keyring_unavailable"


class SecretNotFoundError(NotFoundError):
    """A secret name with no value in the keyring."""

    code = "secret_not_found"


class DownloadError(CapsuleError):
    """A model download failed; a partial file is kept for resuming unless said otherwise."""

    code = "download_failed"


class ChecksumMismatchError(DownloadError):
    """The downloaded bytes do not hash to what the hub says; the file was removed."""

    code = "checksum_mismatch"


class DiskSpaceError(DownloadError):
    """Not enough free disk space for a download or an import."""

    code = "disk_full"


class CancelledError(CapsuleError):
    """Work stopped because the user asked it to."""

    code = "cancelled"


# --- runs --------------------------------------------------------------------------------


class RunError(CapsuleError):
    code = "run_error"


class ThreadBusyError(RunError):
    code = "thread_busy"

    def __init__(self, thread_id: str, run_id: str | None) -> None:
        if run_id:
            message = said(
                "Thread {thread_id} already has an active run (run {run_id}). Wait for it to "
                "finish, or cancel it.",
                thread_id=thread_id,
                run_id=run_id,
            )
        else:
            message = said(
                "Thread {thread_id} already has an active run. Wait for it to finish, or "
                "cancel it.",
                thread_id=thread_id,
            )
        super().__init__(message, do(Do.CANCEL_RUN, run_id=run_id or ""))
        self.thread_id = thread_id
        self.run_id = run_id


class RunStateError(RunError):
    """An operation that the run's current status does not allow."""

    code = "invalid_run_state"


class ToolError(CapsuleError):
    """A tool failed; its message goes back to the model as the tool's output."""

    code = "tool_error"


# --- actions ---------------------------------------------------------------------------


class ActionDocumentError(ValidationError):
    """An OpenAPI document that cannot be imported.

    `pointer` is a JSON pointer into the document (`/paths/~1pets/get`) and `line` a
    1-based line number, where known; the message already names both.
    """

    code = "invalid_action_document"

    def __init__(
        self,
        message: str,
        pointer: str | None = None,
        line: int | None = None,
        action: UserAction | None = None,
    ) -> None:
        super().__init__(message, action=action)
        self.pointer = pointer
        self.line = line


class UnknownActionError(NotFoundError):
    code = "unknown_action"

    def __init__(self, gpt_id: str, action_id: str) -> None:
        super().__init__(
            said("GPT {gpt_id} has no action '{action_id}'.", gpt_id=gpt_id, action_id=action_id),
            do(Do.LIST_ACTIONS, gpt_id=gpt_id),
        )
        self.action_id = action_id


# --- what protects the user (sandbox, credentials) -------------------------------------


class UnisolatedCodeError(ToolError):
    """Nothing on this machine keeps the code interpreter's code from the user's files.

    Its action is what the user can do: allow it after reading the warning.
    """

    code = "code_not_isolated"

    def __init__(self, message: str) -> None:
        super().__init__(message, do(Do.ALLOW_UNISOLATED_CODE))


class InsecureTransportError(ValidationError):
    """A secret would go over plain http, or a request to a link-local address.

    Link-local addresses include the cloud metadata service. `host` is the host named;
    `action` what the user can do, if anything (allow http for that host).
    """

    code = "insecure_transport"

    def __init__(self, message: str, host: str, action: UserAction | None = None) -> None:
        super().__init__(message, action=action)
        self.host = host


# --- capsules --------------------------------------------------------------------------


class CapsuleFileError(ValidationError):
    """A capsule (or a file from another app) that cannot be opened or imported.

    Nothing was written when this is raised.
    """

    code = "capsule_invalid"


class CapsuleDamagedError(CapsuleFileError):
    """The bytes are not a complete, readable archive (truncated, flipped, not a zip)."""

    code = "capsule_damaged"


class CapsuleRefusedError(CapsuleFileError):
    """The archive breaks a safety rule: a path outside, a link, too big, too many files."""

    code = "capsule_refused"


class CapsuleTamperedError(CapsuleFileError):
    """The contents do not match what the capsule says of them (hash, tag, signature)."""

    code = "capsule_tampered"


class CapsuleTooNewError(CapsuleFileError):
    """Written in a newer format than this version reads."""

    code = "capsule_too_new"


class PasswordNeededError(CapsuleFileError):
    """The payload is encrypted and no password was given."""

    code = "capsule_password_needed"


class WrongPasswordError(CapsuleFileError):
    """The password given does not open the payload."""

    code = "capsule_wrong_password"
