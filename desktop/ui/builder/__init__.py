"""The builder: a GPT's form, its draft and versions, and creating a GPT by conversation."""
