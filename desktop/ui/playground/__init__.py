"""The playground: every step of a run, its timeline, inspector, and run comparisons."""
