"""Near-duplicate detection and syndication groups."""
