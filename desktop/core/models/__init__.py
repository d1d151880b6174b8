"""The local model manager: catalog, downloads, imports, removal and memory estimates."""
