"""What an import dropped or changed, and the other app's format, in the GUI's language.

Core gives each note of an importer from another app as a kind and its arguments (see
`desktop.core.capsule.note.Note`) with an English sentence for the CLI; here each kind is
worded. A kind, or a `dropped` item kind, that this module does not know shows core's
English. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.capsule.note import Note
from desktop.ui.capsules.words import fill_in


def format_text(source: str, label: str) -> str:
    """Another app's format ("an OpenAI Assistant"); core's English `label` if unknown."""
    formats = {
        "openai_assistant": QCoreApplication.translate("Capsules", "an OpenAI Assistant"),
        "openai_gpt": QCoreApplication.translate("Capsules", "an OpenAI GPT configuration"),
        "openai_prompt": QCoreApplication.translate("Capsules", "an OpenAI prompt"),
        "openwebui": QCoreApplication.translate("Capsules", "an Open WebUI model"),
        "lobehub": QCoreApplication.translate("Capsules", "a LobeHub agent"),
        "character_card": QCoreApplication.translate("Capsules", "a Character Card"),
    }
    return formats.get(source, label)


def _sentences() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each kind without variants: its sentence, and the arguments that fill its %1, %2."""
    return {
        "no_name": (
            QCoreApplication.translate("Capsules", "It has no name; it is called “%1”."),
            ("name",),
        ),
        "starters_kept": (
            QCoreApplication.translate(
                "Capsules", "Only the first %1 of %2 conversation starters were kept."
            ),
            ("kept", "total"),
        ),
        "temperature_range": (
            QCoreApplication.translate(
                "Capsules", "The temperature %1 is outside 0–2; the default is used."
            ),
            ("value",),
        ),
        "top_p_range": (
            QCoreApplication.translate("Capsules", "top_p %1 is outside 0–1; the default is used."),
            ("value",),
        ),
        "picture_link": (
            QCoreApplication.translate(
                "Capsules", "The picture is a web link; it was not fetched (no avatar)."
            ),
            (),
        ),
        "picture_invalid": (
            QCoreApplication.translate(
                "Capsules", "The picture is not valid base64; it was left out."
            ),
            (),
        ),
        "picture_unusable": (
            QCoreApplication.translate(
                "Capsules",
                "The picture is too large or not PNG, JPEG, GIF or WebP; it was left out.",
            ),
            (),
        ),
        "avatar_not_emoji": (
            QCoreApplication.translate(
                "Capsules", "The avatar is not a single emoji; the GPT shows its initial."
            ),
            (),
        ),
        "model_none": (
            QCoreApplication.translate("Capsules", "No model was named: choose one for this GPT."),
            (),
        ),
        "prompt_no_model": (
            QCoreApplication.translate(
                "Capsules", "The prompt names no model: choose one for this GPT."
            ),
            (),
        ),
        "model_profile": (
            QCoreApplication.translate(
                "Capsules", "The model %1 is used through your provider profile “%2”."
            ),
            ("model", "profile"),
        ),
        "model_local": (
            QCoreApplication.translate(
                "Capsules", "The model %1 became the local model “%2”; check that it fits."
            ),
            ("model", "local"),
        ),
        "dropped_tool": (
            QCoreApplication.translate(
                "Capsules", "Dropped the tool “%1”: it has no counterpart here."
            ),
            ("tool",),
        ),
        "dropped_response_format": (
            QCoreApplication.translate(
                "Capsules", "Dropped the response format: answers here are free text."
            ),
            (),
        ),
        "dropped_canvas": (
            QCoreApplication.translate("Capsules", "Dropped canvas: there is no canvas here."),
            (),
        ),
        "dropped_vision": (
            QCoreApplication.translate("Capsules", "Dropped vision: this GPT reads text only."),
            (),
        ),
        "dropped_penalties": (
            QCoreApplication.translate(
                "Capsules", "Dropped the presence and frequency penalties: they are not set here."
            ),
            (),
        ),
        "dropped_greetings": (
            QCoreApplication.translate("Capsules", "Dropped %1 alternate greeting(s)."),
            ("count",),
        ),
        "files_at_openai": (
            QCoreApplication.translate(
                "Capsules",
                "It used %1 file(s) or vector store(s) kept at OpenAI (%2): download them "
                "and add them to the knowledge.",
            ),
            ("count", "items"),
        ),
        "files_missing": (
            QCoreApplication.translate(
                "Capsules",
                "Its %1 knowledge file(s) are not in the configuration (%2): add them to the "
                "knowledge.",
            ),
            ("count", "items"),
        ),
        "knowledge_elsewhere": (
            QCoreApplication.translate(
                "Capsules",
                "Its knowledge (%1) stays in %2: export those files and add them to the knowledge.",
            ),
            ("items", "app"),
        ),
        "browsing_search": (
            QCoreApplication.translate(
                "Capsules", "Web browsing fetches pages; choose a search service to search too."
            ),
            (),
        ),
        "images_need_provider": (
            QCoreApplication.translate(
                "Capsules",
                "Image generation needs a provider with an images endpoint: set one in the "
                "GPT’s capabilities to switch it on.",
            ),
            (),
        ),
        "opening_message": (
            QCoreApplication.translate(
                "Capsules", "The opening message became a line of the instructions."
            ),
            (),
        ),
        "greeting": (
            QCoreApplication.translate(
                "Capsules", "The greeting (first_mes) became part of the instructions."
            ),
            (),
        ),
        "action_oauth": (
            QCoreApplication.translate(
                "Capsules",
                "The action “%1” used OAuth with a user sign-in; here OAuth 2 works with "
                "client credentials only: check its auth.",
            ),
            ("action",),
        ),
        "variables_unfilled": (
            QCoreApplication.translate(
                "Capsules",
                "The variables %1 have no value here; the instructions keep them as "
                "{{name}}: edit them in.",
            ),
            ("names",),
        ),
        "book_left_out": (
            QCoreApplication.translate(
                "Capsules", "Left out %1 disabled or empty character book entries."
            ),
            ("count",),
        ),
        "book_knowledge": (
            QCoreApplication.translate(
                "Capsules",
                "The character book’s %1 entries became knowledge; they are found by "
                "relevance, not by the book’s keyword triggers.",
            ),
            ("count",),
        ),
        "action_unreadable": (
            QCoreApplication.translate("Capsules", "The action “%1” cannot be read: %2"),
            ("action", "reason"),
        ),
        "bad_signature": (
            QCoreApplication.translate(
                "Capsules", "Its signature is bad, so it will not be imported."
            ),
            (),
        ),
    }


