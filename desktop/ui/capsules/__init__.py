"""Capsules in the window: export a GPT, inspect a file, then import it."""
