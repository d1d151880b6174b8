"""A builder proposal as the Create pane shows it: a diff against the form, editable, by row.

Qt-free. The diff is core's `diff_definitions` between the form's definition and the
form with the proposal applied; the user may untick rows and edit proposed values, and
`accepted_changes` gives what to apply. GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.builder_assistant import PROPOSED_FIELDS, Proposal, changes_from_fields
from desktop.core.gpt import GptDefinition, diff_definitions, update_definition


@dataclass
class DiffRow:
    """One proposed change: the field's path, its value now, the value proposed."""

    field: str
    old: Any
    new: Any
    accepted: bool = True

    @property
    def editable(self) -> bool:
        """Text and lists of text can be edited; a switch is taken or left."""
        return not isinstance(self.new, bool)


class ProposalDiff:
    """The proposal on show: its fields (with the user's edits) and the rows that differ."""

    def __init__(self) -> None:
        self.fields: dict[str, Any] = {}
        self.rows: list[DiffRow] = []
        self.current: GptDefinition | None = None

    def show(self, proposal: Proposal, current: GptDefinition) -> None:
        """Show `proposal` against the form's `current` definition.

        Raises:
            errors.ProviderError: the proposal does not make a valid definition.
        """
        proposal.apply(current)  # raises, in the builder's words, before anything changes
        self.fields = dict(proposal.fields)
        self.rebase(current)

    def rebase(self, current: GptDefinition) -> None:
        """The form changed: diff the proposal against it again, keeping what was unticked."""
        unticked = {row.field for row in self.rows if not row.accepted}
        self.current = current
        if not self.fields:
            self.rows = []
            return
        proposed = update_definition(current, changes_from_fields(self.fields))
        rows = [
            DiffRow(d["field"], d["old"], d["new"], d["field"] not in unticked)
            for d in diff_definitions(current, proposed)
        ]
        order = {path: n for n, path in enumerate(PROPOSED_FIELDS)}
        self.rows = sorted(rows, key=lambda row: order.get(row.field, len(order)))

    def edit(self, index: int, value: Any) -> None:
        """Replace row `index`'s proposed value.

        Raises:
            errors.ValidationError: the value is not valid for its field (nothing changes).
        """
        row = self.rows[index]
        assert self.current is not None
        update_definition(self.current, changes_from_fields({row.field: value}))
        self.fields[row.field] = value
        row.new = value

    def clear(self) -> None:
        self.fields = {}
        self.rows = []

    def accepted_changes(self) -> dict[str, Any]:
        """The ticked rows as `update_definition` takes them ({} when none)."""
        return changes_from_fields({row.field: row.new for row in self.rows if row.accepted})
