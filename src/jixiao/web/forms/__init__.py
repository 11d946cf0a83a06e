"""Django forms of the pages: they parse and validate input only; the service does the rest."""
