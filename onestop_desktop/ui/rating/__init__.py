"""The citizen's rating at the return of a result: the counter's dialog and the citizen's own screen.

Shared by the tabs (the tracking tab opens it after "return the result"); it reaches into none of them.
"""
