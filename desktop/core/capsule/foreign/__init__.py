"""Other apps' assistants in and out: OpenAI, Open WebUI, LobeHub and Character Cards.

Each reader maps what it can onto a GPT definition and says, line by line, what it dropped
or changed; `detect` tells the formats apart by content. `outbound` writes a GPT the other
way, as an Open WebUI model or an OpenAI Assistant, without secrets.
"""
