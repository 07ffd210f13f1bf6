"""What the bot says and does, independent of any channel."""
