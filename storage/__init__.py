"""Persistence: the database, its models and queries, and region data."""
