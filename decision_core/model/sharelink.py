"""Share links: an answer set packed into a short, versioned, checked query string.

A link looks like `quiz/?v=2&a=3-0-0-3-3uw-2bc-ffk-1-_-0-pevh#quiz-result`.
The token `a` holds one part per field of the contract, in `FIELDS` order:

- a choice field: the option's index in base 36 (`weekly` is `3`);
- a multiple choice (`behaviour_kinds`): one base-36 digit whose bits are
  the options ticked, the first option being 1 (`tone` and `reasoning` is `5`);
- a boolean: `1` or `0`;
- a number: base 36 digits for a whole number, a decimal such as `1250.5` for
  a fraction, and `_` for `null`;

then a four-character checksum of the version and the parts, so an edited or
cut link is refused instead of silently giving another recommendation. The
checksum catches accidents and casual edits; it is not a signature.

Decoding accepts the query with or without its `?` (or a whole URL), ignores
unrelated parameters such as `utm_source`, and raises `InvalidShareLink` with
a clear message otherwise. Older versions are decoded by their own reader in
`_READERS` and migrated to the current contract: a version-1 link (the eight
fields before the size of the knowledge and the kind of behaviour were asked)
opens with those two left unstated. The code uses no `urllib`, so it runs
under MicroPython.

Example:
    >>> link = encode_answers({"knowledge_change": "weekly", "need": "knowledge",
    ...                        "labelled_examples": 0, "queries_per_day": 5000})
    >>> decode_answers(link)["knowledge_change"]
    'weekly'
"""

from ..base.errors import InvalidAnswers, InvalidShareLink, ShareLinkTooLong
from ..base.query import parameter_names, parameters
from ..framework.questions import FIELDS, get_field
from .answers import Answers, validate_answers

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..framework.questions import Field

VERSION: int = 2
"""The version of the link format that `encode_answers` writes."""

V1_FIELDS: "tuple[str, ...]" = ("knowledge_change", "need", "labelled_examples", "data_quality",
                                "queries_per_day", "latency_budget_ms", "budget_usd", "needs_citations")
"""The fields of a version-1 link, in its order: frozen, whatever `FIELDS` becomes."""
MAX_ADDRESS_LENGTH: int = 2000
"""The longest address a share link is read from, in characters (the calculator's links have the same cap).

The guide's own links are under 100 characters, with room for the tracking
parameters mail programs add; a longer address is refused before it is read,
so a page never spends seconds on one.
"""
ANSWERS_PARAMETER: str = "a"
"""The query parameter that holds the answers: its presence is what makes an address a share link."""

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_FLOAT_CHARS = "0123456789.em"
_NULL = "_"
_SEP = "-"
_CHECK_LENGTH = 4


def _base36(number: int) -> str:
    if number == 0:
        return "0"
    digits = []
    while number:
        number, digit = divmod(number, 36)
        digits.append(_DIGITS[digit])
    return "".join(reversed(digits))


def _checksum(version: int, body: str) -> str:
    """FNV-1a (32 bits) of the version and the parts, as four base-36 digits."""
    value = 0x811C9DC5
    for byte in (str(version) + ":" + body).encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    text = _base36(value % (36 ** _CHECK_LENGTH))
    return "0" * (_CHECK_LENGTH - len(text)) + text


def _encode_value(field: "Field", value: object) -> str:
    if value is None:
        return _NULL
    if field.kind == "choice":
        return _DIGITS[field.values.index(value)]
    if field.kind == "choices":
        return _DIGITS[sum(1 << field.values.index(item) for item in value)]
    if field.kind == "boolean":
        return "1" if value else "0"
    if isinstance(value, float) and value != int(value):
        text = repr(value)
        if "." not in text:
            mantissa, exponent = text.split("e")
            text = mantissa + ".0e" + exponent
        return text.replace("e-", "em").replace("e+", "e")
    return _base36(int(value))


def _decode_value(field: "Field", index: int, text: str) -> object:
    damaged = InvalidShareLink("the share link is damaged: part %d (%s) is not valid"
                               % (index + 1, field.name))
    if text == _NULL and field.nullable:
        return None
    if field.kind == "choice":
        if len(text) != 1 or text not in _DIGITS or _DIGITS.index(text) >= len(field.options):
            raise damaged
        return field.values[_DIGITS.index(text)]
    if field.kind == "choices":
        if len(text) != 1 or text not in _DIGITS or _DIGITS.index(text) >= 1 << len(field.options):
            raise damaged
        bits = _DIGITS.index(text)
        return [value for index, value in enumerate(field.values) if bits & (1 << index)]
    if field.kind == "boolean":
        if text not in ("0", "1"):
            raise damaged
        return text == "1"
    if field.kind == "number" and "." in text:
        if [char for char in text if char not in _FLOAT_CHARS] or text.startswith("."):
            raise damaged
        try:
            return float(text.replace("em", "e-"))
        except ValueError:
            raise damaged from None
    if not text or len(text) > 12 or [char for char in text if char not in _DIGITS]:
        raise damaged
    return int(text, 36)


def encode_answers(answers: "Mapping[str, object] | Answers") -> str:
    """Pack an answer set into a share-link query string (without the `?`).

    Args:
        answers: An answer set (a dictionary or `Answers`); it is validated first.

    Returns:
        A query string such as `v=2&a=3-0-0-3-3uw-2bc-ffk-1-_-0-pevh`.

    Raises:
        InvalidAnswers: The answers are incomplete or invalid.
    """
    valid = validate_answers(answers)
    body = _SEP.join(_encode_value(field, value) for field, (_, value) in zip(FIELDS, valid.items()))
    return "v=%d&a=%s%s%s" % (VERSION, body, _SEP, _checksum(VERSION, body))


