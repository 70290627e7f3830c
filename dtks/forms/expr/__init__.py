"""The XLSForm expression language: tokenizer, parser, printer and evaluator (never eval)."""

from dtks.forms.expr.evaluate import Context, Layout, compile_tree
from dtks.forms.expr.parser import parse
from dtks.forms.expr.printer import to_text
from dtks.forms.expr.standalone import evaluate

__all__ = ["Context", "Layout", "compile_tree", "evaluate", "parse", "to_text"]
