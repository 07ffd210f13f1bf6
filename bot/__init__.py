"""Lapor: the running service (CLI, configuration, channels)."""
