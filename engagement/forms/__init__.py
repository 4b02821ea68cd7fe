"""Forms of the engagement app, one module per area."""
