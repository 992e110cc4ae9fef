"""Catch-Up: turn a treatment program's curriculum in YAML into a static catch-up website."""

__version__ = "0.1.0"
