"""The builder form's sections, one module each."""
