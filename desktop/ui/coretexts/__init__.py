"""Core's sentences, gathered for the translator (see `generate.py`); never imported."""