def share_url(answers: "Mapping[str, object] | Answers") -> str:
    """Return the site-relative URL that opens the quiz with these answers and shows the result.

    Args:
        answers: An answer set (a dictionary or `Answers`).

    Returns:
        e.g. `quiz/?v=2&a=3-0-0-3-3uw-2bc-ffk-1-_-0-pevh#quiz-result`.

    Raises:
        InvalidAnswers: The answers are incomplete or invalid.
    """
    return "quiz/?" + encode_answers(answers) + "#quiz-result"


def _parameters(query: str) -> "dict[str, str]":
    """The `v` and `a` parameters of a query string, a whole URL, or a query with its `?`."""
    try:
        pairs = parameters(query)
    except ValueError:
        raise InvalidShareLink("the share link is damaged: it holds bytes that are not text") from None
    found = {}
    for key, value in pairs:
        if key not in ("v", "a"):
            continue
        if key in found:
            raise InvalidShareLink("the share link is ambiguous: it has the parameter %s= twice" % key)
        found[key] = value
    return found


def has_share_link(address: str) -> bool:
    """Whether an address carries a share link's answers (an `a=` parameter), damaged or not.

    A `v=` alone is not a share link: it is also a common cache-busting
    parameter, and a page must not treat `?v=123` as a broken link.

    Args:
        address: A whole URL or its query string.

    Returns:
        True when the address has an `a=` parameter.

    Example:
        >>> has_share_link("quiz/?v=1&a=3-0-0"), has_share_link("?v=123"), has_share_link("?utm_source=x")
        (True, False, False)
    """
    return ANSWERS_PARAMETER in parameter_names(address) if isinstance(address, str) else False


def share_link_answers(address: str) -> "dict[str, object] | None":
    """The answers of the share link in an address, or `None` when the address carries none.

    Args:
        address: A whole URL or its query string (a page's `location.search`).

    Returns:
        The answers, as `decode_answers` gives them; `None` without an `a=` parameter.

    Raises:
        InvalidShareLink: The address carries a share link that is damaged, cut
            short, of an unknown version, or holds answers the guide refuses.
    """
    if not has_share_link(address):
        return None
    return decode_answers(address)


def _read(version: int, fields: "tuple[Field, ...]", token: str) -> "dict[str, object]":
    parts = token.split(_SEP)
    if len(parts) != len(fields) + 1:
        raise InvalidShareLink("the share link is cut short or damaged: expected %d parts, found %d"
                               % (len(fields) + 1, len(parts)))
    if parts[-1] != _checksum(version, _SEP.join(parts[:-1])):
        raise InvalidShareLink("the share link was altered or cut short: its checksum does not match")
    raw = {}
    for index, field in enumerate(fields):
        raw[field.name] = _decode_value(field, index, parts[index])
    return raw


def _read_v1(token: str) -> "dict[str, object]":
    """Version 1: the eight fields of `V1_FIELDS`; the fields added since take their defaults."""
    return _read(1, tuple(get_field(name) for name in V1_FIELDS), token)


def _read_v2(token: str) -> "dict[str, object]":
    """Version 2: every field of `FIELDS`."""
    return _read(2, FIELDS, token)


_READERS = ((1, _read_v1), (2, _read_v2))
"""One reader per known version, each returning answers in the current contract."""


def decode_answers(query: str) -> "dict[str, object]":
    """Unpack a share link's answers.

    Args:
        query: The query string, with or without its leading `?`, or a whole
            URL; unrelated parameters (`utm_source`...) are ignored.

    Returns:
        The answer set as a dictionary with every field of the contract.

    Raises:
        InvalidShareLink: The link is not a share link, of an unknown version,
            cut short, altered (the checksum does not match), or holds answers
            the guide does not accept.
        ShareLinkTooLong: The address is longer than `MAX_ADDRESS_LENGTH`
            (a kind of `InvalidShareLink`).

    Example:
        >>> decode_answers("?v=2&a=3-0&utm_source=" + "x" * 2000)
        Traceback (most recent call last):
        ...
        decision_core.base.errors.ShareLinkTooLong: the share link is too long to be one of this guide's (2022 characters; its links have at most 2000)
    """
    if not isinstance(query, str):
        raise InvalidShareLink("a share link must be text, got a value of type " + type(query).__name__)
    if len(query) > MAX_ADDRESS_LENGTH:
        raise ShareLinkTooLong("the share link is too long to be one of this guide's (%d characters; its links "
                               "have at most %d)" % (len(query), MAX_ADDRESS_LENGTH))
    found = _parameters(query)
    if "v" not in found or "a" not in found:
        missing = [key + "=" for key in ("v", "a") if key not in found]
        raise InvalidShareLink("this is not a complete share link: the parameter%s %s %s missing" % (
            ("s", " and ".join(missing), "are") if len(missing) > 1 else ("", missing[0], "is")))
    for version, reader in _READERS:
        if found["v"] == str(version):
            raw = reader(found["a"])
            break
    else:
        raise InvalidShareLink("the share link's version %r is not one this guide knows (known: %s)"
                               % (found["v"][:20], ", ".join(str(version) for version, _ in _READERS)))
    try:
        return validate_answers(raw).to_dict()
    except InvalidAnswers as error:
        raise InvalidShareLink("the share link holds answers this guide does not accept: "
                               + "; ".join(str(problem) for problem in error.problems)) from None
