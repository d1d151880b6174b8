"""The run engine: prompt assembly, truncation, the tool-call loop, run steps and events."""
