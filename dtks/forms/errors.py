"""The exceptions of the form engine."""


class FormError(ValueError):
    """A form that cannot be loaded: pyxform rejected it, or one of its expressions is wrong.

    The message names the place: the file, and for expressions the sheet, row and column,
    e.g. "survey sheet, row 14, column relevant: unexpected ')' at position 7".
    """


class ExprSyntaxError(ValueError):
    """An expression that does not parse; ``position`` is 1-based, counted in characters."""

    def __init__(self, message: str, position: int):
        super().__init__(f"{message} at position {position}")
        self.reason = message
        self.position = position


class ExprEvalError(ValueError):
    """An expression that parses but cannot be evaluated (e.g. several values where one is due)."""
