"""corroborate: cross-check the news, offline, on your own corpus."""

__version__ = "0.1.0"
