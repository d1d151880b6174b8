"""Core's sentences for the translator: made by `generate.py`, do not edit by hand."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS = (
    QT_TRANSLATE_NOOP("CoreTexts", "Model file not found: {path}"),
    QT_TRANSLATE_NOOP("CoreTexts", "No GPT with id '{gpt_id}'."),
    QT_TRANSLATE_NOOP("CoreTexts", "No run with id '{run_id}'."),
    QT_TRANSLATE_NOOP("CoreTexts", "No thread with id '{thread_id}'."),
    QT_TRANSLATE_NOOP("CoreTexts", "{name} is empty (0 bytes): download it again."),
)
