"""The chat: a GPT's threads and messages, streamed, with citations and tool activity."""
