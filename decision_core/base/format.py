"""The one formatter: numbers, money, counts, dates and answers as a reader sees them, and typed numbers back.

Every page, the quiz, the calculator and the command line print a value
through these functions, so the same value reads the same everywhere. They
give the same text under CPython, Pyodide and MicroPython: digits are worked
out by hand, never with `round()` (MicroPython rounds 2.675 to 2.68) or
`'{:,.2f}'` (MicroPython drops its commas), and `parse_number` reads a number
by its own grammar, never by `float()`'s (MicroPython's accepts `.` and `e5`).

Example:
    >>> number(3000000), number(0.4), number(1.755)
    ('3,000,000', '0.4', '1.76')
    >>> money(5986.04), money(12.5), money_cents(1234.5), price(0.125)
    ('$5,986', '$12.50', '$1,234.50', '$0.125')
    >>> about(91086), plural(1, "month"), plural(12, "month")
    ('91,000', '1 month', '12 months')
    >>> parse_number("20,000"), parse_number("0.45")
    (20000, 0.45)
"""

MAX_TEXT: int = 40
"""The longest text `parse_number` reads as a number; longer text is refused unread."""


def _digits(value: float, decimals: int) -> str:
    """A non-negative number with thousands separators and at most `decimals` decimals, half up."""
    scale = 10 ** decimals
    scaled = int(value * scale + 0.5)
    text = "{:,}".format(scaled // scale)
    rest = scaled % scale
    if decimals and rest:
        text += ("." + str(scale + rest)[1:]).rstrip("0")
    return text


def number(value: "int | float", decimals: int = 2) -> str:
    """Format a number for reading: thousands separators, no needless decimals.

    Args:
        value: The number.
        decimals: The most decimals shown, rounded half up.

    Returns:
        E.g. `1,000,000`, `0.4`, `1.75`, `-3`; a number too large for any
        input (or infinite) in scientific notation.

    Example:
        >>> number(1234567.891, 1), number(-0.004)
        ('1,234,567.9', '0')
    """
    if isinstance(value, bool):  # before int: MicroPython's bool is no int, CPython's is
        value = int(value)
    if not abs(value) < 1e15:  # beyond any bound; also inf and NaN
        return "%.3g" % value
    text = _digits(abs(value), decimals)
    return "-" + text if value < 0 and text.strip("0,.") else text


def money_cents(amount: float) -> str:
    """Format US dollars to the cent, always with two decimals: `$1,234.50`, `-$3.00`.

    Args:
        amount: Dollars.

    Returns:
        The amount, rounded half up on the cents.
    """
    cents = int(abs(amount) * 100 * (1 + 1e-12) + 0.5)  # half up, forgiving float noise (0.575 is 57.4999...)
    text = "${:,}.".format(cents // 100) + str(100 + cents % 100)[1:]
    return "-" + text if amount < 0 and cents else text


def money(amount: float) -> str:
    """Format US dollars rounded as a reader expects: whole dollars from $100, cents below.

    Args:
        amount: Dollars.

    Returns:
        E.g. `$5,986` (not `$5,986.04`), `$20,000`, `$12.50`, `$0.45`, `$0`.

    Example:
        >>> money(20000.0), money(99.999), money(0)
        ('$20,000', '$100', '$0')
    """
    if not abs(amount) < 1e15:
        return "$" + number(amount)
    if abs(amount) >= 99.995:
        whole = int(abs(amount) + 0.5)
        text = "${:,}".format(whole)
        return "-" + text if amount < 0 else text
    text = money_cents(amount)
    return text[:-3] if text.endswith(".00") else text


def price(amount: float) -> str:
    """Format a unit price, such as dollars per million tokens: cents always, and up to six decimals.

    Args:
        amount: Dollars.

    Returns:
        E.g. `$0.10`, `$0.125`, `$0.003`, `$1.50`, `$3.99`.

    Example:
        >>> price(0.1), price(0.125), price(0.003), price(16)
        ('$0.10', '$0.125', '$0.003', '$16.00')
    """
    text = number(abs(amount), 6)
    if "." not in text:
        text += ".00"
    elif len(text) - text.index(".") == 2:
        text += "0"
    return ("-$" if amount < 0 and text.strip("0,.") else "$") + text


def exact_money(amount: "int | float") -> str:
    """Format an amount a reader typed, to the cent, without needless `.00`: `$1,250.50`, `$20,000`.

    Args:
        amount: Dollars.

    Returns:
        The amount as typed, rounded to the cent.
    """
    text = money_cents(amount) if abs(amount) < 1e15 else "$" + number(amount)
    return text[:-3] if text.endswith(".00") else text


def short_money(amount: float) -> str:
    """Format a dollar amount for a chart's axis: `$0`, `$500`, `$2.5k`, `$1.2M`, `$3B`.

    Args:
        amount: A non-negative amount of dollars.

    Returns:
        The amount with at most two decimals and a k/M/B suffix.

    Example:
        >>> short_money(2500), short_money(1200000), short_money(0.5)
        ('$2.5k', '$1.2M', '$0.5')
    """
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k"), (1, "")):
        if amount >= scale:
            break
    return "$" + number(amount / scale) + suffix


def about(value: float) -> str:
    """Round a figure to two significant digits, as a threshold is spoken of: `91,000`, `37`.

    Args:
        value: A non-negative number.

    Returns:
        The rounded figure with thousands separators; below 1, as `number` gives it.

    Example:
        >>> about(91086), about(37.4), about(0.25)
        ('91,000', '37', '0.25')
    """
    if value < 1:
        return number(value)
    whole = int(value + 0.5)
    scale = 1
    while whole >= 100 * scale:
        scale *= 10
    return "{:,}".format(int(value / scale + 0.5) * scale)


def plural(count: "int | float", singular: str, many: str = "") -> str:
    """Say a count with its noun: `1 month`, `12 months`, `2,000 examples`.

    Args:
        count: How many.
        singular: The noun for one.
        many: The noun for other counts; `singular + "s"` when empty.

    Returns:
        The count, formatted by `number`, and the noun.
    """
    return number(count) + " " + (singular if count == 1 else many or singular + "s")


def iso_date(year: int, month: int, day: int) -> str:
    """Write a date as ISO 8601: `2026-11-29`.

    Args:
        year: The year.
        month: 1 to 12.
        day: 1 to 31.

    Returns:
        The date.
    """
    return "%04d-%02d-%02d" % (year, month, day)


def answer(field: object, value: object) -> str:
    """Write an answer as a reader would say it: `Every week`, `5,000`, `$1,250.50`, `800 ms`, `No limit`.

    Args:
        field: The answer's field (`decision_core.framework.questions.Field`): its
            `name`, `kind`, `options` and `nullable` are read.
        value: The validated value.

    Returns:
        Plain text (not yet escaped).
    """
    name = getattr(field, "name", "")
    if value is None:
        return "No limit" if name.endswith("_ms") else "Not stated"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        for option in getattr(field, "options", ()):
            if option.value == value:
                return option.label
        return value
    if isinstance(value, (list, tuple)):
        if not value:
            return "Not stated"
        return ", ".join(answer(field, item) for item in value)
    if isinstance(value, (int, float)):
        if name.endswith("_usd"):
            return exact_money(value)
        if name.endswith("_ms"):
            return number(value) + " ms"
        return number(value)
    return str(value)


_SIGNS = "+-"
_DIGITS = "0123456789"


def _is_decimal(text: str) -> bool:
    """Whether text is `[sign] digits [. digits] [e [sign] digits]`, with digits on at least one side of the point."""
    index = 1 if text[:1] in _SIGNS else 0
    mantissa_end = len(text)
    for position in range(index, len(text)):
        if text[position] in "eE":
            mantissa_end = position
            break
    mantissa = text[index:mantissa_end]
    whole, point, fraction = mantissa.partition(".")
    if not (whole or fraction):
        return False
    if [char for char in whole + fraction if char not in _DIGITS]:
        return False
    if mantissa_end == len(text):
        return True
    exponent = text[mantissa_end + 1:]
    if exponent[:1] in _SIGNS:
        exponent = exponent[1:]
    return bool(exponent) and not [char for char in exponent if char not in _DIGITS]


def quoted(text: str) -> str:
    """Quote text for a message, the same in every Python (MicroPython's `repr` escapes `é` and `١`; CPython's does not).

    Quotes and backslashes are escaped; control characters are written as
    `\\xNN`; every other character is kept as typed.

    Args:
        text: The text to quote.

    Returns:
        The text between single quotes.

    Example:
        >>> quoted("1e"), quoted("١٢"), quoted("it's")
        ("'1e'", "'١٢'", "'it\\\\'s'")
    """
    out = []
    for char in text:
        if char in "\\'":
            out.append("\\" + char)
        elif ord(char) < 32 or ord(char) == 127:
            out.append("\\x%02x" % ord(char))
        else:
            out.append(char)
    return "'" + "".join(out) + "'"


def parse_number(text: str, integer: bool = False) -> "int | float":
    """Read a number as a reader types it or a link carries it, the same way in every Python.

    Surrounding spaces, a leading `$` and thousands separators (`20,000`,
    `20_000`, `20 000`) are allowed; so are decimals and an exponent (`1.5e3`).
    Anything else is refused, including what MicroPython's `float()` alone
    would accept (`.`, `e5`, `-.`), infinities and NaN.

    Args:
        text: The typed text.
        integer: Refuse a fraction (`2.5`); a whole decimal such as `3.0` gives `3`.

    Returns:
        An `int` for a whole number written without a point or exponent (or
        any whole number when `integer`), else a `float`.

    Raises:
        ValueError: The text is not a number; its message says so in plain words.

    Example:
        >>> parse_number(" $1,250.50 "), parse_number("3.0", integer=True)
        (1250.5, 3)
        >>> parse_number("e5")
        Traceback (most recent call last):
        ...
        ValueError: 'e5' is not a number
    """
    if not isinstance(text, str):
        raise ValueError("expected text, got a value of type " + type(text).__name__)
    shown = quoted(text) if len(text) <= MAX_TEXT else quoted(text[:MAX_TEXT - 3]) + "..."
    if len(text) > MAX_TEXT:
        raise ValueError(shown + " is too long to be a number")
    cleaned = text.strip()
    if cleaned[:1] == "$":
        cleaned = cleaned[1:]
    elif cleaned[:2] in ("-$", "+$"):
        cleaned = cleaned[0] + cleaned[2:]
    for separator in (",", "_", " "):
        cleaned = cleaned.replace(separator, "")
    if not cleaned:
        raise ValueError("no number was given")
    if not _is_decimal(cleaned):
        raise ValueError(shown + " is not a number")
    if "." not in cleaned and "e" not in cleaned and "E" not in cleaned:
        return int(cleaned)
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(shown + " is too large to be a number")
    if integer:
        if value != int(value):
            raise ValueError(shown + " is not a whole number")
        return int(value)
    return value
