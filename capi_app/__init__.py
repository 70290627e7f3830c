"""Verivali desktop client: local encrypted store, photos, sync and (in ui/) the Qt windows."""
