"""Actions: HTTP APIs described by OpenAPI documents, offered to the model as function tools.

`load` reads a document (file, URL or text) within size and alias limits; `parse` turns it
into an `ActionDocument` of `Operation`s; `tool` runs one operation over HTTP with the
action's auth; `select` picks the operations worth offering for one turn.
"""
