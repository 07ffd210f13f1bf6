"""Channels translate between a messaging service and the core's Inbound/Outbound, nothing more."""
