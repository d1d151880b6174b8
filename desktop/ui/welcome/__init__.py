"""The first-run page: ways to get a model, then a ready example GPT."""
