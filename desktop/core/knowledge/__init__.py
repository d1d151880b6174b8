"""Knowledge: extract -> chunk -> (embed) -> index (LanceDB) -> search, with citations."""
