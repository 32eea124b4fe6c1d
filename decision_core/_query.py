"""Percent-encoding for the share links' query strings, without `urllib`.

MicroPython has no `urllib.parse`, so the two link codecs (`sharelink` for the
quiz, `calculator` for the calculator) share these small helpers instead.
"""

_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
_HEX = "0123456789abcdefABCDEF"


def quote(text: str) -> str:
    """Percent-encode everything but the characters that are safe in a query value."""
    out = []
    for byte in text.encode():
        char = chr(byte)
        out.append(char if char in _SAFE else "%%%02X" % byte)
    return "".join(out)


def unquote(text: str) -> str:
    """Undo percent-encoding (and `+` for a space).

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
