"""Finding one item of the framework's data by its id, or saying which ids there are.

The framework's tables (thresholds, outcomes, questions, facts, presets and
the rest) are tuples in a fixed order, so each is searched the same way, here,
and an unknown id always gets the same plain error.

Example:
    >>> class Colour:
    ...     def __init__(self, id):
    ...         self.id = id
    >>> colours = (Colour("red"), Colour("blue"))
    >>> find(colours, "colour", "blue").id
    'blue'
    >>> find(colours, "colour", "green")
    Traceback (most recent call last):
    ...
    decision_core.base.errors.UnknownId: no colour has the id 'green'; known: red, blue
"""

from .errors import UnknownId

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def find(items: "tuple", kind: str, item_id: object, key: str = "id") -> "Any":
    """Return the item of `items` whose `key` attribute is `item_id`.

    Args:
        items: The table, in its order.
        kind: What an item is called in the error, e.g. `threshold`.
        item_id: The id asked for.
        key: The attribute that identifies an item.

    Returns:
        The first item with that id.

    Raises:
        UnknownId: No item has it; the error names the known ids, in order.
    """
    for item in items:
        if getattr(item, key) == item_id:
            return item
    raise UnknownId(kind, item_id, tuple(getattr(item, key) for item in items))
