"""Subcommands of the command line, one module each (see cli.COMMAND_MODULES)."""
