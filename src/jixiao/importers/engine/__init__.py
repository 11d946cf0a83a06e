"""The table engine: tables read by what their headers mean, whatever the form (see :mod:`reader`)."""
