"""Digitised dossiers: the content-addressed file store, scans by document line, results (issue 14)."""
