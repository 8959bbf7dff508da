"""`corroborate serve`: the web app and REST API over one store."""

from .app import create_app

__all__ = ["create_app"]
