"""The GPT library's use cases: create (blank or from a template), duplicate, delete, find.

What the library sidebar and the first-run page do, decided once here for every front end.
Called on worker threads; each call is one or a few store transactions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from desktop.core.cancel import CancelToken
from desktop.core.gpt import MAX_NAME, GptDefinition, ModelSettings, update_definition
from desktop.core.knowledge.copy import CopyProgress
from desktop.core.providers.local import LocalModels
from desktop.core.store import Store
from desktop.core.store.records import Gpt
from desktop.core.templates import Template

if TYPE_CHECKING:
    from desktop.core.knowledge.library import KnowledgeLibrary


def matches(gpt: Gpt, query: str) -> bool:
    """Whether every word of `query` is in the GPT's name, description or model."""
    words = query.casefold().split()
    if not words:
        return True
    definition = gpt.definition
    text = " ".join(
        (definition.name, definition.description, definition.model.model, definition.model.provider)
    ).casefold()
    return all(word in text for word in words)


class GptLibrary:
    """Create, duplicate and delete GPTs; the knowledge index opens only to copy files.

    Args:
        store: the database.
        local_models: the model folders, for the model a new GPT starts with.
        knowledge: the knowledge library, built on first call (it loads LanceDB).
    """

    def __init__(
        self,
        store: Store,
        local_models: LocalModels,
        knowledge: Callable[[], KnowledgeLibrary],
        default_embedding: Callable[[], str] = lambda: "",
    ) -> None:
        self._store = store
        self._local_models = local_models
        self._knowledge = knowledge
        self._default_embedding = default_embedding

    def suggested_model(self) -> ModelSettings:
        """The model a new GPT starts with: the first usable local chat model, else none."""
        for model in self._local_models.list():
            if model.info is not None and not model.info.embedding:
                return ModelSettings(provider="local", model=model.id)
        return ModelSettings()

    def create(self, definition: GptDefinition, note: str = "created") -> Gpt:
        """Save a new GPT; one that says nothing of an embedding model gets the default one."""
        default = self._default_embedding()
        if default and "embedding_model" not in definition.knowledge.model_fields_set:
            definition = update_definition(definition, {"knowledge": {"embedding_model": default}})
        return self._store.gpts.create(definition, note=note)

    def create_blank(self, name: str) -> Gpt:
        """A GPT called `name` with nothing but the suggested model."""
        definition = GptDefinition(name=name[:MAX_NAME], model=self.suggested_model())
        return self.create(definition)

    def create_from_template(self, template: Template, model: ModelSettings | None = None) -> Gpt:
        """A GPT from `template`, answering with `model` (the suggested one if None)."""
        chosen = model if model is not None else self.suggested_model()
        return self.create(template.definition(chosen), note=f"created from template {template.id}")

    def duplicate(
        self, gpt_id: str, name: str, cancel: CancelToken | None = None
    ) -> Iterator[CopyProgress | Gpt]:
        """Copy a GPT under `name`: its definition (avatar and actions with it) and knowledge.

        Yields progress while the knowledge is copied, then the new `Gpt` last. The copy
        starts without conversations. An avatar image is stored by content, so the copy
        names the same unchanging file. If copying fails or is cancelled (or the caller
        stops iterating), the half-made copy is deleted again and the error goes on.
        """
        source = self._store.gpts.get(gpt_id)
        definition = update_definition(
            source.definition, {"name": name[:MAX_NAME], "knowledge": {"files": []}}
        )
        copy = self.create(definition, note=f"duplicated from {source.id}")
        if self._store.knowledge.list(source.id):
            try:
                yield from self._knowledge().copy(source.id, copy.id, cancel)
            except BaseException:
                self._store.gpts.delete(copy.id)
                raise
            copy = self._store.gpts.get(copy.id)
        yield copy

    def delete(self, gpt_id: str) -> Gpt:
        """Move a GPT to the trash (with its threads and knowledge); returns what it was."""
        gpt = self._store.gpts.get(gpt_id)
        self._store.gpts.delete(gpt_id)
        return gpt

    def undelete(self, gpt_id: str) -> Gpt:
        return self._store.gpts.undelete(gpt_id)
