"""The PySide6 desktop GUI; `app.py` is its composition root."""
