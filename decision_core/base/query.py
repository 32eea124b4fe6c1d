"""Query strings without `urllib`: percent-encoding and the parameters of an address.

MicroPython has no `urllib.parse`, so both link formats (the quiz's share link
in `decision_core.model.sharelink`, the calculator's state in
`decision_core.model.calculator_link`) read and write their query strings here.

Example:
    >>> quote("a b&c")
    'a%20b%26c'
    >>> parameters("https://guide.example/quiz/?v=2&a=x%2Dy&utm_source=mail#quiz-result")
    [('v', '2'), ('a', 'x-y'), ('utm_source', 'mail')]
"""

_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
_HEX = "0123456789abcdefABCDEF"


def quote(text: str) -> str:
    """Percent-encode everything but the characters that are safe in a query value.

    Args:
        text: Any text.

    Returns:
        The text with every other byte of its UTF-8 as `%XX`.
    """
    out = []
    for byte in text.encode():
        char = chr(byte)
        out.append(char if char in _SAFE else "%%%02X" % byte)
    return "".join(out)


def unquote(text: str) -> str:
    """Undo percent-encoding (and `+` for a space).

    Args:
        text: A query string's key or value.

    Returns:
        The decoded text.

    Raises:
        ValueError: The decoded bytes are not UTF-8 text.
    """
    if "%" not in text and "+" not in text:
        return text
    raw = text.replace("+", " ").encode()
    out = bytearray()
    index = 0
    while index < len(raw):
        byte = raw[index]
        pair = raw[index + 1:index + 3]
        if byte == 37 and len(pair) == 2 and chr(pair[0]) in _HEX and chr(pair[1]) in _HEX:
            out.append(int(pair.decode(), 16))
            index += 3
        else:
            out.append(byte)
            index += 1
    try:
        return bytes(out).decode()
    except UnicodeError:
        raise ValueError("not text") from None


def query_of(address: str) -> str:
    """The query string of an address, a query with its `?`, or a bare query, without `?` or fragment.

    Args:
        address: A whole URL, `?v=1&a=…`, `v=1&a=…`, or any of these with a `#fragment`.

    Returns:
        The part between `?` and `#`.
    """
    address = address.strip()
    if "?" in address:
        address = address[address.index("?") + 1:]
    if "#" in address:
        address = address[:address.index("#")]
    return address


def parameters(address: str) -> "list[tuple[str, str]]":
    """The `(key, value)` pairs of an address's query string, decoded, in order, repeats kept.

    Args:
        address: As for `query_of`.

    Returns:
        The pairs; a piece without `=` has an empty value, empty pieces are skipped.

    Raises:
        ValueError: A key or value holds bytes that are not UTF-8 text.
    """
    pairs = []
    for piece in query_of(address).split("&"):
        if piece:
            key, _, value = piece.partition("=")
            pairs.append((unquote(key), unquote(value)))
    return pairs


def parameter_names(address: str) -> "list[str]":
    """The keys of an address's query string, decoded where they can be, in order.

    Args:
        address: As for `query_of`.

    Returns:
        The keys; one that is not text is left as written.
    """
    names = []
    for piece in query_of(address).split("&"):
        if piece:
            key = piece.partition("=")[0]
            try:
                names.append(unquote(key))
            except ValueError:
                names.append(key)
    return names
