"""Stories: online clustering of articles into the events they report."""
