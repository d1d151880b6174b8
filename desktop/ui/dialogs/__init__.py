"""Dialogs several features share. Each opens with `open()` and answers with signals."""
