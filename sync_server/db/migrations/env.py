"""Alembic environment: uses the engine the server hands over in config.attributes."""

from alembic import context
from sqlalchemy import create_engine

from sync_server.db.tables import metadata

config = context.config


def run_migrations_online() -> None:
    """Run migrations on the server's engine (or one built from sqlalchemy.url)."""
    engine = config.attributes.get("engine") or create_engine(
        config.get_main_option("sqlalchemy.url")
    )
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