def note_text(note: Note) -> str:
    """One note of an import in the GUI's language (core's English if its kind is unknown)."""
    args = note.args
    if note.kind == "cut":
        return _cut_text(args)
    if note.kind == "model_missing":
        return _missing_model_text(args)
    if note.kind == "dropped":
        return _dropped_text(note)
    sentences = _sentences()
    if note.kind not in sentences:
        return note.text
    template, keys = sentences[note.kind]
    return fill_in(template, *(args.get(key, "") for key in keys))


def _cut_text(args: dict[str, str]) -> str:
    fields = {
        "name": QCoreApplication.translate("Capsules", "The name was cut to %1 characters."),
        "description": QCoreApplication.translate(
            "Capsules", "The description was cut to %1 characters."
        ),
        "starter": QCoreApplication.translate(
            "Capsules", "A conversation starter was cut to %1 characters."
        ),
    }
    template = fields.get(args.get("field", ""), fields["description"])
    return fill_in(template, args.get("limit", ""))


def _missing_model_text(args: dict[str, str]) -> str:
    if args.get("service"):
        template = QCoreApplication.translate(
            "Capsules",
            "The model %1 (%2) has no provider profile or file on this machine, so the GPT "
            "uses a local model: choose one (or add a provider profile and switch to it).",
        )
        return fill_in(template, args.get("model", ""), args["service"])
    template = QCoreApplication.translate(
        "Capsules",
        "The model %1 has no provider profile or file on this machine, so the GPT uses a "
        "local model: choose one (or add a provider profile and switch to it).",
    )
    return fill_in(template, args.get("model", ""))


def _dropped_text(note: Note) -> str:
    sentences = {
        "metadata": QCoreApplication.translate(
            "Capsules", "Dropped metadata (%1): a GPT has nowhere to keep it."
        ),
        "functions": QCoreApplication.translate(
            "Capsules",
            "Dropped function tools (%1): they name no endpoint to call; describe the API as "
            "an OpenAPI action instead.",
        ),
        "webui_tools": QCoreApplication.translate(
            "Capsules", "Dropped tools (%1): Open WebUI’s tools are Python code of its own."
        ),
        "tags": QCoreApplication.translate("Capsules", "Dropped tags (%1): GPTs have no tags."),
        "plugins": QCoreApplication.translate(
            "Capsules", "Dropped plugins (%1): LobeHub plugins do not run here."
        ),
    }
    template = sentences.get(note.args.get("what", ""))
    if template is None:
        return note.text
    items = note.args.get("items", "")
    more = note.args.get("more", "0")
    if more not in ("", "0"):
        items = fill_in(QCoreApplication.translate("Capsules", "%1 and %2 more"), items, more)
    return fill_in(template, items)
