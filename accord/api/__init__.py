"""accord over HTTP: the REST API (``/api/v1``) and the dashboard (``/``), one process, one store."""
