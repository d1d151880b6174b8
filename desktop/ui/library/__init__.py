"""The library sidebar: every GPT, searchable, with create, duplicate and delete (undo)."""
