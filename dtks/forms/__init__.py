"""Forms: XLSForm loading, the expression language, and validation of an answer set.

>>> from dtks.forms import load_form, evaluate
>>> evaluate("${a} + 1", {"a": 1})
2.0
"""

from dtks.forms.errors import ExprEvalError, ExprSyntaxError, FormError
from dtks.forms.expr import evaluate, parse, to_text
from dtks.forms.form import Form, load_form
from dtks.forms.model import Choice, Expression, Field, Problem

__all__ = [
    "Choice",
    "ExprEvalError",
    "ExprSyntaxError",
    "Expression",
    "Field",
    "Form",
    "FormError",
    "Problem",
    "evaluate",
    "load_form",
    "parse",
    "to_text",
]
