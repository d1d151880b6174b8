"""A proposal as a diff (Qt-free): the form's order, edits, unticked rows, a moving form."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.builder_assistant import Proposal
from desktop.core.gpt import update_definition, validate_definition
from desktop.ui.builder.create_proposal import ProposalDiff

PROPOSAL = Proposal(
    "ok",
    {
        "capabilities.web_browsing.enabled": True,
        "conversation_starters": ["Hi"],
        "name": "Chef",
        "description": "Cooks.",
    },
)


def test_rows_follow_the_form_and_only_what_differs() -> None:
    diff = ProposalDiff()
    diff.show(PROPOSAL, validate_definition({"name": "x", "description": "Cooks."}))
    assert [r.field for r in diff.rows] == [
        "name",
        "conversation_starters",
        "capabilities.web_browsing.enabled",
    ]
    assert [r.editable for r in diff.rows] == [True, True, False]


def test_unticked_rows_stay_out_and_stay_unticked_when_the_form_moves() -> None:
    current = validate_definition({"name": "x"})
    diff = ProposalDiff()
    diff.show(PROPOSAL, current)
    diff.rows[0].accepted = False  # the name
    diff.rebase(update_definition(current, {"description": "Bakes."}))
    assert [r.field for r in diff.rows if not r.accepted] == ["name"]
    assert diff.accepted_changes() == {
        "description": "Cooks.",
        "conversation_starters": ["Hi"],
        "capabilities": {"web_browsing": {"enabled": True}},
    }


def test_an_edit_is_checked_before_it_is_taken() -> None:
    diff = ProposalDiff()
    diff.show(PROPOSAL, validate_definition({"name": "x"}))
    diff.edit(0, "Chef Two")
    assert diff.accepted_changes()["name"] == "Chef Two"
    with pytest.raises(errors.ValidationError):
        diff.edit(0, "  ")
    assert diff.rows[0].new == "Chef Two"


def test_a_proposal_the_form_cannot_take_is_refused_whole() -> None:
    diff = ProposalDiff()
    bad = Proposal("ok", {"conversation_starters": ["x" * 400]})
    with pytest.raises(errors.ProviderError, match="cannot take"):
        diff.show(bad, validate_definition({"name": "x"}))
    assert diff.rows == []
