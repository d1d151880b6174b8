"""Capsule Studio: build private assistants that run on your own machine."""

__version__ = "0.1.0"
