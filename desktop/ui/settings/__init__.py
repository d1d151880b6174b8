"""Settings: providers, local models (catalog, downloads, imports), and the app itself."""
