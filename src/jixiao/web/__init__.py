"""The Django project and app of jixiao: settings, URLs, the JSON API and the admin. Thin over the service."""
