"""Tool calls in local models' own formats: detection, prompts, streaming parsers, grammars."""
