"""Conversations: the chat's use cases on threads, their export, and their transcript."""

from desktop.core.conversations.service import (
    CODE,
    KNOWLEDGE,
    TRASH_KEPT_S,
    Attachment,
    Conversations,
    Found,
)

__all__ = ["CODE", "KNOWLEDGE", "TRASH_KEPT_S", "Attachment", "Conversations", "Found"]
