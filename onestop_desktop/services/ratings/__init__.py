"""The citizen's rating of the service: recording it (record.py) and its figures (figures.py)."""
