"""Where an offset of a text is, as a problem shows it: line and column, both from 1."""

from __future__ import annotations

from bisect import bisect_right


class Positions:
    """(line, column) of offsets in one text. The line starts are found once, on the first
    question: a hostile write-up can have thousands of problems, and counting the newlines
    before each one would be quadratic."""

    def __init__(self, text: str, first_line: int = 1):
        self.text, self.first_line = text, first_line
        self._starts: list[int] | None = None

    def __call__(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            starts, index = [0], self.text.find("\n")
            while index >= 0:
                starts.append(index + 1)
                index = self.text.find("\n", index + 1)
            self._starts = starts
        number = bisect_right(self._starts, offset) - 1
        return self.first_line + number, offset - self._starts[number] + 1
