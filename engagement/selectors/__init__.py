"""Reads of the engagement app, one module per entity."""
