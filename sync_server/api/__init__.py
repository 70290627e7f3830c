"""HTTP API v1: one module per resource, mounted under /api/v1 by sync_server.app."""
