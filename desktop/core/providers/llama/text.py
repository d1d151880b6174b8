"""Token bytes to text: whole UTF-8 characters, and stop strings held back until sure.

Pure Python, used in the model host while it samples and importable anywhere.
"""

from __future__ import annotations

import codecs


class Utf8Stream:
    """Decodes token bytes as they come.

    A character split across tokens comes out whole, once its last byte arrives; bytes that
    can never form a character come out as U+FFFD and are counted in `replaced`.
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.replaced = 0

    def feed(self, data: bytes) -> str:
        text = self._decoder.decode(data)
        self.replaced += text.count("\ufffd")
        return text

    def finish(self) -> str:
        """Whatever is left; an incomplete character at the very end becomes U+FFFD."""
        text = self._decoder.decode(b"", final=True)
        self.replaced += text.count("\ufffd")
        return text


class StopScanner:
    """Holds back text that might be the start of a stop string; reports a full match."""

    def __init__(self, stops: list[str]) -> None:
        self._stops = [s for s in stops if s]
        self._keep = max((len(s) for s in self._stops), default=1) - 1
        self._buffer = ""

    def feed(self, text: str) -> tuple[str, bool]:
        if not self._stops:
            return text, False
        self._buffer += text
        for stop in self._stops:
            at = self._buffer.find(stop)
            if at >= 0:
                visible, self._buffer = self._buffer[:at], ""
                return visible, True
        cut = max(len(self._buffer) - self._keep, 0)
        visible, self._buffer = self._buffer[:cut], self._buffer[cut:]
        return visible, False

    def flush(self, text: str) -> str:
        out, self._buffer = self._buffer + text, ""
        return out
