"""Server services: plain functions over a SQLAlchemy connection, called by the API and the CLI."""
