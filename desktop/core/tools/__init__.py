"""Tools a run may offer the model: actions (OpenAPI) now, built-in capabilities later."""
