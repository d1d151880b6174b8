"""The builder form's sections, one module each, all alike to the form that holds them.

A section shows its part of a GPT's definition and says what the user changed:

- `changed` (signal, no arguments): the user edited something; the form saves the draft.
- `load(definition)`: show this `GptDefinition` (the draft, or a version).
- `changes() -> dict`: the section's part of the definition, as `update_definition` takes
  it (e.g. `{"model": {"temperature": 0.2}}`).
- `show_problems(problems)`: mark fields with the validator's lines (`field.path: what`)
  that are this section's, clearing the others.
"""
