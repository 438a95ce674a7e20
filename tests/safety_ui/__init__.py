"""Safety interface: start-up check, backups, restore, audit view; backups before imports."""
