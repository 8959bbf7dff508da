"""Story analysis: entities, who said what; later claims, contradictions, timeline, summary."""
