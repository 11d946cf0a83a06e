"""The use-cases that the CLI (and later the web app) call; the only door to the core."""
