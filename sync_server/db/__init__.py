"""The server's database: tables, engine set-up, migrations."""
