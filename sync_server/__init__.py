"""Verivali sync server: central DTKS store, pre-list import, pull, push with field merge, review."""

__version__ = "0.1.0"
