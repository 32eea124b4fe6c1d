"""The package's errors: one small hierarchy, each error naming what was wrong.

Every error the package raises on bad input is a `DecisionError`, so callers
(the command line, the browser widget, the MkDocs hook) can catch that one type
and show its message. Errors about input carry `problems`: a list of
`Problem`s, one per bad or missing field, so nothing is reported one at a time.
"""


MAX_LISTED: int = 10
"""The most problems an error's message lists; the rest are counted."""

MAX_FIELD: int = 40
"""The longest field name a message shows; a longer one (a hostile key, say) is cut."""

MAX_MESSAGE: int = 300
"""The longest problem description a message shows."""


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


class Problem:
    """One thing wrong with one field of an input."""

    __slots__ = ("field", "message")

    field: str
    """The name of the field, e.g. `labelled_examples`."""
    message: str
    """What is wrong and what the field accepts."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return _cut(self.field, MAX_FIELD) + ": " + _cut(self.message, MAX_MESSAGE)

    def __repr__(self) -> str:
        return "Problem(%r, %r)" % (self.field, self.message)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Problem)
            and other.field == self.field
            and other.message == self.message
        )

    def __hash__(self) -> int:
        return hash((self.field, self.message))


class DecisionError(Exception):
    """Base class of every error the package raises on bad input."""


class _ProblemsError(DecisionError):
    """An error that lists every problem found, not just the first."""

    summary = "invalid input"

    def __init__(self, problems: "list[Problem]") -> None:
        self.problems = list(problems)
        super().__init__(self._message())

    def _message(self) -> str:
        # Bounded, whatever the input: each distinct problem once, at most MAX_LISTED, the rest counted.
        lines = [self.summary + ":"]
        seen = set()
        rest = 0
        for index, problem in enumerate(self.problems):
            text = str(problem)
            if text in seen:
                continue
            if len(seen) == MAX_LISTED:
                rest = len(self.problems) - index
                break
            seen.add(text)
            lines.append("- " + text)
        if rest:
            lines.append("- and {:,} more".format(rest))
        return "\n".join(lines)

    @property
    def fields(self) -> "list[str]":
        """The names of the fields with problems, in the order found."""
        return [problem.field for problem in self.problems]


class InvalidAnswers(_ProblemsError):
    """An answer set is missing answers or has answers the framework does not accept."""

    summary = "the answers are incomplete or invalid"


class InvalidCostInputs(_ProblemsError):
    """Cost-model inputs are missing, not numbers, or out of their valid range."""

    summary = "the cost inputs are invalid"


class InvalidShareLink(DecisionError):
    """A share link is tampered with, truncated, or of an unknown version."""


class ShareLinkTooLong(InvalidShareLink):
    """A share link's address is far longer than any the guide makes: refused before it is read."""


class UnknownSection(DecisionError):
    """No section of the guide has that anchor id."""

    def __init__(self, section_id: str) -> None:
        self.section_id = section_id
        super().__init__("no section of the guide has the anchor id %r" % (section_id,))


class UnknownId(DecisionError):
    """No item of the framework's data (a field, option, criterion, threshold, outcome...) has that id."""

    def __init__(self, kind: str, id: object, known: "tuple[str, ...]" = ()) -> None:
        self.kind = kind
        self.id = id
        self.known = tuple(known)
        message = "no %s has the id %r" % (kind, id)
        if self.known:
            message += "; known: " + ", ".join(self.known)
        super().__init__(message)
