"""The base of every JSON request body: no text in it may hold the NUL character.

PostgreSQL's text type refuses NUL (the statement fails), and a note stored with it on SQLite
would reach every device's pull. So each field of an input model is walked before validation
(strings inside lists and dicts too) and a NUL is a 422 naming the field, before anything is
stored. Change-sets have their own reader with the same rule (dtks.model).

>>> class Note(BodyIn):
...     note: str | None = None
>>> Note(note="cek lagi").note
'cek lagi'
>>> Note(note="cek\\x00lagi")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Note
note
  Value error, must not contain the NUL character [type=value_error, input_value='cek\\x00lagi', input_type=str]
    For further information visit https://errors.pydantic.dev/2.../v/value_error
"""

from pydantic import BaseModel, field_validator

NUL_MESSAGE = "must not contain the NUL character"


def _has_nul(value, depth: int = 0) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if depth > 32:  # bodies are bounded in size; deeper nesting is no text of ours
        return False
    if isinstance(value, dict):
        return any(_has_nul(k, depth + 1) or _has_nul(v, depth + 1) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v, depth + 1) for v in value)
    return False


class BodyIn(BaseModel):
    """A request body model whose text never holds NUL (see the module)."""

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value):
        if _has_nul(value):
            raise ValueError(NUL_MESSAGE)
        return value
