"""The ``jixiao`` command line (Typer + Rich): thin over the service layer, Chinese messages."""
