"""The database's safety in the window: start-up check, backups, restore, the audit view."""
