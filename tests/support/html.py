"""Read HTML in tests: the one parser for fragments the views render and pages the build writes.

    from tests.support.html import parse, text_of

    tree = parse(render_quiz())                  # fails on a misnested or unclosed element
    root = tree.by_id("quiz-result")             # exactly one element with that id
    boxes = tree.find("input", name="need")      # by tag and attributes (`data_x=""`: present)
    assert text_of(root) == "Answer the 4 questions"
    assert all(box.tag == "input" for box in boxes)

`parse(html, strict=False)` reads a whole built page (whose third-party markup
need not close every element) without checking its nesting.
"""

from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"})
"""Elements that have no end tag."""


class Element:
    """One element: its tag, attributes, the text inside it and its ancestors (outermost first)."""

    __slots__ = ("tag", "attrs", "text", "parents")

    def __init__(self, tag: str, attrs: "dict[str, str | None]", parents: "list[Element]") -> None:
        self.tag = tag
        self.attrs = attrs
        self.text = ""
        self.parents = parents

    def get(self, name: str, default=None):
        """An attribute's value (`None` for a bare boolean attribute), else `default`."""
        return self.attrs.get(name, default)

    def has(self, name: str) -> bool:
        """Whether the element carries the attribute."""
        return name in self.attrs

    def matches(self, tag: "str | None" = None, **attrs: str) -> bool:
        """Whether the tag and every attribute match: `data_x="v"` is `data-x="v"`; `data_x=""` only present."""
        if tag is not None and self.tag != tag:
            return False
        for name, value in attrs.items():
            name = name.replace("_", "-")
            if value == "":
                if name not in self.attrs or self.attrs[name] not in (None, ""):
                    return False
            elif self.attrs.get(name) != value:
                return False
        return True

    def __repr__(self) -> str:
        return "<%s %r>" % (self.tag, self.attrs)


class Document:
    """Every element of a parsed document or fragment, in document order."""

    def __init__(self, elements: "list[Element]", text: str) -> None:
        self.elements = elements
        self.text = text
        """All the text, whitespace as in the source."""

    def find(self, tag: "str | None" = None, **attrs: str) -> "list[Element]":
        """The elements with this tag (any tag for `None`) whose attributes match (see `Element.matches`)."""
        return [element for element in self.elements if element.matches(tag, **attrs)]

    def by_id(self, ident: str) -> Element:
        """The one element with this id (fails when there is none, or more than one)."""
        found = self.find(id=ident)
        assert len(found) == 1, "%d elements with id=%r" % (len(found), ident)
        return found[0]

    def ids(self) -> "list[str]":
        """Every id, in document order, repeats included."""
        return [element.attrs["id"] for element in self.elements if element.attrs.get("id")]

    def all_text(self) -> str:
        """All the text with runs of whitespace collapsed to one space."""
        return " ".join(self.text.split())


class _Parser(HTMLParser):
    def __init__(self, strict: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.elements: "list[Element]" = []
        self.open: "list[Element]" = []
        self.text: "list[str]" = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), list(self.open))
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs), list(self.open)))

    def handle_endtag(self, tag):
        if self.strict:
            assert self.open and self.open[-1].tag == tag, "</%s> closes %r" % (tag, [e.tag for e in self.open])
            self.open.pop()
            return
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index]
                break

    def handle_data(self, data):
        self.text.append(data)
        for element in self.open:
            element.text += data


def parse(html: str, strict: bool = True) -> Document:
    """Parse HTML; with `strict`, fail unless every non-void element closes, in order.

    Args:
        html: A fragment or a whole page.
        strict: Check the nesting (for what our own code renders).

    Returns:
        The elements and the text.
    """
    parser = _Parser(strict)
    parser.feed(html)
    parser.close()
    if strict:
        assert parser.open == [], "unclosed elements: %r" % [element.tag for element in parser.open]
    return Document(parser.elements, "".join(parser.text))


def elements(html: str, *tags: str) -> "list[Element]":
    """Every element of a page with one of these tags, in document order (the nesting is not checked)."""
    return [element for element in parse(html, strict=False).elements if element.tag in tags]


def text_of(element: Element) -> str:
    """An element's text with runs of whitespace collapsed to one space."""
    return " ".join(element.text.split())
