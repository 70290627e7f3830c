"""The DTKS domain: ids, pre-list model, merge rule, forms. Pure Python, no I/O frameworks."""

__version__ = "0.1.0"
